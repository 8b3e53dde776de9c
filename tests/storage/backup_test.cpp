// JSON backups: a round trip loses nothing, and anything that is not a sound backup is refused
// with one line naming the file, without leaving a board file behind.

// cereal's JSON header first: it decides how rapidjson reports errors (see json_listing.cpp).
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "storage/backup.h"
#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "storage/json_listing.h"
#include "storage/serialize.h"
#include "test_util.h"

using namespace cc;
using cc::test::readFile;
using cc::test::TempDir;
using cc::test::dirEntries;
using cc::test::writeFile;

namespace {

/// A board with every kind of record and field, edited a few times so its log has some history.
std::string makeRichBoard(const TempDir& dir) {
    const std::string path = dir.file("rich.ccboard");
    BoardInfo b = makeBoard("备份测试 Backup test", "custom");
    b.quadrants[0].title = "客户是谁 Who";
    b.quadrants[3].description = "line one\nline two \"quoted\" \\ backslash";
    auto file = BoardFile::create(path, b, "tester");
    auto doc = file->load();
    file->attach(*doc);
    Editor editor(*doc, "王芳");
    std::vector<std::string> ids;
    for (int i = 0; i < 12; ++i) {
        Note n = editor.makeNote("第 " + std::to_string(i) + " 条 note\nbody with \"quotes\", tabs\tand \\ slashes",
                                 SourceKinds::builtin().all()[i % 21].key);
        n.tags = {"tag" + std::to_string(i % 3), "标签"};
        n.segment = i % 2 ? "退休客户" : "";
        n.provenance = {"report " + std::to_string(i) + ".pdf", "page " + std::to_string(i + 1), "原文 excerpt"};
        n.colour = i % 4 ? 0 : 0xABCDEF;
        n.votes = i;
        n.dateGathered = i % 5 ? "2026-0" + std::to_string(1 + i % 9) + "-15" : "";
        n.w = 220.5 + i * 0.25;  // fractions survive
        ids.push_back(editor.addNoteInQuadrant(n, 1 + i % 4));
    }
    Note tray = editor.makeNote("in the tray 托盘", "other");
    tray.state = NoteState::Tray;
    tray.data = DataKind::Quantitative;
    ids.push_back(editor.addNote(tray));
    Note archived = *doc->note(ids[3]);
    archived.state = NoteState::Archived;
    editor.updateNote(archived);
    editor.addLink(ids[0], ids[1], LinkKind::Supports, "支持");
    editor.addLink(ids[2], ids[1], LinkKind::Supports);
    editor.addLink(ids[4], ids[5], LinkKind::Conflicts, "survey vs logs");
    editor.addLink(ids[6], ids[12], LinkKind::Relates);
    editor.moveNotes({ids[7]}, 3000, 0);
    editor.deleteNotes({ids[8]});
    editor.undo();  // a History change in the log
    return path;
}

struct Loaded {
    std::unique_ptr<BoardFile> file;
    std::unique_ptr<Document> doc;
    std::vector<LogEntry> log;
};

Loaded load(const std::string& path) {
    Loaded l;
    l.file = BoardFile::open(path, BoardFile::Mode::ReadOnly);
    l.doc = l.file->load();
    l.log = l.file->changeLog();
    return l;
}

void expectSameBoard(const Document& a, const Document& b) {
    EXPECT_EQ(a.board(), b.board());
    EXPECT_EQ((std::map<std::string, Note>(a.notes().begin(), a.notes().end())),
              (std::map<std::string, Note>(b.notes().begin(), b.notes().end())));
    EXPECT_EQ((std::map<std::string, Link>(a.links().begin(), a.links().end())),
              (std::map<std::string, Link>(b.links().begin(), b.links().end())));
    EXPECT_EQ(boardToJson(a), boardToJson(b));
}

std::string exportOf(const TempDir& dir, const std::string& board) {
    const std::string out = dir.file("backup.json");
    auto l = load(board);
    exportBackup(*l.doc, l.log, out);
    return out;
}

/// Rewrites a backup through rapidjson.
void edit(const std::string& path, const std::function<void(rapidjson::Document&)>& change) {
    rapidjson::Document d;
    const std::string text = readFile(path);
    d.Parse(text.c_str(), text.size());
    ASSERT_FALSE(d.HasParseError());
    change(d);
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    d.Accept(w);
    writeFile(path, std::string(buf.GetString(), buf.GetSize()));
}

/// readBackup and restoreBackup both refuse the file with one line naming it and `reason`,
/// and no board file (nor its -wal, -shm, -journal) is left.
void expectRefused(const TempDir& dir, const std::string& backup, const std::string& reason) {
    const std::string board = dir.file("restored.ccboard");
    const auto entries = dirEntries(dir.path());
    auto check = [&](const std::function<void()>& f, const char* what) {
        SCOPED_TRACE(what);
        try {
            f();
            ADD_FAILURE() << backup << " was accepted";
        } catch (const BoardError& e) {
            const std::string m = e.what();
            EXPECT_EQ(m.find('\n'), std::string::npos) << m;
            EXPECT_EQ(m.rfind(backup + ": ", 0), 0u) << "does not start with the file: " << m;
            EXPECT_NE(m.find(reason), std::string::npos) << "expected '" << reason << "' in: " << m;
            EXPECT_LT(m.size(), 400u) << m;
        } catch (const std::exception& e) {
            ADD_FAILURE() << "not a BoardError: " << e.what();
        }
        EXPECT_EQ(dirEntries(dir.path()), entries) << "files were left behind";
    };
    check([&] { readBackup(backup); }, "readBackup");
    check([&] { restoreBackup(backup, board); }, "restoreBackup");
}

}  // namespace

