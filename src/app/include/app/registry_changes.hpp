// The changes a registry administrator (Bagian Organisasi, BKPSDM) makes by hand: adding and
// correcting employees, placing them in positions and ending placements, editing and moving
// positions and units. Each use case checks the records it refers to and refuses what the
// registry's rules forbid (a NIP that is not valid or already registered, a rank that does not
// exist, a move that would put a record under itself) before anything is written, then writes the
// change with its audit entry (the record before and after) in one transaction. Refusals are
// tatakerja::Refusal with the offending field.
#pragma once

#include <optional>
#include <string>

#include "app/audit.hpp"
#include "app/stores.hpp"
#include "core/date.hpp"
#include "core/eselon.hpp"
#include "org/model.hpp"

namespace tatakerja::app {

using org::Id;

// A new employee as an administrator enters it: the NIP as written (spaces allowed), from which
// the birth date, the appointment and the sex are decoded.
struct NewEmployee {
  std::string nip;
  std::string name;
  org::EmployeeKind kind = org::EmployeeKind::Pns;
  std::string rank;  // golongan/ruang ("IV/c") for PNS, grade ("IX") for PPPK
  Id region_id = 0;
};
org::Employee create_employee(const Stores& stores, const Actor& actor, const NewEmployee& input);

// What an administrator may correct in an employee (the NIP and what it encodes are fixed).
struct EmployeeEdit {
  std::optional<std::string> name;
  std::optional<std::string> rank;
};
org::Employee update_employee(const Stores& stores, const Actor& actor, Id employee_id,
                              const EmployeeEdit& edit);

// Places an employee in a position (definitif, Plt or Plh) from `placement.start`, with the number
// and date of its decree (SK) or order (surat perintah) when given: both or neither.
org::Placement place_employee(const Stores& stores, const Actor& actor, org::Placement placement);
// Ends a current placement on `end` (not before its start).
org::Placement end_placement(const Stores& stores, const Actor& actor, Id placement_id,
                             const Date& end);

// Moves a current placement to another position (a transfer, mutasi): the placement ends on
// `start` and a new one begins on it, of the same kind unless `kind` says otherwise, under the
// rules of place_employee (the employee's birth, appointment and region) and end_placement (not
// before the placement's start; not one that has ended), both positions in the actor's scope; one
// transaction, an audit entry for each placement (the old one ended, the new one created with the
// action "move").
struct PlacementMove {
  Id position_id = 0;
  Date start;
  std::optional<org::PlacementKind> kind;        // nullopt: the moved placement's kind
  std::optional<std::string> secondment_decree;  // nullopt: none (a position of the same region)
  std::string decree_number;                     // the decree (SK) of the move, with its date
  std::optional<Date> decree_date;
};
struct MovedPlacement {
  org::Placement ended;
  org::Placement placed;
};
MovedPlacement move_placement(const Stores& stores, const Actor& actor, Id placement_id,
                              const PlacementMove& move);

// A field that may be left alone (nullopt), cleared (holding nullopt) or set.
template <typename T>
using Settable = std::optional<std::optional<T>>;

struct PositionEdit {
  std::optional<std::string> title;
  Settable<Eselon> eselon;
  std::optional<std::string> code;
  std::optional<std::string> summary;
  std::optional<std::vector<std::string>> duties;  // uraian tugas, in the order they are written
  Settable<Id> unit_id;                            // a unit of the same agency
  Settable<Id> superior_id;  // a position of the same agency, never below this one
};
org::Position update_position(const Stores& stores, const Actor& actor, Id position_id,
                              const PositionEdit& edit);

struct UnitEdit {
  std::optional<std::string> name;
  Settable<Id> parent_id;  // a unit of the same agency, never below this one
};
org::Unit update_unit(const Stores& stores, const Actor& actor, Id unit_id, const UnitEdit& edit);

}  // namespace tatakerja::app
