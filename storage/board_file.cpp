#include "storage/board_file.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>
#include <unordered_map>

#include "storage/migrations.h"
#include "storage/record_rows.h"
#include "canvas/record_guard.h"
#include "canvas/wording.h"
#include "storage/serialize.h"

namespace cc {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& reason) {
    throw BoardError(message(CC_TEMPLATE("{1}: {2}"), {path, reason}));
}

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// Judging a board. While other processes commit, close and checkpoint, the file's header, its
// size and whether a -wal file exists change under anyone who looks at them one at a time, so a
// sound board is judged only with SQLite's own locks held: inside a read transaction, or from
// the error SQLite gave. The bytes are read afterwards, only to say in words why SQLite refused.

/// What needs no lock to see: the file is there, is a regular file with bytes in it, and this
/// user may read it. A sound board never stops being any of these.
void checkReadableFile(const std::string& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) fail(path, message(CC_TEMPLATE("no such file")));
        fail(path, message(CC_TEMPLATE("cannot be reached ({1})"), {std::strerror(errno)}));
    }
    if (!S_ISREG(st.st_mode)) fail(path, message(CC_TEMPLATE("not a regular file")));
    if (st.st_size == 0) fail(path, message(CC_TEMPLATE("the file is empty, not a board")));
    if (::faccessat(AT_FDCWD, path.c_str(), R_OK, AT_EACCESS) != 0) fail(path, message(CC_TEMPLATE("cannot be read (permission denied)")));
}

/// Whether this process may write `p`, judged as open() would (effective user and groups).
bool mayWrite(const std::string& p) { return ::faccessat(AT_FDCWD, p.c_str(), W_OK, AT_EACCESS) == 0; }

bool exists(const std::string& p) {
    struct stat st{};
    return ::lstat(p.c_str(), &st) == 0;
}

std::string folderOf(const std::string& path) {
    const auto dir = std::filesystem::path(path).parent_path();
    return dir.empty() ? std::string(".") : dir.string();
}

/// Whether a -wal file next to `path` holds frames (more than its 32-byte header).
bool walHasFrames(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path + "-wal", ec);
    return !ec && size > 32;
}

/// Why SQLite could not read `path`, in words a person understands: a text file, a truncated
/// board, ... Asked only after SQLite itself failed; never a reason to refuse by itself.
std::string unreadableReason(const std::string& path, const std::string& sqliteMessage) {
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 100> h{};
    in.read(reinterpret_cast<char*>(h.data()), h.size());
    static const char kMagic[] = "SQLite format 3";
    if (in.gcount() < 100 || std::memcmp(h.data(), kMagic, 16) != 0)
        return message(CC_TEMPLATE("not a Customer Canvas board (not an SQLite database)"));
    std::uint32_t pageSize = (std::uint32_t(h[16]) << 8) | h[17];
    if (pageSize == 1) pageSize = 65536;
    const std::uint32_t pages = be32(&h[28]);
    const bool countValid = be32(&h[92]) == be32(&h[24]) && pages != 0;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    // With WAL frames next to it the main file may be shorter than its header says and still
    // sound (a checkpoint cut short by a crash): the missing pages are in the WAL.
    if (!ec && countValid && !walHasFrames(path) && std::uint64_t(pageSize) * pages > size)
        return message(CC_TEMPLATE("the board is truncated ({1} of {2} bytes)"),
                       {std::to_string(size), std::to_string(std::uint64_t(pageSize) * pages)});
    return message(CC_TEMPLATE("not a readable board ({1})"), {sqliteMessage});
}

/// A board that could not be opened for want of disk space: reading it may still work.
struct DiskFull : BoardError {
    using BoardError::BoardError;
};

/// The reason to give when SQLite failed because the disk is full, naming the file it could not
/// grow; nullopt for any other failure. `systemErrno` is sqlite3_system_errno() of the connection.
std::optional<std::string> diskFullReason(const std::string& path, const SQLite::Exception& e, int systemErrno) {
    if (e.getErrorCode() != SQLITE_FULL && systemErrno != ENOSPC && systemErrno != EDQUOT) return std::nullopt;
    const int ext = e.getExtendedErrorCode();
    const bool shm = ext == SQLITE_IOERR_SHMSIZE || ext == SQLITE_IOERR_SHMOPEN || ext == SQLITE_IOERR_SHMMAP;
    return shm ? message(CC_TEMPLATE("the disk is full (no room to write {1}-shm); free some space and try again"), {path})
               : message(CC_TEMPLATE("the disk is full (no room to write {1} or its -wal file); free some space and try again"), {path});
}

/// A URI for `path` with one query parameter: SQLite takes a plain path for everything else.
std::string uriWith(const std::string& path, const char* parameter) {
    std::string uri = path.rfind('/', 0) == 0 ? "file://" : "file:";
    for (char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
            uri += buf;
        } else {
            uri += c;
        }
    }
    return uri + "?" + parameter;
}

/// How a connection reaches the board file.
enum class Reach {
    Write,     ///< as SQLite normally does: its locks, and -wal/-shm files it removes again on closing
    Existing,  ///< read-only through the -wal and -shm files already there; creates neither
    Frozen,    ///< immutable: no locks and no files; only while no writer can be at work (see below)
};

