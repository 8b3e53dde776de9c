// `customer-canvas insight add|edit|delete` and the insights in `list` and `list --json`, run as a
// user runs them; bad input is one line naming the value, a non-zero exit, and no change.

// cereal's JSON header first: it decides how rapidjson reports errors (see json_listing.cpp).
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>

#include <gtest/gtest.h>

#include "cli_util.h"
#include "test_util.h"

using namespace cc::test;

namespace {

struct InsightCli : BoardCliTest {
    std::string note(const std::string& text, const std::string& source, const std::string& quadrant,
                     const std::string& date = "2026-11-20") {
        std::string id = ok({"add", board, "--text", text, "--source", source, "--quadrant", quadrant, "--date", date});
        id.pop_back();
        return id;
    }
    std::string list() { return ok({"list", board}); }
    std::string json() { return ok({"list", board, "--json"}); }
    /// Refused with one line on stderr that holds `part`, and the board as it was.
    void refused(std::vector<std::string> args, const std::string& part) {
        const std::string before = json();
        const cc::test::Run r = cli(args);
        EXPECT_NE(r.status, 0) << args.front();
        EXPECT_NE(r.err.find(part), std::string::npos) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(json(), before) << "the board changed";
    }
    void SetUp() override { ok({"new", board, "--title", "Insights 洞察"}); }
};

}  // namespace

TEST_F(InsightCli, AddEditAndDeleteAnInsight) {
    const std::string a = note("退货太慢 Returns take two weeks", "complaint", "2"), b = note("Survey: 40% unhappy", "survey", "2"),
                      c = note("Staff: returns pile up", "staff_anecdote", "3");
    std::string id = ok({"insight", "add", board, "--title", "退货太慢正在流失年轻家庭客户", "--statement",
                         "Young families leave.", a, b, c});
    id.pop_back();
    EXPECT_EQ(id.rfind("i-", 0), 0u) << id;

    rapidjson::Document d;
    d.Parse(json().c_str());
    ASSERT_TRUE(d.IsObject());
    ASSERT_TRUE(d["insights"].IsArray());
    ASSERT_EQ(d["insights"].Size(), 1u);
    const auto& i = d["insights"][0];
    EXPECT_EQ(std::string(i["id"].GetString()), id);
    EXPECT_EQ(std::string(i["title"].GetString()), "退货太慢正在流失年轻家庭客户");
    EXPECT_EQ(std::string(i["statement"].GetString()), "Young families leave.");
    EXPECT_EQ(i["quadrant"].GetInt(), 2);
    EXPECT_EQ(std::string(i["state"].GetString()), "draft");
    ASSERT_EQ(i["notes"].Size(), 3u);
    EXPECT_EQ(std::string(i["notes"][0].GetString()), a);
    const auto& s = i["strength"];
    EXPECT_TRUE(std::string(s["grade"].GetString()) == "strong" || std::string(s["grade"].GetString()) == "moderate");
    EXPECT_GE(s["score"].GetInt(), 0);
    EXPECT_LE(s["score"].GetInt(), 100);
    ASSERT_TRUE(s["reasons"].IsArray());
    EXPECT_EQ(std::string(s["reasons"][0].GetString()), "3 source kinds, 2 direct");

    const std::string shown = list();
    EXPECT_NE(shown.find("Insights  (1)"), std::string::npos) << shown;
    EXPECT_NE(shown.find("退货太慢正在流失年轻家庭客户"), std::string::npos);
    EXPECT_NE(shown.find("3 source kinds, 2 direct; 1 from the team's own knowledge"), std::string::npos) << shown;

    EXPECT_EQ(ok({"insight", "edit", board, id, "--remove", c, "--state", "agreed", "--title", "Returns are too slow"}),
              "updated " + id + "\n");
    d.Parse(json().c_str());
    EXPECT_EQ(std::string(d["insights"][0]["state"].GetString()), "agreed");
    EXPECT_EQ(std::string(d["insights"][0]["title"].GetString()), "Returns are too slow");
    EXPECT_EQ(d["insights"][0]["notes"].Size(), 2u);
    ok({"insight", "edit", board, id, "--add", c});
    d.Parse(json().c_str());
    EXPECT_EQ(d["insights"][0]["notes"].Size(), 3u);

    // Deleting a note takes it out of the evidence; deleting the insight keeps the notes.
    ok({"delete", board, b});
    d.Parse(json().c_str());
    EXPECT_EQ(d["insights"][0]["notes"].Size(), 2u);
    EXPECT_EQ(ok({"insight", "delete", board, id}), "deleted insight " + id + "; its notes stay\n");
    d.Parse(json().c_str());
    EXPECT_EQ(d["insights"].Size(), 0u);
    EXPECT_EQ(d["notes"].Size(), 2u);
    EXPECT_EQ(ok({"check", board}).rfind(board + ": ok", 0), 0u);
}

