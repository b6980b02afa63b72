// E-mail through a running server (issue 12 item 3): an account sets its own address (a bad one
// is refused with nothing written; the audit log, which registry administrators read, never
// shows it); the administrator sets another's; and with an SMTP server configured (a real one,
// python3-aiosmtpd, started by the test), the notification of an assignment's step reaches the
// official's mailbox with the link to the assignment, while someone without an address gets none.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "assignment_server.hpp"
#include "storage/database.hpp"
#include "support/smtp_sink.hpp"

namespace tatakerja {
namespace {

using nlohmann::json;
using testing::AssignmentServer;

class EmailApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sink_ = new testing::SmtpSink("api");
    server_ = new AssignmentServer("email_api", [](server::ServerConfig& c) {
      c.email.smtp_url = sink_->url();
      c.email.from = "tatakerja@batam.go.id";
      c.email.poll_ms = 100;
      c.email.public_url = "https://kerja.batam.go.id/";
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    delete sink_;
  }
  AssignmentServer& srv() { return *server_; }
  // Waits until the server's mailer has had its first round (its cursor is stored), so that what
  // the test does next is new to it.
  void wait_for_mailer() {
    auto c = storage::open_database(srv().db());
    for (int i = 0; i < 200; ++i) {
      if (!c->query("SELECT 1 FROM work_email_cursor").empty()) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "the mailer never ran";
  }

  static testing::SmtpSink* sink_;
  static AssignmentServer* server_;
};

testing::SmtpSink* EmailApiTest::sink_ = nullptr;
AssignmentServer* EmailApiTest::server_ = nullptr;

TEST_F(EmailApiTest, OwnAddressIsCheckedAndNeverInTheAuditLog) {
  srv().as("admin");  // signed in before: a sign-in is audited
  const auto bad =
      srv().call("PUT", "/api/v1/auth/email",
                 json{{"email", "jf@batam.go.id\r\nBcc: x@y.id"}}.dump(), srv().headers("jf_b"));
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(json::parse(bad.body)["error"]["field"], "email");
  const auto no_csrf = srv().call("PUT", "/api/v1/auth/email", json{{"email", "a@b.id"}}.dump(),
                                  {{"Cookie", srv().as("jf_b").cookie}});
  EXPECT_EQ(no_csrf.status, 403);
  const auto anonymous = srv().call("PUT", "/api/v1/auth/email", json{{"email", "a@b.id"}}.dump());
  EXPECT_EQ(anonymous.status, 401);
  auto me = json::parse(srv().call("GET", "/api/v1/auth/me", "", srv().headers("jf_b")).body);
  EXPECT_EQ(me["user"]["email"], "");
  EXPECT_EQ(me["email_delivery"], true);  // this server sends through its SMTP server

  const auto ok = srv().call("PUT", "/api/v1/auth/email",
                             json{{"email", "jf.b@batam.go.id"}}.dump(), srv().headers("jf_b"));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(json::parse(ok.body)["email"], "jf.b@batam.go.id");
  me = json::parse(srv().call("GET", "/api/v1/auth/me", "", srv().headers("jf_b")).body);
  EXPECT_EQ(me["user"]["email"], "jf.b@batam.go.id");
  const auto audit = json::parse(
      srv().call("GET", "/api/v1/audit?limit=1", "", srv().headers("admin")).body)["items"][0];
  EXPECT_EQ(audit["action"], "change_email");
  EXPECT_EQ(audit["entity"], "user");
  EXPECT_EQ(audit.dump().find("jf.b@"), std::string::npos) << audit.dump();
  EXPECT_NE(audit.dump().find("batam.go.id"), std::string::npos);  // the domain only

  const auto audit_id = srv().newest_audit_id();
  const auto same = srv().call("PUT", "/api/v1/auth/email",
                               json{{"email", "jf.b@batam.go.id"}}.dump(), srv().headers("jf_b"));
  EXPECT_EQ(same.status, 200);
  EXPECT_EQ(srv().newest_audit_id(), audit_id);  // unchanged: nothing written
}

TEST_F(EmailApiTest, OnlyTheAdministratorSetsAnothersAddress) {
  const auto users =
      json::parse(srv().call("GET", "/api/v1/users?limit=500", "", srv().headers("admin")).body);
  std::int64_t kabid_b = 0;
  for (const auto& u : users["items"]) {
    if (u["username"] == "kabid_b") kabid_b = u["id"].get<std::int64_t>();
  }
  ASSERT_NE(kabid_b, 0);
  const std::string path = "/api/v1/users/" + std::to_string(kabid_b) + "/email";
  const auto by_other =
      srv().call("PUT", path, json{{"email", "x@batam.go.id"}}.dump(), srv().headers("jf_a"));
  EXPECT_EQ(by_other.status, 403);
  const auto by_admin = srv().call("PUT", path, json{{"email", "kabid.b@batam.go.id"}}.dump(),
                                   srv().headers("admin"));
  ASSERT_EQ(by_admin.status, 200) << by_admin.body;
  EXPECT_EQ(json::parse(by_admin.body)["email"], "kabid.b@batam.go.id");
  EXPECT_EQ(json::parse(by_admin.body)["active"], true);
  const auto removed = srv().call("PUT", path, json{{"email", ""}}.dump(), srv().headers("admin"));
  EXPECT_EQ(json::parse(removed.body)["email"], "");
  EXPECT_EQ(srv()
                .call("PUT", "/api/v1/users/999999/email", json{{"email", ""}}.dump(),
                      srv().headers("admin"))
                .status,
            404);
}

TEST_F(EmailApiTest, AnAssignmentStepReachesTheOfficialsMailbox) {
  wait_for_mailer();
  const auto set = srv().call("PUT", "/api/v1/auth/email",
                              json{{"email", "jf.a@batam.go.id"}}.dump(), srv().headers("jf_a"));
  ASSERT_EQ(set.status, 200) << set.body;
  const std::size_t before = sink_->messages().size();
  const json body{{"mechanism", "penunjukan_dalam_unit"},
                  {"owner_unit_id", srv().cast().units.at("batam_a")},
                  {"official_employee_id", srv().cast().people.at("jf_a")},
                  {"title", "Pemutakhiran data kepegawaian"}};
  const auto made =
      srv().call("POST", "/api/v1/assignments", body.dump(), srv().headers("kabid_a"));
  ASSERT_EQ(made.status, 201) << made.body;
  const auto id = json::parse(made.body)["id"].get<std::int64_t>();
  const auto got = sink_->wait_for(before + 1);
  ASSERT_EQ(got.size(), before + 1);
  const auto& m = got.back();
  EXPECT_EQ(m.headers.at("To"), "<jf.a@batam.go.id>");
  EXPECT_EQ(m.headers.at("Subject"), "Tatakerja: langkah penugasan");
  EXPECT_NE(m.body.find("menugaskan"), std::string::npos) << m.body;
  EXPECT_NE(m.body.find("https://kerja.batam.go.id/penugasan/" + std::to_string(id)),
            std::string::npos)
      << m.body;
  // The inbox still holds it; kabid_a, who acted, and who has no address, gets no e-mail.
  const auto inbox =
      json::parse(srv().call("GET", "/api/v1/me/notifications", "", srv().headers("jf_a")).body);
  EXPECT_NE(inbox.dump().find("menugaskan"), std::string::npos);
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_EQ(sink_->messages().size(), before + 1);
}

}  // namespace
}  // namespace tatakerja