std::unique_ptr<SQLite::Database> connect(const std::string& path, Reach reach) {
    switch (reach) {
        case Reach::Write: return std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE);
        case Reach::Existing:
            return std::make_unique<SQLite::Database>(uriWith(path, "readonly_shm=1"),
                                                      SQLite::OPEN_READONLY | SQLite::OPEN_URI);
        case Reach::Frozen:
            return std::make_unique<SQLite::Database>(uriWith(path, "immutable=1"),
                                                      SQLite::OPEN_READONLY | SQLite::OPEN_URI);
    }
    return nullptr;
}

/// What makes the open database no board this program reads, or nullopt when it is one.
std::optional<std::string> identityProblem(SQLite::Database& db) {
    const int appId = db.execAndGet("PRAGMA application_id").getInt();
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    if (appId != kBoardApplicationId) {
        const int tables = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
        return tables == 0 ? message(CC_TEMPLATE("an empty SQLite database, not a Customer Canvas board"))
                           : message(CC_TEMPLATE("an SQLite database of another program, not a Customer Canvas board"));
    }
    if (version > currentSchemaVersion())
        return message(CC_TEMPLATE("written by a newer Customer Canvas (board schema {1}, this program reads up to {2}); update the program"),
                       {std::to_string(version), std::to_string(currentSchemaVersion())});
    if (version < 1) return message(CC_TEMPLATE("a board without a schema (user_version 0)"));
    return std::nullopt;
}

