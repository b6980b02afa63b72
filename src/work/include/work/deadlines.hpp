// The deadline of a request for an answer: a request unanswered for N working days is overdue and
// flagged to the requester. Working days are Monday to Friday (national holidays are not known to
// the system and count as working days). Pure.
#pragma once

#include "core/date.hpp"

namespace tatakerja::work {

// N when the region's rules name none: five working days, the usual period a Sekretariat Daerah
// gives for answering a letter. The work rules of migration 13 have no deadline kind yet.
inline constexpr int kDefaultAnswerDays = 5;

// 1 Monday .. 7 Sunday.
int iso_weekday(const Date& d);
// The working days after `from` up to and including `to` (0 when `to` is not after `from`).
int working_days_between(const Date& from, const Date& to);
// True when a request waiting since `since` has gone unanswered for `days` working days or more
// by `today`.
bool overdue(const Date& since, const Date& today, int days);

}  // namespace tatakerja::work
