// The organisation registry in memory. Each method does what the SQL store's statement does
// (src/org/sql/sql_org_store.cpp) over maps keyed by id: the same filters, the same ORDER BY, the
// same schema rules (src/storage/migrations.cpp) checked before anything is written. Text is
// compared byte-wise, as SQLite compares it and as PostgreSQL compares the search columns
// (COLLATE "C"); PostgreSQL orders names (regions, agencies, usernames) by the database's
// collation, which is byte order only in a C or C.UTF-8 database (as the tests' server is).
#include "org/memory_org_store.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string_view>
#include <tuple>

#include "core/text.hpp"
#include "org/people_search.hpp"
#include "org/unit_head.hpp"
#include "storage/database.hpp"
#include "storage/drivers.hpp"

namespace tatakerja::org {
namespace {

using storage::DatabaseError;

[[noreturn]] void refuse(const std::string& rule) {
  throw DatabaseError(DatabaseError::Kind::Constraint, "memory store: " + rule);
}

// FOREIGN KEY: a non-null reference must name a stored row.
template <typename Table>
void require_row(const Table& table, Id id, const char* column) {
  if (!table.contains(id)) refuse(std::string("FOREIGN KEY constraint failed (") + column + ")");
}
template <typename Table>
void require_row(const Table& table, const std::optional<Id>& id, const char* column) {
  if (id) require_row(table, *id, column);
}
// CHECK (column IN (...)).
void require_one_of(std::string_view value, std::initializer_list<std::string_view> allowed,
                    const char* column) {
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    refuse(std::string("CHECK constraint failed (") + column + ")");
  }
}
// UNIQUE: the key is free, or held by the row being updated.
void require_unique(const JournaledMap<std::string, Id>& index, const std::string& key, Id self,
                    const char* column) {
  const Id* holder = index.find(key);
  if (holder != nullptr && *holder != self) {
    refuse(std::string("UNIQUE constraint failed (") + column + ")");
  }
}

void check_unit_kind(UnitKind k) {
  require_one_of(to_string(k),
                 {"Sekretariat", "Sub Bagian", "Bidang", "Seksi", "Sub Bidang", "Bagian", "UPTD",
                  "Inspektur Pembantu", "Kelompok Jabatan Fungsional", "Asisten"},
                 "units.kind");
}

template <typename T, typename Keep>
std::vector<T> rows_where(const JournaledMap<Id, T>& table, Keep keep) {
  std::vector<T> out;
  for (const auto& [id, row] : table.rows()) {
    if (keep(row)) out.push_back(row);
  }
  return out;
}

template <typename T>
std::optional<T> row(const JournaledMap<Id, T>& table, Id id) {
  const T* r = table.find(id);
  return r == nullptr ? std::nullopt : std::optional<T>(*r);
}

// ORDER BY ordinal, id (the rows come in id order; the sort is stable).
template <typename T>
void by_ordinal(std::vector<T>& v) {
  std::stable_sort(v.begin(), v.end(),
                   [](const T& a, const T& b) { return a.ordinal < b.ordinal; });
}

PositionBrief brief(const Position& p) {
  return PositionBrief{p.id, p.unit_id, p.superior_id, p.title, p.kind, p.eselon, p.work_level};
}

// CASE WHEN kind = 'definitif' THEN 0 ELSE 1 END
int acting(const Placement& p) {
  return p.kind == PlacementKind::Definitive ? 0 : 1;
}

}  // namespace

// ---- Transactions and the revision -----------------------------------------------------------

void MemoryOrgStore::begin() {
  if (in_transaction_) {
    throw DatabaseError(DatabaseError::Kind::Other, "begin(): a transaction is already open");
  }
  each_table([](auto& t) { t.begin(); });
  revision_at_begin_ = revision_;
  in_transaction_ = true;
}

void MemoryOrgStore::commit() {
  if (!in_transaction_) {
    throw DatabaseError(DatabaseError::Kind::Other, "commit(): no transaction is open");
  }
  each_table([](auto& t) { t.commit(); });
  in_transaction_ = false;
}

void MemoryOrgStore::rollback() noexcept {
  if (!in_transaction_) return;
  each_table([](auto& t) { t.rollback(); });
  revision_ = revision_at_begin_;
  in_transaction_ = false;
}

void MemoryOrgStore::moved() {
  ++revision_;
}

std::int64_t MemoryOrgStore::registry_revision() {
  return revision_;
}

void MemoryOrgStore::touched(const std::string& scope) {
  const std::int64_t* now = scopes_.find(scope);
  scopes_.put(scope, now ? *now + 1 : 1);
}

