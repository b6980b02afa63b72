// The activities' storage port (issue 12 item 4): activities, the roles of the people who carry
// them out, their steps, notes and evidence files. Implemented over SQL (work/sql) and in memory
// (work/memory); one conformance suite (tests/work/activity_store_conformance_test.cpp) runs
// against SQLite, PostgreSQL and memory. Migration 17's rules (an activity's region, agency, owner
// unit, team, assignment, executor and planner must exist; a role, step, note or evidence file
// belongs to a stored activity; one role per person and activity) are refused as
// storage::DatabaseError of kind Constraint. An activity is changed only on the version it was
// read at (optimistic concurrency). No write here moves the registry revision.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "work/activity.hpp"

namespace tatakerja::work {

class ActivityStore {
 public:
  virtual ~ActivityStore() = default;

  // Stores `a` (its id is ignored, its version kept) and returns its id.
  virtual Id insert_activity(const Activity& a) = 0;
  // Writes where the activity a.id stands, from `a` (its state, state_since, awaiting position,
  // progress, rework, version and updated_at; what was planned is kept as created), only when its
  // stored version is still `expected_version`; true when it did, false (nothing written) when
  // another change came first. Only the columns a step changes are written, so that the indexes
  // of the others (the executor's) are not rewritten by every step.
  virtual bool update_progress(const Activity& a, int expected_version) = 0;
  virtual std::optional<Activity> activity(Id id) = 0;

  // The activities a person works on or must act on, newest first (by id), at most `limit`: those
  // they carry out or take a role in, those waiting at a position in `position_ids` (the
  // positions they hold), and those waiting at the lead's stop of a team in `led_team_ids`.
  virtual std::vector<Activity> activities_of_person(Id employee_id,
                                                     const std::vector<Id>& position_ids,
                                                     const std::vector<Id>& led_team_ids,
                                                     int limit) = 0;
  // A team's activities, newest first, at most `limit`.
  virtual std::vector<Activity> activities_of_team(Id team_id, int limit) = 0;

  virtual void insert_role(const ActivityRole& r) = 0;
  // The roles of an activity, in the order given.
  virtual std::vector<ActivityRole> roles_of_activity(Id activity_id) = 0;

  virtual Id insert_activity_step(const ActivityStep& s) = 0;
  // An activity's steps in the order taken, from the `offset`-th (0: the first), at most `limit`.
  virtual std::vector<ActivityStep> steps_of_activity(Id activity_id, int offset, int limit) = 0;
  // Its newest `limit` steps, in the order taken (the answer about an activity shows these).
  virtual std::vector<ActivityStep> latest_steps_of_activity(Id activity_id, int limit) = 0;
  virtual std::int64_t step_count(Id activity_id) = 0;
  // Whether `employee_id` took any step of the activity.
  virtual bool took_a_step(Id activity_id, Id employee_id) = 0;

  virtual Id insert_note(const ActivityNote& n) = 0;
  // Its notes oldest first, from the `offset`-th, at most `limit`; its newest `limit` (oldest
  // first among them); how many there are.
  virtual std::vector<ActivityNote> notes_of_activity(Id activity_id, int offset, int limit) = 0;
  virtual std::vector<ActivityNote> latest_notes_of_activity(Id activity_id, int limit) = 0;
  virtual std::int64_t note_count(Id activity_id) = 0;

  // Stores an evidence file's record and content; returns its id.
  virtual Id insert_evidence(const Evidence& e, const std::string& content) = 0;
  virtual std::vector<Evidence> evidence_of_activity(Id activity_id) = 0;  // oldest first
  virtual std::optional<Evidence> evidence(Id id) = 0;
  // The content of evidence file `id`; none when there is no such file.
  virtual std::optional<std::string> evidence_content(Id id) = 0;
};

}  // namespace tatakerja::work
