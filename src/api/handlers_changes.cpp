// Handlers that change the registry (admin_registri and administrator, with the CSRF header):
// employees, placements, position and unit edits (refusing moves that would make a cycle before
// anything is written), regulation preview and import, and the audit log. Each change is written
// in ONE storage::Transaction together with its audit entry (the record before and after as JSON),
// so a refused or failed request leaves nothing behind.
#include <algorithm>
#include <unordered_map>
#include <variant>

#include "api/api.hpp"
#include "app/audit.hpp"
#include "app/importer.hpp"
#include "org/hierarchy.hpp"
#include "org/nip.hpp"
#include "org/rank.hpp"
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

app::Actor actor_of(const Principal& p) {
  return app::Actor{p.user.id, p.user.username};
}

// Refuses (HIERARCHY_CYCLE on `field`) putting `self` under `parent` when `parent` is `self`'s
// descendant in the tree that `records` (positions or units of one agency) make through their
// `up` member.
template <typename Record>
void refuse_cycle(Id self, Id parent, const std::vector<Record>& records,
                  std::optional<Id> Record::*up, const char* field) {
  std::unordered_map<Id, std::optional<Id>> parent_of;
  for (const auto& r : records) parent_of.emplace(r.id, r.*up);
  if (org::creates_cycle(parent_of, self, parent)) fail(ErrorCode::HierarchyCycle, field);
}

json optional_id_json(const std::optional<Id>& id) {
  return id ? json(*id) : json(nullptr);
}

// The employee as the audit log keeps it.
std::string employee_audit(const org::Employee& e) {
  return json{{"id", e.id},     {"nip", e.nip},
              {"name", e.name}, {"kind", org::to_string(e.kind)},
              {"rank", e.rank}, {"region_id", e.region_id}}
      .dump();
}

std::string position_audit(const org::Position& p) {
  return json{{"id", p.id},
              {"title", p.title},
              {"eselon", to_string(p.eselon)},
              {"code", p.code},
              {"summary", p.summary},
              {"superior_id", optional_id_json(p.superior_id)},
              {"unit_id", optional_id_json(p.unit_id)}}
      .dump();
}

std::string unit_audit(const org::Unit& u) {
  return json{{"id", u.id}, {"name", u.name}, {"parent_id", optional_id_json(u.parent_id)}}.dump();
}

org::EmployeeKind employee_kind_field(const json& body) {
  const std::string kind = required_string(body, "kind", 10);
  const auto k = org::employee_kind_from_string(kind);
  if (!k) fail(ErrorCode::InvalidField, "kind", "Jenis pegawai harus PNS atau PPPK.");
  return *k;
}

std::string rank_field(const json& body, org::EmployeeKind kind) {
  const std::string rank = required_string(body, "rank", 60);
  auto r = org::normalize_rank(rank, kind);
  if (!r)
    fail(ErrorCode::InvalidField, "rank",
         "Pangkat/golongan tidak dikenal untuk jenis pegawai ini.");
  return std::move(*r);
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

// Counts a list the store pages but does not count, a page of 500 at a time.
template <typename F>
std::int64_t count_pages(F fetch) {
  std::int64_t total = 0;
  Page p{500, 0};
  for (;;) {
    const auto n = fetch(p);
    total += static_cast<std::int64_t>(n);
    if (n < 500) break;
    p.offset += 500;
  }
  return total;
}

}  // namespace

Response handle_employee_create(Context& ctx) {
  const auto& who = ctx.require_editor();
  const json body = ctx.json_body();
  const std::string nip_text = required_string(body, "nip", 40);
  const auto decoded = org::decode_nip(nip_text);
  if (const auto* err = std::get_if<org::NipError>(&decoded))
    fail(ErrorCode::NipInvalid, "nip", org::message(*err));
  const auto& info = std::get<org::NipInfo>(decoded);
  org::Employee e;
  e.nip = org::normalize_nip(nip_text);
  e.name = required_string(body, "name", 200);
  e.kind = employee_kind_field(body);
  e.rank = rank_field(body, e.kind);
  e.region_id = required_id(body, "region_id");
  e.birth_date = info.birth_date;
  e.appointed_year = info.appointed_year;
  e.appointed_month = info.appointed_month;
  e.sex = info.sex;
  if (!ctx.store.region(e.region_id))
    fail(ErrorCode::InvalidField, "region_id", "Daerah tidak ditemukan.");
  if (ctx.store.employee_by_nip(e.nip))
    fail(ErrorCode::Conflict, "nip", "NIP ini sudah terdaftar.");
  Transaction tx(ctx.stores.transactions);
  e.id = ctx.store.insert_employee(e);
  app::record_audit(ctx.stores, actor_of(who), "create", "employee", std::to_string(e.id), "",
                    employee_audit(e));
  tx.commit();
  return json_response(employee_detail(ctx.store, e), 201);
}

