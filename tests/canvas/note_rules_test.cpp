// The note rules the command line, the inspector and imports share, in the editor: what a source
// kind sets, and where a note may go.
#include <gtest/gtest.h>

#include "canvas/board_factory.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"

using namespace cc;

namespace {

struct NoteRules : ::testing::Test {
    Document doc{makeBoard("Rules 规则")};
    Editor editor{doc, "tester"};
    const SourceKinds& kinds = doc.sourceKinds();

    Note trayNote() {
        Note n = editor.makeNote("候选", "other");
        n.state = NoteState::Tray;
        return n;
    }
};

}  // namespace

TEST_F(NoteRules, ASourceKindSetsItsDataKindAndWhoStartedTheContact) {
    Note n = editor.makeNote("x", "census");
    EXPECT_EQ(n.data, DataKind::Quantitative);
    EXPECT_FALSE(n.customerInitiated);

    setSourceKind(n, *kinds.find("complaint"));
    EXPECT_EQ(n.source, "complaint");
    EXPECT_EQ(n.data, DataKind::Qualitative);
    EXPECT_TRUE(n.customerInitiated);

    // A kind that may be either keeps the note's own data kind; a new note's is qualitative.
    n.data = DataKind::Quantitative;
    setSourceKind(n, *kinds.find("other"));
    EXPECT_EQ(n.data, DataKind::Quantitative);
    EXPECT_FALSE(n.customerInitiated);
    EXPECT_EQ(editor.makeNote("y", "other").data, DataKind::Qualitative);
}

TEST_F(NoteRules, AQuadrantAlonePinsATrayNoteAtAFreePlaceThere) {
    const Note n = editor.placed(trayNote(), nullptr, {3, std::nullopt});
    EXPECT_EQ(n.state, NoteState::Pinned);
    EXPECT_EQ(quadrantOf(n), 3);
    const std::string id = editor.addNote(n);
    // A second one does not land on the first.
    const Note m = editor.placed(trayNote(), nullptr, {3, std::nullopt});
    EXPECT_FALSE(noteRect(m).intersects(noteRect(*doc.note(id))));
}

TEST_F(NoteRules, ANoteAlreadyInTheQuadrantAskedForStaysWhereItIs) {
    const std::string id = editor.addNoteInQuadrant(editor.makeNote("on the wall", "survey"), 2);
    const Note* before = doc.note(id);
    const Note again = editor.placed(*before, before, {2, std::nullopt});
    EXPECT_EQ(again.x, before->x);
    EXPECT_EQ(again.y, before->y);
    const Note moved = editor.placed(*before, before, {4, std::nullopt});
    EXPECT_EQ(quadrantOf(moved), 4);
}

TEST_F(NoteRules, APlaceMustAgreeWithTheQuadrantGiven) {
    const Rect q1 = quadrantRect(doc.board(), 1);
    const std::pair<double, double> inQ1{q1.x + 50, q1.y + kQuadrantHeader + 50};
    const Note ok = editor.placed(trayNote(), nullptr, {1, inQ1});
    EXPECT_EQ(ok.state, NoteState::Pinned);
    EXPECT_EQ(ok.x, inQ1.first);
    try {
        editor.placed(trayNote(), nullptr, {2, inQ1});
        FAIL() << "a place in quadrant 1 was taken for quadrant 2";
    } catch (const PlacementError& e) {
        EXPECT_EQ(e.kind, PlacementError::Kind::OutsideQuadrant);
        EXPECT_EQ(e.quadrant, 2);
        EXPECT_EQ(e.placedIn, 1);
    }
    EXPECT_THROW(editor.placed(trayNote(), nullptr, {5, std::nullopt}), ChangeError);
}

TEST_F(NoteRules, ANoteLeavingTheTrayNeedsAPlace) {
    const std::string id = editor.addNote(trayNote());
    Note pinned = *doc.note(id);
    pinned.state = NoteState::Pinned;
    try {
        editor.placed(pinned, doc.note(id), {});
        FAIL() << "a note left the tray with no place";
    } catch (const PlacementError& e) {
        EXPECT_EQ(e.kind, PlacementError::Kind::NeedsAPlace);
    }
    // A note on the wall may change state (archived) without a new place.
    const std::string wall = editor.addNoteInQuadrant(editor.makeNote("w", "survey"), 1);
    Note archived = *doc.note(wall);
    archived.state = NoteState::Archived;
    EXPECT_EQ(editor.placed(archived, doc.note(wall), {}).x, doc.note(wall)->x);
    // A tray note that stays in the tray needs nothing.
    EXPECT_EQ(editor.placed(*doc.note(id), doc.note(id), {}).state, NoteState::Tray);
}
