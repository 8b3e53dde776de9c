// The team server only: roles (read-only, without the right to create the tables), passwords
// that never show, many boards in one database, copies between files and servers that lose
// nothing. Runs against the cluster scripts/test.sh starts (CC_TEST_PG); skips without it.

#include <gtest/gtest.h>

#include <map>

#include "storage/board_copy.h"
#include "canvas/board_factory.h"
#include "storage/board_file.h"
#include "canvas/editor.h"
#include "storage/pg/pg_board.h"
#include "sample_records.h"
#include "store_backends.h"

using namespace cc;
using namespace cc::test;

namespace {

class Server : public ::testing::Test {
protected:
    void SetUp() override {
        if (!testServer()) GTEST_SKIP() << kNoServer;
        ::setenv("XDG_STATE_HOME", m_state.file("state").c_str(), 1);  // local copies stay here
    }
    TempDir m_state;
    std::string board(const std::string& name) { return std::string(testServer()) + "?board=" + uniqueName(name); }

    /// A login role with the test password (the test password file has it for every role).
    std::string makeRole(const std::string& base) {
        const std::string role = "cc_" + base + "_" + std::to_string(::getpid()) + "_" +
                                 std::to_string(std::random_device()() % 100000);
        const char* pw = std::getenv("CC_TEST_PG_PASSWORD");
        auto c = adminConnection();
        // Test set-up: DDL takes no parameters; the role's name is our own, the password quoted.
        c.exec("SELECT 1");
        std::string quoted = "'";
        for (const char* p = pw ? pw : ""; *p; ++p) quoted += (*p == '\'') ? std::string("''") : std::string(1, *p);
        quoted += "'";
        c.script(("CREATE ROLE " + role + " LOGIN PASSWORD " + quoted).c_str());
        return role;
    }
};

void expectOneLine(const std::string& m) {
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;
    EXPECT_FALSE(m.empty());
}

std::map<std::string, Note> notesOf(const Document& d) { return {d.notes().begin(), d.notes().end()}; }
std::map<std::string, Link> linksOf(const Document& d) { return {d.links().begin(), d.links().end()}; }

}  // namespace

TEST_F(Server, AReadOnlyRoleViewsTheBoardAndIsToldWhenItTriesToChangeIt) {
    const std::string address = board("readonly");
    {
        auto store = createBoard(address, sampleBoard(), "owner");
        auto doc = store->load();
        store->attach(*doc);
        Editor(*doc, "owner").addNoteInQuadrant(fullNote("n-one", 1), 1);
    }
    const std::string role = makeRole("reader");
    adminConnection().script(("GRANT USAGE ON SCHEMA customer_canvas TO " + role +
                              "; GRANT SELECT ON ALL TABLES IN SCHEMA customer_canvas TO " + role)
                                 .c_str());
    const std::string asReader = serverAs(role) + address.substr(address.find('?'));
    // Opened for writing, as the window opens it: viewing works, presence quietly does not.
    auto store = openBoard(asReader);
    auto doc = store->load();
    EXPECT_EQ(doc->notes().size(), 1u);
    EXPECT_EQ(doc->board(), sampleBoard());
    EXPECT_EQ(store->changeLog().size(), 2u);
    Presence me{"reader-session", "Reader", 0x112233, {}, "", 0};
    EXPECT_NO_THROW(store->announce(me));
    EXPECT_NO_THROW(store->others("reader-session"));
    store->attach(*doc);
    Editor editor(*doc, "reader");
    try {
        editor.addNoteInQuadrant(editor.makeNote("not mine to add", "survey"), 2);
        ADD_FAILURE() << "a read-only role changed the board";
    } catch (const BoardError& e) {
        const std::string m = e.what();
        expectOneLine(m);
        EXPECT_NE(m.find("may only read"), std::string::npos) << m;
        EXPECT_NE(m.find("ask an administrator"), std::string::npos) << m;
        EXPECT_EQ(m.rfind(store->address(), 0), 0u) << m;
    }
    EXPECT_EQ(doc->notes().size(), 1u);  // taken back
    EXPECT_EQ(openBoard(address, BoardStore::Mode::ReadOnly)->load()->notes().size(), 1u);
}

