#include "storage/import/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <regex>
#include <set>
#include <string_view>

#include "storage/import/paragraph_join.h"

namespace cc::import::detail {

namespace {

/// Full-width punctuation of Chinese and Japanese: ideographic full stop and comma, brackets,
/// full-width forms of ASCII punctuation.
bool isCjkPunctuation(char32_t c) {
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
           (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65);
}

double height(const PdfLine& l) { return std::max(l.y1 - l.y0, 1.0); }
double size(const PdfLine& l) { return std::max(l.fontSize, 1.0); }

bool isBullet(std::string_view w) {
    static const char* const kBullets[] = {"•", "●", "○", "◦", "■", "□", "▪", "▫", "‣", "⁃", "∙", "➢", "►", "▶", "✓", "✔", "◆", "◇", ""};
    for (const char* b : kBullets)
        if (*b && w == b) return true;
    return false;
}

/// "3.", "12)", "(b)", "iv.", "一、": a list item's number standing as a word of its own.
bool isEnumerator(std::string_view w) {
    if (w.size() < 2 || w.size() > 8) return false;
    static const std::regex kNumbered(R"(^\(?([0-9]{1,2}|[a-z]|[ivx]{1,4})[.)]$)", std::regex::icase);
    static const std::regex kChinese("^(一|二|三|四|五|六|七|八|九|十){1,3}、$");
    const std::string s(w);
    return std::regex_match(s, kNumbered) || std::regex_match(s, kChinese);
}

bool sameSize(const PdfLine& a, const PdfLine& b) {
    return std::abs(a.fontSize - b.fontSize) <= 0.12 * std::max(a.fontSize, b.fontSize) + 0.05;
}

}  // namespace

// --- Words into lines, in reading order -----------------------------------------------------------

namespace {

/// Words that poppler put one after the other on the same line, close together.
struct Segment {
    std::vector<const PdfWord*> words;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    void add(const PdfWord* w) {
        if (words.empty()) x0 = w->x0, y0 = w->y0, x1 = w->x1, y1 = w->y1;
        words.push_back(w);
        x0 = std::min(x0, w->x0), y0 = std::min(y0, w->y0), x1 = std::max(x1, w->x1), y1 = std::max(y1, w->y1);
    }
};

bool onSameLine(double ay0, double ay1, double by0, double by1) {
    const double overlap = std::min(ay1, by1) - std::max(ay0, by0);
    return overlap >= 0.5 * std::min(ay1 - ay0, by1 - by0);
}

/// A region the XY cut does not split further; in a table, one cell.
struct Leaf {
    std::vector<Segment*> segs;
    int row = -1;
    int cell = -1;
};

/// Recursive XY cut: splits `segs` at the widest band of white space across the region and reads
/// the parts in order; regions that cannot be split are leaves.
class XyCut {
public:
    XyCut(double em, std::vector<Leaf>& leaves) : m_em(em), m_leaves(leaves) {}

    void cut(std::vector<Segment*> segs, int depth) {
        if (segs.size() <= 1 || depth > 60) {
            if (!segs.empty()) m_leaves.push_back({std::move(segs)});
            return;
        }
        // Horizontal bands of white space (between lines), top to bottom.
        std::sort(segs.begin(), segs.end(), [](const Segment* a, const Segment* b) { return a->y0 < b->y0; });
        const std::vector<Gap> hGaps = horizontalGaps(segs);
        double bestH = 0;
        for (const auto& g : hGaps) bestH = std::max(bestH, g.size);
        // Vertical bands (between columns), wide enough, with enough text on either side.
        std::vector<Segment*> byX = segs;
        std::sort(byX.begin(), byX.end(), [](const Segment* a, const Segment* b) { return a->x0 < b->x0; });
        const std::vector<Gap> vGaps = verticalGaps(byX, 4 * m_em);
        double bestV = 0;
        for (const auto& g : vGaps) bestV = std::max(bestV, g.size);
        if (hGaps.empty() && vGaps.empty()) {
            m_leaves.push_back({std::move(segs)});
            return;
        }
        if (!hGaps.empty() && !vGaps.empty() && isTable(segs, byX, hGaps, vGaps)) {
            readTable(segs, hGaps);
            return;
        }
        const bool vertical = bestV >= bestH;
        const auto& gaps = vertical ? vGaps : hGaps;
        const std::vector<Segment*>& ordered = vertical ? byX : segs;
        const double best = vertical ? bestV : bestH;
        std::size_t from = 0;
        for (const auto& g : gaps) {
            if (g.size < 0.8 * best) continue;  // only the widest bands: the others may run through columns
            cut(slice(ordered, from, g.at), depth + 1);
            from = g.at;
        }
        cut(slice(ordered, from, ordered.size()), depth + 1);
    }

private:
    struct Gap {
        std::size_t at;  ///< index of the first segment after the gap
        double size;
        double end;      ///< where the gap ends (the next part's start)
    };
    double m_em;
    std::vector<Leaf>& m_leaves;
    int m_rows = 0;

