// Keeping a deployment sound (issue 10): `audit verify` checks the audit log's hash chain,
// `backup` and `restore` copy a SQLite database with SQLite's online backup API. Only wiring:
// the checks are app::verify_audit_chain and storage/backup.hpp. PostgreSQL is backed up with
// pg_dump (docs/operations.md); these commands say so.
#include <fmt/core.h>

#include <string>

#include "app/audit.hpp"
#include "command_groups.hpp"
#include "persistence/sql_stores.hpp"
#include "storage/backup.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja::cli {
namespace {

bool is_postgres(const std::string& s) {
  return s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0;
}

// 0: the chain is whole; 1: an entry was changed, deleted or added outside the program (named on
// stderr); 2: the database cannot be opened.
int run_audit_verify(const std::string& db) {
  std::unique_ptr<storage::Connection> conn;
  try {
    conn = storage::open_database(db);
    storage::migrate(*conn);
  } catch (const std::exception& e) {
    fmt::print(stderr, "Basis data {} tidak dapat dibuka: {}\n", db, e.what());
    return 2;
  }
  persistence::SqlStores st(*conn);
  const auto v = app::verify_audit_chain(st.stores());
  if (!v.ok) {
    fmt::print(stderr, "Rantai audit RUSAK pada entri {}: {}\n", v.entry.value_or(0), v.problem);
    fmt::print(stderr, "  entri yang sudah diperiksa dan utuh: {}\n", v.chained);
    return 1;
  }
  fmt::print("Rantai audit utuh: {} entri berantai", v.chained);
  if (v.unchained > 0) fmt::print(", {} entri lama sebelum rantai dimulai", v.unchained);
  fmt::print(".\nUjung rantai: entri {} {}\n", v.head.last_id,
             v.head.last_hash.empty() ? "-" : v.head.last_hash);
  return 0;
}

int run_backup(const std::string& db, const std::string& out) {
  if (is_postgres(db)) {
    fmt::print(stderr,
               "Untuk PostgreSQL pakai pg_dump --format=custom (lihat docs/operations.md, "
               "\"Backups\").\n");
    return 2;
  }
  try {
    const auto r = storage::backup_sqlite(db, out);
    fmt::print("Cadangan {} dibuat: {} halaman, {} bita, integrity_check {}.\n", out, r.pages,
               r.bytes, r.integrity);
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "Cadangan gagal: {}\n", e.what());
    return 2;
  }
}

int run_restore(const std::string& from, const std::string& db) {
  if (is_postgres(db)) {
    fmt::print(stderr,
               "Untuk PostgreSQL pakai pg_restore (lihat docs/operations.md, \"Backups\").\n");
    return 2;
  }
  try {
    const auto r = storage::restore_sqlite(from, db);
    fmt::print("Basis data {} dipulihkan dari {}: {} halaman, integrity_check {}.\n", db, from,
               r.pages, r.integrity);
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "Pemulihan gagal: {}\n", e.what());
    return 2;
  }
}

}  // namespace

void add_maintenance_commands(CLI::App& app, int& exit_code) {
  struct Options {
    std::string audit_db = "tatakerja.db";
    std::string backup_db = "tatakerja.db", backup_out;
    std::string restore_from, restore_db;
  };
  static Options o;

  auto* audit = app.add_subcommand("audit", "Log audit");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand(
      "verify", "Memeriksa rantai hash log audit: entri yang diubah, dihapus atau disisipkan");
  verify->add_option("--db", o.audit_db,
                     "Berkas SQLite atau URL postgresql:// (bawaan tatakerja.db)");
  verify->callback([&exit_code] { exit_code = run_audit_verify(o.audit_db); });

  auto* backup = app.add_subcommand(
      "backup", "Mencadangkan basis data SQLite selagi server berjalan (API backup SQLite)");
  backup->add_option("--db", o.backup_db, "Berkas SQLite (bawaan tatakerja.db)");
  backup->add_option("--out", o.backup_out, "Berkas cadangan baru (tidak boleh sudah ada)")
      ->required();
  backup->callback([&exit_code] { exit_code = run_backup(o.backup_db, o.backup_out); });

  auto* restore = app.add_subcommand(
      "restore", "Memulihkan basis data SQLite dari cadangan (hentikan server lebih dulu)");
  restore->add_option("--from", o.restore_from, "Berkas cadangan")->required();
  restore->add_option("--db", o.restore_db, "Berkas SQLite yang ditimpa")->required();
  restore->callback([&exit_code] { exit_code = run_restore(o.restore_from, o.restore_db); });
}

}  // namespace tatakerja::cli
