#include <gtest/gtest.h>

#include "canvas/board_factory.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "canvas/queries.h"

using namespace cc;

namespace {

struct Fixture : ::testing::Test {
    Document doc{makeBoard("Test 测试")};
    Editor editor{doc, "tester"};

    std::string add(const std::string& text, const std::string& source, int quadrant) {
        return editor.addNoteInQuadrant(editor.makeNote(text, source), quadrant);
    }
};

}  // namespace

TEST_F(Fixture, AddedNotesAreFiledInTheirQuadrant) {
    std::string a = add("A", "survey", 1), b = add("B", "census", 2), c = add("C", "complaint", 3), d = add("D", "intuition", 4);
    EXPECT_EQ(doc.note(a)->quadrant, 1);
    EXPECT_EQ(doc.note(b)->quadrant, 2);
    EXPECT_EQ(doc.note(c)->quadrant, 3);
    EXPECT_EQ(doc.note(d)->quadrant, 4);
    EXPECT_EQ(quadrantOf(*doc.note(c)), 3);
    EXPECT_TRUE(doc.checkInvariants().empty());
}

TEST_F(Fixture, NotesInAQuadrantDoNotOverlap) {
    std::vector<std::string> ids;
    for (int i = 0; i < 300; ++i) ids.push_back(add("n" + std::to_string(i), "survey", 1 + i % 4));
    for (std::size_t i = 0; i < ids.size(); ++i)
        for (std::size_t j = i + 1; j < ids.size(); ++j)
            ASSERT_FALSE(noteRect(*doc.note(ids[i])).intersects(noteRect(*doc.note(ids[j])))) << i << " " << j;
    for (const auto& id : ids) EXPECT_EQ(doc.note(id)->quadrant, quadrantOf(*doc.note(id)));
}

TEST_F(Fixture, NewNotesTakeTheDefaultsOfTheirSourceKind) {
    Note n = editor.makeNote("x", "complaint");
    EXPECT_TRUE(n.customerInitiated);
    EXPECT_EQ(n.data, DataKind::Qualitative);
    EXPECT_EQ(editor.makeNote("x", "census").data, DataKind::Quantitative);
    EXPECT_EQ(n.author, "tester");
    EXPECT_TRUE(isValidDate(n.dateGathered));
}

TEST_F(Fixture, MovingAcrossABoundaryRefilesTheNote) {
    std::string a = add("A", "survey", 2);
    const Note before = *doc.note(a);
    editor.moveNotes({a}, 0, -before.y + 100);  // into the bottom half: quadrant 4
    EXPECT_EQ(doc.note(a)->quadrant, 4);
    editor.moveNotes({a}, -before.x - 500, 0);  // left half: quadrant 3
    EXPECT_EQ(doc.note(a)->quadrant, 3);
    editor.undo();
    EXPECT_EQ(doc.note(a)->quadrant, 4);
    editor.undo();
    EXPECT_EQ(*doc.note(a), before);
}

TEST_F(Fixture, InvalidChangesAreRefusedAndChangeNothing) {
    std::string a = add("A", "survey", 1);
    const auto rev = doc.revision();
    Note bad = *doc.note(a);
    bad.source = "no_such_kind";
    EXPECT_THROW(editor.updateNote(bad), ChangeError);
    bad = *doc.note(a);
    bad.dateGathered = "2026-13-40";
    EXPECT_THROW(editor.updateNote(bad), ChangeError);
    bad = *doc.note(a);
    bad.text = std::string("\xff\xfe");
    EXPECT_THROW(editor.updateNote(bad), ChangeError);
    EXPECT_THROW(editor.addLink(a, "n-missing", LinkKind::Supports), ChangeError);
    EXPECT_THROW(editor.addLink(a, a, LinkKind::Supports), ChangeError);
    // A pinned note whose stored quadrant disagrees with its place.
    ChangeSet cs;
    Note wrong = *doc.note(a);
    wrong.quadrant = 4;
    cs.notes.updated.emplace_back(*doc.note(a), wrong);
    EXPECT_THROW(doc.apply(cs), ChangeError);
    EXPECT_EQ(doc.revision(), rev);
    EXPECT_EQ(doc.note(a)->source, "survey");
    EXPECT_FALSE(editor.canRedo());
}

