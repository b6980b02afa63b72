// Issue 10 over HTTP, on the demo database behind a real server on a loopback port:
// - region scope across the whole route table: every changing route (POST, PUT, PATCH, DELETE) is
//   either sent, by the demo's registry administrator `organisasi` (scoped to Kota Batam), at a
//   record of another region and must answer 403 OUT_OF_SCOPE and write nothing, the same request
//   then going through for the unscoped administrator (so the 403 came from the scope, not from a
//   bad request); or listed below as not regional, with the reason. A new changing route that is
//   neither fails the test.
// - sign-ins (failed and successful, with the user name and the client address) and sign-outs are
//   in the audit log, and the chain of the whole run verifies.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "api/router.hpp"
#include "app/audit.hpp"
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

struct Login {
  std::string cookie;
  std::string csrf;
  Headers headers() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
};

// What a changing route is sent: the path (its {id} filled) and the body.
struct Request {
  std::string path;
  std::string body;
  std::string content_type = "application/json";
};

class ScopeRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("tatakerja_scope_routes_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "web");
    db_ = (dir_ / "demo.db").string();
    {
      auto c = storage::open_database(db_);
      storage::migrate(*c);
      persistence::SqlStores s(*c);
      sample::build_demo(s.stores(), std::string(TATAKERJA_DATA_DIR) + "/regulations", 7);
    }
    server::ServerConfig config;
    config.db = db_;
    config.listen = "127.0.0.1:0";
    config.threads = 2;
    config.web_root = (dir_ / "web").string();
    config.log_level = "warn";
    server_ = std::make_unique<server::Server>(config);
    port_ = server_->start();
    thread_ = std::thread([] { server_->run(false); });
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_.join();
    server_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  static HttpAnswer call(const std::string& method, const std::string& target,
                         const std::string& body = "", const Headers& h = {},
                         const std::string& type = "application/json") {
    HttpClient c(port_);
    return c.request(method, target, body, h, type);
  }
  static json body_of(const HttpAnswer& a) { return json::parse(a.body); }
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
    l.csrf = body_of(a)["csrf_token"].get<std::string>();
    return l;
  }
  static std::int64_t newest_audit_id(const Login& who) {
    const auto a = call("GET", "/api/v1/audit?limit=1", "", who.headers());
    EXPECT_EQ(a.status, 200) << a.body;
    return body_of(a)["items"][0]["id"].get<std::int64_t>();
  }
  static std::int64_t id_of(const json& j) { return j["id"].get<std::int64_t>(); }

  static inline fs::path dir_;
  static inline std::string db_;
  static inline std::unique_ptr<server::Server> server_;
  static inline std::thread thread_;
  static inline unsigned short port_ = 0;
};

