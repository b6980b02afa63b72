// The kinds of Perangkat Daerah and their names.
#include <array>
#include <utility>

#include "core/organisation_kinds.hpp"
#include "core/text.hpp"

namespace tatakerja {
namespace {

constexpr std::array<std::pair<AgencyKind, std::string_view>, 8> kNames{{
    {AgencyKind::SekretariatDaerah, "Sekretariat Daerah"},
    {AgencyKind::SekretariatDprd, "Sekretariat DPRD"},
    {AgencyKind::Inspektorat, "Inspektorat"},
    {AgencyKind::Dinas, "Dinas"},
    {AgencyKind::Badan, "Badan"},
    {AgencyKind::Kecamatan, "Kecamatan"},
    {AgencyKind::SatuanPolisiPamongPraja, "Satuan Polisi Pamong Praja"},
    {AgencyKind::Kantor, "Kantor"},
}};
constexpr std::string_view kDprdInFull = "Sekretariat Dewan Perwakilan Rakyat Daerah";

// True when `name` starts with the words `kind` (case-insensitive), followed by nothing or by a
// character that is not a letter.
bool starts_with_words(std::string_view name, std::string_view kind) {
  return text::istarts_with(name, kind) &&
         (name.size() == kind.size() || !text::is_alpha(name[kind.size()]));
}

}  // namespace

const char* to_string(AgencyKind k) {
  for (const auto& [kind, name] : kNames)
    if (kind == k) return name.data();
  return "";
}

std::optional<AgencyKind> agency_kind_from_string(std::string_view s) {
  if (s == kDprdInFull) return AgencyKind::SekretariatDprd;
  for (const auto& [kind, name] : kNames)
    if (s == name) return kind;
  return std::nullopt;
}

std::optional<AgencyKind> agency_kind_of_name(std::string_view name) {
  if (starts_with_words(name, kDprdInFull)) return AgencyKind::SekretariatDprd;
  for (const auto& [kind, kind_name] : kNames)
    if (starts_with_words(name, kind_name)) return kind;
  return std::nullopt;
}

}  // namespace tatakerja
