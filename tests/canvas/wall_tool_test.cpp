// The wall's pointer tool driven by synthetic events, as a person would use it; no window.
#include <gtest/gtest.h>

#include "canvas/board_factory.h"
#include "canvas/insight_frames.h"
#include "canvas/spatial_index.h"
#include "canvas/wall_commands.h"
#include "canvas/wall_tool.h"

using namespace cc;

namespace {

struct Wall : ::testing::Test {
    Document doc{makeBoard("Wall")};
    Editor editor{doc, "tester"};
    SpatialIndex index{doc};
    Selection selection;
    WallTool tool{editor, index, selection};
    Millis clock = nowMillis();

    std::string noteAt(double x, double y, const std::string& text = "n") {
        Note n = editor.makeNote(text, "survey");
        n.x = x;
        n.y = y;
        n.created = n.updated = ++clock;  // distinct creation times: the newest is drawn on top
        return editor.addNote(n);
    }
    static Pointer at(double x, double y, bool shift = false) { return Pointer{x, y, shift, false}; }
    void click(double x, double y, bool shift = false) {
        tool.down(at(x, y, shift));
        tool.up(at(x, y, shift));
    }
    void drag(double x0, double y0, double x1, double y1, bool shift = false) {
        tool.down(at(x0, y0, shift));
        for (int i = 1; i <= 10; ++i) tool.move(at(x0 + (x1 - x0) * i / 10, y0 + (y1 - y0) * i / 10, shift));
        tool.up(at(x1, y1, shift));
    }
};

}  // namespace

TEST_F(Wall, ClickSelectsShiftClickAddsEmptyClickClears) {
    std::string a = noteAt(-1000, -1000), b = noteAt(-600, -1000);
    click(-900, -950);
    EXPECT_EQ(selection.ids(), std::vector<std::string>{a});
    click(-500, -950, true);
    EXPECT_EQ(selection.size(), 2u);
    click(-500, -950, true);  // shift-click again takes it out
    EXPECT_EQ(selection.ids(), std::vector<std::string>{a});
    click(-2000, 1000);
    EXPECT_TRUE(selection.empty());
}

TEST_F(Wall, DraggingMovesTheSelectionAsOneUndoStepAndRefilesIt) {
    std::string a = noteAt(-1000, -1000), b = noteAt(-600, -1000);
    click(-900, -950);
    click(-500, -950, true);
    const auto depth = editor.history().undoDepth();
    drag(-900, -950, -900 + 1500, -950 + 1200);  // from quadrant 1 into quadrant 4
    EXPECT_EQ(editor.history().undoDepth(), depth + 1);
    EXPECT_DOUBLE_EQ(doc.note(a)->x, 500);
    EXPECT_DOUBLE_EQ(doc.note(b)->y, 200);
    EXPECT_EQ(doc.note(a)->quadrant, 4);
    EXPECT_EQ(doc.note(b)->quadrant, 4);
    editor.undo();
    EXPECT_DOUBLE_EQ(doc.note(a)->x, -1000);
    EXPECT_EQ(doc.note(a)->quadrant, 1);
}

TEST_F(Wall, DragShowsAPreviewAndEscapeDropsIt) {
    std::string a = noteAt(-1000, -1000);
    tool.down(at(-900, -950));
    tool.move(at(-700, -950));
    EXPECT_EQ(tool.state(), WallTool::State::Dragging);
    EXPECT_DOUBLE_EQ(tool.dragOffset().first, 200);
    EXPECT_DOUBLE_EQ(doc.note(a)->x, -1000);  // nothing committed during the drag
    tool.escape();
    tool.up(at(-700, -950));
    EXPECT_DOUBLE_EQ(doc.note(a)->x, -1000);
    EXPECT_EQ(editor.history().undoDepth(), 1u);
}

