// The authorisation matrix of the assignment actions (issue 12 item 3), as a table: every action
// against every kind of caller, through a real server on the demo database with the tests' cast
// (assignment_cast.hpp). The request: an across-units appointment in the Sekretariat Daerah of
// Kabupaten Kupang, from Bagian Organisasi (its leader `kabag_organisasi` requests) for the
// official `perancang_hukum` of Bagian Hukum, whose Kepala Bagian is a Plt (`plt_kabag_hukum`),
// the official's appraiser. A refused call writes nothing (no audit entry).
#include <gtest/gtest.h>

#include <latch>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "assignment_server.hpp"

namespace tatakerja {
namespace {

using json = nlohmann::json;
using testing::AssignmentServer;
using testing::HttpAnswer;

// The callers, in the columns' order, and who plays each.
struct Caller {
  const char* kind;
  const char* who;
};
const std::vector<Caller> kCallers = {
    {"anonymous", "anonim"},
    {"member", "pengadministrasi_organisasi"},
    {"lead", "analis_organisasi"},
    {"appraiser of another unit", "kabid_perizinan"},
    {"unit leader", "kabag_organisasi"},
    {"Level I", "sekda_kupang"},
    {"Plt of the unit leader", "plt_kabag_hukum"},
    {"administrator", "admin"},
    {"the official", "perancang_hukum"},
};

// One action's expected status per caller (kCallers' order).
struct Row {
  const char* action;
  std::vector<int> status;
};
const std::vector<Row> kMatrix = {
    //                    anon member lead other leader  L-I   Plt  admin official
    {"mechanisms", /*  */ {401, 200, 200, 200, 200, 200, 200, 200, 200}},
    {"create", /*      */ {401, 403, 403, 403, 201, 403, 403, 403, 403}},
    {"approve", /*     */ {401, 403, 403, 403, 403, 403, 200, 403, 403}},
    {"refuse", /*      */ {401, 403, 403, 403, 403, 403, 200, 403, 403}},
    {"receive", /*     */ {401, 403, 403, 403, 403, 403, 403, 403, 200}},
    {"list mine", /*   */ {401, 200, 200, 200, 200, 200, 200, 200, 200}},
    {"get one", /*     */ {401, 403, 403, 403, 200, 403, 200, 200, 200}},
    {"inbox", /*       */ {401, 200, 200, 200, 200, 200, 200, 200, 200}},
    {"mark read", /*   */ {401, 404, 404, 404, 404, 404, 200, 404, 404}},
};
// Those for whom the request is in their list (GET /assignments).
const std::vector<bool> kListed = {false, false, false, false, true, false, true, false, true};

class AssignmentMatrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<AssignmentServer>("assignment_matrix");
  }
  static void TearDownTestSuite() { server_.reset(); }
  AssignmentServer& srv() { return *server_; }
  std::int64_t person(const std::string& alias) { return srv().cast().people.at(alias); }

  json request_body() {
    return {{"mechanism", "penunjukan_lintas_unit"},
            {"owner_unit_id", srv().cast().units.at("kupang_organisasi")},
            {"official_employee_id", person("perancang_hukum")},
            {"title", "Telaah rancangan peraturan"}};
  }
  // A fresh request by the unit leader; its id.
  std::int64_t fresh_request() {
    const auto a = srv().call("POST", "/api/v1/assignments", request_body().dump(),
                              srv().headers("kabag_organisasi"));
    EXPECT_EQ(a.status, 201) << a.body;
    return json::parse(a.body)["id"].get<std::int64_t>();
  }
  HttpAnswer step(const std::string& who, std::int64_t id, const std::string& transition,
                  int version) {
    json body{{"transition", transition}, {"version", version}};
    if (transition == "tolak") body["reason"] = "Beban kerja bagian sudah penuh";
    return srv().call("POST", "/api/v1/assignments/" + std::to_string(id) + "/steps", body.dump(),
                      srv().headers(who));
  }
  // What `action` needs, set up before the call (fresh requests): the assignment and version a
  // step is taken on.
  std::pair<std::int64_t, int> prepare(const std::string& action) {
    if (action == "approve" || action == "refuse") return {fresh_request(), 1};
    if (action == "receive") {
      const auto id = fresh_request();
      EXPECT_EQ(step("plt_kabag_hukum", id, "setujui", 1).status, 200);
      return {id, 2};
    }
    return {0, 0};
  }
  // The caller's answer to `action`.
  HttpAnswer act(const std::string& action, const std::string& who,
                 std::pair<std::int64_t, int> on) {
    if (action == "mechanisms") {
      return srv().call("GET", "/api/v1/assignment-mechanisms", "", srv().headers(who));
    }
    if (action == "create") {
      return srv().call("POST", "/api/v1/assignments", request_body().dump(), srv().headers(who));
    }
    if (action == "approve") return step(who, on.first, "setujui", on.second);
    if (action == "refuse") return step(who, on.first, "tolak", on.second);
    if (action == "receive") return step(who, on.first, "terima", on.second);
    if (action == "list mine") {
      return srv().call("GET", "/api/v1/assignments", "", srv().headers(who));
    }
    if (action == "get one") {
      return srv().call("GET", "/api/v1/assignments/" + std::to_string(shared_), "",
                        srv().headers(who));
    }
    if (action == "inbox") {
      return srv().call("GET", "/api/v1/me/notifications", "", srv().headers(who));
    }
    // mark read: the Plt's notification about the shared request.
    return srv().call("POST", "/api/v1/me/notifications/" + std::to_string(notification_) + "/read",
                      "", srv().headers(who));
  }
  std::int64_t shared_request() {
    if (shared_ == 0) shared_ = fresh_request();
    return shared_;
  }
  std::int64_t plt_notification() {
    if (notification_ != 0) return notification_;
    shared_request();
    const auto a =
        srv().call("GET", "/api/v1/me/notifications", "", srv().headers("plt_kabag_hukum"));
    const json inbox = json::parse(a.body);
    for (const auto& n : inbox["items"]) {
      if (n["assignment_id"] == shared_ && !n["id"].is_null()) {
        notification_ = n["id"].get<std::int64_t>();
      }
    }
    EXPECT_NE(notification_, 0);
    return notification_;
  }

