// The audit log as registry administrators read it: newest first, each entry with the record
// before and after.
#include "api/api.hpp"

namespace tatakerja::server {
namespace {

// Counts a list the store pages but does not count, a page of 500 at a time.
template <typename F>
std::int64_t count_pages(F fetch) {
  std::int64_t total = 0;
  Page p{500, 0};
  for (;;) {
    const auto n = fetch(p);
    total += static_cast<std::int64_t>(n);
    if (n < 500) break;
    p.offset += 500;
  }
  return total;
}

}  // namespace

Response handle_audit_list(Context& ctx) {
  ctx.require_editor();
  const auto page = ctx.page();
  const auto entries = ctx.identity.audit_log(page);
  std::int64_t total = 0;
  if (entries.size() < static_cast<std::size_t>(page.limit) &&
      (!entries.empty() || page.offset == 0)) {
    total = page.offset + static_cast<std::int64_t>(entries.size());
  } else {
    total = count_pages([&](const Page& p) { return ctx.identity.audit_log(p).size(); });
  }
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
                     {"after", as_json(e.after)}});
  }
  return json_response(list_answer(std::move(items), total, page));
}

}  // namespace tatakerja::server
