// What every handler shares: the one place where failures become HTTP answers, the request
// Context (session lookup, access and CSRF checks, query parameters, the JSON body), the readers of
// JSON body fields, and the JSON forms used by several endpoints.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <unordered_map>

#include "api/api.hpp"
#include "api/session_memo.hpp"
#include "app/accounts.hpp"
#include "app/error.hpp"
#include "http/request_log.hpp"
#include "org/rank.hpp"
#include "org/unit_head.hpp"
#include "storage/database.hpp"
#include "textio/decode.hpp"

namespace tatakerja::server {
namespace {

// Decodes a query component ('+' is a space); nullopt when an escape is malformed.
std::optional<std::string> decode_component(std::string_view s) {
  return percent_decode(s, true);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

// The value of cookie `name` in a Cookie header; empty when absent.
std::string_view cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    while (!header.empty() && (header.front() == ' ' || header.front() == ';'))
      header.remove_prefix(1);
    const auto end = header.find(';');
    const std::string_view pair = header.substr(0, end);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
  }
  return {};
}

bool is_change(std::string_view method) {
  return method == "POST" || method == "PATCH" || method == "DELETE" || method == "PUT";
}

bool is_editor(identity::Role r) {
  return r == identity::Role::RegistryAdmin || r == identity::Role::Administrator;
}

std::string type_error(const char* field) {
  return std::string("Isian ") + field + " tidak sah.";
}

}  // namespace

Response error_response(const Refusal& e) {
  json body = {{"error",
                {{"code", e.name()},
                 {"message", e.message()},
                 {"field", e.field() ? json(*e.field()) : json(nullptr)}}}};
  Response r = json_response(body, http_status_of(e.code()));
  if (e.retry_after()) r.set_header("Retry-After", std::to_string(*e.retry_after()));
  return r;
}

namespace {

// Logs what an answer of `refusal` hides: a busy database as a warning, a server-side failure as an
// error.
void log_refusal(const Refusal& refusal, std::string_view what, const char* context) {
  if (refusal.code() == ErrorCode::Unavailable) {
    log_warning(std::string("database busy: ") + std::string(what));
  } else if (http_status_of(refusal.code()) >= 500) {
    log_error(std::string(context) + ": " + std::string(what));
  }
}

}  // namespace

Response error_response_for_current_exception() {
  try {
    throw;
  } catch (const Refusal& e) {
    log_refusal(e, e.what(), "refusal");
    return error_response(e);
  } catch (const storage::DatabaseError& e) {
    const Refusal r = app::refusal_for(e);
    log_refusal(r, e.what(), "database error");
    return error_response(r);
  } catch (const std::exception& e) {
    log_error(std::string("unexpected exception: ") + e.what());
  } catch (...) {
    log_error("unexpected exception of unknown type");
  }
  return error_response(Refusal(ErrorCode::Internal));
}

// ---- Context ----

std::int64_t Context::now() {
  return static_cast<std::int64_t>(std::time(nullptr));
}

std::string_view Context::session_token() const {
  return cookie_value(request.header("Cookie"), "tk_session");
}

const Principal* Context::principal() {
  if (!principal_loaded_) {
    principal_loaded_ = true;
    const std::string_view token = session_token();
    if (!token.empty() && token.size() <= 256) {
      auto resumed = sessions != nullptr ? sessions->resume(stores, std::string(token), now(),
                                                            changes, SessionMemo::Clock::now())
                                         : app::resume_session(stores, std::string(token), now());
      if (resumed) principal_ = Principal{std::move(resumed->first), std::move(resumed->second)};
    }
  }
  return principal_ ? &*principal_ : nullptr;
}

const Principal& Context::require_user() {
  const Principal* p = principal();
  if (p == nullptr) fail(ErrorCode::Unauthenticated);
  return *p;
}

void Context::require_csrf(const Principal& p) const {
  const std::string_view sent = request.header("X-CSRF-Token");
  if (sent.empty() || p.session.csrf_token.empty() ||
      !constant_time_equal(sent, p.session.csrf_token))
    fail(ErrorCode::CsrfInvalid);
}

const Principal& Context::require_editor() {
  const Principal& p = require_user();
  if (is_change(request.method)) require_csrf(p);
  if (!is_editor(p.user.role)) fail(ErrorCode::Forbidden);
  return p;
}

const Principal& Context::require_administrator() {
  const Principal& p = require_user();
  if (is_change(request.method)) require_csrf(p);
  if (p.user.role != identity::Role::Administrator) fail(ErrorCode::Forbidden);
  return p;
}

