// Handlers that change the registry (admin_registri and administrator, with the CSRF header):
// employees, placements, position and unit edits, regulation preview and import, and the audit
// log. They read the request into the use case's input and answer with its result; the use cases
// (app/registry_changes.hpp, app/importer.hpp) check the records, refuse cycles, and write each
// change with its audit entry in one transaction, so a refused or failed request leaves nothing
// behind.
#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "api/api.hpp"
#include "app/audit.hpp"
#include "app/importer.hpp"
#include "app/registry_changes.hpp"
#include "app/structure_change_json.hpp"
#include "core/text.hpp"
#include "textio/decode.hpp"

namespace tatakerja::server {
namespace {

// An eselon as a request gives it: "" clears it; anything that is not an eselon is refused.
std::optional<Eselon> eselon_field(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto e = Eselon::parse(text);
  if (!e)
    fail(ErrorCode::InvalidField, "eselon", "Eselon tidak sah; tulis misalnya III.a atau IV.b.");
  return e;
}

// The account with its scope (app/scope.hpp: a scoped registry administrator's changes outside
// the scope are OUT_OF_SCOPE).
app::Actor actor_of(const Principal& p) {
  return app::actor_of(p.user);
}

// A position's duties (uraian tugas) as a request gives them: a list of at most 200 texts, none
// blank and none over 2,000 bytes.
std::vector<std::string> duties_field(const json& body) {
  constexpr std::size_t kMaxDuties = 200;
  constexpr std::size_t kMaxDutyBytes = 2000;
  const json& d = body["duties"];
  if (!d.is_array() || d.size() > kMaxDuties)
    fail(ErrorCode::InvalidField, "duties",
         "Uraian tugas harus berupa daftar teks, paling banyak 200 butir.");
  std::vector<std::string> out;
  for (const auto& x : d) {
    if (!x.is_string() || text::trim(x.get<std::string>()).empty() ||
        x.get<std::string>().size() > kMaxDutyBytes)
      fail(ErrorCode::InvalidField, "duties",
           "Setiap butir uraian tugas harus berisi teks, paling banyak 2000 byte.");
    out.push_back(x.get<std::string>());
  }
  return out;
}

org::EmployeeKind employee_kind_field(const json& body) {
  const std::string kind = required_string(body, "kind", 10);
  const auto k = org::employee_kind_from_string(kind);
  if (!k) fail(ErrorCode::InvalidField, "kind", "Jenis pegawai harus PNS atau PPPK.");
  return *k;
}

org::PlacementKind placement_kind_field(const json& body) {
  const std::string kind = required_string(body, "kind", 20);
  const auto k = org::placement_kind_from_string(kind);
  if (!k) fail(ErrorCode::InvalidField, "kind", "Jenis penempatan harus definitif, plt atau plh.");
  return *k;
}

// The text body of a regulation import or preview.
std::string regulation_text(Context& ctx) {
  const std::string_view type = ctx.request.header("Content-Type");
  if (type.starts_with("application/json") || type.starts_with("multipart/"))
    fail(ErrorCode::UnsupportedMediaType, std::nullopt,
         "Kirim naskah peraturan sebagai text/plain.");
  if (ctx.request.body.find_first_not_of(" \t\r\n") == std::string::npos)
    fail(ErrorCode::InvalidField, "text", "Naskah peraturan kosong.");
  // The same conversion as `tatakerja import`: UTF-8, UTF-16 with a byte-order mark and
  // Windows-1252 are accepted; binary data is refused.
  auto decoded = textio::decode_text(ctx.request.body);
  if (const auto* e = std::get_if<textio::ReadError>(&decoded))
    fail(ErrorCode::InvalidField, "text", e->message);
  return std::move(std::get<textio::DecodedText>(decoded).text);
}

}  // namespace

Response handle_employee_create(Context& ctx) {
  const auto& who = ctx.require_editor();
  const json body = ctx.json_body();
  app::NewEmployee input;
  input.nip = required_string(body, "nip", 40);
  input.name = required_string(body, "name", 200);
  input.kind = employee_kind_field(body);
  input.rank = required_string(body, "rank", 60);
  input.region_id = required_id(body, "region_id");
  const auto e = app::create_employee(ctx.stores, actor_of(who), input);
  return json_response(employee_detail(ctx.store, e), 201);
}

Response handle_employee_update(Context& ctx) {
  const auto& who = ctx.require_editor();
  if (!ctx.store.employee(ctx.ids[0])) fail(ErrorCode::NotFound);
  const json body = ctx.json_body();
  app::EmployeeEdit edit;
  edit.name = optional_string(body, "name", 200, false);
  if (body.contains("rank")) edit.rank = required_string(body, "rank", 60);
  const auto e = app::update_employee(ctx.stores, actor_of(who), ctx.ids[0], edit);
  return json_response(employee_detail(ctx.store, e));
}

Response handle_placement_create(Context& ctx) {
  const auto& who = ctx.require_editor();
  const json body = ctx.json_body();
  org::Placement p;
  p.employee_id = required_id(body, "employee_id");
  p.position_id = required_id(body, "position_id");
  p.kind = placement_kind_field(body);
  p.start = required_date(body, "start");
  p.secondment_decree = optional_string(body, "secondment_decree", 200).value_or("");
  p.decree_number = optional_string(body, "decree_number", 200).value_or("");
  if (body.contains("decree_date") && !body["decree_date"].is_null())
    p.decree_date = required_date(body, "decree_date");
  return json_response(placement_json(app::place_employee(ctx.stores, actor_of(who), p)), 201);
}

Response handle_placement_end(Context& ctx) {
  const auto& who = ctx.require_editor();
  const json body = ctx.json_body();
  const Date end = required_date(body, "end");
  return json_response(
      placement_json(app::end_placement(ctx.stores, actor_of(who), ctx.ids[0], end)));
}

Response handle_placement_move(Context& ctx) {
  const auto& who = ctx.require_editor();
  const json body = ctx.json_body();
  app::PlacementMove move;
  move.position_id = required_id(body, "position_id");
  move.start = required_date(body, "start");
  if (body.contains("kind")) move.kind = placement_kind_field(body);
  move.secondment_decree = optional_string(body, "secondment_decree", 200);
  move.decree_number = optional_string(body, "decree_number", 200).value_or("");
  if (body.contains("decree_date") && !body["decree_date"].is_null())
    move.decree_date = required_date(body, "decree_date");
  const auto moved = app::move_placement(ctx.stores, actor_of(who), ctx.ids[0], move);
  return json_response(
      {{"ended", placement_json(moved.ended)}, {"placement", placement_json(moved.placed)}}, 201);
}

Response handle_position_update(Context& ctx) {
  const auto& who = ctx.require_editor();
  if (!ctx.store.position(ctx.ids[0])) fail(ErrorCode::NotFound);
  const json body = ctx.json_body();
  app::PositionEdit edit;
  edit.title = optional_string(body, "title", 300, false);
  if (auto v = optional_string(body, "eselon", 20)) edit.eselon = eselon_field(*v);
  edit.code = optional_string(body, "code", 60);
  edit.summary = optional_string(body, "summary", 20000);
  if (body.contains("duties")) edit.duties = duties_field(body);
  edit.unit_id = optional_nullable_id(body, "unit_id");
  edit.superior_id = optional_nullable_id(body, "superior_id");
  const auto p = app::update_position(ctx.stores, actor_of(who), ctx.ids[0], edit);
  return json_response(position_page(ctx.store, p, true));
}

Response handle_unit_update(Context& ctx) {
  const auto& who = ctx.require_editor();
  const auto existing = ctx.store.unit(ctx.ids[0]);
  if (!existing || existing->abolished) fail(ErrorCode::NotFound);
  const json body = ctx.json_body();
  app::UnitEdit edit;
  edit.name = optional_string(body, "name", 300, false);
  edit.parent_id = optional_nullable_id(body, "parent_id");
  const auto u = app::update_unit(ctx.stores, actor_of(who), ctx.ids[0], edit);
  return json_response(unit_json(u, ctx.store.positions_of_agency(u.agency_id)));
}

namespace {

json preview_agency_json(const regulation::Agency& a, std::optional<org::Id> updates) {
  return {{"name", a.name},
          {"kind", a.kind},
          {"type", a.type},
          {"max_bidang", a.max_bidang ? json(*a.max_bidang) : json(nullptr)},
          {"tasks", a.tasks},
          {"functions", a.functions},
          {"updates_agency_id", optional_id_json(updates)}};
}

json preview_units_json(const std::vector<regulation::Unit>& units) {
  json out = json::array();
  for (const auto& u : units) {
    out.push_back({{"id", u.id},
                   {"name", u.name},
                   {"kind", to_string(u.kind)},
                   {"parent", u.parent.empty() ? json(nullptr) : json(u.parent)}});
  }
  return out;
}

json preview_positions_json(const std::vector<regulation::Position>& positions) {
  json out = json::array();
  for (const auto& p : positions) {
    out.push_back({{"id", p.id},
                   {"title", p.title},
                   {"kind", p.kind ? json(to_string(*p.kind)) : json(nullptr)},
                   {"eselon", p.eselon},
                   {"unit", p.unit.empty() ? json(nullptr) : json(p.unit)},
                   {"superior", p.superior.empty() ? json(nullptr) : json(p.superior)}});
  }
  return out;
}

}  // namespace

namespace {

// What an amending text does (app::AmendmentOutcome): the regulation it names, as stored (null:
// not in the registry, nothing applied), the steps applied and not, the new version (import) and
// the positions' changes.
json amendment_json(const app::AmendmentOutcome& a) {
  json cited = {{"kind", a.cited.kind}, {"number", a.cited.number}, {"title", a.cited.title}};
  cited["year"] = a.cited.year ? json(*a.cited.year) : json(nullptr);
  return {{"cited", std::move(cited)},
          {"amended", a.amended ? regulation_ref(*a.amended) : json(nullptr)},
          {"applied", a.applied},
          {"not_applied", a.not_applied},
          {"new_version_id", optional_id_json(a.new_version_id)},
          {"changes", app::structure_changes_json(a.changes)}};
}

}  // namespace

Response handle_regulation_preview(Context& ctx) {
  ctx.require_editor();
  const std::string text = regulation_text(ctx);
  const auto pv = app::preview_import(ctx.stores, text);
  const auto& f = pv.regulation;
  json out = json::object();
  out["regulation"] = {
      {"kind", f.kind},   {"number", f.number}, {"year", f.year ? json(*f.year) : json(nullptr)},
      {"title", f.title}, {"region", f.region}, {"date", date_or_null(f.date)},
      {"place", f.place}, {"sha256", pv.sha256}};
  out["region"] = {{"name", pv.region_name},
                   {"code", pv.region_code},
                   {"kind", pv.region_kind ? json(org::to_string(*pv.region_kind)) : json(nullptr)},
                   {"exists", pv.region_exists},
                   {"id", optional_id_json(pv.region_id)}};
  out["agency"] = pv.agency ? preview_agency_json(*pv.agency, pv.updates_agency_id) : json(nullptr);
  out["units"] = preview_units_json(pv.units);
  out["positions"] = preview_positions_json(pv.positions);
  json more = json::array();
  for (std::size_t k = 0; k < pv.more_agencies.size(); ++k) {
    const auto& m = pv.more_agencies[k];
    more.push_back({{"agency", preview_agency_json(m.agency, pv.more_updates_agency_ids[k])},
                    {"units", preview_units_json(m.units)},
                    {"positions", preview_positions_json(m.positions)}});
  }
  out["more_agencies"] = std::move(more);
  json findings = json::array();
  for (const auto& x : pv.findings) {
    findings.push_back({{"code", x.code},
                        {"severity", to_string(x.severity)},
                        {"line", x.line},
                        {"message", x.message}});
  }
  out["findings"] = std::move(findings);
  json revokes = json::array();
  for (const auto& r : pv.revokes) revokes.push_back(regulation_ref(r.regulation));
  out["revokes"] = std::move(revokes);
  out["changes"] = app::structure_changes_json(pv.changes);
  out["already_imported"] = pv.already_imported;
  out["previous_version"] =
      pv.previous_version ? regulation_ref(*pv.previous_version) : json(nullptr);
  out["amendment"] = pv.amendment ? amendment_json(*pv.amendment) : json(nullptr);
  return json_response(out);
}

Response handle_regulation_import(Context& ctx) {
  const auto& who = ctx.require_editor();
  const std::string text = regulation_text(ctx);
  // import_regulation runs its own transaction, audit entry included.
  const auto r = app::import_regulation(ctx.stores, actor_of(who), text);
  return json_response({{"id", r.regulation_id},
                        {"created", r.created},
                        {"previous_version_id", optional_id_json(r.previous_version_id)},
                        {"amendment", r.amendment ? amendment_json(*r.amendment) : json(nullptr)}},
                       r.created ? 201 : 200);
}

}  // namespace tatakerja::server
