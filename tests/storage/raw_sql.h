#pragma once
// SQL run on a board as another program would run it (`sqlite3` on the file, a plain connection
// on the server): for tests of rows the program did not write.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "storage/pg/pg_address.h"
#include "store_backends.h"

namespace cc::test {

/// Runs SQL on the board as another program would: `sqlite3` on the file, or a plain
/// connection on the server ($1 is the board's name there).
inline void rawSql(bool server, const std::string& address, const std::string& sqliteSql, const std::string& pgSql) {
    if (!server) {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open_v2(address.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
        sqlite3_busy_timeout(db, 10000);
        char* error = nullptr;
        const int rc = sqlite3_exec(db, sqliteSql.c_str(), nullptr, nullptr, &error);
        EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "") << " in " << sqliteSql;
        sqlite3_free(error);
        sqlite3_close(db);
        return;
    }
    adminConnection().exec(pgSql.c_str(), {pg::parseServerAddress(address, "").board});
}

/// One value as stored now, read as that other program would read it.
inline std::string rawValue(bool server, const std::string& address, const std::string& sqliteSql, const std::string& pgSql) {
    if (!server) {
        sqlite3* db = nullptr;
        sqlite3_open_v2(address.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, sqliteSql.c_str(), -1, &st, nullptr);
        std::string v;
        if (sqlite3_step(st) == SQLITE_ROW) v = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        sqlite3_close(db);
        return v;
    }
    return adminConnection().exec(pgSql.c_str(), {pg::parseServerAddress(address, "").board}).text(0, 0, 1000);
}

}  // namespace cc::test
