// The work system's API (issue 12 items 1-2) through a real server on a loopback port, on the demo
// database (Kota Batam from 003, Kabupaten Kupang from 004, the NTT province without work-system
// provisions): a region's rules with their source articles, PermenPANRB 7/2022's defaults marked
// as such, a change that needs a reason (refused with nothing written otherwise) and is audited,
// the callers refused (401, 403, CSRF); teams formed across units with the deciding authority from
// the region's rules, the drafted decree, the lead's warning, the lead replaced and who was in the
// team on a date.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "demo_server.hpp"
#include "http_client.hpp"
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

class WorkApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = std::make_unique<testing::DemoServer>("work_api");
    port_ = demo_->port();
  }
  static void TearDownTestSuite() { demo_.reset(); }

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

  static std::int64_t region_named(const std::string& name) {
    for (const json regions = body_of(call("GET", "/api/v1/regions"));
         const auto& r : regions["items"])
      if (r["name"] == name) return id_of(r);
    ADD_FAILURE() << "no region " << name;
    return 0;
  }
  static const json* find_rule(const json& rules, const std::string& kind, const std::string& key) {
    for (const auto& r : rules)
      if (r["kind"] == kind && r["key"] == key) return &r;
    return nullptr;
  }
  // People of a region seated (a current placement begun by 2026-03-02) in units of one agency:
  // (employee, unit, agency), at most one per unit, up to `n`.
  static std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> seated(
      const Login& admin, std::int64_t region, std::size_t n) {
    std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> out;
    const json people =
        body_of(call("GET", "/api/v1/employees?limit=200&region_id=" + std::to_string(region), "",
                     admin.headers()))["items"];
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
        const std::int64_t unit = id_of(pos["unit"]);
        const std::int64_t agency = pl["position"]["agency_id"].get<std::int64_t>();
        bool taken = false;
        for (const auto& [e, u, a] : out) taken = taken || u == unit || a != agency;
        if (!taken) out.emplace_back(id_of(p), unit, agency);
        break;
      }
      if (out.size() == n) break;
    }
    return out;
  }

  static inline std::unique_ptr<testing::DemoServer> demo_;
  static inline unsigned short port_ = 0;
};

TEST_F(WorkApi, RulesAreForAdministratorsWithTheirSources) {
  const std::int64_t batam = region_named("Kota Batam");
  const std::string path = "/api/v1/regions/" + std::to_string(batam) + "/work-rules";
  auto a = call("GET", path);
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(code_of(a), "UNAUTHENTICATED");
  const Login pegawai = login("pegawai", "demo-pegawai-2026");
  a = call("GET", path, "", pegawai.headers());
  EXPECT_EQ(a.status, 403);
  EXPECT_EQ(code_of(a), "FORBIDDEN");

  const Login admin = login("admin", "demo-admin-2026");
  a = call("GET", path, "", admin.headers());
  ASSERT_EQ(a.status, 200) << a.body;
  const json b = body_of(a);
  EXPECT_EQ(b["region"]["name"], "Kota Batam");
  EXPECT_TRUE(b["stored"].get<bool>());
  const json* decree = find_rule(b["rules"], "keputusan_tim", "perangkat_daerah");
  ASSERT_NE(decree, nullptr);
  EXPECT_EQ((*decree)["statement"], "Kepala Badan");
  EXPECT_EQ((*decree)["origin"], "peraturan");
  EXPECT_EQ((*decree)["article"], "Pasal 20 ayat (4) huruf c");
  EXPECT_TRUE((*decree)["regulation_id"].is_number_integer());
  const json* level = find_rule(b["rules"], "level", "1");
  ASSERT_NE(level, nullptr);
  EXPECT_EQ((*level)["origin"], "bawaan");  // 003 sets no levels
  EXPECT_EQ((*level)["source"], "PermenPANRB 7/2022");

  // Kupang (004): the Sekretariat Daerah's flow has the extra level.
  const json k = body_of(call(
      "GET", "/api/v1/regions/" + std::to_string(region_named("Kabupaten Kupang")) + "/work-rules",
      "", admin.headers()));
  const json* flow = find_rule(k["rules"], "alur", "sekretariat_daerah");
  ASSERT_NE(flow, nullptr);
  EXPECT_EQ((*flow)["statement"], "Kepala Bagian > Asisten Daerah > Sekretaris Daerah");
  EXPECT_EQ((*flow)["article"], "Pasal 23 ayat (1)");
  EXPECT_EQ(a.status, 200);
  a = call("GET", "/api/v1/regions/999999/work-rules", "", admin.headers());
  EXPECT_EQ(a.status, 404);
}

