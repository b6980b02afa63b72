// The audit log: who changed what, when, with the record before and after as JSON. Every change
// the service makes records exactly one entry, written through the same store (and so inside the
// caller's transaction): a change that rolls back leaves no entry, and an entry never describes a
// change that did not happen. A change that changes nothing records nothing.
//
// The entries form a hash chain (migration 9): each entry's hash is SHA-256 over the previous
// entry's hash and its own canonical fields, and the chain's head (last id and hash) is kept in
// the database. verify_audit_chain recomputes it: an entry edited, deleted or inserted by hand
// after it was written is found and named.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/stores.hpp"
#include "org/model.hpp"

namespace tatakerja::app {

// Who acts: a signed-in account (user_id set) or a program (the CLI acts as {nullopt, "cli"}).
// A registry administrator with a scope may change only records of that region (and, when
// scope_agency_ids is not empty, of those agencies): app/scope.hpp.
struct Actor {
  std::optional<org::Id> user_id;
  std::string username;
  std::optional<org::Id> scope_region_id;
  std::vector<org::Id> scope_agency_ids;
};

// The actor a signed-in account acts as, with its scope.
Actor actor_of(const identity::User& user);

// The actor the command-line program uses.
inline Actor cli_actor() {
  return Actor{std::nullopt, "cli"};
}

// A Unix time as ISO 8601 UTC with seconds: "2026-03-01T08:15:00Z".
std::string iso_utc_of(std::int64_t unix_seconds);
// The current time so.
std::string now_iso_utc();

// Appends one audit entry stamped with the current UTC time. `action` is "create", "update",
// "delete", "import", "move", "sign_in", ...; `entity` the record kind ("user", "regulation", ...);
// before_json / after_json the record as JSON, empty when there is none. Throws
// storage::DatabaseError when the store refuses it.
// Call it inside the transaction of the change (the chain head is held until it ends).
void record_audit(const Stores& store, const Actor& actor, std::string action, std::string entity,
                  std::string entity_id, std::string before_json, std::string after_json);

// Sign-ins and sign-outs in the audit log, each with the client's address: {"client_address":
// "..."} as the entry's `after` (what sign_in writes too).
std::string sign_in_audit_json(const std::string& client_address);
// A failed sign-in: action "sign_in_failed", entity "user", the user name as typed (cut at 200
// bytes) and the account's id when one has that name. In its own transaction.
void record_failed_sign_in(const Stores& store, const std::string& username,
                           std::optional<org::Id> user_id, const std::string& client_address);
// Signing out: ends the session of `token` and records "sign_out" for `user`, in one transaction.
void sign_out(const Stores& store, const identity::User& user, const std::string& token,
              const std::string& client_address);

// The chain hash of `entry` after an entry whose hash is `previous_hash`: lowercase hex SHA-256 of
// previous_hash, a newline and identity::audit_canonical(entry).
std::string audit_hash(const std::string& previous_hash, const identity::AuditEntry& entry);

// What verify_audit_chain found.
struct AuditVerification {
  bool ok = true;
  std::int64_t chained = 0;      // entries checked against the chain
  std::int64_t unchained = 0;    // entries written before the chain began (migration 9)
  std::optional<org::Id> entry;  // the first entry found wrong (or missing)
  std::string problem;           // what is wrong with it, in Indonesian; empty when ok
  identity::AuditChainHead head;
};

// Walks the whole audit log oldest first (by key, 1000 entries at a time, in one read snapshot, so
// it may run while a server writes) and checks that the
// chained entries are numbered without gaps, that each hash is the one its fields and the
// previous hash give, and that the last one is the head.
AuditVerification verify_audit_chain(const Stores& store);

}  // namespace tatakerja::app
