// The command line on a board on the team server: every command takes a postgresql:// address
// with --board NAME or ?board=NAME. Runs against CC_TEST_PG (scripts/test.sh starts a cluster).

#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <chrono>
#include <random>
#include <sys/stat.h>
#include <regex>

#include "storage/store_backends.h"
#include "cli_util.h"
#include "test_util.h"

using cc::test::TempDir;

namespace {

struct CliServer : ::testing::Test {
    TempDir dir;
    std::string server;
    std::string name;
    std::map<std::string, std::string> env{{"XDG_CONFIG_HOME", dir.file("config")}, {"HOME", dir.file("home")},
                                           {"XDG_STATE_HOME", dir.file("state")}};

    void SetUp() override {
        if (!cc::test::testServer()) GTEST_SKIP() << cc::test::kNoServer;
        server = cc::test::testServer();
        name = cc::test::uniqueName("cli 看板");
    }
    cc::test::Run cc(const std::vector<std::string>& args) { return cc::test::runCli(args, env); }
    std::string ok(const std::vector<std::string>& args) { return cc::test::chomp(cc::test::succeeded(cc(args), args[0])); }
};

}  // namespace

TEST_F(CliServer, EveryCommandWorksOnAServerBoard) {
    EXPECT_NE(ok({"new", server, "--board", name, "--title", "Team 团队"}).find("created postgresql://"), std::string::npos);
    const std::string a = ok({"add", server, "--board", name, "--text", "转账失败率 3.2%", "--source", "web_callcenter",
                              "--quadrant", "2", "--tag", "mobile"});
    EXPECT_TRUE(std::regex_match(a, std::regex("n-[a-z0-9]{10}"))) << a;
    // The board's name may come in the address instead, percent-encoded.
    std::string encoded;
    for (unsigned char c : name) {
        if (c == ' ') encoded += "%20";
        else encoded += static_cast<char>(c);
    }
    const std::string inUri = server + "?board=" + encoded;
    const std::string b = ok({"add", inUri, "--text", "Survey: 81% satisfied", "--source", "survey", "--quadrant", "3"});
    const std::string l = ok({"link", server, a, b, "--kind", "conflicts", "--board", name});
    EXPECT_EQ(l.rfind("l-", 0), 0u);
    ok({"edit", server, "--board", name, b, "--votes", "4", "--text", "Survey: 82% satisfied"});
    const std::string listed = ok({"list", inUri, "--json"});
    EXPECT_NE(listed.find("Survey: 82% satisfied"), std::string::npos);
    EXPECT_NE(listed.find(l), std::string::npos);
    EXPECT_NE(ok({"list", server, "--board", name}).find("Team 团队"), std::string::npos);

    cc::test::writeFile(dir.file("notes.md"), "# Findings\n\nCustomers wait too long.\n\n客户等待时间太长。\n");
    EXPECT_NE(ok({"import", server, "--board", name, dir.file("notes.md")}).find("2 candidates added"), std::string::npos);
    EXPECT_NE(ok({"check", server, "--board", name}).find(": ok (4 notes, 1 links"), std::string::npos);

    ok({"export", server, "--board", name, "--out", dir.file("backup.json")});
    const std::string restored = cc::test::uniqueName("restored");
    ok({"restore", dir.file("backup.json"), server, "--board", restored});
    ok({"export", server + "?board=" + restored, "--out", dir.file("again.json")});
    EXPECT_EQ(cc::test::readFile(dir.file("backup.json")), cc::test::readFile(dir.file("again.json")));

    ok({"copy", inUri, dir.file("copy.ccboard")});
    ok({"export", dir.file("copy.ccboard"), "--out", dir.file("copy.json")});
    EXPECT_EQ(cc::test::readFile(dir.file("backup.json")), cc::test::readFile(dir.file("copy.json")));

    const std::string month = ok({"summary", server, "--board", name, "--month", "2026-11", "--out", dir.file("s.md")});
    EXPECT_TRUE(std::filesystem::exists(dir.file("s.md")));

    EXPECT_NE(ok({"delete", server, "--board", name, a}).find("and its 1 link"), std::string::npos);
    EXPECT_EQ(ok({"list", inUri, "--json"}).find(a), std::string::npos);
}

TEST_F(CliServer, RefusalsAreOneLineNamingTheAddress) {
    auto refused = [&](std::vector<std::string> args, const std::string& words) {
        auto r = cc(args);
        EXPECT_EQ(r.status, 1) << r.out;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_NE(r.err.find(words), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("postgresql://"), std::string::npos) << r.err;
    };
    refused({"list", server}, "--board NAME");
    refused({"list", server, "--board", name}, "no board named");
    ok({"new", server, "--board", name});
    refused({"new", server, "--board", name}, "already exists");
    refused({"edit", server, "--board", name, "n-nosuchnote", "--votes", "1"}, "no note with id");
    const std::string port = server.substr(server.rfind(':') + 1, server.rfind('/') - server.rfind(':') - 1);
    std::string closed = server;
    closed.replace(closed.rfind(':') + 1, port.size(), "1");
    refused({"list", closed, "--board", name}, "cannot connect");
    // --board on a file is a mistake, said so.
    auto r = cc({"list", dir.file("x.ccboard"), "--board", "x"});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("--board names a board on a team server"), std::string::npos) << r.err;
}

