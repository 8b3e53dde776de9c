// The window's Edit commands on a document and a selection, as a person uses them; no window.
#include <gtest/gtest.h>

#include <algorithm>

#include "canvas/board_factory.h"
#include "canvas/commands.h"
#include "canvas/wall_commands.h"

using namespace cc;

namespace {

struct Commands : ::testing::Test {
    Document doc{makeBoard("Commands")};
    Editor editor{doc, "tester"};
    Selection selection;

    std::string noteAt(double x, double y, const std::string& text = "n", NoteState state = NoteState::Pinned) {
        Note n = editor.makeNote(text, "survey");
        n.x = x;
        n.y = y;
        n.state = state;
        return editor.addNote(n);
    }
    std::vector<std::string> sorted(std::vector<std::string> ids) {
        std::sort(ids.begin(), ids.end());
        return ids;
    }
};

}  // namespace

TEST_F(Commands, SelectAllTakesTheWallButNotTheTray) {
    const std::string a = noteAt(-500, -400), b = noteAt(300, 300);
    noteAt(0, 0, "waiting", NoteState::Tray);
    const auto revision = doc.revision();
    selectAll(doc, selection);
    EXPECT_EQ(sorted(selection.ids()), sorted({a, b}));
    EXPECT_EQ(doc.revision(), revision);  // selecting changes nothing on the board
}

TEST_F(Commands, DeleteRemovesTheSelectedNotesAndTheirLinksInOneStep) {
    const std::string a = noteAt(-500, -400), b = noteAt(300, 300), c = noteAt(-500, 300);
    editor.addLink(a, b, LinkKind::Supports);
    const std::string kept = editor.addLink(b, c, LinkKind::Relates);
    selection.set({a, b});
    ASSERT_TRUE(deleteSelected(editor, selection));
    EXPECT_EQ(doc.notes().size(), 1u);
    EXPECT_TRUE(doc.note(c));
    EXPECT_TRUE(doc.links().empty());
    EXPECT_TRUE(selection.empty());
    ASSERT_TRUE(editor.undo());  // one step brings both notes and both links back
    EXPECT_EQ(doc.notes().size(), 3u);
    EXPECT_EQ(doc.links().size(), 2u);
    EXPECT_TRUE(doc.link(kept));
}

TEST_F(Commands, NothingSelectedIsNothingToDo) {
    noteAt(-500, -400);
    const auto revision = doc.revision();
    EXPECT_FALSE(deleteSelected(editor, selection));
    EXPECT_FALSE(cutSelected(editor, selection));
    EXPECT_FALSE(duplicateSelected(editor, selection));
    EXPECT_EQ(doc.revision(), revision);
}

TEST_F(Commands, CutRemovesTheNotesAndEmptiesTheSelection) {
    const std::string a = noteAt(-500, -400), b = noteAt(300, 300);
    selection.set({a});
    ASSERT_TRUE(cutSelected(editor, selection));
    EXPECT_FALSE(doc.note(a));
    EXPECT_TRUE(doc.note(b));
    EXPECT_TRUE(selection.empty());
}

TEST_F(Commands, DuplicateCopiesNotesAndTheirLinksAsideAndSelectsTheCopies) {
    const std::string a = noteAt(-500, -400, "first"), b = noteAt(-200, -400, "second");
    editor.addLink(a, b, LinkKind::Conflicts, "why");
    selection.set({a, b});
    ASSERT_TRUE(duplicateSelected(editor, selection));
    ASSERT_EQ(selection.size(), 2u);
    ASSERT_EQ(doc.notes().size(), 4u);
    ASSERT_EQ(doc.links().size(), 2u);
    for (const auto& id : selection.ids()) {
        EXPECT_NE(id, a);
        EXPECT_NE(id, b);
        const Note* copy = doc.note(id);
        ASSERT_TRUE(copy);
        const Note* original = doc.note(copy->text == "first" ? a : b);
        EXPECT_DOUBLE_EQ(copy->x, original->x + kDuplicateOffset);
        EXPECT_DOUBLE_EQ(copy->y, original->y + kDuplicateOffset);
    }
    EXPECT_EQ(doc.linksOf(selection.ids()[0]).size(), 1u);  // the copies are linked to each other
    ASSERT_TRUE(editor.undo());
    EXPECT_EQ(doc.notes().size(), 2u);
}

