// Markdown (CommonMark, parsed by cmark): a candidate per paragraph or list item.
//
// Headings are no candidates: they make the heading path of what follows. A list item's own
// paragraphs are its text (a nested list's items are candidates of their own); paragraphs in block
// quotes are candidates; code and HTML blocks are skipped; a pipe table (GitHub style, which
// CommonMark reads as a paragraph) gives a candidate per body row. Inline markup is dropped:
// emphasis, code and link text stay as text, URLs and images go; a soft break is a space (none
// between two CJK characters), a hard break a line break. YAML front matter is skipped.
// cmark walks its tree with an iterator, so nesting depth costs no stack.

#define CMARK_NO_SHORT_NAMES 1
#include <cmark.h>

#include <memory>

#include "storage/import/candidate.h"
#include "storage/import/text_util.h"

namespace cc::import {

namespace {

using text::LineTable;

struct NodeFree {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterFree {
    void operator()(cmark_iter* it) const { cmark_iter_free(it); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;
using IterPtr = std::unique_ptr<cmark_iter, IterFree>;

constexpr int kOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8;

/// Appends a piece of inline text; after a soft break a space goes first unless both sides are CJK.
void appendInline(std::string& out, std::string_view piece, bool& softBreak) {
    if (piece.empty()) return;
    if (softBreak) {
        softBreak = false;
        if (!out.empty() && out.back() != '\n' &&
            !(text::isCjk(text::lastCodePoint(out)) && text::isCjk(text::firstCodePoint(piece))))
            out += ' ';
    }
    out.append(piece);
}

bool isBreakTag(std::string_view html) {
    const std::string t = text::lowerAscii(html);
    return t == "<br>" || t == "<br/>" || t == "<br />";
}

/// The plain text of a block's inlines (a paragraph or heading).
std::string inlineText(cmark_node* block) {
    std::string out;
    bool softBreak = false;
    IterPtr it(cmark_iter_new(block));
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it.get());
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                if (const char* lit = cmark_node_get_literal(n)) appendInline(out, lit, softBreak);
                break;
            case CMARK_NODE_SOFTBREAK:
                softBreak = true;
                break;
            case CMARK_NODE_LINEBREAK:
                softBreak = false;
                out += '\n';
                break;
            case CMARK_NODE_HTML_INLINE:
                if (const char* lit = cmark_node_get_literal(n); lit && isBreakTag(lit)) {
                    softBreak = false;
                    out += '\n';
                }
                break;
            case CMARK_NODE_IMAGE:
                cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);  // an image is no text
                break;
            default:
                break;
        }
    }
    return std::string(text::trim(out));
}

/// Replaces YAML front matter ("---" ... "---" or "..." at the top) by as many empty lines, so that
/// line numbers stay right and its keys do not read as a heading.
std::string withoutFrontMatter(std::string_view src) {
    const LineTable lines(src);
    if (lines.count() < 2 || text::trim(lines.line(1)) != "---" || lines.line(1).substr(0, 3) != "---") return {};
    const std::size_t limit = std::min<std::size_t>(lines.count(), 1000);
    // YAML lines: "key: value", indented or "- " continuations, comments. Anything else means the
    // first "---" was a thematic break, not front matter.
    const auto yamlLine = [](std::string_view l) {
        if (text::isBlank(l) || l.front() == ' ' || l.front() == '\t' || l.front() == '#' || l.substr(0, 2) == "- ")
            return true;
        const std::size_t colon = l.find(':');
        if (colon == std::string_view::npos || colon == 0) return false;
        for (char c : l.substr(0, colon))
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
                  c == ' ' || c == '"' || c == '\'' || static_cast<unsigned char>(c) >= 0x80))
                return false;
        return true;
    };
    for (std::size_t n = 2; n <= limit; ++n) {
        const std::string_view l = text::trim(lines.line(n));
        if (l != "---" && l != "..." && !yamlLine(lines.line(n))) return {};
        if (l == "---" || l == "...") {
            std::string out(n, '\n');
            std::size_t pos = 0;
            for (std::size_t k = 0; k < n; ++k) pos = src.find('\n', pos) + 1;
            out.append(src.substr(pos));
            return out;
        }
    }
    return {};
}

