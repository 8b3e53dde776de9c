// The storage suite every backend passes: a board file and a board on the team server keep the
// same records, log every change the same way, take back a failed write, refuse what would
// break the board, and let several processes work on one board and converge. Each test runs
// once per backend (value-parameterised); file-only checks stay in board_file_test.cpp.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <map>
#include <thread>

#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "storage/pg/pg_address.h"
#include "sample_records.h"
#include "storage/serialize.h"
#include "store_backends.h"

using namespace cc;
using namespace cc::test;

namespace {

std::map<std::string, Note> notesOf(const Document& d) { return {d.notes().begin(), d.notes().end()}; }
std::map<std::string, Link> linksOf(const Document& d) { return {d.links().begin(), d.links().end()}; }


std::unique_ptr<Document> freshLoad(const std::string& address) {
    return openBoard(address, BoardStore::Mode::ReadOnly)->load();
}

/// One process's view of a board: its own connection, document and editor, as a window has.
struct View {
    std::unique_ptr<BoardStore> store;
    std::unique_ptr<Document> doc;
    std::unique_ptr<Editor> editor;
    View(const std::string& address, const std::string& author) {
        store = openBoard(address);
        doc = store->load();
        store->attach(*doc);
        editor = std::make_unique<Editor>(*doc, author);
    }
    /// Pulls until at least `atLeast` remote change sets arrived (a server's notification
    /// travels for a moment after the commit), or ten seconds passed; returns how many did.
    std::size_t pull(std::size_t atLeast = 1) {
        std::size_t got = store->pullRemote(*doc);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (got < atLeast && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            got += store->pullRemote(*doc);
        }
        return got;
    }
};

void expectSameAsStored(const Document& doc, const std::string& address) {
    auto fresh = freshLoad(address);
    EXPECT_EQ(doc.board(), fresh->board());
    ASSERT_EQ(doc.notes().size(), fresh->notes().size());
    for (const auto& [id, n] : fresh->notes()) {
        ASSERT_NE(doc.note(id), nullptr) << id;
        EXPECT_EQ(*doc.note(id), n) << id;
    }
    ASSERT_EQ(doc.links().size(), fresh->links().size());
    for (const auto& [id, l] : fresh->links()) {
        ASSERT_NE(doc.link(id), nullptr) << id;
        EXPECT_EQ(*doc.link(id), l) << id;
    }
}

/// Makes every write to one board fail until it goes out of scope: another connection holds a
/// board file's write lock (and the store waits no time for it); on the server a trigger
/// refuses the board's change-log rows, after the records were written.
class WriteBlocker {
public:
    WriteBlocker(BoardStore& store, const std::string& address, bool server) : m_server(server) {
        if (!server) {
            dynamic_cast<BoardFile&>(store).database().setBusyTimeout(0);
            sqlite3_open_v2(address.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
            EXPECT_EQ(sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
            return;
        }
        const std::string board = pg::parseServerAddress(address, "").board;
        m_name = "cc_block_" + std::to_string(::getpid()) + "_" + std::to_string(std::random_device()() % 100000);
        auto c = adminConnection();
        // Test set-up, not the program: DDL takes no parameters, and the names are our own.
        c.script(("CREATE FUNCTION customer_canvas." + m_name +
                  "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'blocked by the test'; END $$;"
                  "CREATE TRIGGER " + m_name + " BEFORE INSERT ON customer_canvas.change_log FOR EACH ROW WHEN (NEW.board = '" +
                  board + "') EXECUTE FUNCTION customer_canvas." + m_name + "()")
                     .c_str());
    }
    ~WriteBlocker() {
        if (!m_server) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            sqlite3_close(m_db);
            return;
        }
        auto c = adminConnection();
        c.script(("DROP TRIGGER " + m_name + " ON customer_canvas.change_log; DROP FUNCTION customer_canvas." + m_name + "()")
                     .c_str());
    }

private:
    bool m_server;
    sqlite3* m_db = nullptr;
    std::string m_name;
};

/// Makes every presence entry of the board older than the timeout (as if their windows died).
void agePresence(const std::string& address, bool server) {
    if (!server) {
        sqlite3* db = nullptr;
        sqlite3_open_v2(address.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
        sqlite3_busy_timeout(db, 10000);
        EXPECT_EQ(sqlite3_exec(db, "UPDATE presence SET seen = seen - 60000", nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        return;
    }
    adminConnection().exec("UPDATE customer_canvas.presence SET seen = seen - 60000 WHERE board = $1",
                           {pg::parseServerAddress(address, "").board});
}

}  // namespace

using Store = StoreTest;
INSTANTIATE_TEST_SUITE_P(Backends, Store, ::testing::Values(Backend::File, Backend::Server), backendName);

TEST_P(Store, EveryFieldOfEveryRecordSurvivesCreateOpenLoad) {
    const std::string path = makeSampleBoard(address("board"));
    auto file = openBoard(path);
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
    EXPECT_EQ(n.x, want.x);
    EXPECT_EQ(n.y, want.y);
    EXPECT_EQ(n.data, DataKind::Quantitative);
    EXPECT_TRUE(n.customerInitiated);
    EXPECT_EQ(doc->note("n-tray")->state, NoteState::Tray);
    EXPECT_EQ(doc->note("n-tray")->quadrant, 0);
    EXPECT_EQ(doc->note("n-archived")->state, NoteState::Archived);
    EXPECT_EQ(doc->linksOf("n-full1").size(), 2u);
}

TEST_P(Store, UpdatesAndRemovalsAreWrittenToo) {
    const std::string path = makeSampleBoard(address("board"));
    {
        auto file = openBoard(path);
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
    auto file = openBoard(path, BoardStore::Mode::ReadOnly);
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
}

TEST_P(Store, CreateLogsTheNewBoard) {
    const std::string path = address("new");
    const BoardInfo b = sampleBoard();
    auto file = createBoard(path, b, "创建者");
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

TEST_P(Store, CreateRefusesABoardThatExists) {
    const std::string path = makeSampleBoard(address("taken"));
    const std::int64_t seq = openBoard(path)->lastSequence();
    try {
        createBoard(path, makeBoard("Other"), "tester");
        ADD_FAILURE() << path << ": overwritten";
    } catch (const BoardError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("exists"), std::string::npos) << m;
        EXPECT_EQ(m.find('\n'), std::string::npos) << m;
    }
    auto again = openBoard(path, BoardStore::Mode::ReadOnly);
    EXPECT_EQ(again->load()->board(), sampleBoard());
    EXPECT_EQ(again->lastSequence(), seq);
}

TEST_P(Store, PersistAppendsOneChangeLogRowThatReadsBackAsTheSameChangeSet) {
    const std::string path = makeSampleBoard(address("board"));
    auto file = openBoard(path);
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
    EXPECT_EQ(file->recentChanges(1).size(), 1u);
    EXPECT_EQ(file->recentChanges(1).front().seq, seq);
    EXPECT_EQ(file->recentChanges(100, "n-imported").size(), 1u);

    // Remote change sets are already stored: the listener does not write them again.
    ChangeSet remote;
    remote.source = ChangeSource::Remote;
    remote.author = "someone else";
    Note r = *doc->note("n-full1");
    r.votes = 9;
    remote.notes.updated.emplace_back(*doc->note("n-full1"), r);
    doc->apply(remote);
    EXPECT_EQ(file->lastSequence(), seq);

    auto again = freshLoad(path);
    EXPECT_EQ(*again->note("n-imported"), added);
    EXPECT_EQ(again->note("n-full4")->quadrant, 2);
    EXPECT_EQ(again->link("l-supports"), nullptr);
    EXPECT_EQ(again->note("n-tray"), nullptr);
    EXPECT_EQ(again->note("n-full1")->votes, 6);
}

TEST_P(Store, AFailedWriteLeavesDocumentAndStoreUnchanged) {
    const std::string path = makeSampleBoard(address("board"));
    auto file = openBoard(path);
    auto doc = file->load();
    file->attach(*doc);
    Editor editor(*doc, "tester");
    const auto notesBefore = notesOf(*doc);
    const auto linksBefore = linksOf(*doc);
    const BoardInfo boardBefore = doc->board();
    const std::int64_t seqBefore = file->lastSequence();
    {
        WriteBlocker blocker(*file, path, onServer());
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
                EXPECT_EQ(m.rfind(file->address(), 0), 0u) << m;
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
    }
    // The store holds the same as the document, and it still works once the block is gone.
    EXPECT_EQ(file->lastSequence(), seqBefore);
    auto reread = freshLoad(path);
    EXPECT_EQ(notesOf(*reread), notesBefore);
    EXPECT_EQ(linksOf(*reread), linksBefore);
    EXPECT_EQ(reread->board(), boardBefore);
    editor.deleteNotes({"n-full1"});
    EXPECT_EQ(file->lastSequence(), seqBefore + 1);
    EXPECT_EQ(freshLoad(path)->note("n-full1"), nullptr);
}

TEST_P(Store, ReadOnlyOpenRefusesChanges) {
    const std::string path = makeSampleBoard(address("board"));
    auto file = openBoard(path, BoardStore::Mode::ReadOnly);
    auto doc = file->load();
    EXPECT_EQ(doc->notes().size(), sampleNotes().size());
    EXPECT_EQ(file->changeLog().size(), 2u);
    file->attach(*doc);
    Editor editor(*doc, "reader");
    EXPECT_THROW(editor.deleteNotes({"n-full2"}), BoardError);
    EXPECT_NE(doc->note("n-full2"), nullptr);
    EXPECT_EQ(freshLoad(path)->notes().size(), sampleNotes().size());
}

TEST_P(Store, ANoteReplacedWithinOneChangeSetKeepsItsLinks) {
    // The document allows removing and adding the same note id in one change set (a replace);
    // links that point at it stay valid, so the store must take the set as well.
    const std::string path = makeSampleBoard(address("board"));
    auto file = openBoard(path);
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
    auto again = openBoard(path, BoardStore::Mode::ReadOnly);
    auto reread = again->load();
    EXPECT_EQ(*reread->note("n-full1"), replacement);
    EXPECT_EQ(reread->linksOf("n-full1").size(), 2u);
    EXPECT_TRUE(again->integrityProblems().empty());
}

TEST_P(Store, LinksMadeElsewhereGoWithARemovedNoteAndIntoTheLog) {
    const std::string path = makeSampleBoard(address("board"));
    auto file = openBoard(path);
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

TEST_P(Store, AChangeThatWouldLeaveADanglingLinkIsRefusedAsAWhole) {
    const std::string path = makeSampleBoard(address("board"));
    auto file = openBoard(path);
    const std::int64_t seq = file->lastSequence();
    ChangeSet bad;
    bad.author = "tester";
    bad.notes.added.push_back(fullNote("n-extra", 2));
    bad.links.added.push_back(Link{"l-dangling", "n-full1", "n-ghost", LinkKind::Relates, "", "tester", 1});
    try {
        file->persist(bad);
        ADD_FAILURE() << "a link to a missing note was saved";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("deleted by someone else"), std::string::npos) << e.what();
    }
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

TEST_P(Store, AnUpdateOfARecordDeletedElsewhereIsRefused) {
    const std::string path = makeSampleBoard(address("board"));
    View a(path, "A"), b(path, "B");
    a.editor->deleteNotes({"n-full2"});
    // B has not pulled yet: its edit names a note that is gone.
    Note n = *b.doc->note("n-full2");
    n.text = "too late";
    try {
        b.editor->updateNote(n);
        ADD_FAILURE() << "an update of a deleted note was saved";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("deleted by someone else"), std::string::npos) << e.what();
    }
    EXPECT_EQ(b.doc->note("n-full2")->text, fullNote("n-full2", 2).text);  // taken back
    EXPECT_GE(b.pull(), 1u);
    EXPECT_EQ(b.doc->note("n-full2"), nullptr);
    expectSameAsStored(*b.doc, path);
}

TEST_P(Store, AnotherProcesssCommitsArePulledAsOneRemoteChange) {
    const std::string path = address("shared");
    createBoard(path, makeBoard("Shared 共享"), "a");
    View a(path, "王芳"), b(path, "Tom");
    EXPECT_EQ(b.store->pullRemote(*b.doc), 0u);  // nothing yet: a cheap look, no work

    std::vector<ChangeSource> seen;
    b.doc->subscribe([&](const ChangeSet& cs) { seen.push_back(cs.source); });
    const std::string n1 = a.editor->addNoteInQuadrant(a.editor->makeNote("客户说转账太慢", "complaint"), 2);
    const std::string n2 = a.editor->addNoteInQuadrant(a.editor->makeNote("Survey: 81% satisfied", "survey"), 3);
    a.editor->addLink(n2, n1, LinkKind::Conflicts, "survey vs complaints");
    a.editor->moveNotes({n1}, -1500, 0);  // into quadrant 1
    EXPECT_EQ(b.pull(4), 4u);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0], ChangeSource::Remote);
    EXPECT_EQ(b.doc->note(n1)->quadrant, 1);
    EXPECT_FALSE(b.editor->canUndo());  // remote changes never enter the undo history
    expectSameAsStored(*b.doc, path);

    // B's own commits are not pulled back as remote ones.
    b.editor->deleteNotes({n2});
    EXPECT_EQ(b.store->pullRemote(*b.doc), 0u);
    EXPECT_EQ(a.pull(), 1u);
    EXPECT_EQ(a.doc->note(n2), nullptr);
    EXPECT_TRUE(a.doc->links().empty());
    expectSameAsStored(*a.doc, path);
}

TEST_P(Store, ConcurrentEditsOfOneNoteConvergeOnTheLaterCommit) {
    const std::string path = address("shared");
    createBoard(path, makeBoard("Shared"), "a");
    View a(path, "A"), b(path, "B");
    const std::string id = a.editor->addNoteInQuadrant(a.editor->makeNote("first", "survey"), 1);
    ASSERT_EQ(b.pull(), 1u);
    // Both change the note before seeing each other's change: A commits first, B second.
    Note na = *a.doc->note(id);
    na.text = "A's text";
    a.editor->updateNote(na);
    Note nb = *b.doc->note(id);
    nb.text = "B's text";
    nb.votes = 3;
    b.editor->updateNote(nb);
    EXPECT_EQ(a.pull(), 1u);
    EXPECT_EQ(b.pull(), 1u);
    EXPECT_EQ(a.doc->note(id)->text, "B's text");
    EXPECT_EQ(b.doc->note(id)->text, "B's text");
    expectSameAsStored(*a.doc, path);
    expectSameAsStored(*b.doc, path);
}

TEST_P(Store, ANoteDeletedElsewhereTakesItsLinksWithIt) {
    const std::string path = address("shared");
    createBoard(path, makeBoard("Shared"), "a");
    View a(path, "A"), b(path, "B");
    const std::string x = a.editor->addNoteInQuadrant(a.editor->makeNote("x", "survey"), 1);
    const std::string y = a.editor->addNoteInQuadrant(a.editor->makeNote("y", "census"), 1);
    ASSERT_EQ(b.pull(2), 2u);
    b.editor->addLink(x, y, LinkKind::Supports);  // B links them...
    ASSERT_EQ(a.pull(), 1u);
    a.editor->deleteNotes({x});                   // ...and A deletes one end, with the link
    ASSERT_EQ(b.pull(), 1u);
    EXPECT_EQ(b.doc->note(x), nullptr);
    EXPECT_TRUE(b.doc->links().empty());
    EXPECT_TRUE(b.doc->checkInvariants().empty());
    expectSameAsStored(*b.doc, path);
}

TEST_P(Store, PresenceShowsTheOthersAndForgetsTheGone) {
    const std::string path = address("here");
    createBoard(path, makeBoard("Here"), "a");
    auto a = openBoard(path), b = openBoard(path);
    Presence pa{"session-a", "王芳", 0x123456, {"n-1", "n-2"}, "n-2", 0};
    Presence pb{"session-b", "Tom", 0xABCDEF, {}, "", 0};
    a->announce(pa);
    b->announce(pb);
    auto seenByB = b->others("session-b");
    ASSERT_EQ(seenByB.size(), 1u);
    EXPECT_EQ(seenByB[0].name, "王芳");
    EXPECT_EQ(seenByB[0].colour, 0x123456u);
    EXPECT_EQ(seenByB[0].selected, (std::vector<std::string>{"n-1", "n-2"}));
    EXPECT_EQ(seenByB[0].editing, "n-2");
    EXPECT_EQ(a->others("session-a").size(), 1u);
    // Presence is beside the document: announcing logs nothing and pulls nothing.
    EXPECT_EQ(a->lastSequence(), 1);
    a->leave("session-a");
    EXPECT_TRUE(b->others("session-b").empty());
    a->announce(pa);
    EXPECT_EQ(b->others("session-b").size(), 1u);
    agePresence(path, onServer());  // a window that died: not renewed within the timeout
    EXPECT_TRUE(b->others("session-b").empty());
}

TEST_P(Store, RecentChangesFindsANotesRowsAndThePullSaysWhatCameAndWhatItOverwrote) {
    const std::string path = address("activity");
    createBoard(path, makeBoard("Activity 动态"), "a");
    View a(path, "王芳"), b(path, "Tom");
    const std::string n1 = a.editor->addNoteInQuadrant(a.editor->makeNote("100%_sure\\not", "survey"), 1);
    const std::string n2 = a.editor->addNoteInQuadrant(a.editor->makeNote("other", "survey"), 2);
    ASSERT_GE(b.pull(2), 2u);
    b.editor->setText(n1, "Tom's text", /*overwrote=*/true);
    a.editor->setText(n2, "changed");
    ASSERT_EQ(a.pull(), 1u);
    // What the last pull brought: Tom's change, saying it replaced a text changed meanwhile.
    ASSERT_EQ(a.store->lastPulled().size(), 1u);
    const ChangeSet& tom = a.store->lastPulled().front().cs;
    EXPECT_EQ(tom.author, "Tom");
    EXPECT_EQ(tom.overwrote, std::vector<std::string>{n1});
    EXPECT_EQ(a.store->lastOwnSequence(), a.store->lastSequence());  // a's text edit was the newest row

    // The newest rows, oldest first; the rows that mention one note; the limit keeps the newest.
    const auto all = a.store->recentChanges(100);
    ASSERT_EQ(all.size(), 5u);  // created, two notes, two texts
    EXPECT_LT(all.front().seq, all.back().seq);
    const auto aboutN1 = a.store->recentChanges(100, n1);
    ASSERT_EQ(aboutN1.size(), 2u);
    EXPECT_EQ(aboutN1.back().author, "Tom");
    EXPECT_EQ(a.store->recentChanges(1, n1).front().seq, aboutN1.back().seq);
    // Pattern characters in the needle are text, not patterns.
    EXPECT_EQ(a.store->recentChanges(100, "100%_sure").size(), 2u);  // its creation, and Tom's edit (before)
    EXPECT_TRUE(a.store->recentChanges(100, "100%_surf").empty());
    EXPECT_TRUE(a.store->recentChanges(100, "1_0").empty());
}

TEST_P(Store, AnnouncingDoesNotSwallowOthersCommits) {
    // A window announces itself about once a second, between its pulls: a change someone else
    // committed just before must still arrive with the next pull.
    const std::string path = address("announce");
    createBoard(path, makeBoard("Announce"), "a");
    View a(path, "王芳"), b(path, "Tom");
    const std::string n = b.editor->addNoteInQuadrant(b.editor->makeNote("made by Tom", "survey"), 1);
    a.store->announce(Presence{"session-a", "王芳", 0x123456, {}, "", 0});
    ASSERT_EQ(a.pull(), 1u);
    EXPECT_NE(a.doc->note(n), nullptr);
}

TEST_P(Store, ALargeImportIsLoggedInRowsOthersCanReadAndUndoesAsOneStep) {
    // Larger than one change-log row holds (kLogPart): logged as several rows in one commit.
    const std::string path = address("large");
    createBoard(path, sampleBoard(), "tester");
    View mine(path, "tester"), theirs(path, "other");
    const std::int64_t before = mine.store->lastSequence();
    ChangeSet cs;
    const std::size_t count = kLogPart.records * 2 + 17;
    for (std::size_t i = 0; i < count; ++i) {
        Note n = mine.editor->makeNote("导入的笔记 " + std::to_string(i), "survey");
        n.state = NoteState::Tray;
        cs.notes.added.push_back(std::move(n));
    }
    for (std::size_t i = 0; i + 1 < count; i += 2) {
        Link l;
        l.id = newId("l");
        l.from = cs.notes.added[i].id;
        l.to = cs.notes.added[i + 1].id;
        l.author = "tester";
        cs.links.added.push_back(std::move(l));
    }
    mine.editor->applyLocal(std::move(cs), ChangeSource::Import);
    const auto rows = mine.store->changeLog(before);
    EXPECT_EQ(rows.size(), 4u);  // 4,017 notes and 2,008 links, 2,000 records a row
    for (const auto& r : rows) EXPECT_EQ(r.source, "import");
    EXPECT_EQ(mine.store->lastOwnSequence(), mine.store->lastSequence());
    EXPECT_EQ(mine.store->pullRemote(*mine.doc), 0u);  // its own rows are not pulled back

    // Another window sees the whole import, and the board is sound.
    theirs.pull(rows.size());
    EXPECT_EQ(theirs.doc->notes().size(), count);
    EXPECT_EQ(theirs.doc->links().size(), count / 2);
    expectSameAsStored(*mine.doc, path);
    auto fresh = openBoard(path, BoardStore::Mode::ReadOnly);
    EXPECT_TRUE(fresh->checkBoard(*fresh->load()).empty());

    // One undo takes it all back, everywhere.
    ASSERT_TRUE(mine.editor->undo());
    EXPECT_TRUE(mine.doc->notes().empty());
    theirs.pull(1);
    EXPECT_TRUE(theirs.doc->notes().empty());
    EXPECT_TRUE(theirs.doc->links().empty());
    expectSameAsStored(*mine.doc, path);
}
