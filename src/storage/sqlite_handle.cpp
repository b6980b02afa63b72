#include "sqlite_handle.hpp"

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

}  // namespace

SqliteHandle::SqliteHandle(const std::string& path) {
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
  sqlite3_busy_timeout(db_, static_cast<int>(kSqliteBusyTimeout.count()));
  try {
    // A 16 MiB page cache per handle, and no memory map of the file: in WAL mode a
    // connection that finds another one's commit at the start of its next read drops its page
    // cache and unmaps the whole map, so under writes every request paid a munmap, a fresh
    // mmap and page faults; without the map status changes ran 30% faster and the registry's
    // reads no slower (docs/performance.md, "Where the time of the writes goes").
    // Switching a new file to WAL takes an exclusive lock that SQLite may refuse at once to a
    // second connection opening it at the same moment: tried again after a pause.
    retry_while_busy([&] {
      execute_script(
          "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
          "PRAGMA mmap_size=0; PRAGMA cache_size=-16384; PRAGMA temp_store=MEMORY;");
    });
  } catch (...) {
    sqlite3_close_v2(db_);
    throw;
  }
}

SqliteHandle::~SqliteHandle() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

void SqliteHandle::execute_script(std::string_view sql) {
  std::string script(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw_error(kind_of(sqlite3_extended_errcode(db_)), "SQLite script", text);
  }
}

void SqliteHandle::roll_back() noexcept {
  if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

sqlite3_stmt* SqliteHandle::prepare(std::string_view sql) {
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

void SqliteHandle::run(std::string_view sql, const std::vector<Value>& params,
                       std::vector<Row>* rows) {
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

}  // namespace tatakerja::storage::detail
