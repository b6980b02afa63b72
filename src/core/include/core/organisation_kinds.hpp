// The kinds of units and positions the regulations and the registry share.
#pragma once

#include <optional>
#include <string_view>

namespace tatakerja {

enum class UnitKind {
  Sekretariat,
  SubBagian,  // Sub Bagian
  Bidang,
  Seksi,
  SubBidang,  // Sub Bidang
  Bagian,
  Uptd,       // Unit Pelaksana Teknis Daerah
  Inspektur,  // Inspektorat Pembantu (Irban) units
  KelompokJabatanFungsional,
};
// The Indonesian name used in the JSON interface: "Sekretariat", "Sub Bagian", "UPTD", ...
const char* to_string(UnitKind k);
// Recognises the unit kind a name starts with ("Sub Bagian Keuangan" -> SubBagian).
std::optional<UnitKind> unit_kind_of_name(std::string_view name);

enum class PositionKind { JptPratama, Administrator, Pengawas, Fungsional, Pelaksana };
// "JPT Pratama", "Administrator", "Pengawas", "Fungsional", "Pelaksana".
const char* to_string(PositionKind k);
// The kind implied by an eselon grade: II -> JPT Pratama, III -> Administrator, IV -> Pengawas.
std::optional<PositionKind> position_kind_of_eselon(std::string_view eselon);
// The kind implied by a position title: functional levels ("Ahli Muda", "Terampil") and functional
// families ("Analis Kebijakan", "Perencana") -> Fungsional; "Kepala ...", "Sekretaris" ->
// structural by the unit they lead; otherwise Pelaksana.
PositionKind position_kind_of_title(std::string_view title);

}  // namespace tatakerja
