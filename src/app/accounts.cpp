// Accounts (Argon2id passwords through libsodium) and sessions (random tokens stored as SHA-256).
#include "app/accounts.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "app/crypto.hpp"

namespace tatakerja::app {
namespace {

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool valid_username(std::string_view u) {
  if (u.size() < 3 || u.size() > 64) return false;
  for (char c : u) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string user_json(const identity::User& u) {
  nlohmann::json j{{"id", u.id},
                   {"username", u.username},
                   {"display_name", u.display_name},
                   {"role", identity::to_string(u.role)},
                   {"active", u.active}};
  j["employee_id"] = u.employee_id ? nlohmann::json(*u.employee_id) : nlohmann::json(nullptr);
  return j.dump();
}

}  // namespace

std::string hash_password(std::string_view password) {
  detail::ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("Kata sandi tidak dapat di-hash (memori tidak cukup).");
  return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
  detail::ensure_sodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string token_hash(const std::string& token) {
  return detail::sha256_hex(token);
}

identity::User create_user(const Stores& store, const Actor& actor, const std::string& username,
                           const std::string& display_name, const std::string& password,
                           identity::Role role, std::optional<org::Id> employee_id) {
  // 1. Check every field before touching the store.
  if (!valid_username(username))
    fail(ErrorCode::InvalidField, "username",
         "Nama pengguna harus 3 sampai 64 karakter: huruf kecil a-z, angka 0-9, "
         "titik, garis bawah atau tanda hubung.");
  if (utf8_length(password) < kMinPasswordLength)
    fail(ErrorCode::InvalidField, "password", "Kata sandi paling sedikit 10 karakter.");
  if (display_name.size() > 200)
    fail(ErrorCode::InvalidField, "display_name", "Nama tampilan paling banyak 200 karakter.");
  if (employee_id && !store.org.employee(*employee_id))
    fail(ErrorCode::NotFound, "employee_id", "Pegawai yang ditautkan tidak ditemukan.");
  if (store.identity.user_by_username(username))
    fail(ErrorCode::Conflict, "username", "Nama pengguna sudah dipakai.");
  // 2. Store the account with its hash, then the audit entry.
  identity::User u;
  u.username = username;
  u.display_name = display_name.empty() ? username : display_name;
  u.password_hash = hash_password(password);
  u.role = role;
  u.employee_id = employee_id;
  u.active = true;
  u.id = store.identity.insert_user(u);
  record_audit(store, actor, "create", "user", std::to_string(u.id), "", user_json(u));
  return u;
}

identity::User add_account(const Stores& store, const Actor& actor, const std::string& username,
                           const std::string& display_name, const std::string& password,
                           identity::Role role, std::optional<org::Id> employee_id) {
  Transaction tx(store.transactions);
  auto user = create_user(store, actor, username, display_name, password, role, employee_id);
  tx.commit();
  return user;
}

NewSession sign_in(const Stores& store, const identity::User& user, std::int64_t now,
                   std::int64_t ttl_seconds, const std::string& client_address) {
  Transaction tx(store.transactions);
  auto session = start_session(store, user.id, now, ttl_seconds);
  record_audit(store, Actor{user.id, user.username}, "sign_in", "user", std::to_string(user.id), "",
               sign_in_audit_json(client_address));
  tx.commit();
  return session;
}

NewSession start_session(const Stores& store, org::Id user_id, std::int64_t now,
                         std::int64_t ttl_seconds) {
  NewSession s;
  s.token = detail::random_hex(32);
  s.session.token_hash = token_hash(s.token);
  s.session.user_id = user_id;
  s.session.csrf_token = detail::random_hex(32);
  s.session.expires_at = now + ttl_seconds;
  store.identity.insert_session(s.session);
  return s;
}

std::optional<std::pair<identity::User, identity::Session>> resume_session(const Stores& store,
                                                                           const std::string& token,
                                                                           std::int64_t now) {
  if (token.empty()) return std::nullopt;
  auto found = store.identity.session_with_user(token_hash(token));
  if (!found || found->second.expires_at <= now || !found->first.active) return std::nullopt;
  return found;
}

void end_session(const Stores& store, const std::string& token) {
  if (token.empty()) return;
  store.identity.delete_session(token_hash(token));
}

}  // namespace tatakerja::app
