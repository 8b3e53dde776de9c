// Undo and redo on a board others change too: a step is taken back as the board is now, so what
// someone else changed since stays theirs.
#include <gtest/gtest.h>

#include "canvas/board_factory.h"
#include "canvas/editor.h"

using namespace cc;

namespace {
struct SharedUndo : ::testing::Test {
    Document doc{makeBoard("S")};
    Editor ann{doc, "Ann"};
    Editor bo{doc, "Bo"};  // someone else's changes (in a real window they arrive as remote ones)
    std::string note = ann.addNoteInQuadrant(ann.makeNote("first text", "survey"), 1);
};
}  // namespace

TEST_F(SharedUndo, UndoingAMoveKeepsTextSomeoneChangedSince) {
    const Note start = *doc.note(note);
    ann.moveNotes({note}, 40, 20);
    bo.setText(note, "Bo's text");
    ASSERT_TRUE(ann.undo());
    EXPECT_EQ(doc.note(note)->x, start.x);
    EXPECT_EQ(doc.note(note)->y, start.y);
    EXPECT_EQ(doc.note(note)->text, "Bo's text");
    ASSERT_TRUE(ann.redo());
    EXPECT_EQ(doc.note(note)->x, start.x + 40);
    EXPECT_EQ(doc.note(note)->text, "Bo's text");
}

TEST_F(SharedUndo, UndoingATextEditKeepsAMoveSomeoneMadeSince) {
    ann.setText(note, "Ann's text");
    bo.moveNotes({note}, 2000, 0);  // into quadrant 2
    ASSERT_TRUE(ann.undo());
    EXPECT_EQ(doc.note(note)->text, "first text");
    EXPECT_EQ(doc.note(note)->quadrant, 2);
}

TEST_F(SharedUndo, ALaterChangeOfTheSameFieldWins) {
    ann.setText(note, "Ann's text");
    bo.setText(note, "Bo's later text");
    ASSERT_TRUE(ann.undo());  // the step is used up; Bo's text stays
    EXPECT_EQ(doc.note(note)->text, "Bo's later text");
}

TEST_F(SharedUndo, UndoOfAnEditToANoteSomeoneDeletedDoesNothingAndDoesNotFail) {
    Note moved = *doc.note(note);
    moved.votes = 3;
    ann.updateNote(moved);
    bo.deleteNotes({note});
    EXPECT_NO_THROW(ann.undo());
    EXPECT_EQ(doc.note(note), nullptr);
}

TEST_F(SharedUndo, UndoingAnAddTakesTheLinksOthersMadeToItAlong) {
    const std::string mine = ann.addNoteInQuadrant(ann.makeNote("mine", "survey"), 1);
    const std::string link = bo.addLink(note, mine, LinkKind::Supports);
    ASSERT_TRUE(ann.undo());  // a note cannot go and leave a link to nothing
    EXPECT_EQ(doc.note(mine), nullptr);
    EXPECT_EQ(doc.link(link), nullptr);
    EXPECT_TRUE(doc.checkInvariants().empty());
    ASSERT_TRUE(ann.redo());
    EXPECT_NE(doc.note(mine), nullptr);
}

TEST_F(SharedUndo, UndoingADeleteDoesNotBringBackALinkToANoteSomeoneDeletedSince) {
    const std::string other = bo.addNoteInQuadrant(bo.makeNote("other", "complaint"), 2);
    const std::string link = ann.addLink(note, other, LinkKind::Conflicts);
    ann.deleteNotes({note});
    bo.deleteNotes({other});
    ASSERT_TRUE(ann.undo());
    EXPECT_NE(doc.note(note), nullptr);
    EXPECT_EQ(doc.link(link), nullptr);
    EXPECT_TRUE(doc.checkInvariants().empty());
}
