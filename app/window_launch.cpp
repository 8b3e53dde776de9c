#include "app/window_launch.h"

#include <ostream>
#include "app/i18n.h"

namespace cc {

void explainWindowUnavailable(std::ostream& out, const std::string& why, const std::string& board) {
    const std::string b = board.empty() ? "BOARD.ccboard" : board;
    out << "customer-canvas: " << i18n::fill(_("{1}, so the window cannot open."), {why}) << "\n"
        << _("Use the command line instead, for example:") << "\n"
        << "  customer-canvas list " << b << "\n"
        << "  customer-canvas add " << b << " --text \"...\" --source survey --quadrant 3\n"
        << "  customer-canvas --help\n";
}

}  // namespace cc
