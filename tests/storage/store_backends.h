#pragma once
// Where the backend-agnostic storage tests keep their boards: a board file in a temporary
// folder, or a board on the PostgreSQL server named by CC_TEST_PG (scripts/test.sh starts a
// throwaway cluster and sets it). Without CC_TEST_PG the server cases skip, saying so.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <string>

#include "storage/pg/pg_conn.h"
#include "test_util.h"

namespace cc::test {

enum class Backend { File, Server };

inline const char* testServer() {
    const char* s = std::getenv("CC_TEST_PG");
    return (s && *s) ? s : nullptr;
}

inline constexpr const char* kNoServer =
    "CC_TEST_PG is not set: no PostgreSQL server to test against (scripts/test.sh starts a throwaway one)";

/// A board name no other test (or earlier run) uses.
inline std::string uniqueName(const std::string& base) {
    static std::atomic<int> counter{0};
    std::random_device rd;
    return base + "-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 100000) + "-" +
           std::to_string(counter++);
}

/// The test server's URI with another role in it (same password: the test password file has one
/// for every role).
inline std::string serverAs(const std::string& role) {
    std::string uri = testServer();
    const std::size_t scheme = uri.find("://") + 3;
    const std::size_t at = uri.find('@', scheme);
    return uri.substr(0, scheme) + role + uri.substr(at);
}

/// A connection as the test role, for setting up what a test needs from outside the program.
inline pg::Connection adminConnection(const std::string& uri = {}) {
    return pg::Connection::open({{"dbname", uri.empty() ? std::string(testServer()) : uri}});
}

/// A value-parameterised fixture: each test runs once on a board file and once on the server.
class StoreTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        if (GetParam() == Backend::Server && !testServer()) GTEST_SKIP() << kNoServer;
        // Local copies of server boards go into the test's folder, not the user's.
        ::setenv("XDG_STATE_HOME", m_dir.file("state").c_str(), 1);
    }
    bool onServer() const { return GetParam() == Backend::Server; }
    /// An address for a new board called `name` (nothing is created).
    std::string address(const std::string& name) {
        if (!onServer()) return m_dir.file(name + ".ccboard");
        return std::string(testServer()) + "?board=" + uniqueName(name);
    }
    TempDir m_dir;
};

inline std::string backendName(const ::testing::TestParamInfo<Backend>& info) {
    return info.param == Backend::File ? "File" : "Server";
}

}  // namespace cc::test
