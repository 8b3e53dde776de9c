// Survey exports: a candidate per answer in a free-text column, with row, column, respondent,
// date, segment and tags.
#include <gtest/gtest.h>

#include "storage/import/candidate.h"
#include "import_test_util.h"

using namespace cc::import;

using cc::test::fixture;

namespace {


ParseResult parseFixture(const std::string& name, const ParseOptions& opt = {}) {
    return parseCsv(decodeText(fixture(name), name), name, opt);
}

std::string errorOf(const std::string& csv, const ParseOptions& opt = {}, const std::string& name = "survey.csv") {
    try {
        parseCsv(csv, name, opt);
    } catch (const ImportError& e) {
        return e.what();
    }
    return "(no error)";
}

struct Expected {
    std::string location, text, respondent, date;
    std::vector<std::string> tags;
};

void expectCandidates(const ParseResult& r, const std::vector<Expected>& want) {
    ASSERT_EQ(r.candidates.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        SCOPED_TRACE("candidate " + std::to_string(i + 1) + " " + want[i].location);
        EXPECT_EQ(r.candidates[i].location, want[i].location);
        EXPECT_EQ(r.candidates[i].text, want[i].text);
        EXPECT_EQ(r.candidates[i].respondent, want[i].respondent);
        EXPECT_EQ(r.candidates[i].date, want[i].date);
        EXPECT_EQ(r.candidates[i].tags, want[i].tags);
    }
}

using Strings = std::vector<std::string>;

}  // namespace

TEST(CsvImport, QualtricsExportWithThreeHeaderRows) {
    // Row 2 holds the question texts, row 3 Qualtrics' ImportId JSON; a byte-order mark and CRLF.
    const ParseResult r = parseFixture("csv-qualtrics-export.csv");
    EXPECT_EQ(r.format, "csv");
    ASSERT_EQ(r.columns.size(), 22u);
    EXPECT_EQ(r.columns.front(), "StartDate");
    EXPECT_EQ(r.columns.back(), "Q5");
    EXPECT_EQ(r.textColumns, (Strings{"Q3", "Q4"}));
    const auto tags = [](const char* q1, const char* q2, const char* q5) {
        return Strings{std::string("Q1: ") + q1, std::string("Q2: ") + q2, std::string("Q5: ") + q5};
    };
    // The respondent comes from ResponseId and the date from RecordedDate without being named.
    expectCandidates(
        r, {
               {"row 4, Q3", "Delivery is usually on time and the drivers are friendly.", "R_1aBcDeFgHiJkLmN", "2024-03-04",
                tags("Satisfied", "North", "Small business")},
               {"row 4, Q4", "Send a text message when the driver is ten minutes away.", "R_1aBcDeFgHiJkLmN", "2024-03-04",
                tags("Satisfied", "North", "Small business")},
               {"row 5, Q3", "Two of my last five orders arrived damaged, and the refund took three weeks.",
                "R_2bCdEfGhIjKlMnO", "2024-03-04", tags("Dissatisfied", "South", "Enterprise")},
               {"row 5, Q4", "Pack glass items properly.\nAnswer the phone before 9am.", "R_2bCdEfGhIjKlMnO",
                "2024-03-04", tags("Dissatisfied", "South", "Enterprise")},
               // The answer above spans two lines of the file: this record is row 6 in a spreadsheet.
               {"row 6, Q3", "价格合理，客服回复很快，下单流程也很简单。", "R_3cDeFgHiJkLmNoP", "2024-03-05",
                tags("Very satisfied", "North", "Small business")},
               {"row 7, Q3", "The app is fine but invoices are hard to match to our purchase orders.", "R_4dEfGhIjKlMnOpQ",
                "2024-03-05", tags("Neither satisfied nor dissatisfied", "East", "Enterprise")},
               {"row 7, Q4", "Put the PO number on every invoice line.", "R_4dEfGhIjKlMnOpQ", "2024-03-05",
                tags("Neither satisfied nor dissatisfied", "East", "Enterprise")},
               {"row 8, Q3", "Good prices compared to the other suppliers we tried last year.", "R_5eFgHiJkLmNoPqR",
                "2024-03-06", tags("Satisfied", "South", "Small business")},
               {"row 8, Q4", "Offer a discount for orders placed before Thursday.", "R_5eFgHiJkLmNoPqR", "2024-03-06",
                tags("Satisfied", "South", "Small business")},
               {"row 9, Q3", "Customer service kept transferring me between departments.", "R_6fGhIjKlMnOpQrS",
                "2024-03-06", tags("Dissatisfied", "East", "Enterprise")},
               {"row 10, Q3", "Everything works, and the weekly summary e-mail is genuinely useful.", "R_7gHiJkLmNoPqRsT",
                "2024-03-07", tags("Very satisfied", "North", "Small business")},
               {"row 10, Q4", "More payment options, e.g. \"pay by bank\" and monthly terms, would help.",
                "R_7gHiJkLmNoPqRsT", "2024-03-07", tags("Very satisfied", "North", "Small business")},
               {"row 11, Q3", "送货准时，但是周末没有人接电话。", "R_8hIjKlMnOpQrStU", "2024-03-08",
                tags("Satisfied", "West", "Small business")},
               {"row 11, Q4", "希望周末也能提供客服。", "R_8hIjKlMnOpQrStU", "2024-03-08",
                tags("Satisfied", "West", "Small business")},
           });
    EXPECT_EQ(r.candidates[3].excerpt, "Pack glass items properly.\nAnswer the phone before 9am.");
}

