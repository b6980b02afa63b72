// The route table of the JSON API: which method and path pattern (relative to /api/v1, with
// `{id}` for a positive integer) goes to which handler. Each domain registers its own routes
// (add_service_routes, add_identity_routes, add_org_routes: api/routes.hpp); the table is made of
// them once. Kept free of Beast and JSON so that the OpenAPI test can compare it with the
// document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace tatakerja::server {

// What a cacheable answer reads: the scopes of the registry whose revisions the AnswerCache keeps
// it for (migration 4; docs/api.md, "Answer cache"). A bit set; 0: not cacheable.
namespace reads {
inline constexpr unsigned kRegistry = 1U << 0;           // anything (a list over every agency)
inline constexpr unsigned kAgency = 1U << 1;             // the agency `{id}` of the path
inline constexpr unsigned kAgencyOfPosition = 1U << 2;   // the agency of the position `{id}`
inline constexpr unsigned kPeople = 1U << 3;             // employees and placements
inline constexpr unsigned kRegulations = 1U << 4;        // regions, regulations, articles
inline constexpr unsigned kHoldersIfSignedIn = 1U << 5;  // people, for a signed-in reader only
}  // namespace reads

// How the transport carries a route's requests, decided from the request head alone (issue 10,
// "Authenticate before the body"; docs/operations.md, "Limits"). A bit set; 0: a small body
// (max_body_bytes), answered on the thread that read it.
namespace carry {
// A body up to max_text_bytes (a regulation text); the route must have a gate, and the body is
// read only once the gate has admitted the caller from the head.
inline constexpr unsigned kLargeBody = 1U << 0;
// Heavy work: the handler runs on the work pool, within the time budget (work_timeout_ms).
inline constexpr unsigned kHeavy = 1U << 1;
// The handler hashes a password (Argon2id, a fraction of a second of one core): it runs on the
// hashing pool, within its budget (SIGN_IN_BUSY when the pool is full), so that no worker that
// serves other connections waits for a hash.
inline constexpr unsigned kHashes = 1U << 2;
}  // namespace carry

struct RouteInfo {
  std::string_view method;   // "GET"
  std::string_view pattern;  // "/positions/{id}"
  // For a GET whose successful answer depends only on the registry's content, the request target
  // and whether the reader is signed in (not on who, nor on the role): the scopes it reads
  // (reads::...), and the server may answer it from the AnswerCache until one of them changes.
  // Never set it on a route whose answer varies with anything else, nor leave out a scope the
  // handler reads.
  unsigned reads = 0;
  unsigned carry = 0;  // carry::... bits
};

class Context;
using HandlerFn = Response (*)(Context&);
// Who may send to a route, checked from the request head alone (the body is not read yet):
// throws the refusal (UNAUTHENTICATED, FORBIDDEN, CSRF_INVALID). The transport calls it before
// reading a large body, the dispatch before the handler, so that both decide by one function.
using GateFn = void (*)(Context&);

struct Route {
  RouteInfo info;
  HandlerFn handler = nullptr;
  GateFn gate = nullptr;  // none: anyone may send; the handler decides
};

// The routes a domain adds, in the order they are matched.
class RouteTable {
 public:
  void add(RouteInfo info, HandlerFn handler, GateFn gate = nullptr) {
    routes_.push_back({info, handler, gate});
  }
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// Every route, in table order.
const std::vector<RouteInfo>& route_list();
// The handler of route `index` of route_list().
HandlerFn route_handler(std::size_t index);
// The gate of route `index` of route_list(); null when it has none.
GateFn route_gate(std::size_t index);

enum class MatchKind { Found, NotFound, MethodNotAllowed };

struct RouteMatch {
  MatchKind kind = MatchKind::NotFound;
  std::size_t route = 0;          // index into route_list() when Found
  std::vector<std::int64_t> ids;  // the `{id}` segments, in order (as many as the pattern has)
  // The `{token}` segment (issue 12 item 6) or the `{key}` segment (item 7), when the pattern has
  // one.
  std::string token;
  std::string allow;  // "GET, PATCH" when MethodNotAllowed
};

// Matches a path relative to /api/v1 ("/positions/12"). An `{id}` segment matches only a positive
// decimal integer without sign or leading zeros that fits in 63 bits; anything else is NotFound.
// "{id}.pdf" is such an id followed by ".pdf"; a `{token}` segment is 1..64 base64url characters;
// a `{key}` segment ("{key}.svg": followed by ".svg") is 1..64 of [a-z0-9_].
RouteMatch match_route(std::string_view method, std::string_view path);

}  // namespace tatakerja::server