    static std::vector<Segment*> slice(const std::vector<Segment*>& v, std::size_t from, std::size_t to) {
        return std::vector<Segment*>(v.begin() + static_cast<std::ptrdiff_t>(from), v.begin() + static_cast<std::ptrdiff_t>(to));
    }

    /// Gaps between lines, of segments sorted by y0.
    static std::vector<Gap> horizontalGaps(const std::vector<Segment*>& byY) {
        std::vector<Gap> gaps;
        double end = byY.front()->y1;
        for (std::size_t i = 1; i < byY.size(); ++i) {
            if (byY[i]->y0 > end + 0.1) gaps.push_back({i, byY[i]->y0 - end, byY[i]->y0});
            end = std::max(end, byY[i]->y1);
        }
        return gaps;
    }

    /// Gaps at least an em wide between columns, of segments sorted by x0, with `side` of text on
    /// either side.
    std::vector<Gap> verticalGaps(const std::vector<Segment*>& byX, double side) const {
        std::vector<Gap> gaps;
        const double left = byX.front()->x0;
        double right = left;
        for (const Segment* s : byX) right = std::max(right, s->x1);
        double end = byX.front()->x1;
        for (std::size_t i = 1; i < byX.size(); ++i) {
            const double gap = byX[i]->x0 - end;
            if (gap >= std::max(m_em, 4.0) && end - left >= side && right - byX[i]->x0 >= side)
                gaps.push_back({i, gap, byX[i]->x0});
            end = std::max(end, byX[i]->x1);
        }
        return gaps;
    }

    /// Columns of which one is narrow, and rows whose white space runs across them, most rows
    /// with text in more than one column.
    bool isTable(const std::vector<Segment*>& byY, const std::vector<Segment*>& byX, const std::vector<Gap>& hGaps,
                 const std::vector<Gap>& vGaps) const {
        std::vector<double> starts{byX.front()->x0};
        for (const auto& g : vGaps) starts.push_back(g.end);
        bool narrow = false;
        std::size_t from = 0;
        for (std::size_t k = 0; k <= vGaps.size(); ++k) {
            const std::size_t to = k < vGaps.size() ? vGaps[k].at : byX.size();
            double x0 = byX[from]->x0, x1 = x0;
            for (std::size_t i = from; i < to; ++i) x1 = std::max(x1, byX[i]->x1);
            narrow = narrow || x1 - x0 < 12 * m_em;
            from = to;
        }
        if (!narrow) return false;
        const auto column = [&](const Segment* s) {
            return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), s->x0 + 0.01) - starts.begin());
        };
        std::size_t rows = 0, spanning = 0;
        from = 0;
        for (std::size_t k = 0; k <= hGaps.size(); ++k) {
            const std::size_t to = k < hGaps.size() ? hGaps[k].at : byY.size();
            std::set<std::size_t> columns;
            for (std::size_t i = from; i < to; ++i) columns.insert(column(byY[i]));
            ++rows;
            if (columns.size() >= 2) ++spanning;
            from = to;
        }
        return rows >= 2 && spanning >= 2 && 3 * spanning >= 2 * rows;
    }

    /// A table: rows top to bottom, in each row the cells (split at any white space an em wide)
    /// left to right.
    void readTable(const std::vector<Segment*>& byY, const std::vector<Gap>& hGaps) {
        std::size_t from = 0;
        for (std::size_t k = 0; k <= hGaps.size(); ++k) {
            const std::size_t to = k < hGaps.size() ? hGaps[k].at : byY.size();
            std::vector<Segment*> row = slice(byY, from, to);
            from = to;
            std::sort(row.begin(), row.end(), [](const Segment* a, const Segment* b) { return a->x0 < b->x0; });
            const int rowId = m_rows++;
            int cell = 0;
            std::size_t start = 0;
            for (const auto& g : verticalGaps(row, 0)) {
                m_leaves.push_back({slice(row, start, g.at), rowId, cell++});
                start = g.at;
            }
            m_leaves.push_back({slice(row, start, row.size()), rowId, cell});
        }
    }
};

