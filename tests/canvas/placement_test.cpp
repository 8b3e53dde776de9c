// Where new notes and notes dropped from the tray go: the free place nearest to where the person
// pointed, in the quadrant pointed at, never on another note and never outside the wall. And a
// note resized by its corner, as one undo step. Driven as a person would, through the wall's
// pointer tool and the wall commands; no window.
#include <gtest/gtest.h>

#include <random>

#include "canvas/board_factory.h"
#include "canvas/spatial_index.h"
#include "canvas/wall_commands.h"
#include "canvas/wall_tool.h"

using namespace cc;

namespace {

struct Placing : ::testing::Test {
    Document doc{makeBoard("Placing")};
    Editor editor{doc, "tester"};
    SpatialIndex index{doc};
    Selection selection;
    WallTool tool{editor, index, selection};

    std::string noteAt(double x, double y, double w = kNoteWidth, double h = kNoteHeight) {
        Note n = editor.makeNote("n", "survey");
        n.x = x;
        n.y = y;
        n.w = w;
        n.h = h;
        return editor.addNote(n);
    }
    std::string trayNote() {
        Note n = editor.makeNote("candidate", "survey");
        n.state = NoteState::Tray;
        return editor.addNote(n);
    }
    /// A new note by double-click at (x, y), its text typed and editing ended, as the view does.
    const Note& doubleClickNew(double x, double y) {
        tool.doubleClick(Pointer{x, y});
        const auto id = tool.takeEditRequest();
        EXPECT_TRUE(id.has_value());
        editor.setText(*id, "new");
        editor.endGesture();
        return *doc.note(*id);
    }
    /// Fails when a note on the wall lies on another (closer than the gap) or outside its quadrant.
    void expectApartAndInside(const std::string& step) {
        std::vector<const Note*> wall;
        for (const auto& [id, n] : doc.notes())
            if (n.state == NoteState::Pinned) wall.push_back(&n);
        for (const Note* n : wall) {
            const Rect q = quadrantRect(grownWall(doc), n->quadrant);  // the wall as it stands
            EXPECT_TRUE(n->x >= q.x && n->y >= q.y && n->x + n->w <= q.right() && n->y + n->h <= q.bottom())
                << step << ": note at " << n->x << "," << n->y << " is outside quadrant " << n->quadrant;
            for (const Note* o : wall) {
                if (o == n) continue;
                const Rect grown{n->x - kNoteGap / 2, n->y - kNoteGap / 2, n->w + kNoteGap - 1e-3, n->h + kNoteGap - 1e-3};
                EXPECT_FALSE(grown.intersects(noteRect(*o)))
                    << step << ": notes at " << n->x << "," << n->y << " and " << o->x << "," << o->y << " touch";
            }
        }
    }
};

}  // namespace

TEST_F(Placing, DoubleClickOnEmptyWallPutsTheNoteWherePointed) {
    const Note& n = doubleClickNew(-900, -500);
    EXPECT_EQ(n.quadrant, 1);
    EXPECT_DOUBLE_EQ(n.x + n.w / 2, -900);
    EXPECT_DOUBLE_EQ(n.y + n.h / 2, -500);
}

TEST_F(Placing, DoubleClickBesideANoteTakesTheNearestFreePlaceNotOnTopOfIt) {
    const std::string a = noteAt(-1000, -700);
    // Just right of the note's right edge: centred there the new one would cover half of it.
    const Note& n = doubleClickNew(-1000 + kNoteWidth + 30, -700 + kNoteHeight / 2);
    EXPECT_EQ(n.quadrant, 1);
    EXPECT_DOUBLE_EQ(n.x, -1000 + kNoteWidth + kNoteGap);  // moved right just enough
    EXPECT_DOUBLE_EQ(n.y, -700);
    expectApartAndInside("beside a note");
    EXPECT_EQ(editor.history().undoDepth(), 2u);  // the note before, and the new one as one step
}

TEST_F(Placing, DoubleClickAtTheEdgeOfTheWallOrItsCentreStaysInsideTheQuadrant) {
    const BoardInfo& b = doc.board();
    std::vector<int> quadrants;
    quadrants.push_back(doubleClickNew(-b.wallWidth / 2 + 5, -b.wallHeight / 2 + 5).quadrant);  // top-left corner
    quadrants.push_back(doubleClickNew(b.wallWidth / 2 - 5, b.wallHeight / 2 - 5).quadrant);    // bottom-right
    quadrants.push_back(doubleClickNew(-10, 10).quadrant);                                      // by the centre
    quadrants.push_back(doubleClickNew(b.wallWidth / 2 + 400, 10).quadrant);                    // beyond the wall
    EXPECT_EQ(quadrants, (std::vector<int>{1, 4, 3, 4}));
    expectApartAndInside("at the edges");
}

