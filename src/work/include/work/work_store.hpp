// The work system's storage port: a region's rules, its teams and their membership periods.
// Implemented over SQL (work/sql) and in memory (work/memory); one conformance suite
// (tests/work/work_store_conformance_test.cpp) runs against SQLite, PostgreSQL and memory. The
// schema's rules (migration 13: one rule per region, kind and key; a rule's region and regulation,
// a team's region, agency and owner unit, a member's team, employee and unit must exist) are
// refused as storage::DatabaseError of kind Constraint. No write here moves the registry revision:
// the work system's writes never retire the registry's cached answers.
//
// Assignments (item 3, migration 14): an assignment refers to its region, owner unit, requester and
// official, and optionally to a team and a mechanism rule; its steps and notifications to it. An
// assignment is changed only on the version it was read at (optimistic concurrency). The
// activities of item 4 will add their methods here.
#pragma once

#include <optional>
#include <vector>

#include "work/assignment.hpp"
#include "work/deadlines.hpp"
#include "work/model.hpp"
#include "work/notification_email.hpp"

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

  // --- Assignments (issue 12 item 3) ---
  // Stores `a` (its id is ignored, its version kept) and returns its id.
  virtual Id insert_assignment(const Assignment& a) = 0;
  // Replaces the stored assignment of a.id with `a` only when its stored version is still
  // `expected_version`; true when it did, false (nothing written) when another change came first.
  virtual bool update_assignment(const Assignment& a, int expected_version) = 0;
  virtual std::optional<Assignment> assignment(Id id) = 0;
  // The assignments an employee is party to: requested, asked for, took a step in, or was
  // notified of; newest first (by id), at most `limit`.
  virtual std::vector<Assignment> assignments_of_employee(Id employee_id, int limit) = 0;

  virtual Id insert_step(const AssignmentStep& s) = 0;
  // The steps of an assignment in the order they were taken (by id).
  virtual std::vector<AssignmentStep> steps_of_assignment(Id assignment_id) = 0;

  virtual Id insert_notification(const Notification& n) = 0;
  virtual std::optional<Notification> notification(Id id) = 0;
  // An employee's inbox, newest first (by id), at most `limit`.
  virtual std::vector<Notification> notifications_of_employee(Id employee_id, int limit) = 0;
  // The notifications about one assignment, oldest first.
  virtual std::vector<Notification> notifications_of_assignment(Id assignment_id) = 0;
  // Marks notification `id` read at `at` (ISO 8601 UTC); a notification already read keeps its
  // first time.
  virtual void mark_notification_read(Id id, const std::string& at) = 0;

  // ---- e-mail copies of notifications (migration 19; work/notification_email.hpp) ----
  // The notifications after `after_id`, oldest first (by id), at most `limit`.
  virtual std::vector<Notification> notifications_after(Id after_id, int limit) = 0;
  // The last notification the mailer has read; nullopt before its first round. Read inside a
  // transaction, the cursor is held until it ends (PostgreSQL: FOR UPDATE; SQLite's writer lock
  // does it there), so that two mailers on one database never queue the same notifications.
  virtual std::optional<Id> email_cursor() = 0;
  virtual void set_email_cursor(Id last_notification_id) = 0;
  // A notification has at most one copy (a second is refused: Constraint).
  virtual void insert_email_delivery(const EmailDelivery& d) = 0;
  virtual std::optional<EmailDelivery> email_delivery(Id notification_id) = 0;
  // The copies waiting whose next attempt is at or before `now`, the earliest first (then by
  // notification id), at most `limit`.
  virtual std::vector<EmailDelivery> email_deliveries_due(const std::string& now, int limit) = 0;
  // Takes a waiting copy due at or before `now` for sending by moving its next attempt to
  // `until`; false when another mailer took it first (or it is no longer due), so that two
  // servers on one database never send the same copy twice.
  virtual bool claim_email_delivery(Id notification_id, const std::string& now,
                                    const std::string& until) = 0;
  // Stores the state, attempts, error, next attempt and sending time of a copy.
  virtual void update_email_delivery(const EmailDelivery& d) = 0;

  // ---- the holiday calendar (migration 23; work/deadlines.hpp) ----
  // Stores `h` (its id is ignored) and returns its id; a second day off on one date is refused
  // (Constraint), as is a kind but libur_nasional or cuti_bersama.
  virtual Id insert_holiday(const Holiday& h) = 0;
  virtual std::optional<Holiday> holiday(Id id) = 0;
  // The days off from `from` to `to`, both included, by date.
  virtual std::vector<Holiday> holidays_between(const Date& from, const Date& to) = 0;
  // Removes the day off `id`; false when there is none.
  virtual bool delete_holiday(Id id) = 0;
};

}  // namespace tatakerja::work
