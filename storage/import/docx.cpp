// DOCX: paragraphs in order; headings (by style name, outline level or the Title style) build the
// heading path and are not candidates; every other non-empty paragraph is a candidate, every table
// row one more (cells joined with " | "). Provenance: "Findings > Mobile banking, paragraph 12",
// "Findings, table 1 row 3", or without a heading above "paragraph 2". Footnotes and endnotes
// (often the sources of a finding) stay with the paragraph or row that cites them: "[1]" where
// the reference is, and "[1] the note's text" on lines at the end; endnotes are numbered i, ii, iii.
// Comments (reviewers' remarks), headers and footers are not part of the findings and are left out.

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "canvas/wording.h"
#include "storage/import/candidate.h"
#include "storage/import/docx_zip.h"
#include "storage/import/paragraph_join.h"
#include "storage/import/text_util.h"

namespace cc::import {

namespace {

constexpr std::size_t kMaxDocumentXml = 64u << 20;
constexpr std::size_t kMaxOtherPart = 16u << 20;
/// Deeper than this, an XML tree is not a document anyone wrote (and would exhaust the stack).
constexpr int kMaxDepth = 200;
/// A footnote or endnote longer than this is cut (a note cites a source; it is not a chapter).
constexpr std::size_t kMaxNoteBytes = 4000;
/// Footnotes (and endnotes) read from one document, at most.
constexpr std::size_t kMaxNotes = 10000;

const char* const kWordNamespaces[] = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",  // transitional (Word, LibreOffice, pandoc)
    "http://purl.oclc.org/ooxml/wordprocessingml/main",              // strict
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

/// `s` with whatever is not UTF-8 replaced by U+FFFD, and control characters other than tab and
/// line feed dropped.
std::string validUtf8(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t c = detail::decodeUtf8(s, pos);
        if (c < 0x20 && c != '\t' && c != '\n') continue;
        detail::appendUtf8(out, (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF ? 0xFFFD : c);
    }
    return out;
}

/// A part's name as it may appear in a message: printable, not too long.
std::string printable(const std::string& part) {
    std::string out;
    for (char c : part.substr(0, 120)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? '?' : c;
    return out;
}

/// Element names of WordprocessingML with the prefix a document binds to its namespace.
class Names {
public:
    explicit Names(const pugi::xml_node& root) {
        for (const pugi::xml_attribute& a : root.attributes()) {
            const std::string attr = a.name();
            for (const char* ns : kWordNamespaces) {
                if (std::strcmp(a.value(), ns) != 0) continue;
                if (attr == "xmlns") m_prefix.clear();
                else if (attr.rfind("xmlns:", 0) == 0) m_prefix = attr.substr(6) + ":";
                m_found = true;
            }
        }
        if (!m_found) m_prefix = "w:";
    }
    std::string operator()(const char* local) const { return m_prefix + local; }
    /// Whether `node` is the WordprocessingML element `local`.
    bool is(const pugi::xml_node& node, const char* local) const {
        const char* n = node.name();
        return std::strncmp(n, m_prefix.data(), m_prefix.size()) == 0 && std::strcmp(n + m_prefix.size(), local) == 0;
    }
    /// The local name of a WordprocessingML element, or nullptr for another namespace's.
    const char* local(const pugi::xml_node& node) const {
        const char* n = node.name();
        return std::strncmp(n, m_prefix.data(), m_prefix.size()) == 0 ? n + m_prefix.size() : nullptr;
    }
    const char* attr(const pugi::xml_node& node, const char* local) const {
        return node.attribute((m_prefix + local).c_str()).value();
    }

private:
    std::string m_prefix = "w:";
    bool m_found = false;
};

/// Parses one XML part; malformed XML throws ImportError naming the part and where.
void parseXml(pugi::xml_document& doc, const std::string& xml, const std::string& name, const std::string& part) {
    const pugi::xml_parse_result r =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
    if (r) return;
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(r.offset, 0));
    const std::size_t upto = std::min(offset, xml.size());
    const auto line = 1 + std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(upto), '\n');
    const std::size_t lineStart = xml.rfind('\n', upto == 0 ? 0 : upto - 1);
    const std::size_t column = upto - (lineStart == std::string::npos || upto == 0 ? 0 : lineStart + 1) + 1;
    throw ImportError(message(CC_TEMPLATE("{1}: {2} is not well-formed XML at line {3}, column {4} (byte {5}): {6}"),
                              {name, printable(part), std::to_string(line), std::to_string(column), std::to_string(offset), r.description()}));
}

/// The target of the first relationship of a type (…/officeDocument, …/styles) in a .rels part,
/// resolved against `base` (the folder of the part the relationships belong to).
std::optional<std::string> relationshipTarget(const std::string& relsXml, const char* typeSuffix, const std::string& base) {
    pugi::xml_document doc;
    if (!doc.load_buffer(relsXml.data(), relsXml.size())) return std::nullopt;
    const std::size_t suffixLen = std::strlen(typeSuffix);
    for (const pugi::xml_node& rel : doc.document_element().children()) {
        const std::string type = rel.attribute("Type").value();
        if (type.size() < suffixLen || type.compare(type.size() - suffixLen, suffixLen, typeSuffix) != 0) continue;
        if (std::strcmp(rel.attribute("TargetMode").value(), "External") == 0) continue;
        std::string target = rel.attribute("Target").value();
        if (target.empty()) continue;
        if (target[0] == '/') return target.substr(1);
        std::string path = base + target;
        // Resolve "../" (a part in another folder).
        std::vector<std::string> parts;
        std::size_t start = 0;
        while (start <= path.size()) {
            const std::size_t slash = std::min(path.find('/', start), path.size());
            const std::string seg = path.substr(start, slash - start);
            if (seg == "..") {
                if (!parts.empty()) parts.pop_back();
            } else if (!seg.empty() && seg != ".") {
                parts.push_back(seg);
            }
            start = slash + 1;
        }
        std::string out;
        for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
        return out;
    }
    return std::nullopt;
}

/// Paragraph styles: which are headings, of what level (0 = the document's title).
class Styles {
public:
    void load(const pugi::xml_document& doc) {
        const pugi::xml_node root = doc.document_element();
        const Names w(root);
        for (const pugi::xml_node& s : root.children()) {
            if (!w.is(s, "style")) continue;
            const char* type = w.attr(s, "type");
            if (*type && std::strcmp(type, "paragraph") != 0) continue;
            Style st;
            for (const pugi::xml_node& c : s.children()) {
                if (w.is(c, "name")) st.name = w.attr(c, "val");
                else if (w.is(c, "basedOn")) st.basedOn = w.attr(c, "val");
                else if (w.is(c, "pPr"))
                    for (const pugi::xml_node& p : c.children())
                        if (w.is(p, "outlineLvl")) st.outline = std::atoi(w.attr(p, "val"));
            }
            m_styles[w.attr(s, "styleId")] = std::move(st);
        }
    }

