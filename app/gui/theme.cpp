#include "app/gui/theme.h"

namespace cc::gui {

const Palette& palette(ThemeKind kind) {
    static const Palette light{
        IM_COL32(222, 225, 230, 255),
        {IM_COL32(251, 249, 242, 255), IM_COL32(244, 248, 253, 255), IM_COL32(246, 251, 245, 255),
         IM_COL32(253, 246, 246, 255)},
        IM_COL32(150, 156, 168, 255), IM_COL32(34, 38, 48, 255), IM_COL32(96, 102, 115, 255),
        IM_COL32(120, 126, 140, 255),
        IM_COL32(28, 30, 36, 255), IM_COL32(0, 0, 0, 38), IM_COL32(0, 0, 0, 40), IM_COL32(37, 99, 235, 255),
        IM_COL32(37, 99, 235, 110), IM_COL32(255, 255, 255, 190), IM_COL32(50, 55, 65, 255),
        IM_COL32(70, 74, 84, 255),
        IM_COL32(34, 139, 64, 230), IM_COL32(210, 45, 45, 230), IM_COL32(125, 128, 135, 200),
        IM_COL32(255, 255, 255, 235), IM_COL32(40, 44, 52, 255),
        IM_COL32(34, 139, 64, 255), IM_COL32(210, 45, 45, 255), IM_COL32(37, 99, 235, 40),
        IM_COL32(37, 99, 235, 200), IM_COL32(222, 225, 230, 200), IM_COL32(37, 99, 235, 255),
        IM_COL32(255, 255, 255, 225), IM_COL32(37, 99, 235, 255),
        IM_COL32(124, 58, 237, 16), IM_COL32(124, 58, 237, 170), IM_COL32(237, 233, 254, 240), IM_COL32(46, 16, 101, 255),
        IM_COL32(22, 128, 61, 255), IM_COL32(176, 104, 0, 255), IM_COL32(110, 115, 125, 255),
        0.0f};
    static const Palette dark{
        IM_COL32(24, 26, 31, 255),
        {IM_COL32(38, 40, 46, 255), IM_COL32(35, 40, 48, 255), IM_COL32(35, 44, 39, 255),
         IM_COL32(46, 37, 40, 255)},
        IM_COL32(90, 96, 110, 255), IM_COL32(228, 231, 238, 255), IM_COL32(160, 166, 178, 255),
        IM_COL32(150, 156, 170, 255),
        IM_COL32(20, 20, 24, 255), IM_COL32(0, 0, 0, 90), IM_COL32(0, 0, 0, 60), IM_COL32(96, 165, 250, 255),
        IM_COL32(96, 165, 250, 120), IM_COL32(255, 255, 255, 170), IM_COL32(40, 44, 52, 255),
        IM_COL32(50, 52, 60, 255),
        IM_COL32(74, 196, 110, 230), IM_COL32(248, 90, 90, 230), IM_COL32(150, 154, 162, 200),
        IM_COL32(40, 44, 52, 235), IM_COL32(230, 232, 238, 255),
        IM_COL32(34, 139, 64, 255), IM_COL32(210, 45, 45, 255), IM_COL32(96, 165, 250, 45),
        IM_COL32(96, 165, 250, 200), IM_COL32(24, 26, 31, 190), IM_COL32(96, 165, 250, 255),
        IM_COL32(30, 32, 38, 230), IM_COL32(96, 165, 250, 255),
        IM_COL32(167, 139, 250, 22), IM_COL32(167, 139, 250, 180), IM_COL32(46, 38, 74, 240), IM_COL32(237, 233, 254, 255),
        IM_COL32(74, 196, 110, 255), IM_COL32(240, 170, 50, 255), IM_COL32(150, 154, 162, 255),
        0.12f};
    return kind == ThemeKind::Dark ? dark : light;
}

void applyStyle(ThemeKind kind, float scale) {
    ImGuiStyle style;
    if (kind == ThemeKind::Dark) ImGui::StyleColorsDark(&style);
    else ImGui::StyleColorsLight(&style);
    style.WindowRounding = 6;
    style.FrameRounding = 4;
    style.PopupRounding = 6;
    style.GrabRounding = 4;
    style.WindowBorderSize = 1;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

ImU32 noteFill(const Palette& p, unsigned rgb, int alpha) {
    float k = 1.0f - p.noteDarken;
    int r = static_cast<int>(((rgb >> 16) & 0xFF) * k), g = static_cast<int>(((rgb >> 8) & 0xFF) * k),
        b = static_cast<int>((rgb & 0xFF) * k);
    return IM_COL32(r, g, b, alpha);
}

}  // namespace cc::gui
