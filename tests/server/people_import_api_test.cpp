// Issue 11, item 9, over HTTP on the demo database behind a real server on a loopback port: an
// agency's people exported as XLSX and sent back read as all matched (nothing written); a CSV
// with a new employee and a refused row is refused whole (422 PEOPLE_IMPORT_REFUSED with the
// report, nothing written) unless the refused rows are skipped (201, the employee and the
// placement written, the import in the audit log); who may send a table is settled before it is
// read (401, 403), and what is not a table is refused with TABLE_UNREADABLE.
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "demo_server.hpp"
#include "http_client.hpp"
#include "org/nip.hpp"

namespace tatakerja {
namespace {

using json = nlohmann::json;
using testing::HttpAnswer;
using testing::HttpClient;
using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class PeopleImportApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = std::make_unique<testing::DemoServer>("people_import");
    port_ = demo_->port();
  }
  static void TearDownTestSuite() { demo_.reset(); }

  static HttpAnswer call(const std::string& method, const std::string& target,
                         const std::string& body = {}, const Headers& h = {},
                         const std::string& type = "text/csv") {
    HttpClient c(port_);
    return c.request(method, target, body, h, type);
  }
  static Headers sign_in(const std::string& user, const std::string& password) {
    const auto a =
        call("POST", "/api/v1/auth/login", json{{"username", user}, {"password", password}}.dump(),
             {}, "application/json");
    EXPECT_EQ(a.status, 200) << a.body;
    const std::string cookie = a.header("Set-Cookie");
    return {{"Cookie", cookie.substr(0, cookie.find(';'))},
            {"X-CSRF-Token", json::parse(a.body)["csrf_token"].get<std::string>()}};
  }
  static const Headers& admin() {
    static const Headers h = sign_in("admin", "demo-admin-2026");
    return h;
  }
  // The demo agency with the most people, its id as text and one of its positions' titles.
  static std::string agency(std::string& title) {
    const json list = json::parse(call("GET", "/api/v1/agencies?limit=500").body);
    std::string best;
    std::size_t most = 0;
    for (const auto& a : list["items"]) {
      const std::string id = std::to_string(a["id"].get<std::int64_t>());
      const auto csv = call("GET", "/api/v1/agencies/" + id + "/people.csv", "", admin()).body;
      const auto rows = static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n'));
      if (rows <= most) continue;
      most = rows;
      best = id;
      const json ps = json::parse(call("GET", "/api/v1/agencies/" + id + "/positions").body);
      title = ps["items"][0]["title"].get<std::string>();
    }
    EXPECT_GT(most, 2U);
    return best;
  }
  static std::int64_t audit_head() {
    const json a = json::parse(call("GET", "/api/v1/audit?limit=1", "", admin()).body);
    return a["items"][0]["id"].get<std::int64_t>();
  }
  static std::size_t employees_with(const std::string& nip) {
    const json e = json::parse(call("GET", "/api/v1/employees?q=" + nip, "", admin()).body);
    return e["items"].size();
  }

  static inline std::unique_ptr<testing::DemoServer> demo_;
  static inline unsigned short port_ = 0;
};

TEST_F(PeopleImportApi, TheAgencysOwnExportReadsBackAsMatched) {
  std::string title;
  const std::string id = agency(title);
  const auto xlsx = call("GET", "/api/v1/agencies/" + id + "/people.xlsx", "", admin());
  ASSERT_EQ(xlsx.status, 200);
  const auto before = audit_head();
  for (const char* step : {"preview", "import"}) {
    const auto a =
        call("POST", "/api/v1/agencies/" + id + "/people/" + step, xlsx.body, admin(), kXlsx);
    ASSERT_EQ(a.status, 200) << step << ": " << a.body;
    const json r = json::parse(a.body);
    EXPECT_FALSE(r["written"].get<bool>());
    EXPECT_GT(r["summary"]["matched"].get<int>(), 2);
    EXPECT_EQ(r["summary"]["matched"], r["summary"]["rows"]);
    EXPECT_TRUE(r["rows"].empty());
    EXPECT_EQ(r["columns"][1]["field"], "nip");
  }
  EXPECT_EQ(audit_head(), before);
}