TEST_F(Server, ARoleThatMayNotCreateTheTablesIsToldWhatToAskFor) {
    // A fresh database that has never held a board, and a role with no rights in it but to connect.
    const std::string db = "cc_nocreate_" + std::to_string(::getpid()) + "_" + std::to_string(std::random_device()() % 100000);
    adminConnection().script(("CREATE DATABASE " + db).c_str());
    const std::string role = makeRole("nocreate");
    std::string uri = serverAs(role);
    uri = uri.substr(0, uri.rfind('/') + 1) + db + "?board=first";
    try {
        openBoard(uri);
        ADD_FAILURE() << "opened without the tables";
    } catch (const BoardError& e) {
        const std::string m = e.what();
        expectOneLine(m);
        EXPECT_NE(m.find("may not create the Customer Canvas tables"), std::string::npos) << m;
        EXPECT_NE(m.find("ask an administrator"), std::string::npos) << m;
        EXPECT_NE(m.find(role), std::string::npos) << m;
    }
    try {
        createBoard(uri, makeBoard("First"), "nobody");
        ADD_FAILURE() << "created without the tables";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("ask an administrator"), std::string::npos) << e.what();
    }
    // Once the owner has opened a board there, the role only needs rights on the tables.
    std::string ownerUri = std::string(testServer());
    ownerUri = ownerUri.substr(0, ownerUri.rfind('/') + 1) + db + "?board=first";
    createBoard(ownerUri, makeBoard("First"), "owner");
    auto c = adminConnection(ownerUri.substr(0, ownerUri.find('?')));
    c.script(("GRANT USAGE ON SCHEMA customer_canvas TO " + role + "; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL "
              "TABLES IN SCHEMA customer_canvas TO " + role).c_str());
    auto store = openBoard(uri);
    auto doc = store->load();
    store->attach(*doc);
    Editor(*doc, role).addNoteInQuadrant(fullNote("n-by-role", 1), 1);
    EXPECT_EQ(openBoard(ownerUri)->load()->notes().size(), 1u);
    store.reset();
    adminConnection().script(("DROP DATABASE " + db + " WITH (FORCE)").c_str());
}

TEST_F(Server, APasswordNeverShowsInAddressesMessagesOrCopies) {
    const char* pw = std::getenv("CC_TEST_PG_PASSWORD");
    if (!pw) GTEST_SKIP() << "CC_TEST_PG_PASSWORD is not set";
    const std::string plain = board("secret");
    std::string withPw = plain;
    withPw.insert(withPw.find('@'), std::string(":") + pw);
    auto store = createBoard(withPw, makeBoard("Secret"), "owner");
    EXPECT_EQ(store->address().find(pw), std::string::npos) << store->address();
    EXPECT_EQ(store->address(), plain.substr(0, plain.find('?')) + "?board=" + plain.substr(plain.find("board=") + 6));
    // A wrong password in the address: the message names the address, not the password.
    std::string wrong = plain;
    wrong.insert(wrong.find('@'), ":not-the-password-xyz");
    try {
        openBoard(wrong);
        ADD_FAILURE() << "a wrong password was accepted";
    } catch (const BoardError& e) {
        expectOneLine(e.what());
        EXPECT_EQ(std::string(e.what()).find("not-the-password-xyz"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("password authentication failed"), std::string::npos) << e.what();
    }
    // A password= parameter is dropped from what is shown as well.
    EXPECT_EQ(pg::withoutPassword("postgresql://u@h/db?sslmode=require&password=abc&x=1"),
              "postgresql://u@h/db?sslmode=require&x=1");
    EXPECT_EQ(pg::withoutPassword("postgresql://u:p%40ss@h:5/db"), "postgresql://u@h:5/db");
    EXPECT_EQ(pg::withoutPassword("postgresql://u@h/db?sslpassword=k3y&sslmode=verify-full"),
              "postgresql://u@h/db?sslmode=verify-full");
    // A copy to a file holds no trace of it.
    TempDir dir;
    copyBoard(withPw, "", dir.file("copy.ccboard"), "");
    EXPECT_EQ(readFile(dir.file("copy.ccboard")).find(pw), std::string::npos);
    for (const auto& e : openBoard(dir.file("copy.ccboard"))->changeLog()) EXPECT_EQ(e.payload.find(pw), std::string::npos);
}

TEST_F(Server, TheBoardIsNamedOnceAndClearly) {
    const std::string server = testServer();
    auto expectRefused = [](const std::string& address, const std::string& name, const std::string& words) {
        try {
            openBoard(address, BoardStore::Mode::ReadOnly, name);
            ADD_FAILURE() << address << " opened";
        } catch (const BoardError& e) {
            expectOneLine(e.what());
            EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
        }
    };
    expectRefused(server, "", "--board NAME");
    expectRefused(server + "?board=a", "b", "name it once");
    expectRefused(server + "?board=" + uniqueName("missing"), "", "no board named");
    expectRefused(server, std::string(300, 'x'), "longer than");
    expectRefused(server, "tab\there", "control character");
    // --board and the parameter agree, and sslmode and other parameters pass through to libpq.
    const std::string name = uniqueName("named");
    createBoard(server, makeBoard("Named"), "owner", name);
    EXPECT_NO_THROW(openBoard(server + "?board=" + name, BoardStore::Mode::ReadOnly, name));
    EXPECT_NO_THROW(openBoard(server + "?sslmode=disable&board=" + name + "&connect_timeout=5"));
    try {
        openBoard(server + "?sslmode=require&board=" + name);
        ADD_FAILURE() << "sslmode=require connected to a server without SSL";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("SSL"), std::string::npos) << e.what();
    }
}

