// Board files only: SQLite's own settings, a failed write while another connection holds the
// lock, files that are not ours to write are left alone. What every backend does (records
// round-trip, the change log, refusals, collaboration) is in store_suite_test.cpp.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>

#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "storage/migrations.h"
#include "storage/serialize.h"
#include "sample_records.h"
#include "test_util.h"

using namespace cc;
using cc::test::readFile;
using cc::test::TempDir;
using cc::test::fullNote;
using cc::test::sampleBoard;
using cc::test::sampleLinks;
using cc::test::sampleNotes;

namespace {


/// A plain SQLite connection next to the program's, for looking at the file from outside.
struct Raw {
    sqlite3* db = nullptr;
    explicit Raw(const std::string& path, int flags = SQLITE_OPEN_READWRITE) {
        EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, flags, nullptr), SQLITE_OK);
    }
    ~Raw() { sqlite3_close(db); }
    int exec(const std::string& sql) { return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr); }
    std::string text(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        std::string out = "<error>";
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        return out;
    }
    long long integer(const std::string& sql) { return std::stoll(text(sql)); }
};

std::set<std::string> dirEntries(const std::filesystem::path& dir) {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

/// A board file holding the sample records, closed again.
std::string makeSampleBoard(const TempDir& dir, const std::string& name = "board.ccboard") {
    return test::makeSampleBoard(dir.file(name));
}

}  // namespace

TEST(BoardFile, UsesWalAndMarksItselfAsABoard) {
    TempDir dir;
    const std::string path = makeSampleBoard(dir);
    {
        auto file = BoardFile::open(path);
        auto& db = file->database();
        EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
        EXPECT_EQ(db.execAndGet("PRAGMA synchronous").getInt(), 1);  // NORMAL
        EXPECT_EQ(db.execAndGet("PRAGMA foreign_keys").getInt(), 1);
        EXPECT_GT(db.execAndGet("PRAGMA busy_timeout").getInt(), 0);
    }
    Raw raw(path, SQLITE_OPEN_READONLY);
    EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(raw.integer("PRAGMA application_id"), kBoardApplicationId);
    EXPECT_EQ(raw.integer("PRAGMA user_version"), currentSchemaVersion());
    EXPECT_GE(currentSchemaVersion(), 1);
    // The file header says so too: bytes 18-19 are 2 for WAL, application_id at 68.
    const std::string bytes = readFile(path);
    ASSERT_GE(bytes.size(), 100u);
    EXPECT_EQ(bytes[18], 2);
    EXPECT_EQ(bytes[19], 2);
    EXPECT_EQ(bytes.substr(68, 4), "CCnv");
}

TEST(BoardFile, CreateRefusesToOverwriteAnything) {
    TempDir dir;
    const std::string board = makeSampleBoard(dir);
    const std::string text = dir.file("notes.ccboard");
    cc::test::writeFile(text, "my own notes, not a board\n");
    std::filesystem::create_directory(dir.file("folder.ccboard"));
    for (const std::string& path : {board, text}) {
        const std::string bytes = readFile(path);
        const auto entries = dirEntries(dir.path());
        try {
            BoardFile::create(path, makeBoard("Other"), "tester");
            ADD_FAILURE() << path << ": overwritten";
        } catch (const BoardError& e) {
            const std::string m = e.what();
            EXPECT_EQ(m.rfind(path + ": ", 0), 0u) << m;
            EXPECT_NE(m.find("exists"), std::string::npos) << m;
        }
        EXPECT_EQ(readFile(path), bytes);
        EXPECT_EQ(dirEntries(dir.path()), entries);
    }
    EXPECT_THROW(BoardFile::create(dir.file("folder.ccboard"), makeBoard("Other"), "tester"), BoardError);
    EXPECT_TRUE(std::filesystem::is_directory(dir.file("folder.ccboard")));
    EXPECT_THROW(BoardFile::create(dir.file("no/such/folder/x.ccboard"), makeBoard("Other"), "tester"), BoardError);
    EXPECT_FALSE(std::filesystem::exists(dir.file("no")));
    EXPECT_EQ(BoardFile::open(board)->load()->notes().size(), sampleNotes().size());
}

TEST(BoardFile, ReadOnlyOpenNeverWrites) {
    TempDir dir;
    const std::string path = makeSampleBoard(dir);
    ASSERT_FALSE(std::filesystem::exists(path + "-wal"));  // checkpointed when it was closed
    const std::string bytes = readFile(path);
    struct stat before{};
    ASSERT_EQ(::stat(path.c_str(), &before), 0);
    {
        auto file = BoardFile::open(path, BoardFile::Mode::ReadOnly);
        auto doc = file->load();
        EXPECT_EQ(doc->notes().size(), sampleNotes().size());
        EXPECT_TRUE(file->integrityProblems().empty());
        EXPECT_EQ(file->changeLog().size(), 2u);
        // A read-only board refuses changes, and the document takes them back.
        file->attach(*doc);
        Editor editor(*doc, "reader");
        EXPECT_THROW(editor.deleteNotes({"n-full2"}), BoardError);
        EXPECT_NE(doc->note("n-full2"), nullptr);
        ChangeSet cs;
        cs.notes.removed.push_back(*doc->note("n-tray"));
        EXPECT_THROW(file->persist(cs), BoardError);
    }
    EXPECT_EQ(readFile(path), bytes);
    struct stat after{};
    ASSERT_EQ(::stat(path.c_str(), &after), 0);
    EXPECT_EQ(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
    EXPECT_EQ(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
    // Nor is anything left next to it.
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
    EXPECT_FALSE(std::filesystem::exists(path + "-shm"));
}

TEST(BoardFile, OfManyProcessesCreatingTheSameBoardExactlyOneSucceeds) {
    // "Refuses to overwrite anything" must hold when the other creator is a moment ahead too:
    // the check and the creation of the file have to be one step.
    for (int round = 0; round < 10; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        TempDir dir;
        const std::string path = dir.file("raced.ccboard");
        int gate[2];
        ASSERT_EQ(::pipe(gate), 0);
        std::vector<pid_t> children;
        for (int i = 0; i < 6; ++i) {
            const pid_t pid = ::fork();
            if (pid == 0) {
                ::close(gate[1]);
                char c;
                while (::read(gate[0], &c, 1) > 0) {
                }
                try {
                    BoardInfo b = makeBoard("Racer " + std::to_string(i));
                    b.id = "b-racer" + std::to_string(i);
                    BoardFile::create(path, b, "racer");
                    ::_exit(0);
                } catch (const BoardError& e) {
                    ::_exit(std::string(e.what()).find("exists") != std::string::npos ? 1 : 2);
                } catch (...) {
                    ::_exit(3);
                }
            }
            children.push_back(pid);
        }
        ::close(gate[0]);
        ::close(gate[1]);  // all of them go at once
        std::map<int, int> outcomes;
        for (pid_t pid : children) {
            int st = 0;
            ::waitpid(pid, &st, 0);
            ++outcomes[WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st)];
        }
        EXPECT_EQ(outcomes[0], 1) << "creators that succeeded";
        EXPECT_EQ(outcomes[1], 5) << "creators told the board exists";
        auto file = BoardFile::open(path, BoardFile::Mode::ReadOnly);
        EXPECT_EQ(file->changeLog().size(), 1u);
        EXPECT_EQ(file->load()->board().title.rfind("Racer ", 0), 0u);
    }
}

