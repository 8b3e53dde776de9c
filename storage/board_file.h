#pragma once
// One board is one SQLite file (extension .ccboard). Every change set is committed as it
// happens, in one BEGIN IMMEDIATE transaction that also appends it to the change log.

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "board_error.h"
#include "document.h"
#include "presence.h"

namespace cc {

/// The file extension of a board.
inline constexpr const char* kBoardExtension = ".ccboard";

/// The network file system a path lives on ("NFS", "SMB/CIFS", ...), or nullopt for a local disk.
/// SQLite's locking cannot be trusted there, so boards on one are not opened for editing.
std::optional<std::string> networkFileSystem(const std::string& path);

/// One row of the change log: a committed change set.
struct LogEntry {
    std::int64_t seq = 0;
    std::string author;
    Millis time = 0;
    std::string source;
    std::string payload;  ///< the change set as JSON (see serialize.h)

    bool operator==(const LogEntry&) const = default;
};

class BoardFile {
public:
    enum class Mode { ReadWrite, ReadOnly };

    /// Creates a new board file (refuses to overwrite anything) holding an empty board.
    static std::unique_ptr<BoardFile> create(const std::string& path, const BoardInfo& board,
                                             const std::string& author);
    /// Opens an existing board. Anything that is not a board of this or an older schema is
    /// refused with a BoardError before a single byte of it is written.
    static std::unique_ptr<BoardFile> open(const std::string& path, Mode mode = Mode::ReadWrite);

    const std::string& path() const { return m_path; }
    SQLite::Database& database() { return *m_db; }

    /// Reads the whole board into a new document.
    std::unique_ptr<Document> load(const SourceKinds& kinds = SourceKinds::builtin());
    /// Persists every change set the document applies from now on (except remote ones, which
    /// are already in the file). A failed write makes the document take the change back.
    void attach(Document& doc);
    /// Commits one change set; returns its sequence number in the change log.
    std::int64_t persist(const ChangeSet& cs);

    std::int64_t lastSequence();
    /// The change log after `afterSeq`, oldest first, at most `max` rows.
    std::vector<LogEntry> changeLog(std::int64_t afterSeq = 0,
                                    std::size_t max = std::numeric_limits<std::size_t>::max());
    /// Problems found by SQLite's integrity and foreign-key checks (empty when sound).
    std::vector<std::string> integrityProblems();
    /// Writes a whole document and its change log into this board (which must hold no notes),
    /// in one transaction: for restoring a backup.
    void writeAll(const Document& doc, const std::vector<LogEntry>& log);

    /// Brings a document up to date with what other processes committed since the last call
    /// (or since load): new change-log rows not written through this BoardFile are applied as
    /// one remote change set, which never enters an undo history. Cheap when nothing changed
    /// (one `PRAGMA data_version`). Returns the number of remote change sets seen.
    std::size_t pullRemote(Document& doc);

    /// Announces this window (name, colour, selection, editing) to the others; forgets windows
    /// not heard from for a while. Nothing of it enters the document or its history.
    void announce(const Presence& me);
    /// The other windows heard from within kPresenceTimeout, by name.
    std::vector<Presence> others(const std::string& mySession);
    /// Takes this window's announcement back (the window closes).
    void leave(const std::string& session);

private:
    BoardFile(std::string path, std::unique_ptr<SQLite::Database> db);
    std::optional<Note> readNote(const std::string& id);
    std::optional<Link> readLink(const std::string& id);
    void writeBoard(const BoardInfo& b);

    std::string m_path;
    std::unique_ptr<SQLite::Database> m_db;
    std::int64_t m_seenSeq = -1;        // the newest change-log row this document reflects
    std::int64_t m_dataVersion = -1;
    std::set<std::int64_t> m_ownSeqs;   // rows this BoardFile wrote after m_seenSeq
};

}  // namespace cc