/// A GitHub-style table delimiter row: "| --- | :---: |".
bool isTableDelimiterRow(std::string_view line) {
    line = text::trim(line);
    if (line.find('-') == std::string_view::npos) return false;
    bool pipe = false;
    for (char c : line) {
        if (c == '|') pipe = true;
        else if (c != '-' && c != ':' && c != ' ' && c != '\t') return false;
    }
    return pipe;
}

/// The cells of a table row, split at pipes that are not escaped.
std::vector<std::string> tableCells(std::string_view row) {
    row = text::trim(row);
    if (!row.empty() && row.front() == '|') row.remove_prefix(1);
    if (!row.empty() && row.back() == '|' && (row.size() < 2 || row[row.size() - 2] != '\\')) row.remove_suffix(1);
    std::vector<std::string> cells;
    std::string cell;
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
            cell += '|';
            ++i;
        } else if (row[i] == '|') {
            cells.push_back(std::move(cell));
            cell.clear();
        } else {
            cell += row[i];
        }
    }
    cells.push_back(std::move(cell));
    return cells;
}

class MarkdownReader {
public:
    MarkdownReader(std::string_view src, const std::string& name, const ParseOptions& opt, ParseResult& out)
        : m_lines(src), m_name(name), m_progress(opt, name), m_out(out) {}

    void read(cmark_node* doc) {
        IterPtr it(cmark_iter_new(doc));
        std::size_t visited = 0;
        for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
            if (ev != CMARK_EVENT_ENTER) continue;
            cmark_node* n = cmark_iter_get_node(it.get());
            if (++visited % 4096 == 0)
                m_progress.report(0.5 + 0.5 * static_cast<double>(cmark_node_get_start_line(n)) /
                                            static_cast<double>(std::max<std::size_t>(m_lines.count(), 1)));
            switch (cmark_node_get_type(n)) {
                case CMARK_NODE_HEADING:
                    heading(n);
                    cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
                    break;
                case CMARK_NODE_PARAGRAPH:
                    paragraph(n);
                    cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
                    break;
                case CMARK_NODE_ITEM:
                    item(n);  // its nested lists and quotes are visited next
                    break;
                case CMARK_NODE_CODE_BLOCK:
                case CMARK_NODE_HTML_BLOCK:
                case CMARK_NODE_THEMATIC_BREAK:
                    cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
                    break;
                default:
                    break;
            }
        }
    }

