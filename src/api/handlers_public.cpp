// Handlers of the public structure: health, the OpenAPI document, regions, agencies (with their
// unit tree, chart, positions and structure history), positions, articles and regulations.
// Anonymous answers carry no personal data: position holders are null and chart nodes carry no
// holder names unless a user is signed in.
#include <algorithm>
#include <unordered_map>

#include "api/api.hpp"
#include "api/openapi.hpp"
#include "app/structure_change_json.hpp"
#include "core/text.hpp"

namespace tatakerja::server {
namespace {

// Whether `needle` occurs in `haystack`, ASCII case ignored; an empty needle always does.
bool contains_ignoring_case(std::string_view haystack, std::string_view needle) {
  return text::ifind(haystack, needle) != std::string_view::npos;
}

// The records `of_region` gives for every region, region after region (a list without the
// region_id filter).
template <typename F>
auto of_every_region(org::OrgStore& store, F of_region) {
  decltype(of_region(Id{})) all;
  for (const auto& r : store.regions()) {
    auto some = of_region(r.id);
    all.insert(all.end(), std::make_move_iterator(some.begin()),
               std::make_move_iterator(some.end()));
  }
  return all;
}

// Items [offset, offset+limit) of `all` as JSON through `to_json`, in a list answer.
template <typename T, typename F>
json paged(const std::vector<T>& all, const Page& page, F to_json) {
  json items = json::array();
  const std::size_t begin = std::min(all.size(), static_cast<std::size_t>(page.offset));
  const std::size_t end = std::min(all.size(), begin + static_cast<std::size_t>(page.limit));
  for (std::size_t i = begin; i < end; ++i) items.push_back(to_json(all[i]));
  return list_answer(std::move(items), static_cast<std::int64_t>(all.size()), page);
}

org::Agency agency_or_404(Context& ctx) {
  auto a = ctx.store.agency(ctx.ids[0]);
  if (!a) fail(ErrorCode::NotFound);
  return std::move(*a);
}

std::vector<org::Position> live_positions(org::OrgStore& store, Id agency_id) {
  return store.positions_of_agency(agency_id, false);
}

}  // namespace

Response handle_health(Context& ctx) {
  return json_response({{"status", "ok"},
                        {"database", ctx.stores.backend},
                        {"schema_version", ctx.stores.schema_version()}});
}

Response handle_openapi(Context&) {
  Response r;
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  r.body = std::string(openapi_document());
  return r;
}

Response handle_regions_list(Context& ctx) {
  const auto page = ctx.page();
  const auto regions = ctx.store.regions();
  return json_response(paged(regions, page, [&](const org::Region& r) {
    return json{{"id", r.id},
                {"code", r.code},
                {"name", r.name},
                {"kind", org::to_string(r.kind)},
                {"agency_count", ctx.store.agencies_of_region(r.id).size()}};
  }));
}

Response handle_region_get(Context& ctx) {
  const auto r = ctx.store.region(ctx.ids[0]);
  if (!r) fail(ErrorCode::NotFound);
  json agencies = json::array();
  for (const auto& a : ctx.store.agencies_of_region(r->id)) agencies.push_back(agency_ref(a));
  json regulations = json::array();
  for (const auto& g : ctx.store.regulations_of_region(r->id))
    regulations.push_back(regulation_ref(g));
  return json_response({{"id", r->id},
                        {"code", r->code},
                        {"name", r->name},
                        {"kind", org::to_string(r->kind)},
                        {"agencies", std::move(agencies)},
                        {"regulations", std::move(regulations)}});
}

Response handle_agencies_list(Context& ctx) {
  const auto region_id = ctx.query_id("region_id");
  const std::string q = ctx.query("q").value_or("");
  const auto page = ctx.page();
  const auto of_region = [&](Id id) { return ctx.store.agencies_of_region(id); };
  auto all = region_id ? of_region(*region_id) : of_every_region(ctx.store, of_region);
  if (!q.empty())
    std::erase_if(all, [&](const org::Agency& a) { return !contains_ignoring_case(a.name, q); });
  return json_response(paged(all, page, [](const org::Agency& a) {
    json j = agency_ref(a);
    j["region_id"] = a.region_id;
    return j;
  }));
}

Response handle_agency_get(Context& ctx) {
  const auto a = agency_or_404(ctx);
  const auto region = ctx.store.region(a.region_id);
  const auto regulation = ctx.store.regulation(a.regulation_id);
  json out = agency_ref(a);
  out["max_bidang"] = a.max_bidang ? json(*a.max_bidang) : json(nullptr);
  out["tasks"] = a.tasks;
  out["functions"] = a.functions;
  out["region"] = region ? json{{"id", region->id}, {"name", region->name}} : json(nullptr);
  out["regulation"] = regulation ? regulation_ref(*regulation) : json(nullptr);
  out["source_article_id"] = a.source_article ? json(*a.source_article) : json(nullptr);
  out["unit_count"] = ctx.store.count_units(a.id);
  out["position_count"] = ctx.store.count_positions(a.id);
  return json_response(out);
}

Response handle_agency_units(Context& ctx) {
  const auto a = agency_or_404(ctx);
  const auto units = ctx.store.units_with_heads(a.id);
  // Parents before children: a depth-first walk from the top units, in regulation order.
  std::unordered_map<Id, std::vector<std::size_t>> children;
  std::vector<std::size_t> roots;
  std::unordered_map<Id, std::size_t> index;
  for (std::size_t i = 0; i < units.size(); ++i) index.emplace(units[i].unit.id, i);
  for (std::size_t i = 0; i < units.size(); ++i) {
    const auto& u = units[i].unit;
    if (u.parent_id && index.contains(*u.parent_id) && *u.parent_id != u.id) {
      children[*u.parent_id].push_back(i);
    } else {
      roots.push_back(i);
    }
  }
  json items = json::array();
  std::vector<bool> seen(units.size(), false);
  std::vector<std::size_t> stack(roots.rbegin(), roots.rend());
  const auto emit = [&](std::size_t i) {
    const auto& u = units[i].unit;
    items.push_back(
        {{"id", u.id},
         {"parent_id", u.parent_id ? json(*u.parent_id) : json(nullptr)},
         {"name", u.name},
         {"kind", to_string(u.kind)},
         {"head_position_id",
          units[i].head_position_id ? json(*units[i].head_position_id) : json(nullptr)},
         {"source_article_id", u.source_article ? json(*u.source_article) : json(nullptr)}});
  };
  while (!stack.empty()) {
    const std::size_t i = stack.back();
    stack.pop_back();
    if (seen[i]) continue;
    seen[i] = true;
    emit(i);
    if (const auto it = children.find(units[i].unit.id); it != children.end()) {
      for (auto c = it->second.rbegin(); c != it->second.rend(); ++c) stack.push_back(*c);
    }
  }
  // Units caught in a stored cycle (not reachable from a top unit) are still listed.
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (!seen[i]) emit(i);
  }
  return json_response({{"items", std::move(items)}});
}

