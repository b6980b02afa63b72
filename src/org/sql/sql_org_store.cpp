// The registry's SQL, written once for SQLite and PostgreSQL: only `?` parameters (the values are
// never formatted into the text), portable constructs (INSERT ... RETURNING, LIMIT/OFFSET,
// INTERSECT, correlated subqueries), integers for booleans, ISO 8601 text for dates and times, JSON
// text arrays for the string lists. Each read maps the columns back into the model's records;
// a text that does not name a known enumeration value is reported as a DatabaseError.
#include "org/sql_org_store.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <unordered_map>

#include "org/people_search.hpp"
#include "org/unit_head.hpp"
#include "storage/drivers.hpp"
#include "storage/sql_rows.hpp"

namespace tatakerja::org {

using storage::Connection;
using storage::Dialect;
using storage::Row;
using storage::Value;
using storage::sql::all;
using storage::sql::first;
using storage::sql::inserted_id;
using storage::sql::integer;
using storage::sql::opt;
using storage::sql::opt_int;
using storage::sql::require;
using storage::sql::select;
using storage::sql::to_int;
namespace detail = storage::detail;
namespace {

using org::Agency;
using org::Article;
using org::Employee;
using org::Placement;
using org::Position;
using org::Region;
using org::Regulation;
using org::StoredFinding;
using org::StructureChange;
using org::Unit;

Value opt_date(const std::optional<Date>& d) {
  return d ? Value{d->iso()} : Value{};
}
// "2023-12-29" -> Date; a text of another shape (never written by this store) gives {0, 0, 0}.
Date stored_date(const std::string& s) {
  return parse_iso_date(s).value_or(Date{});
}
std::optional<Date> optional_date(const Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return stored_date(r.text(i));
}

std::string json_list(const std::vector<std::string>& items) {
  return nlohmann::json(items).dump();
}
std::vector<std::string> parse_list(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& item : j) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

// An agency's kind as stored: its name, or "" when the regulation does not say.
std::string kind_text(const std::optional<AgencyKind>& k) {
  return k ? to_string(*k) : "";
}

std::optional<org::ChangeKind> change_kind_from_string(std::string_view s) {
  using org::ChangeKind;
  for (auto k : {ChangeKind::Added, ChangeKind::Removed, ChangeKind::Renamed, ChangeKind::Regraded,
                 ChangeKind::Moved, ChangeKind::DutiesChanged}) {
    if (s == org::to_string(k)) return k;
  }
  return std::nullopt;
}

// Column lists and their readers; `o` is the index of the first column in the row.
constexpr const char* kRegionCols = "id, code, name, kind";
Region read_region(const Row& r, std::size_t o) {
  Region x;
  x.id = r.integer(o);
  x.code = r.text(o + 1);
  x.name = r.text(o + 2);
  x.kind = require(org::region_kind_from_string(r.text(o + 3)), "region kind", r.text(o + 3));
  return x;
}

constexpr const char* kRegulationCols =
    "id, region_id, kind, number, year, title, date, sha256, status, revoked_by, revoked_articles, "
    "imported_at, version";
Regulation read_regulation(const Row& r, std::size_t o) {
  Regulation x;
  x.id = r.integer(o);
  x.region_id = r.integer(o + 1);
  x.kind = r.text(o + 2);
  x.number = r.text(o + 3);
  if (!r.is_null(o + 4)) x.year = to_int(r, o + 4);
  x.title = r.text(o + 5);
  x.date = optional_date(r, o + 6);
  x.sha256 = r.text(o + 7);
  x.status = require(org::regulation_status_from_string(r.text(o + 8)), "regulation status",
                     r.text(o + 8));
  x.revoked_by = r.optional_integer(o + 9);
  x.revoked_articles = parse_list(r.text(o + 10));
  x.imported_at = r.text(o + 11);
  x.version = to_int(r, o + 12);
  return x;
}

constexpr const char* kArticleCols =
    "id, regulation_id, label, path, first_line, last_line, text, ordinal";
Article read_article(const Row& r, std::size_t o) {
  Article x;
  x.id = r.integer(o);
  x.regulation_id = r.integer(o + 1);
  x.label = r.text(o + 2);
  x.path = r.text(o + 3);
  x.first_line = to_int(r, o + 4);
  x.last_line = to_int(r, o + 5);
  x.text = r.text(o + 6);
  x.ordinal = to_int(r, o + 7);
  return x;
}

constexpr const char* kFindingCols = "id, regulation_id, code, severity, line, message";
StoredFinding read_finding(const Row& r, std::size_t o) {
  StoredFinding x;
  x.id = r.integer(o);
  x.regulation_id = r.integer(o + 1);
  x.code = r.text(o + 2);
  x.severity = r.text(o + 3);
  x.line = to_int(r, o + 4);
  x.message = r.text(o + 5);
  return x;
}

constexpr const char* kAgencyCols =
    "id, region_id, regulation_id, name, kind, type, max_bidang, tasks, functions, source_article";
Agency read_agency(const Row& r, std::size_t o) {
  Agency x;
  x.id = r.integer(o);
  x.region_id = r.integer(o + 1);
  x.regulation_id = r.integer(o + 2);
  x.name = r.text(o + 3);
  x.kind = agency_kind_from_string(r.text(o + 4));
  x.type = r.text(o + 5);
  if (!r.is_null(o + 6)) x.max_bidang = to_int(r, o + 6);
  x.tasks = r.text(o + 7);
  x.functions = parse_list(r.text(o + 8));
  x.source_article = r.optional_integer(o + 9);
  return x;
}

constexpr const char* kUnitCols =
    "id, agency_id, parent_id, name, kind, source_article, ordinal, abolished";
constexpr std::size_t kUnitColCount = 8;
Unit read_unit(const Row& r, std::size_t o) {
  Unit x;
  x.id = r.integer(o);
  x.agency_id = r.integer(o + 1);
  x.parent_id = r.optional_integer(o + 2);
  x.name = r.text(o + 3);
  x.kind = require(org::unit_kind_from_string(r.text(o + 4)), "unit kind", r.text(o + 4));
  x.source_article = r.optional_integer(o + 5);
  x.ordinal = to_int(r, o + 6);
  x.abolished = r.integer(o + 7) != 0;
  return x;
}

constexpr const char* kPositionCols =
    "id, agency_id, unit_id, superior_id, title, kind, eselon, code, reports_to, "
    "appointing_authority, summary, functions, duties, source_article, duties_article, "
    "work_level, appraiser_id, appraiser_outside, abolished, ordinal";
Position read_position(const Row& r, std::size_t o) {
  Position x;
  x.id = r.integer(o);
  x.agency_id = r.integer(o + 1);
  x.unit_id = r.optional_integer(o + 2);
  x.superior_id = r.optional_integer(o + 3);
  x.title = r.text(o + 4);
  x.kind = require(org::position_kind_from_string(r.text(o + 5)), "position kind", r.text(o + 5));
  x.eselon = Eselon::parse(r.text(o + 6));
  x.code = r.text(o + 7);
  x.reports_to = r.text(o + 8);
  x.appointing_authority = r.text(o + 9);
  x.summary = r.text(o + 10);
  x.functions = parse_list(r.text(o + 11));
  x.duties = parse_list(r.text(o + 12));
  x.source_article = r.optional_integer(o + 13);
  x.duties_article = r.optional_integer(o + 14);
  x.work_level = to_int(r, o + 15);
  x.appraiser_id = r.optional_integer(o + 16);
  x.appraiser_outside = r.text(o + 17);
  x.abolished = r.integer(o + 18) != 0;
  x.ordinal = to_int(r, o + 19);
  return x;
}

constexpr const char* kEmployeeCols =
    "e.id, e.region_id, e.nip, e.name, e.kind, e.birth_date, e.appointed_year, e.appointed_month, "
    "e.sex, e.rank";
constexpr std::size_t kEmployeeColCount = 10;
Employee read_employee(const Row& r, std::size_t o) {
  Employee x;
  x.id = r.integer(o);
  x.region_id = r.integer(o + 1);
  x.nip = r.text(o + 2);
  x.name = r.text(o + 3);
  x.kind = require(org::employee_kind_from_string(r.text(o + 4)), "employee kind", r.text(o + 4));
  x.birth_date = stored_date(r.text(o + 5));
  x.appointed_year = to_int(r, o + 6);
  x.appointed_month = to_int(r, o + 7);
  x.sex = r.integer(o + 8) == 2 ? org::Sex::Female : org::Sex::Male;
  x.rank = r.text(o + 9);
  return x;
}

constexpr const char* kPlacementCols =
    "pl.id, pl.employee_id, pl.position_id, pl.start_date, pl.kind, pl.end_date, "
    "pl.secondment_decree, pl.decree_number, pl.decree_date";
constexpr std::size_t kPlacementColCount = 9;
Placement read_placement(const Row& r, std::size_t o) {
  Placement x;
  x.id = r.integer(o);
  x.employee_id = r.integer(o + 1);
  x.position_id = r.integer(o + 2);
  x.start = stored_date(r.text(o + 3));
  x.kind = require(org::placement_kind_from_string(r.text(o + 4)), "placement kind", r.text(o + 4));
  x.end = optional_date(r, o + 5);
  x.secondment_decree = r.text(o + 6);
  x.decree_number = r.text(o + 7);
  x.decree_date = optional_date(r, o + 8);
  return x;
}

constexpr const char* kChangeCols =
    "id, agency_id, old_regulation_id, new_regulation_id, kind, position_title, before_value, "
    "after_value";
StructureChange read_change(const Row& r, std::size_t o) {
  StructureChange x;
  x.id = r.integer(o);
  x.agency_id = r.integer(o + 1);
  x.old_regulation_id = r.integer(o + 2);
  x.new_regulation_id = r.integer(o + 3);
  x.kind = require(change_kind_from_string(r.text(o + 4)), "change kind", r.text(o + 4));
  x.position_title = r.text(o + 5);
  x.before = r.text(o + 6);
  x.after = r.text(o + 7);
  return x;
}

}  // namespace

// ---- Regions -------------------------------------------------------------------------------

Id SqlOrgStore::insert_region(const Region& r) {
  return inserted_id(c_, "INSERT INTO regions (code, name, kind) VALUES (?, ?, ?) RETURNING id",
                     {r.code, r.name, std::string(org::to_string(r.kind))});
}

std::optional<Region> SqlOrgStore::region(Id id) {
  return first<Region>(c_.query(select(kRegionCols, "FROM regions WHERE id = ?"), {id}),
                       read_region);
}

std::optional<Region> SqlOrgStore::region_by_code(const std::string& code) {
  return first<Region>(c_.query(select(kRegionCols, "FROM regions WHERE code = ?"), {code}),
                       read_region);
}

std::vector<Region> SqlOrgStore::regions() {
  return all<Region>(c_.query(select(kRegionCols, "FROM regions ORDER BY name, id")), read_region);
}

// ---- Regulations, articles, findings ---------------------------------------------------------

Id SqlOrgStore::insert_regulation(const Regulation& r, const std::string& text) {
  Id id = inserted_id(
      c_,
      "INSERT INTO regulations (region_id, kind, number, year, title, date, sha256, status, "
      "revoked_by, revoked_articles, imported_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, "
      "?) RETURNING id",
      {r.region_id, r.kind, r.number, opt_int(r.year), r.title, opt_date(r.date), r.sha256,
       std::string(org::to_string(r.status)), opt(r.revoked_by), json_list(r.revoked_articles),
       r.imported_at.empty() ? detail::now_iso8601() : r.imported_at, integer(r.version)});
  c_.execute("INSERT INTO regulation_texts (regulation_id, text) VALUES (?, ?)", {id, text});
  return id;
}

std::optional<Regulation> SqlOrgStore::regulation(Id id) {
  return first<Regulation>(c_.query(select(kRegulationCols, "FROM regulations WHERE id = ?"), {id}),
                           read_regulation);
}

std::optional<Regulation> SqlOrgStore::regulation_by_sha256(const std::string& sha256) {
  return first<Regulation>(
      c_.query(select(kRegulationCols, "FROM regulations WHERE sha256 = ?"), {sha256}),
      read_regulation);
}

std::optional<Regulation> SqlOrgStore::find_regulation(Id region_id, const std::string& kind,
                                                       const std::string& number, int year) {
  return first<Regulation>(
      c_.query(select(kRegulationCols,
                      "FROM regulations WHERE region_id = ? AND kind = ? AND number = ? AND "
                      "year = ? ORDER BY id DESC LIMIT 1"),
               {region_id, kind, number, integer(year)}),
      read_regulation);
}

std::vector<Regulation> SqlOrgStore::regulations_of_region(Id region_id) {
  return all<Regulation>(
      c_.query(select(kRegulationCols, "FROM regulations WHERE region_id = ? ORDER BY id"),
               {region_id}),
      read_regulation);
}

std::optional<std::string> SqlOrgStore::regulation_text(Id regulation_id) {
  auto rows =
      c_.query("SELECT text FROM regulation_texts WHERE regulation_id = ?", {regulation_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

void SqlOrgStore::update_regulation_status(const Regulation& r) {
  c_.execute("UPDATE regulations SET status = ?, revoked_by = ?, revoked_articles = ? WHERE id = ?",
             {std::string(org::to_string(r.status)), opt(r.revoked_by),
              json_list(r.revoked_articles), r.id});
}

Id SqlOrgStore::insert_article(const Article& a) {
  return inserted_id(c_,
                     "INSERT INTO articles (regulation_id, label, path, first_line, last_line, "
                     "text, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {a.regulation_id, a.label, a.path, integer(a.first_line), integer(a.last_line),
                      a.text, integer(a.ordinal)});
}

std::optional<Article> SqlOrgStore::article(Id id) {
  return first<Article>(c_.query(select(kArticleCols, "FROM articles WHERE id = ?"), {id}),
                        read_article);
}

std::vector<Article> SqlOrgStore::articles_of_regulation(Id regulation_id) {
  return all<Article>(
      c_.query(select(kArticleCols, "FROM articles WHERE regulation_id = ? ORDER BY ordinal, id"),
               {regulation_id}),
      read_article);
}

Id SqlOrgStore::insert_finding(const StoredFinding& f) {
  return inserted_id(c_,
                     "INSERT INTO findings (regulation_id, code, severity, line, message) VALUES "
                     "(?, ?, ?, ?, ?) RETURNING id",
                     {f.regulation_id, f.code, f.severity, integer(f.line), f.message});
}

std::vector<StoredFinding> SqlOrgStore::findings_of_regulation(Id regulation_id) {
  return all<StoredFinding>(
      c_.query(select(kFindingCols, "FROM findings WHERE regulation_id = ? ORDER BY line, id"),
               {regulation_id}),
      read_finding);
}

// ---- Agencies, units, positions --------------------------------------------------------------

Id SqlOrgStore::insert_agency(const Agency& a) {
  return inserted_id(
      c_,
      "INSERT INTO agencies (region_id, regulation_id, name, kind, type, "
      "max_bidang, tasks, functions, source_article) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "?, ?) RETURNING id",
      {a.region_id, a.regulation_id, a.name, kind_text(a.kind), a.type, opt_int(a.max_bidang),
       a.tasks, json_list(a.functions), opt(a.source_article)});
}

void SqlOrgStore::update_agency(const Agency& a) {
  c_.execute(
      "UPDATE agencies SET region_id = ?, regulation_id = ?, name = ?, kind = ?, type = ?, "
      "max_bidang = ?, tasks = ?, functions = ?, source_article = ? WHERE id = ?",
      {a.region_id, a.regulation_id, a.name, kind_text(a.kind), a.type, opt_int(a.max_bidang),
       a.tasks, json_list(a.functions), opt(a.source_article), a.id});
}

std::optional<Agency> SqlOrgStore::agency(Id id) {
  return first<Agency>(c_.query(select(kAgencyCols, "FROM agencies WHERE id = ?"), {id}),
                       read_agency);
}

std::optional<Agency> SqlOrgStore::agency_by_name(Id region_id, const std::string& name) {
  return first<Agency>(
      c_.query(
          select(kAgencyCols, "FROM agencies WHERE region_id = ? AND name = ? ORDER BY id LIMIT 1"),
          {region_id, name}),
      read_agency);
}

std::vector<Agency> SqlOrgStore::agencies_of_region(Id region_id) {
  return all<Agency>(
      c_.query(select(kAgencyCols, "FROM agencies WHERE region_id = ? ORDER BY name, id"),
               {region_id}),
      read_agency);
}

Id SqlOrgStore::insert_unit(const Unit& u) {
  return inserted_id(c_,
                     "INSERT INTO units (agency_id, parent_id, name, kind, source_article, "
                     "ordinal, abolished) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {u.agency_id, opt(u.parent_id), u.name, std::string(to_string(u.kind)),
                      opt(u.source_article), integer(u.ordinal), integer(u.abolished ? 1 : 0)});
}

void SqlOrgStore::update_unit(const Unit& u) {
  c_.execute(
      "UPDATE units SET agency_id = ?, parent_id = ?, name = ?, kind = ?, source_article = ?, "
      "ordinal = ?, abolished = ? WHERE id = ?",
      {u.agency_id, opt(u.parent_id), u.name, std::string(to_string(u.kind)), opt(u.source_article),
       integer(u.ordinal), integer(u.abolished ? 1 : 0), u.id});
}

std::optional<Unit> SqlOrgStore::unit(Id id) {
  return first<Unit>(c_.query(select(kUnitCols, "FROM units WHERE id = ?"), {id}), read_unit);
}

std::vector<Unit> SqlOrgStore::units_of_agency(Id agency_id, bool include_abolished) {
  return all<Unit>(
      c_.query(select(kUnitCols, include_abolished
                                     ? "FROM units WHERE agency_id = ? ORDER BY ordinal, id"
                                     : "FROM units WHERE agency_id = ? AND abolished = 0 ORDER "
                                       "BY ordinal, id"),
               {agency_id}),
      read_unit);
}

namespace {
std::vector<Value> position_values(const Position& p) {
  return {p.agency_id,
          opt(p.unit_id),
          opt(p.superior_id),
          p.title,
          std::string(to_string(p.kind)),
          to_string(p.eselon),
          p.code,
          p.reports_to,
          p.appointing_authority,
          p.summary,
          json_list(p.functions),
          json_list(p.duties),
          opt(p.source_article),
          opt(p.duties_article),
          integer(p.work_level),
          opt(p.appraiser_id),
          p.appraiser_outside,
          integer(p.abolished ? 1 : 0),
          integer(p.ordinal)};
}
}  // namespace

Id SqlOrgStore::insert_position(const Position& p) {
  return inserted_id(c_,
                     "INSERT INTO positions (agency_id, unit_id, superior_id, title, kind, "
                     "eselon, code, reports_to, appointing_authority, summary, functions, duties, "
                     "source_article, duties_article, work_level, appraiser_id, "
                     "appraiser_outside, abolished, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     position_values(p));
}

void SqlOrgStore::update_position(const Position& p) {
  auto values = position_values(p);
  values.emplace_back(p.id);
  c_.execute(
      "UPDATE positions SET agency_id = ?, unit_id = ?, superior_id = ?, title = ?, kind = ?, "
      "eselon = ?, code = ?, reports_to = ?, appointing_authority = ?, summary = ?, "
      "functions = ?, duties = ?, source_article = ?, duties_article = ?, work_level = ?, "
      "appraiser_id = ?, appraiser_outside = ?, abolished = ?, ordinal = ? WHERE id = ?",
      values);
}

std::optional<Position> SqlOrgStore::position(Id id) {
  return first<Position>(c_.query(select(kPositionCols, "FROM positions WHERE id = ?"), {id}),
                         read_position);
}

std::string SqlOrgStore::position_title(Id id) {
  const auto rows = c_.query("SELECT title FROM positions WHERE id = ?", {id});
  return rows.empty() ? std::string() : rows[0].text(0);
}

std::vector<Position> SqlOrgStore::positions_of_agency(Id agency_id, bool include_abolished) {
  if (include_abolished) {
    return all<Position>(
        c_.query(select(kPositionCols, "FROM positions WHERE agency_id = ? ORDER BY ordinal, id"),
                 {agency_id}),
        read_position);
  }
  return all<Position>(c_.query(select(kPositionCols,
                                       "FROM positions WHERE agency_id = ? AND abolished = 0 "
                                       "ORDER BY ordinal, id"),
                                {agency_id}),
                       read_position);
}

namespace {
constexpr const char* kBriefCols = "id, unit_id, superior_id, title, kind, eselon, work_level";
PositionBrief read_brief(const Row& r) {
  PositionBrief b;
  b.id = r.integer(0);
  b.unit_id = r.optional_integer(1);
  b.superior_id = r.optional_integer(2);
  b.title = r.text(3);
  b.kind = require(org::position_kind_from_string(r.text(4)), "position kind", r.text(4));
  b.eselon = Eselon::parse(r.text(5));
  b.work_level = to_int(r, 6);
  return b;
}
}  // namespace

std::vector<PositionBrief> SqlOrgStore::position_briefs_of_agency(Id agency_id) {
  std::vector<PositionBrief> out;
  for (const auto& r : c_.query(select(kBriefCols,
                                       "FROM positions WHERE agency_id = ? AND abolished = 0 "
                                       "ORDER BY ordinal, id"),
                                {agency_id})) {
    out.push_back(read_brief(r));
  }
  return out;
}

namespace {
// `text` as a LIKE pattern that matches it anywhere, lower-cased (ASCII), with LIKE's wildcards
// and the escape character taken literally (with ESCAPE backslash).
std::string contains_pattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out += '%';
  return out;
}
}  // namespace

CountedPage<PositionBrief> SqlOrgStore::position_briefs_page(Id agency_id,
                                                             const PositionFilter& filter,
                                                             const Page& page) {
  const Page p = clamped(page);
  std::string where = "FROM positions WHERE agency_id = ? AND abolished = 0";
  std::vector<Value> params{agency_id};
  if (filter.unit_id) {
    where += " AND unit_id = ?";
    params.emplace_back(*filter.unit_id);
  }
  if (filter.kind) {
    where += " AND kind = ?";
    params.emplace_back(std::string(to_string(*filter.kind)));
  }
  if (!filter.title_contains.empty()) {
    where += " AND lower(title) LIKE ? ESCAPE '\\'";
    params.emplace_back(contains_pattern(filter.title_contains));
  }
  if (filter.vacant_only) {  // placements_current: one index probe per position of the agency
    where +=
        " AND NOT EXISTS (SELECT 1 FROM placements pl WHERE pl.position_id = positions.id AND "
        "pl.end_date IS NULL)";
  }
  CountedPage<PositionBrief> out;
  const auto counted = c_.query("SELECT COUNT(*) " + where, params);
  out.total = counted.empty() ? 0 : counted[0].integer(0);
  params.emplace_back(std::int64_t{p.limit});
  params.emplace_back(std::int64_t{p.offset});
  for (const auto& r :
       c_.query(select(kBriefCols, where + " ORDER BY ordinal, id LIMIT ? OFFSET ?"), params)) {
    out.items.push_back(read_brief(r));
  }
  return out;
}

std::vector<PositionBrief> SqlOrgStore::subordinates_of_position(Id position_id) {
  std::vector<PositionBrief> out;
  for (const auto& r : c_.query(select(kBriefCols,
                                       "FROM positions WHERE superior_id = ? AND abolished = 0 "
                                       "ORDER BY ordinal, id"),
                                {position_id})) {
    out.push_back(read_brief(r));
  }
  return out;
}

PositionLinks SqlOrgStore::position_links(Id id) {
  const auto rows = c_.query(
      "SELECT a.id, a.name, u.id, u.name, s.id, s.title, ap.id, ap.title, "
      "sa.id, sa.regulation_id, sa.label, sa.path, sa.first_line, sa.last_line, '', sa.ordinal, "
      "da.id, da.regulation_id, da.label, da.path, da.first_line, da.last_line, '', da.ordinal "
      "FROM positions p JOIN agencies a ON a.id = p.agency_id "
      "LEFT JOIN units u ON u.id = p.unit_id "
      "LEFT JOIN positions s ON s.id = p.superior_id "
      "LEFT JOIN positions ap ON ap.id = p.appraiser_id "
      "LEFT JOIN articles sa ON sa.id = p.source_article "
      "LEFT JOIN articles da ON da.id = p.duties_article "
      "WHERE p.id = ?",
      {id});
  PositionLinks out;
  if (rows.empty()) return out;
  const Row& r = rows[0];
  auto ref = [&](std::size_t i) {
    return r.is_null(i) ? std::nullopt
                        : std::optional<NamedRef>(NamedRef{r.integer(i), r.text(i + 1)});
  };
  auto article = [&](std::size_t i) {
    return r.is_null(i) ? std::nullopt : std::optional<Article>(read_article(r, i));
  };
  out.agency = ref(0);
  out.unit = ref(2);
  out.superior = ref(4);
  out.appraiser = ref(6);
  out.source_article = article(8);
  out.duties_article = article(16);
  return out;
}

namespace {
// The head of each unit among the live structural positions that `where` selects (a handful per
// unit, read on the (unit_id, kind) index, not the functional and executor staff), by
// the one rule of org/unit_head.hpp: unit id -> the head's rank (with its id).
std::unordered_map<Id, HeadRank> head_ranks(Connection& c, const std::string& where,
                                            const std::vector<Value>& params) {
  std::unordered_map<Id, HeadRank> heads;
  for (const auto& r :
       c.query("SELECT id, unit_id, kind, eselon, ordinal FROM positions WHERE " + where +
                   " AND abolished = 0 AND kind IN ('JPT Pratama', 'Administrator', "
                   "'Pengawas')",
               params)) {
    const auto kind = position_kind_from_string(r.text(2));
    if (!kind) continue;
    const HeadRank rank = head_rank(Eselon::parse(r.text(3)), *kind, to_int(r, 4), r.integer(0));
    if (rank.grade == 0) continue;
    const auto [it, inserted] = heads.emplace(r.integer(1), rank);
    if (!inserted && rank < it->second) it->second = rank;
  }
  return heads;
}
}  // namespace

std::vector<UnitWithHead> SqlOrgStore::units_with_heads(Id agency_id) {
  const auto heads = head_ranks(c_, "agency_id = ? AND unit_id IS NOT NULL", {agency_id});
  std::vector<UnitWithHead> out;
  for (const auto& r : c_.query(select(kUnitCols,
                                       "FROM units u WHERE u.agency_id = ? AND u.abolished = 0 "
                                       "ORDER BY u.ordinal, u.id"),
                                {agency_id})) {
    UnitWithHead u{read_unit(r, 0), std::nullopt, 0};
    if (const auto it = heads.find(u.unit.id); it != heads.end())
      u.head_position_id = it->second.id;
    out.push_back(std::move(u));
  }
  return out;
}

std::optional<Id> SqlOrgStore::head_of_unit(Id unit_id) {
  const auto heads = head_ranks(c_, "unit_id = ?", {unit_id});
  if (const auto it = heads.find(unit_id); it != heads.end()) return it->second.id;
  return std::nullopt;
}

std::optional<Id> SqlOrgStore::agency_level_one_position(Id agency_id) {
  const auto rows = c_.query(
      "SELECT id FROM positions WHERE agency_id = ? AND unit_id IS NULL AND abolished = 0 AND "
      "work_level = 1 ORDER BY ordinal, id LIMIT 1",
      {agency_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].integer(0);
}

std::vector<UnitWithHead> SqlOrgStore::unit_children(Id agency_id, std::optional<Id> parent_id,
                                                     const Page& page) {
  const Page p = clamped(page);
  std::string where = "u.agency_id = ? AND u.parent_id ";
  std::vector<Value> params{agency_id};
  if (parent_id) {
    where += "= ?";
    params.emplace_back(*parent_id);
  } else {
    where += "IS NULL";
  }
  where += " AND u.abolished = 0 ORDER BY u.ordinal, u.id LIMIT ? OFFSET ?";
  params.emplace_back(std::int64_t{p.limit});
  params.emplace_back(std::int64_t{p.offset});
  // The page's units, then their structural positions (on the (unit_id, kind) index), of which
  // the one rule of org/unit_head.hpp picks each unit's head.
  std::vector<UnitWithHead> out;
  for (const auto& r :
       c_.query(select(kUnitCols, ", u.child_count FROM units u WHERE " + where), params)) {
    out.push_back(UnitWithHead{read_unit(r, 0), std::nullopt, r.integer(kUnitColCount)});
  }
  const auto heads =
      head_ranks(c_, "unit_id IN (SELECT u.id FROM units u WHERE " + where + ")", params);
  for (auto& u : out) {
    if (const auto it = heads.find(u.unit.id); it != heads.end())
      u.head_position_id = it->second.id;
  }
  return out;
}

namespace {
// Every current holder of the chart's positions (one query over the page's held positions, on
// the current-placements index), in holders_of_position's order; names only `with_holders`.
void add_chart_holders(Connection& c, bool with_holders, std::vector<ChartPosition>& nodes) {
  std::unordered_map<Id, std::size_t> held;
  std::string in;
  std::vector<Value> params;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (!nodes[i].holder_name) continue;
    held.emplace(nodes[i].brief.id, i);
    in += in.empty() ? "?" : ", ?";
    params.emplace_back(nodes[i].brief.id);
  }
  if (held.empty()) return;
  const std::string sql =
      std::string("SELECT pl.position_id, pl.kind, ") + (with_holders ? "e.name" : "''") +
      " FROM placements pl JOIN employees e ON e.id = pl.employee_id WHERE pl.end_date IS NULL "
      "AND pl.position_id IN (" +
      in +
      ") ORDER BY pl.position_id, CASE WHEN pl.kind = 'definitif' THEN 0 ELSE 1 END, "
      "pl.start_date, pl.id";
  for (const auto& r : c.query(sql, params)) {
    const auto it = held.find(r.integer(0));
    if (it == held.end()) continue;
    nodes[it->second].holders.push_back(ChartHolder{
        require(org::placement_kind_from_string(r.text(1)), "placement kind", r.text(1)),
        r.text(2)});
  }
}

// A chart's positions: the brief, the unit's name, the holder now (definitive first, then the
// earliest start, as holders_of_position orders them) and the live direct subordinates, each
// looked up on an index.
std::vector<ChartPosition> chart_positions(Connection& c, bool with_holders,
                                           const std::string& where, std::vector<Value> params,
                                           const Page& page) {
  const Page p = clamped(page);
  // With holders: the name of the first holder; without (an anonymous chart): only whether
  // there is one, on the current-placements index alone.
  const std::string holder =
      with_holders
          ? "(SELECT e.name FROM placements pl JOIN employees e ON e.id = pl.employee_id WHERE "
            "pl.position_id = p.id AND pl.end_date IS NULL ORDER BY CASE WHEN pl.kind = "
            "'definitif' THEN 0 ELSE 1 END, pl.start_date, pl.id LIMIT 1)"
          : "(SELECT '' FROM placements pl WHERE pl.position_id = p.id AND pl.end_date IS NULL "
            "LIMIT 1)";
  const std::string sql =
      "SELECT p.id, p.unit_id, p.superior_id, p.title, p.kind, p.eselon, p.work_level, "
      "COALESCE(u.name, ''), " +
      holder +
      ", p.subordinate_count FROM positions p LEFT JOIN units u ON u.id = p.unit_id "
      "WHERE p.agency_id = ? AND p.abolished = 0 AND " +
      where + " ORDER BY p.ordinal, p.id LIMIT ? OFFSET ?";
  params.emplace_back(std::int64_t{p.limit});
  params.emplace_back(std::int64_t{p.offset});
  std::vector<ChartPosition> out;
  for (const auto& r : c.query(sql, params)) {
    ChartPosition x;
    x.brief = read_brief(r);
    x.unit_name = r.text(7);
    if (!r.is_null(8)) x.holder_name = r.text(8);
    x.subordinate_count = r.integer(9);
    out.push_back(std::move(x));
  }
  add_chart_holders(c, with_holders, out);
  return out;
}
}  // namespace

std::optional<ChartPosition> SqlOrgStore::chart_position(Id agency_id, Id id, bool with_holders) {
  auto found = chart_positions(c_, with_holders, "p.id = ?", {agency_id, id}, Page{1, 0});
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<ChartPosition> SqlOrgStore::chart_tops(Id agency_id, const Page& page,
                                                   bool with_holders) {
  return chart_positions(c_, with_holders, "p.superior_id IS NULL", {agency_id}, page);
}

std::vector<ChartPosition> SqlOrgStore::chart_subordinates(Id agency_id, Id superior_id,
                                                           const Page& page, bool with_holders) {
  return chart_positions(c_, with_holders, "p.superior_id = ?", {agency_id, superior_id}, page);
}

std::int64_t SqlOrgStore::count_units(Id agency_id) {
  auto rows =
      c_.query("SELECT COUNT(*) FROM units WHERE agency_id = ? AND abolished = 0", {agency_id});
  return rows.empty() ? 0 : rows[0].integer(0);
}

std::int64_t SqlOrgStore::count_positions(Id agency_id) {
  auto rows =
      c_.query("SELECT COUNT(*) FROM positions WHERE agency_id = ? AND abolished = 0", {agency_id});
  return rows.empty() ? 0 : rows[0].integer(0);
}

// ---- People and placements -------------------------------------------------------------------

namespace {
// The search index of one person: each word of the name, with the name's sort key so that a
// word's people are listed in name order straight from the index.
void write_name_tokens(Connection& c, Id employee_id, const std::string& name) {
  const std::string key = sort_key(name);
  for (const auto& token : name_tokens(name)) {
    c.execute(
        "INSERT INTO employee_name_tokens (token, sort_name, employee_id) VALUES (?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        {token, key, employee_id});
  }
}
}  // namespace

Id SqlOrgStore::insert_employee(const Employee& e) {
  Id id = inserted_id(
      c_,
      "INSERT INTO employees (region_id, nip, name, sort_name, kind, birth_date, "
      "appointed_year, appointed_month, sex, rank) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?) RETURNING id",
      {e.region_id, e.nip, e.name, sort_key(e.name), std::string(org::to_string(e.kind)),
       e.birth_date.iso(), integer(e.appointed_year), integer(e.appointed_month),
       integer(static_cast<int>(e.sex)), e.rank});
  write_name_tokens(c_, id, e.name);
  return id;
}

void SqlOrgStore::update_employee(const Employee& e) {
  std::int64_t changed = c_.execute(
      "UPDATE employees SET region_id = ?, nip = ?, name = ?, sort_name = ?, kind = ?, "
      "birth_date = ?, appointed_year = ?, appointed_month = ?, sex = ?, rank = ? WHERE id = ?",
      {e.region_id, e.nip, e.name, sort_key(e.name), std::string(org::to_string(e.kind)),
       e.birth_date.iso(), integer(e.appointed_year), integer(e.appointed_month),
       integer(static_cast<int>(e.sex)), e.rank, e.id});
  if (changed == 0) return;
  c_.execute("DELETE FROM employee_name_tokens WHERE employee_id = ?", {e.id});
  write_name_tokens(c_, e.id, e.name);
}

std::optional<Employee> SqlOrgStore::employee(Id id) {
  return first<Employee>(c_.query(select(kEmployeeCols, "FROM employees e WHERE e.id = ?"), {id}),
                         read_employee);
}

std::optional<Employee> SqlOrgStore::employee_by_nip(const std::string& nip) {
  return first<Employee>(c_.query(select(kEmployeeCols, "FROM employees e WHERE e.nip = ?"), {nip}),
                         read_employee);
}

namespace {
// The people search as SQL: `inner` selects (id, k1, k2) of every match in result order (see
// search_employees); nullopt when nothing can match.
struct SearchSql {
  std::string inner;
  std::vector<Value> params;
};
// Whether the agency has at most `limit` positions (reading at most that many index entries).
bool small_agency(Connection& c, Id agency_id, std::int64_t limit) {
  const auto rows =
      c.query("SELECT COUNT(*) FROM (SELECT 1 FROM positions WHERE agency_id = ? LIMIT ?) x",
              {agency_id, limit + 1});
  return rows.empty() || rows[0].integer(0) <= limit;
}

std::optional<SearchSql> search_sql(Connection& c, const std::string& query,
                                    const PeopleFilter& filter, std::int64_t small_agency_limit) {
  const Id region_id = filter.region_id;
  const PeopleQuery q = read_people_query(query);

  // The page of matching people, read in result order straight from an index so that a search
  // costs about one index step per row of the page, however many people match (the people search
  // is one of the busiest routes; docs/performance.md):
  // - a NIP prefix: the nip index, in NIP order;
  // - words: the token index (token, sort_name, employee_id) over the prefix range of the
  //   longest word (the most selective, usually), in the order of the matched word and then the
  //   name — so people whose word equals the query come first ("budi" before "budiman"); every
  //   other word must prefix-match another token of the same person (EXISTS on the same index);
  // - no query: everyone, in name order.
  // The SQL is the same on SQLite and PostgreSQL. A person with two words in the driving range
  // ("Sita Sitorus" for "sit") is read twice; the second is dropped below.
  //
  // The filters only leave rows out (the order stays). A rank or a kind is read from the person's
  // row (the rank has its index, employees_rank_sort_name, for a list of everyone of a rank); an
  // agency or a unit is a set of people bounded by the agency's positions (their current
  // placements, by positions_agency or positions_unit and placements_current), which the planner
  // may drive the search from.
  std::string inner;
  std::vector<Value> params;
  std::string region_filter = region_id != 0 ? " AND e.region_id = ?" : "";
  std::vector<Value> filter_params;
  if (region_id != 0) filter_params.emplace_back(region_id);
  if (!filter.rank.empty()) {
    region_filter += " AND e.rank = ?";
    filter_params.emplace_back(filter.rank);
  }
  if (filter.kind) {
    region_filter += " AND e.kind = ?";
    filter_params.emplace_back(std::string(to_string(*filter.kind)));
  }
  if (filter.agency_id || filter.unit_id) {
    // A unit or an agency of at most small_agency_limit positions: the set of its people (the
    // planner drives the search from it and sorts it; its cost is the agency's size). A larger
    // agency (a sizeable share of everyone): each person the search reads in its own order is
    // checked (placements_current_of_employee), a few reads per person, about as many people as a
    // page and its bounded count need.
    const bool by_set = filter.unit_id || small_agency(c, *filter.agency_id, small_agency_limit);
    region_filter += by_set ? " AND e.id IN (SELECT pl.employee_id FROM placements pl JOIN "
                              "positions po ON po.id = pl.position_id WHERE pl.end_date IS NULL"
                            : " AND EXISTS (SELECT 1 FROM placements pl JOIN positions po ON "
                              "po.id = pl.position_id WHERE pl.employee_id = e.id AND "
                              "pl.end_date IS NULL";
    if (filter.agency_id) {
      region_filter += " AND po.agency_id = ?";
      filter_params.emplace_back(*filter.agency_id);
    }
    if (filter.unit_id) {
      region_filter += " AND po.unit_id = ?";
      filter_params.emplace_back(*filter.unit_id);
    }
    region_filter += ")";
  }
  const bool join_employees = !region_filter.empty();
  switch (q.kind) {
    case PeopleQuery::Kind::Nothing:
      return std::nullopt;  // only punctuation: nothing can match
    case PeopleQuery::Kind::Nip:
      inner =
          "SELECT e.id AS id, e.nip AS k1, '' AS k2 FROM employees e WHERE e.nip >= ? AND "
          "e.nip < ?" +
          region_filter + " ORDER BY e.nip";
      params.emplace_back(q.nip_prefix);
      params.emplace_back(prefix_upper_bound(q.nip_prefix));
      break;
    case PeopleQuery::Kind::Words:
      inner =
          "SELECT t.employee_id AS id, t.token AS k1, t.sort_name AS k2 FROM "
          "employee_name_tokens t";
      if (join_employees) inner += " JOIN employees e ON e.id = t.employee_id";
      inner += " WHERE t.token >= ? AND t.token < ?";
      for (std::size_t i = 1; i < q.words.size(); ++i) {
        inner +=
            " AND EXISTS (SELECT 1 FROM employee_name_tokens u WHERE u.employee_id = "
            "t.employee_id AND u.token >= ? AND u.token < ?)";
      }
      inner += region_filter + " ORDER BY t.token, t.sort_name, t.employee_id";
      for (const auto& word : q.words) {
        params.emplace_back(word);
        params.emplace_back(prefix_upper_bound(word));
      }
      break;
    case PeopleQuery::Kind::Everyone:
      inner = "SELECT e.id AS id, e.sort_name AS k1, '' AS k2 FROM employees e WHERE 1 = 1" +
              region_filter + " ORDER BY e.sort_name, e.id";
      break;
  }
  for (auto& v : filter_params) params.push_back(std::move(v));
  return SearchSql{std::move(inner), std::move(params)};
}
}  // namespace

std::int64_t SqlOrgStore::count_search_employees(const std::string& query,
                                                 const PeopleFilter& filter) {
  auto q = search_sql(c_, query, filter, small_agency_positions_);
  if (!q) return 0;
  auto rows = c_.query("SELECT COUNT(DISTINCT m.id) FROM (" + q->inner + ") m", q->params);
  return rows.empty() ? 0 : rows[0].integer(0);
}

BoundedCount SqlOrgStore::count_search_employees_up_to(const std::string& query,
                                                       const PeopleFilter& filter,
                                                       std::int64_t bound) {
  auto q = search_sql(c_, query, filter, small_agency_positions_);
  if (!q) return {};
  // The matches in result order up to the bound, straight from the index; a person read twice
  // (by two of their words) counts once.
  q->params.emplace_back(bound);
  auto rows = c_.query("SELECT COUNT(DISTINCT m.id), COUNT(*) FROM (" + q->inner + " LIMIT ?) m",
                       q->params);
  if (rows.empty()) return {};
  return BoundedCount{rows[0].integer(0), rows[0].integer(1) >= bound};
}

std::vector<EmployeeHit> SqlOrgStore::search_employees(const std::string& query,
                                                       const PeopleFilter& filter,
                                                       const Page& page) {
  const Page p = clamped(page);
  auto q = search_sql(c_, query, filter, small_agency_positions_);
  if (!q) return {};
  std::string inner = std::move(q->inner);
  std::vector<Value> params = std::move(q->params);
  params.emplace_back(std::int64_t{p.limit});
  params.emplace_back(std::int64_t{p.offset});

  // Page first, then look up the current placement of each hit on the page: definitif before
  // plt/plh, then the latest start.
  std::string sql =
      std::string("SELECT ") + kEmployeeCols +
      ", pl.position_id, po.title, ag.name, pl.kind, ag.region_id, ag.id FROM (" + inner +
      " LIMIT ? OFFSET ?) m JOIN employees e ON e.id = m.id "
      "LEFT JOIN placements pl ON pl.id = (SELECT p2.id FROM placements p2 WHERE p2.employee_id "
      "= e.id AND p2.end_date IS NULL ORDER BY CASE WHEN p2.kind = 'definitif' THEN 0 ELSE 1 END, "
      "p2.start_date DESC, p2.id DESC LIMIT 1) "
      "LEFT JOIN positions po ON po.id = pl.position_id "
      "LEFT JOIN agencies ag ON ag.id = po.agency_id "
      "ORDER BY m.k1, m.k2, m.id";
  std::vector<EmployeeHit> hits;
  for (const auto& row : c_.query(sql, params)) {
    EmployeeHit h;
    h.employee = read_employee(row, 0);
    const Id id = h.employee.id;
    if (std::any_of(hits.begin(), hits.end(),
                    [id](const auto& x) { return x.employee.id == id; })) {
      continue;
    }
    constexpr std::size_t o = kEmployeeColCount;
    h.position_id = row.optional_integer(o);
    h.position_title = row.text(o + 1);
    h.agency_name = row.text(o + 2);
    h.placement_kind = row.text(o + 3);
    h.agency_region_id = row.optional_integer(o + 4);
    h.agency_id = row.optional_integer(o + 5);
    hits.push_back(std::move(h));
  }
  return hits;
}

std::int64_t SqlOrgStore::count_employees(Id region_id) {
  auto rows = region_id == 0
                  ? c_.query("SELECT COUNT(*) FROM employees")
                  : c_.query("SELECT COUNT(*) FROM employees WHERE region_id = ?", {region_id});
  return rows.empty() ? 0 : rows[0].integer(0);
}

Id SqlOrgStore::insert_placement(const Placement& p) {
  return inserted_id(
      c_,
      "INSERT INTO placements (employee_id, position_id, start_date, kind, "
      "end_date, secondment_decree, decree_number, decree_date) VALUES (?, ?, ?, ?, "
      "?, ?, ?, ?) RETURNING id",
      {p.employee_id, p.position_id, p.start.iso(), std::string(org::to_string(p.kind)),
       opt_date(p.end), p.secondment_decree, p.decree_number, opt_date(p.decree_date)});
}

void SqlOrgStore::end_placement(Id placement_id, const Date& end) {
  c_.execute("UPDATE placements SET end_date = ? WHERE id = ?", {end.iso(), placement_id});
}

std::vector<Holder> SqlOrgStore::holders_of_position(Id position_id) {
  std::string sql = std::string("SELECT ") + kPlacementCols + ", " + kEmployeeCols +
                    " FROM placements pl JOIN employees e ON e.id = pl.employee_id "
                    "WHERE pl.position_id = ? AND pl.end_date IS NULL "
                    "ORDER BY CASE WHEN pl.kind = 'definitif' THEN 0 ELSE 1 END, pl.start_date, "
                    "pl.id";
  std::vector<Holder> out;
  for (const auto& row : c_.query(sql, {position_id})) {
    out.push_back(Holder{read_placement(row, 0), read_employee(row, kPlacementColCount)});
  }
  return out;
}

std::vector<Holder> SqlOrgStore::holders_of_agency(Id agency_id) {
  std::string sql = std::string("SELECT ") + kPlacementCols + ", " + kEmployeeCols +
                    " FROM positions po JOIN placements pl ON pl.position_id = po.id AND "
                    "pl.end_date IS NULL JOIN employees e ON e.id = pl.employee_id "
                    "WHERE po.agency_id = ? ORDER BY po.id, CASE WHEN pl.kind = 'definitif' THEN "
                    "0 ELSE 1 END, pl.start_date, pl.id";
  std::vector<Holder> out;
  for (const auto& row : c_.query(sql, {agency_id})) {
    out.push_back(Holder{read_placement(row, 0), read_employee(row, kPlacementColCount)});
  }
  return out;
}

std::optional<Placement> SqlOrgStore::placement(Id id) {
  return first<Placement>(
      c_.query(select(kPlacementCols, "FROM placements pl WHERE pl.id = ?"), {id}), read_placement);
}

std::vector<Placement> SqlOrgStore::placements_of_employee(Id employee_id) {
  return all<Placement>(c_.query(select(kPlacementCols,
                                        "FROM placements pl WHERE pl.employee_id = ? "
                                        "ORDER BY pl.start_date DESC, pl.id DESC"),
                                 {employee_id}),
                        read_placement);
}

// ---- Structure history -----------------------------------------------------------------------

Id SqlOrgStore::insert_structure_change(const StructureChange& c) {
  return inserted_id(c_,
                     "INSERT INTO structure_changes (agency_id, old_regulation_id, "
                     "new_regulation_id, kind, position_title, before_value, after_value) VALUES "
                     "(?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {c.agency_id, c.old_regulation_id, c.new_regulation_id,
                      std::string(org::to_string(c.kind)), c.position_title, c.before, c.after});
}

std::vector<StructureChange> SqlOrgStore::structure_changes_of_agency(Id agency_id) {
  return all<StructureChange>(
      c_.query(select(kChangeCols, "FROM structure_changes WHERE agency_id = ? ORDER BY id"),
               {agency_id}),
      read_change);
}

// ---- IKI tables ------------------------------------------------------------------------------

namespace {
constexpr const char* kIkiTableCols =
    "t.id, t.regulation_id, t.position_id, t.position_title, t.first_line, t.last_line, "
    "t.ordinal";
org::IkiTable read_iki_table(const Row& r, std::size_t o) {
  org::IkiTable x;
  x.id = r.integer(o);
  x.regulation_id = r.integer(o + 1);
  x.position_id = r.optional_integer(o + 2);
  x.position_title = r.text(o + 3);
  x.first_line = to_int(r, o + 4);
  x.last_line = to_int(r, o + 5);
  x.ordinal = to_int(r, o + 6);
  return x;
}
constexpr const char* kIkiRowCols =
    "r.iki_table_id, r.number, r.sasaran, r.sasaran_carried, r.indikator, r.formula_kind, "
    "r.formula_text, r.formula_written, r.numerator, r.denominator, r.percent, r.sumber_data, "
    "r.first_line, r.last_line";
org::IkiRow read_iki_row(const Row& r, std::size_t o) {
  org::IkiRow x;
  x.number = r.text(o + 1);
  x.sasaran = r.text(o + 2);
  x.sasaran_carried = r.integer(o + 3) != 0;
  x.indikator = r.text(o + 4);
  x.formula_kind = r.text(o + 5);
  x.formula_text = r.text(o + 6);
  x.formula_written = r.text(o + 7);
  x.numerator = r.text(o + 8);
  x.denominator = r.text(o + 9);
  x.percent = r.integer(o + 10) != 0;
  x.sumber_data = r.text(o + 11);
  x.first_line = to_int(r, o + 12);
  x.last_line = to_int(r, o + 13);
  return x;
}

// The tables `where` selects (over iki_tables t, in `order`), each with its rows: two queries.
std::vector<org::IkiTable> iki_tables_where(Connection& c, const std::string& where,
                                            const std::string& order, Id key) {
  std::vector<org::IkiTable> out = all<org::IkiTable>(
      c.query(select(kIkiTableCols, "FROM iki_tables t WHERE " + where + " ORDER BY " + order),
              {key}),
      read_iki_table);
  if (out.empty()) return out;
  std::unordered_map<Id, std::size_t> index;
  for (std::size_t i = 0; i < out.size(); ++i) index.emplace(out[i].id, i);
  const auto rows = c.query(select(kIkiRowCols,
                                   "FROM iki_rows r JOIN iki_tables t ON t.id = "
                                   "r.iki_table_id WHERE " +
                                       where + " ORDER BY r.iki_table_id, r.ordinal"),
                            {key});
  for (const auto& row : rows) {
    const auto it = index.find(row.integer(0));
    if (it != index.end()) out[it->second].rows.push_back(read_iki_row(row, 0));
  }
  return out;
}
}  // namespace

Id SqlOrgStore::insert_iki_table(const IkiTable& t) {
  const Id id =
      inserted_id(c_,
                  "INSERT INTO iki_tables (regulation_id, position_id, position_title, "
                  "first_line, last_line, ordinal) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                  {t.regulation_id, opt(t.position_id), t.position_title, integer(t.first_line),
                   integer(t.last_line), integer(t.ordinal)});
  int ordinal = 0;
  for (const auto& r : t.rows) {
    c_.execute(
        "INSERT INTO iki_rows (iki_table_id, ordinal, number, sasaran, sasaran_carried, "
        "indikator, formula_kind, formula_text, formula_written, numerator, denominator, percent, "
        "sumber_data, first_line, last_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {id, integer(++ordinal), r.number, r.sasaran, integer(r.sasaran_carried ? 1 : 0),
         r.indikator, r.formula_kind, r.formula_text, r.formula_written, r.numerator, r.denominator,
         integer(r.percent ? 1 : 0), r.sumber_data, integer(r.first_line), integer(r.last_line)});
  }
  return id;
}

