// A unit's page (public structure): the unit, the units above it (for the breadcrumb), its agency
// and region, its head and its sub-units. Its positions are GET /agencies/{id}/positions?unit_id=,
// its people (signed in) GET /employees?unit_id=.
#include "api/api.hpp"

namespace tatakerja::server {
namespace {

// The most units above one that a page names (a registry's tree is a few levels deep; the
// hierarchy rules refuse cycles, this only bounds the walk).
constexpr int kMaxDepth = 32;

json unit_ref(const org::UnitWithHead& uh) {
  return {{"id", uh.unit.id},
          {"name", uh.unit.name},
          {"kind", to_string(uh.unit.kind)},
          {"head_position_id", uh.head_position_id ? json(*uh.head_position_id) : json(nullptr)},
          {"child_count", uh.child_count}};
}

}  // namespace

Response handle_unit_get(Context& ctx) {
  const auto u = ctx.store.unit(ctx.ids[0]);
  if (!u || u->abolished) fail(ErrorCode::NotFound);
  const auto a = ctx.store.agency(u->agency_id);
  if (!a) fail(ErrorCode::NotFound);
  const auto region = ctx.store.region(a->region_id);

  // The unit among its siblings gives its head and its number of sub-units.
  std::optional<Id> head;
  std::int64_t child_count = 0;
  for (int offset = 0;; offset += 500) {
    const auto siblings = ctx.store.unit_children(a->id, u->parent_id, Page{500, offset});
    bool found = false;
    for (const auto& s : siblings) {
      if (s.unit.id != u->id) continue;
      head = s.head_position_id;
      child_count = s.child_count;
      found = true;
    }
    if (found || siblings.size() < 500) break;
  }

  json parents = json::array();
  std::optional<Id> up = u->parent_id;
  for (int depth = 0; up && depth < kMaxDepth; ++depth) {
    const auto p = ctx.store.unit(*up);
    if (!p) break;
    parents.insert(parents.begin(), json{{"id", p->id}, {"name", p->name}});
    up = p->parent_id;
  }

  json head_json = nullptr;
  if (head) {
    if (const auto p = ctx.store.position(*head)) {
      head_json = {{"id", p->id}, {"title", p->title}, {"eselon", to_string(p->eselon)}};
    }
  }
  json children = json::array();
  for (const auto& c : ctx.store.unit_children(a->id, u->id, ctx.page())) {
    children.push_back(unit_ref(c));
  }
  json agency = agency_ref(*a);
  agency["region"] = region ? json{{"id", region->id}, {"name", region->name}} : json(nullptr);
  return json_response(
      {{"id", u->id},
       {"name", u->name},
       {"kind", to_string(u->kind)},
       {"agency", std::move(agency)},
       {"parents", std::move(parents)},
       {"head", std::move(head_json)},
       {"source_article_id", u->source_article ? json(*u->source_article) : json(nullptr)},
       {"child_count", child_count},
       {"children", std::move(children)}});
}

}  // namespace tatakerja::server