PdfLine makeLine(const std::vector<const PdfWord*>& words) {
    PdfLine l;
    const PdfWord* prev = nullptr;
    for (const PdfWord* w : words) {
        if (!prev) {
            l.text = w->text;
            l.x0 = w->x0, l.y0 = w->y0, l.x1 = w->x1, l.y1 = w->y1;
            l.fontSize = w->fontSize;
            l.rotation = w->rotation;
        } else {
            // A space where poppler saw one, or a gap; never between Chinese characters, nor next to
            // full-width punctuation (which has its space in it).
            const char32_t before = lastCodePoint(prev->text), after = firstCodePoint(w->text);
            const bool cjkTight = (isCjk(before) && isCjk(after)) || isCjkPunctuation(before) || isCjkPunctuation(after);
            if (!cjkTight && (prev->spaceAfter || w->x0 - prev->x1 > 0.3 * std::max(w->fontSize, 1.0))) l.text += ' ';
            l.text += w->text;
            l.x0 = std::min(l.x0, w->x0), l.x1 = std::max(l.x1, w->x1);
            l.y0 = std::min(l.y0, w->y0), l.y1 = std::max(l.y1, w->y1);
            l.fontSize = std::max(l.fontSize, w->fontSize);
        }
        prev = w;
    }
    const PdfWord* first = words.front();
    const bool cjkStart = isCjk(firstCodePoint(first->text));
    l.firstWordWidth = cjkStart && first->firstGlyphWidth > 0 ? first->firstGlyphWidth : first->x1 - first->x0;
    l.listMarker = words.size() >= 2 && (isBullet(first->text) || isEnumerator(first->text));
    l.textStart = l.listMarker ? words[1]->x0 : l.x0;
    return l;
}

}  // namespace

std::vector<PdfLine> groupWordsIntoLines(const std::vector<PdfWord>& words) {
    // The page's usual font size: an em for the gaps that split columns.
    std::vector<double> sizes;
    for (const PdfWord& w : words)
        if (std::isfinite(w.fontSize) && w.fontSize > 0) sizes.push_back(w.fontSize);
    double em = 10;
    if (!sizes.empty()) {
        std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2), sizes.end());
        em = std::clamp(sizes[sizes.size() / 2], 1.0, 200.0);
    }
    // Segments: runs of words that poppler gives one after the other on one line.
    std::vector<Segment> segments;
    segments.reserve(words.size());
    const PdfWord* prev = nullptr;
    for (const PdfWord& w : words) {
        if (w.text.empty() || !std::isfinite(w.x0) || !std::isfinite(w.x1) || !std::isfinite(w.y0) ||
            !std::isfinite(w.y1) || !std::isfinite(w.fontSize) || w.x1 < w.x0 || w.y1 < w.y0)
            continue;
        const bool joins = prev && prev->rotation == w.rotation && onSameLine(prev->y0, prev->y1, w.y0, w.y1) &&
                           w.x0 >= prev->x1 - 0.5 * std::max(w.fontSize, 1.0) && w.x0 - prev->x1 < std::max(em, 4.0);
        if (!joins) segments.emplace_back();
        segments.back().add(&w);
        prev = &w;
    }
    // Upright text is read by XY cuts; turned text (a margin note up the side) after it, as poppler has it.
    std::vector<Segment*> upright, turned;
    for (Segment& s : segments) (s.words.front()->rotation == 0 ? upright : turned).push_back(&s);
    std::vector<Leaf> leaves;
    if (upright.size() <= 20000) XyCut(em, leaves).cut(upright, 0);
    else if (!upright.empty()) leaves.push_back({upright});  // a page of that many pieces: by lines

    std::vector<PdfLine> lines;
    for (auto& [leaf, tableRow, tableCell] : leaves) {
        // Inside a leaf: lines top to bottom, pieces of a line left to right.
        std::stable_sort(leaf.begin(), leaf.end(),
                         [](const Segment* a, const Segment* b) { return a->y0 + a->y1 < b->y0 + b->y1; });
        std::vector<std::vector<Segment*>> rows;
        for (Segment* s : leaf) {
            if (!rows.empty() && onSameLine(rows.back().back()->y0, rows.back().back()->y1, s->y0, s->y1))
                rows.back().push_back(s);
            else
                rows.push_back({s});
        }
        for (auto& row : rows) {
            std::stable_sort(row.begin(), row.end(), [](const Segment* a, const Segment* b) { return a->x0 < b->x0; });
            std::vector<const PdfWord*> ws;
            for (const Segment* s : row) ws.insert(ws.end(), s->words.begin(), s->words.end());
            lines.push_back(makeLine(ws));
            lines.back().tableRow = tableRow;
            lines.back().tableCell = tableCell;
        }
    }
    for (const Segment* s : turned) {
        if (!lines.empty() && lines.back().rotation == s->words.front()->rotation &&
            onSameLine(lines.back().y0, lines.back().y1, s->y0, s->y1) && s->x0 >= lines.back().x1 - 1) {
            std::vector<const PdfWord*> ws = s->words;
            PdfLine more = makeLine(ws);
            lines.back().text += ' ' + more.text;
            lines.back().x1 = std::max(lines.back().x1, more.x1);
            continue;
        }
        lines.push_back(makeLine(s->words));
    }
    return lines;
}

