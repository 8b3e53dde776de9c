#include "board_file.h"
#include "board_store.h"
#include "pg_board.h"

namespace cc {

bool isServerAddress(const std::string& address) {
    return address.rfind("postgresql://", 0) == 0 || address.rfind("postgres://", 0) == 0;
}

std::unique_ptr<BoardStore> openBoard(const std::string& address, BoardStore::Mode mode, const std::string& boardName) {
    if (isServerAddress(address)) return PgBoard::open(address, mode, boardName);
    if (!boardName.empty()) throw BoardError(address + ": --board names a board on a team server, not in a file");
    return BoardFile::open(address, mode);
}

std::unique_ptr<BoardStore> createBoard(const std::string& address, const BoardInfo& board, const std::string& author,
                                        const std::string& boardName) {
    if (isServerAddress(address)) return PgBoard::create(address, board, author, boardName);
    if (!boardName.empty()) throw BoardError(address + ": --board names a board on a team server, not in a file");
    return BoardFile::create(address, board, author);
}

}  // namespace cc
