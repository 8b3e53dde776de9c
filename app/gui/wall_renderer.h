#pragma once
// Drawing the wall, after Tracy: compute first (what is visible, at which level of detail),
// draw second (plain draw-list calls). Cost follows what is visible, not what exists:
//  - notes come from the spatial index for the view rectangle;
//  - a note drawn a few pixels high is a plain rectangle, below two pixels notes fold into
//    marks (one per 3×3-pixel cell);
//  - links are culled by their bounding boxes through a grid rebuilt only when the board changes;
//  - per-note facts (colour, title, initials, filter match) are cached per document revision.
// Used by the window, the `screenshot` and `frames` commands and the headless frame benchmark.

#include <imgui.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/gui/camera.h"
#include "canvas/derived_facts.h"
#include "canvas/evidence_strength.h"
#include "canvas/note_filter.h"
#include "canvas/presence.h"
#include "canvas/selection.h"
#include "canvas/spatial_index.h"
#include "app/gui/theme.h"

namespace cc::gui {

class Fonts;

/// Everything one frame of the wall depends on.
struct WallScene {
    const Document* doc = nullptr;
    const SpatialIndex* index = nullptr;
    const DerivedFacts* facts = nullptr;
    const Fonts* fonts = nullptr;
    const Palette* palette = nullptr;
    Camera camera;
    ImVec2 origin{0, 0}, size{0, 0};   ///< the view rectangle on screen
    const Selection* selection = nullptr;
    const NoteFilter* filter = nullptr;
    double dragDx = 0, dragDy = 0;     ///< preview offset of the selected notes during a drag
    std::string resizing;              ///< note being resized (drawn at resizeW × resizeH)
    double resizeW = 0, resizeH = 0;
    /// The smallest size a note's title is drawn at, in pixels: a card whose title would be
    /// smaller (the wall seen from afar) shows only its title, at this size (a title card).
    float titlePixels = 14;  // WallView::kTitlePixels, scaled
    std::string hovered;               ///< note under the pointer
    std::string editing;               ///< note whose text is being edited (its text is not drawn)
    std::string editingInsight;        ///< insight whose title is being edited (not drawn)
    std::string linkHandleOf;          ///< note that shows its link handle
    bool chineseBadges = false;        ///< source badges in Chinese rather than English
    const std::vector<Presence>* others = nullptr;  ///< other windows: their selections and edits
    float uiScale = 1;                 ///< the monitor's content scale
};

/// What a frame drew, for tests and benchmarks.
struct WallStats {
    int visible = 0, cards = 0, plain = 0, marks = 0, links = 0;
    int frames = 0;              ///< insight frames drawn
    int titleCards = 0;          ///< cards drawn as their title alone, at the scene's titlePixels
    int titles = 0;              ///< cards whose title was drawn
    float smallestTitle = 0;     ///< the smallest title size drawn, in pixels (0: none drawn)
};

/// What "fit wall" shows of a board: for quadrant q (1-4), its part of the wall from its top
/// down to below its lowest note (at least its header and a row of notes), joined with the
/// notes of that quadrant that lie beyond it; for q = 0 the four of them. A board without
/// notes on the wall shows its whole nominal wall.
Rect fitBounds(const Document& doc, int q = 0);
/// The same, on the wall `wall` (grownWall(doc)) already measured.
Rect fitBounds(const Document& doc, const BoardInfo& wall, int q = 0);

class WallRenderer {
public:
    /// Draws the wall into a draw list, clipped to the scene's view rectangle.
    WallStats draw(ImDrawList* dl, const WallScene& s);
    /// Where a note is drawn on screen (with the drag preview applied).
    static Rect noteWallRect(const Note& n, const WallScene& s);
    /// The wall's bounds (the nominal wall and every note) as of the last frame.
    const Rect& wallBoundsCached() const { return m_wallBounds; }
    /// The board with its wall as drawn (grownWall), as of the last frame.
    const BoardInfo& wallCached() const { return m_wall; }
    /// fitBounds of the board as of the last frame.
    const Rect& fitBoundsCached() const { return m_fitBounds; }

private:
    /// What a frame needs of a note, computed once per document revision, so that drawing the
    /// whole wall walks one array instead of looking notes up by id.
    struct CachedNote {
        const Note* note = nullptr;
        Rect rect;
        ImU32 fill = 0;
        std::string title, body, initials, badge;
        bool matches = true;
        bool selected = false;
    };
    struct CachedLink {
        const Link* link;
        std::uint32_t a, b;  // slots of its notes
    };
    void refresh(const WallScene& s);
    /// Measures the wall, its bounds and what "fit wall" shows, after the notes changed.
    void refreshWall(const Document& doc);
    /// Brings the caches up to date after notes changed in place; false when that is not
    /// enough (a note came onto or left the wall) and they must be rebuilt.
    bool refreshInPlace(const WallScene& s, const Document::NoteUpdates& updates);
    void fill(CachedNote& c, const Note& n, const WallScene& s) const;
    /// Adds a link to (or removes it from) the grid cells of its bounding box.
    void bucket(std::uint32_t link, bool add);
    void drawQuadrants(ImDrawList* dl, const WallScene& s);
    void drawLinks(ImDrawList* dl, const WallScene& s, const Rect& view, bool whole, bool detailed, WallStats& st);
    void drawCard(ImDrawList* dl, const WallScene& s, const CachedNote& c, const Rect& r, WallStats& st);
    void drawOthers(ImDrawList* dl, const WallScene& s);
    /// The insights' frames around their notes (behind the notes), with title and strength.
    void drawFrames(ImDrawList* dl, const WallScene& s, const Rect& view, WallStats& st);
    Rect placed(const CachedNote& c, const WallScene& s) const {
        if (!s.resizing.empty() && c.note->id == s.resizing) return {c.rect.x, c.rect.y, s.resizeW, s.resizeH};
        if (!c.selected || (s.dragDx == 0 && s.dragDy == 0)) return c.rect;
        return {c.rect.x + s.dragDx, c.rect.y + s.dragDy, c.rect.w, c.rect.h};
    }
    /// A card too small on screen for its title at the scene's titlePixels: the title alone.
    void drawTitleCard(ImDrawList* dl, const WallScene& s, const CachedNote& c, const ImVec2& a, const ImVec2& b,
                       WallStats& st);

