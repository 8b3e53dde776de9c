// Reading a board this user may not write (another user's board, a file of mode 444, a board in
// a read-only folder) always works and leaves nothing behind: no -wal or -shm file of the
// reader's that would later stop the owner's changes. The program runs as real other users
// (setpriv to unprivileged user ids), since root ignores file modes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "test_util.h"

using namespace cc;
namespace fs = std::filesystem;

namespace {

constexpr uid_t kOwner = 40001;
constexpr uid_t kOther = 40002;

struct ReadOnlyBoard : ::testing::Test {
    test::TempDir dir;
    std::string folder, board;

    void SetUp() override {
        if (::geteuid() != 0) GTEST_SKIP() << "needs root to run the program as other users";
        ::chmod(dir.path().c_str(), 0755);
        folder = dir.file("boards");
        fs::create_directory(folder);
        board = folder + "/team.ccboard";
    }

    /// Runs the program as user `uid` (and group of the same number, no others).
    test::Run as(uid_t uid, std::vector<std::string> args) {
        const std::string id = std::to_string(uid);
        args.insert(args.begin(), {"/usr/bin/setpriv", "--reuid=" + id, "--regid=" + id, "--clear-groups", CC_BINARY});
        return test::run(args, {{"HOME", "/nonexistent"}, {"XDG_CONFIG_HOME", "/nonexistent"}});
    }
    void ok(uid_t uid, const std::vector<std::string>& args) {
        const auto r = as(uid, args);
        ASSERT_EQ(r.status, 0) << args[0] << " as " << uid << ": " << r.err;
    }
    /// The owner makes the board (closed again, so no -wal or -shm) with one note.
    void ownerMakesBoard(mode_t folderMode) {
        ::chown(folder.c_str(), kOwner, kOwner);
        ::chmod(folder.c_str(), folderMode);
        ok(kOwner, {"new", board});
        ok(kOwner, {"add", board, "--text", "first note 第一条", "--quadrant", "1", "--author", "owner"});
        ASSERT_EQ(test::dirEntries(folder), std::set<std::string>{"team.ccboard"});
    }
    void expectListed(uid_t uid, const std::string& text) {
        const auto r = as(uid, {"list", board});
        EXPECT_EQ(r.status, 0) << r.err;
        EXPECT_NE(r.out.find(text), std::string::npos) << r.out;
    }
};

}  // namespace

TEST_F(ReadOnlyBoard, AnotherUsersListLeavesNothingThatStopsTheOwner) {
    ownerMakesBoard(0777);  // a shared folder anyone may write
    expectListed(kOther, "first note");
    EXPECT_EQ(test::dirEntries(folder), std::set<std::string>{"team.ccboard"}) << "the read left files behind";
    ok(kOwner, {"add", board, "--text", "second note", "--quadrant", "2", "--author", "owner"});
    expectListed(kOther, "second note");
    const auto check = as(kOwner, {"check", board});
    EXPECT_EQ(check.status, 0) << check.err;
}

TEST_F(ReadOnlyBoard, ListWorksInAFolderTheReaderMayNotWrite) {
    ownerMakesBoard(0755);
    expectListed(kOther, "first note");
    ::chmod(folder.c_str(), 0555);  // now not even the owner may write the folder
    expectListed(kOwner, "first note");
    const auto check = as(kOther, {"check", board});
    EXPECT_EQ(check.status, 0) << check.err;
    EXPECT_EQ(test::dirEntries(folder), std::set<std::string>{"team.ccboard"});
    // Changing it is refused in one line that says why.
    const auto add = as(kOwner, {"add", board, "--text", "x", "--author", "owner"});
    EXPECT_NE(add.status, 0);
    EXPECT_NE(add.err.find(board + ": is in a folder this user may not write"), std::string::npos) << add.err;
    EXPECT_EQ(std::count(add.err.begin(), add.err.end(), '\n'), 1) << add.err;
}

TEST_F(ReadOnlyBoard, AFileOfMode444IsReadWithoutLeavingFiles) {
    ownerMakesBoard(0755);
    ::chmod(board.c_str(), 0444);
    expectListed(kOwner, "first note");
    expectListed(kOther, "first note");
    EXPECT_EQ(test::dirEntries(folder), std::set<std::string>{"team.ccboard"});
    const auto add = as(kOwner, {"add", board, "--text", "x", "--author", "owner"});
    EXPECT_NE(add.status, 0);
    EXPECT_NE(add.err.find(board + ": is read-only for this user"), std::string::npos) << add.err;
    ::chmod(board.c_str(), 0644);
    ok(kOwner, {"add", board, "--text", "after 444", "--quadrant", "3", "--author", "owner"});
}

TEST_F(ReadOnlyBoard, AnotherUserReadsWhileTheOwnerEdits) {
    // The owner's program has the board open and commits all the time, so its -wal and -shm are
    // there: the other user reads through them (read-only) and makes none of its own.
    ownerMakesBoard(0777);
    const std::string owner = std::to_string(kOwner);
    const pid_t editor = ::fork();
    if (editor == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::execl("/usr/bin/setpriv", "setpriv", ("--reuid=" + owner).c_str(), ("--regid=" + owner).c_str(),
                "--clear-groups", CC_EDIT_LOOP, board.c_str(), "7", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!fs::exists(board + "-shm") && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
    ASSERT_TRUE(fs::exists(board + "-shm"));
    for (int i = 0; i < 20; ++i) {
        const auto r = as(kOther, {"list", board, "--json"});
        EXPECT_EQ(r.status, 0) << "read " << i << ": " << r.err;
        for (const auto& e : fs::directory_iterator(folder)) {
            struct stat st{};
            ::stat(e.path().c_str(), &st);
            EXPECT_EQ(st.st_uid, kOwner) << e.path() << " was made by the reader";
        }
    }
    ::kill(editor, SIGKILL);
    ::waitpid(editor, nullptr, 0);
    ok(kOwner, {"add", board, "--text", "after the editor", "--quadrant", "4", "--author", "owner"});
    const auto check = as(kOwner, {"check", board});
    EXPECT_EQ(check.status, 0) << check.err;
}

TEST_F(ReadOnlyBoard, AnOldLeftoverOfAnotherUserIsNamedWhenItBlocksAChange) {
    // Left by an earlier version's read as another user: the owner may not write it.
    ownerMakesBoard(0777);
    test::writeFile(board + "-shm", "");
    ::chown((board + "-shm").c_str(), kOther, kOther);
    ::chmod((board + "-shm").c_str(), 0644);
    const auto add = as(kOwner, {"add", board, "--text", "x", "--author", "owner"});
    EXPECT_NE(add.status, 0);
    EXPECT_NE(add.err.find(board + ": " + board + "-shm belongs to user " + std::to_string(kOther)), std::string::npos)
        << add.err;
    EXPECT_NE(add.err.find("remove it while nobody has the board open"), std::string::npos) << add.err;
    fs::remove(board + "-shm");
    ok(kOwner, {"add", board, "--text", "after removing it", "--quadrant", "1", "--author", "owner"});
}
