// The HTTP API end to end: the real server runs in-process on 127.0.0.1:0 over a temporary SQLite
// database filled with the demo (build_demo on data/regulations), and the tests talk to it over
// real TCP with a small blocking client. Every endpoint of docs/api.md is exercised, with its
// refusals: anonymous / signed-in / wrong role, CSRF, unknown ids and routes, wrong methods,
// malformed and mistyped bodies, oversized bodies, invalid NIPs, hierarchy cycles (nothing
// written), keep-alive, static files, and that anonymous answers carry no
// personal data.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>

#include "app/accounts.hpp"
#include "http_client.hpp"
#include "org/nip.hpp"
#include "persistence/sql_stores.hpp"
#include "sample/demo.hpp"
#include "server/server.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::HttpAnswer;
using testing::HttpClient;
using Headers = std::vector<std::pair<std::string, std::string>>;

// A signed-in client: its cookie and CSRF token.
struct Login {
  std::string cookie;  // "tk_session=..."
  std::string csrf;
  Headers headers(bool with_csrf = true) const {
    Headers h{{"Cookie", cookie}};
    if (with_csrf) h.emplace_back("X-CSRF-Token", csrf);
    return h;
  }
};

// A running server over its own database copy, stopped and removed at the end.
struct RunningServer {
  std::unique_ptr<server::Server> server;
  std::thread thread;
  unsigned short port = 0;

  void start(const server::ServerConfig& config) {
    server = std::make_unique<server::Server>(config);
    port = server->start();
    thread = std::thread([this] { server->run(false); });
  }
  ~RunningServer() {
    if (server) server->stop();
    if (thread.joinable()) thread.join();
  }
};

