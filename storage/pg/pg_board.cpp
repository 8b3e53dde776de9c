#include "storage/pg/pg_board.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <random>
#include <set>
#include <unordered_map>

#include "storage/pg/pg_schema.h"
#include "canvas/wording.h"
#include "storage/record_rows.h"
#include "storage/serialize.h"

namespace cc {

using pg::Param;
using pg::PgError;
using pg::Result;
namespace state = pg::state;

namespace {


constexpr std::size_t kMaxIdBytes = 256;
/// A text column of a note or link: anyone with UPDATE on the server may have written more than
/// a record may hold, which the record guard then cuts (see record_guard.h) instead of the whole
/// board being refused; only beyond this is the value refused.
constexpr std::size_t kMaxFieldBytes = rows::kMaxFieldBytes;

/// A record an update names is no longer on the server: someone else deleted it meanwhile.
struct Gone {};

/// Whether libpq's reason for a failed connection means the server is away (rather than that it
/// refused us: a wrong password, a role or database that does not exist).
bool looksUnreachable(const std::string& why) {
    for (const char* s : {"Connection refused", "could not connect", "timeout expired", "No route to host",
                          "Network is unreachable", "the database system is", "server closed the connection",
                          "could not translate host name", "No such file or directory", "Connection reset"})
        if (why.find(s) != std::string::npos) return true;
    return false;
}

/// The server cannot be reached: a board with a local copy opens from it.
struct Unreachable : BoardError {
    using BoardError::BoardError;
};

std::string newChangeId() {
    std::random_device rd;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x%08x%08x%08x", rd(), rd(), rd(), rd());
    return buf;
}

/// The board's notification channel: an identifier made from its name (any text) by a hash, so
/// it needs no quoting; two names sharing a channel only cost a needless look at the log.
std::string channelFor(const std::string& board) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : board) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "cc_board_%016llx", static_cast<unsigned long long>(h));
    return buf;
}

LogEntry logFromRow(const Result& r, int row) {
    return LogEntry{r.int64(row, 0), r.text(row, 1, limits::kShortBytes), r.int64(row, 2), r.text(row, 3, 64),
                    r.text(row, 4, kMaxChangeSetBytes)};
}

/// Writes the board's row and its quadrants.
void writeBoardRow(pg::Connection& c, const std::string& board, const BoardInfo& b) {
    c.exec("UPDATE customer_canvas.board SET id = $2, title = $3, template = $4, created = $5, wall_width = $6, "
           "wall_height = $7 WHERE name = $1",
           {board, b.id, b.title, b.templateKey, pg::num(std::int64_t(b.created)), pg::num(b.wallWidth),
            pg::num(b.wallHeight)});
    for (const auto& q : b.quadrants)
        c.exec("INSERT INTO customer_canvas.quadrant (board, idx, title, description) VALUES ($1, $2, $3, $4) "
               "ON CONFLICT (board, idx) DO UPDATE SET title = excluded.title, description = excluded.description",
               {board, pg::num(std::int64_t(q.index)), q.title, q.description});
}

/// The statements one write transaction uses.
struct Writer final : rows::RecordWriter {
    pg::Connection& c;
    const std::string& board;
    Writer(pg::Connection& conn, const std::string& boardName) : c(conn), board(boardName) {}

