// Who holds the roles of an assignment's steps (work/mechanisms.hpp), resolved from the structure
// and the current placements: a position's holders are everyone placed in it now, definitive,
// Plt or Plh alike (an acting holder has the role of the position they act in).
#pragma once

#include <optional>
#include <set>
#include <string_view>

#include "app/stores.hpp"
#include "org/model.hpp"
#include "work/assignment.hpp"

namespace tatakerja::app {

// Where an employee sits now: the position they hold (a definitive placement before an acting
// one) and its unit; none when they hold no position in a unit.
struct OfficialSeat {
  org::Position position;
  org::Unit unit;
  org::Id region_id = 0;
};
std::optional<OfficialSeat> seat_now(const Stores& stores, org::Id employee_id);

// The employees who hold `role` for `a` now (empty when nobody does: a vacant position).
std::set<org::Id> role_holders(const Stores& stores, const work::Assignment& a,
                               std::string_view role);

// The holders of the position that leads unit `unit_id`: its head, else the nearest enclosing
// unit's, else the agency head.
std::set<org::Id> unit_leaders(const Stores& stores, org::Id unit_id);
// The position that leads unit `unit_id`: its head, else the head of the nearest enclosing unit
// that has one, else the agency head (the top structural position without a unit).
std::optional<org::Id> leading_position(const Stores& stores, org::Id unit_id);
// The employees placed in position `position_id` now (definitive, Plt or Plh).
std::set<org::Id> position_holders(const Stores& stores, std::optional<org::Id> position_id);

// The region of a unit (through its agency); none when the unit or agency is missing.
std::optional<org::Id> region_of_unit(const Stores& stores, org::Id unit_id);

}  // namespace tatakerja::app
