#include "app/window_launch.h"

#include <ostream>

namespace cc {

void explainWindowUnavailable(std::ostream& out, const std::string& why, const std::string& board) {
    const std::string b = board.empty() ? "BOARD.ccboard" : board;
    out << "customer-canvas: " << why << ", so the window cannot open.\n"
        << "Use the command line instead, for example:\n"
        << "  customer-canvas list " << b << "\n"
        << "  customer-canvas add " << b << " --text \"...\" --source survey --quadrant 3\n"
        << "  customer-canvas --help\n";
}

}  // namespace cc
