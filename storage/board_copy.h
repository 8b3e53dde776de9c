#pragma once
// Copying a whole board, its change log included, between board files and team servers.

#include <string>
#include <vector>

#include "storage/board_store.h"

namespace cc {

/// Creates a new board at `address` (refusing one that exists) holding `doc` and `log`, in one
/// transaction; if writing fails, the new board is removed again. Throws BoardError.
void fillNewBoard(const std::string& address, const std::string& boardName, const Document& doc,
                  const std::vector<LogEntry>& log, const std::string& author, const PasswordPrompt& askPassword = {});

/// Copies the board at `from` into a new board at `to`, losslessly: the same records and the
/// same change log (sequence numbers, authors, times, payloads). Returns the log's length.
std::size_t copyBoard(const std::string& from, const std::string& fromBoard, const std::string& to,
                      const std::string& toBoard, const PasswordPrompt& askPassword = {});

}  // namespace cc
