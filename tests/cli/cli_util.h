#pragma once
// What the command-line tests share: running the program under test (CC_BINARY) as a user
// would, and checking that a command succeeded.

#include <gtest/gtest.h>
#include <sqlite3.h>

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
