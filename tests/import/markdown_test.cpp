// Markdown: a candidate per paragraph or list item, with heading path, line and excerpt.
#include <gtest/gtest.h>


#include "storage/import/candidate.h"
#include "import_test_util.h"

using namespace cc::import;

using cc::test::Expected;
using cc::test::expectCandidates;
using cc::test::fixture;
using cc::test::fixturePath;

namespace {


ParseResult parseFixture(const std::string& name) {
    const std::string bytes = fixture(name);
    std::string encoding;
    const std::string text = decodeText(bytes, name, &encoding);
    EXPECT_EQ(encoding, "UTF-8");
    return parseMarkdown(text, name);
}

}  // namespace

TEST(MarkdownImport, ResearchReportInChineseAndEnglish) {
    const ParseResult r = parseFixture("md-research-report.md");
    EXPECT_EQ(r.format, "markdown");
    const std::string top = "Customer research, spring 2024";
    const std::string findings = top + " > Findings";
    const std::string quotes = findings + " > Quotes";
    expectCandidates(
        r, {
               {"Interviews with 24 small-business customers in Shanghai and Manchester, run by the insight team in March.",
                top + ", line 3",
                "Interviews with 24 small-business customers in Shanghai and Manchester,\nrun by the insight team in March."},
               // Emphasis and link text kept, the URL dropped; the soft break is a space.
               {"Customers find the monthly invoice hard to read; several asked for a breakdown per site and per cost centre.",
                findings + ", line 8",
                "Customers find the monthly invoice *hard to read*; several asked for\n"
                "a breakdown per site and per [cost centre](https://example.com/cost-centres)."},
               // No space where a line break falls between two Chinese characters.
               {"受访客户普遍认为发票太复杂，希望能按门店拆分费用。", findings + ", line 11",
                "受访客户普遍认为发票太复杂，\n希望能按门店拆分费用。"},
               {"Delivery is too slow outside the big cities.", findings + ", line 14",
                "- Delivery is **too slow** outside the big cities."},
               {"配送速度慢，尤其是在二三线城市。", findings + ", line 15", "- 配送速度慢，尤其是在二三线城市。"},
               // Nested items are their own candidates; inline code keeps its text.
               {"Three customers switched to a competitor because of it.", findings + ", line 16",
                "  - Three customers switched to a competitor because of it."},
               {"有两位客户提到次日达服务。", findings + ", line 17", "  - 有两位客户提到`次日达`服务。"},
               // A second paragraph of an item belongs to the item.
               {"Support calls end without a fix.\nMost of them called twice.", findings + ", line 18",
                "- Support calls end without a fix.\n\n  Most of them called twice."},
               {"Prices went up twice in one year.", findings + ", line 22", "1. Prices went up twice in one year."},
               {"The app logs users out every day.", findings + ", line 23", "2. The app logs users out every day."},
               // Block quotes' paragraphs are candidates; the code block and the HTML block are not.
               {"\"I don't mind paying more, if it arrives on time.\" — Operations manager, Manchester", quotes + ", line 27",
                "> \"I don't mind paying more, if it arrives on time.\"\n> — Operations manager, Manchester"},
               {"我们最需要的是稳定的交货时间。", quotes + ", line 30", "> 我们最需要的是稳定的交货时间。"},
               // A setext heading of level 2 replaces "Findings > Quotes"; a hard break is a line break.
               {"Repeat the survey in June.\nCompare with the complaint log.", top + " > Next steps, line 41",
                "Repeat the survey in June.\\\nCompare with the complaint log."},
               // The image alone makes no candidate.
           });
}

TEST(MarkdownImport, FrontMatterSkippedAndTableRowsAreCandidates) {
    const ParseResult r = parseFixture("md-obsidian-note.md");
    expectCandidates(r, {
                            {"Teams agree that onboarding takes too long.", "Workshop 12 April, line 8",
                             "Teams agree that onboarding takes too long."},
                            {"SMB | Prices feel too high | Survey", "Workshop 12 April, line 12",
                             "| SMB | Prices feel **too high** | Survey |"},
                            {"大客户 | 需要专属客户经理 | Interviews", "Workshop 12 April, line 13",
                             "| 大客户 | 需要专属客户经理 | Interviews |"},
                        });
}

