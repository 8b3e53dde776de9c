#pragma once
// A thin RAII layer over libpq: a connection, a result, a transaction that rolls back unless
// committed. Every statement binds its parameters (PQexecParams); nothing is ever spliced into SQL.

#include <libpq-fe.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "canvas/wording.h"  // message(): a PgError of this program's own reads in the interface language

namespace cc::pg {

/// What the server (or libpq) said, on one line, with the SQLSTATE when there is one.
class PgError : public std::runtime_error {
public:
    PgError(const std::string& message, std::string sqlState, bool connectionLost)
        : std::runtime_error(message), m_sqlState(std::move(sqlState)), m_connectionLost(connectionLost) {}
    const std::string& sqlState() const { return m_sqlState; }
    /// The server could not be reached or went away (rather than refusing the statement).
    bool connectionLost() const { return m_connectionLost; }

private:
    std::string m_sqlState;
    bool m_connectionLost;
};

/// One parameter: a value in PostgreSQL's text form, or NULL.
using Param = std::optional<std::string>;

/// Text forms of values for parameters; doubles round-trip exactly.
std::string num(std::int64_t v);
std::string num(double v);

class Result {
public:
    explicit Result(PGresult* r = nullptr) : m_res(r) {}
    Result(Result&& o) noexcept : m_res(o.m_res) { o.m_res = nullptr; }
    Result& operator=(Result&& o) noexcept;
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    ~Result() { if (m_res) PQclear(m_res); }

    int rows() const { return m_res ? PQntuples(m_res) : 0; }
    int columns() const { return m_res ? PQnfields(m_res) : 0; }
    bool isNull(int row, int col) const { return PQgetisnull(m_res, row, col) != 0; }
    std::size_t length(int row, int col) const { return static_cast<std::size_t>(PQgetlength(m_res, row, col)); }
    /// The value as text; throws when it is longer than `maxBytes` (a server is not trusted with sizes).
    std::string text(int row, int col, std::size_t maxBytes) const;
    std::int64_t int64(int row, int col) const;
    double real(int row, int col) const;
    /// Rows changed by an INSERT, UPDATE or DELETE.
    std::int64_t affected() const;

private:
    PGresult* m_res;
};

/// Connection parameters: libpq's keywords and values, in order (later ones win).
using ConnParams = std::vector<std::pair<std::string, std::string>>;

class Connection {
public:
    /// Connects; throws PgError with libpq's reason on one line. `needsPassword` is set when the
    /// server asked for a password that none of libpq's sources supplied.
    static Connection open(const ConnParams& params, bool* needsPassword = nullptr);

    Connection(Connection&& o) noexcept : m_conn(o.m_conn) { o.m_conn = nullptr; }
    Connection& operator=(Connection&& o) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() { if (m_conn) PQfinish(m_conn); }

    /// Runs one statement with bound parameters; throws PgError when it fails.
    Result exec(const char* sql, const std::vector<Param>& params = {});
    /// Runs a fixed script of statements without parameters (migrations).
    void script(const char* sql);
    /// Reads what arrived on the socket without blocking and returns the notifications on
    /// `channel` sent by other sessions (0 when none). Throws PgError when the connection is gone.
    int takeNotifications(const std::string& channel);
    bool ok() const { return m_conn && PQstatus(m_conn) == CONNECTION_OK; }
    int socket() const { return m_conn ? PQsocket(m_conn) : -1; }
    PGconn* raw() { return m_conn; }

private:
    explicit Connection(PGconn* c) : m_conn(c) {}
    [[noreturn]] void fail(PGresult* res);
    PGconn* m_conn;
};

/// BEGIN ... COMMIT; rolls back in its destructor unless committed.
class Transaction {
public:
    explicit Transaction(Connection& c) : m_conn(c) { m_conn.exec("BEGIN"); }
    ~Transaction();
    void commit() {
        m_done = true;  // a COMMIT that fails ends the transaction too
        m_conn.exec("COMMIT");
    }

private:
    Connection& m_conn;
    bool m_done = false;
};

/// SQLSTATE classes and codes this project reacts to.
namespace state {
inline constexpr const char* kInsufficientPrivilege = "42501";
inline constexpr const char* kForeignKeyViolation = "23503";
inline constexpr const char* kUniqueViolation = "23505";
inline constexpr const char* kReadOnlyTransaction = "25006";
}  // namespace state

}  // namespace cc::pg
