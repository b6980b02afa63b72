// The accountability records' storage port (issue 12 item 5): reports with their recipients and
// the lead's accounts of members' results, requests for a report, escalations with their
// recipients. Implemented over SQL (work/sql) and in memory (work/memory); one conformance suite
// (tests/work/accountability_store_conformance_test.cpp) runs against SQLite, PostgreSQL and
// memory. Migration 18's rules (the region, team, people and request must exist; a result's report
// too; a person once among a record's recipients) are refused as storage::DatabaseError of kind
// Constraint. Recipients are read back in id order. No write here moves the registry revision.
#pragma once

#include <optional>
#include <vector>

#include "work/accountability.hpp"

namespace tatakerja::work {

class AccountabilityStore {
 public:
  virtual ~AccountabilityStore() = default;

  // Stores the report and its recipients; returns its id.
  virtual Id insert_report(const Report& r) = 0;
  virtual std::optional<Report> report(Id id) = 0;
  // The reports a person wrote or received, newest first, at most `limit`.
  virtual std::vector<Report> reports_of_person(Id employee_id, int limit) = 0;
  // A team's reports, newest first, at most `limit`.
  virtual std::vector<Report> reports_of_team(Id team_id, int limit) = 0;

  virtual Id insert_member_result(const MemberResult& m) = 0;
  virtual std::vector<MemberResult> member_results_of_report(Id report_id) = 0;  // in order
  // The accounts of one member's results, newest first, at most `limit`.
  virtual std::vector<MemberResult> member_results_of_member(Id employee_id, int limit) = 0;

  virtual Id insert_request(const ReportRequest& r) = 0;
  // Replaces the stored request of r.id (its answer).
  virtual void update_request(const ReportRequest& r) = 0;
  virtual std::optional<ReportRequest> request(Id id) = 0;
  // The requests a person made or was asked, newest first, at most `limit`.
  virtual std::vector<ReportRequest> requests_of_person(Id employee_id, int limit) = 0;
  virtual std::vector<ReportRequest> requests_of_team(Id team_id, int limit) = 0;

  // Stores the escalation and its recipients; returns its id.
  virtual Id insert_escalation(const Escalation& e) = 0;
  virtual std::optional<Escalation> escalation(Id id) = 0;
  virtual std::vector<Escalation> escalations_of_team(Id team_id, int limit) = 0;
  // The escalations a person raised or received, newest first.
  virtual std::vector<Escalation> escalations_of_person(Id employee_id, int limit) = 0;
};

}  // namespace tatakerja::work
