// Activities (kegiatan; issue 12 item 4). Thin: they read the request, call the use cases
// (app/activities.hpp) and build the answer (docs/api.md, "Activities"). Every route needs a
// signed-in user; the changes also the CSRF token. Who may take which step is the use cases' to
// decide (the flow's roles, resolved from the structure, the placements and the team).
#include <nlohmann/json.hpp>

#include "activity_answer.hpp"
#include "api/api.hpp"
#include "api/json_writer.hpp"
#include "app/activities.hpp"
#include "work/activity.hpp"
#include "work_json.hpp"

namespace tatakerja::server {
namespace {

using work_json::optional_id;

// One page of an activity's steps or notes, in the order written, with their total.
template <typename T>
Response history_page(Context& ctx,
                      app::HistoryPage<T> (*read)(const app::Stores&, const identity::User&,
                                                  org::Id, int, int),
                      void (*write)(JsonWriter&, const std::vector<T>&)) {
  const auto& who = ctx.require_user();
  const int offset = ctx.query_number("offset", 0, 1'000'000'000, 0);
  const int limit = ctx.query_number("limit", 1, app::kMaxHistoryPage, 100);
  const auto page = read(ctx.stores, who.user, ctx.ids[0], offset, limit);
  JsonWriter w;
  w.begin_object().key("activity_id").value(ctx.ids[0]).key("offset").value(offset);
  w.key("total").value(page.total).key("items");
  write(w, page.items);
  w.end_object();
  return json_text_response(w.take());
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
  return json_text_response(activity_answer::activity(v, ctx.store), 201);
}

Response handle_activities_mine(Context& ctx) {
  const auto& who = ctx.require_user();
  const int limit = ctx.query_number("limit", 1, 100, 25);
  return json_text_response(
      activity_answer::summaries(app::my_activities(ctx.stores, who.user, limit), ctx.store));
}

Response handle_team_activities(Context& ctx) {
  const auto& who = ctx.require_user();
  const int limit = ctx.query_number("limit", 1, 200, 100);
  return json_text_response(activity_answer::summaries(
      app::team_activities(ctx.stores, who.user, ctx.ids[0], limit), ctx.store, ctx.ids[0]));
}

Response handle_activity_get(Context& ctx) {
  const auto& who = ctx.require_user();
  return json_text_response(
      activity_answer::activity(app::activity_view(ctx.stores, who.user, ctx.ids[0]), ctx.store));
}

Response handle_activity_steps(Context& ctx) {
  return history_page<work::ActivityStep>(ctx, app::activity_steps, activity_answer::write_steps);
}

Response handle_activity_notes(Context& ctx) {
  return history_page<work::ActivityNote>(ctx, app::activity_notes, activity_answer::write_notes);
}

Response handle_activity_step(Context& ctx) {
  const auto& who = ctx.require_user();
  ctx.require_csrf(who);
  const json body = ctx.json_body();
  app::ActivityStepInput in;
  in.transition = required_string(body, "transition", 50);
  in.version = required_version(body);
  in.reason = optional_string(body, "reason", 2000).value_or("");
  return json_text_response(
      activity_answer::step_taken(app::take_activity_step(ctx.stores, who.user, ctx.ids[0], in)));
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
  return json_text_response(
      activity_answer::activity(app::add_activity_note(ctx.stores, who.user, ctx.ids[0], in),
                                ctx.store),
      201);
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
  return json_text_response(activity_answer::evidence(e), 201);
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
