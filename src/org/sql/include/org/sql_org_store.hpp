// The organisation registry's storage over SQL: one implementation of plain SQL over
// storage::Connection, so SQLite and PostgreSQL run the very same code (and the same conformance
// suite). Every method throws storage::DatabaseError on failure. The contract of each method is
// OrgStore's (org/org_store.hpp).
#pragma once

#include "org/org_store.hpp"
#include "storage/database.hpp"

namespace tatakerja::org {

class SqlOrgStore final : public OrgStore {
 public:
  explicit SqlOrgStore(storage::Connection& c) : c_(c) {}

  std::int64_t registry_revision() override;
  std::vector<ScopeRevision> scope_revisions(const std::vector<std::string>& scopes,
                                             std::optional<Id> position_id) override;
  std::vector<ScopeRevision> all_scope_revisions() override;
  void refresh_planner_statistics() override;

  Id insert_region(const Region& r) override;
  std::optional<Region> region(Id id) override;
  std::optional<Region> region_by_code(const std::string& code) override;
  std::vector<Region> regions() override;

  Id insert_regulation(const Regulation& r, const std::string& text) override;
  std::optional<Regulation> regulation(Id id) override;
  std::optional<Regulation> regulation_by_sha256(const std::string& sha256) override;
  std::optional<Regulation> find_regulation(Id region_id, const std::string& kind,
                                            const std::string& number, int year) override;
  std::vector<Regulation> regulations_of_region(Id region_id) override;
  std::optional<std::string> regulation_text(Id regulation_id) override;
  void update_regulation_status(const Regulation& r) override;  // status, revoked_by, articles
  Id insert_article(const Article& a) override;
  std::optional<Article> article(Id id) override;
  std::vector<Article> articles_of_regulation(Id regulation_id) override;
  Id insert_finding(const StoredFinding& f) override;
  std::vector<StoredFinding> findings_of_regulation(Id regulation_id) override;

  Id insert_agency(const Agency& a) override;
  void update_agency(const Agency& a) override;
  std::optional<Agency> agency(Id id) override;
  std::optional<Agency> agency_by_name(Id region_id, const std::string& name) override;
  std::vector<Agency> agencies_of_region(Id region_id) override;
  Id insert_unit(const Unit& u) override;
  void update_unit(const Unit& u) override;
  std::optional<Unit> unit(Id id) override;
  std::vector<Unit> units_of_agency(Id agency_id, bool include_abolished) override;
  Id insert_position(const Position& p) override;
  void update_position(const Position& p) override;
  std::optional<Position> position(Id id) override;
  std::string position_title(Id id) override;
  std::vector<Position> positions_of_agency(Id agency_id, bool include_abolished) override;
  std::vector<PositionBrief> position_briefs_of_agency(Id agency_id) override;
  CountedPage<PositionBrief> position_briefs_page(Id agency_id, const PositionFilter& filter,
                                                  const Page& page) override;
  std::vector<PositionBrief> subordinates_of_position(Id position_id) override;
  PositionLinks position_links(Id id) override;
  std::vector<UnitWithHead> units_with_heads(Id agency_id) override;
  std::optional<Id> head_of_unit(Id unit_id) override;
  std::optional<Id> agency_level_one_position(Id agency_id) override;
  std::vector<UnitWithHead> unit_children(Id agency_id, std::optional<Id> parent_id,
                                          const Page& page) override;
  std::optional<ChartPosition> chart_position(Id agency_id, Id id, bool with_holders) override;
  std::vector<ChartPosition> chart_tops(Id agency_id, const Page& page, bool with_holders) override;
  std::vector<ChartPosition> chart_subordinates(Id agency_id, Id superior_id, const Page& page,
                                                bool with_holders) override;
  std::int64_t count_units(Id agency_id) override;
  std::int64_t count_positions(Id agency_id) override;  // non-abolished

  Id insert_employee(const Employee& e) override;
  void update_employee(const Employee& e) override;
  std::optional<Employee> employee(Id id) override;
  std::optional<Employee> employee_by_nip(const std::string& nip) override;
  std::vector<EmployeeHit> search_employees(const std::string& query, const PeopleFilter& filter,
                                            const Page& page) override;
  std::int64_t count_employees(Id region_id) override;
  std::int64_t count_search_employees(const std::string& query,
                                      const PeopleFilter& filter) override;
  BoundedCount count_search_employees_up_to(const std::string& query, const PeopleFilter& filter,
                                            std::int64_t bound) override;
  Id insert_placement(const Placement& p) override;
  void end_placement(Id placement_id, const Date& end) override;
  std::optional<Placement> placement(Id id) override;
  std::vector<Holder> holders_of_position(Id position_id) override;  // current placements only
  std::vector<Holder> holders_of_agency(Id agency_id) override;
  std::vector<Placement> placements_of_employee(Id employee_id) override;  // all, newest first

  Id insert_iki_table(const IkiTable& t) override;
  std::vector<IkiTable> iki_tables_of_regulation(Id regulation_id) override;
  std::vector<IkiTable> iki_tables_of_position(Id position_id) override;

  Id insert_structure_change(const StructureChange& c) override;
  std::vector<StructureChange> structure_changes_of_agency(Id agency_id) override;

  // How many positions an agency may have for the people search filtered by it to read the set
  // of its people and sort it; above it, the search reads people in its own order and checks
  // each one's placements (docs/performance.md, "The people list's filters"). The same answers
  // either way; tests lower it to run the second form.
  void set_small_agency_positions(std::int64_t n) { small_agency_positions_ = n; }

 private:
  storage::Connection& c_;
  std::int64_t small_agency_positions_ = 20000;
};

}  // namespace tatakerja::org
