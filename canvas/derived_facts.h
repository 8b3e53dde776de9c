#pragma once
// The derived facts of a board (corroborated, contested, counts), computed once per document
// revision: a view asks every frame, the work happens only when the board changed.

#include <cstdint>
#include <string>
#include <unordered_set>

#include "canvas/queries.h"

namespace cc {

class DerivedFacts {
public:
    /// Brings the facts up to date with the document (cheap when it has not changed).
    const DerivedFacts& update(const Document& doc);
    bool corroborated(const std::string& id) const { return m_corroborated.count(id) > 0; }
    bool contested(const std::string& id) const { return m_contested.count(id) > 0; }
    const BoardCounts& counts() const { return m_counts; }
    /// Every tag and author on the board, sorted (for the filters panel).
    const std::vector<std::string>& tags() const { return m_tags; }
    const std::vector<std::string>& authors() const { return m_authors; }

private:
    const Document* m_doc = nullptr;
    std::uint64_t m_revision = ~0ull;
    std::unordered_set<std::string> m_corroborated, m_contested;
    BoardCounts m_counts;
    std::vector<std::string> m_tags, m_authors;
};

}  // namespace cc
