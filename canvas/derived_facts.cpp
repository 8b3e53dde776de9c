#include "canvas/derived_facts.h"

#include <algorithm>
#include <unordered_set>

namespace cc {

namespace {
/// Whether an update leaves every figure here as it was: counts, corroboration, tags, authors.
bool neutral(const Note& b, const Note& a) {
    return b.state == a.state && b.quadrant == a.quadrant && b.source == a.source && b.data == a.data &&
           b.customerInitiated == a.customerInitiated && b.tags == a.tags && b.author == a.author;
}
}  // namespace

const DerivedFacts& DerivedFacts::update(const Document& doc) {
    if (m_doc == &doc && m_revision == doc.revision()) return *this;
    // Moves within a quadrant and text edits, the most common changes by far, change no figure.
    Document::NoteUpdates updates;
    if (m_doc == &doc && doc.noteUpdatesSince(m_revision, updates) &&
        std::all_of(updates.begin(), updates.end(), [](const auto& u) { return neutral(u.first, u.second); })) {
        m_revision = doc.revision();
        return *this;
    }
    m_doc = &doc;
    m_revision = doc.revision();
    m_corroborated.clear();
    m_contested.clear();
    std::unordered_set<std::string> tags, authors;
    for (const auto& [id, n] : doc.notes()) {
        for (const auto& t : n.tags) tags.insert(t);
        if (!n.author.empty()) authors.insert(n.author);
    }
    m_counts = countBoard(doc, &m_corroborated, &m_contested);
    m_tags.assign(tags.begin(), tags.end());
    m_authors.assign(authors.begin(), authors.end());
    std::sort(m_tags.begin(), m_tags.end());
    std::sort(m_authors.begin(), m_authors.end());
    return *this;
}

}  // namespace cc
