// The organisation registry's storage port: what the use cases and the API need from wherever
// the registry is kept. Implemented over SQL for SQLite and PostgreSQL (org/sql) and in memory
// (org/memory); one conformance suite (tests/org/org_store_conformance_test.cpp) runs against
// all three. Lookups return nullopt for unknown ids; a write that breaks a rule of the schema
// (a duplicate NIP or username, a reference to a record that does not exist) throws
// storage::DatabaseError of kind Constraint. Writes do not open a transaction of their own: the
// use case groups its whole change in one Transaction (core/transaction.hpp), so a refused
// request writes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/page.hpp"
#include "org/model.hpp"

namespace tatakerja::org {

// A person found by the people search (with the position they hold now, if any).
struct EmployeeHit {
  Employee employee;
  std::optional<Id> position_id;
  std::string position_title;
  std::optional<Id> agency_id;
  std::string agency_name;
  std::optional<Id> agency_region_id;  // the region of that agency (agencies share names)
  std::string placement_kind;          // "definitif", "plt", "plh" or empty
};

// Whom the people search lists besides the query: people of a region (0: every region), with a
// current placement (any kind) in a position of the agency or of the unit, of the rank (as
// stored: "III/a", "IX") and of the kind (PNS/PPPK); nullopt/empty: any. Made from a region id
// alone where only the region matters.
struct PeopleFilter {
  PeopleFilter(Id region = 0) : region_id(region) {}  // NOLINT(google-explicit-constructor)
  Id region_id = 0;
  std::optional<Id> agency_id;
  std::optional<Id> unit_id;
  std::string rank;
  std::optional<EmployeeKind> kind;
  // Whether only the region is set (the search as before the filters: driven by its indexes).
  bool region_only() const { return !agency_id && !unit_id && rank.empty() && !kind; }
};

// A count that stopped at a bound: `count`, or at least `count` when `at_least`.
struct BoundedCount {
  std::int64_t count = 0;
  bool at_least = false;
};

// A position with its current holders (a position may have a definitive holder and an acting one).
struct Holder {
  Placement placement;
  Employee employee;
};

// What a position's page names besides the position: each a record's id and name (a position's
// title for the superior and the appraiser), or nothing where there is none.
struct NamedRef {
  Id id = 0;
  std::string name;
};
struct PositionLinks {
  std::optional<NamedRef> agency, unit, superior, appraiser;
  std::optional<Article> source_article, duties_article;  // heads: no text
};

// A position without its texts (rumusan tugas, fungsi, uraian tugas): what lists, charts and
// links need, read without decoding the texts.
struct PositionBrief {
  Id id = 0;
  std::optional<Id> unit_id;
  std::optional<Id> superior_id;
  std::string title;
  PositionKind kind = PositionKind::Pelaksana;
  std::optional<Eselon> eselon;
  int work_level = 0;
};

// Which of an agency's positions a list shows: of one unit, of one kind, with a title containing
// `title_contains` (ASCII case ignored); nullopt/empty: any.
struct PositionFilter {
  std::optional<Id> unit_id;
  std::optional<PositionKind> kind;
  std::string title_contains;
  bool vacant_only = false;  // only positions without a current placement (lowong)
};

// A page of a list and the number of items over every page.
template <typename T>
struct CountedPage {
  std::vector<T> items;
  std::int64_t total = 0;
};

// A unit with the position that heads it (org/unit_head.hpp's rule), if any.
struct UnitWithHead {
  Unit unit;
  std::optional<Id> head_position_id;
  std::int64_t child_count = 0;  // live units directly under it (unit_children only)
};

// A position as the organisation chart draws it: the brief, its unit's name, the name of its
// holder now (the definitive one before acting ones; nullopt: vacant; an empty name when read
// without holders) and the number of its live direct subordinates (so a chart read level by
// level knows what it left out).
// Each current holder of a chart's position: the kind of placement (a Plt or Plh is drawn as
// such) and the name (empty when read without holders).
struct ChartHolder {
  PlacementKind kind = PlacementKind::Definitive;
  std::string name;
};
struct ChartPosition {
  PositionBrief brief;
  std::string unit_name;
  std::optional<std::string> holder_name;
  std::int64_t subordinate_count = 0;
  std::vector<ChartHolder> holders;  // current placements, as holders_of_position orders them
};

// The revision of one scope of the registry: "agency/12", "people", "regulations", or "registry"
// for the registry revision that every change moves.
struct ScopeRevision {
  std::string scope;
  std::int64_t revision = 0;
};

class OrgStore {
 public:
  virtual ~OrgStore() = default;

