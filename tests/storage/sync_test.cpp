// Two processes' views of one board file: each commits through its own connection and pulls the
// other's commits from the change log; afterwards both equal a fresh load of the file.
#include <gtest/gtest.h>

#include "board_factory.h"
#include "board_file.h"
#include "editor.h"
#include "geometry.h"
#include "test_util.h"

using namespace cc;

namespace {

struct View {
    std::unique_ptr<BoardFile> file;
    std::unique_ptr<Document> doc;
    std::unique_ptr<Editor> editor;
    View(const std::string& path, const std::string& author) {
        file = BoardFile::open(path);
        doc = file->load();
        file->attach(*doc);
        editor = std::make_unique<Editor>(*doc, author);
    }
};

void expectSameAsFile(const Document& doc, const std::string& path) {
    auto fresh = BoardFile::open(path, BoardFile::Mode::ReadOnly)->load();
    EXPECT_EQ(doc.board(), fresh->board());
    ASSERT_EQ(doc.notes().size(), fresh->notes().size());
    for (const auto& [id, n] : fresh->notes()) {
        ASSERT_NE(doc.note(id), nullptr) << id;
        EXPECT_EQ(*doc.note(id), n) << id;
    }
    ASSERT_EQ(doc.links().size(), fresh->links().size());
    for (const auto& [id, l] : fresh->links()) {
        ASSERT_NE(doc.link(id), nullptr) << id;
        EXPECT_EQ(*doc.link(id), l) << id;
    }
}

}  // namespace

TEST(Sync, AnotherProcesssCommitsArePulledAsOneRemoteChange) {
    test::TempDir dir;
    const std::string path = dir.file("shared.ccboard");
    BoardFile::create(path, makeBoard("Shared 共享"), "a");
    View a(path, "王芳"), b(path, "Tom");
    EXPECT_EQ(b.file->pullRemote(*b.doc), 0u);  // nothing yet: one PRAGMA, no work

    std::vector<ChangeSource> seen;
    b.doc->subscribe([&](const ChangeSet& cs) { seen.push_back(cs.source); });
    const std::string n1 = a.editor->addNoteInQuadrant(a.editor->makeNote("客户说转账太慢", "complaint"), 2);
    const std::string n2 = a.editor->addNoteInQuadrant(a.editor->makeNote("Survey: 81% satisfied", "survey"), 3);
    a.editor->addLink(n2, n1, LinkKind::Conflicts, "survey vs complaints");
    a.editor->moveNotes({n1}, -1500, 0);  // into quadrant 1
    EXPECT_EQ(b.file->pullRemote(*b.doc), 4u);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0], ChangeSource::Remote);
    EXPECT_EQ(b.doc->note(n1)->quadrant, 1);
    EXPECT_FALSE(b.editor->canUndo());  // remote changes never enter the undo history
    expectSameAsFile(*b.doc, path);

    // B's own commits are not pulled back as remote ones.
    b.editor->deleteNotes({n2});
    EXPECT_EQ(b.file->pullRemote(*b.doc), 0u);
    EXPECT_EQ(a.file->pullRemote(*a.doc), 1u);
    EXPECT_EQ(a.doc->note(n2), nullptr);
    EXPECT_TRUE(a.doc->links().empty());
    expectSameAsFile(*a.doc, path);
}

TEST(Sync, ConcurrentEditsOfOneNoteConvergeOnTheLaterCommit) {
    test::TempDir dir;
    const std::string path = dir.file("shared.ccboard");
    BoardFile::create(path, makeBoard("Shared"), "a");
    View a(path, "A"), b(path, "B");
    const std::string id = a.editor->addNoteInQuadrant(a.editor->makeNote("first", "survey"), 1);
    b.file->pullRemote(*b.doc);
    // Both change the note before seeing each other's change: A commits first, B second.
    Note na = *a.doc->note(id);
    na.text = "A's text";
    a.editor->updateNote(na);
    Note nb = *b.doc->note(id);
    nb.text = "B's text";
    nb.votes = 3;
    b.editor->updateNote(nb);
    a.file->pullRemote(*a.doc);
    b.file->pullRemote(*b.doc);
    EXPECT_EQ(a.doc->note(id)->text, "B's text");
    EXPECT_EQ(b.doc->note(id)->text, "B's text");
    expectSameAsFile(*a.doc, path);
    expectSameAsFile(*b.doc, path);
}

TEST(Sync, ANoteDeletedElsewhereTakesItsLinksWithIt) {
    test::TempDir dir;
    const std::string path = dir.file("shared.ccboard");
    BoardFile::create(path, makeBoard("Shared"), "a");
    View a(path, "A"), b(path, "B");
    const std::string x = a.editor->addNoteInQuadrant(a.editor->makeNote("x", "survey"), 1);
    const std::string y = a.editor->addNoteInQuadrant(a.editor->makeNote("y", "census"), 1);
    b.file->pullRemote(*b.doc);
    b.editor->addLink(x, y, LinkKind::Supports);  // B links them...
    a.file->pullRemote(*a.doc);
    a.editor->deleteNotes({x});                   // ...and A deletes one end, with the link
    b.file->pullRemote(*b.doc);
    EXPECT_EQ(b.doc->note(x), nullptr);
    EXPECT_TRUE(b.doc->links().empty());
    EXPECT_TRUE(b.doc->checkInvariants().empty());
    expectSameAsFile(*b.doc, path);
}

TEST(Sync, ALocalDiskIsNotANetworkFileSystem) {
    test::TempDir dir;
    EXPECT_FALSE(networkFileSystem(dir.file("board.ccboard")).has_value());
    EXPECT_FALSE(networkFileSystem("relative.ccboard").has_value());
}
