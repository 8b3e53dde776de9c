#include <gtest/gtest.h>

#include "canvas/activity.h"
#include "canvas/board_factory.h"
#include "canvas/editor.h"

using namespace cc;

namespace {
/// A board whose change sets are also kept as a numbered log, as a store would keep them.
struct Activity : ::testing::Test {
    Document doc{makeBoard("A")};
    Editor ann{doc, "Ann"};
    Editor bo{doc, "Bo"};
    std::vector<LoggedChange> log;
    int sub = doc.subscribe([this](const ChangeSet& cs) { log.push_back({static_cast<std::int64_t>(log.size() + 1), cs}); });

    std::string lastLine() { return describeChange(log.back(), doc).text; }
    Note with(const std::string& id, const std::string& text) {
        Note n = *doc.note(id);
        n.text = text;
        return n;
    }
};
}  // namespace

TEST_F(Activity, LinesSayWhoDidWhatInWords) {
    std::string a = ann.addNoteInQuadrant(ann.makeNote("Price too high\nthree of five said so", "survey"), 1);
    EXPECT_EQ(lastLine(), "added “Price too high” to " + doc.board().quadrants[0].title);
    EXPECT_EQ(describeChange(log.back(), doc).author, "Ann");
    EXPECT_EQ(describeChange(log.back(), doc).notes, std::vector<std::string>{a});

    bo.updateNote(with(a, "Price far too high"));
    EXPECT_EQ(lastLine(), "changed the text of “Price far too high”");
    EXPECT_EQ(describeChange(log.back(), doc).author, "Bo");

    Note moved = *doc.note(a);
    moved.x = -moved.x - moved.w;  // across the vertical boundary: quadrant 1 -> 2
    bo.updateNote(moved);
    EXPECT_EQ(lastLine(), "moved “Price far too high” to " + doc.board().quadrants[1].title);

    std::string b = ann.addNoteInQuadrant(ann.makeNote("Queues at lunch", "mystery_shopping"), 2);
    ann.addLink(b, a, LinkKind::Supports);
    EXPECT_EQ(lastLine(), "linked “Queues at lunch” supports “Price far too high”");

    bo.deleteNotes({a});
    const ActivityLine del = describeChange(log.back(), doc);
    EXPECT_EQ(del.text, "deleted “Price far too high” and its 1 link");
    EXPECT_EQ(del.deleted, std::vector<std::string>{a});

    ASSERT_TRUE(bo.undo());  // the deletion comes back
    EXPECT_EQ(describeChange(log.back(), doc).text, "undo/redo: added “Price far too high” to " + doc.board().quadrants[1].title + "; linked “Queues at lunch” supports “Price far too high”");
    EXPECT_EQ(log.back().cs.source, ChangeSource::History);
    EXPECT_EQ(describeChange(log.back(), doc).text.rfind("undo/redo: ", 0), 0u);
}

TEST_F(Activity, ManyNotesAndImportsAreCounted) {
    ChangeSet cs;
    for (int i = 0; i < 3; ++i) {
        Note n = ann.makeNote("candidate " + std::to_string(i), "survey");
        n.state = NoteState::Tray;
        cs.notes.added.push_back(n);
    }
    ann.applyLocal(cs, ChangeSource::Import);
    EXPECT_EQ(lastLine(), "imported 3 candidates into the tray");
    std::vector<std::string> ids;
    for (const auto& n : cs.notes.added) ids.push_back(n.id);
    bo.deleteNotes(ids);
    EXPECT_EQ(lastLine(), "deleted 3 notes");
}

TEST_F(Activity, ANotesHistoryHoldsEveryTextAndItsDeletion) {
    std::string a = ann.addNoteInQuadrant(ann.makeNote("first", "survey"), 1);
    std::string other = ann.addNoteInQuadrant(ann.makeNote("unrelated", "survey"), 2);
    bo.updateNote(with(a, "second"));
    Note moved = *doc.note(a);
    moved.y += 10;
    ann.updateNote(moved);
    ann.updateNote(with(a, "third"));
    bo.deleteNotes({a});
    const auto h = noteHistory(log, a);
    ASSERT_EQ(h.size(), 5u);
    EXPECT_EQ(h[0].kind, NoteVersion::Kind::Created);
    EXPECT_EQ(h[0].note.text, "first");
    EXPECT_EQ(h[1].kind, NoteVersion::Kind::Text);
    EXPECT_EQ(h[1].note.text, "second");
    EXPECT_EQ(h[1].author, "Bo");
    EXPECT_EQ(h[2].kind, NoteVersion::Kind::Moved);
    EXPECT_EQ(h[3].note.text, "third");
    EXPECT_EQ(h[4].kind, NoteVersion::Kind::Deleted);
    EXPECT_EQ(h[4].note.text, "third");
    EXPECT_EQ(noteHistory(log, other).size(), 1u);
}

