// SQLite backups with the online backup API (storage/backup.hpp).
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "storage/backup.hpp"
#include "storage/database.hpp"

namespace tatakerja::storage {
namespace {

[[noreturn]] void refuse(const std::string& what, const std::string& detail) {
  throw DatabaseError(DatabaseError::Kind::Other, what + ": " + detail);
}

// One sqlite3 handle, closed on every path.
class Handle {
 public:
  Handle(const std::string& path, int flags) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      db_ = nullptr;
      refuse("tidak dapat membuka " + path, message);
    }
    sqlite3_busy_timeout(db_, 5000);
  }
  ~Handle() { sqlite3_close_v2(db_); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  sqlite3* get() const { return db_; }

  // The rows of a one-column query as text, joined by newlines.
  std::string text_of(const char* sql) const {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK)
      refuse(sql, sqlite3_errmsg(db_));
    std::string out;
    int rc = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      if (!out.empty()) out += '\n';
      const auto* t = sqlite3_column_text(st, 0);
      if (t != nullptr) out += reinterpret_cast<const char*>(t);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) refuse(sql, sqlite3_errmsg(db_));
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

// Copies every page of `from` into `to` in one step: one read transaction on `from`, so the copy
// is of one moment, and writers in WAL mode go on meanwhile.
long long copy_all(const Handle& from, const Handle& to) {
  sqlite3_backup* b = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (b == nullptr) refuse("backup", sqlite3_errmsg(to.get()));
  int rc = SQLITE_OK;
  // A busy source (a writer checkpointing) or destination is tried again after a pause.
  for (int attempt = 0; attempt < 100; ++attempt) {
    rc = sqlite3_backup_step(b, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    sqlite3_sleep(50);
  }
  const long long pages = sqlite3_backup_pagecount(b);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) refuse("backup", sqlite3_errstr(rc));
  return pages;
}

long long file_size(const std::string& path) {
  std::error_code ec;
  const auto n = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<long long>(n);
}

void remove_with_journals(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path + suffix, ec);
}

}  // namespace

std::string sqlite_integrity(const std::string& path) {
  const Handle h(path, SQLITE_OPEN_READONLY);
  return h.text_of("PRAGMA integrity_check");
}

BackupReport backup_sqlite(const std::string& source, const std::string& destination) {
  std::error_code ec;
  if (std::filesystem::exists(destination, ec))
    refuse(destination, "berkas sudah ada; cadangan tidak pernah menimpa berkas, pilih nama lain");
  if (!std::filesystem::exists(source, ec)) refuse(source, "berkas tidak ada");
  const std::string partial = destination + ".partial";
  remove_with_journals(partial);
  BackupReport report;
  try {
    // Read-write (nothing is written): a read-only handle on a WAL file needs its -shm file
    // writable anyway, and this one may be the last to close and checkpoint it.
    const Handle from(source, SQLITE_OPEN_READWRITE);
    {
      const Handle to(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      report.pages = copy_all(from, to);
      // The copy is a plain rollback-journal file: one file, nothing beside it to lose.
      to.text_of("PRAGMA journal_mode=DELETE");
    }
    report.integrity = sqlite_integrity(partial);
    if (report.integrity != "ok") refuse("integrity_check salinan gagal", report.integrity);
    std::filesystem::rename(partial, destination);
  } catch (...) {
    remove_with_journals(partial);
    throw;
  }
  report.bytes = file_size(destination);
  return report;
}

BackupReport restore_sqlite(const std::string& source, const std::string& destination) {
  std::error_code ec;
  if (!std::filesystem::exists(source, ec)) refuse(source, "berkas tidak ada");
  BackupReport report;
  report.integrity = sqlite_integrity(source);
  if (report.integrity != "ok") refuse("integrity_check cadangan gagal", report.integrity);
  const Handle from(source, SQLITE_OPEN_READONLY);
  if (from.text_of("SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_migrations'") != "1")
    refuse(source, "bukan basis data Tatakerja (tidak ada tabel schema_migrations)");
  const Handle to(destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  // The destination keeps WAL mode (the server's setting) after the copy.
  report.pages = copy_all(from, to);
  to.text_of("PRAGMA journal_mode=WAL");
  report.integrity = to.text_of("PRAGMA integrity_check");
  if (report.integrity != "ok") refuse("integrity_check hasil pemulihan gagal", report.integrity);
  report.bytes = file_size(destination);
  return report;
}

}  // namespace tatakerja::storage
