// The registry's commands: import regulation texts into a database, show the structural
// difference between two texts, build the demo database, build a province-sized synthetic
// government, and add an account. Only wiring: reading files (textio), opening and migrating the
// database (store), calling the service, printing in Indonesian. Every command that opens a
// database migrates it first.
#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "app/error.hpp"
#include "app/importer.hpp"
#include "app/scope.hpp"
#include "app/structure_change_json.hpp"
#include "command_groups.hpp"
#include "persistence/sql_stores.hpp"
#include "read_text.hpp"
#include "sample/demo.hpp"
#include "sample/generator.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "textio/read_file.hpp"

namespace tatakerja::cli {
namespace {

// Opens and migrates the database; prints the reason and returns nullptr when it cannot.
std::unique_ptr<storage::Connection> open_migrated(const std::string& url) {
  try {
    auto c = storage::open_database(url);
    storage::migrate(*c);
    return c;
  } catch (const std::exception& e) {
    fmt::print(stderr, "Basis data {} tidak dapat dibuka: {}\n", url, e.what());
    return nullptr;
  }
}

std::string regulation_name(const org::Regulation& r) {
  std::string s = r.kind.empty() ? std::string("Peraturan") : r.kind;
  if (!r.number.empty()) s += " Nomor " + r.number;
  if (r.year) s += " Tahun " + std::to_string(*r.year);
  return s;
}

// The number of duties in a change's before or after (one per line).
std::size_t duty_lines(const std::string& s) {
  return s.empty() ? 0 : static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')) + 1;
}

std::string change_line(const org::StructureChange& c) {
  switch (c.kind) {
    case org::ChangeKind::Added:
      return fmt::format("ditambah: {}{}", c.position_title,
                         c.after.empty() ? "" : " (" + c.after + ")");
    case org::ChangeKind::Removed:
      return fmt::format("dihapus: {}{}", c.position_title,
                         c.before.empty() ? "" : " (" + c.before + ")");
    case org::ChangeKind::Renamed:
      return fmt::format("diganti nama: {} -> {}", c.before, c.after);
    case org::ChangeKind::Regraded:
      return fmt::format("diubah eselon: {} {} -> {}", c.position_title,
                         c.before.empty() ? "-" : c.before, c.after.empty() ? "-" : c.after);
    case org::ChangeKind::Moved:
      return fmt::format("diubah atasan: {}: {} -> {}", c.position_title,
                         c.before.empty() ? "-" : c.before, c.after.empty() ? "-" : c.after);
    case org::ChangeKind::DutiesChanged:
      return fmt::format("diubah uraian tugas: {} ({} butir dihapus, {} butir ditambah)",
                         c.position_title, duty_lines(c.before), duty_lines(c.after));
  }
  return "";
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// True when the file exists and is not empty.
bool non_empty_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec) && std::filesystem::file_size(path, ec) > 0 && !ec;
}

bool is_url(const std::string& s) {
  return s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0;
}

// ---------------------------------------------------------------------------------------------

// Runs `body` (which stores something) and turns the refusals of the service and the database into
// a message on stderr, each line starting with `prefix`, and exit code 2; 0 when it went through.
template <typename F>
int reporting_refusals(const std::string& prefix, F body) {
  try {
    body();
    return 0;
  } catch (const Refusal& e) {
    fmt::print(stderr, "{}{} [{}{}]\n", prefix, e.message(), e.name(),
               e.field() ? ": " + *e.field() : "");
  } catch (const storage::DatabaseError& e) {
    fmt::print(stderr, "{}Basis data menolak: {}\n", prefix, e.what());
  }
  return 2;
}

int run_import(const std::string& db, const std::vector<std::string>& files) {
  // 1. Read every file first: an unreadable one stops the command before anything is stored.
  std::vector<std::string> texts(files.size());
  for (std::size_t i = 0; i < files.size(); ++i)
    if (!read_text(files[i], texts[i])) return 2;
  auto conn = open_migrated(db);
  if (!conn) return 2;
  persistence::SqlStores st(*conn);
  // 2. Import each, printing what was stored.
  for (std::size_t i = 0; i < files.size(); ++i) {
    const int rc = reporting_refusals(files[i] + ": ", [&] {
      const auto t0 = std::chrono::steady_clock::now();
      const auto r = app::import_regulation(st.stores(), app::cli_actor(), texts[i]);
      const auto reg = st.org().regulation(r.regulation_id);
      const std::string name = reg ? regulation_name(*reg) : "peraturan";
      if (!r.created) {
        fmt::print("{}: sudah diimpor ({}, id {})\n", files[i], name, r.regulation_id);
        return;
      }
      const auto region = st.org().region(r.region_id);
      fmt::print("{}: disimpan {} (id {}), {}{}; {} pasal/bagian; {:.2f} s\n", files[i], name,
                 r.regulation_id, region ? region->name : "-",
                 r.region_created ? " (daerah baru)" : "", r.articles, seconds_since(t0));
      for (const auto& a : r.agencies) {
        const auto ag = st.org().agency(a.id);
        fmt::print("  perangkat daerah: {} (id {}{}), {} unit, {} jabatan\n", ag ? ag->name : "-",
                   a.id, a.updated ? ", diperbarui" : "", a.units, a.positions);
      }
      if (r.agencies.empty())
        fmt::print("  perangkat daerah: - (naskah tidak membentuk perangkat daerah)\n");
      if (r.previous_version_id && reg)
        fmt::print("  versi {}: naskah perbaikan; menggantikan versi sebelumnya (id {})\n",
                   reg->version, *r.previous_version_id);
      for (const auto& rv : r.revoked) {
        if (rv.whole)
          fmt::print("  mencabut: {} (id {})\n", regulation_name(rv.regulation), rv.regulation.id);
        else
          fmt::print("  mencabut sebagian: {} (id {}): {}\n", regulation_name(rv.regulation),
                     rv.regulation.id, fmt::format("{}", fmt::join(rv.articles, ", ")));
      }
      for (const auto& c : r.changes) fmt::print("  {}\n", change_line(c));
    });
    if (rc != 0) return rc;
  }
  return 0;
}

int run_diff(const std::string& old_file, const std::string& new_file, const std::string& format) {
  std::string a, b;
  if (!read_text(old_file, a) || !read_text(new_file, b)) return 2;
  const auto changes = app::diff_regulation_texts(a, b);
  if (format == "json") {
    fmt::print("{}\n", app::structure_changes_json(changes).dump(2));
    return 0;
  }
  for (const auto& c : changes) fmt::print("{}\n", change_line(c));
  if (changes.empty()) fmt::print("Tidak ada perubahan struktur.\n");
  return 0;
}

int run_demo(const std::string& db, std::uint64_t seed, const std::string& folder, bool force) {
  if (!is_url(db) && non_empty_file(db)) {
    if (!force) {
      fmt::print(stderr, "Berkas {} sudah ada dan tidak kosong; pakai --force untuk menimpanya.\n",
                 db);
      return 2;
    }
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ec);
  }
  auto conn = open_migrated(db);
  if (!conn) return 2;
  persistence::SqlStores st(*conn);
  return reporting_refusals("", [&] {
    const auto t0 = std::chrono::steady_clock::now();
    const auto s = sample::build_demo(st.stores(), folder, seed);
    fmt::print("Basis data demo {} dibuat dalam {:.2f} s (seed {}).\n", db, seconds_since(t0),
               seed);
    fmt::print("  naskah diimpor: {}\n  daerah: {}\n  perangkat daerah: {}\n  unit: {}\n",
               s.regulations, s.regions, s.agencies, s.units);
    fmt::print("  jabatan: {} ({} jabatan fungsional/pelaksana ditambahkan)\n", s.positions,
               s.added_positions);
    fmt::print("  pegawai: {}\n  jabatan kosong: {}\n  Plt/Plh: {}\n", s.employees, s.vacant,
               s.acting);
    fmt::print("  tim: {}\n  penugasan: {}\n  kegiatan: {}\n", s.work.teams, s.work.assignments,
               s.work.activities);
    for (const auto& f : s.skipped) fmt::print(stderr, "  dilewati (tidak terbaca): {}\n", f);
    fmt::print("Akun demo (hanya untuk demo; ganti kata sandi di luar demo):\n");
    for (const auto& a : sample::demo_accounts())
      fmt::print("  {:<12} {:<22} {}\n", a.username, a.password, a.role);
    if (s.work.accounts > 0)
      fmt::print(
          "  kantor: kepala, sekretaris, staf.sekretariat, kabid.a, kabid.b, staf.a1, staf.a2, "
          "staf.b ({}, pegawai)\n",
          sample::kDemoOfficePassword);
  });
}

