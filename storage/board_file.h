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

#include "storage/board_store.h"

namespace cc {

/// The file extension of a board.
inline constexpr const char* kBoardExtension = ".ccboard";

/// The network file system a path lives on ("NFS", "SMB/CIFS", ...), or nullopt for a local disk.
/// SQLite's locking cannot be trusted there, so boards on one are not opened for editing.
std::optional<std::string> networkFileSystem(const std::string& path);
/// The network file system `dir` (an absolute folder) lives on according to a mount table in
/// the form of /proc/self/mountinfo: kernel ones (nfs, cifs, ...) and FUSE ones (sshfs, rclone,
/// s3fs, ...), which statfs cannot tell from a local FUSE file system.
std::optional<std::string> networkFileSystemInMountInfo(const std::string& mountinfo, const std::string& dir);

class BoardFile final : public BoardStore {
public:

    /// Creates a new board file (refuses to overwrite anything) holding an empty board.
    static std::unique_ptr<BoardFile> create(const std::string& path, const BoardInfo& board,
                                             const std::string& author);
    /// Opens an existing board. Anything that is not a board of this or an older schema is
    /// refused with a BoardError before a single byte of it is written; the judgement is made
    /// with SQLite's locks held, so a board others are writing is never mistaken for a bad one.
    /// ReadOnly works for any user who may read the file and leaves no -wal or -shm file behind.
    static std::unique_ptr<BoardFile> open(const std::string& path, Mode mode = Mode::ReadWrite);
    ~BoardFile() override;

    const std::string& path() const { return m_path; }
    /// The SQLite connection, for tests that write rows as another program would; the program
    /// itself goes through this class's API.
    SQLite::Database& database() { return *m_db; }

    std::string address() const override { return m_path; }
    std::string shortName() const override;
    std::string suggestedFolder() const override;
    std::unique_ptr<BoardStore> openAnother(Mode mode) const override { return open(m_path, mode); }
    std::unique_ptr<Document> load(const SourceKinds& kinds = SourceKinds::builtin()) override;
    std::int64_t persist(const ChangeSet& cs) override;
    std::int64_t lastSequence() override;
    std::vector<LogEntry> changeLog(std::int64_t afterSeq = 0,
                                    std::size_t max = std::numeric_limits<std::size_t>::max()) override;
    std::vector<LogEntry> recentChanges(std::size_t max, const std::string& needle = {}) override;
    /// SQLite's integrity and foreign-key checks.
    std::vector<std::string> integrityProblems() override;
    void writeAll(const Document& doc, const std::vector<LogEntry>& log, const ProgressFn& progress = {}) override;
    void announce(const Presence& me) override;
    std::vector<Presence> others(const std::string& mySession) override;
    void leave(const std::string& session) override;

protected:
    bool othersMayHaveCommitted() override;
    StoredRecords readRecords(const std::set<std::string>& notes, const std::set<std::string>& links,
                              bool board, const std::set<std::string>& insights = {}) override;
    BoardInfo readBoardInfo() override;

private:
    /// SQLite's SHARED lock, held by hand on a board read as immutable (see openForReading).
    struct FrozenRead;

    BoardFile(std::string path, std::unique_ptr<SQLite::Database> db, std::unique_ptr<FrozenRead> frozen = nullptr);
    /// Opens for reading without leaving a file behind, whoever owns the board and its folder.
    static std::unique_ptr<BoardFile> openForReading(const std::string& path);

    std::string m_path;
    std::unique_ptr<FrozenRead> m_frozen;
    std::unique_ptr<SQLite::Database> m_db;
    std::int64_t m_dataVersion = -1;
};

}  // namespace cc
