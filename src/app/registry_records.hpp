// What the registry's use cases share about employees and placements (private to app): the forms
// the audit log keeps them in, the canonical rank, the employee a NIP makes, and the rules a
// placement must keep. Used by the changes an administrator makes one by one
// (registry_changes.cpp) and by the import of a table of people (people_import.cpp), so that both
// refuse the same things with the same words.
#pragma once

#include <string>

#include "org/model.hpp"

namespace tatakerja::app::records {

// The records as the audit log keeps them (JSON).
std::string employee_audit(const org::Employee& e);
std::string placement_audit(const org::Placement& p);

// The canonical rank of `rank` for an employee of `kind`; refuses (INVALID_FIELD "rank") one that
// is not a rank of that kind.
std::string rank_of(const std::string& rank, org::EmployeeKind kind);

// An employee as its NIP makes it (birth date, appointment month, sex decoded), with its name,
// kind, rank (canonical) and region; refuses a NIP that is not valid (NIP_INVALID "nip") and a
// rank that is not one (INVALID_FIELD "rank"). Not stored; its id is 0.
org::Employee employee_from_nip(const std::string& nip, const std::string& name,
                                org::EmployeeKind kind, const std::string& rank, org::Id region_id);

// A placement that makes sense for its employee and position: it starts after the employee was
// born and not before their appointment (the TMT CPNS/PPPK month the NIP gives), its decree is
// given whole or not at all, and the position is of the employee's region unless the placement
// names the decree of a documented secondment. Refuses (INVALID_FIELD) otherwise.
void check_placement(const org::Placement& p, const org::Employee& e, const org::Agency& agency);

}  // namespace tatakerja::app::records
