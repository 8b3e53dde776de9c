#include <gtest/gtest.h>

#include "canvas/board_factory.h"
#include "canvas/derived_facts.h"
#include "canvas/editor.h"

using namespace cc;

TEST(Journal, NoteUpdatesSinceGivesInPlaceChangesInOrderAndRefusesOthers) {
    Document doc{makeBoard("J")};
    Editor ed(doc, "t");
    const std::string a = ed.addNoteInQuadrant(ed.makeNote("a", "survey"), 1);
    const std::string b = ed.addNoteInQuadrant(ed.makeNote("b", "survey"), 2);
    const auto mark = doc.revision();
    Document::NoteUpdates u;
    EXPECT_TRUE(doc.noteUpdatesSince(mark, u));  // nothing since: nothing to do
    EXPECT_TRUE(u.empty());

    ed.moveNotes({a}, 10, 0);
    ed.setText(b, "b2");
    ASSERT_TRUE(doc.noteUpdatesSince(mark, u));
    ASSERT_EQ(u.size(), 2u);
    EXPECT_EQ(u[0].first.x + 10, u[0].second.x);
    EXPECT_EQ(u[1].first.text, "b");  // the record as it was, whatever the change set said
    EXPECT_EQ(u[1].second.text, "b2");

    const auto mark2 = doc.revision();
    ed.addLink(a, b, LinkKind::Supports);
    u.clear();
    EXPECT_FALSE(doc.noteUpdatesSince(mark2, u));  // a link came: views rebuild
    EXPECT_FALSE(doc.noteUpdatesSince(mark, u));
    EXPECT_FALSE(doc.noteUpdatesSince(doc.revision() + 1, u));

    const auto mark3 = doc.revision();
    for (int i = 0; i < 100; ++i) ed.moveNotes({a}, 1, 0);
    EXPECT_FALSE(doc.noteUpdatesSince(mark3, u));  // too long ago to remember
    u.clear();
    EXPECT_TRUE(doc.noteUpdatesSince(doc.revision() - 10, u));
    EXPECT_EQ(u.size(), 10u);
}

TEST(Journal, DerivedFactsSkipOnlyChangesThatLeaveEveryFigure) {
    Document doc{makeBoard("F")};
    Editor ed(doc, "t");
    const std::string claim = ed.addNoteInQuadrant(ed.makeNote("claim", "survey"), 1);
    const std::string s1 = ed.addNoteInQuadrant(ed.makeNote("s1", "complaint"), 1);
    const std::string s2 = ed.addNoteInQuadrant(ed.makeNote("s2", "census"), 1);
    ed.addLink(s1, claim, LinkKind::Supports);
    ed.addLink(s2, claim, LinkKind::Supports);
    DerivedFacts facts;
    auto expectFresh = [&](const char* step) {
        facts.update(doc);
        DerivedFacts fresh;
        fresh.update(doc);
        EXPECT_EQ(facts.counts().byQuadrant, fresh.counts().byQuadrant) << step;
        EXPECT_EQ(facts.counts().corroborated, fresh.counts().corroborated) << step;
        EXPECT_EQ(facts.counts().bySource, fresh.counts().bySource) << step;
        EXPECT_EQ(facts.corroborated(claim), fresh.corroborated(claim)) << step;
        EXPECT_EQ(facts.tags(), fresh.tags()) << step;
    };
    expectFresh("start");
    EXPECT_TRUE(facts.corroborated(claim));
    ed.moveNotes({s1}, 5, 5);
    expectFresh("a move within the quadrant");
    ed.setText(s1, "s1 again");
    expectFresh("a text edit");
    ed.moveNotes({s1}, 2000, 0);
    expectFresh("a move into another quadrant");
    Note archived = *doc.note(s2);
    archived.state = NoteState::Archived;
    ed.updateNote(archived);
    expectFresh("a supporter archived");
    EXPECT_FALSE(facts.corroborated(claim));
    Note tagged = *doc.note(claim);
    tagged.tags = {"price"};
    ed.updateNote(tagged);
    expectFresh("a tag");
}
