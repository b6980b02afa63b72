// The handling of one request to the JSON API, without the transport: the route (404, 405, 413),
// the handler with its Context, the answer cache for registry routes, and every failure mapped to
// an answer. Server calls it for every request under /api; the API fuzz target
// (fuzz/api_fuzz.cpp) calls it directly, with no socket in between.
#pragma once

#include <optional>
#include <string_view>

#include "api/config.hpp"
#include "app/stores.hpp"
#include "core/error.hpp"
#include "http/message.hpp"
#include "org/model.hpp"

namespace tatakerja::server {

class AnswerCache;
class ScopeBoard;
class SessionMemo;
class RateLimiter;

// What the API shares between requests; one per server.
struct ApiShared {
  const ServerConfig& config;
  RateLimiter& limiter;
  AnswerCache& answers;
  ScopeBoard& board;      // the calling worker's own
  SessionMemo* sessions;  // the calling worker's own; null: every request reads its session
};

// Answers `req` (its target starts with "/api/") with `store`, the calling worker's own.
// `user_id` is set to the signed-in user when the request's session was looked up (for the log).
// Never throws for anything a client sends.
Response handle_api_request(const Request& req, app::Stores& stores, ApiShared shared,
                            std::optional<org::Id>& user_id);

// What the API decides about a request whose head has arrived and whose body has not been read
// (issue 10, "Authenticate before the body"): the route's carry (router.hpp, carry::) and, for a
// route that takes a large body, its gate run on the head, so that a caller who may not send the
// body is refused before it is read.
struct HeadDecision {
  std::optional<Response> refusal;  // the gate refused: answer this without reading the body
  bool large_body = false;          // the route takes a body up to max_text_bytes
  bool heavy = false;               // the handler runs on the work pool
  bool hashes = false;              // the handler runs on the hashing pool
  bool writes = false;  // a change (neither GET nor heavy nor hashing): on the writers' pool
};
// `head` is a request whose body is empty; `stores` the calling thread's own. Never throws for
// anything a client sends. `user_id` as for handle_api_request.
HeadDecision decide_head(const Request& head, app::Stores& stores, ApiShared shared,
                         std::optional<org::Id>& user_id);

// The error answer for `code` with its default Indonesian message.
Response error_answer(ErrorCode code);

// Whether a change request to `path` (after /api/v1) may write accounts or sessions: the identity
// domain's routes, /auth/... and /users... (api/identity/routes.cpp). After one ends, the workers'
// remembered sessions are read again (SessionMemo); after any other change they are kept.
bool changes_accounts(std::string_view path);

}  // namespace tatakerja::server