    /// The heading level of a paragraph style (1..9, 0 for Title), or nothing for body text.
    std::optional<int> headingLevel(const std::string& styleId) const {
        std::string id = styleId;
        for (int hops = 0; hops < 16; ++hops) {  // follow basedOn, but not round in circles
            const auto it = m_styles.find(id);
            if (it == m_styles.end()) return hops == 0 ? levelFromName(styleId) : std::nullopt;
            const Style& st = it->second;
            if (const auto byName = levelFromName(st.name)) return byName;
            if (st.outline) return *st.outline >= 0 && *st.outline <= 8 ? std::optional<int>(*st.outline + 1) : std::nullopt;
            if (st.basedOn.empty()) return std::nullopt;
            id = st.basedOn;
        }
        return std::nullopt;
    }

    /// A table of contents or index entry: the style's name says so.
    bool isTocEntry(const std::string& styleId) const {
        const auto it = m_styles.find(styleId);
        const std::string name = lower(it == m_styles.end() ? styleId : it->second.name);
        return name.rfind("toc", 0) == 0 || name.rfind("index", 0) == 0 || name.rfind("目录", 0) == 0 ||
               name.rfind("table of figures", 0) == 0;
    }

private:
    struct Style {
        std::string name, basedOn;
        std::optional<int> outline;
    };
    std::map<std::string, Style> m_styles;

