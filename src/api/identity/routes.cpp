// The identity domain's routes: signing in and out, accounts, the audit log. None is cacheable:
// each answer depends on who asks. Those that hash a password run on the hashing pool.
#include "api/routes.hpp"
#include "api/api.hpp"

namespace tatakerja::server {

void add_identity_routes(RouteTable& t) {
  t.add({"POST", "/auth/login", 0, carry::kHashes}, handle_login);
  t.add({"POST", "/auth/logout"}, handle_logout);
  t.add({"GET", "/auth/me"}, handle_me);
  t.add({"GET", "/audit"}, handle_audit_list);
  t.add({"GET", "/users"}, handle_users_list);
  t.add({"POST", "/users", 0, carry::kHashes}, handle_user_create);
  t.add({"POST", "/users/{id}/disable"}, handle_user_disable);
  t.add({"POST", "/users/{id}/enable"}, handle_user_enable);
  t.add({"DELETE", "/users/{id}/sessions"}, handle_user_sessions_end);
  t.add({"PUT", "/users/{id}/email"}, handle_user_email);
  t.add({"POST", "/auth/password", 0, carry::kHashes}, handle_password_change);
  t.add({"PUT", "/auth/email"}, handle_own_email);
  t.add({"GET", "/auth/sessions"}, handle_sessions_list);
  t.add({"DELETE", "/auth/sessions/{id}"}, handle_session_end);
}

}  // namespace tatakerja::server
