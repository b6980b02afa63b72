#include "sqlite_file.hpp"

#include <sys/stat.h>

#include <exception>
#include <map>

namespace tatakerja::storage::detail {
namespace {

// The identity (device and inode) of the file named `name`, so that two spellings of one path
// share their state; empty for a database without a file (in memory, temporary).
std::string key_of(const std::string& name) {
  struct stat st {};
  if (name.empty() || ::stat(name.c_str(), &st) != 0) return {};
  return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
}

std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}

std::map<std::string, std::weak_ptr<SqliteFile>>& registry() {
  static std::map<std::string, std::weak_ptr<SqliteFile>> files;
  return files;
}

}  // namespace

std::shared_ptr<SqliteFile> SqliteFile::of(sqlite3* db, const std::string& path) {
  const char* name = sqlite3_db_filename(db, "main");
  const std::string named = name != nullptr ? name : "";
  const std::string& file = named.empty() ? path : named;
  std::string key = key_of(named);
  if (key.empty()) return std::make_shared<SqliteFile>(file, std::move(key));
  std::lock_guard lock(registry_mutex());
  auto& files = registry();
  for (auto it = files.begin(); it != files.end();) {
    it = it->second.expired() ? files.erase(it) : std::next(it);
  }
  if (auto shared = files[key].lock()) return shared;
  auto created = std::make_shared<SqliteFile>(file, key);
  files[key] = created;
  return created;
}

SqliteFile::SqliteFile(std::string path, std::string key)
    : path_(std::move(path)), key_(std::move(key)) {}

SqliteFile::~SqliteFile() {
  writer_.reset();
  {
    std::lock_guard lock(checkpoint_mutex_);
    stopping_ = true;
  }
  checkpoint_wanted_.notify_one();
  if (checkpointer_.joinable()) checkpointer_.join();
}

bool SqliteFile::take_turn(const void* holder, std::chrono::milliseconds limit) {
  std::unique_lock lock(turn_mutex_);
  ++waiting_;
  const bool came = turn_free_.wait_for(lock, limit, [&] { return holder_ == nullptr; });
  --waiting_;
  if (!came) return false;
  holder_ = holder;
  return true;
}

void SqliteFile::end_turn(const void* holder) noexcept {
  pass_or_commit(holder, false);
}

bool SqliteFile::holds_turn(const void* holder) {
  std::lock_guard lock(turn_mutex_);
  return holder_ == holder;
}

void SqliteFile::begin_write() {
  bool open = false;
  {
    std::lock_guard lock(turn_mutex_);
    open = group_ != nullptr;
  }
  if (!open) {
    writer_->run("BEGIN IMMEDIATE", {}, nullptr);
    std::lock_guard lock(turn_mutex_);
    group_ = std::make_shared<WriteGroup>();
  }
  writer_->run("SAVEPOINT tk_write", {}, nullptr);
}

void SqliteFile::commit_write(const void* holder) {
  writer_->run("RELEASE tk_write", {}, nullptr);  // on failure the turn is still held
  const auto group = pass_or_commit(holder, true);
  if (!group) return;
  std::unique_lock lock(turn_mutex_);
  group_done_.wait(lock, [&] { return group->done; });
  if (!group->committed) {
    throw DatabaseError(DatabaseError::Kind::Other,
                        "SQLite: the writes committed together failed: " + group->error);
  }
}

void SqliteFile::roll_back_write(const void* holder) noexcept {
  sqlite3* db = writer_->db();
  if (sqlite3_get_autocommit(db) == 0) {
    int rc = sqlite3_exec(db, "ROLLBACK TO tk_write", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, "RELEASE tk_write", nullptr, nullptr, nullptr);
    // A savepoint that cannot be rolled back alone takes the group with it: nothing of this
    // writer's may be committed.
    if (rc != SQLITE_OK) writer_->roll_back();
  }
  if (sqlite3_get_autocommit(db) != 0) {  // SQLite ended the transaction (after an I/O error, ...)
    std::lock_guard lock(turn_mutex_);
    if (group_ && group_->alive) {
      group_->alive = false;
      group_->error = sqlite3_errmsg(db);
    }
  }
  pass_or_commit(holder, false);
}

std::shared_ptr<SqliteFile::WriteGroup> SqliteFile::pass_or_commit(const void* holder,
                                                                   bool kept) noexcept {
  std::shared_ptr<WriteGroup> group;
  bool pass = false;
  {
    std::lock_guard lock(turn_mutex_);
    if (holder_ != holder) return nullptr;
    group = group_;
    if (group && kept) ++group->kept;
    pass = group == nullptr || (group->alive && waiting_ > 0 && group->kept < kGroupLimit);
    if (pass) holder_ = nullptr;
  }
  if (pass) {
    turn_free_.notify_one();
  } else {
    finish_group();
  }
  return kept ? group : nullptr;
}

void SqliteFile::finish_group() noexcept {
  std::shared_ptr<WriteGroup> group;
  bool commit = false;
  {
    std::lock_guard lock(turn_mutex_);
    group = group_;
    commit = group->alive && group->kept > 0;
  }
  bool committed = false;
  std::string error;
  if (commit) {
    try {
      writer_->run("COMMIT", {}, nullptr);
      committed = true;
    } catch (const std::exception& e) {
      error = e.what();
    }
  }
  if (!committed) writer_->roll_back();  // nothing kept, or the commit failed
  {
    std::lock_guard lock(turn_mutex_);
    group->done = true;
    group->committed = committed;
    if (group->error.empty()) group->error = error;
    group_.reset();
    holder_ = nullptr;
  }
  group_done_.notify_all();
  turn_free_.notify_one();
}

SqliteHandle* SqliteFile::writer() {
  if (key_.empty()) return nullptr;
  if (!writer_) {
    writer_ = std::make_unique<SqliteHandle>(path_);
    watch(writer_->db());
  }
  return writer_.get();
}

void SqliteFile::watch(sqlite3* db) {
  if (key_.empty()) return;  // no file, no log: SQLite's own behaviour is kept
  sqlite3_wal_hook(db, &SqliteFile::on_commit, this);
}

int SqliteFile::on_commit(void* self, sqlite3* db, const char* schema, int pages) {
  auto* file = static_cast<SqliteFile*>(self);
  if (pages >= kInlineCheckpointPages) {
    sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else if (pages >= kCheckpointPages) {
    file->wake_checkpointer();
  }
  return SQLITE_OK;
}

void SqliteFile::wake_checkpointer() {
  {
    std::lock_guard lock(checkpoint_mutex_);
    if (stopping_) return;
    wanted_ = true;
    if (!checkpointer_.joinable()) checkpointer_ = std::thread([this] { run_checkpoints(); });
  }
  checkpoint_wanted_.notify_one();
}

// The checkpointer's thread: its own connection, one passive checkpoint per wake-up. A checkpoint
// that cannot finish (a reader still uses the log's end) is simply taken again at the next wake-up.
void SqliteFile::run_checkpoints() {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    sqlite3_close_v2(db);
    return;  // the requests' connections checkpoint inline past the hard limit
  }
  sqlite3_busy_timeout(db, 1000);
  // A connection learns that the file is in WAL mode when it first reads it; until then a
  // checkpoint does nothing.
  sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
  std::unique_lock lock(checkpoint_mutex_);
  for (;;) {
    checkpoint_wanted_.wait(lock, [&] { return wanted_ || stopping_; });
    if (stopping_) break;
    wanted_ = false;
    lock.unlock();
    sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
  }
  lock.unlock();
  sqlite3_close_v2(db);
}

}  // namespace tatakerja::storage::detail