    /// "heading 2", "Heading2", "标题 2", "Überschrift 2", "Titre 2", "見出し 2", "Title", "标题".
    static std::optional<int> levelFromName(const std::string& raw) {
        const std::string name = lower(trim(raw));
        if (name == "title" || name == "标题" || name == "標題" || name == "titel" || name == "titre" || name == "título")
            return 0;
        static const char* const kHeadingWords[] = {"heading", "标题", "標題", "überschrift", "titre", "título", "titolo",
                                                    "kop", "заголовок", "見出し", "제목"};
        for (const char* word : kHeadingWords) {
            const std::size_t len = std::strlen(word);
            if (name.compare(0, len, word) != 0) continue;
            std::string rest = trim(name.substr(len));
            if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
        }
        return std::nullopt;
    }
};

/// A complex field (fldChar begin … separate … end) that is open.
struct OpenField {
    std::string code;
    bool inResult = false;
    bool hidden = false;  ///< a table of contents or index: its result is not the document's text
};

class DocxReader {
public:
    DocxReader(const std::string& name, const std::string& part, const ParseOptions& opt, const Styles& styles,
               const Names& w)
        : m_name(name), m_part(printable(part)), m_opt(opt), m_styles(styles), m_w(w) {}

    /// The text of a footnote or endnote: its paragraphs, one a line.
    std::string noteText(const pugi::xml_node& note) {
        std::string text;
        for (const pugi::xml_node& p : note.children()) {
            if (!m_w.is(p, "p")) continue;
            std::string raw;
            m_textBoxes.clear();
            readInline(p, raw, 1);
            m_textBoxes.clear();
            m_fields.clear();
            const std::string line = normalize(raw);
            if (!line.empty() && text.size() <= kMaxNoteBytes) text += (text.empty() ? "" : "\n") + line;
        }
        if (text.size() <= kMaxNoteBytes) return text;
        ++m_notesCut;
        return text::shortened(text, kMaxNoteBytes);
    }
    /// How many footnotes and endnotes noteText cut.
    std::size_t notesCut() const { return m_notesCut; }
    /// The texts of the footnotes and endnotes, by id, for the references in the body.
    void setNotes(std::map<std::string, std::string> footnotes, std::map<std::string, std::string> endnotes) {
        m_footnotes = std::move(footnotes);
        m_endnotes = std::move(endnotes);
    }

    ParseResult read(const pugi::xml_node& body) {
        std::size_t total = 0;
        for (auto it = body.begin(); it != body.end(); ++it) ++total;
        std::size_t done = 0;
        for (const pugi::xml_node& block : body.children()) {
            readBlock(block, 0);
            ++done;
            if (m_opt.progress && (done % 64 == 0 || done == total) &&
                !m_opt.progress(static_cast<double>(done) / static_cast<double>(total)))
                throw ImportError(message(CC_TEMPLATE("{1}: cancelled"), {m_name}));
        }
        m_result.format = "docx";
        return std::move(m_result);
    }

private:
    const std::string& m_name;
    const std::string m_part;
    const ParseOptions& m_opt;
    const Styles& m_styles;
    const Names& m_w;
    std::size_t m_notesCut = 0;
    ParseResult m_result;
    std::vector<std::pair<int, std::string>> m_headings;  // level, text
    int m_paragraphs = 0;
    int m_tables = 0;
    std::vector<OpenField> m_fields;
    std::vector<pugi::xml_node> m_textBoxes;  // found in the paragraph being read
    std::map<std::string, std::string> m_footnotes, m_endnotes;
    int m_footnoteNumber = 0, m_endnoteNumber = 0;
    std::vector<std::string> m_citedNotes;  // "[1] text" for the notes cited since the last candidate

