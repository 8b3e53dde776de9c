// The recent boards list: newest first, each board once, at most RecentBoards::kMax, kept in the
// settings file across a restart, and never holding what the file cannot keep.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "app/recent_boards.h"
#include "app/settings.h"
#include "test_util.h"

namespace cc {
namespace {

class RecentBoardsTest : public ::testing::Test {
protected:
    void SetUp() override { ::setenv("XDG_CONFIG_HOME", m_dir.file("config").c_str(), 1); }
    test::TempDir m_dir;
};

std::vector<std::string> addresses(const RecentBoards& r) {
    std::vector<std::string> out;
    for (const auto& b : r.items()) out.push_back(b.address);
    return out;
}

TEST_F(RecentBoardsTest, NewestFirstAndEachBoardOnce) {
    RecentBoards r;
    r.add("/b/one.ccboard", "One", 1000);
    r.add("/b/two.ccboard", "Two", 2000);
    r.add("/b/one.ccboard", "One again", 3000);
    EXPECT_EQ(addresses(r), (std::vector<std::string>{"/b/one.ccboard", "/b/two.ccboard"}));
    EXPECT_EQ(r.items()[0].title, "One again");
    EXPECT_EQ(r.items()[0].opened, 3000);
}

TEST_F(RecentBoardsTest, BoundedTheOldestGo) {
    RecentBoards r;
    for (int i = 0; i < 20; ++i) r.add("/b/" + std::to_string(i) + ".ccboard", "B" + std::to_string(i), i);
    ASSERT_EQ(r.items().size(), RecentBoards::kMax);
    EXPECT_EQ(r.items().front().address, "/b/19.ccboard");
    EXPECT_EQ(r.items().back().address, "/b/" + std::to_string(20 - RecentBoards::kMax) + ".ccboard");
}

TEST_F(RecentBoardsTest, SurvivesARestart) {
    {
        Settings s = Settings::load();
        RecentBoards r = RecentBoards::fromSettings(s);
        r.add("/b/one.ccboard", "One 零售银行", 1000);
        r.add("postgresql://db.example/canvas?board=team", "Team", 2000);
        r.toSettings(s);
        s.save();
    }
    const RecentBoards again = RecentBoards::fromSettings(Settings::load());
    ASSERT_EQ(again.items().size(), 2u);
    EXPECT_EQ(again.items()[0].address, "postgresql://db.example/canvas?board=team");
    EXPECT_EQ(again.items()[0].title, "Team");
    EXPECT_EQ(again.items()[0].opened, 2000);
    EXPECT_EQ(again.items()[1].title, "One 零售银行");
}

TEST_F(RecentBoardsTest, ShrinkingTheListLeavesNoStaleEntries) {
    Settings s;
    RecentBoards r;
    for (int i = 0; i < 5; ++i) r.add("/b/" + std::to_string(i) + ".ccboard", "", i);
    r.toSettings(s);
    for (int i = 0; i < 4; ++i) r.remove("/b/" + std::to_string(i) + ".ccboard");
    r.toSettings(s);
    EXPECT_EQ(addresses(RecentBoards::fromSettings(s)), std::vector<std::string>{"/b/4.ccboard"});
}

TEST_F(RecentBoardsTest, TheOldLastBoardSettingBecomesTheFirstEntryAndIsReplaced) {
    Settings s;
    s.set("last_board", "/b/last.ccboard");
    RecentBoards r = RecentBoards::fromSettings(s);
    EXPECT_EQ(addresses(r), std::vector<std::string>{"/b/last.ccboard"});
    r.toSettings(s);
    EXPECT_FALSE(s.get("last_board"));
    EXPECT_EQ(addresses(RecentBoards::fromSettings(s)), std::vector<std::string>{"/b/last.ccboard"});
}

TEST_F(RecentBoardsTest, TitlesWithLineBreaksAreKeptOnOneLineAndPathsThatCannotBeKeptAreLeftOut) {
    Settings s;
    RecentBoards r;
    r.add("/b/odd\nname.ccboard", "x", 1);
    r.add("/b/fine.ccboard", "two\nlines", 2);
    r.toSettings(s);  // would throw if a value could not be kept
    const RecentBoards again = RecentBoards::fromSettings(s);
    ASSERT_EQ(again.items().size(), 1u);
    EXPECT_EQ(again.items()[0].title, "two lines");
}

TEST_F(RecentBoardsTest, ALongTitleIsCutBetweenCharacters) {
    RecentBoards r;
    std::string title;
    for (int i = 0; i < 100; ++i) title += "客";  // 300 bytes
    r.add("/b/long.ccboard", title, 1);
    const std::string& kept = r.items()[0].title;
    EXPECT_LE(kept.size(), 200u);
    EXPECT_EQ(kept.size() % 3, 0u);
    EXPECT_EQ(kept, title.substr(0, kept.size()));
}

TEST_F(RecentBoardsTest, AMissingFileIsNotAvailableAServerBoardIs) {
    const std::string there = m_dir.file("there.ccboard");
    test::writeFile(there, "x");
    EXPECT_TRUE(RecentBoards::available({there, "", 0}));
    EXPECT_FALSE(RecentBoards::available({m_dir.file("gone.ccboard"), "", 0}));
    EXPECT_TRUE(RecentBoards::available({"postgresql://db.example/canvas?board=team", "", 0}));
}

}  // namespace
}  // namespace cc
