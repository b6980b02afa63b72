// The deadline of a request for an answer: a request unanswered for N working days is overdue and
// flagged to the requester. Working days are Monday to Friday but the days the offices are closed
// by decree: the national holidays and the collective leave days (cuti bersama) that the
// government sets each year, kept by the administrator (the holiday calendar, app/holidays.hpp).
// Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "work/model.hpp"

namespace tatakerja::work {

// N when the region's rules name none: five working days, the usual period a Sekretariat Daerah
// gives for answering a letter (neither 003 nor 004 names one).
inline constexpr int kDefaultAnswerDays = 5;

// The period a text names in working days: "paling lama 3 (tiga) hari kerja" gives 3; none when
// it names none (or a number outside 1..90).
std::optional<int> working_days_written(std::string_view text);
// The answer period of a mechanism under a region's rules: the first period in working days its
// mechanism rule writes (its statement, then its steps; an administrator may add one to the
// rule, with a reason), else kDefaultAnswerDays.
int answer_days_of(const std::vector<Rule>& rules, std::string_view mechanism);

// A day the offices are closed besides the weekend: a national holiday ("libur_nasional") or a
// collective leave day ("cuti_bersama"), one per date.
struct Holiday {
  Id id = 0;
  Date date;
  std::string name;  // "Hari Raya Idulfitri 1447 Hijriah"
  std::string kind;  // libur_nasional | cuti_bersama
};
// True for "libur_nasional" and "cuti_bersama".
bool is_holiday_kind(std::string_view kind);
// "Libur nasional", "Cuti bersama"; "" for another kind.
std::string_view holiday_kind_label(std::string_view kind);

// 1 Monday .. 7 Sunday.
int iso_weekday(const Date& d);
// The working days after `from` up to and including `to` (0 when `to` is not after `from`): the
// weekdays but those among `closed` (a date listed twice, or on a weekend, counts once or not at
// all). Time linear in the size of `closed`.
int working_days_between(const Date& from, const Date& to, const std::vector<Date>& closed = {});
// True when a request waiting since `since` has gone unanswered for `days` working days or more
// by `today`, the days in `closed` not counted.
bool overdue(const Date& since, const Date& today, int days, const std::vector<Date>& closed = {});

}  // namespace tatakerja::work
