// What the SQLite connections of one process share for one database file (private to the driver):
//
// - The writer handle. The process's write transactions on the file all run on one handle, taken
//   in turn (below), so that its page cache survives from one write to the next.
// - The writers' turn. Every write transaction starts with BEGIN IMMEDIATE, and a second writer
//   that finds SQLite's write lock taken sleeps in SQLite's busy handler (1, 2, 5, 10, ... 100 ms)
//   instead of starting when the first commits: under load that gave answers of up to a second
//   (docs/performance.md). The connections of this process therefore queue for their turn here
//   first, and the next one starts as soon as the one before commits or rolls back. SQLite's own
//   lock still orders them against other processes (a backup, a CLI command).
// - The checkpointer. A commit that leaves the write-ahead log at 1,000 pages or more no longer
//   copies it back into the database itself (SQLite's automatic checkpoint, which made that one
//   request, and every request its thread serves, wait for the copy and its fsync); it wakes a
//   thread of the file's own that does the copy (a passive checkpoint, which never blocks a reader
//   or a writer). Should that thread fall behind (or readers keep the log from starting again),
//   a commit that finds the log at 8,000 pages (32 MB) copies it itself, as SQLite would, so the
//   log stays bounded.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "sqlite_handle.hpp"

namespace tatakerja::storage::detail {

class SqliteFile {
 public:
  // The shared state of the file `db` has open, created with the first connection to it and
  // ended with the last (the checkpointer's thread is joined then).
  static std::shared_ptr<SqliteFile> of(sqlite3* db, const std::string& path);

  SqliteFile(std::string path, std::string key);
  ~SqliteFile();
  SqliteFile(const SqliteFile&) = delete;
  SqliteFile& operator=(const SqliteFile&) = delete;

  // Waits up to `limit` for the writers' turn; false when it did not come. `holder` is the
  // connection asking (one that holds the turn has a transaction open and cannot begin another).
  bool take_turn(const void* holder, std::chrono::milliseconds limit);
  void end_turn(const void* holder);

  // The writer handle, opened at the first call; for the turn's holder only. Null for a database
  // without a file (each in-memory handle is a database of its own). Throws DatabaseError when the
  // file cannot be opened.
  SqliteHandle* writer();

  // Installs the commit hook that wakes the checkpointer on `db` (a connection to this file).
  void watch(sqlite3* db);

  static constexpr int kCheckpointPages = 1000;
  static constexpr int kInlineCheckpointPages = 8000;

 private:
  static int on_commit(void* self, sqlite3* db, const char* schema, int pages);
  void wake_checkpointer();
  void run_checkpoints();

  const std::string path_;
  const std::string key_;

  std::mutex turn_mutex_;
  std::condition_variable turn_free_;
  const void* holder_ = nullptr;

  std::unique_ptr<SqliteHandle> writer_;  // guarded by the turn

  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_wanted_;
  bool wanted_ = false;
  bool stopping_ = false;
  std::thread checkpointer_;
};

}  // namespace tatakerja::storage::detail