TEST(CsvImport, QualtricsColumnsNamedByCodeOrQuestionWithSegment) {
    ParseOptions opt;
    opt.textColumns = {"what could we do better?"};  // the question text of Q4, any case
    opt.segmentColumn = "Q5";
    opt.idColumn = "ResponseId";
    opt.dateColumn = "StartDate";
    const ParseResult r = parseFixture("csv-qualtrics-export.csv", opt);
    EXPECT_EQ(r.textColumns, (Strings{"Q4"}));
    ASSERT_EQ(r.candidates.size(), 6u);
    EXPECT_EQ(r.candidates[0].location, "row 4, Q4");
    EXPECT_EQ(r.candidates[0].segment, "Small business");
    EXPECT_EQ(r.candidates[0].tags, (Strings{"Q1: Satisfied", "Q2: North"}));  // the segment is no tag
    EXPECT_EQ(r.candidates[5].segment, "Small business");
    EXPECT_EQ(r.candidates[5].text, "希望周末也能提供客服。");

    opt.textColumns = {"Q3", "q4"};
    opt.columnsAsTags = false;
    const ParseResult both = parseFixture("csv-qualtrics-export.csv", opt);
    EXPECT_EQ(both.candidates.size(), 14u);
    for (const auto& c : both.candidates) EXPECT_TRUE(c.tags.empty());
}

TEST(CsvImport, GoogleFormsWithQuotedMultiLineAnswersAndCommas) {
    const ParseResult r = parseFixture("csv-google-forms.csv");
    EXPECT_EQ(r.textColumns, (Strings{"What do you like most about the service?", "What should we improve, and why?"}));
    const std::string like = "What do you like most about the service?";
    const std::string improve = "What should we improve, and why?";
    const auto tags = [](const char* heard, const char* size) {
        return Strings{std::string("How did you hear about us?: ") + heard, std::string("Company size: ") + size};
    };
    // Timestamps are M/D/YYYY: the column tells (3/13/2024 has no 13th month).
    expectCandidates(
        r, {
               {"row 2, " + like, "Fast delivery, friendly drivers, and clear tracking.", "", "2024-03-11",
                tags("Search engine", "1-10")},
               {"row 2, " + improve,
                "The invoice is confusing: we get one per site, per week.\nOne monthly invoice would save our accountant hours.",
                "", "2024-03-11", tags("Search engine", "1-10")},
               {"row 3, " + like, "I like that I can order from my phone, even late at night.", "", "2024-03-11",
                tags("A colleague", "11-50")},
               {"row 3, " + improve, "Nothing major, but \"express\" delivery isn't express outside London.", "", "2024-03-11",
                tags("A colleague", "11-50")},
               {"row 4, " + like, "客服很耐心，问题一次就解决了。", "", "2024-03-12", tags("Trade show", "1-10")},
               {"row 4, " + improve, "希望增加发票抬头的选项，比如分公司名称。", "", "2024-03-12", tags("Trade show", "1-10")},
               {"row 5, " + like, "Prices are competitive, and returns are easy.", "", "2024-03-13",
                tags("Search engine", "51-200")},
               {"row 6, " + like, "The range of products; we rarely need another supplier.", "", "2024-03-14",
                tags("A colleague", "11-50")},
               {"row 6, " + improve, "Let us save a basket as a template,\nso repeat orders take one click.", "",
                "2024-03-14", tags("A colleague", "11-50")},
               {"row 7, " + like, "Weekend delivery.", "", "2024-03-15", tags("Social media", "1-10")},
               {"row 7, " + improve, "Please stop calling us to upsell, twice a week is too much.", "", "2024-03-15",
                tags("Social media", "1-10")},
           });
}

