#pragma once
// What the window shows with no board open: the program's name and the ways to a board.

namespace cc::gui {

class BoardDialog;

/// Draws the start screen into the main window: New board… and Open board… open the board
/// dialog, and the dialog's last error (why a board did not open) is shown.
void drawStartScreen(BoardDialog& dialog, float scale);

}  // namespace cc::gui
