#pragma once
// Where a board lives: a SQLite board file on this machine, or a board on a team server. Both
// keep the same records and the same change log; the rest of the program only sees this interface.

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "storage/board_error.h"
#include "canvas/document.h"
#include "canvas/progress.h"
#include "canvas/presence.h"

namespace cc {

/// Writes every record of `doc`, sorted, through a store's writer `w` (addNote, addLink,
/// addInsight), telling `progress` as it goes (writeAll's first part, on either store).
template <class Writer>
void writeRecords(Writer& w, const Document& doc, const ProgressStage& progress) {
    std::size_t done = 0;
    const std::size_t count = doc.notes().size() + doc.links().size() + doc.insights().size();
    progress.report(0);
    for (const Note* n : doc.sortedNotes()) {
        w.addNote(*n);
        progress.step(++done, count);
    }
    for (const Link* l : doc.sortedLinks()) {
        w.addLink(*l);
        progress.step(++done, count);
    }
    for (const Insight* i : doc.sortedInsights()) {
        w.addInsight(*i);
        progress.step(++done, count);
    }
}

/// A change-log sequence number above this is reported by `check`: no board makes 2^62
/// changes, and at 2^63 - 1 no change can be saved any more.
inline constexpr std::int64_t kSequenceWarning = std::int64_t(1) << 62;

/// One row of the change log: a committed change set.
struct LogEntry {
    std::int64_t seq = 0;
    std::string author;
    Millis time = 0;
    std::string source;
    std::string payload;  ///< the change set as JSON, as stored (copied verbatim by backups and copies)

    bool operator==(const LogEntry&) const = default;
};

/// A row of the change log read as a change set: parsed once, here in storage, its records
/// guarded (see record_guard.h). Nothing above storage/ reads a payload itself.
struct LogChange {
    std::int64_t seq = 0;
    std::string author;
    Millis time = 0;
    std::optional<ChangeSet> change;   ///< nullopt: the row holds no readable change set
    std::string problem;               ///< why not, in one line ("malformed change set: ..."); else empty
    std::vector<std::string> repairs;  ///< what the record guard repaired in its records
};
/// Reads one change-log row; never throws (a bad row comes back with its problem).
LogChange readLogEntry(const LogEntry& e);
/// The readable rows of `rows` as logged changes, oldest first; unreadable ones are left out
/// (`check` reports them).
std::vector<LoggedChange> readableChanges(const std::vector<LogChange>& rows);

/// Records as a store holds them now, by id (nullopt: not there), and the board when it was
/// read: what a pull read.
struct StoredRecords {
    std::map<std::string, std::optional<Note>> notes;
    std::map<std::string, std::optional<Link>> links;
    std::map<std::string, std::optional<Insight>> insights;
    std::optional<BoardInfo> board;
};

class BoardStore {
public:
    enum class Mode { ReadWrite, ReadOnly };

    virtual ~BoardStore() = default;

    /// How the board is named to a person: the file's path, or the server address (without any
    /// password) and the board's name.
    virtual std::string address() const = 0;
    /// A short name for a title bar: the file's name, or the board's name on the server.
    virtual std::string shortName() const = 0;
    /// Where files made from this board (summaries) are suggested: the board file's folder, or
    /// the current folder for a board on a server.
    virtual std::string suggestedFolder() const = 0;

    /// Another connection to the same board (for a worker thread).
    virtual std::unique_ptr<BoardStore> openAnother(Mode mode) const = 0;

    /// Reads the whole board into a new document.
    virtual std::unique_ptr<Document> load(const SourceKinds& kinds = SourceKinds::builtin()) = 0;
    /// Persists every change set the document applies from now on (except remote ones, which
    /// are already stored). A failed write makes the document take the change back.
    void attach(Document& doc);
    /// Commits one change set; returns its sequence number in the change log.
    virtual std::int64_t persist(const ChangeSet& cs) = 0;

    virtual std::int64_t lastSequence() = 0;
    /// The change log after `afterSeq`, oldest first, at most `max` rows.
    virtual std::vector<LogEntry> changeLog(std::int64_t afterSeq = 0,
                                            std::size_t max = std::numeric_limits<std::size_t>::max()) = 0;
    /// The newest `max` rows of the change log whose payload contains `needle` (all rows when
    /// it is empty; a store may also return rows that contain it with other ASCII letter case),
    /// oldest first: for the activity panel and a note's history.
    virtual std::vector<LogEntry> recentChanges(std::size_t max, const std::string& needle = {}) = 0;
    /// changeLog() read as change sets (see LogChange).
    std::vector<LogChange> changes(std::int64_t afterSeq = 0, std::size_t max = std::numeric_limits<std::size_t>::max());
    /// recentChanges() read as change sets (see LogChange).
    std::vector<LogChange> recentChangeSets(std::size_t max, const std::string& needle = {});
    /// Problems found by the store's own consistency checks (empty when sound).
    virtual std::vector<std::string> integrityProblems() = 0;
    /// Everything `check` reports about a board loaded into `doc` (empty when sound): the store's
    /// own checks, what reading repaired, the document's invariants, links that say the same
    /// twice, change-log rows that are not change sets or hold records that break a rule,
    /// notes that no change in the log made, and a sequence number near its 64-bit limit.
    std::vector<std::string> checkBoard(const Document& doc);
    /// Writes a whole document and its change log into this board (which must hold no notes),
    /// in one transaction: for restoring a backup and copying a board. Tells `progress` how far
    /// it is; when that says stop it throws Cancelled and the transaction writes nothing.
    virtual void writeAll(const Document& doc, const std::vector<LogEntry>& log, const ProgressFn& progress = {}) = 0;