TEST(CsvImport, SurveyMonkeyTwoHeaderRowsWithChoiceColumns) {
    const ParseResult r = parseFixture("csv-surveymonkey.csv");
    ASSERT_EQ(r.columns.size(), 15u);
    EXPECT_EQ(r.columns[11], "Which features do you use? - Reports");
    EXPECT_EQ(r.columns[12], "Which features do you use? - Invoicing");
    EXPECT_EQ(r.columns[13], "Which features do you use? - Mobile app");
    EXPECT_EQ(r.textColumns, (Strings{"What do you like most?", "Anything else you would like to tell us?"}));
    const std::string sat = "How satisfied are you with our support?: ";
    const std::string use = "Which features do you use?: ";
    // The respondent from "Respondent ID"; the date from "End Date" (MM/DD/YYYY, as the column tells).
    expectCandidates(
        r, {
               {"row 3, What do you like most?", "The monthly reports show exactly what our teams ordered.", "114328745021",
                "2024-03-12", {sat + "Very satisfied", use + "Reports", use + "Mobile app"}},
               {"row 3, Anything else you would like to tell us?", "Keep the phone line open until 6pm, please.",
                "114328745021", "2024-03-12", {sat + "Very satisfied", use + "Reports", use + "Mobile app"}},
               {"row 4, What do you like most?", "Not much; the mobile app keeps logging me out.", "114328745388",
                "2024-03-13", {sat + "Dissatisfied", use + "Invoicing", use + "Mobile app"}},
               {"row 5, What do you like most?", "开票很方便，对账也清楚。", "114328746112", "2024-03-14",
                {sat + "Satisfied", use + "Reports", use + "Invoicing"}},
               {"row 5, Anything else you would like to tell us?", "希望手机应用支持批量下单。", "114328746112",
                "2024-03-14", {sat + "Satisfied", use + "Reports", use + "Invoicing"}},
               {"row 6, What do you like most?", "Quick answers from the support team, usually within the hour.",
                "114328746950", "2024-03-15", {sat + "Satisfied", use + "Mobile app"}},
               {"row 6, Anything else you would like to tell us?", "The new price list was sent without any warning.",
                "114328746950", "2024-03-15", {sat + "Satisfied", use + "Mobile app"}},
           });
}

TEST(CsvImport, EuropeanSemicolonExportWithByteOrderMark) {
    ParseOptions opt;
    opt.idColumn = "antwort-id";
    opt.dateColumn = "Datum";
    opt.segmentColumn = "Filiale";
    const std::string name = "csv-european-semicolon.csv";
    const std::string bytes = fixture(name);
    ASSERT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");
    // Robust to a mark left in by a caller that did not decode.
    const ParseResult r = parseCsv(bytes, name, opt);
    EXPECT_EQ(r.columns, (Strings{"Antwort-ID", "Datum", "Filiale", "Zufriedenheit (1-5)", "Kommentar", "Umsatz (€)"}));
    EXPECT_EQ(r.textColumns, (Strings{"Kommentar"}));
    ASSERT_EQ(r.candidates.size(), 4u);
    EXPECT_EQ(r.candidates[0].location, "row 2, Kommentar");
    EXPECT_EQ(r.candidates[0].text, "Die Beratung war gut; nur die Wartezeit an der Kasse war zu lang.");
    EXPECT_EQ(r.candidates[0].respondent, "1001");
    EXPECT_EQ(r.candidates[0].date, "2024-03-04");  // DD.MM.YYYY
    EXPECT_EQ(r.candidates[0].segment, "München");
    EXPECT_EQ(r.candidates[1].text, "Das Produkt war nicht vorrätig, obwohl die App es als verfügbar anzeigte.");
    EXPECT_EQ(r.candidates[1].segment, "Hamburg");
    EXPECT_EQ(r.candidates[2].location, "row 5, Kommentar");  // row 4 has no comment
    EXPECT_EQ(r.candidates[2].date, "2024-03-06");
    EXPECT_EQ(r.candidates[3].location, "row 6, Kommentar");
    EXPECT_EQ(r.candidates[3].date, "");  // 31.02.2024 is no date
    EXPECT_EQ(r.candidates[3].respondent, "1005");
}

