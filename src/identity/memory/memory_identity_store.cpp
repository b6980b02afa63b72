// Accounts, sessions and the audit log in memory: each method does what the SQL store's statement
// does (src/identity/sql/sql_identity_store.cpp), with the schema's rules
// (src/storage/migrations.cpp) checked before anything is written.
#include "identity/memory_identity_store.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "storage/database.hpp"
#include "storage/drivers.hpp"

namespace tatakerja::identity {
namespace {

using storage::DatabaseError;

[[noreturn]] void refuse(const std::string& rule) {
  throw DatabaseError(DatabaseError::Kind::Constraint, "memory store: " + rule);
}

}  // namespace

void MemoryIdentityStore::begin() {
  if (in_transaction_) {
    throw DatabaseError(DatabaseError::Kind::Other, "begin(): a transaction is already open");
  }
  each_table([](auto& t) { t.begin(); });
  in_transaction_ = true;
}

void MemoryIdentityStore::commit() {
  if (!in_transaction_) {
    throw DatabaseError(DatabaseError::Kind::Other, "commit(): no transaction is open");
  }
  each_table([](auto& t) { t.commit(); });
  in_transaction_ = false;
}

void MemoryIdentityStore::rollback() noexcept {
  if (!in_transaction_) return;
  each_table([](auto& t) { t.rollback(); });
  in_transaction_ = false;
}

void MemoryIdentityStore::check_user(const User& u) const {
  const std::string_view role = to_string(u.role);
  if (role != "pegawai" && role != "admin_registri" && role != "administrator") {
    refuse("CHECK constraint failed (users.role)");
  }
  if (u.employee_id && !employee_exists_(*u.employee_id)) {
    refuse("FOREIGN KEY constraint failed (users.employee_id)");
  }
  if (u.scope_region_id && region_exists_ && !region_exists_(*u.scope_region_id)) {
    refuse("FOREIGN KEY constraint failed (users.scope_region_id)");
  }
}

Id MemoryIdentityStore::insert_user(const User& u) {
  if (user_by_username_.contains(u.username)) refuse("UNIQUE constraint failed (users.username)");
  check_user(u);
  User x = u;
  x.id = users_.next_key();
  users_.put(x.id, x);
  user_by_username_.put(x.username, x.id);
  return x.id;
}

void MemoryIdentityStore::update_user(const User& u) {
  const User* stored = users_.find(u.id);
  if (stored == nullptr) return;
  const Id* holder = user_by_username_.find(u.username);
  if (holder != nullptr && *holder != u.id) refuse("UNIQUE constraint failed (users.username)");
  check_user(u);
  const std::string old_username = stored->username;
  users_.put(u.id, u);
  if (old_username != u.username) {
    user_by_username_.erase(old_username);
    user_by_username_.put(u.username, u.id);
  }
}

std::optional<User> MemoryIdentityStore::user_by_username(const std::string& username) {
  const Id* id = user_by_username_.find(username);
  if (id == nullptr) return std::nullopt;
  return *users_.find(*id);
}

std::vector<User> MemoryIdentityStore::users() {
  std::vector<User> out;
  for (const auto& [id, u] : users_.rows()) out.push_back(u);
  std::stable_sort(out.begin(), out.end(),
                   [](const User& a, const User& b) { return a.username < b.username; });
  return out;
}

std::optional<User> MemoryIdentityStore::user_by_id(Id id) {
  const User* u = users_.find(id);
  if (u == nullptr) return std::nullopt;
  return *u;
}

std::optional<User> MemoryIdentityStore::active_user_of_employee(Id employee_id) {
  for (const auto& [id, u] : users_.rows()) {
    if (u.active && u.employee_id == employee_id) return u;
  }
  return std::nullopt;
}

Id MemoryIdentityStore::insert_session(const Session& s) {
  if (session_by_hash_.contains(s.token_hash)) {
    refuse("UNIQUE constraint failed (sessions.token_hash)");
  }
  if (!users_.contains(s.user_id)) refuse("FOREIGN KEY constraint failed (sessions.user_id)");
  Session x = s;
  x.id = sessions_.next_key();
  sessions_.put(x.id, x);
  session_by_hash_.put(x.token_hash, x.id);
  return x.id;
}

std::vector<Session> MemoryIdentityStore::sessions_of_user(Id user_id) {
  std::vector<Session> out;
  for (const auto& [id, s] : sessions_.rows()) {
    if (s.user_id == user_id) out.push_back(s);
  }
  std::stable_sort(out.begin(), out.end(), [](const Session& a, const Session& b) {
    return a.created_at != b.created_at ? a.created_at < b.created_at : a.id < b.id;
  });
  return out;
}

std::optional<std::pair<User, Session>> MemoryIdentityStore::session_with_user(
    const std::string& token_hash) {
  const Id* id = session_by_hash_.find(token_hash);
  if (id == nullptr) return std::nullopt;
  const Session* s = sessions_.find(*id);
  const User* u = users_.find(s->user_id);
  if (u == nullptr) return std::nullopt;  // the JOIN finds no row
  return std::make_pair(*u, *s);
}

void MemoryIdentityStore::delete_session(const std::string& token_hash) {
  const Id* id = session_by_hash_.find(token_hash);
  if (id == nullptr) return;
  const Id key = *id;
  sessions_.erase(key);
  session_by_hash_.erase(token_hash);
}

void MemoryIdentityStore::delete_expired_sessions(std::int64_t now) {
  std::vector<std::string> expired;
  for (const auto& [id, s] : sessions_.rows()) {
    if (s.expires_at <= now) expired.push_back(s.token_hash);
  }
  for (const auto& hash : expired) delete_session(hash);
}

Id MemoryIdentityStore::append_audit(const AuditEntry& e, const AuditHasher& hash) {
  if (e.user_id && !users_.contains(*e.user_id)) {
    refuse("FOREIGN KEY constraint failed (audit_log.user_id)");
  }
  AuditChainHead head = audit_chain_head();
  AuditEntry x = e;
  x.id = head.last_id + 1;
  if (x.at.empty()) x.at = storage::detail::now_iso8601();
  x.hash = hash(head.last_hash, x);
  head.last_id = x.id;
  head.last_hash = x.hash;
  audit_.put(x.id, x);
  audit_head_.put(1, head);
  return x.id;
}

std::vector<AuditEntry> MemoryIdentityStore::audit_log(const AuditPage& page) {
  const int limit = std::clamp(page.limit, 1, 500);
  std::vector<AuditEntry> out;
  const auto& rows = audit_.rows();
  auto it = page.before_id ? rows.lower_bound(*page.before_id) : rows.end();
  const auto passes = [&page](const AuditEntry& e) {
    return (page.username.empty() || e.username == page.username) &&
           (page.action.empty() || e.action == page.action) &&
           (page.entity.empty() || e.entity == page.entity) &&
           (page.from.empty() || e.at >= page.from) && (page.until.empty() || e.at < page.until);
  };
  while (it != rows.begin() && static_cast<int>(out.size()) < limit) {
    --it;
    if (passes(it->second)) out.push_back(it->second);
  }
  return out;
}

std::vector<AuditEntry> MemoryIdentityStore::audit_entries_after(Id after_id, int limit) {
  limit = std::clamp(limit, 1, 10000);
  std::vector<AuditEntry> out;
  for (auto it = audit_.rows().upper_bound(after_id);
       it != audit_.rows().end() && static_cast<int>(out.size()) < limit; ++it) {
    out.push_back(it->second);
  }
  return out;
}

AuditChainHead MemoryIdentityStore::audit_chain_head() {
  const AuditChainHead* head = audit_head_.find(1);
  return head != nullptr ? *head : AuditChainHead{};
}

}  // namespace tatakerja::identity
