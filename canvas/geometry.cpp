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

Rect wallBounds(const Document& doc) {
    const BoardInfo& b = doc.board();
    Rect r{-b.wallWidth / 2, -b.wallHeight / 2, b.wallWidth, b.wallHeight};
    for (const auto& [id, n] : doc.notes())
        if (n.state != NoteState::Tray) r = r.united(noteRect(n));
    return r;
}

std::pair<double, double> freeSpotInQuadrant(const Document& doc, int q, double w, double h) {
    return freeSpotsInQuadrant(doc, q, 1, w, h).front();
}

std::vector<std::pair<double, double>> freeSpotsInQuadrant(const Document& doc, int q, std::size_t count, double w,
                                                           double h) {
    const Rect area = quadrantRect(doc.board(), q);
    const double stepX = w + kNoteGap, stepY = h + kNoteGap;
    const int cols = std::max(1, static_cast<int>((area.w - kNoteGap) / stepX));
    const bool top = q == 1 || q == 2;
    // Row r's y: inside the quadrant first, then outward (upwards for the top quadrants).
    const int rowsInside = std::max(1, static_cast<int>((area.h - kQuadrantHeader - kNoteGap) / stepY));
    auto rowY = [&](int r) {
        if (top) {
            if (r < rowsInside) return area.y + kQuadrantHeader + r * stepY;
            return area.y - (r - rowsInside + 1) * stepY;
        }
        return area.y + kQuadrantHeader + r * stepY;
    };
    auto colX = [&](int c) { return area.x + kNoteGap + c * stepX; };

    // Mark the cells that some note on the wall overlaps; the first unmarked cell wins.
    std::unordered_set<long long> taken;
    auto key = [](int r, int c) { return (static_cast<long long>(r) << 32) | static_cast<unsigned>(c); };
    const double base = area.y + kQuadrantHeader;
    for (const auto& [id, n] : doc.notes()) {
        if (n.state == NoteState::Tray || quadrantOf(n) != q) continue;
        const Rect nr = noteRect(n);
        int c0 = std::max(0, static_cast<int>(std::floor((nr.x - area.x - kNoteGap - w) / stepX)));
        int c1 = std::min(cols - 1, static_cast<int>(std::floor((nr.right() - area.x - kNoteGap) / stepX)));
        auto mark = [&](int r) {
            if (r < 0) return;
            double y = rowY(r);
            if (!(nr.y < y + h && y < nr.bottom())) return;
            for (int c = c0; c <= c1; ++c)
                if (nr.x < colX(c) + w && colX(c) < nr.right()) taken.insert(key(r, c));
        };
        // Rows below the header, counted downwards from it.
        int r0 = static_cast<int>(std::floor((nr.y - h - base) / stepY));
        int r1 = static_cast<int>(std::floor((nr.bottom() - base) / stepY));
        for (int r = std::max(r0, 0); r <= r1; ++r)
            if (!top || r < rowsInside) mark(r);
        if (top) {  // rows above the quadrant, counted upwards: k = r - rowsInside + 1
            int k0 = static_cast<int>(std::floor((area.y - nr.bottom()) / stepY));
            int k1 = static_cast<int>(std::ceil((area.y + h - nr.y) / stepY));
            for (int k = std::max(k0, 1); k <= k1; ++k) mark(rowsInside + k - 1);
        }
    }
    std::vector<std::pair<double, double>> spots;
    spots.reserve(count);
    for (int r = 0; spots.size() < count; ++r)
        for (int c = 0; c < cols && spots.size() < count; ++c)
            if (!taken.count(key(r, c))) spots.emplace_back(colX(c), rowY(r));
    return spots;
}

}  // namespace cc
