#include "storage/migrations.h"

#include <SQLiteCpp/Transaction.h>

#include <string>
#include <vector>

namespace cc {

namespace {

struct Migration {
    int version;
    const char* sql;
};

// Append new steps; never edit a step that has shipped (tests/fixtures keeps a board of each).
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> steps{
        {1, R"sql(
CREATE TABLE board (
  singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
  id          TEXT NOT NULL,
  title       TEXT NOT NULL,
  template    TEXT NOT NULL,
  created     INTEGER NOT NULL,
  wall_width  REAL NOT NULL,
  wall_height REAL NOT NULL
);
CREATE TABLE quadrant (
  idx         INTEGER PRIMARY KEY CHECK (idx BETWEEN 1 AND 4),
  title       TEXT NOT NULL,
  description TEXT NOT NULL
);
CREATE TABLE note (
  id                 TEXT PRIMARY KEY,
  text               TEXT NOT NULL,
  source             TEXT NOT NULL,
  data               TEXT NOT NULL CHECK (data IN ('quantitative', 'qualitative')),
  customer_initiated INTEGER NOT NULL,
  date_gathered      TEXT NOT NULL,
  author             TEXT NOT NULL,
  created            INTEGER NOT NULL,
  updated            INTEGER NOT NULL,
  segment            TEXT NOT NULL,
  prov_file          TEXT NOT NULL,
  prov_location      TEXT NOT NULL,
  prov_excerpt       TEXT NOT NULL,
  colour             INTEGER NOT NULL,
  votes              INTEGER NOT NULL,
  state              TEXT NOT NULL CHECK (state IN ('tray', 'pinned', 'archived')),
  quadrant           INTEGER NOT NULL CHECK (quadrant BETWEEN 0 AND 4),
  x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL
);
CREATE INDEX note_by_quadrant ON note(quadrant, state);
CREATE INDEX note_by_source ON note(source);
CREATE TABLE note_tag (
  note_id TEXT NOT NULL REFERENCES note(id) ON DELETE CASCADE,
  tag     TEXT NOT NULL,
  PRIMARY KEY (note_id, tag)
) WITHOUT ROWID;
CREATE INDEX note_tag_by_tag ON note_tag(tag);
CREATE TABLE link (
  id      TEXT PRIMARY KEY,
  from_id TEXT NOT NULL REFERENCES note(id),
  to_id   TEXT NOT NULL REFERENCES note(id),
  kind    TEXT NOT NULL CHECK (kind IN ('supports', 'conflicts', 'relates')),
  label   TEXT NOT NULL,
  author  TEXT NOT NULL,
  created INTEGER NOT NULL
);
CREATE INDEX link_by_from ON link(from_id);
CREATE INDEX link_by_to ON link(to_id);
CREATE TABLE change_log (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  author  TEXT NOT NULL,
  time    INTEGER NOT NULL,
  source  TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX change_log_by_time ON change_log(time);
)sql"},
        // 2: who is here. Session state kept beside the document, never in the change log.
        {2, R"sql(
CREATE TABLE presence (
  session  TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  colour   INTEGER NOT NULL,
  selected TEXT NOT NULL,
  editing  TEXT NOT NULL,
  seen     INTEGER NOT NULL
);
)sql"},
        // 3: insights, each citing its evidence notes (their ids, one a line, in `notes`).
        {3, R"sql(
CREATE TABLE insight (
  id        TEXT PRIMARY KEY,
  title     TEXT NOT NULL,
  statement TEXT NOT NULL,
  quadrant  INTEGER NOT NULL,
  notes     TEXT NOT NULL,
  author    TEXT NOT NULL,
  created   INTEGER NOT NULL,
  updated   INTEGER NOT NULL,
  votes     INTEGER NOT NULL,
  state     TEXT NOT NULL
);
)sql"},
    };
    return steps;
}

}  // namespace

int currentSchemaVersion() { return migrations().back().version; }

void migrate(SQLite::Database& db) {
    for (const Migration& m : migrations()) {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Read the version inside the write lock: another process may have migrated meanwhile.
        int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version >= m.version) continue;
        db.exec(m.sql);
        db.exec("PRAGMA application_id = " + std::to_string(kBoardApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}

}  // namespace cc
