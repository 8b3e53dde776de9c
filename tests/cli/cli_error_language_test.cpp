// The errors of the lower layers (a board that is missing or is no board, a file that cannot be
// imported) in the interface language: one line on stderr that names the file, a non-zero exit
// status, and the board as it was. The words come from storage/ (message() and the catalogue).

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli_language_fixture.h"
#include "cli_util.h"

namespace {

struct CliErrorLanguage : cc::test::CliInALanguage {
    std::string board = dir.file("board.ccboard");

    /// The refusal of `args`: exit status 1, nothing on stdout, exactly one line on stderr.
    std::string refused(const std::vector<std::string>& args) {
        const cc::test::Run r = cc(args);
        EXPECT_EQ(r.status, 1) << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(r.err.back(), '\n') << r.err;
        return r.err;
    }
    void makeBoard() {
        ok({"new", board, "--title", "Branch visits", "--lang", "en"});
        ok({"--author", "王芳", "add", board, "--text", "Queues at the branch are long", "--source", "survey", "--quadrant", "2"});
    }
    /// Files that are no board and cannot be imported.
    void makeBadFiles() {
        cc::test::writeFile(dir.file("notes.ccboard"), "just some notes, typed in a text editor\n");
        cc::test::writeFile(dir.file("report.docx"), "this is no zip archive");
        cc::test::writeFile(dir.file("slides.key"), "keynote");
    }
};

TEST_F(CliErrorLanguage, ChineseErrorsNameTheFileInOneLine) {
    makeBoard();
    makeBadFiles();
    ok({"config", "language", "zh"});
    const std::string listed = ok({"list", board});
    const std::string bytes = cc::test::readFile(board);

    const std::string missing = dir.file("missing.ccboard");
    EXPECT_EQ(refused({"list", missing}), "customer-canvas: " + missing + "：文件不存在\n");
    EXPECT_EQ(refused({"list", dir.file("notes.ccboard")}),
              "customer-canvas: " + dir.file("notes.ccboard") + "：不是 Customer Canvas 看板（不是 SQLite 数据库）\n");
    EXPECT_EQ(refused({"import", board, dir.file("report.docx")}),
              "customer-canvas: " + dir.file("report.docx") + "：不是 DOCX 文档（不是 zip 压缩包）\n");
    EXPECT_EQ(refused({"import", board, dir.file("slides.key")}),
              "customer-canvas: " + dir.file("slides.key") +
                  "：未知的文件类型“.key”（支持 Markdown、文本、PDF、DOCX、CSV、TSV 或 JSON Canvas）\n");
    EXPECT_EQ(refused({"import", board, dir.file("gone.md")}), "customer-canvas: " + dir.file("gone.md") + "：文件不存在\n");
    const std::string nowhere = dir.file("nowhere/summary.md");
    EXPECT_EQ(refused({"summary", board, "--month", "2026-03", "--out", nowhere}), "customer-canvas: " + nowhere + "：文件夹不存在\n");

    // Nothing of the refused imports reached the board.
    EXPECT_EQ(ok({"list", board}), listed);
    EXPECT_EQ(cc::test::readFile(board), bytes);
}

TEST_F(CliErrorLanguage, EnglishErrorsAsBefore) {
    makeBoard();
    makeBadFiles();
    const std::string listed = ok({"list", board});
    const std::string bytes = cc::test::readFile(board);

    const std::string missing = dir.file("missing.ccboard");
    EXPECT_EQ(refused({"list", missing}), "customer-canvas: " + missing + ": no such file\n");
    EXPECT_EQ(refused({"list", dir.file("notes.ccboard")}),
              "customer-canvas: " + dir.file("notes.ccboard") + ": not a Customer Canvas board (not an SQLite database)\n");
    EXPECT_EQ(refused({"import", board, dir.file("report.docx")}),
              "customer-canvas: " + dir.file("report.docx") + ": not a DOCX (not a zip archive)\n");
    EXPECT_EQ(refused({"import", board, dir.file("slides.key")}),
              "customer-canvas: " + dir.file("slides.key") +
                  ": unknown kind of file '.key' (Markdown, text, PDF, DOCX, CSV, TSV or JSON Canvas)\n");

    EXPECT_EQ(ok({"list", board}), listed);
    EXPECT_EQ(cc::test::readFile(board), bytes);
}

TEST_F(CliErrorLanguage, TheLanguageSwitchesBetweenRuns) {
    // The message follows the setting of the run that makes it, not of the one before.
    const std::string missing = dir.file("missing.ccboard");
    ok({"config", "language", "zh"});
    EXPECT_EQ(refused({"list", missing}), "customer-canvas: " + missing + "：文件不存在\n");
    ok({"config", "language", "en"});
    EXPECT_EQ(refused({"list", missing}), "customer-canvas: " + missing + ": no such file\n");
}

TEST_F(CliErrorLanguage, AnInvalidBackupIsRefusedInChineseWithTheNoteNamed) {
    makeBoard();
    const std::string backup = dir.file("backup.json");
    ok({"export", board, "--out", backup});
    std::string json = cc::test::readFile(backup);
    const std::size_t at = json.find("\"survey\"");
    ASSERT_NE(at, std::string::npos) << json.substr(0, 400);
    json.replace(at, 8, "\"séance\"");  // a source kind nobody defined
    cc::test::writeFile(backup, json);
    const std::string restored = dir.file("restored.ccboard");

    ok({"config", "language", "zh"});
    const std::string zh = refused({"restore", backup, restored});
    EXPECT_EQ(zh.rfind("customer-canvas: " + backup + "：无效的备份：便签 ", 0), 0u) << zh;
    EXPECT_NE(zh.find("：未知的来源类型“séance”\n"), std::string::npos) << zh;
    EXPECT_FALSE(std::filesystem::exists(restored));

    ok({"config", "language", "en"});
    const std::string en = refused({"restore", backup, restored});
    EXPECT_EQ(en.rfind("customer-canvas: " + backup + ": invalid backup: note ", 0), 0u) << en;
    EXPECT_NE(en.find(": unknown source kind 'séance'\n"), std::string::npos) << en;
    EXPECT_FALSE(std::filesystem::exists(restored));
}

TEST_F(CliErrorLanguage, RowsAnotherProgramBrokeAreRepairedOnReadingAndSaidInChinese) {
    ok({"new", board, "--title", "Branch visits", "--lang", "en"});
    std::string id = ok({"add", board, "--text", "Queues", "--quadrant", "2"});
    id.erase(id.find_last_not_of("\n") + 1);
    cc::test::execSql(board, "UPDATE note SET votes = -5 WHERE id = '" + id + "'");
    ok({"config", "language", "zh"});
    const cc::test::Run zh = cc({"list", board});
    EXPECT_EQ(zh.status, 0) << zh.err;
    EXPECT_NE(zh.err.find(board + "：便签 " + id + "：票数 -5 超出范围，已改为 0（读取时已修复，未保存）\n"), std::string::npos) << zh.err;
    ok({"config", "language", "en"});
    const cc::test::Run en = cc({"list", board});
    EXPECT_NE(en.err.find(board + ": note " + id + ": votes -5 out of range, set to 0 (repaired on reading, not saved)\n"),
              std::string::npos)
        << en.err;
}

/// The places in `text` where a Chinese character is followed by ASCII punctuation: ": ", ", ",
/// "; " or " (" (the characters of U+4E00..U+9FFF start with the bytes E4..E9 in UTF-8).
std::vector<std::string> asciiPunctuationAfterChinese(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t i = 3; i + 1 < text.size(); ++i) {
        const unsigned char lead = static_cast<unsigned char>(text[i - 3]);
        if (lead < 0xE4 || lead > 0xE9) continue;
        const std::string two = text.substr(i, 2);
        if (two == ": " || two == ", " || two == "; " || two == " (")
            out.push_back(text.substr(i - 3, std::min<std::size_t>(40, text.size() - (i - 3))));
    }
    return out;
}

TEST_F(CliErrorLanguage, ChineseSummariesUseChinesePunctuation) {
    makeBoard();
    ok({"--author", "王芳", "add", board, "--text", "Mobile transfers fail at night", "--source", "complaint", "--quadrant", "3"});
    char month[8];
    const std::time_t now = std::time(nullptr);
    std::strftime(month, sizeof month, "%Y-%m", std::localtime(&now));
    for (const std::string ext : {"md", "html"}) {
        const std::string zh = dir.file("summary-zh." + ext), en = dir.file("summary-en." + ext);
        ok({"summary", board, "--month", month, "--out", zh, "--lang", "zh"});
        ok({"summary", board, "--month", month, "--out", en, "--lang", "en"});
        const std::string zhText = cc::test::readFile(zh), enText = cc::test::readFile(en);
        EXPECT_EQ(asciiPunctuationAfterChinese(zhText), std::vector<std::string>{}) << ext;
        if (ext == "md") {
            EXPECT_EQ(zhText.rfind("# 月度董事会摘要：Branch visits", 0), 0u) << zhText.substr(0, 80);
            EXPECT_EQ(enText.rfind("# Monthly board summary: Branch visits", 0), 0u) << enText.substr(0, 80);
        }
    }
}

}  // namespace
