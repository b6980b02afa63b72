// The database schema: versioned migrations, applied at start.
#pragma once

#include "storage/database.hpp"

namespace tatakerja::storage {

// Applies every migration newer than the database's schema version, each in its own transaction,
// and records it in schema_migrations. Safe to call at every start and from several processes.
void migrate(Connection& c);
int schema_version(Connection& c);  // 0 for an empty database
int latest_schema_version();        // the version migrate() brings a database to
// How many migrations there are (versions are numbered 1, 2, ... without gaps).
int migration_count();

}  // namespace tatakerja::storage
