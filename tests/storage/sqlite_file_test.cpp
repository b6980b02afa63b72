// What the SQLite connections of one process share for one file (src/storage/sqlite_file.hpp):
// writers take turns in the process on one writer handle, whose open transaction the other
// connections' reads do not see (the next one starts when the one before commits, rolls back
// or is closed, not after a busy handler's sleep), two spellings of one path are one file, and
// the write-ahead log is copied back by the file's own thread, so that it stays bounded under a
// steady writer although no commit copies it itself.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "storage/database.hpp"

namespace tatakerja::storage {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

class SqliteFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tk-sqlite-file-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "work.db").string();
    auto c = open_database(path_);
    c->execute_script("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)");
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::int64_t count(Connection& c) {
    return c.query("SELECT count(*) FROM t")[0].integer(0);
  }

  fs::path dir_;
  std::string path_;
};

// The second writer waits for the first one's commit and starts right after it; it then sees the
// first one's row. The second connection names the file another way.
TEST_F(SqliteFileTest, SecondWriterStartsWhenTheFirstCommits) {
  auto first = open_database(path_);
  auto second = open_database((dir_ / "." / "work.db").string());
  first->begin();
  first->execute("INSERT INTO t (body) VALUES ('a')");
  // The process's writes share one handle, its reads do not: the open transaction's row is seen
  // by its own connection only.
  EXPECT_EQ(count(*first), 1);
  EXPECT_EQ(count(*second), 0);
  std::atomic<bool> committed{false};
  std::atomic<bool> began{false};
  Clock::time_point began_at{};
  std::int64_t seen = -1;
  std::thread other([&] {
    second->begin();
    began_at = Clock::now();
    began = true;
    EXPECT_TRUE(committed.load());
    seen = count(*second);
    second->execute("INSERT INTO t (body) VALUES ('b')");
    second->commit();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  EXPECT_FALSE(began.load());  // still waiting for its turn
  const auto commit_at = Clock::now();
  committed = true;
  first->commit();
  other.join();
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(count(*first), 2);
  // A waiter is woken by the commit, not by a sleep of SQLite's busy handler (up to 100 ms each).
  EXPECT_LT(began_at - commit_at, std::chrono::milliseconds(50));
}

// A rollback gives the turn back, and so does closing a connection with a transaction open.
TEST_F(SqliteFileTest, RollbackAndCloseEndTheTurn) {
  auto second = open_database(path_);
  {
    auto first = open_database(path_);
    first->begin();
    first->execute("INSERT INTO t (body) VALUES ('a')");
    first->rollback();
    const auto t0 = Clock::now();
    second->begin();
    EXPECT_LT(Clock::now() - t0, std::chrono::milliseconds(50));
    second->rollback();
    first->begin();
    first->execute("INSERT INTO t (body) VALUES ('b')");
  }  // closed with its transaction open
  const auto t0 = Clock::now();
  second->begin();
  EXPECT_LT(Clock::now() - t0, std::chrono::milliseconds(50));
  EXPECT_EQ(count(*second), 0);
  second->commit();
}

// About 10 MB of pages written in small transactions, below the size at which a commit would copy
// the log back itself: the database file fills all the same, without another write, because the
// file's own thread copies the log (SQLite's automatic checkpoint is replaced by its wake-up).
TEST_F(SqliteFileTest, TheFilesThreadCopiesTheLogBack) {
  auto writer = open_database(path_);
  const std::string blob(8000, 'x');  // two pages and more per row
  for (int i = 0; i < 1200; ++i) {
    writer->begin();
    writer->execute("INSERT INTO t (body) VALUES (?)", {blob});
    writer->commit();
  }
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (fs::file_size(path_) < 9'000'000 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GE(fs::file_size(path_), 9'000'000u);
}

// 96 MB of pages written by small transactions while a reader reads between them: the log's file
// stays near the size at which a commit copies it back itself (32 MB; a commit that finds the
// file's thread copying waits for the next one), far below what was written, and every row is
// there.
TEST_F(SqliteFileTest, TheLogStaysBoundedUnderASteadyWriter) {
  auto writer = open_database(path_);
  auto reader = open_database(path_);
  const std::string blob(8000, 'x');
  constexpr int kRows = 12000;
  std::uintmax_t largest = 0;
  for (int i = 0; i < kRows; ++i) {
    writer->begin();
    writer->execute("INSERT INTO t (body) VALUES (?)", {blob});
    writer->commit();
    if (i % 100 == 0) {
      EXPECT_EQ(count(*reader), i + 1);
      std::error_code ec;
      largest = std::max<std::uintmax_t>(largest, fs::file_size(path_ + "-wal", ec));
    }
  }
  EXPECT_EQ(count(*reader), kRows);
  EXPECT_LT(largest, 48u * 1024 * 1024) << "the log grew to " << largest << " bytes";
}

}  // namespace
}  // namespace tatakerja::storage
