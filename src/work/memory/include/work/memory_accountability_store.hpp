// The accountability records in memory: AccountabilityStore without a database, for tests. It
// behaves as the SQL store does on every point the port promises (work/accountability_store.hpp),
// checked by the same conformance suite: ids numbered from 1, the same orders, migration 18's
// rules refused as storage::DatabaseError of kind Constraint before anything is written.
// Transactional on its own by journaling; persistence::MemoryStores groups it with the other
// stores. Not thread-safe.
#pragma once

#include <functional>
#include <utility>

#include "core/journaled_map.hpp"
#include "core/transaction.hpp"
#include "work/accountability_store.hpp"

namespace tatakerja::work {

// The records migration 18's foreign keys point at. An empty function is not checked.
struct AccountabilityKeys {
  std::function<bool(Id)> region_exists;
  std::function<bool(Id)> employee_exists;
  std::function<bool(Id)> team_exists;
};

class MemoryAccountabilityStore final : public AccountabilityStore, public Transactional {
 public:
  explicit MemoryAccountabilityStore(AccountabilityKeys keys = {}) : keys_(std::move(keys)) {}
  MemoryAccountabilityStore(const MemoryAccountabilityStore&) = delete;
  MemoryAccountabilityStore& operator=(const MemoryAccountabilityStore&) = delete;

  void begin() override;
  void commit() override;
  void rollback() noexcept override;

  Id insert_report(const Report& r) override;
  std::optional<Report> report(Id id) override;
  std::vector<Report> reports_of_person(Id employee_id, int limit) override;
  std::vector<Report> reports_of_team(Id team_id, int limit) override;
  Id insert_member_result(const MemberResult& m) override;
  std::vector<MemberResult> member_results_of_report(Id report_id) override;
  std::vector<MemberResult> member_results_of_member(Id employee_id, int limit) override;
  Id insert_request(const ReportRequest& r) override;
  void update_request(const ReportRequest& r) override;
  std::optional<ReportRequest> request(Id id) override;
  std::vector<ReportRequest> requests_of_person(Id employee_id, int limit) override;
  std::vector<ReportRequest> requests_of_team(Id team_id, int limit) override;
  Id insert_escalation(const Escalation& e) override;
  std::optional<Escalation> escalation(Id id) override;
  std::vector<Escalation> escalations_of_team(Id team_id, int limit) override;
  std::vector<Escalation> escalations_of_person(Id employee_id, int limit) override;

 private:
  void check_people(const std::vector<Id>& ids, const char* column) const;
  template <typename F>
  void each_table(F f) {
    f(reports_);
    f(results_);
    f(requests_);
    f(escalations_);
  }

  AccountabilityKeys keys_;
  JournaledMap<Id, Report> reports_;
  JournaledMap<Id, MemberResult> results_;
  JournaledMap<Id, ReportRequest> requests_;
  JournaledMap<Id, Escalation> escalations_;
  bool in_transaction_ = false;
};

}  // namespace tatakerja::work
