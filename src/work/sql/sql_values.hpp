// How the work system's SQL stores (rules, teams, assignments; letters) write the values that SQL
// has no type for: a list of strings as a JSON array, a date as ISO text. Private to work_sql.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "storage/sql_rows.hpp"

namespace tatakerja::work::sql_values {

// A list of strings as its JSON array's text.
inline std::string items_text(const std::vector<std::string>& items) {
  return nlohmann::json(items).dump();
}

// The strings of a JSON array's text; none for text that is not one (the non-strings skipped).
inline std::vector<std::string> items_from_text(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

// A stored ISO date; a row that holds anything else is refused (storage::sql::require).
inline Date date_of(const std::string& text) {
  return storage::sql::require(parse_iso_date(text), "date", text);
}

inline storage::Value optional_date(const std::optional<Date>& d) {
  return d ? storage::Value{d->iso()} : storage::Value{};
}

}  // namespace tatakerja::work::sql_values