TEST_F(Commands, PastedRecordsLandAtThePointAndAreSelected) {
    Note n1 = editor.makeNote("one", "survey"), n2 = editor.makeNote("two", "census");
    n1.id = "x1";
    n1.x = 1000;
    n1.y = 1000;
    n2.id = "x2";
    n2.x = 1100;
    n2.y = 1050;
    Link l;
    l.id = "l1";
    l.from = "x1";
    l.to = "x2";
    Link stray;
    stray.id = "l2";
    stray.from = "x1";
    stray.to = "elsewhere";  // its other note is not pasted: dropped
    const auto ids = pasteRecords(editor, selection, {n1, n2}, {l, stray}, -600, -500);
    ASSERT_EQ(ids.size(), 2u);
    EXPECT_EQ(selection.ids(), ids);
    EXPECT_EQ(doc.links().size(), 1u);
    double left = 1e9, top = 1e9;
    for (const auto& id : ids) {
        left = std::min(left, doc.note(id)->x);
        top = std::min(top, doc.note(id)->y);
        EXPECT_EQ(doc.note(id)->author, "tester");
    }
    EXPECT_DOUBLE_EQ(left, -600);
    EXPECT_DOUBLE_EQ(top, -500);
}

TEST_F(Commands, PastedTextBecomesANotePerParagraphWithinABound) {
    const auto ids = pastePlainText(editor, selection, "first idea\n\nsecond idea\n", -600, -500);
    ASSERT_EQ(ids.size(), 2u);
    EXPECT_EQ(selection.ids(), ids);
    EXPECT_EQ(doc.note(ids[0])->text, "first idea");
    EXPECT_EQ(doc.note(ids[1])->text, "second idea");
    // Text beyond the bound is not read at all.
    std::string huge(kMaxPastedTextBytes, 'a');
    huge += "\n\nbeyond the bound";
    const auto more = pastePlainText(editor, selection, huge, -600, -500);
    for (const auto& id : more) EXPECT_EQ(doc.note(id)->text.find("beyond"), std::string::npos);
}

TEST_F(Commands, ABlankNewNoteIsRemovedWithoutATrace) {
    // As the wall makes a note for typing: a gesture, the note, the typing, the end.
    editor.beginGesture();
    const std::string id = noteAt(-500, -400, "");
    const TextCommit done = commitNoteText(editor, id, "  \n", "", true);
    editor.endGesture();
    EXPECT_EQ(done.outcome, TextCommit::Outcome::RemovedBlankNew);
    EXPECT_FALSE(doc.note(id));
    EXPECT_FALSE(editor.canUndo());
}

TEST_F(Commands, BlankTextNeverEmptiesANote) {
    const std::string id = noteAt(-500, -400, "kept");
    const auto revision = doc.revision();
    EXPECT_EQ(commitNoteText(editor, id, " \t\n", "kept", false).outcome, TextCommit::Outcome::Unchanged);
    EXPECT_EQ(doc.note(id)->text, "kept");
    EXPECT_EQ(doc.revision(), revision);
}

TEST_F(Commands, TheSameTextIsNoChange) {
    const std::string id = noteAt(-500, -400, "same");
    const auto revision = doc.revision();
    EXPECT_EQ(commitNoteText(editor, id, "same", "same", false).outcome, TextCommit::Outcome::Unchanged);
    EXPECT_EQ(doc.revision(), revision);
}

TEST_F(Commands, TypedTextIsSavedAsOneStep) {
    const std::string id = noteAt(-500, -400, "before");
    std::vector<ChangeSet> seen;
    doc.subscribe([&](const ChangeSet& cs) { seen.push_back(cs); });
    EXPECT_EQ(commitNoteText(editor, id, "after", "before", false).outcome, TextCommit::Outcome::Saved);
    EXPECT_EQ(doc.note(id)->text, "after");
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_TRUE(seen[0].overwrote.empty());
    ASSERT_TRUE(editor.undo());
    EXPECT_EQ(doc.note(id)->text, "before");
}

TEST_F(Commands, AnOverwriteOfAnotherWritersTextIsMarkedAndReported) {
    const std::string id = noteAt(-500, -400, "mine at the start");
    // Another writer changes the text while this user types.
    Editor other(doc, "someone else");
    other.setText(id, "theirs");
    std::vector<ChangeSet> seen;
    doc.subscribe([&](const ChangeSet& cs) { seen.push_back(cs); });
    const TextCommit done = commitNoteText(editor, id, "mine at the end", "mine at the start", false);
    EXPECT_EQ(done.outcome, TextCommit::Outcome::SavedOverOthers);
    EXPECT_EQ(done.theirs, "theirs");
    EXPECT_EQ(doc.note(id)->text, "mine at the end");
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].overwrote, std::vector<std::string>{id});
}

