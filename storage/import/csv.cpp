// Survey exports as CSV or TSV: a candidate per non-empty answer in each free-text column.
//
// Reading (RFC 4180): fields in double quotes may hold delimiters, doubled quotes and line breaks;
// a quote anywhere else is a plain character; LF, CRLF and CR end records. The delimiter is a tab
// for .tsv, the one an Excel "sep=" first line names, else whichever of comma, semicolon and tab
// splits the first records into the same number of fields (more than one).
//
// Header rows: the first record is the header. Up to two records under it are header rows too when
//  - most of their cells are JSON metadata ({"ImportId":"QID1"}: Qualtrics' third header row), or
//  - at least two of their cells repeat their column's name ("Start Date" under "StartDate"), or
//  - in the columns whose answers are numbers, dates or times, they hold words instead (question
//    texts: Qualtrics' second header row), or
//  - their first cell is empty and a cell says "Response" or "Open-Ended Response" (SurveyMonkey's
//    second header row, whose cells name the choices of the question above: "Question - Choice").
//
// Free-text columns: named (ParseOptions::textColumns, matched case-insensitively against the
// header or the question text), else detected from the answers: mostly not numbers, dates, times,
// e-mail addresses or links; long (20 or more characters on average, a CJK character counting as
// three); mostly with spaces or CJK text; varied (at least 40 % distinct); not a multiple-choice
// column (answers made of a few repeated options); not a column survey tools fill themselves
// (IP address, user agent, location...).
//
// Per candidate: the location "row N, COLUMN" (N as a spreadsheet numbers the rows: the header is
// row 1, and a blank line is a row too, so N is the file's line unless an answer above spans lines);
// respondent, date and segment from the id, date and segment columns (named in ParseOptions; left
// unnamed, the id column is "ResponseId" or "Respondent ID" and the date column "RecordedDate",
// "EndDate", "Submitted at", "Timestamp", "Date", "Datum" or "日期" where the file has one); tags "column: value"
// from the other short multiple-choice columns (at most 8; never the columns tools fill themselves;
// values over 40 bytes left out). A multiple-choice column is one with few distinct values (at
// most 3, or at most two thirds of its answers, and never more than 50), no dates or times, and not
// one value in every row. SurveyMonkey's choice columns tag as "Question: Choice".
//
// Dates (the date column) are written YYYY-MM-DD; read are YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD and
// YYYY年M月D日, DD.MM.YYYY and DD-MM-YYYY (day first), and DD/MM/YYYY or MM/DD/YYYY where the column
// itself tells which (some day above 12 in one place, never in the other); each may be followed
// by a time. Anything else, or a column that does not tell D/M from M/D, gives no date.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <unordered_set>

#include "storage/import/candidate.h"
#include "storage/import/text_util.h"

namespace cc::import {

namespace {

constexpr std::size_t kMaxFieldBytes = 1u << 20;
constexpr std::size_t kMaxColumns = 16384;  // as many as a spreadsheet has
constexpr std::size_t kMaxCells = 32u << 20;
constexpr std::size_t kSampleRows = 5000;  // rows looked at to detect what the columns hold
constexpr std::size_t kMaxTags = 8;
constexpr std::size_t kMaxTagValueBytes = 40;

// ---------------------------------------------------------------------------------------------
// Reading records

/// Every field of the file in one buffer: a cell is a slice of it.
struct Table {
    struct Cell {
        std::uint32_t offset = 0, size = 0;
    };
    struct Row {
        std::size_t firstCell = 0;
        std::uint32_t cells = 0;
        std::uint32_t line = 0;  ///< file line where the record starts
        std::uint32_t row = 0;   ///< the row number a spreadsheet shows
    };
    std::string buf;
    std::vector<Cell> cells;
    std::vector<Row> rows;