TEST_F(Wall, RubberBandSelectsWhatItTouches) {
    std::string a = noteAt(-1000, -1000), b = noteAt(-600, -1000), c = noteAt(500, 500);
    drag(-1100, -1100, -700, -900);
    EXPECT_EQ(selection.ids(), std::vector<std::string>{a});
    drag(-1100, -1100, -300, -900);
    EXPECT_EQ(selection.size(), 2u);
    drag(400, 400, 450, 450, true);  // shift: adds to the selection (touches nothing here)
    EXPECT_EQ(selection.size(), 2u);
    drag(400, 400, 600, 600, true);
    EXPECT_EQ(selection.size(), 3u);
    EXPECT_TRUE(selection.contains(c));
}

TEST_F(Wall, DoubleClickOnEmptyWallMakesANoteThereReadyForText) {
    tool.doubleClick(at(300, -500));  // quadrant 2
    auto req = tool.takeEditRequest();
    ASSERT_TRUE(req.has_value());
    const Note* n = doc.note(*req);
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->quadrant, 2);
    EXPECT_NEAR(n->x + n->w / 2, 300, 1e-9);
    EXPECT_TRUE(editor.inGesture());
    // The view types the text and ends the gesture: one undo step for the whole new note.
    Note typed = *n;
    typed.text = "客户说 the app is slow";
    editor.updateNote(typed);
    editor.endGesture();
    EXPECT_EQ(editor.history().undoDepth(), 1u);
    editor.undo();
    EXPECT_TRUE(doc.notes().empty());
}

TEST_F(Wall, DoubleClickNearTheCentreKeepsTheNoteInTheClickedQuadrant) {
    tool.doubleClick(at(-10, 10));  // quadrant 3, right next to both boundaries
    const Note* n = doc.note(*tool.takeEditRequest());
    EXPECT_EQ(n->quadrant, 3);
    EXPECT_LT(n->x + n->w, 0);
    EXPECT_GE(n->y, 0);
}

TEST_F(Wall, DoubleClickOnANoteEditsIt) {
    std::string a = noteAt(-1000, -1000);
    tool.doubleClick(at(-950, -950));
    EXPECT_EQ(tool.takeEditRequest(), a);
    EXPECT_EQ(doc.notes().size(), 1u);
}

TEST_F(Wall, DraggingFromTheLinkHandleOntoAnotherNoteAsksForALink) {
    std::string a = noteAt(-1000, -1000), b = noteAt(-600, -1000);
    click(-950, -950);
    const Note* na = doc.note(a);
    auto [hx, hy] = WallTool::linkHandle(*na);
    drag(hx, hy, -500, -950);
    auto req = tool.takeLinkRequest();
    ASSERT_TRUE(req.has_value());
    EXPECT_EQ(req->first, a);
    EXPECT_EQ(req->second, b);
    EXPECT_DOUBLE_EQ(doc.note(a)->x, -1000);  // the note did not move
    // Dropping on empty wall asks for nothing.
    click(-950, -950);
    drag(hx, hy, 1500, 1500);
    EXPECT_FALSE(tool.takeLinkRequest().has_value());
}

TEST_F(Wall, LKeyLinksTwoSelectedNotes) {
    std::string a = noteAt(-1000, -1000), b = noteAt(-600, -1000);
    EXPECT_FALSE(tool.requestLinkForSelection());
    click(-950, -950);
    click(-550, -950, true);
    EXPECT_TRUE(tool.requestLinkForSelection());
    auto req = tool.takeLinkRequest();
    ASSERT_TRUE(req);
    editor.addLink(req->first, req->second, LinkKind::Conflicts);
    EXPECT_EQ(doc.links().size(), 1u);
}