std::optional<std::string> Context::query(std::string_view name) {
  if (!query_parsed_) {
    query_parsed_ = true;
    std::string_view q = request.query();
    while (!q.empty()) {
      const auto amp = q.find('&');
      const std::string_view part = q.substr(0, amp);
      q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
      if (part.empty()) continue;
      const auto eq = part.find('=');
      auto key = decode_component(part.substr(0, eq));
      auto value =
          decode_component(eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1));
      if (!key) continue;
      // A malformed escape, or bytes that are not UTF-8 (every store reads UTF-8 text; PostgreSQL
      // would refuse the query), is refused as the parameter it is.
      if (!value || !textio::is_valid_utf8(*value)) fail(ErrorCode::InvalidParameter, *key);
      query_.emplace_back(std::move(*key), std::move(*value));
    }
  }
  for (const auto& [k, v] : query_) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::optional<Id> Context::query_id(std::string_view name) {
  const auto v = query(name);
  if (!v) return std::nullopt;
  Id id = 0;
  const auto r = std::from_chars(v->data(), v->data() + v->size(), id);
  if (v->empty() || r.ec != std::errc{} || r.ptr != v->data() + v->size() || id <= 0)
    fail(ErrorCode::InvalidParameter, std::string(name));
  return id;
}

int Context::query_number(std::string_view name, int lo, int hi, int fallback) {
  const auto v = query(name);
  if (!v) return fallback;
  int n = 0;
  const auto r = std::from_chars(v->data(), v->data() + v->size(), n);
  if (v->empty() || r.ec != std::errc{} || r.ptr != v->data() + v->size() || n < lo || n > hi)
    fail(ErrorCode::InvalidParameter, std::string(name));
  return n;
}

Page Context::page() {
  Page p;
  p.limit = query_number("limit", 1, 500, p.limit);
  p.offset = query_number("offset", 0, 1000000000, p.offset);
  return p;
}

json Context::json_body() const {
  std::string_view type = request.header("Content-Type");
  const auto semi = type.find(';');
  type = type.substr(0, semi);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  std::string lower(type);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  if (lower != "application/json") fail(ErrorCode::UnsupportedMediaType);
  json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) fail(ErrorCode::MalformedJson);
  return body;
}

// ---- JSON body fields ----

std::string required_string(const json& body, const char* field, std::size_t max_length,
                            bool allow_empty) {
  const auto it = body.find(field);
  if (it == body.end() || !it->is_string()) fail(ErrorCode::InvalidField, field, type_error(field));
  std::string s = it->get<std::string>();
  if ((!allow_empty && s.find_first_not_of(" \t\r\n") == std::string::npos) ||
      s.size() > max_length)
    fail(ErrorCode::InvalidField, field, type_error(field));
  return s;
}

std::optional<std::string> optional_string(const json& body, const char* field,
                                           std::size_t max_length, bool allow_empty) {
  if (!body.contains(field)) return std::nullopt;
  return required_string(body, field, max_length, allow_empty);
}

Id required_id(const json& body, const char* field) {
  const auto it = body.find(field);
  if (it == body.end() || !it->is_number_integer())
    fail(ErrorCode::InvalidField, field, type_error(field));
  const auto id = it->get<std::int64_t>();
  if (id <= 0) fail(ErrorCode::InvalidField, field, type_error(field));
  return id;
}

std::optional<std::optional<Id>> optional_nullable_id(const json& body, const char* field) {
  const auto it = body.find(field);
  if (it == body.end()) return std::nullopt;
  if (it->is_null()) return std::optional<Id>{};
  return std::optional<Id>{required_id(body, field)};
}

Date required_date(const json& body, const char* field) {
  const auto it = body.find(field);
  if (it == body.end() || !it->is_string()) fail(ErrorCode::InvalidField, field, type_error(field));
  const auto d = parse_iso_date(it->get_ref<const std::string&>());
  if (!d)
    fail(ErrorCode::InvalidField, field,
         std::string("Isian ") + field + " harus tanggal YYYY-MM-DD.");
  return *d;
}

// ---- answers ----

Response json_response(const json& body, int status) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

Response json_text_response(std::string body, int status) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  r.body = std::move(body);
  return r;
}

json list_answer(json items, std::int64_t total, const Page& page) {
  json out = json::object();
  out["items"] = std::move(items);
  out["total"] = total;
  out["limit"] = page.limit;
  out["offset"] = page.offset;
  return out;
}

json date_or_null(const std::optional<Date>& d) {
  return d ? json(d->iso()) : json(nullptr);
}

json regulation_ref(const org::Regulation& r) {
  return {{"id", r.id},
          {"kind", r.kind},
          {"number", r.number},
          {"year", r.year ? json(*r.year) : json(nullptr)},
          {"title", r.title},
          {"date", date_or_null(r.date)},
          {"status", org::to_string(r.status)},
          {"version", r.version}};
}