TEST_F(Server, OneDatabaseHoldsManyBoardsApart) {
    const std::string a = board("many-a"), b = board("many-b");
    createBoard(a, makeBoard("A"), "owner");
    createBoard(b, makeBoard("B"), "owner");
    for (const auto& address : {a, b}) {
        auto store = openBoard(address);
        auto doc = store->load();
        store->attach(*doc);
        Note n = fullNote("n-same-id", 1);
        n.text = "on " + address;
        Editor(*doc, "owner").addNoteInQuadrant(n, 1);
    }
    auto da = openBoard(a)->load(), db = openBoard(b)->load();
    EXPECT_EQ(da->board().title, "A");
    EXPECT_EQ(db->board().title, "B");
    ASSERT_EQ(da->notes().size(), 1u);
    ASSERT_EQ(db->notes().size(), 1u);
    EXPECT_NE(da->notes().begin()->second.text, db->notes().begin()->second.text);
    EXPECT_EQ(openBoard(a)->changeLog().size(), 2u);
}

TEST_F(Server, CopiesBetweenFilesAndServersLoseNothing) {
    TempDir dir;
    const std::string start = dir.file("start.ccboard");
    {
        std::unique_ptr<BoardStore> store;
        auto doc = fillSampleBoard(store, start);
        Editor ed(*doc, "王芳");
        ed.deleteNotes({"n-full3"});
        ed.moveNotes({"n-full1"}, 10.25, -3.5);
    }
    const std::string onServer = board("copy-a"), onServerToo = board("copy-b"), back = dir.file("back.ccboard");
    EXPECT_EQ(copyBoard(start, "", onServer, ""), 4u);
    copyBoard(onServer, "", onServerToo, "");
    copyBoard(onServerToo, "", back, "");
    auto first = openBoard(start, BoardStore::Mode::ReadOnly);
    const auto firstDoc = first->load();
    const auto firstLog = first->changeLog();
    for (const auto& address : {onServer, onServerToo, back}) {
        SCOPED_TRACE(address);
        auto store = openBoard(address, BoardStore::Mode::ReadOnly);
        auto doc = store->load();
        EXPECT_EQ(doc->board(), firstDoc->board());
        EXPECT_EQ(notesOf(*doc), notesOf(*firstDoc));
        EXPECT_EQ(linksOf(*doc), linksOf(*firstDoc));
        EXPECT_EQ(store->changeLog(), firstLog);
        EXPECT_TRUE(store->integrityProblems().empty());
    }
    // The copy goes on from where the history stopped.
    auto store = openBoard(onServerToo);
    auto doc = store->load();
    store->attach(*doc);
    Editor(*doc, "next").deleteNotes({"n-full2"});
    EXPECT_EQ(store->lastSequence(), firstLog.back().seq + 1);
    // A copy onto a board that exists is refused and leaves it alone.
    try {
        copyBoard(start, "", onServer, "");
        ADD_FAILURE() << "copied over a board";
    } catch (const BoardError& e) {
        EXPECT_NE(std::string(e.what()).find("exists"), std::string::npos) << e.what();
    }
    EXPECT_EQ(openBoard(onServer)->changeLog(), firstLog);
}

