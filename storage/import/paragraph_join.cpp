#include "storage/import/paragraph_join.h"

#include <algorithm>

namespace cc::import::detail {

char32_t decodeUtf8(std::string_view s, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char c = byte(pos);
    if (c < 0x80) {
        ++pos;
        return c;
    }
    int len = 0;
    char32_t cp = 0;
    if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07;
    if (len == 0 || pos + static_cast<std::size_t>(len) > s.size()) {
        ++pos;
        return 0xFFFD;
    }
    for (int i = 1; i < len; ++i) {
        const unsigned char cc = byte(pos + static_cast<std::size_t>(i));
        if ((cc & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    pos += static_cast<std::size_t>(len);
    return cp;
}

char32_t firstCodePoint(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t pos = 0;
    return decodeUtf8(s, pos);
}

char32_t lastCodePoint(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t start = s.size() - 1;
    // Back over at most three continuation bytes to the lead byte.
    for (int i = 0; i < 3 && start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80; ++i) --start;
    std::size_t pos = start;
    const char32_t cp = decodeUtf8(s, pos);
    return pos == s.size() ? cp : 0xFFFD;
}

bool isCjk(char32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x2FDF)     // radicals
           || (cp >= 0x3000 && cp <= 0x303F)  // CJK symbols and punctuation
           || (cp >= 0x3040 && cp <= 0x31FF)  // kana, bopomofo, strokes
           || (cp >= 0x3200 && cp <= 0x33FF)  // enclosed letters, compatibility
           || (cp >= 0x3400 && cp <= 0x4DBF)  // extension A
           || (cp >= 0x4E00 && cp <= 0x9FFF)  // unified ideographs
           || (cp >= 0xF900 && cp <= 0xFAFF)  // compatibility ideographs
           || (cp >= 0xFE30 && cp <= 0xFE4F)  // compatibility forms
           || (cp >= 0xFF00 && cp <= 0xFFEF)  // full-width and half-width forms
           || (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool isHyphenatingLetter(char32_t cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x4FF);
}

bool isLowercaseLetter(char32_t cp) {
    if (cp >= 'a' && cp <= 'z') return true;
    if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
    if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == 1 || cp == 0x138 || cp == 0x149 || cp == 0x17F;
    if (cp >= 0x3AC && cp <= 0x3CE) return true;  // Greek
    if (cp >= 0x430 && cp <= 0x45F) return true;  // Cyrillic
    return false;
}

namespace {

bool isHyphen(char32_t cp) { return cp == U'-' || cp == 0x2010 || cp == 0xAD; }
bool isDash(char32_t cp) { return isHyphen(cp) || cp == 0x2011 || cp == 0x2013 || cp == 0x2014; }
bool isSpace(char c) { return c == ' ' || c == '\t'; }

std::size_t utf8Length(char32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

/// The code point before the last one of `s` (0 if none).
char32_t secondLastCodePoint(std::string_view s) {
    const char32_t last = lastCodePoint(s);
    if (last == 0 || s.size() <= utf8Length(last)) return 0;
    return lastCodePoint(s.substr(0, s.size() - utf8Length(last)));
}

}  // namespace

bool endsWithWordHyphen(std::string_view line) {
    const char32_t last = lastCodePoint(line);
    return isHyphen(last) && isHyphenatingLetter(secondLastCodePoint(line));
}

void appendWrappedLine(std::string& text, std::string_view next, const KeepHyphen& keepHyphen) {
    while (!text.empty() && isSpace(text.back())) text.pop_back();
    while (!next.empty() && isSpace(next.front())) next.remove_prefix(1);
    if (next.empty()) return;
    if (text.empty()) {
        text.assign(next);
        return;
    }
    const char32_t last = lastCodePoint(text);
    const char32_t first = firstCodePoint(next);
    if (last == 0xAD) {  // a soft hyphen: only there because the line broke
        text.resize(text.size() - utf8Length(last));
        text.append(next);
        return;
    }
    if (endsWithWordHyphen(text) && isLowercaseLetter(first)) {
        // "custo-" + "mers": a word broken by hyphenation, unless the hyphen is the word's own.
        bool keep = false;
        if (keepHyphen) {
            std::size_t wordStart = text.find_last_of(" \t\n");
            wordStart = wordStart == std::string::npos ? 0 : wordStart + 1;
            const std::size_t wordEnd = std::min(next.find_first_of(" \t\n"), next.size());
            std::string word = text.substr(wordStart);
            if (lastCodePoint(word) != U'-') {  // U+2010: compare with a plain hyphen
                word.resize(word.size() - utf8Length(lastCodePoint(word)));
                word += '-';
            }
            word.append(next.substr(0, wordEnd));
            keep = keepHyphen(word);
        }
        if (!keep) text.resize(text.size() - utf8Length(last));
        text.append(next);
        return;
    }
    // A dash that hangs on to the word before it ("Anti-" + "Money", "09:00–" + "17:00").
    const bool hangingDash = isDash(last) && text.size() > utf8Length(last) &&
                             !isSpace(text[text.size() - utf8Length(last) - 1]);
    if (!hangingDash && !isCjk(last) && !isCjk(first)) text += ' ';
    text.append(next);
}

std::string joinWrappedLines(const std::vector<std::string>& lines, const KeepHyphen& keepHyphen) {
    std::string text;
    for (const auto& line : lines) appendWrappedLine(text, line, keepHyphen);
    return text;
}

}  // namespace cc::import::detail
