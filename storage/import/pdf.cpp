// PDF: text in reading order (poppler's, per page), a candidate per paragraph, provenance "page N".
// The layout rules (lines, paragraphs, running headers and footers) are in pdf_layout.cpp.

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "storage/import/candidate.h"
#include "storage/import/paragraph_join.h"
#include "storage/import/pdf_layout.h"

namespace cc::import {

namespace {

using detail::PdfLine;
using detail::PdfPage;
using detail::PdfWord;

/// At most this much text from one PDF, and this many pages.
constexpr std::size_t kMaxPdfTextBytes = 128u << 20;
constexpr int kMaxPdfPages = 100'000;

// poppler reports problems through one process-wide function; each parse collects what is said on
// its own thread (and keeps poppler from writing to stderr).
thread_local std::string* t_popplerMessages = nullptr;

void collectPopplerMessage(const std::string& message, void*) {
    if (!t_popplerMessages || t_popplerMessages->size() > 2000) return;
    if (!t_popplerMessages->empty()) *t_popplerMessages += "; ";
    *t_popplerMessages += message;
}

class PopplerMessages {
public:
    PopplerMessages() {
        static std::once_flag once;
        std::call_once(once, [] { poppler::set_debug_error_function(collectPopplerMessage, nullptr); });
        t_popplerMessages = &m_text;
    }
    ~PopplerMessages() { t_popplerMessages = nullptr; }
    PopplerMessages(const PopplerMessages&) = delete;
    PopplerMessages& operator=(const PopplerMessages&) = delete;
    /// The first thing poppler complained about, as one short line ("error (1234): Illegal
    /// character" as "at byte 1234: Illegal character").
    std::string first() const {
        std::string s = m_text.substr(0, m_text.find("; "));
        std::replace(s.begin(), s.end(), '\n', ' ');
        if (s.rfind("error: ", 0) == 0) {
            s.erase(0, 7);
        } else if (s.rfind("error (", 0) == 0 && s.find("): ") != std::string::npos) {
            const std::size_t close = s.find("): ");
            s = "at byte " + s.substr(7, close - 7) + ": " + s.substr(close + 3);
        }
        if (s.size() > 160) s = s.substr(0, 160) + "...";
        return s;
    }

private:
    std::string m_text;
};

std::string toUtf8(const poppler::ustring& s) {
    const poppler::byte_array bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

/// Word text as a note wants it: control characters out, typographic ligatures spelled out.
std::string cleanWord(const std::string& raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t pos = 0; pos < raw.size();) {
        const char32_t c = detail::decodeUtf8(raw, pos);
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFFFD || c == 0xFEFF) continue;
        switch (c) {
        case 0xFB00: out += "ff"; break;
        case 0xFB01: out += "fi"; break;
        case 0xFB02: out += "fl"; break;
        case 0xFB03: out += "ffi"; break;
        case 0xFB04: out += "ffl"; break;
        case 0xFB05:
        case 0xFB06: out += "st"; break;
        default: detail::appendUtf8(out, c);
        }
    }
    return out;
}

/// A word's box turned into its own reading frame (lines running left to right, y downwards).
void toReadingFrame(PdfWord& w, const poppler::rectf& box) {
    const double l = box.left(), t = box.top(), r = box.right(), b = box.bottom();
    switch (w.rotation) {
    case 1: w.x0 = t, w.x1 = b, w.y0 = -r, w.y1 = -l; break;   // reading downwards
    case 2: w.x0 = -r, w.x1 = -l, w.y0 = -b, w.y1 = -t; break;  // upside down
    case 3: w.x0 = -b, w.x1 = -t, w.y0 = l, w.y1 = r; break;    // reading upwards
    default: w.x0 = l, w.x1 = r, w.y0 = t, w.y1 = b; break;
    }
}

PdfPage readPage(poppler::page& page, int number, std::size_t& textBytes, const std::string& name) {
    PdfPage out;
    out.number = number;
    poppler::rectf box = page.page_rect(poppler::crop_box);
    out.width = box.width();
    out.height = box.height();
    const auto orientation = page.orientation();
    if (orientation == poppler::page::landscape || orientation == poppler::page::seascape) std::swap(out.width, out.height);

    std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
    std::vector<PdfWord> words;
    words.reserve(boxes.size());
    for (const poppler::text_box& tb : boxes) {
        PdfWord w;
        w.text = cleanWord(toUtf8(tb.text()));
        if (w.text.empty()) continue;
        textBytes += w.text.size() + 1;
        if (textBytes > kMaxPdfTextBytes)
            throw ImportError(message(CC_TEMPLATE("{1}: page {2}: more than {3} MB of text"),
                                      {name, std::to_string(number), std::to_string(kMaxPdfTextBytes >> 20)}));
        w.rotation = std::clamp(tb.rotation(), 0, 3);
        const poppler::rectf bbox = tb.bbox();
        toReadingFrame(w, bbox);
        w.fontSize = tb.has_font_info() ? tb.get_font_size() : 0;
        const double extent = w.y1 - w.y0;
        if (!(w.fontSize > 0 && w.fontSize < 10000)) w.fontSize = std::isfinite(extent) && extent > 0 ? extent : 1;
        const poppler::rectf glyph = tb.char_bbox(0);
        w.firstGlyphWidth = (w.rotation % 2 == 0) ? glyph.width() : glyph.height();
        w.spaceAfter = tb.has_space_after();
        words.push_back(std::move(w));
    }
    out.lines = detail::groupWordsIntoLines(words);
    return out;
}

/// Trims trailing punctuation from a word for comparing ("e-banking," -> "e-banking").
std::string wordCore(std::string_view w) {
    while (!w.empty() && std::string_view(".,;:!?)]}\"'").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
    while (!w.empty() && std::string_view("([{\"'").find(w.front()) != std::string_view::npos) w.remove_prefix(1);
    return std::string(w);
}

/// Words written with a hyphen inside a line ("e-banking", "one-time"): a hyphen at a line end
/// that would make one of these is the word's own and stays.
std::unordered_set<std::string> hyphenatedWords(const std::vector<PdfPage>& pages) {
    std::unordered_set<std::string> words;
    for (const auto& p : pages)
        for (const auto& l : p.lines) {
            const std::string& t = l.text;
            for (std::size_t h = t.find('-'); h != std::string::npos; h = t.find('-', h + 1)) {
                if (h == 0 || h + 1 >= t.size() || t[h - 1] == ' ' || t[h + 1] == ' ') continue;
                std::size_t start = t.find_last_of(' ', h);
                start = start == std::string::npos ? 0 : start + 1;
                std::size_t end = t.find(' ', h);
                if (end == std::string::npos) end = t.size();
                words.insert(wordCore(std::string_view(t).substr(start, end - start)));
            }
        }
    return words;
}

}  // namespace

ParseResult parsePdf(std::string_view bytes, const std::string& name, const ParseOptions& opt) {
    const auto unreadable = [&](const std::string& why) { return ImportError(message(CC_TEMPLATE("{1}: not a readable PDF ({2})"), {name, why})); };
    if (bytes.size() > kMaxImportBytes)
        throw ImportError(message(CC_TEMPLATE("{1}: {2} MB is over the import limit of {3} MB"),
                                  {name, std::to_string(bytes.size() >> 20), std::to_string(kMaxImportBytes >> 20)}));
    if (bytes.empty()) throw unreadable(message(CC_TEMPLATE("the file is empty")));
    // Check the frame before handing the bytes to poppler: a PDF starts with "%PDF-" (within the
    // first kilobyte) and ends with "%%EOF" (within the last): a file cut short has no end marker,
    // and poppler would otherwise guess its way through whatever is left.
    if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos)
        throw unreadable(message(CC_TEMPLATE("no %PDF- header at the start")));
    if (bytes.substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0).find("%%EOF") == std::string_view::npos)
        throw unreadable(message(CC_TEMPLATE("no %%EOF marker at the end: the file is cut short")));

    PopplerMessages messages;
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
        const std::string said = messages.first();
        throw unreadable(said.empty() ? message(CC_TEMPLATE("poppler cannot open it")) : said);
    }
    if (doc->is_locked()) throw ImportError(message(CC_TEMPLATE("{1}: the PDF is encrypted (password protected)"), {name}));
    const int pageCount = doc->pages();
    if (pageCount <= 0) throw unreadable(message(CC_TEMPLATE("it has no pages")));
    if (pageCount > kMaxPdfPages)
        throw ImportError(message(CC_TEMPLATE("{1}: {2} pages is over the limit of {3}"),
                                  {name, std::to_string(pageCount), std::to_string(kMaxPdfPages)}));

    std::vector<PdfPage> pages;
    pages.reserve(static_cast<std::size_t>(pageCount));
    std::size_t textBytes = 0;
    for (int i = 0; i < pageCount; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) {
            const std::string said = messages.first();
            throw ImportError(said.empty() ? message(CC_TEMPLATE("{1}: page {2} cannot be read"), {name, std::to_string(i + 1)})
                                            : message(CC_TEMPLATE("{1}: page {2} cannot be read ({3})"), {name, std::to_string(i + 1), said}));
        }
        pages.push_back(readPage(*page, i + 1, textBytes, name));
        if (opt.progress && !opt.progress(static_cast<double>(i + 1) / pageCount)) throw ImportError(message(CC_TEMPLATE("{1}: cancelled"), {name}));
    }

    detail::dropHeadersAndFooters(pages);
    const std::unordered_set<std::string> ownHyphens = hyphenatedWords(pages);
    const detail::KeepHyphen keepHyphen = [&](std::string_view word) { return ownHyphens.count(wordCore(word)) > 0; };

    ParseResult result;
    result.format = "pdf";
    for (detail::PdfParagraph& para : detail::buildParagraphs(pages)) {
        Candidate c;
        std::vector<std::string> lines = para.lines;
        if (para.bulleted) lines.front().erase(0, lines.front().find(' ') + 1);  // the note is the item
        if (para.newCell.empty()) {
            c.text = detail::joinWrappedLines(lines, keepHyphen);
        } else {
            // A table row: its cells, each its lines joined, with " | " between them.
            std::vector<std::string> cell;
            for (std::size_t i = 0; i <= lines.size(); ++i) {
                if (i == lines.size() || (para.newCell[i] && !cell.empty())) {
                    if (!c.text.empty()) c.text += " | ";
                    c.text += detail::joinWrappedLines(cell, keepHyphen);
                    cell.clear();
                }
                if (i < lines.size()) cell.push_back(lines[i]);
            }
        }
        if (c.text.empty()) continue;
        c.location = "page " + std::to_string(para.page);
        for (std::size_t i = 0; i < para.lines.size(); ++i) {
            if (i) c.excerpt += '\n';
            c.excerpt += para.lines[i];
        }
        if (result.candidates.size() >= kMaxCandidates)
            throw ImportError(message(CC_TEMPLATE("{1}: more than {2} paragraphs"), {name, std::to_string(kMaxCandidates)}));
        result.candidates.push_back(std::move(c));
    }
    return result;
}

}  // namespace cc::import