    // Per document revision (and filter, theme, badge language, selection).
    const Document* m_doc = nullptr;
    std::uint64_t m_revision = ~0ull, m_selectionRevision = ~0ull;
    const Selection* m_selection = nullptr;
    NoteFilter m_filter;
    const Palette* m_palette = nullptr;
    bool m_chinese = false;
    std::vector<CachedNote> m_notes;
    std::unordered_map<const Note*, std::uint32_t> m_slot;
    std::vector<CachedLink> m_links;
    Rect m_wallBounds, m_fitBounds;
    BoardInfo m_wall;
    // Links by grid cell of their bounding boxes (indices into m_links).
    double m_linkCell = 2048;
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> m_linkGrid;
    static constexpr double kMaxLinkCells = 256;
    std::vector<std::uint32_t> m_longLinks;  // links spanning more cells than that, in index order
    std::unordered_map<const Link*, std::uint32_t> m_linkSlot;  // link -> index in m_links
    std::vector<std::uint32_t> m_linkSeen;
    std::uint32_t m_linkStamp = 0;
    std::vector<std::uint32_t> m_markGrid;  // folded marks: which 3×3-pixel cells are taken
    std::uint32_t m_markStamp = 0;
    std::vector<std::uint32_t> m_visible;   // slots drawn this frame
    // The insights' grades, per document revision.
    std::uint64_t m_gradesRevision = ~0ull;
    std::unordered_map<std::string, StrengthGrade> m_grades;
};

}  // namespace cc::gui
