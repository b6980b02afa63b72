// The holiday calendar (issue 12 item 3, "Deadlines"): the days the offices are closed besides the
// weekend, national holidays and collective leave days (cuti bersama) as the government decrees
// them each year, which an answer period in working days does not count (work/deadlines.hpp).
// One calendar for every region; any signed-in person reads it, the administrator keeps it (the
// API checks the role). Each change is written with its audit entry in one transaction.
#pragma once

#include <string>
#include <vector>

#include "app/audit.hpp"
#include "app/stores.hpp"
#include "work/deadlines.hpp"

namespace tatakerja::app {

struct NewHoliday {
  std::string date;  // YYYY-MM-DD
  std::string name;
  std::string kind;  // libur_nasional | cuti_bersama
};

// The years the calendar keeps.
inline constexpr int kFirstHolidayYear = 1900;
inline constexpr int kLastHolidayYear = 2200;

// The year today is in (UTC).
int this_year();
// The days off of `year` (kFirstHolidayYear..kLastHolidayYear, else INVALID_FIELD "year"), by
// date.
std::vector<work::Holiday> holidays_of_year(const Stores& stores, int year);
// Adds a day off: a calendar date, a name (1..200 bytes) and a kind (INVALID_FIELD naming the
// field otherwise); a date that already has one is refused (CONFLICT "date"). Records "create" /
// "holiday".
work::Holiday add_holiday(const Stores& stores, const Actor& actor, const NewHoliday& in);
// Removes the day off `id` (NOT_FOUND when there is none). Records "delete" / "holiday".
void remove_holiday(const Stores& stores, const Actor& actor, org::Id id);

}  // namespace tatakerja::app
