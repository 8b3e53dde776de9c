// Files that are not boards (or not boards this program can read) are refused with one line
// that names the file and the reason, and not a byte of them, nor of their folder, changes.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <set>

#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "storage/migrations.h"
#include "test_util.h"

using namespace cc;
using cc::test::readFile;
using cc::test::TempDir;
using cc::test::dirEntries;
using cc::test::writeFile;

namespace {

void sql(const std::string& path, const std::string& statements) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &err);
    EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
}

/// A real board with `notes` notes and a few links, closed (so checkpointed into one file).
void makeBoard(const std::string& path, int notes) {
    auto file = BoardFile::create(path, cc::makeBoard("Real board 真的"), "tester");
    auto doc = file->load();
    file->attach(*doc);
    Editor editor(*doc, "tester");
    ChangeSet cs;
    for (int i = 0; i < notes; ++i) {
        Note n = editor.makeNote("Note " + std::to_string(i) + " 第" + std::to_string(i) + "条\n" +
                                     std::string(200, 'x'),
                                 "survey");
        n.x = -2000 + (i % 20) * 200;
        n.y = -1400 + (i / 20) * 180;
        n.quadrant = quadrantOf(n);
        cs.notes.added.push_back(n);
    }
    editor.applyLocal(cs);
    if (notes >= 2) editor.addLink(cs.notes.added[0].id, cs.notes.added[1].id, LinkKind::Supports);
}

/// Opening `path` in either mode fails with a BoardError of one line naming the file and
/// giving `reason`; the file and its folder are exactly as before.
void expectRefused(const std::string& path, const std::string& reason) {
    namespace fs = std::filesystem;
    const fs::path folder = fs::path(path).parent_path();
    const bool existed = fs::exists(path);
    const bool regular = fs::is_regular_file(path);
    const std::string bytes = regular ? readFile(path) : "";
    const auto entries = dirEntries(folder);
    for (auto mode : {BoardFile::Mode::ReadWrite, BoardFile::Mode::ReadOnly}) {
        SCOPED_TRACE(mode == BoardFile::Mode::ReadWrite ? "read-write" : "read-only");
        try {
            auto file = BoardFile::open(path, mode);
            ADD_FAILURE() << path << " was opened";
        } catch (const BoardError& e) {
            const std::string m = e.what();
            EXPECT_EQ(m.find('\n'), std::string::npos) << m;
            EXPECT_EQ(m.rfind(path + ": ", 0), 0u) << "does not start with the path: " << m;
            EXPECT_GT(m.size(), path.size() + 10) << "no reason: " << m;
            EXPECT_NE(m.find(reason), std::string::npos) << "expected the reason '" << reason << "' in: " << m;
        } catch (const std::exception& e) {
            ADD_FAILURE() << "not a BoardError: " << e.what();
        }
        EXPECT_EQ(fs::exists(path), existed);
        EXPECT_EQ(fs::is_regular_file(path), regular);
        if (regular) {
            EXPECT_TRUE(readFile(path) == bytes) << "the file's bytes changed";
        }
        EXPECT_EQ(dirEntries(folder), entries) << "files were created or removed next to it";
    }
}

struct BadFiles : ::testing::Test {
    TempDir dir;
    std::string path(const std::string& name) {
        // Each case in a folder of its own, so "nothing next to it" is easy to see.
        std::filesystem::create_directories(dir.path() / name);
        return (dir.path() / name / (name + ".ccboard")).string();
    }
};

}  // namespace

TEST_F(BadFiles, TextFile) {
    const std::string p = path("text");
    writeFile(p, "Customer canvas notes\n客户画像: 年轻客户\nnot a database at all\n");
    expectRefused(p, "not a Customer Canvas board");
}

TEST_F(BadFiles, RandomBytes) {
    const std::string p = path("random");
    std::mt19937 rng(12345);
    std::string bytes(10 * 1024, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng());
    writeFile(p, bytes);
    expectRefused(p, "not a Customer Canvas board");
}

TEST_F(BadFiles, RandomBytesBehindAnSQLiteHeader) {
    const std::string p = path("garbage");
    std::mt19937 rng(777);
    std::string bytes(8 * 1024, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng());
    bytes.replace(0, 16, std::string("SQLite format 3\0", 16));
    writeFile(p, bytes);
    expectRefused(p, "");
}

TEST_F(BadFiles, EmptyFile) {
    const std::string p = path("empty");
    writeFile(p, "");
    expectRefused(p, "empty");
}

TEST_F(BadFiles, TruncatedBoard) {
    const std::string p = path("truncated");
    makeBoard(p, 300);
    ASSERT_FALSE(std::filesystem::exists(p + "-wal"));
    const auto size = std::filesystem::file_size(p);
    ASSERT_GT(size, 64u * 1024) << "the board should have some pages to lose";
    std::filesystem::resize_file(p, size / 2);
    expectRefused(p, "truncated");
}

TEST_F(BadFiles, DatabaseOfAnotherProgram) {
    const std::string p = path("other");
    sql(p, "PRAGMA application_id = 1179603285;"  // someone else's id
           "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT);"
           "CREATE TABLE link (a, b);"
           "INSERT INTO note (text) VALUES ('their data 他们的数据');"
           "PRAGMA user_version = 1;");
    expectRefused(p, "another program");
}

TEST_F(BadFiles, DatabaseOfAnotherProgramInWalMode) {
    const std::string p = path("otherwal");
    sql(p, "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    ASSERT_FALSE(std::filesystem::exists(p + "-wal"));
    expectRefused(p, "another program");
}

TEST_F(BadFiles, EmptySQLiteDatabase) {
    const std::string p = path("emptydb");
    sql(p, "CREATE TABLE t (x); DROP TABLE t; VACUUM;");
    ASSERT_GT(std::filesystem::file_size(p), 0u);
    expectRefused(p, "empty SQLite database");
}

TEST_F(BadFiles, BoardWithoutSchemaVersion) {
    const std::string p = path("noversion");
    sql(p, "PRAGMA application_id = " + std::to_string(kBoardApplicationId) + "; CREATE TABLE board (x);");
    expectRefused(p, "user_version 0");
}

TEST_F(BadFiles, BoardOfANewerSchema) {
    const std::string p = path("newer");
    makeBoard(p, 5);
    sql(p, "PRAGMA user_version = " + std::to_string(currentSchemaVersion() + 1));
    ASSERT_FALSE(std::filesystem::exists(p + "-wal"));
    expectRefused(p, "newer");
    // The message says what to do.
    try {
        BoardFile::open(p);
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("update the program"), std::string::npos) << e.what();
    }
}

TEST_F(BadFiles, MissingFile) {
    const std::string p = path("missing");
    expectRefused(p, "no such file");
    EXPECT_TRUE(dirEntries(dir.path() / "missing").empty());
}

TEST_F(BadFiles, Directory) {
    const std::string p = path("dir");
    std::filesystem::create_directory(p);
    writeFile(p + "/inside.txt", "x");
    expectRefused(p, "not a regular file");
    EXPECT_EQ(dirEntries(p), std::set<std::string>{"inside.txt"});
}

TEST_F(BadFiles, GoodBoardNextToThemStillOpens) {
    // The control: the same checks pass on a real board, so the refusals above are about the files.
    const std::string p = path("good");
    makeBoard(p, 20);
    auto file = BoardFile::open(p, BoardFile::Mode::ReadOnly);
    EXPECT_EQ(file->load()->notes().size(), 20u);
    EXPECT_TRUE(file->integrityProblems().empty());
}
