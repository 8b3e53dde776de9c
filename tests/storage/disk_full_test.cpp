// A board on a full disk: a change is refused with one line that says the disk is full and names
// the file (not "disk I/O error", which sounds like a damaged board), reading still works, and
// once there is room again the next change is saved. A real small file system: a tmpfs mounted
// for the test (skipped only where mounting is not allowed).
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "test_util.h"

using namespace cc;
namespace fs = std::filesystem;

namespace {

struct FullDisk : ::testing::Test {
    test::TempDir dir;
    std::string mount, board;
    bool mounted = false;
    std::map<std::string, std::string> env;

    void SetUp() override {
        mount = dir.file("small");
        fs::create_directory(mount);
        if (::mount("tmpfs", mount.c_str(), "tmpfs", 0, "size=1m") != 0)
            GTEST_SKIP() << "cannot mount a small tmpfs here (" << std::strerror(errno) << "); needs root";
        mounted = true;
        board = mount + "/full.ccboard";
        env = {{"HOME", dir.file("home")}, {"XDG_CONFIG_HOME", dir.file("config")}};
    }
    void TearDown() override {
        if (mounted) ::umount2(mount.c_str(), MNT_DETACH);
    }
    test::Run cc(std::vector<std::string> args) {
        args.insert(args.begin(), CC_BINARY);
        args.insert(args.end(), {"--author", "tester"});
        return test::run(args, env);
    }
    /// Fills the file system to the last byte.
    void fill() {
        std::FILE* f = std::fopen((mount + "/filler").c_str(), "wb");
        ASSERT_NE(f, nullptr);
        std::setvbuf(f, nullptr, _IONBF, 0);
        const std::string block(4096, 'x');
        while (std::fwrite(block.data(), 1, block.size(), f) == block.size()) {
        }
        while (std::fwrite("x", 1, 1, f) == 1) {
        }
        std::fclose(f);
    }
};

}  // namespace

TEST_F(FullDisk, AChangeSaysTheDiskIsFullAndReadingStillWorks) {
    ASSERT_EQ(cc({"new", board}).status, 0);
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(cc({"add", board, "--text", "note " + std::to_string(i) + " 笔记", "--quadrant", "1"}).status, 0);
    fill();

    const auto add = cc({"add", board, "--text", "one too many", "--quadrant", "2"});
    EXPECT_NE(add.status, 0);
    EXPECT_EQ(std::count(add.err.begin(), add.err.end(), '\n'), 1) << add.err;
    EXPECT_NE(add.err.find(board + ": the disk is full (no room to write " + board), std::string::npos) << add.err;
    EXPECT_EQ(add.err.find("I/O error"), std::string::npos) << add.err;
    EXPECT_EQ(add.err.find("not a readable board"), std::string::npos) << add.err;

    for (const char* command : {"list", "check"}) {
        const auto r = cc({command, board});
        EXPECT_EQ(r.status, 0) << command << ": " << r.err;
        if (std::string(command) == "list")
            for (int i = 0; i < 3; ++i) EXPECT_NE(r.out.find("note " + std::to_string(i)), std::string::npos) << r.out;
    }
    EXPECT_EQ(test::dirEntries(mount), (std::set<std::string>{"filler", "full.ccboard"}));

    fs::remove(mount + "/filler");
    const auto again = cc({"add", board, "--text", "room again", "--quadrant", "2"});
    EXPECT_EQ(again.status, 0) << again.err;
    const auto check = cc({"check", board});
    EXPECT_EQ(check.status, 0) << check.err;
    EXPECT_NE(check.out.find("4 notes"), std::string::npos) << check.out;
}