Response handle_employee_update(Context& ctx) {
  const auto& who = ctx.require_editor();
  auto e = ctx.store.employee(ctx.ids[0]);
  if (!e) fail(ErrorCode::NotFound);
  const json body = ctx.json_body();
  const std::string before = employee_audit(*e);
  if (auto name = optional_string(body, "name", 200, false)) e->name = std::move(*name);
  if (body.contains("rank")) e->rank = rank_field(body, e->kind);
  Transaction tx(ctx.stores.transactions);
  ctx.store.update_employee(*e);
  app::record_audit(ctx.stores, actor_of(who), "update", "employee", std::to_string(e->id), before,
                    employee_audit(*e));
  tx.commit();
  return json_response(employee_detail(ctx.store, *e));
}

Response handle_placement_create(Context& ctx) {
  const auto& who = ctx.require_editor();
  const json body = ctx.json_body();
  org::Placement p;
  p.employee_id = required_id(body, "employee_id");
  p.position_id = required_id(body, "position_id");
  const std::string kind = required_string(body, "kind", 20);
  const auto k = org::placement_kind_from_string(kind);
  if (!k) fail(ErrorCode::InvalidField, "kind", "Jenis penempatan harus definitif, plt atau plh.");
  p.kind = *k;
  p.start = required_date(body, "start");
  if (!ctx.store.employee(p.employee_id))
    fail(ErrorCode::InvalidField, "employee_id", "Pegawai tidak ditemukan.");
  const auto position = ctx.store.position(p.position_id);
  if (!position || position->abolished)
    fail(ErrorCode::InvalidField, "position_id", "Jabatan tidak ditemukan.");
  Transaction tx(ctx.stores.transactions);
  p.id = ctx.store.insert_placement(p);
  app::record_audit(ctx.stores, actor_of(who), "create", "placement", std::to_string(p.id), "",
                    placement_json(p).dump());
  tx.commit();
  return json_response(placement_json(p), 201);
}

Response handle_placement_end(Context& ctx) {
  const auto& who = ctx.require_editor();
  const json body = ctx.json_body();
  const Date end = required_date(body, "end");
  // Read and change in one transaction, so two requests cannot both end the same placement.
  Transaction tx(ctx.stores.transactions);
  auto placement = ctx.store.placement(ctx.ids[0]);
  if (!placement) fail(ErrorCode::NotFound);
  if (placement->end) fail(ErrorCode::Conflict, "end", "Penempatan ini sudah berakhir.");
  if (end.iso() < placement->start.iso())
    fail(ErrorCode::InvalidField, "end", "Tanggal berakhir sebelum tanggal mulai.");
  const std::string before = placement_json(*placement).dump();
  placement->end = end;
  ctx.store.end_placement(placement->id, end);
  app::record_audit(ctx.stores, actor_of(who), "update", "placement", std::to_string(placement->id),
                    before, placement_json(*placement).dump());
  tx.commit();
  return json_response(placement_json(*placement));
}

Response handle_position_update(Context& ctx) {
  const auto& who = ctx.require_editor();
  auto p = ctx.store.position(ctx.ids[0]);
  if (!p) fail(ErrorCode::NotFound);
  const json body = ctx.json_body();
  const std::string before = position_audit(*p);
  if (auto v = optional_string(body, "title", 300, false)) p->title = std::move(*v);
  if (auto v = optional_string(body, "eselon", 20)) p->eselon = eselon_field(*v);
  if (auto v = optional_string(body, "code", 60)) p->code = std::move(*v);
  if (auto v = optional_string(body, "summary", 20000)) p->summary = std::move(*v);
  bool moved = false;
  if (const auto unit = optional_nullable_id(body, "unit_id")) {
    if (*unit) {
      const auto u = ctx.store.unit(**unit);
      if (!u || u->agency_id != p->agency_id)
        fail(ErrorCode::InvalidField, "unit_id", "Unit tidak ditemukan di perangkat daerah ini.");
    }
    p->unit_id = *unit;
  }
  if (const auto superior = optional_nullable_id(body, "superior_id")) {
    if (*superior) {
      if (**superior == p->id) fail(ErrorCode::HierarchyCycle, "superior_id");
      const auto s = ctx.store.position(**superior);
      if (!s || s->agency_id != p->agency_id || s->abolished)
        fail(ErrorCode::InvalidField, "superior_id",
             "Atasan tidak ditemukan di perangkat daerah ini.");
      refuse_cycle(p->id, **superior, ctx.store.positions_of_agency(p->agency_id, true),
                   &org::Position::superior_id, "superior_id");
    }
    moved = *superior != p->superior_id;
    p->superior_id = *superior;
  }
  Transaction tx(ctx.stores.transactions);
  ctx.store.update_position(*p);
  app::record_audit(ctx.stores, actor_of(who), moved ? "move" : "update", "position",
                    std::to_string(p->id), before, position_audit(*p));
  tx.commit();
  return json_response(position_page(ctx.store, *p, true));
}

