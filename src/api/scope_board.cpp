#include "api/scope_board.hpp"

#include <algorithm>
#include <utility>

namespace tatakerja::server {

void ScopeBoard::refresh_if_due(org::OrgStore& store, std::uint64_t changes,
                                Clock::time_point now) {
  if (loaded_ && changes == changes_seen_ && now - loaded_at_ < recheck_) return;
  // `changes` was read by the caller before this reload: a change that ends meanwhile moves the
  // count past it and brings the next reload.
  load(store.all_scope_revisions(), changes, now);
}

void ScopeBoard::load(Stamp revisions, std::uint64_t changes, Clock::time_point now) {
  revisions_ = std::move(revisions);
  std::sort(
      revisions_.begin(), revisions_.end(),
      [](const org::ScopeRevision& a, const org::ScopeRevision& b) { return a.scope < b.scope; });
  loaded_ = true;
  changes_seen_ = changes;
  loaded_at_ = now;
}

std::int64_t ScopeBoard::revision_of(std::string_view scope) const {
  const auto it =
      std::lower_bound(revisions_.begin(), revisions_.end(), scope,
                       [](const org::ScopeRevision& r, std::string_view s) { return r.scope < s; });
  return it != revisions_.end() && it->scope == scope ? it->revision : 0;
}

bool ScopeBoard::matches(const Stamp& stamp) const {
  return loaded_ && std::all_of(stamp.begin(), stamp.end(), [this](const org::ScopeRevision& r) {
           return revision_of(r.scope) == r.revision;
         });
}

}  // namespace tatakerja::server
