// Eight people's shell loops add and edit notes on one board at once, every command its own
// short-lived run of the program: a process opening the board while another commits, closes or
// checkpoints must never take the sound board for a truncated or malformed one. The race is
// rare per command (before the fix about one command in a thousand was refused), so the loops
// run for a fixed time rather than a fixed count: as many commands as the machine manages.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "storage/board_file.h"
#include "test_util.h"

using namespace cc;

namespace {

constexpr int kWriters = 8;
constexpr int kEditEvery = 3;  // one edit after every third add, as in the issue (60 adds, 20 edits)
constexpr auto kBudget = std::chrono::seconds(30);

struct Outcome {
    std::mutex mutex;
    std::map<std::string, int> errors;  // message -> how often
    std::map<std::string, std::string> texts;  // note id -> its last saved text
    int failures = 0;
    int commands = 0;
};

void shellLoop(const std::string& board, int writer, const std::map<std::string, std::string>& env,
               std::chrono::steady_clock::time_point deadline, Outcome& out) {
    std::mt19937 rng(static_cast<unsigned>(writer));
    std::vector<std::string> mine;
    std::map<std::string, std::string> texts;
    auto cli = [&](std::vector<std::string> args) -> std::optional<std::string> {
        args.insert(args.begin(), CC_BINARY);
        const auto r = test::run(args, env);
        std::lock_guard<std::mutex> lock(out.mutex);
        ++out.commands;
        if (r.status == 0) return test::chomp(r.out);
        ++out.failures;
        ++out.errors[test::chomp(r.err)];
        return std::nullopt;
    };
    for (int i = 1; std::chrono::steady_clock::now() < deadline; ++i) {
        const std::string text = "writer " + std::to_string(writer) + " note " + std::to_string(i);
        if (auto id = cli({"add", board, "--text", text, "--quadrant", std::to_string(1 + i % 4)})) {
            mine.push_back(*id);
            texts[*id] = text;
        }
        if (i % kEditEvery == 0 && !mine.empty()) {
            const std::string& id = mine[rng() % mine.size()];
            const std::string edited = "writer " + std::to_string(writer) + " edit " + std::to_string(i);
            if (cli({"edit", board, id, "--text", edited})) texts[id] = edited;
        }
    }
    std::lock_guard<std::mutex> lock(out.mutex);
    out.texts.insert(texts.begin(), texts.end());
}

}  // namespace

TEST(OpenUnderLoad, EightShellLoopsOfShortLivedCommandsAreNeverRefused) {
    test::TempDir dir;
    const std::map<std::string, std::string> env{{"XDG_CONFIG_HOME", dir.file("config")}, {"HOME", dir.file("home")}};
    const std::string board = dir.file("c.ccboard");
    ASSERT_EQ(test::run({CC_BINARY, "new", board}, env).status, 0);

    Outcome out;
    std::vector<std::thread> loops;
    const auto deadline = std::chrono::steady_clock::now() + kBudget;
    for (int w = 1; w <= kWriters; ++w)
        loops.emplace_back(shellLoop, board, w, std::cref(env), deadline, std::ref(out));
    for (auto& t : loops) t.join();
    std::printf("%d commands run by %d loops, %d refused\n", out.commands, kWriters, out.failures);

    std::string report;
    for (const auto& [message, count] : out.errors) report += "\n  " + std::to_string(count) + "x " + message;
    EXPECT_EQ(out.failures, 0) << "commands refused under load:" << report;

    // Every saved command is in the board, and the board is sound.
    auto file = BoardFile::open(board, BoardFile::Mode::ReadOnly);
    auto doc = file->load();
    EXPECT_EQ(doc->notes().size(), out.texts.size());
    for (const auto& [id, text] : out.texts) {
        const Note* n = doc->note(id);
        ASSERT_NE(n, nullptr) << id;
        EXPECT_EQ(n->text, text) << id;
    }
    EXPECT_TRUE(file->integrityProblems().empty());
    file.reset();
    const auto check = test::run({CC_BINARY, "check", board}, env);
    EXPECT_EQ(check.status, 0) << check.err;
}
