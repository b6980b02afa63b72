// The import of people from a table (people_import.hpp): the columns recognised by their
// headings, each row planned against the registry (nothing written), then, for an import, the
// plan written in one transaction.
#include "app/people_import.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "app/scope.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "org/nip.hpp"
#include "org/rank.hpp"
#include "registry_records.hpp"

namespace tatakerja::app {
namespace {

using org::Id;

// ---- Columns ----

enum class Field { Nip, Name, Rank, Kind, Position, Unit, Placement, Start };

struct FieldName {
  Field field;
  const char* name;  // in the report
  // Headings that mean it, as name_key writes them (lowercase, punctuation dropped): Tatakerja's
  // own export and the usual exports of the civil-service system and of the BKPSDM's sheets.
  std::array<const char*, 6> headings;
};

constexpr std::array<FieldName, 8> kFields{{
    {Field::Nip, "nip", {"nip", "nip baru", "nip 18", "nomor induk pegawai", "", ""}},
    {Field::Name, "name", {"nama", "nama lengkap", "nama pegawai", "nama asn", "", ""}},
    {Field::Rank,
     "rank",
     {"pangkat golongan", "golongan", "gol ruang", "golongan ruang", "pangkat gol", "pangkat"}},
    {Field::Kind, "kind", {"jenis pegawai", "jenis asn", "status pegawai", "status asn", "", ""}},
    {Field::Position, "position", {"jabatan", "nama jabatan", "jabatan nama", "", "", ""}},
    {Field::Unit,
     "unit",
     {"unit kerja", "unit organisasi", "unor", "nama unor", "unor nama", "sub unit kerja"}},
    {Field::Placement,
     "placement",
     {"penempatan", "jenis penempatan", "status jabatan", "", "", ""}},
    {Field::Start, "start", {"tmt", "tmt jabatan", "tmt penempatan", "", "", ""}},
}};

struct Columns {
  std::array<std::optional<std::size_t>, kFields.size()> at;
  std::optional<std::size_t> operator[](Field f) const { return at[static_cast<std::size_t>(f)]; }
};

// Which column holds which field (the first column with a heading that means it) and the report
// of every column.
Columns recognise(const std::vector<std::string>& headings, std::vector<RecognisedColumn>& report) {
  Columns c;
  for (std::size_t i = 0; i < headings.size(); ++i) {
    const std::string key = text::name_key(headings[i]);
    std::string used;
    for (const auto& f : kFields) {
      auto& slot = c.at[static_cast<std::size_t>(f.field)];
      if (slot) continue;
      for (const char* h : f.headings) {
        if (*h != '\0' && key == h) {
          slot = i;
          used = f.name;
          break;
        }
      }
      if (!used.empty()) break;
    }
    report.push_back({headings[i], used});
  }
  std::vector<std::string> missing;
  if (!c[Field::Nip]) missing.emplace_back("NIP");
  if (!c[Field::Name]) missing.emplace_back("Nama");
  if (!missing.empty())
    fail(ErrorCode::InvalidField, "file",
         fmt::format("Kolom {} tidak ditemukan di baris judul tabel. Kolom yang dikenali: NIP, "
                     "Nama, Pangkat/golongan, Jenis pegawai, Jabatan, Unit kerja, Penempatan, "
                     "TMT.",
                     fmt::join(missing, " dan ")));
  return c;
}

std::string cell(const std::vector<std::string>& row, std::optional<std::size_t> column) {
  if (!column || *column >= row.size()) return {};
  return text::collapse_spaces(row[*column]);
}

// ---- Values ----

// A date as a table writes it: ISO, Indonesian ("1 Januari 2024", "01-01-2024", "01/01/2024"),
// or a spreadsheet's day number (days since 1899-12-30; a date cell of an XLSX).
std::optional<Date> date_of(const std::string& s) {
  if (auto d = parse_iso_date(s)) return d;
  if (auto d = parse_indonesian_date(s)) return d;
  if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const long serial = std::stol(s);
  if (serial < 1 || serial > 2'958'465) return std::nullopt;  // 1900-01-01 .. 9999-12-31
  // Day 25,569 of a spreadsheet is 1970-01-01.
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{serial - 25'569}}};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::optional<org::EmployeeKind> kind_of(const std::string& s) {
  const std::string k = text::name_key(s);
  if (k == "pns" || k == "cpns") return org::EmployeeKind::Pns;
  if (k == "pppk") return org::EmployeeKind::Pppk;
  return std::nullopt;
}

std::optional<org::PlacementKind> placement_kind_of(const std::string& s) {
  const std::string k = text::name_key(s);
  if (k.empty() || k == "definitif") return org::PlacementKind::Definitive;
  if (k == "plt" || k == "pelaksana tugas") return org::PlacementKind::Plt;
  if (k == "plh" || k == "pelaksana harian") return org::PlacementKind::Plh;
  return std::nullopt;
}

std::string placement_label(org::PlacementKind k) {
  switch (k) {
    case org::PlacementKind::Plt:
      return "Plt.";
    case org::PlacementKind::Plh:
      return "Plh.";
    case org::PlacementKind::Definitive:
      break;
  }
  return "definitif";
}

// ---- The agency's positions, found by title (and unit) ----

class PositionFinder {
 public:
  PositionFinder(const Stores& stores, Id agency_id) {
    for (auto& u : stores.org.units_of_agency(agency_id, false))
      unit_keys_.emplace(u.id, text::name_key(u.name));
    for (auto& p : stores.org.positions_of_agency(agency_id, false)) {
      positions_.emplace(p.id, p);
      by_title_[text::name_key(p.title)].push_back(p.id);
    }
  }

  // The position of `title` in `unit` (a unit's name, may be empty), or why there is none. Where
  // the title is in several units (and units may share a name: a "Kelompok Jabatan Fungsional"
  // under the Sekretariat and another beside it), the one of `held` (the positions the employee
  // holds now) is taken: a table read back says what the registry says.
  std::variant<const org::Position*, std::string> find(const std::string& title,
                                                       const std::string& unit,
                                                       const std::vector<Id>& held) const {
    const auto it = by_title_.find(text::name_key(title));
    if (it == by_title_.end())
      return fmt::format("Jabatan \"{}\" tidak ada di perangkat daerah ini.", title);
    if (it->second.size() == 1) return &positions_.at(it->second.front());
    const std::string unit_key = text::name_key(unit);
    std::vector<Id> in_unit;
    for (const Id id : it->second) {
      const auto& p = positions_.at(id);
      const auto u = p.unit_id ? unit_keys_.find(*p.unit_id) : unit_keys_.end();
      if (unit_key.empty() || (u != unit_keys_.end() && u->second == unit_key))
        in_unit.push_back(id);
    }
    if (in_unit.size() == 1) return &positions_.at(in_unit.front());
    std::vector<Id> held_here;
    for (const Id id : in_unit.empty() ? it->second : in_unit)
      if (std::find(held.begin(), held.end(), id) != held.end()) held_here.push_back(id);
    if (held_here.size() == 1) return &positions_.at(held_here.front());
    return fmt::format(
        "Jabatan \"{}\" ada di {} unit; isi kolom Unit kerja dengan nama unitnya "
        "persis seperti di registri, atau tempatkan pegawai ini satu per satu.",
        title, it->second.size());
  }

  const org::Position* position(Id id) const {
    const auto it = positions_.find(id);
    return it == positions_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<Id, std::string> unit_keys_;
  std::unordered_map<Id, org::Position> positions_;
  std::unordered_map<std::string, std::vector<Id>> by_title_;
};

// ---- One row's plan ----

struct RowPlan {
  ImportedRow row;
  // A further row of an employee an earlier row named (one row per placement, as the people
  // export writes a Plt beside the definitive position): the index of that first row's plan.
  std::optional<std::size_t> first_row;
  std::optional<org::Employee> existing;  // the registry's employee before the row
  org::Employee employee;                 // the employee after the row
  std::optional<org::Placement> placed;   // a placement to create
  std::optional<org::Placement> ended;    // a current placement the new one replaces (a move)
};

class RowPlanner {
 public:
  RowPlanner(const Stores& stores, const Actor& actor, const org::Agency& agency,
             const Columns& columns, const std::vector<std::string>& headings,
             const PeopleImportOptions& options)
      : stores_(stores),
        actor_(actor),
        agency_(agency),
        columns_(columns),
        headings_(headings),
        options_(options),
        positions_(stores, agency.id) {}

  // The plan of `cells`, the row numbered `line`, after the plans of the rows before it.
  RowPlan plan(const std::vector<std::string>& cells, std::size_t line,
               const std::vector<RowPlan>& before) {
    RowPlan p;
    p.row.line = line;
    p.row.nip = cell(cells, columns_[Field::Nip]);
    p.row.name = cell(cells, columns_[Field::Name]);
    plan_employee(p, cells, before);
    if (p.row.problems.empty()) plan_placement(p, cells);
    if (!p.row.problems.empty()) {
      p.row.outcome = ImportOutcome::Refused;
      p.row.changes.clear();
      p.placed.reset();
      p.ended.reset();
    } else if (!p.existing && !p.first_row) {
      p.row.outcome = ImportOutcome::Created;
    } else {
      p.row.outcome = p.row.changes.empty() ? ImportOutcome::Matched : ImportOutcome::Updated;
    }
    return p;
  }

 private:
  void refuse(RowPlan& p, Field f, std::string message) const {
    const auto column = columns_[f];
    p.row.problems.push_back({column ? headings_[*column] : std::string(), std::move(message)});
  }

  // Runs `check` (which may throw a Refusal) and records its refusal on the row.
  template <typename Check>
  bool checked(RowPlan& p, Field f, Check check) const {
    try {
      check();
      return true;
    } catch (const Refusal& r) {
      refuse(p, f, std::string(r.message()));
      return false;
    }
  }

  void plan_employee(RowPlan& p, const std::vector<std::string>& cells,
                     const std::vector<RowPlan>& before) {
    const std::string& nip = p.row.nip;
    if (nip.empty()) return refuse(p, Field::Nip, "NIP kosong.");
    if (nip.find_first_of(".Ee+") != std::string::npos)
      return refuse(p, Field::Nip,
                    fmt::format("NIP \"{}\" terbaca sebagai angka, sehingga digitnya hilang; "
                                "simpan kolom NIP sebagai teks di lembar kerja lalu kirim ulang.",
                                nip));
    const std::string normal = org::normalize_nip(nip);
    const std::string kind_cell = cell(cells, columns_[Field::Kind]);
    const std::string rank_cell = cell(cells, columns_[Field::Rank]);
    if (const auto [at, fresh] = seen_.emplace(normal, before.size()); !fresh)
      return plan_further_row(p, before[at->second], at->second, kind_cell, rank_cell);
    p.existing = stores_.org.employee_by_nip(normal);
    auto kind = kind_of(kind_cell);
    if (!kind_cell.empty() && !kind)
      return refuse(p, Field::Kind, "Jenis pegawai harus PNS atau PPPK.");
    if (p.existing) return plan_known_employee(p, kind, rank_cell);
    if (p.row.name.empty()) return refuse(p, Field::Name, "Nama wajib diisi untuk pegawai baru.");
    if (p.row.name.size() > 200) return refuse(p, Field::Name, "Nama terlalu panjang.");
    if (rank_cell.empty())
      return refuse(p, Field::Rank, "Pangkat/golongan wajib diisi untuk pegawai baru.");
    // Without a kind, a rank that is only a PPPK grade ("IX") makes a PPPK.
    if (!kind)
      kind = !org::normalize_rank(rank_cell, org::EmployeeKind::Pns) &&
                     org::normalize_rank(rank_cell, org::EmployeeKind::Pppk)
                 ? org::EmployeeKind::Pppk
                 : org::EmployeeKind::Pns;
    if (!org::normalize_rank(rank_cell, *kind))
      return refuse(p, Field::Rank,
                    fmt::format("Pangkat/golongan \"{}\" tidak dikenal untuk pegawai {}.",
                                rank_cell, org::to_string(*kind)));
    if (!checked(p, Field::Nip, [&] {
          p.employee =
              records::employee_from_nip(nip, p.row.name, *kind, rank_cell, agency_.region_id);
        }))
      return;
    p.row.changes.push_back(fmt::format("Pegawai baru: {} ({}, {}).", p.employee.name,
                                        org::to_string(p.employee.kind), p.employee.rank));
  }

  // A further row of the employee of `first` (the plan at index `first_index`): it may place the
  // employee once more (a Plt or Plh beside the definitive position); its name, rank and kind, when
  // given, must be the first row's.
  void plan_further_row(RowPlan& p, const RowPlan& first, std::size_t first_index,
                        const std::string& kind_cell, const std::string& rank_cell) const {
    if (first.row.outcome == ImportOutcome::Refused)
      return refuse(
          p, Field::Nip,
          fmt::format("Baris {} dengan NIP ini ditolak, jadi baris ini juga.", first.row.line));
    p.first_row = first_index;
    p.existing = first.existing;
    p.employee = first.employee;
    p.row.employee_id = first.row.employee_id;
    const auto differs = [&](Field f, const std::string& what) {
      refuse(p, f,
             fmt::format("{} berbeda dengan baris {} untuk NIP yang sama.", what, first.row.line));
    };
    if (!p.row.name.empty() && p.row.name != first.employee.name)
      return differs(Field::Name, "Nama");
    const auto kind = kind_of(kind_cell);
    if (!kind_cell.empty() && kind != first.employee.kind)
      return differs(Field::Kind, "Jenis pegawai");
    if (!rank_cell.empty() &&
        org::normalize_rank(rank_cell, first.employee.kind) != first.employee.rank)
      return differs(Field::Rank, "Pangkat/golongan");
  }

  void plan_known_employee(RowPlan& p, std::optional<org::EmployeeKind> kind,
                           const std::string& rank_cell) {
    p.employee = *p.existing;
    p.row.employee_id = p.existing->id;
    if (p.existing->region_id != agency_.region_id)
      return refuse(p, Field::Nip,
                    "Pegawai dengan NIP ini terdaftar di daerah lain; penempatan lintas daerah "
                    "dicatat satu per satu dengan surat keputusan penugasannya.");
    if (kind && *kind != p.existing->kind)
      return refuse(p, Field::Kind,
                    fmt::format("Pegawai ini terdaftar sebagai {}; jenis pegawai tidak diubah "
                                "lewat impor.",
                                org::to_string(p.existing->kind)));
    if (!p.row.name.empty() && p.row.name != p.existing->name) {
      if (p.row.name.size() > 200) return refuse(p, Field::Name, "Nama terlalu panjang.");
      p.row.changes.push_back(fmt::format("Nama: {} → {}.", p.existing->name, p.row.name));
      p.employee.name = p.row.name;
    }
    if (rank_cell.empty()) return;
    const auto rank = org::normalize_rank(rank_cell, p.existing->kind);
    if (!rank)
      return refuse(p, Field::Rank,
                    fmt::format("Pangkat/golongan \"{}\" tidak dikenal untuk pegawai {}.",
                                rank_cell, org::to_string(p.existing->kind)));
    if (*rank != p.existing->rank) {
      p.row.changes.push_back(fmt::format("Pangkat/golongan: {} → {}.", p.existing->rank, *rank));
      p.employee.rank = *rank;
    }
  }

  void plan_placement(RowPlan& p, const std::vector<std::string>& cells) {
    const std::string title = cell(cells, columns_[Field::Position]);
    if (title.empty()) return;
    std::vector<org::Placement> current;
    if (p.existing) {
      for (auto& pl : stores_.org.placements_of_employee(p.existing->id))
        if (!pl.end) current.push_back(std::move(pl));
    }
    std::vector<Id> held;
    held.reserve(current.size());
    for (const auto& pl : current) held.push_back(pl.position_id);
    const auto found = positions_.find(title, cell(cells, columns_[Field::Unit]), held);
    if (const auto* why = std::get_if<std::string>(&found)) return refuse(p, Field::Position, *why);
    const org::Position& position = *std::get<const org::Position*>(found);
    p.row.position_id = position.id;
    const std::string kind_cell = cell(cells, columns_[Field::Placement]);
    const auto kind = placement_kind_of(kind_cell);
    if (!kind) return refuse(p, Field::Placement, "Penempatan harus definitif, Plt. atau Plh.");
    const std::string start_cell = cell(cells, columns_[Field::Start]);
    const auto start =
        start_cell.empty() ? std::optional<Date>(options_.today) : date_of(start_cell);
    if (!start)
      return refuse(p, Field::Start,
                    fmt::format("TMT \"{}\" bukan tanggal (tulis misalnya 2024-01-02 atau "
                                "2 Januari 2024).",
                                start_cell));
    for (const auto& pl : current)
      if (pl.position_id == position.id && pl.kind == *kind) return;  // already so
    org::Placement placed;
    placed.employee_id = p.existing ? p.existing->id : 0;
    placed.position_id = position.id;
    placed.kind = *kind;
    placed.start = *start;
    if (!checked(p, Field::Start, [&] { records::check_placement(placed, p.employee, agency_); }))
      return;
    if (*kind == org::PlacementKind::Definitive && definitive_planned(p))
      return refuse(p, Field::Placement,
                    "Baris lain dengan NIP ini sudah menempatkannya secara definitif; seorang "
                    "pegawai hanya menduduki satu jabatan definitif.");
    if (*kind == org::PlacementKind::Definitive) {
      for (const auto& pl : current) {
        if (pl.kind != org::PlacementKind::Definitive) continue;
        plan_move(p, pl, placed, position);
        return;
      }
    }
    p.placed = placed;
    p.row.changes.push_back(fmt::format("Ditempatkan di {} ({}) mulai {}.", position.title,
                                        placement_label(*kind), start->iso()));
  }

  // Whether an earlier row of the same employee makes or moves a definitive placement (recorded
  // when this row's plan is accepted, in note_row).
  bool definitive_planned(const RowPlan& p) const {
    return definitive_nips_.contains(org::normalize_nip(p.row.nip));
  }

 public:
  // Records what an accepted row plans, for the rows after it.
  void note_row(const RowPlan& p) {
    if (p.row.outcome != ImportOutcome::Refused && p.placed &&
        p.placed->kind == org::PlacementKind::Definitive)
      definitive_nips_.insert(org::normalize_nip(p.row.nip));
  }

 private:
  // The employee's current definitive placement `from` ends where `to` begins (a transfer).
  void plan_move(RowPlan& p, const org::Placement& from, const org::Placement& to,
                 const org::Position& position) {
    const auto old_position = stores_.org.position(from.position_id);
    const std::string old_title = old_position ? old_position->title : "jabatan lain";
    if (to.start.iso() < from.start.iso())
      return refuse(p, Field::Start,
                    fmt::format("TMT {} sebelum mulai penempatan sekarang di {} ({}).",
                                to.start.iso(), old_title, from.start.iso()));
    if (old_position && old_position->agency_id != agency_.id && !checked(p, Field::Position, [&] {
          require_agency_in_scope(stores_, actor_, old_position->agency_id);
        }))
      return;
    p.ended = from;
    p.ended->end = to.start;
    p.placed = to;
    p.row.changes.push_back(fmt::format("Dipindahkan dari {} ke {} mulai {}.", old_title,
                                        position.title, to.start.iso()));
  }

  const Stores& stores_;
  const Actor& actor_;
  const org::Agency& agency_;
  const Columns& columns_;
  const std::vector<std::string>& headings_;
  const PeopleImportOptions& options_;
  PositionFinder positions_;
  std::unordered_map<std::string, std::size_t> seen_;  // NIP -> the index of its first row's plan
  std::unordered_set<std::string> definitive_nips_;    // NIPs an accepted row places definitively
};

// ---- Writing ----

void write_row(const Stores& stores, const Actor& actor, RowPlan& p,
               const std::vector<RowPlan>& plans) {
  if (p.first_row) {
    p.employee.id = plans[*p.first_row].employee.id;  // written by its first row
    p.row.employee_id = p.employee.id;
  } else if (!p.existing) {
    p.employee.id = stores.org.insert_employee(p.employee);
    p.row.employee_id = p.employee.id;
    record_audit(stores, actor, "create", "employee", std::to_string(p.employee.id), "",
                 records::employee_audit(p.employee));
  } else if (records::employee_audit(p.employee) != records::employee_audit(*p.existing)) {
    stores.org.update_employee(p.employee);
    record_audit(stores, actor, "update", "employee", std::to_string(p.employee.id),
                 records::employee_audit(*p.existing), records::employee_audit(p.employee));
  }
  std::string before;
  if (p.ended) {
    auto was = *p.ended;
    was.end.reset();
    before = records::placement_audit(was);
    stores.org.end_placement(p.ended->id, *p.ended->end);
    record_audit(stores, actor, "update", "placement", std::to_string(p.ended->id), before,
                 records::placement_audit(*p.ended));
  }
  if (p.placed) {
    p.placed->employee_id = p.employee.id;
    p.placed->id = stores.org.insert_placement(*p.placed);
    record_audit(stores, actor, p.ended ? "move" : "create", "placement",
                 std::to_string(p.placed->id), before, records::placement_audit(*p.placed));
  }
}

}  // namespace

const char* to_string(ImportOutcome o) {
  switch (o) {
    case ImportOutcome::Created:
      return "created";
    case ImportOutcome::Updated:
      return "updated";
    case ImportOutcome::Refused:
      return "refused";
    case ImportOutcome::Matched:
      break;
  }
  return "matched";
}

PeopleImportReport import_people(const Stores& stores, const Actor& actor, org::Id agency_id,
                                 const documents::Table& table,
                                 const PeopleImportOptions& options) {
  PeopleImportReport report;
  report.agency_id = agency_id;
  const auto agency = stores.org.agency(agency_id);
  if (!agency) fail(ErrorCode::NotFound);
  require_agency_in_scope(stores, actor, agency_id);
  const Columns columns = recognise(table.columns, report.columns);
  // An import plans inside its transaction, so that what it checked is what it writes.
  std::optional<Transaction> tx;
  if (options.write) tx.emplace(stores.transactions);
  RowPlanner planner(stores, actor, *agency, columns, table.columns, options);
  std::vector<RowPlan> plans;
  plans.reserve(table.rows.size());
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    plans.push_back(planner.plan(table.rows[i], i + 2, plans));
    planner.note_row(plans.back());
    switch (plans.back().row.outcome) {
      case ImportOutcome::Matched:
        ++report.matched;
        break;
      case ImportOutcome::Created:
        ++report.created;
        break;
      case ImportOutcome::Updated:
        ++report.updated;
        break;
      case ImportOutcome::Refused:
        ++report.refused;
        break;
    }
  }
  const bool writes = report.created + report.updated > 0;
  if (tx && writes && (report.refused == 0 || options.skip_refused)) {
    for (auto& p : plans)
      if (p.row.outcome != ImportOutcome::Refused) write_row(stores, actor, p, plans);
    record_audit(stores, actor, "import", "people", std::to_string(agency_id), "",
                 nlohmann::json{{"agency_id", agency_id},
                                {"rows", table.rows.size()},
                                {"created", report.created},
                                {"updated", report.updated},
                                {"matched", report.matched},
                                {"refused", report.refused}}
                     .dump());
    tx->commit();
    report.written = true;
  }
  report.rows.reserve(plans.size());
  for (auto& p : plans) report.rows.push_back(std::move(p.row));
  return report;
}

}  // namespace tatakerja::app
