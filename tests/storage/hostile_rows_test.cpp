// Rows another program wrote: `sqlite3` on a board file, any team member with UPDATE on the
// server. Whatever they hold, opening the board (through the store, the command line, or a
// change that arrives while a window is open) gives records that keep the rules, says what was
// repaired, and writes nothing back; `check` names each problem.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <limits>
#include <thread>

#include "canvas/board_factory.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "storage/pg/pg_address.h"
#include "canvas/record_guard.h"
#include "sample_records.h"
#include "raw_sql.h"
#include "store_backends.h"

using namespace cc;
using namespace cc::test;

namespace {

bool mentions(const std::vector<std::string>& lines, const std::string& part) {
    for (const auto& l : lines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

test::Run cli(std::vector<std::string> args) {
    args.insert(args.begin(), CC_BINARY);
    return run(args);
}

class HostileRows : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        if (IsSkipped()) return;
        m_address = address("hostile");
        auto store = createBoard(m_address, makeBoard("Hostile"), "tester");
        auto doc = store->load();
        store->attach(*doc);
        Editor ed(*doc, "tester");
        for (int q = 1; q <= 4; ++q) m_ids.push_back(ed.addNoteInQuadrant(ed.makeNote("note " + std::to_string(q), "survey"), q));
        m_link = ed.addLink(m_ids[0], m_ids[1], LinkKind::Supports, "why");
    }
    /// "UPDATE note SET <assignments> WHERE id = <note i>" on either store.
    void update(int i, const std::string& fileSet, const std::string& serverSet) {
        rawSql(onServer(), m_address, "UPDATE note SET " + fileSet + " WHERE id = '" + m_ids[i] + "'",
               "UPDATE customer_canvas.note SET " + serverSet + " WHERE board = $1 AND id = '" + m_ids[i] + "'");
    }
    /// The rows of the issue: text with a NUL (the server cannot hold one: a control character
    /// and a noncharacter), a place at -1e308, at (1e308, -1e308), and a size of 1e9.
    void writeTheIssuesRows() {
        update(0, "text = 'a' || char(0) || 'b' || char(65535)", "text = 'a' || chr(1) || 'b' || chr(65535)");
        update(1, "y = -1e308", "y = -1e308");
        update(2, "x = 1e308, y = -1e308", "x = 1e308, y = -1e308");
        update(3, "w = 1e9, h = 1e9", "w = 1e9, h = 1e9");
    }
    std::string m_address;
    std::vector<std::string> m_ids;
    std::string m_link;
};

INSTANTIATE_TEST_SUITE_P(Backends, HostileRows, ::testing::Values(Backend::File, Backend::Server), backendName);

}  // namespace

TEST_P(HostileRows, AreRepairedOnReadingSaidAndNotWrittenBack) {
    writeTheIssuesRows();
    auto store = openBoard(m_address, BoardStore::Mode::ReadOnly);
    auto doc = store->load();
    EXPECT_EQ(doc->checkInvariants(), std::vector<std::string>{});
    const Note& text = *doc->note(m_ids[0]);
    EXPECT_EQ(unsafeTextReason(text.text), "");
    EXPECT_EQ(text.text.substr(0, 4), "a\xEF\xBF\xBD");
    EXPECT_EQ(doc->note(m_ids[1])->state, NoteState::Tray);
    EXPECT_EQ(doc->note(m_ids[2])->state, NoteState::Tray);
    EXPECT_EQ(doc->note(m_ids[3])->w, limits::kMaxNoteSize);
    EXPECT_EQ(doc->links().size(), 1u);
    const auto& repairs = store->repairs();
    EXPECT_TRUE(mentions(repairs, "note " + m_ids[1] + ": y -1e+308 out of range, placed in the tray")) << repairs.size();
    EXPECT_TRUE(mentions(repairs, "note " + m_ids[2] + ": x 1e+308 out of range, placed in the tray"));
    EXPECT_TRUE(mentions(repairs, "note " + m_ids[3] + ": width 1e+09 out of range, set to 2000"));
    EXPECT_TRUE(mentions(repairs, "note " + m_ids[0] + ": text holds the control character"));
    // Reading wrote nothing: the rows are as the other program left them.
    store.reset();
    EXPECT_EQ(rawValue(onServer(), m_address, "SELECT y FROM note WHERE id = '" + m_ids[1] + "'",
                       "SELECT y::text FROM customer_canvas.note WHERE board = $1 AND id = '" + m_ids[1] + "'"),
              onServer() ? "-1e+308" : "-1.0e+308");
}

TEST_P(HostileRows, TheCommandLineListsTheBoardAndCheckNamesEachRow) {
    writeTheIssuesRows();
    const test::Run list = cli({"list", m_address});
    EXPECT_EQ(list.status, 0) << list.err;
    EXPECT_NE(list.err.find(m_ids[1] + ": y -1e+308 out of range, placed in the tray (repaired on reading, not saved)"),
              std::string::npos)
        << list.err;
    EXPECT_NE(list.out.find("note 4"), std::string::npos) << list.out;
    const test::Run check = cli({"check", m_address});
    EXPECT_EQ(check.status, 1) << check.out;
    for (const auto& id : m_ids) EXPECT_NE(check.err.find("note " + id + ": "), std::string::npos) << id << "\n" << check.err;
}

