#include "app/gui/fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <stdexcept>

#include "app/gui/field_text.h"
#include "canvas/model.h"
#include "canvas/wording.h"

namespace cc::gui {

namespace {

/// Decodes UTF-8 into code points (text from outside too: bytes that are not UTF-8 are skipped).
std::u32string decode(const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();)
        if (const char32_t cp = decodeUtf8(s, i); cp != kInvalidUtf8) out.push_back(cp);
    return out;
}

std::pair<std::string, int> findCjkFont() {
    FcInit();
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>("sans-serif:lang=zh-cn"));
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    FcPattern* match = FcFontMatch(nullptr, pat, &result);
    std::string file;
    int index = 0;
    if (match) {
        FcChar8* f = nullptr;
        FcLangSet* langs = nullptr;
        bool hasChinese = FcPatternGetLangSet(match, FC_LANG, 0, &langs) == FcResultMatch &&
                          FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>("zh-cn")) != FcLangDifferentLang;
        if (hasChinese && FcPatternGetString(match, FC_FILE, 0, &f) == FcResultMatch) {
            file = reinterpret_cast<const char*>(f);
            FcPatternGetInteger(match, FC_INDEX, 0, &index);
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    if (file.empty())
        throw std::runtime_error(message(CC_TEMPLATE("no font with Chinese characters found (install fonts-noto-cjk)")));
    return {file, index};
}

}  // namespace

Fonts::Fonts() {
    auto [file, index] = findCjkFont();
    m_file = file;
    m_faceIndex = index;
    // The interface's own characters: printable ASCII, Latin-1, general punctuation, CJK
    // punctuation and full-width forms, plus the symbols the wall draws.
    std::u32string base;
    for (char32_t c = 0x20; c < 0x7F; ++c) base.push_back(c);
    for (char32_t c = 0xA0; c <= 0xFF; ++c) base.push_back(c);
    for (char32_t c = 0x2000; c <= 0x206F; ++c) base.push_back(c);
    for (char32_t c = 0x3000; c <= 0x303F; ++c) base.push_back(c);
    for (char32_t c = 0xFF00; c <= 0xFFEF; ++c) base.push_back(c);
    for (char32_t c : {0x2190, 0x2192, 0x2713, 0x26A0, 0x25CF, 0x2605, 0x00B7}) base.push_back(c);
    base.push_back(kPlaceholder);
    // Chinese in the interface's own strings (legend, link kinds, templates).
    const std::string uiText = "支持冲突相关客户画像行为态度与感受需求期望说想做象限一二三四中文";
    for (char32_t c : decode(uiText)) base.push_back(c);
    m_chars = base;
    std::sort(m_chars.begin(), m_chars.end());
    m_chars.erase(std::unique(m_chars.begin(), m_chars.end()), m_chars.end());
}

bool Fonts::addText(const std::string& text) {
    std::u32string cps = decode(text);
    std::sort(cps.begin(), cps.end());
    cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
    std::u32string merged;
    std::set_union(m_chars.begin(), m_chars.end(), cps.begin(), cps.end(), std::back_inserter(merged));
    if (merged.size() == m_chars.size()) return false;
    m_chars.swap(merged);
    m_dirty = true;
    return true;
}

bool Fonts::addCodepoint(char32_t c) {
    auto it = std::lower_bound(m_chars.begin(), m_chars.end(), c);
    if (it != m_chars.end() && *it == c) return false;
    m_chars.insert(it, c);
    m_dirty = true;
    return true;
}

void Fonts::build(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontGlyphRangesBuilder builder;
    // ImWchar is 16-bit in Debian's build. Control characters have no glyphs, and a 0 would end
    // the range list at once: no font would load at all.
    for (char32_t c : m_chars)
        if (c >= 0x20 && c <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(c));
    static ImVector<ImWchar> ranges;
    ranges.clear();
    builder.BuildRanges(&ranges);
    ImFontConfig cfg;
    cfg.FontNo = m_faceIndex;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    m_scale = scale;
    m_ui = io.Fonts->AddFontFromFileTTF(m_file.c_str(), 17.0f * scale, &cfg, ranges.Data);
    const float sizes[3] = {15.0f, 30.0f, 60.0f};
    // A board with very many distinct characters skips the largest size to keep the atlas small.
    const int count = m_chars.size() > 4000 ? 2 : 3;
    // Large sizes need no horizontal oversampling: it only doubles the rasterising time.
    ImFontConfig large = cfg;
    large.OversampleH = 1;
    for (int i = 0; i < 3; ++i)
        m_sizes[i] = i < count ? io.Fonts->AddFontFromFileTTF(m_file.c_str(), sizes[i], i == 0 ? &cfg : &large, ranges.Data)
                               : nullptr;
    if (!m_ui || !m_sizes[0]) throw std::runtime_error(message(CC_TEMPLATE("{1}: the font could not be loaded"), {m_file}));
    const auto t0 = std::chrono::steady_clock::now();
    io.Fonts->Build();
    // What cannot be drawn (a character beyond U+FFFF, which Dear ImGui reads as U+FFFD, or one
    // the font lacks) shows as □, never as a gap or a '?' that reads like text.
    for (ImFont* f : io.Fonts->Fonts) {
        f->FallbackChar = static_cast<ImWchar>(kPlaceholder);
        f->BuildLookupTable();
    }
    m_buildMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    m_dirty = false;
}

ImFont* Fonts::forSize(float pixels) const {
    for (ImFont* f : m_sizes)
        if (f && f->FontSize >= pixels * 0.85f) return f;
    return m_sizes[2] ? m_sizes[2] : m_sizes[1];
}

}  // namespace cc::gui
