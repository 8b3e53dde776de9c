// Insights on both stores: every field survives, changes and undo are written, another process
// sees them, backups and copies keep them, an older board file takes them after its upgrade, and
// rows another program wrote are repaired on reading with a line naming what was wrong.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "canvas/editor.h"
#include "storage/backup.h"
#include "storage/board_copy.h"
#include "storage/board_file.h"
#include "storage/migrations.h"
#include "storage/serialize.h"
#include "raw_sql.h"
#include "sample_records.h"
#include "store_backends.h"

using namespace cc;
using namespace cc::test;

namespace {

/// An insight with every field set to something other than its default.
Insight fullInsight() {
    Insight i;
    i.id = "i-full";
    i.title = "退货太慢正在流失年轻家庭客户";
    i.statement = "Young families leave because returns are slow.\n第二行 with \"quotes\"";
    i.quadrant = 3;
    i.notes = {"n-full3", "n-full1", "n-archived"};
    i.author = "王芳 Wang Fang";
    i.created = 1767500000001;
    i.updated = 1767500000002;
    i.votes = 4;
    i.state = InsightState::Agreed;
    return i;
}

std::string sampleWithInsight(const std::string& address) {
    std::unique_ptr<BoardStore> store;
    auto doc = fillSampleBoard(store, address);
    ChangeSet cs;
    cs.author = "tester";
    cs.time = 1767500000000;
    cs.insights.added.push_back(fullInsight());
    doc->apply(cs);
    return address;
}

bool mentions(const std::vector<std::string>& lines, const std::string& part) {
    for (const auto& l : lines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

using InsightStore = StoreTest;
INSTANTIATE_TEST_SUITE_P(Backends, InsightStore, ::testing::Values(Backend::File, Backend::Server), backendName);

TEST_P(InsightStore, EveryFieldSurvivesAndTheLogHoldsIt) {
    const std::string board = sampleWithInsight(address("insight"));
    auto store = openBoard(board, BoardStore::Mode::ReadOnly);
    auto doc = store->load();
    ASSERT_EQ(doc->insights().size(), 1u);
    EXPECT_EQ(*doc->insight("i-full"), fullInsight());
    EXPECT_TRUE(store->repairs().empty());
    EXPECT_TRUE(store->checkBoard(*doc).empty()) << store->checkBoard(*doc).front();
    const auto log = store->changes();
    ASSERT_TRUE(log.back().change);
    ASSERT_EQ(log.back().change->insights.added.size(), 1u);
    EXPECT_EQ(log.back().change->insights.added[0], fullInsight());
}

TEST_P(InsightStore, EditsDeletionsAndUndoAreWritten) {
    const std::string board = sampleWithInsight(address("insight"));
    {
        auto store = openBoard(board);
        auto doc = store->load();
        store->attach(*doc);
        Editor editor(*doc, "tester");
        Insight i = *doc->insight("i-full");
        i.title = "Returns are too slow";
        i.state = InsightState::Retired;
        editor.updateInsight(i);
        editor.deleteNotes({"n-full1"});  // leaves the evidence
        const std::string other = editor.addInsight(editor.makeInsight("Second 第二", {"n-full2"}));
        editor.deleteInsights({other});
    }
    auto doc = openBoard(board, BoardStore::Mode::ReadOnly)->load();
    ASSERT_EQ(doc->insights().size(), 1u);
    EXPECT_EQ(doc->insight("i-full")->title, "Returns are too slow");
    EXPECT_EQ(doc->insight("i-full")->state, InsightState::Retired);
    EXPECT_EQ(doc->insight("i-full")->notes, (std::vector<std::string>{"n-full3", "n-archived"}));
    {
        auto store = openBoard(board);
        auto d = store->load();
        store->attach(*d);
        Editor editor(*d, "tester");
        // A fresh editor has no history: undo the deletion through a new step and its undo.
        editor.deleteNotes({"n-full3"});
        ASSERT_TRUE(editor.undo());
    }
    auto again = openBoard(board, BoardStore::Mode::ReadOnly)->load();
    EXPECT_EQ(again->insight("i-full")->notes, (std::vector<std::string>{"n-full3", "n-archived"}));
    EXPECT_TRUE(again->checkInvariants().empty());
}

TEST_P(InsightStore, AnotherProcessSeesInsightsAndTheirEvidenceLeaving) {
    const std::string board = makeSampleBoard(address("shared"));
    auto storeA = openBoard(board), storeB = openBoard(board);
    auto docA = storeA->load(), docB = storeB->load();
    storeA->attach(*docA);
    storeB->attach(*docB);
    Editor a(*docA, "Ann"), b(*docB, "Bo");
    const std::string id = a.addInsight(a.makeInsight("Shared 共享", {"n-full1", "n-full2"}));
    const auto pull = [](BoardStore& s, Document& d) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        std::size_t got = 0;
        while ((got += s.pullRemote(d)) == 0 && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return got;
    };
    ASSERT_GE(pull(*storeB, *docB), 1u);
    ASSERT_NE(docB->insight(id), nullptr);
    EXPECT_EQ(*docB->insight(id), *docA->insight(id));
    b.deleteNotes({"n-full2"});
    ASSERT_GE(pull(*storeA, *docA), 1u);
    EXPECT_EQ(docA->insight(id)->notes, std::vector<std::string>{"n-full1"});
    EXPECT_TRUE(docA->checkInvariants().empty());
}

TEST_P(InsightStore, RowsAnotherProgramWroteAreRepairedAndNamed) {
    const std::string board = sampleWithInsight(address("hostile"));
    // A second insight row with an empty title, a missing note, one note twice, a state and
    // quadrant out of range; and a row without a usable id.
    rawSql(onServer(), board,
           "INSERT INTO insight VALUES ('i-bad', '', 'ok', 9, 'n-full1' || char(10) || 'n-gone' || char(10) || 'n-full1', "
           "'x', 1, 2, -5, 'maybe')",
           "INSERT INTO customer_canvas.insight VALUES ($1, 'i-bad', '', 'ok', 9, E'n-full1\\nn-gone\\nn-full1', 'x', 1, 2, "
           "-5, 'maybe')");
    rawSql(onServer(), board, "INSERT INTO insight VALUES ('', 'T', '', 0, '', '', 0, 0, 0, 'draft')",
           "INSERT INTO customer_canvas.insight VALUES ($1, '', 'T', '', 0, '', '', 0, 0, 0, 'draft')");
    auto store = openBoard(board, BoardStore::Mode::ReadOnly);
    auto doc = store->load();
    EXPECT_TRUE(doc->checkInvariants().empty());
    const Insight* bad = doc->insight("i-bad");
    ASSERT_NE(bad, nullptr);
    EXPECT_EQ(bad->notes, std::vector<std::string>{"n-full1"});
    EXPECT_EQ(bad->quadrant, 0);
    EXPECT_EQ(bad->votes, 0);
    EXPECT_EQ(bad->state, InsightState::Draft);
    EXPECT_FALSE(bad->title.empty());
    EXPECT_EQ(doc->insights().size(), 2u) << "the row without an id is left out";
    const auto& r = store->repairs();
    EXPECT_TRUE(mentions(r, "insight i-bad: empty title")) << r.size();
    EXPECT_TRUE(mentions(r, "note n-gone is missing, dropped from the evidence"));
    EXPECT_TRUE(mentions(r, "note n-full1 cited twice"));
    EXPECT_TRUE(mentions(r, "quadrant 9 out of range"));
    EXPECT_TRUE(mentions(r, "its id is not usable, left out"));
    // Reading wrote nothing back.
    EXPECT_EQ(rawValue(onServer(), board, "SELECT quadrant FROM insight WHERE id = 'i-bad'",
                       "SELECT quadrant FROM customer_canvas.insight WHERE board = $1 AND id = 'i-bad'"),
              "9");
}

TEST_P(InsightStore, BackupsAndCopiesKeepInsights) {
    const std::string board = sampleWithInsight(address("source"));
    const std::string backup = m_dir.file("backup.json");
    {
        auto store = openBoard(board, BoardStore::Mode::ReadOnly);
        exportBackup(*store->load(), store->changeLog(), backup);
    }
    EXPECT_EQ(*readBackup(backup).document->insight("i-full"), fullInsight());
    const std::string restored = address("restored");
    restoreBackup(backup, restored);
    EXPECT_EQ(*openBoard(restored, BoardStore::Mode::ReadOnly)->load()->insight("i-full"), fullInsight());
    const std::string copied = m_dir.file("copy.ccboard");
    copyBoard(board, "", copied, "");
    EXPECT_EQ(*openBoard(copied, BoardStore::Mode::ReadOnly)->load()->insight("i-full"), fullInsight());
}

TEST(InsightBackup, ABackupWhoseInsightCitesAMissingNoteIsRefused) {
    TempDir dir;
    const std::string board = sampleWithInsight(dir.file("b.ccboard"));
    const std::string backup = dir.file("backup.json");
    {
        auto store = openBoard(board, BoardStore::Mode::ReadOnly);
        exportBackup(*store->load(), store->changeLog(), backup);
    }
    std::string text = readFile(backup);
    const auto at = text.find("\"n-archived\"", text.find("\"insights\""));
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 12, "\"n-nowhere\"");
    writeFile(backup, text);
    try {
        readBackup(backup);
        FAIL() << "accepted";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("insight i-full cites missing note n-nowhere"), std::string::npos) << e.what();
    }
}

TEST(InsightMigration, ABoardOfSchema1ReadsWithNoInsightsAndTakesThemAfterItsUpgrade) {
    TempDir dir;
    const std::string path = dir.file("old.ccboard");
    std::filesystem::copy_file(std::string(CC_FIXTURES) + "/board-v1.ccboard", path);
    const std::string bytes = readFile(path);
    {
        auto file = BoardFile::open(path, BoardFile::Mode::ReadOnly);
        auto doc = file->load();
        EXPECT_TRUE(doc->insights().empty());
        EXPECT_TRUE(file->integrityProblems().empty());
    }
    EXPECT_EQ(readFile(path), bytes) << "reading does not upgrade";
    {
        auto file = BoardFile::open(path);
        EXPECT_EQ(file->database().execAndGet("PRAGMA user_version").getInt(), 3);
        auto doc = file->load();
        file->attach(*doc);
        Editor editor(*doc, "tester");
        editor.addInsight(editor.makeInsight("After the upgrade 升级后", {"n-fix1", "n-fix2"}));
    }
    auto doc = BoardFile::open(path, BoardFile::Mode::ReadOnly)->load();
    ASSERT_EQ(doc->insights().size(), 1u);
    EXPECT_EQ(doc->sortedInsights().front()->notes, (std::vector<std::string>{"n-fix1", "n-fix2"}));
}

TEST(InsightLog, ChangeSetsOfVersion2ReadWithoutInsights) {
    const std::string v2 =
        R"({"changeSet":{"cereal_class_version":2,"source":"user","author":"Ann","time":5,)"
        R"("notes":{"cereal_class_version":1,"added":[],"updated":[],"removed":[]},)"
        R"("links":{"cereal_class_version":1,"added":[],"updated":[],"removed":[]},"board":{"nullopt":true},"overwrote":[]}})";
    const ChangeSet old = changeSetFromJson(v2);
    EXPECT_TRUE(old.insights.empty());
    ChangeSet now = old;
    now.insights.added.push_back(fullInsight());
    EXPECT_EQ(changeSetFromJson(changeSetToJson(now)), now);
}

TEST_P(InsightStore, DeletingANoteSomeoneElseJustCitedTakesItOutOfTheirInsightInTheStore) {
    const std::string board = makeSampleBoard(address("widen"));
    auto storeA = openBoard(board), storeB = openBoard(board);
    auto docA = storeA->load(), docB = storeB->load();
    storeA->attach(*docA);
    storeB->attach(*docB);
    Editor a(*docA, "Ann"), b(*docB, "Bo");
    const std::string id = a.addInsight(a.makeInsight("Ann's theme", {"n-full1", "n-full2"}));
    b.deleteNotes({"n-full2"});  // before Bo's window has seen Ann's insight
    auto fresh = openBoard(board, BoardStore::Mode::ReadOnly);
    auto doc = fresh->load();
    EXPECT_TRUE(fresh->repairs().empty()) << fresh->repairs().front();
    EXPECT_EQ(doc->insight(id)->notes, std::vector<std::string>{"n-full1"});
    // The logged change says so, so that a replay of the history agrees.
    const auto log = fresh->changes();
    ASSERT_TRUE(log.back().change);
    ASSERT_EQ(log.back().change->insights.updated.size(), 1u);
    EXPECT_EQ(log.back().change->insights.updated[0].second.notes, std::vector<std::string>{"n-full1"});
}

TEST(InsightBackup, EachRecordKindIsCheckedAgainstItsOwnNewestVersion) {
    TempDir dir;
    const std::string board = sampleWithInsight(dir.file("b.ccboard"));
    const std::string backup = dir.file("backup.json");
    {
        auto store = openBoard(board, BoardStore::Mode::ReadOnly);
        exportBackup(*store->load(), store->changeLog(), backup);
    }
    const std::string text = readFile(backup);
    // The backup itself is version 2 (it holds insights); an insight of version 2 is from a newer program.
    const auto at = text.find("\"cereal_class_version\": 1", text.find("\"insights\""));
    ASSERT_NE(at, std::string::npos);
    std::string newer = text;
    newer.replace(at, 25, "\"cereal_class_version\": 2");
    writeFile(backup, newer);
    try {
        readBackup(backup);
        FAIL() << "accepted";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("a record of version 2, newer than this program reads (1)"), std::string::npos)
            << e.what();
    }
}
