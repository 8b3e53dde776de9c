#include "app/gui/start_screen.h"

#include <imgui.h>

#include "app/gui/board_dialog.h"
#include "app/i18n.h"

namespace cc::gui {

void drawStartScreen(BoardDialog& dialog, float scale) {
    ImGui::SetCursorPos({40 * scale, 60 * scale});
    ImGui::BeginGroup();
    ImGui::TextUnformatted("Customer Canvas");
    ImGui::TextDisabled("%s", _("The four-quadrant customer canvas for insight teams."));
    ImGui::Spacing();
    if (ImGui::Button(L_("New board…", "new"))) dialog.open(true);
    ImGui::SameLine();
    if (ImGui::Button(L_("Open board…", "open"))) dialog.open(false);
    if (const std::string& error = dialog.error(); !error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.8f, 0.1f, 0.1f, 1});
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - 40 * scale);
        ImGui::TextWrapped("%s", error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::EndGroup();
}

}  // namespace cc::gui