    /// Brings a document up to date with what others committed since the last call (or since
    /// load): new change-log rows not written through this store are applied as one remote
    /// change set, which never enters an undo history. Cheap when nothing changed. Returns the
    /// number of remote change sets seen.
    std::size_t pullRemote(Document& doc);
    /// The change-log row of the newest change set written through this store (0 before any).
    std::int64_t lastOwnSequence() const { return m_lastOwnSeq; }
    /// Others' change sets the last pullRemote applied, oldest first.
    const std::vector<LoggedChange>& lastPulled() const { return m_lastPulled; }

    /// Announces this window (name, colour, selection, editing) to the others; forgets windows
    /// not heard from for a while. Nothing of it enters the document or its history.
    virtual void announce(const Presence& me) = 0;
    /// The other windows heard from within kPresenceTimeout, by name.
    virtual std::vector<Presence> others(const std::string& mySession) = 0;
    /// Takes this window's announcement back (the window closes).
    virtual void leave(const std::string& session) = 0;

    /// What reading this board repaired or left out since it was opened (records another program
    /// wrote that break a record rule; see record_guard.h), one line each, oldest first, at most
    /// kMaxRepairLines. Only the document is repaired: reading never writes to the board.
    const std::vector<std::string>& repairs() const { return m_repairs; }
    static constexpr std::size_t kMaxRepairLines = 1000;

    /// Whether the store can reach where the board lives right now (a file always can; a
    /// server may be away, and then edits wait on the local disk).
    virtual bool online() const { return true; }
    /// A line for the status bar about the connection ("" when there is nothing to say).
    virtual std::string connectionStatus() const { return {}; }

protected:
    /// Whether others may have committed since the last call (false only when certainly not).
    virtual bool othersMayHaveCommitted() = 0;
    /// The records with these ids as stored now (nullopt for each one that is not there), and
    /// the board when `board`: what a pull reads, asked for at once so that a store for which
    /// each read is a round trip fetches them together.
    virtual StoredRecords readRecords(const std::set<std::string>& notes, const std::set<std::string>& links,
                                      bool board, const std::set<std::string>& insights = {}) = 0;
    virtual BoardInfo readBoardInfo() = 0;
    /// Told when a pull is done (after othersMayHaveCommitted said yes): everything it read from
    /// the store, and the newest change-log row it reflects.
    virtual void pulled(const StoredRecords& read, std::int64_t newestSeq) {
        (void)read;
        (void)newestSeq;
    }
    /// A document of records as read from the store, guarded first; what was repaired goes to repairs().
    std::unique_ptr<Document> guardedDocument(BoardInfo board, std::vector<Note> notes, std::vector<Link> links,
                                              const SourceKinds& kinds, std::vector<Insight> insights = {});
    /// Adds repair lines noted elsewhere (a local copy read in place of the server).
    void addRepairs(const std::vector<std::string>& lines);
    /// Called after load() and persist(): the newest row reflected, and the rows written here.
    void markLoaded(std::int64_t newestSeq) {
        m_seenSeq = newestSeq;
        m_ownSeqs.clear();
    }
    void markOwn(std::int64_t seq) {
        m_ownSeqs.insert(seq);
        m_lastOwnSeq = seq;
    }
    /// Throws what failed (an English CC_TEMPLATE, "cannot read the board") as a BoardError naming the board.
    [[noreturn]] void failRead(const char* what, const std::exception& e) const {
        throw BoardError(message(CC_TEMPLATE("{1}: {2} ({3})"), {address(), message(what), e.what()}));
    }

private:
    std::int64_t m_seenSeq = -1;       // the newest change-log row the document reflects
    std::set<std::int64_t> m_ownSeqs;  // rows written through this store after m_seenSeq
    std::vector<LoggedChange> m_lastPulled;
    std::int64_t m_lastOwnSeq = 0;
    std::vector<std::string> m_repairs;
};

/// Whether `address` names a board on a team server (pg::isServerAddress: a postgresql:// URI or
/// a libpq keyword/value string).
bool isServerAddress(const std::string& address);

/// Asks a person for the password a team server wants and finds nowhere else (a password file,
/// the environment); nullopt: they declined. The password lives only in memory. Given by the
/// program's edge (the terminal, the window's board dialog); empty: there is nobody to ask.
using PasswordPrompt = std::function<std::optional<std::string>(const std::string& displayAddress)>;

/// Opens a board: a file path, or a server address with the board named by `boardName` or the
/// address's `board` parameter. Throws BoardError with a one-line reason.
std::unique_ptr<BoardStore> openBoard(const std::string& address, BoardStore::Mode mode = BoardStore::Mode::ReadWrite,
                                      const std::string& boardName = {}, const PasswordPrompt& askPassword = {});
/// Creates a board (refusing to overwrite one) and returns it open for writing.
std::unique_ptr<BoardStore> createBoard(const std::string& address, const BoardInfo& board, const std::string& author,
                                        const std::string& boardName = {}, const PasswordPrompt& askPassword = {});

}  // namespace cc
