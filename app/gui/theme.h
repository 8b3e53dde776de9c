#pragma once
// Light and dark palettes of the wall and the ImGui style that goes with each.

#include <imgui.h>

namespace cc::gui {

enum class ThemeKind { Light, Dark };

struct Palette {
    ImU32 background, quadrantFill[4], quadrantBorder, title, description, count;
    ImU32 noteText, noteShadow, noteBorder, selection, hover, badgeFill, badgeText, meta;
    ImU32 supports, conflicts, relates, linkLabelFill, linkLabelText;
    ImU32 corroborated, contested, rubberFill, rubberBorder, dim, handle, minimapFill, minimapView;
    /// Insight frames: the fill inside, the outline, the title band and its text, and the
    /// strength chip's colours (strong, moderate, weak).
    ImU32 frameFill, frameBorder, frameBand, frameTitle, strong, moderate, weak;
    float noteDarken;  ///< dark theme: note colours are darkened by this factor (0 = as they are)
};

const Palette& palette(ThemeKind kind);
/// Applies the ImGui colours of a theme (panels, menus, popups), scaled to the monitor.
void applyStyle(ThemeKind kind, float scale);
/// A note colour (0xRRGGBB) for a palette, with alpha.
ImU32 noteFill(const Palette& p, unsigned rgb, int alpha = 255);

}  // namespace cc::gui