Response handle_unit_update(Context& ctx) {
  const auto& who = ctx.require_editor();
  auto u = ctx.store.unit(ctx.ids[0]);
  if (!u || u->abolished) fail(ErrorCode::NotFound);
  const json body = ctx.json_body();
  const std::string before = unit_audit(*u);
  if (auto v = optional_string(body, "name", 300, false)) u->name = std::move(*v);
  bool moved = false;
  if (const auto parent = optional_nullable_id(body, "parent_id")) {
    if (*parent) {
      if (**parent == u->id) fail(ErrorCode::HierarchyCycle, "parent_id");
      const auto pu = ctx.store.unit(**parent);
      if (!pu || pu->agency_id != u->agency_id || pu->abolished)
        fail(ErrorCode::InvalidField, "parent_id",
             "Unit induk tidak ditemukan di perangkat daerah ini.");
      refuse_cycle(u->id, **parent, ctx.store.units_of_agency(u->agency_id, true),
                   &org::Unit::parent_id, "parent_id");
    }
    moved = *parent != u->parent_id;
    u->parent_id = *parent;
  }
  Transaction tx(ctx.stores.transactions);
  ctx.store.update_unit(*u);
  app::record_audit(ctx.stores, actor_of(who), moved ? "move" : "update", "unit",
                    std::to_string(u->id), before, unit_audit(*u));
  tx.commit();
  return json_response(unit_json(*u, ctx.store.positions_of_agency(u->agency_id)));
}

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
  if (pv.agency) {
    const auto& a = *pv.agency;
    out["agency"] = {{"name", a.name},
                     {"kind", a.kind},
                     {"type", a.type},
                     {"max_bidang", a.max_bidang ? json(*a.max_bidang) : json(nullptr)},
                     {"tasks", a.tasks},
                     {"functions", a.functions},
                     {"updates_agency_id", optional_id_json(pv.updates_agency_id)}};
  } else {
    out["agency"] = nullptr;
  }
  json units = json::array();
  for (const auto& u : pv.units) {
    units.push_back({{"id", u.id},
                     {"name", u.name},
                     {"kind", to_string(u.kind)},
                     {"parent", u.parent.empty() ? json(nullptr) : json(u.parent)}});
  }
  out["units"] = std::move(units);
  json positions = json::array();
  for (const auto& p : pv.positions) {
    positions.push_back({{"id", p.id},
                         {"title", p.title},
                         {"kind", p.kind ? json(to_string(*p.kind)) : json(nullptr)},
                         {"eselon", p.eselon},
                         {"unit", p.unit.empty() ? json(nullptr) : json(p.unit)},
                         {"superior", p.superior.empty() ? json(nullptr) : json(p.superior)}});
  }
  out["positions"] = std::move(positions);
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
  json changes = json::array();
  for (const auto& c : pv.changes) {
    changes.push_back({{"kind", org::to_string(c.kind)},
                       {"position_title", c.position_title},
                       {"before", c.before},
                       {"after", c.after}});
  }
  out["changes"] = std::move(changes);
  out["already_imported"] = pv.already_imported;
  return json_response(out);
}

Response handle_regulation_import(Context& ctx) {
  const auto& who = ctx.require_editor();
  const std::string text = regulation_text(ctx);
  // import_regulation runs its own transaction, audit entry included.
  const auto r = app::import_regulation(ctx.stores, actor_of(who), text);
  return json_response({{"id", r.regulation_id}, {"created", r.created}}, r.created ? 201 : 200);
}

Response handle_audit_list(Context& ctx) {
  ctx.require_editor();
  const auto page = ctx.page();
  const auto entries = ctx.identity.audit_log(page);
  std::int64_t total = 0;
  if (entries.size() < static_cast<std::size_t>(page.limit) &&
      (!entries.empty() || page.offset == 0)) {
    total = page.offset + static_cast<std::int64_t>(entries.size());
  } else {
    total = count_pages([&](const Page& p) { return ctx.identity.audit_log(p).size(); });
  }
  const auto as_json = [](const std::string& s) -> json {
    if (s.empty()) return nullptr;
    json j = json::parse(s, nullptr, false);
    return j.is_discarded() ? json(s) : j;
  };
  json items = json::array();
  for (const auto& e : entries) {
    items.push_back({{"id", e.id},
                     {"at", e.at},
                     {"username", e.username},
                     {"action", e.action},
                     {"entity", e.entity},
                     {"entity_id", e.entity_id},
                     {"before", as_json(e.before)},
                     {"after", as_json(e.after)}});
  }
  return json_response(list_answer(std::move(items), total, page));
}

}  // namespace tatakerja::server