TEST_F(CliServer, AReadOnlyRoleListsButCannotAdd) {
    ok({"new", server, "--board", name});
    ok({"add", server, "--board", name, "--text", "visible", "--quadrant", "1"});
    // A role of its own (the cluster is thrown away afterwards, roles and all).
    const std::string role = "cc_clireader_" + std::to_string(::getpid()) + "_" + std::to_string(std::random_device()() % 100000);
    const char* pw = std::getenv("CC_TEST_PG_PASSWORD");
    ASSERT_NE(pw, nullptr);
    auto c = cc::test::adminConnection();
    c.script(("CREATE ROLE " + role + " LOGIN PASSWORD '" + pw +
              "'; GRANT USAGE ON SCHEMA customer_canvas TO " + role +
              "; GRANT SELECT ON ALL TABLES IN SCHEMA customer_canvas TO " + role)
                 .c_str());
    const std::string asReader = cc::test::serverAs(role);
    EXPECT_NE(ok({"list", asReader, "--board", name}).find("visible"), std::string::npos);
    auto r = cc({"add", asReader, "--board", name, "--text", "not allowed", "--quadrant", "1"});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find("may only read this board"), std::string::npos) << r.err;
    EXPECT_EQ(ok({"list", server, "--board", name}).find("not allowed"), std::string::npos);
}

TEST_F(CliServer, OnATerminalThePasswordIsAskedForAndNeverWrittenDown) {
    ok({"new", server, "--board", name});
    // A role whose password is in no password file and no environment variable.
    const std::string role = "cc_prompted_" + std::to_string(::getpid()) + "_" + std::to_string(std::random_device()() % 100000);
    const std::string password = "typed-" + std::to_string(std::random_device()());
    auto c = cc::test::adminConnection();
    c.script(("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'; GRANT USAGE ON SCHEMA customer_canvas TO " +
              role + "; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA customer_canvas TO " + role)
                 .c_str());
    cc::test::writeFile(dir.file("empty-pgpass"), "");
    ::chmod(dir.file("empty-pgpass").c_str(), 0600);
    const std::string address = cc::test::serverAs(role);

    // Not on a terminal: libpq's own reason, on one line, and no prompt.
    auto env2 = env;
    env2["PGPASSFILE"] = dir.file("empty-pgpass");
    env2.erase("PGPASSWORD");
    auto r = cc::test::run({CC_BINARY, "list", address, "--board", name}, env2);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("no password supplied"), std::string::npos) << r.err;

    // On a terminal: asked for, typed, and the note is added.
    cc::test::Terminal t = cc::test::Terminal::start({"add", address, "--board", name, "--text", "typed in", "--quadrant", "1"},
                                                     env2, {"PGPASSWORD"});
    ASSERT_GE(t.pid, 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (t.out.find("Password for") == std::string::npos && std::chrono::steady_clock::now() < deadline) t.readSome(200);
    ASSERT_NE(t.out.find("Password for"), std::string::npos) << t.out;
    EXPECT_EQ(t.out.find(password), std::string::npos);
    const std::string line = password + "\n";
    ASSERT_EQ(::write(t.master, line.data(), line.size()), static_cast<ssize_t>(line.size()));
    const int status = t.finish();
    const std::string& out = t.out;
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << out;
    EXPECT_EQ(out.find(password), std::string::npos) << "the password was echoed: " << out;
    EXPECT_NE(ok({"list", server, "--board", name}).find("typed in"), std::string::npos);
    // Nothing the program wrote holds it: settings, the local copy of the board.
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path())) {
        if (!e.is_regular_file()) continue;
        EXPECT_EQ(cc::test::readFile(e.path().string()).find(password), std::string::npos) << e.path();
    }
}

TEST_F(CliServer, AKeywordValueAddressWithAPasswordWorksAndTheScreenNeverShowsThePassword) {
    const char* password = std::getenv("CC_TEST_PG_PASSWORD");
    if (!password || !*password) GTEST_SKIP() << "CC_TEST_PG_PASSWORD is not set (scripts/pg_cluster.sh sets it)";
    // postgresql://cc_test@127.0.0.1:PORT/cc_test, as a keyword/value string with the password in it.
    static const std::regex kUri("postgresql://([^@]+)@([^:/]+):([0-9]+)/([^?]+)");
    std::smatch m;
    ASSERT_TRUE(std::regex_match(server, m, kUri)) << server;
    const std::string user = m[1], host = m[2], port = m[3], db = m[4];
    const std::string keywords =
        "host=" + host + " port = " + port + " dbname='" + db + "' user=" + user + " password='" + password + "'";
    const std::string upper = "POSTGRESQL://" + user + ":" + password + "@" + host + ":" + port + "/" + db;
    env["PGPASSFILE"] = dir.file("no-passfile");  // the password comes from the address alone

    auto clean = [&](const cc::test::Run& r) {
        EXPECT_EQ(r.out.find(password), std::string::npos) << r.out;
        EXPECT_EQ(r.err.find(password), std::string::npos) << r.err;
    };
    auto r = cc({"new", keywords, "--board", name});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.rfind("created postgresql://", 0), 0u) << r.out;
    clean(r);
    r = cc({"add", upper, "--board", name, "--text", "Keyword strings work"});
    EXPECT_EQ(r.status, 0) << r.err;
    clean(r);
    r = cc({"list", keywords + " board='" + name + "'"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("Keyword strings work"), std::string::npos);
    clean(r);
    r = cc({"copy", upper + "?board=" + name, dir.file("copy.ccboard")});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("copied postgresql://" + user + "@"), std::string::npos) << r.out;
    clean(r);
    // A wrong password: the refusal names the server, not the password.
    r = cc({"list", "host=" + host + " port=" + port + " dbname=" + db + " user=" + user + " password=wrong-Pw-123",
            "--board", name});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err.find("wrong-Pw-123"), std::string::npos) << r.err;
}