TEST_F(WorkApi, AChangeNeedsAReasonAndIsAudited) {
  const Login admin = login("admin", "demo-admin-2026");
  const std::int64_t ntt = region_named("Provinsi Nusa Tenggara Timur");
  const std::string path = "/api/v1/regions/" + std::to_string(ntt) + "/work-rules";
  const Login pegawai = login("pegawai", "demo-pegawai-2026");  // (a sign-in is audited)
  json before = body_of(call("GET", path, "", admin.headers()));
  EXPECT_FALSE(before["stored"].get<bool>());
  for (const auto& r : before["rules"]) {
    EXPECT_EQ(r["origin"], "bawaan");
    EXPECT_TRUE(r["id"].is_null());
  }
  const std::int64_t audit = newest_audit_id(admin);
  json change = {{"kind", "keputusan_tim"},
                 {"key", "lintas_instansi"},
                 {"statement", "Gubernur Nusa Tenggara Timur"}};
  // Without a reason (absent, then blank): refused, nothing written.
  auto a = call("PATCH", path, change.dump(), admin.headers());
  EXPECT_EQ(a.status, 422) << a.body;
  EXPECT_EQ(code_of(a), "REASON_REQUIRED");
  EXPECT_EQ(body_of(a)["error"]["field"], "reason");
  change["reason"] = "  ";
  a = call("PATCH", path, change.dump(), admin.headers());
  EXPECT_EQ(code_of(a), "REASON_REQUIRED");
  EXPECT_EQ(newest_audit_id(admin), audit);
  EXPECT_EQ(body_of(call("GET", path, "", admin.headers())), before);

  // Wrong callers: anonymous, a pegawai, no CSRF token.
  change["reason"] = "Penyesuaian dengan Pergub tentang Sistem Kerja";
  a = call("PATCH", path, change.dump());
  EXPECT_EQ(a.status, 401);
  a = call("PATCH", path, change.dump(), pegawai.headers());
  EXPECT_EQ(a.status, 403);
  a = call("PATCH", path, change.dump(), {{"Cookie", admin.cookie}});
  EXPECT_EQ(a.status, 403);
  EXPECT_EQ(code_of(a), "CSRF_INVALID");
  a = call(
      "PATCH", path,
      json{{"kind", "keputusan_tim"}, {"key", "tidak_ada"}, {"statement", "x"}, {"reason", "x"}}
          .dump(),
      admin.headers());
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(newest_audit_id(admin), audit);

  a = call("PATCH", path, change.dump(), admin.headers());
  ASSERT_EQ(a.status, 200) << a.body;
  const json rule = body_of(a);
  EXPECT_EQ(rule["statement"], "Gubernur Nusa Tenggara Timur");
  EXPECT_EQ(rule["changed_reason"], "Penyesuaian dengan Pergub tentang Sistem Kerja");
  EXPECT_EQ(rule["source"], "PermenPANRB 7/2022");
  const json after = body_of(call("GET", path, "", admin.headers()));
  EXPECT_TRUE(after["stored"].get<bool>());
  const json log = body_of(call("GET", "/api/v1/audit?limit=1", "", admin.headers()))["items"];
  EXPECT_EQ(log[0]["action"], "update");
  EXPECT_EQ(log[0]["entity"], "work_rule");
  EXPECT_EQ(log[0]["after"]["changed_reason"], "Penyesuaian dengan Pergub tentang Sistem Kerja");
  EXPECT_EQ(log[0]["before"]["statement"], "Gubernur");
}

