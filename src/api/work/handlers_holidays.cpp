#include "work/handlers_holidays.hpp"

#include "app/holidays.hpp"

namespace tatakerja::server {
namespace {

json holiday_json(const work::Holiday& h) {
  return {{"id", h.id},
          {"date", h.date.iso()},
          {"name", h.name},
          {"kind", h.kind},
          {"kind_label", std::string(work::holiday_kind_label(h.kind))}};
}

}  // namespace

// GET /holidays?year=YYYY (this year when absent).
Response handle_holidays_get(Context& ctx) {
  ctx.require_user();
  const int year =
      ctx.query_number("year", app::kFirstHolidayYear, app::kLastHolidayYear, app::this_year());
  json items = json::array();
  for (const auto& h : app::holidays_of_year(ctx.stores, year)) items.push_back(holiday_json(h));
  return json_response({{"year", year}, {"items", std::move(items)}});
}

Response handle_holiday_create(Context& ctx) {
  const auto& who = ctx.require_administrator();
  const json body = ctx.json_body();
  app::NewHoliday in;
  in.date = required_string(body, "date", 10);
  in.name = required_string(body, "name", 200);
  in.kind = required_string(body, "kind", 50);
  return json_response(holiday_json(app::add_holiday(ctx.stores, app::actor_of(who.user), in)),
                       201);
}

Response handle_holiday_delete(Context& ctx) {
  const auto& who = ctx.require_administrator();
  app::remove_holiday(ctx.stores, app::actor_of(who.user), ctx.ids[0]);
  Response r;
  r.status = 204;
  return r;
}

}  // namespace tatakerja::server
