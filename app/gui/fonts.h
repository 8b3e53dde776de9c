#pragma once
// Fonts for the window: a CJK-capable font found through fontconfig, rasterised only for the
// characters the board and the interface actually use (all of CJK would need a 4096² atlas).

#include <string>

struct ImFont;

namespace cc::gui {

class Fonts {
public:
    /// Finds the font file (throws std::runtime_error naming what is missing).
    Fonts();
    /// Adds the characters of `text` to the set to rasterise; true if any are new.
    bool addText(const std::string& text);
    /// Adds one character (a key typed this frame); true if it is new.
    bool addCodepoint(char32_t c);
    /// (Re)builds the ImGui font atlas with every character seen so far, at `scale` (the
    /// monitor's content scale). Call between frames; the renderer's texture is recreated.
    void build(float scale);
    bool dirty() const { return m_dirty; }

    ImFont* ui() const { return m_ui; }
    /// The rasterised size closest above a wanted pixel size, so wall text stays sharp at
    /// every zoom (drawn scaled from 15, 30 or 60 px).
    ImFont* forSize(float pixels) const;
    const std::string& file() const { return m_file; }
    std::size_t glyphCount() const { return m_chars.size(); }
    /// How long the last atlas build took.
    double lastBuildMs() const { return m_buildMs; }

private:
    std::string m_file;
    int m_faceIndex = 0;
    std::u32string m_chars;  // sorted, unique
    bool m_dirty = true;
    ImFont* m_ui = nullptr;
    ImFont* m_sizes[3] = {nullptr, nullptr, nullptr};
    float m_scale = 1.0f;
    double m_buildMs = 0;
};

}  // namespace cc::gui
