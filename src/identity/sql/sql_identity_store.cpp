// Accounts, sessions and the audit log over SQL, written once for SQLite and PostgreSQL with `?`
// parameters only.
#include "identity/sql_identity_store.hpp"

#include <algorithm>
#include <utility>

#include "storage/drivers.hpp"
#include "storage/sql_rows.hpp"

namespace tatakerja::identity {
namespace {

using storage::Row;
using storage::Value;
namespace detail = storage::detail;
using storage::sql::all;
using storage::sql::first;
using storage::sql::inserted_id;
using storage::sql::integer;
using storage::sql::opt;
using storage::sql::require;
using storage::sql::select;

constexpr const char* kUserCols =
    "id, username, display_name, password_hash, role, employee_id, active, scope_region_id, "
    "scope_agency_ids, email";
// The same, where sessions (which has an id too) is joined.
constexpr const char* kJoinedUserCols =
    "users.id, username, display_name, password_hash, role, employee_id, active, scope_region_id, "
    "scope_agency_ids, email";
User read_user(const Row& r, std::size_t o) {
  User x;
  x.id = r.integer(o);
  x.username = r.text(o + 1);
  x.display_name = r.text(o + 2);
  x.password_hash = r.text(o + 3);
  x.role = require(identity::role_from_string(r.text(o + 4)), "role", r.text(o + 4));
  x.employee_id = r.optional_integer(o + 5);
  x.active = r.integer(o + 6) != 0;
  x.scope_region_id = r.optional_integer(o + 7);
  x.scope_agency_ids = agency_ids_from_text(r.text(o + 8));
  x.email = r.text(o + 9);
  return x;
}

constexpr const char* kAuditCols =
    "id, at, user_id, username, action, entity, entity_id, before_json, after_json, hash";
AuditEntry read_audit(const Row& r, std::size_t o) {
  AuditEntry x;
  x.id = r.integer(o);
  x.at = r.text(o + 1);
  x.user_id = r.optional_integer(o + 2);
  x.username = r.text(o + 3);
  x.action = r.text(o + 4);
  x.entity = r.text(o + 5);
  x.entity_id = r.text(o + 6);
  x.before = r.text(o + 7);
  x.after = r.text(o + 8);
  x.hash = r.text(o + 9);
  return x;
}

}  // namespace

Id SqlIdentityStore::insert_user(const User& u) {
  return inserted_id(
      c_,
      "INSERT INTO users (username, display_name, password_hash, role, "
      "employee_id, active, scope_region_id, scope_agency_ids, email) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {u.username, u.display_name, u.password_hash, std::string(identity::to_string(u.role)),
       opt(u.employee_id), integer(u.active ? 1 : 0), opt(u.scope_region_id),
       agency_ids_text(u.scope_agency_ids), u.email});
}

void SqlIdentityStore::update_user(const User& u) {
  c_.execute(
      "UPDATE users SET username = ?, display_name = ?, password_hash = ?, role = ?, "
      "employee_id = ?, active = ?, scope_region_id = ?, scope_agency_ids = ?, email = ? "
      "WHERE id = ?",
      {u.username, u.display_name, u.password_hash, std::string(identity::to_string(u.role)),
       opt(u.employee_id), integer(u.active ? 1 : 0), opt(u.scope_region_id),
       agency_ids_text(u.scope_agency_ids), u.email, u.id});
}

std::optional<User> SqlIdentityStore::user_by_username(const std::string& username) {
  return first<User>(c_.query(select(kUserCols, "FROM users WHERE username = ?"), {username}),
                     read_user);
}

std::optional<User> SqlIdentityStore::user_by_id(Id id) {
  return first<User>(c_.query(select(kUserCols, "FROM users WHERE id = ?"), {id}), read_user);
}

std::optional<User> SqlIdentityStore::active_user_of_employee(Id employee_id) {
  return first<User>(
      c_.query(
          select(kUserCols, "FROM users WHERE employee_id = ? AND active = 1 ORDER BY id LIMIT 1"),
          {employee_id}),
      read_user);
}

std::vector<User> SqlIdentityStore::users() {
  return all<User>(c_.query(select(kUserCols, "FROM users ORDER BY username, id")), read_user);
}

