// The PostgreSQL driver (libpq). SQL written with `?` placeholders is rewritten to $1..$n, prepared
// once per connection under a generated name (PQprepare) and run with PQexecPrepared. Parameters go
// as text (integers and reals formatted, NULL as a null pointer) and the server infers their types
// from the statement. Results come back by column type: int2/int4/int8 (and bool, as 0/1) as
// integers, float4/float8/numeric as reals, NULL as monostate, everything else as text. SQLSTATE
// class 23 is a constraint refusal; a lost connection, class 08, 40001 (serialization) and 40P01
// (deadlock) are Busy. A connection lost outside a transaction is re-established at the next call.
#include <fmt/format.h>
#include <libpq-fe.h>

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "storage/drivers.hpp"

namespace tatakerja::storage::detail {

std::string rewrite_placeholders(std::string_view sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  std::size_t i = 0;
  const std::size_t n = sql.size();
  auto copy_until = [&](std::size_t end) {
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < n) {
    char c = sql[i];
    if (c == '?') {
      out += '$';
      out += std::to_string(++count);
      ++i;
    } else if (c == '\'' || c == '"') {
      // '...' with '' doubled; E'...' also allows backslash escapes; "..." with "" doubled.
      bool backslash = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e');
      std::size_t j = i + 1;
      while (j < n) {
        if (backslash && sql[j] == '\\') {
          j += 2;
        } else if (sql[j] == c) {
          if (j + 1 < n && sql[j + 1] == c) {
            j += 2;
          } else {
            ++j;
            break;
          }
        } else {
          ++j;
        }
      }
      copy_until(std::min(j, n));
    } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
      std::size_t j = sql.find('\n', i);
      copy_until(j == std::string_view::npos ? n : j);
    } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
      std::size_t j = sql.find("*/", i + 2);
      copy_until(j == std::string_view::npos ? n : j + 2);
    } else if (c == '$') {
      // Dollar quoting: $$...$$ or $tag$...$tag$ (a tag is letters, digits, underscores).
      std::size_t j = i + 1;
      while (j < n && (std::isalnum(static_cast<unsigned char>(sql[j])) || sql[j] == '_')) ++j;
      bool tag_ok = j < n && sql[j] == '$' &&
                    !(j > i + 1 && std::isdigit(static_cast<unsigned char>(sql[i + 1])));
      if (tag_ok) {
        std::string_view tag = sql.substr(i, j - i + 1);
        std::size_t close = sql.find(tag, j + 1);
        copy_until(close == std::string_view::npos ? n : close + tag.size());
      } else {
        out += c;
        ++i;
      }
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

namespace {

// Type OIDs from pg_type.h (stable across versions).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

struct ResultGuard {
  PGresult* r;
  ~ResultGuard() { PQclear(r); }
};

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& url) : url_(url) {
    conn_ = PQconnectdb(url_.c_str());
    if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
      std::string message = conn_ != nullptr ? PQerrorMessage(conn_) : "out of memory";
      PQfinish(conn_);
      conn_ = nullptr;
      throw_error(DatabaseError::Kind::Busy, "cannot connect to PostgreSQL", trim(message));
    }
    try {
      configure();
    } catch (...) {
      PQfinish(conn_);
      throw;
    }
  }

