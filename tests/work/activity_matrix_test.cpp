// The authorisation matrix of the activity actions (issue 12 item 4), as a table: every action
// against every kind of caller, through a real server on the demo database with the tests' cast
// (assignment_cast.hpp). The activity: the team "Tim Penataan Tata Laksana" of Bagian Organisasi
// in the Sekretariat Daerah of Kabupaten Kupang, carried out by its member; its chain is the lead
// (`analis_organisasi`), the Kepala Bagian (`kabag_organisasi`, Level II), the Asisten and the
// Sekretaris Daerah (`sekda_kupang`, Level I). The Kepala Bagian Organisasi is given a Plh for the
// test (`plt_kabag_hukum`, already Plt elsewhere): an acting holder holds the stop of the position
// he acts in. A refused call writes nothing (no audit entry, the version unchanged).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "assignment_server.hpp"
#include "persistence/sql_stores.hpp"
#include "storage/database.hpp"

namespace tatakerja {
namespace {

using json = nlohmann::json;
using testing::AssignmentServer;
using testing::HttpAnswer;

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
    {"Plh of the unit leader", "plt_kabag_hukum"},
    {"administrator", "admin"},
};

struct Row {
  const char* action;
  std::vector<int> status;
};
const std::vector<Row> kMatrix = {
    //                       anon member lead other leader  L-I   Plh  admin
    {"flows", /*          */ {401, 200, 200, 200, 200, 200, 200, 200}},
    {"plan", /*           */ {401, 201, 201, 403, 201, 201, 201, 403}},
    {"start", /*          */ {401, 200, 403, 403, 403, 403, 403, 403}},
    {"submit", /*         */ {401, 200, 403, 403, 403, 403, 403, 403}},
    {"pass on as lead", /**/ {401, 403, 200, 403, 403, 403, 403, 403}},
    {"pass on as II", /*  */ {401, 403, 403, 403, 200, 403, 200, 403}},
    {"return at I", /*    */ {401, 403, 403, 403, 403, 200, 403, 403}},
    {"accept", /*         */ {401, 403, 403, 403, 403, 200, 403, 403}},
    {"cancel", /*         */ {401, 403, 403, 403, 200, 403, 200, 403}},
    {"progress note", /*  */ {401, 201, 403, 403, 403, 403, 403, 403}},
    {"feedback", /*       */ {401, 403, 201, 403, 201, 201, 201, 403}},
    {"evidence", /*       */ {401, 201, 403, 403, 403, 403, 403, 403}},
    {"get one", /*        */ {401, 200, 200, 403, 200, 200, 200, 200}},
    {"history", /*        */ {401, 200, 200, 403, 200, 200, 200, 200}},
    {"notes", /*          */ {401, 200, 200, 403, 200, 200, 200, 200}},
    {"list mine", /*      */ {401, 200, 200, 200, 200, 200, 200, 200}},
    {"team board", /*     */ {401, 200, 200, 403, 200, 200, 200, 200}},
};

class ActivityMatrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<AssignmentServer>("activity_matrix");
    give_plh();
  }
  static void TearDownTestSuite() { server_.reset(); }
  AssignmentServer& srv() { return *server_; }

  // The Plh of the Kepala Bagian Organisasi, written straight into the test's database (the
  // registry's own rules allow an acting holder beside the definitive one).
  static void give_plh() {
    auto c = storage::open_database(server_->db());
    persistence::SqlStores s(*c);
    const auto& people = server_->cast().people;
    org::Id kabag_position = 0;
    for (const auto& pl : s.stores().org.placements_of_employee(people.at("kabag_organisasi"))) {
      if (!pl.end) kabag_position = pl.position_id;
    }
    ASSERT_NE(kabag_position, 0);
    org::Placement p;
    p.employee_id = people.at("plt_kabag_hukum");
    p.position_id = kabag_position;
    p.start = Date{2026, 1, 5};
    p.kind = org::PlacementKind::Plh;
    s.stores().org.insert_placement(p);
  }

  std::int64_t team_id() {
    if (team_ == 0) team_ = srv().team_id("Tim Penataan Tata Laksana");
    EXPECT_NE(team_, 0);
    return team_;
  }
  json plan_body() {
    return {{"title", "Penyusunan peta proses bisnis"},
            {"team_id", team_id()},
            {"executor_employee_id", srv().cast().people.at("pengadministrasi_organisasi")},
            {"start", "2026-02-02"},
            {"end", "2026-03-31"}};
  }
  std::string path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/activities/" + std::to_string(id) + rest;
  }
  json get(std::int64_t id) {
    const auto a = srv().call("GET", path(id), "", srv().headers("admin"));
    EXPECT_EQ(a.status, 200) << a.body;
    return json::parse(a.body);
  }
  HttpAnswer step(const std::string& who, std::int64_t id, const std::string& transition) {
    json body{{"transition", transition}, {"version", get(id)["version"]}};
    if (transition == "kembalikan" || transition == "batalkan") {
      body["reason"] = "Belum sesuai target";
    }
    return srv().call("POST", path(id, "/steps"), body.dump(), srv().headers(who));
  }
  void must(const std::string& who, std::int64_t id, const std::string& transition) {
    const auto a = step(who, id, transition);
    ASSERT_EQ(a.status, 200) << who << " " << transition << ": " << a.body;
  }
  // A fresh activity by the member, walked up to `state`.
  std::int64_t fresh(const std::string& state) {
    const auto a = srv().call("POST", "/api/v1/activities", plan_body().dump(),
                              srv().headers("pengadministrasi_organisasi"));
    EXPECT_EQ(a.status, 201) << a.body;
    const auto id = json::parse(a.body)["id"].get<std::int64_t>();
    const std::vector<std::pair<const char*, const char*>> walk = {
        {"pengadministrasi_organisasi", "mulai"},
        {"pengadministrasi_organisasi", "ajukan"},
        {"analis_organisasi", "teruskan"},
        {"kabag_organisasi", "teruskan"},
        {"asisten_kupang", "teruskan"}};
    for (const auto& [who, transition] : walk) {
      if (get(id)["state"] == state) break;
      must(who, id, transition);
    }
    EXPECT_EQ(get(id)["state"], state);
    return id;
  }
  // The state each action is taken on.
  static const char* state_for(const std::string& action) {
    if (action == "start" || action == "cancel") return "direncanakan";
    if (action == "submit" || action == "progress note" || action == "evidence" ||
        action == "feedback") {
      return "dilaksanakan";
    }
    if (action == "pass on as lead") return "di_ketua";
    if (action == "pass on as II") return "di_level_ii";
    if (action == "return at I" || action == "accept") return "di_level_i";
    return nullptr;
  }
  HttpAnswer act(const std::string& action, const std::string& who, std::int64_t id) {
    const auto h = srv().headers(who);
    if (action == "flows") return srv().call("GET", "/api/v1/activity-flows", "", h);
    if (action == "plan") return srv().call("POST", "/api/v1/activities", plan_body().dump(), h);
    if (action == "start") return step(who, id, "mulai");
    if (action == "submit") return step(who, id, "ajukan");
    if (action == "pass on as lead" || action == "pass on as II") {
      return step(who, id, "teruskan");
    }
    if (action == "return at I") return step(who, id, "kembalikan");
    if (action == "accept") return step(who, id, "terima");
    if (action == "cancel") return step(who, id, "batalkan");
    if (action == "get one") return srv().call("GET", path(shared_), "", h);
    if (action == "history") return srv().call("GET", path(shared_, "/steps"), "", h);
    if (action == "notes") return srv().call("GET", path(shared_, "/notes"), "", h);
    if (action == "list mine") return srv().call("GET", "/api/v1/activities", "", h);
    if (action == "team board") {
      return srv().call("GET", "/api/v1/teams/" + std::to_string(team_id()) + "/activities", "", h);
    }
    const json version = get(id)["version"];
    if (action == "progress note") {
      return srv().call(
          "POST", path(id, "/notes"),
          json{{"kind", "kemajuan"}, {"text", "Separuh"}, {"progress", 50}, {"version", version}}
              .dump(),
          h);
    }
    if (action == "feedback") {
      return srv().call(
          "POST", path(id, "/notes"),
          json{{"kind", "umpan_balik"}, {"text", "Lengkapi SOP"}, {"version", version}}.dump(), h);
    }
    {
      auto with_type = h;  // evidence
      with_type.emplace_back("Content-Type", "application/octet-stream");
      return srv().call(
          "POST",
          path(id, "/evidence?version=" + std::to_string(version.get<int>()) + "&name=bukti.pdf"),
          "%PDF-1.4\n%%EOF\n", with_type);
    }
    if (action == "get one") return srv().call("GET", path(shared_), "", h);
    if (action == "list mine") return srv().call("GET", "/api/v1/activities", "", h);
    return srv().call("GET", "/api/v1/teams/" + std::to_string(team_id()) + "/activities", "", h);
  }

  static std::unique_ptr<AssignmentServer> server_;
  std::int64_t team_ = 0, shared_ = 0;
};

