// Accountability (akuntabilitas; issue 12 item 5; 003 Lampiran II IV.D, 004 Pasal 16; DOMAIN.md
// section 4): reports up the chain on a period, a unit leader's request for a report at any time,
// problems escalated with alternative recommendations, and the lead's account of each member's
// results, kept for the member's appraiser as input to the appraisal. The records; the rules are
// the use cases' (app/accountability.hpp). Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "work/model.hpp"

namespace tatakerja::work {

// Who reports to whom:
//   "anggota"   a member to the team's lead
//   "tim"       the lead to the leader of the unit that owns the team's target, with an account
//               of each member's results for the member's appraiser
//   "individu"  a person working alone to the leader of their unit
inline constexpr std::string_view kReportKinds[] = {"anggota", "tim", "individu"};
bool is_report_kind(std::string_view kind);

struct Report {
  Id id = 0;
  Id region_id = 0;
  std::optional<Id> team_id;  // none for "individu"
  std::string kind;
  Id author_employee_id = 0;
  Date period_start;
  Date period_end;
  std::string summary;
  std::optional<Id> request_id;  // the request it answers
  std::vector<Id> recipient_employee_ids;
  std::string created_at;
  friend bool operator==(const Report&, const Report&) = default;
};

// The lead's account of one member's results in a team report, addressed to the member's
// appraiser (the position, held by whoever holds it when it is read).
struct MemberResult {
  Id id = 0;
  Id report_id = 0;
  Id member_employee_id = 0;
  std::optional<Id> appraiser_position_id;
  std::string result;
  std::string created_at;
  friend bool operator==(const MemberResult&, const MemberResult&) = default;
};

// A unit leader's request for a report by a lead or a member, with its due date.
struct ReportRequest {
  Id id = 0;
  Id region_id = 0;
  std::optional<Id> team_id;
  Id requester_employee_id = 0;
  Id asked_employee_id = 0;
  Date due;
  std::string note;
  std::optional<Id> report_id;  // the report that answered it; none while open
  std::string created_at;
  friend bool operator==(const ReportRequest&, const ReportRequest&) = default;
};

// A problem a team escalates with its alternative recommendations: to the owner unit's leader,
// or, where several units must act, to each member's unit leader.
struct Escalation {
  Id id = 0;
  Id region_id = 0;
  Id team_id = 0;
  Id author_employee_id = 0;
  std::string problem;
  std::vector<std::string> alternatives;
  bool several_units = false;
  std::vector<Id> recipient_employee_ids;
  std::string created_at;
  friend bool operator==(const Escalation&, const Escalation&) = default;
};

}  // namespace tatakerja::work
