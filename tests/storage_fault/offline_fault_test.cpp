// Connection trouble on the team server: the server is stopped (pg_ctl stop -m fast) in the
// middle of a burst of edits from two clients and started again; afterwards every edit is there
// exactly once. And a program started while the server is away opens the board from its local
// copy and loses nothing. These stop the shared test cluster, so ctest runs them alone.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "canvas/board_factory.h"
#include "storage/board_store.h"
#include "canvas/editor.h"
#include "storage/store_backends.h"
#include "test_util.h"

using namespace cc;
using namespace cc::test;

namespace {

/// Stops or starts the test cluster's server (scripts/pg_cluster.sh pause / resume).
/// (std::system, not test::run: a server started here keeps every descriptor it inherits, and
/// run() would wait for its pipes to close.)
void cluster(const std::string& what) {
    const char* dir = std::getenv("CC_TEST_PG_DIR");
    const std::string cmd = std::string("/bin/bash '") + CC_PG_CLUSTER + "' " + what + " '" + (dir ? dir : "") + "' >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

struct Fault : ::testing::Test {
    TempDir dir;
    void SetUp() override {
        if (!testServer()) GTEST_SKIP() << kNoServer;
        if (!std::getenv("CC_TEST_PG_DIR")) GTEST_SKIP() << "CC_TEST_PG_DIR is not set: the test cannot stop the server";
        ::setenv("XDG_STATE_HOME", dir.file("state").c_str(), 1);
    }
    void TearDown() override {
        // Whatever happened, leave the server running for the tests after this one.
        if (testServer() && std::getenv("CC_TEST_PG_DIR")) cluster("resume");
    }
};

/// A writer child process and what it said so far.
struct Writer {
    pid_t pid = -1;
    int out = -1;
    std::thread reader;
    int edits = 0, offline = 0;
    bool synced = false;
    std::string last;
};

}  // namespace

TEST_F(Fault, TheServerStopsInABurstOfEditsFromTwoClientsAndEveryEditIsThereExactlyOnce) {
    const std::string address = std::string(testServer()) + "?board=" + uniqueName("fault");
    createBoard(address, makeBoard("Fault 故障"), "test");
    constexpr int kEdits = 400;
    std::mutex m;
    std::condition_variable changed;
    Writer writers[2];
    const std::string tags[2] = {"alpha", "beta"};
    for (int w = 0; w < 2; ++w) {
        int p[2];
        ASSERT_EQ(::pipe(p), 0);
        writers[w].pid = ::fork();
        if (writers[w].pid == 0) {
            ::dup2(p[1], 1);
            ::close(p[0]);
            const std::string n = std::to_string(kEdits);
            ::execl(CC_OFFLINE_WRITER, CC_OFFLINE_WRITER, address.c_str(), tags[w].c_str(), n.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(p[1]);
        writers[w].out = p[0];
        writers[w].reader = std::thread([&, w] {
            std::string line;
            char c;
            while (::read(writers[w].out, &c, 1) == 1) {
                if (c != '\n') {
                    line += c;
                    continue;
                }
                std::lock_guard<std::mutex> lock(m);
                if (line.rfind("edit ", 0) == 0) {
                    ++writers[w].edits;
                    if (line.find("offline") != std::string::npos) ++writers[w].offline;
                } else if (line == "synced") {
                    writers[w].synced = true;
                }
                writers[w].last = line;
                line.clear();
                changed.notify_all();
            }
            std::lock_guard<std::mutex> lock(m);
            writers[w].last += " (ended)";
            changed.notify_all();
        });
    }
    auto waitFor = [&](auto&& condition, const char* what) {
        std::unique_lock<std::mutex> lock(m);
        const bool ok = changed.wait_for(lock, std::chrono::seconds(90), condition);
        EXPECT_TRUE(ok) << what << "; writers said: " << writers[0].last << " / " << writers[1].last;
        return ok;
    };
    // In the middle of the burst: both have made some edits, and have more to make.
    waitFor([&] { return writers[0].edits >= 30 && writers[1].edits >= 30; }, "both writers started");
    cluster("pause");
    // Both keep working meanwhile; their edits wait on the local disk.
    const bool offlineSeen =
        waitFor([&] { return writers[0].offline >= 5 && writers[1].offline >= 5; }, "both writers kept editing offline");
    cluster("resume");
    waitFor([&] { return writers[0].synced && writers[1].synced; }, "both writers sent every kept edit");
    for (auto& w : writers) {
        int status = 0;
        ::waitpid(w.pid, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << w.last;
        w.reader.join();
        ::close(w.out);
    }
    ASSERT_TRUE(offlineSeen);

    auto store = openBoard(address, BoardStore::Mode::ReadOnly);
    auto doc = store->load();
    std::map<std::string, int> count;
    for (const auto& [id, n] : doc->notes()) ++count[n.text];
    for (const auto& tag : tags)
        for (int i = 0; i < kEdits; ++i) EXPECT_EQ(count[tag + " " + std::to_string(i)], 1) << tag << " " << i;
    EXPECT_EQ(doc->notes().size(), 2u * kEdits);
    std::map<std::string, int> logged;
    for (const auto& e : store->changeLog()) ++logged[e.author];
    EXPECT_EQ(logged["alpha"], kEdits);
    EXPECT_EQ(logged["beta"], kEdits);
    EXPECT_TRUE(store->integrityProblems().empty());
    EXPECT_TRUE(doc->checkInvariants().empty());
}

TEST_F(Fault, AProgramStartedWhileTheServerIsAwayOpensTheLocalCopyAndLosesNothing) {
    const std::string address = std::string(testServer()) + "?board=" + uniqueName("restart");
    std::map<std::string, std::string> env{{"XDG_STATE_HOME", dir.file("state")}, {"HOME", dir.file("home")},
                                           {"XDG_CONFIG_HOME", dir.file("config")}};
    auto cli = [&](std::vector<std::string> args) {
        args.insert(args.begin(), CC_BINARY);
        auto r = run(args, env);
        EXPECT_EQ(r.status, 0) << r.err;
        return r.out;
    };
    cli({"new", address});
    const std::string first = chomp(cli({"add", address, "--text", "made online", "--quadrant", "1"}));
    cluster("pause");
    // Each of these is a new program, started while the server is away.
    const std::string second = chomp(cli({"add", address, "--text", "made offline 离线", "--quadrant", "2"}));
    cli({"edit", address, first, "--text", "edited offline"});
    const std::string listed = cli({"list", address});
    EXPECT_NE(listed.find("made offline 离线"), std::string::npos) << listed;
    EXPECT_NE(listed.find("edited offline"), std::string::npos) << listed;
    // Without a local copy there is nothing to open: one line that says the server is away.
    auto away = run({CC_BINARY, "list", std::string(testServer()) + "?board=" + uniqueName("never-seen")}, env);
    EXPECT_EQ(away.status, 1);
    EXPECT_NE(away.err.find("cannot connect to the server"), std::string::npos) << away.err;
    cluster("resume");
    // The next program that opens the board sends what waited, once.
    const std::string after = cli({"list", address});
    EXPECT_NE(after.find("made offline 离线"), std::string::npos) << after;
    EXPECT_NE(after.find("edited offline"), std::string::npos) << after;
    cli({"list", address});
    auto store = openBoard(address, BoardStore::Mode::ReadOnly);
    EXPECT_EQ(store->changeLog().size(), 4u);  // created, added, added offline, edited offline
    auto doc = store->load();
    EXPECT_EQ(doc->notes().size(), 2u);
    EXPECT_EQ(doc->note(second)->text, "made offline 离线");
    EXPECT_EQ(doc->note(first)->text, "edited offline");
}
