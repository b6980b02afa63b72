// The activities' store over SQL (SQLite and PostgreSQL alike), `?` parameters only. Every method
// throws storage::DatabaseError on failure; the contract of each is ActivityStore's
// (work/activity_store.hpp).
#pragma once

#include "storage/database.hpp"
#include "work/activity_store.hpp"

namespace tatakerja::work {

class SqlActivityStore final : public ActivityStore {
 public:
  explicit SqlActivityStore(storage::Connection& c) : c_(c) {}

  Id insert_activity(const Activity& a) override;
  bool update_progress(const Activity& a, int expected_version) override;
  std::optional<Activity> activity(Id id) override;
  std::vector<Activity> activities_of_person(Id employee_id, const std::vector<Id>& position_ids,
                                             const std::vector<Id>& led_team_ids,
                                             int limit) override;
  std::vector<Activity> activities_of_team(Id team_id, int limit) override;
  void insert_role(const ActivityRole& r) override;
  std::vector<ActivityRole> roles_of_activity(Id activity_id) override;
  Id insert_activity_step(const ActivityStep& s) override;
  std::vector<ActivityStep> steps_of_activity(Id activity_id, int offset, int limit) override;
  std::vector<ActivityStep> latest_steps_of_activity(Id activity_id, int limit) override;
  std::int64_t step_count(Id activity_id) override;
  bool took_a_step(Id activity_id, Id employee_id) override;
  Id insert_note(const ActivityNote& n) override;
  std::vector<ActivityNote> notes_of_activity(Id activity_id, int offset, int limit) override;
  std::vector<ActivityNote> latest_notes_of_activity(Id activity_id, int limit) override;
  std::int64_t note_count(Id activity_id) override;
  Id insert_evidence(const Evidence& e, const std::string& content) override;
  std::vector<Evidence> evidence_of_activity(Id activity_id) override;
  std::optional<Evidence> evidence(Id id) override;
  std::optional<std::string> evidence_content(Id id) override;

 private:
  storage::Connection& c_;
};

}  // namespace tatakerja::work
