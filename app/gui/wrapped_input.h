#pragma once
// A multi-line text field whose lines wrap at its width. Dear ImGui 1.86's multi-line field
// does not wrap: a long line runs sideways out of sight. Here the field is given the text with
// soft line breaks where text_layout wraps it (Chinese, English and both mixed), rewrapped as
// the person types or the field changes width; the soft breaks never reach the caller's text.

#include <imgui.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cc::gui {

/// `text` as shown wrapped: where soft breaks go (indices into `text`, a break before that byte).
std::vector<std::size_t> softBreaks(const ImFont* font, float size, std::string_view text, float width);

class WrappedInput {
public:
    /// Draws the field (as ImGui::InputTextMultiline, in the current font); true when `text`
    /// changed this frame.
    bool draw(const char* id, std::string& text, const ImVec2& size, ImGuiInputTextFlags flags = 0);

private:
    static int callback(ImGuiInputTextCallbackData* data);
    /// Sets m_wrapped and m_breaks from the text without soft breaks.
    void wrap(const std::string& text);

    std::string m_shown;                // the field's buffer (Dear ImGui writes it while typing)
    std::string m_wrapped;              // the text with soft breaks, as last wrapped
    std::vector<std::size_t> m_breaks;  // where in m_wrapped the soft '\n's are, ascending
    std::string* m_text = nullptr;
    float m_width = 0, m_wrappedWidth = -1;
    bool m_changed = false;
};

}  // namespace cc::gui
