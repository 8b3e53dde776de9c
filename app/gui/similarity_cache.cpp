#include "app/gui/similarity_cache.h"

#include "canvas/document.h"

namespace cc::gui {

void SimilarityCache::update(const Document& doc) {
    if (m_doc == &doc && m_revision == doc.revision() && m_index) return;
    if (m_doc == &doc && m_index) {
        // Only notes changed in place since: the index stands while texts and states do.
        Document::NoteUpdates updates;
        bool stands = doc.noteUpdatesSince(m_revision, updates);
        for (const auto& [before, after] : updates)
            if (before.text != after.text || before.state != after.state) stands = false;
        if (stands) {
            m_revision = doc.revision();
            return;
        }
    }
    m_doc = &doc;
    m_revision = doc.revision();
    m_index.emplace(similarity::itemsOf(doc, similarity::Scope::Board));
    ++m_builds;
    m_trayPairs.clear();
    m_allPairs = m_index->duplicates();
    for (const auto& pair : m_allPairs) {
        const Note* a = doc.note(pair.first);
        const Note* b = doc.note(pair.second);
        if ((a && a->state == NoteState::Tray) || (b && b->state == NoteState::Tray)) m_trayPairs.push_back(pair);
    }
}

const similarity::Index& SimilarityCache::board(const Document& doc) {
    update(doc);
    return *m_index;
}

const std::vector<std::pair<std::string, std::string>>& SimilarityCache::trayDuplicates(const Document& doc) {
    update(doc);
    return m_trayPairs;
}

const std::vector<std::pair<std::string, std::string>>& SimilarityCache::allDuplicates(const Document& doc) {
    update(doc);
    return m_allPairs;
}

const std::vector<similarity::Scored>& SimilarityCache::similar(const Document& doc, const std::string& id, std::size_t limit) {
    update(doc);
    if (id != m_similarId || limit != m_similarLimit || m_builds != m_similarBuild) {
        m_similar = m_index->similar(id, limit);
        m_similarId = id;
        m_similarLimit = limit;
        m_similarBuild = m_builds;
    }
    return m_similar;
}

}  // namespace cc::gui
