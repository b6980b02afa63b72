// The holiday calendar (issue 12 item 3, deadlines), through a real server on the demo database:
// any signed-in person reads it, only the administrator keeps it (with the CSRF token, audited,
// a refused change writes nothing), and a day off in a request's waiting period is not a working
// day of its answer period: the request is overdue only once that many working days passed.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "assignment_server.hpp"
#include "storage/database.hpp"
#include "work/deadlines.hpp"

namespace tatakerja {
namespace {

using nlohmann::json;
using testing::AssignmentServer;

Date day_of(std::chrono::sys_days d) {
  const std::chrono::year_month_day ymd(d);
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

class HolidayCalendar : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<AssignmentServer>("holidays"); }
  static void TearDownTestSuite() { server_.reset(); }
  AssignmentServer& srv() { return *server_; }

  testing::HttpAnswer add(const std::string& who, const json& body) {
    return srv().call("POST", "/api/v1/holidays", body.dump(), srv().headers(who));
  }
  json newest_audit() {
    return json::parse(
        srv().call("GET", "/api/v1/audit?limit=1", "", srv().headers("admin")).body)["items"][0];
  }

  static std::unique_ptr<AssignmentServer> server_;
};
std::unique_ptr<AssignmentServer> HolidayCalendar::server_;

TEST_F(HolidayCalendar, ReadByAnyoneKeptByTheAdministrator) {
  EXPECT_EQ(srv().call("GET", "/api/v1/holidays?year=2031").status, 401);
  const json christmas{
      {"date", "2031-12-25"}, {"name", "Hari Raya Natal"}, {"kind", "libur_nasional"}};
  const auto people = {"kabag_organisasi", "sekda_kupang", "pengadministrasi_organisasi"};
  for (const char* who : people) srv().headers(who);  // signed in first: a sign-in is audited
  const auto before = srv().newest_audit_id();
  for (const char* who : people) {
    const auto r = add(who, christmas);
    EXPECT_EQ(r.status, 403) << who << ": " << r.body;
  }
  const testing::Headers cookie_only = {{"Cookie", srv().as("admin").cookie}};
  auto r = srv().call("POST", "/api/v1/holidays", christmas.dump(), cookie_only);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "CSRF_INVALID");
  for (const auto& bad :
       {json{{"date", "2031-02-30"}, {"name", "x"}, {"kind", "libur_nasional"}},
        json{{"date", "2031-12-26"}, {"name", "  "}, {"kind", "libur_nasional"}},
        json{{"date", "2031-12-26"}, {"name", "Hari jadi"}, {"kind", "libur_daerah"}},
        json{{"name", "Tanpa tanggal"}, {"kind", "cuti_bersama"}},
        json{{"date", "2031-12-26"}, {"name", "Natal\x01"}, {"kind", "cuti_bersama"}}}) {
    r = add("admin", bad);
    EXPECT_EQ(r.status, 422) << bad.dump() << ": " << r.body;
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "INVALID_FIELD");
  }
  EXPECT_EQ(srv().newest_audit_id(), before);

  r = add("admin", christmas);
  ASSERT_EQ(r.status, 201) << r.body;
  const json made = json::parse(r.body);
  EXPECT_EQ(made["date"], "2031-12-25");
  EXPECT_EQ(made["kind_label"], "Libur nasional");
  const json audit = newest_audit();
  EXPECT_EQ(audit["action"], "create");
  EXPECT_EQ(audit["entity"], "holiday");
  EXPECT_EQ(audit["entity_id"], std::to_string(made["id"].get<std::int64_t>()));
  r = add("admin",
          {{"date", "2031-12-24"}, {"name", "Cuti bersama Natal"}, {"kind", "cuti_bersama"}});
  ASSERT_EQ(r.status, 201) << r.body;
  r = add("admin", {{"date", "2031-12-25"}, {"name", "Natal lagi"}, {"kind", "cuti_bersama"}});
  EXPECT_EQ(r.status, 409) << r.body;

  r = srv().call("GET", "/api/v1/holidays?year=2031", "",
                 srv().headers("pengadministrasi_organisasi"));
  ASSERT_EQ(r.status, 200) << r.body;
  const json year = json::parse(r.body);
  EXPECT_EQ(year["year"], 2031);
  ASSERT_EQ(year["items"].size(), 2u);
  EXPECT_EQ(year["items"][0]["name"], "Cuti bersama Natal");  // by date
  EXPECT_EQ(year["items"][1], made);
  EXPECT_EQ(srv().call("GET", "/api/v1/holidays?year=1800", "", srv().headers("admin")).status,
            400);

  const std::string path = "/api/v1/holidays/" + std::to_string(made["id"].get<std::int64_t>());
  EXPECT_EQ(srv().call("DELETE", path, "", srv().headers("kabag_organisasi")).status, 403);
  EXPECT_EQ(srv().call("DELETE", path, "", srv().headers("admin")).status, 204);
  EXPECT_EQ(newest_audit()["action"], "delete");
  EXPECT_EQ(srv().call("DELETE", path, "", srv().headers("admin")).status, 404);
  r = srv().call("GET", "/api/v1/holidays?year=2031", "", srv().headers("admin"));
  EXPECT_EQ(json::parse(r.body)["items"].size(), 1u);
}

