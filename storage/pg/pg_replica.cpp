#include "storage/pg/pg_replica.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "canvas/board_factory.h"
#include "storage/record_rows.h"
#include "storage/serialize.h"

namespace cc::pg {

namespace {

constexpr const char* kExtraTables =
    "CREATE TABLE IF NOT EXISTS cc_replica (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), "
    "  server_seq INTEGER NOT NULL, address TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS cc_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, change_id TEXT NOT NULL UNIQUE, "
    "  payload TEXT NOT NULL)";

void putNote(SQLite::Database& db, const std::string& id, const std::optional<Note>& n) {
    SQLite::Statement del(db, "DELETE FROM note_tag WHERE note_id = ?");
    del.bind(1, id);
    del.exec();
    SQLite::Statement delNote(db, rows::noteSql(rows::Dialect::Sqlite).remove);
    delNote.bind(1, id);
    delNote.exec();
    if (!n) return;
    SQLite::Statement ins(db, rows::noteSql(rows::Dialect::Sqlite).insert);
    rows::bind(ins, *n);
    ins.exec();
    SQLite::Statement tag(db, "INSERT OR IGNORE INTO note_tag (note_id, tag) VALUES (?, ?)");
    for (const auto& t : n->tags) {
        tag.bind(1, n->id);
        tag.bind(2, t);
        tag.exec();
        tag.reset();
    }
}

void putLink(SQLite::Database& db, const std::string& id, const std::optional<Link>& l) {
    SQLite::Statement del(db, rows::linkSql(rows::Dialect::Sqlite).remove);
    del.bind(1, id);
    del.exec();
    if (!l) return;
    SQLite::Statement ins(db, rows::linkSql(rows::Dialect::Sqlite).insert);
    rows::bind(ins, *l);
    ins.exec();
}

void putInsight(SQLite::Database& db, const std::string& id, const std::optional<Insight>& i) {
    SQLite::Statement del(db, rows::insightSql(rows::Dialect::Sqlite).remove);
    del.bind(1, id);
    del.exec();
    if (!i) return;
    SQLite::Statement ins(db, rows::insightSql(rows::Dialect::Sqlite).insert);
    rows::bind(ins, *i);
    ins.exec();
}

/// A committed change set's outcome, written record by record as the server has it: each
/// record is put whole (whatever the copy held of it before), in the order every store writes.
struct PutWriter final : rows::RecordWriter {
    SQLite::Database& db;
    explicit PutWriter(SQLite::Database& d) : db(d) {}
    std::vector<Link> linksOf(const std::string& noteId) override {
        SQLite::Statement st(db, rows::linkSql(rows::Dialect::Sqlite).select + " WHERE from_id = ?1 OR to_id = ?1");
        st.bind(1, noteId);
        std::vector<Link> out;
        while (st.executeStep()) out.push_back(rows::linkFromRow(st));
        return out;
    }
    void removeLink(const Link& l) override { putLink(db, l.id, std::nullopt); }
    void removeNote(const Note& n) override { putNote(db, n.id, std::nullopt); }
    void addNote(const Note& n) override { putNote(db, n.id, n); }
    void changeNote(const Note&, const Note& after) override { putNote(db, after.id, after); }
    void addLink(const Link& l) override { putLink(db, l.id, l); }
    void changeLink(const Link& after) override { putLink(db, after.id, after); }
    void writeBoard(const BoardInfo& b) override { rows::writeBoardRow(db, b); }
    std::vector<Insight> insightsCiting(const std::string& noteId) override {
        SQLite::Statement st(db, rows::insightsCitingSql(rows::Dialect::Sqlite));
        st.bind(1, noteId);
        std::vector<Insight> out;
        while (st.executeStep()) out.push_back(rows::insightFromRow(st));
        return out;
    }
    void addInsight(const Insight& i) override { putInsight(db, i.id, i); }
    void changeInsight(const Insight& after) override { putInsight(db, after.id, after); }
    void removeInsight(const Insight& i) override { putInsight(db, i.id, std::nullopt); }
};

}  // namespace

std::optional<std::string> Replica::pathFor(const std::string& server, const std::string& board) {
    std::filesystem::path dir;
    if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) dir = x;
    else if (const char* h = std::getenv("HOME"); h && *h) dir = std::filesystem::path(h) / ".local" / "state";
    else return std::nullopt;
    std::uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : server + "\n" + board) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    char name[40];
    std::snprintf(name, sizeof name, "%016llx.ccboard", static_cast<unsigned long long>(hash));
    return (dir / "customer-canvas" / "replicas" / name).string();
}

void Replica::fail(const std::string& what, const std::exception& e) const {
    throw BoardError(message(CC_TEMPLATE("{1}: the local copy of the server board {2} ({3})"), {m_path, what, e.what()}));
}