TEST(Backup, ExportThenReadIsLossless) {
    TempDir dir;
    const std::string board = makeRichBoard(dir);
    auto original = load(board);
    ASSERT_GE(original.log.size(), 20u);
    const std::string backup = exportOf(dir, board);
    EXPECT_EQ(dirEntries(dir.path()).count("backup.json"), 1u);
    for (const auto& name : dirEntries(dir.path())) EXPECT_EQ(name.find(".tmp"), std::string::npos) << name;

    Backup b = readBackup(backup);
    expectSameBoard(*b.document, *original.doc);
    EXPECT_EQ(b.log, original.log);
    EXPECT_TRUE(b.document->checkInvariants().empty());
}

TEST(Backup, RestoreMakesTheSameBoardWithTheSameHistory) {
    TempDir dir;
    const std::string board = makeRichBoard(dir);
    const std::string backup = exportOf(dir, board);
    const std::string restored = dir.file("restored.ccboard");
    restoreBackup(backup, restored);
    {
        auto a = load(board);
        auto b = load(restored);
        expectSameBoard(*a.doc, *b.doc);
        EXPECT_EQ(a.log, b.log);
        EXPECT_TRUE(b.file->integrityProblems().empty());
        for (const auto& e : b.log) EXPECT_NO_THROW(changeSetFromJson(e.payload));
    }
    // The restored board carries on: new changes follow the restored log.
    auto file = BoardFile::open(restored);
    auto doc = file->load();
    file->attach(*doc);
    const std::int64_t last = file->lastSequence();
    Editor editor(*doc, "after restore");
    editor.addNoteInQuadrant(editor.makeNote("new 新", "survey"), 2);
    EXPECT_EQ(file->lastSequence(), last + 1);
    // And a backup of the restored board is the same file again.
    const std::string again = dir.file("again.json");
    exportBackup(*doc, {}, again);
    Backup b = readBackup(again);
    expectSameBoard(*b.document, *doc);
}

TEST(Backup, RestoreRefusesToOverwriteABoard) {
    TempDir dir;
    const std::string board = makeRichBoard(dir);
    const std::string backup = exportOf(dir, board);
    const std::string other = dir.file("other.ccboard");
    BoardFile::create(other, makeBoard("Other"), "tester");
    for (const std::string& target : {board, other}) {
        const std::string bytes = readFile(target);
        const auto entries = dirEntries(dir.path());
        try {
            restoreBackup(backup, target);
            ADD_FAILURE() << "overwrote " << target;
        } catch (const BoardError& e) {
            EXPECT_NE(std::string(e.what()).find(target), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("exists"), std::string::npos) << e.what();
        }
        EXPECT_EQ(readFile(target), bytes);
        EXPECT_EQ(dirEntries(dir.path()), entries);
    }
}

TEST(Backup, ExportReplacesAnOldBackupButNeverABoard) {
    TempDir dir;
    const std::string board = makeRichBoard(dir);
    auto l = load(board);
    const std::string backup = dir.file("backup.json");
    cc::test::writeFile(backup, "an older backup");
    exportBackup(*l.doc, l.log, backup);
    EXPECT_EQ(readBackup(backup).log, l.log);

    const std::string other = dir.file("other.ccboard");
    BoardFile::create(other, makeBoard("Other"), "tester");
    for (const std::string& target : {board, other}) {
        const std::string bytes = readFile(target);
        const auto entries = dirEntries(dir.path());
        try {
            exportBackup(*l.doc, l.log, target);
            ADD_FAILURE() << "replaced " << target;
        } catch (const BoardError& e) {
            const std::string m = e.what();
            EXPECT_EQ(m.rfind(target + ": ", 0), 0u) << m;
            EXPECT_NE(m.find("is a board"), std::string::npos) << m;
        }
        EXPECT_EQ(readFile(target), bytes);
        EXPECT_EQ(dirEntries(dir.path()), entries);
    }
    EXPECT_THROW(exportBackup(*l.doc, l.log, dir.file("no/such/folder/b.json")), BoardError);
}

