// Board files: what goes in comes back out, every change is logged, a failed write changes
// nothing, and files that are not ours to write are left alone.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>

#include "board_factory.h"
#include "board_file.h"
#include "editor.h"
#include "geometry.h"
#include "migrations.h"
#include "serialize.h"
#include "test_util.h"

using namespace cc;
using cc::test::readFile;
using cc::test::TempDir;

namespace {

BoardInfo sampleBoard() {
    BoardInfo b = makeBoard("零售银行客户画布 Retail Canvas", "empathy");
    b.id = "b-roundtrip01";
    b.created = 1767225600123;  // 2026-01-01
    b.wallWidth = 5200.5;
    b.wallHeight = 3100.25;
    b.quadrants[2].title = "做 Does (renamed)";
    b.quadrants[2].description = "多行\n描述 with \"quotes\" and a tab\there";
    return b;
}

/// A note with every field set to something other than its default.
Note fullNote(const std::string& id, int quadrant) {
    Note n;
    n.id = id;
    n.text = "年轻客户觉得我们是“父母的银行” " + id + "\nBody line two, 第二行\n\tindented";
    n.source = "focus_group";
    n.data = DataKind::Quantitative;
    n.customerInitiated = true;
    n.dateGathered = "2026-07-28";
    n.author = "王芳 Wang Fang";
    n.created = 1767225600000 + quadrant;
    n.updated = 1767312000000 + quadrant;
    n.tags = {"brand", "年轻客户", "焦点小组"};
    normaliseTags(n.tags);
    n.segment = "Young professionals 年轻白领";
    n.provenance = {"research/2026-07 焦点小组.docx", "Findings > Brand > ¶3", "“稳重、安全”，也说“老派”"};
    n.colour = 0x12AB34;
    n.votes = 6;
    n.state = NoteState::Pinned;
    n.w = 260.5;
    n.h = 150.25;
    n.x = (quadrant == 1 || quadrant == 3) ? -900.5 : 700.75;
    n.y = (quadrant == 1 || quadrant == 2) ? -1200.125 : 300.0625;
    n.quadrant = quadrantOf(n);
    return n;
}

std::vector<Note> sampleNotes() {
    std::vector<Note> v;
    for (int q = 1; q <= 4; ++q) v.push_back(fullNote("n-full" + std::to_string(q), q));
    Note tray = fullNote("n-tray", 1);
    tray.state = NoteState::Tray;
    tray.quadrant = 0;
    tray.tags.clear();
    tray.text = "Tray candidate, plain English";
    tray.provenance = {};
    tray.colour = 0;
    tray.votes = 0;
    tray.dateGathered = "";
    tray.source = "other";
    tray.data = DataKind::Qualitative;
    tray.customerInitiated = false;
    v.push_back(tray);
    Note archived = fullNote("n-archived", 4);
    archived.state = NoteState::Archived;
    archived.source = "web_callcenter";
    v.push_back(archived);
    return v;
}

std::vector<Link> sampleLinks() {
    return {
        Link{"l-supports", "n-full1", "n-full2", LinkKind::Supports, "reproduced by shoppers", "Tom Baker", 1767300000001},
        Link{"l-conflicts", "n-full3", "n-full4", LinkKind::Conflicts, "满意 vs 只推产品", "王芳", 1767300000002},
        Link{"l-relates", "n-full1", "n-archived", LinkKind::Relates, "", "张强", 1767300000003},
    };
}

std::map<std::string, Note> notesOf(const Document& d) { return {d.notes().begin(), d.notes().end()}; }
std::map<std::string, Link> linksOf(const Document& d) { return {d.links().begin(), d.links().end()}; }

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
    const std::string path = dir.file(name);
    auto file = BoardFile::create(path, sampleBoard(), "tester");
    auto doc = file->load();
    file->attach(*doc);
    ChangeSet cs;
    cs.author = "tester";
    cs.time = 1767400000000;
    cs.notes.added = sampleNotes();
    cs.links.added = sampleLinks();
    doc->apply(cs);
    return path;
}

}  // namespace

