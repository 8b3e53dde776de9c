// The interface language on the command line: the system locale, else the `language` setting,
// and the Chinese catalogue found next to the program (this machine has no zh_CN locale generated).

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli_language_fixture.h"

namespace {

struct CliLanguage : cc::test::CliInALanguage {};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_F(CliLanguage, EnglishByDefaultOnAnEnglishSystem) {
    const std::string help = ok({"--help"});
    EXPECT_TRUE(has(help, "four-quadrant customer canvas")) << help;
    EXPECT_TRUE(has(help, "print the board")) << help;
    EXPECT_FALSE(has(help, "用法")) << help;
    EXPECT_EQ(ok({"config", "language"}), "auto\n");
}

TEST_F(CliLanguage, TheSettingMakesHelpAndErrorsChinese) {
    ok({"config", "language", "zh"});
    EXPECT_EQ(ok({"config", "language"}), "zh\n");
    const std::string help = ok({"--help"});
    EXPECT_TRUE(has(help, "用法")) << help;
    EXPECT_TRUE(has(help, "为洞察团队打造的四象限客户画布")) << help;
    EXPECT_TRUE(has(help, "输出看板")) << help;  // list: print the board
    EXPECT_FALSE(has(help, "print the board")) << help;
    // Labels and groups in Chinese with the Chinese colon, in a subcommand's help too.
    for (const std::string& h : {help, ok({"insight", "--help"})}) {
        EXPECT_TRUE(has(h, "用法：")) << h;
        EXPECT_TRUE(has(h, "\n选项：\n")) << h;
        EXPECT_TRUE(has(h, "\n子命令：\n")) << h;
        EXPECT_FALSE(has(h, "Options") || has(h, "Subcommands") || has(h, ":\n")) << h;
    }

    const cc::test::Run bad = cc({"config", "colour", "red"});
    EXPECT_EQ(bad.status, 1);
    EXPECT_EQ(bad.err, "customer-canvas: “red”不是颜色（#RRGGBB）\n");

    // Parse errors (CLI11 words them in English) are said in Chinese with their names and values.
    const cc::test::Run unknown = cc({"frobnicate"});
    EXPECT_EQ(unknown.status, 2);
    EXPECT_EQ(unknown.err, "customer-canvas: 此处不应出现：frobnicate（参见“customer-canvas --help”）\n");
    for (const auto& [args, said] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"new"}, "缺少 BOARD"},
             {{"add", "b.ccboard", "--text"}, "--text 需要一个值"},
             {{"add", "b.ccboard", "--text", "x", "--quadrant", "9"}, "--quadrant：“9”不是 1 到 4 之间的数"},
             {{"new", "b.ccboard", "--lang", "fr"}, "--lang：“fr”不在可选值 en,zh,both 之中"}}) {
        const cc::test::Run r = cc(args);
        EXPECT_EQ(r.status, 2);
        EXPECT_TRUE(has(r.err, said)) << r.err;
        EXPECT_FALSE(has(r.err, "required") || has(r.err, "not in") || has(r.err, "expected")) << r.err;
    }

    // Back to English by the same setting.
    ok({"config", "language", "en"});
    EXPECT_TRUE(has(ok({"--help"}), "print the board"));
}

TEST_F(CliLanguage, FollowsAChineseSystemLocaleThatIsNotGenerated) {
    env["LANG"] = "zh_CN.UTF-8";  // not in `locale -a` here: the messages must come anyway
    EXPECT_TRUE(has(ok({"--help"}), "输出看板"));
    ok({"config", "language", "en"});  // the setting wins over the system
    EXPECT_TRUE(has(ok({"--help"}), "print the board"));
    ok({"config", "language", "auto"});
    EXPECT_TRUE(has(ok({"--help"}), "输出看板"));
    env["LANG"] = "de_DE.UTF-8";
    EXPECT_TRUE(has(ok({"--help"}), "print the board"));
}

TEST_F(CliLanguage, RefusesAnUnknownLanguage) {
    const cc::test::Run r = cc({"config", "language", "fr"});
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err, "customer-canvas: 'fr' is not a language (zh, en or auto)\n");
    EXPECT_EQ(ok({"config", "language"}), "auto\n");
}

/// Terminal columns of UTF-8 text, CJK characters two.
std::size_t columns(const std::string& s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        w += len == 3 ? 2 : 1;  // the table's wide characters are all three-byte CJK
        i += len;
    }
    return w;
}

