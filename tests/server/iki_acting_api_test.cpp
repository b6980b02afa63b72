// Issue 11 (items 3 and 4) through a real server: the IKI tables of corpus text 001 on a position's
// page and on the regulation's page, and acting officials (Plt, Plh) told apart from definitive
// holders in the chart, on the position page and on the person's page. The server runs
// in-process on 127.0.0.1:0 over a temporary SQLite database filled with the demo (build_demo on
// data/regulations); the tests talk to it over real TCP.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "demo_server.hpp"
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

class IkiActingApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = std::make_unique<testing::DemoServer>("iki_acting");
    port_ = demo_->port();
  }
  static void TearDownTestSuite() { demo_.reset(); }

  static HttpAnswer get(const std::string& target, const Headers& h = {}) {
    HttpClient c(port_);
    return c.request("GET", target, "", h);
  }
  static json get_json(const std::string& target, const Headers& h = {}) {
    const auto a = get(target, h);
    EXPECT_EQ(a.status, 200) << target << ": " << a.body;
    return json::parse(a.body);
  }
  static HttpAnswer post(const std::string& target, const json& body) {
    HttpClient c(port_);
    return c.request("POST", target, body.dump(), admin());
  }
  // The demo's administrator, signed in: cookie and CSRF token.
  static const Headers& admin() {
    static const Headers h = [] {
      HttpClient c(port_);
      const auto a = c.request("POST", "/api/v1/auth/login",
                               json{{"username", "admin"}, {"password", "demo-admin-2026"}}.dump());
      EXPECT_EQ(a.status, 200) << a.body;
      const std::string cookie = a.header("Set-Cookie");
      return Headers{{"Cookie", cookie.substr(0, cookie.find(';'))},
                     {"X-CSRF-Token", json::parse(a.body)["csrf_token"].get<std::string>()}};
    }();
    return h;
  }

  // Kabupaten Kapuas Hulu (corpus 001, the IKI decree) and its agency.
  static std::int64_t region_id() {
    const json regions = get_json("/api/v1/regions");
    for (const auto& r : regions["items"])
      if (r["name"] == "Kabupaten Kapuas Hulu") return r["id"].get<std::int64_t>();
    ADD_FAILURE() << "no Kabupaten Kapuas Hulu in the demo";
    return 0;
  }
  static std::int64_t agency_id() {
    const auto list = get_json("/api/v1/agencies?region_id=" + std::to_string(region_id()));
    EXPECT_FALSE(list["items"].empty());
    return list["items"][0]["id"].get<std::int64_t>();
  }
  static std::int64_t position_titled(const std::string& title) {
    const auto list =
        get_json("/api/v1/agencies/" + std::to_string(agency_id()) + "/positions?limit=500");
    for (const auto& p : list["items"])
      if (p["title"] == title) return p["id"].get<std::int64_t>();
    ADD_FAILURE() << "no position " << title;
    return 0;
  }
  static std::int64_t new_employee(const std::string& nip, const std::string& name) {
    const auto a = post("/api/v1/employees", {{"nip", nip},
                                              {"name", name},
                                              {"kind", "PNS"},
                                              {"rank", "III/c"},
                                              {"region_id", region_id()}});
    EXPECT_EQ(a.status, 201) << a.body;
    return json::parse(a.body)["id"].get<std::int64_t>();
  }
  static void place(std::int64_t employee, std::int64_t position, const std::string& kind) {
    const auto a = post("/api/v1/placements", {{"employee_id", employee},
                                               {"position_id", position},
                                               {"kind", kind},
                                               {"start", "2026-01-05"}});
    EXPECT_EQ(a.status, 201) << a.body;
  }
  // Ends every current placement in the position (the demo may have placed someone there).
  static void empty_position(std::int64_t position) {
    const auto page = get_json("/api/v1/positions/" + std::to_string(position), admin());
    for (const auto& h : page["holders"]) {
      const auto person = get_json(
          "/api/v1/employees/" + std::to_string(h["employee_id"].get<std::int64_t>()), admin());
      for (const auto& pl : person["placements"]) {
        if (pl["position"]["id"] != position || !pl["end"].is_null()) continue;
        const auto id = std::to_string(pl["id"].get<std::int64_t>());
        EXPECT_EQ(post("/api/v1/placements/" + id + "/end", {{"end", "2026-01-04"}}).status, 200);
      }
    }
  }
  // The chart node of one position (the chart read from it, one level).
  static json chart_node(std::int64_t position, const Headers& h) {
    const auto chart = get_json("/api/v1/agencies/" + std::to_string(agency_id()) +
                                    "/chart?depth=1&root=" + std::to_string(position),
                                h);
    EXPECT_EQ(chart["nodes"].size(), 1u);
    return chart["nodes"][0];
  }

  static inline std::unique_ptr<testing::DemoServer> demo_;
  static inline unsigned short port_ = 0;
};

