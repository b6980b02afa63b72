// The organisation facts a regulation establishes: the agency (Perangkat Daerah), its unit tree and
// its positions (jabatan).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/organisation_kinds.hpp"
#include "core/source_span.hpp"

namespace tatakerja::regulation {

// The agency (Perangkat Daerah) as the regulation establishes it.
struct Agency {
  std::string name;        // "Badan Pengelola Perbatasan Daerah"
  std::string short_name;  // the text's own short form: "Badan", "Dinas"
  std::string kind;        // "Badan", "Dinas", "Inspektorat", "Sekretariat Daerah", ...
  std::string type;        // "A", "B", "C" when the text states a type (Badan Tipe A); else empty
  std::optional<int> max_bidang;  // limit the text states for that type ("paling banyak 4 bidang")
  std::string tasks;              // tugas
  std::vector<std::string> functions;  // fungsi
  std::string reports_to;              // "Gubernur melalui Sekretaris Daerah"
  SourceSpan source;
};

struct Unit {
  std::string id;    // stable within one extraction: "u1", "u2", ...
  std::string name;  // "Bidang Koordinasi Pelaksanaan"
  UnitKind kind = UnitKind::Bidang;
  std::string parent;   // id of the parent unit; empty at the top (directly under the agency)
  std::string article;  // where it was created: "Pasal 3 ayat (1) huruf b angka 2"
  SourceSpan source;
};

struct Position {
  std::string id;     // "p1", "p2", ...
  std::string title;  // "Kepala Bidang Koordinasi Pelaksanaan"
  std::optional<PositionKind> kind;
  std::string eselon;        // "III.a" or empty
  std::string eselon_annex;  // eselon as the Lampiran block states it, when there is one
  std::string code;          // kode jabatan, often blank
  std::string unit;          // id of the unit it leads or belongs to; empty for the agency head
  std::string superior;      // id of the superior position; empty at the top
  std::string reports_to;    // superior outside the agency ("Gubernur melalui Sekretaris Daerah")
  std::string appointing_authority;    // "Gubernur"
  std::string summary;                 // rumusan tugas / tugas pokok
  std::vector<std::string> functions;  // fungsi
  std::vector<std::string> duties;     // uraian tugas
  SourceSpan source;                   // where the position is established
  SourceSpan duties_source;            // where its job description is written
};

// One agency's structure, for a regulation that establishes several (one chapter each).
struct AgencyStructure {
  Agency agency;
  std::vector<Unit> units;
  std::vector<Position> positions;
};

}  // namespace tatakerja::regulation