    [[noreturn]] void tooDeep() const {
        throw ImportError(message(CC_TEMPLATE("{1}: {2} is nested more than {3} levels deep"), {m_name, m_part, std::to_string(kMaxDepth)}));
    }

    std::string headingPath() const {
        std::string path;
        for (const auto& h : m_headings) path += (path.empty() ? "" : " > ") + h.second;
        return path;
    }

    void add(std::string text, std::string location, std::string excerpt) {
        if (m_result.candidates.size() >= kMaxCandidates)
            throw ImportError(message(CC_TEMPLATE("{1}: more than {2} paragraphs"), {m_name, std::to_string(kMaxCandidates)}));
        Candidate c;
        // The notes cited in it (or in a heading just above) follow its text.
        if (!m_citedNotes.empty()) {
            text += "\n";
            for (const auto& n : m_citedNotes) text += "\n" + n;
            m_citedNotes.clear();
        }
        c.text = std::move(text);
        c.location = std::move(location);
        c.excerpt = validUtf8(excerpt);
        m_result.candidates.push_back(std::move(c));
    }

    bool textHidden() const {
        return std::any_of(m_fields.begin(), m_fields.end(), [](const OpenField& f) { return f.hidden || !f.inResult; });
    }

    /// A block-level element: paragraph, table, or a container of them (content control, custom XML).
    void readBlock(const pugi::xml_node& node, int depth) {
        if (depth > kMaxDepth) tooDeep();
        const char* local = m_w.local(node);
        if (!local) return;
        if (std::strcmp(local, "p") == 0) {
            readParagraph(node, depth);
        } else if (std::strcmp(local, "tbl") == 0) {
            readTable(node, depth);
        } else if (std::strcmp(local, "sdt") == 0 || std::strcmp(local, "sdtContent") == 0 ||
                   std::strcmp(local, "customXml") == 0 || std::strcmp(local, "ins") == 0 ||
                   std::strcmp(local, "moveTo") == 0) {
            for (const pugi::xml_node& c : node.children()) readBlock(c, depth + 1);
        }
        // sectPr, bookmarks, w:del and w:moveFrom (deleted paragraphs) and the rest carry no text.
    }

    void readParagraph(const pugi::xml_node& p, int depth) {
        std::string styleId;
        std::optional<int> directOutline;
        for (const pugi::xml_node& c : p.children()) {
            if (!m_w.is(c, "pPr")) continue;
            for (const pugi::xml_node& q : c.children()) {
                if (m_w.is(q, "pStyle")) styleId = m_w.attr(q, "val");
                else if (m_w.is(q, "outlineLvl")) directOutline = std::atoi(m_w.attr(q, "val"));
            }
        }
        std::string raw;
        m_textBoxes.clear();
        readInline(p, raw, depth + 1);
        std::vector<pugi::xml_node> boxes = std::move(m_textBoxes);
        m_textBoxes.clear();
        // A field's code ends within its paragraph (its result may run on, as a table of contents'
        // does): a field still in its code here was never closed, and must not hide the rest.
        std::erase_if(m_fields, [](const OpenField& f) { return !f.inResult; });

        const std::string text = normalize(raw);
        if (!text.empty() && !m_styles.isTocEntry(styleId)) {
            ++m_paragraphs;
            std::optional<int> level = m_styles.headingLevel(styleId);
            if (directOutline) level = *directOutline >= 0 && *directOutline <= 8 ? std::optional<int>(*directOutline + 1) : std::nullopt;
            if (level) {
                enterHeading(*level, text);
            } else {
                const std::string path = headingPath();
                add(text, (path.empty() ? "" : path + ", ") + "paragraph " + std::to_string(m_paragraphs), raw);
            }
        }
        // Text boxes anchored in the paragraph: their paragraphs follow it.
        for (const pugi::xml_node& box : boxes)
            for (const pugi::xml_node& c : box.children()) readBlock(c, depth + 1);
    }