std::unique_ptr<AssignmentServer> ActivityMatrix::server_;

TEST_F(ActivityMatrix, EveryActionForEveryCaller) {
  for (const auto& c : kCallers) srv().headers(c.who);  // signed in first: a sign-in is audited
  shared_ = fresh("dilaksanakan");
  for (const auto& row : kMatrix) {
    ASSERT_EQ(row.status.size(), kCallers.size()) << row.action;
    for (std::size_t i = 0; i < kCallers.size(); ++i) {
      const std::string action = row.action;
      SCOPED_TRACE(action + " by " + kCallers[i].kind);
      const char* state = state_for(action);
      const std::int64_t id = state ? fresh(state) : 0;
      const json before = id ? get(id) : json();
      const auto audit = srv().newest_audit_id();
      const auto got = act(action, kCallers[i].who, id);
      EXPECT_EQ(got.status, row.status[i]) << got.body;
      if (got.status >= 400) {
        EXPECT_EQ(srv().newest_audit_id(), audit) << "a refused call wrote an audit entry";
        if (id) {
          EXPECT_EQ(get(id)["version"], before["version"]) << "a refused call changed it";
        }
        const json body = json::parse(got.body, nullptr, false);
        if (got.status == 401) {
          EXPECT_EQ(body["error"]["code"], "UNAUTHENTICATED");
        }
      }
    }
  }
}

