#include "canvas/geometry.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "canvas/document.h"

namespace cc {

Rect Rect::united(const Rect& o) const {
    double l = std::min(x, o.x), t = std::min(y, o.y);
    return {l, t, std::max(right(), o.right()) - l, std::max(bottom(), o.bottom()) - t};
}

int quadrantAt(double x, double y) {
    bool right = x >= 0, bottom = y >= 0;
    return 1 + (right ? 1 : 0) + (bottom ? 2 : 0);
}

int quadrantOf(const Note& n) { return quadrantAt(n.x + n.w / 2, n.y + n.h / 2); }

Rect quadrantRect(const BoardInfo& b, int q) {
    double hw = b.wallWidth / 2, hh = b.wallHeight / 2;
    double x = (q == 2 || q == 4) ? 0 : -hw;
    double y = (q == 3 || q == 4) ? 0 : -hh;
    return {x, y, hw, hh};
}

BoardInfo grownWall(const Document& doc) {
    BoardInfo b = doc.board();
    double hw = b.wallWidth / 2, hh = b.wallHeight / 2;
    for (const auto& [id, n] : doc.notes()) {
        if (n.state == NoteState::Tray) continue;
        const bool top = n.y + n.h / 2 < 0;
        hw = std::max({hw, -n.x + kNoteGap, n.x + n.w + kNoteGap});
        hh = std::max(hh, top ? -n.y + kQuadrantHeader : n.y + n.h + kNoteGap);
    }
    b.wallWidth = std::min(2 * hw, limits::kMaxCoordinate);
    b.wallHeight = std::min(2 * hh, limits::kMaxCoordinate);
    return b;
}

Rect wallBounds(const Document& doc) {
    const BoardInfo b = grownWall(doc);
    return {-b.wallWidth / 2, -b.wallHeight / 2, b.wallWidth, b.wallHeight};
}

std::pair<double, double> freeSpotInQuadrant(const Document& doc, int q, double w, double h) {
    return freeSpotsInQuadrant(doc, q, 1, w, h).front();
}

std::vector<std::pair<double, double>> freeSpotsInQuadrant(const Document& doc, int q, std::size_t count, double w,
                                                           double h) {
    const BoardInfo wall = grownWall(doc);
    const double stepX = w + kNoteGap, stepY = h + kNoteGap;
    std::vector<Rect> notes;
    for (const auto& [id, n] : doc.notes())
        if (n.state != NoteState::Tray && quadrantOf(n) == q) notes.push_back(noteRect(n));
    // The quadrant as it stands, then of a wall a quarter larger each time, until the places
    // are there: a grid of cells from the quadrant's top-left, row by row under its header.
    std::vector<std::pair<double, double>> spots;
    for (double scale = 1;; scale *= 1.25) {
        BoardInfo b = wall;
        b.wallWidth = std::min(wall.wallWidth * scale, limits::kMaxCoordinate);
        b.wallHeight = std::min(wall.wallHeight * scale, limits::kMaxCoordinate);
        const Rect area = quadrantRect(b, q);
        const int cols = std::max(1, static_cast<int>((area.w - kNoteGap) / stepX));
        const int rows = std::max(1, static_cast<int>((area.h - kQuadrantHeader - kNoteGap) / stepY));
        const double x0 = area.x + kNoteGap, y0 = area.y + kQuadrantHeader;
        // Mark the cells that a note overlaps (with the gap around it); the others are free.
        std::unordered_set<long long> taken;
        auto key = [](int r, int c) { return (static_cast<long long>(r) << 32) | static_cast<unsigned>(c); };
        for (const Rect& nr : notes) {
            const int c0 = std::max(0, static_cast<int>(std::floor((nr.x - x0 - w) / stepX)));
            const int c1 = std::min(cols - 1, static_cast<int>(std::floor((nr.right() - x0) / stepX)) + 1);
            const int r0 = std::max(0, static_cast<int>(std::floor((nr.y - y0 - h) / stepY)));
            const int r1 = std::min(rows - 1, static_cast<int>(std::floor((nr.bottom() - y0) / stepY)) + 1);
            for (int r = r0; r <= r1; ++r)
                for (int c = c0; c <= c1; ++c) {
                    const Rect cell{x0 + c * stepX - kNoteGap + 1e-6, y0 + r * stepY - kNoteGap + 1e-6, w + 2 * kNoteGap - 2e-6,
                                    h + 2 * kNoteGap - 2e-6};
                    if (cell.intersects(nr)) taken.insert(key(r, c));
                }
        }
        spots.clear();
        for (int r = 0; r < rows && spots.size() < count; ++r)
            for (int c = 0; c < cols && spots.size() < count; ++c)
                if (!taken.count(key(r, c))) spots.emplace_back(x0 + c * stepX, y0 + r * stepY);
        // Placed ones count as taken for the next: the grid keeps them apart already.
        if (spots.size() >= count || b.wallWidth >= limits::kMaxCoordinate) break;
    }
    // A quadrant of the largest wall holds some 10^8 notes' cells; a board never asks for more.
    // Should one, the last place is given again rather than none (the caller needs `count`).
    while (spots.size() < count) spots.push_back(spots.empty() ? std::pair{0.0, 0.0} : spots.back());
    return spots;
}

}  // namespace cc
