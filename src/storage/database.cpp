// The driver-independent parts of storage::Connection: the Row accessors, open_database (which
// picks the driver from the URL), and the small helpers the drivers and the SQL stores share (the
// UTC clock, error reporting, the open-transaction guard).
#include "storage/database.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <ctime>
#include <string>

#include "storage/drivers.hpp"

namespace tatakerja::storage {

std::int64_t Row::integer(std::size_t i) const {
  const Value& v = values.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec != std::errc{} || end != s->data() + s->size()) {
      throw DatabaseError(DatabaseError::Kind::Other,
                          fmt::format("column {}: '{}' is not an integer", i, *s));
    }
    return out;
  }
  return 0;
}

std::string Row::text(std::size_t i) const {
  const Value& v = values.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  return {};
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

double Row::real(std::size_t i) const {
  const Value& v = values.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) {
    char* end = nullptr;
    double out = std::strtod(s->c_str(), &end);
    if (s->empty() || end != s->c_str() + s->size()) {
      throw DatabaseError(DatabaseError::Kind::Other,
                          fmt::format("column {}: '{}' is not a number", i, *s));
    }
    return out;
  }
  return 0.0;
}

std::unique_ptr<Connection> open_database(const std::string& url) {
  std::string_view u = url;
  if (u.starts_with("postgresql://") || u.starts_with("postgres://")) {
    return detail::open_postgres(url);
  }
  return detail::open_sqlite(url);
}

namespace detail {

std::string now_iso8601() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void OpenTransaction::refuse_nested(const char* what) const {
  if (kind != Kind::None) {
    throw DatabaseError(DatabaseError::Kind::Other,
                        std::string(what) + ": a transaction is already open");
  }
}

void throw_error(DatabaseError::Kind kind, std::string_view context, std::string_view message) {
  throw DatabaseError(kind, fmt::format("{}: {}", context, message));
}

}  // namespace detail
}  // namespace tatakerja::storage
