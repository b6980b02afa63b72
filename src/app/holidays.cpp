#include "app/holidays.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/transaction.hpp"
#include "work_people.hpp"

namespace tatakerja::app {
using work_people::checked_date;
using work_people::checked_text;
using work_people::today;

namespace {

std::string holiday_audit(const work::Holiday& h) {
  return nlohmann::json{{"id", h.id}, {"date", h.date.iso()}, {"name", h.name}, {"kind", h.kind}}
      .dump();
}

}  // namespace

int this_year() {
  return today().year;
}

std::vector<work::Holiday> holidays_of_year(const Stores& stores, int year) {
  if (year < kFirstHolidayYear || year > kLastHolidayYear) {
    fail(ErrorCode::InvalidField, "year",
         "Tahun " + std::to_string(kFirstHolidayYear) + " sampai " +
             std::to_string(kLastHolidayYear) + ".");
  }
  return stores.work.holidays_between(Date{year, 1, 1}, Date{year, 12, 31});
}

work::Holiday add_holiday(const Stores& stores, const Actor& actor, const NewHoliday& in) {
  work::Holiday h;
  h.date = checked_date(in.date, "date");
  h.name = checked_text(in.name, "name", 200, true);
  if (!work::is_holiday_kind(in.kind)) {
    fail(ErrorCode::InvalidField, "kind", "Jenis hari libur: libur_nasional atau cuti_bersama.");
  }
  h.kind = in.kind;
  Transaction tx(stores.transactions);
  if (!stores.work.holidays_between(h.date, h.date).empty()) {
    fail(ErrorCode::Conflict, "date", "Tanggal ini sudah tercatat sebagai hari libur.");
  }
  h.id = stores.work.insert_holiday(h);
  record_audit(stores, actor, "create", "holiday", std::to_string(h.id), "", holiday_audit(h));
  tx.commit();
  return h;
}

void remove_holiday(const Stores& stores, const Actor& actor, org::Id id) {
  Transaction tx(stores.transactions);
  const auto h = stores.work.holiday(id);
  if (!h) fail(ErrorCode::NotFound);
  stores.work.delete_holiday(id);
  record_audit(stores, actor, "delete", "holiday", std::to_string(id), holiday_audit(*h), "");
  tx.commit();
}

}  // namespace tatakerja::app
