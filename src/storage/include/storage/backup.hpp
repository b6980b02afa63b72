// Backups of a SQLite database with SQLite's online backup API (sqlite3_backup_*): a consistent
// copy taken while the server keeps writing (WAL: the copy is one read transaction, writers do not
// wait for it), and the way back. PostgreSQL is backed up with pg_dump (docs/operations.md).
#pragma once

#include <string>

namespace tatakerja::storage {

struct BackupReport {
  long long pages = 0;    // pages copied
  long long bytes = 0;    // size of the copy
  std::string integrity;  // PRAGMA integrity_check of the copy: "ok" when sound
};

// Copies the SQLite database at `source` to a new file `destination` (which must not exist) as
// of one moment: every transaction committed before the copy began is in it, none that committed
// after. The copy is written beside `destination` and renamed into place only when complete and
// its integrity_check says ok, so a failed backup never leaves a file that looks like one. Throws
// DatabaseError (with the reason) when the source cannot be read or the copy is not sound.
BackupReport backup_sqlite(const std::string& source, const std::string& destination);

// Replaces the SQLite database `destination` with the backup `source` (checked with
// integrity_check first; it must hold a Tatakerja schema). Writes through SQLite, so the
// destination's WAL and shared-memory files stay consistent; no other process may have it open
// (stop the server first). Throws DatabaseError when the backup is not sound or the copy fails.
BackupReport restore_sqlite(const std::string& source, const std::string& destination);

// PRAGMA integrity_check of a SQLite file: "ok" when sound, else the first problems.
std::string sqlite_integrity(const std::string& path);

}  // namespace tatakerja::storage
