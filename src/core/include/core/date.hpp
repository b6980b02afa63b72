// Calendar dates as Indonesian regulations write them ("29 Desember 2023").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tatakerja {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const Date&, const Date&) = default;
  std::string iso() const;  // "2023-12-29"
};

// Parses "29 Desember 2023" (also "29 Des 2023", "29-12-2023", "29/12/2023"). Returns nullopt when
// the text is not a complete, valid calendar date (e.g. "8 Januari 202" or "31 Februari 2024").
std::optional<Date> parse_indonesian_date(std::string_view input);
// Parses exactly "YYYY-MM-DD" (the form the API and the database use); nullopt for any other
// shape or for a date that is not on the calendar ("2024-02-30").
std::optional<Date> parse_iso_date(std::string_view text);
bool is_valid_date(int year, int month, int day);
// Month number for an Indonesian month name or its common abbreviation; 0 when unknown.
int month_from_name(std::string_view name);

}  // namespace tatakerja