    std::string_view cell(const Row& r, std::size_t col) const {
        if (col >= r.cells) return {};
        const Cell& c = cells[r.firstCell + col];
        return std::string_view(buf).substr(c.offset, c.size);
    }
    std::string_view cell(std::size_t row, std::size_t col) const { return cell(rows[row], col); }
    bool blank(const Row& r) const { return r.cells == 0 || (r.cells == 1 && cells[r.firstCell].size == 0); }
};

class Scanner {
public:
    /// strict = false reads a sample: a quote still open at the end ends the record quietly.
    Scanner(std::string_view s, char delim, const std::string& name, bool strict)
        : m_s(s), m_delim(delim), m_name(name), m_strict(strict) {}

    std::size_t position() const { return m_pos; }

    /// Skips the first line (an Excel "sep=" line).
    void skipLine() {
        while (m_pos < m_s.size() && m_s[m_pos] != '\n' && m_s[m_pos] != '\r') ++m_pos;
        newline();
    }

    /// Reads one record into t; false at the end of the text.
    bool next(Table& t) {
        if (m_pos >= m_s.size()) return false;
        Table::Row row;
        row.firstCell = t.cells.size();
        row.line = static_cast<std::uint32_t>(m_line);
        row.row = static_cast<std::uint32_t>(++m_records);
        for (;;) {
            const std::size_t start = t.buf.size();
            if (m_pos < m_s.size() && m_s[m_pos] == '"') quoted(t, start);
            else unquoted(t, start);
            if (t.cells.size() >= kMaxCells)
                throw ImportError(message(CC_TEMPLATE("{1}: more than {2} million cells (too large a table)"),
                                          {m_name, std::to_string(kMaxCells >> 20)}));
            t.cells.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(t.buf.size() - start)});
            if (++row.cells > kMaxColumns)
                throw ImportError(message(CC_TEMPLATE("{1}: line {2}: more than {3} columns"),
                                          {m_name, std::to_string(row.line), std::to_string(kMaxColumns)}));
            if (m_pos >= m_s.size()) break;
            if (m_s[m_pos] == m_delim) {
                ++m_pos;
                if (m_pos >= m_s.size()) {  // "a,b," at the very end: one more, empty field
                    t.cells.push_back({static_cast<std::uint32_t>(t.buf.size()), 0});
                    ++row.cells;
                    break;
                }
                continue;
            }
            newline();
            break;
        }
        t.rows.push_back(row);
        return true;
    }

private:
    /// Consumes LF, CRLF or CR.
    void newline() {
        if (m_pos < m_s.size() && m_s[m_pos] == '\r') ++m_pos;
        if (m_pos < m_s.size() && m_s[m_pos] == '\n') ++m_pos;
        ++m_line;
    }

    void unquoted(Table& t, std::size_t start) {
        std::size_t e = m_pos;
        while (e < m_s.size() && m_s[e] != m_delim && m_s[e] != '\n' && m_s[e] != '\r') ++e;
        if (e - m_pos > kMaxFieldBytes)
            throw ImportError(message(CC_TEMPLATE("{1}: line {2}: a field of more than {3} MB (is this a table?)"),
                                      {m_name, std::to_string(m_line), std::to_string(kMaxFieldBytes >> 20)}));
        t.buf.append(m_s.substr(m_pos, e - m_pos));
        m_pos = e;
        (void)start;
    }

    void quoted(Table& t, std::size_t start) {
        const std::size_t openLine = m_line;
        ++m_pos;  // the opening quote
        for (;;) {
            const std::size_t q = m_s.find('"', m_pos);
            const std::size_t end = q == std::string_view::npos ? m_s.size() : q;
            if (t.buf.size() - start + (end - m_pos) > kMaxFieldBytes)
                throw ImportError(message(CC_TEMPLATE("{1}: line {2}: a quoted field runs on for more than {3} MB (is a quote never closed?)"),
                                          {m_name, std::to_string(openLine), std::to_string(kMaxFieldBytes >> 20)}));
            // Copy up to the quote, line breaks inside the field as LF.
            for (std::size_t i = m_pos; i < end; ++i) {
                const char c = m_s[i];
                if (c == '\r') {
                    t.buf += '\n';
                    if (i + 1 < end && m_s[i + 1] == '\n') ++i;
                    ++m_line;
                } else {
                    if (c == '\n') ++m_line;
                    t.buf += c;
                }
            }
            if (q == std::string_view::npos) {
                if (m_strict)
                    throw ImportError(message(CC_TEMPLATE("{1}: line {2}: a quoted field is never closed"), {m_name, std::to_string(openLine)}));
                m_pos = m_s.size();
                return;
            }
            m_pos = q + 1;
            if (m_pos < m_s.size() && m_s[m_pos] == '"') {  // "" is a quote
                t.buf += '"';
                ++m_pos;
                continue;
            }
            break;
        }
        // Anything between the closing quote and the delimiter is kept (spaces dropped).
        while (m_pos < m_s.size() && m_s[m_pos] != m_delim && m_s[m_pos] != '\n' && m_s[m_pos] != '\r') {
            if (m_s[m_pos] != ' ' && m_s[m_pos] != '\t') t.buf += m_s[m_pos];
            ++m_pos;
        }
    }

