// DOCX: paragraphs and table rows with their heading path, from real documents written by pandoc and
// LibreOffice (tests/import/fixtures, made by make-office-fixtures.sh) and from small documents
// built here for what those tools do not write (text boxes, tables of contents, other prefixes);
// and every kind of bad file refused with one line naming the file and the reason.
#include <gtest/gtest.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>

#include "storage/import/candidate.h"
#include "import_test_util.h"

using namespace cc::import;

using cc::test::Expected;
using cc::test::expectCandidates;
using cc::test::fixture;
using cc::test::fixturePath;

namespace {


std::string docxError(const std::string& bytes, const std::string& name, const ParseOptions& opt = {}) {
    try {
        parseDocx(bytes, name, opt);
    } catch (const ImportError& e) {
        return e.what();
    }
    return "";
}

/// A zip archive of the given parts, made in memory with libzip.
std::string makeZip(const std::vector<std::pair<std::string, std::string>>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    for (const auto& [name, data] : parts) {
        zip_source_t* s = zip_source_buffer(archive, data.data(), data.size(), 0);
        zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    }
    zip_close(archive);
    std::string out;
    zip_source_open(buffer);
    zip_source_seek(buffer, 0, SEEK_END);
    out.resize(static_cast<std::size_t>(zip_source_tell(buffer)));
    zip_source_seek(buffer, 0, SEEK_SET);
    zip_source_read(buffer, out.data(), out.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

const char* const kStyles = R"(<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="ReportSection"><w:name w:val="Report Section"/><w:basedOn w:val="Heading2"/></w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Kapitel"><w:name w:val="Kapitel"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>
  <w:style w:type="character" w:styleId="Heading1Char"><w:name w:val="Heading 1 Char"/></w:style>
</w:styles>)";

/// A DOCX whose body is `body` (WordprocessingML with the prefix w:, or `prefix`).
std::string makeDocx(const std::string& body, const std::string& prefix = "w") {
    const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<" + prefix +
                            ":document xmlns:" + prefix +
                            "=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                            "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
                            "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
                            "xmlns:v=\"urn:schemas-microsoft-com:vml\"><" +
                            prefix + ":body>" + body + "</" + prefix + ":body></" + prefix + ":document>";
    return makeZip({{"word/document.xml", xml}, {"word/styles.xml", kStyles}});
}

std::string p(const std::string& text, const std::string& style = "") {
    return "<w:p>" + (style.empty() ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>") +
           "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

}  // namespace

// The research report as pandoc writes it: Title, Heading 1 and 2, English and Chinese paragraphs, a
// bulleted list, a table with a header row, and a tracked change (insertion kept, deletion not).
TEST(DocxImport, ReportWrittenByPandoc) {
    const ParseResult r = parseDocx(fixture("docx-report.docx"), "docx-report.docx");
    EXPECT_EQ(r.format, "docx");
    const std::string title = "手机银行体验研究 Mobile Banking Experience Study 2024";
    expectCandidates(
        r,
        {
            {"Prepared by the Customer Insight team, Retail Banking, for the digital channels steering group.",
             title + ", paragraph 2", ""},
            {"We interviewed 24 retail customers in Shanghai, Chengdu and Hong Kong between March and May 2024 to "
             "understand why mobile banking use stalls after the first month.",
             "Summary, paragraph 4", ""},
            {"受访者普遍认为转账流程过于复杂，尤其是首次添加收款人时需要多次验证。", "Summary, paragraph 5", ""},
            {"Younger customers open the app every day, but 年长客户更依赖网点柜台 for anything involving large sums.",
             "Summary, paragraph 6", ""},
            {"The first interbank transfer is the moment of truth: eleven of the 24 participants abandoned it at "
             "least once.",
             "Findings > Mobile banking, paragraph 9", ""},
            {"Participants named three obstacles:", "Findings > Mobile banking, paragraph 10", ""},
            {"The one-time password arrives after the screen has already timed out.",
             "Findings > Mobile banking, paragraph 11", ""},
            {"人脸识别在光线不足时经常失败。", "Findings > Mobile banking, paragraph 12", ""},
            {"Error messages do not say which step failed or what to do next.", "Findings > Mobile banking, paragraph 13",
             ""},
            {"Branches remain the place where customers go to repair what went wrong in the app.",
             "Findings > Branch visits, paragraph 15", ""},
            // Row 1 is the header row ("Segment | Main channel | Top complaint"): not a note.
            {"Young professionals | Mobile app | Transfer limits are too low", "Findings > Branch visits, table 1 row 2",
             ""},
            {"退休客户 Retirees | Branch counter | 排队时间太长", "Findings > Branch visits, table 1 row 3", ""},
            {"Small business owners | Phone banking | Nobody calls back", "Findings > Branch visits, table 1 row 4", ""},
            {"Show the payee’s name in large type on the confirmation screen and allow a transfer to be cancelled "
             "within five minutes of sending it.",
             "Recommendations, paragraph 17", ""},
            {"简化首次转账的验证步骤，并在每一步失败时给出明确的下一步提示。", "Recommendations, paragraph 18", ""},
        });
}

// The same report with the style ids and names a Chinese Word or WPS writes ("1", "2", "a3";
// "标题 2", "标题", and a Heading 1 known only by its outline level): the same notes, the same paths.
TEST(DocxImport, LocalizedStyleIdsResolveByNameAndOutlineLevel) {
    const ParseResult localized = parseDocx(fixture("docx-localized.docx"), "docx-localized.docx");
    const ParseResult report = parseDocx(fixture("docx-report.docx"), "docx-report.docx");
    ASSERT_EQ(localized.candidates.size(), report.candidates.size());
    for (std::size_t i = 0; i < report.candidates.size(); ++i) {
        EXPECT_EQ(localized.candidates[i].text, report.candidates[i].text);
        EXPECT_EQ(localized.candidates[i].location, report.candidates[i].location);
    }
}

// LibreOffice's DOCX of a memo: headings as outline levels on the paragraphs, a tracked deletion and
// insertion, a tab and a line break, a NUMPAGES field (its code skipped, its result kept).
TEST(DocxImport, MemoWrittenByLibreOffice) {
    const ParseResult r = parseDocx(fixture("docx-libreoffice.docx"), "docx-libreoffice.docx");
    expectCandidates(r, {
                            {"Memo to the branch network, June 2024.", "paragraph 1", ""},
                            {"Queues at the counter averaged thirty-five minutes on Monday mornings.",
                             "Branch feedback, paragraph 3", ""},
                            {"Opening hours: 09:00–17:00\nSaturday: 10:00–15:00",
                             "Branch feedback > 分行反馈 Shanghai, paragraph 5",
                             "Opening hours:\t09:00–17:00\nSaturday:\t10:00–15:00"},
                            {"This memo has 1 page.", "Branch feedback > 分行反馈 Shanghai, paragraph 6", ""},
                            {"客户希望周末也能办理开户业务。", "Branch feedback > 分行反馈 Shanghai, paragraph 7", ""},
                        });
}

TEST(DocxImport, ThroughParseFile) {
    const ParseResult r = parseFile(fixturePath("docx-report.docx"));
    EXPECT_EQ(r.format, "docx");
    EXPECT_EQ(r.candidates.size(), 15u);
}

TEST(DocxImport, BadFilesAreRefusedInOneLine) {
    EXPECT_EQ(docxError(fixture("docx-not-a-zip.docx"), "docx-not-a-zip.docx"),
              "docx-not-a-zip.docx: not a DOCX (not a zip archive)");
    EXPECT_EQ(docxError(fixture("docx-no-document.docx"), "docx-no-document.docx"),
              "docx-no-document.docx: not a DOCX (no word/document.xml)");
    // 80 MB of document.xml in an 80 KB file: refused on the size the zip states, before unpacking.
    EXPECT_EQ(docxError(fixture("docx-zip-bomb.docx"), "docx-zip-bomb.docx"),
              "docx-zip-bomb.docx: word/document.xml unpacks to more than 64 MB (a zip bomb?)");
    // 70 MB claiming to be 4 KB: caught while unpacking, at the stated size.
    EXPECT_EQ(docxError(fixture("docx-zip-bomb-lying.docx"), "docx-zip-bomb-lying.docx"),
              "docx-zip-bomb-lying.docx: word/document.xml unpacks to more than the 4 KB its zip entry states (a zip "
              "bomb?)");
    EXPECT_EQ(docxError(fixture("docx-malformed-xml.docx"), "docx-malformed-xml.docx"),
              "docx-malformed-xml.docx: word/document.xml is not well-formed XML at line 1, column 4411 (byte 4410): "
              "Start-end tags mismatch");
    EXPECT_EQ(docxError("", "empty.docx"), "empty.docx: not a DOCX (not a zip archive)");
    // A real DOCX cut short loses its zip directory.
    const std::string report = fixture("docx-report.docx");
    const std::string cut = docxError(report.substr(0, report.size() / 2), "cut.docx");
    EXPECT_EQ(cut.rfind("cut.docx: not a DOCX (", 0), 0u) << cut;
    // A zip whose document.xml packs two megabytes of one letter into a few kilobytes.
    const std::string packed = makeZip({{"word/document.xml", std::string(2u << 20, 'A')}});
    const std::string ratio = docxError(packed, "packed.docx");
    EXPECT_EQ(ratio.rfind("packed.docx: word/document.xml unpacks to 2 MB from ", 0), 0u) << ratio;
    EXPECT_NE(ratio.find(" KB (a zip bomb?)"), std::string::npos) << ratio;
    // Not a Word document inside.
    EXPECT_EQ(docxError(makeZip({{"word/document.xml", "<?xml version=\"1.0\"?><html/>"}}), "odd.docx"),
              "odd.docx: not a DOCX (word/document.xml holds <html>, not a Word document)");
    // Styles are read too: malformed ones are named.
    EXPECT_EQ(docxError(makeZip({{"word/document.xml", "<w:document/>"}, {"word/styles.xml", "<w:styles><w:style>"}}),
                        "styles.docx"),
              "styles.docx: word/styles.xml is not well-formed XML at line 1, column 19 (byte 18): Start-end tags "
              "mismatch");
    for (const std::string& e : {cut, ratio}) EXPECT_EQ(e.find('\n'), std::string::npos) << e;
}

TEST(DocxImport, HeadingPathsFromStylesOutlineLevelsAndTitle) {
    const std::string body = p("Quarterly insight review", "Title") + p("Intro under the title") +
                             p("Findings", "Heading1") + p("Before any subsection") +
                             p("Mobile banking", "ReportSection") +  // based on Heading2
                             p("Under mobile banking") + p("Deep dive", "Heading3") + p("Under the deep dive") +
                             p("Branches", "Heading2") + p("Under branches") +
                             "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/><w:outlineLvl w:val=\"9\"/></w:pPr>"
                             "<w:r><w:t>Styled as a heading, outline level body text</w:t></w:r></w:p>" +
                             p("Anhang", "Kapitel") +  // a custom style with outline level 0
                             p("Under the appendix") + p("   ") + p("") +
                             "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>Direct level 2</w:t></w:r></w:p>" +
                             p("Under the direct heading");
    expectCandidates(parseDocx(makeDocx(body), "h.docx"),
                     {
                         {"Intro under the title", "Quarterly insight review, paragraph 2", ""},
                         {"Before any subsection", "Findings, paragraph 4", ""},
                         {"Under mobile banking", "Findings > Mobile banking, paragraph 6", ""},
                         {"Under the deep dive", "Findings > Mobile banking > Deep dive, paragraph 8", ""},
                         {"Under branches", "Findings > Branches, paragraph 10", ""},
                         {"Styled as a heading, outline level body text", "Findings > Branches, paragraph 11", ""},
                         {"Under the appendix", "Anhang, paragraph 13", ""},
                         {"Under the direct heading", "Anhang > Direct level 2, paragraph 15", ""},
                     });
}

TEST(DocxImport, RunsFieldsTrackedChangesAndBreaks) {
    const std::string body =
        // Runs split mid-word, a hyperlink, an insertion kept, a deletion and a move-from dropped.
        "<w:p><w:r><w:t>Cust</w:t></w:r><w:r><w:t xml:space=\"preserve\">omers </w:t></w:r>"
        "<w:hyperlink><w:r><w:t>praised</w:t></w:r></w:hyperlink>"
        "<w:ins><w:r><w:t xml:space=\"preserve\"> the new</w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText xml:space=\"preserve\"> the old</w:delText></w:r></w:del>"
        "<w:moveFrom><w:r><w:t xml:space=\"preserve\"> moved away</w:t></w:r></w:moveFrom>"
        "<w:r><w:t xml:space=\"preserve\"> app</w:t><w:softHyphen/><w:t>lication.</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space=\"preserve\"> Hidden text.</w:t></w:r></w:p>"
        // A complex field: code skipped, result kept; a simple field likewise; tab, break, hyphen.
        "<w:p><w:r><w:t xml:space=\"preserve\">See </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        "<w:r><w:instrText xml:space=\"preserve\"> REF _Ref123 \\h </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>Figure 2</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> on page </w:t></w:r>"
        "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>4</w:t></w:r></w:fldSimple>"
        "<w:r><w:tab/><w:t>e</w:t><w:noBreakHyphen/><w:t>banking</w:t><w:br/><w:t>next line</w:t></w:r></w:p>"
        // A table of contents: a field spanning paragraphs, and entries in TOC styles.
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> TOC \\o \"1-3\" </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>Findings 3</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Branches 5</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>" +
        p("Findings\t3", "TOC1") +
        // A deleted paragraph, and text in a content control.
        "<w:del><w:p><w:r><w:delText>Gone</w:delText></w:r></w:p></w:del>"
        "<w:sdt><w:sdtContent>" +
        p("Inside a content control") + "</w:sdtContent></w:sdt>" +
        // A field never closed (a damaged file) hides no more than its own paragraph's code.
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> AUTHOR </w:instrText></w:r></w:p>" +
        p("After a field left open");
    expectCandidates(parseDocx(makeDocx(body), "runs.docx"),
                     {
                         {"Customers praised the new application.", "paragraph 1", ""},
                         {"See Figure 2 on page 4 e-banking\nnext line", "paragraph 2",
                          "See Figure 2 on page 4\te-banking\nnext line"},
                         {"Inside a content control", "paragraph 3", ""},
                         {"After a field left open", "paragraph 4", ""},
                     });
}

TEST(DocxImport, TextBoxesOnceAndOtherNamespacePrefixes) {
    // Word writes a text box twice: the DrawingML choice and a VML fallback. Read once, after its anchor.
    const std::string box =
        "<w:p><w:r><w:t>Anchor paragraph.</w:t></w:r><w:r><mc:AlternateContent>"
        "<mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>" +
        p("Callout: 62% prefer the app.") +
        "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" +
        p("Callout: 62% prefer the app.") + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
                                            "</mc:AlternateContent></w:r></w:p>" +
        p("After the box.");
    expectCandidates(parseDocx(makeDocx(box), "box.docx"), {
                                                               {"Anchor paragraph.", "paragraph 1", ""},
                                                               {"Callout: 62% prefer the app.", "paragraph 2", ""},
                                                               {"After the box.", "paragraph 3", ""},
                                                           });
    // The same namespace under another prefix (as some generators write it).
    std::string other = p("Findings", "Heading1") + p("Prefixed text.");
    for (std::size_t at = other.find("w:"); at != std::string::npos; at = other.find("w:", at + 4)) other.replace(at, 2, "ns0:");
    expectCandidates(parseDocx(makeDocx(other, "ns0"), "ns0.docx"), {{"Prefixed text.", "Findings, paragraph 2", ""}});
}

TEST(DocxImport, TablesRowByRow) {
    const auto cell = [](const std::string& inner) { return "<w:tc>" + inner + "</w:tc>"; };
    const std::string table =
        p("Segments", "Heading1") +
        "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>" + cell(p("Segment")) + cell(p("Quote")) + "</w:tr>"
        "<w:tr>" + cell(p("Retirees")) + cell(p("I queue at the branch.") + p("Every week.")) + "</w:tr>"
        "<w:tr>" + cell(p("")) + cell(p("")) + "</w:tr>"  // empty: no note
        "<w:tr>" + cell(p("Students")) + cell("") + "</w:tr>"
        "<w:sdt><w:sdtContent><w:tr>" + cell(p("Owners")) +
        cell("<w:tbl><w:tr>" + cell(p("a")) + cell(p("b")) + "</w:tr></w:tbl>") + "</w:tr></w:sdtContent></w:sdt>"
        "</w:tbl>" +
        "<w:tbl><w:tr><w:trPr><w:tblHeader w:val=\"false\"/></w:trPr>" + cell(p("Second table")) + "</w:tr></w:tbl>";
    expectCandidates(parseDocx(makeDocx(table), "t.docx"),
                     {
                         {"Retirees | I queue at the branch.\nEvery week.", "Segments, table 1 row 2", ""},
                         {"Students", "Segments, table 1 row 4", ""},  // an empty cell leaves no bar
                         {"Owners | a | b", "Segments, table 1 row 5", ""},
                         {"Second table", "Segments, table 2 row 1", ""},
                     });
}

TEST(DocxImport, MainPartFromRelationshipsAndEmptyBody) {
    const std::string rels =
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "officeDocument\" Target=\"/word/main.xml\"/></Relationships>";
    const std::string doc =
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
        p("From the main part.") + "</w:body></w:document>";
    expectCandidates(parseDocx(makeZip({{"_rels/.rels", rels}, {"word/main.xml", doc}}), "rels.docx"),
                     {{"From the main part.", "paragraph 1", ""}});
    const ParseResult empty = parseDocx(
        makeZip({{"word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"}}),
        "empty.docx");
    EXPECT_EQ(empty.format, "docx");
    EXPECT_TRUE(empty.candidates.empty());
}

TEST(DocxImport, DeepNestingIsRefusedNotACrash) {
    std::string body;
    for (int i = 0; i < 5000; ++i) body += "<w:sdt><w:sdtContent>";
    body += p("deep");
    for (int i = 0; i < 5000; ++i) body += "</w:sdtContent></w:sdt>";
    EXPECT_EQ(docxError(makeDocx(body), "deep.docx"), "deep.docx: word/document.xml is nested more than 200 levels deep");
    std::string runs = "<w:p>";
    for (int i = 0; i < 5000; ++i) runs += "<w:hyperlink>";
    for (int i = 0; i < 5000; ++i) runs += "</w:hyperlink>";
    runs += "</w:p>";
    EXPECT_EQ(docxError(makeDocx(runs), "deep.docx"), "deep.docx: word/document.xml is nested more than 200 levels deep");
}

TEST(DocxImport, ProgressAndCancel) {
    std::string body;
    for (int i = 0; i < 200; ++i) body += p("Paragraph " + std::to_string(i + 1));
    std::vector<double> seen;
    ParseOptions opt;
    opt.progress = [&](double share) {
        seen.push_back(share);
        return true;
    };
    EXPECT_EQ(parseDocx(makeDocx(body), "many.docx", opt).candidates.size(), 200u);
    ASSERT_FALSE(seen.empty());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
    ParseOptions cancel;
    cancel.progress = [](double) { return false; };
    EXPECT_EQ(docxError(makeDocx(body), "many.docx", cancel), "many.docx: cancelled");
}

// Findings that cite their sources in footnotes, as pandoc writes them: each note's text goes
// with the paragraph (or table row) that cites it, numbered as Word shows it; the excerpt is the
// paragraph as the document has it.
TEST(DocxImport, FootnotesStayWithWhatCitesThem) {
    const ParseResult r = parseDocx(fixture("docx-footnotes.docx"), "docx-footnotes.docx");
    expectCandidates(
        r, {
               {"Two thirds of the complaints mention fees.[1] Most came from the app.[2]\n\n"
                "[1] Complaint log, October 2024, n = 412.\n"
                "[2] App store reviews and in-app feedback, same period.\nA second paragraph of the same note.",
                "Findings, paragraph 2", "Two thirds of the complaints mention fees.[1] Most came from the app.[2]"},
               {"手续费是最常见的投诉原因。[3]\n\n[3] 客服中心投诉记录，2024年10月。", "Findings, paragraph 3",
                "手续费是最常见的投诉原因。[3]"},
               {"A paragraph without notes.", "Findings, paragraph 4", ""},
               {"App[4] | 412\n\n[4] Android and iOS together.", "Findings, table 1 row 2", "App[4] | 412"},
           });
}

// Endnotes (numbered i, ii, ...) and footnotes found through the relationships; separators,
// references to notes that do not exist and hidden references leave nothing behind.
TEST(DocxImport, EndnotesAndFootnotesFromTheirParts) {
    const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    const std::string doc = "<?xml version=\"1.0\"?><w:document " + ns + "><w:body>"
                            "<w:p><w:r><w:t>Fees are unclear.</w:t></w:r><w:r><w:endnoteReference w:id=\"2\"/></w:r>"
                            "<w:r><w:footnoteReference w:id=\"7\"/></w:r><w:r><w:footnoteReference w:id=\"99\"/></w:r>"
                            "<w:r><w:rPr><w:vanish/></w:rPr><w:footnoteReference w:id=\"7\"/></w:r></w:p>"
                            "<w:p><w:r><w:t>Second.</w:t></w:r><w:r><w:endnoteReference w:id=\"3\"/></w:r></w:p>"
                            "</w:body></w:document>";
    const std::string rels =
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes\" Target=\"notes/end.xml\"/>"
        "<Relationship Id=\"r2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"foot.xml\"/>"
        "</Relationships>";
    const std::string end = "<?xml version=\"1.0\"?><e:endnotes xmlns:e=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                            "<e:endnote e:type=\"separator\" e:id=\"-1\"><e:p><e:r><e:separator/></e:r></e:p></e:endnote>"
                            "<e:endnote e:id=\"2\"><e:p><e:r><e:endnoteRef/></e:r><e:r><e:t> Survey, Q3 2024.</e:t></e:r></e:p></e:endnote>"
                            "<e:endnote e:id=\"3\"><e:p><e:r><e:t>调查问卷第七题</e:t></e:r></e:p></e:endnote></e:endnotes>";
    const std::string foot = "<?xml version=\"1.0\"?><w:footnotes " + ns +
                             "><w:footnote w:id=\"7\"><w:p><w:r><w:t>Focus group 3.</w:t></w:r></w:p></w:footnote></w:footnotes>";
    const ParseResult r = parseDocx(makeZip({{"word/document.xml", doc},
                                             {"word/_rels/document.xml.rels", rels},
                                             {"word/notes/end.xml", end},
                                             {"word/foot.xml", foot}}),
                                    "notes.docx");
    expectCandidates(r, {
                            {"Fees are unclear.[i][1]\n\n[i] Survey, Q3 2024.\n[1] Focus group 3.", "paragraph 1",
                             "Fees are unclear.[i][1]"},
                            {"Second.[ii]\n\n[ii] 调查问卷第七题", "paragraph 2", "Second.[ii]"},
                        });
}

// A footnote longer than a note holds is cut at a character, with an ellipsis, and the import
// says so: a limit is said, never silent.
TEST(DocxImport, AFootnoteCutShortIsSaid) {
    const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    const std::string doc = "<?xml version=\"1.0\"?><w:document " + ns + "><w:body>"
                            "<w:p><w:r><w:t>Fees are unclear.</w:t></w:r><w:r><w:footnoteReference w:id=\"7\"/></w:r></w:p>"
                            "</w:body></w:document>";
    const std::string rels =
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"r2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"foot.xml\"/>"
        "</Relationships>";
    std::string longText;
    while (longText.size() < 6000) longText += "访谈记录第七段，";
    const std::string foot = "<?xml version=\"1.0\"?><w:footnotes " + ns + "><w:footnote w:id=\"7\"><w:p><w:r><w:t>" + longText +
                             "</w:t></w:r></w:p></w:footnote></w:footnotes>";
    const ParseResult r = parseDocx(makeZip({{"word/document.xml", doc}, {"word/_rels/document.xml.rels", rels}, {"word/foot.xml", foot}}),
                                    "long-note.docx");
    ASSERT_EQ(r.candidates.size(), 1u);
    const std::string& text = r.candidates[0].text;
    EXPECT_LT(text.size(), 4200u);
    EXPECT_EQ(text.substr(text.size() - 3), "\xE2\x80\xA6");  // …, after a whole character
    EXPECT_TRUE(cc::isValidUtf8(text));
    ASSERT_EQ(r.remarks.size(), 1u);
    EXPECT_NE(r.remarks[0].find("1 footnote or endnote over 4000 bytes cut short"), std::string::npos) << r.remarks[0];
}
