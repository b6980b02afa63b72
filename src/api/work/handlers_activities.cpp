// Activities (kegiatan; issue 12 item 4). Thin: they read the request, call the use cases
// (app/activities.hpp) and build the answer (docs/api.md, "Activities"). Every route needs a
// signed-in user; the changes also the CSRF token. Who may take which step is the use cases' to
// decide (the flow's roles, resolved from the structure, the placements and the team).
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "app/activities.hpp"
#include "work/activity.hpp"
#include "work_json.hpp"

namespace tatakerja::server {
namespace {

using work_json::optional_id;
using work_json::person_ref;
using work_json::unit_ref;

// The fields every answer about an activity carries (a list's rows too).
json summary_json(const work::Activity& a, const std::string& state_label, org::OrgStore& store) {
  return {{"id", a.id},
          {"region_id", a.region_id},
          {"agency_id", a.agency_id},
          {"owner_unit", unit_ref(store, a.owner_unit_id)},
          {"team_id", optional_id_json(a.team_id)},
          {"assignment_id", optional_id_json(a.assignment_id)},
          {"executor", person_ref(store, a.executor_employee_id)},
          {"title", a.title},
          {"state", a.state},
          {"state_label", state_label},
          {"state_since", a.state_since},
          {"progress", a.progress},
          {"rework", a.rework},
          {"start", a.start.iso()},
          {"end", a.end.iso()},
          {"version", a.version},
          {"updated_at", a.updated_at}};
}

json evidence_json(const work::Evidence& e) {
  return {{"id", e.id},
          {"name", e.name},
          {"media_type", e.media_type},
          {"size", e.size},
          {"sha256", e.sha256},
          {"uploaded_by",
           {{"employee_id", optional_id_json(e.uploaded_by)}, {"name", e.uploader_name}}},
          {"at", e.at},
          {"path", "/api/v1/evidence/" + std::to_string(e.id)}};
}

json steps_json(const std::vector<work::ActivityStep>& steps) {
  json out = json::array();
  for (const auto& s : steps) {
    out.push_back(
        {{"id", s.id},
         {"transition", s.transition},
         {"from", s.from_state},
         {"to", s.to_state},
         {"actor",
          {{"employee_id", optional_id_json(s.actor_employee_id)}, {"name", s.actor_name}}},
         {"role", s.role},
         {"reason", s.reason},
         {"at", s.at}});
  }
  return out;
}

json notes_json(const std::vector<work::ActivityNote>& notes) {
  json out = json::array();
  for (const auto& n : notes) {
    out.push_back(
        {{"id", n.id},
         {"kind", n.kind},
         {"author",
          {{"employee_id", optional_id_json(n.author_employee_id)}, {"name", n.author_name}}},
         {"role", n.role},
         {"text", n.text},
         {"progress", n.progress ? json(*n.progress) : json(nullptr)},
         {"at", n.at}});
  }
  return out;
}

// One page of an activity's steps or notes, in the order written, with their total.
template <typename T>
Response history_page(Context& ctx,
                      app::HistoryPage<T> (*read)(const app::Stores&, const identity::User&,
                                                  org::Id, int, int),
                      json (*to_json)(const std::vector<T>&)) {
  const auto& who = ctx.require_user();
  const int offset = ctx.query_number("offset", 0, 1'000'000'000, 0);
  const int limit = ctx.query_number("limit", 1, app::kMaxHistoryPage, 100);
  const auto page = read(ctx.stores, who.user, ctx.ids[0], offset, limit);
  return json_response({{"activity_id", ctx.ids[0]},
                        {"offset", offset},
                        {"total", page.total},
                        {"items", to_json(page.items)}});
}

json activity_json(const app::ActivityView& v, org::OrgStore& store) {
  const auto& a = v.activity;
  json j = summary_json(a, v.state_label, store);
  j["planner"] = person_ref(store, a.planner_employee_id);
  j["agency_kind"] = a.agency_kind;
  j["target"] = a.target;
  j["details"] = a.details;
  j["budget"] = a.budget;
  j["flow"] = a.flow;
  j["created_at"] = a.created_at;
  json chain = json::array();
  for (const auto& s : v.chain) {
    chain.push_back({{"role", s.stop.role},
                     {"label", std::string(work::activity_role_label(s.stop.role))},
                     {"position_id", optional_id_json(s.stop.position_id)},
                     {"position_title", s.position_title},
                     {"people", s.people},
                     {"current", work::stop_of_state(a.state) == s.stop.role}});
  }
  j["chain"] = std::move(chain);
  json roles = json::array();
  for (const auto& r : v.roles) {
    roles.push_back({{"employee", person_ref(store, r.employee_id)}, {"role", r.role}});
  }
  j["roles"] = std::move(roles);
  j["steps"] = steps_json(v.steps);
  j["steps_total"] = v.steps_total;
  j["notes"] = notes_json(v.notes);
  j["notes_total"] = v.notes_total;
  json evidence = json::array();
  for (const auto& e : v.evidence) evidence.push_back(evidence_json(e));
  j["evidence"] = std::move(evidence);
  json next = json::array();
  for (const auto& n : v.next) {
    next.push_back({{"transition", n.transition},
                    {"role", n.role},
                    {"role_label", std::string(work::activity_role_label(n.role))},
                    {"reason_required", n.reason_required},
                    {"mine", n.mine}});
  }
  j["next"] = std::move(next);
  j["can_note"] = v.can_note;
  j["can_feedback"] = v.can_feedback;
  j["can_upload"] = v.can_upload;
  return j;
}

int required_version(const json& body) {
  const auto it = body.find("version");
  if (it == body.end() || !it->is_number_integer() || it->get<std::int64_t>() < 1 ||
      it->get<std::int64_t>() > 1000000) {
    fail(ErrorCode::InvalidField, "version", "Versi kegiatan yang dibaca wajib diisi.");
  }
  return static_cast<int>(it->get<std::int64_t>());
}

std::vector<app::NewActivityRole> roles_of(const json& body) {
  std::vector<app::NewActivityRole> out;
  const auto it = body.find("roles");
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array() || it->size() > 30) {
    fail(ErrorCode::InvalidField, "roles", "Peran: daftar berisi paling banyak 30 orang.");
  }
  for (const auto& r : *it) {
    if (!r.is_object()) fail(ErrorCode::InvalidField, "roles");
    out.push_back({required_id(r, "employee_id"), required_string(r, "role", 200)});
  }
  return out;
}

json summaries_json(const std::vector<app::ActivitySummary>& list, org::OrgStore& store) {
  json items = json::array();
  for (const auto& s : list) {
    json j = summary_json(s.activity, s.state_label, store);
    j["awaiting_me"] = s.awaiting_me;
    items.push_back(std::move(j));
  }
  return items;
}

}  // namespace

Response handle_activity_flows_get(Context& ctx) {
  ctx.require_user();
  json items = json::array();
  for (const auto* m : work::activity_flows()) {
    json states = json::array();
    for (const auto& s : m->states) {
      states.push_back(
          {{"key", s.key}, {"label", s.label}, {"waiting", s.waiting}, {"final", s.final}});
    }
    json transitions = json::array();
    for (const auto& t : m->transitions) {
      transitions.push_back({{"from", t.from},
                             {"transition", t.name},
                             {"to", t.to},
                             {"role", t.role},
                             {"role_label", std::string(work::activity_role_label(t.role))},
                             {"reason_required", t.reason_required}});
    }
    items.push_back({{"key", m->key},
                     {"first", {{"transition", m->first_step}, {"to", m->first_state}}},
                     {"states", std::move(states)},
                     {"transitions", std::move(transitions)}});
  }
  return json_response({{"items", std::move(items)}});
}

Response handle_activity_create(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  const json body = ctx.json_body();
  app::NewActivity in;
  in.owner_unit_id = optional_id(body, "owner_unit_id");
  in.team_id = optional_id(body, "team_id");
  in.assignment_id = optional_id(body, "assignment_id");
  in.executor_employee_id = optional_id(body, "executor_employee_id");
  in.title = required_string(body, "title", 300);
  in.target = optional_string(body, "target", 1000).value_or("");
  in.details = optional_string(body, "details", 4000).value_or("");
  if (const auto it = body.find("budget"); it != body.end() && !it->is_null()) {
    if (!it->is_number_integer()) {
      fail(ErrorCode::InvalidField, "budget", "Anggaran dalam rupiah (bilangan bulat).");
    }
    in.budget = it->get<std::int64_t>();
  }
  in.start = required_string(body, "start", 10);
  in.end = required_string(body, "end", 10);
  in.roles = roles_of(body);
  const auto v = app::create_activity(ctx.stores, who.user, in);
  return json_response(activity_json(v, ctx.store), 201);
}

Response handle_activities_mine(Context& ctx) {
  const auto& who = ctx.require_user();
  const int limit = ctx.query_number("limit", 1, 100, 25);
  return json_response(
      {{"items", summaries_json(app::my_activities(ctx.stores, who.user, limit), ctx.store)}});
}

Response handle_team_activities(Context& ctx) {
  const auto& who = ctx.require_user();
  const int limit = ctx.query_number("limit", 1, 200, 100);
  return json_response(
      {{"team_id", ctx.ids[0]},
       {"items",
        summaries_json(app::team_activities(ctx.stores, who.user, ctx.ids[0], limit), ctx.store)}});
}

Response handle_activity_get(Context& ctx) {
  const auto& who = ctx.require_user();
  return json_response(
      activity_json(app::activity_view(ctx.stores, who.user, ctx.ids[0]), ctx.store));
}

Response handle_activity_steps(Context& ctx) {
  return history_page<work::ActivityStep>(ctx, app::activity_steps, steps_json);
}

Response handle_activity_notes(Context& ctx) {
  return history_page<work::ActivityNote>(ctx, app::activity_notes, notes_json);
}

Response handle_activity_step(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  const json body = ctx.json_body();
  app::ActivityStepInput in;
  in.transition = required_string(body, "transition", 50);
  in.version = required_version(body);
  in.reason = optional_string(body, "reason", 2000).value_or("");
  return json_response(
      activity_json(app::take_activity_step(ctx.stores, who.user, ctx.ids[0], in), ctx.store));
}

Response handle_activity_note(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  const json body = ctx.json_body();
  app::NewNote in;
  in.kind = required_string(body, "kind", 20);
  in.text = required_string(body, "text", 4000);
  in.version = required_version(body);
  if (const auto it = body.find("progress"); it != body.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 100) {
      fail(ErrorCode::InvalidField, "progress", "Kemajuan dalam persen, 0 sampai 100.");
    }
    in.progress = static_cast<int>(it->get<std::int64_t>());
  }
  return json_response(
      activity_json(app::add_activity_note(ctx.stores, who.user, ctx.ids[0], in), ctx.store), 201);
}

Response handle_evidence_upload(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  const std::string_view type = ctx.request.header("Content-Type");
  if (type.starts_with("application/json") || type.starts_with("multipart/")) {
    fail(ErrorCode::UnsupportedMediaType, std::nullopt,
         "Kirim berkas bukti dukung apa adanya sebagai isi permintaan, namanya di ?name=.");
  }
  const auto version = ctx.query_number("version", 1, 1000000, 0);
  if (version == 0) {
    fail(ErrorCode::InvalidParameter, "version", "Versi kegiatan yang dibaca wajib diisi.");
  }
  const std::string name = ctx.query("name").value_or("");
  const auto e =
      app::add_evidence(ctx.stores, who.user, ctx.ids[0], version, name, ctx.request.body);
  return json_response(evidence_json(e), 201);
}

Response handle_evidence_get(Context& ctx) {
  const auto& who = ctx.require_user();
  auto [e, content] = app::evidence_file(ctx.stores, who.user, ctx.ids[0]);
  Response r;
  r.headers.emplace_back("Content-Type", e.media_type);
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"bukti-" + std::to_string(e.id) + "\"");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("Digest", "sha-256-hex=" + e.sha256);
  r.body = std::move(content);
  return r;
}

}  // namespace tatakerja::server
