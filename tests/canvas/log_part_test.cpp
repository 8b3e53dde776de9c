// A large change is logged as several rows: each piece applies on its own, in order, and the
// pieces together do exactly what the whole change does.
#include <gtest/gtest.h>

#include "canvas/board_factory.h"
#include "canvas/editor.h"

using namespace cc;

namespace {

struct LogParts : ::testing::Test {
    Document doc{makeBoard("Parts 分块")};
    Editor editor{doc, "tester"};

    /// Applies `cs` to a copy of the board piece by piece; returns the pieces.
    std::vector<ChangeSet> applyInPieces(Document& copy, const ChangeSet& cs, LogPartLimits limits) {
        std::vector<ChangeSet> pieces;
        forEachLogPart(cs, limits, [&](const ChangeSet& piece) {
            copy.apply(piece);  // throws if a piece does not apply on its own
            pieces.push_back(piece);
        });
        return pieces;
    }

    ChangeSet bigChange(int notes) {
        ChangeSet cs;
        cs.source = ChangeSource::Import;
        cs.author = "importer";
        cs.time = 1234;
        for (int i = 0; i < notes; ++i) {
            Note n = editor.makeNote("note " + std::to_string(i) + " 顾客反馈", "survey");
            n.state = NoteState::Tray;
            cs.notes.added.push_back(n);
        }
        for (int i = 0; i + 1 < notes; i += 2) {
            Link l;
            l.id = newId("l");
            l.from = cs.notes.added[i].id;
            l.to = cs.notes.added[i + 1].id;
            l.kind = LinkKind::Supports;
            l.author = "importer";
            cs.links.added.push_back(l);
        }
        return cs;
    }
};

}  // namespace

TEST_F(LogParts, ASmallChangeIsOnePieceAndUnchanged) {
    const ChangeSet cs = bigChange(10);
    Document copy(doc.board());
    const auto pieces = applyInPieces(copy, cs, {});
    ASSERT_EQ(pieces.size(), 1u);
    EXPECT_EQ(pieces[0], cs);
}

TEST_F(LogParts, AnImportIsCutIntoPiecesThatEachApplyAndTogetherMakeTheWhole) {
    const ChangeSet cs = bigChange(1000);
    Document whole(doc.board()), inPieces(doc.board());
    whole.apply(cs);
    const auto pieces = applyInPieces(inPieces, cs, {100, 1u << 30});
    EXPECT_EQ(pieces.size(), 15u);  // 1,000 notes and 500 links, 100 records each
    for (const auto& p : pieces) {
        EXPECT_LE(p.notes.added.size() + p.links.added.size(), 100u);
        EXPECT_EQ(p.source, ChangeSource::Import);
        EXPECT_EQ(p.author, "importer");
        EXPECT_EQ(p.time, 1234);
    }
    EXPECT_EQ(inPieces.notes(), whole.notes());
    EXPECT_EQ(inPieces.links(), whole.links());
    EXPECT_TRUE(inPieces.checkInvariants().empty());

    // Taking it back (an undo of the import) is cut the same way and leaves the board empty.
    applyInPieces(inPieces, cs.inverted(), {100, 1u << 30});
    EXPECT_TRUE(inPieces.notes().empty());
    EXPECT_TRUE(inPieces.links().empty());
}

TEST_F(LogParts, TheByteBudgetCutsLongTextsSooner) {
    ChangeSet cs = bigChange(40);
    for (auto& n : cs.notes.added) n.text = std::string(60000, 'x');
    Document copy(doc.board());
    const auto pieces = applyInPieces(copy, cs, {2000, 200000});
    EXPECT_GE(pieces.size(), 13u);  // three 60 KB notes per 200 KB piece
    for (const auto& p : pieces) {
        std::size_t text = 0;
        for (const auto& n : p.notes.added) text += n.text.size();
        EXPECT_LE(text, 200000u);
    }
}

TEST_F(LogParts, AReplaceIsNeverCutAndAnOverwriteGoesWithItsUpdate) {
    // Notes on the wall, linked; then one change updates them all (one overwritten) and
    // replaces one note that keeps its links.
    std::vector<std::string> ids;
    for (int i = 0; i < 50; ++i) ids.push_back(editor.addNoteInQuadrant(editor.makeNote("n" + std::to_string(i), "survey"), 1 + i % 4));
    editor.addLink(ids[0], ids[1], LinkKind::Supports);
    Document copy(doc.board());
    copy.loadRecords([&] { std::vector<Note> v; for (auto& [id, n] : doc.notes()) v.push_back(n); return v; }(),
                     [&] { std::vector<Link> v; for (auto& [id, l] : doc.links()) v.push_back(l); return v; }());

    ChangeSet updates;
    for (const auto& id : ids) {
        Note after = *doc.note(id);
        after.votes = 3;
        updates.notes.updated.emplace_back(*doc.note(id), after);
    }
    updates.overwrote.push_back(ids[42]);
    const auto pieces = applyInPieces(copy, updates, {10, 1u << 30});
    EXPECT_EQ(pieces.size(), 10u);  // an update counts twice
    int overwrites = 0;
    for (const auto& p : pieces)
        for (const auto& o : p.overwrote) {
            ++overwrites;
            EXPECT_EQ(o, ids[42]);
            EXPECT_TRUE(std::any_of(p.notes.updated.begin(), p.notes.updated.end(), [&](auto& u) { return u.second.id == o; }));
        }
    EXPECT_EQ(overwrites, 1);

    ChangeSet replace;
    for (int i = 0; i < 30; ++i) {
        Note extra = editor.makeNote("extra", "survey");
        extra.state = NoteState::Tray;
        replace.notes.added.push_back(extra);
    }
    replace.notes.removed.push_back(*copy.note(ids[0]));
    Note back = *copy.note(ids[0]);
    back.text = "replaced";
    replace.notes.added.push_back(back);
    const auto whole = applyInPieces(copy, replace, {10, 1u << 30});
    EXPECT_EQ(whole.size(), 1u);
    EXPECT_EQ(copy.note(ids[0])->text, "replaced");
    EXPECT_EQ(copy.linksOf(ids[0]).size(), 1u);
}
