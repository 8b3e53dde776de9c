#include "storage/board_file.h"
#include "storage/board_store.h"
#include "storage/pg/pg_address.h"
#include "storage/pg/pg_board.h"

namespace cc {

bool isServerAddress(const std::string& address) { return pg::isServerAddress(address); }

namespace {

/// Refuses a URI of another scheme ("postgresq://u:pw@db/x") before it is taken for a file name
/// and printed, password and all.
void checkNotOtherUri(const std::string& address) {
    if (address.find("://") != std::string::npos)
        throw BoardError(message(CC_TEMPLATE("{1}: not a board file, and a team server's address starts with postgresql://"), {pg::withoutPassword(address)}));
}

}  // namespace

std::unique_ptr<BoardStore> openBoard(const std::string& address, BoardStore::Mode mode, const std::string& boardName,
                                      const PasswordPrompt& askPassword) {
    if (isServerAddress(address)) return PgBoard::open(address, mode, boardName, askPassword);
    checkNotOtherUri(address);
    if (!boardName.empty()) throw BoardError(message(CC_TEMPLATE("{1}: --board names a board on a team server, not in a file"), {address}));
    return BoardFile::open(address, mode);
}

std::unique_ptr<BoardStore> createBoard(const std::string& address, const BoardInfo& board, const std::string& author,
                                        const std::string& boardName, const PasswordPrompt& askPassword) {
    if (isServerAddress(address)) return PgBoard::create(address, board, author, boardName, askPassword);
    checkNotOtherUri(address);
    if (!boardName.empty()) throw BoardError(message(CC_TEMPLATE("{1}: --board names a board on a team server, not in a file"), {address}));
    return BoardFile::create(address, board, author);
}

}  // namespace cc