  // The registry revision: a number that every committed change to the registry's content (not
  // to accounts, sessions or the audit log) moves on, whoever makes it (database triggers;
  // migration 2). Equal revisions mean equal content, so answers can be cached by it.
  virtual std::int64_t registry_revision() = 0;
  // The current revision of each of `scopes` and, when `position_id` is given, of the agency that
  // position belongs to; a scope that never changed has revision 0 (and may be left out), an
  // unknown position adds nothing. Sorted by scope. Each moves on every committed change to what
  // it covers (migration 4 in SQL).
  virtual std::vector<ScopeRevision> scope_revisions(const std::vector<std::string>& scopes,
                                                     std::optional<Id> position_id) = 0;
  // The revision of every scope that has changed at least once, "registry" among them; a scope
  // left out is at revision 0. Sorted by scope. (What the server's revision board reloads.)
  virtual std::vector<ScopeRevision> all_scope_revisions() = 0;
  // After a bulk load: PostgreSQL's planner statistics are brought up to date (ANALYZE), so that
  // the people search uses its token index at once rather than after autovacuum's next pass.
  // SQLite plans from its indexes alone here; nothing to do.
  virtual void refresh_planner_statistics() = 0;

  // Regions
  virtual Id insert_region(const Region& r) = 0;
  virtual std::optional<Region> region(Id id) = 0;
  virtual std::optional<Region> region_by_code(const std::string& code) = 0;
  virtual std::vector<Region> regions() = 0;

  // Regulations, their articles and findings
  virtual Id insert_regulation(const Regulation& r, const std::string& text) = 0;
  virtual std::optional<Regulation> regulation(Id id) = 0;
  virtual std::optional<Regulation> regulation_by_sha256(const std::string& sha256) = 0;
  // Finds an earlier regulation of the region by kind, number and year (for revocations).
  virtual std::optional<Regulation> find_regulation(Id region_id, const std::string& kind,
                                                    const std::string& number, int year) = 0;
  virtual std::vector<Regulation> regulations_of_region(Id region_id) = 0;
  virtual std::optional<std::string> regulation_text(Id regulation_id) = 0;
  virtual void update_regulation_status(const Regulation& r) = 0;  // status, revoked_by, articles
  virtual Id insert_article(const Article& a) = 0;
  virtual std::optional<Article> article(Id id) = 0;
  // The article without its text (label, path, lines): for links.
  virtual std::vector<Article> articles_of_regulation(Id regulation_id) = 0;
  virtual Id insert_finding(const StoredFinding& f) = 0;
  virtual std::vector<StoredFinding> findings_of_regulation(Id regulation_id) = 0;

