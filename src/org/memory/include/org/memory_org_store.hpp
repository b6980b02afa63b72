// The organisation registry kept in memory: OrgStore without a database, for tests (and anything
// else that wants a registry that lives as long as the process). It behaves as the SQL store does
// on every point the port promises (org/org_store.hpp), checked by the same conformance suite
// (tests/org/org_store_conformance_test.cpp): ids numbered from 1 as SQLite numbers them, the
// same orders, the same people search, the schema's UNIQUE, foreign-key and CHECK rules refused
// with storage::DatabaseError of kind Constraint (before anything is written), and the registry
// revision moved by every change to the registry's content.
//
// It is Transactional on its own: begin() starts journaling every change, rollback() undoes them
// (the revision included), commit() keeps them; a nested begin() is an error. A write that is
// refused inside a transaction leaves the transaction usable (as SQLite does; PostgreSQL refuses
// every further statement until the rollback). persistence::MemoryStores groups it with the
// memory identity store under one Transactional.
//
// Not thread-safe: one thread at a time (as a database connection; each server worker would own
// its stores).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/journaled_map.hpp"
#include "core/transaction.hpp"
#include "org/org_store.hpp"

namespace tatakerja::org {

class MemoryOrgStore final : public OrgStore, public Transactional {
 public:
  MemoryOrgStore() = default;
  MemoryOrgStore(const MemoryOrgStore&) = delete;
  MemoryOrgStore& operator=(const MemoryOrgStore&) = delete;

  // Transactional: throws storage::DatabaseError (kind Other) on a nested begin() or a commit()
  // without begin().
  void begin() override;
  void commit() override;
  void rollback() noexcept override;
  bool in_transaction() const { return in_transaction_; }

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
  void update_regulation_status(const Regulation& r) override;
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
  std::int64_t count_positions(Id agency_id) override;

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
  std::vector<Holder> holders_of_position(Id position_id) override;
  std::vector<Holder> holders_of_agency(Id agency_id) override;
  std::vector<Placement> placements_of_employee(Id employee_id) override;

  Id insert_iki_table(const IkiTable& t) override;
  std::vector<IkiTable> iki_tables_of_regulation(Id regulation_id) override;
  std::vector<IkiTable> iki_tables_of_position(Id position_id) override;

  Id insert_structure_change(const StructureChange& c) override;
  std::vector<StructureChange> structure_changes_of_agency(Id agency_id) override;

  // Whether the employee exists: the foreign key users.employee_id, for the memory identity
  // store (persistence::MemoryStores wires it).
  bool has_employee(Id id) const { return employees_.contains(id); }

 private:
  // An employee with what the people search reads: the sort key and the name's tokens (the SQL
  // store's employees.sort_name and employee_name_tokens).
  struct EmployeeRow {
    Employee employee;
    std::string sort_name;
    std::vector<std::string> tokens;
  };
  // One row of the people search before paging: (id, k1, k2) as the SQL's inner query gives it.
  struct SearchRow {
    Id id;
    std::string k1, k2;
  };
  // Whether the person passes the people search's filter.
  bool passes(const Employee& e, const PeopleFilter& filter) const;
  // Whether the position has a current placement.
  bool held(Id position_id) const;
  std::vector<SearchRow> search_rows(const std::string& query, const PeopleFilter& filter) const;
  std::optional<Placement> current_placement(Id employee_id) const;
  // Current placements with their people, in holders_of_position's order (after the position
  // id when `by_position`).
  std::vector<Holder> holders(std::vector<Placement> current, bool by_position) const;
  void moved();  // the registry's content changed
  // The scope's revision moves (as migration 4's triggers move it in SQL).
  void touched(const std::string& scope);
  void touched_agency(Id agency_id) { touched("agency/" + std::to_string(agency_id)); }
  ChartPosition chart_node(const Position& p, bool with_holders) const;
  std::vector<ChartPosition> chart_page(std::vector<Position> positions, const Page& page,
                                        bool with_holders) const;

  template <typename F>
  void each_table(F f) {
    f(regions_);
    f(regulations_);
    f(regulation_texts_);
    f(articles_);
    f(findings_);
    f(agencies_);
    f(units_);
    f(positions_);
    f(employees_);
    f(placements_);
    f(changes_);
    f(iki_tables_);
    f(region_by_code_);
    f(regulation_by_sha256_);
    f(employee_by_nip_);
    f(scopes_);
  }

  JournaledMap<Id, Region> regions_;
  JournaledMap<Id, Regulation> regulations_;
  JournaledMap<Id, std::string> regulation_texts_;
  JournaledMap<Id, Article> articles_;
  JournaledMap<Id, StoredFinding> findings_;
  JournaledMap<Id, Agency> agencies_;
  JournaledMap<Id, Unit> units_;
  JournaledMap<Id, Position> positions_;
  JournaledMap<Id, EmployeeRow> employees_;
  JournaledMap<Id, Placement> placements_;
  JournaledMap<Id, StructureChange> changes_;
  JournaledMap<Id, IkiTable> iki_tables_;  // with their rows
  // The UNIQUE columns: regions.code, regulations.sha256, employees.nip.
  JournaledMap<std::string, Id> region_by_code_;
  JournaledMap<std::string, Id> regulation_by_sha256_;
  JournaledMap<std::string, Id> employee_by_nip_;
  JournaledMap<std::string, std::int64_t> scopes_;  // scope -> revision

  std::int64_t revision_ = 1;  // a migrated database starts at 1
  std::int64_t revision_at_begin_ = 1;
  bool in_transaction_ = false;
};

}  // namespace tatakerja::org
