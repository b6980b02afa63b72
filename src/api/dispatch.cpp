#include "api/dispatch.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/answer_cache.hpp"
#include "api/api.hpp"
#include "api/router.hpp"
#include "api/scope_board.hpp"
#include "core/transaction.hpp"

namespace tatakerja::server {
namespace {

constexpr std::string_view kApiPrefix = "/api/v1";

// The stamp of what `route_reads` for this request: the current revision of each scope it reads
// (agency/12, people, ...), read in one query in the request's snapshot, before the answer is
// computed in the same snapshot. A scope that never changed is stamped at 0, so that its first
// change retires the answer too.
Stamp stamp_of(Context& ctx, unsigned route_reads, bool signed_in) {
  std::vector<std::string> scopes;
  if (route_reads & reads::kRegistry) scopes.emplace_back("registry");
  if (route_reads & reads::kAgency) scopes.push_back("agency/" + std::to_string(ctx.ids[0]));
  if ((route_reads & reads::kPeople) || (signed_in && (route_reads & reads::kHoldersIfSignedIn)))
    scopes.emplace_back("people");
  if (route_reads & reads::kRegulations) scopes.emplace_back("regulations");
  std::optional<Id> position;
  if (route_reads & reads::kAgencyOfPosition) position = ctx.ids[0];
  Stamp stamp = ctx.store.scope_revisions(scopes, position);
  for (const auto& scope : scopes) {
    const bool present = std::any_of(stamp.begin(), stamp.end(),
                                     [&](const org::ScopeRevision& r) { return r.scope == scope; });
    if (!present) stamp.push_back(org::ScopeRevision{scope, 0});
  }
  std::sort(
      stamp.begin(), stamp.end(),
      [](const org::ScopeRevision& a, const org::ScopeRevision& b) { return a.scope < b.scope; });
  return stamp;
}

// A registry answer from the cache when it holds one for this target and reader kind (signed in
// or not) whose stamp is current on the worker's board (no query); otherwise computed and kept.
// The session is resumed first, so an expired or forged cookie reads as anonymous; routes that
// need a user refuse anonymous readers in their handler, and only 200 answers are kept, so an
// anonymous key never holds personal data.
Response registry_answer(Context& ctx, std::size_t route, AnswerCache& answers, ScopeBoard& board) {
  const bool signed_in = ctx.principal() != nullptr;
  std::string key(signed_in ? "u " : "a ");
  key += ctx.request.target;
  board.refresh_if_due(ctx.store, answers.changes(), ScopeBoard::Clock::now());
  if (auto hit = answers.find(key, board)) {
    Response r;
    r.headers.emplace_back("Content-Type", std::move(hit->content_type));
    r.body = *hit->body;
    return r;
  }
  Stamp stamp = stamp_of(ctx, route_list()[route].reads, signed_in);
  Response r = route_handler(route)(ctx);
  if (r.status == 200) {
    std::string content_type;
    for (const auto& [n, v] : r.headers)
      if (n == "Content-Type") content_type = v;
    answers.put(
        key, std::move(stamp),
        AnswerCache::Answer{std::move(content_type), std::make_shared<const std::string>(r.body)});
  }
  return r;
}

}  // namespace

bool changes_accounts(std::string_view path) {
  return path.starts_with("/auth/") || path == "/users" || path.starts_with("/users/");
}

Response error_answer(ErrorCode code) {
  return error_response(Refusal(code));
}

HeadDecision decide_head(const Request& head, app::Stores& stores, ApiShared shared,
                         std::optional<org::Id>& user_id) {
  HeadDecision d;
  std::string_view path = head.path();
  if (!path.starts_with(kApiPrefix)) return d;
  path.remove_prefix(kApiPrefix.size());
  const RouteMatch m = match_route(head.method, path);
  if (m.kind != MatchKind::Found) return d;  // answered after its (small) body
  const unsigned carry = route_list()[m.route].carry;
  d.heavy = (carry & carry::kHeavy) != 0;
  d.hashes = (carry & carry::kHashes) != 0;
  d.large_body = (carry & carry::kLargeBody) != 0;
  d.writes = !d.heavy && !d.hashes && head.method != "GET" && head.method != "HEAD";
  const GateFn gate = route_gate(m.route);
  if (!d.large_body || gate == nullptr) return d;
  Context ctx(head, stores, shared.config, shared.limiter);
  ctx.ids = m.ids;
  ctx.path_token = m.token;
  ctx.sessions = shared.sessions;
  ctx.changes = shared.answers.account_changes();
  try {
    gate(ctx);
  } catch (...) {
    d.refusal = error_response_for_current_exception();
  }
  user_id = ctx.user_id_if_known();
  return d;
}

Response handle_api_request(const Request& req, app::Stores& stores, ApiShared shared,
                            std::optional<org::Id>& user_id) {
  if (req.body_too_large) return error_answer(ErrorCode::PayloadTooLarge);
  std::string_view path = req.path();
  if (!path.starts_with(kApiPrefix)) return error_answer(ErrorCode::NotFound);
  path.remove_prefix(kApiPrefix.size());
  const RouteMatch m = match_route(req.method, path);
  if (m.kind == MatchKind::NotFound) return error_answer(ErrorCode::NotFound);
  if (m.kind == MatchKind::MethodNotAllowed) {
    Response r = error_answer(ErrorCode::MethodNotAllowed);
    r.set_header("Allow", m.allow);
    return r;
  }
  Context ctx(req, stores, shared.config, shared.limiter);
  ctx.ids = m.ids;
  ctx.path_token = m.token;
  ctx.sessions = shared.sessions;
  ctx.changes = shared.answers.account_changes();
  Response r;
  const bool reading = req.method == "GET" || req.method == "HEAD";
  try {
    // A reading request is answered from one state of the data, its cache stamp included, in
    // one read transaction; a change request's use case opens its own transaction.
    std::optional<ReadSnapshot> snapshot;
    if (reading) snapshot.emplace(stores.transactions);
    // The route's gate, the same function the transport ran on the head (decide_head).
    if (const GateFn gate = route_gate(m.route)) gate(ctx);
    if (route_list()[m.route].reads != 0 && shared.answers.enabled()) {
      r = registry_answer(ctx, m.route, shared.answers, shared.board);
    } else {
      r = route_handler(m.route)(ctx);
    }
    for (auto& h : ctx.response.headers) r.headers.push_back(std::move(h));
  } catch (...) {
    r = error_response_for_current_exception();
  }
  // The change (if any) is committed: the workers' boards reload before their next cache check,
  // and after a change to accounts or sessions their remembered sessions too.
  if (!reading && r.status < 400) {
    shared.answers.note_change();
    if (changes_accounts(path)) shared.answers.note_account_change();
  }
  user_id = ctx.user_id_if_known();
  return r;
}

}  // namespace tatakerja::server
