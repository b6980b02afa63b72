// The activities in memory: ActivityStore without a database, for tests. It behaves as the SQL
// store does on every point the port promises (work/activity_store.hpp), checked by the same
// conformance suite: ids numbered from 1, the same orders, migration 17's rules refused as
// storage::DatabaseError of kind Constraint before anything is written. Transactional on its own
// by journaling; persistence::MemoryStores groups it with the other stores. Not thread-safe.
#pragma once

#include <functional>
#include <string>
#include <utility>

#include "core/journaled_map.hpp"
#include "core/transaction.hpp"
#include "work/activity_store.hpp"

namespace tatakerja::work {

// The records migration 17's foreign keys point at. An empty function is not checked.
struct ActivityKeys {
  std::function<bool(Id)> region_exists;
  std::function<bool(Id)> agency_exists;
  std::function<bool(Id)> unit_exists;
  std::function<bool(Id)> employee_exists;
  std::function<bool(Id)> team_exists;
  std::function<bool(Id)> assignment_exists;
};

class MemoryActivityStore final : public ActivityStore, public Transactional {
 public:
  explicit MemoryActivityStore(ActivityKeys keys = {}) : keys_(std::move(keys)) {}
  MemoryActivityStore(const MemoryActivityStore&) = delete;
  MemoryActivityStore& operator=(const MemoryActivityStore&) = delete;

  void begin() override;
  void commit() override;
  void rollback() noexcept override;

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

  bool has_activity(Id id) const { return activities_.contains(id); }

 private:
  void check_activity(const Activity& a) const;
  void check_belongs(Id activity_id, const char* column) const;
  template <typename F>
  void each_table(F f) {
    f(activities_);
    f(roles_);
    f(steps_);
    f(notes_);
    f(evidence_);
    f(contents_);
  }

  ActivityKeys keys_;
  JournaledMap<Id, Activity> activities_;
  JournaledMap<std::pair<Id, Id>, std::pair<int, ActivityRole>> roles_;  // (activity, employee)
  JournaledMap<Id, ActivityStep> steps_;
  JournaledMap<Id, ActivityNote> notes_;
  JournaledMap<Id, Evidence> evidence_;
  JournaledMap<Id, std::string> contents_;
  bool in_transaction_ = false;
};

}  // namespace tatakerja::work
