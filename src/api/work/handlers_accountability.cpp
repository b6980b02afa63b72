// Accountability (issue 12 item 5): reports, requests for a report, escalations and the accounts
// of a member's results. Thin: they read the request, call the use cases
// (app/accountability.hpp) and build the answer (docs/api.md, "Accountability"). Every route needs
// a signed-in user; the changes also the CSRF token.
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "app/accountability.hpp"
#include "work_json.hpp"

namespace tatakerja::server {
namespace {

using work_json::optional_id;
using work_json::person_ref;

json people_refs(org::OrgStore& store, const std::vector<Id>& ids) {
  json out = json::array();
  for (const Id id : ids) out.push_back(person_ref(store, id));
  return out;
}

json result_json(const work::MemberResult& m, org::OrgStore& store) {
  return {{"id", m.id},
          {"report_id", m.report_id},
          {"member", person_ref(store, m.member_employee_id)},
          {"appraiser_position_id", optional_id_json(m.appraiser_position_id)},
          {"result", m.result},
          {"created_at", m.created_at}};
}

json report_json(const app::ReportView& v, org::OrgStore& store) {
  const auto& r = v.report;
  json results = json::array();
  for (const auto& m : v.member_results) results.push_back(result_json(m, store));
  return {{"id", r.id},
          {"region_id", r.region_id},
          {"team_id", optional_id_json(r.team_id)},
          {"kind", r.kind},
          {"author", person_ref(store, r.author_employee_id)},
          {"period_start", r.period_start.iso()},
          {"period_end", r.period_end.iso()},
          {"summary", r.summary},
          {"request_id", optional_id_json(r.request_id)},
          {"recipients", people_refs(store, r.recipient_employee_ids)},
          {"member_results", std::move(results)},
          {"created_at", r.created_at}};
}

json request_json(const work::ReportRequest& rq, bool overdue, org::OrgStore& store) {
  return {{"id", rq.id},
          {"region_id", rq.region_id},
          {"team_id", optional_id_json(rq.team_id)},
          {"requester", person_ref(store, rq.requester_employee_id)},
          {"asked", person_ref(store, rq.asked_employee_id)},
          {"due", rq.due.iso()},
          {"note", rq.note},
          {"report_id", optional_id_json(rq.report_id)},
          {"overdue", overdue},
          {"created_at", rq.created_at}};
}

json escalation_json(const work::Escalation& e, org::OrgStore& store) {
  return {{"id", e.id},
          {"region_id", e.region_id},
          {"team_id", e.team_id},
          {"author", person_ref(store, e.author_employee_id)},
          {"problem", e.problem},
          {"alternatives", e.alternatives},
          {"several_units", e.several_units},
          {"recipients", people_refs(store, e.recipient_employee_ids)},
          {"created_at", e.created_at}};
}

json overview_json(const app::AccountabilityOverview& o, org::OrgStore& store) {
  json reports = json::array();
  for (const auto& r : o.reports) reports.push_back(report_json(r, store));
  json requests = json::array();
  for (std::size_t i = 0; i < o.requests.size(); ++i) {
    requests.push_back(request_json(o.requests[i], o.overdue[i], store));
  }
  json escalations = json::array();
  for (const auto& e : o.escalations) escalations.push_back(escalation_json(e, store));
  return {{"reports", std::move(reports)},
          {"requests", std::move(requests)},
          {"escalations", std::move(escalations)}};
}

std::vector<std::string> strings_of(const json& body, const char* field, std::size_t max) {
  std::vector<std::string> out;
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array() || it->size() > max) fail(ErrorCode::InvalidField, field);
  for (const auto& x : *it) {
    if (!x.is_string()) fail(ErrorCode::InvalidField, field);
    out.push_back(x.get<std::string>());
  }
  return out;
}

}  // namespace

Response handle_report_submit(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  const json body = ctx.json_body();
  app::NewReport in;
  in.kind = required_string(body, "kind", 20);
  in.team_id = optional_id(body, "team_id");
  in.period_start = required_string(body, "period_start", 10);
  in.period_end = required_string(body, "period_end", 10);
  in.summary = required_string(body, "summary", 8000);
  in.request_id = optional_id(body, "request_id");
  if (const auto it = body.find("member_results"); it != body.end() && !it->is_null()) {
    if (!it->is_array() || it->size() > 50) fail(ErrorCode::InvalidField, "member_results");
    for (const auto& m : *it) {
      if (!m.is_object()) fail(ErrorCode::InvalidField, "member_results");
      in.member_results.push_back(
          {required_id(m, "member_employee_id"), required_string(m, "result", 4000)});
    }
  }
  return json_response(report_json(app::submit_report(ctx.stores, who.user, in), ctx.store), 201);
}

Response handle_report_get(Context& ctx) {
  const auto& who = ctx.require_user();
  return json_response(report_json(app::report_view(ctx.stores, who.user, ctx.ids[0]), ctx.store));
}

Response handle_report_request(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  const json body = ctx.json_body();
  app::NewReportRequest in;
  in.asked_employee_id = required_id(body, "asked_employee_id");
  in.team_id = optional_id(body, "team_id");
  in.due = required_string(body, "due", 10);
  in.note = optional_string(body, "note", 2000).value_or("");
  const auto rq = app::request_report(ctx.stores, who.user, in);
  return json_response(request_json(rq, false, ctx.store), 201);
}

Response handle_escalation_create(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  const json body = ctx.json_body();
  app::NewEscalation in;
  in.team_id = required_id(body, "team_id");
  in.problem = required_string(body, "problem", 4000);
  in.alternatives = strings_of(body, "alternatives", 10);
  if (const auto it = body.find("several_units"); it != body.end() && !it->is_null()) {
    if (!it->is_boolean()) fail(ErrorCode::InvalidField, "several_units");
    in.several_units = it->get<bool>();
  }
  return json_response(escalation_json(app::escalate(ctx.stores, who.user, in), ctx.store), 201);
}

Response handle_accountability_mine(Context& ctx) {
  const auto& who = ctx.require_user();
  const int limit = ctx.query_number("limit", 1, 100, 25);
  return json_response(
      overview_json(app::my_accountability(ctx.stores, who.user, limit), ctx.store));
}

Response handle_team_accountability(Context& ctx) {
  const auto& who = ctx.require_user();
  const int limit = ctx.query_number("limit", 1, 100, 25);
  json j =
      overview_json(app::team_accountability(ctx.stores, who.user, ctx.ids[0], limit), ctx.store);
  j["team_id"] = ctx.ids[0];
  return json_response(j);
}

Response handle_work_results(Context& ctx) {
  const auto& who = ctx.require_user();
  const int limit = ctx.query_number("limit", 1, 200, 50);
  json items = json::array();
  for (const auto& m : app::work_results_of(ctx.stores, who.user, ctx.ids[0], limit)) {
    items.push_back(result_json(m, ctx.store));
  }
  return json_response({{"employee_id", ctx.ids[0]}, {"items", std::move(items)}});
}

}  // namespace tatakerja::server
