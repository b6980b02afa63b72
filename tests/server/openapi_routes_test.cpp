// The OpenAPI document embedded in the server agrees with the router: every route of the route
// table appears in the document's paths with its method, and every operation of the document is a
// route. Also checks the document's outline (3.1, error schema, operations answer with errors), and
// that the document and docs/api.md list exactly the error codes the API answers, with the
// statuses of the one error table (core/error.hpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "api/openapi.hpp"
#include "api/router.hpp"
#include "core/error.hpp"

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

// The codes the API may answer, in the table's order.
std::vector<std::string> api_code_names() {
  std::vector<std::string> out;
  for (const auto& e : kErrorTable)
    if (answered_by_api(e.code)) out.emplace_back(e.name);
  return out;
}

// The upper-case words (code names) of `text`.
std::vector<std::string> code_words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : std::string(text) + ' ') {
    if ((c >= 'A' && c <= 'Z') || c == '_') {
      word += c;
    } else {
      if (word.size() > 1) out.push_back(word);
      word.clear();
    }
  }
  return out;
}

TEST(OpenApi, ErrorSchemaListsExactlyTheApiCodes) {
  const json doc = document();
  const json& codes =
      doc["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"];
  ASSERT_TRUE(codes.is_array());
  EXPECT_EQ(codes.get<std::vector<std::string>>(), api_code_names());
}

// components.responses holds one response E<status> per status of an API code, and its
// description names exactly the codes of that status.
TEST(OpenApi, ErrorResponsesNameTheCodesOfTheirStatus) {
  const json doc = document();
  std::map<std::string, std::set<std::string>> expected;
  for (const auto& e : kErrorTable)
    if (answered_by_api(e.code)) expected["E" + std::to_string(e.http_status)].emplace(e.name);
  std::map<std::string, std::set<std::string>> documented;
  for (const auto& [key, response] : doc["components"]["responses"].items()) {
    const auto words = code_words(response.value("description", ""));
    documented[key] = std::set<std::string>(words.begin(), words.end());
  }
  EXPECT_EQ(documented, expected);
}

// docs/api.md's error table: one row "| status | `CODE` | when |" per API code, in the table's
// order, with its status.
TEST(ApiDoc, ErrorTableMatchesTheCoreTable) {
  std::ifstream in(TATAKERJA_DOCS_DIR "/api.md");
  ASSERT_TRUE(in) << "cannot read docs/api.md";
  std::vector<std::pair<int, std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with("| ") || line.size() < 8) continue;
    const auto tick = line.find("| `");
    const auto end = line.find("` |", tick == std::string::npos ? 0 : tick);
    if (tick == std::string::npos || end == std::string::npos) continue;
    const std::string status = line.substr(2, line.find(' ', 2) - 2);
    if (status.size() != 3 || status.find_first_not_of("0123456789") != std::string::npos) continue;
    rows.emplace_back(std::stoi(status), line.substr(tick + 3, end - tick - 3));
  }
  std::vector<std::pair<int, std::string>> expected;
  for (const auto& e : kErrorTable)
    if (answered_by_api(e.code)) expected.emplace_back(e.http_status, std::string(e.name));
  EXPECT_EQ(rows, expected);
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

// Issue 12 item 7: a {key} segment with its suffix ("{key}.svg"): lowercase letters, digits, '_'.
TEST(Router, MatchesKeysWithTheirSuffix) {
  auto m = server::match_route("GET", "/assignment-mechanisms/penunjukan_lintas_unit.svg");
  ASSERT_EQ(m.kind, server::MatchKind::Found);
  EXPECT_EQ(m.token, "penunjukan_lintas_unit");
  m = server::match_route("GET", "/regions/7/work-rules/structure/dinas_badan.svg");
  ASSERT_EQ(m.kind, server::MatchKind::Found);
  EXPECT_EQ(m.ids, std::vector<std::int64_t>{7});
  EXPECT_EQ(m.token, "dinas_badan");
  for (const char* bad :
       {"/assignment-mechanisms/.svg", "/assignment-mechanisms/Penunjukan.svg",
        "/assignment-mechanisms/a-b.svg", "/assignment-mechanisms/penunjukan_lintas_unit",
        "/assignment-mechanisms/penunjukan_lintas_unit.svg.svg", "/assignment-mechanisms/a%2Fb.svg",
        "/regions/0/work-rules/structure/uptd.svg"}) {
    EXPECT_EQ(server::match_route("GET", bad).kind, server::MatchKind::NotFound) << bad;
  }
  EXPECT_EQ(
      server::match_route("GET", "/assignment-mechanisms/" + std::string(65, 'a') + ".svg").kind,
      server::MatchKind::NotFound);
}

}  // namespace
}  // namespace tatakerja
