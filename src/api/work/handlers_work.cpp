// The work system's handlers (issue 12): a region's rules (viewed and changed by administrators;
// a change needs a reason) and its teams. Thin: they read the request, call the use cases
// (app/work_rules.hpp, app/teams.hpp) and build the answer (docs/api.md, "Work system").
#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "app/teams.hpp"
#include "app/work_rules.hpp"
#include "work/rules.hpp"

namespace tatakerja::server {
namespace {

json rule_json(const work::Rule& r) {
  json j = json::parse(app::rule_json_text(r));
  if (r.id == 0) j["id"] = nullptr;  // a default not stored
  return j;
}

json period_json(const work::TeamMember& m, org::OrgStore& store) {
  const auto e = store.employee(m.employee_id);
  const auto u = store.unit(m.unit_id);
  return {{"id", m.id},
          {"employee_id", m.employee_id},
          {"name", e ? e->name : ""},
          {"nip", e ? e->nip : ""},
          {"unit_id", m.unit_id},
          {"unit", u ? u->name : ""},
          {"role", std::string(work::to_string(m.role))},
          {"start", m.start.iso()},
          {"end", date_or_null(m.end)},
          {"end_reason", m.end_reason}};
}

json team_ref(const work::Team& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"kind", std::string(work::to_string(t.kind))},
          {"scope", std::string(work::to_string(t.scope))},
          {"status", std::string(work::to_string(t.status))},
          {"owner_unit_id", t.owner_unit_id},
          {"agency_id", t.agency_id},
          {"region_id", t.region_id},
          {"formed", t.formed.iso()}};
}

json team_view_json(const app::TeamView& v, org::OrgStore& store, const std::optional<Date>& on) {
  json j = team_ref(v.team);
  j["target"] = v.team.target;
  j["authority"] = {{"authority", v.team.authority},
                    {"rule_id", optional_id_json(v.team.authority_rule_id)},
                    {"source", v.authority.source},
                    {"article", v.authority.article},
                    {"default", v.authority.from_default}};
  j["decree_text"] = v.team.decree_text;
  j["warnings"] = v.warnings;
  json periods = json::array();
  for (const auto& p : v.periods) periods.push_back(period_json(p, store));
  j["periods"] = std::move(periods);
  json members = json::array();
  const auto current = on ? work::members_on(v.periods, *on) : [&] {
    std::vector<work::TeamMember> open;
    for (const auto& p : v.periods) {
      if (!p.end) open.push_back(p);
    }
    return open;
  }();
  for (const auto& p : current) members.push_back(period_json(p, store));
  j["members"] = std::move(members);
  j["members_on"] = date_or_null(on);
  return j;
}

std::vector<std::string> string_list(const json& body, const char* field) {
  const auto it = body.find(field);
  if (it == body.end() || !it->is_array()) {
    fail(ErrorCode::InvalidField, field, "Isian harus berupa daftar teks.");
  }
  std::vector<std::string> out;
  for (const auto& e : *it) {
    if (!e.is_string()) fail(ErrorCode::InvalidField, field, "Isian harus berupa daftar teks.");
    out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace

Response handle_work_rules_get(Context& ctx) {
  ctx.require_editor();
  const auto rr = app::region_rules(ctx.stores, ctx.ids[0]);
  json rules = json::array();
  for (const auto& r : rr.rules) rules.push_back(rule_json(r));
  return json_response(
      {{"region",
        {{"id", rr.region.id}, {"name", rr.region.name}, {"kind", org::to_string(rr.region.kind)}}},
       {"stored", rr.stored},
       {"rules", std::move(rules)}});
}

Response handle_work_rule_update(Context& ctx) {
  const auto& who = ctx.require_editor();
  const json body = ctx.json_body();
  app::RuleChange c;
  c.kind = required_string(body, "kind", 50);
  c.key = required_string(body, "key", 100);
  c.statement = optional_string(body, "statement", 4000);
  if (body.contains("items")) c.items = string_list(body, "items");
  c.reason = optional_string(body, "reason", 4000).value_or("");
  return json_response(
      rule_json(app::change_rule(ctx.stores, app::actor_of(who.user), ctx.ids[0], c)));
}

Response handle_teams_list(Context& ctx) {
  ctx.require_user();
  if (!ctx.store.region(ctx.ids[0])) fail(ErrorCode::NotFound);
  json items = json::array();
  for (const auto& t : ctx.stores.work.teams_of_region(ctx.ids[0])) items.push_back(team_ref(t));
  return json_response({{"items", std::move(items)}});
}

Response handle_team_create(Context& ctx) {
  const auto& who = ctx.require_editor();
  const json body = ctx.json_body();
  app::NewTeam in;
  in.name = required_string(body, "name", 300);
  const std::string kind = required_string(body, "kind", 20);
  const auto k = work::team_kind_from_string(kind);
  if (!k) fail(ErrorCode::InvalidField, "kind", "Jenis tim: \"rutin\" atau \"insidental\".");
  in.kind = *k;
  in.target = required_string(body, "target", 2000);
  in.owner_unit_id = required_id(body, "owner_unit_id");
  in.lead_employee_id = required_id(body, "lead_employee_id");
  const auto it = body.find("member_employee_ids");
  if (it != body.end()) {
    if (!it->is_array()) fail(ErrorCode::InvalidField, "member_employee_ids");
    for (const auto& e : *it) {
      if (!e.is_number_integer() || e.get<std::int64_t>() <= 0) {
        fail(ErrorCode::InvalidField, "member_employee_ids",
             "Anggota harus berupa daftar id pegawai.");
      }
      in.member_employee_ids.push_back(e.get<std::int64_t>());
    }
  }
  in.formed = required_date(body, "formed");
  const auto v = app::form_team(ctx.stores, app::actor_of(who.user), in);
  return json_response(team_view_json(v, ctx.store, std::nullopt), 201);
}

Response handle_team_get(Context& ctx) {
  ctx.require_user();
  std::optional<Date> on;
  if (const auto q = ctx.query("on")) {
    on = parse_iso_date(*q);
    if (!on) fail(ErrorCode::InvalidParameter, "on", "Tanggal harus berbentuk YYYY-MM-DD.");
  }
  return json_response(team_view_json(app::team_view(ctx.stores, ctx.ids[0]), ctx.store, on));
}

Response handle_team_lead_replace(Context& ctx) {
  const auto& who = ctx.require_editor();
  const json body = ctx.json_body();
  const Id employee = required_id(body, "employee_id");
  const Date on = required_date(body, "date");
  const std::string reason = optional_string(body, "reason", 2000).value_or("");
  const auto v =
      app::replace_lead(ctx.stores, app::actor_of(who.user), ctx.ids[0], employee, on, reason);
  return json_response(team_view_json(v, ctx.store, std::nullopt));
}

}  // namespace tatakerja::server
