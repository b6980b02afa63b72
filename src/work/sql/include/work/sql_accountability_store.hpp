// The accountability records over SQL (SQLite and PostgreSQL alike), `?` parameters only. Every
// method throws storage::DatabaseError on failure; the contract of each is AccountabilityStore's
// (work/accountability_store.hpp).
#pragma once

#include "storage/database.hpp"
#include "work/accountability_store.hpp"

namespace tatakerja::work {

class SqlAccountabilityStore final : public AccountabilityStore {
 public:
  explicit SqlAccountabilityStore(storage::Connection& c) : c_(c) {}

  Id insert_report(const Report& r) override;
  std::optional<Report> report(Id id) override;
  std::vector<Report> reports_of_person(Id employee_id, int limit) override;
  std::vector<Report> reports_of_team(Id team_id, int limit) override;
  Id insert_member_result(const MemberResult& m) override;
  std::vector<MemberResult> member_results_of_report(Id report_id) override;
  std::vector<MemberResult> member_results_of_member(Id employee_id, int limit) override;
  Id insert_request(const ReportRequest& r) override;
  void update_request(const ReportRequest& r) override;
  std::optional<ReportRequest> request(Id id) override;
  std::vector<ReportRequest> requests_of_person(Id employee_id, int limit) override;
  std::vector<ReportRequest> requests_of_team(Id team_id, int limit) override;
  Id insert_escalation(const Escalation& e) override;
  std::optional<Escalation> escalation(Id id) override;
  std::vector<Escalation> escalations_of_team(Id team_id, int limit) override;
  std::vector<Escalation> escalations_of_person(Id employee_id, int limit) override;

 private:
  std::vector<Report> with_recipients(std::vector<Report> reports);
  std::vector<Escalation> with_recipients(std::vector<Escalation> escalations);
  storage::Connection& c_;
};

}  // namespace tatakerja::work
