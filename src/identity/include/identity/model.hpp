// Who uses Tatakerja and what they did: accounts with their roles, sign-in sessions and the audit
// log. Pure data: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  // The part of the registry a registry administrator may change (migration 9): a region, and
  // within it, when not empty, only these agencies. Unscoped (no region) for administrators and
  // employees; a registry administrator without a region may change every region.
  std::optional<Id> scope_region_id;
  std::vector<Id> scope_agency_ids;
  // Where the inbox's notifications are copied by e-mail when the server has an SMTP server
  // (migration 19); "" for none. Personal data: shown to the account itself and administrators.
  std::string email;
};

// True for an address an account may give: local@domain, at most 254 bytes, printable ASCII without
// spaces, quotes, angle brackets, parentheses, backslashes, commas or semicolons, one '@', a local
// part of at most 64 bytes and a domain of dot-separated labels (letters, digits, '-') with at
// least one dot. Deliberately narrower than RFC 5321: the address goes into SMTP commands and
// headers, so nothing that could start a new command or header passes.
bool is_email_address(std::string_view address);

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
  // The chain (migration 9): hex SHA-256 over the previous entry's hash and this entry's canonical
  // fields (audit_canonical). Empty for the entries written before the chain began.
  std::string hash;
};

// The end of the audit chain: the first chained entry's id, the last entry's id and hash. Every
// chained entry has the id after the one before it, so a deleted entry shows as a gap.
struct AuditChainHead {
  Id first_id = 1;
  Id last_id = 0;
  std::string last_hash;  // empty before the first chained entry
};

// The fields of an entry as its hash covers them (id, time, account, action, record and the
// record before and after), each preceded by its length so that no two entries read the same.
std::string audit_canonical(const AuditEntry& e);

// The scope's agency ids as the database keeps them ("3,7,12") and back. An unparsable part is
// skipped.
std::string agency_ids_text(const std::vector<Id>& ids);
std::vector<Id> agency_ids_from_text(std::string_view text);

}  // namespace tatakerja::identity
