#pragma once
// The tray: candidate notes from imports, waiting to be placed. Drag one or a selection onto the
// wall to pin it there, pin everything to a quadrant, or discard what is not worth keeping.
// Above the list, help to sort them (canvas/similarity.h): the near-duplicates among them (merge
// the copy into the older note, or dismiss the pair), and suggested groups (make one an insight,
// its title edited first, or dismiss it).

#include <set>
#include <string>
#include <string_view>
#include <utility>
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
    /// "Near-duplicates (N)": pairs with a note in the tray, each with Merge and Not duplicates.
    void drawDuplicates(BoardSession& s, Fonts& fonts);
    /// The groups suggested (after Suggest groups): title field, notes, Make insight and Dismiss.
    void drawSuggestions(BoardSession& s, Fonts& fonts);
    /// The height the two above want (0: nothing to show); drops the suggested notes gone since.
    float sortingHeight(BoardSession& s);

    /// A suggested group as shown: its title as edited, its notes.
    struct Suggestion {
        std::string title;
        std::vector<std::string> notes;
    };

    const Document* m_sortingDoc = nullptr;  // the board the two below belong to
    std::set<std::pair<std::string, std::string>> m_notDuplicates;  // dismissed for this session
    std::vector<Suggestion> m_suggestions;
    bool m_suggested = false;  // Suggest groups was pressed (an empty list says "none found")
    std::vector<std::string> m_selected;
    std::vector<const Note*> m_tray;  // the tray in creation order, rebuilt when the board changes
    const Document* m_trayDoc = nullptr;
    std::uint64_t m_trayRevision = ~0ull;
    int m_anchor = -1;  // for shift-click ranges
    std::string m_error;
};

}  // namespace cc::gui