std::vector<ScopeRevision> MemoryOrgStore::scope_revisions(const std::vector<std::string>& scopes,
                                                           std::optional<Id> position_id) {
  // As the SQL store: a scope that never changed has no row, "registry" is the registry
  // revision, and the position's agency is added (at 0 when it never changed).
  std::vector<ScopeRevision> out;
  for (const auto& scope : scopes) {
    if (scope == "registry") {
      out.push_back(ScopeRevision{scope, revision_});
    } else if (const std::int64_t* r = scopes_.find(scope)) {
      out.push_back(ScopeRevision{scope, *r});
    }
  }
  if (position_id) {
    if (const Position* p = positions_.find(*position_id)) {
      const std::string scope = "agency/" + std::to_string(p->agency_id);
      const std::int64_t* r = scopes_.find(scope);
      out.push_back(ScopeRevision{scope, r ? *r : 0});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const ScopeRevision& a, const ScopeRevision& b) { return a.scope < b.scope; });
  return out;
}

std::vector<ScopeRevision> MemoryOrgStore::all_scope_revisions() {
  std::vector<ScopeRevision> out{ScopeRevision{"registry", revision_}};
  for (const auto& [scope, revision] : scopes_.rows())
    out.push_back(ScopeRevision{scope, revision});
  std::sort(out.begin(), out.end(),
            [](const ScopeRevision& a, const ScopeRevision& b) { return a.scope < b.scope; });
  return out;
}

void MemoryOrgStore::refresh_planner_statistics() {}

// ---- Regions -------------------------------------------------------------------------------

Id MemoryOrgStore::insert_region(const Region& r) {
  require_unique(region_by_code_, r.code, 0, "regions.code");
  require_one_of(to_string(r.kind), {"provinsi", "kabupaten", "kota"}, "regions.kind");
  Region x = r;
  x.id = regions_.next_key();
  regions_.put(x.id, x);
  region_by_code_.put(x.code, x.id);
  moved();
  touched("regulations");
  return x.id;
}

std::optional<Region> MemoryOrgStore::region(Id id) {
  return row(regions_, id);
}

std::optional<Region> MemoryOrgStore::region_by_code(const std::string& code) {
  const Id* id = region_by_code_.find(code);
  return id == nullptr ? std::nullopt : region(*id);
}

std::vector<Region> MemoryOrgStore::regions() {
  auto out = rows_where(regions_, [](const Region&) { return true; });
  std::stable_sort(out.begin(), out.end(),
                   [](const Region& a, const Region& b) { return a.name < b.name; });
  return out;
}

// ---- Regulations, articles, findings ---------------------------------------------------------

Id MemoryOrgStore::insert_regulation(const Regulation& r, const std::string& text) {
  require_row(regions_, r.region_id, "regulations.region_id");
  require_unique(regulation_by_sha256_, r.sha256, 0, "regulations.sha256");
  require_one_of(to_string(r.status), {"berlaku", "dicabut", "dicabut_sebagian", "diganti_versi"},
                 "regulations.status");
  require_row(regulations_, r.revoked_by, "regulations.revoked_by");
  Regulation x = r;
  x.id = regulations_.next_key();
  if (x.imported_at.empty()) x.imported_at = storage::detail::now_iso8601();
  regulations_.put(x.id, x);
  regulation_by_sha256_.put(x.sha256, x.id);
  regulation_texts_.put(x.id, text);
  moved();
  touched("regulations");
  return x.id;
}

std::optional<Regulation> MemoryOrgStore::regulation(Id id) {
  return row(regulations_, id);
}

std::optional<Regulation> MemoryOrgStore::regulation_by_sha256(const std::string& sha256) {
  const Id* id = regulation_by_sha256_.find(sha256);
  return id == nullptr ? std::nullopt : regulation(*id);
}

std::optional<Regulation> MemoryOrgStore::find_regulation(Id region_id, const std::string& kind,
                                                          const std::string& number, int year) {
  auto found = rows_where(regulations_, [&](const Regulation& r) {
    return r.region_id == region_id && r.kind == kind && r.number == number && r.year &&
           *r.year == year;
  });
  if (found.empty()) return std::nullopt;
  return found.back();  // ORDER BY id DESC LIMIT 1
}

std::vector<Regulation> MemoryOrgStore::regulations_of_region(Id region_id) {
  return rows_where(regulations_, [&](const Regulation& r) { return r.region_id == region_id; });
}

std::optional<std::string> MemoryOrgStore::regulation_text(Id regulation_id) {
  return row(regulation_texts_, regulation_id);
}

void MemoryOrgStore::update_regulation_status(const Regulation& r) {
  const Regulation* stored = regulations_.find(r.id);
  if (stored == nullptr) return;
  require_one_of(to_string(r.status), {"berlaku", "dicabut", "dicabut_sebagian", "diganti_versi"},
                 "regulations.status");
  require_row(regulations_, r.revoked_by, "regulations.revoked_by");
  Regulation x = *stored;
  x.status = r.status;
  x.revoked_by = r.revoked_by;
  x.revoked_articles = r.revoked_articles;
  const Id id = x.id;
  regulations_.put(id, std::move(x));
  moved();
  touched("regulations");
}