int run_generate(const std::string& db, const sample::GeneratorOptions& o,
                 const sample::WorkOptions& w) {
  auto conn = open_migrated(db);
  if (!conn) return 2;
  persistence::SqlStores st(*conn);
  return reporting_refusals("", [&] {
    const auto t0 = std::chrono::steady_clock::now();
    const auto s = sample::generate_province(st.stores(), o);
    st.org().refresh_planner_statistics();
    fmt::print("Pemerintah daerah sintetis dibuat dalam {:.2f} s: {} (seed {}).\n",
               seconds_since(t0), o.region_name, o.seed);
    fmt::print("  perangkat daerah: {}\n  unit: {}\n  jabatan: {} ({} kosong)\n  pegawai: {}\n",
               s.agencies, s.units, s.positions, s.vacant, s.employees);
    if (w.activities == 0) return;
    const auto t1 = std::chrono::steady_clock::now();
    const auto k = sample::generate_work(st.stores(), s.region_id, w);
    st.org().refresh_planner_statistics();
    fmt::print(
        "Sistem kerja dibuat dalam {:.2f} s: {} akun kerja-<id pegawai> (kata sandi {}), {} "
        "tim, {} kegiatan ({} melalui use case).\n",
        seconds_since(t1), k.accounts, w.password, k.teams, k.activities, k.planned_by_use_case);
    for (const auto& [state, n] : k.by_state) fmt::print("  {}: {}\n", state, n);
  });
}

