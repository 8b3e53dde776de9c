#pragma once
// A team-server address: a PostgreSQL connection URI (postgresql://user@host:port/dbname?...) or a
// libpq keyword/value string (host=... dbname=...), and the board's name, from --board or the
// address's own "board" parameter.

#include <string>

namespace cc::pg {

struct ServerAddress {
    std::string uri;      ///< for libpq: the address as given, without the board parameter
    std::string board;    ///< the board's name in the database
    std::string display;  ///< for people and logs: the address without any password, with the board
    std::string server;   ///< the address without any password or board (names the local replica)
};

/// The longest board name accepted, in bytes.
inline constexpr std::size_t kMaxBoardNameBytes = 200;

/// Whether `address` names a team server: a postgresql:// or postgres:// URI (the scheme in any
/// case), or a libpq keyword/value connection string ("host=db1 dbname=research password=...").
bool isServerAddress(const std::string& address);

/// A server address as a postgresql:// URI: the scheme in lower case, a keyword/value string's
/// pairs as URI parameters (libpq takes every keyword as one). Anything else is returned as it is.
/// Throws BoardError (without the address: it may hold a password) for a keyword/value string
/// that cannot be taken apart.
std::string canonicalUri(const std::string& address);

/// Splits an address (any form isServerAddress() accepts); `boardOption` is --board (may be empty). Throws BoardError (one line, no
/// password in it) when the board is not named, named twice differently, or the name is not valid.
ServerAddress parseServerAddress(const std::string& address, const std::string& boardOption);

/// The address, as a URI, without any password (in the user part, a password= or sslpassword=
/// parameter). Everything that shows a server address to people goes through this.
std::string withoutPassword(const std::string& address);

}  // namespace cc::pg