TEST_F(Wall, DuplicateCopiesNotesAndTheirLinksAsOneStep) {
    std::string a = noteAt(-1000, -1000, "甲"), b = noteAt(-600, -1000, "乙"), c = noteAt(-200, -1000, "丙");
    editor.addLink(a, b, LinkKind::Supports);
    editor.addLink(b, c, LinkKind::Conflicts);
    const auto depth = editor.history().undoDepth();
    auto copies = duplicateNotes(editor, {a, b}, 30, 30);
    ASSERT_EQ(copies.size(), 2u);
    EXPECT_EQ(doc.notes().size(), 5u);
    EXPECT_EQ(doc.links().size(), 3u);  // the a-b link is copied, b-c is not
    EXPECT_EQ(doc.note(copies[0])->text, "甲");
    EXPECT_DOUBLE_EQ(doc.note(copies[0])->x, -970);
    EXPECT_EQ(editor.history().undoDepth(), depth + 1);
}

TEST_F(Wall, PastedPlainTextBecomesOneNotePerParagraph) {
    auto ids = pasteText(editor, "第一段：客户抱怨手续费。\n还有第二行。\n\nSecond paragraph here.\n\n\nThird.", -1500, -1200);
    ASSERT_EQ(ids.size(), 3u);
    EXPECT_EQ(doc.note(ids[0])->text, "第一段：客户抱怨手续费。\n还有第二行。");
    EXPECT_EQ(doc.note(ids[2])->text, "Third.");
    for (const auto& id : ids) EXPECT_EQ(doc.note(id)->quadrant, 1);
    EXPECT_EQ(splitParagraphs("one\ntwo\nthree").size(), 3u);  // no blank lines: a note per line
    EXPECT_TRUE(splitParagraphs("  \n \n").empty());
}

TEST_F(Wall, SpatialIndexFollowsChanges) {
    std::string a = noteAt(-1000, -1000);
    EXPECT_EQ(index.hit(-950, -950)->id, a);
    editor.moveNotes({a}, 3000, 3000);
    EXPECT_EQ(index.hit(-950, -950), nullptr);
    EXPECT_EQ(index.hit(2050, 2050)->id, a);
    editor.deleteNotes({a});
    EXPECT_EQ(index.hit(2050, 2050), nullptr);
    editor.undo();
    EXPECT_EQ(index.hit(2050, 2050)->id, a);
    std::string top = noteAt(2000, 2000, "on top");
    EXPECT_EQ(index.hit(2050, 2050)->id, top);  // the newest note is on top
    EXPECT_EQ(index.query(Rect{-5000, -5000, 10000, 10000}).size(), 2u);
}

TEST_F(Wall, TrayNotesArePinnedAtAPointOrIntoAQuadrantAsOneStep) {
    std::vector<std::string> tray;
    for (int i = 0; i < 5; ++i) {
        Note n = editor.makeNote("candidate " + std::to_string(i), "survey");
        n.state = NoteState::Tray;
        tray.push_back(editor.addNote(n));
    }
    const auto depth = editor.history().undoDepth();
    pinNotesAt(editor, {tray[0], tray[1]}, 900, 700);  // quadrant 4
    EXPECT_EQ(doc.note(tray[0])->state, NoteState::Pinned);
    EXPECT_EQ(doc.note(tray[0])->quadrant, 4);
    EXPECT_NEAR(doc.note(tray[0])->x + doc.note(tray[0])->w / 2, 900, 1e-9);
    EXPECT_FALSE(noteRect(*doc.note(tray[0])).intersects(noteRect(*doc.note(tray[1]))));
    EXPECT_EQ(editor.history().undoDepth(), depth + 1);
    pinNotesToQuadrant(editor, {tray[2], tray[3], tray[4]}, 1);
    for (int i = 2; i < 5; ++i) {
        EXPECT_EQ(doc.note(tray[i])->quadrant, 1);
        EXPECT_EQ(doc.note(tray[i])->state, NoteState::Pinned);
    }
    EXPECT_EQ(editor.history().undoDepth(), depth + 2);
    editor.undo();
    EXPECT_EQ(doc.note(tray[2])->state, NoteState::Tray);
    EXPECT_EQ(index.query(Rect{-5000, -5000, 10000, 10000}).size(), 2u);  // tray notes are not on the wall
}

