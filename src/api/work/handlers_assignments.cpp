// Assignments (penugasan; issue 12 item 3) and the in-app inbox. Thin: they read the request, call
// the use cases (app/assignments.hpp) and build the answer (docs/api.md, "Assignments"). Every
// route needs a signed-in user; the changes also the CSRF token. Who may take which step is the
// use cases' to decide (the roles of the mechanisms, resolved from the structure).
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "app/assignments.hpp"
#include "work/mechanisms.hpp"
#include "work_json.hpp"

namespace tatakerja::server {
namespace {

using work_json::optional_id;
using work_json::person_ref;
using work_json::unit_ref;

json step_json(const work::AssignmentStep& s) {
  return {
      {"id", s.id},
      {"transition", s.transition},
      {"from", s.from_state},
      {"to", s.to_state},
      {"actor", {{"employee_id", optional_id_json(s.actor_employee_id)}, {"name", s.actor_name}}},
      {"role", s.role},
      {"reason", s.reason},
      {"at", s.at}};
}

json assignment_json(const app::AssignmentView& v, org::OrgStore& store, bool with_steps) {
  const auto& a = v.assignment;
  json j = {{"id", a.id},
            {"region_id", a.region_id},
            {"mechanism", a.mechanism},
            {"mechanism_rule_id", optional_id_json(a.mechanism_rule_id)},
            {"team_id", optional_id_json(a.team_id)},
            {"owner_unit", unit_ref(store, a.owner_unit_id)},
            {"official", person_ref(store, a.official_employee_id)},
            {"official_unit", unit_ref(store, a.official_unit_id)},
            {"target_unit", unit_ref(store, a.target_unit_id)},
            {"requester", person_ref(store, a.requester_employee_id)},
            {"title", a.title},
            {"details", a.details},
            {"within_main_duties", a.within_main_duties},
            {"letter_kind", std::string(work::to_string(a.letter))},
            {"state", a.state},
            {"state_since", a.state_since},
            {"version", a.version},
            {"overdue", v.overdue},
            {"answer_days", v.answer_days},
            {"created_at", a.created_at},
            {"updated_at", a.updated_at}};
  json next = json::array();
  for (const auto& n : v.next) {
    next.push_back(
        {{"transition", n.transition}, {"role", n.role}, {"reason_required", n.reason_required}});
  }
  j["next"] = std::move(next);
  // The letter issued when it became "ditugaskan" (its page and PDF have their own readers).
  j["letter"] = v.letter
                    ? json{{"id", v.letter->id},
                           {"kind", std::string(work::to_string(v.letter->kind))},
                           {"number", v.letter->number},
                           {"date", v.letter->date.iso()},
                           {"status", std::string(work::to_string(v.letter->status))},
                           {"pdf_path", "/api/v1/letters/" + std::to_string(v.letter->id) + ".pdf"},
                           {"verification_path", "/verifikasi/" + v.letter->token}}
                    : json(nullptr);
  if (with_steps) {
    json steps = json::array();
    for (const auto& s : v.steps) steps.push_back(step_json(s));
    j["steps"] = std::move(steps);
  }
  return j;
}

json notification_json(const work::Notification& n) {
  return {{"id", n.id == 0 ? json(nullptr) : json(n.id)},
          {"assignment_id", optional_id_json(n.assignment_id)},
          {"activity_id", optional_id_json(n.activity_id)},
          {"report_id", optional_id_json(n.report_id)},
          {"report_request_id", optional_id_json(n.report_request_id)},
          {"kind", n.kind},
          {"message", n.message},
          {"created_at", n.created_at},
          {"read", !n.read_at.empty()},
          {"read_at", n.read_at.empty() ? json(nullptr) : json(n.read_at)}};
}

}  // namespace

Response handle_mechanisms_get(Context& ctx) {
  ctx.require_user();
  json items = json::array();
  for (const auto& m : work::mechanisms()) {
    json states = json::array();
    for (const auto& s : m.states) {
      states.push_back(
          {{"key", s.key}, {"label", s.label}, {"waiting", s.waiting}, {"final", s.final}});
    }
    json transitions = json::array();
    for (const auto& t : m.transitions) {
      transitions.push_back({{"from", t.from},
                             {"transition", t.name},
                             {"to", t.to},
                             {"role", t.role},
                             {"reason_required", t.reason_required},
                             {"names_official", t.names_official}});
    }
    items.push_back(
        {{"key", m.key},
         {"label", m.label},
         {"reach", m.reach},
         {"first", {{"transition", m.first_step}, {"role", m.first_role}, {"to", m.first_state}}},
         {"states", std::move(states)},
         {"transitions", std::move(transitions)}});
  }
  json roles = json::array();
  for (const auto& r : work::roles()) roles.push_back({{"key", r.key}, {"label", r.label}});
  return json_response({{"items", std::move(items)}, {"roles", std::move(roles)}});
}

Response handle_assignment_create(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  const json body = ctx.json_body();
  app::NewAssignment in;
  in.mechanism = required_string(body, "mechanism", 50);
  in.owner_unit_id = required_id(body, "owner_unit_id");
  in.official_employee_id = optional_id(body, "official_employee_id");
  in.target_unit_id = optional_id(body, "target_unit_id");
  in.team_id = optional_id(body, "team_id");
  in.title = required_string(body, "title", 300);
  in.details = optional_string(body, "details", 4000).value_or("");
  if (const auto it = body.find("within_main_duties"); it != body.end()) {
    if (!it->is_boolean()) fail(ErrorCode::InvalidField, "within_main_duties");
    in.within_main_duties = it->get<bool>();
  }
  const auto v = app::create_assignment(ctx.stores, who.user, in);
  return json_response(assignment_json(v, ctx.store, true), 201);
}

Response handle_assignment_step(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  const json body = ctx.json_body();
  app::StepInput in;
  in.transition = required_string(body, "transition", 50);
  const auto it = body.find("version");
  if (it == body.end() || !it->is_number_integer() || it->get<std::int64_t>() < 1 ||
      it->get<std::int64_t>() > 1000000) {
    fail(ErrorCode::InvalidField, "version", "Versi penugasan yang dibaca wajib diisi.");
  }
  in.version = static_cast<int>(it->get<std::int64_t>());
  in.reason = optional_string(body, "reason", 2000).value_or("");
  in.official_employee_id = optional_id(body, "official_employee_id");
  const auto v = app::take_step(ctx.stores, who.user, ctx.ids[0], in);
  return json_response(assignment_json(v, ctx.store, true));
}

Response handle_assignments_mine(Context& ctx) {
  const auto& who = ctx.require_user();
  const int limit = ctx.query_number("limit", 1, 200, 50);
  json items = json::array();
  for (const auto& v : app::my_assignments(ctx.stores, who.user, limit)) {
    items.push_back(assignment_json(v, ctx.store, false));
  }
  return json_response({{"items", std::move(items)}});
}

Response handle_assignment_get(Context& ctx) {
  const auto& who = ctx.require_user();
  return json_response(
      assignment_json(app::assignment_view(ctx.stores, who.user, ctx.ids[0]), ctx.store, true));
}

Response handle_notifications_mine(Context& ctx) {
  const auto& who = ctx.require_user();
  const int limit = ctx.query_number("limit", 1, 200, 50);
  json items = json::array();
  std::int64_t unread = 0;
  for (const auto& n : app::inbox(ctx.stores, who.user, limit)) {
    if (n.read_at.empty() && n.id != 0) ++unread;
    items.push_back(notification_json(n));
  }
  return json_response({{"items", std::move(items)}, {"unread", unread}});
}

Response handle_notification_read(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  return json_response(
      notification_json(app::mark_notification_read(ctx.stores, who.user, ctx.ids[0])));
}

}  // namespace tatakerja::server
