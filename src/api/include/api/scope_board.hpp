// What one worker knows of the current revision of every scope (org::OrgStore::
// all_scope_revisions), so that a cached answer is checked against it without reading the
// database: the cache hit costs no query. The board is reloaded (one query, inside the request's
// read snapshot) when it is due:
// - after a change request of this server: every change request that ends moves the cache's
//   change count (AnswerCache::note_change), and a board that saw another count reloads. The
//   count is read before the reload, so a change that commits during a reload is seen next time;
//   a reader who sent a change and then reads sees it, whichever worker answers;
// - after `recheck` since the last load, for changes made outside this server (the CLI, another
//   server on the same PostgreSQL database): those reach cached answers within `recheck`.
// One per worker thread; not shared, so no lock.
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>
#include <vector>

#include "org/org_store.hpp"

namespace tatakerja::server {

// The scopes an answer read and their revisions when it was computed, sorted by scope.
using Stamp = std::vector<org::ScopeRevision>;

class ScopeBoard {
 public:
  using Clock = std::chrono::steady_clock;

  explicit ScopeBoard(std::chrono::milliseconds recheck) : recheck_(recheck) {}

  // Reloads the board from `store` when a change request ended since the last load (`changes`
  // is not the count it last saw) or `recheck` has passed; a recheck of 0 reloads every time.
  void refresh_if_due(org::OrgStore& store, std::uint64_t changes, Clock::time_point now);
  // Takes `revisions` (all_scope_revisions, read after `changes`) as the board's content.
  void load(Stamp revisions, std::uint64_t changes, Clock::time_point now);

  // The scope's revision as last loaded (0 for a scope that never changed).
  std::int64_t revision_of(std::string_view scope) const;
  // Whether every scope of `stamp` is at the revision the board holds.
  bool matches(const Stamp& stamp) const;

 private:
  std::chrono::milliseconds recheck_;
  Stamp revisions_;  // sorted by scope
  bool loaded_ = false;
  std::uint64_t changes_seen_ = 0;
  Clock::time_point loaded_at_{};
};

}  // namespace tatakerja::server
