#include "app/gui/wrapped_input.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/gui/text_layout.h"

namespace cc::gui {

std::vector<std::size_t> softBreaks(const ImFont* font, float size, std::string_view text, float width) {
    std::vector<std::size_t> out;
    const auto lines = wrapText(font, size, text, width);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto at = static_cast<std::size_t>(lines[i].data() - text.data());
        if (at > 0 && at <= text.size() && text[at - 1] != '\n') out.push_back(at);
    }
    return out;
}

void WrappedInput::wrap(const std::string& text) {
    const std::vector<std::size_t> at = softBreaks(ImGui::GetFont(), ImGui::GetFontSize(), text, m_width);
    m_wrapped.clear();
    m_wrapped.reserve(text.size() + at.size());
    m_breaks.clear();
    std::size_t from = 0;
    for (std::size_t b : at) {
        m_wrapped.append(text, from, b - from);
        m_breaks.push_back(m_wrapped.size());
        m_wrapped += '\n';
        from = b;
    }
    m_wrapped.append(text, from, std::string::npos);
    m_wrappedWidth = m_width;
}

bool WrappedInput::draw(const char* id, std::string& text, const ImVec2& size, ImGuiInputTextFlags flags) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float w = size.x > 0 ? size.x : avail.x + size.x;
    m_width = std::max(20.0f, w - 2 * style.FramePadding.x - style.ScrollbarSize);
    m_text = &text;
    m_changed = false;
    // While the field is not being typed in, the text may change from outside: wrap it afresh.
    if (ImGui::GetActiveID() != ImGui::GetID(id)) {
        wrap(text);
        m_shown = m_wrapped;
    }
    ImGui::InputTextMultiline(id, &m_shown, size,
                              flags | ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_NoHorizontalScroll,
                              &WrappedInput::callback, this);
    m_text = nullptr;
    return m_changed;
}

int WrappedInput::callback(ImGuiInputTextCallbackData* data) {
    auto* self = static_cast<WrappedInput*>(data->UserData);
    if (data->EventFlag != ImGuiInputTextFlags_CallbackAlways || !self->m_text) return 0;
    const std::string_view now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    // The field's own copy (m_shown) is Dear ImGui's to write until the field returns.
    const std::string before = self->m_wrapped;
    if (now == before && self->m_wrappedWidth == self->m_width) return 0;

    // The soft breaks outside the part just edited are where they were (shifted past it).
    std::size_t prefix = 0;
    while (prefix < now.size() && prefix < before.size() && now[prefix] == before[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < now.size() - prefix && suffix < before.size() - prefix &&
           now[now.size() - 1 - suffix] == before[before.size() - 1 - suffix])
        ++suffix;
    std::vector<std::size_t> kept;
    bool deletedBreak = false;
    for (std::size_t b : self->m_breaks) {
        std::size_t at;
        if (b < prefix) at = b;
        else if (b >= before.size() - suffix) at = b + now.size() - before.size();
        else {
            deletedBreak = before.size() == now.size() + 1;  // one byte went: a soft break
            continue;
        }
        if (at < now.size() && now[at] == '\n') kept.push_back(at);
    }
    auto toText = [&](int pos) {
        const auto p = static_cast<std::size_t>(pos);
        return p - static_cast<std::size_t>(std::lower_bound(kept.begin(), kept.end(), p) - kept.begin());
    };
    std::string text;
    text.reserve(now.size());
    for (std::size_t i = 0, k = 0; i < now.size(); ++i) {
        if (k < kept.size() && kept[k] == i) {
            ++k;
            continue;
        }
        text += now[i];
    }
    std::size_t cursor = toText(data->CursorPos), selA = toText(data->SelectionStart), selB = toText(data->SelectionEnd);
    if (deletedBreak) {
        // Backspace at the start of a wrapped line, or Delete at the end of one, took only the
        // soft break: it means the character beyond it.
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && cursor > 0) {
            std::size_t from = cursor - 1;
            while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
            text.erase(from, cursor - from);
            cursor = from;
        } else if (cursor < text.size()) {
            std::size_t to = cursor + 1;
            while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
            text.erase(cursor, to - cursor);
        }
        selA = selB = cursor;
    }
    if (text != *self->m_text) {
        *self->m_text = text;
        self->m_changed = true;
    }
    self->wrap(text);
    auto toShown = [&](std::size_t p) {
        // A place at a soft break is at the start of the next line (where typing goes on).
        std::size_t n = 0;
        for (std::size_t k = 0; k < self->m_breaks.size() && self->m_breaks[k] - k <= p; ++k) ++n;
        return static_cast<int>(p + n);
    };
    if (now != self->m_wrapped) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, self->m_wrapped.data(), self->m_wrapped.data() + self->m_wrapped.size());
    }
    data->CursorPos = toShown(cursor);
    data->SelectionStart = toShown(selA);
    data->SelectionEnd = toShown(selB);
    return 0;
}

}  // namespace cc::gui
