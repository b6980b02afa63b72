// The assignment scenarios (issue 12 item 3): every file of tests/work/scenarios is a list of
// actions by named people of the cast (assignment_cast.hpp) and what must follow (states, the
// letter, notifications, audit entries, refusals), run against a real server on a loopback port
// (assignment_server.hpp). The files' language is in tests/work/scenarios/README.md. Any answer
// that is not 2xx must have written nothing: no audit entry and the assignment unchanged.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "assignment_server.hpp"
#include "storage/database.hpp"

namespace tatakerja {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::AssignmentServer;
using testing::HttpAnswer;

// Words, a quoted text ("...") being one word; `key="a b"` keeps its key.
std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false, any = false;
  for (const char c : line) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (!quoted && (c == ' ' || c == '\t')) {
      if (any) out.push_back(cur);
      cur.clear();
      any = false;
    } else {
      cur += c;
      any = true;
    }
  }
  if (any) out.push_back(cur);
  return out;
}

struct Action {
  int line = 0;
  std::vector<std::string> args;               // before "=>"
  std::map<std::string, std::string> options;  // key=value among them
  std::vector<std::string> expect;             // after "=>"
};

std::vector<Action> read_scenario(const fs::path& file) {
  std::ifstream in(file);
  std::vector<Action> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    const auto w = words(line);
    if (w.empty() || w[0].starts_with("#")) continue;
    Action a;
    a.line = n;
    bool after = false;
    for (const auto& x : w) {
      if (x == "=>") {
        after = true;
      } else if (after) {
        a.expect.push_back(x);
      } else if (const auto eq = x.find('='); eq != std::string::npos && !a.args.empty()) {
        a.options[x.substr(0, eq)] = x.substr(eq + 1);
      } else {
        a.args.push_back(x);
      }
    }
    out.push_back(a);
  }
  return out;
}

