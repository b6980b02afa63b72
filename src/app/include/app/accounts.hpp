// Accounts and sign-in sessions. Passwords are stored only as Argon2id hashes (libsodium
// crypto_pwhash_str, interactive limits); a session's cookie token is 32 random bytes that the
// client keeps, while the database keeps only its SHA-256, so a copy of the database cannot be
// used to sign in. Nothing here speaks HTTP: the API answers its refusals (tatakerja::Refusal).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/audit.hpp"
#include "app/error.hpp"
#include "app/password_rules.hpp"
#include "app/stores.hpp"
#include "org/model.hpp"

namespace tatakerja::app {

// Argon2id encoded hash of `password` (crypto_pwhash_str_alg, ALG_ARGON2ID13, OPSLIMIT and
// MEMLIMIT _INTERACTIVE). A fresh salt every call. Throws std::runtime_error when out of memory.
std::string hash_password(std::string_view password);

// True when `password` matches the encoded hash; false for a wrong password or a malformed hash.
bool verify_password(const std::string& hash, std::string_view password);

// Creates an account and records an audit entry "create"/"user" (without the hash). Checks:
// username 3..64 characters of [a-z0-9._-] (Refusal INVALID_FIELD "username"); the password
// meets check_password (password_rules.hpp: PASSWORD_TOO_SHORT, ...); display_name at most 200
// bytes (empty: the username is used); email empty or an address (check_email_address);
// employee_id names a stored employee (NOT_FOUND
// "employee_id"); username not taken (CONFLICT "username"). Writes through `store` without a
// transaction of its own: call it inside one so that the account and its audit entry are stored
// together.
identity::User create_user(const Stores& store, const Actor& actor, const std::string& username,
                           const std::string& display_name, const std::string& password,
                           identity::Role role, std::optional<org::Id> employee_id,
                           const std::string& email = "");

// create_user and its audit entry in one transaction of their own (the API, the CLI).
identity::User add_account(const Stores& store, const Actor& actor, const std::string& username,
                           const std::string& display_name, const std::string& password,
                           identity::Role role, std::optional<org::Id> employee_id,
                           const std::string& email = "");

// Refuses (INVALID_FIELD "email") an address that is neither empty nor
// identity::is_email_address.
void check_email_address(const std::string& email);

// Sets the address the account's notifications are copied to ("" removes it), checked by
// check_email_address; NOT_FOUND "id" for no such account. An unchanged address writes nothing;
// a change is one transaction with its audit entry "change_email" / "user", which says only
// whether there is an address and its domain (the audit log is read by registry administrators).
identity::User set_account_email(const Stores& store, const Actor& actor, org::Id user_id,
                                 const std::string& email);

// A session just started: the token to give the client (64 hex characters, never stored) and the
// stored record (token_hash = hex SHA-256 of the token, csrf_token, expires_at).
struct NewSession {
  std::string token;
  identity::Session session;
};

// Where and when a session starts, and how many an account may hold.
struct SessionStart {
  std::int64_t now = 0;          // Unix seconds
  std::int64_t ttl_seconds = 0;  // the session lasts until now + ttl_seconds
  std::string client_address;    // kept with the session, shown to its owner
  // At most this many sessions per account: starting one more ends the oldest (0: no limit).
  int max_sessions = 0;
};

// Starts a session for `user_id` and stores it (without an audit entry and without a transaction
// of its own); ends the account's oldest sessions beyond `start.max_sessions`, expired ones first.
NewSession start_session(const Stores& store, org::Id user_id, const SessionStart& start);
// The same with no client address and no limit (tests, the fuzz target).
NewSession start_session(const Stores& store, org::Id user_id, std::int64_t now,
                         std::int64_t ttl_seconds);

// Signs `user` in (its password already checked): starts its session and records the audit entry
// "sign_in"/"user" (with the client's address), in one transaction.
NewSession sign_in(const Stores& store, const identity::User& user, const SessionStart& start);

// Changes the password of the signed-in `user` (whose session is `current_token_hash`): the
// current password must match (CURRENT_PASSWORD_WRONG, field "current_password"), the new one
// meets check_password (field "new_password") and differs from the current one (INVALID_FIELD
// "new_password"). Ends every other session of the
// account and records "change_password"/"user" (no hash in it), in one transaction. Returns how
// many sessions it ended.
int change_password(const Stores& store, const identity::User& user,
                    const std::string& current_token_hash, std::string_view current_password,
                    std::string_view new_password);

// An administrator turns the account `user_id` off (active = false: it cannot sign in, and its
// sessions end) or on again. NOT_FOUND for an unknown account; CONFLICT (field "active") when an
// administrator would turn their own account off. Nothing is written (no audit entry) when the
// account is already so. Records "disable" or "enable"/"user" with the account before and after.
// One transaction. Returns the account as it now is.
identity::User set_account_active(const Stores& store, const Actor& actor, org::Id user_id,
                                  bool active);

// An administrator ends every session of the account `user_id` (NOT_FOUND when unknown); records
// "end_sessions"/"user" with the number ended, unless there was none. One transaction. Returns
// the number ended.
int end_sessions_of_account(const Stores& store, const Actor& actor, org::Id user_id);

// The sessions of `user_id` that have not expired at `now`, oldest first.
std::vector<identity::Session> sessions_of(const Stores& store, org::Id user_id, std::int64_t now);

// The signed-in `user` ends one of their own sessions (by its id; NOT_FOUND when it is not one of
// theirs or has expired); records "end_session"/"user". One transaction.
void end_own_session(const Stores& store, const identity::User& user, org::Id session_id,
                     std::int64_t now);

// The account and session for a client's token; nullopt when the token is unknown, the session
// has expired (expires_at <= now), or the account is gone or inactive. Writes nothing.
std::optional<std::pair<identity::User, identity::Session>> resume_session(const Stores& store,
                                                                           const std::string& token,
                                                                           std::int64_t now);

// Deletes the session of `token` (signing out); nothing happens when it is unknown.
void end_session(const Stores& store, const std::string& token);

// The hex SHA-256 stored for a token (what start_session keeps as token_hash).
std::string token_hash(const std::string& token);

}  // namespace tatakerja::app
