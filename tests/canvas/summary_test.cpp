// The monthly summary from a board whose months are known: change sets with explicit times,
// replayed from the log as the exporter does.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>

#include "month_log.h"

using namespace cc;

using cc::test::at;
using cc::test::Log;

TEST(Month, ParsesOnlyRealMonths) {
    EXPECT_TRUE(Month::parse("2026-10"));
    EXPECT_FALSE(Month::parse("2026-13"));
    EXPECT_FALSE(Month::parse("2026-1"));
    EXPECT_FALSE(Month::parse("26-10"));
    EXPECT_FALSE(Month::parse("october"));
    const Month m = *Month::parse("2026-01");
    EXPECT_EQ(m.previous().str(), "2025-12");
    EXPECT_TRUE(m.contains("2026-01-31"));
    EXPECT_FALSE(m.contains("2026-02-01"));
    EXPECT_EQ(m.end() - m.start(), 31LL * 24 * 3600 * 1000);
}

TEST(Summary, ReplayRebuildsTheBoardAtTheEndOfAnyMonth) {
    Log log(at(2026, 8, 20));
    const std::string a = log.add("August note", "survey", 1, at(2026, 8, 25), "2026-08-24");
    const std::string b = log.add("September note", "complaint", 2, at(2026, 9, 5), "2026-09-04");
    log.update(a, at(2026, 10, 3), [](Note& n) { n.text = "August note, revised in October"; });
    log.remove(b, at(2026, 10, 9));
    auto aug = boardAt(log.sets, Month{2026, 8}.end());
    auto sep = boardAt(log.sets, Month{2026, 9}.end());
    auto oct = boardAt(log.sets, Month{2026, 10}.end());
    EXPECT_EQ(aug->notes().size(), 1u);
    EXPECT_EQ(aug->note(a)->text, "August note");
    EXPECT_EQ(sep->notes().size(), 2u);
    EXPECT_EQ(oct->notes().size(), 1u);
    EXPECT_EQ(oct->note(a)->text, "August note, revised in October");
    auto july = boardAt(log.sets, Month{2026, 7}.end());  // before the board existed: empty
    EXPECT_TRUE(july->notes().empty());
}

TEST(Summary, HeadlineFiguresCountTheMonthAgainstTheMonthBefore) {
    Log log(at(2026, 8, 1));
    const std::string s1 = log.add("App 满意度 81%", "survey", 3, at(2026, 9, 2), "2026-09-01", 2);
    const std::string m1 = log.add("Transfers fail 4 of 10", "mystery_shopping", 2, at(2026, 9, 3), "2026-09-02");
    log.link(s1, m1, LinkKind::Conflicts, at(2026, 9, 4), "survey vs observation");
    const std::string c1 = log.add("转账投诉上升 48%", "complaint", 2, at(2026, 10, 5), "2026-10-04", 5);
    const std::string f1 = log.add("Focus group: transfers feel unsafe", "focus_group", 3, at(2026, 10, 6), "2026-10-05");
    log.link(c1, m1, LinkKind::Supports, at(2026, 10, 7));
    log.link(f1, m1, LinkKind::Supports, at(2026, 10, 7));
    log.update(s1, at(2026, 10, 8), [](Note& n) { n.votes = 4; });

    const MonthlySummary oct = log.summary(Month{2026, 10});
    EXPECT_EQ(oct.notesOnWall.value, 4);
    EXPECT_EQ(oct.notesOnWall.previous, 2);
    EXPECT_EQ(oct.notesOnWall.change(), 2);
    EXPECT_EQ(oct.newNotes.value, 2);
    EXPECT_EQ(oct.newNotes.previous, 2);  // September's new notes at the end of September
    EXPECT_EQ(oct.changedNotes.value, 1);
    EXPECT_EQ(oct.sourceKindsUsed.value, 4);
    EXPECT_EQ(oct.sourceKindsUsed.previous, 2);
    EXPECT_EQ(oct.corroborated.value, 1);  // m1: supported by complaint and focus group
    EXPECT_EQ(oct.corroborated.previous, 0);
    EXPECT_EQ(oct.openContradictions.value, 1);
    // The contradiction as an open question, with research neither side (nor their supporters) used.
    ASSERT_EQ(oct.questions.size(), 1u);
    EXPECT_EQ(oct.questions[0].label, "survey vs observation");
    for (const auto& k : oct.questions[0].suggestedSources) {
        EXPECT_NE(k, "survey");
        EXPECT_NE(k, "mystery_shopping");
        EXPECT_NE(k, "focus_group");
        EXPECT_NE(k, "complaint");
    }
    EXPECT_FALSE(oct.questions[0].suggestedSources.empty());
    // The strongest insight of quadrant 2 is the corroborated one.
    ASSERT_FALSE(oct.strongest[1].empty());
    EXPECT_EQ(oct.strongest[1][0].id, m1);
    EXPECT_TRUE(oct.strongest[1][0].corroborated);
    // What changed: two notes and two links added; the appendix lists the new and changed notes.
    EXPECT_EQ(oct.changes.added.size(), 2u);
    EXPECT_EQ(oct.changes.linksAdded.size(), 2u);
    EXPECT_EQ(oct.appendix.size(), 3u);
    // Coverage: quadrants 1 and 4 are thin; survey is unused in October (gathered in September).
    EXPECT_NE(std::find(oct.thinQuadrants.begin(), oct.thinQuadrants.end(), 1), oct.thinQuadrants.end());
    EXPECT_NE(std::find(oct.unusedThisMonth.begin(), oct.unusedThisMonth.end(), "survey"), oct.unusedThisMonth.end());
    EXPECT_EQ(std::find(oct.unusedThreeMonths.begin(), oct.unusedThreeMonths.end(), "survey"), oct.unusedThreeMonths.end());
    EXPECT_FALSE(oct.empty);
}

TEST(Summary, MovesArchivesAndDeletionsAreReported) {
    Log log(at(2026, 8, 1));
    const std::string a = log.add("Moves", "survey", 1, at(2026, 9, 2), "2026-09-01");
    const std::string b = log.add("Archived", "census", 1, at(2026, 9, 2), "2026-09-01");
    const std::string c = log.add("Deleted", "events", 4, at(2026, 9, 2), "2026-09-01");
    log.update(a, at(2026, 10, 2), [](Note& n) { n.x = 100; n.y = 300; });  // quadrant 4
    log.update(b, at(2026, 10, 3), [](Note& n) { n.state = NoteState::Archived; });
    log.remove(c, at(2026, 10, 4));
    const MonthlySummary oct = log.summary(Month{2026, 10});
    ASSERT_EQ(oct.changes.moved.size(), 1u);
    EXPECT_EQ(oct.changes.moved[0].from, 1);
    EXPECT_EQ(oct.changes.moved[0].to, 4);
    ASSERT_EQ(oct.changes.archived.size(), 1u);
    EXPECT_EQ(oct.changes.archived[0].title, "Archived");
    ASSERT_EQ(oct.changes.deleted.size(), 1u);
    EXPECT_EQ(oct.changes.deleted[0].title, "Deleted");
}

TEST(Summary, AMonthWithNoDataIsAnEmptySummaryNotAnError) {
    Log log(at(2026, 8, 1));
    const MonthlySummary s = log.summary(Month{2026, 3});
    EXPECT_TRUE(s.empty);
    EXPECT_EQ(s.notesOnWall.value, 0);
}