    void enterHeading(int level, const std::string& text) {
        std::string flat = text;
        std::replace(flat.begin(), flat.end(), '\n', ' ');
        if (level == 0) {
            m_headings.clear();
        } else {
            // A heading replaces those of its level and below, and the title (which is not an
            // outline level: it heads only the text before the first heading).
            while (!m_headings.empty() && (m_headings.back().first >= level || m_headings.back().first == 0))
                m_headings.pop_back();
        }
        m_headings.emplace_back(level, flat);
    }

    /// The text of a paragraph's content (runs, hyperlinks, insertions, fields...), appended to `out`.
    void readInline(const pugi::xml_node& node, std::string& out, int depth) {
        if (depth > kMaxDepth) tooDeep();
        for (const pugi::xml_node& c : node.children()) {
            const char* local = m_w.local(c);
            if (!local) {
                // Drawings and shapes from other namespaces: look inside for text boxes, but
                // take only the first choice of mc:AlternateContent (the fallback repeats it).
                const std::string n = c.name();
                if (n.size() >= 9 && n.compare(n.size() - 9, 9, ":Fallback") == 0) continue;
                if (c.type() == pugi::node_element) findTextBoxes(c, depth + 1);
                continue;
            }
            if (std::strcmp(local, "r") == 0) {
                readRun(c, out, depth + 1);
            } else if (std::strcmp(local, "del") == 0 || std::strcmp(local, "moveFrom") == 0 ||
                       std::strcmp(local, "pPr") == 0 || std::strcmp(local, "instrText") == 0) {
                continue;  // deleted text, formatting
            } else if (std::strcmp(local, "fldSimple") == 0) {
                const std::string code = trim(m_w.attr(c, "instr"));
                if (!isHiddenField(code)) readInline(c, out, depth + 1);  // its runs are the field's result
            } else {
                // w:hyperlink, w:ins, w:moveTo, w:smartTag, w:sdt, w:sdtContent, w:customXml, w:dir, w:bdo...
                readInline(c, out, depth + 1);
            }
        }
    }

    static bool isHiddenField(const std::string& code) {
        std::string word = code.substr(0, code.find(' '));
        word = lower(word);
        return word == "toc" || word == "index" || word == "toa";
    }

    /// Hidden text (w:vanish in the run's properties) is not shown, and not imported.
    bool isHidden(const pugi::xml_node& r) const {
        for (const pugi::xml_node& c : r.children()) {
            if (!m_w.is(c, "rPr")) continue;
            for (const pugi::xml_node& q : c.children()) {
                if (!m_w.is(q, "vanish")) continue;
                const std::string v = lower(m_w.attr(q, "val"));
                return v.empty() || (v != "0" && v != "false" && v != "off");
            }
        }
        return false;
    }

