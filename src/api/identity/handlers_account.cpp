// Handlers of accounts: the administrator's account list, account creation, turning an account
// off and on and ending its sessions; a user's own password change and sessions. Passwords are
// never logged or echoed.

#include <algorithm>

#include "api/api.hpp"
#include "api/sign_in_guard.hpp"
#include "app/accounts.hpp"
#include "app/audit.hpp"

namespace tatakerja::server {
namespace {

// An account as the administrator's list shows it: user_json and whether it may sign in.
json account_json(const identity::User& u) {
  json j = user_json(u);
  j["active"] = u.active;
  return j;
}

app::Actor actor_of(const Principal& p) {
  return app::Actor{p.user.id, p.user.username};
}

}  // namespace

Response handle_users_list(Context& ctx) {
  ctx.require_administrator();
  const auto page = ctx.page();
  const auto users = ctx.identity.users();
  json items = json::array();
  const std::size_t begin = std::min(users.size(), static_cast<std::size_t>(page.offset));
  const std::size_t end = std::min(users.size(), begin + static_cast<std::size_t>(page.limit));
  for (std::size_t i = begin; i < end; ++i) items.push_back(account_json(users[i]));
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
  const std::string email = optional_string(body, "email", 254).value_or("");
  app::check_email_address(email);  // before the password is hashed
  const auto slot = hashing_slot(ctx);
  const auto user = app::add_account(ctx.stores, actor_of(p), username, display_name, password,
                                     *role, employee_id, email);
  return json_response(account_json(user), 201);
}

Response handle_user_disable(Context& ctx) {
  const Principal& p = ctx.require_administrator();
  return json_response(
      account_json(app::set_account_active(ctx.stores, actor_of(p), ctx.ids[0], false)));
}

Response handle_user_enable(Context& ctx) {
  const Principal& p = ctx.require_administrator();
  return json_response(
      account_json(app::set_account_active(ctx.stores, actor_of(p), ctx.ids[0], true)));
}

Response handle_user_sessions_end(Context& ctx) {
  const Principal& p = ctx.require_administrator();
  const int ended = app::end_sessions_of_account(ctx.stores, actor_of(p), ctx.ids[0]);
  return json_response({{"sessions_ended", ended}});
}

Response handle_user_email(Context& ctx) {
  const Principal& p = ctx.require_administrator();
  const json body = ctx.json_body();
  const std::string email = required_string(body, "email", 254, true);
  return json_response(
      account_json(app::set_account_email(ctx.stores, actor_of(p), ctx.ids[0], email)));
}

Response handle_own_email(Context& ctx) {
  const Principal& p = ctx.require_user();
  ctx.require_csrf(p);
  const json body = ctx.json_body();
  const std::string email = required_string(body, "email", 254, true);
  return json_response(
      user_json(app::set_account_email(ctx.stores, actor_of(p), p.user.id, email)));
}

Response handle_password_change(Context& ctx) {
  const Principal& p = ctx.require_user();
  ctx.require_csrf(p);
  const json body = ctx.json_body();
  const std::string current = required_string(body, "current_password", 1024, true);
  const std::string next = required_string(body, "new_password", 1024, true);
  const std::int64_t now = Context::now();
  const std::string address = request_client_address(ctx);
  // A wrong current password counts as a failed sign-in of the account from this address, so a
  // stolen session cannot be used to guess the password faster than the sign-in form allows.
  refuse_while_throttled(ctx, p.user.username, address, now);
  int ended = 0;
  try {
    const auto slot = hashing_slot(ctx);
    ended = app::change_password(ctx.stores, p.user, p.session.token_hash, current, next);
  } catch (const Refusal& r) {
    if (r.code() == ErrorCode::CurrentPasswordWrong)
      record_wrong_password(ctx, p.user.username, address, now);
    throw;
  }
  ctx.limiter.reset(pair_key(p.user.username, address));
  return json_response({{"sessions_ended", ended}});
}

Response handle_sessions_list(Context& ctx) {
  const Principal& p = ctx.require_user();
  json items = json::array();
  for (const auto& s : app::sessions_of(ctx.stores, p.user.id, Context::now())) {
    items.push_back(
        {{"id", s.id},
         {"created_at", s.created_at > 0 ? json(app::iso_utc_of(s.created_at)) : json(nullptr)},
         {"expires_at", app::iso_utc_of(s.expires_at)},
         {"client_address", s.client_address},
         {"current", s.token_hash == p.session.token_hash}});
  }
  const auto n = static_cast<std::int64_t>(items.size());
  return json_response(
      list_answer(std::move(items), n, Page{static_cast<int>(std::max<std::int64_t>(n, 1)), 0}));
}

Response handle_session_end(Context& ctx) {
  const Principal& p = ctx.require_user();
  ctx.require_csrf(p);
  const bool current = p.session.id == ctx.ids[0];
  app::end_own_session(ctx.stores, p.user, ctx.ids[0], Context::now());
  Response r;
  r.status = 204;
  if (current) r.headers.emplace_back("Set-Cookie", clearing_session_cookie(ctx));
  return r;
}

}  // namespace tatakerja::server
