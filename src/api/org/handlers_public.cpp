// Handlers of the public structure: health, the OpenAPI document, regions, agencies (with their
// unit tree, chart, positions and structure history), positions, articles and regulations.
// Anonymous answers carry no personal data: position holders are null and chart nodes carry no
// holder names unless a user is signed in.
#include <algorithm>
#include <unordered_map>

#include "api/api.hpp"
#include "api/json_writer.hpp"
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

// How much of a tree one answer gives (GET /agencies/{id}/units and /chart): `depth` levels
// (1..10, default 2), at most `page.limit` nodes (1..500, default 50), the first level (or the
// root's children) from `page.offset` on.
struct TreeShape {
  int depth = 2;
  Page page;
};

TreeShape tree_shape(Context& ctx) {
  TreeShape shape;
  shape.depth = ctx.query_number("depth", 1, 10, shape.depth);
  shape.page = ctx.page();
  return shape;
}

// The nodes of a tree read level by level, parents before children, and how many children of
// each node are among them.
template <typename Node>
struct TreeSlice {
  std::vector<Node> nodes;
  std::unordered_map<Id, std::int64_t> included_children;
  std::int64_t included_children_of(Id id) const {
    const auto it = included_children.find(id);
    return it == included_children.end() ? 0 : it->second;
  }
};

// Reads a tree level by level from its `first` level: each next level is the children of the
// level before, read node by node (only for nodes that have children, so the work is bounded by
// the answer), until `shape.depth` levels or `shape.page.limit` nodes. The children of the first
// level start at `first_children_offset` (a root's children paged).
template <typename Node, typename IdOf, typename ChildCount, typename Children>
TreeSlice<Node> read_levels(std::vector<Node> first, const TreeShape& shape,
                            int first_children_offset, IdOf id_of, ChildCount child_count,
                            Children children) {
  TreeSlice<Node> slice;
  std::size_t budget = static_cast<std::size_t>(shape.page.limit);
  std::vector<Node> level = std::move(first);
  if (level.size() > budget) level.resize(budget);
  budget -= level.size();
  for (int d = 1; !level.empty(); ++d) {
    std::vector<Node> next;
    for (const auto& node : level) {
      if (d >= shape.depth || budget == 0) break;
      const int offset = d == 1 ? first_children_offset : 0;
      if (child_count(node) <= offset) continue;
      auto kids = children(node, Page{static_cast<int>(budget), offset});
      slice.included_children[id_of(node)] = static_cast<std::int64_t>(kids.size());
      budget -= std::min(budget, kids.size());
      for (auto& k : kids) next.push_back(std::move(k));
    }
    for (auto& n : level) slice.nodes.push_back(std::move(n));
    level = std::move(next);
  }
  return slice;
}

}  // namespace

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
  // Agencies of different regions share names ("Dinas Kesehatan"): each names its region.
  std::unordered_map<Id, std::string> region_names;
  for (const auto& r : ctx.store.regions()) region_names.emplace(r.id, r.name);
  return json_response(paged(all, page, [&](const org::Agency& a) {
    json j = agency_ref(a);
    j["region_id"] = a.region_id;
    j["region_name"] = region_names[a.region_id];
    return j;
  }));
}

namespace {

// A regulation that gives no task of the agency itself often gives its head's ("Kepala Badan
// mempunyai tugas pokok ... fungsi: a. ..."): then the agency's tasks and functions are its
// head's, and `tasks_of_head` says whose and where they are written.
void add_tasks_of_head(Context& ctx, Id agency_id, json& out) {
  const auto tops = ctx.store.chart_tops(agency_id, Page{1, 0}, false);
  if (tops.empty()) return;
  const auto head = ctx.store.position(tops.front().brief.id);
  if (!head || (head->summary.empty() && head->functions.empty())) return;
  out["tasks"] = head->summary;
  out["functions"] = head->functions;
  const auto article = head->duties_article ? head->duties_article : head->source_article;
  out["tasks_of_head"] = {{"id", head->id},
                          {"title", head->title},
                          {"article_id", article ? json(*article) : json(nullptr)}};
}

}  // namespace

Response handle_agency_get(Context& ctx) {
  const auto a = agency_or_404(ctx);
  const auto region = ctx.store.region(a.region_id);
  const auto regulation = ctx.store.regulation(a.regulation_id);
  json out = agency_ref(a);
  out["max_bidang"] = a.max_bidang ? json(*a.max_bidang) : json(nullptr);
  out["tasks"] = a.tasks;
  out["functions"] = a.functions;
  out["tasks_of_head"] = nullptr;
  if (a.tasks.empty() && a.functions.empty()) add_tasks_of_head(ctx, a.id, out);
  out["region"] = region ? json{{"id", region->id}, {"name", region->name}} : json(nullptr);
  out["regulation"] = regulation ? regulation_ref(*regulation) : json(nullptr);
  out["source_article_id"] = a.source_article ? json(*a.source_article) : json(nullptr);
  out["unit_count"] = ctx.store.count_units(a.id);
  out["position_count"] = ctx.store.count_positions(a.id);
  return json_response(out);
}

