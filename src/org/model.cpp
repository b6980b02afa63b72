// Names of the registry's enumerations as they appear in the database and the JSON API.
#include "org/model.hpp"

#include <array>
#include <utility>

#include "core/text.hpp"

namespace tatakerja::org {
namespace {

template <typename E, std::size_t N>
std::optional<E> from_table(const std::array<std::pair<E, const char*>, N>& table,
                            std::string_view s) {
  for (const auto& [value, name] : table) {
    if (s == name) return value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
const char* to_table(const std::array<std::pair<E, const char*>, N>& table, E e) {
  for (const auto& [value, name] : table) {
    if (value == e) return name;
  }
  return "";
}

constexpr std::array<std::pair<RegionKind, const char*>, 3> kRegionKinds{{
    {RegionKind::Province, "provinsi"},
    {RegionKind::Regency, "kabupaten"},
    {RegionKind::City, "kota"},
}};
constexpr std::array<std::pair<RegulationStatus, const char*>, 4> kStatuses{{
    {RegulationStatus::InForce, "berlaku"},
    {RegulationStatus::Revoked, "dicabut"},
    {RegulationStatus::PartlyRevoked, "dicabut_sebagian"},
    {RegulationStatus::Superseded, "diganti_versi"},
}};
constexpr std::array<std::pair<EmployeeKind, const char*>, 2> kEmployeeKinds{{
    {EmployeeKind::Pns, "PNS"},
    {EmployeeKind::Pppk, "PPPK"},
}};
constexpr std::array<std::pair<PlacementKind, const char*>, 3> kPlacementKinds{{
    {PlacementKind::Definitive, "definitif"},
    {PlacementKind::Plt, "plt"},
    {PlacementKind::Plh, "plh"},
}};
constexpr std::array<std::pair<ChangeKind, const char*>, 6> kChangeKinds{{
    {ChangeKind::Added, "ditambah"},
    {ChangeKind::Removed, "dihapus"},
    {ChangeKind::Renamed, "diganti_nama"},
    {ChangeKind::Regraded, "diubah_eselon"},
    {ChangeKind::Moved, "diubah_atasan"},
    {ChangeKind::DutiesChanged, "diubah_tugas"},
}};

}  // namespace

const char* to_string(RegionKind k) {
  return to_table(kRegionKinds, k);
}
std::optional<RegionKind> region_kind_from_string(std::string_view s) {
  return from_table(kRegionKinds, s);
}
std::optional<RegionKind> region_kind_of_name(std::string_view name) {
  if (text::istarts_with(name, "Provinsi ")) return RegionKind::Province;
  if (text::istarts_with(name, "Kabupaten ")) return RegionKind::Regency;
  if (text::istarts_with(name, "Kota ")) return RegionKind::City;
  return std::nullopt;
}
const char* to_string(RegulationStatus s) {
  return to_table(kStatuses, s);
}
std::optional<RegulationStatus> regulation_status_from_string(std::string_view s) {
  return from_table(kStatuses, s);
}
const char* to_string(EmployeeKind k) {
  return to_table(kEmployeeKinds, k);
}
std::optional<EmployeeKind> employee_kind_from_string(std::string_view s) {
  return from_table(kEmployeeKinds, s);
}
const char* to_string(PlacementKind k) {
  return to_table(kPlacementKinds, k);
}
std::optional<PlacementKind> placement_kind_from_string(std::string_view s) {
  return from_table(kPlacementKinds, s);
}
const char* to_string(ChangeKind k) {
  return to_table(kChangeKinds, k);
}

std::optional<UnitKind> unit_kind_from_string(std::string_view s) {
  for (int i = 0; i <= static_cast<int>(UnitKind::Asisten); ++i) {
    auto k = static_cast<UnitKind>(i);
    if (s == tatakerja::to_string(k)) return k;
  }
  return std::nullopt;
}
std::optional<PositionKind> position_kind_from_string(std::string_view s) {
  for (int i = 0; i <= static_cast<int>(PositionKind::Pelaksana); ++i) {
    auto k = static_cast<PositionKind>(i);
    if (s == tatakerja::to_string(k)) return k;
  }
  return std::nullopt;
}

}  // namespace tatakerja::org
