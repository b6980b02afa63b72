// Issue 10 on real databases: concurrent writers, each on its own connection, never fork the
// audit chain, and a verifier running meanwhile always sees a whole one (SQLite and PostgreSQL); a
// SQLite backup taken with the online backup API while another thread writes holds every change
// acknowledged before the backup began, restores, passes integrity_check and `audit verify`.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "app/audit.hpp"
#include "app/registry_changes.hpp"
#include "persistence/sql_stores.hpp"
#include "storage/backup.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "support/registry_seed.hpp"
#include "support/test_backends.hpp"

namespace tatakerja {
namespace {

namespace fs = std::filesystem;

class ConcurrentAudit : public testing::BackendTest {};

TEST_P(ConcurrentAudit, WritersOnSeveralConnectionsNeverForkTheChain) {
  auto& db = backend();
  const std::string url = db.url();
  constexpr int kThreads = 4;
  constexpr int kEach = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        auto c = storage::open_database(url);
        persistence::SqlStores s(*c);
        for (int i = 0; i < kEach; ++i) {
          Transaction tx(s.stores().transactions);
          app::record_audit(s.stores(), app::Actor{std::nullopt, "writer-" + std::to_string(t)},
                            "update", "position", std::to_string(i), "", "{}");
          tx.commit();
        }
      } catch (const std::exception& e) {
        ++failures;
        ADD_FAILURE() << "writer " << t << ": " << e.what();
      }
    });
  }
  // Meanwhile `audit verify` runs on its own connection: each run sees one whole chain.
  std::atomic<int> writers_left{kThreads};
  std::thread verifier([&] {
    auto c = storage::open_database(url);
    persistence::SqlStores s(*c);
    int runs = 0;
    do {
      const auto v = app::verify_audit_chain(s.stores());
      EXPECT_TRUE(v.ok) << "run " << runs << ": " << v.problem;
      ++runs;
    } while (writers_left.load() > 0 || runs < 3);
  });
  for (auto& th : threads) {
    th.join();
    --writers_left;
  }
  verifier.join();
  EXPECT_EQ(failures.load(), 0);
  const auto v = app::verify_audit_chain(db.stores());
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.chained, kThreads * kEach);
  EXPECT_EQ(v.head.last_id, kThreads * kEach);
}

INSTANTIATE_TEST_SUITE_P(Databases, ConcurrentAudit, ::testing::Values("sqlite", "postgresql"),
                         testing::backend_name);

fs::path temp_dir(const std::string& name) {
  const fs::path d =
      fs::temp_directory_path() / ("tatakerja-" + name + "-" + testing::random_suffix());
  fs::create_directories(d);
  return d;
}

// One writer thread keeps changing a position's code ("C-1", "C-2", ...) through the use case (so
// each change has its chained audit entry) and records which codes were acknowledged (committed)
// and when. The backup is taken meanwhile; every code acknowledged before it began is in it.
TEST(SqliteBackup, TakenUnderWriteLoadHoldsEveryAcknowledgedChange) {
  const fs::path dir = temp_dir("backup");
  const std::string db = (dir / "live.db").string();
  org::Id position = 0;
  {
    auto c = storage::open_database(db);
    storage::migrate(*c);
    persistence::SqlStores s(*c);
    position = testing::seed(s.org()).staff;
  }
  std::atomic<bool> stop{false};
  std::atomic<int> acknowledged{0};  // the highest n whose "C-n" has committed
  std::thread writer([&] {
    auto c = storage::open_database(db);
    persistence::SqlStores s(*c);
    for (int n = 1; !stop.load(); ++n) {
      app::PositionEdit e;
      e.code = "C-" + std::to_string(n);
      app::update_position(s.stores(), app::cli_actor(), position, e);
      acknowledged.store(n);
    }
  });
  while (acknowledged.load() < 50) std::this_thread::yield();
  const int before_backup = acknowledged.load();
  const std::string copy = (dir / "copy.db").string();
  const auto report = storage::backup_sqlite(db, copy);
  const int after_backup = acknowledged.load();
  while (acknowledged.load() < after_backup + 20) std::this_thread::yield();  // writes go on
  stop = true;
  writer.join();
  EXPECT_EQ(report.integrity, "ok");
  EXPECT_GT(report.pages, 0);

  // Restore into a new file and read it as the server would.
  const std::string restored = (dir / "restored.db").string();
  const auto back = storage::restore_sqlite(copy, restored);
  EXPECT_EQ(back.integrity, "ok");
  EXPECT_EQ(storage::sqlite_integrity(restored), "ok");
  auto c = storage::open_database(restored);
  storage::migrate(*c);
  persistence::SqlStores s(*c);
  const std::string code = s.org().position(position)->code;
  ASSERT_EQ(code.rfind("C-", 0), 0u) << code;
  const int in_copy = std::stoi(code.substr(2));
  EXPECT_GE(in_copy, before_backup);  // nothing acknowledged before the backup is missing
  EXPECT_LE(in_copy, after_backup);   // nothing after it finished is in it
  // Every acknowledged change has its audit entry, and the chain is whole.
  const auto v = app::verify_audit_chain(s.stores());
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.chained, in_copy);
  const auto last = s.identity().audit_log({1});
  ASSERT_EQ(last.size(), 1u);
  EXPECT_NE(last[0].after.find("\"C-" + std::to_string(in_copy) + "\""), std::string::npos);

  // The live database went on past the copy; the restore overwrote nothing of it.
  auto live = storage::open_database(db);
  persistence::SqlStores ls(*live);
  EXPECT_GT(std::stoi(ls.org().position(position)->code.substr(2)), in_copy);

  // A backup never overwrites a file, and a damaged backup is not restored.
  EXPECT_THROW(storage::backup_sqlite(db, copy), storage::DatabaseError);
  const std::string junk = (dir / "junk.db").string();
  {
    std::ofstream out(junk, std::ios::binary);
    out << "not a database";
  }
  EXPECT_THROW(storage::restore_sqlite(junk, (dir / "other.db").string()), storage::DatabaseError);
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace tatakerja