    void tags(const Note& n) {
        for (const auto& t : n.tags)
            c.exec("INSERT INTO customer_canvas.note_tag (board, note_id, tag) VALUES ($1, $2, $3)", {board, n.id, t});
    }
    std::vector<Link> linksOf(const std::string& noteId) override {
        static const std::string sql =
            rows::linkSql(rows::Dialect::Postgres).select + " WHERE board = $1 AND (from_id = $2 OR to_id = $2) ORDER BY id";
        Result r = c.exec(sql.c_str(), {board, noteId});
        std::vector<Link> out;
        for (int i = 0; i < r.rows(); ++i) out.push_back(rows::linkFromRow(r, i));
        return out;
    }
    void addNote(const Note& n) override {
        c.exec(rows::noteSql(rows::Dialect::Postgres).insert.c_str(), rows::params(board, n));
        tags(n);
    }
    void changeNote(const Note& before, const Note& after) override {
        if (c.exec(rows::noteSql(rows::Dialect::Postgres).update.c_str(), rows::params(board, after)).affected() == 0)
            throw Gone();
        if (before.tags != after.tags) {
            c.exec("DELETE FROM customer_canvas.note_tag WHERE board = $1 AND note_id = $2", {board, after.id});
            tags(after);
        }
    }
    void removeNote(const Note& n) override { c.exec(rows::noteSql(rows::Dialect::Postgres).remove.c_str(), {board, n.id}); }
    void addLink(const Link& l) override { c.exec(rows::linkSql(rows::Dialect::Postgres).insert.c_str(), rows::params(board, l)); }
    void changeLink(const Link& l) override {
        if (c.exec(rows::linkSql(rows::Dialect::Postgres).update.c_str(), rows::params(board, l)).affected() == 0)
            throw Gone();
    }
    void removeLink(const Link& l) override { c.exec(rows::linkSql(rows::Dialect::Postgres).remove.c_str(), {board, l.id}); }
    void writeBoard(const BoardInfo& b) override { writeBoardRow(c, board, b); }
    std::vector<Insight> insightsCiting(const std::string& noteId) override {
        Result r = c.exec(rows::insightsCitingSql(rows::Dialect::Postgres).c_str(), {board, noteId});
        std::vector<Insight> out;
        for (int i = 0; i < r.rows(); ++i) out.push_back(rows::insightFromRow(r, i));
        return out;
    }
    void addInsight(const Insight& i) override {
        c.exec(rows::insightSql(rows::Dialect::Postgres).insert.c_str(), rows::params(board, i));
    }
    void changeInsight(const Insight& i) override {
        if (c.exec(rows::insightSql(rows::Dialect::Postgres).update.c_str(), rows::params(board, i)).affected() == 0)
            throw Gone();
    }
    void removeInsight(const Insight& i) override {
        c.exec(rows::insightSql(rows::Dialect::Postgres).remove.c_str(), {board, i.id});
    }
    void log(std::int64_t seq, const std::string& author, Millis time, const std::string& source,
             const std::string& payload, const Param& changeId = std::nullopt) {
        c.exec("INSERT INTO customer_canvas.change_log (board, seq, author, time, source, payload, client_change) "
               "VALUES ($1, $2, $3, $4, $5, $6, $7)",
               {board, pg::num(seq), author, pg::num(std::int64_t(time)), source, payload, changeId});
    }
};

}  // namespace

int currentServerSchemaVersion() { return pg::currentVersion(); }

PgBoard::PgBoard(pg::ServerAddress addr, Mode mode, std::optional<std::string> password, PasswordPrompt askPassword)
    : m_addr(std::move(addr)),
      m_mode(mode),
      m_password(std::move(password)),
      m_askPassword(std::move(askPassword)),
      m_channel(channelFor(m_addr.board)),
      m_work(pg::Replica::pathFor(m_addr.server, m_addr.board), m_addr.display) {}

std::string PgBoard::suggestedFolder() const {
    std::error_code ec;
    return std::filesystem::current_path(ec).string();
}

void PgBoard::fail(const std::string& what, const PgError& e) {
    if (e.connectionLost()) goOffline();
    if (e.sqlState() == state::kInsufficientPrivilege || e.sqlState() == state::kReadOnlyTransaction)
        throw BoardError(message(CC_TEMPLATE("{1}: {2}: this role may only read this board ({3}); ask an administrator for INSERT, UPDATE and "
                                             "DELETE on the tables in schema customer_canvas"), {m_addr.display, what, e.what()}));
    if (e.connectionLost()) throw BoardError(message(CC_TEMPLATE("{1}: {2}: the server cannot be reached ({3})"), {m_addr.display, what, e.what()}));
    throw BoardError(message(CC_TEMPLATE("{1}: {2} ({3})"), {m_addr.display, what, e.what()}));
}

void PgBoard::connect() {
    pg::ConnParams params{{"connect_timeout", "10"},
                          {"fallback_application_name", "customer-canvas"},
                          {"dbname", m_addr.uri}};
    bool needsPassword = false;
    try {
        if (m_password) params.emplace_back("password", *m_password);
        m_conn.emplace(pg::Connection::open(params, &needsPassword));
    } catch (const PgError& e) {
        if (!needsPassword && looksUnreachable(e.what()))
            throw Unreachable(message(CC_TEMPLATE("{1}: cannot connect to the server ({2})"), {m_addr.display, e.what()}));
        if (!needsPassword || m_password || !m_askPassword)
            throw BoardError(message(CC_TEMPLATE("{1}: cannot connect to the server ({2})"), {m_addr.display, e.what()}));
        std::optional<std::string> typed = m_askPassword(m_addr.display);
        if (!typed) throw BoardError(message(CC_TEMPLATE("{1}: cannot connect to the server (no password given)"), {m_addr.display}));
        m_password = std::move(typed);
        params.emplace_back("password", *m_password);
        try {
            m_conn.emplace(pg::Connection::open(params, nullptr));
        } catch (const PgError& e2) {
            throw BoardError(message(CC_TEMPLATE("{1}: cannot connect to the server ({2})"), {m_addr.display, e2.what()}));
        }
    }
    try {
        // Listen before anything is read: a commit made after the load's snapshot then always
        // arrives as a notification.
        m_conn->script(("LISTEN " + m_channel).c_str());
    } catch (const PgError& e) {
        fail(message(CC_TEMPLATE("cannot listen for changes")), e);
    }
}

