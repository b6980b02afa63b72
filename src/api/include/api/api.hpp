// Internal interface of the JSON API under /api/v1: the refusals handlers throw (fail), the
// per-request Context (the worker's store, the signed-in user, query parameters, access checks),
// the JSON forms shared by several handlers, and the handler functions themselves. Handlers are
// thin: they read and check their input, call store/service, and build one nlohmann::json answer;
// every failure is mapped to HTTP in one place (error_response in api_common.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/config.hpp"
#include "api/router.hpp"
#include "app/stores.hpp"
#include "core/error.hpp"
#include "http/message.hpp"
#include "org/model.hpp"

namespace tatakerja::server {

using json = nlohmann::json;
using org::Id;

class RateLimiter;

// Refusals are tatakerja::Refusal (core/error.hpp), thrown by fail(ErrorCode, field, message):
// the code alone decides the status and the default message.

// Turns the exception being handled (Refusal, storage::DatabaseError through app::refusal_for,
// anything else as INTERNAL) into the JSON error answer; logs the detail of unexpected ones. Call
// only from a catch block.
Response error_response_for_current_exception();
// The JSON error answer {"error":{"code","message","field"}} with the code's status (and
// Retry-After when the refusal says when to try again).
Response error_response(const Refusal& e);

class SessionMemo;

// The signed-in user of a request.
struct Principal {
  identity::User user;
  identity::Session session;
};

// Everything a handler may use for one request.
class Context {
 public:
  Context(const Request& req, app::Stores& s, const ServerConfig& cfg, RateLimiter& lim)
      : request(req), stores(s), store(s.org), identity(s.identity), config(cfg), limiter(lim) {}

  const Request& request;
  app::Stores& stores;                // for the use cases (app) and transactions
  org::OrgStore& store;               // the organisation registry (stores.org)
  identity::IdentityStore& identity;  // accounts, sessions, audit (stores.identity)
  const ServerConfig& config;
  RateLimiter& limiter;
  std::vector<Id> ids;     // the positive integers of the path ({id}), in order
  std::string path_token;  // the path's {token} or {key} segment (issue 12), "" when none
  Response response;       // handlers may add headers (Set-Cookie) here; status/body are theirs
  // The worker's memory of resumed sessions and the count of account changes it checks against
  // (set by the dispatch; without it every request reads its session from the store).
  SessionMemo* sessions = nullptr;
  std::uint64_t changes = 0;

  // The signed-in user from the tk_session cookie, or null (looked up once per request).
  const Principal* principal();
  // The tk_session cookie's value as sent (empty when none). Never log it.
  std::string_view session_token() const;
  // The id of the signed-in user when the session was looked up during this request.
  std::optional<Id> user_id_if_known() const {
    return principal_ ? std::optional<Id>(principal_->user.id) : std::nullopt;
  }
  // The signed-in user; refuses UNAUTHENTICATED when there is none.
  const Principal& require_user();
  // A user allowed to change the registry (admin_registri, administrator): UNAUTHENTICATED /
  // FORBIDDEN otherwise; for a POST/PATCH/DELETE also checks X-CSRF-Token (CSRF_INVALID).
  const Principal& require_editor();
  // An administrator: UNAUTHENTICATED / FORBIDDEN otherwise, and the CSRF check for changes.
  const Principal& require_administrator();
  // Refuses CSRF_INVALID unless X-CSRF-Token equals the session's token (constant time).
  void require_csrf(const Principal& p) const;

  // The decoded value of query parameter `name`, nullopt when absent.
  std::optional<std::string> query(std::string_view name);
  // Positive integer query parameter; nullopt when absent; INVALID_PARAMETER when malformed.
  std::optional<Id> query_id(std::string_view name);
  // Integer query parameter in [lo, hi]; `fallback` when absent; INVALID_PARAMETER otherwise.
  int query_number(std::string_view name, int lo, int hi, int fallback);
  // ?limit= (1..500, default 50) and ?offset= (>= 0, default 0); INVALID_PARAMETER otherwise.
  Page page();
  // The body as a JSON object: UNSUPPORTED_MEDIA_TYPE when the Content-Type is not JSON,
  // MALFORMED_JSON when it does not parse or is not an object.
  json json_body() const;
  // Unix seconds now.
  static std::int64_t now();