TEST(CsvImport, TabSeparatedCallLog) {
    const std::string name = "csv-call-log.tsv";
    const ParseResult r = parseFixture(name);
    EXPECT_EQ(r.format, "tsv");
    EXPECT_EQ(r.textColumns, (Strings{"notes"}));
    expectCandidates(r, {
                            {"row 2, notes", "客户反映上周的订单少发了两件货，要求补发。", "", "2024-03-18",
                             {"channel: phone", "customer type: retail"}},
                            {"row 3, notes", "Asked whether we can deliver to three sites on one invoice.", "",
                             "2024-03-18", {"channel: email", "customer type: wholesale"}},
                            {"row 4, notes", "退货流程太复杂，客户希望能在网上直接申请。", "", "2024-03-19",
                             {"channel: phone", "customer type: retail"}},
                            {"row 5, notes",
                             "Wants to know why prices changed without notice, compares us with a cheaper supplier.", "",
                             "2024-03-20", {"channel: chat", "customer type: wholesale"}},
                        });
    // The same bytes under a .csv name: the tab is detected.
    const ParseResult detected = parseCsv(fixture(name), "call-log.csv");
    EXPECT_EQ(detected.format, "tsv");
    EXPECT_EQ(detected.candidates.size(), 4u);
}

TEST(CsvImport, EmptyColumnsAndBlankLines) {
    const ParseResult r = parseFixture("csv-empty-columns.csv");
    // Unnamed empty columns are left out; a named one stays a column.
    EXPECT_EQ(r.columns, (Strings{"id", "comment", "unused", "rating"}));
    EXPECT_EQ(r.textColumns, (Strings{"comment"}));
    ASSERT_EQ(r.candidates.size(), 3u);
    EXPECT_EQ(r.candidates[0].location, "row 2, comment");
    EXPECT_EQ(r.candidates[0].text, "The driver left the parcel at the wrong door, again.");
    // A blank line is a row in a spreadsheet too.
    EXPECT_EQ(r.candidates[1].location, "row 5, comment");
    EXPECT_EQ(r.candidates[2].location, "row 6, comment");
    EXPECT_EQ(r.candidates[2].text, "Packaging uses far too much plastic for such small items.");
}

TEST(CsvImport, UnterminatedQuoteNamesTheLine) {
    EXPECT_EQ(errorOf(fixture("csv-unterminated-quote.csv"), {}, "csv-unterminated-quote.csv"),
              "csv-unterminated-quote.csv: line 57: a quoted field is never closed");
}

TEST(CsvImport, ColumnOptionsThatNameNoColumn) {
    const std::string csv = "id,comment,score\n1,This is a long enough comment with words,3\n";
    ParseOptions opt;
    opt.textColumns = {"feedback"};
    EXPECT_EQ(errorOf(csv, opt), "survey.csv: no text column 'feedback' (the columns are: id, comment, score)");
    opt.textColumns.clear();
    opt.dateColumn = "when";
    EXPECT_EQ(errorOf(csv, opt), "survey.csv: no date column 'when' (the columns are: id, comment, score)");
}

TEST(CsvImport, NoFreeTextColumn) {
    EXPECT_EQ(errorOf("id,score,region\n1,3,North\n2,5,South\n3,4,North\n"),
              "survey.csv: no column of free-text answers found; name one as the text column (the columns are: id, "
              "score, region)");
    // Only a header: nothing to import, no error.
    const ParseResult header = parseCsv("id,comment\n", "h.csv");
    EXPECT_EQ(header.columns, (Strings{"id", "comment"}));
    EXPECT_TRUE(header.candidates.empty());
    EXPECT_TRUE(parseCsv("", "e.csv").candidates.empty());
    EXPECT_TRUE(parseCsv("\n\n", "e.csv").candidates.empty());
}

