#pragma once
// The local copy of a team-server board, for working while the server cannot be reached: a board
// file under $XDG_STATE_HOME/customer-canvas/replicas/ (else ~/.local/state/...), named by a
// hash of the server address (without any password) and the board, holding the board as last
// seen on the server plus the changes made since, and an outbox of those changes, oldest first,
// to send when the server is back. It never holds a password.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/board_file.h"

namespace cc::pg {

/// A change made while the server could not be reached, waiting to be sent.
struct OutboxEntry {
    std::int64_t id = 0;       ///< its place in the outbox
    std::string changeId;      ///< sent with the commit, so it is applied once however often it is sent
    std::string payload;       ///< the change set as JSON
};

class Replica {
public:
    /// Where the replica of `server`/`board` lives (nullopt: no state folder can be found).
    static std::optional<std::string> pathFor(const std::string& server, const std::string& board);
    /// Opens the replica, creating it (and its folder) when `create`; nullptr when there is none
    /// and `create` is false. Throws BoardError when it cannot be opened or made.
    static std::unique_ptr<Replica> open(const std::string& path, const std::string& displayAddress, bool create);

    /// The board as last known (server state and the changes waiting in the outbox).
    std::unique_ptr<Document> load(const SourceKinds& kinds);
    /// What reading the copy repaired (see BoardStore::repairs).
    const std::vector<std::string>& repairs() const { return m_file->repairs(); }
    /// Replaces the copy with the board as just loaded from the server (outbox untouched).
    void replaceWith(const Document& doc, std::int64_t serverSeq);
    /// The newest change-log row of the server that the copy fully reflects.
    std::int64_t serverSeq();
    void setServerSeq(std::int64_t seq);
    /// Brings records to how a pull read them on the server, and notes the server row they
    /// reflect, in one transaction.
    void mirror(const StoredRecords& read, std::int64_t serverSeq);
    /// Applies a committed change set's outcome to the copy.
    void mirrorChange(const ChangeSet& cs);
    /// Keeps a change for later: into the outbox and onto the copy, in one transaction.
    void enqueue(const std::string& changeId, const ChangeSet& cs);
    std::vector<OutboxEntry> outbox();
    std::size_t pending();
    void dequeue(std::int64_t id);

private:
    Replica(std::string path, std::unique_ptr<BoardFile> file, std::unique_ptr<SQLite::Database> db)
        : m_path(std::move(path)), m_file(std::move(file)), m_db(std::move(db)) {}
    void applyOutcome(const ChangeSet& cs);
    [[noreturn]] void fail(const std::string& what, const std::exception& e) const;

    std::string m_path;
    std::unique_ptr<BoardFile> m_file;     // reads the copy and writes it whole, as any board file
    std::unique_ptr<SQLite::Database> m_db;  // the copy's own writes: records as the server has them, the outbox
};

}  // namespace cc::pg
