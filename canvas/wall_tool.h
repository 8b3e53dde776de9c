#pragma once
// The pointer tool of the wall: a small state machine fed with pointer events in wall units.
// It selects, drags, draws selection rectangles and links, and asks the view for what only a
// view can do (text editing, choosing a link kind). It calls the editor; it never touches
// storage. Tests drive it with synthetic events, no window needed.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "canvas/editor.h"
#include "canvas/geometry.h"
#include "canvas/selection.h"
#include "canvas/spatial_index.h"

namespace cc {

/// A pointer position on the wall with the modifier keys held.
struct Pointer {
    double x = 0, y = 0;
    bool shift = false;
    bool ctrl = false;
};

class WallTool {
public:
    enum class State { Idle, PointingNote, PointingFrame, PointingEmpty, Dragging, RubberBand, Linking, Resizing };

    WallTool(Editor& editor, const SpatialIndex& index, Selection& selection);

    /// How many wall units one screen pixel is now (for drag thresholds and handle sizes).
    void setPixelSize(double wallUnitsPerPixel) { m_px = wallUnitsPerPixel; }

    void down(const Pointer& p);
    void move(const Pointer& p);
    void up(const Pointer& p);
    void doubleClick(const Pointer& p);
    /// A new note in the free place nearest to (x, y) (its centre) in the quadrant there, straight
    /// into text editing (an edit request); the gesture stays open until the view ends editing.
    std::string newNoteAt(double x, double y);
    /// Escape: a drag or a rubber band or a link in progress is dropped; nothing changes.
    void escape();

    State state() const { return m_state; }
    /// While dragging: how far the selection has moved so far (drawn as a preview, committed on up).
    std::pair<double, double> dragOffset() const { return {m_dx, m_dy}; }
    /// While drawing a selection rectangle: the rectangle.
    Rect rubberBand() const;
    /// While resizing: the note and the size it is being given (drawn as a preview, committed on up).
    const std::string& resizing() const { return m_resizing; }
    std::pair<double, double> resizeSize() const { return {m_resizeW, m_resizeH}; }
    /// The note whose resize grip (its bottom-right corner) is under the pointer (only selected
    /// or hovered notes show one).
    const Note* gripAt(const Pointer& p) const;
    /// While drawing a link: the note it starts from, and the pointer.
    const std::string& linkFrom() const { return m_linkFrom; }
    std::pair<double, double> pointer() const { return {m_last.x, m_last.y}; }

    /// Where a note's link handle is: the middle of its right edge.
    static std::pair<double, double> linkHandle(const Note& n) { return {n.x + n.w, n.y + n.h / 2}; }
    /// The note whose link handle is under the pointer (only selected or hovered notes show one).
    const Note* handleAt(const Pointer& p) const;

    /// The view should open the text editor on this note (a new note, or a double-click).
    std::optional<std::string> takeEditRequest() { return std::exchange(m_editRequest, std::nullopt); }
    /// The view should open the title editor on this insight (a double-click on its frame's title).
    std::optional<std::string> takeTitleEditRequest() { return std::exchange(m_titleEditRequest, std::nullopt); }
    /// The insight frame whose title band is under the pointer (null when none), at this zoom.
    const Insight* frameTitleAt(const Pointer& p) const;
    /// The view should ask which kind of link to make between these two notes.
    std::optional<std::pair<std::string, std::string>> takeLinkRequest() {
        return std::exchange(m_linkRequest, std::nullopt);
    }
    /// Asks for a link between the two selected notes (the L key); false if not exactly two.
    bool requestLinkForSelection();
    /// The note under the pointer at the last move (for hover marks and handles).
    const std::string& hovered() const { return m_hovered; }

private:
    double threshold() const { return 4 * m_px; }
    /// A hovered or selected note on the wall for which `near` holds.
    template <class F>
    const Note* shownHandle(F near) const;

    Editor& m_editor;
    const SpatialIndex& m_index;
    Selection& m_selection;
    State m_state = State::Idle;
    double m_px = 1;
    Pointer m_start, m_last;
    double m_dx = 0, m_dy = 0;
    std::string m_pressed;      // the note pressed in PointingNote
    bool m_pressToggled = false;
    std::string m_linkFrom;
    std::string m_resizing;
    double m_resizeW = 0, m_resizeH = 0;
    std::string m_hovered;
    std::vector<std::string> m_rubberBase;  // the selection a shift-rubber-band adds to
    std::optional<std::string> m_editRequest;
    std::optional<std::string> m_titleEditRequest;
    std::optional<std::pair<std::string, std::string>> m_linkRequest;
};

}  // namespace cc
