// The work system's rules, teams and membership periods in memory: WorkStore without a database,
// for tests. It behaves as the SQL store does on every point the port promises
// (work/work_store.hpp), checked by the same conformance suite: ids numbered from 1, the same
// orders, the schema's rules (migration 13) refused as storage::DatabaseError of kind Constraint
// before anything is written. Transactional on its own by journaling, as MemoryOrgStore is;
// persistence::MemoryStores groups it with the other stores. Not thread-safe.
#pragma once

#include <functional>
#include <tuple>

#include "core/journaled_map.hpp"
#include "core/transaction.hpp"
#include "work/work_store.hpp"

namespace tatakerja::work {

// The registry's records the schema's foreign keys point at (they live in the organisation
// registry's store). An empty function is not checked.
struct RegistryKeys {
  std::function<bool(Id)> region_exists;
  std::function<bool(Id)> regulation_exists;
  std::function<bool(Id)> agency_exists;
  std::function<bool(Id)> unit_exists;
  std::function<bool(Id)> employee_exists;
};

class MemoryWorkStore final : public WorkStore, public Transactional {
 public:
  explicit MemoryWorkStore(RegistryKeys keys = {}) : keys_(std::move(keys)) {}
  MemoryWorkStore(const MemoryWorkStore&) = delete;
  MemoryWorkStore& operator=(const MemoryWorkStore&) = delete;

  // Transactional: throws storage::DatabaseError (kind Other) on a nested begin() or a commit()
  // without begin().
  void begin() override;
  void commit() override;
  void rollback() noexcept override;

  std::vector<Rule> rules_of_region(Id region_id) override;
  std::optional<Rule> rule(Id id) override;
  Id insert_rule(const Rule& r) override;
  void update_rule(const Rule& r) override;
  Id insert_team(const Team& t) override;
  void update_team(const Team& t) override;
  std::optional<Team> team(Id id) override;
  std::vector<Team> teams_of_region(Id region_id) override;
  Id insert_member(const TeamMember& m) override;
  void update_member(const TeamMember& m) override;
  std::vector<TeamMember> members_of_team(Id team_id) override;
  std::vector<TeamMember> memberships_of_employee(Id employee_id) override;

 private:
  void check_rule(const Rule& r) const;
  void check_team(const Team& t) const;
  void check_member(const TeamMember& m) const;
  template <typename F>
  void each_table(F f) {
    f(rules_);
    f(rule_keys_);
    f(teams_);
    f(members_);
  }

  RegistryKeys keys_;
  JournaledMap<Id, Rule> rules_;
  // UNIQUE (region_id, kind, rule_key)
  JournaledMap<std::tuple<Id, int, std::string>, Id> rule_keys_;
  JournaledMap<Id, Team> teams_;
  JournaledMap<Id, TeamMember> members_;
  bool in_transaction_ = false;
};

}  // namespace tatakerja::work
