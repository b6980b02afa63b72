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

namespace {

// The kind of unit a name key (or the start of one, whole words of at least 28 characters, as
// name_key_head gives) names by its first words.
std::optional<UnitKind> unit_kind_of_key(std::string_view key) {
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

// Whether a name key holds a functional position's level ("ahli muda", "terampil") as words of
// their own: the words of a key are its runs of letters and digits (a UTF-8 byte, too, ends one).
// Each level is compared only where a word starts with its first letter; the key is in lower case.
bool names_functional_level(std::string_view key) {
  static constexpr std::array<std::string_view, 8> kLevels = {
      "ahli utama", "ahli madya", "ahli muda", "ahli pertama",
      "penyelia",   "mahir",      "terampil",  "pemula"};
  for (std::size_t p = 0; p < key.size(); ++p) {
    if (p > 0 && text::is_alnum(key[p - 1])) continue;
    for (const std::string_view level : kLevels) {
      if (key[p] != level.front() || key.compare(p, level.size(), level) != 0) continue;
      const std::size_t end = p + level.size();
      if (end >= key.size() || !text::is_alnum(key[end])) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<UnitKind> unit_kind_of_name(std::string_view name) {
  // The longest start compared is "kelompok jabatan fungsional" and the word boundary after it:
  // the key's first 28 characters decide.
  return unit_kind_of_key(text::name_key_head(name, 28));
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
  if (names_functional_level(key)) return PositionKind::Fungsional;
  static constexpr std::array<std::string_view, 6> kFamilies = {
      "analis kebijakan", "perencana", "auditor", "pranata komputer", "arsiparis", "widyaiswara"};
  for (auto family : kFamilies)
    if (key.rfind(family, 0) == 0) return PositionKind::Fungsional;
  std::string_view k = key;
  if (k.rfind("kepala ", 0) == 0) k.remove_prefix(7);
  if (k == "sekretaris" || k.rfind("sekretaris ", 0) == 0) return PositionKind::Administrator;
  // k is a key already: its kind is read from it as it is, with no key made of it again.
  if (auto unit = unit_kind_of_key(k)) {
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
