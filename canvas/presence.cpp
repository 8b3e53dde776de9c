#include "canvas/presence.h"

#include <cctype>

namespace cc {

std::uint32_t colourForName(const std::string& name) {
    static constexpr std::uint32_t kPalette[] = {0xE0533D, 0x3B82F6, 0x16A34A, 0xD97706, 0x9333EA,
                                                 0x0891B2, 0xDB2777, 0x65A30D, 0x4F46E5, 0xB45309};
    std::uint32_t h = 2166136261u;  // FNV-1a: stable across runs and machines
    for (unsigned char c : name) h = (h ^ c) * 16777619u;
    return kPalette[h % (sizeof kPalette / sizeof kPalette[0])];
}

std::string initialsOf(const std::string& name) {
    // Latin names: first letters of the first two words; Chinese names: the given name (the
    // characters after the family name), or the only one.
    std::vector<std::string> chars;
    for (std::size_t i = 0; i < name.size();) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        const std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        chars.push_back(name.substr(i, len));
        i += len;
    }
    if (chars.empty()) return "?";
    if (static_cast<unsigned char>(chars[0][0]) >= 0x80) return chars.size() >= 2 ? chars[0] + chars[1] : chars[0];
    std::string out;
    bool start = true;
    for (const auto& ch : chars) {
        if (ch == " " || ch == "." || ch == "-" || ch == "_") {
            start = true;
            continue;
        }
        if (start && out.size() < 2) out += static_cast<char>(std::toupper(static_cast<unsigned char>(ch[0])));
        start = false;
    }
    return out.empty() ? "?" : out;
}

std::string selectionToColumn(const std::vector<std::string>& ids) {
    std::string s;
    for (std::size_t i = 0; i < ids.size() && i < 200; ++i) s += (s.empty() ? "" : " ") + ids[i];
    return s;
}

std::vector<std::string> selectionFromColumn(const std::string& column) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < column.size()) {
        std::size_t end = column.find(' ', pos);
        if (end == std::string::npos) end = column.size();
        if (end > pos && out.size() < 10000) out.push_back(column.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

}  // namespace cc
