// The JSON API over a generated government, without the transport (handle_api_request, as the
// server and the API fuzz target call it): the answer cache retires only the answers that read
// what a change touched, and the chart and unit tree come by subtree and depth, no answer over
// 1 MB however large the agency.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "api/answer_cache.hpp"
#include "api/config.hpp"
#include "api/dispatch.hpp"
#include "api/rate_limiter.hpp"
#include "api/router.hpp"
#include "api/scope_board.hpp"
#include "api/session_memo.hpp"
#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "persistence/sql_stores.hpp"
#include "sample/generator.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using org::Id;

constexpr std::size_t kMegabyte = 1024 * 1024;

class GeneratedApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("tatakerja_scope_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    conn_ = storage::open_database((dir_ / "province.db").string()).release();
    storage::migrate(*conn_);
    store_ = new persistence::SqlStores(*conn_);
    sample::GeneratorOptions options;
    options.people = 12000;
    options.units = 400;
    options.agencies = 3;
    sample::generate_province(store_->stores(), options);
    // The agency with the most positions, and another.
    const auto rows = conn_->query(
        "SELECT agency_id FROM positions WHERE abolished = 0 GROUP BY agency_id ORDER BY "
        "COUNT(*) DESC, agency_id");
    ASSERT_GE(rows.size(), 2u);
    largest_ = rows[0].integer(0);
    other_ = rows[1].integer(0);
  }
  static void TearDownTestSuite() {
    delete store_;
    delete conn_;
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // GET `target` through the API with `answers` as its cache and a board that reads the
  // revisions on every request (`board`, when given, instead).
  static server::Response get(const std::string& target, server::AnswerCache& answers,
                              server::ScopeBoard* board = nullptr) {
    server::Request req;
    req.method = "GET";
    req.target = target;
    req.client_address = "127.0.0.1";
    std::optional<Id> user;
    server::ScopeBoard every_request(std::chrono::milliseconds(0));
    return server::handle_api_request(
        req, store_->stores(),
        server::ApiShared{config_, limiter(), answers, board ? *board : every_request, nullptr},
        user);
  }
  static json get_json(const std::string& target) {
    server::AnswerCache none(0);
    const auto r = get(target, none);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return json::parse(r.body);
  }
  static server::RateLimiter& limiter() {
    static server::RateLimiter l;
    return l;
  }
  static std::string agency(Id id) { return "/api/v1/agencies/" + std::to_string(id); }

  static inline fs::path dir_;
  static inline storage::Connection* conn_ = nullptr;
  static inline persistence::SqlStores* store_ = nullptr;
  static inline Id largest_ = 0, other_ = 0;
  static inline server::ServerConfig config_;
};

// A change to one agency leaves the cached answers about another in place (hits, the same body)
// and retires its own (a miss, then the new content).
TEST_F(GeneratedApi, AChangeToOneAgencyKeepsAnothersCachedAnswers) {
  server::AnswerCache answers(32 * kMegabyte);
  const std::string a_units = agency(largest_) + "/units";
  const std::string b_units = agency(other_) + "/units";
  const std::string b_chart = agency(other_) + "/chart";
  const std::string b_page = agency(other_);
  for (const auto& t : {a_units, b_units, b_chart, b_page}) ASSERT_EQ(get(t, answers).status, 200);
  const std::string b_units_body = get(b_units, answers).body;
  const auto before = answers.stats();
  EXPECT_EQ(before.hits, 1u);

  // Rename a unit of agency A (the largest).
  const json a_first = json::parse(get(a_units, answers).body);
  const Id unit_id = a_first["items"][0]["id"].get<Id>();
  auto unit = store_->org().unit(unit_id);
  ASSERT_TRUE(unit);
  unit->name = "Sekretariat Yang Dinamai Ulang";
  store_->org().update_unit(*unit);

  const auto after_change = answers.stats();
  for (const auto& t : {b_units, b_chart, b_page}) ASSERT_EQ(get(t, answers).status, 200);
  EXPECT_EQ(get(b_units, answers).body, b_units_body);
  const auto kept = answers.stats();
  EXPECT_EQ(kept.hits, after_change.hits + 4);  // B's answers: all from the cache
  EXPECT_EQ(kept.misses, after_change.misses);

  const json a_now = json::parse(get(a_units, answers).body);  // A's: computed again
  EXPECT_EQ(answers.stats().misses, kept.misses + 1);
  EXPECT_EQ(a_now["items"][0]["name"], "Sekretariat Yang Dinamai Ulang");
  // A's position page reads A too: retired by the next change to A, while B's stays.
  const Id a_position =
      json::parse(get(agency(largest_) + "/chart", answers).body)["nodes"][0]["position_id"]
          .get<Id>();
  const std::string a_page = "/api/v1/positions/" + std::to_string(a_position);
  ASSERT_EQ(get(a_page, answers).status, 200);
  ASSERT_EQ(get(a_page, answers).status, 200);
  const auto hits = answers.stats().hits;
  unit->name = "Sekretariat";
  store_->org().update_unit(*unit);
  ASSERT_EQ(get(a_page, answers).status, 200);
  ASSERT_EQ(get(b_units, answers).status, 200);
  EXPECT_EQ(answers.stats().hits, hits + 1);  // B's units only
}

