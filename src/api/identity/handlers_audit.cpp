// The audit log as registry administrators read it: newest first, each entry with the record
// before and after and its chain hash. Paged by key (?before_id=, ?limit=), never counted: a page
// costs one indexed read however long the log is.
#include "api/api.hpp"

namespace tatakerja::server {

Response handle_audit_list(Context& ctx) {
  ctx.require_editor();
  identity::AuditPage page;
  page.limit = ctx.query_number("limit", 1, 500, 50);
  page.before_id = ctx.query_id("before_id");
  const auto entries = ctx.identity.audit_log(page);
  const auto as_json = [](const std::string& s) -> json {
    if (s.empty()) return nullptr;
    json j = json::parse(s, nullptr, false);
    return j.is_discarded() ? json(s) : j;
  };
  json items = json::array();
  for (const auto& e : entries) {
    items.push_back({{"id", e.id},
                     {"at", e.at},
                     {"username", e.username},
                     {"action", e.action},
                     {"entity", e.entity},
                     {"entity_id", e.entity_id},
                     {"before", as_json(e.before)},
                     {"after", as_json(e.after)},
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
