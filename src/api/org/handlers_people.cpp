// Handlers of personal data (signed-in users only): the people search and an employee's page.
#include <algorithm>
#include <unordered_map>

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
  org::PeopleFilter filter(ctx.query_id("region_id").value_or(0));
  filter.agency_id = ctx.query_id("agency_id");
  filter.unit_id = ctx.query_id("unit_id");
  filter.rank = ctx.query("rank").value_or("");
  if (filter.rank.size() > 40) fail(ErrorCode::InvalidParameter, "rank");
  if (const auto k = ctx.query("kind"); k && !k->empty()) {
    filter.kind = org::employee_kind_from_string(*k);
    if (!filter.kind) fail(ErrorCode::InvalidParameter, "kind");
  }
  const auto page = ctx.page();
  const auto hits = ctx.store.search_employees(q, filter, page);
  // A short page gives the total; a full one counts on, at most kSearchCountAhead matches past
  // the page's start (bounded work per page: a common name matches thousands of people).
  org::BoundedCount total{page.offset + static_cast<std::int64_t>(hits.size()), false};
  if (hits.size() >= static_cast<std::size_t>(page.limit) || (hits.empty() && page.offset > 0)) {
    total = ctx.store.count_search_employees_up_to(q, filter, page.offset + kSearchCountAhead);
  }
  // The agencies' regions by name (a registry has a few dozen regions; read once, only when a hit
  // has an agency): agencies of different regions share names.
  std::unordered_map<Id, std::string> region_names;
  if (std::any_of(hits.begin(), hits.end(), [](const auto& h) { return h.agency_region_id; })) {
    for (const auto& r : ctx.store.regions()) region_names.emplace(r.id, r.name);
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
    out.key("agency_id")
        .value(h.agency_id)
        .key("agency_name")
        .value(h.agency_name)
        .key("agency_region_name")
        .value(h.agency_region_id ? region_names[*h.agency_region_id] : std::string())
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
