// Crash safety of the work system's writes (issue 12): the real `tatakerja serve` runs as a child
// process on a SQLite file holding the demo and the assignment tests' cast
// (tests/work/assignment_cast.hpp). Executors, each in a thread with a session of their own, plan
// activities and carry them out (mulai, a progress note, ajukan) as fast as they can, while the
// officials of their review chains pass them on (teruskan) and accept them (terima). Every answer
// 2xx is recorded with what it reported (the activity's id and version, the step's or note's id).
// After a deterministic but arbitrary number of acknowledged writes the server is killed with
// SIGKILL and started again on the same file. Then:
// - every acknowledged change is there, as the restarted server shows it: each planned activity,
//   each step and note with its id, and a version at least the one acknowledged;
// - nothing is half-written: activities == their `rencanakan` steps == their `create` audit
//   entries; each activity's version counts its steps and notes, its `update` audit entries its
//   steps after the plan and its notes, its steps follow one another up to its state; and no more
//   writes are there than were acknowledged plus one in flight per client;
// - the database passes PRAGMA integrity_check and the audit log's hash chain is whole;
// - the server takes writes again, and SIGTERM stops it cleanly (exit 0).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "app/audit.hpp"
#include "http_client.hpp"
#include "persistence/sql_stores.hpp"
#include "sample/demo.hpp"
#include "serve_child.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "work/assignment_cast.hpp"

