// The OpenAPI document embedded in the server agrees with the router: every route of the route
// table appears in the document's paths with its method, and every operation of the document is a
// route. Also checks the document's outline (3.1, error schema, operations answer with errors).
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "api/openapi.hpp"
#include "api/router.hpp"

namespace tatakerja {
namespace {

using json = nlohmann::json;

json document() {
  const auto text = server::openapi_document();
  json doc = json::parse(text.begin(), text.end(), nullptr, false);
  EXPECT_FALSE(doc.is_discarded()) << "openapi.json is not JSON";
  return doc;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

TEST(OpenApi, IsOpenApi31WithServerPrefix) {
  const json doc = document();
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 3), "3.1");
  EXPECT_EQ(doc["servers"][0]["url"], "/api/v1");
  EXPECT_TRUE(doc["components"]["schemas"].contains("Error"));
}

TEST(OpenApi, EveryRouteIsDocumented) {
  const json doc = document();
  const json& paths = doc["paths"];
  for (const auto& r : server::route_list()) {
    const std::string path(r.pattern);
    ASSERT_TRUE(paths.contains(path)) << path;
    EXPECT_TRUE(paths[path].contains(lower(r.method))) << r.method << " " << path;
  }
}

TEST(OpenApi, EveryDocumentedOperationIsARoute) {
  const json doc = document();
  std::set<std::pair<std::string, std::string>> routes;
  for (const auto& r : server::route_list())
    routes.emplace(lower(r.method), std::string(r.pattern));
  static const std::set<std::string> kMethods = {"get",    "post", "put",    "patch",
                                                 "delete", "head", "options"};
  int operations = 0;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      if (!kMethods.contains(method)) continue;
      ++operations;
      EXPECT_TRUE(routes.contains({method, path})) << method << " " << path;
      EXPECT_TRUE(op.contains("operationId")) << method << " " << path;
      EXPECT_TRUE(op["responses"].is_object()) << method << " " << path;
    }
  }
  EXPECT_EQ(operations, static_cast<int>(server::route_list().size()));
}

TEST(Router, MatchesIdsAndMethods) {
  auto m = server::match_route("GET", "/positions/42");
  ASSERT_EQ(m.kind, server::MatchKind::Found);
  EXPECT_EQ(m.ids[0], 42);
  m = server::match_route("POST", "/placements/7/end");
  ASSERT_EQ(m.kind, server::MatchKind::Found);
  EXPECT_EQ(m.ids[0], 7);
  EXPECT_EQ(server::match_route("GET", "/positions/042").kind, server::MatchKind::NotFound);
  EXPECT_EQ(server::match_route("GET", "/positions/0").kind, server::MatchKind::NotFound);
  EXPECT_EQ(server::match_route("GET", "/positions/1x").kind, server::MatchKind::NotFound);
  EXPECT_EQ(server::match_route("GET", "/positions/99999999999999999999").kind,
            server::MatchKind::NotFound);
  EXPECT_EQ(server::match_route("GET", "/positions/").kind, server::MatchKind::NotFound);
  EXPECT_EQ(server::match_route("GET", "/regions/").kind, server::MatchKind::NotFound);
  m = server::match_route("DELETE", "/employees/3");
  EXPECT_EQ(m.kind, server::MatchKind::MethodNotAllowed);
  EXPECT_EQ(m.allow, "GET, PATCH");
  EXPECT_EQ(server::match_route("GET", "/regulations/preview").kind,
            server::MatchKind::MethodNotAllowed);
}

}  // namespace
}  // namespace tatakerja