// The answer about an activity shows its newest 20 steps and notes and how many there are; the
// whole history is read in pages, oldest first; a page outside 1..200 is refused.
TEST_F(ActivityMatrix, TheAnswerShowsTheNewestAndTheHistoryIsPaged) {
  const auto id = fresh("dilaksanakan");
  const auto note = [&](int i) {
    const auto r = srv().call("POST", path(id, "/notes"),
                              json{{"kind", "kemajuan"},
                                   {"text", "Catatan " + std::to_string(i)},
                                   {"version", get(id)["version"]}}
                                  .dump(),
                              srv().headers("pengadministrasi_organisasi"));
    ASSERT_EQ(r.status, 201) << r.body;
  };
  for (int round = 0; round < 6; ++round) {  // 30 more steps: submit, up the chain, returned
    note(round);
    must("pengadministrasi_organisasi", id, "ajukan");
    must("analis_organisasi", id, "teruskan");
    must("kabag_organisasi", id, "teruskan");
    must("asisten_kupang", id, "teruskan");
    must("sekda_kupang", id, "kembalikan");
  }
  for (int i = 6; i < 25; ++i) note(i);
  const json a = get(id);
  ASSERT_GT(a["steps_total"].get<std::int64_t>(), 26);
  ASSERT_EQ(a["steps"].size(), 20u);
  EXPECT_EQ(a["steps"].back()["transition"], "kembalikan");
  ASSERT_EQ(a["notes_total"], 25);
  ASSERT_EQ(a["notes"].size(), 20u);
  EXPECT_EQ(a["notes"].back()["text"], "Catatan 24");

  for (const char* what : {"steps", "notes"}) {
    SCOPED_TRACE(what);
    const auto total = a[std::string(what) + "_total"].get<std::int64_t>();
    std::vector<json> all;
    for (int offset = 0; offset < total; offset += 7) {
      const auto page = srv().call(
          "GET",
          path(id, "/" + std::string(what) + "?offset=" + std::to_string(offset) + "&limit=7"), "",
          srv().headers("pengadministrasi_organisasi"));
      ASSERT_EQ(page.status, 200) << page.body;
      const json p = json::parse(page.body);
      EXPECT_EQ(p["total"], total);
      EXPECT_EQ(p["offset"], offset);
      for (const auto& s : p["items"]) all.push_back(s);
    }
    ASSERT_EQ(static_cast<std::int64_t>(all.size()), total);
    for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1]["id"], all[i]["id"]);
    for (std::size_t i = 0; i < 20; ++i) EXPECT_EQ(all[all.size() - 20 + i], a[what][i]);
    for (const char* bad : {"?limit=0", "?limit=201", "?offset=-1"}) {
      const auto r = srv().call("GET", path(id, "/" + std::string(what) + bad), "",
                                srv().headers("pengadministrasi_organisasi"));
      EXPECT_EQ(r.status, 400) << bad << " " << r.body;
    }
  }
  EXPECT_EQ(a["steps"][0]["transition"], "ajukan");
}

