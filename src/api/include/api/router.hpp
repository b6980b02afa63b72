// The route table of the JSON API: which method and path pattern (relative to /api/v1, with
// `{id}` for a positive integer) goes to which handler. Kept free of Beast and JSON so that the
// OpenAPI test can compare it with the document.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tatakerja::server {

struct RouteInfo {
  std::string_view method;   // "GET"
  std::string_view pattern;  // "/positions/{id}"
  // A GET whose successful answer depends only on the registry's content, the request target and
  // whether the reader is signed in (not on who, nor on the role): the server may answer it from
  // the AnswerCache. Never set it on a route whose answer varies with anything else.
  bool registry_answer = false;
};

// Every route, in table order.
const std::vector<RouteInfo>& route_list();

enum class MatchKind { Found, NotFound, MethodNotAllowed };

struct RouteMatch {
  MatchKind kind = MatchKind::NotFound;
  std::size_t route = 0;              // index into route_list() when Found
  std::array<std::int64_t, 2> ids{};  // the `{id}` segments, in order
  std::string allow;                  // "GET, PATCH" when MethodNotAllowed
};

// Matches a path relative to /api/v1 ("/positions/12"). An `{id}` segment matches only a positive
// decimal integer without sign or leading zeros that fits in 63 bits; anything else is NotFound.
RouteMatch match_route(std::string_view method, std::string_view path);

}  // namespace tatakerja::server
