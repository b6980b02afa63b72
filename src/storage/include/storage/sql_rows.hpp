// Small helpers shared by the domains' SQL stores (org/sql, identity/sql): parameter values from
// optional fields, reading rows into records, the id an INSERT ... RETURNING gives back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace tatakerja::storage::sql {

inline Value opt(const std::optional<std::int64_t>& v) {
  return v ? Value{*v} : Value{};
}
inline Value opt_int(const std::optional<int>& v) {
  return v ? Value{std::int64_t{*v}} : Value{};
}
inline Value integer(int v) {
  return Value{std::int64_t{v}};
}
inline int to_int(const Row& r, std::size_t i) {
  return static_cast<int>(r.integer(i));
}

template <typename E>
E require(std::optional<E> value, std::string_view what, const std::string& text) {
  if (!value) {
    throw DatabaseError(DatabaseError::Kind::Other, std::string("unknown ") + std::string(what) +
                                                        " in database: '" + text + "'");
  }
  return *value;
}

inline std::int64_t inserted_id(Connection& c, std::string_view sql,
                                const std::vector<Value>& params) {
  auto rows = c.query(sql, params);
  if (rows.empty()) throw DatabaseError(DatabaseError::Kind::Other, "INSERT returned no id");
  return rows[0].integer(0);
}

template <typename T, typename Read>
std::optional<T> first(const std::vector<Row>& rows, Read read) {
  if (rows.empty()) return std::nullopt;
  return read(rows[0], 0);
}
template <typename T, typename Read>
std::vector<T> all(const std::vector<Row>& rows, Read read) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(read(r, 0));
  return out;
}

inline std::string select(const char* cols, std::string_view rest) {
  return std::string("SELECT ") + cols + " " + std::string(rest);
}

}  // namespace tatakerja::storage::sql
