// Collaboration stress, on a board file and on the team server: 8 processes edit one board at once, 6 through the library (as
// windows do, pulling each other's commits) and 2 through the command line, 500 mixed edits
// each. Afterwards every committed edit is there, the file is sound, and every library
// process's view of the board equals a fresh load.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "storage/json_listing.h"
#include "store_backends.h"
#include "test_util.h"

using namespace cc;

namespace {

constexpr int kEdits = 500;

struct Expected {
    std::string text;
    double x = 0, y = 0;
    int quadrant = 0;
};

std::map<std::string, Expected> readExpected(const std::string& path) {
    std::map<std::string, Expected> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream s(line);
        std::string id, text, x, y, q;
        std::getline(s, id, '\t');
        std::getline(s, text, '\t');
        std::getline(s, x, '\t');
        std::getline(s, y, '\t');
        std::getline(s, q, '\t');
        out[id] = {text, std::stod(x), std::stod(y), std::stoi(q)};
    }
    return out;
}

/// A library writer: a child process with a pipe to its stdin and one from its stdout.
struct Writer {
    pid_t pid = -1;
    int toChild = -1, fromChild = -1;
    std::string expected, view;
};

Writer startWriter(const std::string& board, unsigned seed, const test::TempDir& dir) {
    Writer w;
    w.expected = dir.file("expected-" + std::to_string(seed));
    w.view = dir.file("view-" + std::to_string(seed) + ".json");
    int in[2], out[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0) return w;
    w.pid = ::fork();
    if (w.pid == 0) {
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        ::close(in[1]);
        ::close(out[0]);
        const std::string s = std::to_string(seed), n = std::to_string(kEdits);
        ::execl(CC_SYNC_WRITER, CC_SYNC_WRITER, board.c_str(), s.c_str(), n.c_str(), w.expected.c_str(), w.view.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    w.toChild = in[1];
    w.fromChild = out[0];
    return w;
}

std::string readLine(int fd) {
    std::string line;
    char c;
    while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
    return line;
}

/// A command-line writer: 500 edits, each one run of the program.
void cliWriter(const std::string& board, unsigned seed, std::map<std::string, Expected>& expected, int& failures,
               std::string& firstError) {
    std::mt19937 rng(seed);
    std::vector<std::string> mine;
    auto cli = [&](std::vector<std::string> args) {
        args.insert(args.begin(), CC_BINARY);
        auto r = test::run(args);
        if (r.status != 0 && failures++ == 0) firstError = r.err;
        return test::chomp(r.out);
    };
    for (int i = 0; i < kEdits; ++i) {
        const int op = static_cast<int>(rng() % 10);
        if (mine.empty() || op < 4) {
            const std::string text = "cli " + std::to_string(seed) + " note " + std::to_string(i) + " 命令行";
            const std::string id = cli({"add", board, "--text", text, "--source", "complaint", "--quadrant",
                                        std::to_string(1 + rng() % 4), "--author", "cli"});
            mine.push_back(id);
            expected[id].text = text;
        } else if (op < 7) {
            const std::string& id = mine[rng() % mine.size()];
            const std::string text = "cli " + std::to_string(seed) + " edit " + std::to_string(i);
            cli({"edit", board, id, "--text", text});
            expected[id].text = text;
        } else if (op < 9) {
            const std::string& id = mine[rng() % mine.size()];
            cli({"edit", board, id, "--quadrant", std::to_string(1 + rng() % 4)});
        } else {
            const std::size_t k = rng() % mine.size();
            cli({"delete", board, mine[k]});
            expected.erase(mine[k]);
            mine.erase(mine.begin() + static_cast<long>(k));
        }
    }
}

}  // namespace

using Stress = test::StoreTest;
INSTANTIATE_TEST_SUITE_P(Backends, Stress, ::testing::Values(test::Backend::File, test::Backend::Server), test::backendName);

TEST_P(Stress, EightWritersAtOnceLoseNothingAndEveryViewEqualsTheStore) {
    const test::TempDir& dir = m_dir;
    const std::string board = address("workshop");
    createBoard(board, makeBoard("Stress 压力"), "test");

    std::vector<Writer> writers;
    for (unsigned seed = 1; seed <= 6; ++seed) writers.push_back(startWriter(board, seed, dir));
    std::map<std::string, Expected> cliExpected[2];
    int cliFailures[2] = {0, 0};
    std::string cliErrors[2];
    std::thread cli1([&] { cliWriter(board, 101, cliExpected[0], cliFailures[0], cliErrors[0]); });
    std::thread cli2([&] { cliWriter(board, 102, cliExpected[1], cliFailures[1], cliErrors[1]); });

    for (auto& w : writers) ASSERT_EQ(readLine(w.fromChild), "edits done");
    cli1.join();
    cli2.join();
    EXPECT_EQ(cliFailures[0] + cliFailures[1], 0) << "a command-line edit failed: " << cliErrors[0] << cliErrors[1];
    // Everyone is done: each library writer pulls once more and writes down its view.
    for (auto& w : writers) {
        ASSERT_EQ(::write(w.toChild, "go\n", 3), 3);
        ::close(w.toChild);
        int status = 0;
        ::waitpid(w.pid, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        ::close(w.fromChild);
    }

    auto file = openBoard(board, BoardStore::Mode::ReadOnly);
    EXPECT_TRUE(file->integrityProblems().empty());
    auto fresh = file->load();
    EXPECT_TRUE(fresh->checkInvariants().empty());
    const std::string truth = boardToJson(*fresh);
    for (const auto& w : writers) {
        for (const auto& [id, e] : readExpected(w.expected)) {
            const Note* n = fresh->note(id);
            ASSERT_NE(n, nullptr) << "a committed note of " << w.expected << " is missing";
            EXPECT_EQ(n->text, e.text);
            // Exactly: a coordinate comes back from the store as it was committed, to the last bit.
            EXPECT_EQ(n->x, e.x);
            EXPECT_EQ(n->y, e.y);
            EXPECT_EQ(n->quadrant, e.quadrant);
        }
        EXPECT_EQ(test::readFile(w.view), truth) << w.view << " differs from a fresh load";
    }
    for (const auto& expected : cliExpected)
        for (const auto& [id, e] : expected) {
            const Note* n = fresh->note(id);
            ASSERT_NE(n, nullptr) << "a note the command line reported is missing";
            EXPECT_EQ(n->text, e.text);
        }
    EXPECT_GE(file->lastSequence(), 8 * kEdits / 2);
}
