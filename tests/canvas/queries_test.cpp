#include <gtest/gtest.h>

#include "canvas/board_factory.h"
#include "canvas/editor.h"
#include "canvas/queries.h"

using namespace cc;

namespace {
struct Queries : ::testing::Test {
    Document doc{makeBoard("Q")};
    Editor editor{doc, "tester"};
    std::string add(const std::string& source, int q = 3) {
        return editor.addNoteInQuadrant(editor.makeNote("note from " + source, source), q);
    }
};
}  // namespace

TEST_F(Queries, CorroboratedNeedsSupportersFromTwoDifferentSourceKinds) {
    std::string claim = add("survey");
    std::string s1 = add("focus_group"), s2 = add("focus_group"), s3 = add("complaint");
    EXPECT_FALSE(isCorroborated(doc, claim));
    editor.addLink(s1, claim, LinkKind::Supports);
    EXPECT_FALSE(isCorroborated(doc, claim));
    editor.addLink(claim, s2, LinkKind::Supports);  // direction does not matter; same kind as s1
    EXPECT_FALSE(isCorroborated(doc, claim));
    editor.addLink(s3, claim, LinkKind::Relates);  // relates is not support
    EXPECT_FALSE(isCorroborated(doc, claim));
    editor.addLink(s3, claim, LinkKind::Supports);
    EXPECT_TRUE(isCorroborated(doc, claim));
    EXPECT_EQ(supporters(doc, claim).size(), 3u);
    // An archived supporter no longer counts.
    Note archived = *doc.note(s3);
    archived.state = NoteState::Archived;
    editor.updateNote(archived);
    EXPECT_FALSE(isCorroborated(doc, claim));
}

TEST_F(Queries, ContestedMeansAnyConflictsLink) {
    std::string a = add("survey"), b = add("mystery_shopping"), c = add("census");
    EXPECT_FALSE(isContested(doc, a));
    editor.addLink(a, c, LinkKind::Relates);
    EXPECT_FALSE(isContested(doc, a));
    std::string l = editor.addLink(b, a, LinkKind::Conflicts);
    EXPECT_TRUE(isContested(doc, a));
    EXPECT_TRUE(isContested(doc, b));
    EXPECT_FALSE(isContested(doc, c));
    editor.deleteLinks({l});
    EXPECT_FALSE(isContested(doc, a));
}

TEST_F(Queries, CountsByQuadrantSourceDataAndChannel) {
    add("survey", 1);         // quantitative, direct
    add("census", 1);         // quantitative, indirect
    add("complaint", 2);      // qualitative, direct, customer-initiated
    add("intuition", 4);      // qualitative, internal
    std::string t = editor.addNote([&] {
        Note n = editor.makeNote("candidate", "survey");
        n.state = NoteState::Tray;
        return n;
    }());
    BoardCounts c = countBoard(doc);
    EXPECT_EQ(c.onWall, 4);
    EXPECT_EQ(c.inTray, 1);
    EXPECT_EQ(c.byQuadrant[1], 2);
    EXPECT_EQ(c.byQuadrant[2], 1);
    EXPECT_EQ(c.byQuadrant[3], 0);
    EXPECT_EQ(c.byQuadrant[4], 1);
    EXPECT_EQ(c.bySource.at("survey"), 1);
    EXPECT_EQ(c.sourceKindsUsed(), 4);
    EXPECT_EQ(c.quantitative, 2);
    EXPECT_EQ(c.qualitative, 2);
    EXPECT_EQ(c.direct, 2);
    EXPECT_EQ(c.indirect, 1);
    EXPECT_EQ(c.internal, 1);
    EXPECT_EQ(c.customerInitiated, 1);
}

#include "canvas/note_filter.h"

TEST(NoteFilter, MatchesTextSourcesTagsAuthorsAndDates) {
    Note n;
    n.text = "App 转账失败率 3.2%";
    n.source = "web_callcenter";
    n.tags = {"mobile", "transfers"};
    n.author = "王芳";
    n.dateGathered = "2026-10-05";
    NoteFilter f;
    EXPECT_FALSE(f.active());
    EXPECT_TRUE(f.matches(n));
    f.text = "app";
    EXPECT_TRUE(f.matches(n));
    f.text = "转账";
    EXPECT_TRUE(f.matches(n));
    f.text = "MOBILE";  // tags count too
    EXPECT_TRUE(f.matches(n));
    f.text = "branch";
    EXPECT_FALSE(f.matches(n));
    f = {};
    f.sources = {"survey"};
    EXPECT_FALSE(f.matches(n));
    f.sources.insert("web_callcenter");
    EXPECT_TRUE(f.matches(n));
    f = {};
    f.tags = {"fees", "transfers"};
    EXPECT_TRUE(f.matches(n));
    f.authors = {"Tom Baker"};
    EXPECT_FALSE(f.matches(n));
    f = {};
    f.dateFrom = "2026-10-01";
    f.dateTo = "2026-10-31";
    EXPECT_TRUE(f.matches(n));
    f.dateFrom = "2026-10-06";
    EXPECT_FALSE(f.matches(n));
    n.dateGathered.clear();
    f.dateFrom.clear();
    EXPECT_FALSE(f.matches(n));  // a date range leaves out notes without a date
}
