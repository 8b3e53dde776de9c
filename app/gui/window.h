#pragma once

#include <string>

namespace cc {

/// How the window runs: for a person, to write one screenshot, or to time frames.
struct WindowOptions {
    enum class Mode { Interactive, Screenshot, Frames };
    Mode mode = Mode::Interactive;
    std::string board;   ///< empty: the last board, else the start screen
    std::string author;
    std::string out;     ///< screenshot: the PNG to write
    int width = 1400, height = 900;
    int frames = 300;    ///< frames: how many to time
    bool zoom100 = false;
};

/// Opens the window; returns the exit status. Without a display it says so, shows the command
/// line instead, and returns 1.
int openWindow(const WindowOptions& options);

}  // namespace cc
