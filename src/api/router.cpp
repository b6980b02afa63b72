// The route table, made of each domain's routes, and the matcher. The table is small (about
// thirty routes), so matching walks it segment by segment.
#include "api/router.hpp"

#include "api/routes.hpp"

namespace tatakerja::server {
namespace {

const std::vector<Route>& table() {
  static const std::vector<Route> routes = [] {
    RouteTable t;
    add_service_routes(t);
    add_identity_routes(t);
    add_org_routes(t);
    add_work_routes(t);  // issue 12
    add_document_routes(t);
    return t.routes();
  }();
  return routes;
}

bool parse_id(std::string_view s, std::int64_t& out) {
  if (s.empty() || s.size() > 18 || s.front() == '0') return false;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

// A {token} segment (issue 12 item 6: a letter's verification token): 1..64 characters of
// base64url.
bool token_segment(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (const char c : s) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

// A {key} segment (issue 12 item 7: a mechanism's or an agency kind's key): 1..64 characters of
// lowercase ASCII letters, digits and '_'.
bool key_segment(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// Matches `path` against `pattern`, filling `ids` (cleared first) with its {id} segments and
// `token` with its {token} or {key} segment. A segment "{id}.pdf" is an id followed by that
// suffix, "{key}.svg" a key followed by it.
bool path_matches(std::string_view pattern, std::string_view path, std::vector<std::int64_t>& ids,
                  std::string& token) {
  ids.clear();
  token.clear();
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/')
      return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    const auto pe = pattern.find('/');
    const auto se = path.find('/');
    const std::string_view pseg = pattern.substr(0, pe);
    const std::string_view sseg = path.substr(0, se);
    if (pseg == "{id}") {
      std::int64_t id = 0;
      if (!parse_id(sseg, id)) return false;
      ids.push_back(id);
    } else if (pseg == "{token}") {
      if (!token_segment(sseg)) return false;
      token = std::string(sseg);
    } else if (pseg.starts_with("{key}")) {
      const std::string_view suffix = pseg.substr(5);
      if (!sseg.ends_with(suffix) || !key_segment(sseg.substr(0, sseg.size() - suffix.size()))) {
        return false;
      }
      token = std::string(sseg.substr(0, sseg.size() - suffix.size()));
    } else if (pseg.starts_with("{id}.")) {
      const std::string_view suffix = pseg.substr(4);
      std::int64_t id = 0;
      if (!sseg.ends_with(suffix) || !parse_id(sseg.substr(0, sseg.size() - suffix.size()), id)) {
        return false;
      }
      ids.push_back(id);
    } else if (pseg != sseg) {
      return false;
    }
    pattern = pe == std::string_view::npos ? std::string_view{} : pattern.substr(pe);
    path = se == std::string_view::npos ? std::string_view{} : path.substr(se);
  }
  return true;
}

}  // namespace

const std::vector<RouteInfo>& route_list() {
  static const std::vector<RouteInfo> list = [] {
    std::vector<RouteInfo> l;
    for (const auto& r : table()) l.push_back(r.info);
    return l;
  }();
  return list;
}

HandlerFn route_handler(std::size_t index) {
  return table().at(index).handler;
}

GateFn route_gate(std::size_t index) {
  return table().at(index).gate;
}

RouteMatch match_route(std::string_view method, std::string_view path) {
  RouteMatch m;
  const auto& routes = table();
  std::vector<std::int64_t> ids;
  std::string token;
  for (std::size_t i = 0; i < routes.size(); ++i) {
    if (!path_matches(routes[i].info.pattern, path, ids, token)) continue;
    if (routes[i].info.method == method) {
      m.kind = MatchKind::Found;
      m.route = i;
      m.ids = std::move(ids);
      m.token = std::move(token);
      return m;
    }
    if (!m.allow.empty()) m.allow += ", ";
    m.allow += routes[i].info.method;
    m.kind = MatchKind::MethodNotAllowed;
  }
  return m;
}

}  // namespace tatakerja::server
