// Crash safety of the real program: `tatakerja serve` runs as a child process on a temporary
// SQLite file; several client threads create employees (distinct valid NIPs) as fast as they can;
// the server is killed with SIGKILL in the middle of the burst and started again on the same file.
// Every write that was answered 201 must be there, the database must pass PRAGMA integrity_check,
// the audit log's hash chain must be whole, the server must serve again, and SIGTERM must stop
// it cleanly (exit 0).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "http_client.hpp"
#include "org/nip.hpp"
#include "persistence/sql_stores.hpp"
#include "serve_child.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::HttpClient;

using testing::ServeChild;

TEST(ServerCrash, WritesAnsweredBeforeSigkillSurvive) {
  const fs::path dir =
      fs::temp_directory_path() / ("tatakerja_crash_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "registry.db").string();
  org::Id region_id = 0;
  {
    auto c = storage::open_database(db);
    storage::migrate(*c);
    persistence::SqlStores s(*c);
    storage::Transaction tx(*c);
    region_id = s.org().insert_region({0, "kota-uji", "Kota Uji", org::RegionKind::City});
    app::create_user(s.stores(), app::cli_actor(), "penulis", "Penulis", "kata-sandi-penulis-1",
                     identity::Role::RegistryAdmin, std::nullopt);
    tx.commit();
  }

  ServeChild server;
  server.start(db);
  ASSERT_GT(server.port, 0);
  std::string cookie, csrf;
  {
    HttpClient c(server.port);
    const auto a = c.request("POST", "/api/v1/auth/login",
                             R"({"username":"penulis","password":"kata-sandi-penulis-1"})");
    ASSERT_EQ(a.status, 200) << a.body;
    const std::string set = a.header("Set-Cookie");
    cookie = set.substr(0, set.find(';'));
    csrf = json::parse(a.body)["csrf_token"].get<std::string>();
  }

  std::mutex mutex;
  std::vector<std::string> confirmed;
  std::atomic<int> answered{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      try {
        HttpClient c(server.port);
        for (int i = 1; i <= 999; ++i) {
          const std::string nip = org::make_nip(Date{1980, 1, 1 + t}, 2005, 1, org::Sex::Male, i);
          const json body = {{"nip", nip},
                             {"name", "Pegawai Uji " + std::to_string(i)},
                             {"kind", "PNS"},
                             {"rank", "III/a"},
                             {"region_id", region_id}};
          const auto a = c.request("POST", "/api/v1/employees", body.dump(),
                                   {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
          if (a.status == 201) {
            std::lock_guard lock(mutex);
            confirmed.push_back(nip);
          }
          ++answered;
        }
      } catch (const std::exception&) {
        // The server died under us: expected.
      }
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (answered < 40 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  // Killed by us, not dead already (a crash, or a sanitizer's report in the child).
  const int killed = server.signal_and_wait(SIGKILL);
  EXPECT_TRUE(WIFSIGNALED(killed) && WTERMSIG(killed) == SIGKILL) << killed;
  for (auto& t : clients) t.join();
  ASSERT_GE(confirmed.size(), 20u);

  // Restart on the same file: it serves again, and every confirmed write is there.
  ServeChild again;
  again.start(db);
  {
    HttpClient c(again.port);
    const auto a = c.request("GET", "/api/v1/health");
    EXPECT_EQ(a.status, 200);
    // The session stored before the crash still signs in.
    const auto me = c.request("GET", "/api/v1/auth/me", "", {{"Cookie", cookie}});
    EXPECT_EQ(me.status, 200);
  }
  {
    auto c = storage::open_database(db);
    persistence::SqlStores s(*c);
    for (const auto& nip : confirmed) EXPECT_TRUE(s.org().employee_by_nip(nip)) << nip;
    const auto rows = c->query("PRAGMA integrity_check");
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.front().text(0), "ok");
    // Each write's audit entry was committed with it: the hash chain is whole up to its head.
    const auto chain = app::verify_audit_chain(s.stores());
    EXPECT_TRUE(chain.ok) << chain.problem;
    EXPECT_GE(chain.chained, static_cast<std::int64_t>(confirmed.size()));
  }
  // SIGTERM: a graceful stop with exit code 0.
  const int status = again.signal_and_wait(SIGTERM);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace tatakerja
