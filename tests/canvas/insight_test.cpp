// Insights: a record citing notes as its evidence (added, edited, undone, kept sound when its
// notes go), and the evidence-strength rule, each reason moving the grade as the README says.

#include <gtest/gtest.h>

#include "canvas/activity.h"
#include "canvas/board_factory.h"
#include "canvas/editor.h"
#include "canvas/evidence_strength.h"

using namespace cc;

namespace {

constexpr const char* kToday = "2026-12-07";

struct InsightFixture : ::testing::Test {
    Document doc{makeBoard("Insights 洞察")};
    Editor editor{doc, "tester"};
    std::vector<LoggedChange> log;

    InsightFixture() {
        doc.subscribe([this](const ChangeSet& cs) { log.push_back(LoggedChange{std::int64_t(log.size() + 1), cs}); });
    }
    std::string add(const std::string& text, const std::string& source, int quadrant = 2,
                    const std::string& date = "2026-11-20") {
        Note n = editor.makeNote(text, source);
        n.dateGathered = date;
        return editor.addNoteInQuadrant(n, quadrant);
    }
    std::string group(const std::string& title, const std::vector<std::string>& notes) {
        return editor.addInsight(editor.makeInsight(title, notes));
    }
    EvidenceStrength strengthOf(const std::string& id) { return evidenceStrength(doc, *doc.insight(id), kToday); }
    std::string reasons(const std::string& id) {
        std::string out;
        for (const auto& r : strengthOf(id).reasons) out += (out.empty() ? "" : "; ") + r;
        return out;
    }
    void setNote(const std::string& id, const std::function<void(Note&)>& f) {
        Note n = *doc.note(id);
        f(n);
        editor.updateNote(n);
    }
};

}  // namespace

TEST_F(InsightFixture, GroupingNotesMakesAnInsightThatCitesThem) {
    const std::string a = add("退货太慢 Returns take two weeks", "complaint"), b = add("Survey: 40% unhappy", "survey"),
                      c = add("Staff: returns pile up", "staff_anecdote", 3);
    const std::string id = group("退货太慢正在流失年轻家庭客户", {a, b, c, a});
    const Insight* i = doc.insight(id);
    ASSERT_NE(i, nullptr);
    EXPECT_EQ(i->notes, (std::vector<std::string>{a, b, c})) << "each note cited once, in the order given";
    EXPECT_EQ(i->quadrant, 2) << "the quadrant most of its notes sit in";
    EXPECT_EQ(i->state, InsightState::Draft);
    EXPECT_EQ(i->author, "tester");
    EXPECT_EQ(doc.insightsCiting(a).size(), 1u);
    EXPECT_TRUE(doc.checkInvariants().empty());
    EXPECT_EQ(describeChange(log.back(), doc).text, "grouped 3 notes as insight “退货太慢正在流失年轻家庭客户”");
    // A note may be evidence for several insights.
    const std::string other = group("Complaints are rising", {a});
    EXPECT_EQ(doc.insightsCiting(a).size(), 2u);
    EXPECT_NE(other, id);
}

TEST_F(InsightFixture, AddingAndEditingUndoAndRedo) {
    const std::string a = add("A", "complaint"), b = add("B", "survey");
    const std::string id = group("Theme", {a});
    Insight edited = *doc.insight(id);
    edited.notes.push_back(b);
    edited.state = InsightState::Agreed;
    edited.statement = "Customers leave because returns are slow.";
    editor.updateInsight(edited);
    EXPECT_EQ(describeChange(log.back(), doc).text, "added 1 note to insight “Theme”; agreed on insight “Theme”; edited insight “Theme”");
    EXPECT_EQ(doc.insight(id)->notes.size(), 2u);
    ASSERT_TRUE(editor.undo());
    EXPECT_EQ(doc.insight(id)->notes, std::vector<std::string>{a});
    EXPECT_EQ(doc.insight(id)->state, InsightState::Draft);
    ASSERT_TRUE(editor.undo());
    EXPECT_EQ(doc.insight(id), nullptr);
    ASSERT_TRUE(editor.redo());
    ASSERT_TRUE(editor.redo());
    EXPECT_EQ(doc.insight(id)->state, InsightState::Agreed);
    EXPECT_EQ(doc.insight(id)->notes.size(), 2u);
}

