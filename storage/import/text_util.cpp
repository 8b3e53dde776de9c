#include "storage/import/text_util.h"

#include <algorithm>

#include "canvas/model.h"

namespace cc::import::text {

char32_t nextCodePoint(std::string_view s, std::size_t& i) {
    const char32_t cp = cc::decodeUtf8(s, i);
    return cp == kInvalidUtf8 ? 0xFFFD : cp;
}

char32_t firstCodePoint(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t i = 0;
    return nextCodePoint(s, i);
}

char32_t lastCodePoint(std::string_view s) {
    if (s.empty()) return 0;
    // Step back over at most three continuation bytes to the start of the last sequence.
    std::size_t start = s.size() - 1;
    for (int k = 0; k < 3 && start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80; ++k) --start;
    std::size_t i = start;
    const char32_t cp = nextCodePoint(s, i);
    return i == s.size() ? cp : 0xFFFD;
}

bool isCjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x2FDF)     // radicals
        || (c >= 0x3000 && c <= 0x303F)     // CJK symbols and punctuation
        || (c >= 0x3040 && c <= 0x30FF)     // hiragana, katakana
        || (c >= 0x3100 && c <= 0x312F)     // bopomofo
        || (c >= 0x31A0 && c <= 0x31FF)     // bopomofo extended, katakana extensions
        || (c >= 0x3400 && c <= 0x4DBF)     // extension A
        || (c >= 0x4E00 && c <= 0x9FFF)     // unified ideographs
        || (c >= 0xF900 && c <= 0xFAFF)     // compatibility ideographs
        || (c >= 0xFE30 && c <= 0xFE4F)     // compatibility forms
        || (c >= 0xFF00 && c <= 0xFFEF)     // fullwidth and halfwidth forms
        || (c >= 0x20000 && c <= 0x3FFFF);  // extensions B and later
}

bool containsCjk(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        if (isCjk(nextCodePoint(s, i))) return true;
    }
    return false;
}

std::size_t codePointCount(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) nextCodePoint(s, i);
    return n;
}

std::string_view trim(std::string_view s) {
    static constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r' ||
                           s.front() == '\f' || s.front() == '\v'))
            s.remove_prefix(1);
        else if (s.substr(0, 3) == kIdeographicSpace)
            s.remove_prefix(3);
        else
            break;
    }
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r' ||
                           s.back() == '\f' || s.back() == '\v'))
            s.remove_suffix(1);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == kIdeographicSpace)
            s.remove_suffix(3);
        else
            break;
    }
    return s;
}

bool isBlank(std::string_view s) { return trim(s).empty(); }

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string foldKey(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) out += c;
    }
    return out;
}

void appendWrappedLine(std::string& out, std::string_view line) {
    if (line.empty()) return;
    if (out.empty()) {
        out.assign(line);
        return;
    }
    const auto isLower = [](char c) { return c >= 'a' && c <= 'z'; };
    const auto isLetter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (out.size() >= 2 && out.back() == '-' && isLetter(out[out.size() - 2]) && isLower(line.front())) {
        out.pop_back();  // "inter-" + "national"
        out.append(line);
        return;
    }
    if (isCjk(lastCodePoint(out)) && isCjk(firstCodePoint(line))) {
        out.append(line);
        return;
    }
    out += ' ';
    out.append(line);
}

std::string shortened(std::string_view s, std::size_t maxBytes) {
    if (s.size() <= maxBytes) return std::string(s);
    std::size_t cut = maxBytes >= 3 ? maxBytes - 3 : 0;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
}

LineTable::LineTable(std::string_view text) : m_text(text) {
    m_starts.push_back(0);
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
        m_starts.push_back(i + 1);
}

std::string_view LineTable::line(std::size_t n) const {
    if (n == 0 || n > m_starts.size()) return {};
    const std::size_t begin = m_starts[n - 1];
    std::size_t end = n < m_starts.size() ? m_starts[n] - 1 : m_text.size();
    if (end > begin && m_text[end - 1] == '\r') --end;
    return m_text.substr(begin, end - begin);
}

std::string LineTable::lines(std::size_t first, std::size_t last) const {
    std::string out;
    for (std::size_t n = std::max<std::size_t>(first, 1); n <= last && n <= m_starts.size(); ++n) {
        if (n != std::max<std::size_t>(first, 1)) out += '\n';
        out.append(line(n));
    }
    return out;
}

std::size_t LineTable::lineOf(std::size_t pos) const {
    return static_cast<std::size_t>(std::upper_bound(m_starts.begin(), m_starts.end(), pos) - m_starts.begin());
}

void Progress::report(double share) {
    if (m_fn && !m_fn(std::clamp(share, 0.0, 1.0))) throw ImportError(message(CC_TEMPLATE("{1}: cancelled"), {m_name}));
}

void checkCandidateCount(std::size_t count, const std::string& name) {
    if (count >= kMaxCandidates)
        throw ImportError(message(CC_TEMPLATE("{1}: more than {2} notes in one file"), {name, std::to_string(kMaxCandidates)}));
}

}  // namespace cc::import::text