Id MemoryOrgStore::insert_article(const Article& a) {
  require_row(regulations_, a.regulation_id, "articles.regulation_id");
  Article x = a;
  x.id = articles_.next_key();
  articles_.put(x.id, x);
  moved();
  touched("regulations");
  return x.id;
}

std::optional<Article> MemoryOrgStore::article(Id id) {
  return row(articles_, id);
}

std::vector<Article> MemoryOrgStore::articles_of_regulation(Id regulation_id) {
  auto out =
      rows_where(articles_, [&](const Article& a) { return a.regulation_id == regulation_id; });
  by_ordinal(out);
  return out;
}

Id MemoryOrgStore::insert_finding(const StoredFinding& f) {
  require_row(regulations_, f.regulation_id, "findings.regulation_id");
  require_one_of(f.severity, {"error", "warning", "info"}, "findings.severity");
  StoredFinding x = f;
  x.id = findings_.next_key();
  findings_.put(x.id, x);
  moved();
  touched("regulations");
  return x.id;
}

std::vector<StoredFinding> MemoryOrgStore::findings_of_regulation(Id regulation_id) {
  auto out = rows_where(findings_,
                        [&](const StoredFinding& f) { return f.regulation_id == regulation_id; });
  std::stable_sort(out.begin(), out.end(),
                   [](const StoredFinding& a, const StoredFinding& b) { return a.line < b.line; });
  return out;
}

// ---- Agencies, units, positions --------------------------------------------------------------

namespace {
template <typename Regions, typename Regulations, typename Articles>
void check_agency(const Agency& a, const Regions& regions, const Regulations& regulations,
                  const Articles& articles) {
  require_row(regions, a.region_id, "agencies.region_id");
  require_row(regulations, a.regulation_id, "agencies.regulation_id");
  require_row(articles, a.source_article, "agencies.source_article");
}
}  // namespace

Id MemoryOrgStore::insert_agency(const Agency& a) {
  check_agency(a, regions_, regulations_, articles_);
  Agency x = a;
  x.id = agencies_.next_key();
  agencies_.put(x.id, x);
  moved();
  touched_agency(x.id);
  return x.id;
}

void MemoryOrgStore::update_agency(const Agency& a) {
  if (!agencies_.contains(a.id)) return;
  check_agency(a, regions_, regulations_, articles_);
  const bool renamed = agencies_.find(a.id)->name != a.name;
  agencies_.put(a.id, a);
  moved();
  touched_agency(a.id);
  if (renamed) touched("people");  // the people search shows agency names
}

std::optional<Agency> MemoryOrgStore::agency(Id id) {
  return row(agencies_, id);
}

std::optional<Agency> MemoryOrgStore::agency_by_name(Id region_id, const std::string& name) {
  auto found = rows_where(
      agencies_, [&](const Agency& a) { return a.region_id == region_id && a.name == name; });
  if (found.empty()) return std::nullopt;
  return found.front();  // ORDER BY id LIMIT 1
}

std::vector<Agency> MemoryOrgStore::agencies_of_region(Id region_id) {
  auto out = rows_where(agencies_, [&](const Agency& a) { return a.region_id == region_id; });
  std::stable_sort(out.begin(), out.end(),
                   [](const Agency& a, const Agency& b) { return a.name < b.name; });
  return out;
}

Id MemoryOrgStore::insert_unit(const Unit& u) {
  require_row(agencies_, u.agency_id, "units.agency_id");
  require_row(units_, u.parent_id, "units.parent_id");
  check_unit_kind(u.kind);
  require_row(articles_, u.source_article, "units.source_article");
  Unit x = u;
  x.id = units_.next_key();
  units_.put(x.id, x);
  moved();
  touched_agency(x.agency_id);
  return x.id;
}

void MemoryOrgStore::update_unit(const Unit& u) {
  if (!units_.contains(u.id)) return;
  require_row(agencies_, u.agency_id, "units.agency_id");
  require_row(units_, u.parent_id, "units.parent_id");
  check_unit_kind(u.kind);
  require_row(articles_, u.source_article, "units.source_article");
  const Id old_agency = units_.find(u.id)->agency_id;
  units_.put(u.id, u);
  moved();
  touched_agency(u.agency_id);
  if (old_agency != u.agency_id) touched_agency(old_agency);
}

std::optional<Unit> MemoryOrgStore::unit(Id id) {
  return row(units_, id);
}