  ~PostgresConnection() override { PQfinish(conn_); }

  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::Postgres; }

  void execute_script(std::string_view sql) override {
    ensure_connected();
    std::string script(sql);
    ResultGuard res{PQexec(conn_, script.c_str())};
    check(res.r, "PostgreSQL script");
  }

  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override {
    ResultGuard res{run(sql, params)};
    std::vector<Row> rows;
    int nrows = PQntuples(res.r);
    int ncols = PQnfields(res.r);
    rows.reserve(static_cast<std::size_t>(nrows));
    for (int r = 0; r < nrows; ++r) {
      Row row;
      row.values.reserve(static_cast<std::size_t>(ncols));
      for (int c = 0; c < ncols; ++c) row.values.push_back(value_of(res.r, r, c));
      rows.push_back(std::move(row));
    }
    return rows;
  }

  std::int64_t execute(std::string_view sql, const std::vector<Value>& params) override {
    ResultGuard res{run(sql, params)};
    const char* tuples = PQcmdTuples(res.r);
    std::int64_t changed = 0;
    if (tuples != nullptr && *tuples != '\0') {
      std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), changed);
    }
    return changed;
  }

  void begin() override {
    open_.refuse_nested("begin()");
    execute_script("BEGIN");
    open_.kind = OpenTransaction::Kind::Write;
  }

  void commit() override {
    if (open_.kind != OpenTransaction::Kind::Write) {
      throw DatabaseError(DatabaseError::Kind::Other, "commit(): no transaction is open");
    }
    ResultGuard res{PQexec(conn_, "COMMIT")};
    check(res.r, "PostgreSQL commit");  // on failure the transaction stays open for rollback()
    open_.kind = OpenTransaction::Kind::None;
    // COMMIT of a transaction that had failed succeeds as a ROLLBACK: report it.
    if (std::string_view(PQcmdStatus(res.r)) == "ROLLBACK") {
      throw DatabaseError(DatabaseError::Kind::Other,
                          "PostgreSQL commit: the transaction had failed and was rolled back");
    }
  }

  void rollback() noexcept override {
    if (open_.kind != OpenTransaction::Kind::Write) return;
    open_.kind = OpenTransaction::Kind::None;
    if (conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK) PQclear(PQexec(conn_, "ROLLBACK"));
  }

  // One snapshot for every statement (REPEATABLE READ), and a write inside it is refused.
  void begin_read() override {
    open_.refuse_nested("begin_read()");
    execute_script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    open_.kind = OpenTransaction::Kind::Read;
  }

  void end_read() noexcept override {
    if (open_.kind != OpenTransaction::Kind::Read) return;
    open_.kind = OpenTransaction::Kind::None;
    if (conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK) PQclear(PQexec(conn_, "ROLLBACK"));
  }

 private:
  static std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
  }

  void configure() {
    ResultGuard res{PQexec(conn_, "SET client_min_messages = warning")};
    check(res.r, "PostgreSQL configure");
  }

  // After a lost connection, outside a transaction: reconnect once (prepared statements are gone).
  void ensure_connected() {
    if (PQstatus(conn_) == CONNECTION_OK) return;
    if (open_.kind != OpenTransaction::Kind::None) {
      throw DatabaseError(DatabaseError::Kind::Busy,
                          "PostgreSQL: the connection was lost during a transaction");
    }
    PQreset(conn_);
    statements_.clear();
    if (PQstatus(conn_) != CONNECTION_OK) {
      throw_error(DatabaseError::Kind::Busy, "cannot reconnect to PostgreSQL",
                  trim(PQerrorMessage(conn_)));
    }
    configure();
  }

  // Throws DatabaseError unless `res` is a success.
  void check(PGresult* res, std::string_view context) {
    ExecStatusType status = res != nullptr ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
      return;
    }
    std::string message = res != nullptr ? PQresultErrorMessage(res) : "";
    if (message.empty()) message = PQerrorMessage(conn_);
    const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    std::string_view sqlstate = state != nullptr ? state : "";
    DatabaseError::Kind kind = DatabaseError::Kind::Other;
    if (sqlstate.starts_with("23")) {
      kind = DatabaseError::Kind::Constraint;
    } else if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate.starts_with("08") ||
               sqlstate == "57P01" || sqlstate == "57P03" || PQstatus(conn_) != CONNECTION_OK) {
      kind = DatabaseError::Kind::Busy;
    }
    throw_error(kind, context,
                sqlstate.empty() ? trim(message) : fmt::format("{} [{}]", trim(message), sqlstate));
  }

  const std::string& prepare(std::string_view sql, int& nparams) {
    std::string key(sql);
    if (auto it = statements_.find(key); it != statements_.end()) {
      nparams = it->second.nparams;
      return it->second.name;
    }
    int count = 0;
    std::string rewritten = rewrite_placeholders(sql, count);
    std::string name = fmt::format("tk{}", ++statement_counter_);
    ResultGuard res{PQprepare(conn_, name.c_str(), rewritten.c_str(), 0, nullptr)};
    check(res.r, fmt::format("PostgreSQL prepare ({})", key));
    auto [it, inserted] = statements_.emplace(std::move(key), Prepared{std::move(name), count});
    nparams = count;
    return it->second.name;
  }

  PGresult* run(std::string_view sql, const std::vector<Value>& params) {
    ensure_connected();
    int nparams = 0;
    const std::string& name = prepare(sql, nparams);
    if (nparams != static_cast<int>(params.size())) {
      throw DatabaseError(DatabaseError::Kind::Other,
                          fmt::format("PostgreSQL: statement expects {} parameters, got {}: {}",
                                      nparams, params.size(), sql));
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (const auto* n = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        texts[i] = fmt::format("{}", *d);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        texts[i] = *s;
      } else {
        continue;  // NULL
      }
      values[i] = texts[i].c_str();
    }
    PGresult* res =
        PQexecPrepared(conn_, name.c_str(), nparams, values.data(), nullptr, nullptr, 0);
    try {
      check(res, "PostgreSQL");
    } catch (...) {
      PQclear(res);
      throw;
    }
    return res;
  }

  static Value value_of(const PGresult* res, int r, int c) {
    if (PQgetisnull(res, r, c) != 0) return std::monostate{};
    const char* data = PQgetvalue(res, r, c);
    auto size = static_cast<std::size_t>(PQgetlength(res, r, c));
    switch (PQftype(res, c)) {
      case kInt2:
      case kInt4:
      case kInt8: {
        std::int64_t n = 0;
        std::from_chars(data, data + size, n);
        return n;
      }
      case kBool:
        return std::int64_t{data[0] == 't' ? 1 : 0};
      case kFloat4:
      case kFloat8:
      case kNumeric:
        return std::strtod(data, nullptr);
      default:
        return std::string(data, size);
    }
  }

  struct Prepared {
    std::string name;
    int nparams = 0;
  };

  std::string url_;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, Prepared> statements_;
  int statement_counter_ = 0;
  OpenTransaction open_;
};

}  // namespace

std::unique_ptr<Connection> open_postgres(const std::string& url) {
  return std::make_unique<PostgresConnection>(url);
}

}  // namespace tatakerja::storage::detail
