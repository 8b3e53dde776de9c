#pragma once
// The wall in the window: turns mouse and keys into camera moves and WallTool events, draws
// through the WallRenderer, and hosts what only a view can do: the text editor over a note,
// the link-kind chooser and the minimap.

#include <imgui.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/board_session.h"
#include "app/gui/camera.h"
#include "app/gui/wall_renderer.h"
#include "app/gui/wrapped_input.h"
#include "canvas/wall_tool.h"

namespace cc::gui {

class Fonts;

class WallView {
public:
    WallView(BoardSession& session, Fonts& fonts);

    /// Draws the wall into the rest of the current window and handles its input.
    void draw(const Palette& palette, float uiScale, bool chineseBadges, bool showMinimap);

    /// Shows the notes on the wall as large as the view allows (see fitBounds).
    void fitWall() {
        m_fitPending = true;
        m_fitRect.reset();
    }
    /// Shows this part of the wall as large as the view allows (kept while the view is resized).
    void fitTo(const Rect& r) {
        m_fitPending = true;
        m_fitRect = r;
    }
    /// The smallest note title on the wall, in unscaled pixels: readable from the back of a room.
    static constexpr float kTitlePixels = 14;
    /// The smallest size note titles are drawn at, in unscaled pixels (see WallScene::titlePixels).
    void setTitlePixels(float px) { m_titlePixels = px; }
    /// A new note in the free place nearest to the pointer (or the view's centre), in the
    /// quadrant there, opened for typing.
    void newNote();
    /// 100 %: one wall unit per (content-scaled) pixel, around the view's centre.
    void zoomActual() { m_camera.zoom = m_uiScale; }
    /// Centres the view on the middle of the notes on the wall (the bounding box of them all),
    /// or on the wall's middle when none is pinned.
    void centreOnNotes();
    void zoomBy(double factor);
    void panBy(float dx, float dy);
    /// Centres the view on a note and selects it.
    void focusNote(const std::string& id);
    /// Centres the view on a note on the wall, leaving the selection as it is.
    void centreOnNote(const std::string& id);
    /// Opens the text editor on a note.
    void editNote(const std::string& id);
    /// Opens the title editor on an insight's frame (a double-click on its title, a new insight).
    void editInsightTitle(const std::string& id);
    /// A note's text or an insight's title is being typed on the wall.
    bool editing() const { return !m_editing.empty() || !m_titleEditing.empty(); }
    /// The note whose text is being typed (empty when none).
    const std::string& editingId() const { return m_editing; }
    const std::string& editingTitleOf() const { return m_titleEditing; }
    /// Ends text editing now, keeping the text (closing the window, opening another board).
    void commitEditing() {
        if (!m_editing.empty()) finishEditing();
        if (!m_titleEditing.empty()) finishTitle(true);
    }
    /// Escape outside text editing: drops a gesture in progress, else clears the selection.
    void escape();

    const Camera& camera() const { return m_camera; }
    Camera& camera() { return m_camera; }
    /// The zoom a person reads (100 % = one wall unit per content-scaled pixel).
    double zoomPercent() const { return m_camera.zoom / m_uiScale * 100.0; }
    WallTool& tool() { return m_tool; }
    /// The wall point under the mouse (or the view's centre when the mouse is elsewhere).
    std::pair<double, double> pointerOnWall() const;
    const WallStats& stats() const { return m_stats; }
    /// Where the minimap was drawn in the last frame (min, max on screen); none when it was not.
    std::optional<std::pair<ImVec2, ImVec2>> minimapRect() const { return m_minimapRect; }
    /// A message for the status bar (a refused link, say), empty when there is none.
    std::string takeMessage() { return std::exchange(m_message, std::string()); }
    /// The window saw a double-click since the last frame (recognised from press times).
    void setDoubleClick(bool d) { m_doubleClick = d; }
    /// Where the left button went down this frame, from the event stream (the pointer may have
    /// moved on by the time a slow frame runs).
    void setPressPosition(ImVec2 p) { m_pressPos = p; }
    void setReleasePosition(ImVec2 p) { m_releasePos = p; }
    /// Where the notes dragged out of the tray come from (their ids), for drops on the wall.
    void setTraySource(std::function<std::vector<std::string>()> source) { m_traySource = std::move(source); }
    /// Sets the view size before the first frame (screenshot and frames commands).
    void setViewSize(ImVec2 size) { m_viewSize = size; }

private:
    void handleMouse(const ImVec2& centre);
    void drawTextEditor(const ImVec2& centre);
    void finishEditing();
    void drawLinkChooser();
    void drawTitleEditor(const ImVec2& centre);
    /// Ends title editing: keeps the typed title (`keep`) or leaves the insight's as it was.
    void finishTitle(bool keep);
    void drawMinimap(const Palette& palette);
    void drawToolOverlay(ImDrawList* dl, const Palette& palette, const ImVec2& centre);
    Pointer pointerAt(const ImVec2& screen, const ImVec2& centre) const;

    BoardSession& m_s;
    Fonts& m_fonts;
    WallRenderer m_renderer;
    WallTool m_tool;
    Camera m_camera;
    ImVec2 m_origin{0, 0}, m_viewSize{1, 1};
    float m_uiScale = 1;
    bool m_fitPending = true;
    std::optional<Rect> m_fitRect;  // what to fit rather than the notes (a quadrant presented)
    float m_titlePixels = kTitlePixels;
    // The camera as the last fit left it, and the view size it fitted: while the person has not
    // moved the camera since, a view of another size (window resized, a panel opened or closed)
    // is fitted again.
    Camera m_fitCamera;
    ImVec2 m_fitSize{0, 0};
    bool m_panning = false;
    bool m_doubleClick = false;
    std::optional<ImVec2> m_pressPos, m_releasePos;
    std::function<std::vector<std::string>()> m_traySource;
    WallStats m_stats;
    std::string m_message;

    // Text editing.
    std::string m_editing;
    std::string m_editText;
    WrappedInput m_editField;      // the text field, wrapping at the note's width
    std::string m_editBase;        // the note's text when editing began
    Note m_editSnapshot;           // the note as last seen while editing (to bring it back)
    std::vector<Link> m_editLinks; // and its links
    bool m_editIsNew = false;
    int m_editFrames = 0;
    bool m_editActive = false;  // the text field has the keyboard

    // Title editing (an insight's frame).
    std::string m_titleEditing;  // the insight
    std::string m_titleText;
    int m_titleFrames = 0;
    bool m_titleActive = false;
    bool m_titleWhole = true;  // the title is still as it was: typing replaces it (as a rename does)

    // Link-kind chooser.
    std::optional<std::pair<std::string, std::string>> m_linkPending;
    std::string m_linkLabel;
    WrappedInput m_linkLabelField;        // the label, wrapping at the chooser's width
    ImVec2 m_linkAnchor{0, 0};            // where the pointer was when the chooser opened
    ImVec2 m_linkPopupSize{0, 0};         // the chooser's size in its last frame
    bool m_openLinkPopup = false;

    // Minimap: the notes folded into a small grid, rebuilt when the board changes.
    std::uint64_t m_minimapRevision = ~0ull;
    Rect m_minimapBounds;
    std::vector<std::pair<ImVec2, ImU32>> m_minimapDots;
    std::optional<std::pair<ImVec2, ImVec2>> m_minimapRect;
};

}  // namespace cc::gui