Response handle_agency_chart(Context& ctx) {
  const auto a = agency_or_404(ctx);
  const bool personal = ctx.principal() != nullptr;
  std::unordered_map<Id, std::string> unit_names;
  for (const auto& u : ctx.store.units_of_agency(a.id, true)) unit_names.emplace(u.id, u.name);
  json nodes = json::array();
  // One query for every holder of the agency; holders_of_agency lists a position's definitive
  // holder before acting ones, so the first name seen per position is the one shown.
  std::unordered_map<Id, std::string> holder_of;
  for (const auto& h : ctx.store.holders_of_agency(a.id)) {
    holder_of.emplace(h.placement.position_id, h.employee.name);
  }
  for (const auto& p : ctx.store.position_briefs_of_agency(a.id)) {
    const auto held = holder_of.find(p.id);
    const bool vacant = held == holder_of.end();
    json holder_name = personal && !vacant ? json(held->second) : json(nullptr);
    std::string unit_name;
    if (p.unit_id) {
      if (const auto it = unit_names.find(*p.unit_id); it != unit_names.end())
        unit_name = it->second;
    }
    nodes.push_back({{"position_id", p.id},
                     {"title", p.title},
                     {"kind", to_string(p.kind)},
                     {"eselon", to_string(p.eselon)},
                     {"unit_id", p.unit_id ? json(*p.unit_id) : json(nullptr)},
                     {"unit_name", unit_name},
                     {"superior_id", p.superior_id ? json(*p.superior_id) : json(nullptr)},
                     {"work_level", p.work_level},
                     {"vacant", vacant},
                     {"holder_name", std::move(holder_name)}});
  }
  return json_response({{"nodes", std::move(nodes)}});
}

