#include "derived_facts.h"

#include <set>

namespace cc {

const DerivedFacts& DerivedFacts::update(const Document& doc) {
    if (m_doc == &doc && m_revision == doc.revision()) return *this;
    m_doc = &doc;
    m_revision = doc.revision();
    m_corroborated.clear();
    m_contested.clear();
    std::set<std::string> tags, authors;
    for (const auto& [id, n] : doc.notes()) {
        for (const auto& t : n.tags) tags.insert(t);
        if (!n.author.empty()) authors.insert(n.author);
        if (!onWall(n) || doc.linksOf(id).empty()) continue;
        if (isCorroborated(doc, id)) m_corroborated.insert(id);
        if (isContested(doc, id)) m_contested.insert(id);
    }
    m_counts = countBoard(doc);
    m_tags.assign(tags.begin(), tags.end());
    m_authors.assign(authors.begin(), authors.end());
    return *this;
}

}  // namespace cc