std::vector<Unit> MemoryOrgStore::units_of_agency(Id agency_id, bool include_abolished) {
  auto out = rows_where(units_, [&](const Unit& u) {
    return u.agency_id == agency_id && (include_abolished || !u.abolished);
  });
  by_ordinal(out);
  return out;
}

namespace {
template <typename Agencies, typename Units, typename Positions, typename Articles>
void check_position(const Position& p, const Agencies& agencies, const Units& units,
                    const Positions& positions, const Articles& articles) {
  require_row(agencies, p.agency_id, "positions.agency_id");
  require_row(units, p.unit_id, "positions.unit_id");
  require_row(positions, p.superior_id, "positions.superior_id");
  require_one_of(to_string(p.kind),
                 {"JPT Pratama", "Administrator", "Pengawas", "Fungsional", "Pelaksana"},
                 "positions.kind");
  require_row(articles, p.source_article, "positions.source_article");
  require_row(articles, p.duties_article, "positions.duties_article");
  if (p.work_level < 0 || p.work_level > 3)
    refuse("CHECK constraint failed (positions.work_level)");
  require_row(positions, p.appraiser_id, "positions.appraiser_id");
}
}  // namespace

Id MemoryOrgStore::insert_position(const Position& p) {
  check_position(p, agencies_, units_, positions_, articles_);
  Position x = p;
  x.id = positions_.next_key();
  positions_.put(x.id, x);
  moved();
  touched_agency(x.agency_id);
  return x.id;
}

void MemoryOrgStore::update_position(const Position& p) {
  if (!positions_.contains(p.id)) return;
  check_position(p, agencies_, units_, positions_, articles_);
  const Position old = *positions_.find(p.id);
  positions_.put(p.id, p);
  moved();
  touched_agency(p.agency_id);
  if (old.agency_id != p.agency_id) touched_agency(old.agency_id);
  // The people search and a person's page show a position's title and agency.
  if (old.title != p.title || old.agency_id != p.agency_id) touched("people");
}

std::optional<Position> MemoryOrgStore::position(Id id) {
  return row(positions_, id);
}

std::string MemoryOrgStore::position_title(Id id) {
  const auto p = row(positions_, id);
  return p ? p->title : std::string();
}

std::vector<Position> MemoryOrgStore::positions_of_agency(Id agency_id, bool include_abolished) {
  auto out = rows_where(positions_, [&](const Position& p) {
    return p.agency_id == agency_id && (include_abolished || !p.abolished);
  });
  by_ordinal(out);
  return out;
}

std::vector<PositionBrief> MemoryOrgStore::position_briefs_of_agency(Id agency_id) {
  std::vector<PositionBrief> out;
  for (const auto& p : positions_of_agency(agency_id, false)) out.push_back(brief(p));
  return out;
}

std::vector<PositionBrief> MemoryOrgStore::subordinates_of_position(Id position_id) {
  auto subs = rows_where(
      positions_, [&](const Position& p) { return p.superior_id == position_id && !p.abolished; });
  by_ordinal(subs);
  std::vector<PositionBrief> out;
  out.reserve(subs.size());
  for (const auto& p : subs) out.push_back(brief(p));
  return out;
}

namespace {

// The page of `items` (LIMIT/OFFSET).
template <typename T>
std::vector<T> page_of(std::vector<T> items, const Page& page) {
  const Page p = clamped(page);
  const auto from = std::min(items.size(), static_cast<std::size_t>(p.offset));
  const auto to = std::min(items.size(), from + static_cast<std::size_t>(p.limit));
  return std::vector<T>(std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(from)),
                        std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(to)));
}

}  // namespace

CountedPage<PositionBrief> MemoryOrgStore::position_briefs_page(Id agency_id,
                                                                const PositionFilter& filter,
                                                                const Page& page) {
  const std::string needle = text::to_lower(filter.title_contains);
  auto found = rows_where(positions_, [&](const Position& p) {
    return p.agency_id == agency_id && !p.abolished &&
           (!filter.unit_id || p.unit_id == filter.unit_id) &&
           (!filter.kind || p.kind == *filter.kind) &&
           text::to_lower(p.title).find(needle) != std::string::npos &&
           (!filter.vacant_only || !held(p.id));
  });
  by_ordinal(found);
  CountedPage<PositionBrief> out;
  out.total = static_cast<std::int64_t>(found.size());
  for (const auto& p : page_of(std::move(found), page)) out.items.push_back(brief(p));
  return out;
}