TEST_F(CliLanguage, SourcesLineUpByDisplayWidthInBothLanguages) {
    for (const char* language : {"en", "zh"}) {
        ok({"config", "language", language});
        std::istringstream in(ok({"sources"}));
        std::string line;
        std::vector<std::size_t> dataColumn;
        int rows = 0;
        while (std::getline(in, line)) {
            if (rows++ == 0) continue;  // the header
            // The data column: the first of quantitative / qualitative / either after the Chinese name.
            std::size_t at = std::string::npos;
            for (const char* word : {" quantitative ", " qualitative ", " either "})
                at = std::min(at, line.find(word));
            ASSERT_NE(at, std::string::npos) << line;
            dataColumn.push_back(columns(line.substr(0, at + 1)));
        }
        ASSERT_GE(dataColumn.size(), 20u);
        for (std::size_t c : dataColumn) EXPECT_EQ(c, dataColumn.front()) << language;
    }
}

TEST_F(CliLanguage, ListLinesUpByDisplayWidthInBothLanguages) {
    const std::string board = dir.file("list.ccboard");
    ok({"new", board});
    ok({"add", board, "--text", "短", "--source", "survey", "--quadrant", "1", "--votes", "2", "--date", "2026-10-01"});
    ok({"add", board, "--text", "A much longer English title", "--source", "mystery_shopping", "--quadrant", "1",
        "--tag", "x", "--date", "2026-10-02"});
    ok({"add", board, "--text", "客户说转账太慢了", "--source", "complaint", "--quadrant", "2", "--tag", "app",
        "--date", "2026-10-03"});
    for (const char* language : {"en", "zh"}) {
        ok({"config", "language", language});
        std::istringstream in(ok({"list", board}));
        std::string line;
        std::vector<std::size_t> dateColumn, afterTitle;
        while (std::getline(in, line)) {
            const std::size_t date = line.find("  2026-10-0");
            if (date == std::string::npos) continue;
            EXPECT_NE(line.back(), ' ') << line;
            dateColumn.push_back(columns(line.substr(0, date)));
            // What follows the title ([2 votes] / #tag) starts in one column too.
            const std::size_t rest = std::min(line.find("  ["), line.find("  #"));
            ASSERT_NE(rest, std::string::npos) << line;
            std::size_t end = rest;
            while (end > 0 && line[end - 1] == ' ') --end;
            afterTitle.push_back(columns(line.substr(0, line.find_first_not_of(' ', end))));
        }
        ASSERT_EQ(dateColumn.size(), 3u) << language;
        for (std::size_t c : dateColumn) EXPECT_EQ(c, dateColumn.front()) << language;
        for (std::size_t c : afterTitle) EXPECT_EQ(c, afterTitle.front()) << language;
    }
}

TEST_F(CliLanguage, ANewBoardsQuadrantTitlesAreInTheBoardsLanguage) {
    const auto titles = [&](const std::string& board) {
        const std::string json = ok({"list", board, "--json"});
        return std::vector<bool>{has(json, "\"Profile\""), has(json, "\"客户画像\""), has(json, "\"Profile · 客户画像\""),
                                 has(json, "他们是谁"), has(json, "Who they are")};
    };
    // English interface: English titles and descriptions only.
    ok({"new", dir.file("en.ccboard")});
    EXPECT_EQ(titles(dir.file("en.ccboard")), (std::vector<bool>{true, false, false, false, true}));
    // Chinese interface: Chinese ones.
    ok({"config", "language", "zh"});
    ok({"new", dir.file("zh.ccboard")});
    EXPECT_EQ(titles(dir.file("zh.ccboard")), (std::vector<bool>{false, true, false, true, false}));
    // Asked for: one language or both, whatever the interface's.
    ok({"new", dir.file("asked.ccboard"), "--lang", "en"});
    EXPECT_EQ(titles(dir.file("asked.ccboard")), (std::vector<bool>{true, false, false, false, true}));
    ok({"new", dir.file("both.ccboard"), "--lang", "both"});
    EXPECT_EQ(titles(dir.file("both.ccboard")), (std::vector<bool>{false, false, true, true, true}));
    EXPECT_EQ(cc({"new", dir.file("fr.ccboard"), "--lang", "fr"}).status, 2);
}

}  // namespace
