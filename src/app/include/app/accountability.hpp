// Accountability (issue 12 item 5; 003 Lampiran II IV.D, 004 Pasal 16): a member reports to the
// team's lead, the lead reports the team's work to the leader of the unit that owns its target
// (with an account of each member's results, which reaches the member's appraiser and is kept as
// input to the appraisal), a person working alone reports to the leader of their unit; a unit
// leader asks any lead or member for a report at any time (a request with a due date, answered by
// a report); a team escalates a problem with its alternative recommendations to the owner unit's
// leader, or, where several units must act, to each member's unit leader. Every write is one
// transaction with its notifications and its audit entry; the roles are resolved from the team's
// membership, the structure and the placements on the day (Plt and Plh included).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/stores.hpp"
#include "identity/model.hpp"
#include "org/model.hpp"
#include "work/accountability.hpp"

namespace tatakerja::app {

struct NewMemberResult {
  org::Id member_employee_id = 0;
  std::string result;
};

struct NewReport {
  std::string kind;  // "anggota", "tim", "individu"
  std::optional<org::Id> team_id;
  std::string period_start;  // ISO dates
  std::string period_end;
  std::string summary;
  std::optional<org::Id> request_id;            // the request it answers
  std::vector<NewMemberResult> member_results;  // "tim" only
};

struct ReportView {
  work::Report report;
  std::vector<work::MemberResult> member_results;
};

// Submits a report: "anggota" by a current member who is not the lead (to the lead), "tim" by the
// current lead (to the owner unit's leaders; each member result names a member of the team and is
// addressed to that member's appraiser), "individu" by anyone seated (to the leaders of their unit,
// or above them when they lead it). ROLE_REQUIRED otherwise. Records "create" / "report".
ReportView submit_report(const Stores& stores, const identity::User& user, const NewReport& in);

struct NewReportRequest {
  org::Id asked_employee_id = 0;
  std::optional<org::Id> team_id;
  std::string due;  // ISO date, not before today
  std::string note;
};
// A unit leader asks a lead or member for a report: the caller holds the position that leads the
// unit of the person asked (or, for a team, its owner unit) or one above it. Records "create" /
// "report_request".
work::ReportRequest request_report(const Stores& stores, const identity::User& user,
                                   const NewReportRequest& in);

struct NewEscalation {
  org::Id team_id = 0;
  std::string problem;
  std::vector<std::string> alternatives;  // at least one recommendation
  bool several_units = false;
};
// A current lead or member escalates a problem. Records "create" / "escalation".
work::Escalation escalate(const Stores& stores, const identity::User& user,
                          const NewEscalation& in);

// What the person wrote, received or was asked: their reports, requests and escalations (newest
// first, each list at most `limit`), each request with whether it is overdue.
struct AccountabilityOverview {
  std::vector<ReportView> reports;
  std::vector<work::ReportRequest> requests;
  std::vector<bool> overdue;  // per request: open after its due date
  std::vector<work::Escalation> escalations;
};
AccountabilityOverview my_accountability(const Stores& stores, const identity::User& user,
                                         int limit);
// A team's reports, requests and escalations, for whoever may see its board (app/activities.hpp).
AccountabilityOverview team_accountability(const Stores& stores, const identity::User& user,
                                           org::Id team_id, int limit);
// One report, for its author, its recipients, the appraisers its member results are addressed to,
// and administrators.
ReportView report_view(const Stores& stores, const identity::User& user, org::Id id);

// The accounts of one employee's results in team reports (the appraisal's input), newest first:
// for the employee, the holders now of the appraiser positions they are addressed to, and
// administrators (FORBIDDEN otherwise).
std::vector<work::MemberResult> work_results_of(const Stores& stores, const identity::User& user,
                                                org::Id employee_id, int limit);

}  // namespace tatakerja::app