TEST(MarkdownImport, LinesBeforeAnyHeadingAndHeadingLevelsGoingUp) {
    const std::string md =
        "Intro line.\n"
        "\n"
        "## Second level first\n"
        "\n"
        "Under two.\n"
        "\n"
        "# Top\n"
        "\n"
        "### Deep\n"
        "\n"
        "Under three.\n"
        "\n"
        "## Sibling\n"
        "\n"
        "Under sibling.\n";
    const ParseResult r = parseMarkdown(md, "notes.md");
    expectCandidates(r, {
                            {"Intro line.", "line 1", "Intro line."},
                            {"Under two.", "Second level first, line 5", "Under two."},
                            {"Under three.", "Top > Deep, line 11", "Under three."},
                            {"Under sibling.", "Top > Sibling, line 15", "Under sibling."},
                        });
}

TEST(MarkdownImport, CrlfAndBomAndEmptyInput) {
    const ParseResult r = parseMarkdown("\xEF\xBB\xBF# T\r\n\r\nOne\r\ntwo\r\n", "win.md");
    expectCandidates(r, {{"One two", "T, line 3", "One\ntwo"}});
    EXPECT_TRUE(parseMarkdown("", "empty.md").candidates.empty());
    EXPECT_TRUE(parseMarkdown("# Only a heading\n\n```\ncode\n```\n", "h.md").candidates.empty());
}

TEST(MarkdownImport, DeepNestingAndHugeInputAreBounded) {
    // Thousands of nested quotes and lists: no recursion, no crash.
    std::string deep(20000, '>');
    deep += " deep\n";
    for (int i = 0; i < 2000; ++i) deep += std::string(static_cast<std::size_t>(i % 40) * 2, ' ') + "- item\n";
    const ParseResult r = parseMarkdown(deep, "deep.md");
    EXPECT_FALSE(r.candidates.empty());
    // A paragraph of more than 4 MB is refused with the line it starts on.
    const std::string huge = "# H\n\n" + std::string(5u << 20, 'x') + "\n";
    try {
        parseMarkdown(huge, "huge.md");
        FAIL() << "expected an ImportError";
    } catch (const ImportError& e) {
        EXPECT_EQ(std::string(e.what()), "huge.md: line 3: a paragraph of more than 4 MB (is this really text?)");
    }
}

TEST(MarkdownImport, ThematicBreakAtTheTopIsNoFrontMatter) {
    const ParseResult r = parseMarkdown("---\nA paragraph after a rule.\n\n---\n\nAnother.\n", "rule.md");
    expectCandidates(r, {{"A paragraph after a rule.", "line 2", "A paragraph after a rule."},
                         {"Another.", "line 6", "Another."}});
}

TEST(MarkdownImport, LargeDocumentIsRead) {
    // About 4 MB of report text. Its speed is the import benchmark's (scripts/bench.sh), never a
    // timed test's: a shared machine makes a time limit fail for reasons of its own.
    std::string md;
    for (int i = 0; md.size() < (4u << 20); ++i) {
        md += "## Section " + std::to_string(i) + "\n\n";
        md += "Customers in segment " + std::to_string(i % 7) + " said the *delivery* was late and the\n"
              "invoice hard to read; 客户认为配送太慢，\n发票也看不懂。\n\n";
        md += "- first point\n  - nested point with `code`\n- second point\n\n> a quote\n\n";
    }
    const ParseResult r = parseMarkdown(md, "big.md");
    EXPECT_GT(r.candidates.size(), 90000u);
    EXPECT_EQ(r.candidates[0].text,
              "Customers in segment 0 said the delivery was late and the invoice hard to read; 客户认为配送太慢，发票也看不懂。");
    EXPECT_EQ(r.candidates[0].location, "Section 0, line 3");
}

TEST(MarkdownImport, ProgressCanCancel) {
    ParseOptions opt;
    opt.progress = [](double) { return false; };
    try {
        parseMarkdown("Para.\n", "c.md", opt);
        FAIL() << "expected an ImportError";
    } catch (const ImportError& e) {
        EXPECT_EQ(std::string(e.what()), "c.md: cancelled");
    }
}
