#include "app/gui/tray_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

#include "app/gui/fonts.h"
#include "app/gui/text_layout.h"
#include "canvas/wall_commands.h"
#include "app/i18n.h"

namespace cc::gui {

std::vector<std::string> TrayPanel::dragged(const BoardSession& s) const {
    std::vector<std::string> out;
    for (const auto& id : m_selected)
        if (const Note* n = s.doc->note(id); n && n->state == NoteState::Tray) out.push_back(id);
    return out;
}

void TrayPanel::draw(BoardSession& s, Fonts& fonts, float scale) {
    // The tray's notes, oldest first, kept while the board does not change: read again whenever
    // it has, also in the middle of this frame (a button above the list may delete or pin notes,
    // and the list must not draw the notes that went).
    const auto refresh = [&] {
        if (m_trayDoc == s.doc.get() && m_trayRevision == s.doc->revision()) return;
        m_trayDoc = s.doc.get();
        m_trayRevision = s.doc->revision();
        m_tray.clear();
        for (const auto& [id, n] : s.doc->notes())
            if (n.state == NoteState::Tray) m_tray.push_back(&n);
        std::sort(m_tray.begin(), m_tray.end(), [](const Note* a, const Note* b) {
            return a->created != b->created ? a->created < b->created : a->id < b->id;
        });
    };
    refresh();
    const std::vector<const Note*>& tray = m_tray;
    // Keep only selected ids that are still in the tray.
    m_selected.erase(std::remove_if(m_selected.begin(), m_selected.end(),
                                    [&](const std::string& id) {
                                        const Note* n = s.doc->note(id);
                                        return !n || n->state != NoteState::Tray;
                                    }),
                     m_selected.end());

    ImGui::Text(P_("%zu candidate in the tray", "%zu candidates in the tray", tray.size()), tray.size());
    if (tray.empty()) {
        ImGui::TextWrapped("%s", _("Import research (File > Import…, or drop files on the window) and the candidate notes "
                                 "wait here until you drag them onto the wall."));
        return;
    }
    auto guarded = [&](auto f) {
        try {
            f();
            m_error.clear();
        } catch (const std::exception& e) {
            m_error = e.what();
        }
    };
    std::vector<std::string> all;
    for (const Note* n : tray) all.push_back(n->id);
    const std::vector<std::string>& targets = m_selected.empty() ? all : m_selected;
    ImGui::TextDisabled("%s", m_selected.empty() ? _("Pin all to quadrant:") : _("Pin the selected to quadrant:"));
    for (int q = 1; q <= 4; ++q) {
        ImGui::SameLine();
        if (ImGui::SmallButton(std::to_string(q).c_str())) guarded([&] { pinNotesToQuadrant(*s.editor, targets, q); });
    }
    // Always there (greyed out with nothing selected): a list that jumped down a line when a row
    // is picked up would put another row under the pointer.
    ImGui::BeginDisabled(m_selected.empty());
    if (ImGui::SmallButton(L_("Discard the selected", "discard"))) guarded([&] { s.editor->deleteNotes(m_selected); });
    ImGui::SameLine();
    if (ImGui::SmallButton(L_("Select none", "select-none"))) m_selected.clear();
    ImGui::EndDisabled();
    if (!m_error.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", m_error.c_str());
    ImGui::Separator();

    refresh();  // after the buttons above
    ImGui::BeginChild("tray-list");
    ImGuiListClipper clipper;  // only the rows in view are laid out: a tray may hold thousands
    clipper.Begin(static_cast<int>(tray.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Note* n = tray[static_cast<std::size_t>(i)];
            ImGui::PushID(n->id.c_str());
            const bool selected = std::find(m_selected.begin(), m_selected.end(), n->id) != m_selected.end();
            // Two lines never need more than the text's start (a note may hold 64 KiB).
            std::size_t cut = std::min<std::size_t>(n->text.size(), 600);
            while (cut < n->text.size() && (static_cast<unsigned char>(n->text[cut]) & 0xC0) == 0x80) --cut;
            const std::string_view start(n->text.data(), cut);
            fonts.addText(std::string(start) + n->provenance.file + n->provenance.location + "…");
            // The note's colour (its source kind's) at the left of the row, as on the wall.
            const float line = ImGui::GetTextLineHeight();
            const float rowH = line * 2;
            const float swatch = 10 * scale;
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float textX = at.x + swatch + 6 * scale;
            const float textW = ImGui::GetContentRegionAvail().x - swatch - 6 * scale;
            const std::uint32_t rgb = noteColour(*n, s.doc->sourceKinds());
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled({at.x, at.y + 3 * scale}, {at.x + swatch, at.y + rowH - 3 * scale},
                              IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 255), 2 * scale);
            dl->AddRect({at.x, at.y + 3 * scale}, {at.x + swatch, at.y + rowH - 3 * scale}, IM_COL32(0, 0, 0, 60), 2 * scale);
            ImGui::SetCursorScreenPos({textX, at.y});
            // The row is a selectable of its own size; its words are drawn over it, wrapped to
            // the panel's width: the note's first two lines (where it came from is in the tooltip).
            const bool clicked = ImGui::Selectable("##row", selected, 0, {textW, rowH});
            const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
            float y = at.y;
            for (const std::string& l : firstLines(ImGui::GetFont(), ImGui::GetFontSize(), start, textW, 2)) {
                dl->AddText({textX, y}, ink, l.c_str());
                y += line;
            }
            if (clicked) {
                const ImGuiIO& io = ImGui::GetIO();
                if (io.KeyShift && m_anchor >= 0) {
                    const int a = std::min(m_anchor, i), b = std::max(m_anchor, i);
                    for (int k = a; k <= b; ++k)
                        if (std::find(m_selected.begin(), m_selected.end(), tray[static_cast<std::size_t>(k)]->id) == m_selected.end())
                            m_selected.push_back(tray[static_cast<std::size_t>(k)]->id);
                } else if (io.KeyCtrl) {
                    if (selected) m_selected.erase(std::find(m_selected.begin(), m_selected.end(), n->id));
                    else m_selected.push_back(n->id);
                    m_anchor = i;
                } else {
                    m_selected = {n->id};
                    m_anchor = i;
                }
            }
            if (ImGui::IsItemHovered() && (!n->provenance.excerpt.empty() || !n->provenance.file.empty())) {
                fonts.addText(n->provenance.excerpt);
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(480 * scale);
                if (!n->provenance.file.empty())
                    ImGui::TextDisabled("%s", (n->provenance.file + "  " + n->provenance.location).c_str());
                ImGui::TextUnformatted(n->provenance.excerpt.substr(0, 1500).c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            if (ImGui::BeginDragDropSource()) {
                // Dragging an unselected row drags just that row.
                if (!selected) m_selected = {n->id};
                ImGui::SetDragDropPayload(kTrayPayload, "tray", 5);
                ImGui::Text(P_("%zu note: drop on the wall to pin", "%zu notes: drop on the wall to pin", m_selected.size()), m_selected.size());
                ImGui::EndDragDropSource();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace cc::gui
