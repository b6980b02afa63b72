// Handlers of sign-in: login (the throttle by user name and client address, the cap on password
// hashing, the limit on successful sign-ins, the session cookie), logout and the current user.
// Passwords, tokens and cookies are never logged or echoed.
#include <algorithm>

#include "api/api.hpp"
#include "api/client_address.hpp"
#include "api/rate_limiter.hpp"
#include "api/sign_in_guard.hpp"
#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "core/text.hpp"
#include "org/model.hpp"

namespace tatakerja::server {
namespace {

// A session's answer (sign-in, GET /auth/me): the account, its CSRF token, and whether this server
// sends e-mail copies of notifications (an SMTP server is configured), so that the address form
// can say what the address is for.
nlohmann::json session_json(const Context& ctx, const identity::User& user,
                            const std::string& csrf_token) {
  return {{"user", user_json(user)},
          {"csrf_token", csrf_token},
          {"email_delivery", !ctx.config.email.smtp_url.empty()}};
}

// A hash to check against when the user name is unknown, so that the answer takes as long as for a
// known one.
const std::string& dummy_hash() {
  static const std::string h = app::hash_password("tatakerja-dummy-password");
  return h;
}

// RATE_LIMITED when account `user` has signed in sign_ins_per_hour times in the last hour.
void refuse_over_hourly_limit(Context& ctx, std::int64_t user, std::int64_t now) {
  const std::int64_t wait =
      ctx.limiter.sign_in_retry_after(user, now, ctx.config.sign_ins_per_hour);
  if (wait <= 0) return;
  Refusal refusal(ErrorCode::RateLimited, std::nullopt,
                  "Akun ini sudah terlalu sering masuk dalam satu jam terakhir; coba lagi dalam " +
                      std::to_string(wait) + " detik.");
  refusal.set_retry_after(wait);
  throw refusal;
}

std::string session_cookie(const std::string& token, std::int64_t max_age, bool secure) {
  std::string c = "tk_session=" + token +
                  "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

}  // namespace

// ---- the guard shared with the account handlers (sign_in_guard.hpp) ----

std::string request_client_address(const Context& ctx) {
  return client_address(ctx.request, ctx.config.trusted_proxies);
}

std::string pair_key(std::string_view username, const std::string& address) {
  return "u:" + text::to_lower(std::string(username)) + "\n" + address;
}

std::string address_key(const std::string& address) {
  return "a:" + address;
}

void refuse_while_throttled(Context& ctx, std::string_view username, const std::string& address,
                            std::int64_t now) {
  const std::int64_t wait = std::max(ctx.limiter.retry_after(pair_key(username, address), now),
                                     ctx.limiter.retry_after(address_key(address), now));
  if (wait > 0) {
    Refusal refusal(ErrorCode::RateLimited, std::nullopt,
                    "Terlalu banyak percobaan masuk yang gagal dari alamat ini; coba lagi dalam " +
                        std::to_string(wait) + " detik.");
    refusal.set_retry_after(wait);
    throw refusal;
  }
}

void record_wrong_password(Context& ctx, std::string_view username, const std::string& address,
                           std::int64_t now) {
  ctx.limiter.record_failure(pair_key(username, address), now,
                             {ctx.config.sign_in_free_failures, ctx.config.sign_in_max_delay,
                              ctx.config.sign_in_first_delay});
  ctx.limiter.record_failure(address_key(address), now,
                             {ctx.config.address_free_failures, ctx.config.sign_in_max_delay,
                              ctx.config.sign_in_first_delay});
}

RateLimiter::HashingSlot hashing_slot(Context& ctx) {
  auto slot = ctx.limiter.hashing_slot(
      RateLimiter::hashing_slots_for(ctx.config.password_hashing_slots), kHashingWait);
  if (!slot) {
    Refusal refusal(ErrorCode::SignInBusy);
    refusal.set_retry_after(1);
    throw refusal;
  }
  return std::move(*slot);
}

// ---- handlers ----

Response handle_login(Context& ctx) {
  const json body = ctx.json_body();
  const std::string username = required_string(body, "username", 200);
  const std::string password = required_string(body, "password", 1024, true);
  const std::int64_t now = Context::now();
  const std::string address = request_client_address(ctx);
  refuse_while_throttled(ctx, username, address, now);

  auto user = ctx.identity.user_by_username(username);
  // An account over its hourly limit is refused before the hash, so that a flood of right
  // passwords costs no Argon2id past the limit. Only successful sign-ins count towards it, so the
  // refusal tells nothing to someone who does not know the password.
  if (user) refuse_over_hourly_limit(ctx, user->id, now);
  bool ok = false;
  {
    const auto slot = hashing_slot(ctx);
    if (user) {
      ok = app::verify_password(user->password_hash, password) && user->active;
    } else {
      (void)app::verify_password(dummy_hash(), password);
    }
  }
  if (!ok) {
    record_wrong_password(ctx, username, address, now);
    app::record_failed_sign_in(ctx.stores, username,
                               user ? std::optional<Id>(user->id) : std::nullopt, address);
    fail(ErrorCode::WrongCredentials);
  }
  ctx.limiter.reset(pair_key(username, address));
  refuse_over_hourly_limit(ctx, user->id, now);  // again: another sign-in may have come between
  const auto session = app::sign_in(ctx.stores, *user,
                                    app::SessionStart{now, ctx.config.session_ttl_seconds, address,
                                                      ctx.config.sessions_per_account});
  ctx.limiter.record_sign_in(user->id, now, ctx.config.sign_ins_per_hour);
  ctx.response.headers.emplace_back(
      "Set-Cookie",
      session_cookie(session.token, ctx.config.session_ttl_seconds, ctx.config.secure_cookies));
  return json_response(session_json(ctx, *user, session.session.csrf_token));
}

Response handle_logout(Context& ctx) {
  const Principal& p = ctx.require_user();
  ctx.require_csrf(p);
  app::sign_out(ctx.stores, p.user, std::string(ctx.session_token()), request_client_address(ctx));
  Response r;
  r.status = 204;
  r.headers.emplace_back("Set-Cookie", clearing_session_cookie(ctx));
  return r;
}

std::string clearing_session_cookie(const Context& ctx) {
  return session_cookie("", 0, ctx.config.secure_cookies);
}

Response handle_me(Context& ctx) {
  const Principal& p = ctx.require_user();
  return json_response(session_json(ctx, p.user, p.session.csrf_token));
}

}  // namespace tatakerja::server
