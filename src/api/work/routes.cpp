// The work system's routes (issue 12). None is cacheable: the rules and teams are no registry
// scope, and the work system's writes never retire the registry's cached answers.
#include "api/routes.hpp"
#include "api/api.hpp"
#include "work/handlers_diagrams.hpp"
#include "work/handlers_holidays.hpp"
#include "work/handlers_letters.hpp"

namespace tatakerja::server {
namespace {

// The rules are viewed and changed by administrators (registry administrators and the
// administrator), with the CSRF token for a change.
void editor_gate(Context& ctx) {
  ctx.require_editor();
}

// The holiday calendar is kept by the administrator, with the CSRF token.
void administrator_gate(Context& ctx) {
  ctx.require_administrator();
}

// Teams are read by any signed-in user (their members' names are personal data).
void signed_in_gate(Context& ctx) {
  ctx.require_user();
}

// A large body (an evidence file) is read only for a signed-in user who sent the CSRF token.
void signed_in_csrf_gate(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
}

}  // namespace

void add_work_routes(RouteTable& t) {
  t.add({"GET", "/regions/{id}/work-rules"}, handle_work_rules_get, editor_gate);
  t.add({"PATCH", "/regions/{id}/work-rules"}, handle_work_rule_update, editor_gate);
  t.add({"GET", "/regions/{id}/teams"}, handle_teams_list, signed_in_gate);
  t.add({"POST", "/teams"}, handle_team_create, editor_gate);
  t.add({"GET", "/teams/{id}"}, handle_team_get, signed_in_gate);
  t.add({"POST", "/teams/{id}/lead"}, handle_team_lead_replace, editor_gate);
  // Assignments and the inbox (issue 12 item 3): any signed-in person; who may take a step is
  // decided by the mechanism's roles in the use case.
  t.add({"GET", "/assignment-mechanisms"}, handle_mechanisms_get, signed_in_gate);
  t.add({"POST", "/assignments"}, handle_assignment_create, signed_in_gate);
  t.add({"GET", "/assignments"}, handle_assignments_mine, signed_in_gate);
  t.add({"GET", "/assignments/{id}"}, handle_assignment_get, signed_in_gate);
  t.add({"POST", "/assignments/{id}/steps"}, handle_assignment_step, signed_in_gate);
  t.add({"GET", "/me/notifications"}, handle_notifications_mine, signed_in_gate);
  t.add({"POST", "/me/notifications/{id}/read"}, handle_notification_read, signed_in_gate);

  // Issue 12 item 4: activities. Any signed-in person; who may plan, take a step, note or upload
  // is decided by the flow's roles in the use case. An evidence file (at most 10 MiB, checked in
  // the use case) is the body itself, read only for a signed-in user with the CSRF token.
  t.add({"GET", "/activity-flows"}, handle_activity_flows_get, signed_in_gate);
  t.add({"POST", "/activities"}, handle_activity_create, signed_in_gate);
  t.add({"GET", "/activities"}, handle_activities_mine, signed_in_gate);
  t.add({"GET", "/activities/{id}"}, handle_activity_get, signed_in_gate);
  t.add({"GET", "/activities/{id}/steps"}, handle_activity_steps, signed_in_gate);
  t.add({"GET", "/activities/{id}/notes"}, handle_activity_notes, signed_in_gate);
  t.add({"POST", "/activities/{id}/steps"}, handle_activity_step, signed_in_gate);
  t.add({"POST", "/activities/{id}/notes"}, handle_activity_note, signed_in_gate);
  t.add({"POST", "/activities/{id}/evidence", 0, carry::kLargeBody}, handle_evidence_upload,
        signed_in_csrf_gate);
  t.add({"GET", "/evidence/{id}"}, handle_evidence_get, signed_in_gate);

  // The holiday calendar (issue 12 item 3, deadlines): read by any signed-in person, kept by the
  // administrator.
  t.add({"GET", "/holidays"}, handle_holidays_get, signed_in_gate);
  t.add({"POST", "/holidays"}, handle_holiday_create, administrator_gate);
  t.add({"DELETE", "/holidays/{id}"}, handle_holiday_delete, administrator_gate);
  t.add({"GET", "/teams/{id}/activities"}, handle_team_activities, signed_in_gate);

  // Issue 12 item 5: accountability. Any signed-in person; who may report, ask for a report or
  // escalate is decided in the use case (the team's membership, the structure, the placements).
  t.add({"POST", "/reports"}, handle_report_submit, signed_in_gate);
  t.add({"GET", "/reports/{id}"}, handle_report_get, signed_in_gate);
  t.add({"POST", "/report-requests"}, handle_report_request, signed_in_gate);
  t.add({"POST", "/escalations"}, handle_escalation_create, signed_in_gate);
  t.add({"GET", "/me/accountability"}, handle_accountability_mine, signed_in_gate);
  t.add({"GET", "/teams/{id}/accountability"}, handle_team_accountability, signed_in_gate);
  t.add({"GET", "/employees/{id}/work-results"}, handle_work_results, signed_in_gate);

  // Issue 12 item 6: letters. Issued and revoked by an administrator of the agency or by the
  // signatory (the use case decides); read by the signatory, the recipients, their appraisers and
  // the administrators; the PDF drawn on the work pool. The verification is public: it shows
  // only what the letter prints about itself, and unknown tokens are throttled per address.
  t.add({"POST", "/letters"}, handle_letter_issue, signed_in_gate);
  t.add({"GET", "/letters/{id}"}, handle_letter_get, signed_in_gate);
  t.add({"GET", "/me/letters"}, handle_letters_mine, signed_in_gate);
  t.add({"GET", "/letters/{id}.pdf", 0, carry::kHeavy}, handle_letter_pdf, signed_in_gate);
  t.add({"POST", "/letters/{id}/revoke"}, handle_letter_revoke, signed_in_gate);
  t.add({"GET", "/verifikasi/{token}"}, handle_letter_verify);
  t.add({"GET", "/agencies/{id}/letter-scheme"}, handle_letter_scheme_get, editor_gate);
  t.add({"PUT", "/agencies/{id}/letter-scheme"}, handle_letter_scheme_put, editor_gate);

  // Issue 12 item 7: the diagrams, drawn from the definitions the code runs. A mechanism's (the
  // same for everyone) for any signed-in reader; an agency kind's structure and flow shows a
  // region's rules, so it has their gate; the structure's layout runs on the work pool. Not kept by
  // the answer cache (it keeps only the Content-Type, not the SVG's policy header; a mechanism's
  // drawing is kept once drawn by app::mechanism_diagram_svg, and the rules are no registry scope).
  t.add({"GET", "/assignment-mechanisms/{key}.svg"}, handle_mechanism_diagram, signed_in_gate);
  t.add({"GET", "/regions/{id}/work-rules/structure/{key}.svg", 0, carry::kHeavy},
        handle_agency_kind_diagram, editor_gate);
}

}  // namespace tatakerja::server
