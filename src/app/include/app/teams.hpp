// Teams (tim kerja; issue 12 item 2): forming a team from a lead and members, whose units give its
// scope and, under the region's rules, the authority that decrees it, with the decree (SK) drafted;
// replacing a lead who left; who was in the team on a date. Each change is checked before anything
// is written and written with its audit entry in one transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit.hpp"
#include "app/stores.hpp"
#include "core/date.hpp"
#include "org/model.hpp"
#include "work/model.hpp"
#include "work/teams.hpp"

namespace tatakerja::app {

struct NewTeam {
  std::string name;
  work::TeamKind kind = work::TeamKind::Routine;
  std::string target;
  org::Id owner_unit_id = 0;
  org::Id lead_employee_id = 0;
  std::vector<org::Id> member_employee_ids;  // besides the lead
  Date formed;
};

// A team as the API shows it.
struct TeamView {
  work::Team team;
  std::vector<work::TeamMember> periods;  // every period, in the order they began
  std::vector<std::string> warnings;      // about its current make-up
  work::DecreeAuthority authority;
};

// Every person must hold a position in a unit on `formed` (TEAM_MEMBER_UNPLACED naming them
// otherwise; an agency head's position has no unit and is refused the same way): that unit is
// where they sit. The owner unit's agency must be in
// the actor's scope. Records "create" / "team".
TeamView form_team(const Stores& stores, const Actor& actor, const NewTeam& input);

// The team with its periods and current warnings; NOT_FOUND when there is none.
TeamView team_view(const Stores& stores, org::Id team_id);

// Replaces the team's lead from `on`: the current lead's period (if any: a vacated lead) ends on
// `on` with `reason`; a current member who becomes lead ends their member period there too; the
// new lead's period begins on `on`. `reason` is required (REASON_REQUIRED). Records "update" /
// "team".
TeamView replace_lead(const Stores& stores, const Actor& actor, org::Id team_id,
                      org::Id employee_id, const Date& on, const std::string& reason);

}  // namespace tatakerja::app
