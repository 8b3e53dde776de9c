#pragma once

#include <string>

namespace cc {

/// Opens the window on a board (an empty path: the start screen); returns the exit status.
/// Without a display it says so, shows the command line instead, and returns 1.
int openWindow(const std::string& board, const std::string& author);

}  // namespace cc
