// `customer-canvas similar`, `duplicates` and `suggest`, run as a user runs them: their JSON, their
// aligned lines, and bad input (an unknown or archived note, a bad --limit) refused in one line
// naming the value, in the interface's language, with the board unchanged.

// cereal's JSON header first: it decides how rapidjson reports errors (see json_listing.cpp).
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "cli_util.h"
#include "test_util.h"

using namespace cc::test;

namespace {

struct SimilarCli : BoardCliTest {
    /// A note in the tray, or on the wall in `quadrant`.
    std::string note(const std::string& text, const std::string& quadrant = "") {
        std::vector<std::string> args{"add", board, "--text", text, "--source", "complaint"};
        if (!quadrant.empty()) args.insert(args.end(), {"--quadrant", quadrant});
        std::string id = ok(args);
        id.pop_back();
        return id;
    }
    rapidjson::Document parsed(const std::string& out) {
        rapidjson::Document d;
        d.Parse(out.c_str());
        EXPECT_TRUE(d.IsObject()) << out;
        return d;
    }
    /// Refused: a non-zero status `status`, one line on stderr holding every part, nothing on
    /// stdout, and the board byte for byte as it was.
    std::string refused(std::vector<std::string> args, int status, const std::vector<std::string>& parts) {
        const std::string before = readFile(board);
        const cc::test::Run r = cli(args);
        EXPECT_EQ(r.status, status) << r.err;
        for (const auto& p : parts) EXPECT_NE(r.err.find(p), std::string::npos) << "'" << p << "' in " << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(readFile(board), before) << "the board changed";
        return r.err;
    }
    void SetUp() override { ok({"new", board, "--title", "Candidates 候选"}); }
};

/// The display column (a CJK character is two) where `part` starts in `line`.
std::size_t columnOf(const std::string& line, const std::string& part) {
    const std::size_t at = line.find(part);
    std::size_t col = 0;
    for (std::size_t i = 0; i < at;) {
        const unsigned char c = static_cast<unsigned char>(line[i]);
        const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        col += len == 3 ? 2 : 1;
        i += static_cast<std::size_t>(len);
    }
    return col;
}

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

}  // namespace

TEST_F(SimilarCli, SimilarNotesMostSimilarFirstAsJsonAndAlignedLines) {
    const std::string a = note("Refund took three weeks after the return", "2");
    const std::string b = note("The refund for my returned jacket took weeks");
    const std::string c = note("Return accepted but no refund yet");
    const std::string z = note("退款到账太慢，等了三周");
    note("The app crashes at login", "3");

    auto d = parsed(ok({"similar", board, a, "--json"}));
    ASSERT_TRUE(d["similar"].IsArray());
    ASSERT_EQ(d["similar"].Size(), 2u) << "only notes sharing a word";
    EXPECT_EQ(std::string(d["similar"][0]["id"].GetString()), b);
    EXPECT_EQ(std::string(d["similar"][1]["id"].GetString()), c);
    const double first = d["similar"][0]["score"].GetDouble(), second = d["similar"][1]["score"].GetDouble();
    EXPECT_GT(first, second);
    EXPECT_GT(second, 0);
    EXPECT_LE(first, 1);

    auto one = parsed(ok({"similar", board, a, "--limit", "1", "--json"}));
    EXPECT_EQ(one["similar"].Size(), 1u);

    const auto shown = lines(ok({"similar", board, a}));
    ASSERT_EQ(shown.size(), 3u) << ok({"similar", board, a});
    EXPECT_NE(shown[0].find(a), std::string::npos);
    EXPECT_NE(shown[0].find("Refund took three weeks"), std::string::npos);
    EXPECT_EQ(shown[1].find("  " + b), 0u);
    EXPECT_NE(shown[1].find("The refund for my returned jacket"), std::string::npos);
    EXPECT_EQ(columnOf(shown[1], "The refund"), columnOf(shown[2], "Return accepted")) << "titles line up";

    // A Chinese note finds no English one, and says so.
    const auto lonely = lines(ok({"similar", board, z}));
    ASSERT_EQ(lonely.size(), 2u);
    EXPECT_NE(lonely[1].find("no note shares a word with it"), std::string::npos) << lonely[1];
}