TEST_F(Fixture, RemovingANoteMustTakeItsLinks) {
    std::string a = add("A", "survey", 1), b = add("B", "census", 1);
    editor.addLink(a, b, LinkKind::Supports);
    ChangeSet cs;
    cs.notes.removed.push_back(*doc.note(a));
    EXPECT_THROW(doc.apply(cs), ChangeError);
    editor.deleteNotes({a});
    EXPECT_EQ(doc.note(a), nullptr);
    EXPECT_TRUE(doc.links().empty());
    EXPECT_TRUE(doc.linksOf(b).empty());
    editor.undo();
    EXPECT_NE(doc.note(a), nullptr);
    EXPECT_EQ(doc.links().size(), 1u);
    EXPECT_EQ(doc.linksOf(b).size(), 1u);
}

TEST_F(Fixture, DuplicateLinksAreRefused) {
    std::string a = add("A", "survey", 1), b = add("B", "census", 1);
    editor.addLink(a, b, LinkKind::Supports);
    EXPECT_THROW(editor.addLink(b, a, LinkKind::Supports), ChangeError);
    EXPECT_NO_THROW(editor.addLink(b, a, LinkKind::Relates));
}

TEST_F(Fixture, AFailingListenerTakesTheChangeBack) {
    std::string a = add("A", "survey", 1);
    const Note before = *doc.note(a);
    auto handle = doc.subscribe([](const ChangeSet&) { throw std::runtime_error("disk full"); });
    Note after = before;
    after.text = "B";
    EXPECT_THROW(editor.updateNote(after), std::runtime_error);
    EXPECT_EQ(*doc.note(a), before);
    EXPECT_THROW(add("C", "survey", 2), std::runtime_error);
    EXPECT_EQ(doc.notes().size(), 1u);
    doc.unsubscribe(handle);
    EXPECT_TRUE(doc.checkInvariants().empty());
}

TEST_F(Fixture, ListenersSeeEveryChangeWithItsSource) {
    std::vector<ChangeSource> seen;
    doc.subscribe([&](const ChangeSet& cs) { seen.push_back(cs.source); });
    std::string a = add("A", "survey", 1);
    editor.undo();
    editor.redo();
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_EQ(seen[0], ChangeSource::User);
    EXPECT_EQ(seen[1], ChangeSource::History);
    EXPECT_EQ(seen[2], ChangeSource::History);
}

TEST_F(Fixture, AGestureIsOneUndoStep) {
    std::string a = add("A", "survey", 1);
    const Note start = *doc.note(a);
    editor.beginGesture();
    for (int i = 0; i < 20; ++i) editor.moveNotes({a}, 10, 5);
    editor.endGesture();
    EXPECT_EQ(editor.history().undoDepth(), 2u);
    editor.undo();
    EXPECT_EQ(*doc.note(a), start);
    editor.redo();
    EXPECT_DOUBLE_EQ(doc.note(a)->x, start.x + 200);
}

TEST_F(Fixture, CancellingAGestureRestoresTheStart) {
    std::string a = add("A", "survey", 1);
    const Note start = *doc.note(a);
    editor.beginGesture();
    editor.moveNotes({a}, 3000, 3000);
    editor.moveNotes({a}, 10, 10);
    editor.cancelGesture();
    EXPECT_EQ(*doc.note(a), start);
    EXPECT_EQ(editor.history().undoDepth(), 1u);
}

TEST_F(Fixture, AddThenDeleteInOneGestureLeavesNothing) {
    editor.beginGesture();
    std::string a = add("", "other", 1);
    editor.deleteNotes({a});
    editor.endGesture();
    EXPECT_FALSE(editor.canUndo());
    EXPECT_TRUE(doc.notes().empty());
}

TEST(Squash, FoldsUpdatesAndCancelsAddThenRemove) {
    Note n;
    n.id = "n-1";
    n.text = "a";
    Note n2 = n;
    n2.text = "b";
    Note n3 = n;
    n3.text = "c";
    ChangeSet add, up1, up2, rm;
    add.notes.added.push_back(n);
    up1.notes.updated.emplace_back(n, n2);
    up2.notes.updated.emplace_back(n2, n3);
    rm.notes.removed.push_back(n3);
    ChangeSet s = squash({add, up1, up2});
    ASSERT_EQ(s.notes.added.size(), 1u);
    EXPECT_EQ(s.notes.added[0].text, "c");
    EXPECT_TRUE(squash({add, up1, rm}).empty());
    ChangeSet u = squash({up1, up2});
    ASSERT_EQ(u.notes.updated.size(), 1u);
    EXPECT_EQ(u.notes.updated[0].first.text, "a");
    EXPECT_EQ(u.notes.updated[0].second.text, "c");
    EXPECT_TRUE(squash({up1, up1.inverted()}).empty());
}
