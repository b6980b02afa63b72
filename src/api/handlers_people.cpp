// Handlers of personal data (signed-in users only): the people search and an employee's page.
#include "api/api.hpp"

namespace tatakerja::server {
namespace {
// How far past a page's start the people search counts matches for `total`.
constexpr std::int64_t kSearchCountAhead = 1000;
}  // namespace

Response handle_employees_list(Context& ctx) {
  ctx.require_user();
  const std::string q = ctx.query("q").value_or("");
  if (q.size() > 200) fail(400, "INVALID_PARAMETER", "q");
  const Id region_id = ctx.query_id("region_id").value_or(0);
  const auto page = ctx.page();
  const auto hits = ctx.store.search_employees(q, region_id, page);
  // A short page gives the total; a full one counts on, at most kSearchCountAhead matches past
  // the page's start (bounded work per page: a common name matches thousands of people).
  org::BoundedCount total{page.offset + static_cast<std::int64_t>(hits.size()), false};
  if (hits.size() >= static_cast<std::size_t>(page.limit) || (hits.empty() && page.offset > 0)) {
    total = ctx.store.count_search_employees_up_to(q, region_id, page.offset + kSearchCountAhead);
  }
  json items = json::array();
  for (const auto& h : hits) {
    const auto& e = h.employee;
    items.push_back(
        {{"id", e.id},
         {"nip", e.nip},
         {"name", e.name},
         {"kind", org::to_string(e.kind)},
         {"rank", e.rank},
         {"position", h.position_id ? json{{"id", *h.position_id}, {"title", h.position_title}}
                                    : json(nullptr)},
         {"agency_name", h.agency_name},
         {"placement_kind", h.placement_kind}});
  }
  json answer = list_answer(std::move(items), total.count, page);
  answer["total_at_least"] = total.at_least;
  return json_response(answer);
}

Response handle_employee_get(Context& ctx) {
  ctx.require_user();
  const auto e = ctx.store.employee(ctx.ids[0]);
  if (!e) fail(404, "NOT_FOUND");
  return json_response(employee_detail(ctx.store, *e));
}

}  // namespace tatakerja::server