/// Closes the connection to a refused file without writing to it. SQLite checkpoints when its
/// last connection closes, which would copy someone else's WAL frames into their file; with an
/// empty WAL (one this connection made) it writes nothing and removes the -wal and -shm again.
void closeRefused(const std::string& path, std::unique_ptr<SQLite::Database> db) {
    if (db && walHasFrames(path)) sqlite3_db_config(db->getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    db.reset();
}

// The bytes SQLite's unix VFS locks for a SHARED lock (a read lock on them) and an EXCLUSIVE
// one (a write lock): every connection holds SHARED while it has a WAL-mode board open.
constexpr off_t kSharedFirst = 0x40000000 + 2;  // PENDING_BYTE + 2
constexpr off_t kSharedSize = 510;

/// Removes an empty -wal file and the -shm beside it when no connection has the board open, as
/// SQLite's last connection does on closing: for when a connection could not set up its -shm (a
/// full disk) and so could not clean up after itself. No connection is open while SQLite's
/// EXCLUSIVE lock can be had.
void removeUnusedSideFiles(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return;
    struct flock lock{};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = kSharedFirst;
    lock.l_len = kSharedSize;
    std::error_code ec;
    if (::fcntl(fd, F_SETLK, &lock) == 0 && std::filesystem::file_size(path + "-wal", ec) == 0 && !ec) {
        std::remove((path + "-wal").c_str());
        std::remove((path + "-shm").c_str());
    }
    ::close(fd);
}

/// Opens `path` as `reach` says and judges it in a read transaction, with SQLite's locks held:
/// a board of this or an older schema comes back open; anything else is refused with a reason
/// (a DiskFull when the disk is full) and closed without a byte of it written.
std::unique_ptr<SQLite::Database> openJudged(const std::string& path, Reach reach, bool queryOnly) {
    std::unique_ptr<SQLite::Database> db;
    std::optional<std::string> problem;
    try {
        db = connect(path, reach);
        db->setBusyTimeout(10000);
        if (queryOnly) db->exec("PRAGMA query_only = ON");
        SQLite::Transaction tx(*db, SQLite::TransactionBehavior::DEFERRED);
        problem = identityProblem(*db);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        const int systemErrno = db ? sqlite3_system_errno(db->getHandle()) : 0;
        closeRefused(path, std::move(db));
        if (auto full = diskFullReason(path, e, systemErrno)) {
            if (reach == Reach::Write) removeUnusedSideFiles(path);
            throw DiskFull(message(CC_TEMPLATE("{1}: {2}"), {path, *full}));
        }
        fail(path, unreadableReason(path, e.what()));
    }
    if (!problem) return db;
    closeRefused(path, std::move(db));
    fail(path, *problem);
}

/// Refuses to write a board whose -wal or -shm file this user may not write (left by a read
/// as another user, say): SQLite would open it read-only and fail every change.
void refuseForeignSideFiles(const std::string& path) {
    for (const char* suffix : {"-wal", "-shm"}) {
        const std::string side = path + suffix;
        // Only a file there and not writable (EACCES) counts: a -wal that another process's
        // checkpoint removes between two looks is the usual case under load, not a refusal.
        if (::faccessat(AT_FDCWD, side.c_str(), W_OK, AT_EACCESS) == 0 || errno != EACCES) continue;
        struct stat st{};
        if (::stat(side.c_str(), &st) != 0) continue;
        const passwd* owner = ::getpwuid(st.st_uid);
        const std::string who = owner ? std::string(owner->pw_name) : message(CC_TEMPLATE("user {1}"), {std::to_string(st.st_uid)});
        // A -shm file is an index SQLite rebuilds, and an empty -wal holds nothing; a -wal
        // with bytes in it may hold committed changes that only a checkpoint may remove.
        const bool holdsChanges = std::string(suffix) == "-wal" && st.st_size > 0;
        fail(path, holdsChanges ? message(CC_TEMPLATE("{1} belongs to {2} and this user may not write it, so no change could be saved; "
                                                      "have {2} or an administrator open the board once to fold it in"), {side, who})
                                : message(CC_TEMPLATE("{1} belongs to {2} and this user may not write it, so no change could be saved; "
                                                      "remove it while nobody has the board open (it holds no changes)"), {side, who}));
    }
}

void configure(SQLite::Database& db, bool writable) {
    db.setBusyTimeout(10000);
    db.exec("PRAGMA foreign_keys = ON");
    if (writable) {
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
    }
}

/// Whether the board has the insight table: a board of schema 2 opened for reading only is not
/// migrated, and holds no insights.
bool hasInsights(SQLite::Database& db) {
    return db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'insight'").getInt() > 0;
}

/// A record an update names is no longer in the file: someone else deleted it meanwhile.
struct Gone {};

/// The prepared statements one write transaction uses, made once per transaction.
struct Writer final : rows::RecordWriter {
    explicit Writer(SQLite::Database& db)
        : m_db(db),
          insertNote(db, rows::noteSql(rows::Dialect::Sqlite).insert),
          updateNote(db, rows::noteSql(rows::Dialect::Sqlite).update),
          deleteNote(db, rows::noteSql(rows::Dialect::Sqlite).remove),
          insertTag(db, "INSERT INTO note_tag (note_id, tag) VALUES (?, ?)"),
          deleteTags(db, "DELETE FROM note_tag WHERE note_id = ?"),
          insertLink(db, rows::linkSql(rows::Dialect::Sqlite).insert),
          updateLink(db, rows::linkSql(rows::Dialect::Sqlite).update),
          deleteLink(db, rows::linkSql(rows::Dialect::Sqlite).remove),
          insertInsight(db, rows::insightSql(rows::Dialect::Sqlite).insert),
          updateInsight(db, rows::insightSql(rows::Dialect::Sqlite).update),
          deleteInsight(db, rows::insightSql(rows::Dialect::Sqlite).remove),
          insertLog(db, "INSERT INTO change_log (author, time, source, payload) VALUES (?, ?, ?, ?)") {}

    void run(SQLite::Statement& st) {
        st.exec();
        st.reset();
        st.clearBindings();
    }
    void tags(const Note& n) {
        for (const auto& t : n.tags) {
            insertTag.bind(1, n.id);
            insertTag.bind(2, t);
            run(insertTag);
        }
    }
    std::vector<Link> linksOf(const std::string& noteId) override {
        if (!linksAt) linksAt.emplace(m_db, rows::linkSql(rows::Dialect::Sqlite).select + " WHERE from_id = ?1 OR to_id = ?1");
        std::vector<Link> out;
        linksAt->bind(1, noteId);
        while (linksAt->executeStep()) out.push_back(rows::linkFromRow(*linksAt));
        linksAt->reset();
        return out;
    }
    void addNote(const Note& n) override {
        rows::bind(insertNote, n);
        run(insertNote);
        tags(n);
    }
    void changeNote(const Note& before, const Note& after) override {
        rows::bind(updateNote, after);
        const int changed = updateNote.exec();
        updateNote.reset();
        updateNote.clearBindings();
        if (changed == 0) throw Gone();
        if (before.tags != after.tags) {
            deleteTags.bind(1, after.id);
            run(deleteTags);
            tags(after);
        }
    }
    void removeNote(const Note& n) override {
        deleteNote.bind(1, n.id);
        run(deleteNote);
    }
    void addLink(const Link& l) override {
        rows::bind(insertLink, l);
        run(insertLink);
    }
    void changeLink(const Link& l) override {
        rows::bind(updateLink, l);
        const int changed = updateLink.exec();
        updateLink.reset();
        updateLink.clearBindings();
        if (changed == 0) throw Gone();
    }
    void removeLink(const Link& l) override {
        deleteLink.bind(1, l.id);
        run(deleteLink);
    }
    void writeBoard(const BoardInfo& b) override { rows::writeBoardRow(m_db, b); }
    std::vector<Insight> insightsCiting(const std::string& noteId) override {
        SQLite::Statement st(m_db, rows::insightsCitingSql(rows::Dialect::Sqlite));
        st.bind(1, noteId);
        std::vector<Insight> out;
        while (st.executeStep()) out.push_back(rows::insightFromRow(st));
        return out;
    }
    void addInsight(const Insight& i) override {
        rows::bind(insertInsight, i);
        run(insertInsight);
    }
    void changeInsight(const Insight& i) override {
        rows::bind(updateInsight, i);
        const int changed = updateInsight.exec();
        updateInsight.reset();
        updateInsight.clearBindings();
        if (changed == 0) throw Gone();
    }
    void removeInsight(const Insight& i) override {
        deleteInsight.bind(1, i.id);
        run(deleteInsight);
    }
    void log(const std::string& author, Millis time, const std::string& source, const std::string& payload) {
        insertLog.bind(1, author);
        insertLog.bind(2, static_cast<int64_t>(time));
        insertLog.bind(3, source);
        insertLog.bind(4, payload);
        run(insertLog);
    }

    SQLite::Database& m_db;
    SQLite::Statement insertNote, updateNote, deleteNote, insertTag, deleteTags, insertLink, updateLink,
        deleteLink, insertInsight, updateInsight, deleteInsight, insertLog;
    std::optional<SQLite::Statement> linksAt;
};

}  // namespace

