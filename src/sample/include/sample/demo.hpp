// The demo database: every regulation text of a folder imported (four regions from the corpus:
// Provinsi Nusa Tenggara Timur with 000 and 002, Kabupaten Kapuas Hulu with 001, Kota Batam with
// 003, Kabupaten Kupang with 004 — whose text sets no agency), functional officials and executors
// added to the agencies' units, synthetic people in every position except about 5% left vacant,
// a few acting officials (Plt, Plh), and one demo account per role. Deterministic for a seed.
//
// Demo accounts (documented: this is a demo, not a deployment):
//   admin       / demo-admin-2026       administrator
//   organisasi  / demo-organisasi-2026  admin_registri
//   pegawai     / demo-pegawai-2026     pegawai (linked to a demo employee)
//
// The living office (issue 12 item 8): in pegawai's agency, two teams (a routine one led by
// pegawai, an incidental one across units), four assignments (accepted, assigned with its letter,
// waiting for the appraiser, refused with its reason) and nine activities in every state of their
// flow (direncanakan, dilaksanakan with progress notes, feedback and an evidence file, di_ketua,
// di_level_ii, di_level_i, perbaikan with the return's reason, selesai twice, dibatalkan), made
// through the use cases by the people whose role each step names. Those people get accounts with
// the password kDemoOfficePassword: kepala (the agency head, Level I), sekretaris (pegawai's
// appraiser, Level II), staf.sekretariat (a colleague in pegawai's team), kabid.a and kabid.b
// (two Kepala Bidang), staf.a1, staf.a2 and staf.b (their officials).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/audit.hpp"
#include "app/stores.hpp"
#include "identity/model.hpp"

namespace tatakerja::sample {

struct DemoAccount {
  std::string username;
  std::string password;
  std::string role;
};
// The three demo accounts with their passwords.
const std::vector<DemoAccount>& demo_accounts();

// The password of the living office's accounts (a demo, not a deployment).
inline constexpr const char* kDemoOfficePassword = "demo-kantor-2026";

// What the living office holds.
struct DemoWork {
  std::size_t accounts = 0;  // besides pegawai
  std::size_t teams = 0;
  std::size_t assignments = 0;
  std::size_t activities = 0;
  std::size_t evidence = 0;
};

struct DemoSummary {
  std::size_t regulations = 0;  // texts imported
  std::size_t regions = 0;
  std::size_t agencies = 0;
  std::size_t units = 0;
  std::size_t positions = 0;        // non-abolished
  std::size_t added_positions = 0;  // functional officials and executors added by the demo
  std::size_t employees = 0;
  std::size_t vacant = 0;            // positions without any holder
  std::size_t acting = 0;            // Plt and Plh placements
  std::vector<std::string> skipped;  // files that could not be read
  DemoWork work;                     // the living office
};

// Builds the demo into `store` (expected empty; migrated by the caller). Imports every *.txt of
// `regulations_folder` in name order (one transaction each), then staffs each agency in its own
// transaction, then adds the acting officials and the accounts. Throws Refusal NOT_FOUND
// when the folder holds no text, and whatever the import or the database throws.
DemoSummary build_demo(const app::Stores& store, const std::string& regulations_folder,
                       std::uint64_t seed);

// Adds the living office (above) in the agency of `pegawai` (an account linked to an employee):
// each use case in a transaction of its own, so it must not be called inside one. Adds nothing
// when that agency lacks the people it needs (its head, pegawai's appraiser and a colleague, two
// Bidang with their heads and officials, all held definitively).
DemoWork add_demo_work(const app::Stores& store, const app::Actor& demo,
                       const identity::User& pegawai);

}  // namespace tatakerja::sample