// A region as `--region` names it: its code ("kota-batam") or its id.
std::optional<org::Id> region_named(org::OrgStore& store, const std::string& name) {
  if (const auto r = store.region_by_code(name)) return r->id;
  if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos &&
      name.size() < 18) {
    if (const auto r = store.region(std::stoll(name))) return r->id;
  }
  return std::nullopt;
}

int run_user_add(const std::string& db, const std::string& username, const std::string& role_text,
                 const std::string& display_name, std::optional<std::int64_t> employee_id,
                 const std::string& region, const std::vector<std::int64_t>& agencies) {
  const auto role = identity::role_from_string(role_text);
  if (!role) {
    fmt::print(stderr, "Peran harus pegawai, admin_registri atau administrator.\n");
    return 2;
  }
  // The password never comes from the command line (it would show in the process list).
  std::string password;
  if (const char* env = std::getenv("TATAKERJA_PASSWORD"); env && *env) {
    password = env;
  } else {
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
  }
  auto conn = open_migrated(db);
  if (!conn) return 2;
  persistence::SqlStores st(*conn);
  return reporting_refusals("", [&] {
    // The account and its scope (issue 10) in one transaction.
    Transaction tx(st.stores().transactions);
    auto u = app::create_user(st.stores(), app::cli_actor(), username, display_name, password,
                              *role, employee_id);
    if (!region.empty() || !agencies.empty()) {
      const auto region_id = region_named(st.org(), region);
      if (!region_id)
        fail(ErrorCode::InvalidField, "region",
             "Daerah tidak ditemukan; tulis kodenya (mis. kota-batam) atau id-nya.");
      u = app::set_account_scope(st.stores(), app::cli_actor(), u, region_id, agencies);
    }
    tx.commit();
    fmt::print("Akun {} (id {}, {}) dibuat.\n", u.username, u.id, identity::to_string(u.role));
    if (u.scope_region_id) {
      const auto r = st.org().region(*u.scope_region_id);
      fmt::print("  hanya dapat mengubah daerah {}{}\n", r ? r->name : "-",
                 u.scope_agency_ids.empty()
                     ? ""
                     : fmt::format(", perangkat daerah {}", fmt::join(u.scope_agency_ids, ", ")));
    }
  });
}

}  // namespace

