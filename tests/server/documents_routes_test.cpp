// Issue 11, item 8, over HTTP on the demo database behind a real server on a loopback port: an
// agency's chart as PDF (its text, read by pdftotext, holds the Lampiran heading, the signature
// block and every position title) and SVG (well-formed XML, by xmllint, holding every title),
// and the exports: positions, vacancies and people as CSV (BOM, heading, quoting) and XLSX (a zip
// whose sheet, read by unzip, holds the rows), the people only for a signed-in reader (401), no
// holder's name in what an anonymous reader gets.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

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

// The output of a shell command (its exit status in `status`).
std::string run(const std::string& command, int& status) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  status = ::pclose(p);
  return out;
}

// `s` without any whitespace: a title the chart broke into lines still matches.
std::string squeezed(std::string_view s) {
  std::string out;
  for (const char c : s)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') out += c;
  return out;
}

class DocumentRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = std::make_unique<testing::DemoServer>("documents");
    port_ = demo_->port();
  }
  static void TearDownTestSuite() { demo_.reset(); }

  static HttpAnswer get(const std::string& target, const Headers& h = {}) {
    HttpClient c(port_);
    return c.request("GET", target, "", h);
  }
  static Headers sign_in() {
    HttpClient c(port_);
    const auto a =
        c.request("POST", "/api/v1/auth/login",
                  json{{"username", "pegawai"}, {"password", "demo-pegawai-2026"}}.dump());
    EXPECT_EQ(a.status, 200) << a.body;
    const std::string cookie = a.header("Set-Cookie");
    return {{"Cookie", cookie.substr(0, cookie.find(';'))}};
  }
  // The agency of the demo with the most positions, and its positions' titles.
  static std::int64_t agency(std::vector<std::string>& titles) {
    const json list = json::parse(get("/api/v1/agencies?limit=500").body);
    std::int64_t best = 0;
    std::size_t most = 0;
    for (const auto& a : list["items"]) {
      const auto id = a["id"].get<std::int64_t>();
      const json ps =
          json::parse(get("/api/v1/agencies/" + std::to_string(id) + "/positions?limit=500").body);
      if (ps["items"].size() > most) {
        most = ps["items"].size();
        best = id;
        titles.clear();
        for (const auto& p : ps["items"]) titles.push_back(p["title"].get<std::string>());
      }
    }
    return best;
  }
  static std::string save(const std::string& name, const std::string& bytes) {
    const std::string path = demo_->file(name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  static inline std::unique_ptr<testing::DemoServer> demo_;
  static inline unsigned short port_ = 0;
};

TEST_F(DocumentRoutes, ChartPdfHoldsHeadingSignatureAndEveryTitle) {
  std::vector<std::string> titles;
  const auto id = agency(titles);
  ASSERT_GT(id, 0);
  ASSERT_FALSE(titles.empty());
  const json agency = json::parse(get("/api/v1/agencies/" + std::to_string(id)).body);
  const json regulation = agency["regulation"];
  const auto a = get("/api/v1/agencies/" + std::to_string(id) + "/chart.pdf");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.header("Content-Type"), "application/pdf");
  EXPECT_EQ(a.header("Content-Disposition").rfind("inline; filename=\"bagan-", 0), 0U);
  EXPECT_EQ(a.body.rfind("%PDF-", 0), 0U);
  int status = 0;
  const std::string text = run("pdftotext -raw " + save("chart.pdf", a.body) + " -", status);
  ASSERT_EQ(status, 0) << "pdftotext (poppler-utils) failed";
  EXPECT_NE(text.find("LAMPIRAN I"), std::string::npos) << text;
  EXPECT_NE(text.find("BAGAN SUSUNAN ORGANISASI"), std::string::npos);
  std::string kind = regulation["kind"].get<std::string>();
  std::transform(kind.begin(), kind.end(), kind.begin(), ::toupper);
  EXPECT_NE(text.find(kind), std::string::npos) << kind;
  EXPECT_NE(text.find("NOMOR "), std::string::npos);
  EXPECT_NE(text.find("TAHUN "), std::string::npos);
  const std::string all = squeezed(text);
  for (const auto& t : titles) EXPECT_NE(all.find(squeezed(t)), std::string::npos) << t;
}

TEST_F(DocumentRoutes, ChartSvgIsXmlWithEveryTitleAndNoNamesForAnonymous) {
  std::vector<std::string> titles;
  const auto id = agency(titles);
  const std::string path = "/api/v1/agencies/" + std::to_string(id) + "/chart.svg";
  const auto a = get(path);
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.header("Content-Type"), "image/svg+xml");
  int status = 0;
  run("xmllint --noout " + save("chart.svg", a.body) + " 2>&1", status);
  EXPECT_EQ(status, 0) << "the SVG is not well-formed XML";
  const auto escape = [](std::string s) {
    std::string out;
    for (const char c : s) {
      if (c == '&')
        out += "&amp;";
      else if (c == '<')
        out += "&lt;";
      else if (c == '>')
        out += "&gt;";
      else if (c == '"')
        out += "&quot;";
      else if (c == '\'')
        out += "&apos;";
      else
        out += c;
    }
    return out;
  };
  for (const auto& t : titles)
    EXPECT_NE(a.body.find("<title>" + escape(t) + "</title>"), std::string::npos) << t;
  // Anonymous: no holder line; signed in: holders' names or "Lowong".
  EXPECT_EQ(a.body.find("Lowong"), std::string::npos);
  const auto signed_in = get(path, sign_in());
  ASSERT_EQ(signed_in.status, 200);
  EXPECT_NE(signed_in.body.find(" — "), std::string::npos);
}

