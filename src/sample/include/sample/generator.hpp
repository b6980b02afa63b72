// Synthetic but realistic people for a registry: the staffing generator the demo uses on the
// imported regulations, and the province-sized generator the benchmark uses (agencies, units,
// positions and people built from parameters). Names come from across Indonesia by the region's
// mix; NIPs are valid (org::make_nip: birth 1965-1998, appointed at 22-35 years of age, the
// sex digit matching the name) and unique within a run; PNS ranks fit the eselon
// (org::rank_range_for_eselon) and, for functional officials and executors, their level;
// a few executors are PPPK. Deterministic for a seed: every draw comes from std::mt19937_64 and is
// turned into a number by modulo, never by a standard-library distribution.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "app/stores.hpp"
#include "org/model.hpp"

namespace tatakerja::sample {

// How positions are staffed.
struct StaffingOptions {
  int vacancy_percent = 5;    // chance that a position is left vacant
  int pppk_percent = 15;      // chance that an executor (Pelaksana) is a PPPK
  int reference_year = 2025;  // "now": placements start before it
};

// Makes people for positions. One generator per run: it remembers the NIPs it gave out.
class PeopleGenerator {
 public:
  explicit PeopleGenerator(std::uint64_t seed, StaffingOptions options = {});
  ~PeopleGenerator();
  PeopleGenerator(const PeopleGenerator&) = delete;
  PeopleGenerator& operator=(const PeopleGenerator&) = delete;

  // The region whose name mix the next people are drawn from ("Kota Batam").
  void set_region(const std::string& region_name);
  // A person fit to hold `p` (not stored): name, valid unique NIP, kind, rank.
  org::Employee make_employee(org::Id region_id, const org::Position& p);
  // A plausible TMT for `e` taking up a position: after appointment, before reference_year.
  Date placement_start(const org::Employee& e);
  // True with probability percent/100 (from the same generator).
  bool chance(int percent);
  // Uniform in [lo, hi].
  int pick(int lo, int hi);
  std::mt19937_64& rng() { return rng_; }
  const StaffingOptions& options() const { return options_; }

 private:
  std::mt19937_64 rng_;
  StaffingOptions options_;
  int mix_ = 0;  // detail::NameMix
  std::unordered_set<std::string> nips_;
};

// What staffing one agency did.
struct StaffingResult {
  std::size_t employees = 0;
  std::size_t placements = 0;
  std::vector<org::Id> vacant;                       // positions left without a holder
  std::optional<org::Id> first_functional_employee;  // a JF holder (the demo's "pegawai")
};

// Gives every non-abolished position of the agency without a current holder one definitive
// holder, except the ~vacancy_percent left vacant. Writes through `store` (no transaction of its
// own; the caller wraps it).
StaffingResult staff_agency(const app::Stores& store, org::Id agency_id, PeopleGenerator& g);

// Adds functional officials and executors to the agency's units (the regulations name few of
// them): a few per Bidang, Sekretariat, Sub Bagian and Kelompok Jabatan Fungsional, each a
// Position of kind Fungsional or Pelaksana without source_article, under the unit's head (a JF
// Ahli Madya under the agency head). Returns how many were added. No transaction of its own.
std::size_t add_staff_positions(const app::Stores& store, org::Id agency_id, PeopleGenerator& g);

// Parameters of the province-sized generator.
struct GeneratorOptions {
  std::uint64_t seed = 1;
  std::size_t people = 60000;                             // employees (each holds one position)
  std::size_t units = 2500;                               // units over all agencies
  std::size_t agencies = 40;                              // perangkat daerah
  std::string region_name = "Provinsi Nusantara Contoh";  // synthetic; must start with a kind
  StaffingOptions staffing;
};

struct GenerationSummary {
  org::Id region_id = 0;
  org::Id regulation_id = 0;
  std::size_t agencies = 0;
  std::size_t units = 0;
  std::size_t positions = 0;
  std::size_t employees = 0;
  std::size_t placements = 0;
  std::size_t vacant = 0;
};

// Builds a synthetic province: one region and one synthetic regulation establishing `agencies`
// agencies ("Dinas Pendidikan", "Badan Kepegawaian Daerah", ...) with `units` units in all
// (Sekretariat and Sub Bagian, Bidang and Seksi, Kelompok Jabatan Fungsional, UPTD — schools,
// hospitals, regional offices — with their Sub Bagian Tata Usaha), a head for every unit, and
// functional officials and executors so that exactly `people` employees hold positions, about
// vacancy_percent more positions being vacant. Work levels and appraisers are resolved. Writes in
// one transaction per agency (plus one for the region), so it must not be called inside a
// transaction. Throws Refusal CONFLICT when the same generation (region, seed, sizes) is
// already stored, INVALID_FIELD when a size is 0 or the region name has no kind.
GenerationSummary generate_province(const app::Stores& store, const GeneratorOptions& options);

// The work system of a generated government (issue 12; the benchmark's load, bench/work).
struct WorkOptions {
  std::uint64_t seed = 1;
  std::size_t activities = 0;                    // in all
  std::size_t teams = 0;                         // formed in units with at least three people
  std::string password = "kerja-sintetis-2026";  // of the accounts made
};

struct WorkGenerationSummary {
  std::size_t accounts = 0;  // "kerja-<employee id>", one per person seated in a unit
  std::size_t teams = 0;
  std::size_t activities = 0;
  std::size_t planned_by_use_case = 0;  // the first of each executor (at most 1,000)
  std::map<std::string, std::size_t> by_state;
};

// Adds to the region: an account for every person seated in a unit ("kerja-<employee id>", role
// pegawai, all with `password`, hashed once), `teams` teams formed through app::form_team
// (routine, and every other one incidental across two units), and `activities` activities spread
// over those people in every state of their flows. Each executor's first activity (and each team
// member's) is planned through app::create_activity, which fixes its chain from the structure;
// the rest copy such a chain and are written straight to the store, 2,000 per transaction, with
// the steps the flow names taken by the people who hold the roles (the stops' holders, the lead),
// the waiting position set as the use cases set it. Not inside a transaction.
WorkGenerationSummary generate_work(const app::Stores& store, org::Id region_id,
                                    const WorkOptions& options);

}  // namespace tatakerja::sample
