// The monthly summary from a board whose months are known: change sets with explicit times,
// replayed from the log as the exporter does.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>

#include "board_factory.h"
#include "geometry.h"
#include "replay.h"
#include "summary.h"

using namespace cc;

namespace {

Millis at(int year, int month, int day) {
    using namespace std::chrono;
    const sys_days d = year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                      std::chrono::day{static_cast<unsigned>(day)}};
    return duration_cast<milliseconds>(d.time_since_epoch()).count() + 12 * 3600 * 1000;
}

/// Builds a log of change sets with the times a test chooses.
struct Log {
    std::vector<ChangeSet> sets;
    std::unique_ptr<Document> doc;

    explicit Log(Millis created) {
        BoardInfo b = makeBoard("Retail 零售");
        b.created = created;
        ChangeSet cs;
        cs.time = created;
        cs.board = std::make_pair(BoardInfo{}, b);
        sets.push_back(cs);
        doc = std::make_unique<Document>(b);
    }
    void commit(ChangeSet cs, Millis t) {
        cs.time = t;
        doc->apply(cs);
        sets.push_back(std::move(cs));
    }
    std::string add(const std::string& text, const std::string& source, int q, Millis t, const std::string& date,
                    int votes = 0) {
        Note n;
        n.id = newId("n");
        n.text = text;
        n.source = source;
        n.data = SourceKinds::builtin().find(source)->data;
        n.customerInitiated = SourceKinds::builtin().find(source)->customerInitiated;
        n.dateGathered = date;
        n.author = "tester";
        n.created = n.updated = t;
        n.votes = votes;
        n.w = kNoteWidth;
        n.h = kNoteHeight;
        const Rect r = quadrantRect(doc->board(), q);
        n.x = r.x + 50 + 260.0 * static_cast<double>(doc->notes().size() % 5);
        n.y = r.y + kQuadrantHeader + 10;
        n.quadrant = q;
        ChangeSet cs;
        cs.notes.added.push_back(n);
        commit(cs, t);
        return n.id;
    }
    void update(const std::string& id, Millis t, const std::function<void(Note&)>& f) {
        Note after = *doc->note(id);
        f(after);
        after.updated = t;
        after.quadrant = quadrantOf(after);
        ChangeSet cs;
        cs.notes.updated.emplace_back(*doc->note(id), after);
        commit(cs, t);
    }
    std::string link(const std::string& a, const std::string& b, LinkKind k, Millis t, const std::string& label = {}) {
        Link l;
        l.id = newId("l");
        l.from = a;
        l.to = b;
        l.kind = k;
        l.label = label;
        l.created = t;
        ChangeSet cs;
        cs.links.added.push_back(l);
        commit(cs, t);
        return l.id;
    }
    void remove(const std::string& id, Millis t) {
        ChangeSet cs;
        for (const auto& linkId : doc->linksOf(id)) cs.links.removed.push_back(*doc->link(linkId));
        cs.notes.removed.push_back(*doc->note(id));
        commit(cs, t);
    }
    MonthlySummary summary(const Month& m) const {
        auto end = boardAt(sets, m.end());
        auto prev = boardAt(sets, m.previous().end());
        std::vector<ChangeSet> inMonth;
        for (const auto& cs : sets)
            if (cs.time >= m.start() && cs.time < m.end()) inMonth.push_back(cs);
        return summarise(*end, *prev, m, inMonth, at(2026, 12, 1));
    }
};

}  // namespace

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
