// Plain text: a candidate per paragraph, or per line where a text has no blank lines.
#include <gtest/gtest.h>

#include "storage/import/candidate.h"
#include "import_test_util.h"

using namespace cc::import;

using cc::test::Expected;
using cc::test::expectCandidates;
using cc::test::fixture;
using cc::test::fixturePath;

namespace {


}  // namespace

TEST(PlainTextImport, ParagraphsHyphenationChineseJoiningAndLists) {
    const std::string name = "text-interview-notes.txt";
    const ParseResult r = parsePlainText(decodeText(fixture(name), name), name);
    EXPECT_EQ(r.format, "text");
    expectCandidates(
        r,
        {
            {"Interview notes, Northgate Dental, 14 March 2024", "line 1",
             "Interview notes, Northgate Dental, 14 March 2024"},
            // Wrapped English joined with spaces; "inter-" + "national" de-hyphenated.
            {"The practice manager said the new booking portal saves her team about an hour a day, but older "
             "patients still phone in. She thinks the international payment option is confusing and rarely used.",
             "lines 3-5",
             "The practice manager said the new booking portal saves her team about\n"
             "an hour a day, but older patients still phone in. She thinks the inter-\n"
             "national payment option is confusing and rarely used."},
            // List entries keep their own lines; the excerpt keeps the indentation.
            {"Key points from the call:\n- renew the contract in June\n- wants a second user licence", "lines 7-9",
             "  Key points from the call:\n- renew the contract in June\n- wants a second user licence"},
            // Between two Chinese characters nothing is inserted; between Latin and Chinese a space.
            {"客户表示新系统上线后，前台的工作量明显减少，但是老年患者仍然习惯打电话预约。她希望我们提供 WhatsApp 提醒功能。",
             "lines 11-14",
             "客户表示新系统上线后，前台的工作量明显减少，\n但是老年患者仍然习惯打电话预约。\n她希望我们提供 WhatsApp\n提醒功能。"},
            {"Follow-up: send the pricing sheet for multi-site practices.", "lines 16-17",
             "Follow-up: send the pricing sheet for multi-site\npractices."},
        });
}

TEST(PlainTextImport, TextWithoutBlankLinesIsOneCandidatePerLine) {
    const std::string name = "text-complaints-log.txt";
    const ParseResult r = parsePlainText(decodeText(fixture(name), name), name);
    expectCandidates(r, {
                            {"2024-03-01 Caller waited 40 minutes before reaching an agent.", "line 1",
                             "2024-03-01 Caller waited 40 minutes before reaching an agent."},
                            {"2024-03-02 Parcel arrived damaged; customer wants a refund.", "line 2",
                             "2024-03-02 Parcel arrived damaged; customer wants a refund."},
                            {"2024-03-02 客户投诉快递员态度不好，要求退款。", "line 3",
                             "2024-03-02 客户投诉快递员态度不好，要求退款。"},
                            {"2024-03-04 The app crashed twice during checkout.", "line 4",
                             "2024-03-04 The app crashed twice during checkout."},
                        });
}

TEST(PlainTextImport, ChineseReportFromAnOldWindowsEditor) {
    // GBK with CRLF line ends, as Notepad on a Chinese Windows saves it.
    const std::string name = "enc-windows-gbk.txt";
    std::string encoding;
    const ParseResult r = parsePlainText(decodeText(fixture(name), name, &encoding), name);
    EXPECT_EQ(encoding, "GB18030");
    expectCandidates(r, {
                            {"客户满意度调查报告（2023年第四季度）", "line 1", "客户满意度调查报告（2023年第四季度）"},
                            // The section title keeps its own line; the wrapped sentences are joined.
                            {"一、总体满意度\n本季度总体满意度为78%，比上季度下降了3个百分点。主要原因是物流延误和客服响应慢。",
                             "lines 3-5",
                             "一、总体满意度\n本季度总体满意度为78%，比上季度下降了3个百分点。\n主要原因是物流延误和客服响应慢。"},
                            {"二、改进建议\n1. 增加周末客服人员。\n2. 与第二家快递公司合作，分担高峰期的订单。", "lines 7-9",
                             "二、改进建议\n1. 增加周末客服人员。\n2. 与第二家快递公司合作，分担高峰期的订单。"},
                        });
}

TEST(PlainTextImport, HyphenRules) {
    const ParseResult r = parsePlainText(
        "A well-\nKnown brand.\n\nSee the e-\nmail.\n\nA dash -\nthen more.\n\nNumbers 3-\n4 days.\n", "h.txt");
    ASSERT_EQ(r.candidates.size(), 4u);
    EXPECT_EQ(r.candidates[0].text, "A well- Known brand.");  // capital after the hyphen: kept
    EXPECT_EQ(r.candidates[1].text, "See the email.");
    EXPECT_EQ(r.candidates[2].text, "A dash - then more.");  // a dash after a space is no hyphenation
    EXPECT_EQ(r.candidates[3].text, "Numbers 3- 4 days.");
}

TEST(PlainTextImport, EdgeCases) {
    EXPECT_TRUE(parsePlainText("", "e.txt").candidates.empty());
    EXPECT_TRUE(parsePlainText("\n\n  \n\t\n", "e.txt").candidates.empty());
    // A single line, with CR line ends left by a caller that did not decode.
    const ParseResult one = parsePlainText("Just one line.\r\n", "one.txt");
    ASSERT_EQ(one.candidates.size(), 1u);
    EXPECT_EQ(one.candidates[0].text, "Just one line.");
    EXPECT_EQ(one.candidates[0].excerpt, "Just one line.");
    // Leading blank lines do not count as blank lines between paragraphs.
    const ParseResult lines = parsePlainText("\n\nfirst\nsecond\n", "l.txt");
    ASSERT_EQ(lines.candidates.size(), 2u);
    EXPECT_EQ(lines.candidates[1].location, "line 4");
    // Ideographic spaces around a line are trimmed.
    const ParseResult cjk = parsePlainText("\xE3\x80\x80\xE3\x80\x80段落开头\n继续\n\n下一段\n", "c.txt");
    ASSERT_EQ(cjk.candidates.size(), 2u);
    EXPECT_EQ(cjk.candidates[0].text, "段落开头继续");
    // A paragraph over 4 MB is refused.
    EXPECT_THROW(parsePlainText(std::string(5u << 20, 'a'), "big.txt"), ImportError);
    // Invalid UTF-8 from a caller that skipped decoding does not crash.
    EXPECT_NO_THROW(parsePlainText("\xFF\xFE\xE4\n\n\xC3", "bad.txt"));
}