Response handle_agency_units(Context& ctx) {
  const auto a = agency_or_404(ctx);
  const auto parent = ctx.query_id("parent");
  if (parent) {
    const auto u = ctx.store.unit(*parent);
    if (!u || u->agency_id != a.id || u->abolished) fail(ErrorCode::NotFound);
  }
  const TreeShape shape = tree_shape(ctx);
  const auto slice = read_levels(
      ctx.store.unit_children(a.id, parent, shape.page), shape, 0,
      [](const org::UnitWithHead& u) { return u.unit.id; },
      [](const org::UnitWithHead& u) { return u.child_count; },
      [&](const org::UnitWithHead& u, const Page& page) {
        return ctx.store.unit_children(a.id, u.unit.id, page);
      });
  JsonWriter out;
  out.begin_object().key("items").begin_array();
  for (const auto& uh : slice.nodes) {
    const auto& u = uh.unit;
    out.begin_object()
        .key("id")
        .value(u.id)
        .key("parent_id")
        .value(u.parent_id)
        .key("name")
        .value(u.name)
        .key("kind")
        .value(to_string(u.kind))
        .key("head_position_id")
        .value(uh.head_position_id)
        .key("source_article_id")
        .value(u.source_article)
        .key("child_count")
        .value(uh.child_count)
        .key("hidden_children")
        .value(uh.child_count - slice.included_children_of(u.id))
        .end_object();
  }
  out.end_array().end_object();
  return json_text_response(out.take());
}

Response handle_agency_chart(Context& ctx) {
  const auto a = agency_or_404(ctx);
  const bool personal = ctx.principal() != nullptr;
  const auto root_id = ctx.query_id("root");
  const TreeShape shape = tree_shape(ctx);
  std::vector<org::ChartPosition> first;
  if (root_id) {
    auto root = ctx.store.chart_position(a.id, *root_id, personal);
    if (!root) fail(ErrorCode::NotFound);
    first.push_back(std::move(*root));
  } else {
    first = ctx.store.chart_tops(a.id, shape.page, personal);
  }
  const auto slice = read_levels(
      std::move(first), shape, root_id ? shape.page.offset : 0,
      [](const org::ChartPosition& p) { return p.brief.id; },
      [](const org::ChartPosition& p) { return p.subordinate_count; },
      [&](const org::ChartPosition& p, const Page& page) {
        return ctx.store.chart_subordinates(a.id, p.brief.id, page, personal);
      });
  JsonWriter out;
  out.begin_object().key("nodes").begin_array();
  for (const auto& n : slice.nodes) {
    const auto& p = n.brief;
    const bool vacant = !n.holder_name;
    out.begin_object()
        .key("position_id")
        .value(p.id)
        .key("title")
        .value(p.title)
        .key("kind")
        .value(to_string(p.kind))
        .key("eselon")
        .value(to_string(p.eselon))
        .key("unit_id")
        .value(p.unit_id)
        .key("unit_name")
        .value(n.unit_name)
        .key("superior_id")
        .value(p.superior_id)
        .key("work_level")
        .value(p.work_level)
        .key("vacant")
        .value(vacant)
        .key("holder_name")
        .value(personal ? n.holder_name : std::nullopt)
        .key("holders")
        .begin_array();
    for (const auto& h : n.holders) {
      out.begin_object().key("placement_kind").value(org::to_string(h.kind)).key("name");
      if (personal)
        out.value(h.name);
      else
        out.null();
      out.end_object();
    }
    out.end_array()
        .key("subordinate_count")
        .value(n.subordinate_count)
        .key("hidden_children")
        .value(n.subordinate_count - slice.included_children_of(p.id))
        .end_object();
  }
  out.end_array().end_object();
  return json_text_response(out.take());
}

Response handle_agency_positions(Context& ctx) {
  const auto a = agency_or_404(ctx);
  org::PositionFilter filter;
  filter.unit_id = ctx.query_id("unit_id");
  if (const auto k = ctx.query("kind")) {
    filter.kind = org::position_kind_from_string(*k);
    if (!filter.kind) fail(ErrorCode::InvalidParameter, "kind");
  }
  filter.title_contains = ctx.query("q").value_or("");
  if (const auto v = ctx.query("vacant")) {
    if (*v != "1" && *v != "0") fail(ErrorCode::InvalidParameter, "vacant");
    filter.vacant_only = *v == "1";
  }
  const auto page = ctx.page();
  const auto found = ctx.store.position_briefs_page(a.id, filter, page);
  json items = json::array();
  for (const auto& p : found.items) {
    items.push_back({{"id", p.id},
                     {"title", p.title},
                     {"kind", to_string(p.kind)},
                     {"eselon", to_string(p.eselon)},
                     {"unit_id", p.unit_id ? json(*p.unit_id) : json(nullptr)},
                     {"superior_id", p.superior_id ? json(*p.superior_id) : json(nullptr)},
                     {"work_level", p.work_level}});
  }
  return json_response(list_answer(std::move(items), found.total, page));
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

namespace {

// Every stored version of the regulation (same region, kind, number and year), oldest first; the
// regulation alone when it has no number or year to be recognised by.
json versions_json(Context& ctx, const org::Regulation& r) {
  json out = json::array();
  if (r.number.empty() || !r.year) {
    out.push_back(regulation_ref(r));
    return out;
  }
  std::vector<org::Regulation> same;
  for (auto& x : ctx.store.regulations_of_region(r.region_id)) {
    if (x.kind == r.kind && x.number == r.number && x.year == r.year) same.push_back(std::move(x));
  }
  std::stable_sort(same.begin(), same.end(),
                   [](const auto& a, const auto& b) { return a.version < b.version; });
  for (const auto& x : same) out.push_back(regulation_ref(x));
  return out;
}

}  // namespace

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
  out["versions"] = versions_json(ctx, *r);
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
  out["iki"] = iki_tables_json(ctx.store, ctx.store.iki_tables_of_regulation(r->id));
  json agencies = json::array();
  for (const auto& a : ctx.store.agencies_of_region(r->region_id)) {
    if (a.regulation_id == r->id) agencies.push_back(agency_ref(a));
  }
  out["agencies"] = std::move(agencies);
  return json_response(out);
}

}  // namespace tatakerja::server
