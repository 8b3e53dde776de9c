#include "app/gui/help_window.h"

#include <imgui.h>
#include "app/i18n.h"

namespace cc::gui {

const std::vector<std::pair<std::string, std::string>>& helpRows() {
    static const std::vector<std::pair<std::string, std::string>> rows = {
        {N_("Double-click empty wall / {edit.new-note}"), N_("new note in the nearest free place, typing fills it")},
        {N_("Double-click a note / {note.edit}"), N_("edit its text (Escape or a click outside ends)")},
        {N_("Click, Shift/Ctrl-click"), N_("select, add to the selection")},
        {N_("Drag on empty wall"), N_("select with a rectangle")},
        {N_("Drag notes"), N_("move them (across quadrants re-files them)")},
        {N_("Drag a note's bottom-right corner"), N_("resize it")},
        {N_("Drag the blue handle to a note, or {edit.link}"), N_("link: supports / conflicts / relates")},
        {N_("Select notes, {edit.group}"), N_("group them as an insight: a frame around them, its title typed at once")},
        {N_("Click / drag / double-click a frame's title"), N_("choose the insight / move it with its notes / rename it")},
        {N_("Drag a note into or out of a frame"), N_("add it to the insight's evidence, or take it out")},
        {N_("Right/middle drag, Space+drag, arrows"), N_("pan")},
        {N_("Wheel"), N_("zoom around the pointer")},
        {N_("{view.fit} / {view.zoom-100}"), N_("fit wall / 100 %")},
        {N_("{view.present}"), N_("presentation: full screen, ←/→ or Page Up/Down step through the quadrants, Escape leaves")},
        {N_("{edit.undo}, {edit.redo}"), N_("undo, redo (your own changes)")},
        {N_("{edit.delete}, {edit.duplicate}"), N_("delete, duplicate")},
        {N_("{edit.copy}, {edit.cut}, {edit.paste}"), N_("copy, cut, paste (plain text: a note per paragraph)")},
        {N_("{edit.select-all}, {edit.find}"), N_("select all, search")},
    };
    return rows;
}

void drawHelpWindow(bool& open, const ActionTable& actions, float scale) {
    if (!open) return;
    ImGui::SetNextWindowSize({560 * scale, 0}, ImGuiCond_Appearing);
    if (ImGui::Begin(L_("Keyboard and mouse", "help"), &open, ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
            for (const auto& [keys, what] : helpRows()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                // Wrapped at the column's width: a long row (in Chinese, in a small window) is never cut.
                ImGui::TextWrapped("%s", actions.expandHelp(_(keys.c_str())).c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", _(what.c_str()));
            }
            ImGui::EndTable();
        }
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", _("Every change is saved as it happens."));
        ImGui::PopStyleColor();
    }
    ImGui::End();
}

}  // namespace cc::gui
