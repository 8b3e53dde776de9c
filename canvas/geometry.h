#pragma once
// The wall's geometry: four quadrants around (0,0), quadrant 1 top-left, 2 top-right,
// 3 bottom-left, 4 bottom-right. Wall units; y grows downwards.

#include <utility>
#include <vector>

#include "canvas/model.h"

namespace cc {

class Document;

/// An axis-aligned rectangle (top-left corner and size).
struct Rect {
    double x = 0, y = 0, w = 0, h = 0;

    double right() const { return x + w; }
    double bottom() const { return y + h; }
    bool intersects(const Rect& o) const {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
    bool contains(double px, double py) const { return px >= x && px < right() && py >= y && py < bottom(); }
    /// The smallest rectangle holding both.
    Rect united(const Rect& o) const;
};

inline constexpr double kNoteWidth = 240;
inline constexpr double kNoteHeight = 150;
inline constexpr double kDefaultWallWidth = 3600;
inline constexpr double kDefaultWallHeight = 2200;
/// Room at the top of each quadrant for its title and description.
inline constexpr double kQuadrantHeader = 150;
inline constexpr double kNoteGap = 24;

/// The quadrant (1-4) that the point falls in.
int quadrantAt(double x, double y);
/// The quadrant that a note's centre falls in.
int quadrantOf(const Note& n);
/// A note's rectangle.
inline Rect noteRect(const Note& n) { return {n.x, n.y, n.w, n.h}; }
/// The nominal rectangle of quadrant q (1-4) on the board's wall.
Rect quadrantRect(const BoardInfo& b, int q);
/// The board with its wall as it stands: the nominal size, grown evenly about the centre where
/// notes lie beyond it (a kNoteGap around each note, and a quadrant's header above the top
/// quadrants' notes), so that every note on the wall is inside its quadrant. The wall, its
/// quadrants and the free places are all measured on this.
BoardInfo grownWall(const Document& doc);
/// The wall as it stands (grownWall's), what "fit wall" shows.
Rect wallBounds(const Document& doc);
/// A free place for a w×h note in quadrant q: the first free cell of a grid that fills the
/// quadrant row by row and, when it is full, a quadrant of a wall a quarter larger each time
/// (the wall grows with the notes placed there: grownWall).
std::pair<double, double> freeSpotInQuadrant(const Document& doc, int q, double w = kNoteWidth,
                                             double h = kNoteHeight);
/// The first `count` free places in quadrant q, in filling order (for placing many notes at once).
std::vector<std::pair<double, double>> freeSpotsInQuadrant(const Document& doc, int q, std::size_t count,
                                                           double w = kNoteWidth, double h = kNoteHeight);

}  // namespace cc
