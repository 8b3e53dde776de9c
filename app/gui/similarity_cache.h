#pragma once
// The similarity index of a board open in the window (see canvas/similarity.h), shared by the
// tray (near-duplicates) and the inspector (similar notes). Building it costs about 130 ms at
// 10,000 notes, so it is built once and kept while the board's notes keep their texts: changes
// that only move, resize, recolour, tag or vote notes leave it as it is.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "canvas/similarity.h"

namespace cc {
class Document;
}

namespace cc::gui {

class SimilarityCache {
public:
    /// The index over every note in the tray and on the wall (similarity::Scope::Board), as the
    /// board is now.
    const similarity::Index& board(const Document& doc);
    /// The near-duplicate pairs (older, copy) in which at least one note is in the tray, as the
    /// board is now.
    const std::vector<std::pair<std::string, std::string>>& trayDuplicates(const Document& doc);
    /// Every near-duplicate pair (older, copy) on the board, tray and wall, as the board is now.
    const std::vector<std::pair<std::string, std::string>>& allDuplicates(const Document& doc);
    /// The notes most like note `id` (see similarity::Index::similar), kept until the index is
    /// built again or another note is asked about: the inspector asks every frame.
    const std::vector<similarity::Scored>& similar(const Document& doc, const std::string& id, std::size_t limit);
    /// How many times the index was built (for tests: it is not built every frame).
    std::size_t builds() const { return m_builds; }

private:
    /// Brings the index up to the board's revision: built again only when a note was added or
    /// removed, or changed its text or its state (tray, wall, archive).
    void update(const Document& doc);

    const Document* m_doc = nullptr;
    std::uint64_t m_revision = ~0ull;
    std::optional<similarity::Index> m_index;
    std::vector<std::pair<std::string, std::string>> m_trayPairs, m_allPairs;
    std::size_t m_builds = 0;
    std::string m_similarId;
    std::size_t m_similarLimit = 0, m_similarBuild = 0;
    std::vector<similarity::Scored> m_similar;
};

}  // namespace cc::gui
