#include "derived_facts.h"

#include <algorithm>
#include <unordered_set>

namespace cc {

const DerivedFacts& DerivedFacts::update(const Document& doc) {
    if (m_doc == &doc && m_revision == doc.revision()) return *this;
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
