// The work system's rules, teams and membership periods in memory: WorkStore without a database,
// for tests. It behaves as the SQL store does on every point the port promises
// (work/work_store.hpp), checked by the same conformance suite: ids numbered from 1, the same
// orders, the schema's rules (migrations 13 and 14) refused as storage::DatabaseError of kind
// Constraint before anything is written. Transactional on its own by journaling, as MemoryOrgStore
// is; persistence::MemoryStores groups it with the other stores. Not thread-safe.
#pragma once

#include <functional>
#include <tuple>

#include "core/journaled_map.hpp"
#include "core/transaction.hpp"
#include "work/work_store.hpp"

namespace tatakerja::work {

// The registry's records the schema's foreign keys point at (they live in the organisation
// registry's store). An empty function is not checked.
struct RegistryKeys {
  std::function<bool(Id)> region_exists;
  std::function<bool(Id)> regulation_exists;
  std::function<bool(Id)> agency_exists;
  std::function<bool(Id)> unit_exists;
  std::function<bool(Id)> employee_exists;
  std::function<bool(Id)> activity_exists;  // in the activities' store (issue 12 item 4)
};

class MemoryWorkStore final : public WorkStore, public Transactional {
 public:
  explicit MemoryWorkStore(RegistryKeys keys = {}) : keys_(std::move(keys)) {}
  MemoryWorkStore(const MemoryWorkStore&) = delete;
  MemoryWorkStore& operator=(const MemoryWorkStore&) = delete;

  // Transactional: throws storage::DatabaseError (kind Other) on a nested begin() or a commit()
  // without begin().
  void begin() override;
  void commit() override;
  void rollback() noexcept override;

  std::vector<Rule> rules_of_region(Id region_id) override;
  std::optional<Rule> rule(Id id) override;
  Id insert_rule(const Rule& r) override;
  void update_rule(const Rule& r) override;
  Id insert_team(const Team& t) override;
  void update_team(const Team& t) override;
  std::optional<Team> team(Id id) override;
  std::vector<Team> teams_of_region(Id region_id) override;
  Id insert_member(const TeamMember& m) override;
  void update_member(const TeamMember& m) override;
  std::vector<TeamMember> members_of_team(Id team_id) override;
  std::vector<TeamMember> memberships_of_employee(Id employee_id) override;
  Id insert_assignment(const Assignment& a) override;
  bool update_assignment(const Assignment& a, int expected_version) override;
  std::optional<Assignment> assignment(Id id) override;
  std::vector<Assignment> assignments_of_employee(Id employee_id, int limit) override;
  Id insert_step(const AssignmentStep& s) override;
  std::vector<AssignmentStep> steps_of_assignment(Id assignment_id) override;
  Id insert_notification(const Notification& n) override;
  std::optional<Notification> notification(Id id) override;
  std::vector<Notification> notifications_of_employee(Id employee_id, int limit) override;
  std::vector<Notification> notifications_of_assignment(Id assignment_id) override;
  void mark_notification_read(Id id, const std::string& at) override;
  std::vector<Notification> notifications_after(Id after_id, int limit) override;
  std::optional<Id> email_cursor() override;
  void set_email_cursor(Id last_notification_id) override;
  void insert_email_delivery(const EmailDelivery& d) override;
  std::optional<EmailDelivery> email_delivery(Id notification_id) override;
  std::vector<EmailDelivery> email_deliveries_due(const std::string& now, int limit) override;
  bool claim_email_delivery(Id notification_id, const std::string& now,
                            const std::string& until) override;
  void update_email_delivery(const EmailDelivery& d) override;
  Id insert_holiday(const Holiday& h) override;
  std::optional<Holiday> holiday(Id id) override;
  std::vector<Holiday> holidays_between(const Date& from, const Date& to) override;
  bool delete_holiday(Id id) override;

 private:
  void check_rule(const Rule& r) const;
  void check_team(const Team& t) const;
  void check_member(const TeamMember& m) const;
  void check_assignment(const Assignment& a) const;
  template <typename F>
  void each_table(F f) {
    f(rules_);
    f(rule_keys_);
    f(teams_);
    f(members_);
    f(assignments_);
    f(steps_);
    f(notifications_);
    f(deliveries_);
    f(email_cursor_);
    f(holidays_);
    f(holiday_dates_);
  }

  RegistryKeys keys_;
  JournaledMap<Id, Rule> rules_;
  // UNIQUE (region_id, kind, rule_key)
  JournaledMap<std::tuple<Id, int, std::string>, Id> rule_keys_;
  JournaledMap<Id, Team> teams_;
  JournaledMap<Id, TeamMember> members_;
  JournaledMap<Id, Assignment> assignments_;
  JournaledMap<Id, AssignmentStep> steps_;
  JournaledMap<Id, Notification> notifications_;
  JournaledMap<Id, EmailDelivery> deliveries_;  // by notification id
  JournaledMap<int, Id> email_cursor_;          // one row, key 1
  JournaledMap<Id, Holiday> holidays_;
  JournaledMap<std::string, Id> holiday_dates_;  // UNIQUE (holiday_date)
  bool in_transaction_ = false;
};

}  // namespace tatakerja::work
