#pragma once
// Copying a whole board, its change log included, between board files and team servers.

#include <string>
#include <vector>

#include "storage/board_store.h"

namespace cc {

/// Creates a new board at `address` (refusing one that exists) holding `doc` and `log`, in one
/// transaction; if writing fails, the new board is removed again. Throws BoardError.
/// Tells `progress` how far the writing is; when it says stop, throws Cancelled and no board is left.
void fillNewBoard(const std::string& address, const std::string& boardName, const Document& doc,
                  const std::vector<LogEntry>& log, const std::string& author, const PasswordPrompt& askPassword = {},
                  const ProgressFn& progress = {});

/// Copies the board at `from` into a new board at `to`, losslessly: the same records and the
/// same change log (sequence numbers, authors, times, payloads). Returns the log's length. Tells
/// `progress` how far it is (reading, then writing); when it says stop, throws Cancelled and
/// leaves no new board.
std::size_t copyBoard(const std::string& from, const std::string& fromBoard, const std::string& to,
                      const std::string& toBoard, const PasswordPrompt& askPassword = {}, const ProgressFn& progress = {});

}  // namespace cc