Response handle_agency_positions(Context& ctx) {
  const auto a = agency_or_404(ctx);
  const auto unit_id = ctx.query_id("unit_id");
  std::optional<PositionKind> kind;
  if (const auto k = ctx.query("kind")) {
    kind = org::position_kind_from_string(*k);
    if (!kind) fail(ErrorCode::InvalidParameter, "kind");
  }
  const std::string q = ctx.query("q").value_or("");
  const auto page = ctx.page();
  auto positions = live_positions(ctx.store, a.id);
  std::erase_if(positions, [&](const org::Position& p) {
    return (unit_id && p.unit_id != unit_id) || (kind && p.kind != *kind) ||
           !contains_ignoring_case(p.title, q);
  });
  return json_response(paged(positions, page, [](const org::Position& p) {
    return json{{"id", p.id},
                {"title", p.title},
                {"kind", to_string(p.kind)},
                {"eselon", to_string(p.eselon)},
                {"unit_id", p.unit_id ? json(*p.unit_id) : json(nullptr)},
                {"superior_id", p.superior_id ? json(*p.superior_id) : json(nullptr)},
                {"work_level", p.work_level}};
  }));
}

Response handle_agency_history(Context& ctx) {
  const auto a = agency_or_404(ctx);
  std::unordered_map<Id, json> refs;
  const auto ref = [&](Id id) -> const json& {
    auto it = refs.find(id);
    if (it == refs.end()) {
      const auto r = ctx.store.regulation(id);
      it = refs.emplace(id, r ? regulation_ref(*r) : json(nullptr)).first;
    }
    return it->second;
  };
  json items = json::array();
  for (const auto& c : ctx.store.structure_changes_of_agency(a.id)) {
    json item = app::structure_change_json(c);
    item["old_regulation"] = ref(c.old_regulation_id);
    item["new_regulation"] = ref(c.new_regulation_id);
    items.push_back(std::move(item));
  }
  return json_response({{"items", std::move(items)}});
}

Response handle_position_get(Context& ctx) {
  const auto p = ctx.store.position(ctx.ids[0]);
  if (!p) fail(ErrorCode::NotFound);
  const bool personal = ctx.principal() != nullptr;
  return json_response(position_page(ctx.store, *p, personal));
}

Response handle_article_get(Context& ctx) {
  const auto a = ctx.store.article(ctx.ids[0]);
  if (!a) fail(ErrorCode::NotFound);
  return json_response({{"id", a->id},
                        {"regulation_id", a->regulation_id},
                        {"label", a->label},
                        {"path", a->path},
                        {"first_line", a->first_line},
                        {"last_line", a->last_line},
                        {"text", a->text}});
}

Response handle_regulations_list(Context& ctx) {
  const auto region_id = ctx.query_id("region_id");
  const auto page = ctx.page();
  const auto of_region = [&](Id id) { return ctx.store.regulations_of_region(id); };
  const auto all = region_id ? of_region(*region_id) : of_every_region(ctx.store, of_region);
  return json_response(paged(all, page, [](const org::Regulation& r) {
    json j = regulation_ref(r);
    j["region_id"] = r.region_id;
    return j;
  }));
}

Response handle_regulation_get(Context& ctx) {
  const auto r = ctx.store.regulation(ctx.ids[0]);
  if (!r) fail(ErrorCode::NotFound);
  json out = regulation_ref(*r);
  const auto region = ctx.store.region(r->region_id);
  out["region"] = region ? json{{"id", region->id}, {"name", region->name}} : json(nullptr);
  json revoked_by = nullptr;
  if (r->revoked_by) {
    if (const auto by = ctx.store.regulation(*r->revoked_by)) revoked_by = regulation_ref(*by);
  }
  out["revoked_by"] = std::move(revoked_by);
  out["revoked_articles"] = r->revoked_articles;
  json articles = json::array();
  for (const auto& a : ctx.store.articles_of_regulation(r->id)) {
    articles.push_back({{"id", a.id},
                        {"label", a.label},
                        {"path", a.path},
                        {"first_line", a.first_line},
                        {"last_line", a.last_line}});
  }
  out["articles"] = std::move(articles);
  json findings = json::array();
  for (const auto& f : ctx.store.findings_of_regulation(r->id)) {
    findings.push_back(
        {{"code", f.code}, {"severity", f.severity}, {"line", f.line}, {"message", f.message}});
  }
  out["findings"] = std::move(findings);
  json agencies = json::array();
  for (const auto& a : ctx.store.agencies_of_region(r->region_id)) {
    if (a.regulation_id == r->id) agencies.push_back(agency_ref(a));
  }
  out["agencies"] = std::move(agencies);
  return json_response(out);
}

}  // namespace tatakerja::server
