// The one table of record rows (storage/record_rows.h): each column entry is written and read
// by both store dialects, a change set's records are written in the one order with links made
// elsewhere widened into it, and the local copy of a server board keeps records through its own
// API (pg::Replica) with the same rows.

#include <gtest/gtest.h>

#include <SQLiteCpp/Statement.h>

#include "sample_records.h"
#include "storage/board_file.h"
#include "storage/pg/pg_address.h"
#include "storage/pg/pg_board.h"
#include "storage/pg/pg_replica.h"
#include "storage/record_rows.h"
#include "storage/serialize.h"
#include "store_backends.h"

using namespace cc;
using namespace cc::test;

namespace {

/// Changes the `target`-th column's field of a record to another value the schema accepts.
struct ChangeOneColumn {
    int target;
    int index = 0;
    template <class T>
    void operator()(const char*, T& v) {
        if (index++ != target) return;
        if constexpr (std::is_same_v<T, std::string>) v += " · changed";
        else if constexpr (std::is_same_v<T, bool>) v = !v;
        else if constexpr (std::is_same_v<T, std::int64_t>) v += 7;
        else if constexpr (std::is_same_v<T, std::uint32_t>) v ^= 0x010101u;
        else if constexpr (std::is_same_v<T, int>) v = v == 1 ? 2 : 1;
        else if constexpr (std::is_same_v<T, double>) v += 0.5;
    }
    template <class E>
    void operator()(const char*, const rows::EnumColumn<E>& e) {
        if (index++ != target) return;
        for (const char* word : {"quantitative", "qualitative", "tray", "pinned", "archived", "supports", "conflicts",
                                 "relates"})
            if (auto v = e.parse(word); v && *v != e.value) {
                e.value = *v;
                return;
            }
        ADD_FAILURE() << "no other value for an enum column";
    }
};

std::size_t noteColumnCount() {
    std::size_t n = 0;
    Note note;
    rows::noteColumns(note, [&](const char*, auto&&) { ++n; });
    return n;
}

std::size_t linkColumnCount() {
    std::size_t n = 0;
    Link link;
    rows::linkColumns(link, [&](const char*, auto&&) { ++n; });
    return n;
}

/// The sample note with only its `k`-th column changed (and an id of its own).
Note noteChangedAt(int k) {
    Note n = fullNote("n-base", 1);
    n.tags.clear();  // tags are rows of their own table
    Note changed = n;
    rows::noteColumns(changed, ChangeOneColumn{k});
    EXPECT_NE(changed, n) << "column " << k << " changes no field";
    if (k != 0) changed.id = "n-col" + std::to_string(k);
    return changed;
}

Link linkChangedAt(int k, const std::string& from, const std::string& to) {
    Link l{"l-base", from, to, LinkKind::Supports, "because", "Ana", 1767225600000};
    Link changed = l;
    rows::linkColumns(changed, ChangeOneColumn{k});
    EXPECT_NE(changed, l) << "column " << k << " changes no field";
    // The ends must stay notes that exist.
    changed.from = from;
    changed.to = to;
    if (k != 0) changed.id = "l-col" + std::to_string(k);
    return changed;
}

}  // namespace

TEST(RecordRows, EveryColumnOfTheTableIsInEachDialectsStatements) {
    for (rows::Dialect d : {rows::Dialect::Sqlite, rows::Dialect::Postgres}) {
        EXPECT_EQ(rows::noteSql(d).count, noteColumnCount());
        EXPECT_EQ(rows::linkSql(d).count, linkColumnCount());
        Note n;
        rows::noteColumns(n, [&](const char* name, auto&&) {
            const std::string column = std::string(name);
            EXPECT_NE(rows::noteSql(d).select.find(column), std::string::npos) << column;
            EXPECT_NE(rows::noteSql(d).insert.find(column), std::string::npos) << column;
            if (column != "id") {
                EXPECT_NE(rows::noteSql(d).update.find(column + " = "), std::string::npos) << column;
            }
        });
    }
    // Each dialect's parameters: ?1..?N in a board file; $1 is the board on a server.
    EXPECT_NE(rows::noteSql(rows::Dialect::Sqlite).insert.find("?" + std::to_string(noteColumnCount())), std::string::npos);
    EXPECT_NE(rows::noteSql(rows::Dialect::Postgres).insert.find("$" + std::to_string(noteColumnCount() + 1)),
              std::string::npos);
    EXPECT_EQ(rows::params("b", fullNote("n", 1)).size(), noteColumnCount() + 1);
    EXPECT_EQ(rows::noteSql(rows::Dialect::Postgres).columnsOf("n").substr(0, 10), "n.id, n.te");
}

