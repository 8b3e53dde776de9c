#pragma once
// Numbered schema migrations of a board file. Each runs in one transaction with the
// `PRAGMA user_version` it brings the file to, so a failed step leaves the file as it was.

#include <SQLiteCpp/Database.h>

namespace cc {

/// `PRAGMA application_id` of a board file: "CCnv".
inline constexpr int kBoardApplicationId = 0x43436E76;
/// The schema version this program writes.
int currentSchemaVersion();
/// Brings a board file from its version up to currentSchemaVersion(), one step per transaction.
void migrate(SQLite::Database& db);

}  // namespace cc