  // Agencies, units, positions
  virtual Id insert_agency(const Agency& a) = 0;
  virtual void update_agency(const Agency& a) = 0;
  virtual std::optional<Agency> agency(Id id) = 0;
  virtual std::optional<Agency> agency_by_name(Id region_id, const std::string& name) = 0;
  virtual std::vector<Agency> agencies_of_region(Id region_id) = 0;
  virtual Id insert_unit(const Unit& u) = 0;
  virtual void update_unit(const Unit& u) = 0;
  virtual std::optional<Unit> unit(Id id) = 0;
  // The agency's units in regulation order; abolished ones (removed by a later regulation) only
  // when asked.
  virtual std::vector<Unit> units_of_agency(Id agency_id, bool include_abolished) = 0;
  virtual Id insert_position(const Position& p) = 0;
  virtual void update_position(const Position& p) = 0;
  virtual std::optional<Position> position(Id id) = 0;
  // Its title alone (an answer that names it); "" when there is no position `id`.
  virtual std::string position_title(Id id) = 0;
  virtual std::vector<Position> positions_of_agency(Id agency_id,
                                                    bool include_abolished = false) = 0;
  // The agency's non-abolished positions without their texts, in regulation order.
  virtual std::vector<PositionBrief> position_briefs_of_agency(Id agency_id) = 0;
  // A page of the agency's non-abolished positions that pass `filter`, in regulation order, and
  // how many pass it, without the positions' texts.
  virtual CountedPage<PositionBrief> position_briefs_page(Id agency_id,
                                                          const PositionFilter& filter,
                                                          const Page& page) = 0;
  // The non-abolished positions whose direct superior is `position_id`, in regulation order.
  virtual std::vector<PositionBrief> subordinates_of_position(Id position_id) = 0;
  // The agency, unit, superior, appraiser and source articles of the stored position `id`, read
  // in one query (a position page's other reads are its subordinates and holders).
  virtual PositionLinks position_links(Id id) = 0;
  // The agency's units, parents before children (regulation order), each with its head.
  virtual std::vector<UnitWithHead> units_with_heads(Id agency_id) = 0;
  // The head of unit `unit_id` by the one rule of org/unit_head.hpp (read from the unit's own
  // structural positions); nullopt when it has no live one.
  virtual std::optional<Id> head_of_unit(Id unit_id) = 0;
  // The agency's first live position outside every unit at work level I (its head), in
  // regulation order; nullopt when it has none.
  virtual std::optional<Id> agency_level_one_position(Id agency_id) = 0;
  // The live units directly under `parent_id` (nullopt: the agency's top units), a page of them in
  // regulation order, each with its head and the number of its live child units.
  virtual std::vector<UnitWithHead> unit_children(Id agency_id, std::optional<Id> parent_id,
                                                  const Page& page) = 0;
  // The live position `id` of the agency as the chart draws it; nullopt when it is not one.
  // Without holders only whether a position is held is read (an anonymous chart).
  virtual std::optional<ChartPosition> chart_position(Id agency_id, Id id, bool with_holders) = 0;
  // The top of the agency's chart: its live positions without a superior, a page of them in
  // regulation order.
  virtual std::vector<ChartPosition> chart_tops(Id agency_id, const Page& page,
                                                bool with_holders) = 0;
  // The live direct subordinates of `superior_id` in the agency, a page of them in regulation
  // order.
  virtual std::vector<ChartPosition> chart_subordinates(Id agency_id, Id superior_id,
                                                        const Page& page, bool with_holders) = 0;
  virtual std::int64_t count_units(Id agency_id) = 0;
  virtual std::int64_t count_positions(Id agency_id) = 0;  // non-abolished

  // People and placements
  virtual Id insert_employee(const Employee& e) = 0;
  virtual void update_employee(const Employee& e) = 0;
  virtual std::optional<Employee> employee(Id id) = 0;
  virtual std::optional<Employee> employee_by_nip(const std::string& nip) = 0;
  // Name search by word prefixes ("budi sant" finds "Budi Santoso"), or by NIP prefix when the
  // query is digits, of the people `filter` lets through. Case- and accent-insensitive. The
  // order does not depend on the filter (a filter only leaves people out).
  virtual std::vector<EmployeeHit> search_employees(const std::string& query,
                                                    const PeopleFilter& filter,
                                                    const Page& page) = 0;
  virtual std::int64_t count_employees(Id region_id) = 0;
  // The number of people search_employees would list for the query over every page.
  virtual std::int64_t count_search_employees(const std::string& query,
                                              const PeopleFilter& filter) = 0;
  // The same, reading at most `bound` entries of the index (the work of a page is bounded);
  // at_least: the bound was reached, there may be more.
  virtual BoundedCount count_search_employees_up_to(const std::string& query,
                                                    const PeopleFilter& filter,
                                                    std::int64_t bound) = 0;
  virtual Id insert_placement(const Placement& p) = 0;
  virtual void end_placement(Id placement_id, const Date& end) = 0;
  virtual std::optional<Placement> placement(Id id) = 0;
  virtual std::vector<Holder> holders_of_position(Id position_id) = 0;  // current placements only
  // Current placements in every position of the agency, ordered by position id then as
  // holders_of_position orders them.
  virtual std::vector<Holder> holders_of_agency(Id agency_id) = 0;
  virtual std::vector<Placement> placements_of_employee(Id employee_id) = 0;  // all, newest first

  // IKI tables (migration 11): stored with their rows; read in the regulation's order.
  virtual Id insert_iki_table(const IkiTable& t) = 0;
  virtual std::vector<IkiTable> iki_tables_of_regulation(Id regulation_id) = 0;
  // Every IKI table linked to the position, of every regulation, by regulation id then order.
  virtual std::vector<IkiTable> iki_tables_of_position(Id position_id) = 0;

  // Structure history
  virtual Id insert_structure_change(const StructureChange& c) = 0;
  virtual std::vector<StructureChange> structure_changes_of_agency(Id agency_id) = 0;
};

}  // namespace tatakerja::org