TEST_F(Placing, ACrowdedQuadrantStillGivesAFreePlace) {
    // Notes everywhere in quadrant 2 but one place.
    const auto spots = freeSpotsInQuadrant(doc, 2, 30);
    for (std::size_t i = 0; i < spots.size(); ++i)
        if (i != 17) noteAt(spots[i].first, spots[i].second);
    // In the header above the fourth note: the place under the pointer is taken.
    const Note& n = doubleClickNew(spots[3].first + 100, quadrantRect(doc.board(), 2).y + 40);
    EXPECT_EQ(n.quadrant, 2);
    EXPECT_DOUBLE_EQ(n.x, spots[17].first);
    EXPECT_DOUBLE_EQ(n.y, spots[17].second);
    expectApartAndInside("crowded");
}

TEST_F(Placing, AFullQuadrantGrowsAwayFromTheCentreNotOntoItsNotes) {
    for (const auto& [x, y] : freeSpotsInQuadrant(doc, 3, 30)) noteAt(x, y);
    std::vector<std::string> tray{trayNote(), trayNote(), trayNote()};
    pinNotesAt(editor, tray, -900, 500);
    const Rect q3 = quadrantRect(doc.board(), 3);
    for (const auto& id : tray) {
        const Note& n = *doc.note(id);
        EXPECT_EQ(n.quadrant, 3);
        EXPECT_GT(n.y + n.h, q3.bottom());  // below the wall as it was, the side away from the centre
        EXPECT_GE(n.x, q3.x);
        EXPECT_LE(n.x + n.w, q3.right());
        for (const auto& [oid, o] : doc.notes())
            if (oid != id) EXPECT_FALSE(noteRect(n).intersects(noteRect(o))) << "on another note";
    }
}

TEST_F(Placing, NotesDroppedFromTheTrayLandApartInTheQuadrantDroppedOn) {
    const std::string there = noteAt(600, 400);
    std::vector<std::string> tray;
    for (int i = 0; i < 7; ++i) tray.push_back(trayNote());
    const auto depth = editor.history().undoDepth();
    pinNotesAt(editor, tray, 700, 450);  // on the note in quadrant 4, near nothing else
    EXPECT_EQ(editor.history().undoDepth(), depth + 1);
    for (const auto& id : tray) {
        EXPECT_EQ(doc.note(id)->state, NoteState::Pinned);
        EXPECT_EQ(doc.note(id)->quadrant, 4);
    }
    expectApartAndInside("dropped on a note");
    // Dropped at the very edge of the wall: still inside it.
    std::vector<std::string> more{trayNote(), trayNote()};
    pinNotesAt(editor, more, -doc.board().wallWidth / 2 + 2, doc.board().wallHeight / 2 - 2);
    EXPECT_EQ(doc.note(more[0])->quadrant, 3);
    expectApartAndInside("dropped at the edge");
}

TEST_F(Placing, TheCommandLinesNearestFreePlaceIsTheSameRule) {
    noteAt(-900, 300);
    Note n = editor.makeNote("from the command line", "survey");
    Placement where;
    where.at = std::make_pair(-890.0, 310.0);
    where.nearestFree = true;
    const Note placed = editor.placed(n, nullptr, where);
    EXPECT_EQ(placed.x, freePlaceNear(doc, n, 3, -890, 310).first);
    EXPECT_FALSE(noteRect(placed).intersects(noteRect(*doc.note(doc.sortedNotes()[0]->id))));
    where.nearestFree = false;  // exactly there, as asked
    EXPECT_EQ(editor.placed(n, nullptr, where).x, -890);
}

TEST_F(Placing, NewNotesAnywhereNeverLandOnAnotherNorOutsideTheWall) {
    std::mt19937 rng(14);
    std::uniform_real_distribution<double> x(-2200, 2200), y(-1400, 1400);
    for (int i = 0; i < 40; ++i) {  // about a dozen notes a quadrant: they all fit inside it
        if (i % 3 == 0) {
            pinNotesAt(editor, {trayNote(), trayNote()}, x(rng), y(rng));
        } else {
            doubleClickNew(x(rng), y(rng));
        }
        if (::testing::Test::HasFailure()) break;
    }
    expectApartAndInside("random");
}