// A request waiting exactly its answer period in weekdays is overdue; with one of those weekdays a
// day off it is not, and is again once the day off is removed.
TEST_F(HolidayCalendar, ADayOffIsNotAWorkingDayOfTheAnswerPeriod) {
  const auto& cast = srv().cast();
  const json body{{"mechanism", "penunjukan_lintas_unit"},
                  {"owner_unit_id", cast.units.at("kupang_organisasi")},
                  {"official_employee_id", cast.people.at("perancang_hukum")},
                  {"title", "Telaah naskah dengan hari libur"}};
  auto r =
      srv().call("POST", "/api/v1/assignments", body.dump(), srv().headers("kabag_organisasi"));
  ASSERT_EQ(r.status, 201) << r.body;
  const json made = json::parse(r.body);
  const auto id = made["id"].get<std::int64_t>();
  const int days = made["answer_days"].get<int>();
  ASSERT_GT(days, 0);
  const std::string path = "/api/v1/assignments/" + std::to_string(id);
  const auto overdue = [&] {
    const auto a = srv().call("GET", path, "", srv().headers("kabag_organisasi"));
    EXPECT_EQ(a.status, 200) << a.body;
    return json::parse(a.body)["overdue"].get<bool>();
  };
  EXPECT_FALSE(overdue());

  // Back to the day from which exactly `days` weekdays have passed.
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  int back = 0;
  while (work::working_days_between(day_of(today - std::chrono::days(back)), day_of(today)) <
         days) {
    ++back;
  }
  auto c = storage::open_database(srv().db());
  c->execute(
      "UPDATE work_assignments SET state_since = strftime('%Y-%m-%dT%H:%M:%SZ', state_since, ?) "
      "WHERE id = ?",
      {"-" + std::to_string(back) + " days", id});
  EXPECT_TRUE(overdue());

  // The first weekday after the day it began to wait becomes a day off.
  int offset = back - 1;
  while (work::iso_weekday(day_of(today - std::chrono::days(offset))) > 5) --offset;
  const Date off = day_of(today - std::chrono::days(offset));
  r = add("admin", {{"date", off.iso()}, {"name", "Cuti bersama uji"}, {"kind", "cuti_bersama"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_FALSE(overdue()) << off.iso();
  const auto holiday = json::parse(r.body)["id"].get<std::int64_t>();
  ASSERT_EQ(
      srv()
          .call("DELETE", "/api/v1/holidays/" + std::to_string(holiday), "", srv().headers("admin"))
          .status,
      204);
  EXPECT_TRUE(overdue());
}

}  // namespace
}  // namespace tatakerja