// Insights on the wall: a frame around the evidence notes, its title band on top (40 wall units
// at this zoom: frameBandHeight(1)), kFramePad around the notes.

namespace {

struct Frames : Wall {
    std::string a, b, c, insight;
    void SetUp() override {
        a = noteAt(-1000, -1000, "a");
        b = noteAt(-700, -1000, "b");
        c = noteAt(-1000, -600, "c");  // not evidence, below the frame
        insight = editor.addInsight(editor.makeInsight("Transfers are slow", {a, b}));
    }
    const Insight& it() const { return *doc.insight(insight); }
    static constexpr double kBandY = -1000 - kFramePad - 20;  // the middle of the title band
};

}  // namespace

TEST_F(Frames, AFrameHoldsItsNotesOnTheWallWithItsTitleBandOnTop) {
    const auto f = insightFrame(doc, it(), frameBandHeight(1));
    ASSERT_TRUE(f.has_value());
    EXPECT_DOUBLE_EQ(f->box.x, -1000 - kFramePad);
    EXPECT_DOUBLE_EQ(f->box.right(), -700 + kNoteWidth + kFramePad);
    EXPECT_DOUBLE_EQ(f->box.bottom(), -1000 + kNoteHeight + kFramePad);
    EXPECT_DOUBLE_EQ(f->band.y, -1000 - kFramePad - 40);
    EXPECT_DOUBLE_EQ(f->band.h, 40);
    EXPECT_EQ(f->notes, (std::vector<std::string>{a, b}));
    // A frame around one note is two notes wide, for its title.
    const auto one = insightFrame(doc, *doc.insight(editor.addInsight(editor.makeInsight("One", {c}))), 40);
    EXPECT_DOUBLE_EQ(one->box.w, kMinFrameWidth);
    EXPECT_DOUBLE_EQ(one->box.x, -1000 - kFramePad);
    // Seen from afar the band is 26 pixels high on screen, whatever the zoom.
    EXPECT_DOUBLE_EQ(frameBandHeight(10), 260);
    // A note in the tray is evidence but not in the frame; with none on the wall, no frame.
    Note ta = *doc.note(a), tb = *doc.note(b);
    ta.state = tb.state = NoteState::Tray;
    editor.updateNotes({ta, tb});
    EXPECT_FALSE(insightFrame(doc, it(), 40).has_value());
    EXPECT_EQ(insightFrames(doc, 40).size(), 1u);  // "One" alone
}

TEST_F(Frames, AClickOnTheTitleChoosesTheInsightWithItsNotes) {
    click(-850, kBandY);
    EXPECT_EQ(selection.insight(), insight);
    EXPECT_EQ(selection.ids(), (std::vector<std::string>{a, b}));
    EXPECT_EQ(tool.frameTitleAt(at(-850, kBandY)), &it());
    EXPECT_EQ(tool.frameTitleAt(at(-850, -900)), nullptr);  // inside the frame, on a note: not the title
    click(-900, -950);  // a note: the notes alone
    EXPECT_TRUE(selection.insight().empty());
    EXPECT_EQ(selection.ids(), std::vector<std::string>{a});
    click(-850, kBandY);
    click(-2000, 1000);  // the wall: nothing
    EXPECT_TRUE(selection.insight().empty());
    EXPECT_TRUE(selection.empty());
}

TEST_F(Frames, DraggingTheTitleMovesTheInsightWithItsNotesAsOneUndoStep) {
    const auto depth = editor.history().undoDepth();
    drag(-850, kBandY, -850 + 1500, kBandY + 1200);  // into quadrant 4
    EXPECT_EQ(editor.history().undoDepth(), depth + 1);
    EXPECT_DOUBLE_EQ(doc.note(a)->x, 500);
    EXPECT_DOUBLE_EQ(doc.note(b)->y, 200);
    EXPECT_DOUBLE_EQ(doc.note(c)->x, -1000);  // not evidence: stays
    EXPECT_EQ(it().notes, (std::vector<std::string>{a, b}));
    editor.undo();
    EXPECT_DOUBLE_EQ(doc.note(a)->x, -1000);
    EXPECT_EQ(it().notes, (std::vector<std::string>{a, b}));
}

