#pragma once
// What the window shows with no board open: the ways to a board. New board from one of the three
// templates (each drawn small with its quadrants' titles), Open…, the sample board, a board on a
// team server, and the boards opened lately with their titles and dates.

#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/recent_boards.h"

namespace cc::gui {

struct Palette;
class Fonts;

/// What the start screen's buttons do.
struct StartScreenActions {
    std::function<void(int templateIndex)> newBoard;
    std::function<void()> open, openSample, openServer;
    std::function<void(const std::string& address)> openRecent;
};

/// Draws the start screen into the main window, with `error` (why a board did not open) if any.
void drawStartScreen(const std::vector<RecentBoard>& recent, const std::string& error, const StartScreenActions& actions,
                     const Palette& palette, Fonts& fonts, float scale);

/// A template's name as a person reads it (translated).
std::string templateLabel(const std::string& key);
/// A template drawn small: its four quadrants with their titles, and its name below. `size` is the
/// drawing's; true when it was clicked.
bool drawTemplatePreview(const std::string& key, ImVec2 size, bool selected, const Palette& palette, Fonts& fonts);

}  // namespace cc::gui