TEST(Backup, MalformedJsonIsRefused) {
    TempDir dir;
    const std::string p = dir.file("bad.json");
    writeFile(p, "{\"backup\": {\"format\": \"customer-canvas-backup\", \"board\": {");
    expectRefused(dir, p, "not a readable backup");
    writeFile(p, "not json at all 不是 JSON");
    expectRefused(dir, p, "not a readable backup");
    writeFile(p, "");
    expectRefused(dir, p, "");
}

TEST(Backup, JsonOfAnotherShapeIsRefused) {
    TempDir dir;
    const std::string p = dir.file("other.json");
    writeFile(p, R"({"nodes": [{"id": "1", "text": "a JSON Canvas file"}], "edges": []})");
    expectRefused(dir, p, "not a readable backup");
    writeFile(p, "[1, 2, 3]");
    expectRefused(dir, p, "");
    // The right envelope with someone else's format name.
    const std::string board = makeRichBoard(dir);
    const std::string backup = exportOf(dir, board);
    edit(backup, [](rapidjson::Document& d) { d["backup"]["format"].SetString("their-backup"); });
    expectRefused(dir, backup, "not a Customer Canvas backup");
    // A number where text belongs.
    const std::string backup2 = exportOf(dir, board);
    edit(backup2, [](rapidjson::Document& d) { d["backup"]["notes"][0]["text"].SetInt(42); });
    expectRefused(dir, backup2, "not a readable backup");
}

TEST(Backup, ALinkToAMissingNoteIsRefused) {
    TempDir dir;
    const std::string backup = exportOf(dir, makeRichBoard(dir));
    edit(backup, [](rapidjson::Document& d) { d["backup"]["links"][0]["to"].SetString("n-nowhere"); });
    expectRefused(dir, backup, "n-nowhere");
}

TEST(Backup, ANoteOfAnUnknownSourceKindIsRefused) {
    TempDir dir;
    const std::string backup = exportOf(dir, makeRichBoard(dir));
    edit(backup, [](rapidjson::Document& d) { d["backup"]["notes"][2]["source"].SetString("astrology"); });
    expectRefused(dir, backup, "unknown source kind 'astrology'");
}

TEST(Backup, OtherBrokenRecordsAreRefused) {
    TempDir dir;
    const std::string board = makeRichBoard(dir);
    struct Case {
        const char* what;
        std::function<void(rapidjson::Document&)> change;
        std::string reason;
    };
    const std::vector<Case> cases{
        {"duplicate note id",
         [](rapidjson::Document& d) {
             auto& notes = d["backup"]["notes"];
             notes[1]["id"].SetString(notes[0]["id"].GetString(), d.GetAllocator());
         },
         "twice"},
        {"bad date", [](rapidjson::Document& d) { d["backup"]["notes"][0]["dateGathered"].SetString("2026-13-40"); },
         "2026-13-40"},
        {"unknown state", [](rapidjson::Document& d) { d["backup"]["notes"][0]["state"].SetString("floating"); },
         "floating"},
        {"wrong quadrant",
         [](rapidjson::Document& d) {
             for (auto& n : d["backup"]["notes"].GetArray()) {
                 if (std::string(n["state"].GetString()) != "pinned") continue;
                 n["quadrant"].SetInt(n["quadrant"].GetInt() % 4 + 1);
                 break;
             }
         },
         "does not match its place"},
        {"log out of order", [](rapidjson::Document& d) { d["backup"]["changeLog"][1]["seq"].SetInt(1); }, "order"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.what);
        const std::string backup = exportOf(dir, board);
        edit(backup, c.change);
        expectRefused(dir, backup, c.reason);
    }
}

TEST(Backup, DeepNestingIsRefusedWithoutExhaustingTheStack) {
    TempDir dir;
    const std::string p = dir.file("deep.json");
    writeFile(p, std::string(100000, '[') + std::string(100000, ']'));
    expectRefused(dir, p, "nested");
    writeFile(p, "{\"backup\": " + std::string(100000, '{'));
    expectRefused(dir, p, "nested");
}

TEST(Backup, AFileOverTheSizeLimitIsRefusedUnread) {
    TempDir dir;
    const std::string p = dir.file("huge.json");
    writeFile(p, "");
    std::filesystem::resize_file(p, kMaxBackupBytes + 1);  // sparse: no disk space used
    expectRefused(dir, p, "too large");
    std::filesystem::resize_file(p, 0);
}

TEST(Backup, AMissingFileIsRefused) {
    TempDir dir;
    expectRefused(dir, dir.file("nothing-here.json"), "no such file");
}