pg::Connection& PgBoard::conn() {
    if (m_work.offline() || !m_conn || !m_conn->ok()) {
        goOffline();
        throw PgError(message(CC_TEMPLATE("the server cannot be reached")), "", true);
    }
    return *m_conn;
}

void PgBoard::goOffline() {
    // What a broken pull read is read again when the server is back.
    m_conn.reset();
    m_work.wentAway();
}

bool PgBoard::reconnect() {
    try {
        connect();
    } catch (const BoardError&) {
        m_conn.reset();
        return false;
    }
    return true;
}

std::size_t PgBoard::pendingChanges() { return m_work.pending(); }

void PgBoard::sendOutbox() {
    if (m_work.offline()) return;
    const bool sent = m_work.send([this](const ChangeSet& cs, const std::string& changeId) { return commit(cs, changeId, true); },
                                  [this](std::int64_t seq) { markOwn(seq); });
    if (!sent) goOffline();
}

void PgBoard::requireBoard() {
    try {
        Result r = conn().exec("SELECT 1 FROM customer_canvas.board WHERE name = $1", {m_addr.board});
        if (r.rows() == 0)
            throw BoardError(message(CC_TEMPLATE("{1}: there is no board named '{2}' on this server (create it with 'customer-canvas new ADDRESS --board NAME')"),
                                     {m_addr.display, m_addr.board}));
    } catch (const PgError& e) {
        if (e.sqlState() == state::kInsufficientPrivilege)
            throw BoardError(message(CC_TEMPLATE("{1}: this role may not read the boards ({2}); ask an administrator for USAGE on schema customer_canvas and SELECT on its tables"),
                                     {m_addr.display, e.what()}));
        fail(message(CC_TEMPLATE("cannot open the board")), e);
    }
}

std::unique_ptr<PgBoard> PgBoard::open(const std::string& address, Mode mode, const std::string& boardName,
                                       const PasswordPrompt& askPassword) {
    std::unique_ptr<PgBoard> b(new PgBoard(pg::parseServerAddress(address, boardName), mode, std::nullopt, askPassword));
    try {
        b->connect();
    } catch (const Unreachable&) {
        // Away: a board worked on from this computer before opens from its local copy.
        if (!b->m_work.openCopy(false)) throw;
        b->m_work.wentAway(true);
        return b;
    }
    try {
        pg::ensureSchema(*b->m_conn, mode == Mode::ReadWrite, b->m_addr.display);
    } catch (const PgError& e) {
        b->fail(message(CC_TEMPLATE("cannot open the board")), e);
    }
    b->requireBoard();
    // Reading only, a copy is used when there is one: changes made offline are still sent as
    // soon as the board is opened with the server there.
    try {
        b->m_work.openCopy(mode == Mode::ReadWrite);
    } catch (const BoardError&) {
        b->m_work.dropCopy();  // no local copy (no state folder, a full disk): online only
    }
    b->sendOutbox();
    if (mode == Mode::ReadOnly) b->m_work.dropCopy();
    return b;
}

std::unique_ptr<BoardStore> PgBoard::openAnother(Mode mode) const {
    std::unique_ptr<PgBoard> b(new PgBoard(m_addr, mode, m_password, m_askPassword));
    try {
        b->connect();
    } catch (const Unreachable&) {
        if (!b->m_work.openCopy(false)) throw;
        b->m_work.wentAway(true);
        return b;
    }
    b->requireBoard();
    return b;
}

