// Sharing a board file: only the network-file-system check is file-only; pulling others'
// commits, converging and deletes that take links run for every backend in store_suite_test.cpp.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "test_util.h"

using namespace cc;

TEST(Sync, ALocalDiskIsNotANetworkFileSystem) {
    test::TempDir dir;
    EXPECT_FALSE(networkFileSystem(dir.file("board.ccboard")).has_value());
    EXPECT_FALSE(networkFileSystem("relative.ccboard").has_value());
}

TEST(Sync, NetworkFileSystemsAreFoundInTheMountTable) {
    // Lines in the form of /proc/self/mountinfo, as Linux writes them for these mounts.
    const std::string table =
        "22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw\n"
        "95 22 0:52 / /mnt/team rw,relatime shared:50 - nfs4 files.example.com:/export/team rw,vers=4.2\n"
        "96 22 0:53 / /mnt/share\\040drive rw,relatime shared:51 - cifs //nas/share rw,vers=3.1.1\n"
        "97 22 0:54 / /home/wang/remote rw,nosuid,nodev shared:52 - fuse.sshfs wang@host:/srv rw,user_id=1000\n"
        "98 22 0:55 / /home/wang/local rw,nosuid,nodev shared:53 - fuse.bindfs /data rw,user_id=1000\n"
        "99 95 0:56 / /mnt/team/scratch rw,relatime shared:54 - tmpfs tmpfs rw\n";
    EXPECT_EQ(networkFileSystemInMountInfo(table, "/mnt/team/boards"), "NFS");
    EXPECT_EQ(networkFileSystemInMountInfo(table, "/mnt/team"), "NFS");
    EXPECT_EQ(networkFileSystemInMountInfo(table, "/mnt/share drive/q4"), "SMB/CIFS");
    EXPECT_EQ(networkFileSystemInMountInfo(table, "/home/wang/remote"), "sshfs (FUSE)");
    EXPECT_FALSE(networkFileSystemInMountInfo(table, "/home/wang/local/boards"));  // a local FUSE file system
    EXPECT_FALSE(networkFileSystemInMountInfo(table, "/mnt/team/scratch/x"));      // a local disk mounted inside
    EXPECT_FALSE(networkFileSystemInMountInfo(table, "/mnt/teamwork"));            // a prefix is not a parent
    EXPECT_FALSE(networkFileSystemInMountInfo(table, "/home/wang"));
    EXPECT_FALSE(networkFileSystemInMountInfo("", "/home"));
    EXPECT_FALSE(networkFileSystemInMountInfo("garbage\nwithout the fields\n- -\n", "/home"));

    // And this machine's own table: the temporary folder is on a local disk.
    test::TempDir dir;
    std::ifstream in("/proc/self/mountinfo");
    const std::string own((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_FALSE(networkFileSystemInMountInfo(own, std::filesystem::canonical(dir.path()).string()));
}