TEST_F(InsightFixture, DeletingANoteTakesItOutOfTheEvidenceAndUndoPutsItBack) {
    const std::string a = add("A", "complaint"), b = add("B", "survey"), c = add("C", "census");
    const std::string one = group("One", {a, b}), two = group("Two", {b, c});
    editor.deleteNotes({b});
    EXPECT_EQ(doc.insight(one)->notes, std::vector<std::string>{a});
    EXPECT_EQ(doc.insight(two)->notes, std::vector<std::string>{c});
    EXPECT_TRUE(doc.checkInvariants().empty());
    EXPECT_EQ(describeChange(log.back(), doc).text, "deleted “B”") << "the evidence it left needs no words of its own";
    ASSERT_TRUE(editor.undo());
    EXPECT_NE(doc.note(b), nullptr);
    EXPECT_EQ(doc.insight(one)->notes, (std::vector<std::string>{a, b}));
    EXPECT_EQ(doc.insight(two)->notes, (std::vector<std::string>{b, c}));
}

TEST_F(InsightFixture, DeletingAnInsightKeepsItsNotes) {
    const std::string a = add("A", "complaint"), b = add("B", "survey");
    const std::string id = group("Theme", {a, b});
    editor.deleteInsights({id});
    EXPECT_EQ(doc.insight(id), nullptr);
    EXPECT_NE(doc.note(a), nullptr);
    EXPECT_NE(doc.note(b), nullptr);
    EXPECT_EQ(describeChange(log.back(), doc).text, "deleted insight “Theme” (its notes stay)");
    ASSERT_TRUE(editor.undo());
    EXPECT_EQ(doc.insight(id)->notes, (std::vector<std::string>{a, b}));
}

TEST_F(InsightFixture, TheDocumentRefusesABrokenInsightAndChangesNothing) {
    const std::string a = add("A", "complaint");
    const auto revision = doc.revision();
    const auto refused = [&](Insight i, const std::string& why) {
        try {
            editor.addInsight(std::move(i));
            ADD_FAILURE() << "accepted: " << why;
        } catch (const ChangeError& e) {
            EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
        }
    };
    refused(editor.makeInsight("T", {a, "n-elsewhere"}), "note n-elsewhere does not exist");
    Insight twice = editor.makeInsight("T", {a});
    twice.notes.push_back(a);
    refused(twice, "cites note " + a + " twice");
    refused(editor.makeInsight("", {a}), "has an empty title");
    Insight longTitle = editor.makeInsight(std::string(limits::kShortBytes + 1, 'x'), {a});
    refused(longTitle, "title is longer than");
    Insight longStatement = editor.makeInsight("T", {a});
    longStatement.statement = std::string(limits::kStatementBytes + 1, 'x');
    refused(longStatement, "statement is longer than");
    Insight quadrant = editor.makeInsight("T", {a});
    quadrant.quadrant = 5;
    refused(quadrant, "quadrant must be 0 to 4");
    EXPECT_EQ(doc.revision(), revision);
    EXPECT_TRUE(doc.insights().empty());
    // A change that removes a cited note without taking it out of the evidence is refused too.
    const std::string id = group("T", {a});
    ChangeSet bad;
    bad.notes.removed.push_back(*doc.note(a));
    EXPECT_THROW(doc.apply(bad), ChangeError);
    EXPECT_NE(doc.note(a), nullptr);
    EXPECT_EQ(doc.insight(id)->notes, std::vector<std::string>{a});
}