std::unique_ptr<Replica> Replica::open(const std::string& path, const std::string& displayAddress, bool create) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) && !create) return nullptr;
    try {
        const std::filesystem::path folder = std::filesystem::path(path).parent_path();
        std::filesystem::create_directories(folder);
        ::chmod(folder.c_str(), 0700);  // whose boards these are is private
        // Several programs on this computer may open the same board at once (a window and the
        // command line): one creates the copy while the others wait, then open it.
        const int lock = ::open((folder / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (lock >= 0) ::flock(lock, LOCK_EX);
        struct Unlock {
            int fd;
            ~Unlock() {
                if (fd >= 0) ::close(fd);
            }
        } unlock{lock};
        std::unique_ptr<BoardFile> file;
        if (std::filesystem::exists(path, ec)) file = BoardFile::open(path);
        else if (create) file = BoardFile::create(path, makeBoard("replica"), "replica");
        else return nullptr;
        // The board file (opened, judged and migrated as any board) reads the copy and writes it
        // whole; the copy's own writes go through a connection of its own, so that nothing
        // reaches past the board file's API. WAL lets the two take turns.
        auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE);
        db->setBusyTimeout(10000);
        // The copy follows the server record by record; in between, a link may briefly point at a
        // note not yet copied.
        db->exec("PRAGMA foreign_keys = OFF");
        db->exec(kExtraTables);
        SQLite::Statement meta(*db, "INSERT OR IGNORE INTO cc_replica (singleton, server_seq, address) VALUES (1, 0, ?)");
        meta.bind(1, displayAddress);
        meta.exec();
        return std::unique_ptr<Replica>(new Replica(path, std::move(file), std::move(db)));
    } catch (const BoardError&) {
        throw;
    } catch (const std::exception& e) {
        throw BoardError(message(CC_TEMPLATE("{1}: cannot keep a local copy of the server board ({2})"), {path, e.what()}));
    }
}

std::unique_ptr<Document> Replica::load(const SourceKinds& kinds) { return m_file->load(kinds); }

void Replica::replaceWith(const Document& doc, std::int64_t serverSeq) {
    try {
        SQLite::Database& db = *m_db;
        {
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            db.exec("DELETE FROM note_tag; DELETE FROM link; DELETE FROM note; DELETE FROM presence");
            tx.commit();
        }
        m_file->writeAll(doc, {});
        setServerSeq(serverSeq);
    } catch (const BoardError&) {
        throw;
    } catch (const std::exception& e) {
        fail(message(CC_TEMPLATE("cannot be written")), e);
    }
}

std::int64_t Replica::serverSeq() {
    try {
        return m_db->execAndGet("SELECT server_seq FROM cc_replica").getInt64();
    } catch (const std::exception& e) {
        fail(message(CC_TEMPLATE("cannot be read")), e);
    }
}

void Replica::setServerSeq(std::int64_t seq) {
    try {
        SQLite::Statement st(*m_db, "UPDATE cc_replica SET server_seq = ?");
        st.bind(1, static_cast<int64_t>(seq));
        st.exec();
    } catch (const std::exception& e) {
        fail(message(CC_TEMPLATE("cannot be written")), e);
    }
}

void Replica::mirror(const StoredRecords& read, std::int64_t serverSeq) {
    try {
        SQLite::Database& db = *m_db;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        for (const auto& [id, n] : read.notes) putNote(db, id, n);
        for (const auto& [id, l] : read.links) putLink(db, id, l);
        for (const auto& [id, i] : read.insights) putInsight(db, id, i);
        if (read.board) rows::writeBoardRow(db, *read.board);
        SQLite::Statement st(db, "UPDATE cc_replica SET server_seq = max(server_seq, ?)");
        st.bind(1, static_cast<int64_t>(serverSeq));
        st.exec();
        tx.commit();
    } catch (const std::exception& e) {
        fail(message(CC_TEMPLATE("cannot be written")), e);
    }
}

void Replica::applyOutcome(const ChangeSet& cs) {
    // Links made elsewhere go with a removed note, as on the server.
    PutWriter w(*m_db);
    rows::writeChangeSet(w, cs);
}

void Replica::mirrorChange(const ChangeSet& cs) {
    try {
        SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        applyOutcome(cs);
        tx.commit();
    } catch (const std::exception& e) {
        fail(message(CC_TEMPLATE("cannot be written")), e);
    }
}

void Replica::enqueue(const std::string& changeId, const ChangeSet& cs) {
    try {
        SQLite::Transaction tx(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement st(*m_db, "INSERT OR IGNORE INTO cc_outbox (change_id, payload) VALUES (?, ?)");
        st.bind(1, changeId);
        st.bind(2, changeSetToJson(cs));
        st.exec();
        applyOutcome(cs);
        tx.commit();
    } catch (const std::exception& e) {
        fail(message(CC_TEMPLATE("cannot keep the change")), e);
    }
}

std::vector<OutboxEntry> Replica::outbox() {
    std::vector<OutboxEntry> out;
    try {
        SQLite::Statement st(*m_db, "SELECT id, change_id, payload FROM cc_outbox ORDER BY id");
        while (st.executeStep())
            out.push_back(OutboxEntry{st.getColumn(0).getInt64(), st.getColumn(1).getString(), st.getColumn(2).getString()});
    } catch (const std::exception& e) {
        fail(message(CC_TEMPLATE("cannot be read")), e);
    }
    return out;
}

std::size_t Replica::pending() {
    try {
        return static_cast<std::size_t>(m_db->execAndGet("SELECT count(*) FROM cc_outbox").getInt64());
    } catch (const std::exception& e) {
        fail(message(CC_TEMPLATE("cannot be read")), e);
    }
}

void Replica::dequeue(std::int64_t id) {
    try {
        SQLite::Statement st(*m_db, "DELETE FROM cc_outbox WHERE id = ?");
        st.bind(1, static_cast<int64_t>(id));
        st.exec();
    } catch (const std::exception& e) {
        fail(message(CC_TEMPLATE("cannot be written")), e);
    }
}

}  // namespace cc::pg