// Issue 12: the work system's answers differ per person (my assignments and activities, the inbox,
// a letter for its readers) or follow work-system records: none is ever kept by the answer cache,
// so none can be served to another person. And its writes (a rule, an assignment's notification, a
// letter's number, their audit entries) touch no registry scope: the registry's cached answers
// stay.
TEST_F(GeneratedApi, WorkSystemAnswersAreNeverCachedAndItsWritesKeepTheRegistrys) {
  int work_routes = 0;
  for (const auto& r : server::route_list()) {
    const std::string_view p = r.pattern;
    const bool work =
        p.starts_with("/assignment") || p.starts_with("/me/") || p.starts_with("/letters") ||
        p.starts_with("/verifikasi") || p.starts_with("/teams") || p.ends_with("/teams") ||
        p.find("/work-rules") != std::string_view::npos ||  // and its diagrams
        p.ends_with("/letter-scheme") || p.starts_with("/activit") || p.starts_with("/evidence") ||
        p.starts_with("/report") || p.starts_with("/escalations") || p.ends_with("/work-results");
    if (!work) continue;
    ++work_routes;
    EXPECT_EQ(r.reads, 0u) << r.method << " " << p << " may be answered from the cache";
  }
  // 18, the two diagrams (item 7), the activities' 9 (item 4), accountability's 7 (item 5)
  EXPECT_GE(work_routes, 36);

  server::AnswerCache answers(32 * kMegabyte);
  const std::string page = agency(other_);
  const std::string units = agency(other_) + "/units";
  ASSERT_EQ(get(page, answers).status, 200);
  ASSERT_EQ(get(units, answers).status, 200);
  const auto cached = answers.stats();
  const auto agency_row = store_->org().agency(other_);
  ASSERT_TRUE(agency_row);
  {
    Transaction tx(store_->stores().transactions);
    work::Rule rule;
    rule.region_id = agency_row->region_id;
    rule.kind = work::RuleKind::Rework;
    rule.key = "pengembalian";
    rule.statement = "Dikembalikan untuk disesuaikan kembali";
    store_->stores().work.insert_rule(rule);
    work::Notification n;
    n.employee_id = 1;
    n.kind = "langkah";
    n.message = "Uji: sebuah langkah penugasan";
    n.created_at = app::now_iso_utc();
    store_->stores().work.insert_notification(n);
    store_->stores().letters.next_letter_sequence(other_, 2026);
    app::record_audit(store_->stores(), app::cli_actor(), "update", "work_rule", "1", "", "{}");
    tx.commit();
  }
  ASSERT_EQ(get(page, answers).status, 200);
  ASSERT_EQ(get(units, answers).status, 200);
  EXPECT_EQ(answers.stats().hits, cached.hits + 2);  // both from the cache
  EXPECT_EQ(answers.stats().misses, cached.misses);
}

