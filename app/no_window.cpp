// The window in a build without one (CC_BUILD_GUI=OFF): every headless command works, and
// asking for the window says plainly that it was not built.
#include <iostream>

#include "app/window_launch.h"
#include "app/i18n.h"

namespace cc {

int openWindow(const WindowOptions& options) {
    explainWindowUnavailable(std::cerr, _("this customer-canvas was built without the window (CC_BUILD_GUI=OFF)"),
                             options.board);
    return 1;
}

}  // namespace cc