private:
    void heading(cmark_node* n) {
        const int level = cmark_node_get_heading_level(n);
        while (!m_headings.empty() && m_headings.back().first >= level) m_headings.pop_back();
        std::string title = inlineText(n);
        for (char& c : title)
            if (c == '\n') c = ' ';
        if (!title.empty()) m_headings.emplace_back(level, text::shortened(title, 160));
    }

    void paragraph(cmark_node* n) {
        cmark_node* parent = cmark_node_parent(n);
        if (parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM) return;  // the item's text
        const auto first = static_cast<std::size_t>(cmark_node_get_start_line(n));
        const auto last = static_cast<std::size_t>(cmark_node_get_end_line(n));
        if (parent && cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT && table(first, last)) return;
        add(inlineText(n), first, last);
    }

    void item(cmark_node* n) {
        std::string body;
        const auto first = static_cast<std::size_t>(cmark_node_get_start_line(n));
        std::size_t last = first;
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
            if (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH) continue;
            const std::string t = inlineText(c);
            if (t.empty()) continue;
            if (!body.empty()) body += '\n';
            body += t;
            last = std::max(last, static_cast<std::size_t>(cmark_node_get_end_line(c)));
        }
        add(std::move(body), first, last);
    }

    /// A pipe table: a candidate per body row, its cells joined with " | ".
    bool table(std::size_t first, std::size_t last) {
        if (last < first + 1 || m_lines.line(first).find('|') == std::string_view::npos ||
            !isTableDelimiterRow(m_lines.line(first + 1)))
            return false;
        for (std::size_t row = first + 2; row <= last; ++row) {
            std::string t;
            for (const std::string& cell : tableCells(m_lines.line(row))) {
                const std::string plain = text::markdownToPlainText(cell);
                if (plain.empty()) continue;
                if (!t.empty()) t += " | ";
                t += plain;
            }
            add(std::move(t), row, row);
        }
        return true;
    }

    void add(std::string body, std::size_t first, std::size_t last) {
        if (text::trim(body).empty()) return;
        if (body.size() > text::kMaxBlockBytes)
            throw ImportError(message(CC_TEMPLATE("{1}: line {2}: a paragraph of more than {3} MB (is this really text?)"),
                                      {m_name, std::to_string(first), std::to_string(text::kMaxBlockBytes >> 20)}));
        text::checkCandidateCount(m_out.candidates.size(), m_name);
        Candidate c;
        c.text = std::move(body);
        for (const auto& [level, title] : m_headings) {
            if (!c.location.empty()) c.location += " > ";
            c.location += title;
        }
        c.location += (c.location.empty() ? "line " : ", line ") + std::to_string(first);
        c.excerpt = m_lines.lines(first, std::max(first, last));
        m_out.candidates.push_back(std::move(c));
    }

    LineTable m_lines;
    const std::string& m_name;
    text::Progress m_progress;
    ParseResult& m_out;
    std::vector<std::pair<int, std::string>> m_headings;
};

}  // namespace

namespace text {

std::string markdownToPlainText(std::string_view markdown) {
    NodePtr doc(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_VALIDATE_UTF8));
    if (!doc) return std::string(trim(markdown));
    std::string out;
    const auto line = [&](std::string_view l) {
        if (l.empty()) return;
        if (!out.empty()) out += '\n';
        out.append(l);
    };
    IterPtr it(cmark_iter_new(doc.get()));
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it.get());
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_PARAGRAPH: {
                cmark_node* parent = cmark_node_parent(n);
                const bool firstInItem = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
                                         cmark_node_first_child(parent) == n;
                const std::string t = inlineText(n);
                line(firstInItem && !t.empty() ? "- " + t : t);
                cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
                break;
            }
            case CMARK_NODE_HEADING:
                line(inlineText(n));
                cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
                break;
            case CMARK_NODE_CODE_BLOCK:
                if (const char* lit = cmark_node_get_literal(n)) {
                    std::string_view l(lit);
                    while (!l.empty() && l.back() == '\n') l.remove_suffix(1);
                    line(l);
                }
                break;
            default:
                break;
        }
    }
    return out;
}

}  // namespace text

ParseResult parseMarkdown(std::string_view utf8, const std::string& name, const ParseOptions& opt) {
    ParseResult result;
    result.format = "markdown";
    if (utf8.substr(0, 3) == "\xEF\xBB\xBF") utf8.remove_prefix(3);
    text::Progress progress(opt, name);
    progress.report(0.0);
    const std::string stripped = withoutFrontMatter(utf8);
    const std::string_view src = stripped.empty() ? utf8 : std::string_view(stripped);
    NodePtr doc(cmark_parse_document(src.data(), src.size(), kOptions));
    if (!doc) throw ImportError(message(CC_TEMPLATE("{1}: the Markdown could not be read (out of memory?)"), {name}));
    progress.report(0.5);
    // Excerpts quote the file as it stands, front matter line numbers included.
    MarkdownReader(utf8, name, opt, result).read(doc.get());
    progress.report(1.0);
    return result;
}

}  // namespace cc::import
