#include <array>

#include "core/eselon.hpp"
#include "core/organisation_kinds.hpp"
#include "core/text.hpp"

namespace tatakerja {

const char* to_string(UnitKind k) {
  switch (k) {
    case UnitKind::Sekretariat:
      return "Sekretariat";
    case UnitKind::SubBagian:
      return "Sub Bagian";
    case UnitKind::Bidang:
      return "Bidang";
    case UnitKind::Seksi:
      return "Seksi";
    case UnitKind::SubBidang:
      return "Sub Bidang";
    case UnitKind::Bagian:
      return "Bagian";
    case UnitKind::Uptd:
      return "UPTD";
    case UnitKind::Inspektur:
      return "Inspektur Pembantu";
    case UnitKind::KelompokJabatanFungsional:
      return "Kelompok Jabatan Fungsional";
    case UnitKind::Asisten:
      return "Asisten";
  }
  return "Bidang";
}

std::optional<UnitKind> unit_kind_of_name(std::string_view name) {
  // The longest start compared below is "kelompok jabatan fungsional" and the word boundary after
  // it: the key's first 28 characters decide.
  const std::string key = text::name_key_head(name, 28);
  auto starts = [&](std::string_view p) {
    return key.size() >= p.size() && key.compare(0, p.size(), p) == 0 &&
           (key.size() == p.size() || key[p.size()] == ' ');
  };
  if (starts("sub bagian") || starts("sub bag")) return UnitKind::SubBagian;
  if (starts("sub bidang")) return UnitKind::SubBidang;
  if (starts("sekretariat")) return UnitKind::Sekretariat;
  if (starts("bidang")) return UnitKind::Bidang;
  if (starts("seksi")) return UnitKind::Seksi;
  if (starts("bagian")) return UnitKind::Bagian;
  if (starts("uptd") || starts("unit pelaksana teknis")) return UnitKind::Uptd;
  if (starts("inspektorat pembantu") || starts("inspektur pembantu")) return UnitKind::Inspektur;
  if (starts("kelompok jabatan fungsional") || starts("kelompok jf"))
    return UnitKind::KelompokJabatanFungsional;
  // "Asisten Pemerintahan dan Kesejahteraan Rakyat"; not the functional titles "Asisten Ahli",
  // "Asisten Apoteker".
  if (starts("asisten") && !starts("asisten ahli") && !starts("asisten apoteker"))
    return UnitKind::Asisten;
  return std::nullopt;
}

const char* to_string(PositionKind k) {
  switch (k) {
    case PositionKind::JptPratama:
      return "JPT Pratama";
    case PositionKind::Administrator:
      return "Administrator";
    case PositionKind::Pengawas:
      return "Pengawas";
    case PositionKind::Fungsional:
      return "Fungsional";
    case PositionKind::Pelaksana:
      return "Pelaksana";
  }
  return "Pelaksana";
}

std::optional<PositionKind> position_kind_of_eselon(std::string_view eselon) {
  switch (eselon_grade(eselon)) {
    case 1:
    case 2:
      return PositionKind::JptPratama;
    case 3:
      return PositionKind::Administrator;
    case 4:
    case 5:
      return PositionKind::Pengawas;
    default:
      return std::nullopt;
  }
}

PositionKind position_kind_of_title(std::string_view title) {
  const std::string key = text::name_key(title);
  static constexpr std::array<std::string_view, 8> kLevels = {
      "ahli utama", "ahli madya", "ahli muda", "ahli pertama",
      "penyelia",   "mahir",      "terampil",  "pemula"};
  for (auto level : kLevels)
    if (text::ifind_word(key, level) != std::string::npos) return PositionKind::Fungsional;
  static constexpr std::array<std::string_view, 6> kFamilies = {
      "analis kebijakan", "perencana", "auditor", "pranata komputer", "arsiparis", "widyaiswara"};
  for (auto family : kFamilies)
    if (key.rfind(family, 0) == 0) return PositionKind::Fungsional;
  std::string_view k = key;
  if (k.rfind("kepala ", 0) == 0) k.remove_prefix(7);
  if (k == "sekretaris" || k.rfind("sekretaris ", 0) == 0) return PositionKind::Administrator;
  if (auto unit = unit_kind_of_name(k)) {
    switch (*unit) {
      case UnitKind::Asisten:
        return PositionKind::JptPratama;
      case UnitKind::Sekretariat:
      case UnitKind::Bidang:
      case UnitKind::Bagian:
      case UnitKind::Inspektur:
        return PositionKind::Administrator;
      case UnitKind::SubBagian:
      case UnitKind::Seksi:
      case UnitKind::SubBidang:
      case UnitKind::Uptd:
        return PositionKind::Pengawas;
      case UnitKind::KelompokJabatanFungsional:
        return PositionKind::Fungsional;
    }
  }
  if (key.rfind("kepala badan", 0) == 0 || key.rfind("kepala dinas", 0) == 0 ||
      key.rfind("inspektur", 0) == 0)
    return PositionKind::JptPratama;
  return PositionKind::Pelaksana;
}

}  // namespace tatakerja
