// The SQLite driver (libsqlite3). A connection is used by one thread at a time. The file is in WAL
// mode with synchronous=NORMAL: a process crash loses nothing that was committed, a power loss or
// OS crash may lose the last few transactions (never corrupts the file). Foreign keys are on.
//
// A connection reads through a handle of its own (sqlite_handle.hpp). Its write transactions run
// on the one writer handle its process keeps for the file (sqlite_file.hpp), taken in turn: the
// writers of a process are one at a time anyway (SQLite's write lock), and a handle that only
// this process's writers use keeps its page cache from one transaction to the next, where a
// handle of each thread found its cache dropped by the other's commit and read every page of
// every index it wrote again. Transactions start with BEGIN IMMEDIATE, so a writer of another
// process queues on the write lock at the start (up to 5 s) instead of failing at its first
// write. The process's writers that come while one writes are committed together with it (group
// commit, sqlite_file.hpp). A database without a file (in memory) writes through the connection's
// own handle, one transaction at a time.
#include <memory>
#include <string>

#include "sqlite_file.hpp"
#include "sqlite_handle.hpp"
#include "storage/drivers.hpp"

namespace tatakerja::storage::detail {
namespace {

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) : own_(path) {
    file_ = SqliteFile::of(own_.db(), path);
    file_->watch(own_.db());
  }

  ~SqliteConnection() override { rollback(); }

  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::Sqlite; }

  void execute_script(std::string_view sql) override { active().execute_script(sql); }

  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override {
    std::vector<Row> rows;
    active().run(sql, params, &rows);
    return rows;
  }

  std::int64_t execute(std::string_view sql, const std::vector<Value>& params) override {
    SqliteHandle& h = active();
    h.run(sql, params, nullptr);
    return h.changes();
  }

  // The writers' turn first (at most the busy timeout), then SQLite's write lock: the group's
  // transaction and this connection's savepoint in it (sqlite_file.hpp, "Group commit").
  void begin() override {
    open_.refuse_nested("begin()");
    if (!file_->take_turn(this, kSqliteBusyTimeout)) {
      throw DatabaseError(DatabaseError::Kind::Busy,
                          "SQLite: another write held the database for 5 s");
    }
    try {
      writer_ = file_->writer();
      if (writer_ == nullptr) {
        writer_ = &own_;
        own_.run("BEGIN IMMEDIATE", {}, nullptr);
      } else {
        file_->begin_write();
      }
    } catch (...) {
      if (writer_ == &own_) own_.roll_back();
      writer_ = nullptr;
      file_->end_turn(this);
      throw;
    }
    open_.kind = OpenTransaction::Kind::Write;
  }

  // Returns once the writes are committed; throws when they are not (the transaction then stays
  // open for rollback() if this connection's part could not be kept, and is over otherwise).
  void commit() override {
    if (open_.kind != OpenTransaction::Kind::Write) {
      throw DatabaseError(DatabaseError::Kind::Other, "commit(): no transaction is open");
    }
    if (writer_ == &own_) {
      own_.run("COMMIT", {}, nullptr);  // on failure the transaction stays open for rollback()
      end_write();
      return;
    }
    try {
      file_->commit_write(this);
    } catch (...) {
      // Still this connection's turn when its savepoint could not be released; over otherwise.
      if (file_->holds_turn(this)) throw;
      forget_write();
      throw;
    }
    forget_write();
  }

  void rollback() noexcept override {
    if (open_.kind != OpenTransaction::Kind::Write) return;
    if (writer_ == &own_) {
      own_.roll_back();
      end_write();
      return;
    }
    forget_write();
    file_->roll_back_write(this);
  }

  // A deferred transaction: the snapshot is taken at its first read and held until end_read().
  void begin_read() override {
    open_.refuse_nested("begin_read()");
    own_.run("BEGIN DEFERRED", {}, nullptr);
    open_.kind = OpenTransaction::Kind::Read;
  }

  void end_read() noexcept override {
    if (open_.kind != OpenTransaction::Kind::Read) return;
    open_.kind = OpenTransaction::Kind::None;
    own_.roll_back();
  }

 private:
  // The handle the next statement runs on: the writer's while a write transaction is open.
  SqliteHandle& active() { return open_.kind == OpenTransaction::Kind::Write ? *writer_ : own_; }

  void forget_write() noexcept {
    open_.kind = OpenTransaction::Kind::None;
    writer_ = nullptr;
  }

  // The end of a write on the connection's own handle (a database without a file).
  void end_write() noexcept {
    forget_write();
    file_->end_turn(this);
  }

  std::shared_ptr<SqliteFile> file_;  // declared first: released after own_ is closed
  SqliteHandle own_;
  SqliteHandle* writer_ = nullptr;  // while a write transaction is open
  OpenTransaction open_;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path) {
  return std::make_unique<SqliteConnection>(path);
}

}  // namespace tatakerja::storage::detail