void add_registry_commands(CLI::App& app, int& exit_code) {
  // Option values live as long as the program (the callbacks run after parsing).
  struct Options {
    std::string db = "tatakerja.db";
    std::vector<std::string> import_files;
    std::string diff_old, diff_new, diff_format = "text";
    std::string demo_db;
    std::uint64_t demo_seed = 2026;
    std::string demo_folder = "data/regulations";
    bool demo_force = false;
    std::string gen_db;
    sample::GeneratorOptions gen;
    sample::WorkOptions gen_work;
    std::string user_db = "tatakerja.db", user_name, user_role, user_display;
    std::optional<std::int64_t> user_employee;
    std::string user_region;
    std::vector<std::int64_t> user_agencies;
  };
  static Options o;

  auto* imp = app.add_subcommand("import", "Mengimpor naskah peraturan ke basis data registri");
  imp->add_option("--db", o.db, "Berkas SQLite atau URL postgresql:// (bawaan tatakerja.db)");
  imp->add_option("FILE", o.import_files, "Berkas naskah")->required();
  imp->callback([&exit_code] { exit_code = run_import(o.db, o.import_files); });

  auto* diff = app.add_subcommand("diff", "Perubahan struktur jabatan antara dua naskah");
  diff->add_option("OLD", o.diff_old, "Naskah lama")->required();
  diff->add_option("NEW", o.diff_new, "Naskah baru")->required();
  diff->add_option("--format", o.diff_format, "text atau json")
      ->check(CLI::IsMember({"text", "json"}));
  diff->callback([&exit_code] { exit_code = run_diff(o.diff_old, o.diff_new, o.diff_format); });

  auto* demo = app.add_subcommand("demo", "Membuat basis data demo dari korpus peraturan");
  demo->add_option("--db", o.demo_db, "Berkas SQLite atau URL postgresql://")->required();
  demo->add_option("--seed", o.demo_seed, "Benih pembangkit acak (bawaan 2026)");
  demo->add_option("--regulations", o.demo_folder, "Folder naskah (bawaan data/regulations)");
  demo->add_flag("--force", o.demo_force, "Menimpa berkas yang sudah ada");
  demo->callback(
      [&exit_code] { exit_code = run_demo(o.demo_db, o.demo_seed, o.demo_folder, o.demo_force); });

  auto* gen =
      app.add_subcommand("generate", "Membuat pemerintah daerah sintetis berskala provinsi");
  gen->add_option("--db", o.gen_db, "Berkas SQLite atau URL postgresql://")->required();
  gen->add_option("--people", o.gen.people, "Jumlah pegawai (bawaan 60000)");
  gen->add_option("--units", o.gen.units, "Jumlah unit (bawaan 2500)");
  gen->add_option("--agencies", o.gen.agencies, "Jumlah perangkat daerah (bawaan 40)");
  gen->add_option("--seed", o.gen.seed, "Benih pembangkit acak (bawaan 1)");
  gen->add_option("--region", o.gen.region_name, "Nama daerah (diawali Provinsi/Kabupaten/Kota)");
  gen->add_option("--activities", o.gen_work.activities,
                  "Jumlah kegiatan dalam segala keadaan, dengan tim dan akun pegawai (bawaan 0)");
  gen->add_option("--teams", o.gen_work.teams,
                  "Jumlah tim kerja (bawaan: sepersepuluh unit bila ada kegiatan)");
  gen->add_option("--work-password", o.gen_work.password,
                  "Kata sandi akun kerja-<id pegawai> (bawaan kerja-sintetis-2026)");
  gen->callback([&exit_code] {
    o.gen_work.seed = o.gen.seed;
    if (o.gen_work.activities > 0 && o.gen_work.teams == 0)
      o.gen_work.teams = std::max<std::size_t>(1, o.gen.units / 10);
    exit_code = run_generate(o.gen_db, o.gen, o.gen_work);
  });

  auto* user = app.add_subcommand("user", "Akun pengguna");
  user->require_subcommand(1);
  auto* add = user->add_subcommand(
      "add", "Menambah akun; kata sandi dari TATAKERJA_PASSWORD atau dari stdin");
  add->add_option("--db", o.user_db, "Berkas SQLite atau URL postgresql:// (bawaan tatakerja.db)");
  add->add_option("--username", o.user_name, "Nama pengguna")->required();
  add->add_option("--role", o.user_role, "pegawai, admin_registri atau administrator")
      ->required()
      ->check(CLI::IsMember({"pegawai", "admin_registri", "administrator"}));
  add->add_option("--display-name", o.user_display, "Nama tampilan");
  add->add_option("--employee-id", o.user_employee, "Id pegawai yang ditautkan");
  add->add_option("--region", o.user_region,
                  "admin_registri: hanya daerah ini (kode, mis. kota-batam, atau id) yang dapat "
                  "diubah");
  add->add_option("--agency", o.user_agencies,
                  "admin_registri: hanya perangkat daerah ini (id; dapat diulang) di daerah itu");
  add->callback([&exit_code] {
    exit_code = run_user_add(o.user_db, o.user_name, o.user_role, o.user_display, o.user_employee,
                             o.user_region, o.user_agencies);
  });
}

}  // namespace tatakerja::cli