TEST_F(Commands, ANoteDeletedMeanwhileIsLeftAlone) {
    const std::string id = noteAt(-500, -400, "gone soon");
    editor.deleteNotes({id});
    const auto revision = doc.revision();
    EXPECT_EQ(commitNoteText(editor, id, "typed", "gone soon", false).outcome, TextCommit::Outcome::Unchanged);
    EXPECT_EQ(doc.revision(), revision);
}

TEST(TextRules, TrailingBlanksGoAndBlankMeansOnlyBlanks) {
    EXPECT_EQ(withoutTrailingBlanks("text \t\r\n\n"), "text");
    EXPECT_EQ(withoutTrailingBlanks("  lead stays"), "  lead stays");
    EXPECT_TRUE(isBlankText(" \t\r\n"));
    EXPECT_TRUE(isBlankText(""));
    EXPECT_FALSE(isBlankText(" x "));
}

TEST_F(Commands, GroupAsInsightCitesTheSelectedNotesOnTheWallAndChoosesIt) {
    const std::string a = noteAt(-800, -700), b = noteAt(-500, -700), t = noteAt(0, 0, "waiting", NoteState::Tray);
    selection.set({a, b, t});
    const auto depth = editor.history().undoDepth();
    const std::string id = groupAsInsight(editor, selection, "Queues at noon");
    ASSERT_FALSE(id.empty());
    const Insight* i = doc.insight(id);
    ASSERT_NE(i, nullptr);
    EXPECT_EQ(i->notes, (std::vector<std::string>{a, b}));  // the tray is not on the wall
    EXPECT_EQ(i->title, "Queues at noon");
    EXPECT_EQ(i->state, InsightState::Draft);
    EXPECT_EQ(i->quadrant, 1);
    EXPECT_EQ(selection.insight(), id);
    EXPECT_EQ(selection.ids(), (std::vector<std::string>{a, b}));
    EXPECT_EQ(editor.history().undoDepth(), depth + 1);
    editor.undo();
    EXPECT_EQ(doc.insight(id), nullptr);
    // Nothing on the wall selected: nothing made.
    selection.set({t});
    const auto revision = doc.revision();
    EXPECT_TRUE(groupAsInsight(editor, selection, "Nothing").empty());
    EXPECT_EQ(doc.revision(), revision);
}

TEST_F(Commands, DeleteWithAnInsightChosenRemovesTheInsightAndKeepsItsNotes) {
    const std::string a = noteAt(-800, -700), b = noteAt(-500, -700);
    selection.set({a, b});
    const std::string id = groupAsInsight(editor, selection, "Queues");
    EXPECT_TRUE(deleteSelected(editor, selection));
    EXPECT_EQ(doc.insight(id), nullptr);
    EXPECT_NE(doc.note(a), nullptr);
    EXPECT_NE(doc.note(b), nullptr);
    EXPECT_TRUE(selection.insight().empty());
    EXPECT_EQ(selection.ids(), (std::vector<std::string>{a, b}));  // the notes stay, selected
    editor.undo();
    ASSERT_NE(doc.insight(id), nullptr);
    EXPECT_EQ(doc.insight(id)->notes, (std::vector<std::string>{a, b}));
    // A second Delete (the notes now) removes the notes.
    EXPECT_TRUE(deleteSelected(editor, selection));
    EXPECT_EQ(doc.note(a), nullptr);
}

TEST_F(Commands, TheChosenInsightFollowsTheBoard) {
    const std::string a = noteAt(-800, -700), b = noteAt(-500, -700), c = noteAt(-200, -700);
    selection.set({a, b});
    const std::string id = groupAsInsight(editor, selection, "Queues");
    // Evidence added elsewhere (another window, the command line): its notes follow.
    Insight more = *doc.insight(id);
    more.notes.push_back(c);
    editor.updateInsight(more);
    keepOnWall(doc, selection);
    EXPECT_EQ(selection.insight(), id);
    EXPECT_EQ(selection.ids(), (std::vector<std::string>{a, b, c}));
    // A note sent to the tray leaves the selected notes but stays evidence.
    Note toTray = *doc.note(b);
    toTray.state = NoteState::Tray;
    editor.updateNote(toTray);
    keepOnWall(doc, selection);
    EXPECT_EQ(selection.ids(), (std::vector<std::string>{a, c}));
    // The insight deleted elsewhere: its notes stay selected, the choice is gone.
    editor.deleteInsights({id});
    keepOnWall(doc, selection);
    EXPECT_TRUE(selection.insight().empty());
    EXPECT_EQ(selection.ids(), (std::vector<std::string>{a, c}));
    // Choosing a note afterwards leaves any insight.
    chooseInsight(doc, selection, "i-nonexistent");
    EXPECT_TRUE(selection.insight().empty());
}

