// Who uses Tatakerja and what they did: accounts with their roles, sign-in sessions and the audit
// log. Pure data: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tatakerja::identity {

using Id = std::int64_t;  // database row id; 0 means "not stored yet"

// Roles of accounts. Pegawai: a signed-in civil servant (reads personal data); admin registri:
// changes the registry (Bagian Organisasi, BKPSDM); administrator: also manages accounts.
enum class Role { Employee, RegistryAdmin, Administrator };
const char* to_string(Role r);  // "pegawai", "admin_registri", "administrator"
std::optional<Role> role_from_string(std::string_view s);

struct User {
  Id id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;  // Argon2id encoded string (libsodium crypto_pwhash_str)
  Role role = Role::Employee;
  std::optional<Id> employee_id;
  bool active = true;
};

struct Session {
  std::string token_hash;  // hex SHA-256 of the cookie token; the token itself is never stored
  Id user_id = 0;
  std::string csrf_token;
  std::int64_t expires_at = 0;  // Unix seconds
  std::int64_t created_at = 0;  // Unix seconds (migration 8; 0 for none)
  std::string client_address;   // the address it was started from (migration 8)
  Id id = 0;                    // row id, what the API names a session by; set by the store
};

struct AuditEntry {
  Id id = 0;
  std::string at;  // ISO 8601 UTC
  std::optional<Id> user_id;
  std::string username;  // kept even if the account is removed
  std::string action;    // "create", "update", "delete", "import", "move", "sign_in"
  std::string entity;    // "position", "unit", "employee", "placement", "regulation", "user"
  std::string entity_id;
  std::string before;  // JSON, empty when none
  std::string after;   // JSON, empty when none
};

}  // namespace tatakerja::identity
