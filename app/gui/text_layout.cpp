#include "app/gui/text_layout.h"

#include <imgui_internal.h>

namespace cc::gui {

namespace {

bool isCjk(unsigned c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x3000 && c <= 0x303F) || (c >= 0x20000 && c <= 0x2FFFF);
}

bool isClosing(unsigned c) {
    switch (c) {
        case 0xFF0C: case 0x3002: case 0x3001: case 0xFF09: case 0x300D: case 0x300F: case 0x201D: case 0x2019:
        case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F: case 0x3011: case 0x300B: case 0x3009: case 0xFF0E:
        case ',': case '.': case ';': case ':': case '!': case '?': case ')': case ']': case '%':
            return true;
        default: return false;
    }
}

bool isOpening(unsigned c) {
    switch (c) {
        case 0xFF08: case 0x300C: case 0x300E: case 0x201C: case 0x2018: case 0x3010: case 0x300A: case 0x3008:
        case '(': case '[':
            return true;
        default: return false;
    }
}

}  // namespace

std::vector<std::string_view> wrapText(const ImFont* font, float size, std::string_view text, float width) {
    std::vector<std::string_view> lines;
    const float scale = size / font->FontSize;
    const char* p = text.data();
    const char* end = p + text.size();
    const char* lineStart = p;
    const char* lastBreak = nullptr;
    float lineWidth = 0;
    unsigned prev = 0;
    auto widthOf = [&](const char* a, const char* b) {
        float w = 0;
        while (a < b) {
            unsigned c;
            a += ImTextCharFromUtf8(&c, a, b);
            w += const_cast<ImFont*>(font)->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
        }
        return w;
    };
    auto emit = [&](const char* a, const char* b) {
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r')) --b;
        lines.emplace_back(a, static_cast<std::size_t>(b - a));
    };
    while (p < end) {
        unsigned c;
        const char* q = p;
        p += ImTextCharFromUtf8(&c, p, end);
        if (c == '\n') {
            emit(lineStart, q);
            lineStart = p;
            lastBreak = nullptr;
            lineWidth = 0;
            prev = 0;
            continue;
        }
        const bool breakBefore = q != lineStart && !isClosing(c) &&
                                 (prev == ' ' || (isCjk(c) && !isOpening(prev)) || (isCjk(prev) && !isOpening(prev)));
        if (breakBefore) lastBreak = q;
        const float w = const_cast<ImFont*>(font)->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
        if (lineWidth + w > width && q != lineStart && c != ' ') {
            const char* cut = (lastBreak && lastBreak != lineStart) ? lastBreak : q;
            emit(lineStart, cut);
            lineStart = cut;
            while (lineStart < q && *lineStart == ' ') ++lineStart;
            lineWidth = widthOf(lineStart, q);
            lastBreak = nullptr;
        }
        lineWidth += w;
        prev = c;
    }
    if (lineStart < end) emit(lineStart, end);
    return lines;
}

std::vector<std::string> firstLines(const ImFont* font, float size, std::string_view text, float width, int maxLines) {
    const auto wide = [&](std::string_view t) { return font->CalcTextSizeA(size, FLT_MAX, 0, t.data(), t.data() + t.size()).x; };
    const std::vector<std::string_view> lines = wrapText(font, size, text, std::max(width, 1.0f));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < lines.size() && static_cast<int>(i) < maxLines; ++i) out.emplace_back(lines[i]);
    if (static_cast<int>(lines.size()) <= maxLines || out.empty()) return out;
    // More follows: the last line gives up whole characters (never half of one) to its "…".
    std::string& last = out.back();
    while (!last.empty() && wide(last + "…") > width) {
        std::size_t cut = last.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(last[cut]) & 0xC0) == 0x80) --cut;
        last.erase(cut);
    }
    while (!last.empty() && last.back() == ' ') last.pop_back();
    last += "…";
    return out;
}

float drawWrapped(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 colour, std::string_view text,
                  float width, const ImVec4& clip, int maxLines, float boldOffset) {
    const float lineH = size * 1.18f;
    float y = pos.y;
    int n = 0;
    for (std::string_view line : wrapText(font, size, text, width)) {
        if (y + size > clip.w + 1 || n++ >= maxLines) break;  // only whole lines
        if (!line.empty()) {
            dl->AddText(font, size, {pos.x, y}, colour, line.data(), line.data() + line.size(), 0, &clip);
            if (boldOffset > 0)
                dl->AddText(font, size, {pos.x + boldOffset, y}, colour, line.data(), line.data() + line.size(), 0, &clip);
        }
        y += lineH;
    }
    return y - pos.y;
}

}  // namespace cc::gui
