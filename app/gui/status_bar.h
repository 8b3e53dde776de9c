#pragma once
// The line at the bottom of the window (the board, its connection, saving, zoom, counts, who
// else is here, the filter, the last message) and the notices at the top of the wall about
// what others did to this user's work.

#include <functional>
#include <string>

#include "app/gui/board_session.h"

namespace cc::gui {

class FiltersPanel;
class WallView;

/// The status line's message: an error stays until replaced; anything else is shown as news.
class StatusBar {
public:
    /// A message that is news (pasted, imported).
    void say(std::string text) {
        m_text = std::move(text);
        m_isError = false;
    }
    /// A message that something failed.
    void fail(std::string text) {
        m_text = std::move(text);
        m_isError = true;
    }
    void clear() { m_text.clear(); }
    const std::string& text() const { return m_text; }
    bool isError() const { return m_isError; }

    /// Draws the line (inside the main window, below the wall).
    void draw(BoardSession& s, const WallView& wall, FiltersPanel& filters, float scale);

private:
    std::string m_text;
    bool m_isError = false;
};

/// Draws the notices at the top of the current window (the wall), each with its button, History
/// and Dismiss. `showHistory` opens a note's history; a button that fails is reported to `status`.
void drawNotices(BoardSession& s, WallView& wall, StatusBar& status, const std::function<void(const std::string&)>& showHistory,
                 float scale);

}  // namespace cc::gui