    std::string_view m_s;
    char m_delim;
    const std::string& m_name;
    bool m_strict;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::size_t m_records = 0;
};

/// The delimiter that splits the first records into the same number of fields, more than one.
char detectDelimiter(std::string_view s, const std::string& name) {
    const std::string_view sample = s.substr(0, 64 * 1024);
    char best = ',';
    double bestScore = 0;
    for (char d : {',', ';', '\t'}) {
        Table t;
        Scanner sc(sample, d, name, false);
        try {
            while (t.rows.size() < 30 && sc.next(t)) {
            }
        } catch (const ImportError&) {
            // a sample may stop inside a long field; what was read still counts
        }
        // Leave out the last record when the sample was cut (it may be partial) and blank lines.
        if (sample.size() < s.size() && t.rows.size() > 1) t.rows.pop_back();
        std::vector<std::uint32_t> counts;
        for (const auto& r : t.rows)
            if (!t.blank(r)) counts.push_back(r.cells);
        if (counts.empty()) continue;
        std::sort(counts.begin(), counts.end());
        std::uint32_t mode = counts[0];
        std::size_t modeFreq = 0;
        for (std::size_t i = 0; i < counts.size();) {
            std::size_t j = i;
            while (j < counts.size() && counts[j] == counts[i]) ++j;
            if (j - i > modeFreq || (j - i == modeFreq && counts[i] > mode)) {
                modeFreq = j - i;
                mode = counts[i];
            }
            i = j;
        }
        if (mode < 2) continue;
        const double score = static_cast<double>(modeFreq) / static_cast<double>(counts.size()) * 1000.0 +
                             std::min<double>(mode, 100);
        if (score > bestScore) {
            bestScore = score;
            best = d;
        }
    }
    return best;
}

// ---------------------------------------------------------------------------------------------
// What cells hold

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isNumber(std::string_view v) {
    v = text::trim(v);
    if (!v.empty() && (v.front() == '-' || v.front() == '+')) v.remove_prefix(1);
    if (!v.empty() && (v.back() == '%')) v.remove_suffix(1);
    if (v.empty()) return false;
    bool digit = false;
    for (char c : v) {
        if (isDigit(c)) digit = true;
        else if (c != '.' && c != ',' && c != ' ' && c != '\'') return false;
    }
    return digit;
}

/// hh:mm or hh:mm:ss, perhaps with AM/PM.
bool isTime(std::string_view v) {
    v = text::trim(v);
    std::size_t i = 0;
    while (i < v.size() && i < 2 && isDigit(v[i])) ++i;
    if (i == 0 || i >= v.size() || v[i] != ':') return false;
    std::size_t j = i + 1, k = j;
    while (k < v.size() && isDigit(v[k])) ++k;
    return k - j == 2;
}

struct DateParts {
    enum Kind { None, YearFirst, DayFirst, Slashed } kind = None;
    int a = 0, b = 0, c = 0;  ///< in the order written
};

