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
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/stores.hpp"

namespace tatakerja::sample {

struct DemoAccount {
  std::string username;
  std::string password;
  std::string role;
};
// The three demo accounts with their passwords.
const std::vector<DemoAccount>& demo_accounts();

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
};

// Builds the demo into `store` (expected empty; migrated by the caller). Imports every *.txt of
// `regulations_folder` in name order (one transaction each), then staffs each agency in its own
// transaction, then adds the acting officials and the accounts. Throws Refusal NOT_FOUND
// when the folder holds no text, and whatever the import or the database throws.
DemoSummary build_demo(const app::Stores& store, const std::string& regulations_folder,
                       std::uint64_t seed);

}  // namespace tatakerja::sample
