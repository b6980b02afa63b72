#include "work/model.hpp"

#include <array>
#include <utility>

namespace tatakerja::work {
namespace {

template <typename E, std::size_t N>
std::string_view name_in(const std::array<std::pair<E, std::string_view>, N>& t, E e) {
  for (const auto& [k, v] : t) {
    if (k == e) return v;
  }
  return "";
}
template <typename E, std::size_t N>
std::optional<E> value_in(const std::array<std::pair<E, std::string_view>, N>& t,
                          std::string_view s) {
  for (const auto& [k, v] : t) {
    if (v == s) return k;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<RuleKind, std::string_view>, 6> kRuleKinds = {{
    {RuleKind::Level, "level"},
    {RuleKind::TeamDecree, "keputusan_tim"},
    {RuleKind::Mechanism, "mekanisme"},
    {RuleKind::AssignmentStructure, "struktur_penugasan"},
    {RuleKind::Flow, "alur"},
    {RuleKind::Rework, "pengembalian"},
}};
constexpr std::array<std::pair<RuleOrigin, std::string_view>, 2> kOrigins = {{
    {RuleOrigin::Regulation, "peraturan"},
    {RuleOrigin::Default, "bawaan"},
}};
constexpr std::array<std::pair<TeamScope, std::string_view>, 4> kScopes = {{
    {TeamScope::Unit, "unit_organisasi"},
    {TeamScope::AcrossUnits, "lintas_unit"},
    {TeamScope::AcrossAgencies, "antar_perangkat_daerah"},
    {TeamScope::AcrossGovernments, "lintas_instansi"},
}};
constexpr std::array<std::pair<TeamKind, std::string_view>, 2> kKinds = {{
    {TeamKind::Routine, "rutin"},
    {TeamKind::Incidental, "insidental"},
}};
constexpr std::array<std::pair<TeamStatus, std::string_view>, 2> kStatuses = {{
    {TeamStatus::Active, "aktif"},
    {TeamStatus::Dissolved, "bubar"},
}};
constexpr std::array<std::pair<TeamRole, std::string_view>, 2> kRoles = {{
    {TeamRole::Lead, "ketua"},
    {TeamRole::Member, "anggota"},
}};

}  // namespace

std::string_view to_string(RuleKind k) {
  return name_in(kRuleKinds, k);
}
std::optional<RuleKind> rule_kind_from_string(std::string_view s) {
  return value_in(kRuleKinds, s);
}
std::string_view to_string(RuleOrigin o) {
  return name_in(kOrigins, o);
}
std::optional<RuleOrigin> rule_origin_from_string(std::string_view s) {
  return value_in(kOrigins, s);
}
std::string_view to_string(TeamScope s) {
  return name_in(kScopes, s);
}
std::optional<TeamScope> team_scope_from_string(std::string_view s) {
  return value_in(kScopes, s);
}
std::string_view to_string(TeamKind k) {
  return name_in(kKinds, k);
}
std::optional<TeamKind> team_kind_from_string(std::string_view s) {
  return value_in(kKinds, s);
}
std::string_view to_string(TeamStatus s) {
  return name_in(kStatuses, s);
}
std::optional<TeamStatus> team_status_from_string(std::string_view s) {
  return value_in(kStatuses, s);
}
std::string_view to_string(TeamRole r) {
  return name_in(kRoles, r);
}
std::optional<TeamRole> team_role_from_string(std::string_view s) {
  return value_in(kRoles, s);
}

}  // namespace tatakerja::work
