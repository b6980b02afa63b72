// Accounts (Argon2id passwords through libsodium) and sessions (random tokens stored as SHA-256).
#include "app/accounts.hpp"

#include <sodium.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "app/crypto.hpp"

namespace tatakerja::app {
namespace {

bool valid_username(std::string_view u) {
  if (u.size() < 3 || u.size() > 64) return false;
  for (char c : u) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// What the audit log (which registry administrators read) says of an address: whether there is
// one and its domain, never the address itself.
nlohmann::json email_audit(const std::string& email) {
  const auto at = email.find('@');
  return {{"email_set", !email.empty()},
          {"email_domain", at == std::string::npos ? "" : email.substr(at + 1)}};
}

std::string user_json(const identity::User& u) {
  nlohmann::json j{{"id", u.id},
                   {"username", u.username},
                   {"display_name", u.display_name},
                   {"role", identity::to_string(u.role)},
                   {"active", u.active}};
  j["employee_id"] = u.employee_id ? nlohmann::json(*u.employee_id) : nlohmann::json(nullptr);
  j.update(email_audit(u.email));
  return j.dump();
}

}  // namespace

void check_email_address(const std::string& email) {
  if (!email.empty() && !identity::is_email_address(email))
    fail(ErrorCode::InvalidField, "email",
         "Alamat e-mail tidak sah (contoh: nama@instansi.go.id; tanpa spasi, paling banyak 254 "
         "karakter).");
}

identity::User set_account_email(const Stores& store, const Actor& actor, org::Id user_id,
                                 const std::string& email) {
  check_email_address(email);
  Transaction tx(store.transactions);
  auto u = store.identity.user_by_id(user_id);
  if (!u) fail(ErrorCode::NotFound, "id", "Akun tidak ditemukan.");
  if (u->email == email) return *u;  // nothing changes: nothing is written
  const std::string before = email_audit(u->email).dump();
  u->email = email;
  store.identity.update_user(*u);
  record_audit(store, actor, "change_email", "user", std::to_string(user_id), before,
               email_audit(u->email).dump());
  tx.commit();
  return *u;
}

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
                           identity::Role role, std::optional<org::Id> employee_id,
                           const std::string& email) {
  // 1. Check every field before touching the store.
  check_email_address(email);
  if (!valid_username(username))
    fail(ErrorCode::InvalidField, "username",
         "Nama pengguna harus 3 sampai 64 karakter: huruf kecil a-z, angka 0-9, "
         "titik, garis bawah atau tanda hubung.");
  check_password(password, username, "password");
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
  u.email = email;
  u.id = store.identity.insert_user(u);
  record_audit(store, actor, "create", "user", std::to_string(u.id), "", user_json(u));
  return u;
}

identity::User add_account(const Stores& store, const Actor& actor, const std::string& username,
                           const std::string& display_name, const std::string& password,
                           identity::Role role, std::optional<org::Id> employee_id,
                           const std::string& email) {
  Transaction tx(store.transactions);
  auto user = create_user(store, actor, username, display_name, password, role, employee_id, email);
  tx.commit();
  return user;
}

NewSession sign_in(const Stores& store, const identity::User& user, const SessionStart& start) {
  Transaction tx(store.transactions);
  auto session = start_session(store, user.id, start);
  record_audit(store, Actor{user.id, user.username}, "sign_in", "user", std::to_string(user.id), "",
               sign_in_audit_json(start.client_address));
  tx.commit();
  return session;
}

NewSession start_session(const Stores& store, org::Id user_id, const SessionStart& start) {
  if (start.max_sessions > 0) {
    auto held = store.identity.sessions_of_user(user_id);
    // Expired ones go first, then the oldest (the list is oldest first).
    std::stable_partition(held.begin(), held.end(),
                          [&](const identity::Session& s) { return s.expires_at <= start.now; });
    const auto keep = static_cast<std::size_t>(start.max_sessions - 1);
    for (std::size_t i = 0; i + keep < held.size(); ++i)
      store.identity.delete_session(held[i].token_hash);
  }
  NewSession s;
  s.token = detail::random_hex(32);
  s.session.token_hash = token_hash(s.token);
  s.session.user_id = user_id;
  s.session.csrf_token = detail::random_hex(32);
  s.session.expires_at = start.now + start.ttl_seconds;
  s.session.created_at = start.now;
  s.session.client_address = start.client_address;
  s.session.id = store.identity.insert_session(s.session);
  return s;
}

NewSession start_session(const Stores& store, org::Id user_id, std::int64_t now,
                         std::int64_t ttl_seconds) {
  return start_session(store, user_id, SessionStart{now, ttl_seconds, "", 0});
}

int change_password(const Stores& store, const identity::User& user,
                    const std::string& current_token_hash, std::string_view current_password,
                    std::string_view new_password) {
  auto stored = store.identity.user_by_id(user.id);
  if (!stored || !stored->active) fail(ErrorCode::Unauthenticated);
  if (!verify_password(stored->password_hash, current_password))
    fail(ErrorCode::CurrentPasswordWrong, "current_password");
  check_password(new_password, stored->username, "new_password");
  if (new_password == current_password)
    fail(ErrorCode::InvalidField, "new_password",
         "Kata sandi baru harus berbeda dari kata sandi saat ini.");
  const std::string hash = hash_password(new_password);
  Transaction tx(store.transactions);
  stored = store.identity.user_by_id(user.id);  // read again inside the transaction
  if (!stored || !stored->active) fail(ErrorCode::Unauthenticated);
  stored->password_hash = hash;
  store.identity.update_user(*stored);
  int ended = 0;
  for (const auto& s : store.identity.sessions_of_user(user.id)) {
    if (s.token_hash == current_token_hash) continue;
    store.identity.delete_session(s.token_hash);
    ++ended;
  }
  record_audit(store, Actor{user.id, user.username}, "change_password", "user",
               std::to_string(user.id), "", nlohmann::json{{"sessions_ended", ended}}.dump());
  tx.commit();
  return ended;
}

identity::User set_account_active(const Stores& store, const Actor& actor, org::Id user_id,
                                  bool active) {
  Transaction tx(store.transactions);
  auto u = store.identity.user_by_id(user_id);
  if (!u) fail(ErrorCode::NotFound, "id", "Akun tidak ditemukan.");
  if (u->active == active) return *u;  // nothing changes: nothing is written
  if (!active && actor.user_id && *actor.user_id == user_id)
    fail(ErrorCode::Conflict, "active", "Anda tidak dapat menonaktifkan akun Anda sendiri.");
  const std::string before = user_json(*u);
  u->active = active;
  store.identity.update_user(*u);
  if (!active) {
    for (const auto& s : store.identity.sessions_of_user(user_id))
      store.identity.delete_session(s.token_hash);
  }
  record_audit(store, actor, active ? "enable" : "disable", "user", std::to_string(user_id), before,
               user_json(*u));
  tx.commit();
  return *u;
}

int end_sessions_of_account(const Stores& store, const Actor& actor, org::Id user_id) {
  Transaction tx(store.transactions);
  if (!store.identity.user_by_id(user_id)) fail(ErrorCode::NotFound, "id", "Akun tidak ditemukan.");
  const auto held = store.identity.sessions_of_user(user_id);
  if (held.empty()) return 0;
  for (const auto& s : held) store.identity.delete_session(s.token_hash);
  const int ended = static_cast<int>(held.size());
  record_audit(store, actor, "end_sessions", "user", std::to_string(user_id), "",
               nlohmann::json{{"sessions_ended", ended}}.dump());
  tx.commit();
  return ended;
}

std::vector<identity::Session> sessions_of(const Stores& store, org::Id user_id, std::int64_t now) {
  auto held = store.identity.sessions_of_user(user_id);
  std::erase_if(held, [&](const identity::Session& s) { return s.expires_at <= now; });
  return held;
}

void end_own_session(const Stores& store, const identity::User& user, org::Id session_id,
                     std::int64_t now) {
  Transaction tx(store.transactions);
  const auto held = sessions_of(store, user.id, now);
  const auto it = std::find_if(held.begin(), held.end(),
                               [&](const identity::Session& s) { return s.id == session_id; });
  if (it == held.end()) fail(ErrorCode::NotFound, "id", "Sesi tidak ditemukan.");
  store.identity.delete_session(it->token_hash);
  record_audit(store, Actor{user.id, user.username}, "end_session", "user", std::to_string(user.id),
               "", nlohmann::json{{"session_id", session_id}}.dump());
  tx.commit();
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
