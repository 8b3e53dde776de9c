#include "board_store.h"

#include "serialize.h"

namespace cc {

void BoardStore::attach(Document& doc) {
    doc.subscribe([this](const ChangeSet& cs) {
        if (cs.source != ChangeSource::Remote) persist(cs);
    });
}

std::size_t BoardStore::pullRemote(Document& doc) {
    m_lastPulled.clear();
    try {
        if (!othersMayHaveCommitted()) return 0;
        // Which records did others touch? The store, not the change sets' "after" records,
        // says how they stand now: it holds every commit in log order, so every process that
        // brings the touched records to it agrees, whatever order it saw the commits in.
        std::set<std::string> notes, links;
        bool board = false;
        std::int64_t newest = m_seenSeq;
        for (LogEntry& e : changeLog(m_seenSeq)) {
            newest = std::max(newest, e.seq);
            if (m_ownSeqs.erase(e.seq)) continue;
            ChangeSet cs;
            try {
                cs = changeSetFromJson(e.payload);
            } catch (const std::exception&) {
                continue;  // an unreadable history row changes nothing here; check reports it
            }
            collectTouched(cs, notes, links);
            board = board || cs.board.has_value();
            m_lastPulled.push_back(LoggedChange{e.seq, std::move(cs)});
        }
        m_seenSeq = newest;
        if (m_lastPulled.empty()) return 0;
        prefetch(notes, links);
        ChangeSet sync;
        sync.source = ChangeSource::Remote;
        sync.time = nowMillis();
        for (const auto& id : notes) {
            const Note* local = doc.note(id);
            std::optional<Note> stored = readNote(id);
            if (stored && local && !(*stored == *local)) sync.notes.updated.emplace_back(*local, *stored);
            else if (stored && !local) sync.notes.added.push_back(*stored);
            else if (!stored && local) {
                sync.notes.removed.push_back(*local);
                for (const auto& linkId : doc.linksOf(id)) links.insert(linkId);
            }
        }
        for (const auto& id : links) {
            const Link* local = doc.link(id);
            std::optional<Link> stored = readLink(id);
            if (stored && local && !(*stored == *local)) sync.links.updated.emplace_back(*local, *stored);
            else if (stored && !local) sync.links.added.push_back(*stored);
            else if (!stored && local) sync.links.removed.push_back(*local);
        }
        if (board) {
            BoardInfo fresh = readBoardInfo();
            if (!(fresh == doc.board())) sync.board = std::make_pair(doc.board(), fresh);
        }
        if (!sync.empty()) doc.apply(sync);
        return m_lastPulled.size();
    } catch (const BoardError&) {
        throw;
    } catch (const std::exception& e) {
        failRead("read other people's changes", e);
    }
}

}  // namespace cc