 private:
  bool principal_loaded_ = false;
  std::optional<Principal> principal_;
  bool query_parsed_ = false;
  std::vector<std::pair<std::string, std::string>> query_;
};

// Reads a field of a JSON body; each refuses INVALID_FIELD naming the field when it is missing
// (for the required_* forms) or of the wrong type or out of range.
std::string required_string(const json& body, const char* field, std::size_t max_length = 500,
                            bool allow_empty = false);
std::optional<std::string> optional_string(const json& body, const char* field,
                                           std::size_t max_length = 10000, bool allow_empty = true);
Id required_id(const json& body, const char* field);
// Absent: nullopt; null: optional holding nullopt; a positive integer: that id.
std::optional<std::optional<Id>> optional_nullable_id(const json& body, const char* field);
Date required_date(const json& body, const char* field);

// A 200 (or `status`) answer with the JSON body, dumped once.
Response json_response(const json& body, int status = 200);
// A 200 answer with a JSON body already written (JsonWriter).
Response json_text_response(std::string body, int status = 200);
// {"items":[...],"total":N,"limit":L,"offset":O}
json list_answer(json items, std::int64_t total, const Page& page);

// Shared JSON forms (docs/api.md).
json regulation_ref(const org::Regulation& r);
json agency_ref(const org::Agency& a);
// An agency's kind as the API writes it: its name, or "" when the regulation does not say.
std::string agency_kind_text(const std::optional<AgencyKind>& k);
json article_ref(const org::Article& a);
json user_json(const identity::User& u);
json date_or_null(const std::optional<Date>& d);
// An id, or null when there is none.
json optional_id_json(const std::optional<Id>& id);
// The position page of GET /positions/{id}; holders null unless `personal`.
json position_page(org::OrgStore& store, const org::Position& p, bool personal);
// The employee of GET /employees/{id}.
json employee_detail(org::OrgStore& store, const org::Employee& e);
// A unit as PATCH /units/{id} answers it, with its head position found in `positions`.
json unit_json(const org::Unit& u, const std::vector<org::Position>& positions);
// A placement: {"id","employee_id","position_id","kind","start","end"}.
json placement_json(const org::Placement& p);
// IKI tables as GET /positions/{id} and /regulations/{id} give them (docs/api.md, "IkiTable"):
// each with its regulation, its position and the article that holds it.
json iki_tables_json(org::OrgStore& store, const std::vector<org::IkiTable>& tables);
// The definitive holder of a position beside whom an acting (Plt, Plh) placement is shown, as
// {"employee_id","name"}; null when the position has none (vacant).
json definitive_holder_json(org::OrgStore& store, Id position_id);

// Service (service/handlers_service.cpp)
Response handle_health(Context&);
Response handle_openapi(Context&);
// Sign-in, accounts and the audit log (identity/)
Response handle_login(Context&);
Response handle_logout(Context&);
Response handle_me(Context&);
Response handle_users_list(Context&);
Response handle_user_create(Context&);
// Accounts (identity/handlers_account.cpp)
Response handle_user_disable(Context&);
Response handle_user_enable(Context&);
Response handle_user_sessions_end(Context&);
Response handle_password_change(Context&);
Response handle_user_email(Context&);  // issue 12 item 3: e-mail copies
Response handle_own_email(Context&);
Response handle_sessions_list(Context&);
Response handle_session_end(Context&);
// Public structure (org/handlers_public.cpp)
Response handle_regions_list(Context&);
Response handle_region_get(Context&);
Response handle_agencies_list(Context&);
Response handle_agency_get(Context&);
Response handle_agency_units(Context&);
Response handle_agency_chart(Context&);
Response handle_agency_positions(Context&);
Response handle_agency_history(Context&);
Response handle_position_get(Context&);
Response handle_article_get(Context&);
Response handle_regulations_list(Context&);
Response handle_regulation_get(Context&);
// People (org/handlers_people.cpp)
Response handle_employees_list(Context&);
Response handle_employee_get(Context&);
// Changes (org/handlers_changes.cpp)
Response handle_employee_create(Context&);
Response handle_employee_update(Context&);
Response handle_placement_create(Context&);
Response handle_placement_end(Context&);
Response handle_placement_move(Context&);
Response handle_position_update(Context&);
Response handle_unit_update(Context&);
Response handle_regulation_preview(Context&);
Response handle_regulation_import(Context&);
Response handle_audit_list(Context&);
// Issue 11, item 9: people imported from a table (org/handlers_people_import.cpp)
Response handle_people_preview(Context&);
Response handle_people_import(Context&);
// Issue 11: a unit's page (org/handlers_units.cpp)
Response handle_unit_get(Context&);
// The work system (work/; issue 12): the region's rules, teams
Response handle_work_rules_get(Context&);
Response handle_work_rule_update(Context&);
Response handle_teams_list(Context&);
Response handle_team_create(Context&);
Response handle_team_get(Context&);
Response handle_team_lead_replace(Context&);
// Assignments and the inbox (work/handlers_assignments.cpp; issue 12 item 3)
Response handle_mechanisms_get(Context&);
Response handle_assignment_create(Context&);
Response handle_assignment_step(Context&);
Response handle_assignments_mine(Context&);
Response handle_assignment_get(Context&);
Response handle_notifications_mine(Context&);
Response handle_notification_read(Context&);
// Issue 12 item 4: activities (src/api/work/handlers_activities.cpp).
Response handle_activity_flows_get(Context&);
Response handle_activity_create(Context&);
Response handle_activities_mine(Context&);
Response handle_team_activities(Context&);
Response handle_activity_get(Context&);
Response handle_activity_steps(Context&);
Response handle_activity_notes(Context&);
Response handle_activity_step(Context&);
Response handle_activity_note(Context&);
Response handle_evidence_upload(Context&);
Response handle_evidence_get(Context&);
// Issue 12 item 5: accountability (src/api/work/handlers_accountability.cpp).
Response handle_report_submit(Context&);
Response handle_report_get(Context&);
Response handle_report_request(Context&);
Response handle_escalation_create(Context&);
Response handle_accountability_mine(Context&);
Response handle_team_accountability(Context&);
Response handle_work_results(Context&);

}  // namespace tatakerja::server