std::unique_ptr<PgBoard> PgBoard::create(const std::string& address, const BoardInfo& board, const std::string& author,
                                         const std::string& boardName, const PasswordPrompt& askPassword) {
    std::unique_ptr<PgBoard> b(new PgBoard(pg::parseServerAddress(address, boardName), Mode::ReadWrite, std::nullopt, askPassword));
    b->connect();
    pg::Connection& c = *b->m_conn;
    try {
        pg::ensureSchema(c, true, b->m_addr.display);
        pg::Transaction tx(c);
        c.exec("INSERT INTO customer_canvas.board (name, id, title, template, created, wall_width, wall_height, last_seq) "
               "VALUES ($1, $2, $3, $4, $5, $6, $7, 1)",
               {b->m_addr.board, board.id, board.title, board.templateKey, pg::num(std::int64_t(board.created)),
                pg::num(board.wallWidth), pg::num(board.wallHeight)});
        writeBoardRow(c, b->m_addr.board, board);
        ChangeSet created;
        created.author = author;
        created.time = board.created;
        created.board = std::make_pair(BoardInfo{}, board);
        Writer{c, b->m_addr.board}.log(1, author, board.created, "user", changeSetToJson(created));
        tx.commit();
    } catch (const PgError& e) {
        if (e.sqlState() == state::kUniqueViolation)
            throw BoardError(message(CC_TEMPLATE("{1}: a board named '{2}' already exists on this server; choose another name"),
                                     {b->m_addr.display, b->m_addr.board}));
        b->fail(message(CC_TEMPLATE("cannot create the board")), e);
    }
    return b;
}

BoardInfo PgBoard::readBoardInfo() {
    BoardInfo b;
    pg::Connection& c = conn();
    {
        Result r = c.exec("SELECT id, title, template, created, wall_width, wall_height FROM customer_canvas.board "
                          "WHERE name = $1",
                          {m_addr.board});
        if (r.rows() == 0) throw BoardError(message(CC_TEMPLATE("{1}: the board was deleted from the server"), {m_addr.display}));
        b.id = r.text(0, 0, kMaxIdBytes);
        b.title = r.text(0, 1, kMaxFieldBytes);
        b.templateKey = r.text(0, 2, 64);
        b.created = r.int64(0, 3);
        b.wallWidth = r.real(0, 4);
        b.wallHeight = r.real(0, 5);
    }
    Result r = c.exec("SELECT idx, title, description FROM customer_canvas.quadrant WHERE board = $1 ORDER BY idx",
                      {m_addr.board});
    int count = 0;
    for (int i = 0; i < r.rows() && i < 4; ++i) {
        const int idx = static_cast<int>(r.int64(i, 0));
        if (idx < 1 || idx > 4) continue;
        b.quadrants[idx - 1] = QuadrantInfo{idx, r.text(i, 1, kMaxFieldBytes), r.text(i, 2, kMaxFieldBytes)};
        ++count;
    }
    if (count != 4) throw BoardError(message(CC_TEMPLATE("{1}: the board has {2} quadrants, not 4"), {m_addr.display, std::to_string(count)}));
    return b;
}

std::unique_ptr<Document> PgBoard::load(const SourceKinds& kinds) {
    if (m_work.offline() && m_work.hasCopy()) {
        std::vector<std::string> repaired;
        auto doc = m_work.loadCopy(kinds, repaired);
        addRepairs(repaired);
        markLoaded(m_work.mirroredSeq());
        return doc;
    }
    try {
        pg::Connection& c = conn();
        // One snapshot for the records and the log's newest row: REPEATABLE READ.
        pg::Transaction tx(c);
        c.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
        BoardInfo b = readBoardInfo();
        std::vector<Note> notes;
        std::unordered_map<std::string, std::size_t> index;
        {
            Result r = c.exec((rows::noteSql(rows::Dialect::Postgres).select + " WHERE board = $1").c_str(),
                              {m_addr.board});
            notes.reserve(static_cast<std::size_t>(r.rows()));
            for (int i = 0; i < r.rows(); ++i) {
                Note n = rows::noteFromRow(r, i);
                index.emplace(n.id, notes.size());
                notes.push_back(std::move(n));
            }
        }
        {
            Result r = c.exec("SELECT note_id, tag FROM customer_canvas.note_tag WHERE board = $1 ORDER BY note_id, tag",
                              {m_addr.board});
            for (int i = 0; i < r.rows(); ++i) {
                auto it = index.find(r.text(i, 0, kMaxIdBytes));
                if (it == index.end()) continue;
                auto& tags = notes[it->second].tags;
                // One more than a note may hold is kept, so that the guard notices and cuts.
                if (tags.size() > limits::kTagsPerNote) continue;
                tags.push_back(r.text(i, 1, kMaxFieldBytes));
            }
        }
        std::vector<Link> links;
        {
            Result r = c.exec((rows::linkSql(rows::Dialect::Postgres).select + " WHERE board = $1").c_str(),
                              {m_addr.board});
            links.reserve(static_cast<std::size_t>(r.rows()));
            for (int i = 0; i < r.rows(); ++i) links.push_back(rows::linkFromRow(r, i));
        }
        std::vector<Insight> insights;
        {
            Result r = c.exec((rows::insightSql(rows::Dialect::Postgres).select + " WHERE board = $1").c_str(),
                              {m_addr.board});
            insights.reserve(static_cast<std::size_t>(r.rows()));
            for (int i = 0; i < r.rows(); ++i) insights.push_back(rows::insightFromRow(r, i));
        }
        const std::int64_t newest =
            c.exec("SELECT coalesce(max(seq), 0) FROM customer_canvas.change_log WHERE board = $1", {m_addr.board})
                .int64(0, 0);
        tx.commit();
        auto doc = guardedDocument(std::move(b), std::move(notes), std::move(links), kinds, std::move(insights));
        markLoaded(newest);
        m_work.loaded(*doc, newest);
        return doc;
    } catch (const PgError& e) {
        if (e.connectionLost() && m_work.hasCopy()) {
            goOffline();
            return load(kinds);
        }
        fail(message(CC_TEMPLATE("cannot read the board")), e);
    } catch (const BoardError&) {
        throw;
    } catch (const std::exception& e) {
        failRead(CC_TEMPLATE("cannot read the board"), e);
    }
}

