// One open SQLite database handle with its prepared statements (private to the driver). Opened in
// WAL mode with foreign keys on, synchronous=NORMAL, a 16 MiB page cache and no memory map (see
// sqlite_handle.cpp), extended result codes and a 5 s busy timeout. Statements are prepared once
// with SQLITE_PREPARE_PERSISTENT, cached by their SQL text, and reset with their bindings cleared
// after each use. Used by one thread at a time.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/database.hpp"

namespace tatakerja::storage::detail {

constexpr std::chrono::milliseconds kSqliteBusyTimeout{5000};

class SqliteHandle {
 public:
  // Opens (creating when absent) the file at `path`; throws DatabaseError when it cannot.
  explicit SqliteHandle(const std::string& path);
  ~SqliteHandle();
  SqliteHandle(const SqliteHandle&) = delete;
  SqliteHandle& operator=(const SqliteHandle&) = delete;

  sqlite3* db() const { return db_; }
  void execute_script(std::string_view sql);
  // Runs one statement; its rows into `rows` when not null.
  void run(std::string_view sql, const std::vector<Value>& params, std::vector<Row>* rows);
  std::int64_t changes() const { return sqlite3_changes64(db_); }
  // Rolls back the transaction open on the handle, if any; never fails.
  void roll_back() noexcept;

 private:
  sqlite3_stmt* prepare(std::string_view sql);

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace tatakerja::storage::detail