  static std::unique_ptr<AssignmentServer> server_;
  std::int64_t shared_ = 0, notification_ = 0;
};

std::unique_ptr<AssignmentServer> AssignmentMatrix::server_;

TEST_F(AssignmentMatrix, EveryActionForEveryCaller) {
  for (const auto& c : kCallers) srv().headers(c.who);  // signed in first: a sign-in is audited
  shared_request();
  plt_notification();
  for (const auto& row : kMatrix) {
    ASSERT_EQ(row.status.size(), kCallers.size()) << row.action;
    for (std::size_t i = 0; i < kCallers.size(); ++i) {
      const std::string action = row.action;
      SCOPED_TRACE(action + " by " + kCallers[i].kind);
      const auto on = prepare(action);
      const auto before = srv().newest_audit_id();
      const auto got = act(action, kCallers[i].who, on);
      if (got.status >= 400) {
        EXPECT_EQ(srv().newest_audit_id(), before) << "a refused call wrote an audit entry";
      }
      EXPECT_EQ(got.status, row.status[i]) << got.body;
      const json body = json::parse(got.body, nullptr, false);
      if (got.status == 401) {
        EXPECT_EQ(body["error"]["code"], "UNAUTHENTICATED");
      }
      if (got.status == 403 && action != "get one") {
        EXPECT_EQ(body["error"]["code"], "ROLE_REQUIRED") << got.body;
      }
      if (action == "list mine" && got.status == 200) {
        bool listed = false;
        for (const auto& x : body["items"]) listed = listed || x["id"] == shared_;
        EXPECT_EQ(listed, kListed[i]);
      }
    }
  }
}

// The changes need the session's CSRF token: without it, 403 CSRF_INVALID and nothing written.
TEST_F(AssignmentMatrix, ChangesNeedTheCsrfToken) {
  const auto id = fresh_request();
  const testing::Headers cookie_only = {{"Cookie", srv().as("plt_kabag_hukum").cookie}};
  const auto before = srv().newest_audit_id();
  auto a = srv().call("POST", "/api/v1/assignments/" + std::to_string(id) + "/steps",
                      json{{"transition", "setujui"}, {"version", 1}}.dump(), cookie_only);
  EXPECT_EQ(a.status, 403) << a.body;
  EXPECT_EQ(json::parse(a.body)["error"]["code"], "CSRF_INVALID");
  a = srv().call("POST", "/api/v1/assignments", request_body().dump(),
                 {{"Cookie", srv().as("kabag_organisasi").cookie}});
  EXPECT_EQ(a.status, 403) << a.body;
  EXPECT_EQ(srv().newest_audit_id(), before);
}

// Two approvals of the same request sent to the server at once: one is taken (200), the other
// answers 409 VERSION_CONFLICT; the request has one approval step.
TEST_F(AssignmentMatrix, TwoApprovalsAtOnceOverHttp) {
  srv().headers("plt_kabag_hukum");
  for (int round = 0; round < 5; ++round) {
    const auto id = fresh_request();
    std::latch start(2);
    int status[2] = {0, 0};
    std::string code[2];
    auto approve = [&](int k) {
      const auto h = srv().headers("plt_kabag_hukum");
      start.arrive_and_wait();
      const auto a = srv().call("POST", "/api/v1/assignments/" + std::to_string(id) + "/steps",
                                json{{"transition", "setujui"}, {"version", 1}}.dump(), h);
      status[k] = a.status;
      const json j = json::parse(a.body, nullptr, false);
      if (j.is_object() && j.contains("error")) code[k] = j["error"]["code"].get<std::string>();
    };
    std::thread t0(approve, 0), t1(approve, 1);
    t0.join();
    t1.join();
    EXPECT_EQ(std::min(status[0], status[1]), 200) << "round " << round;
    EXPECT_EQ(std::max(status[0], status[1]), 409) << "round " << round;
    EXPECT_EQ(code[status[0] == 409 ? 0 : 1], "VERSION_CONFLICT");
    const auto got =
        srv().call("GET", "/api/v1/assignments/" + std::to_string(id), "", srv().headers("admin"));
    const json a = json::parse(got.body);
    EXPECT_EQ(a["version"], 2);
    EXPECT_EQ(a["steps"].size(), 2u);
  }
}

}  // namespace
}  // namespace tatakerja
