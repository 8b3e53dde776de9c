// PDF: paragraphs in reading order from real PDFs written by LibreOffice (tests/import/fixtures,
// made by make-office-fixtures.sh), with their page and the lines as they stand; the layout rules
// on their own; and every kind of unreadable PDF refused with one line naming the file.
#include <gtest/gtest.h>

#include <algorithm>

#include "storage/import/candidate.h"
#include "storage/import/paragraph_join.h"
#include "storage/import/pdf_layout.h"
#include "import_test_util.h"

using namespace cc::import;
using namespace cc::import::detail;

using cc::test::Expected;
using cc::test::expectCandidates;
using cc::test::fixture;
using cc::test::fixturePath;

namespace {


/// The message of the ImportError that parsing `bytes` throws ("" if none).
std::string pdfError(const std::string& bytes, const std::string& name, const ParseOptions& opt = {}) {
    try {
        parsePdf(bytes, name, opt);
    } catch (const ImportError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

// The long fixture: three A5 pages with a running header and a page number on each, justified text
// hyphenated by LibreOffice, wrapped Chinese, indented quotes, a paragraph running on over a page
// break, and a two-column section whose paragraphs run on from column to column and page to page.
TEST(PdfImport, LongReportParagraphsInReadingOrder) {
    const ParseResult r = parsePdf(fixture("pdf-long.pdf"), "pdf-long.pdf");
    EXPECT_EQ(r.format, "pdf");
    expectCandidates(
        r,
        {
            {"Why customers stop using the mobile app", "page 1", ""},
            // "pass-" + "word" joined; "twenty-four" and "one-time" keep their own hyphens.
            {"Between March and May 2024 the customer insight team interviewed twenty-four retail customers in "
             "Shanghai, Chengdu and Hong Kong about their first ninety days with the redesigned mobile banking "
             "application. Most participants downloaded the application after a branch visit, completed the "
             "registration with help from a branch employee, and then used it confidently for balance enquiries. "
             "Adoption stalled when customers attempted their first interbank transfer: the authentication "
             "sequence, which combines a one-time password, facial recognition and a transaction password, was "
             "described as unpredictable and intimidating.",
             "page 1",
             "Between March and May 2024 the customer insight team\n"
             "interviewed twenty-four retail customers in Shanghai,\n"
             "Chengdu and Hong Kong about their first ninety days with the\n"
             "redesigned mobile banking application. Most participants\n"
             "downloaded the application after a branch visit, completed\n"
             "the registration with help from a branch employee, and then\n"
             "used it confidently for balance enquiries. Adoption stalled\n"
             "when customers attempted their first interbank transfer: the\n"
             "authentication sequence, which combines a one-time pass-\n"
             "word, facial recognition and a transaction password, was\n"
             "described as unpredictable and intimidating."},
            // Chinese lines joined without spaces.
            {"多数受访者表示，首次向新收款人转账时需要经过短信验证码、人脸识别和交易密码三重验证，而且每一步失败后"
             "的提示信息都不够清楚。一位在成都经营小餐馆的客户说，她在午餐高峰期间尝试给供应商付款，连续两次人脸"
             "识别失败后只好放弃，第二天专门去网点办理。类似的经历让客户认为手机银行只适合查询余额，不适合处理真正"
             "重要的资金往来。",
             "page 1",
             "多数受访者表示，首次向新收款人转账时需要经过短信验证码、人脸识\n"
             "别和交易密码三重验证，而且每一步失败后的提示信息都不够清楚。一\n"
             "位在成都经营小餐馆的客户说，她在午餐高峰期间尝试给供应商付款，\n"
             "连续两次人脸识别失败后只好放弃，第二天专门去网点办理。类似的经\n"
             "历让客户认为手机银行只适合查询余额，不适合处理真正重要的资金往\n"
             "来。"},
            // Mixed: an English line ending in Chinese joins the next without a space.
            {"Customers over sixty were the most cautious group. 他们并不排斥新技术，而是担心操作失误无法撤回。"
             "Several of them asked for a confirmation screen that repeats the payee's name in large type, and "
             "for a way to cancel a transfer within a few minutes of sending it.",
             "page 1",
             "Customers over sixty were the most cautious group. 他们并不\n"
             "排斥新技术，而是担心操作失误无法撤回。Several of them asked\n"
             "for a confirmation screen that repeats the payee's name in\n"
             "large type, and for a way to cancel a transfer within a few\n"
             "minutes of sending it."},
            {"What customers expect from notifications", "page 1", ""},
            // Runs on over the page break (the footer "1" and the header of page 2 are gone): it is
            // "page 1", where it starts. "operating-system" keeps its hyphen, "trans-"/"actional" not.
            {"Notifications were the most polarising feature of the application. Participants who travel "
             "frequently appreciated immediate confirmations of card transactions, particularly overseas, because "
             "the notification reassured them that a merchant had charged the correct amount in the correct "
             "currency. Participants with several accounts, however, complained that promotional messages about "
             "investment products arrived through the same channel as security alerts, so that they had learned "
             "to dismiss notifications without reading them. Several participants admitted that they had disabled "
             "notifications entirely after receiving three or four marketing messages in a single afternoon, which "
             "means that they would no longer see a genuine warning about suspicious activity on their accounts. "
             "The team therefore recommends separating transactional and promotional notifications at the "
             "operating-system level and letting customers choose the promotional categories they want to receive.",
             "page 1",
             "Notifications were the most polarising feature of the applica-\n"
             "tion. Participants who travel frequently appreciated immedi-\n"
             "ate confirmations of card transactions, particularly overseas,\n"
             "because the notification reassured them that a merchant had\n"
             "charged the correct amount in the correct currency. Partici-\n"
             "pants with several accounts, however, complained that pro-\n"
             "motional messages about investment products arrived\n"
             "through the same channel as security alerts, so that they had\n"
             "learned to dismiss notifications without reading them. Several\n"
             "participants admitted that they had disabled notifications\n"
             "entirely after receiving three or four marketing messages in a\n"
             "single afternoon, which means that they would no longer see\n"
             "a genuine warning about suspicious activity on their\n"
             "accounts. The team therefore recommends separating trans-\n"
             "actional and promotional notifications at the operating-system\n"
             "level and letting customers choose the promotional categories\n"
             "they want to receive."},
            {"关于消息提醒，受访者的意见分歧明显。经常出差的客户认为实时交易提醒非常有用，尤其是在境外刷卡时，可以"
             "第一时间确认商户扣款金额和币种是否正确。但同时持有多个账户的客户抱怨，理财产品的营销推送和安全提醒混在"
             "同一个渠道里，久而久之他们习惯了不看内容就直接关闭通知。有几位受访者坦言，在一个下午收到三四条营销信息"
             "之后，他们干脆关闭了全部通知，这意味着他们再也看不到真正的可疑交易警告。",
             "page 2",
             "关于消息提醒，受访者的意见分歧明显。经常出差的客户认为实时交易\n"
             "提醒非常有用，尤其是在境外刷卡时，可以第一时间确认商户扣款金额\n"
             "和币种是否正确。但同时持有多个账户的客户抱怨，理财产品的营销推\n"
             "送和安全提醒混在同一个渠道里，久而久之他们习惯了不看内容就直接\n"
             "关闭通知。有几位受访者坦言，在一个下午收到三四条营销信息之后，\n"
             "他们干脆关闭了全部通知，这意味着他们再也看不到真正的可疑交易警\n"
             "告。"},
            {"Verbatim notes", "page 2", ""},
            // No space between these paragraphs: an indented first line starts each.
            {"“I only open the app to check my balance. For anything bigger I would rather queue at the branch, "
             "even if it takes an hour, because there somebody can tell me what went wrong.” — retiree, Shanghai",
             "page 2",
             "“I only open the app to check my balance. For anything\n"
             "bigger I would rather queue at the branch, even if it takes an\n"
             "hour, because there somebody can tell me what went wrong.”\n"
             "— retiree, Shanghai"},
            {"“The password screen times out while I am still waiting for the text message. Then I have to start "
             "again from the beginning and the same thing happens.” — small business owner, Chengdu",
             "page 2",
             "“The password screen times out while I am still waiting for\n"
             "the text message. Then I have to start again from the begin-\n"
             "ning and the same thing happens.” — small business owner,\n"
             "Chengdu"},
            {"“我最怕的是转错账。柜台的工作人员会帮我再核对一遍收款人姓名，手机上没有人帮我看。” — 退休客户，成都",
             "page 2",
             "“我最怕的是转错账。柜台的工作人员会帮我再核对一遍收款人姓名，\n"
             "手机上没有人帮我看。” — 退休客户，成都"},
            // The two-column section: column 1, then column 2 (poppler's own order starts with the top of
            // column 2); the paragraph crossing from column 1 to column 2 is one.
            {"Appendix: how the study was run", "page 2", "Appendix: how the\nstudy was run"},
            {"Each interview lasted about seventy minutes and took place in a quiet meeting room near a branch, so "
             "that participants could show us the application on their own phones. Two researchers attended every "
             "session: one moderated the conversation while the other took notes and photographed the screens with "
             "the participant's permission.",
             "page 2",
             "Each interview lasted about\nseventy minutes and took\nplace in a quiet meeting\n"
             "room near a branch, so that\nparticipants could show us\nthe application on their own\n"
             "phones. Two researchers\nattended every session: one\nmoderated the conversation\n"
             "while the other took notes\nand photographed the\nscreens with the partici-\npant's permission."},
            {"访谈对象按年龄、常用渠道和账户数量分层招募，其中八位为退休客户，八位为年轻职场人士，八位为小微企业主。"
             "所有受访者在访谈前签署了知情同意书，访谈录音在转写完成后已按规定删除。",
             "page 2",
             "访谈对象按年龄、常用渠道和账户\n数量分层招募，其中八位为退休客\n户，八位为年轻职场人士，八位为\n"
             "小微企业主。所有受访者在访谈前\n签署了知情同意书，访谈录音在转\n写完成后已按规定删除。"},
            // Page 3, still two columns: from the foot of column 1 to the top of column 2.
            {"Participants received a shopping voucher worth two hundred yuan as a thank-you for their time. None "
             "of them was told in advance which bank had commissioned the research, which we believe made their "
             "criticism of the transfer process more candid than it would otherwise have been.",
             "page 3",
             "Participants received a shop-\nping voucher worth two hun-\ndred yuan as a thank-you for\n"
             "their time. None of them was\ntold in advance which bank\nhad commissioned the\n"
             "research, which we believe\nmade their criticism of the\ntransfer process more candid\n"
             "than it would otherwise have\nbeen."},
        });
    for (const auto& c : r.candidates) {
        EXPECT_EQ(c.excerpt.find("Retail Banking Customer Insight"), std::string::npos) << "running header kept";
        EXPECT_FALSE(isPageNumber(c.text)) << "page number kept: " << c.text;
    }
}

// The DOCX report as LibreOffice prints it: title over two lines, headings, a bulleted list (the
// bullet stays in the excerpt only) and a table read row by row.
TEST(PdfImport, ReportExportedByLibreOffice) {
    const ParseResult r = parsePdf(fixture("pdf-report.pdf"), "pdf-report.pdf");
    expectCandidates(
        r,
        {
            {"手机银行体验研究 Mobile Banking Experience Study 2024", "page 1",
             "手机银行体验研究 Mobile Banking Experience\nStudy 2024"},
            {"Prepared by the Customer Insight team, Retail Banking, for the digital channels steering group.",
             "page 1", "Prepared by the Customer Insight team, Retail Banking, for the digital\nchannels steering group."},
            {"Summary", "page 1", ""},
            {"We interviewed 24 retail customers in Shanghai, Chengdu and Hong Kong between March and May 2024 to "
             "understand why mobile banking use stalls after the first month.",
             "page 1",
             "We interviewed 24 retail customers in Shanghai, Chengdu and Hong Kong\nbetween March and May 2024 to "
             "understand why mobile banking use stalls\nafter the first month."},
            {"受访者普遍认为转账流程过于复杂，尤其是首次添加收款人时需要多次验证。", "page 1", ""},
            {"Younger customers open the app every day, but 年长客户更依赖网点柜台 for anything involving large sums.",
             "page 1", "Younger customers open the app every day, but 年长客户更依赖网点柜台 for\nanything involving large sums."},
            {"Findings", "page 1", ""},
            {"Mobile banking", "page 1", ""},
            {"The first interbank transfer is the moment of truth: eleven of the 24 participants abandoned it at "
             "least once.",
             "page 1",
             "The first interbank transfer is the moment of truth: eleven of the 24\nparticipants abandoned it at "
             "least once."},
            {"Participants named three obstacles:", "page 1", ""},
            {"The one-time password arrives after the screen has already timed out.", "page 1",
             "• The one-time password arrives after the screen has already timed out."},
            {"人脸识别在光线不足时经常失败。", "page 1", "• 人脸识别在光线不足时经常失败。"},
            {"Error messages do not say which step failed or what to do next.", "page 1",
             "• Error messages do not say which step failed or what to do next."},
            {"Branch visits", "page 1", ""},
            {"Branches remain the place where customers go to repair what went wrong in the app.", "page 1",
             "Branches remain the place where customers go to repair what went wrong\nin the app."},
            {"Segment | Main channel | Top complaint", "page 1", "Segment\nMain channel\nTop complaint"},
            {"Young professionals | Mobile app | Transfer limits are too low", "page 1",
             "Young professionals\nMobile app\nTransfer limits are too\nlow"},
            {"退休客户 Retirees | Branch counter | 排队时间太长", "page 1", "退休客户 Retirees\nBranch counter\n排队时间太长"},
            {"Small business owners | Phone banking | Nobody calls back", "page 1",
             "Small business owners\nPhone banking\nNobody calls back"},
            {"Recommendations", "page 2", ""},
            {"Show the payee’s name in large type on the confirmation screen and allow a transfer to be cancelled "
             "within five minutes of sending it.",
             "page 2",
             "Show the payee’s name in large type on the confirmation screen and allow a\ntransfer to be cancelled "
             "within five minutes of sending it."},
            {"简化首次转账的验证步骤，并在每一步失败时给出明确的下一步提示。", "page 2", ""},
        });
}

TEST(PdfImport, ThroughParseFileByExtensionAndSignature) {
    const ParseResult r = parseFile(fixturePath("pdf-report.pdf"));
    EXPECT_EQ(r.format, "pdf");
    ASSERT_FALSE(r.candidates.empty());
    EXPECT_EQ(r.candidates.front().location, "page 1");
}

TEST(PdfImport, ProgressPerPageAndCancel) {
    std::vector<double> seen;
    ParseOptions opt;
    opt.progress = [&](double share) {
        seen.push_back(share);
        return true;
    };
    parsePdf(fixture("pdf-long.pdf"), "pdf-long.pdf", opt);
    EXPECT_EQ(seen, (std::vector<double>{1.0 / 3, 2.0 / 3, 1.0}));

    ParseOptions cancel;
    cancel.progress = [](double) { return false; };
    EXPECT_EQ(pdfError(fixture("pdf-long.pdf"), "pdf-long.pdf", cancel), "pdf-long.pdf: cancelled");
}

TEST(PdfImport, EncryptedTruncatedAndBrokenFilesAreRefusedInOneLine) {
    EXPECT_EQ(pdfError(fixture("pdf-encrypted.pdf"), "pdf-encrypted.pdf"),
              "pdf-encrypted.pdf: the PDF is encrypted (password protected)");
    EXPECT_EQ(pdfError(fixture("pdf-truncated.pdf"), "pdf-truncated.pdf"),
              "pdf-truncated.pdf: not a readable PDF (no %%EOF marker at the end: the file is cut short)");
    EXPECT_EQ(pdfError("", "empty.pdf"), "empty.pdf: not a readable PDF (the file is empty)");
    EXPECT_EQ(pdfError("PK\x03\x04 this is a zip", "renamed.pdf"),
              "renamed.pdf: not a readable PDF (no %PDF- header at the start)");
    // A header and an end marker with nothing sound between them: poppler's complaint, on one line.
    const std::string broken = pdfError("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n", "broken.pdf");
    EXPECT_EQ(broken.rfind("broken.pdf: not a readable PDF (", 0), 0u) << broken;
    EXPECT_EQ(broken.back(), ')');
    // The report cut in the middle but given its end marker back: the cross-reference table is lost.
    std::string cut = fixture("pdf-report.pdf");
    cut = cut.substr(0, cut.size() / 2) + "\n%%EOF\n";
    const std::string cutError = pdfError(cut, "cut.pdf");
    EXPECT_EQ(cutError.rfind("cut.pdf: ", 0), 0u) << cutError;
    for (const std::string& e : {broken, cutError}) EXPECT_EQ(e.find('\n'), std::string::npos) << e;
}

TEST(PdfImport, GarbageNeverCrashes) {
    // Every prefix length of a real PDF with its end marker put back, and bytes flipped in its body.
    const std::string pdf = fixture("pdf-report.pdf");
    for (std::size_t len = 0; len < pdf.size(); len += pdf.size() / 23) {
        const std::string bytes = pdf.substr(0, len) + "\n%%EOF\n";
        try {
            parsePdf(bytes, "prefix.pdf");
        } catch (const ImportError&) {
        }
    }
    std::string flipped = pdf;
    for (std::size_t i = 1000; i < flipped.size(); i += 997) flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
    try {
        parsePdf(flipped, "flipped.pdf");
    } catch (const ImportError&) {
    }
}

// --- the layout rules on their own -----------------------------------------------------------------

TEST(PdfParagraphJoin, EnglishChineseAndHyphens) {
    EXPECT_EQ(joinWrappedLines({"the quick brown", "fox jumps"}), "the quick brown fox jumps");
    EXPECT_EQ(joinWrappedLines({"our custo-", "mers said"}), "our customers said");
    EXPECT_EQ(joinWrappedLines({"our custo\u2010", "mers said"}), "our customers said");  // U+2010 HYPHEN
    EXPECT_EQ(joinWrappedLines({"our custo\u00AD", "mers said"}), "our customers said");  // soft hyphen
    EXPECT_EQ(joinWrappedLines({"客户普遍认为转账流程", "过于复杂"}), "客户普遍认为转账流程过于复杂");
    EXPECT_EQ(joinWrappedLines({"the app is used by", "年长客户"}), "the app is used by年长客户");
    EXPECT_EQ(joinWrappedLines({"年长客户", "use branches"}), "年长客户use branches");
    // A hyphen before a capital or a digit is the word's own; a dash after a space is a dash.
    EXPECT_EQ(joinWrappedLines({"Anti-", "Money Laundering"}), "Anti-Money Laundering");
    EXPECT_EQ(joinWrappedLines({"open 09:00–", "17:00 daily"}), "open 09:00–17:00 daily");
    EXPECT_EQ(joinWrappedLines({"slow -", "very slow"}), "slow - very slow");
    // The document says "e-banking" elsewhere: the hyphen at the line end stays.
    const KeepHyphen known = [](std::string_view w) { return w == "e-banking"; };
    EXPECT_EQ(joinWrappedLines({"use e-", "banking daily"}, known), "use e-banking daily");
    EXPECT_EQ(joinWrappedLines({"use custo-", "mers daily"}, known), "use customers daily");
    // Trailing and leading spaces at the break do not double up; empty lines are nothing.
    EXPECT_EQ(joinWrappedLines({"one  ", "", "  two"}), "one two");
}

TEST(PdfLayout, PageNumbers) {
    for (const char* yes : {"7", "- 7 -", "– 12 –", "Page 3", "page 3 of 12", "3 / 12", "3 of 12", "第 3 页",
                            "第3页 共12页", "iv", "XII", "Seite 4", "| 9 |"})
        EXPECT_TRUE(isPageNumber(yes)) << yes;
    for (const char* no : {"2024 survey", "Page three", "Figure 3", "第三章", "Mild", "7 customers", ""})
        EXPECT_FALSE(isPageNumber(no)) << no;
}

namespace {

PdfWord word(const std::string& text, double x0, double y0, double x1, double size = 10, bool spaceAfter = true) {
    PdfWord w;
    w.text = text;
    w.x0 = x0, w.x1 = x1, w.y0 = y0, w.y1 = y0 + size * 1.2;
    w.fontSize = size;
    w.firstGlyphWidth = size * 0.6;
    w.spaceAfter = spaceAfter;
    return w;
}

/// Lines of words of 40 points with gaps of 5, starting at x, one line per string.
std::vector<PdfWord> lines(const std::vector<std::string>& texts, double x, double y, double leading = 12,
                           double firstIndent = 0) {
    std::vector<PdfWord> out;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        double left = x + (i == 0 ? firstIndent : 0);
        std::size_t start = 0;
        const std::string& t = texts[i];
        while (start < t.size()) {
            std::size_t end = t.find(' ', start);
            if (end == std::string::npos) end = t.size();
            out.push_back(word(t.substr(start, end - start), left, y + leading * static_cast<double>(i), left + 40));
            left += 45;
            start = end + 1;
        }
        out.back().spaceAfter = false;
    }
    return out;
}

std::vector<std::string> paragraphTexts(const std::vector<PdfPage>& pages) {
    std::vector<std::string> out;
    for (const auto& p : buildParagraphs(pages)) out.push_back(joinWrappedLines(p.lines));
    return out;
}

PdfPage page(int number, const std::vector<PdfWord>& words) {
    PdfPage p;
    p.number = number;
    p.width = 600;
    p.height = 800;
    p.lines = groupWordsIntoLines(words);
    return p;
}

}  // namespace

TEST(PdfLayout, FirstLineIndentSplitsParagraphsWithoutSpacing) {
    std::vector<PdfWord> w = lines({"aa bb cc dd ee ff gg", "hh ii jj kk ll mm nn", "oo pp"}, 100, 100, 12, 20);
    for (const auto& x : lines({"qq rr ss tt uu vv ww", "xx yy"}, 100, 136, 12, 20)) w.push_back(x);
    EXPECT_EQ(paragraphTexts({page(1, w)}),
              (std::vector<std::string>{"aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp", "qq rr ss tt uu vv ww xx yy"}));
}

TEST(PdfLayout, ShortLineWhereTheNextWordWouldHaveFitEndsAParagraph) {
    // No spacing, no indent: only the short line tells.
    std::vector<PdfWord> w = lines({"aa bb cc dd ee ff gg", "hh ii", "jj kk ll mm nn oo pp", "qq"}, 100, 100);
    EXPECT_EQ(paragraphTexts({page(1, w)}), (std::vector<std::string>{"aa bb cc dd ee ff gg hh ii", "jj kk ll mm nn oo pp qq"}));
}

TEST(PdfLayout, BulletsWithHangingIndent) {
    std::vector<PdfWord> w;
    w.push_back(word("•", 100, 100, 105));
    for (const auto& x : lines({"aa bb cc dd ee ff", "gg hh"}, 120, 100)) w.push_back(x);
    w.push_back(word("•", 100, 124, 105));
    for (const auto& x : lines({"ii jj"}, 120, 124)) w.push_back(x);
    const auto paras = buildParagraphs({page(1, w)});
    ASSERT_EQ(paras.size(), 2u);
    EXPECT_TRUE(paras[0].bulleted);
    EXPECT_EQ(paras[0].lines, (std::vector<std::string>{"• aa bb cc dd ee ff", "gg hh"}));
    EXPECT_EQ(paras[1].lines, (std::vector<std::string>{"• ii jj"}));
}

TEST(PdfLayout, TwoColumnsAreReadOneAfterTheOther) {
    // poppler's order interleaves the columns line by line; the columns are read whole.
    const std::vector<PdfWord> left = lines({"aa bb cc", "dd ee ff", "gg hh ii", "jj kk."}, 50, 100);
    const std::vector<PdfWord> right = lines({"ll mm nn", "oo pp qq", "rr ss."}, 300, 100);
    std::vector<PdfWord> w;
    for (std::size_t i = 0; i < 12; ++i) {
        if (i < left.size()) w.push_back(left[i]);
        if (i < right.size()) w.push_back(right[i]);
    }
    EXPECT_EQ(paragraphTexts({page(1, w)}),
              (std::vector<std::string>{"aa bb cc dd ee ff gg hh ii jj kk.", "ll mm nn oo pp qq rr ss."}));
}

TEST(PdfLayout, RunningHeadersFootersAndPageNumbersDropped) {
    std::vector<PdfPage> pages;
    for (int n = 1; n <= 4; ++n) {
        std::vector<PdfWord> w = lines({"Customer Insight Report 2024"}, 100, 20);  // header, on every page
        for (const auto& x : lines({"Body text of page " + std::to_string(n)}, 100, 300)) w.push_back(x);
        // A footer with the page number, and on page 3 a chapter heading that differs.
        for (const auto& x : lines({"Page " + std::to_string(n) + " of 4"}, 100, 760)) w.push_back(x);
        pages.push_back(page(n, w));
    }
    dropHeadersAndFooters(pages);
    for (const auto& p : pages) {
        ASSERT_EQ(p.lines.size(), 1u);
        EXPECT_EQ(p.lines[0].text, "Body text of page " + std::to_string(p.number));
    }
    // A running head with the chapter's title and the page number, which changes with the chapter.
    std::vector<PdfPage> book;
    const char* heads[] = {"", "Chapter 1: Introduction 2", "Chapter 2: Findings 3", "Chapter 2: Findings 4"};
    for (int n = 1; n <= 4; ++n) {
        std::vector<PdfWord> w = n == 1 ? std::vector<PdfWord>{word("1", 100, 20, 110, 16), word("Introduction", 120, 20, 220, 16)}
                                        : lines({heads[n - 1]}, 100, 20);
        for (const auto& x : lines({"Text"}, 100, 300)) w.push_back(x);
        book.push_back(page(n, w));
    }
    dropHeadersAndFooters(book);
    EXPECT_EQ(book[0].lines.size(), 2u);  // "1 Introduction" on page 1 is a heading, not a page number
    for (int n = 1; n < 4; ++n) EXPECT_EQ(book[static_cast<std::size_t>(n)].lines.size(), 1u) << n;
}
