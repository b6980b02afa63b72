// The audit log as registry administrators read it: newest first, each entry with the record
// before and after, its chain hash, and the names of what it changed (the record itself and the
// records its fields refer to), so that an entry reads as a sentence with links. Paged by key
// (?before_id=, ?limit=), never counted: a page costs one indexed read however long the log is.
// Filtered by account (?username=), kind of change (?action=), kind of record (?entity=) and
// period (?from=, ?to=: dates, both days included), each by its own index (migration 12).
#include <charconv>
#include <chrono>
#include <map>

#include "api/api.hpp"
#include "core/date.hpp"

namespace tatakerja::server {
namespace {

// A word of the audit log's vocabulary ("update", "sign_in", "position"); anything else is refused.
std::string audit_word(Context& ctx, const char* name) {
  std::string v = ctx.query(name).value_or("");
  if (v.size() > 40) fail(ErrorCode::InvalidParameter, name);
  for (char c : v) {
    if (!((c >= 'a' && c <= 'z') || c == '_')) fail(ErrorCode::InvalidParameter, name);
  }
  return v;
}

// A date of the period, or nullopt when not given.
std::optional<Date> period_day(Context& ctx, const char* name) {
  const auto v = ctx.query(name);
  if (!v || v->empty()) return std::nullopt;
  auto d = parse_iso_date(*v);
  if (!d) fail(ErrorCode::InvalidParameter, name);
  return d;
}

std::string day_after(const Date& d) {
  using namespace std::chrono;
  const year_month_day next{sys_days{year{d.year} / month{static_cast<unsigned>(d.month)} /
                                     day{static_cast<unsigned>(d.day)}} +
                            days{1}};
  return Date{static_cast<int>(next.year()), static_cast<int>(static_cast<unsigned>(next.month())),
              static_cast<int>(static_cast<unsigned>(next.day()))}
      .iso();
}

// What an entry names, looked up once per page: "position/12" -> "Kepala Dinas".
class Names {
 public:
  explicit Names(Context& ctx) : ctx_(ctx) {}

  // The record an entry is about, as the web interface links it; null when it is gone.
  json subject(const identity::AuditEntry& e) {
    Id id = 0;
    const auto r = std::from_chars(e.entity_id.data(), e.entity_id.data() + e.entity_id.size(), id);
    if (e.entity_id.empty() || r.ec != std::errc{} || id <= 0) return nullptr;
    if (e.entity == "employee") {
      if (const auto x = ctx_.store.employee(id)) return {{"id", id}, {"name", x->name}};
    } else if (e.entity == "position") {
      if (const auto x = ctx_.store.position(id))
        return {{"id", id}, {"name", x->title}, {"agency_id", x->agency_id}};
    } else if (e.entity == "unit") {
      if (const auto x = ctx_.store.unit(id))
        return {{"id", id}, {"name", x->name}, {"agency_id", x->agency_id}};
    } else if (e.entity == "placement") {
      if (const auto x = ctx_.store.placement(id)) {
        json j{{"id", id},
               {"name", name("employee", x->employee_id)},
               {"employee_id", x->employee_id},
               {"position_id", x->position_id},
               {"position_title", name("position", x->position_id)}};
        return j;
      }
    } else if (e.entity == "regulation") {
      if (const auto x = ctx_.store.regulation(id)) return {{"id", id}, {"name", x->title}};
    } else if (e.entity == "user") {
      if (const auto x = ctx_.identity.user_by_id(id))
        return {{"id", id}, {"name", x->display_name}, {"username", x->username}};
    } else if (e.entity == "agency" || e.entity == "people") {
      // (A people import's entry is about the agency the table was read into.)
      if (const auto x = ctx_.store.agency(id)) return {{"id", id}, {"name", x->name}};
    }
    return nullptr;
  }

  // The names of the records the fields of `record` (an entry's before or after) refer to.
  void add_refs(const json& record, json& out) {
    if (!record.is_object()) return;
    for (const auto& [field, kind] : kRefFields) {
      const auto it = record.find(field);
      if (it == record.end() || !it->is_number_integer()) continue;
      const Id id = it->get<Id>();
      const std::string key = std::string(kind) + "/" + std::to_string(id);
      if (out.contains(key)) continue;
      const std::string n = name(kind, id);
      if (!n.empty()) out[key] = n;
    }
  }

 private:
  static constexpr std::pair<const char*, const char*> kRefFields[] = {
      {"superior_id", "position"}, {"position_id", "position"}, {"appraiser_id", "position"},
      {"unit_id", "unit"},         {"parent_id", "unit"},       {"employee_id", "employee"},
      {"region_id", "region"},     {"agency_id", "agency"},     {"regulation_id", "regulation"}};

  std::string name(const std::string& kind, Id id) {
    const std::string key = kind + "/" + std::to_string(id);
    if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
    std::string n;
    if (kind == "position") {
      if (const auto x = ctx_.store.position(id)) n = x->title;
    } else if (kind == "unit") {
      if (const auto x = ctx_.store.unit(id)) n = x->name;
    } else if (kind == "employee") {
      if (const auto x = ctx_.store.employee(id)) n = x->name;
    } else if (kind == "region") {
      if (const auto x = ctx_.store.region(id)) n = x->name;
    } else if (kind == "agency") {
      if (const auto x = ctx_.store.agency(id)) n = x->name;
    } else if (kind == "regulation") {
      if (const auto x = ctx_.store.regulation(id)) n = x->title;
    }
    cache_.emplace(key, n);
    return n;
  }

  Context& ctx_;
  std::map<std::string, std::string> cache_;
};

}  // namespace

Response handle_audit_list(Context& ctx) {
  ctx.require_editor();
  identity::AuditPage page;
  page.limit = ctx.query_number("limit", 1, 500, 50);
  page.before_id = ctx.query_id("before_id");
  page.username = ctx.query("username").value_or("");
  if (page.username.size() > 100) fail(ErrorCode::InvalidParameter, "username");
  page.action = audit_word(ctx, "action");
  page.entity = audit_word(ctx, "entity");
  const auto from = period_day(ctx, "from");
  const auto to = period_day(ctx, "to");
  if (from && to && to->iso() < from->iso()) fail(ErrorCode::InvalidParameter, "to");
  if (from) page.from = from->iso();
  if (to) page.until = day_after(*to);
  const auto entries = ctx.identity.audit_log(page);
  const auto as_json = [](const std::string& s) -> json {
    if (s.empty()) return nullptr;
    json j = json::parse(s, nullptr, false);
    return j.is_discarded() ? json(s) : j;
  };
  Names names(ctx);
  json items = json::array();
  for (const auto& e : entries) {
    json before = as_json(e.before);
    json after = as_json(e.after);
    json refs = json::object();
    names.add_refs(before, refs);
    names.add_refs(after, refs);
    items.push_back({{"id", e.id},
                     {"at", e.at},
                     {"username", e.username},
                     {"action", e.action},
                     {"entity", e.entity},
                     {"entity_id", e.entity_id},
                     {"subject", names.subject(e)},
                     {"before", std::move(before)},
                     {"after", std::move(after)},
                     {"names", std::move(refs)},
                     {"hash", e.hash.empty() ? json(nullptr) : json(e.hash)}});
  }
  // The next (older) page starts below the last entry of this one; none when this one is not full
  // or reached the first entry.
  const bool more = static_cast<int>(entries.size()) == page.limit && entries.back().id > 1;
  json out{{"items", std::move(items)},
           {"limit", page.limit},
           {"next_before_id", more ? json(entries.back().id) : json(nullptr)}};
  return json_response(out);
}

}  // namespace tatakerja::server