TEST(BoardFile, EveryFieldOfEveryRecordSurvivesCreateOpenLoad) {
    TempDir dir;
    const std::string path = makeSampleBoard(dir);
    auto file = BoardFile::open(path);
    auto doc = file->load();
    EXPECT_EQ(doc->board(), sampleBoard());
    std::map<std::string, Note> expected;
    for (const auto& n : sampleNotes()) expected[n.id] = n;
    EXPECT_EQ(notesOf(*doc), expected);
    std::map<std::string, Link> expectedLinks;
    for (const auto& l : sampleLinks()) expectedLinks[l.id] = l;
    EXPECT_EQ(linksOf(*doc), expectedLinks);
    EXPECT_TRUE(doc->checkInvariants().empty());
    EXPECT_TRUE(file->integrityProblems().empty());
    // Field by field too, so a failure says which one.
    const Note& n = *doc->note("n-full3");
    const Note want = fullNote("n-full3", 3);
    EXPECT_EQ(n.text, want.text);
    EXPECT_EQ(n.tags, want.tags);
    EXPECT_EQ(n.provenance, want.provenance);
    EXPECT_EQ(n.colour, 0x12ABu * 0x100 + 0x34);
    EXPECT_EQ(n.votes, 6);
    EXPECT_EQ(n.quadrant, 3);
    EXPECT_EQ(n.data, DataKind::Quantitative);
    EXPECT_TRUE(n.customerInitiated);
    EXPECT_EQ(doc->note("n-tray")->state, NoteState::Tray);
    EXPECT_EQ(doc->note("n-tray")->quadrant, 0);
    EXPECT_EQ(doc->note("n-archived")->state, NoteState::Archived);
    EXPECT_EQ(doc->linksOf("n-full1").size(), 2u);
}

TEST(BoardFile, UpdatesAndRemovalsAreWrittenToo) {
    TempDir dir;
    const std::string path = makeSampleBoard(dir);
    {
        auto file = BoardFile::open(path);
        auto doc = file->load();
        file->attach(*doc);
        Editor editor(*doc, "editor");
        Note n = *doc->note("n-full1");
        n.tags = {"新标签", "another"};
        n.text = "改过的 text";
        n.x = 500;  // into quadrant 2
        editor.updateNote(n);
        editor.deleteNotes({"n-full3"});  // takes l-conflicts with it
        Link l = *doc->link("l-relates");
        l.label = "now labelled 标签";
        l.kind = LinkKind::Supports;
        editor.updateLink(l);
        BoardInfo b = doc->board();
        b.title = "New title 新标题";
        b.quadrants[0].description = "";
        editor.updateBoard(b);
    }
    auto file = BoardFile::open(path, BoardFile::Mode::ReadOnly);
    auto doc = file->load();
    const Note& n = *doc->note("n-full1");
    EXPECT_EQ(n.text, "改过的 text");
    EXPECT_EQ(n.tags, (std::vector<std::string>{"another", "新标签"}));
    EXPECT_EQ(n.quadrant, 2);
    EXPECT_EQ(n.x, 500);
    EXPECT_EQ(doc->note("n-full3"), nullptr);
    EXPECT_EQ(doc->link("l-conflicts"), nullptr);
    EXPECT_EQ(doc->link("l-relates")->label, "now labelled 标签");
    EXPECT_EQ(doc->link("l-relates")->kind, LinkKind::Supports);
    EXPECT_EQ(doc->board().title, "New title 新标题");
    EXPECT_EQ(doc->board().quadrants[0].description, "");
    EXPECT_TRUE(doc->checkInvariants().empty());
    EXPECT_TRUE(file->integrityProblems().empty());
    Raw raw(path, SQLITE_OPEN_READONLY);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM note_tag WHERE note_id = 'n-full3'"), 0);
}

TEST(BoardFile, CreateLogsTheNewBoard) {
    TempDir dir;
    const std::string path = dir.file("new.ccboard");
    const BoardInfo b = sampleBoard();
    auto file = BoardFile::create(path, b, "创建者");
    EXPECT_EQ(file->path(), path);
    auto log = file->changeLog();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].seq, 1);
    EXPECT_EQ(log[0].author, "创建者");
    EXPECT_EQ(log[0].time, b.created);
    EXPECT_EQ(log[0].source, "user");
    ChangeSet cs = changeSetFromJson(log[0].payload);
    ASSERT_TRUE(cs.board.has_value());
    EXPECT_EQ(cs.board->second, b);
    auto doc = file->load();
    EXPECT_EQ(doc->board(), b);
    EXPECT_TRUE(doc->notes().empty());
}

