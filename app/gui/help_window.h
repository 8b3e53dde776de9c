#pragma once
// Help > Keyboard and mouse: what the mouse does, and the keys, named from the action table.

#include <string>
#include <vector>

#include "app/gui/actions.h"

namespace cc::gui {

/// The help window's rows: what a person does, and what it does. "{action.id}" stands for that
/// action's keys as the action table has them.
const std::vector<std::pair<std::string, std::string>>& helpRows();

/// Draws the help window while `open` (its close button clears it).
void drawHelpWindow(bool& open, const ActionTable& actions, float scale);

}  // namespace cc::gui
