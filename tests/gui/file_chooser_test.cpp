// The built-in file chooser's listing and keys, without drawing it: folders first, files of the
// chosen type, typing narrows, arrows move, Enter goes into a folder or chooses, Backspace goes up.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/board_paths.h"
#include "app/gui/file_chooser_model.h"
#include "test_util.h"

namespace cc::gui {
namespace {

namespace fs = std::filesystem;

class FileChooserTest : public ::testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(m_dir.path() / "Workshops" / "2026");
        fs::create_directories(m_dir.path() / "archive");
        fs::create_directories(m_dir.path() / ".hidden");
        for (const char* f : {"Retail.ccboard", "banking.CCBOARD", "notes.md", "survey.csv", ".secret.ccboard", "客户画布.ccboard"})
            test::writeFile(m_dir.file(f), "x");
        test::writeFile((m_dir.path() / "Workshops" / "june.ccboard").string(), "x");
    }
    std::vector<std::string> names(const FileChooserModel& m) {
        std::vector<std::string> out;
        for (const auto& e : m.visible()) out.push_back(e.folder ? e.name + "/" : e.name);
        return out;
    }
    FileChooserModel boards(FileChooserModel::Purpose p = FileChooserModel::Purpose::Open) {
        FileChooserModel m(p, {{"Boards", {".ccboard"}}, {"All files", {}}});
        EXPECT_TRUE(m.setFolder(m_dir.path().string()));
        return m;
    }
    test::TempDir m_dir;
};

TEST_F(FileChooserTest, FoldersFirstThenFilesOfTheTypeByNameHiddenOnesLeftOut) {
    FileChooserModel m = boards();
    EXPECT_EQ(names(m), (std::vector<std::string>{"archive/", "Workshops/", "banking.CCBOARD", "Retail.ccboard", "客户画布.ccboard"}));
    m.setTypeIndex(1);
    EXPECT_EQ(names(m), (std::vector<std::string>{"archive/", "Workshops/", "banking.CCBOARD", "notes.md", "Retail.ccboard", "survey.csv",
                                                  "客户画布.ccboard"}));
}

TEST_F(FileChooserTest, TypingNarrowsTheListAndSelectsTheFirstMatchBackspaceUndoesIt) {
    FileChooserModel m = boards();
    m.type("RE");
    EXPECT_EQ(names(m), std::vector<std::string>{"Retail.ccboard"});
    EXPECT_EQ(m.selected(), 0);
    m.type("x");
    EXPECT_TRUE(m.visible().empty());
    m.backspace();
    EXPECT_EQ(m.filter(), "RE");
    m.backspace();
    m.backspace();
    EXPECT_EQ(m.filter(), "");
    EXPECT_EQ(m.visible().size(), 5u);
    m.type("客户");
    EXPECT_EQ(names(m), std::vector<std::string>{"客户画布.ccboard"});
    m.backspace();  // one character, not one byte
    EXPECT_EQ(m.filter(), "客");
    m.setFilter("画布.cc");
    m.backspace();
    EXPECT_EQ(m.filter(), "画布.c");
    m.setFilter("画布");
    m.backspace();
    EXPECT_EQ(m.filter(), "画");
}

TEST_F(FileChooserTest, ArrowsMoveWithinTheListEnterGoesIntoAFolderAndChoosesAFile) {
    FileChooserModel m = boards();
    m.moveSelection(1);
    EXPECT_EQ(m.selected(), 0);
    m.moveSelection(-5);
    EXPECT_EQ(m.selected(), 0);
    m.moveSelection(1);
    EXPECT_EQ(m.visible()[m.selected()].name, "Workshops");
    EXPECT_FALSE(m.activate());  // into the folder
    EXPECT_EQ(m.folder(), (m_dir.path() / "Workshops").string());
    EXPECT_EQ(names(m), (std::vector<std::string>{"2026/", "june.ccboard"}));
    m.moveSelection(100);
    EXPECT_EQ(m.selected(), 1);
    EXPECT_EQ(m.activate(), (m_dir.path() / "Workshops" / "june.ccboard").string());
}

TEST_F(FileChooserTest, BackspaceWithNothingTypedGoesUpAndSelectsTheFolderCameFrom) {
    FileChooserModel m = boards();
    ASSERT_TRUE(m.setFolder((m_dir.path() / "Workshops").string()));
    m.backspace();
    EXPECT_EQ(m.folder(), m_dir.path().string());
    ASSERT_GE(m.selected(), 0);
    EXPECT_EQ(m.visible()[m.selected()].name, "Workshops");
}

TEST_F(FileChooserTest, AFolderThatCannotBeReadKeepsTheOneShown) {
    FileChooserModel m = boards();
    EXPECT_FALSE(m.setFolder(m_dir.file("no-such-folder")));
    EXPECT_EQ(m.folder(), m_dir.path().string());
    EXPECT_FALSE(m.error().empty());
}

TEST_F(FileChooserTest, SaveAddsTheTypesExtensionAndAFileClickedGivesItsName) {
    FileChooserModel m = boards(FileChooserModel::Purpose::Save);
    EXPECT_FALSE(m.activate());  // no name yet
    m.fileName() = "Quarterly review";
    EXPECT_EQ(m.activate(), (m_dir.path() / "Quarterly review.ccboard").string());
    m.fileName() = "sub/dir";
    EXPECT_FALSE(m.savePath());
    m.select(3);  // Retail.ccboard
    EXPECT_EQ(m.fileName(), "Retail.ccboard");
    EXPECT_EQ(m.savePath(), m_dir.file("Retail.ccboard"));
}

TEST(FreeBoardPath, FromTheTitleNeverAnExistingFile) {
    test::TempDir dir;
    EXPECT_EQ(freeBoardPath(dir.path().string(), "Q3 / review", "New board"), dir.file("Q3   review.ccboard"));
    test::writeFile(dir.file("Workshop.ccboard"), "x");
    EXPECT_EQ(freeBoardPath(dir.path().string(), "Workshop", "New board"), dir.file("Workshop 2.ccboard"));
    EXPECT_EQ(freeBoardPath(dir.path().string(), "  ", "New board"), dir.file("New board.ccboard"));
}

}  // namespace
}  // namespace cc::gui