TEST_F(Server, ManyFirstUsesAtOnceCreateTheTablesOnce) {
    const std::string db = "cc_first_" + std::to_string(::getpid()) + "_" + std::to_string(std::random_device()() % 100000);
    adminConnection().script(("CREATE DATABASE " + db).c_str());
    std::string uri = testServer();
    uri = uri.substr(0, uri.rfind('/') + 1) + db;
    std::vector<pid_t> children;
    for (int i = 0; i < 4; ++i) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            try {
                createBoard(uri, makeBoard("Board " + std::to_string(i)), "racer", "board-" + std::to_string(i));
                ::_exit(0);
            } catch (...) {
                ::_exit(1);
            }
        }
        children.push_back(pid);
    }
    for (pid_t pid : children) {
        int st = 0;
        ::waitpid(pid, &st, 0);
        EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    auto c = adminConnection(uri);
    EXPECT_EQ(c.exec("SELECT count(*) FROM customer_canvas.schema_version").int64(0, 0), currentServerSchemaVersion());
    EXPECT_EQ(c.exec("SELECT count(*) FROM customer_canvas.board").int64(0, 0), 4);
    c = adminConnection();
    c.script(("DROP DATABASE " + db + " WITH (FORCE)").c_str());
}

TEST_F(Server, ACopyToldToStopLeavesNoNewBoardAndItsProgressRunsToTheEnd) {
    TempDir dir;
    const std::string start = dir.file("start.ccboard");
    {
        std::unique_ptr<BoardStore> store;
        auto doc = fillSampleBoard(store, start);
        Editor ed(*doc, "王芳");
        for (int i = 0; i < 600; ++i) ed.moveNotes({"n-full1"}, 1, 0);  // a history of some length
    }
    const std::size_t logLength = openBoard(start, BoardStore::Mode::ReadOnly)->changeLog().size();
    for (const std::string& to : {board("stop-a"), dir.file("stopped.ccboard")}) {
        SCOPED_TRACE(to);
        const std::string from = to.find("postgresql://") == 0 ? start : board("stop-a-source");
        if (from != start) copyBoard(start, "", from, "");
        // Told to stop halfway through writing the change log: Cancelled, and no board there.
        double last = -1;
        EXPECT_THROW(copyBoard(from, "", to, "", {},
                               [&](double share) {
                                   last = share;
                                   return share < 0.5;
                               }),
                     Cancelled);
        EXPECT_LT(last, 0.6) << "it stops soon after being told";
        EXPECT_THROW(openBoard(to, BoardStore::Mode::ReadOnly), BoardError) << "no new board is left";
        // Not told to stop: the shares grow to 1 and the copy is whole.
        std::vector<double> told;
        EXPECT_EQ(copyBoard(from, "", to, "", {}, [&](double share) {
                      told.push_back(share);
                      return true;
                  }),
                  logLength);
        ASSERT_GT(told.size(), 5u);
        for (std::size_t i = 1; i < told.size(); ++i) EXPECT_LE(told[i - 1], told[i]) << i;
        EXPECT_DOUBLE_EQ(told.back(), 1.0);
        EXPECT_EQ(openBoard(to, BoardStore::Mode::ReadOnly)->changeLog().size(), logLength);
    }
}
