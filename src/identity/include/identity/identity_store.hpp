// The identity storage port: accounts, sessions and the audit log, wherever they are kept.
// Implemented over SQL (identity/sql) and in memory (identity/memory); one conformance suite
// (tests/identity/identity_store_conformance_test.cpp) runs against SQLite, PostgreSQL and memory.
// A duplicate username throws storage::DatabaseError of kind Constraint.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/page.hpp"
#include "identity/model.hpp"

namespace tatakerja::identity {

// Computes an audit entry's chain hash from the previous entry's hash (empty for the first) and
// the entry (its id and time set). The application layer gives SHA-256 (app/audit.hpp).
using AuditHasher = std::function<std::string(const std::string& previous_hash, const AuditEntry&)>;

// A page of the audit log by key: the `limit` newest entries with an id below `before_id` (all
// when none) that pass the filters: made by the account `username`, of the `action` ("update"),
// on a record of kind `entity` ("position"), stamped at or after `from` and before `until` (ISO
// 8601 prefixes: "2026-12-03" is that day's midnight UTC); empty: any. `limit` is brought into
// 1..500. Each filter has its index (migration 12), so a page is read by key from it.
struct AuditPage {
  int limit = 50;
  std::optional<Id> before_id;
  std::string username;
  std::string action;
  std::string entity;
  std::string from;
  std::string until;
};

class IdentityStore {
 public:
  virtual ~IdentityStore() = default;

  virtual Id insert_user(const User& u) = 0;
  virtual void update_user(const User& u) = 0;
  virtual std::optional<User> user_by_username(const std::string& username) = 0;
  virtual std::optional<User> user_by_id(Id id) = 0;
  // The active account of an employee (the first by id when there are several), for the e-mail
  // copy of their notifications.
  virtual std::optional<User> active_user_of_employee(Id employee_id) = 0;
  virtual std::vector<User> users() = 0;
  // Stores the session (its id is ignored) and returns the id it was given.
  virtual Id insert_session(const Session& s) = 0;
  // The sessions of an account, expired or not, oldest first (created_at, then id).
  virtual std::vector<Session> sessions_of_user(Id user_id) = 0;
  // The session and its account in one query (every signed-in request looks them up; on
  // PostgreSQL each query is a round trip).
  virtual std::optional<std::pair<User, Session>> session_with_user(
      const std::string& token_hash) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;
  virtual void delete_expired_sessions(std::int64_t now) = 0;
  // Appends `e` at the end of the audit chain: takes the chain head for the rest of the
  // transaction (a concurrent appender waits for this transaction to end, on SQLite and
  // PostgreSQL alike, so the chain never forks), numbers the entry after the last one, stamps
  // `at` when empty, stores hash(previous hash, entry) and moves the head. Call it inside the
  // transaction of the change it records. e.id and e.hash are ignored. Returns the id.
  virtual Id append_audit(const AuditEntry& e, const AuditHasher& hash) = 0;
  virtual std::vector<AuditEntry> audit_log(const AuditPage& page) = 0;  // newest first
  // The entries with an id above `after_id`, oldest first, at most `limit` (1..10000): what
  // `tatakerja audit verify` walks.
  virtual std::vector<AuditEntry> audit_entries_after(Id after_id, int limit) = 0;
  virtual AuditChainHead audit_chain_head() = 0;
};

}  // namespace tatakerja::identity