TEST(CsvImport, DatesDayOrMonthFirstAsTheColumnTells) {
    const std::string body = ",A comment that is long enough to be free text\n";
    ParseOptions opt;
    opt.dateColumn = "d";
    opt.textColumns = {"c"};
    // 25/03/2024: day first, so 04/03/2024 is 4 March.
    ParseResult r = parseCsv("d,c\n04/03/2024" + body + "25/03/2024 10:00" + body, "d.csv", opt);
    ASSERT_EQ(r.candidates.size(), 2u);
    EXPECT_EQ(r.candidates[0].date, "2024-03-04");
    EXPECT_EQ(r.candidates[1].date, "2024-03-25");
    // Nothing above 12: D/M or M/D cannot be told, no date rather than a wrong one.
    r = parseCsv("d,c\n04/03/2024" + body + "05/03/2024" + body, "d.csv", opt);
    EXPECT_EQ(r.candidates[0].date, "");
    // Year first in its forms, with times; two-digit years and words are not read.
    r = parseCsv("d,c\n2024/3/5" + body + "2024-03-06T09:00:00Z" + body + "2024.03.07" + body +
                     "2024年3月8日 10:00" + body + "3/9/24" + body + "yesterday" + body,
                 "d.csv", opt);
    ASSERT_EQ(r.candidates.size(), 6u);
    EXPECT_EQ(r.candidates[0].date, "2024-03-05");
    EXPECT_EQ(r.candidates[1].date, "2024-03-06");
    EXPECT_EQ(r.candidates[2].date, "2024-03-07");
    EXPECT_EQ(r.candidates[3].date, "2024-03-08");
    EXPECT_EQ(r.candidates[4].date, "");
    EXPECT_EQ(r.candidates[5].date, "");
}

TEST(CsvImport, QuotingDetails) {
    // Doubled quotes, CRLF inside a quoted field, an Excel "sep=" line, a trailing empty field.
    const std::string csv =
        "sep=;\r\n"
        "id;comment;extra\r\n"
        "1;\"She said \"\"call me back\"\" and hung up; twice.\";\r\n"
        "2;\"Line one\r\nline two of a long answer\";x\r\n";
    ParseOptions opt;
    opt.textColumns = {"comment"};
    const ParseResult r = parseCsv(csv, "q.csv", opt);
    ASSERT_EQ(r.candidates.size(), 2u);
    EXPECT_EQ(r.candidates[0].text, "She said \"call me back\" and hung up; twice.");
    EXPECT_EQ(r.candidates[0].location, "row 2, comment");
    EXPECT_EQ(r.candidates[1].text, "Line one\nline two of a long answer");
    EXPECT_EQ(r.candidates[1].location, "row 3, comment");
}

TEST(CsvImport, LimitsAndCancel) {
    // A single field of 100 MB is refused, naming the line.
    std::string big = "id,comment\n1,\"";
    big.append(100u << 20, 'a');
    big += "\"\n";
    EXPECT_EQ(errorOf(big), "survey.csv: line 2: a quoted field runs on for more than 1 MB (is a quote never closed?)");
    std::string bigUnquoted = "id,comment\n1,";
    bigUnquoted.append(2u << 20, 'b');
    EXPECT_EQ(errorOf(bigUnquoted), "survey.csv: line 2: a field of more than 1 MB (is this a table?)");
    // Cancelled from the progress callback.
    ParseOptions opt;
    opt.progress = [](double) { return false; };
    EXPECT_EQ(errorOf("a,b\n1,2\n", opt), "survey.csv: cancelled");
}

TEST(CsvImport, AtMostEightTags) {
    std::string csv = "c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,comment\n";
    for (int i = 0; i < 6; ++i)
        csv += std::string(i % 2 ? "a,b,a,b,a,b,a,b,a,b," : "x,y,x,y,x,y,x,y,x,y,") + "Answer number " +
               std::to_string(i) + " says something different\n";
    const ParseResult r = parseCsv(csv, "t.csv");
    ASSERT_EQ(r.candidates.size(), 6u);
    EXPECT_EQ(r.candidates[0].tags.size(), 8u);
    EXPECT_EQ(r.candidates[0].tags[0], "c1: x");
    EXPECT_EQ(r.candidates[1].tags[7], "c8: b");
}

TEST(CsvImport, ManyRowsAreQuick) {
    // 100,000 rows: the benchmark's size, kept well inside the time budget.
    std::string csv = "id,date,segment,comment\n";
    csv.reserve(8u << 20);
    for (int i = 0; i < 100000; ++i)
        csv += std::to_string(i) + ",2024-03-" + std::to_string(10 + i % 20) + "," + (i % 3 ? "SMB" : "Enterprise") +
               ",\"Answer " + std::to_string(i) + ": delivery was late, again\"\n";
    int calls = 0;
    ParseOptions opt;
    opt.progress = [&](double) {
        ++calls;
        return true;
    };
    const ParseResult r = parseCsv(csv, "big.csv", opt);
    ASSERT_EQ(r.candidates.size(), 100000u);
    EXPECT_EQ(r.candidates.back().location, "row 100001, comment");
    EXPECT_EQ(r.candidates.back().date, "2024-03-29");
    EXPECT_GT(calls, 10);
}
