#include "work/deadlines.hpp"

#include <algorithm>
#include <regex>
#include <string>

#include "work/rules.hpp"

namespace tatakerja::work {
namespace {

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
long days_from_civil(const Date& d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month > 2 ? d.month - 3 : d.month + 9);
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;
}

}  // namespace

int iso_weekday(const Date& d) {
  const long z = days_from_civil(d);     // 1970-01-01 was a Thursday (4)
  const long w = ((z % 7) + 7 + 3) % 7;  // 0 Monday
  return static_cast<int>(w) + 1;
}

bool is_holiday_kind(std::string_view kind) {
  return !holiday_kind_label(kind).empty();
}

std::string_view holiday_kind_label(std::string_view kind) {
  if (kind == "libur_nasional") return "Libur nasional";
  if (kind == "cuti_bersama") return "Cuti bersama";
  return {};
}

int working_days_between(const Date& from, const Date& to, const std::vector<Date>& closed) {
  const long a = days_from_civil(from);
  const long b = days_from_civil(to);
  if (b <= a) return 0;
  const long span = b - a;
  long n = (span / 7) * 5;  // whole weeks
  for (long z = a + 1 + (span / 7) * 7; z <= b; ++z) {
    if (((z % 7) + 7 + 3) % 7 < 5) ++n;
  }
  // The closed weekdays in (from, to], each date once.
  std::vector<long> off;
  for (const Date& d : closed) {
    const long z = days_from_civil(d);
    if (z > a && z <= b && iso_weekday(d) <= 5) off.push_back(z);
  }
  std::sort(off.begin(), off.end());
  n -= std::unique(off.begin(), off.end()) - off.begin();
  return static_cast<int>(n);
}

bool overdue(const Date& since, const Date& today, int days, const std::vector<Date>& closed) {
  return working_days_between(since, today, closed) >= days;
}

std::optional<int> working_days_written(std::string_view text) {
  static const std::regex period(R"((\d{1,3})\s*(\([^)]{0,40}\))?\s*hari\s+kerja)",
                                 std::regex::icase);
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_search(text.begin(), text.end(), m, period)) return std::nullopt;
  const int n = std::stoi(m[1].str());
  if (n < 1 || n > 90) return std::nullopt;
  return n;
}

int answer_days_of(const std::vector<Rule>& rules, std::string_view mechanism) {
  const Rule* r = find_rule(rules, RuleKind::Mechanism, mechanism);
  if (r == nullptr) return kDefaultAnswerDays;
  if (const auto n = working_days_written(r->statement)) return *n;
  for (const auto& item : r->items) {
    if (const auto n = working_days_written(item)) return *n;
  }
  return kDefaultAnswerDays;
}

}  // namespace tatakerja::work