std::vector<UnitWithHead> MemoryOrgStore::unit_children(Id agency_id, std::optional<Id> parent_id,
                                                        const Page& page) {
  auto children = rows_where(units_, [&](const Unit& u) {
    return u.agency_id == agency_id && u.parent_id == parent_id && !u.abolished;
  });
  std::stable_sort(children.begin(), children.end(), [](const Unit& a, const Unit& b) {
    return std::tie(a.ordinal, a.id) < std::tie(b.ordinal, b.id);
  });
  const auto agency_positions = positions_of_agency(agency_id, false);
  std::vector<UnitWithHead> out;
  for (auto& u : page_of(std::move(children), page)) {
    const Id id = u.id;
    const auto grandchildren =
        rows_where(units_, [&](const Unit& c) { return c.parent_id == id && !c.abolished; });
    out.push_back(UnitWithHead{std::move(u), unit_head(agency_positions, id),
                               static_cast<std::int64_t>(grandchildren.size())});
  }
  return out;
}

bool MemoryOrgStore::held(Id position_id) const {
  for (const auto& [id, pl] : placements_.rows()) {
    if (pl.position_id == position_id && !pl.end) return true;
  }
  return false;
}

ChartPosition MemoryOrgStore::chart_node(const Position& p, bool with_holders) const {
  ChartPosition x;
  x.brief = brief(p);
  if (p.unit_id) {
    if (const Unit* u = units_.find(*p.unit_id)) x.unit_name = u->name;
  }
  std::vector<Placement> current;
  for (const auto& [id, pl] : placements_.rows()) {
    if (pl.position_id == p.id && !pl.end) current.push_back(pl);
  }
  for (const auto& h : holders(std::move(current), false))
    x.holders.push_back(ChartHolder{h.placement.kind, with_holders ? h.employee.name : ""});
  if (!x.holders.empty()) x.holder_name = x.holders.front().name;
  for (const auto& [id, q] : positions_.rows()) {
    if (q.superior_id == p.id && !q.abolished) ++x.subordinate_count;
  }
  return x;
}

std::vector<ChartPosition> MemoryOrgStore::chart_page(std::vector<Position> positions,
                                                      const Page& page, bool with_holders) const {
  by_ordinal(positions);
  std::vector<ChartPosition> out;
  for (const auto& p : page_of(std::move(positions), page))
    out.push_back(chart_node(p, with_holders));
  return out;
}

std::optional<ChartPosition> MemoryOrgStore::chart_position(Id agency_id, Id id,
                                                            bool with_holders) {
  const Position* p = positions_.find(id);
  if (p == nullptr || p->agency_id != agency_id || p->abolished) return std::nullopt;
  return chart_node(*p, with_holders);
}

std::vector<ChartPosition> MemoryOrgStore::chart_tops(Id agency_id, const Page& page,
                                                      bool with_holders) {
  return chart_page(rows_where(positions_,
                               [&](const Position& p) {
                                 return p.agency_id == agency_id && !p.abolished && !p.superior_id;
                               }),
                    page, with_holders);
}

std::vector<ChartPosition> MemoryOrgStore::chart_subordinates(Id agency_id, Id superior_id,
                                                              const Page& page, bool with_holders) {
  return chart_page(rows_where(positions_,
                               [&](const Position& p) {
                                 return p.agency_id == agency_id && !p.abolished &&
                                        p.superior_id == superior_id;
                               }),
                    page, with_holders);
}

PositionLinks MemoryOrgStore::position_links(Id id) {
  PositionLinks out;
  const Position* p = positions_.find(id);
  if (p == nullptr) return out;
  const Agency* a = agencies_.find(p->agency_id);
  if (a == nullptr) return out;  // the JOIN finds no row
  out.agency = NamedRef{a->id, a->name};
  auto position_ref = [&](const std::optional<Id>& ref) -> std::optional<NamedRef> {
    const Position* q = ref ? positions_.find(*ref) : nullptr;
    return q == nullptr ? std::nullopt : std::optional<NamedRef>(NamedRef{q->id, q->title});
  };
  auto article_head = [&](const std::optional<Id>& ref) -> std::optional<Article> {
    const Article* x = ref ? articles_.find(*ref) : nullptr;
    if (x == nullptr) return std::nullopt;
    Article head = *x;
    head.text.clear();
    return head;
  };
  if (const Unit* u = p->unit_id ? units_.find(*p->unit_id) : nullptr) {
    out.unit = NamedRef{u->id, u->name};
  }
  out.superior = position_ref(p->superior_id);
  out.appraiser = position_ref(p->appraiser_id);
  out.source_article = article_head(p->source_article);
  out.duties_article = article_head(p->duties_article);
  return out;
}

std::vector<UnitWithHead> MemoryOrgStore::units_with_heads(Id agency_id) {
  // The head of each unit by the one rule of org/unit_head.hpp.
  std::vector<Position> agency_positions;
  for (const auto& [id, p] : positions_.rows()) {
    if (p.agency_id == agency_id) agency_positions.push_back(p);
  }
  std::vector<UnitWithHead> out;
  for (auto& u : units_of_agency(agency_id, false)) {
    const auto head = unit_head(agency_positions, u.id);
    out.push_back(UnitWithHead{std::move(u), head});
  }
  return out;
}