std::vector<std::string> scenario_files() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(TATAKERJA_SCENARIO_DIR)) {
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class AssignmentScenario : public ::testing::TestWithParam<std::string> {
 protected:
  static void SetUpTestSuite() {
    server_ = std::make_unique<AssignmentServer>("assignment_scenarios");
  }
  static void TearDownTestSuite() { server_.reset(); }

  AssignmentServer& srv() { return *server_; }
  std::int64_t id_of(const std::string& alias, bool unit) {
    const auto& m = unit ? srv().cast().units : srv().cast().people;
    const auto it = m.find(alias);
    EXPECT_NE(it, m.end()) << "no " << (unit ? "unit " : "person ") << alias << " in the cast";
    return it == m.end() ? 0 : it->second;
  }
  // The current record's address: the assignment, or after "rencana" the activity.
  std::string current_path() const {
    return activity_mode_ ? "/api/v1/activities/" + std::to_string(activity_)
                          : "/api/v1/assignments/" + std::to_string(assignment_);
  }
  json current() {
    const auto a = srv().call("GET", current_path(), "", srv().headers("admin"));
    EXPECT_EQ(a.status, 200) << a.body;
    return json::parse(a.body);
  }
  std::vector<json> inbox_about(const std::string& who) {
    const auto a = srv().call("GET", "/api/v1/me/notifications?limit=200", "", srv().headers(who));
    EXPECT_EQ(a.status, 200) << a.body;
    std::vector<json> out;
    const json body = json::parse(a.body);
    for (const auto& n : body["items"]) {
      if (activity_mode_ ? n["activity_id"] == activity_ : n["assignment_id"] == assignment_) {
        out.push_back(n);
      }
    }
    return out;
  }
  // Checks an answer against "=> status [state-or-code]"; for a refusal, that nothing was
  // written.
  void check_answer(const Action& a, const HttpAnswer& got, std::int64_t audit_before,
                    const json& before) {
    ASSERT_FALSE(a.expect.empty()) << "line " << a.line << ": no expected answer";
    EXPECT_EQ(std::to_string(got.status), a.expect[0]) << "line " << a.line << ": " << got.body;
    const json body = json::parse(got.body, nullptr, false);
    if (got.status >= 200 && got.status < 300) {
      if (body.contains("id") && body.contains("state")) {
        (activity_mode_ ? activity_ : assignment_) = body["id"].get<std::int64_t>();
        if (a.expect.size() > 1) {
          EXPECT_EQ(body["state"], a.expect[1]) << "line " << a.line;
        }
      }
      return;
    }
    if (a.expect.size() > 1) {
      EXPECT_EQ(body["error"]["code"], a.expect[1]) << "line " << a.line << ": " << got.body;
    }
    EXPECT_EQ(srv().newest_audit_id(), audit_before) << "line " << a.line << " wrote an audit";
    if (!before.empty()) {
      const json now = current();
      EXPECT_EQ(now["version"], before["version"]) << "line " << a.line << " changed it";
      EXPECT_EQ(now["steps"].size(), before["steps"].size()) << "line " << a.line;
      EXPECT_EQ(now.value("steps_total", -1), before.value("steps_total", -1)) << "line " << a.line;
    }
  }

  void create(const Action& a) {
    ASSERT_GE(a.args.size(), 3u) << "line " << a.line << ": ajukan <who> <mechanism>";
    json body{{"mechanism", a.args[2]},
              {"owner_unit_id", id_of(a.options.at("unit"), true)},
              {"title", a.options.contains("judul") ? a.options.at("judul") : "Penugasan uji"}};
    if (a.options.contains("pejabat")) {
      body["official_employee_id"] = id_of(a.options.at("pejabat"), false);
    }
    if (a.options.contains("unit_tujuan")) {
      body["target_unit_id"] = id_of(a.options.at("unit_tujuan"), true);
    }
    if (a.options.contains("rincian")) body["details"] = a.options.at("rincian");
    if (a.options.contains("tugas_pokok")) {
      body["within_main_duties"] = a.options.at("tugas_pokok") == "ya";
    }
    const auto who = srv().headers(a.args[1]);  // signed in before: a sign-in is audited
    const auto audit = srv().newest_audit_id();
    const auto got = srv().call("POST", "/api/v1/assignments", body.dump(), who);
    check_answer(a, got, audit, json::object());
  }

  void step(const Action& a) {
    ASSERT_GE(a.args.size(), 3u) << "line " << a.line << ": langkah <who> <transition>";
    const json before = current();
    int version = before["version"].get<int>();
    if (a.options.contains("versi") && a.options.at("versi") == "lama") version -= 1;
    json body{{"transition", a.args[2]}, {"version", version}};
    if (a.options.contains("alasan")) body["reason"] = a.options.at("alasan");
    if (a.options.contains("pejabat")) {
      body["official_employee_id"] = id_of(a.options.at("pejabat"), false);
    }
    const auto who = srv().headers(a.args[1]);  // signed in before: a sign-in is audited
    const auto audit = srv().newest_audit_id();
    const auto got = srv().call(
        "POST", "/api/v1/assignments/" + std::to_string(assignment_) + "/steps", body.dump(), who);
    check_answer(a, got, audit, before);
  }

  // An administrator adds a step to a region's mechanism rule, with a reason.
  void rule(const Action& a) {
    ASSERT_GE(a.args.size(), 4u) << "line " << a.line << ": aturan <region> <mechanism> <step>";
    std::int64_t region = 0;
    const json regions = json::parse(srv().call("GET", "/api/v1/regions").body);
    for (const auto& r : regions["items"]) {
      if (r["name"] == a.args[1]) region = r["id"].get<std::int64_t>();
    }
    ASSERT_NE(region, 0) << a.args[1];
    const std::string path = "/api/v1/regions/" + std::to_string(region) + "/work-rules";
    const json rules = json::parse(srv().call("GET", path, "", srv().headers("admin")).body);
    json items = json::array();
    for (const auto& r : rules["rules"]) {
      if (r["kind"] == "mekanisme" && r["key"] == a.args[2]) items = r["items"];
    }
    items.push_back(a.args[3]);
    const auto got = srv().call("PATCH", path,
                                json{{"kind", "mekanisme"},
                                     {"key", a.args[2]},
                                     {"items", items},
                                     {"reason", "Tenggat jawaban ditetapkan (uji skenario)"}}
                                    .dump(),
                                srv().headers("admin"));
    EXPECT_EQ(got.status, 200) << got.body;
  }

  // --- activities (issue 12 item 4) ---

  std::int64_t team_id(const std::string& name) {
    const auto id = srv().team_id(name);
    EXPECT_NE(id, 0) << "no team " << name;
    return id;
  }

  // rencana <who> [pelaksana=] [unit=] [tim=] [judul=] [anggaran=] [mulai=] [selesai=]
  void plan(const Action& a) {
    ASSERT_GE(a.args.size(), 2u) << "line " << a.line << ": rencana <who>";
    const auto opt = [&](const char* key, const char* fallback) {
      return a.options.contains(key) ? a.options.at(key) : std::string(fallback);
    };
    json body{{"title", opt("judul", "Kegiatan uji")},
              {"start", opt("mulai", "2026-02-02")},
              {"end", opt("selesai", "2026-03-31")},
              {"budget", std::stoll(opt("anggaran", "0"))},
              {"details", "Rincian kegiatan uji skenario"}};
    if (a.options.contains("pelaksana")) {
      body["executor_employee_id"] = id_of(a.options.at("pelaksana"), false);
    }
    if (a.options.contains("unit")) body["owner_unit_id"] = id_of(a.options.at("unit"), true);
    if (a.options.contains("tim")) body["team_id"] = team_id(a.options.at("tim"));
    if (a.options.contains("peran")) {
      body["roles"] = json::array(
          {{{"employee_id", id_of(a.options.at("peran"), false)}, {"role", "Pengolah data"}}});
    }
    activity_mode_ = true;
    const auto who = srv().headers(a.args[1]);
    const auto audit = srv().newest_audit_id();
    const auto got = srv().call("POST", "/api/v1/activities", body.dump(), who);
    check_answer(a, got, audit, json::object());
  }

  // kegiatan <who> <transition> [alasan=] [versi=lama]
  void activity_step(const Action& a) {
    ASSERT_GE(a.args.size(), 3u) << "line " << a.line << ": kegiatan <who> <transition>";
    const json before = current();
    int version = before["version"].get<int>();
    if (a.options.contains("versi") && a.options.at("versi") == "lama") version -= 1;
    json body{{"transition", a.args[2]}, {"version", version}};
    if (a.options.contains("alasan")) body["reason"] = a.options.at("alasan");
    const auto who = srv().headers(a.args[1]);
    const auto audit = srv().newest_audit_id();
    const auto got = srv().call("POST", current_path() + "/steps", body.dump(), who);
    check_answer(a, got, audit, before);
  }

  // catat <who> kemajuan|umpan_balik "<text>" [persen=]
  void note(const Action& a) {
    ASSERT_GE(a.args.size(), 4u) << "line " << a.line << ": catat <who> <kind> <text>";
    const json before = current();
    json body{{"kind", a.args[2]}, {"text", a.args[3]}, {"version", before["version"]}};
    if (a.options.contains("persen")) body["progress"] = std::stoi(a.options.at("persen"));
    const auto who = srv().headers(a.args[1]);
    const auto audit = srv().newest_audit_id();
    const auto got = srv().call("POST", current_path() + "/notes", body.dump(), who);
    check_answer(a, got, audit, before);
  }

  // bukti <who> <file name> pdf|png|teks|exe|besar: an evidence file of that content.
  void evidence(const Action& a) {
    ASSERT_GE(a.args.size(), 4u) << "line " << a.line << ": bukti <who> <name> <content>";
    const json before = current();
    std::string content;
    const std::string& kind = a.args[3];
    if (kind == "pdf") content = "%PDF-1.4\n% bukti dukung uji\n%%EOF\n";
    if (kind == "png") content = std::string("\x89PNG\r\n\x1a\n", 8) + "data";
    if (kind == "teks") content = "Notulen rapat koordinasi\nHadir: 12 orang\n";
    if (kind == "exe") content = std::string("MZ\x90\0\x03\0\0\0", 8) + "program";
    if (kind == "besar") content = "%PDF-1.4\n" + std::string(10U * 1024U * 1024U, 'x');
    auto who = srv().headers(a.args[1]);
    who.emplace_back("Content-Type", "application/octet-stream");
    const auto audit = srv().newest_audit_id();
    const auto got = srv().call(
        "POST",
        current_path() + "/evidence?version=" + std::to_string(before["version"].get<int>()) +
            "&name=" + a.args[2],
        content, who);
    ASSERT_FALSE(a.expect.empty());
    EXPECT_EQ(std::to_string(got.status), a.expect[0]) << "line " << a.line << ": " << got.body;
    const json body = json::parse(got.body, nullptr, false);
    if (got.status == 201) {
      // Read back: the same bytes, the checksum of them.
      const auto file = srv().call("GET", body["path"].get<std::string>().substr(0), "",
                                   srv().headers(a.args[1]));
      EXPECT_EQ(file.status, 200);
      EXPECT_EQ(file.body, content);
      EXPECT_EQ(body["size"], content.size());
      EXPECT_EQ(body["sha256"].get<std::string>().size(), 64u);
      return;
    }
    if (a.expect.size() > 1) {
      EXPECT_EQ(body["error"]["code"], a.expect[1]) << got.body;
    }
    EXPECT_EQ(srv().newest_audit_id(), audit) << "line " << a.line << " wrote an audit";
    EXPECT_EQ(current()["version"], before["version"]) << "line " << a.line << " changed it";
  }

  // rantai <role,role,...>: the review chain's stops, in order.
  void chain(const Action& a) {
    std::string roles;
    const json now = current();
    for (const auto& s : now["chain"]) {
      if (!roles.empty()) roles += ",";
      roles += s["role"].get<std::string>();
    }
    EXPECT_EQ(roles, a.args.at(1));
  }

  // pekerjaan <who> memuat|tanpa [menunggu=ya|tidak]: the activity in the person's list.
  void my_work(const Action& a) {
    const auto got =
        srv().call("GET", "/api/v1/activities?limit=100", "", srv().headers(a.args.at(1)));
    ASSERT_EQ(got.status, 200) << got.body;
    const json list = json::parse(got.body);
    const json* found = nullptr;
    for (const auto& x : list["items"]) {
      if (x["id"] == activity_) found = &x;
    }
    EXPECT_EQ(found != nullptr, a.args.at(2) == "memuat") << a.args[1];
    if (found != nullptr && a.options.contains("menunggu")) {
      EXPECT_EQ((*found)["awaiting_me"].get<bool>(), a.options.at("menunggu") == "ya") << a.args[1];
    }
  }

  // --- accountability (issue 12 item 5) ---

  // bentuk_tim "<name>" unit=<unit> ketua=<who> anggota=<who>[,<who>...]: the administrator
  // forms a team.
  void form_team(const Action& a) {
    json members = json::array();
    std::stringstream list(a.options.at("anggota"));
    for (std::string m; std::getline(list, m, ',');) members.push_back(id_of(m, false));
    const auto got = srv().call("POST", "/api/v1/teams",
                                json{{"name", a.args.at(1)},
                                     {"kind", "insidental"},
                                     {"target", "Target uji"},
                                     {"owner_unit_id", id_of(a.options.at("unit"), true)},
                                     {"lead_employee_id", id_of(a.options.at("ketua"), false)},
                                     {"member_employee_ids", members},
                                     {"formed", "2026-01-05"}}
                                    .dump(),
                                srv().headers("admin"));
    ASSERT_EQ(got.status, 201) << got.body;
  }

  // Checks a status (and a code) of an answer that is not about the current record.
  void check_status(const Action& a, const HttpAnswer& got, std::int64_t audit_before) {
    ASSERT_FALSE(a.expect.empty()) << "line " << a.line << ": no expected answer";
    EXPECT_EQ(std::to_string(got.status), a.expect[0]) << "line " << a.line << ": " << got.body;
    const json body = json::parse(got.body, nullptr, false);
    if (got.status >= 300) {
      if (a.expect.size() > 1) {
        EXPECT_EQ(body["error"]["code"], a.expect[1]) << got.body;
      }
      EXPECT_EQ(srv().newest_audit_id(), audit_before) << "line " << a.line << " wrote an audit";
    }
  }

  // lapor <who> anggota|tim|individu [tim=] [hasil=<member>] [permintaan=terakhir]
  void report(const Action& a) {
    ASSERT_GE(a.args.size(), 3u) << "line " << a.line << ": lapor <who> <kind>";
    json body{{"kind", a.args[2]},
              {"period_start", "2026-01-01"},
              {"period_end", "2026-01-31"},
              {"summary", a.options.contains("ringkasan") ? a.options.at("ringkasan")
                                                          : "Laporan kerja bulan Januari"}};
    if (a.options.contains("tim")) body["team_id"] = team_id(a.options.at("tim"));
    if (a.options.contains("hasil")) {  // one member or several, separated by commas
      body["member_results"] = json::array();
      std::stringstream members(a.options.at("hasil"));
      for (std::string m; std::getline(members, m, ',');) {
        body["member_results"].push_back(
            {{"member_employee_id", id_of(m, false)},
             {"result", "Menyelesaikan peta proses bisnis tepat waktu"}});
      }
    }
    if (a.options.contains("permintaan")) body["request_id"] = request_;
    const auto who = srv().headers(a.args[1]);
    const auto audit = srv().newest_audit_id();
    const auto got = srv().call("POST", "/api/v1/reports", body.dump(), who);
    check_status(a, got, audit);
    if (got.status == 201) report_ = json::parse(got.body)["id"].get<std::int64_t>();
  }

  // minta <who> <asked> [tim=] [tenggat=]
  void ask(const Action& a) {
    ASSERT_GE(a.args.size(), 3u) << "line " << a.line << ": minta <who> <asked>";
    json body{{"asked_employee_id", id_of(a.args[2], false)},
              {"due", a.options.contains("tenggat") ? a.options.at("tenggat") : "2099-12-31"},
              {"note", "Mohon laporan perkembangan"}};
    if (a.options.contains("tim")) body["team_id"] = team_id(a.options.at("tim"));
    const auto who = srv().headers(a.args[1]);
    const auto audit = srv().newest_audit_id();
    const auto got = srv().call("POST", "/api/v1/report-requests", body.dump(), who);
    check_status(a, got, audit);
    if (got.status == 201) request_ = json::parse(got.body)["id"].get<std::int64_t>();
  }

  // eskalasi <who> tim= [lintas_unit=ya] [alternatif=]
  void escalate(const Action& a) {
    json body{{"team_id", team_id(a.options.at("tim"))},
              {"problem", "Data dari bagian lain belum diterima"},
              {"several_units", a.options.contains("lintas_unit")}};
    body["alternatives"] = a.options.contains("alternatif")
                               ? json::array({a.options.at("alternatif")})
                               : json::array();
    const auto who = srv().headers(a.args.at(1));
    const auto audit = srv().newest_audit_id();
    const auto got = srv().call("POST", "/api/v1/escalations", body.dump(), who);
    check_status(a, got, audit);
  }

  // pesan <who> memuat|tanpa "<text>" [tentang=laporan|permintaan]: a notification in the
  // person's inbox with the text; `tentang`: it names the last report or request for a report.
  void message(const Action& a) {
    const auto got =
        srv().call("GET", "/api/v1/me/notifications?limit=200", "", srv().headers(a.args.at(1)));
    ASSERT_EQ(got.status, 200) << got.body;
    bool found = false;
    const json list = json::parse(got.body);
    for (const auto& n : list["items"]) {
      if (n["message"].get<std::string>().find(a.args.at(3)) == std::string::npos) continue;
      found = true;
      if (!a.options.contains("tentang")) continue;
      const bool report = a.options.at("tentang") == "laporan";
      EXPECT_EQ(n[report ? "report_id" : "report_request_id"], report ? report_ : request_)
          << "line " << a.line << ": " << n.dump();
    }
    EXPECT_EQ(found, a.args.at(2) == "memuat") << a.args[1] << ": \"" << a.args[3] << "\"";
  }

  // hasil <who> <member> => <status> [<count>]: the accounts of the member's results.
  void results(const Action& a) {
    const auto got = srv().call(
        "GET", "/api/v1/employees/" + std::to_string(id_of(a.args.at(2), false)) + "/work-results",
        "", srv().headers(a.args.at(1)));
    EXPECT_EQ(std::to_string(got.status), a.expect.at(0)) << got.body;
    if (got.status == 200 && a.expect.size() > 1) {
      EXPECT_EQ(json::parse(got.body)["items"].size(), std::stoul(a.expect[1]));
    }
  }

  // laporan <who> => <status> [<results>]: GET /reports/{the last report}, and how many
  // members' results the reader sees in it.
  void read_report(const Action& a) {
    const auto got = srv().call("GET", "/api/v1/reports/" + std::to_string(report_), "",
                                srv().headers(a.args.at(1)));
    EXPECT_EQ(std::to_string(got.status), a.expect.at(0)) << "line " << a.line << ": " << got.body;
    if (got.status == 200 && a.expect.size() > 1) {
      EXPECT_EQ(json::parse(got.body)["member_results"].size(), std::stoul(a.expect[1]))
          << "line " << a.line;
    }
  }

  // hasil_tim <who> tim="<team>" => <status> [<results>]: GET /teams/{id}/accountability, and how
  // many members' results the reader sees across the team's reports.
  void team_results(const Action& a) {
    const auto got = srv().call(
        "GET", "/api/v1/teams/" + std::to_string(team_id(a.options.at("tim"))) + "/accountability",
        "", srv().headers(a.args.at(1)));
    EXPECT_EQ(std::to_string(got.status), a.expect.at(0)) << "line " << a.line << ": " << got.body;
    if (got.status == 200 && a.expect.size() > 1) {
      std::size_t seen = 0;
      const json overview = json::parse(got.body);
      for (const auto& r : overview["reports"]) seen += r["member_results"].size();
      EXPECT_EQ(seen, std::stoul(a.expect[1])) << "line " << a.line << ": " << got.body;
    }
  }

  // dijawab ya|tidak: whether the last request has been answered by a report.
  void answered(const Action& a) {
    auto c = storage::open_database(srv().db());
    const auto rows =
        c->query("SELECT report_id FROM work_report_requests WHERE id = ?", {request_});
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(!rows[0].is_null(0), a.args.at(1) == "ya");
  }

  void run(const Action& a) {
    const std::string& verb = a.args[0];
    SCOPED_TRACE("line " + std::to_string(a.line));
    if (verb == "ajukan") {
      activity_mode_ = false;
      return create(a);
    }
    if (verb == "rencana") return plan(a);
    if (verb == "lapor") return report(a);
    if (verb == "bentuk_tim") return form_team(a);
    if (verb == "minta") return ask(a);
    if (verb == "eskalasi") return escalate(a);
    if (verb == "pesan") return message(a);
    if (verb == "hasil") return results(a);
    if (verb == "laporan") return read_report(a);
    if (verb == "hasil_tim") return team_results(a);
    if (verb == "dijawab") return answered(a);
    if (verb == "kegiatan") return activity_step(a);
    if (verb == "catat") return note(a);
    if (verb == "bukti") return evidence(a);
    if (verb == "rantai") return chain(a);
    if (verb == "pekerjaan") return my_work(a);
    if (verb == "langkah") return step(a);
    if (verb == "aturan") return rule(a);
    if (verb == "audit") {
      const auto got = srv().call("GET", "/api/v1/audit?limit=1", "", srv().headers("admin"));
      const json e = json::parse(got.body)["items"][0];
      EXPECT_EQ(e["action"], a.args.at(1));
      EXPECT_EQ(e["entity"], a.args.at(2));
      if (a.args.size() > 3) {
        EXPECT_EQ(e["username"], a.args.at(3));
      }
      return;
    }
    ASSERT_NE(activity_mode_ ? activity_ : assignment_, 0) << "no assignment or activity yet";
    if (verb == "keadaan") {
      EXPECT_EQ(current()["state"], a.args.at(1));
    } else if (verb == "surat") {
      EXPECT_EQ(current()["letter_kind"], a.args.at(1));
    } else if (verb == "terbit") {
      // The letter issued when it became "ditugaskan": its kind and a number, or none yet.
      const json letter = current()["letter"];
      if (a.args.at(1) == "belum") {
        EXPECT_TRUE(letter.is_null()) << letter.dump();
      } else {
        ASSERT_TRUE(letter.is_object());
        EXPECT_EQ(letter["kind"], a.args.at(1));
        EXPECT_EQ(letter["status"], "berlaku");
        EXPECT_FALSE(letter["number"].get<std::string>().empty());
      }
    } else if (verb == "riwayat") {
      std::string taken;
      const json now = current();
      for (const auto& s : now["steps"]) {
        if (!taken.empty()) taken += ",";
        taken += s["transition"].get<std::string>() + ":" + s["role"].get<std::string>();
      }
      EXPECT_EQ(taken, a.args.at(1));
    } else if (verb == "alasan") {
      EXPECT_EQ(current()["steps"].back()["reason"], a.args.at(1));
    } else if (verb == "kotak") {
      const auto about = inbox_about(a.args.at(1));
      if (a.args.at(2) == "tanpa") {
        EXPECT_TRUE(about.empty()) << a.args[1] << " was notified";
      } else {
        const std::string text = a.args.at(3);
        bool found = false;
        for (const auto& n : about) {
          found = found || n["message"].get<std::string>().find(text) != std::string::npos;
        }
        EXPECT_TRUE(found) << a.args[1] << " has no notification with \"" << text << "\"";
      }
    } else if (verb == "daftar") {
      const auto got =
          srv().call("GET", "/api/v1/assignments?limit=200", "", srv().headers(a.args.at(1)));
      bool listed = false;
      const json list = json::parse(got.body);
      for (const auto& x : list["items"]) listed = listed || x["id"] == assignment_;
      EXPECT_EQ(listed, a.args.at(2) == "memuat") << a.args[1];
    } else if (verb == "kemajuan") {
      EXPECT_EQ(current()["progress"], std::stoi(a.args.at(1)));
    } else if (verb == "catatan") {
      // catatan <kind> <count>: how many notes of that kind it has.
      int n = 0;
      const json now = current();
      for (const auto& x : now["notes"]) n += x["kind"] == a.args.at(1) ? 1 : 0;
      EXPECT_EQ(n, std::stoi(a.args.at(2)));
    } else if (verb == "lihat") {
      const auto got = srv().call("GET", current_path(), "", srv().headers(a.args.at(1)));
      EXPECT_EQ(std::to_string(got.status), a.expect.at(0)) << got.body;
    } else if (verb == "mundur") {
      // The waiting began `n` days earlier: written straight into the test's database, the one
      // way to let working days pass in a test that does not wait.
      auto c = storage::open_database(srv().db());
      const int days = std::stoi(a.args.at(1));
      c->execute(
          "UPDATE work_assignments SET state_since = strftime('%Y-%m-%dT%H:%M:%SZ', state_since, "
          "?) WHERE id = ?",
          {std::string("-") + std::to_string(days) + " days", assignment_});
    } else if (verb == "terlambat") {
      const json now = current();
      EXPECT_EQ(now["overdue"].get<bool>(), a.args.at(1) == "ya");
      if (a.options.contains("hari")) {
        EXPECT_EQ(now["answer_days"], std::stoi(a.options.at("hari")));
      }
    } else if (verb == "baca") {
      const auto about = inbox_about(a.args.at(1));
      ASSERT_FALSE(about.empty());
      const auto got = srv().call(
          "POST",
          "/api/v1/me/notifications/" + std::to_string(about.front()["id"].get<int>()) + "/read",
          "", srv().headers(a.args.at(1)));
      EXPECT_EQ(got.status, 200) << got.body;
      EXPECT_TRUE(json::parse(got.body)["read"].get<bool>());
    } else {
      ADD_FAILURE() << "unknown action " << verb;
    }
  }

  static std::unique_ptr<AssignmentServer> server_;
  std::int64_t assignment_ = 0;
  std::int64_t activity_ = 0;
  std::int64_t report_ = 0, request_ = 0;
  bool activity_mode_ = false;  // the current record is an activity
};

std::unique_ptr<AssignmentServer> AssignmentScenario::server_;

TEST_P(AssignmentScenario, RunsAsWritten) {
  const auto actions = read_scenario(GetParam());
  ASSERT_FALSE(actions.empty()) << GetParam();
  for (const auto& a : actions) {
    run(a);
    if (HasFatalFailure()) return;
  }
}

std::string scenario_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string s = fs::path(info.param).stem().string();
  for (char& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

INSTANTIATE_TEST_SUITE_P(Files, AssignmentScenario, ::testing::ValuesIn(scenario_files()),
                         scenario_name);

}  // namespace
}  // namespace tatakerja
