// The organisation registry's records: what Tatakerja keeps for a region once its regulations are
// read. Every record that a regulation creates keeps the id of the article (regulation node) it
// came from, so the interface can show the source text beside it. Pure data: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/eselon.hpp"
#include "core/organisation_kinds.hpp"

namespace tatakerja::org {

using Id = std::int64_t;  // database row id; 0 means "not stored yet"

// Daerah: provinsi, kabupaten, kota.
enum class RegionKind { Province, Regency, City };
const char* to_string(RegionKind k);  // "provinsi", "kabupaten", "kota"
std::optional<RegionKind> region_kind_from_string(std::string_view s);
// Reads the kind from a region name as the engine reports it ("Provinsi Nusa Tenggara Timur",
// "Kabupaten Kupang", "Kota Batam"); nullopt when the name does not start with one of them.
std::optional<RegionKind> region_kind_of_name(std::string_view name);

struct Region {
  Id id = 0;
  std::string code;  // URL-safe slug: "provinsi-nusa-tenggara-timur"
  std::string name;  // "Provinsi Nusa Tenggara Timur"
  RegionKind kind = RegionKind::Province;
};

// Status of a regulation: berlaku, dicabut (wholly), dicabut sebagian (some articles).
// Superseded: a corrected text of the same regulation (same kind, number, year and region) was
// stored as its next version; revoked_by then names that version.
enum class RegulationStatus { InForce, Revoked, PartlyRevoked, Superseded };
// "berlaku", "dicabut", "dicabut_sebagian", "diganti_versi"
const char* to_string(RegulationStatus s);
std::optional<RegulationStatus> regulation_status_from_string(std::string_view s);

struct Regulation {
  Id id = 0;
  Id region_id = 0;
  std::string kind;    // "Peraturan Gubernur"
  std::string number;  // as written; empty when blank
  std::optional<int> year;
  std::string title;
  std::optional<Date> date;  // ditetapkan
  std::string sha256;        // hex digest of the text as imported: importing it again is a no-op
  RegulationStatus status = RegulationStatus::InForce;
  std::optional<Id> revoked_by;  // the regulation that revoked it, or its next version
  int version = 1;               // 2, 3, ... for corrected texts of the same regulation
  std::vector<std::string> revoked_articles;  // when PartlyRevoked: "Pasal 4", "Pasal 5"
  std::string imported_at;                    // ISO 8601 UTC
};

// One addressable part of a regulation (Pasal, a Lampiran block, a decree's KESATU...), kept with
// its text so the interface can show it beside the record it created.
struct Article {
  Id id = 0;
  Id regulation_id = 0;
  std::string label;  // "Pasal 5", "Lampiran II", "KESATU"
  std::string path;   // "BAB II > Bagian Kesatu > Pasal 5"
  int first_line = 0;
  int last_line = 0;
  std::string text;
  int ordinal = 0;  // order within the regulation
};

// A drafting defect the engine found (stored so the regulation page can list them).
struct StoredFinding {
  Id id = 0;
  Id regulation_id = 0;
  std::string code;      // "NUMBERING_GAP"
  std::string severity;  // "error", "warning", "info"
  int line = 0;
  std::string message;
};

struct Agency {
  Id id = 0;
  Id region_id = 0;
  Id regulation_id = 0;            // the regulation in force that establishes it
  std::string name;                // "Badan Pengelola Perbatasan Daerah"
  std::optional<AgencyKind> kind;  // none when the regulation does not say
  std::string type;                // "A", "B", "C" or empty
  std::optional<int> max_bidang;
  std::string tasks;
  std::vector<std::string> functions;
  std::optional<Id> source_article;
};

struct Unit {
  Id id = 0;
  Id agency_id = 0;
  std::optional<Id> parent_id;  // none: directly under the agency head
  std::string name;
  UnitKind kind = UnitKind::Bidang;
  std::optional<Id> source_article;
  int ordinal = 0;         // order of appearance in the regulation
  bool abolished = false;  // removed by a later regulation; kept for history
};

struct Position {
  Id id = 0;
  Id agency_id = 0;
  std::optional<Id> unit_id;      // the unit it leads or belongs to; none for the agency head
  std::optional<Id> superior_id;  // direct superior position; none at the top
  std::string title;
  PositionKind kind = PositionKind::Pelaksana;
  std::optional<Eselon> eselon;  // none for positions without one
  std::string code;              // kode jabatan
  std::string reports_to;  // superior outside the agency ("Gubernur melalui Sekretaris Daerah")
  std::string appointing_authority;
  std::string summary;                 // rumusan tugas
  std::vector<std::string> functions;  // fungsi
  std::vector<std::string> duties;     // uraian tugas
  std::optional<Id> source_article;    // where the position is established
  std::optional<Id> duties_article;    // where its job description is written
  int work_level = 0;                  // 1, 2, 3 (Pejabat Level I/II/III); 0 when none
  std::optional<Id> appraiser_id;      // Pejabat Penilai Kinerja (a position)
  std::string appraiser_outside;       // when the appraiser is outside the agency ("Gubernur")
  bool abolished = false;              // removed by a later regulation; kept for history
  int ordinal = 0;
};

enum class EmployeeKind { Pns, Pppk };  // PNS, PPPK
const char* to_string(EmployeeKind k);  // "PNS", "PPPK"
std::optional<EmployeeKind> employee_kind_from_string(std::string_view s);

enum class Sex { Male = 1, Female = 2 };  // laki-laki, perempuan (NIP digit 15)

struct Employee {
  Id id = 0;
  Id region_id = 0;
  std::string nip;  // 18 digits, no spaces
  std::string name;
  EmployeeKind kind = EmployeeKind::Pns;
  Date birth_date;         // decoded from the NIP
  int appointed_year = 0;  // TMT CPNS/PPPK, decoded from the NIP
  int appointed_month = 0;
  Sex sex = Sex::Male;
  std::string rank;  // golongan/ruang "IV/c" (PNS) or PPPK grade "IX"
};

// Definitif, Pelaksana Tugas (Plt), Pelaksana Harian (Plh).
enum class PlacementKind { Definitive, Plt, Plh };
const char* to_string(PlacementKind k);  // "definitif", "plt", "plh"
std::optional<PlacementKind> placement_kind_from_string(std::string_view s);

struct Placement {
  Id id = 0;
  Id employee_id = 0;
  Id position_id = 0;
  Date start;  // TMT
  PlacementKind kind = PlacementKind::Definitive;
  std::optional<Date> end;  // none while in office
  // The decree (SK) of a documented secondment (penugasan/diperbantukan) that places the employee
  // in a position of another region; empty for a placement in the employee's own region.
  std::string secondment_decree;
  // The decree (SK) or, for a Plt or Plh, the order (surat perintah) that makes the placement: its
  // number and date (migration 10); empty and nullopt when not recorded.
  std::string decree_number;
  std::optional<Date> decree_date;
};

// An IKI table (Indikator Kinerja Individu) as a regulation writes it, stored with the regulation
// and linked to the position it belongs to (none when the text's position was not stored). Each
// row keeps the engine's reading of its formula and the cell as written, and the lines it spans.
struct IkiRow {
  std::string number;  // as written: "1", "2"
  std::string sasaran;
  bool sasaran_carried = false;  // blank in the text, carried from the row above
  std::string indikator;
  std::string formula_kind;     // "ratio", "count", "predicate", "text" (regulation::FormulaKind)
  std::string formula_text;     // the formula without markup ("A / B × 100%")
  std::string formula_written;  // the cell as written, LaTeX kept ("$\\frac{...}{...}$")
  std::string numerator;        // ratio
  std::string denominator;      // ratio
  bool percent = false;         // ratio: times 100
  std::string sumber_data;
  int first_line = 0;
  int last_line = 0;
};

struct IkiTable {
  Id id = 0;
  Id regulation_id = 0;
  std::optional<Id> position_id;
  std::string position_title;  // as the text names the position
  int first_line = 0;
  int last_line = 0;
  int ordinal = 0;  // order within the regulation
  std::vector<IkiRow> rows;
};

// One line of the structural difference between a revoked regulation and the one that revokes it.
// Moved: another superior (before/after: the superiors' titles). DutiesChanged: the job
// description differs (before: the duties no longer written, after: the duties written anew, one
// per line).
enum class ChangeKind { Added, Removed, Renamed, Regraded, Moved, DutiesChanged };
// "ditambah", "dihapus", "diganti_nama", "diubah_eselon", "diubah_atasan", "diubah_tugas"
const char* to_string(ChangeKind k);

struct StructureChange {
  Id id = 0;
  Id agency_id = 0;
  Id old_regulation_id = 0;
  Id new_regulation_id = 0;
  ChangeKind kind = ChangeKind::Added;
  std::string position_title;  // the title in the new text (old title when Removed)
  std::string before;          // old title or eselon
  std::string after;           // new title or eselon
};

}  // namespace tatakerja::org

namespace tatakerja::org {
// Parse the names core's to_string gives ("Sub Bagian", "JPT Pratama"); nullopt when unknown.
std::optional<UnitKind> unit_kind_from_string(std::string_view s);
std::optional<PositionKind> position_kind_from_string(std::string_view s);
}  // namespace tatakerja::org