TEST_F(WorkApi, TeamsAcrossUnitsWithTheirDecreeAndHistory) {
  const Login admin = login("admin", "demo-admin-2026");
  const std::int64_t batam = region_named("Kota Batam");
  const auto people = seated(admin, batam, 3);
  ASSERT_EQ(people.size(), 3u);
  const auto [lead, lead_unit, agency] = people[0];
  const auto [member, member_unit, agency2] = people[1];
  const auto [third, third_unit, agency3] = people[2];
  (void)agency2;
  (void)agency3;
  (void)lead_unit;
  json team = {{"name", "Penyusunan Analisis Jabatan"},
               {"kind", "insidental"},
               {"target", "Dokumen analisis jabatan tersusun"},
               {"owner_unit_id", member_unit},  // the lead is from another unit: a warning
               {"lead_employee_id", lead},
               {"member_employee_ids", {member}},
               {"formed", "2026-03-02"}};
  auto a = call("POST", "/api/v1/teams", team.dump());
  EXPECT_EQ(a.status, 401);
  const Login pegawai = login("pegawai", "demo-pegawai-2026");
  a = call("POST", "/api/v1/teams", team.dump(), pegawai.headers());
  EXPECT_EQ(a.status, 403);
  team["kind"] = "kadang";
  a = call("POST", "/api/v1/teams", team.dump(), admin.headers());
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(body_of(a)["error"]["field"], "kind");
  team["kind"] = "insidental";

  a = call("POST", "/api/v1/teams", team.dump(), admin.headers());
  ASSERT_EQ(a.status, 201) << a.body;
  const json t = body_of(a);
  EXPECT_EQ(t["scope"], "lintas_unit");
  EXPECT_EQ(t["authority"]["authority"], "Kepala Badan");
  EXPECT_EQ(t["authority"]["article"], "Pasal 20 ayat (4) huruf c");
  EXPECT_FALSE(t["authority"]["default"].get<bool>());
  EXPECT_NE(t["decree_text"].get<std::string>().find("KEPUTUSAN KEPALA BADAN KOTA BATAM"),
            std::string::npos)
      << t["decree_text"];
  ASSERT_EQ(t["warnings"].size(), 1u);
  EXPECT_NE(t["warnings"][0].get<std::string>().find("pemilik kinerja"), std::string::npos);
  ASSERT_EQ(t["members"].size(), 2u);
  EXPECT_EQ(t["members"][0]["role"], "ketua");  // by start, then id: the lead is stored first
  EXPECT_EQ(t["members"][0]["employee_id"], lead);
  const std::string team_path = "/api/v1/teams/" + std::to_string(id_of(t));

  // Read by anyone signed in, not anonymously.
  EXPECT_EQ(call("GET", team_path).status, 401);
  EXPECT_EQ(call("GET", team_path, "", pegawai.headers()).status, 200);
  const json list = body_of(
      call("GET", "/api/v1/regions/" + std::to_string(batam) + "/teams", "", pegawai.headers()));
  ASSERT_FALSE(list["items"].empty());
  EXPECT_EQ(list["items"][0]["id"], t["id"]);

  // The lead leaves: replaced by the third person; without a reason nothing is written.
  const std::int64_t audit = newest_audit_id(admin);
  json replace = {{"employee_id", third}, {"date", "2026-05-04"}};
  a = call("POST", team_path + "/lead", replace.dump(), admin.headers());
  EXPECT_EQ(code_of(a), "REASON_REQUIRED");
  a = call("POST", team_path + "/lead", replace.dump(), pegawai.headers());
  EXPECT_EQ(a.status, 403);
  EXPECT_EQ(newest_audit_id(admin), audit);
  EXPECT_EQ(body_of(call("GET", team_path, "", admin.headers()))["periods"].size(), 2u);
  replace["reason"] = "Ketua tim dimutasi";
  a = call("POST", team_path + "/lead", replace.dump(), admin.headers());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_GT(newest_audit_id(admin), audit);
  const json now = body_of(a);
  EXPECT_EQ(now["periods"].size(), 3u);
  std::int64_t current_lead = 0;
  for (const auto& m : now["members"])
    if (m["role"] == "ketua") current_lead = m["employee_id"].get<std::int64_t>();
  EXPECT_EQ(current_lead, third);
  // Who was in the team on a date.
  const json april = body_of(call("GET", team_path + "?on=2026-04-01", "", admin.headers()));
  std::int64_t april_lead = 0;
  for (const auto& m : april["members"])
    if (m["role"] == "ketua") april_lead = m["employee_id"].get<std::int64_t>();
  EXPECT_EQ(april_lead, lead);
  EXPECT_EQ(april["members_on"], "2026-04-01");
  EXPECT_TRUE(
      body_of(call("GET", team_path + "?on=2026-03-01", "", admin.headers()))["members"].empty());
  EXPECT_EQ(call("GET", team_path + "?on=kemarin", "", admin.headers()).status, 400);
}

}  // namespace
}  // namespace tatakerja