// --- Running headers and footers, page numbers, tables of contents ------------------------------

bool isPageNumber(const std::string& line) {
    // Dashes, full-width digits and punctuation to ASCII first, so that the patterns stay simple.
    std::string s;
    for (std::size_t pos = 0; pos < line.size();) {
        const char32_t c = decodeUtf8(line, pos);
        if (c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2212) s += '-';
        else if (c >= 0xFF10 && c <= 0xFF19) s += static_cast<char>('0' + (c - 0xFF10));
        else if (c == 0xFF0C) s += ',';
        else if (c == 0xFF0F) s += '/';
        else if (c == 0xA0 || c == 0x3000 || c == '\t') s += ' ';
        else appendUtf8(s, c);
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    if (s.empty() || s.size() > 40) return false;
    static const std::regex kPatterns[] = {
        std::regex(R"(^[-| ]*[0-9]{1,5}[-| ]*$)"),
        std::regex(R"(^(page|p\.|pg\.?|seite|p[aá]gina) *[0-9]{1,5}( *(of|/|von|de|di) *[0-9]{1,5})?$)", std::regex::icase),
        std::regex(R"(^[0-9]{1,5} *(/|of) *[0-9]{1,5}$)", std::regex::icase),
        std::regex("^第 *[0-9]{1,5} *页( *[,/]? *共 *[0-9]{1,5} *页)?$"),
        std::regex(R"(^([ivxlc]{1,7}|[IVXLC]{1,7})$)"),
    };
    for (const auto& re : kPatterns)
        if (std::regex_match(s, re)) return true;
    return false;
}

namespace {

std::string normalizedForRepeats(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += (c >= '0' && c <= '9') ? '#' : c;
    }
    return out;
}

/// The number a line begins or ends with, as a separate word ("Chapter 2: Naming 14", "14 Libtasn1").
std::vector<long> edgeNumbers(const std::string& text) {
    std::vector<long> out;
    std::size_t i = 0;
    while (i < text.size() && i < 6 && text[i] >= '0' && text[i] <= '9') ++i;
    if (i > 0 && i < 6 && (i == text.size() || text[i] == ' ')) out.push_back(std::stol(text.substr(0, i)));
    std::size_t j = text.size();
    while (j > 0 && text.size() - j < 6 && text[j - 1] >= '0' && text[j - 1] <= '9') --j;
    if (j < text.size() && text.size() - j < 6 && (j == 0 || text[j - 1] == ' ') && j != 0)
        out.push_back(std::stol(text.substr(j)));
    return out;
}

/// A line of a table of contents: dot leaders and a page number ("2.1 Naming . . . . . 3").
bool isContentsLine(const std::string& text) {
    static const std::regex kLeader(R"((\. ?){4,} *[0-9ivxlcIVXLC]{1,6}$)");
    static const std::regex kEllipsis("(…){2,} *[0-9ivxlcIVXLC]{1,6}$");
    return text.find("..") != std::string::npos || text.find(". .") != std::string::npos || text.find("……") != std::string::npos
               ? std::regex_search(text, kLeader) || std::regex_search(text, kEllipsis)
               : false;
}

}  // namespace