/// Reads "N sep N sep N" at the start of v (sep one of - / . or 年 月 日), then end or a time.
DateParts dateParts(std::string_view v) {
    v = text::trim(v);
    DateParts p;
    int nums[3] = {0, 0, 0};
    std::size_t digits[3] = {0, 0, 0};
    std::size_t i = 0;
    char sep = 0;
    for (int k = 0; k < 3; ++k) {
        while (i < v.size() && isDigit(v[i]) && digits[k] < 4) {
            nums[k] = nums[k] * 10 + (v[i] - '0');
            ++digits[k];
            ++i;
        }
        if (digits[k] == 0 || (i < v.size() && isDigit(v[i]))) return p;
        if (k == 2) break;
        if (i < v.size() && (v[i] == '-' || v[i] == '/' || v[i] == '.')) {
            if (k == 1 && v[i] != sep) return p;
            sep = v[i];
            ++i;
        } else if (v.substr(i, 3) == "\xE5\xB9\xB4" && k == 0) {  // 年
            sep = 'y';
            i += 3;
        } else if (v.substr(i, 3) == "\xE6\x9C\x88" && k == 1 && sep == 'y') {  // 月
            i += 3;
        } else {
            return p;
        }
    }
    if (sep == 'y' && v.substr(i, 3) == "\xE6\x97\xA5") i += 3;  // 日
    if (i < v.size() && v[i] != ' ' && v[i] != 'T' && v[i] != ',') return p;
    p.a = nums[0];
    p.b = nums[1];
    p.c = nums[2];
    if (digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2) p.kind = DateParts::YearFirst;
    else if (digits[2] == 4 && digits[0] <= 2 && digits[1] <= 2)
        p.kind = sep == '/' ? DateParts::Slashed : sep == 'y' ? DateParts::None : DateParts::DayFirst;
    return p;
}

bool isDate(std::string_view v) { return dateParts(v).kind != DateParts::None; }

bool isTyped(std::string_view v) {
    v = text::trim(v);
    if (isNumber(v) || isDate(v) || isTime(v)) return true;
    const std::string l = text::lowerAscii(v);
    if (l == "true" || l == "false") return true;
    if (l.find(' ') == std::string::npos && (l.find('@') != std::string::npos || l.rfind("http://", 0) == 0 ||
                                             l.rfind("https://", 0) == 0))
        return true;
    return false;
}

bool isJsonMetadata(std::string_view v) {
    v = text::trim(v);
    return v.size() >= 2 && v.front() == '{' && v.back() == '}' && v.find("\":") != std::string_view::npos;
}

/// Columns that survey tools fill themselves, by their folded names: never answers, never tags.
bool isToolColumn(std::string_view header) {
    static const std::unordered_set<std::string> kNames = {
        "startdate", "enddate", "status", "ipaddress", "progress", "durationinseconds", "duration", "finished",
        "recordeddate", "responseid", "respondentid", "collectorid", "recipientlastname", "recipientfirstname",
        "recipientemail", "externalreference", "externaldatareference", "locationlatitude", "locationlongitude",
        "distributionchannel", "userlanguage", "timestamp", "emailaddress", "email", "firstname", "lastname",
        "customdata1", "customdata", "useragent", "browser", "operatingsystem", "referrer", "referer", "url",
        "ip", "latitude", "longitude", "submitdate", "submittedat", "datesubmitted", "networkid", "token"};
    const std::string k = text::foldKey(header);
    if (kNames.count(k)) return true;
    const std::string l = text::lowerAscii(header);
    for (const char* part : {"e-mail", "email", "ip address", "user agent", "latitude", "longitude", "address",
                             "phone", "\xE9\x82\xAE\xE7\xAE\xB1" /*邮箱*/, "\xE7\x94\xB5\xE8\xAF\x9D" /*电话*/})
        if (l.find(part) != std::string::npos) return true;
    return false;
}

/// Header names of the columns survey tools put respondent ids and response dates in.
bool isIdHeader(std::string_view h) {
    const std::string k = text::foldKey(h);
    return k == "responseid" || k == "respondentid";
}
int dateHeaderRank(std::string_view h) {  // lower is better, 0 = not a date column
    const std::string k = text::foldKey(h);
    if (k == "recordeddate") return 1;
    if (k == "enddate" || k == "submittedat" || k == "datesubmitted" || k == "submitdate") return 2;
    if (k == "timestamp") return 3;
    if (k == "date" || k == "datum" || k == "\xE6\x97\xA5\xE6\x9C\x9F" /*日期*/) return 4;
    return 0;
}

