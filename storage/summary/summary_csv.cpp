// The appendix table as CSV for analysts: UTF-8 with a BOM, RFC 4180 quoting, CRLF line ends.
#include "summary_export.h"
#include "summary_text.h"

namespace cc::summary {

namespace {

void field(std::string& out, const std::string& f) {
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
        out += f;
        return;
    }
    out += '"';
    for (char c : f) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        field(out, fields[i]);
    }
    out += "\r\n";
}

}  // namespace

void writeCsv(const MonthlySummary& s, const std::string& path, Lang lang) {
    const Labels& L = labels(lang);
    std::string out = "\xEF\xBB\xBF";
    row(out, std::vector<std::string>(L.columns.begin(), L.columns.end()));
    for (const CitedNote& n : s.appendix) row(out, appendixRow(s, n, lang));
    writeWholeFile(path, out);
}

}  // namespace cc::summary
