// Sharing a board file: only the network-file-system check is file-only; pulling others'
// commits, converging and deletes that take links run for every backend in store_suite_test.cpp.
#include <gtest/gtest.h>

#include "board_factory.h"
#include "board_file.h"
#include "editor.h"
#include "geometry.h"
#include "test_util.h"

using namespace cc;

TEST(Sync, ALocalDiskIsNotANetworkFileSystem) {
    test::TempDir dir;
    EXPECT_FALSE(networkFileSystem(dir.file("board.ccboard")).has_value());
    EXPECT_FALSE(networkFileSystem("relative.ccboard").has_value());
}
