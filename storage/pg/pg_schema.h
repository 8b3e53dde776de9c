#pragma once
// The team server's schema (customer_canvas.*), created and migrated on first use.

#include <string>

#include "storage/pg/pg_conn.h"

namespace cc::pg {

/// The newest schema version this program knows.
int currentVersion();

/// Creates or migrates the schema when `mayMigrate` (each numbered step one transaction, under an
/// advisory lock); otherwise only checks it. Throws BoardError naming `display`: a role without
/// the right to create the tables is told what to ask an administrator for.
void ensureSchema(Connection& c, bool mayMigrate, const std::string& display);

}  // namespace cc::pg