/// Length in characters, a CJK character counting as three (it says about as much as a short word).
std::size_t weightedLength(std::string_view v) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < v.size();) {
        if (static_cast<unsigned char>(v[i]) < 0x80) {
            ++i;
            ++n;
            continue;
        }
        n += text::isCjk(text::nextCodePoint(v, i)) ? 3 : 1;
    }
    return n;
}

struct ColumnStats {
    std::size_t nonEmpty = 0, typed = 0, dated = 0, spaced = 0, longest = 0, weighted = 0;
    std::size_t items = 0;  ///< options in multiple-choice answers ("A,B,C" is three)
    std::unordered_set<std::string_view> distinct, distinctItems;
    bool tooMany = false;  ///< distinct values stopped being counted

    void add(std::string_view v) {
        v = text::trim(v);
        if (v.empty()) return;
        ++nonEmpty;
        if (isTyped(v)) ++typed;
        if (isDate(v) || isTime(v)) ++dated;
        if (v.find(' ') != std::string_view::npos || text::containsCjk(v)) ++spaced;
        longest = std::max(longest, v.size());
        weighted += weightedLength(v);
        if (distinct.size() < 4096) distinct.insert(v);
        else tooMany = true;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= v.size(); ++i) {
            if (i == v.size() || v[i] == ',' || v[i] == ';' || v[i] == '|') {
                const std::string_view item = text::trim(v.substr(start, i - start));
                if (!item.empty()) {
                    ++items;
                    if (distinctItems.size() < 4096) distinctItems.insert(item);
                }
                start = i + 1;
            }
        }
    }
    double share(std::size_t n) const { return nonEmpty ? static_cast<double>(n) / static_cast<double>(nonEmpty) : 0; }
    /// Answers made of a few options, one or several at a time.
    bool choices() const {
        if (nonEmpty < 5) return false;
        if (distinct.size() * 5 <= nonEmpty) return true;
        return items >= nonEmpty * 3 / 2 && distinctItems.size() * 4 <= items;
    }
    bool freeText() const {
        if (nonEmpty == 0 || share(typed) >= 0.2 || share(spaced) < 0.5) return false;
        if (weighted < 20 * nonEmpty) return false;
        if (nonEmpty >= 5 && !tooMany && distinct.size() * 10 < nonEmpty * 4) return false;
        return !choices();
    }
    /// rows: how many answer rows were looked at.
    bool categorical(std::size_t rows) const {
        if (nonEmpty == 0 || longest > kMaxTagValueBytes || tooMany || dated > 0) return false;
        if (rows >= 5 && nonEmpty == rows && distinct.size() < 2) return false;  // the same everywhere says nothing
        if (distinct.size() > 50) return false;
        return distinct.size() <= 3 || distinct.size() * 3 <= nonEmpty * 2;
    }
};

// ---------------------------------------------------------------------------------------------
// Header rows

bool isMetadataRow(const Table& t, std::size_t r) {
    std::size_t nonEmpty = 0, meta = 0;
    for (std::size_t c = 0; c < t.rows[r].cells; ++c) {
        const std::string_view v = text::trim(t.cell(r, c));
        if (v.empty()) continue;
        ++nonEmpty;
        if (isJsonMetadata(v)) ++meta;
    }
    return nonEmpty > 0 && meta * 2 >= nonEmpty;
}

bool repeatsHeader(const Table& t, std::size_t r, const std::vector<std::string>& header) {
    std::size_t same = 0;
    for (std::size_t c = 0; c < t.rows[r].cells && c < header.size(); ++c) {
        const std::string k = text::foldKey(t.cell(r, c));
        if (!k.empty() && k == text::foldKey(header[c])) ++same;
    }
    return same >= 2;
}

