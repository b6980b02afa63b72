// Synthetic people and the province-sized generator (see generator.hpp for the contract).
#include "sample/generator.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

#include "app/crypto.hpp"
#include "app/importer.hpp"
#include "core/error.hpp"
#include "core/eselon.hpp"
#include "core/text.hpp"
#include "org/nip.hpp"
#include "org/rank.hpp"
#include "org/unit_head.hpp"
#include "org/work_levels.hpp"
#include "sample/names.hpp"

namespace tatakerja::sample {
namespace {

using app::Actor;
using app::now_iso_utc;
using app::record_audit;
using app::slug;
using org::Id;

int rank_order(std::string_view code) {
  auto r = org::pns_rank(code);
  return r ? r->order : 1;
}
const std::string& rank_code(int order) {
  const auto& ranks = org::pns_ranks();
  order = std::clamp(order, 1, static_cast<int>(ranks.size()));
  return ranks[static_cast<std::size_t>(order - 1)].code;
}

// What a position asks of its holder.
struct Profile {
  int rank_lo = 5;  // PNS rank orders (1 = I/a .. 17 = IV/e)
  int rank_hi = 10;
  int birth_lo = 1965;
  int birth_hi = 1998;
  int max_appointment_age = 35;
  int education = 1;             // names::person_name's education
  int pppk_percent = 0;          // chance of a PPPK holder (never for structural positions)
  int pppk_lo = 5, pppk_hi = 7;  // PPPK grades
};

bool has_word(const std::string& key, std::string_view phrase) {
  return text::ifind_word(key, phrase) != std::string::npos;
}

Profile profile_of(const org::Position& p, const StaffingOptions& o) {
  Profile f;
  const std::string key = text::name_key(p.title);
  std::string eselon = to_string(p.eselon);
  if (eselon.empty()) {
    // Structural kinds without a stated eselon take the usual grade of the kind.
    if (p.kind == PositionKind::JptPratama) eselon = "II.a";
    if (p.kind == PositionKind::Administrator) eselon = "III.a";
    if (p.kind == PositionKind::Pengawas) eselon = "IV.a";
  }
  if (auto range = org::rank_range_for_eselon(eselon)) {
    f.rank_lo = rank_order(range->lowest);
    f.rank_hi = rank_order(range->highest);
    const int g = eselon_grade(eselon);
    f.birth_lo = 1965;
    f.birth_hi = g <= 2 ? 1975 : g == 3 ? 1982 : 1988;
    f.max_appointment_age = g <= 3 ? 28 : 32;
    f.education = g <= 3 ? 2 : 1;
    return f;
  }
  if (p.kind == PositionKind::Fungsional) {
    f.education = 1;
    f.pppk_percent = o.pppk_percent / 2;
    if (has_word(key, "ahli utama")) {
      f = {16, 17, 1965, 1972, 28, 2, 0, 12, 13};
    } else if (has_word(key, "ahli madya")) {
      f = {13, 15, 1965, 1978, 30, 2, o.pppk_percent / 3, 11, 11};
    } else if (has_word(key, "ahli muda")) {
      f = {11, 12, 1970, 1988, 33, 1, o.pppk_percent / 2, 10, 10};
    } else if (has_word(key, "ahli pertama")) {
      f = {9, 10, 1985, 1998, 30, 1, o.pppk_percent / 2, 9, 9};
    } else if (has_word(key, "penyelia")) {
      f = {11, 12, 1968, 1985, 32, 1, 0, 8, 8};
    } else if (has_word(key, "mahir")) {
      f = {9, 10, 1975, 1992, 33, 1, o.pppk_percent / 2, 7, 7};
    } else if (has_word(key, "terampil") || has_word(key, "pemula")) {
      f = {7, 8, 1980, 1998, 33, 0, o.pppk_percent / 2, 5, 7};
    } else {
      f = {9, 12, 1970, 1995, 33, 1, o.pppk_percent / 2, 9, 10};
    }
    return f;
  }
  // Pelaksana.
  f = {6, 10, 1965, 1998, 35, 1, o.pppk_percent, 5, 7};
  return f;
}

constexpr std::array<std::string_view, 11> kFunctionalFamilies = {
    "Analis Kebijakan",
    "Perencana",
    "Analis SDM Aparatur",
    "Pranata Komputer",
    "Arsiparis",
    "Analis Keuangan Pusat dan Daerah",
    "Pengelola Pengadaan Barang/Jasa",
    "Pranata Hubungan Masyarakat",
    "Statistisi",
    "Analis Anggaran",
    "Penata Kelola Sistem dan Teknologi Informasi"};
constexpr std::array<std::string_view, 8> kExecutors = {"Pengelola Keuangan",
                                                        "Pengadministrasi Umum",
                                                        "Pengolah Data dan Informasi",
                                                        "Penata Laporan Keuangan",
                                                        "Pengadministrasi Perkantoran",
                                                        "Pengelola Barang Milik Daerah",
                                                        "Pengelola Layanan Operasional",
                                                        "Penelaah Teknis Kebijakan"};

std::string functional_title(PeopleGenerator& g, std::string_view level) {
  const auto family =
      kFunctionalFamilies[static_cast<std::size_t>(g.pick(0, kFunctionalFamilies.size() - 1))];
  return fmt::format("{} {}", family, level);
}
std::string executor_title(PeopleGenerator& g) {
  return std::string(kExecutors[static_cast<std::size_t>(g.pick(0, kExecutors.size() - 1))]);
}

bool structural(const org::Position& p) {
  return org::structural_grade(p) > 0;
}

// The agency head: the structural position without a superior, the highest grade first.
std::optional<Id> agency_head(const std::vector<org::Position>& ps) {
  const org::Position* best = nullptr;
  for (const auto& p : ps) {
    if (p.abolished || p.superior_id || !structural(p)) continue;
    if (!best || org::heads_before(p, *best)) best = &p;
  }
  if (best) return best->id;
  return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// PeopleGenerator

PeopleGenerator::PeopleGenerator(std::uint64_t seed, StaffingOptions options)
    : rng_(seed), options_(options) {}
PeopleGenerator::~PeopleGenerator() = default;

void PeopleGenerator::set_region(const std::string& region_name) {
  mix_ = static_cast<int>(detail::name_mix_for_region(region_name));
}
bool PeopleGenerator::chance(int percent) {
  return detail::chance(rng_, percent);
}
int PeopleGenerator::pick(int lo, int hi) {
  return detail::pick(rng_, lo, hi);
}

org::Employee PeopleGenerator::make_employee(Id region_id, const org::Position& p) {
  const Profile f = profile_of(p, options_);
  org::Employee e;
  e.region_id = region_id;
  e.sex = chance(p.eselon ? 30 : 48) ? org::Sex::Female : org::Sex::Male;
  // 1. Birth and appointment (TMT CPNS/PPPK) at 22..35 years of age, before the reference year.
  const int birth_year = pick(f.birth_lo, f.birth_hi);
  e.birth_date = Date{birth_year, pick(1, 12), pick(1, 28)};
  const int latest = options_.reference_year - 1 - birth_year;
  const int age = pick(22, std::max(22, std::min(f.max_appointment_age, latest)));
  e.appointed_year = birth_year + age;
  e.appointed_month = chance(60) ? (chance(50) ? 1 : 3) : pick(1, 12);
  // 2. Kind and rank.
  const bool structural_position = structural(p);
  e.kind = !structural_position && chance(f.pppk_percent) ? org::EmployeeKind::Pppk
                                                          : org::EmployeeKind::Pns;
  if (e.kind == org::EmployeeKind::Pppk) {
    e.rank = text::int_to_roman(pick(f.pppk_lo, f.pppk_hi));
    // PPPK are recent: appointed from 2019 on.
    e.appointed_year = std::max(e.appointed_year, std::min(2019 + pick(0, 4), birth_year + 45));
  } else {
    e.rank = rank_code(pick(f.rank_lo, f.rank_hi));
  }
  // 3. Name, by the region's mix and the sex.
  e.name = detail::person_name(rng_, e.sex, static_cast<detail::NameMix>(mix_), f.education);
  // 4. A unique NIP.
  for (int attempt = 0;; ++attempt) {
    const int serial = attempt < 50 ? pick(1, 999) : 1 + (attempt - 50) % 999;
    e.nip = org::make_nip(e.birth_date, e.appointed_year, e.appointed_month, e.sex, serial);
    if (nips_.insert(e.nip).second) break;
    if (attempt > 1100) {  // every serial of that birth date and month is taken: move a day
      e.birth_date.day = e.birth_date.day % 28 + 1;
      attempt = 0;
    }
  }
  return e;
}

Date PeopleGenerator::placement_start(const org::Employee& e) {
  const int last = options_.reference_year - 1;
  const int first = std::min(last, std::max(e.appointed_year + 1, options_.reference_year - 9));
  Date d{pick(first, last), pick(1, 12), 1};
  if (d.year <= e.appointed_year) {
    d.year = e.appointed_year;
    d.month = std::max(d.month, e.appointed_month);
  }
  return d;
}

// ---------------------------------------------------------------------------------------------
// Staffing the demo's agencies

namespace {

// The staff positions added to one agency, numbered after its last position.
struct StaffPositions {
  StaffPositions(const app::Stores& s, Id agency, const std::vector<org::Position>& positions)
      : store(s), agency_id(agency) {
    for (const auto& p : positions) ordinal = std::max(ordinal, p.ordinal);
    has_bendahara = std::any_of(positions.begin(), positions.end(), [](const auto& p) {
      return text::name_key(p.title) == "bendahara";
    });
  }

  void add(const org::Unit& u, std::optional<Id> superior, std::string title, PositionKind kind) {
    org::Position p;
    p.agency_id = agency_id;
    p.unit_id = u.id;
    p.superior_id = superior;
    p.title = std::move(title);
    p.kind = kind;
    p.ordinal = ++ordinal;
    store.org.insert_position(p);
    ++added;
  }

  const app::Stores& store;
  Id agency_id;
  int ordinal = 0;
  bool has_bendahara = false;  // the agency has (or was given) its Bendahara
  std::size_t added = 0;
};

// A Kelompok Jabatan Fungsional: an Ahli Madya under the agency head, an Ahli Muda and an Ahli
// Pertama coordinated by the head of the unit the pool sits in, else by the agency head.
void add_pool_staff(StaffPositions& staff, const org::Unit& u,
                    const std::vector<org::Position>& positions, std::optional<Id> head,
                    PeopleGenerator& g) {
  std::optional<Id> sup = u.parent_id ? org::unit_head(positions, *u.parent_id) : std::nullopt;
  if (!sup) sup = head;
  staff.add(u, head, functional_title(g, "Ahli Madya"), PositionKind::Fungsional);
  staff.add(u, sup, functional_title(g, "Ahli Muda"), PositionKind::Fungsional);
  staff.add(u, sup, functional_title(g, "Ahli Pertama"), PositionKind::Fungsional);
}

// Any other unit: functional officials and executors by its kind, under `sup`.
void add_unit_staff(StaffPositions& staff, const org::Unit& u, std::optional<Id> sup,
                    PeopleGenerator& g) {
  switch (u.kind) {
    case UnitKind::Bidang:
      staff.add(u, sup, functional_title(g, g.chance(50) ? "Ahli Muda" : "Ahli Pertama"),
                PositionKind::Fungsional);
      staff.add(u, sup, functional_title(g, "Ahli Pertama"), PositionKind::Fungsional);
      staff.add(u, sup, executor_title(g), PositionKind::Pelaksana);
      break;
    case UnitKind::Sekretariat:
      if (!staff.has_bendahara) staff.add(u, sup, "Bendahara", PositionKind::Pelaksana);
      staff.has_bendahara = true;
      staff.add(u, sup, "Pengelola Keuangan", PositionKind::Pelaksana);
      staff.add(u, sup, "Analis SDM Aparatur Ahli Madya", PositionKind::Fungsional);
      break;
    case UnitKind::SubBagian:
    case UnitKind::Seksi:
    case UnitKind::SubBidang:
      staff.add(u, sup, g.chance(50) ? "Pengadministrasi Umum" : executor_title(g),
                PositionKind::Pelaksana);
      if (g.chance(50))
        staff.add(u, sup, functional_title(g, "Ahli Pertama"), PositionKind::Fungsional);
      break;
    default:
      staff.add(u, sup, "Pengadministrasi Umum", PositionKind::Pelaksana);
      break;
  }
}

}  // namespace

std::size_t add_staff_positions(const app::Stores& store, Id agency_id, PeopleGenerator& g) {
  const auto units = store.org.units_of_agency(agency_id, false);
  const auto positions = store.org.positions_of_agency(agency_id, false);
  const auto head = agency_head(positions);
  StaffPositions staff(store, agency_id, positions);
  for (const auto& u : units) {
    if (u.kind == UnitKind::KelompokJabatanFungsional) {
      add_pool_staff(staff, u, positions, head, g);
      continue;
    }
    std::optional<Id> sup = org::unit_head(positions, u.id);
    if (!sup) sup = head;
    add_unit_staff(staff, u, sup, g);
  }
  return staff.added;
}

StaffingResult staff_agency(const app::Stores& store, Id agency_id, PeopleGenerator& g) {
  StaffingResult r;
  const auto agency = store.org.agency(agency_id);
  if (!agency) return r;
  for (const auto& p : store.org.positions_of_agency(agency_id, false)) {
    if (!store.org.holders_of_position(p.id).empty()) continue;
    if (g.chance(g.options().vacancy_percent)) {
      r.vacant.push_back(p.id);
      continue;
    }
    org::Employee e = g.make_employee(agency->region_id, p);
    e.id = store.org.insert_employee(e);
    ++r.employees;
    org::Placement pl;
    pl.employee_id = e.id;
    pl.position_id = p.id;
    pl.start = g.placement_start(e);
    pl.kind = org::PlacementKind::Definitive;
    store.org.insert_placement(pl);
    ++r.placements;
    if (!r.first_functional_employee && p.kind == PositionKind::Fungsional)
      r.first_functional_employee = e.id;
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// The province-sized generator

namespace {

struct AgencySpec {
  std::string_view name;
  int uptd_weight;             // share of the UPTD (schools, hospitals, regional offices)
  std::string_view uptd_kind;  // "school", "health", or a name used for regional offices
};

constexpr std::array<AgencySpec, 40> kAgencies = {{
    {"Dinas Pendidikan dan Kebudayaan", 60, "school"},
    {"Badan Kepegawaian Daerah", 0, ""},
    {"Dinas Kesehatan", 10, "health"},
    {"Badan Perencanaan Pembangunan Daerah", 0, ""},
    {"Badan Pendapatan Daerah", 8, "Pendapatan Daerah Wilayah"},
    {"Dinas Pekerjaan Umum dan Penataan Ruang", 4, "Pengelolaan Sumber Daya Air Wilayah"},
    {"Inspektorat Daerah", 0, ""},
    {"Badan Keuangan dan Aset Daerah", 0, ""},
    {"Dinas Lingkungan Hidup dan Kehutanan", 6, "Kesatuan Pengelolaan Hutan Wilayah"},
    {"Dinas Sosial", 3, "Panti Sosial"},
    {"Dinas Perhubungan", 3, "Pengelolaan Prasarana Perhubungan Wilayah"},
    {"Dinas Pertanian dan Perkebunan", 4, "Balai Benih Induk Wilayah"},
    {"Dinas Kelautan dan Perikanan", 3, "Pelabuhan Perikanan Wilayah"},
    {"Dinas Tenaga Kerja dan Transmigrasi", 2, "Balai Latihan Kerja Wilayah"},
    {"Dinas Komunikasi dan Informatika", 0, ""},
    {"Dinas Koperasi, Usaha Kecil dan Menengah", 1, "Pelatihan Koperasi"},
    {"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 0, ""},
    {"Dinas Pemberdayaan Perempuan dan Perlindungan Anak", 1, "Perlindungan Perempuan dan Anak"},
    {"Dinas Pemberdayaan Masyarakat dan Desa", 0, ""},
    {"Dinas Kependudukan dan Pencatatan Sipil", 0, ""},
    {"Dinas Perumahan Rakyat dan Kawasan Permukiman", 0, ""},
    {"Dinas Pariwisata", 1, "Pengelolaan Destinasi Wisata"},
    {"Dinas Kepemudaan dan Olahraga", 1, "Gelanggang Olahraga"},
    {"Dinas Perpustakaan dan Kearsipan", 0, ""},
    {"Dinas Perindustrian dan Perdagangan", 2, "Metrologi Legal"},
    {"Dinas Energi dan Sumber Daya Mineral", 2, "Energi dan Sumber Daya Mineral Wilayah"},
    {"Dinas Peternakan", 2, "Pembibitan Ternak"},
    {"Dinas Pangan", 0, ""},
    {"Badan Penanggulangan Bencana Daerah", 0, ""},
    {"Badan Kesatuan Bangsa dan Politik", 0, ""},
    {"Badan Pengembangan Sumber Daya Manusia", 1, "Pelatihan Aparatur"},
    {"Badan Riset dan Inovasi Daerah", 0, ""},
    {"Badan Pengelola Perbatasan Daerah", 0, ""},
    {"Badan Penghubung Daerah", 0, ""},
    {"Satuan Polisi Pamong Praja", 0, ""},
    {"Sekretariat Dewan Perwakilan Rakyat Daerah", 0, ""},
    {"Dinas Kebudayaan", 1, "Taman Budaya"},
    {"Dinas Tanaman Pangan dan Hortikultura", 2, "Proteksi Tanaman Wilayah"},
    {"Dinas Kehutanan", 2, "Taman Hutan Raya"},
    {"Badan Pengelolaan Keuangan Daerah", 0, ""},
}};

constexpr std::array<std::string_view, 16> kTopics = {
    "Perencanaan dan Pengendalian", "Pelayanan Umum",       "Pembinaan dan Pengawasan",
    "Data dan Informasi",           "Sarana dan Prasarana", "Kerja Sama dan Kemitraan",
    "Pengembangan Kapasitas",       "Pemberdayaan",         "Evaluasi dan Pelaporan",
    "Standardisasi dan Mutu",       "Fasilitasi",           "Penyuluhan",
    "Perizinan dan Rekomendasi",    "Pengelolaan Aset",     "Teknis Operasional",
    "Inovasi dan Teknologi"};
constexpr std::array<std::string_view, 6> kSubTopics = {"Perencanaan", "Pembinaan",    "Pengawasan",
                                                        "Pelayanan",   "Pengendalian", "Evaluasi"};
constexpr std::array<std::string_view, 6> kSubBagian = {
    "Umum dan Kepegawaian",     "Keuangan", "Perencanaan Program", "Umum", "Kepegawaian",
    "Perencanaan dan Pelaporan"};

// One unit to build, before it is stored.
struct UnitPlan {
  std::string name;
  UnitKind kind = UnitKind::Bidang;
  int parent = -1;  // index in the agency's plan
  std::string head_title;
  std::string head_eselon;
  int weight = 0;          // share of functional officials and executors
  std::string_view staff;  // "school", "health" or "" (general)
  std::size_t staff_count = 0;
};

struct AgencyPlan {
  std::string name;
  AgencyKind kind = AgencyKind::Badan;
  std::vector<UnitPlan> units;
  std::vector<UnitPlan> optional_units;  // base units added round-robin while the budget lasts
};

AgencyKind agency_kind(std::string_view name) {
  return agency_kind_of_name(name).value_or(AgencyKind::Badan);
}

std::string short_unit(std::string_view name) {
  // "Bidang Data dan Informasi" -> "Data dan Informasi"
  const auto sp = name.find(' ');
  return sp == std::string_view::npos ? std::string(name) : std::string(name.substr(sp + 1));
}

// Largest-remainder split of `total` by `weights`.
std::vector<std::size_t> apportion(std::size_t total, const std::vector<int>& weights) {
  std::vector<std::size_t> out(weights.size(), 0);
  long long sum = 0;
  for (int w : weights) sum += w;
  if (sum <= 0 || total == 0) return out;
  std::vector<std::pair<long long, std::size_t>> rem;
  std::size_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const long long num = static_cast<long long>(total) * weights[i];
    out[i] = static_cast<std::size_t>(num / sum);
    given += out[i];
    rem.emplace_back(num % sum, i);
  }
  std::stable_sort(rem.begin(), rem.end(), [](auto a, auto b) { return a.first > b.first; });
  for (std::size_t k = 0; given < total && k < rem.size(); ++k, ++given) ++out[rem[k].second];
  return out;
}

// ---------------------------------------------------------------------------------------------
// The generator's steps, in the order generate_province takes them.

// What one generation carries from step to step.
struct ProvinceRun {
  ProvinceRun(const app::Stores& s, const GeneratorOptions& o)
      : store(s),
        options(o),
        signature(fmt::format("tatakerja generate|{}|{}|{}|{}|{}", o.region_name, o.seed, o.people,
                              o.units, o.agencies)),
        people(o.seed, o.staffing),
        people_left(o.people) {
    people.set_region(o.region_name);
  }

  const app::Stores& store;
  const GeneratorOptions& options;
  std::string signature;  // the generation's parameters: the synthetic regulation is its SHA-256
  PeopleGenerator people;
  GenerationSummary sum;
  std::size_t people_left;  // employees still to place
};

// The options' region kind; sizes of 0 and a region name without a kind are refused.
org::RegionKind checked_region_kind(const GeneratorOptions& o) {
  if (o.people == 0 || o.units == 0 || o.agencies == 0)
    fail(ErrorCode::InvalidField, "people",
         "Jumlah pegawai, unit dan perangkat daerah harus lebih dari 0.");
  const auto region_kind = org::region_kind_of_name(o.region_name);
  if (!region_kind)
    fail(ErrorCode::InvalidField, "region_name",
         "Nama daerah harus diawali Provinsi, Kabupaten atau Kota.");
  return *region_kind;
}

// The region of that name, found or created.
Id find_or_create_region(const app::Stores& store, const std::string& name, org::RegionKind kind) {
  const std::string code = slug(name);
  if (auto r = store.org.region_by_code(code)) return r->id;
  org::Region r;
  r.code = code;
  r.name = name;
  r.kind = kind;
  return store.org.insert_region(r);
}

// The synthetic regulation that establishes the agencies.
Id store_synthetic_regulation(const ProvinceRun& run, org::RegionKind kind,
                              const std::string& sha) {
  org::Regulation reg;
  reg.region_id = run.sum.region_id;
  reg.kind = kind == org::RegionKind::Province  ? "Peraturan Gubernur"
             : kind == org::RegionKind::Regency ? "Peraturan Bupati"
                                                : "Peraturan Wali Kota";
  reg.number = std::to_string(run.options.seed % 1000 + 1);
  reg.year = run.options.staffing.reference_year - 1;
  reg.title =
      "Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Perangkat "
      "Daerah (data sintetis)";
  reg.sha256 = sha;
  reg.imported_at = now_iso_utc();
  return run.store.org.insert_regulation(
      reg, "Naskah sintetis yang dibuat oleh `tatakerja generate` (" + run.signature + ").\n");
}

// The region and the synthetic regulation, in their own transaction; the same generation twice
// is refused.
void store_region_and_regulation(ProvinceRun& run, org::RegionKind kind) {
  const std::string sha = app::detail::sha256_hex(run.signature);
  Transaction tx(run.store.transactions);
  if (run.store.org.regulation_by_sha256(sha))
    fail(ErrorCode::Conflict, "seed",
         "Data sintetis dengan parameter dan seed yang sama sudah dibuat.");
  run.sum.region_id = find_or_create_region(run.store, run.options.region_name, kind);
  run.sum.regulation_id = store_synthetic_regulation(run, kind, sha);
  record_audit(run.store, Actor{std::nullopt, "generate"}, "create", "regulation",
               std::to_string(run.sum.regulation_id), "", "{\"synthetic\":true}");
  tx.commit();
}

// The i-th agency's Bidang (an Inspektorat's Inspektur Pembantu), 3 to 5 of them; returns their
// indices in its base units.
std::vector<int> plan_bidang(AgencyPlan& a, std::size_t i, PeopleGenerator& g) {
  const bool inspektorat = a.kind == AgencyKind::Inspektorat;
  std::vector<UnitPlan>& u = a.optional_units;
  const int bidang = g.pick(3, 5);
  std::vector<int> bidang_index;
  for (int b = 0; b < bidang; ++b) {
    const std::string topic(kTopics[static_cast<std::size_t>(
        (i * 7 + static_cast<std::size_t>(b) * 3) % kTopics.size())]);
    if (inspektorat)
      u.push_back({"Inspektur Pembantu Wilayah " + text::int_to_roman(b + 1), UnitKind::Inspektur,
                   -1, "Inspektur Pembantu Wilayah " + text::int_to_roman(b + 1), "III.a", 9});
    else
      u.push_back({"Bidang " + topic, UnitKind::Bidang, -1, "Kepala Bidang " + topic, "III.a", 8});
    bidang_index.push_back(static_cast<int>(u.size()) - 1);
  }
  return bidang_index;
}

// The i-th agency's Sub Bagian under its Sekretariat, 2 or 3 of them.
void plan_sub_bagian(AgencyPlan& a, std::size_t i, PeopleGenerator& g) {
  const int subbag = g.pick(2, 3);
  for (int s = 0; s < subbag; ++s) {
    const std::string n(
        kSubBagian[static_cast<std::size_t>((s + static_cast<int>(i)) % 3 + (subbag == 3 ? 0 : 3)) %
                   kSubBagian.size()]);
    a.optional_units.push_back(
        {"Sub Bagian " + n, UnitKind::SubBagian, 0, "Kepala Sub Bagian " + n, "IV.a", 3});
  }
}

// Seksi (a Badan's Sub Bidang) under each Bidang, 0 to 2 of them.
void plan_seksi(AgencyPlan& a, const std::vector<int>& bidang_index, PeopleGenerator& g) {
  std::vector<UnitPlan>& u = a.optional_units;
  const bool badan = a.kind == AgencyKind::Badan;
  for (int b : bidang_index) {
    const int seksi = g.pick(0, 2);
    for (int s = 0; s < seksi; ++s) {
      const std::string sub(kSubTopics[static_cast<std::size_t>(g.pick(0, kSubTopics.size() - 1))]);
      const std::string n = sub + " " + short_unit(u[static_cast<std::size_t>(b)].name);
      u.push_back({(badan ? "Sub Bidang " : "Seksi ") + n,
                   badan ? UnitKind::SubBidang : UnitKind::Seksi, b,
                   (badan ? "Kepala Sub Bidang " : "Kepala Seksi ") + n, "IV.a", 3});
    }
  }
}

// The i-th agency with its base units in priority order: Sekretariat, Bidang, Kelompok Jabatan
// Fungsional, Sub Bagian, Seksi. (The head's position has no unit of its own: it is created
// separately.)
AgencyPlan plan_agency(std::size_t i, PeopleGenerator& g) {
  const auto& spec = kAgencies[i % kAgencies.size()];
  AgencyPlan a;
  a.name = std::string(spec.name);
  if (i >= kAgencies.size())
    a.name += " " + text::int_to_roman(static_cast<int>(i / kAgencies.size()) + 1);
  a.kind = agency_kind(spec.name);
  a.optional_units.push_back({"Sekretariat", UnitKind::Sekretariat, -1, "Sekretaris", "III.a", 4});
  const auto bidang_index = plan_bidang(a, i, g);
  a.optional_units.push_back(
      {"Kelompok Jabatan Fungsional", UnitKind::KelompokJabatanFungsional, -1, "", "", 6});
  plan_sub_bagian(a, i, g);
  if (a.kind != AgencyKind::Inspektorat) plan_seksi(a, bidang_index, g);
  return a;
}

// The base units, round-robin over the agencies while the unit budget lasts; a unit whose parent
// was not taken is skipped. Returns the budget left.
std::size_t take_base_units(std::vector<AgencyPlan>& plans, std::size_t budget) {
  std::vector<std::vector<int>> taken_index(plans.size());  // optional index -> index in units
  for (std::size_t i = 0; i < plans.size(); ++i)
    taken_index[i].assign(plans[i].optional_units.size(), -1);
  for (std::size_t round = 0; budget > 0; ++round) {
    bool any = false;
    for (std::size_t i = 0; i < plans.size() && budget > 0; ++i) {
      auto& a = plans[i];
      if (round >= a.optional_units.size()) continue;
      any = true;
      UnitPlan up = a.optional_units[round];
      if (up.parent >= 0) {
        const int parent = taken_index[i][static_cast<std::size_t>(up.parent)];
        if (parent < 0) continue;
        up.parent = parent;
      }
      taken_index[i][round] = static_cast<int>(a.units.size());
      a.units.push_back(std::move(up));
      --budget;
    }
    if (!any) break;
  }
  return budget;
}

// The name of an agency's k-th UPTD and who staffs it ("school", "health" or "" for general).
std::pair<std::string, std::string_view> uptd_name(const AgencySpec& spec, const AgencyPlan& a,
                                                   int k) {
  static constexpr std::array<std::string_view, 3> kSchools = {"SMA Negeri", "SMK Negeri",
                                                               "SLB Negeri"};
  if (spec.uptd_kind == "school") {
    const int t = k % 10 < 6 ? 0 : k % 10 < 9 ? 1 : 2;
    return {fmt::format("{} {}", kSchools[static_cast<std::size_t>(t)], k), spec.uptd_kind};
  }
  if (spec.uptd_kind == "health")
    return {k == 1 ? "Laboratorium Kesehatan" : fmt::format("Rumah Sakit Umum Daerah {}", k - 1),
            spec.uptd_kind};
  if (!spec.uptd_kind.empty())
    return {fmt::format("{} {}", spec.uptd_kind, text::int_to_roman(k)), ""};
  return {fmt::format("{} Wilayah {}", short_unit(a.name), text::int_to_roman(k)), spec.uptd_kind};
}

// `count` units of UPTD for one agency: each UPTD followed by its Sub Bagian Tata Usaha while the
// count lasts.
void add_uptd(AgencyPlan& a, const AgencySpec& spec, std::size_t count) {
  std::size_t left = count;
  for (int k = 1; left > 0; ++k) {
    const auto [n, staff] = uptd_name(spec, a, k);
    const int uptd = static_cast<int>(a.units.size());
    a.units.push_back({"UPTD " + n, UnitKind::Uptd, -1, "Kepala UPTD " + n, "III.b",
                       staff == "school"   ? 30
                       : staff == "health" ? 40
                                           : 10,
                       staff});
    --left;
    if (left > 0) {
      a.units.push_back({"Sub Bagian Tata Usaha UPTD " + n, UnitKind::SubBagian, uptd,
                         "Kepala Sub Bagian Tata Usaha UPTD " + n, "IV.b", 2});
      --left;
    }
  }
}

// UPTD with what is left of the unit budget, shared between the agencies by weight.
void plan_uptd(std::vector<AgencyPlan>& plans, std::size_t budget) {
  std::vector<int> weights;
  for (std::size_t i = 0; i < plans.size(); ++i)
    weights.push_back(std::max(1, kAgencies[i % kAgencies.size()].uptd_weight));
  const auto share = apportion(budget, weights);
  for (std::size_t i = 0; i < plans.size(); ++i)
    add_uptd(plans[i], kAgencies[i % kAgencies.size()], share[i]);
}

// The agencies and their units: the base units (round-robin while the unit budget lasts), then
// UPTD.
std::vector<AgencyPlan> plan_agencies(const GeneratorOptions& o, PeopleGenerator& g) {
  std::vector<AgencyPlan> plans;
  for (std::size_t i = 0; i < o.agencies; ++i) plans.push_back(plan_agency(i, g));
  const std::size_t budget = take_base_units(plans, o.units);
  if (budget > 0) plan_uptd(plans, budget);
  return plans;
}

// How many people each unit gets beyond its head: structural heads first, the rest shared by
// weight; about vacancy_percent more positions are made and left vacant.
void share_staff(std::vector<AgencyPlan>& plans, const GeneratorOptions& o) {
  std::size_t heads = o.agencies;
  for (const auto& a : plans)
    for (const auto& u : a.units) heads += !u.head_title.empty();
  const std::size_t staffed_heads =
      std::min(heads, o.people) *
      static_cast<std::size_t>(100 - std::clamp(o.staffing.vacancy_percent, 0, 100)) / 100;
  const std::size_t rest = o.people - staffed_heads;
  std::vector<int> weights;
  for (const auto& a : plans)
    for (const auto& u : a.units) weights.push_back(u.weight);
  const auto counts = apportion(rest, weights);
  std::size_t k = 0;
  for (auto& a : plans)
    for (auto& u : a.units) u.staff_count = counts[k++];
}

// One agency being stored: its positions are planned with provisional ids 1..n (superiors always
// before subordinates), then stored with their work levels.
struct AgencyBuild {
  explicit AgencyBuild(const AgencyPlan& p) : plan(p), unit_heads(p.units.size()) {}

  // Plans a position; returns its provisional id.
  Id add(std::optional<Id> unit, std::optional<Id> superior, std::string title, PositionKind kind,
         std::string_view eselon, bool staffed) {
    org::Position p;
    p.id = static_cast<Id>(positions.size()) + 1;
    p.agency_id = agency.id;
    p.unit_id = unit;
    p.superior_id = superior;
    p.title = std::move(title);
    p.kind = kind;
    p.eselon = Eselon::parse(eselon);
    p.ordinal = static_cast<int>(positions.size()) + 1;
    positions.push_back(std::move(p));
    vacant.push_back(!staffed);
    return positions.back().id;
  }

  const AgencyPlan& plan;
  org::Agency agency;                         // as stored
  std::vector<org::Unit> units;               // as stored, in the plan's order
  std::vector<org::Position> positions;       // planned, provisional ids
  std::vector<bool> vacant;                   // by position
  Id head = 0;                                // the agency head's provisional id
  std::vector<std::optional<Id>> unit_heads;  // by unit, provisional ids
};

// The agency, established by the synthetic regulation.
void store_agency(ProvinceRun& run, AgencyBuild& b) {
  org::Agency& ag = b.agency;
  ag.region_id = run.sum.region_id;
  ag.regulation_id = run.sum.regulation_id;
  ag.name = b.plan.name;
  ag.kind = b.plan.kind;
  ag.type = "A";
  ag.tasks = "membantu Kepala Daerah melaksanakan urusan pemerintahan di bidang " +
             short_unit(b.plan.name) + " (data sintetis)";
  ag.id = run.store.org.insert_agency(ag);
  ++run.sum.agencies;
}

// Its units, parents before children as planned.
void store_units(ProvinceRun& run, AgencyBuild& b) {
  for (std::size_t k = 0; k < b.plan.units.size(); ++k) {
    const auto& up = b.plan.units[k];
    org::Unit u;
    u.agency_id = b.agency.id;
    if (up.parent >= 0) u.parent_id = b.units[static_cast<std::size_t>(up.parent)].id;
    u.name = up.name;
    u.kind = up.kind;
    u.ordinal = static_cast<int>(k) + 1;
    u.id = run.store.org.insert_unit(u);
    b.units.push_back(std::move(u));
  }
  run.sum.units += b.units.size();
}

// Whether a head's position is staffed: while people are left, all but ~vacancy_percent.
bool staff_head(ProvinceRun& run) {
  if (run.people_left == 0) return false;
  if (run.people.chance(run.options.staffing.vacancy_percent)) return false;
  --run.people_left;
  return true;
}

std::string agency_head_title(const AgencyPlan& a) {
  if (a.kind == AgencyKind::Inspektorat) return "Inspektur";
  if (a.kind == AgencyKind::SekretariatDprd) return "Sekretaris DPRD";
  return "Kepala " + a.name;
}

// The agency head, then each unit's head under the head of its parent unit (else the agency
// head).
void plan_heads(ProvinceRun& run, AgencyBuild& b) {
  b.head = b.add(std::nullopt, std::nullopt, agency_head_title(b.plan), PositionKind::JptPratama,
                 "II.a", staff_head(run));
  for (std::size_t k = 0; k < b.plan.units.size(); ++k) {
    const auto& up = b.plan.units[k];
    if (up.head_title.empty()) continue;
    std::optional<Id> sup = b.head;
    if (up.parent >= 0 && b.unit_heads[static_cast<std::size_t>(up.parent)])
      sup = b.unit_heads[static_cast<std::size_t>(up.parent)];
    b.unit_heads[k] =
        b.add(b.units[k].id, sup, up.head_title, *position_kind_of_eselon(up.head_eselon),
              up.head_eselon, staff_head(run));
  }
}

// A staff position's title and kind.
struct StaffPosition {
  std::string title;
  PositionKind kind = PositionKind::Fungsional;
};

StaffPosition school_staff(int r) {
  static constexpr std::array<std::string_view, 4> kLv = {"Ahli Pertama", "Ahli Muda", "Ahli Madya",
                                                          "Ahli Pertama"};
  if (r < 85) return {fmt::format("Guru {}", kLv[static_cast<std::size_t>(r % 4)])};
  if (r < 90) return {"Pustakawan Terampil"};
  if (r < 93) return {"Pranata Laboratorium Pendidikan Terampil"};
  return {"Pengadministrasi Umum", PositionKind::Pelaksana};
}

StaffPosition health_staff(PeopleGenerator& g, int r) {
  if (r < 12) return {r < 6 ? "Dokter Ahli Muda" : "Dokter Ahli Pertama"};
  if (r < 52) return {r < 35 ? "Perawat Terampil" : "Perawat Ahli Pertama"};
  if (r < 67) return {"Bidan Terampil"};
  if (r < 73) return {"Apoteker Ahli Pertama"};
  if (r < 80) return {"Pranata Laboratorium Kesehatan Terampil"};
  return {executor_title(g), PositionKind::Pelaksana};
}

StaffPosition general_staff(PeopleGenerator& g, int r) {
  if (r < 45) return {executor_title(g), PositionKind::Pelaksana};
  return {functional_title(g, r < 55 ? "Ahli Madya" : r < 78 ? "Ahli Muda" : "Ahli Pertama")};
}

// A staff position drawn for a unit staffed by `staff` ("school", "health" or "").
StaffPosition draw_staff_position(PeopleGenerator& g, std::string_view staff) {
  const int r = g.pick(0, 99);
  if (staff == "school") return school_staff(r);
  if (staff == "health") return health_staff(g, r);
  return general_staff(g, r);
}

// The k-th unit's staff under its head (else its parent's, else the agency head; a JF Ahli Madya
// of a Kelompok Jabatan Fungsional under the agency head), each with ~vacancy_percent chance of a
// vacant formation of the same kind next to it.
void plan_unit_staff(ProvinceRun& run, AgencyBuild& b, std::size_t k) {
  const auto& up = b.plan.units[k];
  std::optional<Id> sup = b.unit_heads[k];
  if (!sup && up.parent >= 0) sup = b.unit_heads[static_cast<std::size_t>(up.parent)];
  if (!sup) sup = b.head;
  for (std::size_t s = 0; s < up.staff_count && run.people_left > 0; ++s) {
    StaffPosition sp = draw_staff_position(run.people, up.staff);
    const bool madya = text::ifind(sp.title, "Ahli Madya") != std::string::npos;
    b.add(b.units[k].id, madya && up.kind == UnitKind::KelompokJabatanFungsional ? b.head : *sup,
          std::move(sp.title), sp.kind, "", true);
    --run.people_left;
    if (run.people.chance(run.options.staffing.vacancy_percent)) {
      const org::Position copy = b.positions.back();
      b.add(copy.unit_id, copy.superior_id, copy.title, copy.kind, "", false);
    }
  }
}

// The last agency takes whoever is left (rounding), as executors of its Sekretariat.
void plan_remaining_executors(ProvinceRun& run, AgencyBuild& b) {
  while (run.people_left > 0) {
    b.add(b.units.empty() ? std::nullopt : std::optional<Id>(b.units[0].id),
          b.units.empty() ? std::optional<Id>(b.head) : b.unit_heads[0].value_or(b.head),
          executor_title(run.people), PositionKind::Pelaksana, "", true);
    --run.people_left;
  }
}

// The stored id of a provisional one; nullopt when it is not (yet) stored.
std::optional<Id> stored_id(const std::vector<Id>& real, std::optional<Id> provisional) {
  if (!provisional || *provisional < 1 || static_cast<std::size_t>(*provisional) >= real.size() ||
      !real[static_cast<std::size_t>(*provisional)])
    return std::nullopt;
  return real[static_cast<std::size_t>(*provisional)];
}

// A new employee for the stored position `p`, placed in it definitively.
void place_new_employee(ProvinceRun& run, const org::Position& p) {
  org::Employee e = run.people.make_employee(run.sum.region_id, p);
  e.id = run.store.org.insert_employee(e);
  ++run.sum.employees;
  org::Placement pl;
  pl.employee_id = e.id;
  pl.position_id = p.id;
  pl.start = run.people.placement_start(e);
  run.store.org.insert_placement(pl);
  ++run.sum.placements;
}

// Work levels on the plan, then each position stored in order (provisional ids mapped to stored
// ones, so each is written once) with its holder unless it is left vacant.
void store_positions_and_people(ProvinceRun& run, const AgencyBuild& b) {
  const auto level_list = org::resolve_work_levels(b.agency, b.units, b.positions);
  std::unordered_map<Id, const org::LevelAssignment*> levels;
  for (const auto& l : level_list) levels[l.position_id] = &l;
  std::vector<Id> real(b.positions.size() + 1, 0);
  for (std::size_t k = 0; k < b.positions.size(); ++k) {
    org::Position p = b.positions[k];
    const auto lit = levels.find(p.id);
    p.id = 0;
    p.superior_id = stored_id(real, p.superior_id);
    if (lit != levels.end()) {
      p.work_level = lit->second->work_level;
      p.appraiser_id = stored_id(real, lit->second->appraiser_id);
      p.appraiser_outside = lit->second->appraiser_outside;
    }
    real[k + 1] = run.store.org.insert_position(p);
    ++run.sum.positions;
    if (b.vacant[k]) {
      ++run.sum.vacant;
      continue;
    }
    p.id = real[k + 1];
    place_new_employee(run, p);
  }
}

// One agency in its own transaction: the agency, its units, its positions (heads, staff, and for
// the last agency whoever is left) with work levels, people and placements.
void generate_agency(ProvinceRun& run, const AgencyPlan& plan, bool last) {
  Transaction tx(run.store.transactions);
  AgencyBuild b(plan);
  store_agency(run, b);
  store_units(run, b);
  plan_heads(run, b);
  for (std::size_t k = 0; k < plan.units.size(); ++k) plan_unit_staff(run, b, k);
  if (last) plan_remaining_executors(run, b);
  store_positions_and_people(run, b);
  tx.commit();
}

}  // namespace

GenerationSummary generate_province(const app::Stores& store, const GeneratorOptions& o) {
  const org::RegionKind region_kind = checked_region_kind(o);
  ProvinceRun run(store, o);
  store_region_and_regulation(run, region_kind);
  std::vector<AgencyPlan> plans = plan_agencies(o, run.people);
  share_staff(plans, o);
  for (std::size_t i = 0; i < plans.size(); ++i)
    generate_agency(run, plans[i], i + 1 == plans.size());
  return run.sum;
}

}  // namespace tatakerja::sample