fs::path make_dir(const std::string& name) {
  const fs::path d =
      fs::temp_directory_path() / ("tatakerja_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

class ServerApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = make_dir("server_api");
    const std::string db = (dir_ / "demo.db").string();
    {
      auto c = storage::open_database(db);
      storage::migrate(*c);
      persistence::SqlStores s(*c);
      sample::build_demo(s.stores(), std::string(TATAKERJA_DATA_DIR) + "/regulations", 7);
      // The NIPs and names of every demo employee, for the personal-data scan.
      Page p{500, 0};
      for (;;) {
        const auto hits = s.org().search_employees("", 0, p);
        for (const auto& h : hits) {
          nips_.insert(h.employee.nip);
          names_.insert(h.employee.name);
        }
        if (hits.size() < 500) break;
        p.offset += 500;
      }
    }
    fs::create_directories(dir_ / "web" / "assets");
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>Tatakerja</title>";
    std::ofstream(dir_ / "web" / "assets" / "app-1a2b3c.js") << "console.log('tk');";
    std::ofstream(dir_ / "secret.txt") << "do not serve";
    server::ServerConfig config;
    config.db = db;
    config.listen = "127.0.0.1:0";
    config.threads = 2;
    config.web_root = (dir_ / "web").string();
    config.log_level = "warn";
    running_ = new RunningServer();
    running_->start(config);
  }
  static void TearDownTestSuite() {
    delete running_;
    running_ = nullptr;
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  static unsigned short port() { return running_->port; }

  static HttpAnswer get(const std::string& target, const Headers& h = {}) {
    HttpClient c(port());
    return c.request("GET", target, "", h);
  }
  static HttpAnswer send(const std::string& method, const std::string& target, const json& body,
                         const Headers& h) {
    HttpClient c(port());
    return c.request(method, target, body.dump(), h);
  }
  static json body_of(const HttpAnswer& a) { return json::parse(a.body); }
  static std::string error_code(const HttpAnswer& a) {
    const json j = json::parse(a.body, nullptr, false);
    if (j.is_discarded() || !j.contains("error")) return "";
    return j["error"]["code"].get<std::string>();
  }
  static json error_field(const HttpAnswer& a) { return json::parse(a.body)["error"]["field"]; }

  static Login login(const std::string& user, const std::string& password) {
    HttpClient c(port());
    const auto a = c.request("POST", "/api/v1/auth/login",
                             json{{"username", user}, {"password", password}}.dump());
    EXPECT_EQ(a.status, 200) << a.body;
    Login l;
    const std::string set_cookie = a.header("Set-Cookie");
    l.cookie = set_cookie.substr(0, set_cookie.find(';'));
    l.csrf = json::parse(a.body)["csrf_token"].get<std::string>();
    return l;
  }
  static const Login& admin() {
    static const Login l = login("admin", "demo-admin-2026");
    return l;
  }
  static const Login& editor() {
    static const Login l = login("organisasi", "demo-organisasi-2026");
    return l;
  }
  static const Login& employee() {
    static const Login l = login("pegawai", "demo-pegawai-2026");
    return l;
  }
  // The newest audit entry's id: the entries of the chain are numbered one after another, so it
  // moves on by one per entry (the log is paged by key and not counted).
  static std::int64_t audit_total() {
    const auto a = get("/api/v1/audit?limit=1", editor().headers(false));
    EXPECT_EQ(a.status, 200) << a.body;
    const auto items = body_of(a)["items"];
    return items.empty() ? 0 : items[0]["id"].get<std::int64_t>();
  }
  // The region the demo's registry administrator (organisasi) is scoped to: Kota Batam.
  static std::int64_t editor_region() {
    for (const json regions = body_of(get("/api/v1/regions")); const auto& r : regions["items"])
      if (r["name"] == "Kota Batam") return r["id"].get<std::int64_t>();
    ADD_FAILURE() << "no Kota Batam in the demo";
    return 0;
  }
  // An agency of the editor's region with units and positions.
  static std::int64_t first_agency() {
    const auto a = get("/api/v1/agencies?limit=500&region_id=" + std::to_string(editor_region()));
    for (const json all1 = body_of(a); const auto& ag : all1["items"]) {
      const auto units = body_of(
          get("/api/v1/agencies/" + std::to_string(ag["id"].get<std::int64_t>()) + "/units"));
      if (units["items"].size() > 2) return ag["id"].get<std::int64_t>();
    }
    ADD_FAILURE() << "no agency with units";
    return 0;
  }

  static inline fs::path dir_;
  static inline RunningServer* running_ = nullptr;
  static inline std::set<std::string> nips_;
  static inline std::set<std::string> names_;
};

void expect_security_headers(const HttpAnswer& a) {
  EXPECT_EQ(a.header("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(a.header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(a.header("Referrer-Policy"), "same-origin");
  EXPECT_EQ(a.header("X-Frame-Options"), "DENY");
}

TEST_F(ServerApi, HealthAndOpenApi) {
  const auto h = get("/api/v1/health");
  ASSERT_EQ(h.status, 200);
  const auto j = body_of(h);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["database"], "sqlite");
  EXPECT_GT(j["schema_version"].get<int>(), 0);
  EXPECT_EQ(h.header("Content-Type"), "application/json; charset=utf-8");
  expect_security_headers(h);
  const auto o = get("/api/v1/openapi.json");
  ASSERT_EQ(o.status, 200);
  EXPECT_EQ(body_of(o)["openapi"].get<std::string>().substr(0, 3), "3.1");
}

TEST_F(ServerApi, UnknownRoutesMethodsAndIds) {
  auto a = get("/api/v1/nothing-here");
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(error_code(a), "NOT_FOUND");
  expect_security_headers(a);
  EXPECT_EQ(get("/api/v2/regions").status, 404);
  EXPECT_EQ(get("/api/v1/regions/abc").status, 404);
  EXPECT_EQ(get("/api/v1/regions/0").status, 404);
  EXPECT_EQ(get("/api/v1/regions/-1").status, 404);
  EXPECT_EQ(get("/api/v1/regions/999999").status, 404);
  EXPECT_EQ(get("/api/v1/agencies/999999").status, 404);
  EXPECT_EQ(get("/api/v1/agencies/999999/units").status, 404);
  EXPECT_EQ(get("/api/v1/agencies/999999/chart").status, 404);
  EXPECT_EQ(get("/api/v1/agencies/999999/positions").status, 404);
  EXPECT_EQ(get("/api/v1/agencies/999999/history").status, 404);
  EXPECT_EQ(get("/api/v1/positions/999999").status, 404);
  EXPECT_EQ(get("/api/v1/articles/999999").status, 404);
  EXPECT_EQ(get("/api/v1/regulations/999999").status, 404);
  EXPECT_EQ(get("/api/v1/employees/999999", employee().headers(false)).status, 404);
  HttpClient c(port());
  a = c.request("DELETE", "/api/v1/regions");
  EXPECT_EQ(a.status, 405);
  EXPECT_EQ(error_code(a), "METHOD_NOT_ALLOWED");
  EXPECT_EQ(a.header("Allow"), "GET");
  a = c.request("PUT", "/api/v1/positions/1", "{}");
  EXPECT_EQ(a.status, 405);
  EXPECT_EQ(a.header("Allow"), "GET, PATCH");
}

TEST_F(ServerApi, QueryParametersAreTyped) {
  for (const char* target : {"/api/v1/regions?limit=0", "/api/v1/regions?limit=501",
                             "/api/v1/regions?limit=abc", "/api/v1/regions?offset=-1",
                             "/api/v1/agencies?region_id=x", "/api/v1/regulations?region_id=0"}) {
    const auto a = get(target);
    EXPECT_EQ(a.status, 400) << target;
    EXPECT_EQ(error_code(a), "INVALID_PARAMETER") << target;
    EXPECT_TRUE(error_field(a).is_string()) << target;
  }
  const auto ag = first_agency();
  const auto a = get("/api/v1/agencies/" + std::to_string(ag) + "/positions?kind=Raja");
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(error_field(a), "kind");
  // Text that is not UTF-8 (the stores read UTF-8; PostgreSQL would refuse the query).
  for (const char* q : {"%FF%FE", "budi%C3"}) {
    const auto b = get("/api/v1/agencies/" + std::to_string(ag) + "/positions?q=" + q);
    EXPECT_EQ(b.status, 400) << q;
    EXPECT_EQ(error_code(b), "INVALID_PARAMETER") << q;
    EXPECT_EQ(error_field(b), "q") << q;
  }
}

TEST_F(ServerApi, PublicStructure) {
  const auto regions = body_of(get("/api/v1/regions"));
  ASSERT_GE(regions["total"].get<int>(), 4);
  EXPECT_EQ(regions["limit"], 50);
  EXPECT_EQ(regions["offset"], 0);
  const auto rid = regions["items"][0]["id"].get<std::int64_t>();
  EXPECT_TRUE(regions["items"][0].contains("agency_count"));
  const auto region = body_of(get("/api/v1/regions/" + std::to_string(rid)));
  EXPECT_EQ(region["id"], rid);
  EXPECT_TRUE(region["agencies"].is_array());
  EXPECT_FALSE(region["regulations"].empty());

  const auto all_agencies = body_of(get("/api/v1/agencies"));
  ASSERT_GE(all_agencies["total"].get<int>(), 3);
  const auto ag = first_agency();
  const auto agency = body_of(get("/api/v1/agencies/" + std::to_string(ag)));
  EXPECT_EQ(agency["id"], ag);
  EXPECT_TRUE(agency["regulation"].is_object());
  EXPECT_GT(agency["position_count"].get<int>(), 0);
  const auto in_region = body_of(get("/api/v1/agencies?region_id=" +
                                     std::to_string(agency["region"]["id"].get<std::int64_t>())));
  bool found = false;
  for (const auto& a : in_region["items"]) found = found || a["id"] == ag;
  EXPECT_TRUE(found);
  const std::string word = agency["name"].get<std::string>().substr(0, 5);
  EXPECT_GE(body_of(get("/api/v1/agencies?q=" + word))["total"].get<int>(), 1);
  EXPECT_EQ(body_of(get("/api/v1/agencies?q=zzzzqqq"))["total"], 0);

  // Units: parents before children.
  const auto units = body_of(get("/api/v1/agencies/" + std::to_string(ag) + "/units"))["items"];
  std::set<std::int64_t> seen;
  for (const auto& u : units) {
    if (!u["parent_id"].is_null()) {
      EXPECT_TRUE(seen.contains(u["parent_id"].get<std::int64_t>()));
    }
    seen.insert(u["id"].get<std::int64_t>());
  }
  const auto chart = body_of(get("/api/v1/agencies/" + std::to_string(ag) + "/chart"));
  ASSERT_FALSE(chart["nodes"].empty());
  for (const auto& n : chart["nodes"]) EXPECT_TRUE(n["holder_name"].is_null());

  const auto positions = body_of(get("/api/v1/agencies/" + std::to_string(ag) + "/positions"));
  ASSERT_GT(positions["total"].get<int>(), 0);
  const auto pid = positions["items"][0]["id"].get<std::int64_t>();
  const auto uid = units[0]["id"].get<std::int64_t>();
  const auto by_unit = body_of(
      get("/api/v1/agencies/" + std::to_string(ag) + "/positions?unit_id=" + std::to_string(uid)));
  for (const auto& p : by_unit["items"]) EXPECT_EQ(p["unit_id"], uid);
  const auto by_kind =
      body_of(get("/api/v1/agencies/" + std::to_string(ag) + "/positions?kind=Pengawas"));
  for (const auto& p : by_kind["items"]) EXPECT_EQ(p["kind"], "Pengawas");
  EXPECT_EQ(get("/api/v1/agencies/" + std::to_string(ag) + "/history").status, 200);

  const auto position = body_of(get("/api/v1/positions/" + std::to_string(pid)));
  EXPECT_EQ(position["id"], pid);
  EXPECT_TRUE(position["holders"].is_null());
  EXPECT_TRUE(position["vacant"].is_boolean());
  EXPECT_TRUE(position["subordinates"].is_array());
  EXPECT_EQ(position["agency"]["id"], ag);

  const auto regulations = body_of(get("/api/v1/regulations"));
  ASSERT_GE(regulations["total"].get<int>(), 5);
  const auto regid = regulations["items"][0]["id"].get<std::int64_t>();
  const auto regulation = body_of(get("/api/v1/regulations/" + std::to_string(regid)));
  ASSERT_FALSE(regulation["articles"].empty());
  EXPECT_TRUE(regulation["findings"].is_array());
  const auto artid = regulation["articles"][0]["id"].get<std::int64_t>();
  const auto article = body_of(get("/api/v1/articles/" + std::to_string(artid)));
  EXPECT_EQ(article["regulation_id"], regid);
  EXPECT_FALSE(article["text"].get<std::string>().empty());
  EXPECT_EQ(body_of(get("/api/v1/regulations?region_id=" + std::to_string(rid)))["items"].size(),
            region["regulations"].size());
}

TEST_F(ServerApi, Pagination) {
  const auto ag = first_agency();
  const std::string base = "/api/v1/agencies/" + std::to_string(ag) + "/positions";
  const auto all = body_of(get(base + "?limit=500"));
  const auto total = all["total"].get<std::size_t>();
  ASSERT_GT(total, 3u);
  const auto page = body_of(get(base + "?limit=2&offset=1"));
  EXPECT_EQ(page["total"].get<std::size_t>(), total);
  EXPECT_EQ(page["limit"], 2);
  EXPECT_EQ(page["offset"], 1);
  ASSERT_EQ(page["items"].size(), 2u);
  EXPECT_EQ(page["items"][0]["id"], all["items"][1]["id"]);
  EXPECT_EQ(page["items"][1]["id"], all["items"][2]["id"]);
  EXPECT_TRUE(body_of(get(base + "?offset=100000"))["items"].empty());
  const auto people = body_of(get("/api/v1/employees?limit=3&offset=2", employee().headers(false)));
  EXPECT_EQ(people["items"].size(), 3u);
  EXPECT_EQ(people["total"].get<std::size_t>(), nips_.size());
}

TEST_F(ServerApi, AnonymousAnswersCarryNoPersonalData) {
  ASSERT_GT(nips_.size(), 10u);
  std::vector<std::string> targets = {"/api/v1/regions", "/api/v1/agencies?limit=500",
                                      "/api/v1/regulations?limit=500"};
  for (const json all2 = body_of(get("/api/v1/regions")); const auto& r : all2["items"])
    targets.push_back("/api/v1/regions/" + std::to_string(r["id"].get<std::int64_t>()));
  for (const json all3 = body_of(get("/api/v1/regulations?limit=500"));
       const auto& r : all3["items"])
    targets.push_back("/api/v1/regulations/" + std::to_string(r["id"].get<std::int64_t>()));
  for (const json all4 = body_of(get("/api/v1/agencies?limit=500"));
       const auto& a : all4["items"]) {
    const std::string base = "/api/v1/agencies/" + std::to_string(a["id"].get<std::int64_t>());
    for (const char* s : {"", "/units", "/chart", "/positions?limit=500", "/history"})
      targets.push_back(base + s);
    for (const json all5 = body_of(get(base + "/positions?limit=500"));
         const auto& p : all5["items"])
      targets.push_back("/api/v1/positions/" + std::to_string(p["id"].get<std::int64_t>()));
  }
  HttpClient c(port());
  for (const auto& t : targets) {
    const auto a = c.request("GET", t);
    ASSERT_EQ(a.status, 200) << t;
    for (const auto& nip : nips_) ASSERT_EQ(a.body.find(nip), std::string::npos) << t << " " << nip;
    for (const auto& name : names_)
      ASSERT_EQ(a.body.find(name), std::string::npos) << t << " " << name;
    if (t.starts_with("/api/v1/positions/")) {
      EXPECT_TRUE(body_of(a)["holders"].is_null());
    }
  }
  // The same chart signed in names holders.
  const auto ag = first_agency();
  const auto chart =
      body_of(get("/api/v1/agencies/" + std::to_string(ag) + "/chart", employee().headers(false)));
  int named = 0;
  for (const auto& n : chart["nodes"]) named += n["holder_name"].is_string() ? 1 : 0;
  EXPECT_GT(named, 0);
}

TEST_F(ServerApi, SignInSessionAndSignOut) {
  HttpClient c(port());
  auto a =
      c.request("POST", "/api/v1/auth/login", R"({"username":"admin","password":"salah-sekali"})");
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(error_code(a), "WRONG_CREDENTIALS");
  a = c.request("POST", "/api/v1/auth/login", R"({"username":"admin"})");
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(error_field(a), "password");
  a = c.request("GET", "/api/v1/auth/me");
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(error_code(a), "UNAUTHENTICATED");

  a = c.request("POST", "/api/v1/auth/login",
                R"({"username":"pegawai","password":"demo-pegawai-2026"})");
  ASSERT_EQ(a.status, 200) << a.body;
  const std::string cookie = a.header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_NE(cookie.find("Max-Age="), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);
  const auto body = body_of(a);
  EXPECT_EQ(body["user"]["username"], "pegawai");
  EXPECT_EQ(body["user"]["role"], "pegawai");
  EXPECT_FALSE(body["user"].contains("password_hash"));
  Login l{cookie.substr(0, cookie.find(';')), body["csrf_token"].get<std::string>()};

  EXPECT_EQ(body["email_delivery"], false);  // this server has no SMTP server
  a = c.request("GET", "/api/v1/auth/me", "", l.headers(false));
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(body_of(a)["csrf_token"], l.csrf);
  EXPECT_EQ(body_of(a)["email_delivery"], false);
  a = c.request("POST", "/api/v1/auth/logout", "", l.headers(false));
  EXPECT_EQ(a.status, 403);
  EXPECT_EQ(error_code(a), "CSRF_INVALID");
  a = c.request("POST", "/api/v1/auth/logout", "", {{"Cookie", l.cookie}, {"X-CSRF-Token", "x"}});
  EXPECT_EQ(a.status, 403);
  a = c.request("POST", "/api/v1/auth/logout", "", l.headers());
  EXPECT_EQ(a.status, 204);
  EXPECT_NE(a.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  a = c.request("GET", "/api/v1/auth/me", "", l.headers(false));
  EXPECT_EQ(a.status, 401);
}

TEST_F(ServerApi, PeopleNeedSignIn) {
  EXPECT_EQ(get("/api/v1/employees").status, 401);
  EXPECT_EQ(get("/api/v1/employees/1").status, 401);
  const auto list = get("/api/v1/employees?limit=5", employee().headers(false));
  ASSERT_EQ(list.status, 200);
  const auto items = body_of(list)["items"];
  ASSERT_FALSE(items.empty());
  const auto& first = items[0];
  const auto id = first["id"].get<std::int64_t>();
  const auto detail =
      body_of(get("/api/v1/employees/" + std::to_string(id), employee().headers(false)));
  EXPECT_EQ(detail["nip"], first["nip"]);
  EXPECT_EQ(detail["birth_date"].get<std::string>().size(), 10u);
  EXPECT_TRUE(detail["placements"].is_array());
  // Search by NIP prefix and by name.
  const std::string nip = first["nip"].get<std::string>();
  const auto by_nip =
      body_of(get("/api/v1/employees?q=" + nip.substr(0, 14), employee().headers(false)));
  EXPECT_GE(by_nip["total"].get<int>(), 1);
  const std::string name = first["name"].get<std::string>();
  std::string word = name.substr(0, name.find(' '));
  const auto by_name = body_of(get("/api/v1/employees?q=" + word, employee().headers(false)));
  EXPECT_GE(by_name["total"].get<int>(), 1);
  // A signed-in user sees holders on a position page.
  const json listed =
      body_of(get("/api/v1/agencies/" + std::to_string(first_agency()) + "/positions?limit=50"));
  for (const auto& p : listed["items"]) {
    const auto page =
        body_of(get("/api/v1/positions/" + std::to_string(p["id"].get<std::int64_t>()),
                    employee().headers(false)));
    EXPECT_TRUE(page["holders"].is_array());
  }
}

TEST_F(ServerApi, ChangesNeedRoleAndCsrf) {
  const json body = {{"name", "X"}};
  HttpClient c(port());
  auto a = c.request("PATCH", "/api/v1/employees/1", body.dump());
  EXPECT_EQ(a.status, 401);
  a = c.request("PATCH", "/api/v1/employees/1", body.dump(), employee().headers());
  EXPECT_EQ(a.status, 403);
  EXPECT_EQ(error_code(a), "FORBIDDEN");
  a = c.request("PATCH", "/api/v1/employees/1", body.dump(), editor().headers(false));
  EXPECT_EQ(a.status, 403);
  EXPECT_EQ(error_code(a), "CSRF_INVALID");
  a = c.request("PATCH", "/api/v1/employees/1", body.dump(),
                {{"Cookie", editor().cookie}, {"X-CSRF-Token", editor().csrf + "x"}});
  EXPECT_EQ(a.status, 403);
  EXPECT_EQ(error_code(a), "CSRF_INVALID");
  a = c.request("GET", "/api/v1/audit", "", employee().headers(false));
  EXPECT_EQ(a.status, 403);
  a = c.request("GET", "/api/v1/users", "", editor().headers(false));
  EXPECT_EQ(a.status, 403);
  a = c.request("GET", "/api/v1/users");
  EXPECT_EQ(a.status, 401);
  a = c.request("POST", "/api/v1/regulations/preview", "x", employee().headers(), "text/plain");
  EXPECT_EQ(a.status, 403);
  a = c.request("POST", "/api/v1/regulations", "x", {}, "text/plain");
  EXPECT_EQ(a.status, 401);
}

TEST_F(ServerApi, EmployeeCreateAndUpdate) {
  const auto rid = editor_region();
  const std::int64_t before = audit_total();
  const std::string nip = org::make_nip(Date{1990, 4, 12}, 2015, 3, org::Sex::Female, 987);
  json body = {{"nip", nip},
               {"name", "Siti Uji Coba"},
               {"kind", "PNS"},
               {"rank", "III/b"},
               {"region_id", rid}};
  auto a = send("POST", "/api/v1/employees", body, editor().headers());
  ASSERT_EQ(a.status, 201) << a.body;
  const auto created = body_of(a);
  EXPECT_EQ(created["birth_date"], "1990-04-12");
  EXPECT_EQ(created["appointed"], "2015-03");
  EXPECT_EQ(created["sex"], "perempuan");
  EXPECT_EQ(created["rank_name"], "Penata Muda Tingkat I");
  EXPECT_EQ(audit_total(), before + 1);
  const auto log = body_of(get("/api/v1/audit?limit=1", editor().headers(false)))["items"][0];
  EXPECT_EQ(log["action"], "create");
  EXPECT_EQ(log["entity"], "employee");
  EXPECT_EQ(log["username"], "organisasi");
  EXPECT_EQ(log["after"]["nip"], nip);

  a = send("POST", "/api/v1/employees", body, editor().headers());
  EXPECT_EQ(a.status, 409);
  EXPECT_EQ(error_code(a), "CONFLICT");

  json bad = body;
  bad["nip"] = "19901312 201503 2 001";
  a = send("POST", "/api/v1/employees", bad, editor().headers());
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(error_code(a), "NIP_INVALID");
  EXPECT_EQ(error_field(a), "nip");
  bad["nip"] = "123";
  EXPECT_EQ(error_code(send("POST", "/api/v1/employees", bad, editor().headers())), "NIP_INVALID");
  bad = body;
  bad["name"] = 5;
  a = send("POST", "/api/v1/employees", bad, editor().headers());
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(error_code(a), "INVALID_FIELD");
  EXPECT_EQ(error_field(a), "name");
  bad = body;
  bad.erase("region_id");
  EXPECT_EQ(error_field(send("POST", "/api/v1/employees", bad, editor().headers())), "region_id");
  bad = body;
  bad["kind"] = "honorer";
  EXPECT_EQ(error_field(send("POST", "/api/v1/employees", bad, editor().headers())), "kind");
  bad = body;
  bad["rank"] = "III/e";
  EXPECT_EQ(error_field(send("POST", "/api/v1/employees", bad, editor().headers())), "rank");

  HttpClient c(port());
  a = c.request("POST", "/api/v1/employees", "{\"nip\": ", editor().headers());
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(error_code(a), "MALFORMED_JSON");
  a = c.request("POST", "/api/v1/employees", "[1,2]", editor().headers());
  EXPECT_EQ(a.status, 400);
  a = c.request("POST", "/api/v1/employees", body.dump(), editor().headers(), "text/plain");
  EXPECT_EQ(a.status, 415);
  EXPECT_EQ(error_code(a), "UNSUPPORTED_MEDIA_TYPE");

  const std::string id = std::to_string(created["id"].get<std::int64_t>());
  a = send("PATCH", "/api/v1/employees/" + id, {{"name", "Siti Uji Coba Baru"}, {"rank", "iii/c"}},
           editor().headers());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(body_of(a)["name"], "Siti Uji Coba Baru");
  EXPECT_EQ(body_of(a)["rank"], "III/c");
  a = send("PATCH", "/api/v1/employees/" + id, {{"rank", "XX/z"}}, editor().headers());
  EXPECT_EQ(error_field(a), "rank");
  a = send("PATCH", "/api/v1/employees/" + id, {{"name", ""}}, editor().headers());
  EXPECT_EQ(error_field(a), "name");
  EXPECT_EQ(send("PATCH", "/api/v1/employees/999999", {{"name", "x"}}, editor().headers()).status,
            404);
  EXPECT_EQ(audit_total(), before + 2);
}

TEST_F(ServerApi, OversizedBodies) {
  HttpClient c(port());
  // Declared too large: refused before the body is read.
  std::string head =
      "POST /api/v1/employees HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Cookie: " +
      editor().cookie + "\r\nX-CSRF-Token: " + editor().csrf +
      "\r\nContent-Length: 2000000\r\n\r\n";
  auto a = c.raw(head);
  EXPECT_EQ(a.status, 413);
  EXPECT_EQ(error_code(a), "PAYLOAD_TOO_LARGE");
  c.close();
  // Actually sent.
  const std::string big = "{\"name\":\"" + std::string(1200000, 'a') + "\"}";
  a = c.request("POST", "/api/v1/employees", big, editor().headers());
  EXPECT_EQ(a.status, 413);
  c.close();
  // A regulation text may be larger than 1 MiB but not over 32 MiB.
  head =
      "POST /api/v1/regulations HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
      "Content-Length: 40000000\r\n\r\n";
  a = c.raw(head);
  EXPECT_EQ(a.status, 413);
}

TEST_F(ServerApi, Placements) {
  const auto ag = first_agency();
  const auto pos =
      body_of(get("/api/v1/agencies/" + std::to_string(ag) + "/positions"))["items"][0];
  const auto emp =
      body_of(get("/api/v1/employees?limit=1&region_id=" + std::to_string(editor_region()),
                  employee().headers(false)))["items"][0];
  json body = {{"employee_id", emp["id"]},
               {"position_id", pos["id"]},
               {"kind", "plh"},
               {"start", "2026-01-05"}};
  auto a = send("POST", "/api/v1/placements", body, editor().headers());
  ASSERT_EQ(a.status, 201) << a.body;
  const auto pid = body_of(a)["id"].get<std::int64_t>();
  EXPECT_EQ(body_of(a)["end"], nullptr);
  json bad = body;
  bad["start"] = "2026-02-30";
  EXPECT_EQ(error_field(send("POST", "/api/v1/placements", bad, editor().headers())), "start");
  bad = body;
  bad["kind"] = "tetap";
  EXPECT_EQ(error_field(send("POST", "/api/v1/placements", bad, editor().headers())), "kind");
  bad = body;
  bad["position_id"] = 99999999;
  EXPECT_EQ(error_field(send("POST", "/api/v1/placements", bad, editor().headers())),
            "position_id");
  bad = body;
  bad["employee_id"] = "1";
  EXPECT_EQ(error_field(send("POST", "/api/v1/placements", bad, editor().headers())),
            "employee_id");

  const std::string end = "/api/v1/placements/" + std::to_string(pid) + "/end";
  a = send("POST", end, {{"end", "2025-01-01"}}, editor().headers());
  EXPECT_EQ(a.status, 422);
  a = send("POST", end, {{"end", "2026-01-31"}}, editor().headers());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(body_of(a)["end"], "2026-01-31");
  EXPECT_EQ(send("POST", end, {{"end", "2026-02-01"}}, editor().headers()).status, 409);
  EXPECT_EQ(
      send("POST", "/api/v1/placements/99999999/end", {{"end", "2026-02-01"}}, editor().headers())
          .status,
      404);
  const auto detail =
      body_of(get("/api/v1/employees/" + std::to_string(emp["id"].get<std::int64_t>()),
                  employee().headers(false)));
  bool listed = false;
  for (const auto& p : detail["placements"])
    listed = listed || (p["id"] == pid && p["end"] == "2026-01-31");
  EXPECT_TRUE(listed);
}

// Issue 11 (item 2): POST /placements/{id}/move ends a placement and begins one in another
// position on the same day, refusing as the placing and ending routes do.
TEST_F(ServerApi, PlacementMove) {
  const auto ag = first_agency();
  const auto positions =
      body_of(get("/api/v1/agencies/" + std::to_string(ag) + "/positions"))["items"];
  ASSERT_GE(positions.size(), 3u);
  const auto emp =
      body_of(get("/api/v1/employees?limit=1&offset=1&region_id=" + std::to_string(editor_region()),
                  employee().headers(false)))["items"][0];
  json body = {{"employee_id", emp["id"]},
               {"position_id", positions[1]["id"]},
               {"kind", "definitif"},
               {"start", "2026-01-05"}};
  auto a = send("POST", "/api/v1/placements", body, editor().headers());
  ASSERT_EQ(a.status, 201) << a.body;
  const auto pid = body_of(a)["id"].get<std::int64_t>();
  const std::string move = "/api/v1/placements/" + std::to_string(pid) + "/move";
  EXPECT_EQ(body_of(a)["decree_number"], nullptr);
  EXPECT_EQ(body_of(a)["decree_date"], nullptr);
  json m = {{"position_id", positions[2]["id"]}, {"start", "2026-01-04"}};
  EXPECT_EQ(error_field(send("POST", move, m, editor().headers())), "start");
  m["start"] = "2026-03-01";
  m["position_id"] = positions[1]["id"];
  EXPECT_EQ(error_field(send("POST", move, m, editor().headers())), "position_id");
  m["position_id"] = positions[2]["id"];
  m["kind"] = "tetap";
  EXPECT_EQ(error_field(send("POST", move, m, editor().headers())), "kind");
  m["kind"] = "plt";
  m["decree_number"] = "800.1.3/7/BKPSDM/2026";
  EXPECT_EQ(error_field(send("POST", move, m, editor().headers())), "decree_date");
  m["decree_date"] = "2026-02-30";
  EXPECT_EQ(error_field(send("POST", move, m, editor().headers())), "decree_date");
  m["decree_date"] = "2026-02-27";
  EXPECT_EQ(send("POST", move, m, employee().headers()).status, 403);
  EXPECT_EQ(send("POST", "/api/v1/placements/99999999/move", m, editor().headers()).status, 404);
  a = send("POST", move, m, editor().headers());
  ASSERT_EQ(a.status, 201) << a.body;
  const json moved = body_of(a);
  EXPECT_EQ(moved["ended"]["id"], pid);
  EXPECT_EQ(moved["ended"]["end"], "2026-03-01");
  EXPECT_EQ(moved["placement"]["position_id"], positions[2]["id"]);
  EXPECT_EQ(moved["placement"]["kind"], "plt");
  EXPECT_EQ(moved["placement"]["start"], "2026-03-01");
  EXPECT_EQ(moved["placement"]["end"], nullptr);
  EXPECT_EQ(moved["placement"]["decree_number"], "800.1.3/7/BKPSDM/2026");
  EXPECT_EQ(moved["placement"]["decree_date"], "2026-02-27");
  EXPECT_EQ(send("POST", move, m, editor().headers()).status, 409);
  const auto detail =
      body_of(get("/api/v1/employees/" + std::to_string(emp["id"].get<std::int64_t>()),
                  employee().headers(false)));
  int current = 0;
  for (const auto& p : detail["placements"])
    if (p["end"].is_null() && p["position"]["id"] == positions[2]["id"]) {
      ++current;
      EXPECT_EQ(p["decree_number"], "800.1.3/7/BKPSDM/2026");
      EXPECT_EQ(p["decree_date"], "2026-02-27");
    }
  EXPECT_EQ(current, 1);
}

// Issue 11 (item 2): a position's duties are corrected with PATCH /positions/{id}, in their
// order; a blank or oversized duty, or a list that is not one, is refused at `duties`.
TEST_F(ServerApi, PositionDutiesAreEdited) {
  const Login& boss = admin();  // signed in first: the sign-in is an audit entry too
  const auto ag = first_agency();
  const auto pos =
      body_of(get("/api/v1/agencies/" + std::to_string(ag) + "/positions"))["items"][2];
  const std::string path = "/api/v1/positions/" + std::to_string(pos["id"].get<std::int64_t>());
  const json duties = {"menyusun rencana kerja Sub Bagian;", "melaksanakan urusan umum – Ç;",
                       "melaksanakan tugas lain yang diberikan oleh atasan."};
  auto a = send("PATCH", path, {{"duties", duties}}, editor().headers());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(body_of(a)["duties"], duties);
  EXPECT_EQ(body_of(get(path))["duties"], duties);
  EXPECT_EQ(error_field(send("PATCH", path, {{"duties", "satu"}}, editor().headers())), "duties");
  EXPECT_EQ(error_field(send("PATCH", path, {{"duties", {"ada", "  "}}}, editor().headers())),
            "duties");
  EXPECT_EQ(
      error_field(send("PATCH", path, {{"duties", {std::string(2001, 'a')}}}, editor().headers())),
      "duties");
  EXPECT_EQ(body_of(get(path))["duties"], duties);
  const json log = body_of(get("/api/v1/audit?limit=1", boss.headers(false)))["items"][0];
  EXPECT_EQ(log["entity"], "position");
  EXPECT_EQ(log["after"]["duties"], duties);
}

TEST_F(ServerApi, PositionMoveUnderDescendantIsRefused) {
  const auto ag = first_agency();
  const auto positions =
      body_of(get("/api/v1/agencies/" + std::to_string(ag) + "/positions?limit=500"))["items"];
  // A position with a subordinate that itself has a subordinate: top -> mid -> low.
  std::map<std::int64_t, std::int64_t> superior;
  for (const auto& p : positions)
    if (!p["superior_id"].is_null())
      superior[p["id"].get<std::int64_t>()] = p["superior_id"].get<std::int64_t>();
  std::int64_t low = 0, top = 0;
  for (const auto& [id, sup] : superior) {
    if (superior.contains(sup)) {
      low = id;
      top = superior[sup];
      break;
    }
  }
  ASSERT_NE(low, 0);
  const std::string target = "/api/v1/positions/" + std::to_string(top);
  const std::string before = get(target, employee().headers(false)).body;
  const auto audit_before = audit_total();
  auto a = send("PATCH", target, {{"superior_id", low}, {"title", "Diubah"}}, editor().headers());
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(error_code(a), "HIERARCHY_CYCLE");
  a = send("PATCH", target, {{"superior_id", top}}, editor().headers());
  EXPECT_EQ(error_code(a), "HIERARCHY_CYCLE");
  EXPECT_EQ(get(target, employee().headers(false)).body, before);
  EXPECT_EQ(audit_total(), audit_before);
  a = send("PATCH", target, {{"superior_id", "x"}}, editor().headers());
  EXPECT_EQ(error_field(a), "superior_id");
  a = send("PATCH", target, {{"unit_id", 99999999}}, editor().headers());
  EXPECT_EQ(error_field(a), "unit_id");
  EXPECT_EQ(
      send("PATCH", "/api/v1/positions/99999999", {{"title", "x"}}, editor().headers()).status,
      404);

  // A valid edit: moving `low` directly under `top`, and a title change.
  const std::string low_target = "/api/v1/positions/" + std::to_string(low);
  a = send("PATCH", low_target, {{"superior_id", top}, {"code", "K-1"}}, admin().headers());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(body_of(a)["superior"]["id"], top);
  EXPECT_EQ(body_of(a)["code"], "K-1");
  const auto log = body_of(get("/api/v1/audit?limit=1", admin().headers(false)))["items"][0];
  EXPECT_EQ(log["action"], "move");
  EXPECT_EQ(log["entity"], "position");
  EXPECT_EQ(log["before"]["superior_id"], superior[low]);
  EXPECT_EQ(log["after"]["superior_id"], top);
}

TEST_F(ServerApi, UnitMoveUnderDescendantIsRefused) {
  std::int64_t top = 0, low = 0;
  for (const json all6 =
           body_of(get("/api/v1/agencies?limit=500&region_id=" + std::to_string(editor_region())));
       const auto& ag : all6["items"]) {
    const auto units = body_of(get(
        "/api/v1/agencies/" + std::to_string(ag["id"].get<std::int64_t>()) + "/units"))["items"];
    for (const auto& u : units) {
      if (!u["parent_id"].is_null()) {
        top = u["parent_id"].get<std::int64_t>();
        low = u["id"].get<std::int64_t>();
        break;
      }
    }
    if (low) break;
  }
  ASSERT_NE(low, 0);
  const std::string target = "/api/v1/units/" + std::to_string(top);
  const auto audit_before = audit_total();
  auto a = send("PATCH", target, {{"parent_id", low}}, editor().headers());
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(error_code(a), "HIERARCHY_CYCLE");
  EXPECT_EQ(error_field(a), "parent_id");
  EXPECT_EQ(audit_total(), audit_before);
  EXPECT_EQ(send("PATCH", "/api/v1/units/99999999", {{"name", "x"}}, editor().headers()).status,
            404);
  a = send("PATCH", "/api/v1/units/" + std::to_string(low), {{"name", "Sub Bagian Uji"}},
           editor().headers());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(body_of(a)["name"], "Sub Bagian Uji");
  EXPECT_EQ(body_of(a)["parent_id"], top);
  EXPECT_EQ(audit_total(), audit_before + 1);
}

TEST_F(ServerApi, RegulationPreviewAndImport) {
  std::ifstream in(std::string(TATAKERJA_DATA_DIR) + "/regulations/001_39b4b52b71b1491f.txt",
                   std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  HttpClient c(port());
  auto a = c.request("POST", "/api/v1/regulations/preview", text, editor().headers(), "text/plain");
  ASSERT_EQ(a.status, 200) << a.body;
  const auto pv = body_of(a);
  EXPECT_TRUE(pv["already_imported"].get<bool>());
  EXPECT_TRUE(pv["region"]["exists"].get<bool>());
  EXPECT_FALSE(pv["positions"].empty());
  (void)admin();  // signed in before counting: a sign-in is an audit entry
  const auto audit_before = audit_total();
  // The text is of another region than the editor's (Kota Batam): refused to them, a no-op for an
  // administrator (already imported).
  a = c.request("POST", "/api/v1/regulations", text, editor().headers(), "text/plain");
  EXPECT_EQ(a.status, 403) << a.body;
  EXPECT_EQ(error_code(a), "OUT_OF_SCOPE");
  a = c.request("POST", "/api/v1/regulations", text, admin().headers(), "text/plain");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_FALSE(body_of(a)["created"].get<bool>());
  EXPECT_EQ(audit_total(), audit_before);
  a = c.request("POST", "/api/v1/regulations", "   ", editor().headers(), "text/plain");
  EXPECT_EQ(a.status, 422);
  // A text saved in Windows-1252 is converted as `tatakerja import` converts it (the fuzzer found
  // such bytes answered 500 before); binary data is refused and writes nothing.
  std::string latin = text;
  const auto title = latin.find("INDIKATOR KINERJA INDIVIDU");
  ASSERT_NE(title, std::string::npos);
  latin.insert(title, "CAF\xC9 ");
  a = c.request("POST", "/api/v1/regulations/preview", latin, editor().headers(), "text/plain");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_FALSE(body_of(a)["already_imported"].get<bool>());
  // The same decree (kind, number, year, region) with other bytes: "sudah ada", and saving
  // would make it version 2 of the one stored.
  const auto previous = body_of(a)["previous_version"];
  ASSERT_TRUE(previous.is_object()) << a.body.substr(0, 300);
  EXPECT_EQ(previous["version"], 1);
  EXPECT_EQ(previous["status"], "berlaku");
  EXPECT_EQ(previous["number"], pv["regulation"]["number"]);
  const std::string binary("PERATURAN\0\x01\x02\0\0\x03\0\x04", 16);
  for (const char* route : {"/api/v1/regulations/preview", "/api/v1/regulations"}) {
    a = c.request("POST", route, binary, editor().headers(), "text/plain");
    EXPECT_EQ(a.status, 422) << route << " " << a.body;
    EXPECT_EQ(error_code(a), "INVALID_FIELD");
    EXPECT_EQ(error_field(a), "text");
  }
  EXPECT_EQ(audit_total(), audit_before);
  a = c.request("POST", "/api/v1/regulations", text, editor().headers(false), "text/plain");
  EXPECT_EQ(a.status, 403);
}

TEST_F(ServerApi, AuditLog) {
  const auto a = get("/api/v1/audit?limit=5", admin().headers(false));
  ASSERT_EQ(a.status, 200);
  const auto j = body_of(a);
  ASSERT_FALSE(j["items"].empty());
  EXPECT_FALSE(j.contains("total"));  // paged by key, never counted
  EXPECT_EQ(j["limit"], 5);
  for (const auto& e : j["items"]) {
    EXPECT_TRUE(e.contains("at"));
    EXPECT_TRUE(e.contains("before"));
    EXPECT_EQ(e["hash"].get<std::string>().size(), 64u);
  }
  // The next page goes on below the last entry, without a gap or a repeat.
  if (j["items"].size() == 5u) {
    const auto next = j["next_before_id"].get<std::int64_t>();
    EXPECT_EQ(next, j["items"][4]["id"]);
    const auto older = body_of(
        get("/api/v1/audit?limit=2&before_id=" + std::to_string(next), admin().headers(false)));
    ASSERT_FALSE(older["items"].empty());
    EXPECT_EQ(older["items"][0]["id"].get<std::int64_t>(), next - 1);
  }
  EXPECT_EQ(get("/api/v1/audit?before_id=x", admin().headers(false)).status, 400);
  EXPECT_EQ(get("/api/v1/audit").status, 401);
}

TEST_F(ServerApi, Accounts) {
  auto a = get("/api/v1/users", admin().headers(false));
  ASSERT_EQ(a.status, 200);
  EXPECT_GE(body_of(a)["total"].get<int>(), 3);
  EXPECT_EQ(a.body.find("argon2"), std::string::npos);
  json body = {{"username", "petugas.baru"},
               {"display_name", "Petugas Baru"},
               {"password", "rahasia-panjang-1"},
               {"role", "admin_registri"}};
  a = send("POST", "/api/v1/users", body, admin().headers());
  ASSERT_EQ(a.status, 201) << a.body;
  EXPECT_EQ(body_of(a)["role"], "admin_registri");
  EXPECT_EQ(send("POST", "/api/v1/users", body, admin().headers()).status, 409);
  EXPECT_EQ(send("POST", "/api/v1/users", body, editor().headers()).status, 403);
  EXPECT_EQ(send("POST", "/api/v1/users", body, admin().headers(false)).status, 403);
  json bad = body;
  bad["username"] = "lain";
  bad["role"] = "raja";
  EXPECT_EQ(error_field(send("POST", "/api/v1/users", bad, admin().headers())), "role");
  bad = body;
  bad["username"] = "lain";
  bad["password"] = "pendek";
  EXPECT_EQ(error_field(send("POST", "/api/v1/users", bad, admin().headers())), "password");
  // The new account can sign in.
  const Login l = login("petugas.baru", "rahasia-panjang-1");
  EXPECT_EQ(get("/api/v1/audit", l.headers(false)).status, 200);
}

TEST_F(ServerApi, KeepAlive) {
  HttpClient c(port());
  EXPECT_EQ(c.request("GET", "/api/v1/health").status, 200);
  EXPECT_EQ(c.request("GET", "/api/v1/regions").status, 200);
  EXPECT_EQ(c.request("GET", "/api/v1/nope").status, 404);
  EXPECT_EQ(c.connections_opened(), 1);
}

TEST_F(ServerApi, StaticFiles) {
  HttpClient c(port());
  auto a = c.request("GET", "/");
  ASSERT_EQ(a.status, 200);
  EXPECT_NE(a.body.find("Tatakerja"), std::string::npos);
  EXPECT_EQ(a.header("Content-Type"), "text/html; charset=utf-8");
  expect_security_headers(a);
  a = c.request("GET", "/agencies/12/chart");
  EXPECT_EQ(a.status, 200);
  EXPECT_NE(a.body.find("<!doctype html>"), std::string::npos);
  a = c.request("GET", "/assets/app-1a2b3c.js");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(a.header("Cache-Control").find("immutable"), std::string::npos);
  a = c.request("GET", "/index.html");
  const std::string etag = a.header("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(c.request("GET", "/index.html", "", {{"If-None-Match", etag}}).status, 304);
  for (const char* t : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                        "/assets/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt"}) {
    HttpClient fresh(port());
    a = fresh.raw(std::string("GET ") + t + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(a.body.find("do not serve"), std::string::npos) << t;
    EXPECT_EQ(a.status, 404) << t;
  }
  a = c.request("POST", "/", "x", {}, "text/plain");
  EXPECT_EQ(a.status, 405);
}

// Registry answers are served from the answer cache; every change shows at once, whether made
// through the API or by another process on the same database (the CLI's import, say), and the
// cache never hands a signed-in answer to an anonymous reader or to a dead session.
TEST_F(ServerApi, CachedAnswersFollowEveryChange) {
  const std::string agency = std::to_string(first_agency());
  const std::string units_target = "/api/v1/agencies/" + agency + "/units";
  const json first = body_of(get(units_target));
  EXPECT_EQ(body_of(get(units_target)), first);  // answered twice, the same
  const json unit = first["items"][1];
  const std::string unit_id = std::to_string(unit["id"].get<std::int64_t>());

  // 1. Another process renames the unit (a connection of its own, as `tatakerja` CLI commands
  //    have): the answers have the new name once the workers recheck (cache_recheck_ms, 100 ms).
  {
    auto c = storage::open_database((dir_ / "demo.db").string());
    persistence::SqlStores other(*c);
    auto u = other.org().unit(unit["id"].get<std::int64_t>());
    ASSERT_TRUE(u);
    u->name = "Bidang Diubah Dari Luar";
    other.org().update_unit(*u);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  json now = body_of(get(units_target));
  EXPECT_EQ(now["items"][1]["name"], "Bidang Diubah Dari Luar");

  // 2. A change through the API shows at once too.
  auto a = send("PATCH", "/api/v1/units/" + unit_id, {{"name", "Bidang Diubah Lewat API"}},
                editor().headers());
  ASSERT_EQ(a.status, 200) << a.body;
  now = body_of(get(units_target));
  EXPECT_EQ(now["items"][1]["name"], "Bidang Diubah Lewat API");

  // 3. The same target read signed in and anonymously: each reader gets the answer for its kind.
  std::string held;
  for (const json chart =
           body_of(get("/api/v1/agencies/" + agency + "/chart", employee().headers(false)));
       const auto& n : chart["nodes"]) {
    if (!n["vacant"].get<bool>()) {
      held = std::to_string(n["position_id"].get<std::int64_t>());
      break;
    }
  }
  ASSERT_FALSE(held.empty());
  const std::string position_target = "/api/v1/positions/" + held;
  const json signed_in = body_of(get(position_target, employee().headers(false)));
  ASSERT_FALSE(signed_in["holders"].empty()) << signed_in.dump();
  for (int i = 0; i < 2; ++i) {
    const json anonymous = body_of(get(position_target));
    EXPECT_TRUE(anonymous["holders"].is_null() || anonymous["holders"].empty()) << anonymous.dump();
  }
  EXPECT_EQ(body_of(get(position_target, employee().headers(false))), signed_in);

  // 4. A people search answered for a signed-in reader is not answered for a forged session.
  const std::string search = "/api/v1/employees?q=a&limit=5";
  ASSERT_EQ(get(search, employee().headers(false)).status, 200);
  EXPECT_EQ(get(search, {{"Cookie", "tk_session=forged"}}).status, 401);
  EXPECT_EQ(get(search).status, 401);
}

}  // namespace
}  // namespace tatakerja

// ---- Issue 11: lists that find things, a unit's page, a readable audit
// ----------------------------

namespace tatakerja {
namespace {

// The people list filtered by agency, unit, kind and rank, combined, and paged across pages; the
// vacant positions of an agency.
TEST_F(ServerApi, PeopleListFilters) {
  const auto& h = employee().headers(false);
  const auto ag = first_agency();
  const std::string by_agency = "/api/v1/employees?agency_id=" + std::to_string(ag);
  const auto everyone = body_of(get(by_agency + "&limit=500", h));
  ASSERT_GT(everyone["items"].size(), 3u);
  for (const auto& e : everyone["items"]) {
    EXPECT_FALSE(e["agency_region_name"].get<std::string>().empty());
    if (e["agency_id"] == ag) continue;
    // Listed by another current placement (an acting one) in a position of the agency.
    bool placed = false;
    const json detail =
        body_of(get("/api/v1/employees/" + std::to_string(e["id"].get<std::int64_t>()), h));
    for (const auto& pl : detail["placements"])
      placed = placed || (pl["end"].is_null() && pl["position"]["agency_id"] == ag);
    EXPECT_TRUE(placed) << e;
  }
  // Paged by two, the pages make the whole list.
  std::vector<std::int64_t> paged;
  for (int offset = 0; offset < 500; offset += 2) {
    const auto page = body_of(get(by_agency + "&limit=2&offset=" + std::to_string(offset), h));
    for (const auto& e : page["items"]) paged.push_back(e["id"].get<std::int64_t>());
    if (page["items"].size() < 2) break;
  }
  std::vector<std::int64_t> whole;
  for (const auto& e : everyone["items"]) whole.push_back(e["id"].get<std::int64_t>());
  EXPECT_EQ(paged, whole);
  // A combination: the agency's PPPK, or its PNS of one rank.
  const auto pns = body_of(get(by_agency + "&limit=500&kind=PNS", h))["items"];
  const auto pppk = body_of(get(by_agency + "&limit=500&kind=PPPK", h))["items"];
  EXPECT_EQ(pns.size() + pppk.size(), everyone["items"].size());
  ASSERT_FALSE(pns.empty());
  for (const auto& e : pppk) EXPECT_EQ(e["kind"], "PPPK");
  const std::string rank = pns[0]["rank"].get<std::string>();
  const auto of_rank = body_of(get(by_agency + "&kind=PNS&rank=" + rank, h))["items"];
  ASSERT_FALSE(of_rank.empty());
  for (const auto& e : of_rank) EXPECT_EQ(e["rank"], rank);
  // By name within the agency.
  const std::string name = pns[0]["name"].get<std::string>();
  const std::string word = name.substr(0, name.find(' '));
  bool found = false;
  const auto named = get(by_agency + "&q=" + word, h);
  for (const json list1 = body_of(named); const auto& e : list1["items"])
    found = found || e["id"] == pns[0]["id"];
  EXPECT_TRUE(found) << word << " " << pns[0] << " " << named.body;
  // By unit: the people placed in the positions of the unit of someone's position.
  std::int64_t unit = 0;
  std::int64_t person = 0;
  for (const auto& e : everyone["items"]) {
    if (e["position"].is_null()) continue;
    const auto p = body_of(
        get("/api/v1/positions/" + std::to_string(e["position"]["id"].get<std::int64_t>()), h));
    if (!p["unit"].is_null()) {
      unit = p["unit"]["id"].get<std::int64_t>();
      person = e["id"].get<std::int64_t>();
      break;
    }
  }
  ASSERT_NE(unit, 0);
  found = false;
  for (const json list2 = body_of(get("/api/v1/employees?unit_id=" + std::to_string(unit), h));
       const auto& e : list2["items"])
    found = found || e["id"] == person;
  EXPECT_TRUE(found);
  // Bad filters are refused, and the list stays personal data.
  auto a = get(by_agency + "&kind=honorer", h);
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(error_field(a), "kind");
  EXPECT_EQ(error_field(get("/api/v1/employees?agency_id=x", h)), "agency_id");
  EXPECT_EQ(get(by_agency).status, 401);

  // The agency's vacant positions: none of them has a holder.
  const auto vacant = body_of(
      get("/api/v1/agencies/" + std::to_string(ag) + "/positions?vacant=1&limit=500"))["items"];
  const auto all = body_of(get("/api/v1/agencies/" + std::to_string(ag) + "/positions"))["total"];
  EXPECT_LT(vacant.size(), all.get<std::size_t>());
  for (const auto& p : vacant) {
    const auto detail =
        body_of(get("/api/v1/positions/" + std::to_string(p["id"].get<std::int64_t>()), h));
    EXPECT_TRUE(detail["holders"].empty()) << p;
  }
  EXPECT_EQ(error_field(get("/api/v1/agencies/" + std::to_string(ag) + "/positions?vacant=ya")),
            "vacant");
}

// A unit's page: its agency and region, the units above it, its head and its sub-units.
TEST_F(ServerApi, UnitPage) {
  const auto ag = first_agency();
  const auto units = body_of(get("/api/v1/agencies/" + std::to_string(ag) + "/units?depth=3"));
  const json* child = nullptr;
  for (const auto& u : units["items"])
    if (!u["parent_id"].is_null() && !u["head_position_id"].is_null()) child = &u;
  ASSERT_NE(child, nullptr);
  const auto parent = (*child)["parent_id"].get<std::int64_t>();
  const std::string base = "/api/v1/units/";
  auto a = get(base + std::to_string((*child)["id"].get<std::int64_t>()));
  ASSERT_EQ(a.status, 200) << a.body;
  const auto u = body_of(a);
  EXPECT_EQ(u["name"], (*child)["name"]);
  EXPECT_EQ(u["agency"]["id"], ag);
  EXPECT_FALSE(u["agency"]["region"]["name"].get<std::string>().empty());
  ASSERT_FALSE(u["parents"].empty());
  EXPECT_EQ(u["parents"].back()["id"], parent);
  EXPECT_EQ(u["head"]["id"], (*child)["head_position_id"]);
  EXPECT_FALSE(u["head"]["title"].get<std::string>().empty());
  const auto up = body_of(get(base + std::to_string(parent)));
  bool listed = false;
  for (const auto& c : up["children"]) listed = listed || c["id"] == (*child)["id"];
  EXPECT_TRUE(listed);
  EXPECT_EQ(up["child_count"].get<std::size_t>(), up["children"].size());
  // A unit that is not there is not found; the page is public.
  EXPECT_EQ(get(base + "99999999").status, 404);
}

// The audit log filtered by account, kind of change, kind of record and period; each entry names
// what it changed.
TEST_F(ServerApi, AuditFiltersAndNames) {
  const auto ag = first_agency();
  const auto units = body_of(get("/api/v1/agencies/" + std::to_string(ag) + "/units"))["items"];
  ASSERT_FALSE(units.empty());
  const auto unit = units[0];
  const std::string old_name = unit["name"].get<std::string>();
  const std::string uid = std::to_string(unit["id"].get<std::int64_t>());
  auto a = send("PATCH", "/api/v1/units/" + uid, {{"name", old_name + " Uji"}}, editor().headers());
  ASSERT_EQ(a.status, 200) << a.body;
  a = send("PATCH", "/api/v1/units/" + uid, {{"name", old_name}}, editor().headers());
  ASSERT_EQ(a.status, 200) << a.body;

  const auto& h = admin().headers(false);
  const std::string q = "/api/v1/audit?username=organisasi&action=update&entity=unit";
  const auto page = body_of(get(q + "&limit=1", h));
  ASSERT_EQ(page["items"].size(), 1u);
  const auto e = page["items"][0];
  EXPECT_EQ(e["entity_id"], uid);
  EXPECT_EQ(e["before"]["name"], old_name + " Uji");
  EXPECT_EQ(e["after"]["name"], old_name);
  EXPECT_EQ(e["subject"]["name"], old_name);
  EXPECT_EQ(e["subject"]["agency_id"], ag);
  // The next page by key goes on with the same filters: the first rename.
  ASSERT_FALSE(page["next_before_id"].is_null());
  const auto older = body_of(get(
      q + "&limit=1&before_id=" + std::to_string(page["next_before_id"].get<std::int64_t>()), h));
  ASSERT_EQ(older["items"].size(), 1u);
  EXPECT_EQ(older["items"][0]["after"]["name"], old_name + " Uji");
  // Every entry of a filtered page passes every filter.
  for (const json list3 = body_of(get(q + "&limit=500", h)); const auto& x : list3["items"]) {
    EXPECT_EQ(x["username"], "organisasi");
    EXPECT_EQ(x["action"], "update");
    EXPECT_EQ(x["entity"], "unit");
  }
  // The period: the day of the entry includes it, the day before does not.
  const std::string day = e["at"].get<std::string>().substr(0, 10);
  auto within = body_of(get(q + "&from=" + day + "&to=" + day, h))["items"];
  ASSERT_FALSE(within.empty());
  EXPECT_EQ(within[0]["id"], e["id"]);
  EXPECT_TRUE(body_of(get(q + "&to=2000-01-01", h))["items"].empty());
  for (const json list4 =
           body_of(get("/api/v1/audit?username=organisasi&action=create&limit=50", h));
       const auto& x : list4["items"])
    EXPECT_EQ(x["action"], "create");
  // A placement names its person and position.
  const auto placements =
      body_of(get("/api/v1/audit?entity=placement&action=create&limit=1", h))["items"];
  if (!placements.empty() && !placements[0]["subject"].is_null()) {
    EXPECT_FALSE(placements[0]["subject"]["position_title"].get<std::string>().empty());
    const auto pos = placements[0]["after"].value("position_id", std::int64_t{0});
    if (pos != 0) {
      EXPECT_EQ(placements[0]["names"].value("position/" + std::to_string(pos), std::string()),
                placements[0]["subject"]["position_title"])
          << placements[0];
    }
  }
  // Bad filters are refused.
  EXPECT_EQ(error_field(get("/api/v1/audit?from=2026-02-30", h)), "from");
  EXPECT_EQ(error_field(get("/api/v1/audit?from=2026-02-02&to=2026-02-01", h)), "to");
  EXPECT_EQ(error_field(get("/api/v1/audit?action=DROP%20TABLE", h)), "action");
  EXPECT_EQ(get("/api/v1/audit?username=organisasi", employee().headers(false)).status, 403);
}

}  // namespace
}  // namespace tatakerja
