#pragma once
// The tray: candidate notes from imports, waiting to be placed. Drag one or a selection onto the
// wall to pin it there, pin everything to a quadrant, or discard what is not worth keeping.

#include <string>
#include <string_view>
#include <vector>

#include "app/gui/board_session.h"

namespace cc::gui {

class Fonts;

/// The drag-and-drop payload type for notes dragged out of the tray.
inline constexpr const char* kTrayPayload = "CC_TRAY_NOTES";

class TrayPanel {
public:
    void draw(BoardSession& s, Fonts& fonts, float scale);
    /// The tray notes being dragged (or selected): what a drop on the wall pins.
    std::vector<std::string> dragged(const BoardSession& s) const;

private:
    std::vector<std::string> m_selected;
    std::vector<const Note*> m_tray;  // the tray in creation order, rebuilt when the board changes
    const Document* m_trayDoc = nullptr;
    std::uint64_t m_trayRevision = ~0ull;
    int m_anchor = -1;  // for shift-click ranges
    std::string m_error;
};

}  // namespace cc::gui
