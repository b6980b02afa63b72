// The identity storage port: accounts, sessions and the audit log, wherever they are kept.
// Implemented over SQL (identity/sql) and in memory (identity/memory); one conformance suite
// (tests/identity/identity_store_conformance_test.cpp) runs against SQLite, PostgreSQL and memory.
// A duplicate username throws storage::DatabaseError of kind Constraint.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/page.hpp"
#include "identity/model.hpp"

namespace tatakerja::identity {

class IdentityStore {
 public:
  virtual ~IdentityStore() = default;

  virtual Id insert_user(const User& u) = 0;
  virtual void update_user(const User& u) = 0;
  virtual std::optional<User> user_by_username(const std::string& username) = 0;
  virtual std::optional<User> user_by_id(Id id) = 0;
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
  virtual Id append_audit(const AuditEntry& e) = 0;
  virtual std::vector<AuditEntry> audit_log(const Page& page) = 0;  // newest first
};

}  // namespace tatakerja::identity
