// Accounts, sessions and the audit log over SQL, written once for SQLite and PostgreSQL with `?`
// parameters only.
#include "identity/sql_identity_store.hpp"

#include <utility>

#include "storage/drivers.hpp"
#include "storage/sql_rows.hpp"

namespace tatakerja::identity {
namespace {

using storage::Row;
namespace detail = storage::detail;
using storage::sql::all;
using storage::sql::first;
using storage::sql::inserted_id;
using storage::sql::integer;
using storage::sql::opt;
using storage::sql::require;
using storage::sql::select;

constexpr const char* kUserCols =
    "id, username, display_name, password_hash, role, employee_id, active";
// The same, where sessions (which has an id too) is joined.
constexpr const char* kJoinedUserCols =
    "users.id, username, display_name, password_hash, role, employee_id, active";
User read_user(const Row& r, std::size_t o) {
  User x;
  x.id = r.integer(o);
  x.username = r.text(o + 1);
  x.display_name = r.text(o + 2);
  x.password_hash = r.text(o + 3);
  x.role = require(identity::role_from_string(r.text(o + 4)), "role", r.text(o + 4));
  x.employee_id = r.optional_integer(o + 5);
  x.active = r.integer(o + 6) != 0;
  return x;
}

constexpr const char* kAuditCols =
    "id, at, user_id, username, action, entity, entity_id, before_json, after_json";
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
  return x;
}

}  // namespace

Id SqlIdentityStore::insert_user(const User& u) {
  return inserted_id(
      c_,
      "INSERT INTO users (username, display_name, password_hash, role, "
      "employee_id, active) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {u.username, u.display_name, u.password_hash, std::string(identity::to_string(u.role)),
       opt(u.employee_id), integer(u.active ? 1 : 0)});
}

void SqlIdentityStore::update_user(const User& u) {
  c_.execute(
      "UPDATE users SET username = ?, display_name = ?, password_hash = ?, role = ?, "
      "employee_id = ?, active = ? WHERE id = ?",
      {u.username, u.display_name, u.password_hash, std::string(identity::to_string(u.role)),
       opt(u.employee_id), integer(u.active ? 1 : 0), u.id});
}

std::optional<User> SqlIdentityStore::user_by_username(const std::string& username) {
  return first<User>(c_.query(select(kUserCols, "FROM users WHERE username = ?"), {username}),
                     read_user);
}

std::optional<User> SqlIdentityStore::user_by_id(Id id) {
  return first<User>(c_.query(select(kUserCols, "FROM users WHERE id = ?"), {id}), read_user);
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

Id SqlIdentityStore::append_audit(const AuditEntry& e) {
  return inserted_id(c_,
                     "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, "
                     "before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {e.at.empty() ? detail::now_iso8601() : e.at, opt(e.user_id), e.username,
                      e.action, e.entity, e.entity_id, e.before, e.after});
}

std::vector<AuditEntry> SqlIdentityStore::audit_log(const Page& page) {
  const Page p = clamped(page);
  return all<AuditEntry>(
      c_.query(select(kAuditCols, "FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?"),
               {std::int64_t{p.limit}, std::int64_t{p.offset}}),
      read_audit);
}

}  // namespace tatakerja::identity
