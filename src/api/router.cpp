// The route table and the matcher. The table is small (about thirty routes), so matching walks it
// segment by segment without allocating.
#include "api/router.hpp"

#include "api/api.hpp"

namespace tatakerja::server {
namespace {

struct Route {
  RouteInfo info;
  HandlerFn handler;
};

// A position page: its agency (its unit, superior, appraiser and subordinates are of the same
// agency: PATCH /positions refuses others), its source articles, and its holders if signed in.
constexpr unsigned kPositionPage =
    reads::kAgencyOfPosition | reads::kRegulations | reads::kHoldersIfSignedIn;

const std::vector<Route>& table() {
  static const std::vector<Route> routes = {
      {{"GET", "/health"}, handle_health},
      {{"GET", "/openapi.json"}, handle_openapi},
      {{"POST", "/auth/login"}, handle_login},
      {{"POST", "/auth/logout"}, handle_logout},
      {{"GET", "/auth/me"}, handle_me},
      {{"GET", "/regions", reads::kRegistry}, handle_regions_list},
      {{"GET", "/regions/{id}", reads::kRegistry}, handle_region_get},
      {{"GET", "/agencies", reads::kRegistry}, handle_agencies_list},
      {{"GET", "/agencies/{id}", reads::kAgency | reads::kRegulations}, handle_agency_get},
      {{"GET", "/agencies/{id}/units", reads::kAgency}, handle_agency_units},
      {{"GET", "/agencies/{id}/chart", reads::kAgency | reads::kHoldersIfSignedIn},
       handle_agency_chart},
      {{"GET", "/agencies/{id}/positions", reads::kAgency}, handle_agency_positions},
      {{"GET", "/agencies/{id}/history", reads::kAgency | reads::kRegulations},
       handle_agency_history},
      {{"GET", "/positions/{id}", kPositionPage}, handle_position_get},
      {{"PATCH", "/positions/{id}"}, handle_position_update},
      {{"GET", "/articles/{id}", reads::kRegulations}, handle_article_get},
      {{"GET", "/regulations", reads::kRegistry}, handle_regulations_list},
      {{"POST", "/regulations"}, handle_regulation_import},
      {{"POST", "/regulations/preview"}, handle_regulation_preview},
      {{"GET", "/regulations/{id}", reads::kRegistry}, handle_regulation_get},
      {{"GET", "/employees", reads::kPeople}, handle_employees_list},
      {{"POST", "/employees"}, handle_employee_create},
      {{"GET", "/employees/{id}", reads::kPeople}, handle_employee_get},
      {{"PATCH", "/employees/{id}"}, handle_employee_update},
      {{"POST", "/placements"}, handle_placement_create},
      {{"POST", "/placements/{id}/end"}, handle_placement_end},
      {{"PATCH", "/units/{id}"}, handle_unit_update},
      {{"GET", "/audit"}, handle_audit_list},
      {{"GET", "/users"}, handle_users_list},
      {{"POST", "/users"}, handle_user_create},
  };
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

// Matches `path` against `pattern`, filling ids.
bool path_matches(std::string_view pattern, std::string_view path,
                  std::array<std::int64_t, 2>& ids) {
  std::size_t id_count = 0;
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
      if (id_count >= ids.size() || !parse_id(sseg, ids[id_count])) return false;
      ++id_count;
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

RouteMatch match_route(std::string_view method, std::string_view path) {
  RouteMatch m;
  const auto& routes = table();
  for (std::size_t i = 0; i < routes.size(); ++i) {
    std::array<std::int64_t, 2> ids{};
    if (!path_matches(routes[i].info.pattern, path, ids)) continue;
    if (routes[i].info.method == method) {
      m.kind = MatchKind::Found;
      m.route = i;
      m.ids = ids;
      return m;
    }
    if (!m.allow.empty()) m.allow += ", ";
    m.allow += routes[i].info.method;
    m.kind = MatchKind::MethodNotAllowed;
  }
  return m;
}

}  // namespace tatakerja::server
