// The summary of a board file (summaryOfBoard): the same figures as the change log replayed in
// memory, its progress told as it goes, and stopped when the progress function says so.
#include <gtest/gtest.h>

#include <vector>

#include "canvas/progress.h"
#include "storage/board_file.h"
#include "storage/serialize.h"
#include "storage/summary/summary_source.h"
#include "month_log.h"
#include "test_util.h"

using namespace cc;
using cc::test::at;
using cc::test::Log;
using cc::test::TempDir;

namespace {

/// A board file holding `log` (and the board it ends with), with 1,500 edits in September and
/// 3,000 in October.
std::unique_ptr<BoardFile> boardFile(const TempDir& dir, Log& log) {
    const std::string a = log.add("Transfers fail 4 of 10", "mystery_shopping", 2, at(2026, 9, 3), "2026-09-02");
    for (int i = 0; i < 1500; ++i) log.update(a, at(2026, 9, 8) + i, [i](Note& n) { n.votes = i % 5; });
    const std::string b = log.add("转账投诉上升 48%", "complaint", 2, at(2026, 10, 5), "2026-10-04");
    log.link(a, b, LinkKind::Supports, at(2026, 10, 7));
    for (int i = 0; i < 3000; ++i) log.update(a, at(2026, 10, 8) + i, [i](Note& n) { n.votes = i % 7; });
    std::vector<LogEntry> entries;
    for (const ChangeSet& cs : log.sets)
        entries.push_back(LogEntry{static_cast<std::int64_t>(entries.size() + 1), cs.author, cs.time,
                                   std::string(toString(cs.source)), changeSetToJson(cs)});
    auto file = BoardFile::create(dir.file("long.ccboard"), log.doc->board(), "test");
    file->writeAll(*log.doc, entries);
    return file;
}

}  // namespace

TEST(SummaryOfBoard, FiguresAsTheLogReplayedAndProgressToTheEnd) {
    TempDir dir;
    Log log(at(2026, 8, 1));
    auto file = boardFile(dir, log);
    std::vector<double> told;
    const MonthlySummary s = summary::summaryOfBoard(*file, Month{2026, 10}, at(2026, 11, 2), [&](double share) {
        told.push_back(share);
        return true;
    });
    const MonthlySummary expected = log.summary(Month{2026, 10});
    EXPECT_EQ(s.notesOnWall.value, expected.notesOnWall.value);
    EXPECT_EQ(s.newNotes.value, expected.newNotes.value);
    EXPECT_EQ(s.changedNotes.value, expected.changedNotes.value);
    ASSERT_GT(told.size(), 10u) << "told now and then, not only at the end";
    for (std::size_t i = 1; i < told.size(); ++i) EXPECT_LE(told[i - 1], told[i]) << "never backwards, at " << i;
    EXPECT_GE(told.front(), 0.0);
    EXPECT_DOUBLE_EQ(told.back(), 1.0);
}

TEST(SummaryOfBoard, StopsInEachStageWhenTold) {
    TempDir dir;
    Log log(at(2026, 8, 1));
    auto file = boardFile(dir, log);
    // Reading the history, replaying to the month's end, replaying to the month before's.
    for (double stopAt : {0.0, 0.3, 0.55, 0.78}) {
        double last = -1;
        EXPECT_THROW(summary::summaryOfBoard(*file, Month{2026, 10}, at(2026, 11, 2),
                                             [&](double share) {
                                                 last = share;
                                                 return share < stopAt;
                                             }),
                     Cancelled)
            << stopAt;
        // The history is read 2,000 rows at a time (a ninth of the whole here), replayed 256 at a time.
        EXPECT_LT(last, stopAt + 0.15) << "it stops soon after being told, not at the end: " << stopAt;
    }
}

TEST(SummaryOfBoard, InsightsComeFromTheHistoryAsAtTheMonthsEnd) {
    // The board file's history holds the insights; the summary of October shows the one made
    // then, as it stood then (its title changed in November), and not the one made in November.
    TempDir dir;
    Log log(at(2026, 8, 1));
    const std::string a = log.add("Complaint: transfers fail", "complaint", 2, at(2026, 10, 3), "2026-10-02");
    const std::string b = log.add("Survey: 40% saw a failed transfer", "survey", 2, at(2026, 10, 3), "2026-10-01");
    const std::string october = log.insight("Transfers fail too often", {a, b}, 2, at(2026, 10, 9));
    log.updateInsight(october, at(2026, 11, 2), [](Insight& i) { i.title = "Renamed in November"; });
    log.insight("Made in November", {a}, 2, at(2026, 11, 3));
    std::vector<LogEntry> entries;
    for (const ChangeSet& cs : log.sets)
        entries.push_back(LogEntry{static_cast<std::int64_t>(entries.size() + 1), cs.author, cs.time,
                                   std::string(toString(cs.source)), changeSetToJson(cs)});
    auto file = BoardFile::create(dir.file("insights.ccboard"), log.doc->board(), "test");
    file->writeAll(*log.doc, entries);
    const MonthlySummary s = summary::summaryOfBoard(*file, Month{2026, 10}, at(2026, 12, 2));
    ASSERT_EQ(s.insights[2].size(), 1u);
    EXPECT_EQ(s.insights[2][0].title, "Transfers fail too often");
    EXPECT_EQ(s.insights[2][0].evidence.size(), 2u);
    ASSERT_EQ(s.insights[2][0].reasons.size(), 2u) << "worded in English and Chinese";
    const MonthlySummary nov = summary::summaryOfBoard(*file, Month{2026, 11}, at(2026, 12, 2));
    ASSERT_EQ(nov.insights[2].size(), 2u);
}
