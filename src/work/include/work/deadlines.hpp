// The deadline of a request for an answer: a request unanswered for N working days is overdue and
// flagged to the requester. Working days are Monday to Friday (national holidays are not known to
// the system and count as working days). Pure.
#pragma once

#include <optional>
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

// 1 Monday .. 7 Sunday.
int iso_weekday(const Date& d);
// The working days after `from` up to and including `to` (0 when `to` is not after `from`).
int working_days_between(const Date& from, const Date& to);
// True when a request waiting since `since` has gone unanswered for `days` working days or more
// by `today`.
bool overdue(const Date& since, const Date& today, int days);

}  // namespace tatakerja::work