// The answer to a plan is the activity as its author reads it right after. The answer to a step is
// what it changed, put together from what was read to check it and what it wrote, not read again:
// each of its members is the same as in the activity read right after, and its step is the newest
// of that activity's steps, also once the steps pass the 20 shown and after another change came
// between two of one person's.
TEST_F(ActivityMatrix, TheAnswerToAChangeIsTheActivityAsReadAfterIt) {
  const auto read_as = [&](const std::string& who, std::int64_t id) {
    const auto r = srv().call("GET", path(id), "", srv().headers(who));
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  };
  const auto planned = srv().call("POST", "/api/v1/activities", plan_body().dump(),
                                  srv().headers("pengadministrasi_organisasi"));
  ASSERT_EQ(planned.status, 201) << planned.body;
  const json plan = json::parse(planned.body);
  const auto id = plan["id"].get<std::int64_t>();
  EXPECT_EQ(plan, read_as("pengadministrasi_organisasi", id));

  const std::vector<std::pair<const char*, const char*>> round = {
      {"pengadministrasi_organisasi", "ajukan"},
      {"analis_organisasi", "teruskan"},
      {"kabag_organisasi", "teruskan"},
      {"asisten_kupang", "teruskan"},
      {"sekda_kupang", "kembalikan"}};
  const auto taken = [&](const std::string& who, const std::string& transition) {
    const auto r = step(who, id, transition);
    EXPECT_EQ(r.status, 200) << who << " " << transition << ": " << r.body;
    const json answer = json::parse(r.body);
    const json after = read_as(who, id);
    for (const auto& [key, value] : answer.items()) {
      if (key == "step") {
        EXPECT_EQ(value, after["steps"].back()) << who << " " << transition;
        EXPECT_EQ(value["transition"], transition);
      } else {
        EXPECT_EQ(value, after.value(key, json())) << who << " " << transition << ": " << key;
      }
    }
    for (const char* key : {"id", "version", "state", "state_label", "next", "can_note"}) {
      EXPECT_TRUE(answer.contains(key)) << key;
    }
    return after;
  };
  taken("pengadministrasi_organisasi", "mulai");
  for (int i = 0; i < 5; ++i) {
    for (const auto& [who, transition] : round) taken(who, transition);
    const auto r = srv().call("POST", path(id, "/notes"),
                              json{{"kind", "umpan_balik"},
                                   {"text", "Putaran " + std::to_string(i)},
                                   {"version", get(id)["version"]}}
                                  .dump(),
                              srv().headers("kabag_organisasi"));
    ASSERT_EQ(r.status, 201) << r.body;
  }
  const json last = taken("pengadministrasi_organisasi", "ajukan");
  EXPECT_EQ(last["steps"].size(), 20u);
  EXPECT_EQ(last["steps_total"], 28);
  EXPECT_EQ(last["notes_total"], 5);
}

