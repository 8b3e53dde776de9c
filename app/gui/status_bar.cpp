#include "app/gui/status_bar.h"

#include "app/gui/text_layout.h"

#include <imgui.h>

#include <optional>

#include "app/gui/panels.h"
#include "app/gui/wall_view.h"
#include "app/i18n.h"

namespace cc::gui {

void StatusBar::draw(BoardSession& s, const WallView& wall, FiltersPanel& filters, float scale) {
    const auto& c = s.facts.counts();
    ImGui::SetCursorPosX(8 * scale);
    const std::string file = s.file->shortName();
    ImGui::TextUnformatted(file.c_str());
    ImGui::SameLine(0, 18 * scale);
    const std::string connection = s.file->connectionStatus();
    if (!connection.empty()) {
        ImGui::TextColored({0.80f, 0.45f, 0.05f, 1}, "%s", connection.c_str());
        ImGui::SameLine(0, 18 * scale);
    }
    if (const auto& repairs = s.file->repairs(); !repairs.empty()) {
        // Records another program wrote that broke a rule: shown as repaired, never silently.
        ImGui::TextColored({0.80f, 0.45f, 0.05f, 1}, P_("%zu record repaired on reading", "%zu records repaired on reading", repairs.size()),
                           repairs.size());
        if (ImGui::IsItemHovered()) {
            std::string lines;
            for (std::size_t i = 0; i < repairs.size() && i < 12; ++i) lines += repairs[i] + "\n";
            if (repairs.size() > 12) lines += _("... (customer-canvas check lists them all)");
            ImGui::SetTooltip("%s", lines.c_str());
        }
        ImGui::SameLine(0, 18 * scale);
    }
    // One line: what matters most comes first, and what does not fit in a narrow window is left
    // out rather than cut off (the counts are in the inspector too); a long message ends in "…"
    // and shows whole under the pointer.
    const float gap = 18 * scale;
    const auto fits = [&](float w) { return ImGui::GetContentRegionAvail().x >= w; };
    const auto shown = [&](const std::string& text, const ImVec4* colour) {
        const float avail = ImGui::GetContentRegionAvail().x;
        const bool whole = ImGui::CalcTextSize(text.c_str()).x <= avail;
        const auto line = whole ? std::vector<std::string>{text} : firstLines(ImGui::GetFont(), ImGui::GetFontSize(), text, avail, 1);
        if (line.empty()) return;
        if (colour) ImGui::TextColored(*colour, "%s", line[0].c_str());
        else ImGui::TextDisabled("%s", line[0].c_str());
        if (!whole && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
        ImGui::SameLine(0, gap);
    };
    const ImVec4 saved{0.13f, 0.55f, 0.25f, 1}, failed{0.85f, 0.15f, 0.15f, 1};
    if (m_text.empty() || !m_isError) shown(_("all changes saved"), &saved);
    else shown(m_text, &failed);
    if (!m_text.empty() && !m_isError) shown(m_text, nullptr);
    if (!s.selection.empty()) {
        const std::string selected = i18n::fill(P_("{1} selected", "{1} selected", s.selection.size()), {std::to_string(s.selection.size())});
        if (fits(ImGui::CalcTextSize(selected.c_str()).x)) {
            ImGui::TextUnformatted(selected.c_str());
            ImGui::SameLine(0, gap);
        }
    }
    if (s.filter.active()) {
        // Dimmed notes are never hidden without a sign.
        const auto [matching, total] = filters.matching(s);
        ImGui::TextColored({0.15f, 0.39f, 0.92f, 1}, _("filter: %d of %d match"), matching, total);
        ImGui::SameLine();
        if (ImGui::SmallButton(L_("clear", "clear-filter"))) s.filter = NoteFilter{};
        ImGui::SameLine(0, gap);
    }
    char zoom[64];
    std::snprintf(zoom, sizeof zoom, _("zoom %.0f %%"), wall.zoomPercent());
    if (fits(ImGui::CalcTextSize(zoom).x)) {
        ImGui::TextUnformatted(zoom);
        ImGui::SameLine(0, gap);
    }
    const std::string counts = std::string(P_("{1} note on the wall", "{1} notes on the wall", c.onWall)) + " · " +
                               _("{2} in the tray") + " · " + P_("{3} link", "{3} links", c.links) + " · " +
                               _("{4} corroborated · {5} contested");
    const auto n = [](int v) { return std::to_string(v); };
    const std::string countLine = i18n::fill(counts, {n(c.onWall), n(c.inTray), n(c.links), n(c.corroborated), n(c.contested)});
    if (fits(ImGui::CalcTextSize(countLine.c_str()).x)) {
        ImGui::TextUnformatted(countLine.c_str());
        ImGui::SameLine(0, gap);
    }
    if (!s.others.empty() && fits(ImGui::CalcTextSize(_("here:")).x)) {
        ImGui::TextDisabled("%s", _("here:"));
        for (const auto& p : s.others) {
            const std::string who = "● " + p.name;
            if (!fits(ImGui::CalcTextSize(who.c_str()).x + ImGui::GetStyle().ItemSpacing.x)) break;
            ImGui::SameLine();
            const ImVec4 colour{((p.colour >> 16) & 0xFF) / 255.0f, ((p.colour >> 8) & 0xFF) / 255.0f, (p.colour & 0xFF) / 255.0f, 1};
            ImGui::TextColored(colour, "%s", who.c_str());
        }
    }
}

void drawNotices(BoardSession& s, WallView& wall, StatusBar& status, const std::function<void(const std::string&)>& showHistory,
                 float scale) {
    auto& list = s.notices;
    if (list.empty()) return;
    const ImVec2 min = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    const float width = std::min(560 * scale, size.x - 40 * scale);
    ImGui::SetNextWindowPos({min.x + (size.x - width) / 2, min.y + 10 * scale});
    ImGui::SetNextWindowSize({width, 0});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(255, 244, 214, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(60, 40, 0, 255));
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(220, 160, 40, 255));
    if (ImGui::Begin("##notices", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_AlwaysAutoResize)) {
        std::optional<std::size_t> drop;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Notice& n = list[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::PushTextWrapPos(width - 16 * scale);
            ImGui::TextWrapped("%s", n.text.c_str());
            ImGui::PopTextWrapPos();
            if (!n.actionLabel.empty() && ImGui::SmallButton(n.actionLabel.c_str())) {
                try {
                    s.act(n);
                } catch (const std::exception& e) {
                    status.fail(e.what());
                }
                drop = i;
            }
            if (!n.noteId.empty()) {
                ImGui::SameLine();
                if (ImGui::SmallButton(L_("History", "history"))) {
                    showHistory(n.noteId);
                    if (s.doc->note(n.noteId)) wall.focusNote(n.noteId);
                }
            }
            ImGui::SameLine();
            if (ImGui::SmallButton(L_("Dismiss", "dismiss"))) drop = i;
            if (i + 1 < list.size()) ImGui::Separator();
            ImGui::PopID();
        }
        if (drop) list.erase(list.begin() + static_cast<long>(*drop));
    }
    ImGui::End();
    ImGui::PopStyleColor(3);
}

}  // namespace cc::gui
