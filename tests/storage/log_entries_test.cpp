// Typed change-log entries: a store hands out each row read as a change set, parsed once inside
// storage/, and a row another program garbled comes back with a clear problem: views and pulls
// skip it as before, and check names it. On a board file and on the server.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>

#include "sample_records.h"
#include "storage/pg/pg_address.h"
#include "storage/serialize.h"
#include "store_backends.h"

using namespace cc;
using namespace cc::test;

namespace {

class LogEntries : public StoreTest {
protected:
    /// Appends a change-log row with `payload` as another program would write it.
    void appendRawRow(const std::string& address, const std::string& payload) {
        if (!onServer()) {
            sqlite3* db = nullptr;
            ASSERT_EQ(sqlite3_open_v2(address.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
            sqlite3_busy_timeout(db, 10000);
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(db, "INSERT INTO change_log (author, time, source, payload) VALUES ('x', 0, 'user', ?)", -1,
                               &st, nullptr);
            sqlite3_bind_text(st, 1, payload.c_str(), static_cast<int>(payload.size()), SQLITE_TRANSIENT);
            EXPECT_EQ(sqlite3_step(st), SQLITE_DONE);
            sqlite3_finalize(st);
            sqlite3_close(db);
            return;
        }
        const std::string board = pg::parseServerAddress(address, "").board;
        pg::Connection c = adminConnection();
        c.exec("INSERT INTO customer_canvas.change_log (board, seq, author, time, source, payload) SELECT $1, "
               "last_seq + 1, 'x', 0, 'user', $2 FROM customer_canvas.board WHERE name = $1",
               {board, payload});
        c.exec("UPDATE customer_canvas.board SET last_seq = last_seq + 1 WHERE name = $1", {board});
    }

    /// `json` with the first value of `key` replaced by `value` (JSON text).
    static std::string withValue(std::string json, const std::string& key, const std::string& value) {
        const std::size_t at = json.find("\"" + key + "\":");
        EXPECT_NE(at, std::string::npos) << json;
        if (at == std::string::npos) return json;
        std::size_t start = at + key.size() + 3;
        while (json[start] == ' ') ++start;
        std::size_t end = start;
        if (json[end] == '"') end = json.find('"', end + 1) + 1;
        else
            while (end < json.size() && json[end] != ',' && json[end] != '}' && json[end] != '\n') ++end;
        return json.replace(start, end - start, value);
    }

    static ChangeSet adding(const Note& n) {
        ChangeSet cs;
        cs.author = "Ana";
        cs.time = 1767225600000;
        cs.notes.added.push_back(n);
        return cs;
    }
};

INSTANTIATE_TEST_SUITE_P(Backends, LogEntries, ::testing::Values(Backend::File, Backend::Server), backendName);

}  // namespace

TEST_P(LogEntries, AGarbledRowIsAClearProblemThatViewsAndPullsSkipAndCheckNames) {
    const std::string address = this->address("log");
    auto store = createBoard(address, sampleBoard(), "Ana");
    store->persist(adding(fullNote("n-first", 1)));
    auto other = openBoard(address);
    auto otherDoc = other->load();

    appendRawRow(address, "{not json");
    appendRawRow(address, std::string(5000, '['));
    appendRawRow(address, withValue(changeSetToJson(adding(fullNote("n-evil", 3))), "source", "\"evil\""));
    const std::int64_t afterGarbage = store->lastSequence();
    store->persist(adding(fullNote("n-second", 2)));

    const std::vector<LogChange> rows = store->changes();
    ASSERT_EQ(rows.size(), 6u);  // created, first, three garbled, second
    std::vector<std::string> problems;
    for (const LogChange& r : rows) {
        EXPECT_EQ(r.change.has_value(), r.problem.empty()) << r.seq;
        if (!r.change) problems.push_back(r.problem);
    }
    ASSERT_EQ(problems.size(), 3u);
    for (const auto& p : problems) EXPECT_EQ(p.rfind("malformed change set", 0), 0u) << p;
    EXPECT_NE(problems[1].find("nested deeper than 32 levels"), std::string::npos) << problems[1];
    EXPECT_NE(problems[2].find("unknown source 'evil'"), std::string::npos) << problems[2];
    ASSERT_TRUE(rows.back().change);
    EXPECT_EQ(rows.back().change->notes.added.front().id, "n-second");
    EXPECT_EQ(rows.back().author, "Ana");

    // The newest rows, and a note's rows, come typed too; views take the readable ones.
    const std::vector<LogChange> recent = store->recentChangeSets(4);
    ASSERT_EQ(recent.size(), 4u);
    EXPECT_EQ(readableChanges(recent).size(), 1u);
    const std::vector<LogChange> mentions = store->recentChangeSets(10, "n-second");
    ASSERT_EQ(readableChanges(mentions).size(), 1u);
    EXPECT_EQ(readableChanges(mentions)[0].seq, rows.back().seq);
    EXPECT_EQ(store->changes(afterGarbage).size(), 1u);

    // Another window's pull skips the garbled rows and brings the good one.
    EXPECT_EQ(other->pullRemote(*otherDoc), 1u);
    EXPECT_TRUE(otherDoc->note("n-second"));

    // check names each garbled row by its number.
    auto doc = store->load();
    const std::vector<std::string> report = store->checkBoard(*doc);
    std::size_t named = 0;
    for (const LogChange& r : rows)
        if (!r.change)
            named += std::count_if(report.begin(), report.end(), [&](const std::string& line) {
                return line.rfind("change " + std::to_string(r.seq) + ": malformed change set", 0) == 0;
            });
    EXPECT_EQ(named, 3u);
}

TEST_P(LogEntries, ARowWhoseRecordsBreakARuleComesRepairedAndSaysSo) {
    const std::string address = this->address("log-repair");
    auto store = createBoard(address, sampleBoard(), "Ana");
    // A note with more votes than a note may hold, as another program might log it.
    Note n = fullNote("n-votes", 1);
    ChangeSet cs = adding(n);
    appendRawRow(address, withValue(changeSetToJson(cs), "votes", "-5"));
    const std::vector<LogChange> rows = store->changes();
    ASSERT_EQ(rows.size(), 2u);
    ASSERT_TRUE(rows.back().change);
    EXPECT_FALSE(rows.back().repairs.empty());
    EXPECT_GE(rows.back().change->notes.added.front().votes, 0);
}