// A step's audit entry records the activity before and after it, the step (its transition, role
// and reason) with the after, and a title with quotes and a backslash comes back as written.
TEST_F(ActivityMatrix, AStepIsAuditedWithTheActivityBeforeAndAfter) {
  json body = plan_body();
  body["title"] = "Telaah \"naskah\" C:\\arsip – ūji";
  const auto planned = srv().call("POST", "/api/v1/activities", body.dump(),
                                  srv().headers("pengadministrasi_organisasi"));
  ASSERT_EQ(planned.status, 201) << planned.body;
  const auto id = json::parse(planned.body)["id"].get<std::int64_t>();
  const auto newest = [&] {
    const auto a = srv().call("GET", "/api/v1/audit?limit=1", "", srv().headers("admin"));
    EXPECT_EQ(a.status, 200) << a.body;
    return json::parse(a.body)["items"][0];
  };
  json e = newest();
  EXPECT_EQ(e["action"], "create");
  EXPECT_EQ(e["after"]["title"], body["title"]);
  EXPECT_EQ(e["after"]["state"], "direncanakan");
  ASSERT_EQ(step("pengadministrasi_organisasi", id, "mulai").status, 200);
  e = newest();
  EXPECT_EQ(e["action"], "update");
  EXPECT_EQ(e["entity"], "activity");
  EXPECT_EQ(e["entity_id"], std::to_string(id));
  EXPECT_EQ(e["before"]["state"], "direncanakan");
  EXPECT_EQ(e["before"]["version"], 1);
  EXPECT_EQ(e["after"]["state"], "dilaksanakan");
  EXPECT_EQ(e["after"]["version"], 2);
  EXPECT_EQ(e["after"]["title"], body["title"]);
  EXPECT_EQ(e["after"]["step"],
            (json{{"transition", "mulai"}, {"role", "pelaksana"}, {"reason", ""}}));
  EXPECT_FALSE(e["before"].contains("step"));
}

// The changes need the session's CSRF token: without it, 403 CSRF_INVALID and nothing written;
// an evidence file is refused before its body is read.
TEST_F(ActivityMatrix, ChangesNeedTheCsrfToken) {
  const auto id = fresh("direncanakan");
  const testing::Headers cookie_only = {{"Cookie", srv().as("pengadministrasi_organisasi").cookie}};
  const auto before = srv().newest_audit_id();
  auto a = srv().call("POST", path(id, "/steps"),
                      json{{"transition", "mulai"}, {"version", 1}}.dump(), cookie_only);
  EXPECT_EQ(a.status, 403) << a.body;
  EXPECT_EQ(json::parse(a.body)["error"]["code"], "CSRF_INVALID");
  a = srv().call("POST", "/api/v1/activities", plan_body().dump(), cookie_only);
  EXPECT_EQ(a.status, 403) << a.body;
  a = srv().call("POST", path(id, "/evidence?version=1&name=a.pdf"), "%PDF-1.4\n", cookie_only);
  EXPECT_EQ(a.status, 403) << a.body;
  EXPECT_EQ(srv().newest_audit_id(), before);
  EXPECT_EQ(get(id)["version"], 1);
}

}  // namespace
}  // namespace tatakerja
