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
// - Group commit. A writer that ends its turn while others wait for it does not commit: its
//   writes stay in the writer handle's open SQLite transaction (each writer's in a savepoint of
//   its own, released when it commits and rolled back alone when it rolls back), the next writer
//   goes on in the same transaction, and the one that finds nobody waiting (or the group at
//   kGroupLimit writers) commits them all at once. A writer's commit() returns only when the
//   group holding its writes is committed, so nothing is acknowledged before it is in the log;
//   should that commit fail, every writer of the group gets the error and none of their writes
//   is kept. Commits of one writer at a time wrote the pages of the indexes every write touches
//   (the audit log's, the notifications') once per write, and each commit emptied the other
//   connections' page caches: in a group they are written, and dropped, once per group.
// - The checkpointer. A commit that leaves the write-ahead log at 4,000 pages (16 MB) or more no
//   longer copies it back into the database itself (SQLite's automatic checkpoint, which made
//   that one request, and every request its thread serves, wait for the copy and its fsync); it
//   wakes a thread of the file's own that does the copy (a passive checkpoint, which never blocks
//   a reader or a writer). 4,000 rather than SQLite's 1,000 pages: each copy ends with two
//   fsyncs, and the pages every write touches (the ends of the indexes) are copied once per
//   checkpoint, so fewer, larger copies cost the status changes 10% less (docs/performance.md).
//   Should that thread fall behind (or readers keep the log from starting again), a commit that
//   finds the log at 8,000 pages (32 MB) copies it itself, as SQLite would, so the log stays
//   bounded.
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
  // Gives the turn back with no write of the holder's kept (its savepoint rolled back or never
  // begun): passes it on, or commits the group when nobody waits. Never throws.
  void end_turn(const void* holder) noexcept;
  bool holds_turn(const void* holder);

  // The holder's write on the writer handle: the group's transaction (BEGIN IMMEDIATE) when none
  // is open, then the holder's savepoint. On failure the turn is still held (end_turn()).
  void begin_write();
  // Releases the holder's savepoint and ends its turn; returns once the group with its writes is
  // committed. Throws DatabaseError when the savepoint cannot be released (the turn is then still
  // held, for roll_back_write()) or the group's commit failed (the turn is then given back).
  void commit_write(const void* holder);
  // Rolls back the holder's savepoint alone (the whole group when SQLite has rolled its
  // transaction back after an error) and ends its turn. Never throws.
  void roll_back_write(const void* holder) noexcept;

  // The writer handle, opened at the first call; for the turn's holder only. Null for a database
  // without a file (each in-memory handle is a database of its own). Throws DatabaseError when the
  // file cannot be opened.
  SqliteHandle* writer();

  // Installs the commit hook that wakes the checkpointer on `db` (a connection to this file).
  void watch(sqlite3* db);

  static constexpr int kCheckpointPages = 4000;
  static constexpr int kInlineCheckpointPages = 8000;
  static constexpr int kGroupLimit = 32;  // writers committed together at most

 private:
  static int on_commit(void* self, sqlite3* db, const char* schema, int pages);
  void wake_checkpointer();
  void run_checkpoints();

  const std::string path_;
  const std::string key_;

  // The writers committed together: how many kept their writes, whether SQLite still holds their
  // transaction, and, once it has ended, whether it was committed.
  struct WriteGroup {
    int kept = 0;
    bool alive = true;
    bool done = false;
    bool committed = false;
    std::string error;
  };
  // Ends the holder's turn after its savepoint was released (`kept`) or rolled back: passes the
  // turn on to a waiting writer while the group may grow, else commits the group. Returns the
  // group to wait for when the holder's writes are in it and it is not committed yet.
  std::shared_ptr<WriteGroup> pass_or_commit(const void* holder, bool kept) noexcept;
  void finish_group() noexcept;  // the turn held: COMMIT (ROLLBACK if nothing was kept)

  std::mutex turn_mutex_;
  std::condition_variable turn_free_;
  std::condition_variable group_done_;
  const void* holder_ = nullptr;
  int waiting_ = 0;                    // writers waiting in take_turn()
  std::shared_ptr<WriteGroup> group_;  // the open group; guarded by turn_mutex_

  std::unique_ptr<SqliteHandle> writer_;  // guarded by the turn

  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_wanted_;
  bool wanted_ = false;
  bool stopping_ = false;
  std::thread checkpointer_;
};

}  // namespace tatakerja::storage::detail
