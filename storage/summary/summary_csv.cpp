// The insights and the appendix table as one CSV for analysts (the README lists its columns): UTF-8 with a BOM, RFC 4180 quoting, CRLF line ends.
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
    // The votes and an insight's score are numbers the program wrote, and stay numbers for the spreadsheet.
    constexpr std::size_t kScoreColumn = 16 + 3;
    auto row = [&](const std::vector<std::string>& fields, bool withNumbers) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) out += ',';
            if (withNumbers && (i == kAppendixVotesColumn || i == kScoreColumn) && !fields[i].empty()) out += fields[i];
            else textField(out, fields[i]);
        }
        out += "\r\n";
    };
    auto joined = [](const std::vector<std::string>& ids) {
        std::string j;
        for (const auto& id : ids) j += (j.empty() ? "" : " ") + id;
        return j;
    };
    std::vector<std::string> header(L.columns.begin(), L.columns.end());
    header.insert(header.end(), L.insightColumns.begin(), L.insightColumns.end());
    row(header, false);
    // The insights first (quadrant 1 to 4, then those in no quadrant; strongest first), one row
    // each with the ids of its evidence notes.
    for (int q : {1, 2, 3, 4, 0})
        for (const CitedInsight& i : s.insights[static_cast<std::size_t>(q)]) {
            std::vector<std::string> ids;
            for (const auto& n : i.evidence) ids.push_back(n.id);
            row({i.id, q ? quadrantLabel(s, q, lang) : std::string(), i.title, i.statement, "", "", "", i.author, "",
                 std::to_string(i.votes), i.newInMonth ? L.isNew : "", "", "", "", "", "", L.recordInsight, stateName(i.state, lang),
                 gradeName(i.grade, lang), std::to_string(i.score), reasonsLine(i, lang), joined(ids), ""},
                true);
        }
    // Then the appendix: the month's new and changed notes, each with the insights that cite it.
    for (const CitedNote& n : s.appendix) {
        std::vector<std::string> r = appendixRow(s, n, lang);
        r.insert(r.end(), {L.recordNote, "", "", "", "", "", joined(n.insights)});
        row(r, true);
    }
    writeWholeFile(path, out);
}

}  // namespace cc::summary