void dropHeadersAndFooters(std::vector<PdfPage>& pages) {
    // A line is in the header or footer zone if it lies in the top or bottom 12% of the page.
    const auto zoneOf = [](const PdfPage& p, const PdfLine& l) {
        if (l.rotation != 0 || p.height <= 0) return 0;
        if (l.y1 <= 0.12 * p.height) return 1;
        if (l.y0 >= 0.88 * p.height) return 2;
        return 0;
    };
    const std::size_t n = pages.size();
    std::map<std::string, std::set<int>> pagesOf;  // zone and normalized text -> pages
    std::map<long, std::set<int>> numberOffsets;   // number in a header or footer minus page number -> pages
    for (const auto& p : pages)
        for (const auto& l : p.lines)
            if (int z = zoneOf(p, l)) {
                pagesOf[std::to_string(z) + normalizedForRepeats(l.text)].insert(p.number);
                for (long number : edgeNumbers(l.text)) numberOffsets[number - p.number].insert(p.number);
            }
    // Running page numbers: headers and footers whose number goes up with the page, even where
    // the rest of the line changes (a running head with the chapter's title).
    // Only in lines no larger than the body text: "1 Introduction" atop page 1 is a heading.
    std::set<long> runningOffsets;
    for (const auto& [offset, where] : numberOffsets)
        if (where.size() >= 2 && 3 * where.size() >= n) runningOffsets.insert(offset);
    std::vector<double> sizes;
    for (const auto& p : pages)
        for (const auto& l : p.lines) sizes.push_back(l.fontSize);
    double bodySize = 0;
    if (!sizes.empty()) {
        std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2), sizes.end());
        bodySize = sizes[sizes.size() / 2];
    }
    for (auto& p : pages) {
        std::erase_if(p.lines, [&](const PdfLine& l) {
            if (isContentsLine(l.text)) return true;
            const int z = zoneOf(p, l);
            if (!z) return false;
            if (isPageNumber(l.text)) return true;
            if (l.fontSize <= 1.05 * bodySize)
                for (long number : edgeNumbers(l.text))
                    if (runningOffsets.count(number - p.number)) return true;
            const std::size_t count = pagesOf[std::to_string(z) + normalizedForRepeats(l.text)].size();
            return count >= 2 && 2 * count + 1 >= n;
        });
    }
}

// --- Lines into paragraphs -------------------------------------------------------------------------

namespace {

/// A sentence ends at the end of this line: a full stop, question or exclamation mark, colon,
/// possibly followed by closing quotes or brackets.
bool endsSentence(std::string_view text) {
    while (!text.empty()) {
        const char32_t c = lastCodePoint(text);
        const std::size_t n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (c == U' ' || c == U'"' || c == U'\'' || c == U')' || c == U']' || c == 0x201D || c == 0x2019 ||
            c == 0x300D || c == 0x300F || c == 0xFF09 || c == 0x300B) {
            text.remove_suffix(std::min(n, text.size()));
            continue;
        }
        return c == U'.' || c == U'!' || c == U'?' || c == U':' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F ||
               c == 0xFF1A || c == 0x2026;
    }
    return false;
}

struct Ref {
    const PdfPage* page;
    const PdfLine* line;
    bool cjk;  ///< has Chinese or Japanese in it
};

bool hasCjk(const std::string& s) {
    for (std::size_t pos = 0; pos < s.size();)
        if (isCjk(decodeUtf8(s, pos))) return true;
    return false;
}

int cjkPair(const Ref& a, const Ref& b) { return a.cjk || b.cjk ? 1 : 0; }

/// b carries on from a in the same column: on the same page, below it, overlapping it horizontally.
bool inFlow(const Ref& a, const Ref& b) {
    if (a.page != b.page || a.line->rotation != b.line->rotation) return false;
    const double dy = b.line->y1 - a.line->y1;
    const double h = std::max(height(*a.line), height(*b.line));
    if (dy <= 0.3 * h) return false;
    return b.line->x0 < a.line->x1 && b.line->x1 > a.line->x0;
}

/// A paragraph being built, with what the rules need to know of it kept up to date as lines come
/// (so that a paragraph of many lines costs no more per line than a short one).
struct Para {
    std::vector<std::size_t> lines;  ///< indices of its lines
    /// The least distance between successive lines in one column, for pairs without and with
    /// Chinese or Japanese.
    double minDy[2] = {1e300, 1e300};
    // Its lines in the column it is in now (since it last moved to another column or page).
    std::size_t columnLines = 0;
    double columnLeft = 0, columnMinRight = 0, columnMaxRight = 0;
};

class ParagraphBuilder {
public:
    explicit ParagraphBuilder(const std::vector<PdfPage>& pages) {
        for (const auto& p : pages)
            for (const auto& l : p.lines) m_lines.push_back({&p, &l, hasCjk(l.text)});
        measureLeading();
    }