TEST_F(Frames, ANoteDraggedOutOfItsFrameLeavesTheEvidenceAndUndoPutsItBack) {
    const auto depth = editor.history().undoDepth();
    drag(-600, -950, -600 + 900, -950);  // b, far to the right
    EXPECT_EQ(it().notes, std::vector<std::string>{a});
    EXPECT_DOUBLE_EQ(doc.note(b)->x, 200);
    EXPECT_EQ(editor.history().undoDepth(), depth + 1);  // the move and the evidence: one step
    editor.undo();
    EXPECT_EQ(it().notes, (std::vector<std::string>{a, b}));
    EXPECT_DOUBLE_EQ(doc.note(b)->x, -700);
    // Moved within its frame, a note stays evidence.
    drag(-600, -950, -620, -940);
    EXPECT_EQ(it().notes, (std::vector<std::string>{a, b}));
}

TEST_F(Frames, ANoteDroppedIntoAFrameJoinsItsEvidence) {
    drag(-900, -550, -880, -990);  // c, up into the frame (its centre over a's)
    EXPECT_EQ(it().notes, (std::vector<std::string>{a, b, c}));
    // Where frames overlap, the topmost (newest) takes it.
    const std::string d = noteAt(-1000, 400, "d");
    Insight queues = editor.makeInsight("Queues", {d});
    queues.created = queues.updated = doc.insight(insight)->created + 1;  // the newer: drawn on top
    const std::string other = editor.addInsight(queues);
    Note moved = *doc.note(d);
    moved.y = -800;  // d's frame now lies over the lower half of the first
    editor.updateNote(moved);
    const std::string e = noteAt(200, -300, "e");
    drag(300, -250, -820, -870);  // e's centre to (-800, -845): in both frames
    EXPECT_EQ(doc.insight(other)->notes, (std::vector<std::string>{d, e}));
    EXPECT_EQ(it().notes, (std::vector<std::string>{a, b, c}));
}

TEST_F(Frames, ANoteThatLiesInsideAFrameWithoutBeingEvidenceStaysOutWhenNudged) {
    const std::string between = noteAt(-850, -1000 + kNoteHeight + 10, "between");  // below a and b, above c
    Insight wide = it();
    wide.notes.push_back(c);  // the frame now reaches down to c, around `between`
    editor.updateInsight(wide);
    ASSERT_TRUE(insightFrame(doc, it(), 40)->box.contains(-850 + kNoteWidth / 2, -1000 + kNoteHeight + 10 + kNoteHeight / 2));
    drag(-800, -1000 + kNoteHeight + 40, -790, -1000 + kNoteHeight + 45);
    EXPECT_DOUBLE_EQ(doc.note(between)->x, -840);
    EXPECT_EQ(it().notes, (std::vector<std::string>{a, b, c}));
}

TEST_F(Frames, AllTheNotesOfAFrameDraggedTogetherMoveItUnchanged) {
    drag(-1100, -1100, -400, -820);  // a rubber band over a and b
    ASSERT_EQ(selection.size(), 2u);
    EXPECT_TRUE(selection.insight().empty());
    drag(-900, -950, -900 + 2000, -950);
    EXPECT_EQ(it().notes, (std::vector<std::string>{a, b}));
    EXPECT_DOUBLE_EQ(doc.note(a)->x, 1000);
}

TEST_F(Frames, ADoubleClickOnTheTitleAsksForItsEditor) {
    tool.doubleClick(at(-850, kBandY));
    EXPECT_EQ(tool.takeTitleEditRequest(), insight);
    EXPECT_EQ(selection.insight(), insight);
    EXPECT_FALSE(tool.takeEditRequest().has_value());
    EXPECT_EQ(doc.notes().size(), 3u);  // not a new note
}
