#include "app/gui/start_screen.h"

#include <imgui.h>

#include <algorithm>
#include <ctime>

#include "app/gui/fonts.h"
#include "app/gui/theme.h"
#include "app/i18n.h"
#include "canvas/templates.h"

namespace cc::gui {

namespace {

std::string openedAt(Millis ms) {
    if (ms <= 0) return {};
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

void heading(const char* text) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", text);
    ImGui::Separator();
}

}  // namespace

std::string templateLabel(const std::string& key) {
    if (key == "canvas") return _("Customer canvas");
    if (key == "empathy") return _("Empathy map");
    if (key == "custom") return _("Your own quadrants");
    return key;
}

bool drawTemplatePreview(const std::string& key, ImVec2 size, bool selected, const Palette& palette, Fonts& fonts) {
    const std::string label = templateLabel(key);
    fonts.addText(label);
    ImGui::PushID(key.c_str());
    ImGui::BeginGroup();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("preview", size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 4, halfW = (size.x - pad * 3) / 2, halfH = (size.y - pad * 3) / 2;
    const auto quadrants = templateQuadrants(key, i18n::boardLanguage());
    ImFont* font = ImGui::GetFont();
    const float textSize = std::max(ImGui::GetFontSize() * 0.8f, 10.0f);
    for (int i = 0; i < 4; ++i) {
        const ImVec2 min{at.x + pad + (i % 2) * (halfW + pad), at.y + pad + (i / 2) * (halfH + pad)};
        const ImVec2 max{min.x + halfW, min.y + halfH};
        dl->AddRectFilled(min, max, palette.quadrantFill[i], 3);
        dl->AddRect(min, max, palette.quadrantBorder, 3);
        const std::string& title = quadrants[static_cast<std::size_t>(i)].title;
        fonts.addText(title);
        dl->PushClipRect(min, max, true);
        dl->AddText(font, textSize, {min.x + 4, min.y + 3}, palette.title, title.c_str(), nullptr, halfW - 8);
        dl->PopClipRect();
    }
    const ImU32 frame = selected ? palette.selection : hovered ? palette.hover : palette.quadrantBorder;
    dl->AddRect(at, {at.x + size.x, at.y + size.y}, frame, 4, 0, selected || hovered ? 2.5f : 1.0f);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::PopID();
    return clicked || ImGui::IsItemClicked();  // the name below counts too
}

void drawStartScreen(const std::vector<RecentBoard>& recent, const std::string& error, const StartScreenActions& actions,
                     const Palette& palette, Fonts& fonts, float scale) {
    const float margin = std::min(40 * scale, ImGui::GetContentRegionAvail().x * 0.04f);
    ImGui::SetCursorPos({margin, ImGui::GetCursorPosY() + margin * 0.6f});
    ImGui::BeginChild("start", {ImGui::GetContentRegionAvail().x - margin, 0}, false);
    ImGui::PushFont(fonts.forSize(ImGui::GetFontSize() * 1.6f));
    ImGui::TextUnformatted("Customer Canvas");
    ImGui::PopFont();
    ImGui::TextDisabled("%s", _("The four-quadrant customer canvas for insight teams."));
    ImGui::Spacing();
    if (ImGui::Button(L_("Open board…", "open"))) actions.open();
    ImGui::SameLine();
    if (ImGui::Button(L_("Open the sample board", "sample"))) actions.openSample();
    ImGui::SameLine();
    if (ImGui::Button(L_("Board on a team server…", "server"))) actions.openServer();
    if (!error.empty()) {
        fonts.addText(error);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.8f, 0.1f, 0.1f, 1});
        ImGui::TextWrapped("%s", error.c_str());
        ImGui::PopStyleColor();
    }

    heading(_("New board from a template"));
    const auto& keys = templateKeys();
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 2;
    const float w = std::clamp((ImGui::GetContentRegionAvail().x - spacing * 2) / 3, 120 * scale, 260 * scale);
    for (int i = 0; i < static_cast<int>(keys.size()); ++i) {
        if (i) ImGui::SameLine(0, spacing);
        if (drawTemplatePreview(keys[static_cast<std::size_t>(i)], {w, w * 0.6f}, false, palette, fonts)) actions.newBoard(i);
    }

    heading(_("Recent boards"));
    if (recent.empty()) ImGui::TextDisabled("%s", _("Boards you open are listed here."));
    for (const auto& b : recent) {
        const bool there = RecentBoards::available(b);
        const std::string title = b.title.empty() ? b.address : b.title;
        fonts.addText(title + b.address);
        ImGui::PushID(b.address.c_str());
        ImGui::BeginDisabled(!there);
        const float rowH = ImGui::GetTextLineHeightWithSpacing() * 2;
        const ImVec2 at = ImGui::GetCursorPos();
        if (ImGui::Selectable("##recent", false, 0, {0, rowH})) actions.openRecent(b.address);
        ImGui::SetCursorPos({at.x + 6 * scale, at.y});
        ImGui::TextUnformatted(title.c_str());
        ImGui::SameLine();
        const std::string when = there ? i18n::fill(_("opened {1}"), {openedAt(b.opened)}) : std::string(_("not found"));
        ImGui::TextDisabled("%s", b.opened > 0 || !there ? when.c_str() : "");
        ImGui::SetCursorPosX(at.x + 6 * scale);
        ImGui::TextDisabled("%s", b.address.c_str());
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace cc::gui