    std::vector<PdfParagraph> build() {
        std::vector<PdfParagraph> out;
        Para current;
        const auto flush = [&] {
            if (current.lines.empty()) return;
            PdfParagraph p;
            p.page = m_lines[current.lines.front()].page->number;
            for (std::size_t i : current.lines) p.lines.push_back(m_lines[i].line->text);
            if (m_lines[current.lines.front()].line->tableRow >= 0) {
                int cell = m_lines[current.lines.front()].line->tableCell;
                for (std::size_t i : current.lines) {
                    p.newCell.push_back(m_lines[i].line->tableCell != cell);
                    cell = m_lines[i].line->tableCell;
                }
            }
            const PdfLine& first = *m_lines[current.lines.front()].line;
            p.bulleted = first.listMarker && isBullet(std::string_view(first.text).substr(0, first.text.find(' ')));
            out.push_back(std::move(p));
            current = Para();
        };
        for (std::size_t i = 0; i < m_lines.size(); ++i) {
            if (!current.lines.empty() && startsParagraph(current, i)) flush();
            append(current, i);
        }
        flush();
        return out;
    }

private:
    std::vector<Ref> m_lines;
    double m_leading[2] = {0, 0};  ///< usual distance of baselines in a paragraph, in line heights

    /// The median distance between successive lines in the same column, as a multiple of the line
    /// height: the document's usual line spacing; one for pairs of lines with Chinese or Japanese in
    /// them (which an office suite spaces wider, for the taller fonts) and one for the others.
    void measureLeading() {
        std::vector<double> ratios[2];
        for (std::size_t i = 1; i < m_lines.size(); ++i) {
            const Ref& a = m_lines[i - 1];
            const Ref& b = m_lines[i];
            if (!inFlow(a, b) || !sameSize(*a.line, *b.line)) continue;
            const double h = std::max(height(*a.line), height(*b.line));
            const double dy = b.line->y1 - a.line->y1;
            if (dy < 3 * h) ratios[cjkPair(a, b)].push_back(dy / h);
        }
        for (int k = 0; k < 2; ++k) {
            auto& r = ratios[k];
            if (r.size() < 3) continue;
            std::nth_element(r.begin(), r.begin() + static_cast<std::ptrdiff_t>(r.size() / 2), r.end());
            m_leading[k] = std::clamp(r[r.size() / 2], 0.8, 2.5);
        }
        if (m_leading[0] == 0) m_leading[0] = m_leading[1] ? m_leading[1] : 1.0;
        if (m_leading[1] == 0) m_leading[1] = m_leading[0];
    }

    /// The line after i if it continues i's column with the same font size, else nullptr.
    const Ref* follower(std::size_t i) const {
        if (i + 1 >= m_lines.size()) return nullptr;
        const Ref& a = m_lines[i];
        const Ref& b = m_lines[i + 1];
        if (!inFlow(a, b) || !sameSize(*a.line, *b.line) || b.line->listMarker) return nullptr;
        return &b;
    }

    void append(Para& para, std::size_t i) const {
        const Ref& r = m_lines[i];
        const bool sameColumn = !para.lines.empty() && inFlow(m_lines[para.lines.back()], r);
        if (sameColumn) {
            const Ref& prev = m_lines[para.lines.back()];
            double& least = para.minDy[cjkPair(prev, r)];
            least = std::min(least, r.line->y1 - prev.line->y1);
            ++para.columnLines;
            para.columnLeft = std::min(para.columnLeft, r.line->x0);
            para.columnMinRight = std::min(para.columnMinRight, r.line->x1);
            para.columnMaxRight = std::max(para.columnMaxRight, r.line->x1);
        } else {
            para.columnLines = 1;
            para.columnLeft = r.line->x0;
            para.columnMinRight = para.columnMaxRight = r.line->x1;
        }
        para.lines.push_back(i);
    }

