#include "storage/pg/pg_conn.h"

#include <charconv>
#include <cstring>

namespace cc::pg {

namespace {

/// libpq's messages span lines ("connection to server ... failed: FATAL: ...\n"); a person gets one.
std::string oneLine(const char* msg) {
    std::string s = msg ? msg : "";
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == '\n' || c == '\r' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out.empty() ? "unknown error" : out;
}

/// SQLSTATE class 08 is connection trouble; 57P01-57P03 the server shutting down or starting.
bool isConnectionState(const std::string& s) {
    return s.rfind("08", 0) == 0 || s == "57P01" || s == "57P02" || s == "57P03";
}

}  // namespace

std::string num(std::int64_t v) { return std::to_string(v); }

std::string num(double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest text that reads back exactly
    return std::string(buf, r.ptr);
}

Result& Result::operator=(Result&& o) noexcept {
    if (this != &o) {
        if (m_res) PQclear(m_res);
        m_res = o.m_res;
        o.m_res = nullptr;
    }
    return *this;
}

std::string Result::text(int row, int col, std::size_t maxBytes) const {
    const std::size_t n = length(row, col);
    if (n > maxBytes)
        throw std::runtime_error(message(CC_TEMPLATE("the server sent a value of {1} bytes in column '{2}', over the limit of {3}"),
                                         {std::to_string(n), PQfname(m_res, col), std::to_string(maxBytes)}));
    return std::string(PQgetvalue(m_res, row, col), n);
}

std::int64_t Result::int64(int row, int col) const {
    const char* s = PQgetvalue(m_res, row, col);
    const std::size_t n = length(row, col);
    std::int64_t v = 0;
    auto r = std::from_chars(s, s + n, v);
    if (r.ec != std::errc() || r.ptr != s + n)
        throw std::runtime_error(message(CC_TEMPLATE("the server sent '{1}' where a whole number belongs (column '{2}')"),
                                         {std::string_view(s, std::min<std::size_t>(n, 40)), PQfname(m_res, col)}));
    return v;
}

double Result::real(int row, int col) const {
    const char* s = PQgetvalue(m_res, row, col);
    const std::size_t n = length(row, col);
    double v = 0;
    auto r = std::from_chars(s, s + n, v);
    if (r.ec != std::errc() || r.ptr != s + n)
        throw std::runtime_error(message(CC_TEMPLATE("the server sent '{1}' where a number belongs (column '{2}')"),
                                         {std::string_view(s, std::min<std::size_t>(n, 40)), PQfname(m_res, col)}));
    return v;
}

std::int64_t Result::affected() const {
    const char* s = PQcmdTuples(m_res);
    return (s && *s) ? std::atoll(s) : 0;
}

Connection& Connection::operator=(Connection&& o) noexcept {
    if (this != &o) {
        if (m_conn) PQfinish(m_conn);
        m_conn = o.m_conn;
        o.m_conn = nullptr;
    }
    return *this;
}

Connection Connection::open(const ConnParams& params, bool* needsPassword) {
    std::vector<const char*> keys, values;
    for (const auto& [k, v] : params) {
        keys.push_back(k.c_str());
        values.push_back(v.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    // expand_dbname: the "dbname" value is the whole connection URI, handed to libpq as given,
    // so sslmode and every other parameter in it mean what libpq documents.
    PGconn* c = PQconnectdbParams(keys.data(), values.data(), 1);
    if (!c) throw PgError(message(CC_TEMPLATE("out of memory")), "", true);
    if (PQstatus(c) != CONNECTION_OK) {
        if (needsPassword) *needsPassword = PQconnectionNeedsPassword(c) != 0;
        std::string msg = oneLine(PQerrorMessage(c));
        PQfinish(c);
        throw PgError(msg, "", true);
    }
    // The server's notices (warnings) would go to stderr; errors come back as results anyway.
    PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
    // Coordinates come back exactly as they were sent: a server before PostgreSQL 12 rounds
    // floating-point values to 15 digits unless asked for all of them (12 and later send them all).
    PQclear(PQexec(c, "SET extra_float_digits = 3"));
    return Connection(c);
}

void Connection::fail(PGresult* res) {
    std::string sqlState;
    std::string msg;
    if (res) {
        const char* s = PQresultErrorField(res, PG_DIAG_SQLSTATE);
        if (s) sqlState = s;
        const char* primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
        msg = oneLine(primary ? primary : PQresultErrorMessage(res));
        PQclear(res);
    } else {
        msg = oneLine(PQerrorMessage(m_conn));
    }
    const bool lost = PQstatus(m_conn) != CONNECTION_OK || isConnectionState(sqlState) || sqlState.empty();
    throw PgError(msg, sqlState, lost);
}

Result Connection::exec(const char* sql, const std::vector<Param>& params) {
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) throw PgError(message(CC_TEMPLATE("the connection to the server is closed")), "", true);
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
    PGresult* res = PQexecParams(m_conn, sql, static_cast<int>(params.size()), nullptr, values.data(), nullptr,
                                 nullptr, 0);
    const ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail(res);
    return Result(res);
}

void Connection::script(const char* sql) {
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) throw PgError(message(CC_TEMPLATE("the connection to the server is closed")), "", true);
    // A fixed text of this program with several statements: PQexec, since PQexecParams runs one.
    PGresult* res = PQexec(m_conn, sql);
    const ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail(res);
    PQclear(res);
}

int Connection::takeNotifications(const std::string& channel) {
    if (!m_conn || PQstatus(m_conn) != CONNECTION_OK) throw PgError(message(CC_TEMPLATE("the connection to the server is closed")), "", true);
    if (PQconsumeInput(m_conn) == 0 || PQstatus(m_conn) != CONNECTION_OK)
        throw PgError(oneLine(PQerrorMessage(m_conn)), "", true);
    int count = 0;
    const int me = PQbackendPID(m_conn);
    while (PGnotify* n = PQnotifies(m_conn)) {
        if (n->be_pid != me && channel == n->relname) ++count;
        PQfreemem(n);
    }
    return count;
}

Transaction::~Transaction() {
    if (m_done) return;
    try {
        if (m_conn.ok()) m_conn.exec("ROLLBACK");
    } catch (...) {
        // The connection broke: the server rolls the transaction back itself.
    }
}

}  // namespace cc::pg