    void readRun(const pugi::xml_node& r, std::string& out, int depth) {
        if (depth > kMaxDepth) tooDeep();
        const bool hidden = isHidden(r);
        for (const pugi::xml_node& c : r.children()) {
            const char* local = m_w.local(c);
            if (!local) {
                const std::string n = c.name();
                if (n.size() >= 9 && n.compare(n.size() - 9, 9, ":Fallback") == 0) continue;
                if (c.type() == pugi::node_element) findTextBoxes(c, depth + 1);
                continue;
            }
            if (std::strcmp(local, "fldChar") == 0) {
                const char* type = m_w.attr(c, "fldCharType");
                if (std::strcmp(type, "begin") == 0) {
                    if (m_fields.size() < 64) m_fields.push_back({});
                } else if (std::strcmp(type, "separate") == 0) {
                    if (!m_fields.empty()) {
                        m_fields.back().inResult = true;
                        m_fields.back().hidden = isHiddenField(trim(m_fields.back().code));
                    }
                } else if (std::strcmp(type, "end") == 0) {
                    if (!m_fields.empty()) m_fields.pop_back();
                }
                continue;
            }
            if (std::strcmp(local, "instrText") == 0) {
                if (!m_fields.empty() && m_fields.back().code.size() < 1000) m_fields.back().code += c.text().get();
                continue;
            }
            if (hidden || textHidden()) continue;
            if (std::strcmp(local, "t") == 0) out += c.text().get();
            else if (std::strcmp(local, "tab") == 0 || std::strcmp(local, "ptab") == 0) out += '\t';
            else if (std::strcmp(local, "br") == 0 || std::strcmp(local, "cr") == 0) out += '\n';
            else if (std::strcmp(local, "noBreakHyphen") == 0) out += '-';
            else if (std::strcmp(local, "drawing") == 0 || std::strcmp(local, "pict") == 0 || std::strcmp(local, "object") == 0)
                findTextBoxes(c, depth + 1);
            else if (std::strcmp(local, "footnoteReference") == 0 || std::strcmp(local, "endnoteReference") == 0) {
                const bool foot = local[0] == 'f';
                const auto& notes = foot ? m_footnotes : m_endnotes;
                auto it = notes.find(m_w.attr(c, "id"));
                if (it == notes.end() || m_citedNotes.size() >= 100) continue;
                const std::string mark = "[" + (foot ? std::to_string(++m_footnoteNumber) : roman(++m_endnoteNumber)) + "]";
                out += mark;
                m_citedNotes.push_back(mark + " " + it->second);
            }
            // w:delText (in w:del), w:softHyphen, w:sym, w:footnoteReference, w:rPr...: no text.
        }
    }

    static std::string roman(int n) {
        static const std::pair<int, const char*> kDigits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                              {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                                                              {5, "v"},    {4, "iv"},   {1, "i"}};
        std::string out;
        for (const auto& [value, digits] : kDigits)
            while (n >= value && out.size() < 32) {
                out += digits;
                n -= value;
            }
        return out;
    }

    /// Collects the w:txbxContent elements under a drawing (not those of mc:Fallback).
    void findTextBoxes(const pugi::xml_node& node, int depth) {
        if (depth > kMaxDepth) tooDeep();
        for (const pugi::xml_node& c : node.children()) {
            if (c.type() != pugi::node_element) continue;
            if (m_w.is(c, "txbxContent")) {
                m_textBoxes.push_back(c);
                continue;
            }
            const std::string n = c.name();
            if (n.size() >= 9 && n.compare(n.size() - 9, 9, ":Fallback") == 0) continue;
            findTextBoxes(c, depth + 1);
        }
    }

    void readTable(const pugi::xml_node& tbl, int depth) {
        const int table = ++m_tables;
        int row = 0;
        for (const pugi::xml_node& tr : rowsOf(tbl, depth + 1)) {
            ++row;
            bool header = false;
            std::vector<std::string> cells;
            for (const pugi::xml_node& c : tr.children()) {
                if (m_w.is(c, "trPr")) {
                    for (const pugi::xml_node& q : c.children())
                        if (m_w.is(q, "tblHeader")) {
                            const std::string v = lower(m_w.attr(q, "val"));
                            header = v.empty() || (v != "0" && v != "false" && v != "off");
                        }
                }
            }
            for (const pugi::xml_node& tc : cellsOf(tr, depth + 1)) cells.push_back(cellText(tc, depth + 2));
            if (header) continue;
            // Empty cells (and the continuations of merged ones) leave nothing between the bars.
            std::string text;
            for (const std::string& cell : cells)
                if (!cell.empty()) text += (text.empty() ? "" : " | ") + cell;
            if (text.empty()) continue;
            const std::string path = headingPath();
            add(text, (path.empty() ? "" : path + ", ") + "table " + std::to_string(table) + " row " + std::to_string(row), text);
        }
    }

