#include "app/registry_changes.hpp"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include <unordered_map>
#include <variant>

#include "app/scope.hpp"
#include "core/error.hpp"
#include "org/hierarchy.hpp"
#include "org/nip.hpp"
#include "org/rank.hpp"
#include "registry_records.hpp"

namespace tatakerja::app {
namespace {

using nlohmann::json;
using records::check_placement;
using records::employee_audit;
using records::placement_audit;
using records::rank_of;

json optional_id(const std::optional<Id>& id) {
  return id ? json(*id) : json(nullptr);
}

// The records as the audit log keeps them.
std::string position_audit(const org::Position& p) {
  return json{{"id", p.id},
              {"title", p.title},
              {"eselon", to_string(p.eselon)},
              {"code", p.code},
              {"summary", p.summary},
              {"duties", p.duties},
              {"superior_id", optional_id(p.superior_id)},
              {"unit_id", optional_id(p.unit_id)}}
      .dump();
}

std::string unit_audit(const org::Unit& u) {
  return json{{"id", u.id}, {"name", u.name}, {"parent_id", optional_id(u.parent_id)}}.dump();
}

// Refuses (HIERARCHY_CYCLE on `field`) putting `self` under `parent` when `parent` is `self`'s
// descendant in the tree that `records` (positions or units of one agency) make through their
// `up` member.
template <typename Record>
void refuse_cycle(Id self, Id parent, const std::vector<Record>& records,
                  std::optional<Id> Record::*up, const char* field) {
  if (parent == self) fail(ErrorCode::HierarchyCycle, field);
  std::unordered_map<Id, std::optional<Id>> parent_of;
  for (const auto& r : records) parent_of.emplace(r.id, r.*up);
  if (org::creates_cycle(parent_of, self, parent)) fail(ErrorCode::HierarchyCycle, field);
}

// Writes `change` and its audit entry in one transaction.
template <typename Change>
void in_one_transaction(const Stores& stores, Change change) {
  Transaction tx(stores.transactions);
  change();
  tx.commit();
}

void check_unit_of(const Stores& stores, const org::Position& p, Id unit_id) {
  const auto u = stores.org.unit(unit_id);
  if (!u || u->agency_id != p.agency_id)
    fail(ErrorCode::InvalidField, "unit_id", "Unit tidak ditemukan di perangkat daerah ini.");
}

void check_superior_of(const Stores& stores, const org::Position& p, Id superior_id) {
  if (superior_id == p.id) fail(ErrorCode::HierarchyCycle, "superior_id");
  const auto s = stores.org.position(superior_id);
  if (!s || s->agency_id != p.agency_id || s->abolished)
    fail(ErrorCode::InvalidField, "superior_id", "Atasan tidak ditemukan di perangkat daerah ini.");
  refuse_cycle(p.id, superior_id, stores.org.positions_of_agency(p.agency_id, true),
               &org::Position::superior_id, "superior_id");
}

void check_parent_of(const Stores& stores, const org::Unit& u, Id parent_id) {
  if (parent_id == u.id) fail(ErrorCode::HierarchyCycle, "parent_id");
  const auto parent = stores.org.unit(parent_id);
  if (!parent || parent->agency_id != u.agency_id || parent->abolished)
    fail(ErrorCode::InvalidField, "parent_id",
         "Unit induk tidak ditemukan di perangkat daerah ini.");
  refuse_cycle(u.id, parent_id, stores.org.units_of_agency(u.agency_id, true),
               &org::Unit::parent_id, "parent_id");
}

}  // namespace

org::Employee create_employee(const Stores& stores, const Actor& actor, const NewEmployee& input) {
  auto e =
      records::employee_from_nip(input.nip, input.name, input.kind, input.rank, input.region_id);
  if (!stores.org.region(e.region_id))
    fail(ErrorCode::InvalidField, "region_id", "Daerah tidak ditemukan.");
  require_region_in_scope(actor, e.region_id);
  if (stores.org.employee_by_nip(e.nip))
    fail(ErrorCode::Conflict, "nip", "NIP ini sudah terdaftar.");
  in_one_transaction(stores, [&] {
    e.id = stores.org.insert_employee(e);
    record_audit(stores, actor, "create", "employee", std::to_string(e.id), "", employee_audit(e));
  });
  return e;
}

org::Employee update_employee(const Stores& stores, const Actor& actor, Id employee_id,
                              const EmployeeEdit& edit) {
  auto e = stores.org.employee(employee_id);
  if (!e) fail(ErrorCode::NotFound);
  require_region_in_scope(actor, e->region_id);
  const std::string before = employee_audit(*e);
  if (edit.name) e->name = *edit.name;
  if (edit.rank) e->rank = rank_of(*edit.rank, e->kind);
  if (employee_audit(*e) == before) return *e;  // nothing changes: nothing written, no entry
  in_one_transaction(stores, [&] {
    stores.org.update_employee(*e);
    record_audit(stores, actor, "update", "employee", std::to_string(e->id), before,
                 employee_audit(*e));
  });
  return *e;
}

org::Placement place_employee(const Stores& stores, const Actor& actor, org::Placement placement) {
  const auto employee = stores.org.employee(placement.employee_id);
  if (!employee) fail(ErrorCode::InvalidField, "employee_id", "Pegawai tidak ditemukan.");
  const auto position = stores.org.position(placement.position_id);
  if (!position || position->abolished)
    fail(ErrorCode::InvalidField, "position_id", "Jabatan tidak ditemukan.");
  const auto agency = stores.org.agency(position->agency_id);
  if (!agency) fail(ErrorCode::InvalidField, "position_id", "Jabatan tidak ditemukan.");
  require_agency_in_scope(stores, actor, agency->id);
  check_placement(placement, *employee, *agency);
  placement.end.reset();
  in_one_transaction(stores, [&] {
    placement.id = stores.org.insert_placement(placement);
    record_audit(stores, actor, "create", "placement", std::to_string(placement.id), "",
                 placement_audit(placement));
  });
  return placement;
}

org::Placement end_placement(const Stores& stores, const Actor& actor, Id placement_id,
                             const Date& end) {
  // Read and change in one transaction, so two requests cannot both end the same placement.
  Transaction tx(stores.transactions);
  auto placement = stores.org.placement(placement_id);
  if (!placement) fail(ErrorCode::NotFound);
  if (const auto position = stores.org.position(placement->position_id))
    require_agency_in_scope(stores, actor, position->agency_id);
  if (placement->end) fail(ErrorCode::Conflict, "end", "Penempatan ini sudah berakhir.");
  if (end.iso() < placement->start.iso())
    fail(ErrorCode::InvalidField, "end", "Tanggal berakhir sebelum tanggal mulai.");
  const std::string before = placement_audit(*placement);
  placement->end = end;
  stores.org.end_placement(placement->id, end);
  record_audit(stores, actor, "update", "placement", std::to_string(placement->id), before,
               placement_audit(*placement));
  tx.commit();
  return *placement;
}

MovedPlacement move_placement(const Stores& stores, const Actor& actor, Id placement_id,
                              const PlacementMove& move) {
  // Read and change in one transaction, so two requests cannot both move the same placement.
  Transaction tx(stores.transactions);
  auto old = stores.org.placement(placement_id);
  if (!old) fail(ErrorCode::NotFound);
  if (const auto position = stores.org.position(old->position_id))
    require_agency_in_scope(stores, actor, position->agency_id);
  if (old->end) fail(ErrorCode::Conflict, "end", "Penempatan ini sudah berakhir.");
  const auto employee = stores.org.employee(old->employee_id);
  if (!employee) fail(ErrorCode::NotFound);
  const auto position = stores.org.position(move.position_id);
  if (!position || position->abolished)
    fail(ErrorCode::InvalidField, "position_id", "Jabatan tidak ditemukan.");
  if (position->id == old->position_id)
    fail(ErrorCode::InvalidField, "position_id", "Penempatan ini sudah di jabatan tersebut.");
  const auto agency = stores.org.agency(position->agency_id);
  if (!agency) fail(ErrorCode::InvalidField, "position_id", "Jabatan tidak ditemukan.");
  require_agency_in_scope(stores, actor, agency->id);
  if (move.start.iso() < old->start.iso())
    fail(ErrorCode::InvalidField, "start",
         fmt::format("Tanggal pindah ({}) sebelum tanggal mulai penempatan ini ({}).",
                     move.start.iso(), old->start.iso()));
  org::Placement placed;
  placed.employee_id = old->employee_id;
  placed.position_id = position->id;
  placed.kind = move.kind.value_or(old->kind);
  placed.start = move.start;
  placed.secondment_decree = move.secondment_decree.value_or("");
  placed.decree_number = move.decree_number;
  placed.decree_date = move.decree_date;
  check_placement(placed, *employee, *agency);
  const std::string before = placement_audit(*old);
  old->end = move.start;
  stores.org.end_placement(old->id, move.start);
  record_audit(stores, actor, "update", "placement", std::to_string(old->id), before,
               placement_audit(*old));
  placed.id = stores.org.insert_placement(placed);
  record_audit(stores, actor, "move", "placement", std::to_string(placed.id), before,
               placement_audit(placed));
  tx.commit();
  return {*old, placed};
}

org::Position update_position(const Stores& stores, const Actor& actor, Id position_id,
                              const PositionEdit& edit) {
  auto p = stores.org.position(position_id);
  if (!p) fail(ErrorCode::NotFound);
  require_agency_in_scope(stores, actor, p->agency_id);
  const std::string before = position_audit(*p);
  if (edit.title) p->title = *edit.title;
  if (edit.eselon) p->eselon = *edit.eselon;
  if (edit.code) p->code = *edit.code;
  if (edit.summary) p->summary = *edit.summary;
  if (edit.duties) p->duties = *edit.duties;
  if (edit.unit_id) {
    if (*edit.unit_id) check_unit_of(stores, *p, **edit.unit_id);
    p->unit_id = *edit.unit_id;
  }
  bool moved = false;
  if (edit.superior_id) {
    if (*edit.superior_id) check_superior_of(stores, *p, **edit.superior_id);
    moved = *edit.superior_id != p->superior_id;
    p->superior_id = *edit.superior_id;
  }
  if (position_audit(*p) == before) return *p;  // nothing changes: nothing written, no entry
  in_one_transaction(stores, [&] {
    stores.org.update_position(*p);
    record_audit(stores, actor, moved ? "move" : "update", "position", std::to_string(p->id),
                 before, position_audit(*p));
  });
  return *p;
}

org::Unit update_unit(const Stores& stores, const Actor& actor, Id unit_id, const UnitEdit& edit) {
  auto u = stores.org.unit(unit_id);
  if (!u || u->abolished) fail(ErrorCode::NotFound);
  require_agency_in_scope(stores, actor, u->agency_id);
  const std::string before = unit_audit(*u);
  if (edit.name) u->name = *edit.name;
  bool moved = false;
  if (edit.parent_id) {
    if (*edit.parent_id) check_parent_of(stores, *u, **edit.parent_id);
    moved = *edit.parent_id != u->parent_id;
    u->parent_id = *edit.parent_id;
  }
  if (unit_audit(*u) == before) return *u;  // nothing changes: nothing written, no entry
  in_one_transaction(stores, [&] {
    stores.org.update_unit(*u);
    record_audit(stores, actor, moved ? "move" : "update", "unit", std::to_string(u->id), before,
                 unit_audit(*u));
  });
  return *u;
}

}  // namespace tatakerja::app