std::optional<Id> MemoryOrgStore::head_of_unit(Id unit_id) {
  std::vector<Position> of_unit;
  for (const auto& [id, p] : positions_.rows()) {
    if (p.unit_id == unit_id) of_unit.push_back(p);
  }
  return unit_head(of_unit, unit_id);
}

std::optional<Id> MemoryOrgStore::agency_level_one_position(Id agency_id) {
  for (const auto& p : positions_of_agency(agency_id, false)) {
    if (!p.unit_id && p.work_level == 1) return p.id;
  }
  return std::nullopt;
}

std::int64_t MemoryOrgStore::count_units(Id agency_id) {
  return static_cast<std::int64_t>(units_of_agency(agency_id, false).size());
}

std::int64_t MemoryOrgStore::count_positions(Id agency_id) {
  std::int64_t n = 0;
  for (const auto& [id, p] : positions_.rows()) {
    if (p.agency_id == agency_id && !p.abolished) ++n;
  }
  return n;
}

// ---- People and placements -------------------------------------------------------------------

namespace {
template <typename Regions>
void check_employee(const Employee& e, const Regions& regions) {
  require_row(regions, e.region_id, "employees.region_id");
  require_one_of(to_string(e.kind), {"PNS", "PPPK"}, "employees.kind");
  const int sex = static_cast<int>(e.sex);
  if (sex != 1 && sex != 2) refuse("CHECK constraint failed (employees.sex)");
}
}  // namespace

Id MemoryOrgStore::insert_employee(const Employee& e) {
  check_employee(e, regions_);
  require_unique(employee_by_nip_, e.nip, 0, "employees.nip");
  EmployeeRow x{e, sort_key(e.name), name_tokens(e.name)};
  x.employee.id = employees_.next_key();
  const Id id = x.employee.id;
  employees_.put(id, std::move(x));
  employee_by_nip_.put(e.nip, id);
  moved();
  touched("people");
  return id;
}

void MemoryOrgStore::update_employee(const Employee& e) {
  const EmployeeRow* stored = employees_.find(e.id);
  if (stored == nullptr) return;
  check_employee(e, regions_);
  require_unique(employee_by_nip_, e.nip, e.id, "employees.nip");
  const std::string old_nip = stored->employee.nip;
  employees_.put(e.id, EmployeeRow{e, sort_key(e.name), name_tokens(e.name)});
  if (old_nip != e.nip) {
    employee_by_nip_.erase(old_nip);
    employee_by_nip_.put(e.nip, e.id);
  }
  moved();
  touched("people");
}

std::optional<Employee> MemoryOrgStore::employee(Id id) {
  const EmployeeRow* r = employees_.find(id);
  return r == nullptr ? std::nullopt : std::optional<Employee>(r->employee);
}

std::optional<Employee> MemoryOrgStore::employee_by_nip(const std::string& nip) {
  const Id* id = employee_by_nip_.find(nip);
  return id == nullptr ? std::nullopt : employee(*id);
}

// The SQL's inner query (search_sql in sql_org_store.cpp): every matching row in result order.
// A person with two tokens in the driving word's range gives two rows, as there.
std::vector<MemoryOrgStore::SearchRow> MemoryOrgStore::search_rows(
    const std::string& query, const PeopleFilter& filter) const {
  const PeopleQuery q = read_people_query(query);
  std::vector<SearchRow> rows;
  if (q.kind == PeopleQuery::Kind::Nothing) return rows;
  for (const auto& [id, r] : employees_.rows()) {
    if (!passes(r.employee, filter)) continue;
    switch (q.kind) {
      case PeopleQuery::Kind::Nip:
        if (in_prefix_range(r.employee.nip, q.nip_prefix)) rows.push_back({id, r.employee.nip, ""});
        break;
      case PeopleQuery::Kind::Everyone:
        rows.push_back({id, r.sort_name, ""});
        break;
      case PeopleQuery::Kind::Words: {
        // (A reference, not the structured binding: clang 14 cannot capture bindings.)
        const auto& tokens = r.tokens;
        auto has_token = [&tokens](const std::string& word) {
          return std::any_of(tokens.begin(), tokens.end(),
                             [&](const std::string& t) { return in_prefix_range(t, word); });
        };
        if (!std::all_of(q.words.begin() + 1, q.words.end(), has_token)) break;
        for (const auto& t : r.tokens) {
          if (in_prefix_range(t, q.words.front())) rows.push_back({id, t, r.sort_name});
        }
        break;
      }
      case PeopleQuery::Kind::Nothing:
        break;
    }
  }
  std::sort(rows.begin(), rows.end(), [](const SearchRow& a, const SearchRow& b) {
    return std::tie(a.k1, a.k2, a.id) < std::tie(b.k1, b.k2, b.id);
  });
  return rows;
}

