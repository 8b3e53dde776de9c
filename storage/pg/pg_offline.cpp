#include "storage/pg/pg_offline.h"

#include "canvas/wording.h"

#include <algorithm>

#include "storage/serialize.h"

namespace cc::pg {

OfflineWork::OfflineWork(std::optional<std::string> replicaPath, std::string displayAddress)
    : m_replicaPath(std::move(replicaPath)), m_display(std::move(displayAddress)) {}

bool OfflineWork::openCopy(bool create) {
    if (!m_replicaPath) return false;
    m_copy = Replica::open(*m_replicaPath, m_display, create);
    return m_copy != nullptr;
}

void OfflineWork::wentAway(bool atOpening) {
    m_offline = true;
    if (atOpening) {
        m_startedOffline = true;
        m_nextRetry = 0;
    } else {
        m_nextRetry = nowMillis() + 500;
    }
}

bool OfflineWork::retryDue() {
    // The window asks ten times a second; the server is tried about once a second.
    const Millis now = nowMillis();
    if (now < m_nextRetry) return false;
    m_nextRetry = now + 1000;
    return true;
}

std::int64_t OfflineWork::cameBack() {
    m_offline = false;
    // Notifications sent while away are lost: the log is read from the newest row this view
    // has wholly (from the start when it opened from the copy, which others' writes to it may
    // have mixed).
    const std::int64_t from = m_startedOffline ? 0 : m_mirroredSeq;
    m_startedOffline = false;
    return from;
}

std::unique_ptr<Document> OfflineWork::loadCopy(const SourceKinds& kinds, std::vector<std::string>& repairs) {
    auto doc = m_copy->load(kinds);
    repairs = m_copy->repairs();
    m_mirroredSeq = m_copy->serverSeq();
    return doc;
}

void OfflineWork::loaded(const Document& doc, std::int64_t newestSeq) {
    m_mirroredSeq = newestSeq;
    m_startedOffline = false;
    if (!m_copy) return;
    try {
        m_copy->replaceWith(doc, newestSeq);
    } catch (const BoardError&) {
        m_copy.reset();  // the copy cannot be kept: work online only
    }
}

void OfflineWork::pulled(const StoredRecords& read, std::int64_t newestSeq) {
    const std::int64_t seq = std::max(newestSeq, m_mirroredSeq);
    if (m_copy) {
        try {
            m_copy->mirror(read, seq);
        } catch (const BoardError&) {
            // The copy is a cache: the next load writes it whole again.
        }
    }
    m_mirroredSeq = seq;
}

void OfflineWork::committed(const ChangeSet& logged) {
    if (!m_copy) return;
    try {
        m_copy->mirrorChange(logged);
    } catch (const BoardError&) {
        // The copy is a cache: the next load writes it whole again.
    }
}

void OfflineWork::keep(const std::string& changeId, const ChangeSet& cs) {
    if (!m_copy) throw BoardError(message(CC_TEMPLATE("{1}: the change was not saved: the server cannot be reached"), {m_display}));
    m_copy->enqueue(changeId, cs);
    m_keptHere.insert(changeId);
}

bool OfflineWork::send(const std::function<std::int64_t(const ChangeSet&, const std::string&)>& commit,
                       const std::function<void(std::int64_t)>& own) {
    if (!m_copy) return true;
    std::vector<OutboxEntry> entries;
    try {
        entries = m_copy->outbox();
    } catch (const BoardError&) {
        return true;  // the copy is busy (another program on this computer): sent next time
    }
    for (const OutboxEntry& e : entries) {
        ChangeSet cs;
        try {
            cs = changeSetFromJson(e.payload);
        } catch (const std::exception&) {
            try {
                m_copy->dequeue(e.id);  // cannot be read back: nothing to send
            } catch (const BoardError&) {
            }
            continue;
        }
        try {
            const std::int64_t seq = commit(cs, e.changeId);
            // Another program on this computer may have kept this one (the copy is shared): only
            // this store's own changes are in its document already; the others' are pulled.
            if (m_keptHere.erase(e.changeId)) own(seq);
        } catch (const ConnectionLost&) {
            return false;
        } catch (const BoardError& err) {
            // Refused as it would have been online (a note deleted by someone else meanwhile):
            // said in the status line; the document follows the server at the next pull.
            m_syncProblem = err.what();
        }
        try {
            m_copy->dequeue(e.id);
        } catch (const BoardError&) {
            return true;  // still in the outbox: sent again, and recognised as sent, next time
        }
    }
    return true;
}

std::size_t OfflineWork::pending() const {
    if (!m_copy) return 0;
    try {
        return m_copy->pending();
    } catch (const BoardError&) {
        return 0;
    }
}

std::string OfflineWork::status() const {
    if (m_offline) {
        const std::size_t waiting = pending();
        if (!waiting) return message(CC_TEMPLATE("offline: the server cannot be reached; changes are kept on this computer"));
        return messageCount("offline: the server cannot be reached; {1} change kept on this computer, sent when it is back",
                            "offline: the server cannot be reached; {1} changes kept on this computer, sent when it is back",
                            waiting, {std::to_string(waiting)});
    }
    if (!m_syncProblem.empty()) return message(CC_TEMPLATE("a change made offline was not sent: {1}"), {m_syncProblem});
    return {};
}

}  // namespace cc::pg