TEST_F(PeopleImportApi, ARefusedRowStopsTheImportUnlessSkipped) {
  std::string title;
  const std::string id = agency(title);
  const std::string nip = org::make_nip(Date{1992, 4, 3}, 2019, 3, org::Sex::Female, 7);
  const std::string csv = "NIP;Nama;Golongan;Jabatan;TMT\r\n" + nip + ";Rina Impor;III/a;" + title +
                          ";2025-02-03\r\n123;NIP Pendek;III/a;;\r\n";
  const auto preview = call("POST", "/api/v1/agencies/" + id + "/people/preview", csv, admin());
  ASSERT_EQ(preview.status, 200) << preview.body;
  json r = json::parse(preview.body);
  EXPECT_EQ(r["summary"]["created"], 1);
  EXPECT_EQ(r["summary"]["refused"], 1);
  ASSERT_EQ(r["rows"].size(), 2U);
  EXPECT_EQ(r["rows"][1]["line"], 3);
  EXPECT_EQ(r["rows"][1]["problems"][0]["column"], "NIP");

  const auto before = audit_head();
  const auto refused = call("POST", "/api/v1/agencies/" + id + "/people/import", csv, admin());
  ASSERT_EQ(refused.status, 422) << refused.body;
  r = json::parse(refused.body);
  EXPECT_EQ(r["error"]["code"], "PEOPLE_IMPORT_REFUSED");
  EXPECT_FALSE(r["written"].get<bool>());
  EXPECT_EQ(audit_head(), before);
  EXPECT_EQ(employees_with(nip), 0U);

  const auto skipped =
      call("POST", "/api/v1/agencies/" + id + "/people/import?skip_refused=true", csv, admin());
  ASSERT_EQ(skipped.status, 201) << skipped.body;
  r = json::parse(skipped.body);
  EXPECT_TRUE(r["written"].get<bool>());
  ASSERT_EQ(employees_with(nip), 1U);
  const auto employee_id = r["rows"][0]["employee_id"].get<std::int64_t>();
  const json e = json::parse(
      call("GET", "/api/v1/employees/" + std::to_string(employee_id), "", admin()).body);
  EXPECT_EQ(e["rank"], "III/a");
  ASSERT_EQ(e["placements"].size(), 1U);
  EXPECT_EQ(e["placements"][0]["start"], "2025-02-03");
  const json audit = json::parse(call("GET", "/api/v1/audit?limit=1", "", admin()).body);
  EXPECT_EQ(audit["items"][0]["action"], "import");
  EXPECT_EQ(audit["items"][0]["entity"], "people");
}

TEST_F(PeopleImportApi, WhoMaySendIsSettledBeforeTheTableIsRead) {
  std::string title;
  const std::string id = agency(title);
  const std::string target = "/api/v1/agencies/" + id + "/people/import";
  const std::string csv = "NIP,Nama\r\n1,A\r\n";
  EXPECT_EQ(call("POST", target, csv).status, 401);
  EXPECT_EQ(call("POST", target, csv, sign_in("pegawai", "demo-pegawai-2026")).status, 403);
  auto a = call("POST", target, "{}", admin(), "application/json");
  EXPECT_EQ(a.status, 415) << a.body;
  a = call("POST", target, std::string("PK\x03\x04garbage", 11), admin(), kXlsx);
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(json::parse(a.body)["error"]["code"], "TABLE_UNREADABLE");
  a = call("POST", target, "Nama,Golongan\r\nA,III/a\r\n", admin());
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(json::parse(a.body)["error"]["field"], "file");  // no NIP column
  EXPECT_EQ(call("POST", "/api/v1/agencies/999999/people/preview", csv, admin()).status, 404);
}

}  // namespace
}  // namespace tatakerja
