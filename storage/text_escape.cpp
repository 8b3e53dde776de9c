#include "text_escape.h"

#include <cstdio>
#include <optional>

namespace cc {

namespace {

/// The code point at `pos` and its length in bytes when a valid UTF-8 sequence starts there
/// (shortest form, no surrogate, at most U+10FFFF); otherwise nothing.
std::optional<char32_t> decode(std::string_view s, std::size_t pos, std::size_t& len) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char c = byte(pos);
    char32_t cp;
    if (c < 0x80) len = 1, cp = c;
    else if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07;
    else return std::nullopt;
    if (pos + len > s.size()) return std::nullopt;
    for (std::size_t i = 1; i < len; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) return std::nullopt;
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    static constexpr char32_t kShortest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kShortest[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    return cp;
}

bool isControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool isNoncharacter(char32_t cp) { return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE; }

/// True when every byte is printable ASCII or one of `keep`: nothing to do (the common case).
bool plainAscii(std::string_view s, std::string_view keep) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 || u >= 0x7F) && keep.find(c) == std::string_view::npos) return false;
    }
    return true;
}

}  // namespace

std::string documentText(std::string_view s) {
    if (plainAscii(s, "\t\n\r")) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0, len = 1; pos < s.size(); pos += len) {
        const auto cp = decode(s, pos, len);
        if (!cp) len = 1;
        const bool keep = cp && !isNoncharacter(*cp) && (!isControl(*cp) || *cp == '\t' || *cp == '\n' || *cp == '\r');
        if (keep) out.append(s, pos, len);
        else out += "\uFFFD";
    }
    return out;
}

std::string terminalText(std::string_view s) {
    if (plainAscii(s, "")) return std::string(s);
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t pos = 0, len = 1; pos < s.size(); pos += len) {
        const auto cp = decode(s, pos, len);
        if (!cp) len = 1;
        if (cp && !isControl(*cp)) {
            out.append(s, pos, len);
            continue;
        }
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02x", cp ? static_cast<unsigned>(*cp) : static_cast<unsigned char>(s[pos]));
        out += hex;
    }
    return out;
}

}  // namespace cc
