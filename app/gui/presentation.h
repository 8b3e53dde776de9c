#pragma once
// The presentation view (F5): the wall full screen for a room, without menus, panels or status
// bar; the whole wall or one quadrant at a time, stepped with the arrow keys (or a clicker's
// Page Up / Page Down), note titles in large type. Escape or F5 leaves.

#include "canvas/document.h"

struct GLFWwindow;

namespace cc::gui {

class Fonts;
class WallView;
struct Palette;

class Presentation {
public:
    bool active() const { return m_active; }
    /// Starts presenting with the whole wall; the window goes full screen (when there is one).
    void enter(GLFWwindow* window);
    /// Stops presenting; the window gets back its place and size.
    void leave();
    /// What is shown: 0 the whole wall, 1-4 a quadrant.
    int step() const { return m_step; }
    /// The next (+1) or previous (-1) step, round and round.
    void stepBy(int delta) { m_step = ((m_step + delta) % kSteps + kSteps) % kSteps; }

    /// Draws the presentation over the whole window and handles its keys; false when not
    /// presenting (then the window draws as usual).
    bool draw(WallView& wall, const Document& doc, const Palette& palette, Fonts& fonts, float uiScale,
              bool chineseBadges);

    /// The smallest note title while presenting, in unscaled pixels.
    static constexpr float kTitlePixels = 22;

private:
    static constexpr int kSteps = 5;
    bool m_active = false;
    int m_step = 0;
    int m_fitted = -1;  // the step the wall was last fitted to
    GLFWwindow* m_window = nullptr;
    int m_x = 0, m_y = 0, m_w = 0, m_h = 0;  // the window's place and size before
};

}  // namespace cc::gui
