#pragma once
// A team-server address: a PostgreSQL connection URI (postgresql://user@host:port/dbname?...)
// and the board's name, from --board or the URI's own "board" parameter.

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

/// Splits an address; `boardOption` is --board (may be empty). Throws BoardError (one line, no
/// password in it) when the board is not named, named twice differently, or the name is not valid.
ServerAddress parseServerAddress(const std::string& address, const std::string& boardOption);

/// The address without any password (in the user part, a password= or sslpassword= parameter).
std::string withoutPassword(const std::string& uri);

}  // namespace cc::pg
