#include "app/assignment_roles.hpp"

#include "core/organisation_kinds.hpp"

namespace tatakerja::app {
namespace {

std::optional<org::Id> leader_position(const Stores& stores, org::Id unit_id) {
  const auto unit = stores.org.unit(unit_id);
  if (!unit) return std::nullopt;
  std::optional<org::Id> at = unit_id;
  for (int depth = 0; at && depth < 64; ++depth) {
    if (const auto head = stores.org.head_of_unit(*at)) return head;
    const auto u = *at == unit_id ? unit : stores.org.unit(*at);
    at = u ? u->parent_id : std::nullopt;
  }
  return stores.org.agency_level_one_position(unit->agency_id);
}

// The Pejabat yang Berwenang of a region: the head of its Sekretariat Daerah.
std::optional<org::Id> authority_position(const Stores& stores, std::optional<org::Id> region_id) {
  if (!region_id) return std::nullopt;
  for (const auto& agency : stores.org.agencies_of_region(*region_id)) {
    if (agency.kind != AgencyKind::SekretariatDaerah) continue;
    if (const auto head = stores.org.agency_level_one_position(agency.id)) return head;
  }
  return std::nullopt;
}

}  // namespace

std::set<org::Id> position_holders(const Stores& stores, std::optional<org::Id> position_id) {
  std::set<org::Id> out;
  if (!position_id) return out;
  for (const auto& h : stores.org.holders_of_position(*position_id)) out.insert(h.employee.id);
  return out;
}

std::optional<org::Id> leading_position(const Stores& stores, org::Id unit_id) {
  return leader_position(stores, unit_id);
}

std::optional<OfficialSeat> seat_now(const Stores& stores, org::Id employee_id) {
  std::optional<OfficialSeat> acting;
  for (const auto& pl : stores.org.placements_of_employee(employee_id)) {
    if (pl.end) continue;
    const auto pos = stores.org.position(pl.position_id);
    if (!pos || !pos->unit_id || pos->abolished) continue;
    const auto unit = stores.org.unit(*pos->unit_id);
    if (!unit) continue;
    const auto agency = stores.org.agency(unit->agency_id);
    if (!agency) continue;
    OfficialSeat s{*pos, *unit, agency->region_id};
    if (pl.kind == org::PlacementKind::Definitive) return s;
    if (!acting) acting = s;
  }
  return acting;
}

std::set<org::Id> unit_leaders(const Stores& stores, org::Id unit_id) {
  return position_holders(stores, leader_position(stores, unit_id));
}

std::optional<org::Id> region_of_unit(const Stores& stores, org::Id unit_id) {
  const auto unit = stores.org.unit(unit_id);
  if (!unit) return std::nullopt;
  const auto agency = stores.org.agency(unit->agency_id);
  if (!agency) return std::nullopt;
  return agency->region_id;
}

std::set<org::Id> role_holders(const Stores& stores, const work::Assignment& a,
                               std::string_view role) {
  if (role == "pejabat") {
    if (a.official_employee_id) return {*a.official_employee_id};
    return {};
  }
  if (role == "penilai") {
    if (!a.official_employee_id) return {};
    const auto seat = seat_now(stores, *a.official_employee_id);
    if (!seat) return {};
    return position_holders(stores, seat->position.appraiser_id);
  }
  if (role == "pimpinan_unit_pemilik") {
    return position_holders(stores, leader_position(stores, a.owner_unit_id));
  }
  if (role == "pejabat_berwenang") {
    return position_holders(stores, authority_position(stores, a.region_id));
  }
  if (role == "pejabat_berwenang_tujuan") {
    if (!a.target_unit_id) return {};
    return position_holders(stores,
                            authority_position(stores, region_of_unit(stores, *a.target_unit_id)));
  }
  if (role == "penilai_tujuan") {
    if (!a.target_unit_id) return {};
    return position_holders(stores, leader_position(stores, *a.target_unit_id));
  }
  return {};
}

}  // namespace tatakerja::app