    /// The rows of a table, also those inside content controls or custom XML.
    std::vector<pugi::xml_node> rowsOf(const pugi::xml_node& tbl, int depth) {
        std::vector<pugi::xml_node> rows;
        collect(tbl, "tr", rows, depth);
        return rows;
    }
    std::vector<pugi::xml_node> cellsOf(const pugi::xml_node& tr, int depth) {
        std::vector<pugi::xml_node> cells;
        collect(tr, "tc", cells, depth);
        return cells;
    }
    void collect(const pugi::xml_node& parent, const char* what, std::vector<pugi::xml_node>& out, int depth) {
        if (depth > kMaxDepth) tooDeep();
        for (const pugi::xml_node& c : parent.children()) {
            const char* local = m_w.local(c);
            if (!local) continue;
            if (std::strcmp(local, what) == 0) out.push_back(c);
            else if (std::strcmp(local, "sdt") == 0 || std::strcmp(local, "sdtContent") == 0 ||
                     std::strcmp(local, "customXml") == 0 || std::strcmp(local, "ins") == 0)
                collect(c, what, out, depth + 1);
        }
    }

    /// A cell's paragraphs, one a line (a table inside the cell flattened into them).
    std::string cellText(const pugi::xml_node& tc, int depth) {
        if (depth > kMaxDepth) tooDeep();
        std::string text;
        for (const pugi::xml_node& c : tc.children()) {
            const char* local = m_w.local(c);
            if (!local) continue;
            std::string part;
            if (std::strcmp(local, "p") == 0) {
                std::string raw;
                m_textBoxes.clear();
                readInline(c, raw, depth + 1);
                m_textBoxes.clear();
                std::erase_if(m_fields, [](const OpenField& f) { return !f.inResult; });
                part = normalize(raw);
            } else if (std::strcmp(local, "tbl") == 0 || std::strcmp(local, "sdt") == 0 ||
                       std::strcmp(local, "sdtContent") == 0 || std::strcmp(local, "customXml") == 0) {
                std::vector<std::string> lines;
                if (std::strcmp(local, "tbl") == 0) {
                    for (const pugi::xml_node& tr : rowsOf(c, depth + 1)) {
                        std::string row;
                        for (const pugi::xml_node& inner : cellsOf(tr, depth + 1)) {
                            const std::string t = cellText(inner, depth + 2);
                            if (!t.empty()) row += (row.empty() ? "" : " | ") + t;
                        }
                        if (!row.empty()) lines.push_back(row);
                    }
                } else {
                    lines.push_back(cellText(c, depth + 1));
                }
                for (const auto& l : lines) part += (part.empty() || l.empty() ? "" : "\n") + l;
            }
            if (!part.empty()) text += (text.empty() ? "" : "\n") + part;
        }
        return text;
    }

    /// A paragraph's text as a note: tabs as spaces, runs of spaces as one, lines trimmed (and
    /// bytes that are not UTF-8, which XML should not have, as U+FFFD).
    static std::string normalize(const std::string& rawBytes) {
        const std::string raw = validUtf8(rawBytes);
        std::string out;
        std::string line;
        const auto endLine = [&] {
            const std::string t = trim(line);
            if (!t.empty()) out += (out.empty() ? "" : "\n") + t;
            line.clear();
        };
        for (char c : raw) {
            if (c == '\n') {
                endLine();
            } else if (c == '\t' || c == ' ' || c == '\r') {
                if (!line.empty() && line.back() != ' ') line += ' ';
            } else {
                line += c;
            }
        }
        endLine();
        return out;
    }
};

}  // namespace

