// The kinds of units and positions the regulations and the registry share.
#pragma once

#include <optional>
#include <string_view>

namespace tatakerja {

// The kinds of Perangkat Daerah (regional agencies).
enum class AgencyKind {
  SekretariatDaerah,
  SekretariatDprd,  // Sekretariat Dewan Perwakilan Rakyat Daerah
  Inspektorat,
  Dinas,
  Badan,
  Kecamatan,
  SatuanPolisiPamongPraja,
  Kantor,
};
// "Sekretariat Daerah", "Sekretariat DPRD", "Inspektorat", "Dinas", "Badan", "Kecamatan",
// "Satuan Polisi Pamong Praja", "Kantor": the name used in the database and the JSON interface.
const char* to_string(AgencyKind k);
// The kind a name is (to_string's names, and "Sekretariat Dewan Perwakilan Rakyat Daerah");
// nullopt for anything else.
std::optional<AgencyKind> agency_kind_from_string(std::string_view s);
// The kind an agency's name starts with, as a whole word ("Badan Pengelola Perbatasan Daerah" ->
// Badan, "Dinas Kesehatan" -> Dinas); nullopt when it starts with none.
std::optional<AgencyKind> agency_kind_of_name(std::string_view name);

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
  Asisten,  // Asisten Sekretaris Daerah: a unit of the Sekretariat Daerah over its Bagian
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
