// Handlers of sign-in and accounts: login (Argon2id check, rate limit per client address and per
// user name, session cookie), logout, the current user, and the administrator's account list and
// account creation. Passwords, tokens and cookies are never logged or echoed.
#include <algorithm>

#include "api/api.hpp"
#include "api/rate_limiter.hpp"
#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "core/text.hpp"
#include "org/model.hpp"

namespace tatakerja::server {
namespace {

// A hash to check against when the user name is unknown, so that the answer takes as long as for a
// known one.
const std::string& dummy_hash() {
  static const std::string h = app::hash_password("tatakerja-dummy-password");
  return h;
}

std::string session_cookie(const std::string& token, std::int64_t max_age, bool secure) {
  std::string c = "tk_session=" + token +
                  "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

[[noreturn]] void throw_rate_limited(std::int64_t retry_after) {
  Refusal refusal(ErrorCode::RateLimited);
  refusal.set_retry_after(retry_after);
  throw refusal;
}

}  // namespace

Response handle_login(Context& ctx) {
  const json body = ctx.json_body();
  const std::string username = required_string(body, "username", 200);
  const std::string password = required_string(body, "password", 1024, true);
  const std::int64_t now = Context::now();
  const std::string address_key = "addr:" + ctx.request.client_address;
  const std::string user_key = "user:" + text::to_lower(username);
  const std::int64_t wait =
      std::max(ctx.limiter.retry_after(address_key, now), ctx.limiter.retry_after(user_key, now));
  if (wait > 0) throw_rate_limited(wait);

  auto user = ctx.identity.user_by_username(username);
  bool ok = false;
  if (user) {
    ok = app::verify_password(user->password_hash, password) && user->active;
  } else {
    (void)app::verify_password(dummy_hash(), password);
  }
  if (!ok) {
    ctx.limiter.record_failure(address_key, now);
    ctx.limiter.record_failure(user_key, now);
    app::record_failed_sign_in(ctx.stores, username,
                               user ? std::optional<Id>(user->id) : std::nullopt,
                               ctx.request.client_address);
    fail(ErrorCode::WrongCredentials);
  }
  ctx.limiter.reset(user_key);
  const auto session = app::sign_in(ctx.stores, *user, now, ctx.config.session_ttl_seconds,
                                    ctx.request.client_address);
  ctx.response.headers.emplace_back(
      "Set-Cookie",
      session_cookie(session.token, ctx.config.session_ttl_seconds, ctx.config.secure_cookies));
  return json_response({{"user", user_json(*user)}, {"csrf_token", session.session.csrf_token}});
}

Response handle_logout(Context& ctx) {
  const Principal& p = ctx.require_user();
  ctx.require_csrf(p);
  app::sign_out(ctx.stores, p.user, std::string(ctx.session_token()), ctx.request.client_address);
  Response r;
  r.status = 204;
  r.headers.emplace_back("Set-Cookie", session_cookie("", 0, ctx.config.secure_cookies));
  return r;
}

Response handle_me(Context& ctx) {
  const Principal& p = ctx.require_user();
  return json_response({{"user", user_json(p.user)}, {"csrf_token", p.session.csrf_token}});
}

Response handle_users_list(Context& ctx) {
  ctx.require_administrator();
  const auto page = ctx.page();
  const auto users = ctx.identity.users();
  json items = json::array();
  const std::size_t begin = std::min(users.size(), static_cast<std::size_t>(page.offset));
  const std::size_t end = std::min(users.size(), begin + static_cast<std::size_t>(page.limit));
  for (std::size_t i = begin; i < end; ++i) items.push_back(user_json(users[i]));
  return json_response(
      list_answer(std::move(items), static_cast<std::int64_t>(users.size()), page));
}

Response handle_user_create(Context& ctx) {
  const Principal& p = ctx.require_administrator();
  const json body = ctx.json_body();
  const std::string username = required_string(body, "username", 64);
  const std::string display_name = optional_string(body, "display_name", 200).value_or("");
  const std::string password = required_string(body, "password", 1024);
  const std::string role_text = required_string(body, "role", 40);
  const auto role = identity::role_from_string(role_text);
  if (!role)
    fail(ErrorCode::InvalidField, "role",
         "Peran harus pegawai, admin_registri atau administrator.");
  const auto employee_id = optional_nullable_id(body, "employee_id").value_or(std::nullopt);
  const auto user = app::add_account(ctx.stores, app::Actor{p.user.id, p.user.username}, username,
                                     display_name, password, *role, employee_id);
  return json_response(user_json(user), 201);
}

}  // namespace tatakerja::server
