// Accounts, sessions and the audit log kept in memory: IdentityStore without a database, for
// tests. It behaves as the SQL store does on every point the port promises
// (identity/identity_store.hpp), checked by the same conformance suite
// (tests/identity/identity_store_conformance_test.cpp): ids numbered from 1, the same orders, the
// schema's rules (unique usernames and session tokens, an account's employee and a session's or
// audit entry's account must exist) refused with storage::DatabaseError of kind Constraint before
// anything is written. Nothing here moves the registry revision.
//
// It is Transactional on its own, as MemoryOrgStore is (begin() journals, rollback() undoes,
// nested begin() is an error); persistence::MemoryStores groups the two under one Transactional.
//
// Not thread-safe: one thread at a time.
#pragma once

#include <functional>
#include <string>
#include <utility>

#include "core/journaled_map.hpp"
#include "core/transaction.hpp"
#include "identity/identity_store.hpp"

namespace tatakerja::identity {

class MemoryIdentityStore final : public IdentityStore, public Transactional {
 public:
  // `employee_exists` answers the foreign key users.employee_id -> employees, and `region_exists`
  // users.scope_region_id -> regions (not checked when empty); both live in the organisation
  // registry's store.
  explicit MemoryIdentityStore(std::function<bool(Id)> employee_exists,
                               std::function<bool(Id)> region_exists = {})
      : employee_exists_(std::move(employee_exists)), region_exists_(std::move(region_exists)) {}
  MemoryIdentityStore(const MemoryIdentityStore&) = delete;
  MemoryIdentityStore& operator=(const MemoryIdentityStore&) = delete;

  // Transactional: throws storage::DatabaseError (kind Other) on a nested begin() or a commit()
  // without begin().
  void begin() override;
  void commit() override;
  void rollback() noexcept override;

  Id insert_user(const User& u) override;
  void update_user(const User& u) override;
  std::optional<User> user_by_username(const std::string& username) override;
  std::optional<User> user_by_id(Id id) override;
  std::optional<User> active_user_of_employee(Id employee_id) override;
  std::vector<User> users() override;
  Id insert_session(const Session& s) override;
  std::vector<Session> sessions_of_user(Id user_id) override;
  std::optional<std::pair<User, Session>> session_with_user(const std::string& token_hash) override;
  void delete_session(const std::string& token_hash) override;
  void delete_expired_sessions(std::int64_t now) override;
  Id append_audit(const AuditEntry& e, const AuditHasher& hash) override;
  std::vector<AuditEntry> audit_log(const AuditPage& page) override;  // newest first
  std::vector<AuditEntry> audit_entries_after(Id after_id, int limit) override;
  AuditChainHead audit_chain_head() override;

 private:
  void check_user(const User& u) const;
  template <typename F>
  void each_table(F f) {
    f(users_);
    f(user_by_username_);
    f(sessions_);
    f(session_by_hash_);
    f(audit_);
    f(audit_head_);
  }

  std::function<bool(Id)> employee_exists_;
  std::function<bool(Id)> region_exists_;
  JournaledMap<Id, User> users_;
  JournaledMap<std::string, Id> user_by_username_;  // UNIQUE users.username
  JournaledMap<Id, Session> sessions_;              // by id (the primary key, migration 8)
  JournaledMap<std::string, Id> session_by_hash_;   // UNIQUE sessions.token_hash
  JournaledMap<Id, AuditEntry> audit_;
  JournaledMap<int, AuditChainHead> audit_head_;  // one row, key 1, as the audit_chain table
  bool in_transaction_ = false;
};

}  // namespace tatakerja::identity
