// The appendix table as CSV for analysts: UTF-8 with a BOM, RFC 4180 quoting, CRLF line ends.
// A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula,
// so board text never starts a cell that way (OWASP's CSV injection rule).
#include "storage/summary/summary_export.h"
#include "storage/summary/summary_text.h"
#include "storage/text_escape.h"

namespace cc::summary {

namespace {

/// A cell of board text: cleaned, defused when a spreadsheet would read it as a formula (a
/// leading ' makes it text), quoted when it needs quoting or was defused.
void textField(std::string& out, const std::string& text) {
    const std::string f = documentText(text);
    const bool formula = !f.empty() && std::string_view("=+-@\t\r").find(f[0]) != std::string_view::npos;
    if (!formula && f.find_first_of(",\"\r\n") == std::string::npos) {
        out += f;
        return;
    }
    out += formula ? "\"'" : "\"";
    for (char c : f) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace

void writeCsv(const MonthlySummary& s, const std::string& path, Lang lang) {
    const Labels& L = labels(lang);
    std::string out = "\xEF\xBB\xBF";
    auto row = [&](const std::vector<std::string>& fields, bool withNumber) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) out += ',';
            // The votes are a number the program wrote, and stay one for the spreadsheet.
            if (withNumber && i == kAppendixVotesColumn) out += fields[i];
            else textField(out, fields[i]);
        }
        out += "\r\n";
    };
    row(std::vector<std::string>(L.columns.begin(), L.columns.end()), false);
    for (const CitedNote& n : s.appendix) row(appendixRow(s, n, lang), true);
    writeWholeFile(path, out);
}

}  // namespace cc::summary