std::int64_t PgBoard::persist(const ChangeSet& cs) {
    if (m_mode == Mode::ReadOnly) throw BoardError(message(CC_TEMPLATE("{1}: the board is open for reading only"), {m_addr.display}));
    const std::string changeId = newChangeId();
    if (!m_work.offline()) {
        try {
            const std::int64_t seq = commit(cs, changeId, false);
            markOwn(seq);
            return seq;
        } catch (const pg::ConnectionLost&) {
            goOffline();  // did the COMMIT arrive? The change id makes sending it again safe.
        }
    }
    m_work.keep(changeId, cs);
    return 0;
}

std::int64_t PgBoard::commit(const ChangeSet& cs, const std::string& changeId, bool again) {
    try {
        pg::Connection& c = conn();
        pg::Transaction tx(c);
        // The board's row is the lock: whoever holds it numbers the next log row and commits
        // before the next writer can, so the log's order is the order of the commits.
        Result seqRow = c.exec("UPDATE customer_canvas.board SET last_seq = last_seq + 1 WHERE name = $1 RETURNING last_seq",
                               {m_addr.board});
        if (seqRow.rows() == 0) throw BoardError(message(CC_TEMPLATE("{1}: the change was not saved: the board was deleted from the server"), {m_addr.display}));
        const std::int64_t seq = seqRow.int64(0, 0);
        // Sent before, and the first COMMIT did arrive: nothing to do (the transaction rolls back).
        if (again) {
            Result already = c.exec("SELECT seq FROM customer_canvas.change_log WHERE board = $1 AND client_change = $2",
                                    {m_addr.board, changeId});
            if (already.rows() > 0) return already.int64(0, 0);
        }
        Writer w{c, m_addr.board};
        const std::optional<ChangeSet> widened = rows::writeChangeSet(w, cs);
        const ChangeSet& logged = widened ? *widened : cs;
        // A large change (an import) is logged as several rows, each small enough to read back;
        // the first carries the change id, and the board's row, locked, numbers the rest.
        std::vector<std::int64_t> seqs;
        forEachLogPart(logged, kLogPart, [&](const ChangeSet& part) {
            std::int64_t partSeq = seq;
            if (!seqs.empty())
                partSeq = c.exec("UPDATE customer_canvas.board SET last_seq = last_seq + 1 WHERE name = $1 RETURNING last_seq",
                                 {m_addr.board})
                              .int64(0, 0);
            w.log(partSeq, cs.author, cs.time, std::string(toString(cs.source)), changeSetToJson(part),
                  seqs.empty() ? pg::Param(changeId) : pg::Param(std::nullopt));
            seqs.push_back(partSeq);
        });
        // Delivered at commit, to every process listening on the board.
        c.exec("SELECT pg_notify($1, $2)", {m_channel, pg::num(seqs.back())});
        tx.commit();
        m_work.committed(logged);
        // The caller marks the last row as this store's own; the others are marked here.
        for (std::size_t i = 0; i + 1 < seqs.size(); ++i) markOwn(seqs[i]);
        return seqs.back();
    } catch (const Gone&) {
        throw BoardError(message(CC_TEMPLATE("{1}: the change was not saved: a note or link it changes was deleted by someone else meanwhile"), {m_addr.display}));
    } catch (const PgError& e) {
        if (e.connectionLost()) throw pg::ConnectionLost{};
        if (e.sqlState() == state::kForeignKeyViolation)
            throw BoardError(message(CC_TEMPLATE("{1}: the change was not saved: a note it refers to was deleted by someone else meanwhile"), {m_addr.display}));
        if (e.sqlState() == "22003")  // numeric_value_out_of_range: last_seq + 1 past 2^63 - 1
            throw BoardError(message(CC_TEMPLATE("{1}: the change was not saved: the change log's sequence number is at its 64-bit limit "
                                                 "(set by a row someone wrote on the server; see `check`), so no change can be saved to this board"), {m_addr.display}));
        fail(message(CC_TEMPLATE("the change was not saved")), e);
    }
}

