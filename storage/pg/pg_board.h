#pragma once
// A board on a team server: one PostgreSQL database holds many boards, each row keyed by its
// board's name. Every change set is one transaction that writes the records and appends to the
// board's change log under a lock on the board's row (so log order is commit order), then
// NOTIFYs the board's channel; the other processes LISTEN and pull, as they do on a shared file.
// When the server goes away, the board keeps working on a local copy: that offline work (the
// copy, its outbox, reconnecting) is pg::OfflineWork's (pg_offline.h); this class reads and
// writes the server and keeps the connection.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "storage/board_store.h"
#include "storage/pg/pg_address.h"
#include "storage/pg/pg_conn.h"
#include "storage/pg/pg_offline.h"

namespace cc {

class PgBoard final : public BoardStore {
public:
    /// Opens the board named in `address` (or by `boardName`). Creates or migrates the schema on
    /// first use (ReadWrite only). Throws BoardError with one line naming the address.
    /// `askPassword` is asked when the server wants a password found nowhere else.
    static std::unique_ptr<PgBoard> open(const std::string& address, Mode mode, const std::string& boardName,
                                         const PasswordPrompt& askPassword = {});
    /// Creates a new board (refuses a name already taken) and returns it open for writing.
    static std::unique_ptr<PgBoard> create(const std::string& address, const BoardInfo& board,
                                           const std::string& author, const std::string& boardName,
                                           const PasswordPrompt& askPassword = {});

    std::string address() const override { return m_addr.display; }
    std::string shortName() const override { return m_addr.board; }
    std::string suggestedFolder() const override;
    std::unique_ptr<BoardStore> openAnother(Mode mode) const override;
    std::unique_ptr<Document> load(const SourceKinds& kinds = SourceKinds::builtin()) override;
    std::int64_t persist(const ChangeSet& cs) override;
    std::int64_t lastSequence() override;
    std::vector<LogEntry> changeLog(std::int64_t afterSeq = 0,
                                    std::size_t max = std::numeric_limits<std::size_t>::max()) override;
    std::vector<LogEntry> recentChanges(std::size_t max, const std::string& needle = {}) override;
    std::vector<std::string> integrityProblems() override;
    void writeAll(const Document& doc, const std::vector<LogEntry>& log, const ProgressFn& progress = {}) override;
    void announce(const Presence& me) override;
    std::vector<Presence> others(const std::string& mySession) override;
    void leave(const std::string& session) override;
    bool online() const override;
    std::string connectionStatus() const override;

    /// Changes made while offline that wait to be sent.
    std::size_t pendingChanges();
    /// Deletes the board and everything of it from the server (a copy that failed half-way).
    void dropBoard();
    /// The connection's socket, readable when a notification may have arrived (-1 when offline).
    int socket() const { return m_conn ? m_conn->socket() : -1; }
    /// The name of the board's notification channel.
    const std::string& channel() const { return m_channel; }

protected:
    bool othersMayHaveCommitted() override;
    StoredRecords readRecords(const std::set<std::string>& notes, const std::set<std::string>& links,
                              bool board, const std::set<std::string>& insights = {}) override;
    BoardInfo readBoardInfo() override;
    void pulled(const StoredRecords& read, std::int64_t newestSeq) override;

private:
    PgBoard(pg::ServerAddress addr, Mode mode, std::optional<std::string> password, PasswordPrompt askPassword);
    void connect();
    bool reconnect();
    void goOffline();
    /// Commits one change set with its client id; `again` when it may have been sent before (a
    /// second commit of the same id does nothing and returns the first's row). Throws Lost when
    /// the connection breaks.
    std::int64_t commit(const ChangeSet& cs, const std::string& changeId, bool again);
    /// Sends the outbox, oldest first, until it is empty or the connection breaks.
    void sendOutbox();
    void ensureSchema();
    void requireBoard();
    [[noreturn]] void fail(const std::string& what, const pg::PgError& e);
    pg::Connection& conn();

    pg::ServerAddress m_addr;
    Mode m_mode;
    std::optional<std::string> m_password;  // only when a person typed it; never written anywhere
    PasswordPrompt m_askPassword;
    std::optional<pg::Connection> m_conn;
    std::string m_channel;
    bool m_canAnnounce = true;

    pg::OfflineWork m_work;  // the server away: the local copy, the outbox, reconnecting
};

/// The schema version this program creates on a server.
int currentServerSchemaVersion();

}  // namespace cc