TEST_F(InsightFixture, UndoingANoteOthersCitedSinceTakesItOutOfTheirInsight) {
    Editor other(doc, "Bo");
    const std::string a = add("A", "complaint"), b = add("B", "survey");
    const std::string theirs = other.addInsight(other.makeInsight("Bo's theme", {a, b}));
    ASSERT_TRUE(editor.undo());  // takes back adding b, which Bo's insight now cites
    EXPECT_EQ(doc.note(b), nullptr);
    EXPECT_EQ(doc.insight(theirs)->notes, std::vector<std::string>{a});
    EXPECT_TRUE(doc.checkInvariants().empty());
    ASSERT_TRUE(editor.redo());
    EXPECT_NE(doc.note(b), nullptr);
    // Bo's own undo takes their insight back whatever happened to its notes meanwhile.
    ASSERT_TRUE(other.undo());
    EXPECT_EQ(doc.insight(theirs), nullptr);
}

TEST_F(InsightFixture, AChangeThatRemovesNotesAndChangesInsightsIsLoggedInOnePiece) {
    std::vector<std::string> ids;
    for (int k = 0; k < 10; ++k) ids.push_back(add("n" + std::to_string(k), "survey"));
    group("All", ids);
    editor.deleteNotes(ids);
    std::size_t pieces = 0;
    forEachLogPart(log.back().cs, LogPartLimits{3, 1u << 20}, [&](const ChangeSet&) { ++pieces; });
    EXPECT_EQ(pieces, 1u);
    // One that only adds insights is cut, and each piece applies on its own.
    Document fresh{makeBoard("Copy")};
    for (const auto& e : log) {
        if (&e == &log.back()) break;
        forEachLogPart(e.cs, LogPartLimits{3, 1u << 20}, [&](const ChangeSet& piece) { fresh.apply(piece); });
    }
    EXPECT_EQ(fresh.insights().size(), 1u);
}

// --- The strength rule (README, "Evidence strength"): each reason moves the grade.

TEST_F(InsightFixture, MoreSourceKindsMakeItStronger) {
    const std::string same = group("Same kind", {add("a", "focus_group"), add("b", "focus_group"), add("c", "focus_group"),
                                                 add("d", "focus_group")});
    EXPECT_EQ(strengthOf(same).score, 40);  // 0 (1 kind) + 25 (all direct) + 15 (recent)
    EXPECT_EQ(strengthOf(same).grade, StrengthGrade::Moderate);
    EXPECT_EQ(reasons(same), "1 source kind, 4 direct; only qualitative; newest 2026-11");
    const std::string four = group("Four kinds", {add("a", "focus_group"), add("b", "deep_immersion"), add("c", "customer_panel"),
                                                  add("d", "mystery_shopping")});
    EXPECT_EQ(strengthOf(four).score, 70);  // + 30 for 4 kinds
    EXPECT_EQ(strengthOf(four).grade, StrengthGrade::Strong);
    EXPECT_EQ(reasons(four), "4 source kinds, 4 direct; only qualitative; newest 2026-11");
}

TEST_F(InsightFixture, IndirectAndInternalChannelsCountLess) {
    const std::string id = group("Hearsay", {add("a", "trend_spotting"), add("b", "intuition"), add("c", "staff_anecdote"),
                                             add("d", "other")});
    // 30 (4 kinds) + 25 × (0.5 + 0.2 + 0.2 + 0.5) / 4 = 9 + 15 (recent): moderate, where 4 direct kinds were strong.
    EXPECT_EQ(strengthOf(id).score, 54);
    EXPECT_EQ(strengthOf(id).grade, StrengthGrade::Moderate);
    EXPECT_EQ(reasons(id), "4 source kinds, 0 direct; 2 from the team's own knowledge; only qualitative; newest 2026-11");
}

TEST_F(InsightFixture, ContactsTheCustomerStartedCountMore) {
    const std::string a = add("a", "focus_group"), b = add("b", "deep_immersion");
    const std::string id = group("Two kinds", {a, b});
    EXPECT_EQ(strengthOf(id).score, 55);  // 15 + 25 + 15
    EXPECT_EQ(strengthOf(id).grade, StrengthGrade::Moderate);
    setNote(a, [](Note& n) { n.customerInitiated = true; });
    EXPECT_EQ(strengthOf(id).score, 65);
    setNote(b, [](Note& n) { n.customerInitiated = true; });
    EXPECT_EQ(strengthOf(id).score, 70);
    EXPECT_EQ(strengthOf(id).grade, StrengthGrade::Strong);
    EXPECT_EQ(reasons(id), "2 source kinds, 2 direct; 2 started by the customer; only qualitative; newest 2026-11");
}