TEST(BoardFile, PersistAppendsOneChangeLogRowThatReadsBackAsTheSameChangeSet) {
    TempDir dir;
    const std::string path = makeSampleBoard(dir);
    auto file = BoardFile::open(path);
    auto doc = file->load();
    file->attach(*doc);
    const std::int64_t before = file->lastSequence();
    ASSERT_EQ(before, 2);  // created, then the sample records

    // Through the document: the listener persists.
    ChangeSet cs;
    cs.source = ChangeSource::Import;
    cs.author = "导入 importer";
    cs.time = 1767500000042;
    Note added = fullNote("n-imported", 2);
    added.x += 300;
    added.quadrant = quadrantOf(added);
    cs.notes.added.push_back(added);
    Note moved = *doc->note("n-full4");
    moved.y = -800;  // quadrant 4 -> 2
    moved.quadrant = quadrantOf(moved);
    cs.notes.updated.emplace_back(*doc->note("n-full4"), moved);
    cs.links.removed.push_back(*doc->link("l-supports"));
    cs.links.added.push_back(Link{"l-new", "n-imported", "n-full4", LinkKind::Relates, "新", "导入 importer", 1767500000042});
    doc->apply(cs);

    auto log = file->changeLog(before);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].seq, before + 1);
    EXPECT_EQ(log[0].author, "导入 importer");
    EXPECT_EQ(log[0].time, 1767500000042);
    EXPECT_EQ(log[0].source, "import");
    EXPECT_EQ(changeSetFromJson(log[0].payload), cs);
    EXPECT_EQ(file->lastSequence(), before + 1);

    // Directly: persist() returns the sequence number of its row.
    ChangeSet direct;
    direct.source = ChangeSource::History;
    direct.author = "undo";
    direct.time = 1767500000999;
    direct.notes.removed.push_back(*doc->note("n-tray"));
    const std::int64_t seq = file->persist(direct);
    EXPECT_EQ(seq, before + 2);
    log = file->changeLog(before + 1);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].seq, seq);
    EXPECT_EQ(log[0].source, "history");
    EXPECT_EQ(changeSetFromJson(log[0].payload), direct);
    EXPECT_EQ(file->changeLog(0, 2).size(), 2u);  // max rows
    EXPECT_EQ(file->changeLog(0).size(), static_cast<std::size_t>(seq));

    // Remote change sets are already in the file: the listener does not write them again.
    ChangeSet remote;
    remote.source = ChangeSource::Remote;
    remote.author = "someone else";
    Note r = *doc->note("n-full1");
    r.votes = 9;
    remote.notes.updated.emplace_back(*doc->note("n-full1"), r);
    doc->apply(remote);
    EXPECT_EQ(file->lastSequence(), seq);

    auto again = BoardFile::open(path, BoardFile::Mode::ReadOnly)->load();
    EXPECT_EQ(*again->note("n-imported"), added);
    EXPECT_EQ(again->note("n-full4")->quadrant, 2);
    EXPECT_EQ(again->link("l-supports"), nullptr);
    EXPECT_EQ(again->note("n-tray"), nullptr);
    EXPECT_EQ(again->note("n-full1")->votes, 6);
}

TEST(BoardFile, AFailedWriteLeavesDocumentAndFileUnchanged) {
    TempDir dir;
    const std::string path = makeSampleBoard(dir);
    auto file = BoardFile::open(path);
    auto doc = file->load();
    file->attach(*doc);
    Editor editor(*doc, "tester");
    file->database().setBusyTimeout(0);  // fail at once instead of waiting for the lock
    const auto notesBefore = notesOf(*doc);
    const auto linksBefore = linksOf(*doc);
    const BoardInfo boardBefore = doc->board();
    const std::int64_t seqBefore = file->lastSequence();

    // Another connection holds the write lock, so every write of ours fails.
    Raw other(path);
    ASSERT_EQ(other.exec("BEGIN IMMEDIATE"), SQLITE_OK);

    auto expectUnchanged = [&](const char* what) {
        SCOPED_TRACE(what);
        EXPECT_EQ(notesOf(*doc), notesBefore);
        EXPECT_EQ(linksOf(*doc), linksBefore);
        EXPECT_EQ(doc->board(), boardBefore);
        EXPECT_EQ(doc->linksOf("n-full1").size(), 2u);
        EXPECT_TRUE(doc->checkInvariants().empty());
    };
    auto expectBoardError = [&](auto&& f, const char* what) {
        try {
            f();
            ADD_FAILURE() << what << ": no error";
        } catch (const BoardError& e) {
            const std::string m = e.what();
            EXPECT_NE(m.find(path), std::string::npos) << m;
            EXPECT_EQ(m.find('\n'), std::string::npos) << m;
        }
        expectUnchanged(what);
    };
    expectBoardError([&] { editor.addNoteInQuadrant(editor.makeNote("lost? 丢失?", "survey"), 3); }, "add");
    expectBoardError([&] { editor.moveNotes({"n-full1", "n-full2"}, 0, 2000); }, "move");
    expectBoardError([&] { editor.deleteNotes({"n-full1"}); }, "delete with links");
    expectBoardError([&] { editor.addLink("n-full2", "n-full4", LinkKind::Conflicts); }, "link");
    expectBoardError([&] {
        BoardInfo b = doc->board();
        b.title = "never";
        editor.updateBoard(b);
    }, "board");
    ASSERT_EQ(other.exec("ROLLBACK"), SQLITE_OK);

    // The file holds the same as the document, and it still works once the lock is gone.
    EXPECT_EQ(file->lastSequence(), seqBefore);
    auto reread = BoardFile::open(path, BoardFile::Mode::ReadOnly)->load();
    EXPECT_EQ(notesOf(*reread), notesBefore);
    EXPECT_EQ(linksOf(*reread), linksBefore);
    editor.deleteNotes({"n-full1"});
    EXPECT_EQ(file->lastSequence(), seqBefore + 1);
    EXPECT_EQ(BoardFile::open(path, BoardFile::Mode::ReadOnly)->load()->note("n-full1"), nullptr);
}

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
    // Whatever SQLite keeps next to a WAL database, nothing was written into it.
    std::error_code ec;
    EXPECT_EQ(std::filesystem::file_size(path + "-wal", ec), ec ? std::uintmax_t(-1) : 0u);
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