// With the boards of a running server (two workers, a recheck far longer than the test): a cache
// hit reads no revision, a change request of the server retires what it touched on every worker
// at once, and a change made outside the server (here: straight through the store, as the CLI
// would) reaches the cached answers at the next recheck, not before.
TEST_F(GeneratedApi, WorkersSeeTheServersChangesAtOnceAndOthersAtTheRecheck) {
  server::AnswerCache answers(32 * kMegabyte);
  server::ScopeBoard first(std::chrono::hours(1)), second(std::chrono::hours(1));
  const std::string units = agency(largest_) + "/units";
  ASSERT_EQ(get(units, answers, &first).status, 200);
  const std::string before = get(units, answers, &second).body;  // a hit on the other worker
  EXPECT_EQ(answers.stats().hits, 1u);

  // Outside the server: a unit renamed; the boards do not know yet.
  const Id unit_id = json::parse(before)["items"][0]["id"].get<Id>();
  auto unit = store_->org().unit(unit_id);
  ASSERT_TRUE(unit);
  const std::string old_name = unit->name;
  unit->name = "Sekretariat Diubah Dari Luar";
  store_->org().update_unit(*unit);
  EXPECT_EQ(get(units, answers, &first).body, before);

  // A change request of the server ends (here: a sign-in, which is one): both boards reload and
  // the renamed unit shows on either worker.
  app::add_account(store_->stores(), app::cli_actor(), "pembaca", "Pembaca", "kata-sandi-panjang",
                   identity::Role::Employee, std::nullopt);
  server::Request login;
  login.method = "POST";
  login.target = "/api/v1/auth/login";
  login.client_address = "127.0.0.1";
  login.headers.emplace_back("Content-Type", "application/json");
  login.body = R"({"username":"pembaca","password":"kata-sandi-panjang"})";
  std::optional<Id> user;
  const auto changes = answers.changes();
  const auto account_changes = answers.account_changes();
  ASSERT_EQ(server::handle_api_request(
                login, store_->stores(),
                server::ApiShared{config_, limiter(), answers, first, nullptr}, user)
                .status,
            200);
  EXPECT_GT(answers.changes(), changes);
  EXPECT_GT(answers.account_changes(), account_changes);  // a session was started
  const json now = json::parse(get(units, answers, &second).body);
  EXPECT_EQ(now["items"][0]["name"], "Sekretariat Diubah Dari Luar");
  EXPECT_EQ(json::parse(get(units, answers, &first).body), now);

  unit->name = old_name;
  store_->org().update_unit(*unit);
}

// A worker's memory of sessions: a resumed session is answered from memory until a change
// request of this server ends, the recheck passes or the session expires; an account switched off
// outside the server is refused from the next recheck on.
TEST_F(GeneratedApi, RememberedSessionsFollowChangesAndTheRecheck) {
  const auto user = app::add_account(store_->stores(), app::cli_actor(), "memo", "Memo",
                                     "kata-sandi-panjang", identity::Role::Employee, std::nullopt);
  const std::int64_t now = 1'800'000'000;
  const auto started = app::start_session(store_->stores(), user.id, now, 3600);
  server::SessionMemo memo(std::chrono::milliseconds(100), 2);
  const auto t0 = server::SessionMemo::Clock::now();
  ASSERT_TRUE(memo.resume(store_->stores(), started.token, now, 7, t0));
  EXPECT_FALSE(memo.resume(store_->stores(), "no-such-token", now, 7, t0));
  EXPECT_EQ(memo.size(), 1u);  // an unknown token is not remembered

  auto off = *store_->identity().user_by_username("memo");
  off.active = false;
  store_->identity().update_user(off);  // outside the server (as the CLI would)
  EXPECT_TRUE(
      memo.resume(store_->stores(), started.token, now, 7, t0 + std::chrono::milliseconds(50)));
  EXPECT_FALSE(
      memo.resume(store_->stores(), started.token, now, 7, t0 + std::chrono::milliseconds(150)));

  off.active = true;
  store_->identity().update_user(off);
  ASSERT_TRUE(memo.resume(store_->stores(), started.token, now, 7, t0));
  off.active = false;
  store_->identity().update_user(off);
  EXPECT_FALSE(memo.resume(store_->stores(), started.token, now, 8, t0));  // a change request ended
  off.active = true;
  store_->identity().update_user(off);
  ASSERT_TRUE(memo.resume(store_->stores(), started.token, now, 8, t0));
  EXPECT_FALSE(memo.resume(store_->stores(), started.token, now + 3600, 8, t0));  // expired
}

// Only the identity routes' changes make the workers read their remembered sessions again: a
// step of an activity or a registry edit leaves them in place (under a write load every request
// would otherwise read its session and account again).
TEST(SessionMemoInvalidation, OnlyAccountAndSessionRoutesCount) {
  for (const char* p : {"/auth/logout", "/auth/password", "/auth/email", "/auth/sessions/4",
                        "/users", "/users/7/disable", "/users/7/sessions", "/users/7/email"}) {
    EXPECT_TRUE(server::changes_accounts(p)) << p;
  }
  for (const char* p : {"/activities", "/activities/5/steps", "/letters/3/sign", "/units/2",
                        "/me/notifications/read", "/usersx", "/author", "/regions/1/users"}) {
    EXPECT_FALSE(server::changes_accounts(p)) << p;
  }
}