std::string agency_kind_text(const std::optional<AgencyKind>& k) {
  return k ? to_string(*k) : "";
}

json agency_ref(const org::Agency& a) {
  return {{"id", a.id}, {"name", a.name}, {"kind", agency_kind_text(a.kind)}, {"type", a.type}};
}

json article_ref(const org::Article& a) {
  return {{"id", a.id}, {"label", a.label}, {"regulation_id", a.regulation_id}};
}

json user_json(const identity::User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"role", identity::to_string(u.role)},
          {"employee_id", u.employee_id ? json(*u.employee_id) : json(nullptr)},
          {"email", u.email}};
}

json placement_json(const org::Placement& p) {
  return {{"id", p.id},
          {"employee_id", p.employee_id},
          {"position_id", p.position_id},
          {"kind", org::to_string(p.kind)},
          {"start", p.start.iso()},
          {"end", date_or_null(p.end)},
          {"secondment_decree",
           p.secondment_decree.empty() ? json(nullptr) : json(p.secondment_decree)},
          {"decree_number", p.decree_number.empty() ? json(nullptr) : json(p.decree_number)},
          {"decree_date", date_or_null(p.decree_date)}};
}

json optional_id_json(const std::optional<Id>& id) {
  return id ? json(*id) : json(nullptr);
}

namespace {

json iki_row_json(const org::IkiRow& r) {
  json formula{{"kind", r.formula_kind},       {"text", r.formula_text},
               {"written", r.formula_written}, {"numerator", r.numerator},
               {"denominator", r.denominator}, {"percent", r.percent}};
  return {{"number", r.number},
          {"sasaran", r.sasaran},
          {"sasaran_carried", r.sasaran_carried},
          {"indikator", r.indikator},
          {"formula", std::move(formula)},
          {"sumber_data", r.sumber_data},
          {"first_line", r.first_line},
          {"last_line", r.last_line}};
}

// The narrowest article of `articles` whose lines hold `line`.
std::optional<Id> article_at(const std::vector<org::Article>& articles, int line) {
  const org::Article* best = nullptr;
  for (const auto& a : articles)
    if (a.first_line <= line && line <= a.last_line &&
        (!best || a.last_line - a.first_line < best->last_line - best->first_line))
      best = &a;
  return best ? std::optional<Id>(best->id) : std::nullopt;
}

}  // namespace

json iki_tables_json(org::OrgStore& store, const std::vector<org::IkiTable>& tables) {
  std::unordered_map<Id, json> regulations;
  std::unordered_map<Id, std::vector<org::Article>> articles;
  json out = json::array();
  for (const auto& t : tables) {
    auto reg = regulations.find(t.regulation_id);
    if (reg == regulations.end()) {
      const auto r = store.regulation(t.regulation_id);
      reg = regulations.emplace(t.regulation_id, r ? regulation_ref(*r) : json(nullptr)).first;
      articles.emplace(t.regulation_id, store.articles_of_regulation(t.regulation_id));
    }
    // The title as the text names the position: the answer reads the scope 'regulations' only.
    json position = nullptr;
    if (t.position_id) position = {{"id", *t.position_id}, {"title", t.position_title}};
    json rows = json::array();
    for (const auto& r : t.rows) rows.push_back(iki_row_json(r));
    out.push_back(
        {{"id", t.id},
         {"regulation", reg->second},
         {"article_id", optional_id_json(article_at(articles[t.regulation_id], t.first_line))},
         {"position", std::move(position)},
         {"position_title", t.position_title},
         {"first_line", t.first_line},
         {"last_line", t.last_line},
         {"rows", std::move(rows)}});
  }
  return out;
}

