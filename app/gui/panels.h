#pragma once
// The side panels of the window: the inspector of the selected note, the filters and the
// source legend. They draw and forward edits to the editor; they hold no board data.

#include <functional>
#include <string>

#include "app/gui/board_session.h"
#include "app/gui/theme.h"
#include "app/gui/wrapped_input.h"
#include "app/settings.h"

namespace cc::gui {

class WallView;
class Fonts;

class Inspector {
public:
    /// Draws the inspector's content for the current selection.
    void draw(BoardSession& s, WallView& wall, Fonts& fonts, float scale);
    /// Called with a note's id when the person asks for its history.
    std::function<void(const std::string&)> onHistory;
    /// Saves what was typed into the fields and not yet saved (the selection moved on, the
    /// window closes): a field commits when the keyboard leaves it, however it leaves.
    void flush(BoardSession& s);

private:
    void load(const Note& n);
    void follow(const Note& n);
    /// Makes a change; its refusal is shown under the fields, a success clears it.
    void attempt(const std::function<void()>& change);
    void commit(BoardSession& s, const Note& after);
    void commitText(BoardSession& s);
    /// An insight chosen on the wall: its title, statement, quadrant, state, votes, strength
    /// with its reasons, and its evidence (go to each, take one out); Delete insight.
    void drawInsight(BoardSession& s, WallView& wall, Fonts& fonts, float scale, const Insight& i);
    /// Saves the insight's typed title and statement (a blank title is not saved).
    void flushInsight(BoardSession& s);
    void commitInsight(BoardSession& s, const Insight& after);

    // The insight the title and statement buffers were loaded from, and the buffers.
    std::string m_insightId;
    std::string m_title, m_titleBase, m_statement, m_statementBase;
    WrappedInput m_statementField;

    std::string m_id;            // the note the buffers were loaded from
    std::string m_text, m_date, m_tags, m_segment;
    WrappedInput m_textField;    // the note's text, wrapping at the panel's width
    // Each field's value as last loaded or saved: a buffer that differs holds unsaved typing.
    std::string m_textBase, m_dateBase, m_tagsBase, m_segmentBase;
    // Which field had the keyboard in the last frame (it is not refreshed under the typist).
    bool m_textActive = false, m_dateActive = false, m_tagsActive = false, m_segmentActive = false;
    std::string m_error;
};

class FiltersPanel {
public:
    void draw(BoardSession& s, Fonts& fonts, float scale);
    /// Puts the keyboard in the search field on the next frame (Ctrl+F).
    void focusSearch() { m_focusSearch = true; }

    /// How many notes on the wall match the filter (cached per board revision and filter).
    std::pair<int, int> matching(BoardSession& s);

private:
    bool m_focusSearch = false;
    NoteFilter m_countedFilter;
    std::uint64_t m_countedRevision = ~0ull;
    std::pair<int, int> m_counts{0, 0};
};

/// The side panels' widths (unscaled pixels, as a person dragged them) and whether each is
/// folded away; kept in the settings.
struct PanelLayout {
    float leftWidth = 320, inspectorWidth = 340;
    bool leftFolded = false, inspectorFolded = false;

    static PanelLayout fromSettings(const Settings& settings);
    void toSettings(Settings& settings) const;

    /// The width an unfolded panel takes in a window `total` pixels wide (scaled), `open`
    /// panels being shown: as dragged, but never so wide that the wall gets less than 40 % of
    /// the window.
    static float shownWidth(float width, float total, int open, float scale);
    /// The strip on a panel's inner edge (see panelEdge), in scaled pixels.
    static float edgeWidth(float scale) { return 12 * scale; }
};

/// The strip on a side panel's inner edge, `height` high: at its top a button folds the panel
/// away (or brings it back); below it, a grip whose drag changes `width` (unscaled; the panel
/// left of the wall grows to the right, the inspector to the left) from the `shown` width
/// (scaled). True when a person changed either (a fold, or the end of a drag), for the layout
/// to be kept.
bool panelEdge(const char* id, float& width, bool& folded, float shown, bool leftOfWall, float height, float scale);

/// The source legend: the kinds on the board with their colours, the link kinds and the marks.
void drawLegend(BoardSession& s, const Palette& palette, bool chinese, float scale);

}  // namespace cc::gui