TEST_F(IkiActingApi, PositionPageGivesItsIkiTableWithTheFormulaAsWrittenAndRead) {
  const auto sekretaris = position_titled("Sekretaris");
  const auto page = get_json("/api/v1/positions/" + std::to_string(sekretaris));
  ASSERT_EQ(page["iki"].size(), 1u);
  const auto& t = page["iki"][0];
  EXPECT_EQ(t["position"]["id"], sekretaris);
  EXPECT_EQ(t["position_title"], "Sekretaris");
  EXPECT_EQ(t["regulation"]["kind"], "Keputusan Kepala Badan");
  EXPECT_EQ(t["first_line"], 120);
  EXPECT_EQ(t["last_line"], 130);
  EXPECT_FALSE(t["article_id"].is_null());
  ASSERT_EQ(t["rows"].size(), 7u);
  const auto& r = t["rows"][0];
  EXPECT_EQ(r["sasaran"], "Meningkatnya realisasi penyerapan keuangan perangkat Daerah");
  EXPECT_EQ(r["indikator"], "Tingkat realisasi penyerapan keuangan Perangkat Daerah");
  EXPECT_EQ(r["sumber_data"], "DPA, SPJ, BKU");
  EXPECT_EQ(r["first_line"], 122);
  EXPECT_EQ(r["formula"]["kind"], "ratio");
  EXPECT_EQ(r["formula"]["numerator"], "Jumlah Realisasi Anggaran");
  EXPECT_EQ(r["formula"]["denominator"], "Jumlah Total Anggaran");
  EXPECT_EQ(r["formula"]["percent"], true);
  EXPECT_EQ(r["formula"]["written"],
            "$\\frac{\\text{(Jumlah Realisasi Anggaran)}}{\\text{Jumlah Total Anggaran}} \\times "
            "100\\%$");
  EXPECT_EQ(r["formula"]["text"].get<std::string>().find('\\'), std::string::npos);

  // The article the table is linked to holds its lines.
  const auto article =
      get_json("/api/v1/articles/" + std::to_string(t["article_id"].get<std::int64_t>()));
  EXPECT_LE(article["first_line"].get<int>(), 120);
  EXPECT_GE(article["last_line"].get<int>(), 130);

  // The head's table: its two rows.
  const auto kepala = position_titled("Kepala Badan Pengelola Perbatasan Daerah");
  const auto head = get_json("/api/v1/positions/" + std::to_string(kepala));
  ASSERT_EQ(head["iki"].size(), 1u);
  EXPECT_EQ(head["iki"][0]["rows"].size(), 2u);
  EXPECT_EQ(head["iki"][0]["rows"][0]["formula"]["kind"], "predicate");
}

TEST_F(IkiActingApi, RegulationPageGivesEveryIkiTableOfTheText) {
  const auto sekretaris = position_titled("Sekretaris");
  const auto page = get_json("/api/v1/positions/" + std::to_string(sekretaris));
  const auto reg_id = page["iki"][0]["regulation"]["id"].get<std::int64_t>();
  const auto reg = get_json("/api/v1/regulations/" + std::to_string(reg_id));
  ASSERT_EQ(reg["iki"].size(), 15u);  // as `tatakerja regulation extract` reads 001
  std::size_t rows = 0;
  int last_line = 0;
  for (const auto& t : reg["iki"]) {
    EXPECT_FALSE(t["position"].is_null()) << t["position_title"];
    EXPECT_GT(t["first_line"].get<int>(), last_line);  // in the text's order
    last_line = t["first_line"].get<int>();
    rows += t["rows"].size();
  }
  EXPECT_EQ(rows, 46u);
  // Another regulation writes none.
  const auto other = get_json("/api/v1/regulations?limit=500");
  bool seen_empty = false;
  for (const auto& r : other["items"])
    if (r["id"] != reg_id)
      seen_empty = seen_empty || get_json("/api/v1/regulations/" +
                                          std::to_string(r["id"].get<std::int64_t>()))["iki"]
                                     .empty();
  EXPECT_TRUE(seen_empty);
}

