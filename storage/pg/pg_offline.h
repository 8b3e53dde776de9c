#pragma once
// The offline work of a board on a team server, apart from reading and writing it: whether the
// server is away and when to try it again, the local copy (pg_replica.h) that the board is
// worked on from meanwhile, the outbox of changes made while away and sending them, each exactly
// once, when the server is back, and keeping the copy with what was read and written online.
// PgBoard (pg_board.h) reads and writes the server and tells this what happened.

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>

#include "storage/board_store.h"
#include "storage/pg/pg_replica.h"

namespace cc::pg {

/// Thrown by a commit when the connection broke in the middle of it: the board goes offline.
struct ConnectionLost {};

class OfflineWork {
public:
    /// Works with the local copy at `replicaPath` (none: online only), named for `displayAddress`.
    OfflineWork(std::optional<std::string> replicaPath, std::string displayAddress);

    // --- The copy.
    /// Opens the local copy, creating it when `create`; false when there is none (or it cannot be
    /// kept: no state folder, a full disk), and then the board works online only.
    bool openCopy(bool create);
    /// Stops keeping a local copy (a board opened for reading only sends the outbox, then this).
    void dropCopy() { m_copy.reset(); }
    bool hasCopy() const { return m_copy != nullptr; }

    // --- Away and back.
    bool offline() const { return m_offline; }
    /// The server went away (or could not be reached at opening, `atOpening`: the board was read
    /// from the copy, so everything is read again when it is back).
    void wentAway(bool atOpening = false);
    /// Whether to try the server again now: about once a second.
    bool retryDue();
    /// The server is back: the change-log row to read on from (every row after it is pulled).
    std::int64_t cameBack();

    // --- Reading and writing online.
    /// The board as the copy has it (while away); what reading it repaired goes to `repairs`.
    std::unique_ptr<Document> loadCopy(const SourceKinds& kinds, std::vector<std::string>& repairs);
    /// The board was loaded from the server up to row `newestSeq`: the copy becomes it.
    void loaded(const Document& doc, std::int64_t newestSeq);
    /// A pull read these records up to row `newestSeq`: the copy follows.
    void pulled(const StoredRecords& read, std::int64_t newestSeq);
    /// A change set was committed on the server as `logged`: the copy follows.
    void committed(const ChangeSet& logged);
    /// The newest server row the document and the copy wholly reflect.
    std::int64_t mirroredSeq() const { return m_mirroredSeq; }

    // --- Changes made while away.
    /// Keeps a change for later, under `changeId`; throws BoardError when there is no copy.
    void keep(const std::string& changeId, const ChangeSet& cs);
    /// Sends the outbox, oldest first: `commit` commits one change again under its id (throws
    /// ConnectionLost when the connection breaks, BoardError when the server refuses it), `own`
    /// hears the row of each change this store kept. False when the connection broke.
    bool send(const std::function<std::int64_t(const ChangeSet&, const std::string& changeId)>& commit,
              const std::function<void(std::int64_t seq)>& own);
    /// Changes that wait to be sent.
    std::size_t pending() const;

    /// A line for the status bar ("" when there is nothing to say).
    std::string status() const;

private:
    std::optional<std::string> m_replicaPath;
    std::string m_display;
    std::unique_ptr<Replica> m_copy;
    bool m_offline = false;
    bool m_startedOffline = false;     // loaded from the copy: read everything again when back
    Millis m_nextRetry = 0;
    std::int64_t m_mirroredSeq = 0;    // every row up to this one is in the document and the copy
    std::string m_syncProblem;         // the last offline change the server refused
    std::set<std::string> m_keptHere;  // ids of the changes this store put into the outbox
};

}  // namespace cc::pg