TEST_P(HostileRows, ARowArrivingWhileTheBoardIsOpenIsRepairedToo) {
    auto store = openBoard(m_address);
    auto doc = store->load();
    store->attach(*doc);
    // Someone edits note 2 (a change-log row names it), and another program then rewrites its row.
    {
        auto other = openBoard(m_address);
        auto otherDoc = other->load();
        other->attach(*otherDoc);
        Editor ed(*otherDoc, "other");
        Note n = *otherDoc->note(m_ids[1]);
        n.text = "edited";
        ed.updateNote(n);
    }
    update(1, "y = -1e308, text = 'x' || char(0)", "y = -1e308, text = 'x' || chr(2)");
    std::size_t pulled = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (pulled == 0 && std::chrono::steady_clock::now() < deadline) {
        pulled = store->pullRemote(*doc);
        if (pulled == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_GT(pulled, 0u);
    EXPECT_EQ(doc->note(m_ids[1])->state, NoteState::Tray);
    EXPECT_EQ(doc->note(m_ids[1])->text, "x\xEF\xBF\xBD");
    EXPECT_EQ(doc->checkInvariants(), std::vector<std::string>{});
    EXPECT_TRUE(mentions(store->repairs(), "note " + m_ids[1] + ": "));
    // Editing the repaired note saves the repaired record.
    Editor ed(*doc, "me");
    Note n = *doc->note(m_ids[1]);
    n.votes = 3;
    ed.updateNote(n);
    auto fresh = openBoard(m_address, BoardStore::Mode::ReadOnly);
    auto freshDoc = fresh->load();
    EXPECT_EQ(*freshDoc->note(m_ids[1]), *doc->note(m_ids[1]));
    EXPECT_TRUE(fresh->repairs().empty());
}

TEST_P(HostileRows, CheckFindsDuplicateLinksUnloggedNotesBadPayloadsAndANearMaxSequence) {
    const bool server = onServer();
    const std::string deep(5000, '[');
    if (!server) {
        rawSql(false, m_address,
               "UPDATE note SET votes = 'abc' WHERE id = '" + m_ids[0] + "';"
               "INSERT INTO link (id, from_id, to_id, kind, label, author, created) SELECT 'l-dup', from_id, to_id, kind, "
               "label, author, created FROM link WHERE id = '" + m_link + "';"
               "INSERT INTO note (id, text, source, data, customer_initiated, date_gathered, author, created, updated, "
               "segment, prov_file, prov_location, prov_excerpt, colour, votes, state, quadrant, x, y, w, h) SELECT "
               "'n-ghost', text, source, data, customer_initiated, date_gathered, author, created, updated, segment, "
               "prov_file, prov_location, prov_excerpt, colour, votes, state, quadrant, x, y, w, h FROM note WHERE id = '" +
                   m_ids[2] + "';"
               "INSERT INTO change_log (author, time, source, payload) VALUES ('x', 0, 'user', '{not json');"
               "INSERT INTO change_log (author, time, source, payload) VALUES ('x', 0, 'user', '" + deep + "');"
               "INSERT INTO change_log (seq, author, time, source, payload) SELECT 9223372036854775807, author, time, "
               "source, payload FROM change_log WHERE seq = 1;",
               "");
    } else {
        const std::string cols =
            "text, source, data, customer_initiated, date_gathered, author, created, updated, segment, prov_file, "
            "prov_location, prov_excerpt, colour, votes, state, quadrant, x, y, w, h";
        rawSql(true, m_address,
               "",
               "INSERT INTO customer_canvas.link (board, id, from_id, to_id, kind, label, author, created) SELECT board, "
               "'l-dup', from_id, to_id, kind, label, author, created FROM customer_canvas.link WHERE board = $1 AND id = '" +
                   m_link + "'");
        rawSql(true, m_address, "",
               "INSERT INTO customer_canvas.note (board, id, " + cols + ") SELECT board, 'n-ghost', " + cols +
                   " FROM customer_canvas.note WHERE board = $1 AND id = '" + m_ids[2] + "'");
        rawSql(true, m_address, "",
               "INSERT INTO customer_canvas.change_log (board, seq, author, time, source, payload) SELECT $1, last_seq + 1, "
               "'x', 0, 'user', '{not json' FROM customer_canvas.board WHERE name = $1");
        rawSql(true, m_address, "",
               "INSERT INTO customer_canvas.change_log (board, seq, author, time, source, payload) SELECT $1, last_seq + 2, "
               "'x', 0, 'user', '" + deep + "' FROM customer_canvas.board WHERE name = $1");
        rawSql(true, m_address, "", "UPDATE customer_canvas.board SET last_seq = 9223372036854775807 WHERE name = $1");
    }
    const test::Run check = cli({"check", m_address});
    EXPECT_EQ(check.status, 1);
    if (!server) {
        EXPECT_NE(check.err.find("votes 'abc' is not a number"), std::string::npos) << check.err;
    }
    const bool dupFirst = check.err.find("link l-dup says what link " + m_link + " says") != std::string::npos;
    const bool dupSecond = check.err.find("link " + m_link + " says what link l-dup says") != std::string::npos;
    EXPECT_TRUE(dupFirst || dupSecond) << check.err;
    EXPECT_NE(check.err.find("note n-ghost was not made by any change in the log"), std::string::npos) << check.err;
    EXPECT_NE(check.err.find("malformed change set"), std::string::npos) << check.err;
    EXPECT_NE(check.err.find("nested deeper than 32 levels"), std::string::npos) << check.err;
    EXPECT_NE(check.err.find("near its 64-bit limit"), std::string::npos) << check.err;
    // The board still opens, and a change is refused with the reason, not "disk is full".
    const test::Run list = cli({"list", m_address});
    EXPECT_EQ(list.status, 0) << list.err;
    const test::Run add = cli({"add", m_address, "--text", "one more", "--quadrant", "1"});
    EXPECT_EQ(add.status, 1);
    EXPECT_NE(add.err.find("the change log's sequence number is at its 64-bit limit"), std::string::npos) << add.err;
    EXPECT_EQ(add.err.find("disk is full"), std::string::npos) << add.err;
}
