#include "core/date.hpp"

#include <array>
#include <charconv>
#include <cstdio>

#include "core/text.hpp"

namespace tatakerja {

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int month_from_name(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "januari", "februari", "maret",     "april",   "mei",      "juni",
      "juli",    "agustus",  "september", "oktober", "november", "desember"};
  const std::string n = text::to_lower(text::trim(name));
  if (n.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (n == kMonths[i]) return static_cast<int>(i) + 1;
    if (n.size() <= 4 && kMonths[i].substr(0, n.size()) == n) return static_cast<int>(i) + 1;
  }
  if (n == "pebruari") return 2;
  if (n == "nopember") return 11;
  if (n == "agust") return 8;
  return 0;
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  const auto num = [&](std::size_t at, std::size_t len, int& out) {
    const auto r = std::from_chars(text.data() + at, text.data() + at + len, out);
    return r.ec == std::errc{} && r.ptr == text.data() + at + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d) || !is_valid_date(y, m, d))
    return std::nullopt;
  return Date{y, m, d};
}

bool is_valid_date(int year, int month, int day) {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[month - 1];
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) max = 29;
  return day <= max;
}

std::optional<Date> parse_indonesian_date(std::string_view input) {
  const std::string s = text::collapse_spaces(input);
  // Numeric forms: 29-12-2023, 29/12/2023, 29.12.2023.
  for (char sep : {'-', '/', '.'}) {
    auto parts = text::split(s, sep);
    if (parts.size() == 3) {
      auto d = text::parse_int(parts[0]), m = text::parse_int(parts[1]),
           y = text::parse_int(parts[2]);
      if (d && m && y && parts[2].size() == 4 && is_valid_date(*y, *m, *d)) return Date{*y, *m, *d};
      return std::nullopt;
    }
  }
  auto words = text::split(s, ' ');
  if (words.size() != 3) return std::nullopt;
  auto d = text::parse_int(words[0]);
  const int m = month_from_name(words[1]);
  auto y = text::parse_int(words[2]);
  if (!d || m == 0 || !y || words[2].size() != 4 || !is_valid_date(*y, m, *d)) return std::nullopt;
  return Date{*y, m, *d};
}

}  // namespace tatakerja
