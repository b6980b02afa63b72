// The work system's storage port: a region's rules, its teams and their membership periods.
// Implemented over SQL (work/sql) and in memory (work/memory); one conformance suite
// (tests/work/work_store_conformance_test.cpp) runs against SQLite, PostgreSQL and memory. The
// schema's rules (migration 13: one rule per region, kind and key; a rule's region and regulation,
// a team's region, agency and owner unit, a member's team, employee and unit must exist) are
// refused as storage::DatabaseError of kind Constraint. No write here moves the registry revision:
// the work system's writes never retire the registry's cached answers.
//
// The assignments and activities of issue 12 (items 3-4) will add their methods here, referring to
// a team by id and to the rule (mechanism, flow) they follow.
#pragma once

#include <optional>
#include <vector>

#include "work/model.hpp"

namespace tatakerja::work {

class WorkStore {
 public:
  virtual ~WorkStore() = default;

  // The region's stored rules, by id (empty: none stored; the region follows the defaults).
  virtual std::vector<Rule> rules_of_region(Id region_id) = 0;
  virtual std::optional<Rule> rule(Id id) = 0;
  // Stores `r` (its id is ignored) and returns its id.
  virtual Id insert_rule(const Rule& r) = 0;
  // Replaces the stored rule of r.id (its region, kind and key included).
  virtual void update_rule(const Rule& r) = 0;

  virtual Id insert_team(const Team& t) = 0;
  virtual void update_team(const Team& t) = 0;
  virtual std::optional<Team> team(Id id) = 0;
  // The region's teams, newest first (by id).
  virtual std::vector<Team> teams_of_region(Id region_id) = 0;

  virtual Id insert_member(const TeamMember& m) = 0;
  // Replaces the stored period of m.id (ending it: end and end_reason).
  virtual void update_member(const TeamMember& m) = 0;
  // Every period of the team, in the order they began (start, then id).
  virtual std::vector<TeamMember> members_of_team(Id team_id) = 0;
  // Every period of an employee in any team, in the order they began.
  virtual std::vector<TeamMember> memberships_of_employee(Id employee_id) = 0;
};

}  // namespace tatakerja::work