TEST_F(Activity, ADeletedNoteComesBackWithItsLinksOrWithOtherText) {
    std::string a = ann.addNoteInQuadrant(ann.makeNote("claim", "survey"), 1);
    std::string b = ann.addNoteInQuadrant(ann.makeNote("support", "complaint"), 1);
    std::string c = ann.addNoteInQuadrant(ann.makeNote("conflict", "census"), 1);
    std::string lb = ann.addLink(b, a, LinkKind::Supports);
    std::string lc = ann.addLink(c, a, LinkKind::Conflicts);
    const std::string slow = ann.addInsight(ann.makeInsight("Slow", {b, a}));
    const std::string gone = ann.addInsight(ann.makeInsight("Gone", {a}));
    bo.deleteNotes({a});
    const ChangeSet deletion = log.back().cs;
    EXPECT_EQ(doc.insight(slow)->notes, std::vector<std::string>{b});
    bo.deleteNotes({c});  // one linked note is gone too: its link cannot come back
    bo.deleteInsights({gone});  // and one insight: nothing to come back to

    const DeletedWith with = deletedWith(deletion, a);
    EXPECT_EQ(with.links.size(), 2u);
    EXPECT_EQ(with.insights.size(), 2u);
    auto back = bringBack(doc, deletion.notes.removed.front(), with, std::string("claim, as I wrote it"));
    ASSERT_TRUE(back);
    ann.applyLocal(*back);
    ASSERT_NE(doc.note(a), nullptr);
    EXPECT_EQ(doc.note(a)->text, "claim, as I wrote it");
    EXPECT_NE(doc.link(lb), nullptr);
    EXPECT_EQ(doc.link(lc), nullptr);
    EXPECT_EQ(doc.insight(slow)->notes, (std::vector<std::string>{b, a})) << "evidence again";
    EXPECT_EQ(doc.insight(gone), nullptr);
    EXPECT_FALSE(bringBack(doc, deletion.notes.removed.front(), with));  // it is there again
    EXPECT_EQ(noteHistory(log, a).back().kind, NoteVersion::Kind::BroughtBack);
}

TEST(TextWatch, TellsWhenOthersReplacedTextTheyHadNotSeen) {
    Document doc{makeBoard("W")};
    Editor ed{doc, "Ann"};
    std::string id = ed.addNoteInQuadrant(ed.makeNote("draft", "survey"), 1);
    Note base = *doc.note(id);
    Note mine = base, theirs = base, later = base;
    mine.text = "Ann's text";
    theirs.text = "Bo's text";

    TextWatch w;
    ChangeSet own;
    own.notes.updated.emplace_back(base, mine);
    w.own(own, 10);

    // Bo changed "draft" at the same time (his change came later in the log): Ann is told once.
    ChangeSet bo;
    bo.author = "Bo";
    bo.notes.updated.emplace_back(base, theirs);
    auto told = w.others({{11, bo}});
    ASSERT_EQ(told.size(), 1u);
    EXPECT_EQ(told[0].by, "Bo");
    EXPECT_EQ(told[0].mine, "Ann's text");
    EXPECT_EQ(told[0].theirs, "Bo's text");
    EXPECT_FALSE(told[0].whileEditing);
    EXPECT_TRUE(w.others({{12, bo}}).empty());

    // A change logged before Ann's does not replace hers.
    w.own(own, 20);
    EXPECT_TRUE(w.others({{19, bo}}).empty());
    // Carl edits after having seen Ann's text: an ordinary later edit, nothing to tell.
    ChangeSet carl;
    carl.author = "Carl";
    later.text = "Carl's improvement";
    carl.notes.updated.emplace_back(mine, later);
    EXPECT_TRUE(w.others({{21, carl}}).empty());

    // ... unless Carl was editing when Ann's text arrived and replaced it.
    w.own(own, 30);
    carl.overwrote = {id};
    told = w.others({{31, carl}});
    ASSERT_EQ(told.size(), 1u);
    EXPECT_TRUE(told[0].whileEditing);
    EXPECT_EQ(told[0].by, "Carl");
}

TEST(ChangeSetOverwrote, SquashJoinsAndInvertDrops) {
    ChangeSet a, b;
    a.overwrote = {"n-1"};
    b.overwrote = {"n-2", "n-1"};
    const ChangeSet s = squash({a, b});
    EXPECT_EQ(s.overwrote, (std::vector<std::string>{"n-1", "n-2"}));
    EXPECT_TRUE(s.inverted().overwrote.empty());
}
