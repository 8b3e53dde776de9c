#pragma once
// A uniform grid over the rectangles of the notes on the wall, kept up to date from the
// document's change sets: what is visible, what is under the pointer, without looking at
// every note.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "canvas/document.h"
#include "canvas/geometry.h"

namespace cc {

class SpatialIndex {
public:
    /// Indexes the document's notes and follows its changes until destroyed.
    explicit SpatialIndex(Document& doc, double cellSize = 512);
    ~SpatialIndex();
    SpatialIndex(const SpatialIndex&) = delete;
    SpatialIndex& operator=(const SpatialIndex&) = delete;

    /// Notes on the wall (not in the tray) whose rectangles meet `r`, each once, in no order.
    std::vector<const Note*> query(const Rect& r) const;
    /// The topmost note on the wall under a point (the most recently created), or nullptr.
    const Note* hit(double x, double y) const;
    /// Rebuilds from scratch (after a bulk load).
    void rebuild();
    std::size_t size() const { return m_rects.size(); }

private:
    using Key = std::int64_t;
    struct Entry {
        Rect rect;
        const Note* note;
    };
    void insert(const Note& n);
    void erase(const std::string& id);
    template <class F>
    void forCells(const Rect& r, F f) const;
    static Key key(int cx, int cy) { return (static_cast<Key>(cx) << 32) ^ static_cast<std::uint32_t>(cy); }

    Document& m_doc;
    double m_cell;
    std::size_t m_listener;
    std::unordered_map<Key, std::vector<std::string>> m_cells;
    std::unordered_map<std::string, Entry> m_rects;  // the note pointers stay valid: map nodes do not move
    mutable std::unordered_map<std::string, std::uint32_t> m_seen;
    mutable std::uint32_t m_stamp = 0;
};

}  // namespace cc