TEST_F(ScopeRoutes, EveryChangingRouteRefusesAnotherRegion) {
  const Login editor = login("organisasi", "demo-organisasi-2026");
  const Login admin = login("admin", "demo-admin-2026");

  // Records of a region other than Kota Batam, found through the API.
  std::int64_t other_region = 0;
  for (const json regions = body_of(call("GET", "/api/v1/regions"));
       const auto& r : regions["items"])
    if (r["name"] != "Kota Batam" && other_region == 0) other_region = id_of(r);
  ASSERT_NE(other_region, 0);
  const std::string region = std::to_string(other_region);
  const json agencies = body_of(call("GET", "/api/v1/agencies?limit=500&region_id=" + region));
  ASSERT_FALSE(agencies["items"].empty());
  const std::string agency = std::to_string(id_of(agencies["items"][0]));
  const json units = body_of(call("GET", "/api/v1/agencies/" + agency + "/units"))["items"];
  ASSERT_FALSE(units.empty());
  const json positions =
      body_of(call("GET", "/api/v1/agencies/" + agency + "/positions?limit=500"))["items"];
  ASSERT_FALSE(positions.empty());
  const json people = body_of(
      call("GET", "/api/v1/employees?limit=50&region_id=" + region, "", admin.headers()))["items"];
  ASSERT_GE(people.size(), 2u);
  // A current placement of an employee of that region, in a position of that region; and a
  // second one (of another employee) for the move.
  std::int64_t placement = 0;
  std::int64_t placement_to_move = 0, moved_from = 0;
  for (const auto& p : people) {
    const json detail =
        body_of(call("GET", "/api/v1/employees/" + std::to_string(id_of(p)), "", admin.headers()));
    for (const auto& pl : detail["placements"]) {
      if (!pl["end"].is_null()) continue;
      if (placement == 0) {
        placement = id_of(pl);
      } else if (placement_to_move == 0 && pl["id"] != placement) {
        placement_to_move = id_of(pl);
        moved_from = pl["position"]["id"].get<std::int64_t>();
      }
    }
  }
  ASSERT_NE(placement, 0);
  ASSERT_NE(placement_to_move, 0);
  // The corpus text of that region's agency: the regulation it was imported from.
  const json agency_page = body_of(call("GET", "/api/v1/agencies/" + agency));
  std::string regulation_text;
  for (const auto& e : fs::directory_iterator(std::string(TATAKERJA_DATA_DIR) + "/regulations")) {
    if (e.path().extension() != ".txt" || !regulation_text.empty()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto pv =
        call("POST", "/api/v1/regulations/preview", text, admin.headers(), "text/plain");
    if (pv.status == 200 && body_of(pv)["region"]["id"] == other_region) regulation_text = text;
  }
  ASSERT_FALSE(regulation_text.empty());
  (void)agency_page;

  // Issue 12 (the work system): two people of that region seated in its units on the formation
  // date, and a team of theirs formed by the administrator (for the lead's replacement).
  const auto seated = [&] {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;  // employee, unit
    for (const auto& p : people) {
      const json detail = body_of(
          call("GET", "/api/v1/employees/" + std::to_string(id_of(p)), "", admin.headers()));
      for (const auto& pl : detail["placements"]) {
        if (!pl["end"].is_null() || pl["start"].get<std::string>() > "2026-03-02" ||
            pl["position"].is_null())
          continue;
        const json pos =
            body_of(call("GET", "/api/v1/positions/" + std::to_string(id_of(pl["position"]))));
        if (pos["unit"].is_null()) continue;
        out.emplace_back(id_of(p), id_of(pos["unit"]));
        break;
      }
      if (out.size() == 2) break;
    }
    EXPECT_EQ(out.size(), 2u);
    return out;
  };
  const auto team_body = [](const std::vector<std::pair<std::int64_t, std::int64_t>>& s) {
    return json{{"name", "Tim Uji Lingkup"},      {"kind", "insidental"},
                {"target", "Laporan tersusun"},   {"owner_unit_id", s[0].second},
                {"lead_employee_id", s[0].first}, {"member_employee_ids", {s[1].first}},
                {"formed", "2026-03-02"}}
        .dump();
  };

  // Issue 12 item 6: a letter signed by the first of two seated people, to the second, of the
  // first one's agency.
  const auto letter_body = [&](const std::vector<std::pair<std::int64_t, std::int64_t>>& s) {
    const json unit = body_of(call("GET", "/api/v1/units/" + std::to_string(s[0].second)));
    return json{{"kind", "surat_tugas"},
                {"agency_id", id_of(unit["agency"])},
                {"signatory_employee_id", s[0].first},
                {"recipient_employee_ids", {s[1].first}},
                {"tasks", {"Uji lingkup wilayah"}},
                {"date", "2026-03-02"}}
        .dump();
  };

  const std::string nip = org::make_nip(Date{1991, 5, 6}, 2016, 2, org::Sex::Male, 321);
  const std::string people_csv = "NIP,Nama,Pangkat/golongan\r\n" +
                                 org::make_nip(Date{1990, 7, 8}, 2015, 3, org::Sex::Female, 322) +
                                 ",Pegawai Impor,III/b\r\n";
  const std::map<std::string, std::function<Request()>> regional = {
      {"POST /employees",
       [&] {
         return Request{"/api/v1/employees", json{{"nip", nip},
                                                  {"name", "Pegawai Daerah Lain"},
                                                  {"kind", "PNS"},
                                                  {"rank", "III/a"},
                                                  {"region_id", other_region}}
                                                 .dump()};
       }},
      {"PATCH /employees/{id}",
       [&] {
         return Request{"/api/v1/employees/" + std::to_string(id_of(people[0])),
                        json{{"name", "Nama Diubah Admin"}}.dump()};
       }},
      {"POST /placements",
       [&] {
         return Request{"/api/v1/placements", json{{"employee_id", id_of(people[1])},
                                                   {"position_id", id_of(positions[0])},
                                                   {"kind", "plh"},
                                                   {"start", "2026-01-05"}}
                                                  .dump()};
       }},
      {"POST /placements/{id}/end",
       [&] {
         return Request{"/api/v1/placements/" + std::to_string(placement) + "/end",
                        json{{"end", "2026-06-30"}}.dump()};
       }},
      {"POST /placements/{id}/move",
       [&] {
         const auto to = id_of(positions[0]) != moved_from ? positions[0] : positions[1];
         return Request{"/api/v1/placements/" + std::to_string(placement_to_move) + "/move",
                        json{{"position_id", id_of(to)}, {"start", "2026-07-01"}}.dump()};
       }},
      {"PATCH /positions/{id}",
       [&] {
         return Request{"/api/v1/positions/" + std::to_string(id_of(positions[0])),
                        json{{"code", "DIUBAH-ADMIN"}}.dump()};
       }},
      {"PATCH /units/{id}",
       [&] {
         return Request{"/api/v1/units/" + std::to_string(id_of(units[0])),
                        json{{"name", "Unit Diubah Admin"}}.dump()};
       }},
      {"POST /regulations",
       [&] {
         return Request{"/api/v1/regulations", regulation_text, "text/plain"};
       }},
      // Issue 11, item 9: people imported from a table (a preview too refuses another region:
      // it shows the region's people).
      {"POST /agencies/{id}/people/preview",
       [&] {
         return Request{"/api/v1/agencies/" + agency + "/people/preview", people_csv, "text/csv"};
       }},
      {"POST /agencies/{id}/people/import",
       [&] {
         return Request{"/api/v1/agencies/" + agency + "/people/import", people_csv, "text/csv"};
       }},
      // Issue 12: the work system.
      {"PATCH /regions/{id}/work-rules",
       [&] {
         return Request{"/api/v1/regions/" + region + "/work-rules",
                        json{{"kind", "keputusan_tim"},
                             {"key", "antar_perangkat_daerah"},
                             {"statement", "Sekretaris Daerah (diubah)"},
                             {"reason", "Uji lingkup wilayah"}}
                            .dump()};
       }},
      {"POST /teams",
       [&] {
         return Request{"/api/v1/teams", team_body(seated())};
       }},
      {"POST /teams/{id}/lead",
       [&] {
         const auto s = seated();
         const auto t = call("POST", "/api/v1/teams", team_body(s), admin.headers());
         EXPECT_EQ(t.status, 201) << t.body;
         return Request{"/api/v1/teams/" + std::to_string(id_of(body_of(t))) + "/lead",
                        json{{"employee_id", s[1].first},
                             {"date", "2026-04-01"},
                             {"reason", "Ketua tim mutasi"}}
                            .dump()};
       }},
      // Issue 12 item 6: letters of that region's agency, and its numbering scheme.
      {"POST /letters",
       [&] {
         return Request{"/api/v1/letters", letter_body(seated())};
       }},
      {"POST /letters/{id}/revoke",
       [&] {
         const auto l = call("POST", "/api/v1/letters", letter_body(seated()), admin.headers());
         EXPECT_EQ(l.status, 201) << l.body;
         return Request{"/api/v1/letters/" + std::to_string(id_of(body_of(l))) + "/revoke",
                        json{{"reason", "Uji lingkup wilayah"}}.dump()};
       }},
      {"PUT /agencies/{id}/letter-scheme",
       [&] {
         return Request{"/api/v1/agencies/" + agency + "/letter-scheme",
                        json{{"pattern", "800.1.11.1/{seq}/{year}"}, {"place", "Kupang"}}.dump()};
       }},
  };
  // Changing routes that do not change a region's records, and why.
  const std::map<std::string, std::string> not_regional = {
      {"POST /auth/login", "signing in changes no registry record"},
      {"POST /auth/logout", "signing out ends the caller's own session"},
      {"POST /users", "accounts: administrators only, who are never scoped"},
      {"POST /users/{id}/disable", "accounts: administrators only, who are never scoped"},
      {"POST /users/{id}/enable", "accounts: administrators only, who are never scoped"},
      {"DELETE /users/{id}/sessions", "accounts: administrators only, who are never scoped"},
      {"POST /auth/password", "the caller's own password"},
      {"PUT /auth/email", "the caller's own e-mail address"},
      {"PUT /users/{id}/email", "accounts: administrators only, who are never scoped"},
      {"DELETE /auth/sessions/{id}", "one of the caller's own sessions"},
      {"POST /regulations/preview", "writes nothing"},
      // Issue 12 item 3: who may take an assignment's step is the mechanism's role, held through
      // the structure and placements (ROLE_REQUIRED otherwise), never an account's region scope:
      // tests/work/assignment_matrix_test.cpp checks every action for every kind of caller.
      {"POST /assignments", "a person's own request or appointment, by the role they hold"},
      {"POST /assignments/{id}/steps", "a person's own step, by the role they hold"},
      {"POST /activities", "a person's own plan, by the role they hold in the activity's chain"},
      {"POST /activities/{id}/steps", "a person's own step, by the role they hold"},
      {"POST /activities/{id}/notes", "a person's own note or feedback, by the role they hold"},
      {"POST /activities/{id}/evidence", "a person's own evidence file, as the executor"},
      {"POST /reports", "a person's own report, by the role they hold in the team or unit"},
      {"POST /report-requests", "a unit leader's own request, by the position they hold"},
      {"POST /escalations", "a lead's or member's own escalation, by their membership"},
      {"POST /me/notifications/{id}/read", "the caller's own inbox"},
      {"POST /holidays", "the national holiday calendar: administrators only, never scoped"},
      {"DELETE /holidays/{id}", "the national holiday calendar: administrators only, never scoped"},
  };

  int checked = 0;
  for (const auto& r : server::route_list()) {
    const std::string method(r.method);
    if (method != "POST" && method != "PUT" && method != "PATCH" && method != "DELETE") continue;
    const std::string key = method + " " + std::string(r.pattern);
    if (not_regional.contains(key)) continue;
    const auto it = regional.find(key);
    if (it == regional.end()) {
      ADD_FAILURE() << key
                    << " changes something but is neither checked for region scope here nor "
                       "listed as not regional (with the reason)";
      continue;
    }
    const Request req = it->second();
    const auto before = newest_audit_id(admin);
    const auto refused = call(method, req.path, req.body, editor.headers(), req.content_type);
    EXPECT_EQ(refused.status, 403) << key << ": " << refused.body;
    EXPECT_EQ(code_of(refused), "OUT_OF_SCOPE") << key << ": " << refused.body;
    EXPECT_FALSE(body_of(refused)["error"]["message"].get<std::string>().empty());
    EXPECT_EQ(newest_audit_id(admin), before) << key << " wrote an audit entry";
    const auto allowed = call(method, req.path, req.body, admin.headers(), req.content_type);
    EXPECT_GE(allowed.status, 200) << key << ": " << allowed.body;
    EXPECT_LT(allowed.status, 300) << key << ": " << allowed.body;
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(regional.size()));

  // The scoped administrator still changes their own region.
  std::int64_t batam = 0;
  for (const json regions = body_of(call("GET", "/api/v1/regions"));
       const auto& r : regions["items"])
    if (r["name"] == "Kota Batam") batam = id_of(r);
  const json own = body_of(
      call("GET", "/api/v1/agencies?limit=500&region_id=" + std::to_string(batam)))["items"];
  ASSERT_FALSE(own.empty());
  const json own_positions = body_of(
      call("GET", "/api/v1/agencies/" + std::to_string(id_of(own[0])) + "/positions"))["items"];
  ASSERT_FALSE(own_positions.empty());
  const auto a = call("PATCH", "/api/v1/positions/" + std::to_string(id_of(own_positions[0])),
                      json{{"code", "BTM-1"}}.dump(), editor.headers());
  EXPECT_EQ(a.status, 200) << a.body;
}

TEST_F(ScopeRoutes, SignInsAndSignOutsAreAuditedAndTheChainVerifies) {
  const Login admin = login("admin", "demo-admin-2026");
  auto a = call("POST", "/api/v1/auth/login",
                json{{"username", "pegawai"}, {"password", "salah-sekali"}}.dump());
  EXPECT_EQ(a.status, 401);
  a = call("POST", "/api/v1/auth/login",
           json{{"username", "tidak.ada"}, {"password", "salah-sekali"}}.dump());
  EXPECT_EQ(a.status, 401);
  const Login pegawai = login("pegawai", "demo-pegawai-2026");
  a = call("POST", "/api/v1/auth/logout", "", pegawai.headers());
  EXPECT_EQ(a.status, 204);
  const json log = body_of(call("GET", "/api/v1/audit?limit=4", "", admin.headers()))["items"];
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0]["action"], "sign_out");
  EXPECT_EQ(log[0]["username"], "pegawai");
  EXPECT_EQ(log[1]["action"], "sign_in");
  EXPECT_EQ(log[1]["username"], "pegawai");
  EXPECT_EQ(log[2]["action"], "sign_in_failed");
  EXPECT_EQ(log[2]["username"], "tidak.ada");
  EXPECT_EQ(log[2]["entity_id"], "");
  EXPECT_EQ(log[3]["action"], "sign_in_failed");
  EXPECT_EQ(log[3]["username"], "pegawai");
  EXPECT_NE(log[3]["entity_id"], "");
  for (const auto& e : log) {
    EXPECT_EQ(e["after"]["client_address"], "127.0.0.1") << e.dump();
    EXPECT_EQ(e["hash"].get<std::string>().size(), 64u);
  }
  // Everything written during the run, through the server's connections, is one whole chain.
  auto c = storage::open_database(db_);
  persistence::SqlStores s(*c);
  const auto v = app::verify_audit_chain(s.stores());
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_GT(v.chained, 10);
}

}  // namespace
}  // namespace tatakerja
