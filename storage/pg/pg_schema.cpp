// The team server's schema: numbered migrations, each in one transaction that also records its
// number, as for board files. Every table lives in the schema customer_canvas and carries its
// board's name, so one database holds many boards.
#include "storage/pg/pg_schema.h"

#include <vector>

#include "storage/board_error.h"

namespace cc::pg {

namespace {

struct Migration {
    int version;
    const char* sql;
};

// Append new steps; never edit a step that has shipped.
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> steps{
        {1, R"sql(
CREATE TABLE customer_canvas.board (
  name        text PRIMARY KEY,
  id          text NOT NULL,
  title       text NOT NULL,
  template    text NOT NULL,
  created     bigint NOT NULL,
  wall_width  double precision NOT NULL,
  wall_height double precision NOT NULL,
  last_seq    bigint NOT NULL DEFAULT 0
);
CREATE TABLE customer_canvas.quadrant (
  board       text NOT NULL REFERENCES customer_canvas.board(name) ON DELETE CASCADE,
  idx         integer NOT NULL CHECK (idx BETWEEN 1 AND 4),
  title       text NOT NULL,
  description text NOT NULL,
  PRIMARY KEY (board, idx)
);
CREATE TABLE customer_canvas.note (
  board              text NOT NULL REFERENCES customer_canvas.board(name) ON DELETE CASCADE,
  id                 text NOT NULL,
  text               text NOT NULL,
  source             text NOT NULL,
  data               text NOT NULL CHECK (data IN ('quantitative', 'qualitative')),
  customer_initiated boolean NOT NULL,
  date_gathered      text NOT NULL,
  author             text NOT NULL,
  created            bigint NOT NULL,
  updated            bigint NOT NULL,
  segment            text NOT NULL,
  prov_file          text NOT NULL,
  prov_location      text NOT NULL,
  prov_excerpt       text NOT NULL,
  colour             bigint NOT NULL,
  votes              integer NOT NULL,
  state              text NOT NULL CHECK (state IN ('tray', 'pinned', 'archived')),
  quadrant           integer NOT NULL CHECK (quadrant BETWEEN 0 AND 4),
  x double precision NOT NULL, y double precision NOT NULL,
  w double precision NOT NULL, h double precision NOT NULL,
  PRIMARY KEY (board, id)
);
CREATE INDEX note_by_quadrant ON customer_canvas.note (board, quadrant, state);
CREATE TABLE customer_canvas.note_tag (
  board   text NOT NULL,
  note_id text NOT NULL,
  tag     text NOT NULL,
  PRIMARY KEY (board, note_id, tag),
  FOREIGN KEY (board, note_id) REFERENCES customer_canvas.note (board, id) ON DELETE CASCADE
);
-- Links are checked at commit: a change set may remove and add the same note (a replace).
CREATE TABLE customer_canvas.link (
  board   text NOT NULL,
  id      text NOT NULL,
  from_id text NOT NULL,
  to_id   text NOT NULL,
  kind    text NOT NULL CHECK (kind IN ('supports', 'conflicts', 'relates')),
  label   text NOT NULL,
  author  text NOT NULL,
  created bigint NOT NULL,
  PRIMARY KEY (board, id),
  FOREIGN KEY (board, from_id) REFERENCES customer_canvas.note (board, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (board, to_id) REFERENCES customer_canvas.note (board, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX link_by_from ON customer_canvas.link (board, from_id);
CREATE INDEX link_by_to ON customer_canvas.link (board, to_id);
CREATE TABLE customer_canvas.change_log (
  board   text NOT NULL REFERENCES customer_canvas.board(name) ON DELETE CASCADE,
  seq     bigint NOT NULL,
  author  text NOT NULL,
  time    bigint NOT NULL,
  source  text NOT NULL,
  payload text NOT NULL,
  PRIMARY KEY (board, seq)
);
CREATE INDEX change_log_by_time ON customer_canvas.change_log (board, time);
-- Who has the board open: session state beside the document, never in its history.
CREATE TABLE customer_canvas.presence (
  board    text NOT NULL REFERENCES customer_canvas.board(name) ON DELETE CASCADE,
  session  text NOT NULL,
  name     text NOT NULL,
  colour   bigint NOT NULL,
  selected text NOT NULL,
  editing  text NOT NULL,
  seen     bigint NOT NULL,
  PRIMARY KEY (board, session)
);
)sql"},
        // 2: every commit carries the id its client gave it, so a change sent again after the
        // connection broke (did the first COMMIT arrive?) is recognised and applied once.
        {2, R"sql(
ALTER TABLE customer_canvas.change_log ADD COLUMN client_change text;
CREATE UNIQUE INDEX change_log_by_client_change ON customer_canvas.change_log (board, client_change);
)sql"},
        // 3: insights, each citing its evidence notes (their ids, one a line, in `notes`).
        {3, R"sql(
CREATE TABLE customer_canvas.insight (
  board     text NOT NULL REFERENCES customer_canvas.board(name) ON DELETE CASCADE,
  id        text NOT NULL,
  title     text NOT NULL,
  statement text NOT NULL,
  quadrant  integer NOT NULL,
  notes     text NOT NULL,
  author    text NOT NULL,
  created   bigint NOT NULL,
  updated   bigint NOT NULL,
  votes     integer NOT NULL,
  state     text NOT NULL,
  PRIMARY KEY (board, id)
);
)sql"},
    };
    return steps;
}

// Every process that migrates takes this lock first, so two first uses at once do not both
// create the tables (the number is this program's, "CCnv").
constexpr const char* kLockKey = "1128492662";

std::string whoAndWhere(Connection& c) {
    Result r = c.exec("SELECT current_user, current_database()");
    return message(CC_TEMPLATE("the role '{1}' in database '{2}'"), {r.text(0, 0, 256), r.text(0, 1, 256)});
}

}  // namespace

int currentVersion() { return migrations().back().version; }

void ensureSchema(Connection& c, bool mayMigrate, const std::string& display) {
    auto installed = [&]() -> int {
        Result t = c.exec("SELECT to_regclass('customer_canvas.schema_version') IS NOT NULL");
        if (t.text(0, 0, 8) != "t") return 0;
        return static_cast<int>(c.exec("SELECT coalesce(max(version), 0) FROM customer_canvas.schema_version").int64(0, 0));
    };
    try {
        int version = installed();
        if (version > currentVersion())
            throw BoardError(message(CC_TEMPLATE("{1}: the server's boards were written by a newer Customer Canvas (schema {2}, this program reads up to {3}); update the program"),
                                     {display, std::to_string(version), std::to_string(currentVersion())}));
        if (version == currentVersion()) return;
        if (!mayMigrate)
            throw BoardError(message(CC_TEMPLATE("{1}: the server holds no Customer Canvas boards of this version (schema {2}, need {3}); open a board for writing once to create or upgrade them"),
                                     {display, std::to_string(version), std::to_string(currentVersion())}));
        {
            Transaction tx(c);
            c.exec("SELECT pg_advisory_xact_lock($1::bigint)", {kLockKey});
            c.script("CREATE SCHEMA IF NOT EXISTS customer_canvas;"
                     "CREATE TABLE IF NOT EXISTS customer_canvas.schema_version ("
                     "  version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())");
            tx.commit();
        }
        for (const Migration& m : migrations()) {
            Transaction tx(c);
            c.exec("SELECT pg_advisory_xact_lock($1::bigint)", {kLockKey});
            // Read the version under the lock: another process may have migrated meanwhile.
            const int now = static_cast<int>(
                c.exec("SELECT coalesce(max(version), 0) FROM customer_canvas.schema_version").int64(0, 0));
            if (now >= m.version) continue;
            c.script(m.sql);
            c.exec("INSERT INTO customer_canvas.schema_version (version) VALUES ($1::integer)", {std::to_string(m.version)});
            tx.commit();
        }
    } catch (const PgError& e) {
        if (e.sqlState() == state::kInsufficientPrivilege) {
            std::string who = message(CC_TEMPLATE("this role"));
            try {
                who = whoAndWhere(c);
            } catch (...) {
            }
            throw BoardError(message(CC_TEMPLATE("{1}: {2} may not create the Customer Canvas tables ({3}); ask an administrator to open a board once "
                                                 "as the database's owner, or to grant this role CREATE on the database"), {display, who, e.what()}));
        }
        throw;
    }
}

}  // namespace cc::pg