bool MemoryOrgStore::passes(const Employee& e, const PeopleFilter& filter) const {
  if (filter.region_id != 0 && e.region_id != filter.region_id) return false;
  if (!filter.rank.empty() && e.rank != filter.rank) return false;
  if (filter.kind && e.kind != *filter.kind) return false;
  if (!filter.agency_id && !filter.unit_id) return true;
  // A current placement (of any kind) in a position of the agency and of the unit.
  for (const auto& [pid, p] : placements_.rows()) {
    if (p.employee_id != e.id || p.end) continue;
    const Position* po = positions_.find(p.position_id);
    if (po == nullptr) continue;
    if (filter.agency_id && po->agency_id != *filter.agency_id) continue;
    if (filter.unit_id && po->unit_id != filter.unit_id) continue;
    return true;
  }
  return false;
}

std::optional<Placement> MemoryOrgStore::current_placement(Id employee_id) const {
  // Definitif before plt/plh, then the latest start, then the latest id.
  const Placement* best = nullptr;
  for (const auto& [id, p] : placements_.rows()) {
    if (p.employee_id != employee_id || p.end) continue;
    if (best == nullptr) {
      best = &p;
      continue;
    }
    const auto key = std::make_tuple(acting(p), best->start.iso(), best->id);
    const auto best_key = std::make_tuple(acting(*best), p.start.iso(), p.id);
    if (key < best_key) best = &p;
  }
  return best == nullptr ? std::nullopt : std::optional<Placement>(*best);
}

std::vector<EmployeeHit> MemoryOrgStore::search_employees(const std::string& query,
                                                          const PeopleFilter& filter,
                                                          const Page& page) {
  const Page p = clamped(page);
  const auto rows = search_rows(query, filter);
  // LIMIT/OFFSET over the rows, then each person once.
  std::vector<EmployeeHit> hits;
  const auto from = std::min(rows.size(), static_cast<std::size_t>(p.offset));
  const auto to = std::min(rows.size(), from + static_cast<std::size_t>(p.limit));
  for (auto i = from; i < to; ++i) {
    const Id id = rows[i].id;
    if (std::any_of(hits.begin(), hits.end(),
                    [id](const auto& h) { return h.employee.id == id; })) {
      continue;
    }
    EmployeeHit h;
    h.employee = employees_.find(id)->employee;
    if (const auto pl = current_placement(id)) {
      h.position_id = pl->position_id;
      h.placement_kind = to_string(pl->kind);
      if (const Position* po = positions_.find(pl->position_id)) {
        h.position_title = po->title;
        if (const Agency* ag = agencies_.find(po->agency_id)) {
          h.agency_id = ag->id;
          h.agency_name = ag->name;
          h.agency_region_id = ag->region_id;
        }
      }
    }
    hits.push_back(std::move(h));
  }
  return hits;
}

std::int64_t MemoryOrgStore::count_employees(Id region_id) {
  std::int64_t n = 0;
  for (const auto& [id, r] : employees_.rows()) {
    if (region_id == 0 || r.employee.region_id == region_id) ++n;
  }
  return n;
}

std::int64_t MemoryOrgStore::count_search_employees(const std::string& query,
                                                    const PeopleFilter& filter) {
  std::set<Id> ids;
  for (const auto& r : search_rows(query, filter)) ids.insert(r.id);
  return static_cast<std::int64_t>(ids.size());
}

BoundedCount MemoryOrgStore::count_search_employees_up_to(const std::string& query,
                                                          const PeopleFilter& filter,
                                                          std::int64_t bound) {
  // As the SQL store: the first `bound` rows of the search in result order, each person once.
  const auto rows = search_rows(query, filter);
  const auto n = std::min(rows.size(), static_cast<std::size_t>(std::max<std::int64_t>(bound, 0)));
  std::set<Id> ids;
  for (std::size_t i = 0; i < n; ++i) ids.insert(rows[i].id);
  return BoundedCount{static_cast<std::int64_t>(ids.size()), static_cast<std::int64_t>(n) >= bound};
}

Id MemoryOrgStore::insert_placement(const Placement& p) {
  require_row(employees_, p.employee_id, "placements.employee_id");
  require_row(positions_, p.position_id, "placements.position_id");
  require_one_of(to_string(p.kind), {"definitif", "plt", "plh"}, "placements.kind");
  Placement x = p;
  x.id = placements_.next_key();
  placements_.put(x.id, x);
  moved();
  touched("people");
  touched_agency(positions_.find(x.position_id)->agency_id);
  return x.id;
}