bool isSurveyMonkeySubheader(const Table& t, std::size_t r) {
    if (!text::trim(t.cell(r, 0)).empty()) return false;
    for (std::size_t c = 0; c < t.rows[r].cells; ++c) {
        const std::string k = text::foldKey(t.cell(r, c));
        if (k == "response" || k == "openendedresponse") return true;
    }
    return false;
}

/// Words where the rows below hold numbers, dates or times (question texts over answers).
bool wordsOverTypedColumns(const Table& t, const std::vector<std::size_t>& rows, std::size_t at) {
    const std::size_t cols = t.rows[rows[at]].cells;
    std::size_t typedColumns = 0, words = 0;
    for (std::size_t c = 0; c < cols; ++c) {
        std::size_t nonEmpty = 0, typed = 0;
        for (std::size_t k = at + 1; k < rows.size() && k <= at + 50; ++k) {
            const std::string_view v = text::trim(t.cell(rows[k], c));
            if (v.empty() || isJsonMetadata(v)) continue;
            ++nonEmpty;
            if (isTyped(v)) ++typed;
        }
        if (nonEmpty < 3 || typed * 5 < nonEmpty * 4) continue;
        ++typedColumns;
        const std::string_view here = text::trim(t.cell(rows[at], c));
        if (!here.empty() && !isTyped(here)) ++words;
    }
    return typedColumns >= 2 && words >= 2 && words * 3 >= typedColumns * 2;
}

std::string listColumns(const std::vector<std::string>& columns) {
    std::string out;
    std::size_t shown = 0;
    for (const auto& c : columns) {
        if (shown == 30) {
            out += ", and " + std::to_string(columns.size() - shown) + " more";
            break;
        }
        if (shown++) out += ", ";
        out += text::shortened(c, 60);
    }
    return out;
}

std::string normalisedDate(const DateParts& p, int slashOrder /* 0 unknown, 1 day first, 2 month first */) {
    int y = 0, m = 0, d = 0;
    switch (p.kind) {
        case DateParts::YearFirst: y = p.a; m = p.b; d = p.c; break;
        case DateParts::DayFirst: d = p.a; m = p.b; y = p.c; break;
        case DateParts::Slashed:
            if (slashOrder == 0) return {};
            y = p.c;
            d = slashOrder == 1 ? p.a : p.b;
            m = slashOrder == 1 ? p.b : p.a;
            break;
        case DateParts::None: return {};
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return isValidDate(buf) ? std::string(buf) : std::string();
}

}  // namespace

