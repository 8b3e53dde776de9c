#pragma once
// The JSON backup of a whole board (records and change log), written with cereal.

#include <string>
#include <vector>

#include "storage/board_file.h"
#include "canvas/document.h"

namespace cc {

/// The largest backup file `restore` reads.
inline constexpr std::uintmax_t kMaxBackupBytes = 1ull << 30;

/// What a backup holds.
struct Backup {
    std::unique_ptr<Document> document;
    std::vector<LogEntry> log;
};

/// Writes the board and its change log as JSON to `path` (via a temporary file and a rename,
/// so a failed export leaves no partial file).
void exportBackup(const Document& doc, const std::vector<LogEntry>& log, const std::string& path);
/// Reads and checks a backup. Throws BoardError naming the file and the reason.
Backup readBackup(const std::string& path, const SourceKinds& kinds = SourceKinds::builtin());
/// Restores a backup into a new board (a file, or a board on a team server named by
/// `boardName` or the address; refusing to overwrite one).
void restoreBackup(const std::string& backupPath, const std::string& address, const std::string& boardName = {},
                   const PasswordPrompt& askPassword = {});

}  // namespace cc
