// Plain text: a candidate per paragraph (blank-line separated); a text without any blank line
// between its lines (a log, a list of complaints) gives a candidate per line.
//
// The lines of a paragraph are joined as wrapped prose: with a space in English, with nothing
// between two CJK characters, a hyphen at a line end before a lowercase letter removed. A line that
// starts with a list marker ("- ", "• ", "1. ", "（1）", "一、") keeps its own line, and so does the
// line after a Chinese section title ("一、总体满意度").

#include "storage/import/candidate.h"
#include "storage/import/text_util.h"

namespace cc::import {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool startsChineseSection(std::string_view l);

/// A line that starts a list entry: "- x", "* x", "• x", "1. x", "2) x", "（1）x", "(a) x", "一、x".
bool startsListEntry(std::string_view l) {
    if (l.size() >= 2 && (l[0] == '-' || l[0] == '*' || l[0] == '+') && l[1] == ' ') return true;
    for (std::string_view bullet : {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x97\x8F", "\xE2\x96\xAA"})  // • · ● ▪
        if (l.substr(0, bullet.size()) == bullet) return true;
    std::size_t i = 0;
    while (i < l.size() && i < 3 && isDigit(l[i])) ++i;
    if (i > 0 && i + 1 < l.size() && (l[i] == '.' || l[i] == ')') && l[i + 1] == ' ') return true;
    if (l.substr(0, 3) == "\xEF\xBC\x88" || l.substr(0, 1) == "(") {  // （ or (
        const std::size_t close = l.find(l[0] == '(' ? ")" : "\xEF\xBC\x89");
        if (close != std::string_view::npos && close > 1 && close <= 6) return true;
    }
    return startsChineseSection(l);
}

/// 一、 二、 ... 十、: a Chinese section or enumeration (its line is a title: what follows is not
/// joined to it).
bool startsChineseSection(std::string_view l) {
    static constexpr std::string_view kNumerals[] = {"\xE4\xB8\x80", "\xE4\xBA\x8C", "\xE4\xB8\x89",
                                                     "\xE5\x9B\x9B", "\xE4\xBA\x94", "\xE5\x85\xAD",
                                                     "\xE4\xB8\x83", "\xE5\x85\xAB", "\xE4\xB9\x9D",
                                                     "\xE5\x8D\x81"};
    for (std::string_view n : kNumerals)
        if (l.substr(0, 3) == n && l.substr(3, 3) == "\xE3\x80\x81") return true;  // 、
    return false;
}

}  // namespace

ParseResult parsePlainText(std::string_view utf8, const std::string& name, const ParseOptions& opt) {
    ParseResult result;
    result.format = "text";
    if (utf8.substr(0, 3) == "\xEF\xBB\xBF") utf8.remove_prefix(3);
    text::Progress progress(opt, name);
    progress.report(0.0);
    const text::LineTable lines(utf8);
    const std::size_t count = lines.count();

    // Is there a blank line between two lines with text?
    bool blankBetween = false;
    {
        bool seenText = false, blankAfterText = false;
        for (std::size_t n = 1; n <= count && !blankBetween; ++n) {
            if (text::isBlank(lines.line(n))) {
                blankAfterText = seenText;
            } else {
                if (blankAfterText) blankBetween = true;
                seenText = true;
            }
        }
    }

    const auto add = [&](std::size_t first, std::size_t last) {
        std::string body;
        bool afterSection = false;
        for (std::size_t n = first; n <= last; ++n) {
            const std::string_view l = text::trim(lines.line(n));
            const bool ownLine = afterSection || startsListEntry(l);
            afterSection = startsChineseSection(l);
            if (!body.empty() && ownLine) {
                body += '\n';
                body.append(l);
            } else {
                text::appendWrappedLine(body, l);
            }
            if (body.size() > text::kMaxBlockBytes)
                throw ImportError(message(CC_TEMPLATE("{1}: line {2}: a paragraph of more than {3} MB (is this really text?)"),
                                          {name, std::to_string(first), std::to_string(text::kMaxBlockBytes >> 20)}));
        }
        if (body.empty()) return;
        text::checkCandidateCount(result.candidates.size(), name);
        Candidate c;
        c.text = std::move(body);
        c.location = first == last ? "line " + std::to_string(first)
                                   : "lines " + std::to_string(first) + "-" + std::to_string(last);
        c.excerpt = lines.lines(first, last);
        result.candidates.push_back(std::move(c));
    };

    std::size_t start = 0;  // first line of the paragraph being read, 0 = none
    for (std::size_t n = 1; n <= count; ++n) {
        progress.tick(n, count);
        const bool blank = text::isBlank(lines.line(n));
        if (!blankBetween) {
            if (!blank) add(n, n);
            continue;
        }
        if (blank) {
            if (start) add(start, n - 1);
            start = 0;
        } else if (!start) {
            start = n;
        }
    }
    if (start) add(start, count);
    progress.report(1.0);
    return result;
}

}  // namespace cc::import