// The chart opens at the top levels with a small answer; each node says how many of its
// subordinates were left out, and asking for a node as the root pages through them; no answer is
// over 1 MB, even at the largest depth and limit.
TEST_F(GeneratedApi, ChartBySubtreeAndDepth) {
  const json agency_page = get_json(agency(largest_));
  const auto positions = agency_page["position_count"].get<std::int64_t>();
  ASSERT_GT(positions * 200, static_cast<std::int64_t>(kMegabyte));  // the whole chart: > 1 MB

  server::AnswerCache none(0);
  const auto first = get(agency(largest_) + "/chart", none);
  ASSERT_EQ(first.status, 200);
  EXPECT_LT(first.body.size(), 64 * 1024u);
  const json screen = json::parse(first.body);
  ASSERT_FALSE(screen["nodes"].empty());
  EXPECT_LE(screen["nodes"].size(), 50u);
  const json& head = screen["nodes"][0];
  EXPECT_TRUE(head["superior_id"].is_null());
  std::int64_t shown = 0;
  for (const auto& n : screen["nodes"]) {
    if (n["superior_id"] == head["position_id"]) ++shown;
    EXPECT_TRUE(n["holder_name"].is_null());  // anonymous
    EXPECT_EQ(
        n["hidden_children"].get<std::int64_t>(), n["subordinate_count"].get<std::int64_t>() - [&] {
          std::int64_t k = 0;
          for (const auto& m : screen["nodes"])
            if (m["superior_id"] == n["position_id"]) ++k;
          return k;
        }());
  }
  EXPECT_EQ(head["subordinate_count"].get<std::int64_t>() - shown,
            head["hidden_children"].get<std::int64_t>());

  // Every subordinate of the head, page by page with the head as the root.
  const std::string root = agency(largest_) +
                           "/chart?root=" + std::to_string(head["position_id"].get<Id>()) +
                           "&depth=2&limit=100";
  std::int64_t seen = 0;
  for (int offset = 0;; offset += 99) {
    const json page = get_json(root + "&offset=" + std::to_string(offset));
    ASSERT_EQ(page["nodes"][0]["position_id"], head["position_id"]);
    const auto children = static_cast<std::int64_t>(page["nodes"].size()) - 1;
    for (std::size_t i = 1; i < page["nodes"].size(); ++i)
      EXPECT_EQ(page["nodes"][i]["superior_id"], head["position_id"]);
    seen += children;
    if (children < 99) break;
  }
  EXPECT_EQ(seen, head["subordinate_count"].get<std::int64_t>());

  // The largest answer the parameters allow stays under 1 MB.
  const auto widest = get(agency(largest_) + "/chart?depth=10&limit=500", none);
  ASSERT_EQ(widest.status, 200);
  EXPECT_LE(widest.body.size(), kMegabyte);
  EXPECT_EQ(json::parse(widest.body)["nodes"].size(), 500u);

  EXPECT_EQ(get(agency(largest_) + "/chart?depth=0", none).status, 400);
  EXPECT_EQ(get(agency(largest_) + "/chart?depth=11", none).status, 400);
  EXPECT_EQ(get(agency(largest_) + "/chart?limit=501", none).status, 400);
  const Id elsewhere = get_json(agency(other_) + "/chart")["nodes"][0]["position_id"].get<Id>();
  EXPECT_EQ(get(agency(largest_) + "/chart?root=" + std::to_string(elsewhere), none).status, 404);
}

// The unit tree likewise: the top units with a level under them, each unit with its count of
// child units and how many were left out; a unit's children by ?parent=.
TEST_F(GeneratedApi, UnitTreeBySubtreeAndDepth) {
  server::AnswerCache none(0);
  const auto first = get(agency(largest_) + "/units", none);
  ASSERT_EQ(first.status, 200);
  EXPECT_LT(first.body.size(), 64 * 1024u);
  const json tree = json::parse(first.body);
  ASSERT_FALSE(tree["items"].empty());
  EXPECT_LE(tree["items"].size(), 50u);
  const json* parent = nullptr;
  for (const auto& u : tree["items"]) {
    if (u["child_count"].get<std::int64_t>() > 0) {
      parent = &u;
      break;
    }
  }
  ASSERT_NE(parent, nullptr);
  const json children =
      get_json(agency(largest_) + "/units?parent=" + std::to_string((*parent)["id"].get<Id>()) +
               "&depth=1&limit=500");
  EXPECT_EQ(static_cast<std::int64_t>(children["items"].size()),
            (*parent)["child_count"].get<std::int64_t>());
  for (const auto& u : children["items"]) EXPECT_EQ(u["parent_id"], (*parent)["id"]);

  const auto widest = get(agency(largest_) + "/units?depth=10&limit=500", none);
  ASSERT_EQ(widest.status, 200);
  EXPECT_LE(widest.body.size(), kMegabyte);
  const Id elsewhere = get_json(agency(other_) + "/units")["items"][0]["id"].get<Id>();
  EXPECT_EQ(get(agency(largest_) + "/units?parent=" + std::to_string(elsewhere), none).status, 404);
}

}  // namespace
}  // namespace tatakerja