std::int64_t PgBoard::lastSequence() {
    if (m_work.offline()) return m_work.mirroredSeq();
    try {
        return conn()
            .exec("SELECT coalesce(max(seq), 0) FROM customer_canvas.change_log WHERE board = $1", {m_addr.board})
            .int64(0, 0);
    } catch (const PgError& e) {
        fail(message(CC_TEMPLATE("cannot read the change log")), e);
    }
}

std::vector<LogEntry> PgBoard::changeLog(std::int64_t afterSeq, std::size_t max) {
    std::vector<LogEntry> out;
    if (m_work.offline()) return out;  // the history lives on the server
    try {
        // In pages, so a long history is never one huge result in memory twice.
        constexpr std::size_t kPage = 2000;
        std::int64_t after = afterSeq;
        while (out.size() < max) {
            const std::size_t want = std::min(kPage, max - out.size());
            Result r = conn().exec("SELECT seq, author, time, source, payload FROM customer_canvas.change_log "
                                   "WHERE board = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                                   {m_addr.board, pg::num(after), pg::num(std::int64_t(want))});
            for (int i = 0; i < r.rows(); ++i) out.push_back(logFromRow(r, i));
            if (static_cast<std::size_t>(r.rows()) < want) break;
            after = out.back().seq;
        }
    } catch (const PgError& e) {
        fail(message(CC_TEMPLATE("cannot read the change log")), e);
    } catch (const std::exception& e) {
        failRead(CC_TEMPLATE("cannot read the change log"), e);
    }
    return out;
}

std::vector<LogEntry> PgBoard::recentChanges(std::size_t max, const std::string& needle) {
    std::vector<LogEntry> out;
    if (m_work.offline()) return out;
    try {
        // strpos rather than LIKE: an id or a word may hold % or _, which LIKE would read as patterns.
        Result r = conn().exec("SELECT seq, author, time, source, payload FROM customer_canvas.change_log "
                               "WHERE board = $1 AND ($2 = '' OR strpos(payload, $2) > 0) ORDER BY seq DESC LIMIT $3",
                               {m_addr.board, needle,
                                pg::num(std::int64_t(std::min<std::size_t>(max, std::numeric_limits<std::int32_t>::max())))});
        for (int i = 0; i < r.rows(); ++i) out.push_back(logFromRow(r, i));
    } catch (const PgError& e) {
        fail(message(CC_TEMPLATE("cannot read the change log")), e);
    } catch (const std::exception& e) {
        failRead(CC_TEMPLATE("cannot read the change log"), e);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<std::string> PgBoard::integrityProblems() {
    std::vector<std::string> out;
    if (m_work.offline()) return {message(CC_TEMPLATE("the server cannot be reached: nothing was checked"))};
    try {
        pg::Connection& c = conn();
        const std::int64_t quadrants =
            c.exec("SELECT count(*) FROM customer_canvas.quadrant WHERE board = $1", {m_addr.board}).int64(0, 0);
        if (quadrants != 4) out.push_back(message(CC_TEMPLATE("the board has {1} quadrants, not 4"), {std::to_string(quadrants)}));
        Result r = c.exec("SELECT l.id FROM customer_canvas.link l WHERE l.board = $1 AND NOT EXISTS "
                          "(SELECT 1 FROM customer_canvas.note n WHERE n.board = l.board AND n.id = l.from_id) OR "
                          "l.board = $1 AND NOT EXISTS "
                          "(SELECT 1 FROM customer_canvas.note n WHERE n.board = l.board AND n.id = l.to_id) LIMIT 100",
                          {m_addr.board});
        for (int i = 0; i < r.rows(); ++i)
            out.push_back(message(CC_TEMPLATE("foreign key: link {1} points at a missing note"), {r.text(i, 0, kMaxIdBytes)}));
        Result s = c.exec("SELECT b.last_seq, coalesce(max(l.seq), 0) FROM customer_canvas.board b LEFT JOIN "
                          "customer_canvas.change_log l ON l.board = b.name WHERE b.name = $1 GROUP BY b.last_seq",
                          {m_addr.board});
        if (s.rows() == 1 && s.int64(0, 1) > s.int64(0, 0))
            out.push_back(message(CC_TEMPLATE("the change log's newest row {1} is beyond the board's counter {2}"),
                                  {std::to_string(s.int64(0, 1)), std::to_string(s.int64(0, 0))}));
        if (s.rows() == 1 && s.int64(0, 0) > kSequenceWarning && s.int64(0, 0) > s.int64(0, 1))
            out.push_back(message(CC_TEMPLATE("the change log's sequence counter {1} is near its 64-bit limit: a row written by someone else?"),
                                  {std::to_string(s.int64(0, 0))}));
    } catch (const std::exception& e) {
        out.push_back(message(CC_TEMPLATE("integrity check failed: {1}"), {e.what()}));
    }
    return out;
}

void PgBoard::writeAll(const Document& doc, const std::vector<LogEntry>& log, const ProgressFn& progress) {
    // The records are a small part of the work, the change log the rest.
    const ProgressStage records(progress, 0, 0.2), history(progress, 0.2, 1);
    try {
        pg::Connection& c = conn();
        pg::Transaction tx(c);
        c.exec("SELECT 1 FROM customer_canvas.board WHERE name = $1 FOR UPDATE", {m_addr.board});
        if (c.exec("SELECT count(*) FROM customer_canvas.note WHERE board = $1", {m_addr.board}).int64(0, 0) != 0)
            throw BoardError(message(CC_TEMPLATE("{1}: the board is not empty"), {m_addr.display}));
        c.exec("DELETE FROM customer_canvas.change_log WHERE board = $1", {m_addr.board});
        writeBoardRow(c, m_addr.board, doc.board());
        Writer w{c, m_addr.board};
        writeRecords(w, doc, records);
        std::size_t done = 0;
        std::int64_t newest = 0;
        for (const auto& e : log) {
            history.step(done++, log.size());
            w.log(e.seq, e.author, e.time, e.source, e.payload);
            newest = std::max(newest, e.seq);
        }
        history.report(1);
        c.exec("UPDATE customer_canvas.board SET last_seq = $2 WHERE name = $1", {m_addr.board, pg::num(newest)});
        c.exec("SELECT pg_notify($1, $2)", {m_channel, pg::num(newest)});
        tx.commit();
    } catch (const PgError& e) {
        fail(message(CC_TEMPLATE("cannot write the board")), e);
    }
}

void PgBoard::dropBoard() {
    try {
        pg::Connection& c = conn();
        pg::Transaction tx(c);
        // Rows without a cascade from the board's row go first.
        c.exec("DELETE FROM customer_canvas.link WHERE board = $1", {m_addr.board});
        c.exec("DELETE FROM customer_canvas.note_tag WHERE board = $1", {m_addr.board});
        c.exec("DELETE FROM customer_canvas.board WHERE name = $1", {m_addr.board});
        tx.commit();
    } catch (const PgError&) {
        // Best effort: the caller is already reporting why the board is not whole.
    }
}

namespace {
/// A text[] parameter in PostgreSQL's array syntax (bound, never spliced into SQL).
std::string textArray(const std::set<std::string>& items) {
    std::string out = "{";
    for (const auto& item : items) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (char c : item) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}
}  // namespace

StoredRecords PgBoard::readRecords(const std::set<std::string>& notes, const std::set<std::string>& links,
                                   bool board, const std::set<std::string>& insights) {
    // Every record the new rows touched, in two round trips instead of one per record.
    StoredRecords out;
    pg::Connection& c = conn();
    if (!notes.empty()) {
        static const std::string sql = "SELECT " + rows::noteSql(rows::Dialect::Postgres).columnsOf("n") +
                                       ", t.tag FROM customer_canvas.note n LEFT JOIN customer_canvas.note_tag t ON "
                                       "t.board = n.board AND t.note_id = n.id WHERE n.board = $1 AND "
                                       "n.id = ANY($2::text[]) ORDER BY n.id, t.tag";
        const int tagColumn = static_cast<int>(rows::noteSql(rows::Dialect::Postgres).count);
        Result r = c.exec(sql.c_str(), {m_addr.board, textArray(notes)});
        for (const auto& id : notes) out.notes[id] = std::nullopt;
        for (int i = 0; i < r.rows(); ++i) {
            auto& slot = out.notes[r.text(i, 0, kMaxIdBytes)];
            if (!slot) slot = rows::noteFromRow(r, i);
            // One more than a note may hold is kept, so that the guard notices and cuts.
            if (!r.isNull(i, tagColumn) && slot->tags.size() <= limits::kTagsPerNote)
                slot->tags.push_back(r.text(i, tagColumn, rows::kMaxFieldBytes));
        }
    }
    if (!links.empty()) {
        static const std::string sql = rows::linkSql(rows::Dialect::Postgres).select + " WHERE board = $1 AND id = ANY($2::text[])";
        Result r = c.exec(sql.c_str(), {m_addr.board, textArray(links)});
        for (const auto& id : links) out.links[id] = std::nullopt;
        for (int i = 0; i < r.rows(); ++i) out.links[r.text(i, 0, kMaxIdBytes)] = rows::linkFromRow(r, i);
    }
    if (!insights.empty()) {
        static const std::string sql = rows::insightSql(rows::Dialect::Postgres).select + " WHERE board = $1 AND id = ANY($2::text[])";
        Result r = c.exec(sql.c_str(), {m_addr.board, textArray(insights)});
        for (const auto& id : insights) out.insights[id] = std::nullopt;
        for (int i = 0; i < r.rows(); ++i) out.insights[r.text(i, 0, kMaxIdBytes)] = rows::insightFromRow(r, i);
    }
    if (board) out.board = readBoardInfo();
    return out;
}

bool PgBoard::othersMayHaveCommitted() {
    if (m_work.offline()) {
        if (!m_work.retryDue() || !reconnect()) return false;
        markLoaded(m_work.cameBack());
        sendOutbox();  // what waited goes first; then the pull reads the log from there
        return !m_work.offline();
    }
    try {
        return conn().takeNotifications(m_channel) != 0;
    } catch (const PgError&) {
        goOffline();
        return false;
    }
}

void PgBoard::pulled(const StoredRecords& read, std::int64_t newestSeq) { m_work.pulled(read, newestSeq); }

bool PgBoard::online() const { return !m_work.offline(); }

std::string PgBoard::connectionStatus() const { return m_work.status(); }

void PgBoard::announce(const Presence& me) {
    if (!m_canAnnounce || m_mode == Mode::ReadOnly || m_work.offline()) return;
    try {
        pg::Connection& c = conn();
        c.exec("INSERT INTO customer_canvas.presence (board, session, name, colour, selected, editing, seen) "
               "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (board, session) DO UPDATE SET name = excluded.name, "
               "colour = excluded.colour, selected = excluded.selected, editing = excluded.editing, seen = excluded.seen",
               {m_addr.board, me.session, me.name, pg::num(std::int64_t(me.colour)), selectionToColumn(me.selected), me.editing,
                pg::num(std::int64_t(nowMillis()))});
        c.exec("DELETE FROM customer_canvas.presence WHERE board = $1 AND seen < $2",
               {m_addr.board, pg::num(std::int64_t(nowMillis() - 10 * kPresenceTimeout))});
    } catch (const PgError& e) {
        // A role that may only read the board is still welcome to look; it just is not announced.
        if (e.sqlState() == state::kInsufficientPrivilege || e.sqlState() == state::kReadOnlyTransaction) {
            m_canAnnounce = false;
            return;
        }
        if (e.connectionLost()) {
            goOffline();
            return;
        }
        fail(message(CC_TEMPLATE("cannot announce this window")), e);
    }
}

std::vector<Presence> PgBoard::others(const std::string& mySession) {
    std::vector<Presence> out;
    if (m_work.offline()) return out;
    try {
        Result r = conn().exec("SELECT session, name, colour, selected, editing, seen FROM customer_canvas.presence "
                               "WHERE board = $1 AND session <> $2 AND seen >= $3 ORDER BY name, session LIMIT 100",
                               {m_addr.board, mySession, pg::num(std::int64_t(nowMillis() - kPresenceTimeout))});
        for (int i = 0; i < r.rows(); ++i) {
            Presence p;
            p.session = r.text(i, 0, kMaxIdBytes);
            p.name = r.text(i, 1, limits::kShortBytes * 4).substr(0, limits::kShortBytes);
            p.colour = static_cast<std::uint32_t>(r.int64(i, 2)) & 0xFFFFFF;
            p.selected = selectionFromColumn(r.text(i, 3, 1u << 20));
            p.editing = r.text(i, 4, kMaxIdBytes);
            p.seen = r.int64(i, 5);
            out.push_back(std::move(p));
        }
    } catch (const PgError& e) {
        if (e.connectionLost()) {
            goOffline();
            return out;
        }
        fail(message(CC_TEMPLATE("cannot see who else is here")), e);
    } catch (const std::exception& e) {
        failRead(CC_TEMPLATE("cannot see who else is here"), e);
    }
    return out;
}

void PgBoard::leave(const std::string& session) {
    try {
        if (m_conn && m_conn->ok())
            m_conn->exec("DELETE FROM customer_canvas.presence WHERE board = $1 AND session = $2", {m_addr.board, session});
    } catch (const PgError&) {
        // Leaving is a courtesy: an entry left behind ages out in seconds anyway.
    }
}

}  // namespace cc