ParseResult parseDocx(std::string_view bytes, const std::string& name, const ParseOptions& opt) {
    if (bytes.size() > kMaxImportBytes)
        throw ImportError(message(CC_TEMPLATE("{1}: {2} MB is over the import limit of {3} MB"),
                                  {name, std::to_string(bytes.size() >> 20), std::to_string(kMaxImportBytes >> 20)}));
    if (bytes.size() < 4 || bytes.substr(0, 2) != "PK") throw ImportError(message(CC_TEMPLATE("{1}: not a DOCX (not a zip archive)"), {name}));
    detail::DocxZip zip(bytes, name);

    // The main part: where the package's relationships say, usually word/document.xml.
    std::string mainPart = "word/document.xml";
    if (const auto rels = zip.read("_rels/.rels", kMaxOtherPart))
        if (const auto target = relationshipTarget(*rels, "/officeDocument", ""))
            mainPart = *target;
    std::optional<std::string> xml = zip.read(mainPart, kMaxDocumentXml);
    if (!xml && mainPart != "word/document.xml") {
        mainPart = "word/document.xml";
        xml = zip.read(mainPart, kMaxDocumentXml);
    }
    if (!xml) throw ImportError(message(CC_TEMPLATE("{1}: not a DOCX (no {2})"), {name, printable(mainPart)}));
    const std::string folder = mainPart.substr(0, mainPart.rfind('/') + 1);

    Styles styles;
    std::string stylesPart = folder + "styles.xml";
    const std::string mainRels = folder + "_rels/" + mainPart.substr(folder.size()) + ".rels";
    if (const auto rels = zip.read(mainRels, kMaxOtherPart))
        if (const auto target = relationshipTarget(*rels, "/styles", folder))
            stylesPart = *target;
    if (const auto stylesXml = zip.read(stylesPart, kMaxOtherPart)) {
        pugi::xml_document stylesDoc;
        parseXml(stylesDoc, *stylesXml, name, stylesPart);
        styles.load(stylesDoc);
    }

    pugi::xml_document doc;
    parseXml(doc, *xml, name, mainPart);
    xml.reset();  // the tree has its own copy
    const pugi::xml_node root = doc.document_element();
    const Names w(root);
    if (!w.is(root, "document"))
        throw ImportError(message(CC_TEMPLATE("{1}: not a DOCX ({2} holds <{3}>, not a Word document)"),
                                  {name, printable(mainPart), printable(root.name())}));
    pugi::xml_node body;
    for (const pugi::xml_node& c : root.children())
        if (w.is(c, "body")) body = c;
    ParseResult result;
    if (!body) {
        result.format = "docx";
        return result;
    }
    DocxReader reader(name, mainPart, opt, styles, w);
    // Footnotes and endnotes: read with the same rules as the body, by id.
    std::map<std::string, std::string> notes[2];
    const char* kinds[2][2] = {{"/footnotes", "footnote"}, {"/endnotes", "endnote"}};
    std::size_t notesCut = 0, notesLeftOut = 0;
    if (const auto rels = zip.read(mainRels, kMaxOtherPart)) {
        for (int k = 0; k < 2; ++k) {
            const auto target = relationshipTarget(*rels, kinds[k][0], folder);
            if (!target) continue;
            const auto partXml = zip.read(*target, kMaxOtherPart);
            if (!partXml) continue;
            pugi::xml_document notesDoc;
            parseXml(notesDoc, *partXml, name, *target);
            const Names nw(notesDoc.document_element());  // the part may name its namespaces its own way
            DocxReader notesReader(name, *target, opt, styles, nw);
            for (const pugi::xml_node& n : notesDoc.document_element().children()) {
                if (!nw.is(n, kinds[k][1])) continue;
                const std::string type = nw.attr(n, "type");
                if (!type.empty() && type != "normal") continue;  // separators
                if (notes[k].size() >= kMaxNotes) {
                    ++notesLeftOut;
                    continue;
                }
                std::string text = notesReader.noteText(n);
                if (!text.empty()) notes[k].emplace(nw.attr(n, "id"), std::move(text));
            }
            notesCut += notesReader.notesCut();
        }
    }
    reader.setNotes(std::move(notes[0]), std::move(notes[1]));
    result = reader.read(body);
    // Limits are said, never silent.
    if (notesCut)
        result.remarks.push_back(messageCount("{1} footnote or endnote over {2} bytes cut short",
                                              "{1} footnotes or endnotes over {2} bytes cut short", notesCut,
                                              {std::to_string(notesCut), std::to_string(kMaxNoteBytes)}));
    if (notesLeftOut)
        result.remarks.push_back(message(CC_TEMPLATE("{1} footnotes or endnotes beyond the first {2} of a kind left out"),
                                         {std::to_string(notesLeftOut), std::to_string(kMaxNotes)}));
    return result;
}

}  // namespace cc::import