TEST_F(IkiActingApi, ActingOfficialsAreToldApartEverywhere) {
  const auto position = position_titled("Kepala Subbagian Umum dan Aparatur");
  empty_position(position);
  const auto acting = new_employee(org::make_nip(Date{1985, 3, 12}, 2010, 4, org::Sex::Male, 901),
                                   "Plt Uji Penjabat");
  place(acting, position, "plt");

  // Vacant but for the Plt: the chart, signed in and anonymous, and the position page say so.
  auto node = chart_node(position, admin());
  EXPECT_EQ(node["vacant"], false);
  ASSERT_EQ(node["holders"].size(), 1u);
  EXPECT_EQ(node["holders"][0]["placement_kind"], "plt");
  EXPECT_EQ(node["holders"][0]["name"], "Plt Uji Penjabat");
  const auto anonymous = chart_node(position, {});
  ASSERT_EQ(anonymous["holders"].size(), 1u);
  EXPECT_EQ(anonymous["holders"][0]["placement_kind"], "plt");
  EXPECT_TRUE(anonymous["holders"][0]["name"].is_null());
  EXPECT_TRUE(anonymous["holder_name"].is_null());
  auto page = get_json("/api/v1/positions/" + std::to_string(position));
  EXPECT_EQ(page["placement_kinds"], json::array({"plt"}));
  EXPECT_TRUE(page["holders"].is_null());
  // The person's page: the Plt placement, with no definitive holder (vacant).
  auto person = get_json("/api/v1/employees/" + std::to_string(acting), admin());
  ASSERT_EQ(person["placements"].size(), 1u);
  EXPECT_EQ(person["placements"][0]["kind"], "plt");
  EXPECT_TRUE(person["placements"][0]["definitive_holder"].is_null());

  // A definitive holder arrives: listed first everywhere, and named on the Plt's page.
  const auto holder = new_employee(org::make_nip(Date{1979, 7, 1}, 2003, 1, org::Sex::Female, 902),
                                   "Definitif Uji Pemangku");
  place(holder, position, "definitif");
  node = chart_node(position, admin());
  ASSERT_EQ(node["holders"].size(), 2u);
  EXPECT_EQ(node["holders"][0]["placement_kind"], "definitif");
  EXPECT_EQ(node["holders"][0]["name"], "Definitif Uji Pemangku");
  EXPECT_EQ(node["holders"][1]["placement_kind"], "plt");
  EXPECT_EQ(node["holder_name"], "Definitif Uji Pemangku");
  page = get_json("/api/v1/positions/" + std::to_string(position), admin());
  EXPECT_EQ(page["placement_kinds"], json::array({"definitif", "plt"}));
  person = get_json("/api/v1/employees/" + std::to_string(acting), admin());
  EXPECT_EQ(person["placements"][0]["definitive_holder"]["employee_id"], holder);
  EXPECT_EQ(person["placements"][0]["definitive_holder"]["name"], "Definitif Uji Pemangku");
  const auto definitive = get_json("/api/v1/employees/" + std::to_string(holder), admin());
  EXPECT_TRUE(definitive["placements"][0]["definitive_holder"].is_null());
  // The people list: the Plt with the definitive holder beside, the definitive holder without.
  const auto list = get_json("/api/v1/employees?q=Uji", admin());
  int seen = 0;
  for (const auto& item : list["items"]) {
    if (item["id"] == acting) {
      ++seen;
      EXPECT_EQ(item["placement_kind"], "plt");
      EXPECT_EQ(item["definitive_holder"]["name"], "Definitif Uji Pemangku");
    } else if (item["id"] == holder) {
      ++seen;
      EXPECT_TRUE(item["definitive_holder"].is_null());
    }
  }
  EXPECT_EQ(seen, 2);

  // A Plh beside a definitive holder appears in the chart too (before issue 11 it did not).
  const auto daily = new_employee(org::make_nip(Date{1990, 1, 1}, 2015, 3, org::Sex::Female, 903),
                                  "Plh Uji Harian");
  place(daily, position, "plh");
  node = chart_node(position, admin());
  ASSERT_EQ(node["holders"].size(), 3u);
  EXPECT_EQ(node["holders"][2]["placement_kind"], "plh");
  EXPECT_EQ(node["holders"][2]["name"], "Plh Uji Harian");
}

}  // namespace
}  // namespace tatakerja