ParseResult parseCsv(std::string_view utf8, const std::string& name, const ParseOptions& opt) {
    ParseResult result;
    const std::string lowerName = text::lowerAscii(name);
    const bool tsv = lowerName.size() >= 4 && lowerName.compare(lowerName.size() - 4, 4, ".tsv") == 0;
    result.format = tsv ? "tsv" : "csv";
    while (utf8.substr(0, 3) == "\xEF\xBB\xBF") utf8.remove_prefix(3);
    if (utf8.size() >= 0xFFFFFFF0u) throw ImportError(message(CC_TEMPLATE("{1}: too large a table"), {name}));
    text::Progress progress(opt, name);
    progress.report(0.0);

    // The delimiter, and an Excel "sep=;" line.
    char delim = tsv ? '\t' : 0;
    bool sepLine = false;
    if (utf8.size() >= 5 && text::lowerAscii(utf8.substr(0, 4)) == "sep=" && utf8[4] != '"' && utf8[4] != '\n' &&
        utf8[4] != '\r' && (utf8.size() == 5 || utf8[5] == '\n' || utf8[5] == '\r')) {
        delim = utf8[4];
        sepLine = true;
    }
    if (!delim) delim = detectDelimiter(utf8, name);
    if (delim == '\t' && !tsv) result.format = "tsv";

    // Every record.
    Table t;
    {
        Scanner sc(utf8, delim, name, true);
        if (sepLine) sc.skipLine();
        std::size_t n = 0;
        while (sc.next(t))
            if (++n % 4096 == 0)
                progress.report(0.6 * static_cast<double>(sc.position()) / static_cast<double>(utf8.size()));
    }
    std::vector<std::size_t> rows;  // records with something in them
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (!t.blank(t.rows[r])) rows.push_back(r);
    if (rows.empty()) return result;

    // The header and the header rows under it.
    std::size_t width = 0;
    for (std::size_t r : rows) width = std::max<std::size_t>(width, t.rows[r].cells);
    std::vector<std::string> header(width), questions(width), tagNames(width);
    const auto oneLine = [](std::string_view v) {
        std::string s(text::trim(v));
        for (char& ch : s)
            if (ch == '\n' || ch == '\t') ch = ' ';
        return s;
    };
    for (std::size_t c = 0; c < width; ++c) header[c] = oneLine(t.cell(rows[0], c));
    std::size_t first = 1;  // index in rows of the first answer row
    for (int extra = 0; extra < 2 && first < rows.size(); ++extra) {
        const std::size_t r = rows[first];
        if (isMetadataRow(t, r)) {
            ++first;
        } else if (isSurveyMonkeySubheader(t, r)) {
            std::string base;
            for (std::size_t c = 0; c < width; ++c) {
                if (!header[c].empty()) base = header[c];
                const std::string sub = oneLine(t.cell(r, c));
                const std::string k = text::foldKey(sub);
                questions[c] = base;
                tagNames[c] = base;  // "Which features do you use?: Reports"
                if (!sub.empty() && k != "response" && k != "openendedresponse")
                    header[c] = base.empty() ? sub : base + " - " + sub;
                else if (header[c].empty())
                    header[c] = base;
            }
            ++first;
        } else if (repeatsHeader(t, r, header) || wordsOverTypedColumns(t, rows, first)) {
            for (std::size_t c = 0; c < width; ++c) questions[c] = oneLine(t.cell(r, c));
            ++first;
        } else {
            break;
        }
    }

    // Column names: unnamed ones by position, repeated ones numbered; empty unnamed ones left out.
    std::vector<std::size_t> cols;  // the columns kept, by position
    {
        std::vector<std::string> seen;
        for (std::size_t c = 0; c < width; ++c) {
            if (header[c].empty()) {
                bool any = false;
                for (std::size_t k = first; k < rows.size() && !any; ++k) any = !text::isBlank(t.cell(rows[k], c));
                if (!any) continue;
                header[c] = "Column " + std::to_string(c + 1);
            }
            std::string n = header[c];
            for (int i = 2; std::find(seen.begin(), seen.end(), text::lowerAscii(n)) != seen.end(); ++i)
                n = header[c] + " (" + std::to_string(i) + ")";
            header[c] = n;
            seen.push_back(text::lowerAscii(n));
            cols.push_back(c);
            result.columns.push_back(n);
        }
    }

    // The columns the options name.
    const auto find = [&](const std::string& wanted, const char* notFound) -> std::size_t {
        const std::string w = text::lowerAscii(text::trim(wanted));
        for (std::size_t c : cols)
            if (text::lowerAscii(header[c]) == w) return c;
        for (std::size_t c : cols)
            if (!questions[c].empty() && text::lowerAscii(questions[c]) == w) return c;
        throw ImportError(message(notFound, {name, wanted, listColumns(result.columns)}));
    };
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> textCols;
    for (const auto& n : opt.textColumns) {
        const std::size_t c = find(n, CC_TEMPLATE("{1}: no text column '{2}' (the columns are: {3})"));
        if (std::find(textCols.begin(), textCols.end(), c) == textCols.end()) textCols.push_back(c);
    }
    std::size_t idCol = opt.idColumn.empty() ? kNone : find(opt.idColumn, CC_TEMPLATE("{1}: no id column '{2}' (the columns are: {3})"));
    std::size_t dateCol = opt.dateColumn.empty() ? kNone : find(opt.dateColumn, CC_TEMPLATE("{1}: no date column '{2}' (the columns are: {3})"));
    const std::size_t segmentCol = opt.segmentColumn.empty() ? kNone : find(opt.segmentColumn, CC_TEMPLATE("{1}: no segment column '{2}' (the columns are: {3})"));
    if (idCol == kNone)
        for (std::size_t c : cols)
            if (isIdHeader(header[c])) {
                idCol = c;
                break;
            }
    if (dateCol == kNone) {
        int bestRank = 0;
        for (std::size_t c : cols) {
            const int rank = dateHeaderRank(header[c]);
            if (rank && (!bestRank || rank < bestRank)) {
                bestRank = rank;
                dateCol = c;
            }
        }
    }

    // What the columns hold, from the first answer rows.
    const std::size_t sampleEnd = std::min(rows.size(), first + kSampleRows);
    std::vector<ColumnStats> stats(width);
    for (std::size_t k = first; k < sampleEnd; ++k)
        for (std::size_t c : cols) stats[c].add(t.cell(rows[k], c));
    const auto special = [&](std::size_t c) { return c == idCol || c == dateCol || c == segmentCol; };
    if (textCols.empty()) {
        for (std::size_t c : cols)
            if (!special(c) && !isToolColumn(header[c]) && stats[c].freeText()) textCols.push_back(c);
        if (textCols.empty() && first < rows.size())
            throw ImportError(message(CC_TEMPLATE("{1}: no column of free-text answers found; name one as the text column (the columns are: {2})"),
                                      {name, listColumns(result.columns)}));
    }
    for (std::size_t c : textCols) result.textColumns.push_back(header[c]);
    std::vector<std::size_t> tagCols;
    if (opt.columnsAsTags)
        for (std::size_t c : cols)
            if (tagCols.size() < kMaxTags && !special(c) && !isToolColumn(header[c]) &&
                std::find(textCols.begin(), textCols.end(), c) == textCols.end() &&
                stats[c].categorical(sampleEnd - first))
                tagCols.push_back(c);

    // D/M/Y or M/D/Y, as the date column tells.
    int slashOrder = 0;
    if (dateCol != kNone) {
        bool dayFirst = false, monthFirst = false;
        for (std::size_t k = first; k < rows.size(); ++k) {
            const DateParts p = dateParts(t.cell(rows[k], dateCol));
            if (p.kind != DateParts::Slashed) continue;
            if (p.a > 12) dayFirst = true;
            if (p.b > 12) monthFirst = true;
        }
        slashOrder = dayFirst == monthFirst ? 0 : dayFirst ? 1 : 2;
    }

    // A candidate per answer.
    const auto tagName = [&](std::size_t c) { return text::shortened(tagNames[c].empty() ? header[c] : tagNames[c], 80); };
    for (std::size_t k = first; k < rows.size(); ++k) {
        if ((k - first) % 4096 == 0)
            progress.report(0.6 + 0.4 * static_cast<double>(k) / static_cast<double>(rows.size()));
        const Table::Row& row = t.rows[rows[k]];
        for (std::size_t c : textCols) {
            const std::string_view answer = t.cell(row, c);
            const std::string_view trimmed = text::trim(answer);
            if (trimmed.empty()) continue;
            text::checkCandidateCount(result.candidates.size(), name);
            Candidate cand;
            cand.text = std::string(trimmed);
            cand.excerpt = std::string(answer);
            cand.location = "row " + std::to_string(row.row) + ", " + header[c];
            if (idCol != kNone) cand.respondent = std::string(text::trim(t.cell(row, idCol)));
            if (dateCol != kNone) cand.date = normalisedDate(dateParts(t.cell(row, dateCol)), slashOrder);
            if (segmentCol != kNone) cand.segment = std::string(text::trim(t.cell(row, segmentCol)));
            for (std::size_t tc : tagCols) {
                const std::string_view v = text::trim(t.cell(row, tc));
                if (v.empty() || v.size() > kMaxTagValueBytes) continue;
                cand.tags.push_back(tagName(tc) + ": " + std::string(v));
            }
            result.candidates.push_back(std::move(cand));
        }
    }
    progress.report(1.0);
    return result;
}

}  // namespace cc::import