    /// The right edge of the column that the paragraph and the next line stand in, as far as the
    /// lines around show it.
    double columnRight(const Para& para, std::size_t next) const {
        double right = std::max(para.columnMaxRight, m_lines[next].line->x1);
        const PdfLine& b = *m_lines[next].line;
        std::size_t i = next;
        for (int k = 0; k < 3; ++k) {
            const Ref* f = follower(i);
            if (!f || std::abs(f->line->x0 - b.x0) > 3 * size(b)) break;
            right = std::max(right, f->line->x1);
            ++i;
        }
        return right;
    }

    bool startsParagraph(const Para& para, std::size_t next) const {
        const Ref& ra = m_lines[para.lines.back()];
        const Ref& rb = m_lines[next];
        const PdfLine& a = *ra.line;
        const PdfLine& b = *rb.line;
        const PdfLine& first = *m_lines[para.lines.front()].line;
        if (a.tableRow >= 0 || b.tableRow >= 0) return ra.page != rb.page || a.tableRow != b.tableRow;
        if (b.listMarker) return true;
        if (a.rotation != b.rotation || !sameSize(a, b)) return true;
        if (!inFlow(ra, rb)) return !carriesOn(para, next);

        const double em = std::max(size(a), size(b));
        const double tol = std::max(0.5 * em, 2.0);
        const double h = std::max(height(a), height(b));
        const double dy = b.y1 - a.y1;
        // A larger gap than between the lines of this paragraph (or, for its first line, than usual).
        const int kind = cjkPair(ra, rb);
        const double usual = std::min(m_leading[kind] * h, para.minDy[kind]);
        if (dy > 1.2 * usual + 1.0) return true;

        const double ca = (a.x0 + a.x1) / 2, cb = (b.x0 + b.x1) / 2;
        const bool centred = std::abs(ca - cb) < 0.6 * em && std::abs(a.x0 - b.x0) > tol;
        if (!centred) {
            // An indented first line (unless it is a list item's hanging indent).
            if (b.x0 > a.x0 + tol) {
                const bool hanging = first.listMarker && std::abs(b.x0 - first.textStart) <= tol;
                if (!hanging) return true;
            }
            // Back out to the left after the paragraph's second line: a new paragraph.
            if (b.x0 < a.x0 - tol && para.lines.size() >= 2) return true;
        }
        // The line above ends short although the first word of this one would have fitted.
        if (!centred && !endsWithWordHyphen(a.text)) {
            const bool cjk = isCjk(lastCodePoint(a.text)) || isCjk(firstCodePoint(b.text));
            const double needed = a.x1 + (cjk ? 0 : 0.3 * em) + b.firstWordWidth;
            if (needed < columnRight(para, next) - em) return true;
        }
        return false;
    }

    /// Whether the next line, at the top of another column or page, carries on the paragraph: the
    /// paragraph's last line runs to the column's edge without ending a sentence (or ends with a
    /// hyphenated word), and the next line is not an indented first line.
    bool carriesOn(const Para& para, std::size_t next) const {
        const Ref& ra = m_lines[para.lines.back()];
        const Ref& rb = m_lines[next];
        const PdfLine& a = *ra.line;
        const PdfLine& b = *rb.line;
        const bool movedUp = ra.page != rb.page || b.y1 < a.y0;
        if (!movedUp) return false;
        const double em = std::max(size(a), size(b));
        if (const Ref* c = follower(next); c && b.x0 > c->line->x0 + std::max(0.5 * em, 2.0)) return false;
        if (endsWithWordHyphen(a.text)) return true;
        if (endsSentence(a.text) || para.columnLines < 2) return false;
        // Wrapped text: every line of the paragraph in this column runs to its right edge, and the
        // column is wider than a table's (twelve ems at least).
        return para.columnMaxRight - para.columnLeft >= 12 * em && para.columnMinRight >= para.columnMaxRight - 1.5 * em;
    }
};

}  // namespace

std::vector<PdfParagraph> buildParagraphs(const std::vector<PdfPage>& pages) {
    return ParagraphBuilder(pages).build();
}

}  // namespace cc::import::detail
