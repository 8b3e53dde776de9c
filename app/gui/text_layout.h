#pragma once
// Line breaking for wall text in Chinese, English and both mixed. Dear ImGui 1.86 breaks lines
// only at spaces, so a run of Chinese reads as one long word and wraps badly; here a line may
// break at a space or between two CJK characters, but never before closing punctuation
// (，。、）etc.) nor after opening punctuation (（“ etc.).

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace cc::gui {

/// The lines of `text` wrapped to `width` pixels at `size` pixels of `font`.
std::vector<std::string_view> wrapText(const ImFont* font, float size, std::string_view text, float width);

/// At most `maxLines` lines of `text` wrapped to `width` pixels at `size` pixels of `font`; when
/// more would follow, the last line ends in "…". Nothing is ever wider than `width`.
std::vector<std::string> firstLines(const ImFont* font, float size, std::string_view text, float width, int maxLines);

/// Draws wrapped text; returns the height used. Lines below `clip` are not drawn.
float drawWrapped(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 colour, std::string_view text,
                  float width, const ImVec4& clip, int maxLines = 1000, float boldOffset = 0);

}  // namespace cc::gui