namespace tatakerja {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::HttpClient;
using testing::ServeChild;
using Headers = std::vector<std::pair<std::string, std::string>>;

struct Session {
  std::string cookie;
  std::string csrf;
  Headers headers() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
};

Session sign_in(unsigned short port, const std::string& who) {
  HttpClient c(port);
  const auto a = c.request("POST", "/api/v1/auth/login",
                           json{{"username", who}, {"password", testing::kPassword}}.dump());
  EXPECT_EQ(a.status, 200) << who << ": " << a.body;
  Session s;
  const std::string set = a.header("Set-Cookie");
  s.cookie = set.substr(0, set.find(';'));
  const auto j = json::parse(a.body, nullptr, false);
  if (j.is_object() && j.contains("csrf_token")) s.csrf = j["csrf_token"].get<std::string>();
  return s;
}

// One write the server acknowledged (answered 2xx), with what its answer reported.
struct Ack {
  std::string who;        // the cast alias whose session wrote it
  std::string kind;       // "rencana", "langkah" or "catatan"
  std::int64_t activity;  // the activity's id
  std::int64_t version;   // the activity's version in the answer
  std::int64_t item;      // the step's or the note's id (0 for a plan)
  std::string detail;     // the step's transition or the note's text
};

class Ledger {
 public:
  void add(Ack a) {
    std::lock_guard lock(mutex_);
    acks_.push_back(std::move(a));
    ++count_;
  }
  // An answer that is neither an acknowledgement nor an expected refusal.
  void unexpected(const std::string& what) {
    std::lock_guard lock(mutex_);
    unexpected_.push_back(what);
  }
  int count() const { return count_.load(); }
  std::vector<Ack> acks() const {
    std::lock_guard lock(mutex_);
    return acks_;
  }
  std::vector<std::string> unexpected_answers() const {
    std::lock_guard lock(mutex_);
    return unexpected_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<Ack> acks_;
  std::vector<std::string> unexpected_;
  std::atomic<int> count_{0};
};

// The id of the newest entry of `list` (the answer's "steps" or "notes") whose `field` is `value`.
std::int64_t newest_with(const json& list, const char* field, const std::string& value) {
  std::int64_t id = 0;
  for (const auto& x : list) {
    if (x.value(field, "") == value) id = std::max(id, x["id"].get<std::int64_t>());
  }
  return id;
}

// An executor: plans its own activities and carries each out up to its submission.
void execute(unsigned short port, const std::string& who, const Session& s, Ledger& ledger) {
  HttpClient c(port);
  for (int i = 1; i <= 1000; ++i) {
    const json plan = {{"title", "Kegiatan uji ketahanan " + who + " " + std::to_string(i)},
                       {"target", "Laporan uji tersusun"},
                       {"budget", 1000000 + i},
                       {"start", "2026-06-01"},
                       {"end", "2026-06-30"}};
    auto a = c.request("POST", "/api/v1/activities", plan.dump(), s.headers());
    if (a.status != 201) return ledger.unexpected(who + " rencana: " + a.body);
    json j = json::parse(a.body);
    const auto id = j["id"].get<std::int64_t>();
    ledger.add({who, "rencana", id, j["version"].get<std::int64_t>(), 0, ""});
    const std::string target = "/api/v1/activities/" + std::to_string(id);
    auto step = [&](const std::string& transition) {
      a = c.request("POST", target + "/steps",
                    json{{"transition", transition}, {"version", j["version"]}}.dump(),
                    s.headers());
      if (a.status != 200) {
        ledger.unexpected(who + " " + transition + ": " + a.body);
        return false;
      }
      j = json::parse(a.body);
      ledger.add({who, "langkah", id, j["version"].get<std::int64_t>(),
                  j["step"]["id"].get<std::int64_t>(), transition});
      return true;
    };
    if (!step("mulai")) return;
    const std::string text = "Kemajuan " + who + " " + std::to_string(i);
    a = c.request(
        "POST", target + "/notes",
        json{{"kind", "kemajuan"}, {"text", text}, {"progress", i % 100}, {"version", j["version"]}}
            .dump(),
        s.headers());
    if (a.status != 201) return ledger.unexpected(who + " catatan: " + a.body);
    j = json::parse(a.body);
    ledger.add({who, "catatan", id, j["version"].get<std::int64_t>(),
                newest_with(j["notes"], "text", text), text});
    if (!step("ajukan")) return;
  }
}

// A reviewer: takes `transition` on every activity in `state` that waits for it, until `stop`.
void review(unsigned short port, const std::string& who, const Session& s, const std::string& state,
            const std::string& transition, const std::atomic<bool>& stop, Ledger& ledger) {
  HttpClient c(port);
  while (!stop) {
    const auto list = c.request("GET", "/api/v1/activities?limit=100", "", s.headers());
    if (list.status != 200) return ledger.unexpected(who + " daftar: " + list.body);
    int taken = 0;
    const json items = json::parse(list.body)["items"];
    for (const auto& item : items) {
      if (!item.value("awaiting_me", false) || item["state"] != state) continue;
      const auto id = item["id"].get<std::int64_t>();
      const auto a = c.request(
          "POST", "/api/v1/activities/" + std::to_string(id) + "/steps",
          json{{"transition", transition}, {"version", item["version"]}}.dump(), s.headers());
      if (a.status == 409) continue;  // a list read just before a change: not an acknowledgement
      if (a.status != 200) return ledger.unexpected(who + " " + transition + ": " + a.body);
      const json j = json::parse(a.body);
      ledger.add({who, "langkah", id, j["version"].get<std::int64_t>(),
                  j["step"]["id"].get<std::int64_t>(), transition});
      ++taken;
    }
    if (taken == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

std::int64_t count(storage::Connection& c, const std::string& sql) {
  return c.query(sql).front().integer(0);
}

// The writes the activities' use cases make, one row each: a plan (its activity), a step after the
// plan, a note.
std::int64_t activity_writes(storage::Connection& c) {
  return count(c, "SELECT COUNT(*) FROM work_activities") +
         count(c, "SELECT COUNT(*) FROM work_activity_steps WHERE transition <> 'rencanakan'") +
         count(c, "SELECT COUNT(*) FROM work_activity_notes");
}

TEST(WorkCrash, ActivityChangesAnsweredBeforeSigkillSurvive) {
  const fs::path dir =
      fs::temp_directory_path() / ("tatakerja_work_crash_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "demo.db").string();
  std::int64_t writes_before = 0;
  {
    auto c = storage::open_database(db);
    storage::migrate(*c);
    persistence::SqlStores s(*c);
    sample::build_demo(s.stores(), std::string(TATAKERJA_DATA_DIR) + "/regulations", 7);
    testing::CastBuilder(s.stores()).build();
    writes_before = activity_writes(*c);
  }

  ServeChild server;
  server.start(db);
  ASSERT_GT(server.port, 0);
  // Executors (Batam's Badan: chain Level II then Level I; the DPMPTSP, a UPTD and a school: Level
  // I only) and the officials who pass their activities on or accept them.
  const std::vector<std::string> executors = {"jf_a", "analis_perizinan", "pranata_lab", "guru"};
  struct Reviewer {
    std::string who, state, transition;
  };
  const std::vector<Reviewer> reviewers = {{"kabid_a", "di_level_ii", "teruskan"},
                                           {"kepala_badan", "di_level_i", "terima"},
                                           {"kadis_pmptsp", "di_level_i", "terima"},
                                           {"kepala_sekolah", "di_level_i", "terima"}};
  std::map<std::string, Session> sessions;
  for (const auto& who : executors) sessions[who] = sign_in(server.port, who);
  for (const auto& r : reviewers) sessions[r.who] = sign_in(server.port, r.who);

  // Killed after an arbitrary number of acknowledged writes, the same on every run (the seed), so
  // that a failure can be run again.
  std::mt19937 random(12);
  const int kill_after = std::uniform_int_distribution<int>(90, 170)(random);
  Ledger ledger;
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (const auto& who : executors) {
    clients.emplace_back([&, who] {
      try {
        execute(server.port, who, sessions.at(who), ledger);
      } catch (const std::exception&) {
        // The server died under us: expected.
      }
    });
  }
  for (const auto& r : reviewers) {
    clients.emplace_back([&, r] {
      try {
        review(server.port, r.who, sessions.at(r.who), r.state, r.transition, stop, ledger);
      } catch (const std::exception&) {
        // The server died under us: expected.
      }
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (ledger.count() < kill_after && ledger.unexpected_answers().empty() &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  // Killed by us, not dead already (a crash, or a sanitizer's report in the child).
  const int killed = server.signal_and_wait(SIGKILL);
  EXPECT_TRUE(WIFSIGNALED(killed) && WTERMSIG(killed) == SIGKILL) << killed;
  stop = true;
  for (auto& t : clients) t.join();
  for (const auto& u : ledger.unexpected_answers()) ADD_FAILURE() << u;
  const std::vector<Ack> acks = ledger.acks();
  // Under the sanitizers on a slow machine the deadline may come first: still mid-load.
  ASSERT_GE(acks.size(), 40u);
  std::map<std::string, int> kinds;
  for (const auto& a : acks) kinds[a.kind == "langkah" ? a.detail : a.kind] += 1;
  EXPECT_GT(kinds["rencana"], 0);
  EXPECT_GT(kinds["mulai"], 0);
  EXPECT_GT(kinds["catatan"], 0);
  EXPECT_GT(kinds["ajukan"], 0);
  EXPECT_GT(kinds["teruskan"] + kinds["terima"], 0);
  std::string summary;
  for (const auto& [k, n] : kinds) summary += " " + k + "=" + std::to_string(n);
  std::printf("Dibunuh setelah %zu penulisan dijawab (ambang %d):%s\n", acks.size(), kill_after,
              summary.c_str());

  // Restarted on the same file: every acknowledged change is there, as the server shows it.
  ServeChild again;
  again.start(db);
  ASSERT_GT(again.port, 0);
  {
    HttpClient c(again.port);
    std::map<std::int64_t, json> shown;
    for (const auto& ack : acks) {
      SCOPED_TRACE(ack.who + " " + ack.kind + " " + ack.detail + " kegiatan " +
                   std::to_string(ack.activity));
      if (!shown.contains(ack.activity)) {
        // The session stored before the crash is still good.
        const auto a = c.request("GET", "/api/v1/activities/" + std::to_string(ack.activity), "",
                                 sessions.at(ack.who).headers());
        ASSERT_EQ(a.status, 200) << a.body;
        shown[ack.activity] = json::parse(a.body);
      }
      const json& j = shown[ack.activity];
      EXPECT_GE(j["version"].get<std::int64_t>(), ack.version);
      if (ack.kind == "langkah") {
        ASSERT_GT(ack.item, 0);
        EXPECT_EQ(newest_with(j["steps"], "transition", ack.detail), ack.item);
      } else if (ack.kind == "catatan") {
        ASSERT_GT(ack.item, 0);
        EXPECT_EQ(newest_with(j["notes"], "text", ack.detail), ack.item);
      }
    }
  }

  // Nothing half-written: each use case writes its rows and its audit entry in one transaction.
  {
    auto c = storage::open_database(db);
    persistence::SqlStores s(*c);
    const auto activities = count(*c, "SELECT COUNT(*) FROM work_activities");
    EXPECT_EQ(count(*c, "SELECT COUNT(*) FROM work_activity_steps WHERE transition = 'rencanakan'"),
              activities);
    EXPECT_EQ(count(*c, "SELECT COUNT(DISTINCT activity_id) FROM work_activity_steps"), activities);
    EXPECT_EQ(
        count(*c, "SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND entity = 'activity'"),
        activities);
    const auto rows = c->query(
        "SELECT a.id, a.version, a.state,"
        " (SELECT COUNT(*) FROM work_activity_steps s WHERE s.activity_id = a.id),"
        " (SELECT COUNT(*) FROM work_activity_notes n WHERE n.activity_id = a.id),"
        " (SELECT COUNT(*) FROM audit_log l WHERE l.action = 'update' AND l.entity = 'activity'"
        "  AND l.entity_id = CAST(a.id AS TEXT)),"
        " (SELECT COUNT(*) FROM work_activity_evidence e WHERE e.activity_id = a.id)"
        " FROM work_activities a ORDER BY a.id");
    ASSERT_EQ(static_cast<std::int64_t>(rows.size()), activities);
    for (const auto& r : rows) {
      const std::int64_t id = r.integer(0);
      SCOPED_TRACE("kegiatan " + std::to_string(id));
      const std::int64_t steps = r.integer(3);
      const std::int64_t notes = r.integer(4);
      const std::int64_t evidence = r.integer(6);  // the demo's office uploads one
      // Version 1 at the plan, one more per change (a step, a note, an evidence file).
      EXPECT_EQ(r.integer(1), steps + notes + evidence);
      EXPECT_EQ(r.integer(5), steps - 1 + notes);  // an update audit entry with every step and note
      std::string state;
      for (const auto& st :
           c->query("SELECT transition, from_state, to_state FROM work_activity_steps"
                    " WHERE activity_id = ? ORDER BY id",
                    {storage::Value(id)})) {
        if (state.empty()) {
          EXPECT_EQ(st.text(0), "rencanakan");
        } else {
          EXPECT_EQ(st.text(1), state) << st.text(0);
        }
        state = st.text(2);
      }
      EXPECT_EQ(state, r.text(2));
    }
    // Each client had at most one write in flight when the server died.
    const std::int64_t unacknowledged =
        activity_writes(*c) - writes_before - static_cast<std::int64_t>(acks.size());
    EXPECT_GE(unacknowledged, 0);
    EXPECT_LE(unacknowledged, static_cast<std::int64_t>(clients.size()));
    std::printf("Tertulis tanpa jawaban: %lld\n", static_cast<long long>(unacknowledged));

    const auto check = c->query("PRAGMA integrity_check");
    ASSERT_FALSE(check.empty());
    EXPECT_EQ(check.front().text(0), "ok");
    const auto chain = app::verify_audit_chain(s.stores());
    EXPECT_TRUE(chain.ok) << chain.problem;
  }

  // It takes writes again.
  {
    HttpClient c(again.port);
    const auto a = c.request("POST", "/api/v1/activities",
                             json{{"title", "Kegiatan setelah mulai ulang"},
                                  {"start", "2026-07-01"},
                                  {"end", "2026-07-31"}}
                                 .dump(),
                             sessions.at("guru").headers());
    EXPECT_EQ(a.status, 201) << a.body;
  }
  const int status = again.signal_and_wait(SIGTERM);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace tatakerja
