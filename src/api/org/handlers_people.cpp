// Handlers of personal data (signed-in users only): the people search and an employee's page.
#include "api/api.hpp"
#include "api/json_writer.hpp"

namespace tatakerja::server {
namespace {
// How far past a page's start the people search counts matches for `total`.
constexpr std::int64_t kSearchCountAhead = 200;
}  // namespace

Response handle_employees_list(Context& ctx) {
  ctx.require_user();
  const std::string q = ctx.query("q").value_or("");
  if (q.size() > 200) fail(ErrorCode::InvalidParameter, "q");
  const Id region_id = ctx.query_id("region_id").value_or(0);
  const auto page = ctx.page();
  const auto hits = ctx.store.search_employees(q, region_id, page);
  // A short page gives the total; a full one counts on, at most kSearchCountAhead matches past
  // the page's start (bounded work per page: a common name matches thousands of people).
  org::BoundedCount total{page.offset + static_cast<std::int64_t>(hits.size()), false};
  if (hits.size() >= static_cast<std::size_t>(page.limit) || (hits.empty() && page.offset > 0)) {
    total = ctx.store.count_search_employees_up_to(q, region_id, page.offset + kSearchCountAhead);
  }
  JsonWriter out;
  out.begin_object().key("items").begin_array();
  for (const auto& h : hits) {
    const auto& e = h.employee;
    out.begin_object()
        .key("id")
        .value(e.id)
        .key("nip")
        .value(e.nip)
        .key("name")
        .value(e.name)
        .key("kind")
        .value(org::to_string(e.kind))
        .key("rank")
        .value(e.rank)
        .key("position");
    if (h.position_id) {
      out.begin_object()
          .key("id")
          .value(*h.position_id)
          .key("title")
          .value(h.position_title)
          .end_object();
    } else {
      out.null();
    }
    out.key("agency_name")
        .value(h.agency_name)
        .key("placement_kind")
        .value(h.placement_kind)
        .key("definitive_holder");
    // An acting official (Plt, Plh) is listed with the position's definitive holder (or null: the
    // position is vacant); one lookup per acting hit only.
    const json definitive =
        h.position_id && (h.placement_kind == "plt" || h.placement_kind == "plh")
            ? definitive_holder_json(ctx.store, *h.position_id)
            : json(nullptr);
    if (definitive.is_null()) {
      out.null();
    } else {
      out.begin_object()
          .key("employee_id")
          .value(definitive["employee_id"].get<std::int64_t>())
          .key("name")
          .value(definitive["name"].get<std::string>())
          .end_object();
    }
    out.end_object();
  }
  out.end_array()
      .key("total")
      .value(total.count)
      .key("limit")
      .value(page.limit)
      .key("offset")
      .value(page.offset)
      .key("total_at_least")
      .value(total.at_least)
      .end_object();
  return json_text_response(out.take());
}

Response handle_employee_get(Context& ctx) {
  ctx.require_user();
  const auto e = ctx.store.employee(ctx.ids[0]);
  if (!e) fail(ErrorCode::NotFound);
  return json_response(employee_detail(ctx.store, *e));
}

}  // namespace tatakerja::server
