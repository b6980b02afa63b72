// What the SQLite connections of one process share for one file (src/storage/sqlite_file.hpp):
// writers take turns in the process on one writer handle, whose open transaction the other
// connections' reads do not see (the next one starts when the one before commits, rolls back
// or is closed, not after a busy handler's sleep), two spellings of one path are one file, and
// the write-ahead log is copied back by the file's own thread, so that it stays bounded under a
// steady writer although no commit copies it itself. Writers that come while one writes are
// committed together with it, each acknowledged only once the group is committed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

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

// Writers that come while one writes are committed together with it, and each one's commit()
// returns only when its writes are committed: another connection's read sees them at once.
// Among them, one that rolls back loses its own row only.
TEST_F(SqliteFileTest, WritersCommittedTogetherAreEachCommittedWhenTheirCommitReturns) {
  constexpr int kThreads = 6;
  constexpr int kWrites = 150;
  std::atomic<int> unseen{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto writer = open_database(path_);
      auto reader = open_database(path_);
      for (int i = 0; i < kWrites; ++i) {
        const std::string body = std::to_string(t) + "-" + std::to_string(i);
        writer->begin();
        writer->execute("INSERT INTO t (body) VALUES (?)", {body});
        if (i % 5 == 4) {
          writer->rollback();
          continue;
        }
        writer->commit();
        if (reader->query("SELECT 1 FROM t WHERE body = ?", {body}).empty()) ++unseen;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(unseen.load(), 0);
  auto c = open_database(path_);
  EXPECT_EQ(count(*c), kThreads * kWrites * 4 / 5);
  EXPECT_TRUE(c->query("SELECT 1 FROM t WHERE body = '0-4'").empty());  // rolled back
}

// A group whose commit fails (here a deferred foreign key that one writer broke) keeps nothing:
// both writers' commit() throw, neither row is there, and the next write goes through.
TEST_F(SqliteFileTest, AGroupWhoseCommitFailsKeepsNoWriteOfIt) {
  auto setup = open_database(path_);
  setup->execute_script(
      "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
      "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) "
      "DEFERRABLE INITIALLY DEFERRED)");
  auto first = open_database(path_);
  auto second = open_database(path_);
  first->begin();
  first->execute("INSERT INTO t (body) VALUES ('kept?')");
  std::atomic<bool> second_failed{false};
  std::atomic<bool> started{false};
  std::thread other([&] {
    started = true;
    second->begin();  // waits for the first one's turn, then joins its group
    second->execute("INSERT INTO child (parent_id) VALUES (42)");  // no parent 42
    try {
      second->commit();
    } catch (const DatabaseError&) {
      second_failed = true;
      second->rollback();
    }
  });
  while (!started.load()) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(150));  // the second waits for its turn
  EXPECT_THROW(first->commit(), DatabaseError);
  first->rollback();
  other.join();
  EXPECT_TRUE(second_failed.load());
  EXPECT_EQ(count(*setup), 0);
  EXPECT_EQ(setup->query("SELECT count(*) FROM child")[0].integer(0), 0);
  first->begin();
  first->execute("INSERT INTO t (body) VALUES ('after')");
  first->commit();
  EXPECT_EQ(count(*second), 1);
}

// About 20 MB of pages written in small transactions (past the 4,000 pages, 16 MB of log, at
// which the file's thread is woken; below the 8,000 at which a commit would copy the log back
// itself): the database file, 8 kB before, grows past 12 MB all the same without another write,
// because the file's own thread copies the log (SQLite's automatic checkpoint is replaced by its
// wake-up). How much it copies depends on how far the writer got before the thread ran, and on
// how many of the log's pages were the same page written again.
TEST_F(SqliteFileTest, TheFilesThreadCopiesTheLogBack) {
  auto writer = open_database(path_);
  const std::string blob(8000, 'x');  // two pages and more per row
  for (int i = 0; i < 2400; ++i) {
    writer->begin();
    writer->execute("INSERT INTO t (body) VALUES (?)", {blob});
    writer->commit();
  }
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (fs::file_size(path_) < 12'000'000 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GE(fs::file_size(path_), 12'000'000u);
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