TEST_F(Commands, MergeMovesTagsVotesLinksAndEvidenceToTheKeptNoteInOneStep) {
    const std::string keep = noteAt(-500, -400, "退货太慢！"), drop = noteAt(0, 0, "退货 太慢（来源：问卷）", NoteState::Tray);
    const std::string other = noteAt(300, 300, "other"), third = noteAt(-500, 300, "third");
    Note k = *doc.note(keep), d = *doc.note(drop);
    k.tags = {"refund"};
    k.votes = 2;
    d.tags = {"refund", "slow"};
    d.votes = 3;
    editor.updateNotes({k, d});
    const std::string kept = editor.addLink(keep, other, LinkKind::Supports);
    const std::string twice = editor.addLink(other, drop, LinkKind::Supports);  // keep already supports other
    const std::string moved = editor.addLink(drop, third, LinkKind::Conflicts, "why");
    const std::string movedKind = editor.addLink(drop, other, LinkKind::Relates);  // another kind: moves
    const std::string self = editor.addLink(keep, drop, LinkKind::Relates);      // would link keep to itself
    const std::string both = editor.addInsight(editor.makeInsight("both", {drop, other, keep}));
    const std::string onlyDrop = editor.addInsight(editor.makeInsight("only the copy", {third, drop}));
    const std::string neither = editor.addInsight(editor.makeInsight("neither", {other}));
    const auto notesBefore = doc.notes();
    const auto linksBefore = doc.links();
    const auto insightsBefore = doc.insights();

    mergeNotes(editor, keep, drop);

    EXPECT_FALSE(doc.note(drop));
    const Note* n = doc.note(keep);
    ASSERT_TRUE(n);
    EXPECT_EQ(n->text, "退货太慢！");
    EXPECT_EQ(n->tags, (std::vector<std::string>{"refund", "slow"}));
    EXPECT_EQ(n->votes, 5);
    EXPECT_EQ(n->state, NoteState::Pinned);
    EXPECT_TRUE(doc.link(kept));
    EXPECT_FALSE(doc.link(twice));
    EXPECT_FALSE(doc.link(self));
    ASSERT_TRUE(doc.link(moved));
    EXPECT_EQ(doc.link(moved)->from, keep);
    EXPECT_EQ(doc.link(moved)->to, third);
    EXPECT_EQ(doc.link(moved)->label, "why");
    ASSERT_TRUE(doc.link(movedKind));
    EXPECT_EQ(doc.link(movedKind)->from, keep);
    EXPECT_EQ(doc.links().size(), 3u);
    EXPECT_EQ(doc.insight(both)->notes, (std::vector<std::string>{other, keep}));       // not twice
    EXPECT_EQ(doc.insight(onlyDrop)->notes, (std::vector<std::string>{third, keep}));   // in its place
    EXPECT_EQ(doc.insight(neither)->notes, (std::vector<std::string>{other}));
    EXPECT_TRUE(doc.checkInvariants().empty());

    ASSERT_TRUE(editor.undo());  // one step restores everything
    EXPECT_EQ(doc.notes(), notesBefore);
    EXPECT_EQ(doc.links(), linksBefore);
    EXPECT_EQ(doc.insights(), insightsBefore);
    ASSERT_TRUE(editor.redo());
    EXPECT_FALSE(doc.note(drop));
    EXPECT_EQ(doc.note(keep)->votes, 5);
}

TEST_F(Commands, MergeBoundsTheVotes) {
    const std::string keep = noteAt(-500, -400, "a"), drop = noteAt(300, 300, "a.");
    Note k = *doc.note(keep), d = *doc.note(drop);
    k.votes = limits::kMaxVotes - 1;
    d.votes = limits::kMaxVotes;
    editor.updateNotes({k, d});
    mergeNotes(editor, keep, drop);
    EXPECT_EQ(doc.note(keep)->votes, limits::kMaxVotes);
}

TEST_F(Commands, MergeRefusesAMissingNoteOrTheSameNoteAndChangesNothing) {
    const std::string keep = noteAt(-500, -400, "a"), drop = noteAt(300, 300, "a.");
    const auto revision = doc.revision();
    EXPECT_THROW(mergeNotes(editor, keep, "n-missing"), ChangeError);
    EXPECT_THROW(mergeNotes(editor, "n-missing", drop), ChangeError);
    EXPECT_THROW(mergeNotes(editor, keep, keep), ChangeError);
    EXPECT_EQ(doc.revision(), revision);
    EXPECT_EQ(doc.notes().size(), 2u);
}