Id SqlIdentityStore::insert_session(const Session& s) {
  return inserted_id(
      c_,
      "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, "
      "created_at, client_address) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {s.token_hash, s.user_id, s.csrf_token, s.expires_at, s.created_at, s.client_address});
}

namespace {
constexpr const char* kSessionCols =
    "token_hash, user_id, csrf_token, expires_at, created_at, client_address, sessions.id";
constexpr std::size_t kSessionColCount = 7;
Session read_session(const Row& r, std::size_t o) {
  Session s;
  s.token_hash = r.text(o);
  s.user_id = r.integer(o + 1);
  s.csrf_token = r.text(o + 2);
  s.expires_at = r.integer(o + 3);
  s.created_at = r.integer(o + 4);
  s.client_address = r.text(o + 5);
  s.id = r.integer(o + 6);
  return s;
}
}  // namespace

std::vector<Session> SqlIdentityStore::sessions_of_user(Id user_id) {
  return all<Session>(
      c_.query(select(kSessionCols, "FROM sessions WHERE user_id = ? ORDER BY created_at, id"),
               {user_id}),
      read_session);
}

std::optional<std::pair<User, Session>> SqlIdentityStore::session_with_user(
    const std::string& token_hash) {
  // The two tables share only the column id, which the session's list qualifies.
  const auto rows = c_.query(std::string("SELECT ") + kSessionCols + ", " + kJoinedUserCols +
                                 " FROM sessions JOIN users ON users.id = sessions.user_id "
                                 "WHERE sessions.token_hash = ?",
                             {token_hash});
  if (rows.empty()) return std::nullopt;
  return std::make_pair(read_user(rows[0], kSessionColCount), read_session(rows[0], 0));
}

void SqlIdentityStore::delete_session(const std::string& token_hash) {
  c_.execute("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
}

void SqlIdentityStore::delete_expired_sessions(std::int64_t now) {
  c_.execute("DELETE FROM sessions WHERE expires_at <= ?", {now});
}

// The UPDATE takes the chain head's row for the rest of the transaction: SQLite's write lock (a
// transaction begins IMMEDIATE), PostgreSQL's row lock (a second appender's UPDATE waits, then
// sees the head the first one committed). The SELECT then reads the head this transaction holds.
Id SqlIdentityStore::append_audit(const AuditEntry& e, const AuditHasher& hash) {
  c_.execute("UPDATE audit_chain SET last_id = last_id WHERE id = 1");
  const AuditChainHead head = audit_chain_head();
  AuditEntry x = e;
  x.id = head.last_id + 1;
  if (x.at.empty()) x.at = detail::now_iso8601();
  x.hash = hash(head.last_hash, x);
  c_.execute(
      "INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, "
      "before_json, after_json, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {x.id, x.at, opt(x.user_id), x.username, x.action, x.entity, x.entity_id, x.before, x.after,
       x.hash});
  c_.execute("UPDATE audit_chain SET last_id = ?, last_hash = ? WHERE id = 1", {x.id, x.hash});
  return x.id;
}

std::vector<AuditEntry> SqlIdentityStore::audit_log(const AuditPage& page) {
  const std::int64_t limit = std::clamp(page.limit, 1, 500);
  std::string where = "FROM audit_log WHERE 1 = 1";
  std::vector<Value> params;
  const auto add = [&](const char* condition, const std::string& value) {
    if (value.empty()) return;
    where += condition;
    params.emplace_back(value);
  };
  if (page.before_id) {
    where += " AND id < ?";
    params.emplace_back(*page.before_id);
  }
  add(" AND username = ?", page.username);
  add(" AND action = ?", page.action);
  add(" AND entity = ?", page.entity);
  add(" AND at >= ?", page.from);
  add(" AND at < ?", page.until);
  params.emplace_back(limit);
  return all<AuditEntry>(c_.query(select(kAuditCols, where + " ORDER BY id DESC LIMIT ?"), params),
                         read_audit);
}

std::vector<AuditEntry> SqlIdentityStore::audit_entries_after(Id after_id, int limit) {
  return all<AuditEntry>(
      c_.query(select(kAuditCols, "FROM audit_log WHERE id > ? ORDER BY id LIMIT ?"),
               {after_id, std::int64_t{std::clamp(limit, 1, 10000)}}),
      read_audit);
}

AuditChainHead SqlIdentityStore::audit_chain_head() {
  const auto rows = c_.query("SELECT first_id, last_id, last_hash FROM audit_chain WHERE id = 1");
  if (rows.empty()) return AuditChainHead{};
  return AuditChainHead{rows[0].integer(0), rows[0].integer(1), rows[0].text(2)};
}

}  // namespace tatakerja::identity