TEST_F(InsightFixture, QuantitativeAndQualitativeTogetherCountMore) {
    const std::string a = add("a", "focus_group"), b = add("b", "survey");
    const std::string id = group("Both", {a, b});
    EXPECT_EQ(strengthOf(id).score, 70);  // 15 + 25 + 15 (both) + 15
    EXPECT_EQ(strengthOf(id).grade, StrengthGrade::Strong);
    EXPECT_EQ(reasons(id), "2 source kinds, 2 direct; quantitative and qualitative; newest 2026-11");
    setNote(b, [](Note& n) { n.data = DataKind::Qualitative; });
    EXPECT_EQ(strengthOf(id).grade, StrengthGrade::Moderate);
}

TEST_F(InsightFixture, OldEvidenceCountsLess) {
    const std::string a = add("a", "focus_group", 2, "2026-03-01"), b = add("b", "survey", 2, "2025-01-05");
    const std::string id = group("Dated", {a, b});
    EXPECT_EQ(strengthOf(id).score, 63);  // 9 months: 8 instead of 15
    EXPECT_EQ(strengthOf(id).grade, StrengthGrade::Moderate);
    EXPECT_EQ(reasons(id), "2 source kinds, 2 direct; quantitative and qualitative; newest 2026-03");
    setNote(a, [](Note& n) { n.dateGathered = "2025-06-01"; });
    EXPECT_EQ(strengthOf(id).score, 55);  // over a year: nothing
    setNote(a, [](Note& n) { n.dateGathered = "2026-07-01"; });
    EXPECT_EQ(strengthOf(id).score, 70);  // within six months
    EXPECT_EQ(strengthOf(id).grade, StrengthGrade::Strong);
}

TEST_F(InsightFixture, ConflictingNotesWeakenIt) {
    const std::string a = add("a", "focus_group"), b = add("b", "survey"), elsewhere = add("c", "census");
    const std::string id = group("Contested", {a, b});
    EXPECT_EQ(strengthOf(id).grade, StrengthGrade::Strong);
    editor.addLink(a, elsewhere, LinkKind::Conflicts);
    EXPECT_EQ(strengthOf(id).score, 60);
    EXPECT_EQ(strengthOf(id).grade, StrengthGrade::Moderate);
    EXPECT_EQ(reasons(id), "2 source kinds, 2 direct; quantitative and qualitative; newest 2026-11; 1 conflicting note");
    editor.addLink(b, elsewhere, LinkKind::Supports);
    EXPECT_EQ(strengthOf(id).score, 60) << "only conflicts links weaken";
}

TEST_F(InsightFixture, OneNoteIsWeakAndNoneIsNothing) {
    const std::string a = add("a", "complaint");
    const std::string one = group("Single", {a});
    EXPECT_EQ(strengthOf(one).grade, StrengthGrade::Weak);
    EXPECT_EQ(strengthOf(one).reasons.back(), "only 1 note");
    editor.deleteNotes({a});
    EXPECT_EQ(strengthOf(one).score, 0);
    EXPECT_EQ(reasons(one), "no evidence");
}

TEST_F(InsightFixture, ReasonsAreWordedByTheWording) {
    struct Upper : Wording {
        std::string word(const char* english) const override { return std::string("<") + english + ">"; }
        std::string words(const char* one, const char* many, std::size_t n) const override {
            return std::string("<") + (n == 1 ? one : many) + ">";
        }
    };
    const std::string id = group("W", {add("a", "focus_group"), add("b", "survey")});
    const auto s = evidenceStrength(doc, *doc.insight(id), kToday, Upper());
    ASSERT_FALSE(s.reasons.empty());
    EXPECT_EQ(s.reasons.front(), "<<2 source kinds>, 2 direct>");
}
