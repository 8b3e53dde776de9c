#include "storage/text_escape.h"

#include <cstdio>
#include <optional>

#include "canvas/model.h"

namespace cc {

namespace {

bool isControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

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
    for (std::size_t pos = 0, next = 0; pos < s.size(); pos = next) {
        const char32_t cp = decodeUtf8(s, next);
        const bool keep = cp != kInvalidUtf8 && !isNoncharacter(cp) && (!isControl(cp) || cp == '\t' || cp == '\n' || cp == '\r');
        if (keep) out.append(s, pos, next - pos);
        else out += "\uFFFD";
    }
    return out;
}

std::string terminalText(std::string_view s) {
    if (plainAscii(s, "")) return std::string(s);
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t pos = 0, next = 0; pos < s.size(); pos = next) {
        const char32_t cp = decodeUtf8(s, next);
        if (cp != kInvalidUtf8 && !isControl(cp)) {
            out.append(s, pos, next - pos);
            continue;
        }
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02x", cp != kInvalidUtf8 ? static_cast<unsigned>(cp) : static_cast<unsigned char>(s[pos]));
        out += hex;
    }
    return out;
}

}  // namespace cc
