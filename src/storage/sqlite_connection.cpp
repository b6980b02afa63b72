// The SQLite driver (libsqlite3). One connection per file handle, used by one thread at a time.
// The file is opened in WAL mode with synchronous=NORMAL: a process crash loses nothing that was
// committed, a power loss or OS crash may lose the last few transactions (never corrupts the file).
// Foreign keys are on and a writer waits up to 5 s for another one (busy_timeout). Statements are
// prepared once per connection with SQLITE_PREPARE_PERSISTENT, cached by their SQL text, and reset
// with their bindings cleared after each use. Transactions start with BEGIN IMMEDIATE, so two
// writers queue on the write lock at the start instead of failing at their first write; the
// connections of this process to one file take turns before that and leave the copying of the
// write-ahead log to a thread of the file's own (sqlite_file.hpp).
#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "sqlite_file.hpp"
#include "storage/drivers.hpp"

namespace tatakerja::storage::detail {
namespace {

DatabaseError::Kind kind_of(int code) {
  switch (code & 0xFF) {
    case SQLITE_CONSTRAINT:
      return DatabaseError::Kind::Constraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DatabaseError::Kind::Busy;
    default:
      return DatabaseError::Kind::Other;
  }
}

bool only_whitespace(const char* s) {
  for (; s != nullptr && *s != '\0'; ++s) {
    if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r' && *s != ';') return false;
  }
  return true;
}

// Before the first connection: SQLite's memory statistics off. With them on (the default), every
// allocation of every connection takes one process-wide mutex, and the server's worker threads
// queued on it (docs/performance.md). Configuring after SQLite has started is refused
// (SQLITE_MISUSE) and harmless, so the result is not checked.
void configure_sqlite_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

constexpr std::chrono::milliseconds kBusyTimeout{5000};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    configure_sqlite_once();
    int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      db_ = nullptr;
      throw_error(kind_of(rc), "cannot open SQLite database " + path, message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, static_cast<int>(kBusyTimeout.count()));
    try {
      // A 16 MiB page cache per connection, and no memory map of the file: in WAL mode a
      // connection that finds another one's commit at the start of its next read drops its page
      // cache and unmaps the whole map, so under writes every request paid a munmap, a fresh
      // mmap and page faults; without the map status changes ran 30% faster and the registry's
      // reads no slower (docs/performance.md, "Where the time of the writes goes").
      // Switching a new file to WAL takes an exclusive lock that SQLite may refuse at once to a
      // second connection opening it at the same moment: tried again after a pause.
      detail::retry_while_busy([&] {
        execute_script(
            "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
            "PRAGMA mmap_size=0; PRAGMA cache_size=-16384; PRAGMA temp_store=MEMORY;");
      });
      file_ = SqliteFile::of(db_, path);
      file_->watch(db_);
    } catch (...) {
      sqlite3_close_v2(db_);
      throw;
    }
  }

  ~SqliteConnection() override {
    rollback();
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::Sqlite; }

  void execute_script(std::string_view sql) override {
    std::string script(sql);
    char* message = nullptr;
    int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string text = message != nullptr ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      throw_error(kind_of(sqlite3_extended_errcode(db_)), "SQLite script", text);
    }
  }

  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override {
    std::vector<Row> rows;
    run(sql, params, &rows);
    return rows;
  }

  std::int64_t execute(std::string_view sql, const std::vector<Value>& params) override {
    run(sql, params, nullptr);
    return sqlite3_changes64(db_);
  }

  // The writers' turn first (at most the busy timeout), then SQLite's write lock.
  void begin() override {
    open_.refuse_nested("begin()");
    if (!file_->take_turn(this, kBusyTimeout)) {
      throw DatabaseError(DatabaseError::Kind::Busy,
                          "SQLite: another write held the database for 5 s");
    }
    try {
      run("BEGIN IMMEDIATE", {}, nullptr);
    } catch (...) {
      file_->end_turn(this);
      throw;
    }
    open_.kind = OpenTransaction::Kind::Write;
  }

  void commit() override {
    if (open_.kind != OpenTransaction::Kind::Write) {
      throw DatabaseError(DatabaseError::Kind::Other, "commit(): no transaction is open");
    }
    run("COMMIT", {}, nullptr);  // on failure the transaction stays open for rollback()
    open_.kind = OpenTransaction::Kind::None;
    file_->end_turn(this);
  }

  void rollback() noexcept override {
    if (open_.kind != OpenTransaction::Kind::Write) return;
    open_.kind = OpenTransaction::Kind::None;
    if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    file_->end_turn(this);
  }

  // A deferred transaction: the snapshot is taken at its first read and held until end_read().
  void begin_read() override {
    open_.refuse_nested("begin_read()");
    run("BEGIN DEFERRED", {}, nullptr);
    open_.kind = OpenTransaction::Kind::Read;
  }

  void end_read() noexcept override {
    if (open_.kind != OpenTransaction::Kind::Read) return;
    open_.kind = OpenTransaction::Kind::None;
    if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size() + 1),
                                SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) {
      throw_error(kind_of(sqlite3_extended_errcode(db_)), "SQLite prepare",
                  std::string(sqlite3_errmsg(db_)) + " in: " + key);
    }
    if (stmt == nullptr || !only_whitespace(tail)) {
      sqlite3_finalize(stmt);
      throw DatabaseError(DatabaseError::Kind::Other,
                          "SQLite prepare: expected exactly one statement in: " + key);
    }
    statements_.emplace(std::move(key), stmt);
    return stmt;
  }

  void run(std::string_view sql, const std::vector<Value>& params, std::vector<Row>* rows) {
    sqlite3_stmt* stmt = prepare(sql);
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{stmt};
    int expected = sqlite3_bind_parameter_count(stmt);
    if (expected != static_cast<int>(params.size())) {
      throw DatabaseError(DatabaseError::Kind::Other,
                          "SQLite: statement expects " + std::to_string(expected) +
                              " parameters, got " + std::to_string(params.size()) + ": " +
                              std::string(sql));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      int index = static_cast<int>(i + 1);
      int rc = SQLITE_OK;
      const Value& v = params[i];
      if (const auto* n = std::get_if<std::int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, index, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, index, *d);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text64(stmt, index, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else {
        rc = sqlite3_bind_null(stmt, index);
      }
      if (rc != SQLITE_OK) throw_error(kind_of(rc), "SQLite bind", sqlite3_errmsg(db_));
    }
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        int code = sqlite3_extended_errcode(db_);
        throw_error(kind_of(code), "SQLite",
                    std::string(sqlite3_errmsg(db_)) + " in: " + std::string(sql));
      }
      if (rows == nullptr) continue;
      int columns = sqlite3_column_count(stmt);
      Row row;
      row.values.reserve(static_cast<std::size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER:
            row.values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, c)));
            break;
          case SQLITE_FLOAT:
            row.values.emplace_back(sqlite3_column_double(stmt, c));
            break;
          case SQLITE_TEXT:
          case SQLITE_BLOB: {
            const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, c));
            auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, c));
            row.values.emplace_back(std::string(data != nullptr ? data : "", size));
            break;
          }
          default:
            row.values.emplace_back(std::monostate{});
        }
      }
      rows->push_back(std::move(row));
    }
  }

  sqlite3* db_ = nullptr;
  std::shared_ptr<SqliteFile> file_;  // released after the destructor closed db_
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
  OpenTransaction open_;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path) {
  return std::make_unique<SqliteConnection>(path);
}

}  // namespace tatakerja::storage::detail