TEST(RecordRows, EachNoteAndLinkColumnRoundTripsThroughABoardFileRow) {
    TempDir dir;
    auto file = BoardFile::create(dir.file("rows.ccboard"), sampleBoard(), "Ana");
    SQLite::Database& db = file->database();
    const auto& noteSql = rows::noteSql(rows::Dialect::Sqlite);
    for (int k = 0; k < static_cast<int>(noteColumnCount()); ++k) {
        const Note want = noteChangedAt(k);
        SQLite::Statement ins(db, noteSql.insert);
        rows::bind(ins, want);
        ins.exec();
        SQLite::Statement sel(db, noteSql.select + " WHERE id = ?");
        sel.bind(1, want.id);
        ASSERT_TRUE(sel.executeStep()) << k;
        EXPECT_EQ(rows::noteFromRow(sel), want) << "note column " << k;
    }
    const auto& linkSql = rows::linkSql(rows::Dialect::Sqlite);
    for (int k = 0; k < static_cast<int>(linkColumnCount()); ++k) {
        const Link want = linkChangedAt(k, "n-col1", "n-col2");
        SQLite::Statement ins(db, linkSql.insert);
        rows::bind(ins, want);
        ins.exec();
        SQLite::Statement sel(db, linkSql.select + " WHERE id = ?");
        sel.bind(1, want.id);
        ASSERT_TRUE(sel.executeStep()) << k;
        EXPECT_EQ(rows::linkFromRow(sel), want) << "link column " << k;
    }
    // An update writes every column but the id.
    Note changed = noteChangedAt(3);
    changed.text = "updated by the table's statement";
    changed.x = 12.5;
    SQLite::Statement upd(db, noteSql.update);
    rows::bind(upd, changed);
    EXPECT_EQ(upd.exec(), 1);
    SQLite::Statement sel(db, noteSql.select + " WHERE id = ?");
    sel.bind(1, changed.id);
    ASSERT_TRUE(sel.executeStep());
    EXPECT_EQ(rows::noteFromRow(sel), changed);
}

TEST(RecordRows, EachNoteAndLinkColumnRoundTripsThroughAServerRow) {
    if (!testServer()) GTEST_SKIP() << kNoServer;
    TempDir dir;
    ::setenv("XDG_STATE_HOME", dir.file("state").c_str(), 1);
    const std::string address = std::string(testServer()) + "?board=" + uniqueName("rows");
    auto board = PgBoard::create(address, sampleBoard(), "Ana", "");
    const std::string name = pg::parseServerAddress(address, "").board;
    pg::Connection c = adminConnection();
    const auto& noteSql = rows::noteSql(rows::Dialect::Postgres);
    for (int k = 0; k < static_cast<int>(noteColumnCount()); ++k) {
        const Note want = noteChangedAt(k);
        c.exec(noteSql.insert.c_str(), rows::params(name, want));
        pg::Result r = c.exec((noteSql.select + " WHERE board = $1 AND id = $2").c_str(), {name, want.id});
        ASSERT_EQ(r.rows(), 1) << k;
        EXPECT_EQ(rows::noteFromRow(r, 0), want) << "note column " << k;
    }
    const auto& linkSql = rows::linkSql(rows::Dialect::Postgres);
    for (int k = 0; k < static_cast<int>(linkColumnCount()); ++k) {
        const Link want = linkChangedAt(k, "n-col1", "n-col2");
        c.exec(linkSql.insert.c_str(), rows::params(name, want));
        pg::Result r = c.exec((linkSql.select + " WHERE board = $1 AND id = $2").c_str(), {name, want.id});
        ASSERT_EQ(r.rows(), 1) << k;
        EXPECT_EQ(rows::linkFromRow(r, 0), want) << "link column " << k;
    }
    Note changed = noteChangedAt(3);
    changed.text = "updated by the table's statement";
    EXPECT_EQ(c.exec(noteSql.update.c_str(), rows::params(name, changed)).affected(), 1);
    pg::Result r = c.exec((noteSql.select + " WHERE board = $1 AND id = $2").c_str(), {name, changed.id});
    ASSERT_EQ(r.rows(), 1);
    EXPECT_EQ(rows::noteFromRow(r, 0), changed);
    board->dropBoard();
}

namespace {

/// A store's statements as a list of what was asked, in order.
struct Recorder final : rows::RecordWriter {
    std::vector<std::string> calls;
    std::vector<Link> stored;  // links stored now
    std::vector<Link> linksOf(const std::string& noteId) override {
        std::vector<Link> out;
        for (const Link& l : stored)
            if (l.from == noteId || l.to == noteId) out.push_back(l);
        return out;
    }
    void removeLink(const Link& l) override { calls.push_back("-link " + l.id); }
    void removeNote(const Note& n) override { calls.push_back("-note " + n.id); }
    void addNote(const Note& n) override { calls.push_back("+note " + n.id); }
    void changeNote(const Note&, const Note& after) override { calls.push_back("~note " + after.id); }
    void addLink(const Link& l) override { calls.push_back("+link " + l.id); }
    void changeLink(const Link& after) override { calls.push_back("~link " + after.id); }
    void writeBoard(const BoardInfo&) override { calls.push_back("board"); }
    std::vector<Insight> insightsCiting(const std::string&) override { return {}; }
    void addInsight(const Insight& i) override { calls.push_back("+insight " + i.id); }
    void changeInsight(const Insight& after) override { calls.push_back("~insight " + after.id); }
    void removeInsight(const Insight& i) override { calls.push_back("-insight " + i.id); }
};

}  // namespace

