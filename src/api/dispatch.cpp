#include "api/dispatch.hpp"

#include <memory>
#include <string>
#include <vector>

#include "api/answer_cache.hpp"
#include "api/api.hpp"
#include "api/router.hpp"

namespace tatakerja::server {
namespace {

constexpr std::string_view kApiPrefix = "/api/v1";

// The stamp of what route `reads` for this request: the current revision of each scope it reads
// ("agency/12=7 people=3"), read in one query before the answer is computed.
std::string stamp_of(Context& ctx, unsigned route_reads, bool signed_in) {
  std::vector<std::string> scopes;
  if (route_reads & reads::kRegistry) scopes.emplace_back("registry");
  if (route_reads & reads::kAgency) scopes.push_back("agency/" + std::to_string(ctx.ids[0]));
  if ((route_reads & reads::kPeople) || (signed_in && (route_reads & reads::kHoldersIfSignedIn)))
    scopes.emplace_back("people");
  if (route_reads & reads::kRegulations) scopes.emplace_back("regulations");
  std::optional<Id> position;
  if (route_reads & reads::kAgencyOfPosition) position = ctx.ids[0];
  std::string stamp;
  for (const auto& s : ctx.store.scope_revisions(scopes, position)) {
    stamp += s.scope;
    stamp += '=';
    stamp += std::to_string(s.revision);
    stamp += ' ';
  }
  return stamp;
}

// A registry answer from the cache when it holds one for this target, reader kind (signed in or
// not) and the current revisions of the scopes the route reads; otherwise computed and kept. The
// session is resumed first, so an expired or forged cookie reads as anonymous; routes that need a
// user refuse anonymous readers in their handler, and only 200 answers are kept, so an anonymous
// key never holds personal data.
Response registry_answer(Context& ctx, std::size_t route, AnswerCache& answers) {
  const bool signed_in = ctx.principal() != nullptr;
  std::string key(signed_in ? "u " : "a ");
  key += ctx.request.target;
  std::string stamp = stamp_of(ctx, route_list()[route].reads, signed_in);
  if (auto hit = answers.find(key, stamp)) {
    Response r;
    r.headers.emplace_back("Content-Type", std::move(hit->content_type));
    r.body = *hit->body;
    return r;
  }
  Response r = route_handler(route)(ctx);
  if (r.status == 200) {
    std::string content_type;
    for (const auto& [n, v] : r.headers)
      if (n == "Content-Type") content_type = v;
    answers.put(
        key, std::move(stamp),
        AnswerCache::Answer{std::move(content_type), std::make_shared<const std::string>(r.body)});
  }
  return r;
}

}  // namespace

Response error_answer(ErrorCode code) {
  return error_response(Refusal(code));
}

Response handle_api_request(const Request& req, app::Stores& stores, ApiShared shared,
                            std::optional<org::Id>& user_id) {
  if (req.body_too_large) return error_answer(ErrorCode::PayloadTooLarge);
  std::string_view path = req.path();
  if (!path.starts_with(kApiPrefix)) return error_answer(ErrorCode::NotFound);
  path.remove_prefix(kApiPrefix.size());
  const RouteMatch m = match_route(req.method, path);
  if (m.kind == MatchKind::NotFound) return error_answer(ErrorCode::NotFound);
  if (m.kind == MatchKind::MethodNotAllowed) {
    Response r = error_answer(ErrorCode::MethodNotAllowed);
    r.set_header("Allow", m.allow);
    return r;
  }
  Context ctx(req, stores, shared.config, shared.limiter);
  ctx.ids = m.ids;
  Response r;
  try {
    if (route_list()[m.route].reads != 0 && shared.answers.enabled()) {
      r = registry_answer(ctx, m.route, shared.answers);
    } else {
      r = route_handler(m.route)(ctx);
    }
    for (auto& h : ctx.response.headers) r.headers.push_back(std::move(h));
  } catch (...) {
    r = error_response_for_current_exception();
  }
  user_id = ctx.user_id_if_known();
  return r;
}

}  // namespace tatakerja::server
