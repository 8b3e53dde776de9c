#include <gtest/gtest.h>

#include "canvas/presence.h"

using namespace cc;

TEST(Presence, ASelectionGoesIntoOneColumnAndBackAtMost200Ids) {
    EXPECT_EQ(selectionToColumn({}), "");
    EXPECT_TRUE(selectionFromColumn("").empty());
    EXPECT_EQ(selectionFromColumn(selectionToColumn({"n-a", "n-b"})), (std::vector<std::string>{"n-a", "n-b"}));
    std::vector<std::string> many;
    for (int i = 0; i < 500; ++i) many.push_back("n-" + std::to_string(i));
    const auto back = selectionFromColumn(selectionToColumn(many));
    ASSERT_EQ(back.size(), 200u);
    EXPECT_EQ(back.back(), "n-199");
    EXPECT_EQ(selectionFromColumn("  n-a   n-b "), (std::vector<std::string>{"n-a", "n-b"}));  // as stored by anyone
}
