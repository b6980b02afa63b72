// A database connection behind one small interface, so the registry's SQL runs unchanged on the
// embedded SQLite file and on a PostgreSQL 15 server. SQL is written once with `?` placeholders;
// the PostgreSQL driver rewrites them to $1, $2, ... Statements are prepared once per connection
// and cached. A connection is used by one thread at a time (the server keeps one per worker
// thread).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/transaction.hpp"

namespace tatakerja::storage {

// NULL, integer, real or text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Row {
  std::vector<Value> values;
  bool is_null(std::size_t i) const { return std::holds_alternative<std::monostate>(values.at(i)); }
  std::int64_t integer(std::size_t i) const;  // 0 when NULL; text is parsed
  std::string text(std::size_t i) const;      // "" when NULL; numbers are formatted
  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  double real(std::size_t i) const;
};

enum class Dialect { Sqlite, Postgres };

// Thrown on any database failure. `constraint` is set when a UNIQUE, FOREIGN KEY, CHECK or NOT NULL
// constraint refused the statement (the caller maps it to a 409/422); `busy` when the database was
// locked or the server unreachable (the caller may retry or answer 503).
class DatabaseError : public std::runtime_error {
 public:
  enum class Kind { Other, Constraint, Busy };
  DatabaseError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

class Connection : public Transactional {
 public:
  virtual Dialect dialect() const = 0;
  // Runs a script of one or more statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  // Runs one statement with `?` placeholders and returns every row it yields.
  virtual std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs one statement and returns the number of rows it changed.
  virtual std::int64_t execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Transactions (Transactional): nested begin() is an error. Prefer the Transaction guard.
};

using tatakerja::Transaction;

// Opens a connection: "postgresql://user@host:port/db" (or "postgres://") selects PostgreSQL,
// anything else is a SQLite file path (created when absent; WAL, foreign keys on, busy timeout).
// Throws DatabaseError when the database cannot be opened.
std::unique_ptr<Connection> open_database(const std::string& url);

}  // namespace tatakerja::storage