TEST_F(InsightCli, InsightsLineUpInList) {
    const std::string a = note("A", "complaint", "2"), b = note("B", "survey", "2");
    ok({"insight", "add", board, "--title", "中文标题的洞察", a, b});
    ok({"insight", "add", board, "--title", "An English title", a});
    const std::string shown = list();
    const auto at = shown.find("Insights  (2)\n");
    ASSERT_NE(at, std::string::npos) << shown;
    // The columns after the titles start at the same display column on both insight lines.
    std::vector<std::string> lines;
    std::size_t start = at;
    for (int k = 0; k < 5; ++k) {
        const std::size_t end = shown.find('\n', start);
        lines.push_back(shown.substr(start, end - start));
        start = end + 1;
    }
    const auto column = [](const std::string& line, const std::string& word) {
        const std::size_t bytes = line.find(word);
        std::size_t width = 0;
        for (std::size_t k = 0; k < bytes;) {
            const unsigned char c = static_cast<unsigned char>(line[k]);
            const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            width += len == 3 ? 2 : 1;  // the CJK here is three bytes and two columns wide
            k += len;
        }
        return width;
    };
    // Strongest first: the two-note insight, then its reasons, then the one-note insight.
    EXPECT_NE(lines[1].find("中文标题的洞察"), std::string::npos) << shown;
    EXPECT_NE(lines[3].find("An English title"), std::string::npos) << shown;
    EXPECT_EQ(column(lines[1], "quadrant 2"), column(lines[3], "quadrant 2")) << shown;
}

TEST_F(InsightCli, BadInputIsOneClearLineAndChangesNothing) {
    const std::string a = note("A", "complaint", "2");
    std::string id = ok({"insight", "add", board, "--title", "T", a});
    id.pop_back();
    refused({"insight", "add", board, "--title", "T", a, "n-unknown"}, "no note with id 'n-unknown'");
    refused({"insight", "add", board, "--title", "  ", a}, "the insight's title is empty");
    refused({"insight", "add", board, "--title", std::string(2000, 'x'), a}, "the insight's title is longer than 1024 bytes");
    refused({"insight", "edit", board, id, "--state", "finished"}, "finished");
    refused({"insight", "edit", board, id, "--add", "n-elsewhere"}, "no note with id 'n-elsewhere'");
    refused({"insight", "edit", board, id, "--remove", "n-other"}, "note 'n-other' is not evidence of insight " + id);
    refused({"insight", "edit", board, "i-nope", "--title", "X"}, "no insight with id 'i-nope'");
    refused({"insight", "delete", board, "i-nope"}, "no insight with id 'i-nope'");
    refused({"insight"}, "insight needs a command after it: add, edit or delete");
    // A note of another board is not a note of this one.
    const std::string other = dir.file("other.ccboard");
    ok({"new", other});
    std::string elsewhere = ok({"add", other, "--text", "elsewhere", "--quadrant", "1"});
    elsewhere.pop_back();
    refused({"insight", "add", board, "--title", "T", elsewhere}, "no note with id '" + elsewhere + "' in " + board);
}

TEST_F(InsightCli, HelpAndMessagesAreInChinese) {
    env["LANG"] = "zh_CN.UTF-8";
    const cc::test::Run help = cli({"insight", "add", "--help"});
    EXPECT_NE(help.out.find("洞察"), std::string::npos) << help.out;
    const std::string a = note("A", "complaint", "2"), b = note("B", "survey", "2");
    ok({"insight", "add", board, "--title", "T", a, b});
    EXPECT_NE(list().find("洞察"), std::string::npos);
    const cc::test::Run r = cli({"insight", "add", board, "--title", "", a});
    EXPECT_NE(r.err.find("洞察"), std::string::npos) << r.err;
    EXPECT_NE(cli({"insight"}).err.find("洞察"), std::string::npos);
}
