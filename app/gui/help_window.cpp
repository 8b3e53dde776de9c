#include "app/gui/help_window.h"

#include <imgui.h>

namespace cc::gui {

const std::vector<std::pair<std::string, std::string>>& helpRows() {
    static const std::vector<std::pair<std::string, std::string>> rows = {
        {"Double-click empty wall", "new note there, typing fills it"},
        {"Double-click a note / {note.edit}", "edit its text (Escape or a click outside ends)"},
        {"Click, Shift/Ctrl-click", "select, add to the selection"},
        {"Drag on empty wall", "select with a rectangle"},
        {"Drag notes", "move them (across quadrants re-files them)"},
        {"Drag the blue handle to a note, or {edit.link}", "link: supports / conflicts / relates"},
        {"Right/middle drag, Space+drag, arrows", "pan"},
        {"Wheel", "zoom around the pointer"},
        {"{view.fit} / {view.zoom-100}", "fit wall / 100 %"},
        {"{edit.undo}, {edit.redo}", "undo, redo (your own changes)"},
        {"{edit.delete}, {edit.duplicate}", "delete, duplicate"},
        {"{edit.copy}, {edit.cut}, {edit.paste}", "copy, cut, paste (plain text: a note per paragraph)"},
        {"{edit.select-all}, {edit.find}", "select all, search"},
    };
    return rows;
}

void drawHelpWindow(bool& open, const ActionTable& actions, float scale) {
    if (!open) return;
    ImGui::SetNextWindowSize({560 * scale, 0}, ImGuiCond_Appearing);
    if (ImGui::Begin("Keyboard and mouse", &open, ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
            for (const auto& [keys, what] : helpRows()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(actions.expandHelp(keys).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(what.c_str());
            }
            ImGui::EndTable();
        }
        ImGui::TextDisabled("Every change is saved as it happens.");
    }
    ImGui::End();
}

}  // namespace cc::gui