TEST_F(SimilarCli, DuplicatesPairTheOlderNoteWithEachCopy) {
    const std::string a = note("退货申请提交后两周还没有收到退款");
    const std::string other = note("Returns are slow", "1");
    const std::string b = note("退货申请提交后，两周还没有收到退款（来源：问卷）", "2");
    const std::string c = note("Returns are slow (after the sale)");
    const std::string d2 = note("RETURNS ARE SLOW - survey 2026");
    (void)c;

    auto d = parsed(ok({"duplicates", board, "--json"}));
    ASSERT_TRUE(d["pairs"].IsArray());
    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& p : d["pairs"].GetArray()) {
        ASSERT_EQ(p.Size(), 2u);
        pairs.emplace(p[0].GetString(), p[1].GetString());
    }
    EXPECT_EQ(pairs, (std::set<std::pair<std::string, std::string>>{{a, b}, {other, d2}}));

    const auto shown = lines(ok({"duplicates", board}));
    ASSERT_EQ(shown.size(), 3u);
    EXPECT_EQ(shown[0], "2 pairs of near-duplicates");
    EXPECT_EQ(columnOf(shown[1], shown[1].substr(shown[1].rfind("  ") + 2)),
              columnOf(shown[2], shown[2].substr(shown[2].rfind("  ") + 2)))
        << "titles line up:\n" << shown[1] << "\n" << shown[2];

    TempDir empty;
    const std::string fresh = empty.file("e.ccboard");
    ok({"new", fresh});
    EXPECT_EQ(ok({"duplicates", fresh}), "no near-duplicates\n");
    EXPECT_EQ(parsed(ok({"duplicates", fresh, "--json"}))["pairs"].Size(), 0u);
}

TEST_F(SimilarCli, SuggestGroupsTheTrayOrTheWholeBoard) {
    const std::string r1 = note("Refund took three weeks after the return"), r2 = note("The refund for my return took weeks"),
                      r3 = note("Return accepted but no refund for weeks");
    const std::string z1 = note("手机银行闪退，转账失败"), z2 = note("手机银行又闪退了");
    const std::string z3 = note("手机银行转账时闪退", "4");

    auto d = parsed(ok({"suggest", board, "--json"}));
    ASSERT_TRUE(d["groups"].IsArray());
    ASSERT_EQ(d["groups"].Size(), 2u) << ok({"suggest", board, "--json"});
    std::map<std::string, std::set<std::string>> byTitle;
    for (const auto& g : d["groups"].GetArray()) {
        std::set<std::string> ids;
        for (const auto& id : g["notes"].GetArray()) ids.insert(id.GetString());
        byTitle[g["title"].GetString()] = ids;
    }
    bool sawRefunds = false, sawApp = false;
    for (const auto& [title, ids] : byTitle) {
        if (ids == std::set<std::string>{r1, r2, r3}) {
            sawRefunds = true;
            EXPECT_NE(title.find("refund"), std::string::npos) << title;
        }
        if (ids == std::set<std::string>{z1, z2}) {
            sawApp = true;
            EXPECT_NE(title.find("手机银行"), std::string::npos) << title;
            EXPECT_EQ(title.find(' '), std::string::npos) << title;
        }
    }
    EXPECT_TRUE(sawRefunds && sawApp) << "the tray's two themes, without the pinned note";

    auto all = parsed(ok({"suggest", board, "--all", "--json"}));
    bool pinnedGrouped = false;
    for (const auto& g : all["groups"].GetArray())
        for (const auto& id : g["notes"].GetArray()) pinnedGrouped |= std::string(id.GetString()) == z3;
    EXPECT_TRUE(pinnedGrouped) << "--all groups the wall's notes too";

    const std::string shown = ok({"suggest", board});
    EXPECT_NE(shown.find("(3 notes)"), std::string::npos) << shown;
    EXPECT_NE(shown.find("  " + r1), std::string::npos) << shown;
}

TEST_F(SimilarCli, BadInputIsOneLineNamingTheValueAndChangesNothing) {
    const std::string a = note("Refund took three weeks after the return", "2");
    note("The refund for my return took weeks");
    refused({"similar", board, "n-nosuchnote"}, 1, {"n-nosuchnote", board});
    refused({"similar", board, a, "--limit", "0"}, 2, {"--limit", "0"});
    refused({"similar", board, a, "--limit", "101"}, 2, {"--limit", "101"});
    refused({"similar", board, a, "--limit", "many"}, 2, {"--limit", "many"});
    refused({"similar", board, a, "--limit"}, 2, {"--limit"});
    ok({"edit", board, a, "--state", "archived"});
    refused({"similar", board, a}, 1, {a, "archived"});
    refused({"duplicates", dir.file("missing.ccboard")}, 1, {"missing.ccboard"});
    refused({"suggest", board, "extra"}, 2, {"extra"});
}

TEST_F(SimilarCli, ErrorsAndHeadingsInChinese) {
    const std::string a = note("Refund took three weeks after the return", "2");
    note("The refund for my return took weeks");
    ok({"config", "language", "zh"});
    const std::string unknown = refused({"similar", board, "n-nosuchnote"}, 1, {"n-nosuchnote"});
    EXPECT_EQ(unknown.find("no note"), std::string::npos) << unknown;
    const std::string limit = refused({"similar", board, a, "--limit", "0"}, 2, {"--limit", "0"});
    EXPECT_EQ(limit.find("not a number"), std::string::npos) << limit;
    const std::string words = refused({"similar", board, a, "--limit", "many"}, 2, {"--limit", "many"});
    EXPECT_EQ(words.find("Could not"), std::string::npos) << words;
    EXPECT_NE(ok({"duplicates", board}).find("没有"), std::string::npos);
    const std::string shown = ok({"similar", board, a});
    EXPECT_EQ(shown.find("Notes like"), std::string::npos) << shown;
}