TEST_F(Placing, DraggingTheCornerResizesTheNoteAsOneUndoStep) {
    const std::string a = noteAt(-1000, -800);
    tool.setPixelSize(1);
    tool.move(Pointer{-900, -700});  // hovered: its grip shows
    const double cornerX = -1000 + kNoteWidth - 3, cornerY = -800 + kNoteHeight - 3;
    ASSERT_NE(tool.gripAt(Pointer{cornerX, cornerY}), nullptr);
    const auto depth = editor.history().undoDepth();
    tool.down(Pointer{cornerX, cornerY});
    EXPECT_EQ(tool.state(), WallTool::State::Resizing);
    for (int i = 1; i <= 10; ++i) tool.move(Pointer{cornerX + 16 * i, cornerY + 9 * i});
    EXPECT_EQ(tool.resizeSize(), std::make_pair(kNoteWidth + 160, kNoteHeight + 90));
    EXPECT_EQ(doc.note(a)->w, kNoteWidth);  // a preview until the button is let go
    tool.up(Pointer{cornerX + 160, cornerY + 90});
    EXPECT_EQ(doc.note(a)->w, kNoteWidth + 160);
    EXPECT_EQ(doc.note(a)->h, kNoteHeight + 90);
    EXPECT_EQ(doc.note(a)->x, -1000);
    EXPECT_EQ(editor.history().undoDepth(), depth + 1);
    editor.undo();
    EXPECT_EQ(doc.note(a)->w, kNoteWidth);
    EXPECT_EQ(doc.note(a)->h, kNoteHeight);
}

TEST_F(Placing, ResizingKeepsASmallestSizeAndStopsAtTheQuadrantsEdge) {
    const std::string a = noteAt(-400, -400);
    tool.setPixelSize(1);
    selection.set({a});
    auto dragCorner = [&](double dx, double dy) {
        const Note& n = *doc.note(a);
        const double cx = n.x + n.w - 2, cy = n.y + n.h - 2;
        tool.down(Pointer{cx, cy});
        tool.move(Pointer{cx + dx, cy + dy});
        tool.up(Pointer{cx + dx, cy + dy});
    };
    dragCorner(-1000, -1000);
    EXPECT_EQ(doc.note(a)->w, kMinNoteWidth);
    EXPECT_EQ(doc.note(a)->h, kMinNoteHeight);
    dragCorner(5000, 5000);  // towards quadrant 4: the note stops at the centre lines
    EXPECT_EQ(doc.note(a)->x + doc.note(a)->w, 0);
    EXPECT_EQ(doc.note(a)->y + doc.note(a)->h, 0);
    EXPECT_EQ(doc.note(a)->quadrant, 1);
}

TEST_F(Placing, EscapeDropsAResizeInProgress) {
    const std::string a = noteAt(-1000, -800);
    tool.setPixelSize(1);
    selection.set({a});
    const auto depth = editor.history().undoDepth();
    tool.down(Pointer{-1000 + kNoteWidth - 2, -800 + kNoteHeight - 2});
    tool.move(Pointer{-600, -500});
    tool.escape();
    EXPECT_EQ(tool.state(), WallTool::State::Idle);
    EXPECT_EQ(doc.note(a)->w, kNoteWidth);
    EXPECT_EQ(editor.history().undoDepth(), depth);
}

TEST_F(Placing, AQuadrantFilledWithHundredsOfNotesGrowsTheWholeWallEvenlyAndKeepsThemInside) {
    // One in every other quadrant, to see them stay where they are.
    const std::string others[] = {noteAt(200, -700), noteAt(-900, 300), noteAt(300, 300)};
    const BoardInfo nominal = doc.board();
    // 260 new notes in quadrant 1: by the command line's rule, then from the tray, then by double-click.
    for (int i = 0; i < 120; ++i) {
        Placement where;
        where.quadrant = 1;
        editor.addNote(editor.placed(editor.makeNote("note " + std::to_string(i), "survey"), nullptr, where));
    }
    std::vector<std::string> tray;
    for (int i = 0; i < 120; ++i) tray.push_back(trayNote());
    pinNotesToQuadrant(editor, tray, 1);
    for (int i = 0; i < 20; ++i) doubleClickNew(-900, -600);
    expectApartAndInside("a full quadrant");
    const BoardInfo wall = grownWall(doc);
    EXPECT_GT(wall.wallWidth, nominal.wallWidth) << "the wall grew";
    // Evenly: in both directions, not a tower of notes above the wall.
    const double ratio = (wall.wallWidth / wall.wallHeight) / (nominal.wallWidth / nominal.wallHeight);
    EXPECT_GT(ratio, 0.6);
    EXPECT_LT(ratio, 1.6);
    const Rect bounds = wallBounds(doc);
    for (const auto& [id, n] : doc.notes()) {
        if (n.state != NoteState::Pinned) continue;
        EXPECT_EQ(n.quadrant, quadrantOf(n));
        EXPECT_TRUE(bounds.contains(n.x, n.y) && bounds.contains(n.x + n.w - 1e-6, n.y + n.h - 1e-6)) << "inside the wall as drawn";
    }
    EXPECT_EQ(doc.note(others[0])->quadrant, 2);
    EXPECT_EQ(doc.note(others[1])->quadrant, 3);
    EXPECT_EQ(doc.note(others[2])->quadrant, 4);
}
