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

#include "app/audit.hpp"
#include "app/error.hpp"
#include "app/stores.hpp"
#include "org/model.hpp"

namespace tatakerja::app {

// Argon2id encoded hash of `password` (crypto_pwhash_str_alg, ALG_ARGON2ID13, OPSLIMIT and
// MEMLIMIT _INTERACTIVE). A fresh salt every call. Throws std::runtime_error when out of memory.
std::string hash_password(std::string_view password);

// True when `password` matches the encoded hash; false for a wrong password or a malformed hash.
bool verify_password(const std::string& hash, std::string_view password);

// Shortest password accepted, in characters (UTF-8 code points).
inline constexpr std::size_t kMinPasswordLength = 10;

// Creates an account and records an audit entry "create"/"user" (without the hash). Checks:
// username 3..64 characters of [a-z0-9._-] (Refusal INVALID_FIELD "username"); password at
// least kMinPasswordLength characters (INVALID_FIELD "password"); display_name at most 200 bytes
// (empty: the username is used); employee_id names a stored employee (NOT_FOUND "employee_id");
// username not taken (CONFLICT "username"). Writes through `store` without a transaction of its
// own: call it inside one so that the account and its audit entry are stored together.
identity::User create_user(const Stores& store, const Actor& actor, const std::string& username,
                           const std::string& display_name, const std::string& password,
                           identity::Role role, std::optional<org::Id> employee_id);

// create_user and its audit entry in one transaction of their own (the API, the CLI).
identity::User add_account(const Stores& store, const Actor& actor, const std::string& username,
                           const std::string& display_name, const std::string& password,
                           identity::Role role, std::optional<org::Id> employee_id);

// A session just started: the token to give the client (64 hex characters, never stored) and the
// stored record (token_hash = hex SHA-256 of the token, csrf_token, expires_at).
struct NewSession {
  std::string token;
  identity::Session session;
};

// Starts a session for `user_id` valid until now + ttl_seconds (Unix seconds). Stores it.
NewSession start_session(const Stores& store, org::Id user_id, std::int64_t now,
                         std::int64_t ttl_seconds);

// Signs `user` in (its password already checked): starts its session and records the audit entry
// "sign_in"/"user" (with the client's address), in one transaction.
NewSession sign_in(const Stores& store, const identity::User& user, std::int64_t now,
                   std::int64_t ttl_seconds, const std::string& client_address = {});

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