TEST(RecordRows, AChangeSetIsWrittenInTheOneOrderAndWidenedByLinksMadeElsewhere) {
    ChangeSet cs;
    cs.links.added.push_back(Link{"l-new", "n-b", "n-c", LinkKind::Relates, "", "Ana", 1});
    cs.links.updated.emplace_back(Link{"l-up", "n-b", "n-c", LinkKind::Relates, "", "Ana", 1},
                                  Link{"l-up", "n-b", "n-c", LinkKind::Supports, "", "Ana", 1});
    cs.links.removed.push_back(Link{"l-gone", "n-a", "n-b", LinkKind::Relates, "", "Ana", 1});
    cs.notes.added.push_back(fullNote("n-c", 1));
    cs.notes.updated.emplace_back(fullNote("n-b", 1), fullNote("n-b", 2));
    cs.notes.removed.push_back(fullNote("n-a", 1));
    cs.notes.removed.push_back(fullNote("n-r", 1));
    cs.notes.added.push_back(fullNote("n-r", 3));  // a replace keeps its links
    cs.board = std::make_pair(sampleBoard(), sampleBoard());
    Recorder w;
    w.stored = {Link{"l-gone", "n-a", "n-b", LinkKind::Relates, "", "Ana", 1},
                Link{"l-elsewhere", "n-x", "n-a", LinkKind::Relates, "", "Bo", 2},
                Link{"l-kept", "n-r", "n-b", LinkKind::Relates, "", "Bo", 2}};
    const std::optional<ChangeSet> widened = rows::writeChangeSet(w, cs);
    ASSERT_TRUE(widened);
    ASSERT_EQ(widened->links.removed.size(), 2u);
    EXPECT_EQ(widened->links.removed[1].id, "l-elsewhere");
    const std::vector<std::string> want = {"-link l-gone", "-link l-elsewhere", "-note n-a", "-note n-r", "+note n-c",
                                           "+note n-r",    "~note n-b",         "+link l-new", "~link l-up", "board"};
    EXPECT_EQ(w.calls, want);
    // Nothing made elsewhere: the change set is logged as it is.
    Recorder plain;
    EXPECT_FALSE(rows::writeChangeSet(plain, cs));
}

TEST(LocalCopy, KeepsWhatAPullReadAndWhatWaitsToBeSentThroughItsOwnApi) {
    TempDir dir;
    const std::string path = dir.file("copy.ccboard");
    EXPECT_EQ(pg::Replica::open(path, "server/board", false), nullptr);  // none yet, none made
    auto copy = pg::Replica::open(path, "server/board", true);
    ASSERT_TRUE(copy);
    // A pull's records go in, and the server row they reflect, at once.
    StoredRecords read;
    read.notes["n-full1"] = fullNote("n-full1", 1);
    read.notes["n-full2"] = fullNote("n-full2", 2);
    read.links["l-1"] = Link{"l-1", "n-full1", "n-full2", LinkKind::Conflicts, "tension", "Ana", 5};
    read.board = sampleBoard();
    copy->mirror(read, 7);
    EXPECT_EQ(copy->serverSeq(), 7);
    auto doc = copy->load(SourceKinds::builtin());
    ASSERT_TRUE(doc->note("n-full1"));
    EXPECT_EQ(*doc->note("n-full1"), fullNote("n-full1", 1));
    ASSERT_TRUE(doc->link("l-1"));
    EXPECT_EQ(doc->link("l-1")->label, "tension");
    EXPECT_EQ(doc->board().title, sampleBoard().title);
    // A record the server no longer has goes; an older row does not move the copy back.
    StoredRecords gone;
    gone.links["l-1"] = std::nullopt;
    copy->mirror(gone, 3);
    EXPECT_EQ(copy->serverSeq(), 7);
    EXPECT_FALSE(copy->load(SourceKinds::builtin())->link("l-1"));
    // A change kept offline: into the outbox and onto the copy, the note's links with it.
    copy->mirror(read, 8);
    ChangeSet cs;
    cs.author = "Ana";
    cs.notes.removed.push_back(fullNote("n-full2", 2));
    copy->enqueue("change-1", cs);
    EXPECT_EQ(copy->pending(), 1u);
    const auto outbox = copy->outbox();
    ASSERT_EQ(outbox.size(), 1u);
    EXPECT_EQ(outbox[0].changeId, "change-1");
    EXPECT_EQ(changeSetFromJson(outbox[0].payload), cs);
    doc = copy->load(SourceKinds::builtin());
    EXPECT_FALSE(doc->note("n-full2"));
    EXPECT_FALSE(doc->link("l-1"));
    EXPECT_TRUE(doc->note("n-full1"));
    copy->dequeue(outbox[0].id);
    EXPECT_EQ(copy->pending(), 0u);
}
