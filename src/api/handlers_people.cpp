// Handlers of personal data (signed-in users only): the people search and an employee's page.
#include "api/api.hpp"

namespace tatakerja::server {

Response handle_employees_list(Context& ctx) {
  ctx.require_user();
  const std::string q = ctx.query("q").value_or("");
  if (q.size() > 200) fail(ErrorCode::InvalidParameter, "q");
  const Id region_id = ctx.query_id("region_id").value_or(0);
  const auto page = ctx.page();
  const auto hits = ctx.store.search_employees(q, region_id, page);
  // A full page needs the count of every match; a short page gives it.
  std::int64_t total = page.offset + static_cast<std::int64_t>(hits.size());
  if (hits.size() >= static_cast<std::size_t>(page.limit) || (hits.empty() && page.offset > 0)) {
    total = ctx.store.count_search_employees(q, region_id);
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
  return json_response(list_answer(std::move(items), total, page));
}

Response handle_employee_get(Context& ctx) {
  ctx.require_user();
  const auto e = ctx.store.employee(ctx.ids[0]);
  if (!e) fail(ErrorCode::NotFound);
  return json_response(employee_detail(ctx.store, *e));
}

}  // namespace tatakerja::server