TEST(BoardFile, ANoteReplacedWithinOneChangeSetKeepsItsLinks) {
    // The document allows removing and adding the same note id in one change set (a replace);
    // links that point at it stay valid, so the file must take the set as well.
    TempDir dir;
    const std::string path = makeSampleBoard(dir);
    auto file = BoardFile::open(path);
    auto doc = file->load();
    file->attach(*doc);
    const Note before = *doc->note("n-full1");
    Note replacement = before;
    replacement.text = "replaced 替换";
    replacement.tags = {"new"};
    ChangeSet cs;
    cs.author = "tester";
    cs.notes.removed.push_back(before);
    cs.notes.added.push_back(replacement);
    ASSERT_NO_THROW(doc->apply(cs));
    EXPECT_EQ(doc->note("n-full1")->text, "replaced 替换");
    auto again = BoardFile::open(path, BoardFile::Mode::ReadOnly);
    auto reread = again->load();
    EXPECT_EQ(*reread->note("n-full1"), replacement);
    EXPECT_EQ(reread->linksOf("n-full1").size(), 2u);
    EXPECT_TRUE(again->integrityProblems().empty());
}

TEST(BoardFile, LinksMadeElsewhereGoWithARemovedNoteAndIntoTheLog) {
    // Another process linked to a note after this one last looked: removing the note removes
    // those links too, and the logged change says so (every replay and every other process
    // removes them as well).
    TempDir dir;
    const std::string path = makeSampleBoard(dir);
    auto file = BoardFile::open(path);
    const auto linksBefore = file->load()->linksOf("n-full1").size();
    ASSERT_GT(linksBefore, 0u);
    ChangeSet removeOnly;
    removeOnly.author = "tester";
    removeOnly.notes.removed.push_back(*file->load()->note("n-full1"));
    const std::int64_t seq = file->persist(removeOnly);
    auto doc = file->load();
    EXPECT_EQ(doc->note("n-full1"), nullptr);
    EXPECT_TRUE(doc->checkInvariants().empty());
    EXPECT_TRUE(file->integrityProblems().empty());
    const ChangeSet logged = changeSetFromJson(file->changeLog(seq - 1).front().payload);
    EXPECT_EQ(logged.links.removed.size(), linksBefore);
}

TEST(BoardFile, AChangeThatWouldLeaveADanglingLinkIsRefusedAsAWhole) {
    // persist() without the document's checks: the file's own keys still hold at commit, the
    // whole transaction (change-log row included) is rolled back, and the next write works.
    TempDir dir;
    const std::string path = makeSampleBoard(dir);
    auto file = BoardFile::open(path);
    const std::int64_t seq = file->lastSequence();
    ChangeSet bad;
    bad.author = "tester";
    bad.notes.added.push_back(fullNote("n-extra", 2));
    bad.links.added.push_back(Link{"l-dangling", "n-full1", "n-ghost", LinkKind::Relates, "", "tester", 1});
    EXPECT_THROW(file->persist(bad), BoardError);
    EXPECT_EQ(file->lastSequence(), seq);
    EXPECT_TRUE(file->integrityProblems().empty());
    auto doc = file->load();
    EXPECT_EQ(doc->note("n-extra"), nullptr);
    EXPECT_NE(doc->note("n-full1"), nullptr);
    ChangeSet good;
    good.author = "tester";
    good.notes.added.push_back(fullNote("n-extra", 2));
    EXPECT_EQ(file->persist(good), seq + 1);
    EXPECT_NE(file->load()->note("n-extra"), nullptr);
}
