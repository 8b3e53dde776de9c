#include "canvas/spatial_index.h"

#include <algorithm>
#include <cmath>

namespace cc {

SpatialIndex::SpatialIndex(Document& doc, double cellSize) : m_doc(doc), m_cell(cellSize) {
    rebuild();
    m_listener = m_doc.subscribe([this](const ChangeSet& cs) {
        for (const auto& n : cs.notes.removed) erase(n.id);
        for (const auto& [before, after] : cs.notes.updated) {
            erase(before.id);
            insert(after);
        }
        for (const auto& n : cs.notes.added) insert(n);
    });
}

SpatialIndex::~SpatialIndex() { m_doc.unsubscribe(m_listener); }

template <class F>
void SpatialIndex::forCells(const Rect& r, F f) const {
    const int x0 = static_cast<int>(std::floor(r.x / m_cell)), x1 = static_cast<int>(std::floor(r.right() / m_cell));
    const int y0 = static_cast<int>(std::floor(r.y / m_cell)), y1 = static_cast<int>(std::floor(r.bottom() / m_cell));
    for (int cx = x0; cx <= x1; ++cx)
        for (int cy = y0; cy <= y1; ++cy) f(key(cx, cy));
}

void SpatialIndex::insert(const Note& n) {
    if (n.state == NoteState::Tray) return;
    Rect r = noteRect(n);
    m_rects[n.id] = Entry{r, m_doc.note(n.id)};
    forCells(r, [&](Key k) { m_cells[k].push_back(n.id); });
}

void SpatialIndex::erase(const std::string& id) {
    auto it = m_rects.find(id);
    if (it == m_rects.end()) return;
    forCells(it->second.rect, [&](Key k) {
        auto c = m_cells.find(k);
        if (c == m_cells.end()) return;
        auto& v = c->second;
        v.erase(std::remove(v.begin(), v.end(), id), v.end());
        if (v.empty()) m_cells.erase(c);
    });
    m_rects.erase(it);
}

void SpatialIndex::rebuild() {
    m_cells.clear();
    m_rects.clear();
    for (const auto& [id, n] : m_doc.notes()) insert(n);
}

std::vector<const Note*> SpatialIndex::query(const Rect& r) const {
    std::vector<const Note*> out;
    // Whole-wall views touch most cells: then a straight pass over the notes is cheaper.
    const double cells = (r.w / m_cell + 1) * (r.h / m_cell + 1);
    if (cells > static_cast<double>(m_cells.size())) {
        for (const auto& [id, e] : m_rects)
            if (e.rect.intersects(r)) out.push_back(e.note);
        return out;
    }
    if (++m_stamp == 0) {
        m_seen.clear();
        m_stamp = 1;
    }
    forCells(r, [&](Key k) {
        auto c = m_cells.find(k);
        if (c == m_cells.end()) return;
        for (const auto& id : c->second) {
            auto& s = m_seen[id];
            if (s == m_stamp) continue;
            s = m_stamp;
            const Entry& e = m_rects.at(id);
            if (e.rect.intersects(r)) out.push_back(e.note);
        }
    });
    return out;
}

const Note* SpatialIndex::hit(double x, double y) const {
    const Note* best = nullptr;
    for (const Note* n : query(Rect{x, y, 1e-6, 1e-6})) {
        if (!noteRect(*n).contains(x, y)) continue;
        if (!best || n->created > best->created || (n->created == best->created && n->id > best->id)) best = n;
    }
    return best;
}

}  // namespace cc
