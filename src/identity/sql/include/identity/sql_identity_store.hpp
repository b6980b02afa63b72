// Accounts, sessions and the audit log over SQL (SQLite and PostgreSQL alike). Every method
// throws storage::DatabaseError on failure; the contract of each is IdentityStore's
// (identity/identity_store.hpp).
#pragma once

#include "identity/identity_store.hpp"
#include "storage/database.hpp"

namespace tatakerja::identity {

class SqlIdentityStore final : public IdentityStore {
 public:
  explicit SqlIdentityStore(storage::Connection& c) : c_(c) {}

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
  storage::Connection& c_;
};

}  // namespace tatakerja::identity