void MemoryOrgStore::end_placement(Id placement_id, const Date& end) {
  const Placement* stored = placements_.find(placement_id);
  if (stored == nullptr) return;
  Placement x = *stored;
  const Id stored_position = x.position_id;
  x.end = end;
  placements_.put(x.id, x);
  moved();
  touched("people");
  if (const Position* po = positions_.find(stored_position)) touched_agency(po->agency_id);
}

std::optional<Placement> MemoryOrgStore::placement(Id id) {
  return row(placements_, id);
}

std::vector<Holder> MemoryOrgStore::holders(std::vector<Placement> current,
                                            bool by_position) const {
  // [ORDER BY position id,] definitif first, then the earliest start, then id.
  std::sort(current.begin(), current.end(), [by_position](const Placement& a, const Placement& b) {
    const Id pa = by_position ? a.position_id : 0, pb = by_position ? b.position_id : 0;
    return std::make_tuple(pa, acting(a), a.start.iso(), a.id) <
           std::make_tuple(pb, acting(b), b.start.iso(), b.id);
  });
  std::vector<Holder> out;
  for (auto& pl : current) {
    const EmployeeRow* e = employees_.find(pl.employee_id);
    if (e == nullptr) continue;  // the JOIN finds no row
    out.push_back(Holder{pl, e->employee});
  }
  return out;
}

std::vector<Holder> MemoryOrgStore::holders_of_position(Id position_id) {
  return holders(
      rows_where(placements_,
                 [&](const Placement& p) { return p.position_id == position_id && !p.end; }),
      false);
}

std::vector<Holder> MemoryOrgStore::holders_of_agency(Id agency_id) {
  return holders(rows_where(placements_,
                            [&](const Placement& p) {
                              const Position* po = positions_.find(p.position_id);
                              return !p.end && po != nullptr && po->agency_id == agency_id;
                            }),
                 true);
}

std::vector<Placement> MemoryOrgStore::placements_of_employee(Id employee_id) {
  auto out =
      rows_where(placements_, [&](const Placement& p) { return p.employee_id == employee_id; });
  // Newest first: the latest start, then the latest id.
  std::sort(out.begin(), out.end(), [](const Placement& a, const Placement& b) {
    return std::make_tuple(b.start.iso(), b.id) < std::make_tuple(a.start.iso(), a.id);
  });
  return out;
}

// ---- IKI tables ------------------------------------------------------------------------------

Id MemoryOrgStore::insert_iki_table(const IkiTable& t) {
  require_row(regulations_, t.regulation_id, "iki_tables.regulation_id");
  require_row(positions_, t.position_id, "iki_tables.position_id");
  for (const auto& r : t.rows)
    require_one_of(r.formula_kind, {"ratio", "count", "predicate", "text"},
                   "iki_rows.formula_kind");
  IkiTable x = t;
  x.id = iki_tables_.next_key();
  iki_tables_.put(x.id, x);
  moved();
  touched("regulations");
  return x.id;
}

std::vector<IkiTable> MemoryOrgStore::iki_tables_of_regulation(Id regulation_id) {
  auto out =
      rows_where(iki_tables_, [&](const IkiTable& t) { return t.regulation_id == regulation_id; });
  by_ordinal(out);
  return out;
}

std::vector<IkiTable> MemoryOrgStore::iki_tables_of_position(Id position_id) {
  auto out =
      rows_where(iki_tables_, [&](const IkiTable& t) { return t.position_id == position_id; });
  std::stable_sort(out.begin(), out.end(), [](const IkiTable& a, const IkiTable& b) {
    return std::make_pair(a.regulation_id, a.ordinal) < std::make_pair(b.regulation_id, b.ordinal);
  });
  return out;
}

// ---- Structure history -----------------------------------------------------------------------

Id MemoryOrgStore::insert_structure_change(const StructureChange& c) {
  require_row(agencies_, c.agency_id, "structure_changes.agency_id");
  require_row(regulations_, c.old_regulation_id, "structure_changes.old_regulation_id");
  require_row(regulations_, c.new_regulation_id, "structure_changes.new_regulation_id");
  require_one_of(
      to_string(c.kind),
      {"ditambah", "dihapus", "diganti_nama", "diubah_eselon", "diubah_atasan", "diubah_tugas"},
      "structure_changes.kind");
  StructureChange x = c;
  x.id = changes_.next_key();
  changes_.put(x.id, x);
  moved();
  touched_agency(x.agency_id);
  return x.id;
}

std::vector<StructureChange> MemoryOrgStore::structure_changes_of_agency(Id agency_id) {
  return rows_where(changes_, [&](const StructureChange& c) { return c.agency_id == agency_id; });
}

}  // namespace tatakerja::org