json position_page(org::OrgStore& store, const org::Position& p, bool personal) {
  json out = json::object();
  out["id"] = p.id;
  out["title"] = p.title;
  out["kind"] = to_string(p.kind);
  out["eselon"] = to_string(p.eselon);
  out["code"] = p.code;
  const auto links = store.position_links(p.id);
  auto named = [](const std::optional<org::NamedRef>& r, const char* name_key) {
    return r ? json{{"id", r->id}, {name_key, r->name}} : json(nullptr);
  };
  auto article = [](const std::optional<org::Article>& a) {
    return a ? article_ref(*a) : json(nullptr);
  };
  out["agency"] = named(links.agency, "name");
  out["unit"] = named(links.unit, "name");
  out["superior"] = named(links.superior, "title");
  out["reports_to"] = p.reports_to;
  out["appointing_authority"] = p.appointing_authority;
  out["summary"] = p.summary;
  out["functions"] = p.functions;
  out["duties"] = p.duties;
  out["work_level"] = p.work_level;
  out["appraiser"] = named(links.appraiser, "title");
  out["appraiser_outside"] = p.appraiser_outside;
  out["source_article"] = article(links.source_article);
  out["duties_article"] = article(links.duties_article);
  json subordinates = json::array();
  for (const auto& s : store.subordinates_of_position(p.id)) {
    subordinates.push_back({{"id", s.id}, {"title", s.title}, {"kind", to_string(s.kind)}});
  }
  out["subordinates"] = std::move(subordinates);
  const auto holders = store.holders_of_position(p.id);
  out["vacant"] = holders.empty();
  json kinds = json::array();
  for (const auto& h : holders) kinds.push_back(org::to_string(h.placement.kind));
  out["placement_kinds"] = std::move(kinds);
  // The position's IKI tables of the regulations in force (a replaced version's are history).
  std::vector<org::IkiTable> iki;
  for (auto& t : store.iki_tables_of_position(p.id)) {
    const auto r = store.regulation(t.regulation_id);
    if (r && (r->status == org::RegulationStatus::InForce ||
              r->status == org::RegulationStatus::PartlyRevoked))
      iki.push_back(std::move(t));
  }
  out["iki"] = iki_tables_json(store, iki);
  if (personal) {
    json hs = json::array();
    for (const auto& h : holders) {
      hs.push_back({{"employee_id", h.employee.id},
                    {"name", h.employee.name},
                    {"nip", h.employee.nip},
                    {"rank", h.employee.rank},
                    {"placement_kind", org::to_string(h.placement.kind)},
                    {"start", h.placement.start.iso()}});
    }
    out["holders"] = std::move(hs);
  } else {
    out["holders"] = nullptr;
  }
  return out;
}

json definitive_holder_json(org::OrgStore& store, Id position_id) {
  for (const auto& h : store.holders_of_position(position_id)) {
    if (h.placement.kind == org::PlacementKind::Definitive)
      return {{"employee_id", h.employee.id}, {"name", h.employee.name}};
  }
  return nullptr;
}

json employee_detail(org::OrgStore& store, const org::Employee& e) {
  json out = json::object();
  out["id"] = e.id;
  out["nip"] = e.nip;
  out["name"] = e.name;
  out["kind"] = org::to_string(e.kind);
  out["rank"] = e.rank;
  std::string rank_name;
  if (e.kind == org::EmployeeKind::Pns) {
    if (const auto r = org::pns_rank(e.rank)) rank_name = r->name;
  }
  out["rank_name"] = rank_name;
  out["birth_date"] = e.birth_date.iso();
  char appointed[16];
  std::snprintf(appointed, sizeof appointed, "%04d-%02d", e.appointed_year % 10000,
                e.appointed_month % 100);
  out["appointed"] = appointed;
  out["sex"] = e.sex == org::Sex::Female ? "perempuan" : "laki-laki";
  out["region_id"] = e.region_id;
  json placements = json::array();
  for (const auto& pl : store.placements_of_employee(e.id)) {
    json position = nullptr;
    if (const auto p = store.position(pl.position_id)) {
      const auto a = store.agency(p->agency_id);
      position = {{"id", p->id},
                  {"title", p->title},
                  {"agency_id", p->agency_id},
                  {"agency_name", a ? a->name : std::string()}};
    }
    // An acting placement in office names the position's definitive holder (null: vacant).
    json definitive = nullptr;
    if (pl.kind != org::PlacementKind::Definitive && !pl.end)
      definitive = definitive_holder_json(store, pl.position_id);
    placements.push_back(
        {{"id", pl.id},
         {"position", std::move(position)},
         {"kind", org::to_string(pl.kind)},
         {"start", pl.start.iso()},
         {"end", date_or_null(pl.end)},
         {"decree_number", pl.decree_number.empty() ? json(nullptr) : json(pl.decree_number)},
         {"decree_date", date_or_null(pl.decree_date)},
         {"definitive_holder", std::move(definitive)}});
  }
  out["placements"] = std::move(placements);
  return out;
}

json unit_json(const org::Unit& u, const std::vector<org::Position>& positions) {
  return {{"id", u.id},
          {"agency_id", u.agency_id},
          {"parent_id", optional_id_json(u.parent_id)},
          {"name", u.name},
          {"kind", to_string(u.kind)},
          {"head_position_id", optional_id_json(org::unit_head(positions, u.id))},
          {"source_article_id", optional_id_json(u.source_article)}};
}

}  // namespace tatakerja::server