std::vector<IkiTable> SqlOrgStore::iki_tables_of_regulation(Id regulation_id) {
  return iki_tables_where(c_, "t.regulation_id = ?", "t.ordinal, t.id", regulation_id);
}

std::vector<IkiTable> SqlOrgStore::iki_tables_of_position(Id position_id) {
  return iki_tables_where(c_, "t.position_id = ?", "t.regulation_id, t.ordinal, t.id", position_id);
}

// ---- Revision ------------------------------------------------------------------------------

void SqlOrgStore::refresh_planner_statistics() {
  if (c_.dialect() == Dialect::Postgres) c_.execute_script("ANALYZE");
}

std::int64_t SqlOrgStore::registry_revision() {
  auto rows = c_.query("SELECT revision FROM registry_revision WHERE id = 1");
  return rows.empty() ? 0 : rows[0].integer(0);
}

std::vector<ScopeRevision> SqlOrgStore::scope_revisions(const std::vector<std::string>& scopes,
                                                        std::optional<Id> position_id) {
  std::string sql = "SELECT scope, revision FROM scope_revisions WHERE scope IN ('-'";
  std::vector<Value> params;
  bool registry = false;
  for (const auto& s : scopes) {
    if (s == "registry") {
      registry = true;
      continue;
    }
    sql += ", ?";
    params.emplace_back(s);
  }
  sql += ")";
  if (registry) sql += " UNION ALL SELECT 'registry', revision FROM registry_revision WHERE id = 1";
  if (position_id) {
    sql +=
        " UNION ALL SELECT 'agency/' || p.agency_id, COALESCE((SELECT s.revision FROM "
        "scope_revisions s WHERE s.scope = 'agency/' || p.agency_id), 0) FROM positions p "
        "WHERE p.id = ?";
    params.emplace_back(*position_id);
  }
  std::vector<ScopeRevision> out;
  for (const auto& r : c_.query(sql, params)) out.push_back(ScopeRevision{r.text(0), r.integer(1)});
  std::sort(out.begin(), out.end(),
            [](const ScopeRevision& a, const ScopeRevision& b) { return a.scope < b.scope; });
  return out;
}

std::vector<ScopeRevision> SqlOrgStore::all_scope_revisions() {
  std::vector<ScopeRevision> out;
  for (const auto& r :
       c_.query("SELECT scope, revision FROM scope_revisions UNION ALL SELECT 'registry', revision "
                "FROM registry_revision WHERE id = 1"))
    out.push_back(ScopeRevision{r.text(0), r.integer(1)});
  std::sort(out.begin(), out.end(),
            [](const ScopeRevision& a, const ScopeRevision& b) { return a.scope < b.scope; });
  return out;
}

}  // namespace tatakerja::org
