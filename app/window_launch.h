#pragma once
// How the command line opens the window. The window itself (app/gui/window.cpp) is built only
// with CC_BUILD_GUI=ON; a build without it links app/no_window.cpp, which says so.

#include <iosfwd>
#include <string>

namespace cc {

/// How the window runs: for a person, to write one screenshot, or to time frames.
struct WindowOptions {
    enum class Mode { Interactive, Screenshot, Frames };
    Mode mode = Mode::Interactive;
    std::string board;   ///< empty: the start screen
    std::string author;
    std::string out;     ///< screenshot: the PNG to write
    int width = 1400, height = 900;
    int frames = 300;    ///< frames: how many to time
    bool zoom100 = false;        ///< 100 % rather than fit (a screenshot centres on the notes)
    bool wholeWindow = false;    ///< screenshot: the whole window (menu, panels, status bar), not the wall alone
};

/// Opens the window; returns the exit status. Without a display, or in a build without the
/// window, it says so, shows the command line instead, and returns 1.
int openWindow(const WindowOptions& options);

/// Tells a person why the window cannot open (`why`, one phrase) and shows the command line
/// they can use instead, with `board` (or a placeholder) in the examples.
void explainWindowUnavailable(std::ostream& out, const std::string& why, const std::string& board);

}  // namespace cc