namespace {

/// A mountinfo field with its octal escapes (\040 for a space, ...) undone.
std::string unescapeMountField(const std::string& f) {
    std::string out;
    for (std::size_t i = 0; i < f.size(); ++i) {
        auto octal = [&](std::size_t k) { return k < f.size() && f[k] >= '0' && f[k] <= '7'; };
        if (f[i] == '\\' && octal(i + 1) && octal(i + 2) && octal(i + 3)) {
            out += static_cast<char>(std::stoi(f.substr(i + 1, 3), nullptr, 8));
            i += 3;
        } else {
            out += f[i];
        }
    }
    return out;
}

/// The name a person knows a network file system type by, or nullopt for a local one.
std::optional<std::string> networkTypeName(const std::string& type) {
    static const std::pair<const char*, const char*> kKernel[] = {
        {"nfs", "NFS"}, {"nfs4", "NFS"}, {"cifs", "SMB/CIFS"}, {"smb3", "SMB/CIFS"}, {"smbfs", "SMB/CIFS"},
        {"9p", "9P"}, {"ceph", "Ceph"}, {"glusterfs", "GlusterFS"}, {"lustre", "Lustre"}, {"afs", "AFS"},
        {"gpfs", "GPFS"}, {"ncpfs", "NetWare"}, {"coda", "Coda"}, {"davfs", "WebDAV"}};
    for (const auto& [t, name] : kKernel)
        if (type == t) return std::string(name);
    static const std::pair<const char*, const char*> kFuse[] = {
        {"sshfs", "sshfs"}, {"rclone", "rclone"}, {"s3fs", "S3"}, {"gcsfuse", "Google Cloud Storage"},
        {"glusterfs", "GlusterFS"}, {"davfs2", "WebDAV"}, {"smbnetfs", "SMB/CIFS"}, {"curlftpfs", "FTP"},
        {"ceph-fuse", "Ceph"}, {"cephfs", "Ceph"}, {"juicefs", "JuiceFS"}, {"goofys", "S3"},
        {"mountpoint-s3", "S3"}, {"gvfsd-fuse", "GVfs (network shares)"}, {"onedriver", "OneDrive"}};
    if (type.rfind("fuse.", 0) == 0) {
        const std::string sub = type.substr(5);
        for (const auto& [t, name] : kFuse)
            if (sub == t) return std::string(name) + " (FUSE)";
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> networkFileSystemInMountInfo(const std::string& mountinfo, const std::string& dir) {
    // Each line: ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS
    std::string bestPoint, bestType;
    std::size_t pos = 0;
    int lines = 0;
    while (pos < mountinfo.size() && ++lines < 100000) {
        std::size_t end = mountinfo.find('\n', pos);
        if (end == std::string::npos) end = mountinfo.size();
        const std::string line = mountinfo.substr(pos, end - pos);
        pos = end + 1;
        std::vector<std::string> fields;
        std::size_t f = 0;
        while (f < line.size()) {
            std::size_t e = line.find(' ', f);
            if (e == std::string::npos) e = line.size();
            fields.push_back(line.substr(f, e - f));
            f = e + 1;
        }
        auto dash = std::find(fields.begin(), fields.end(), "-");
        if (fields.size() < 5 || dash == fields.end() || dash + 1 == fields.end()) continue;
        const std::string point = unescapeMountField(fields[4]);
        const bool covers = point == "/" || dir == point || (dir.rfind(point, 0) == 0 && dir.size() > point.size() && dir[point.size()] == '/');
        // The last mount of the longest covering point is the one in effect (later ones stack on top).
        if (covers && point.size() >= bestPoint.size()) {
            bestPoint = point;
            bestType = *(dash + 1);
        }
    }
    if (bestPoint.empty()) return std::nullopt;
    return networkTypeName(bestType);
}

std::optional<std::string> networkFileSystem(const std::string& path) {
    std::filesystem::path dir = std::filesystem::path(path).parent_path();
    if (dir.empty()) dir = ".";
    struct statfs fs{};
    if (::statfs(dir.c_str(), &fs) != 0) return std::nullopt;
    switch (static_cast<unsigned long>(fs.f_type)) {
        case 0x6969UL: return "NFS";
        case 0x517BUL: return "SMB";
        case 0xFF534D42UL: return "CIFS";
        case 0xFE534D42UL: return "SMB2";
        case 0x5346414FUL: return "AFS";
        case 0x01021997UL: return "9P";
        case 0x00C36400UL: return "Ceph";
        case 0x47504653UL: return "GPFS";
        case 0x0BD00BD0UL: return "Lustre";
        case 0x65735546UL: {
            // FUSE: local or remote, only the mount table says which (fuse.sshfs, fuse.rclone, ...).
            std::error_code ec;
            const auto canonical = std::filesystem::canonical(dir, ec);
            std::ifstream in("/proc/self/mountinfo");
            if (ec || !in) return std::nullopt;
            std::string table((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (table.size() > (16u << 20)) return std::nullopt;
            return networkFileSystemInMountInfo(table, canonical.string());
        }
        default: return std::nullopt;
    }
}

namespace {
void refuseNetworkFileSystem(const std::string& path) {
    if (auto fs = networkFileSystem(path))
        fail(path, message(CC_TEMPLATE("is on a network file system ({1}), where SQLite's locking cannot be trusted for shared editing; "
                                       "copy it to a local disk, or keep it on the team server (a postgresql:// address)"), {*fs}));
}
}  // namespace

/// A read lock on the bytes that SQLite's unix VFS locks for its SHARED lock, held while a board
/// is read as immutable. No writer can then take the EXCLUSIVE lock that deleting a -wal file (and
/// any write in rollback mode) needs: a writer that comes along must leave its -wal there, and
/// the main file changes only by a checkpoint, which load() notices.
struct BoardFile::FrozenRead {
    int fd = -1;
    struct stat before{};

    explicit FrozenRead(const std::string& path) {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) fail(path, message(CC_TEMPLATE("cannot be read ({1})"), {std::strerror(errno)}));
        struct flock lock{};
        lock.l_type = F_RDLCK;
        lock.l_whence = SEEK_SET;
        lock.l_start = kSharedFirst;
        lock.l_len = kSharedSize;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (::fcntl(fd, F_SETLK, &lock) != 0) {
            // A file system without locks reads as immutable anyway, as SQLite would have to.
            if (errno != EACCES && errno != EAGAIN) break;
            if (std::chrono::steady_clock::now() > deadline) fail(path, message(CC_TEMPLATE("is locked by another program; try again")));
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        ::fstat(fd, &before);
    }
    ~FrozenRead() { ::close(fd); }
    FrozenRead(const FrozenRead&) = delete;
    FrozenRead& operator=(const FrozenRead&) = delete;

    /// Whether the main file is as it was when the lock was taken.
    bool unchanged() const {
        struct stat now{};
        return ::fstat(fd, &now) == 0 && now.st_size == before.st_size && now.st_mtim.tv_sec == before.st_mtim.tv_sec &&
               now.st_mtim.tv_nsec == before.st_mtim.tv_nsec;
    }
};

BoardFile::BoardFile(std::string path, std::unique_ptr<SQLite::Database> db, std::unique_ptr<FrozenRead> frozen)
    : m_path(std::move(path)), m_frozen(std::move(frozen)), m_db(std::move(db)) {}

BoardFile::~BoardFile() = default;

std::string BoardFile::shortName() const { return std::filesystem::path(m_path).filename().string(); }

std::string BoardFile::suggestedFolder() const { return std::filesystem::path(m_path).parent_path().string(); }

std::unique_ptr<BoardFile> BoardFile::create(const std::string& path, const BoardInfo& board,
                                             const std::string& author) {
    refuseNetworkFileSystem(path);
    // Checking that nothing is there and then creating the file would let two processes that
    // create the same board at once both succeed, the second overwriting the first's board
    // record. O_EXCL makes the check and the creation one step; SQLite then fills the empty file.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (errno == EEXIST) fail(path, message(CC_TEMPLATE("already exists; choose another name or delete it first")));
        fail(path, message(CC_TEMPLATE("cannot create the board ({1})"), {std::strerror(errno)}));
    }
    ::close(fd);
    std::unique_ptr<BoardFile> file;
    try {
        auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        configure(*db, true);
        migrate(*db);
        file.reset(new BoardFile(path, std::move(db)));
        SQLite::Transaction tx(*file->m_db, SQLite::TransactionBehavior::IMMEDIATE);
        rows::writeBoardRow(*file->m_db, board);
        ChangeSet created;
        created.author = author;
        created.time = board.created;
        created.board = std::make_pair(BoardInfo{}, board);
        Writer(*file->m_db).log(author, board.created, "user", changeSetToJson(created));
        tx.commit();
    } catch (const SQLite::Exception& e) {
        file.reset();
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
        fail(path, message(CC_TEMPLATE("cannot create the board ({1})"), {e.what()}));
    }
    return file;
}

std::unique_ptr<BoardFile> BoardFile::open(const std::string& path, Mode mode) {
    checkReadableFile(path);
    if (mode == Mode::ReadOnly) return openForReading(path);
    if (!mayWrite(path)) fail(path, message(CC_TEMPLATE("is read-only for this user; it can be read (list, export) but not changed")));
    if (!mayWrite(folderOf(path)))
        fail(path, message(CC_TEMPLATE("is in a folder this user may not write ({1}), and SQLite keeps its -wal and -shm files next to a board it changes"),
                           {folderOf(path)}));
    refuseNetworkFileSystem(path);
    refuseForeignSideFiles(path);
    auto db = openJudged(path, Reach::Write, false);
    try {
        configure(*db, true);
        migrate(*db);
        return std::unique_ptr<BoardFile>(new BoardFile(path, std::move(db)));
    } catch (const SQLite::Exception& e) {
        if (auto full = diskFullReason(path, e, sqlite3_system_errno(db->getHandle()))) fail(path, *full);
        fail(path, message(CC_TEMPLATE("cannot open the board ({1})"), {e.what()}));
    }
}

std::unique_ptr<BoardFile> BoardFile::openForReading(const std::string& path) {
    // Where this user may write, read as a writer does but with query_only: SQLite's locks hold
    // the file still, and closing removes the -wal and -shm files the read made.
    if (mayWrite(path) && mayWrite(folderOf(path))) {
        try {
            auto db = openJudged(path, Reach::Write, true);
            configure(*db, false);
            return std::unique_ptr<BoardFile>(new BoardFile(path, std::move(db)));
        } catch (const DiskFull&) {
            // Reading needs no room: read as below, creating nothing.
        }
    }
    // Another user's board, a read-only file, folder or full disk: SQLite must create no -wal or
    // -shm file here. Files made by this user would stop the owner's next change ("attempt to
    // write a readonly database"); in a read-only folder they cannot be made at all. Without a
    // -wal file no writer is at work and the main file holds every committed page, so it is read
    // as immutable, under SQLite's SHARED lock so that it stays so; with one, through the -wal
    // and -shm files that are there (SQLite reads a WAL database read-only since 3.22).
    auto frozen = std::make_unique<FrozenRead>(path);
    if (!exists(path + "-wal")) {
        auto db = openJudged(path, Reach::Frozen, false);
        configure(*db, false);
        return std::unique_ptr<BoardFile>(new BoardFile(path, std::move(db), std::move(frozen)));
    }
    frozen.reset();
    if (!exists(path + "-shm"))
        fail(path, message(CC_TEMPLATE("cannot be read by this user: its -wal file has changes that only a user who may write {1} "
                                       "can read in (open it once as its owner)"), {folderOf(path)}));
    auto db = openJudged(path, Reach::Existing, false);
    configure(*db, false);
    return std::unique_ptr<BoardFile>(new BoardFile(path, std::move(db)));
}

BoardInfo BoardFile::readBoardInfo() {
    BoardInfo b;
    {
        SQLite::Statement st(*m_db, "SELECT id, title, template, created, wall_width, wall_height FROM board");
        if (!st.executeStep()) fail(m_path, message(CC_TEMPLATE("the board record is missing")));
        b.id = st.getColumn(0).getString();
        b.title = st.getColumn(1).getString();
        b.templateKey = st.getColumn(2).getString();
        b.created = st.getColumn(3).getInt64();
        b.wallWidth = st.getColumn(4).getDouble();
        b.wallHeight = st.getColumn(5).getDouble();
    }
    {
        SQLite::Statement st(*m_db, "SELECT idx, title, description FROM quadrant ORDER BY idx");
        int count = 0;
        while (st.executeStep()) {
            int idx = st.getColumn(0).getInt();
            if (idx < 1 || idx > 4) continue;
            b.quadrants[idx - 1] = QuadrantInfo{idx, st.getColumn(1).getString(), st.getColumn(2).getString()};
            ++count;
        }
        if (count != 4) fail(m_path, message(CC_TEMPLATE("the board has {1} quadrants, not 4"), {std::to_string(count)}));
    }
    return b;
}

std::unique_ptr<Document> BoardFile::load(const SourceKinds& kinds) {
    try {
        // data_version first, then every record and the log's newest row from one snapshot: a
        // commit by another process between two of these reads (a delete after the notes were
        // read, say) would otherwise be counted as seen and never pulled. One that lands between
        // data_version and the snapshot only makes the next pull look once for nothing.
        m_dataVersion = m_db->execAndGet("PRAGMA data_version").getInt64();
        SQLite::Transaction snapshot(*m_db, SQLite::TransactionBehavior::DEFERRED);
        BoardInfo b = readBoardInfo();
        std::vector<Note> notes;
        std::unordered_map<std::string, std::size_t> index;
        {
            SQLite::Statement st(*m_db, rows::noteSql(rows::Dialect::Sqlite).select);
            while (st.executeStep()) {
                Note n = rows::noteFromRow(st);
                index.emplace(n.id, notes.size());
                notes.push_back(std::move(n));
            }
        }
        {
            // Rows come in primary-key order, so each note's tags arrive sorted.
            SQLite::Statement st(*m_db, "SELECT note_id, tag FROM note_tag");
            while (st.executeStep()) {
                auto it = index.find(st.getColumn(0).getText());
                if (it != index.end()) notes[it->second].tags.push_back(st.getColumn(1).getString());
            }
        }
        std::vector<Link> links;
        {
            SQLite::Statement st(*m_db, rows::linkSql(rows::Dialect::Sqlite).select);
            while (st.executeStep()) links.push_back(rows::linkFromRow(st));
        }
        std::vector<Insight> insights;
        if (hasInsights(*m_db)) {
            SQLite::Statement st(*m_db, rows::insightSql(rows::Dialect::Sqlite).select);
            while (st.executeStep()) insights.push_back(rows::insightFromRow(st));
        }
        auto doc = guardedDocument(std::move(b), std::move(notes), std::move(links), kinds, std::move(insights));
        markLoaded(m_db->execAndGet("SELECT coalesce(max(seq), 0) FROM change_log").getInt64());
        snapshot.commit();
        // Read as immutable, the pages could only have changed under us by a checkpoint.
        if (m_frozen && !m_frozen->unchanged()) fail(m_path, message(CC_TEMPLATE("was changed by another program while it was read; try again")));
        return doc;
    } catch (const SQLite::Exception& e) {
        fail(m_path, message(CC_TEMPLATE("cannot read the board ({1})"), {e.what()}));
    }
}

std::int64_t BoardFile::persist(const ChangeSet& cs) {
    try {
        SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        // A change set may remove and add the same note (a replace) while links point at it:
        // the links are only dangling between the two statements, so check keys at commit.
        // SQLite turns this off again when the transaction ends.
        m_db->exec("PRAGMA defer_foreign_keys = ON");
        Writer w(*m_db);
        const std::optional<ChangeSet> widened = rows::writeChangeSet(w, cs);
        // A large change (an import) is logged as several rows, each small enough to read back.
        std::vector<std::int64_t> seqs;
        forEachLogPart(widened ? *widened : cs, kLogPart, [&](const ChangeSet& part) {
            w.log(cs.author, cs.time, std::string(toString(cs.source)), changeSetToJson(part));
            seqs.push_back(m_db->getLastInsertRowid());
        });
        tx.commit();
        for (const std::int64_t seq : seqs) markOwn(seq);
        return seqs.back();
    } catch (const Gone&) {
        fail(m_path, message(CC_TEMPLATE("the change was not saved: a note or link it changes was deleted by someone else meanwhile")));
    } catch (const SQLite::Exception& e) {
        if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_FOREIGNKEY)
            fail(m_path, message(CC_TEMPLATE("the change was not saved: a note it refers to was deleted by someone else meanwhile")));
        // AUTOINCREMENT at 2^63 - 1 says "database or disk is full", which sends people looking
        // for disk space. Say what it is.
        if (e.getErrorCode() == SQLITE_FULL) {
            SQLite::Statement seq(*m_db, "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'");
            if (seq.executeStep() && seq.getColumn(0).getInt64() == std::numeric_limits<std::int64_t>::max())
                fail(m_path, message(CC_TEMPLATE("the change was not saved: the change log's sequence number is at its 64-bit limit "
                                                 "(set by a row another program wrote; see `check`), so no change can be saved to this board")));
        }
        if (auto full = diskFullReason(m_path, e, sqlite3_system_errno(m_db->getHandle())))
            fail(m_path, message(CC_TEMPLATE("the change was not saved: {1}"), {*full}));
        fail(m_path, message(CC_TEMPLATE("the change could not be saved ({1})"), {e.what()}));
    }
}

std::int64_t BoardFile::lastSequence() {
    return m_db->execAndGet("SELECT coalesce(max(seq), 0) FROM change_log").getInt64();
}

std::vector<LogEntry> BoardFile::changeLog(std::int64_t afterSeq, std::size_t max) {
    std::vector<LogEntry> out;
    SQLite::Statement st(*m_db, "SELECT seq, author, time, source, payload FROM change_log WHERE seq > ? ORDER BY seq");
    st.bind(1, static_cast<int64_t>(afterSeq));
    while (out.size() < max && st.executeStep())
        out.push_back(LogEntry{st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getInt64(),
                               st.getColumn(3).getString(), st.getColumn(4).getString()});
    return out;
}

std::vector<LogEntry> BoardFile::recentChanges(std::size_t max, const std::string& needle) {
    std::vector<LogEntry> out;
    // LIKE (ASCII case ignored, a superset the caller narrows) is several times faster than
    // instr() over a long log; the needle's own % _ and \ are escaped.
    std::string pattern = "%";
    for (char c : needle) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    pattern += '%';
    SQLite::Statement st(*m_db, "SELECT seq, author, time, source, payload FROM change_log "
                                "WHERE ?1 = '' OR payload LIKE ?2 ESCAPE '\\' ORDER BY seq DESC LIMIT ?3");
    st.bind(1, needle);
    st.bind(2, pattern);
    st.bind(3, static_cast<int64_t>(std::min<std::size_t>(max, std::numeric_limits<int32_t>::max())));
    while (st.executeStep())
        out.push_back(LogEntry{st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getInt64(),
                               st.getColumn(3).getString(), st.getColumn(4).getString()});
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<std::string> BoardFile::integrityProblems() {
    std::vector<std::string> out;
    try {
        SQLite::Statement st(*m_db, "PRAGMA integrity_check");
        while (st.executeStep()) {
            std::string row = st.getColumn(0).getString();
            if (row != "ok") out.push_back(message(CC_TEMPLATE("integrity: {1}"), {row}));
        }
        SQLite::Statement fk(*m_db, "PRAGMA foreign_key_check");
        while (fk.executeStep())
            out.push_back(message(CC_TEMPLATE("foreign key: row {1} of table {2} points at a missing {3}"),
                                  {fk.getColumn(1).getString(), fk.getColumn(0).getString(), fk.getColumn(2).getString()}));
        // SQLite keeps any value in any column: `sqlite3` can write votes = 'abc', which reads
        // as 0. Such a row is reported here (the record guard cannot see what was lost).
        for (const auto& [table, columns] : {std::make_pair("note", &rows::noteColumnInfo()),
                                             std::make_pair("link", &rows::linkColumnInfo()),
                                             std::make_pair("insight", &rows::insightColumnInfo())}) {
            if (std::string_view(table) == "insight" && !hasInsights(*m_db)) continue;
            for (const rows::ColumnInfo& c : *columns) {
                if (c.kind == rows::ColumnKind::Text) continue;
                // What typeof() may say of the column's values.
                const char* types = c.kind == rows::ColumnKind::Real ? "'real','integer'" : "'integer'";
                SQLite::Statement st(*m_db, "SELECT id, quote(" + c.name + ") FROM " + table + " WHERE typeof(" + c.name +
                                                ") NOT IN (" + types + ") LIMIT 50");
                while (st.executeStep())
                    out.push_back(message(CC_TEMPLATE("{1} {2}: {3} {4} is not a number"),
                                          {table, safeText(st.getColumn(0).getString(), 64), c.name,
                                           safeText(st.getColumn(1).getString(), 40)}));
            }
        }
        // AUTOINCREMENT never reuses a number: once it has reached the limit, every change fails.
        SQLite::Statement seq(*m_db, "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'");
        if (seq.executeStep() && seq.getColumn(0).getInt64() > kSequenceWarning &&
            seq.getColumn(0).getInt64() > lastSequence())
            out.push_back(message(CC_TEMPLATE("the change log's sequence counter {1} is near its 64-bit limit: a row written by another program?"),
                                  {seq.getColumn(0).getString()}));
    } catch (const SQLite::Exception& e) {
        out.push_back(message(CC_TEMPLATE("integrity check failed: {1}"), {e.what()}));
    }
    return out;
}

void BoardFile::writeAll(const Document& doc, const std::vector<LogEntry>& log, const ProgressFn& progress) {
    // The records are a small part of the work, the change log the rest.
    const ProgressStage records(progress, 0, 0.2), history(progress, 0.2, 1);
    try {
        SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        if (m_db->execAndGet("SELECT count(*) FROM note").getInt() != 0) fail(m_path, message(CC_TEMPLATE("the board is not empty")));
        m_db->exec("DELETE FROM change_log");
        rows::writeBoardRow(*m_db, doc.board());
        Writer w(*m_db);
        writeRecords(w, doc, records);
        std::size_t done = 0;
        SQLite::Statement st(*m_db, "INSERT INTO change_log (seq, author, time, source, payload) VALUES (?, ?, ?, ?, ?)");
        for (const auto& e : log) {
            history.step(done++, log.size());
            st.bind(1, static_cast<int64_t>(e.seq));
            st.bind(2, e.author);
            st.bind(3, static_cast<int64_t>(e.time));
            st.bind(4, e.source);
            st.bind(5, e.payload);
            st.exec();
            st.reset();
        }
        history.report(1);
        tx.commit();
    } catch (const SQLite::Exception& e) {
        fail(m_path, message(CC_TEMPLATE("cannot write the board ({1})"), {e.what()}));
    }
}

StoredRecords BoardFile::readRecords(const std::set<std::string>& notes, const std::set<std::string>& links,
                                     bool board, const std::set<std::string>& insights) {
    StoredRecords out;
    // A read here is no round trip: one prepared statement per kind, stepped per id.
    SQLite::Statement note(*m_db, rows::noteSql(rows::Dialect::Sqlite).select + " WHERE id = ?");
    SQLite::Statement tags(*m_db, "SELECT tag FROM note_tag WHERE note_id = ? ORDER BY tag");
    for (const auto& id : notes) {
        std::optional<Note>& slot = out.notes[id];
        note.bind(1, id);
        if (note.executeStep()) {
            slot = rows::noteFromRow(note);
            tags.bind(1, id);
            while (tags.executeStep()) slot->tags.push_back(tags.getColumn(0).getString());
            tags.reset();
        }
        note.reset();
    }
    SQLite::Statement link(*m_db, rows::linkSql(rows::Dialect::Sqlite).select + " WHERE id = ?");
    for (const auto& id : links) {
        std::optional<Link>& slot = out.links[id];
        link.bind(1, id);
        if (link.executeStep()) slot = rows::linkFromRow(link);
        link.reset();
    }
    if (!insights.empty() && hasInsights(*m_db)) {
        SQLite::Statement insight(*m_db, rows::insightSql(rows::Dialect::Sqlite).select + " WHERE id = ?");
        for (const auto& id : insights) {
            std::optional<Insight>& slot = out.insights[id];
            insight.bind(1, id);
            if (insight.executeStep()) slot = rows::insightFromRow(insight);
            insight.reset();
        }
    } else {
        for (const auto& id : insights) out.insights[id] = std::nullopt;
    }
    if (board) out.board = readBoardInfo();
    return out;
}

bool BoardFile::othersMayHaveCommitted() {
    const std::int64_t version = m_db->execAndGet("PRAGMA data_version").getInt64();
    if (version == m_dataVersion) return false;  // nobody else committed: the usual case, and cheap
    m_dataVersion = version;
    return true;
}

void BoardFile::announce(const Presence& me) {
    try {
        SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement st(*m_db,
                             "INSERT INTO presence (session, name, colour, selected, editing, seen) VALUES (?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (session) DO UPDATE SET name = excluded.name, colour = excluded.colour, "
                             "selected = excluded.selected, editing = excluded.editing, seen = excluded.seen");
        st.bind(1, me.session);
        st.bind(2, me.name);
        st.bind(3, static_cast<int64_t>(me.colour));
        st.bind(4, selectionToColumn(me.selected));
        st.bind(5, me.editing);
        st.bind(6, static_cast<int64_t>(nowMillis()));
        st.exec();
        SQLite::Statement old(*m_db, "DELETE FROM presence WHERE seen < ?");
        old.bind(1, static_cast<int64_t>(nowMillis() - 10 * kPresenceTimeout));
        old.exec();
        tx.commit();
        // data_version is not read again here: a commit by another process between this
        // transaction and that read would be taken as seen and never pulled. (This connection's
        // own commits leave data_version as it is.)
    } catch (const SQLite::Exception& e) {
        fail(m_path, message(CC_TEMPLATE("cannot announce this window ({1})"), {e.what()}));
    }
}

std::vector<Presence> BoardFile::others(const std::string& mySession) {
    std::vector<Presence> out;
    SQLite::Statement st(*m_db,
                         "SELECT session, name, colour, selected, editing, seen FROM presence WHERE session <> ? AND seen >= ? "
                         "ORDER BY name, session");
    st.bind(1, mySession);
    st.bind(2, static_cast<int64_t>(nowMillis() - kPresenceTimeout));
    while (st.executeStep() && out.size() < 100) {
        Presence p;
        p.session = st.getColumn(0).getString();
        p.name = st.getColumn(1).getString().substr(0, limits::kShortBytes);
        p.colour = static_cast<std::uint32_t>(st.getColumn(2).getInt64()) & 0xFFFFFF;
        p.selected = selectionFromColumn(st.getColumn(3).getString());
        p.editing = st.getColumn(4).getString();
        p.seen = st.getColumn(5).getInt64();
        out.push_back(std::move(p));
    }
    return out;
}

void BoardFile::leave(const std::string& session) {
    try {
        SQLite::Statement st(*m_db, "DELETE FROM presence WHERE session = ?");
        st.bind(1, session);
        st.exec();
    } catch (const SQLite::Exception&) {
        // Leaving is a courtesy: an entry left behind ages out in seconds anyway.
    }
}

}  // namespace cc
