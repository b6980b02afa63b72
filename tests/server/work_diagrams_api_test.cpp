// The work system's diagrams over HTTP (issue 12 item 7), through a real server on the demo
// database: a mechanism's state machine for any signed-in reader, with a node for every state the
// JSON listing of the same mechanisms names (GET /assignment-mechanisms); an agency kind's
// structure and review chain from a region's rules for administrators (Kabupaten Kupang's
// Sekretariat Daerah from 004 with its extra level), drawn again after a rule is changed by hand;
// SVG answers with their type and policy header; 401, 403 and 404 as the routes say.
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "demo_server.hpp"
#include "http_client.hpp"

namespace tatakerja {
namespace {

using json = nlohmann::json;
using testing::HttpAnswer;
using testing::HttpClient;
using Headers = std::vector<std::pair<std::string, std::string>>;

struct Login {
  std::string cookie;
  std::string csrf;
  Headers headers() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
};

class WorkDiagramsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = std::make_unique<testing::DemoServer>("work_diagrams_api");
    port_ = demo_->port();
  }
  static void TearDownTestSuite() { demo_.reset(); }

  static HttpAnswer call(const std::string& method, const std::string& target,
                         const std::string& body = "", const Headers& h = {}) {
    HttpClient c(port_);
    return c.request(method, target, body, h, "application/json");
  }
  static std::string code_of(const HttpAnswer& a) {
    const json j = json::parse(a.body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"]["code"].get<std::string>() : "";
  }
  static Login login(const std::string& user, const std::string& password) {
    const auto a =
        call("POST", "/api/v1/auth/login", json{{"username", user}, {"password", password}}.dump());
    EXPECT_EQ(a.status, 200) << a.body;
    Login l;
    const std::string set_cookie = a.header("Set-Cookie");
    l.cookie = set_cookie.substr(0, set_cookie.find(';'));
    l.csrf = json::parse(a.body)["csrf_token"].get<std::string>();
    return l;
  }
  static std::int64_t region_named(const std::string& name) {
    for (const json regions = json::parse(call("GET", "/api/v1/regions").body);
         const auto& r : regions["items"])
      if (r["name"] == name) return r["id"].get<std::int64_t>();
    ADD_FAILURE() << "no region " << name;
    return 0;
  }
  static void expect_svg(const HttpAnswer& a) {
    ASSERT_EQ(a.status, 200) << a.body;
    EXPECT_EQ(a.header("Content-Type"), "image/svg+xml");
    EXPECT_EQ(a.header("Cache-Control"), "private, no-cache");
    // The server's policy: no script runs in the SVG opened on its own.
    EXPECT_NE(a.header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
    EXPECT_EQ(a.body.find("<script"), std::string::npos);
    EXPECT_EQ(a.body.rfind("<?xml", 0), 0U);
    EXPECT_NE(a.body.find("<svg"), std::string::npos);
    EXPECT_NE(a.body.find("</svg>"), std::string::npos);
    EXPECT_LT(a.body.size(), 64U * 1024);
  }

  static inline std::unique_ptr<testing::DemoServer> demo_;
  static inline unsigned short port_ = 0;
};

TEST_F(WorkDiagramsApi, EveryMechanismIsDrawnWithTheStatesItRuns) {
  const std::string one = "/api/v1/assignment-mechanisms/penunjukan_lintas_unit.svg";
  auto a = call("GET", one);
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(code_of(a), "UNAUTHENTICATED");

  const Login pegawai = login("pegawai", "demo-pegawai-2026");
  const json listing =
      json::parse(call("GET", "/api/v1/assignment-mechanisms", "", pegawai.headers()).body);
  ASSERT_EQ(listing["items"].size(), 5U);
  for (const auto& m : listing["items"]) {
    const std::string key = m["key"].get<std::string>();
    SCOPED_TRACE(key);
    a = call("GET", "/api/v1/assignment-mechanisms/" + key + ".svg", "", pegawai.headers());
    expect_svg(a);
    // Graphviz names each node in its <title>: one per state of the listing, and the start.
    for (const auto& s : m["states"]) {
      EXPECT_NE(a.body.find("<title>s_" + s["key"].get<std::string>() + "</title>"),
                std::string::npos)
          << s["key"];
    }
    EXPECT_NE(a.body.find("<title>mulai</title>"), std::string::npos);
    std::size_t edges = 0;
    for (auto at = a.body.find("class=\"edge\""); at != std::string::npos;
         at = a.body.find("class=\"edge\"", at + 1))
      ++edges;
    EXPECT_EQ(edges, m["transitions"].size() + 1);
  }
  a = call("GET", "/api/v1/assignment-mechanisms/tidak_ada.svg", "", pegawai.headers());
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(code_of(a), "NOT_FOUND");
  a = call("GET", "/api/v1/assignment-mechanisms/Penunjukan.svg", "", pegawai.headers());
  EXPECT_EQ(a.status, 404);
}

TEST_F(WorkDiagramsApi, AnAgencyKindsStructureFromTheRegionsRules) {
  const std::int64_t kupang = region_named("Kabupaten Kupang");
  const std::string base = "/api/v1/regions/" + std::to_string(kupang) + "/work-rules/structure/";
  auto a = call("GET", base + "sekretariat_daerah.svg");
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(code_of(a), "UNAUTHENTICATED");
  const Login pegawai = login("pegawai", "demo-pegawai-2026");
  a = call("GET", base + "sekretariat_daerah.svg", "", pegawai.headers());
  EXPECT_EQ(a.status, 403);
  EXPECT_EQ(code_of(a), "FORBIDDEN");

  const Login admin = login("admin", "demo-admin-2026");
  a = call("GET", base + "sekretariat_daerah.svg", "", admin.headers());
  expect_svg(a);
  // 004's Sekretariat Daerah: Kepala Bagian, Asisten Daerah, Sekretaris Daerah, in a column.
  for (const char* stop : {">Kepala Bagian<", ">Asisten Daerah<", ">Sekretaris Daerah<"}) {
    EXPECT_NE(a.body.find(stop), std::string::npos) << stop;
  }
  EXPECT_NE(a.body.find("<title>r0&#45;&gt;r1</title>"), std::string::npos);
  EXPECT_NE(a.body.find("<title>r1&#45;&gt;r2</title>"), std::string::npos);

  a = call("GET", base + "tidak_ada.svg", "", admin.headers());
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(code_of(a), "NOT_FOUND");
  a = call("GET", "/api/v1/regions/999999/work-rules/structure/uptd.svg", "", admin.headers());
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(code_of(a), "NOT_FOUND");
}

TEST_F(WorkDiagramsApi, ARuleChangedByHandIsDrawnAtOnce) {
  const Login admin = login("admin", "demo-admin-2026");
  const std::int64_t ntt = region_named("Provinsi Nusa Tenggara Timur");
  const std::string rules = "/api/v1/regions/" + std::to_string(ntt) + "/work-rules";
  const std::string svg = rules + "/structure/uptd.svg";
  auto a = call("GET", svg, "", admin.headers());
  expect_svg(a);
  EXPECT_NE(a.body.find(">Kepala UPTD"), std::string::npos);  // the default chain
  EXPECT_EQ(a.body.find("Kepala Dinas Induk"), std::string::npos);

  a = call("PATCH", rules,
           json{{"kind", "alur"},
                {"key", "uptd"},
                {"statement", "Kepala UPTD > Kepala Dinas Induk"},
                {"reason", "Uji gambar: hasil UPTD diterima kepala dinas induknya"}}
               .dump(),
           admin.headers());
  ASSERT_EQ(a.status, 200) << a.body;
  a = call("GET", svg, "", admin.headers());
  expect_svg(a);
  EXPECT_NE(a.body.find(">Kepala Dinas Induk<"), std::string::npos);
  EXPECT_NE(a.body.find("<title>r0&#45;&gt;r1</title>"), std::string::npos);
}

}  // namespace
}  // namespace tatakerja
