// The work system's store over SQL (SQLite and PostgreSQL alike), `?` parameters only. Every
// method throws storage::DatabaseError on failure; the contract of each is WorkStore's
// (work/work_store.hpp).
#pragma once

#include "storage/database.hpp"
#include "work/work_store.hpp"

namespace tatakerja::work {

class SqlWorkStore final : public WorkStore {
 public:
  explicit SqlWorkStore(storage::Connection& c) : c_(c) {}

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
  storage::Connection& c_;
};

}  // namespace tatakerja::work
