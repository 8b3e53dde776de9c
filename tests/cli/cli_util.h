#pragma once
// What the command-line tests share: running the program under test (CC_BINARY) as a user
// would, and checking that a command succeeded.

#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <string>
#include <vector>

#include "test_util.h"

namespace cc::test {

/// Runs customer-canvas with these arguments and extra environment variables.
inline Run runCli(std::vector<std::string> args, const std::map<std::string, std::string>& env) {
    args.insert(args.begin(), CC_BINARY);
    return run(args, env);
}

/// The stdout of a command that must have succeeded quietly (status 0, nothing on stderr).
inline std::string succeeded(const Run& r, const std::string& command) {
    EXPECT_EQ(r.status, 0) << command << ": " << r.err;
    EXPECT_EQ(r.err, "") << command;
    return r.out;
}

/// A board in a folder of its own, with the program run in English and its settings in that
/// folder: the shape of the command-line tests of one feature.
struct BoardCliTest : ::testing::Test {
    TempDir dir;
    std::string board = dir.file("b.ccboard");
    std::map<std::string, std::string> env{{"LANG", "C.UTF-8"}, {"LANGUAGE", ""}, {"LC_ALL", ""}, {"LC_MESSAGES", ""},
                                           {"HOME", dir.file("home")}, {"XDG_CONFIG_HOME", dir.file("config")}};

    cc::test::Run cli(std::vector<std::string> args) { return runCli(std::move(args), env); }
    /// The stdout of a command that must succeed quietly.
    std::string ok(std::vector<std::string> args) {
        const cc::test::Run r = cli(args);
        std::string command;
        for (const auto& a : args) command += a + " ";
        return succeeded(r, command);
    }
};

/// The program under test on a pseudo-terminal, as a person at a terminal runs it.
struct Terminal {
    int master = -1;
    pid_t pid = -1;
    std::string out;  ///< everything the terminal has received so far

    /// Starts CC_BINARY with `args`, the variables `env` set and `unset` removed.
    static Terminal start(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                          const std::vector<std::string>& unset = {}) {
        Terminal t;
        t.pid = ::forkpty(&t.master, nullptr, nullptr, nullptr);
        if (t.pid == 0) {
            for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
            for (const auto& k : unset) ::unsetenv(k.c_str());
            std::vector<char*> argv{const_cast<char*>(CC_BINARY)};
            for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        return t;
    }
    /// Reads what arrives within `ms` milliseconds; false when nothing did (or the program has
    /// ended and closed the terminal).
    bool readSome(int ms) {
        pollfd p{master, POLLIN, 0};
        if (::poll(&p, 1, ms) <= 0) return false;
        char buf[512];
        const ssize_t n = ::read(master, buf, sizeof buf);
        if (n <= 0) return false;
        out.append(buf, static_cast<std::size_t>(n));
        return true;
    }
    /// Reads until the program closes the terminal, waits for it and returns its wait status.
    int finish() {
        while (readSome(20000)) {
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        ::close(master);
        return status;
    }
};

/// Changes a board file behind the program's back, as another program would (one row changed).
inline void execSql(const std::string& board, const std::string& statements) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(board.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    EXPECT_EQ(sqlite3_changes(db), 1) << statements;
    sqlite3_free(err);
    sqlite3_close(db);
}

}  // namespace cc::test