// Issue 11, item 5: a UPTD the regulation sets up without naming its positions (003: "UPTD" of
// Kota Batam's agency) is drawn in the chart as its Lampiran I draws it, as a box of its own.
TEST_F(DocumentRoutes, ChartDrawsTheUptdWithoutPositions) {
  const json regions = json::parse(get("/api/v1/regions").body);
  std::int64_t batam = 0;
  for (const auto& r : regions["items"])
    if (r["name"] == "Kota Batam") batam = r["id"].get<std::int64_t>();
  ASSERT_NE(batam, 0);
  const json agencies =
      json::parse(get("/api/v1/agencies?region_id=" + std::to_string(batam)).body);
  const std::string id = std::to_string(agencies["items"][0]["id"].get<std::int64_t>());
  const json units = json::parse(get("/api/v1/agencies/" + id + "/units").body);
  std::string uptd;
  for (const auto& u : units["items"])
    if (u["kind"] == "UPTD" && u["head_position_id"].is_null()) uptd = u["name"];
  ASSERT_FALSE(uptd.empty()) << "003 sets up a UPTD without positions";
  const auto svg = get("/api/v1/agencies/" + id + "/chart.svg");
  ASSERT_EQ(svg.status, 200);
  EXPECT_NE(svg.body.find("<title>" + uptd + "</title>"), std::string::npos);
}

TEST_F(DocumentRoutes, CsvExportsQuoteAndGuard) {
  std::vector<std::string> titles;
  const auto id = agency(titles);
  const std::string base = "/api/v1/agencies/" + std::to_string(id);
  const auto a = get(base + "/positions.csv");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(a.header("Content-Disposition").rfind("attachment; filename=\"jabatan-", 0), 0U);
  EXPECT_EQ(a.body.rfind("\xEF\xBB\xBFNo,Jabatan,Unit kerja,Eselon,Jenis jabatan,Status\r\n", 0),
            0U);
  // One line per position (no title holds a line break) and every title in it.
  EXPECT_EQ(static_cast<std::size_t>(std::count(a.body.begin(), a.body.end(), '\n')),
            titles.size() + 1);
  for (const auto& t : titles) EXPECT_NE(a.body.find(t), std::string::npos) << t;
  const auto v = get(base + "/vacancies.csv");
  ASSERT_EQ(v.status, 200);
  EXPECT_EQ(
      v.body.rfind("\xEF\xBB\xBFNo,Jabatan,Unit kerja,Eselon,Jenis jabatan,Keterangan\r\n", 0), 0U);
  // Signed in, the people of the agency: NIP, name, ...
  const auto p = get(base + "/people.csv", sign_in());
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.header("Cache-Control"), "no-store");
  EXPECT_EQ(p.body.rfind("\xEF\xBB\xBFNo,NIP,Nama,", 0), 0U);
}

TEST_F(DocumentRoutes, PeopleExportsNeedSignIn) {
  std::vector<std::string> titles;
  const auto id = agency(titles);
  for (const char* format : {"csv", "xlsx"}) {
    const auto a = get("/api/v1/agencies/" + std::to_string(id) + "/people." + std::string(format));
    EXPECT_EQ(a.status, 401) << format;
    EXPECT_NE(a.body.find("UNAUTHENTICATED"), std::string::npos);
  }
  EXPECT_EQ(get("/api/v1/agencies/999999/chart.pdf").status, 404);
  EXPECT_EQ(get("/api/v1/agencies/999999/positions.csv").status, 404);
}

TEST_F(DocumentRoutes, XlsxExportsAreWorkbooksWithTheRows) {
  std::vector<std::string> titles;
  const auto id = agency(titles);
  const std::string base = "/api/v1/agencies/" + std::to_string(id);
  const auto a = get(base + "/positions.xlsx");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.header("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(a.body.substr(0, 4), std::string("PK\x03\x04", 4));
  const std::string file = save("positions.xlsx", a.body);
  int status = 0;
  run("unzip -tq " + file, status);
  EXPECT_EQ(status, 0) << "not a valid zip";
  const std::string sheet = run("unzip -p " + file + " xl/worksheets/sheet1.xml", status);
  ASSERT_EQ(status, 0);
  EXPECT_NE(sheet.find("Jabatan"), std::string::npos);
  for (const auto& t : titles) {
    std::string escaped;
    for (const char c : t) escaped += c == '&' ? std::string("&amp;") : std::string(1, c);
    EXPECT_NE(sheet.find(escaped), std::string::npos) << t;
  }
  const auto people = get(base + "/people.xlsx", sign_in());
  ASSERT_EQ(people.status, 200);
  const std::string pfile = save("people.xlsx", people.body);
  const std::string psheet = run("unzip -p " + pfile + " xl/worksheets/sheet1.xml", status);
  EXPECT_NE(psheet.find("NIP"), std::string::npos);
}

}  // namespace
}  // namespace tatakerja
