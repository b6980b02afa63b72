// The cache of registry answers: the body of a successful answer to a GET on a registry route
// (the structure, positions, regulations, the people search), kept in memory together with the
// revisions of the scopes it read when it was computed (its stamp, e.g. agency/12 at 7 and
// regulations at 3; org::OrgStore::scope_revisions). A request whose key is held and whose stamp
// is still current on the worker's ScopeBoard is answered from memory, without a query; a
// change, by this server or by any other process on the same database, moves the revision of the
// scopes it touched and so retires exactly the answers that read them: a change to one agency
// leaves the answers about another in place.
//
// The key is the request target together with whether the reader is signed in: routes are marked
// cacheable only when their answer depends on nothing else (docs/api.md, "Answer cache"). Access
// is still checked on every request before the cache is consulted. Bounded by bytes, least
// recently used entries go first (retired entries too); thread-safe (one mutex, held only to look
// up or insert).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "api/scope_board.hpp"

namespace tatakerja::server {

class AnswerCache {
 public:
  struct Answer {
    std::string content_type;
    std::shared_ptr<const std::string> body;
  };
  struct Stats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::size_t entries = 0;
    std::size_t bytes = 0;
  };

  // max_bytes 0 disables the cache: find() always misses and put() keeps nothing.
  explicit AnswerCache(std::size_t max_bytes);

  // The answer stored under `key` whose stamp `board` holds current, if any; an entry whose stamp
  // is not current is retired (dropped).
  std::optional<Answer> find(const std::string& key, const ScopeBoard& board);
  // Stores an answer computed at `stamp` (read in the same snapshot as the answer), replacing
  // the key's entry. Answers larger than a quarter of the bound are not kept.
  void put(const std::string& key, Stamp stamp, Answer answer);

  // A change request of this server has ended: every worker's board reloads before its next
  // check (ScopeBoard::refresh_if_due), so the answers it retired are not served again.
  void note_change() { changes_.fetch_add(1, std::memory_order_acq_rel); }
  std::uint64_t changes() const { return changes_.load(std::memory_order_acquire); }
  // A change request of this server to accounts or sessions (the identity routes, /auth/ and
  // /users) has ended: every worker's remembered sessions are read again (SessionMemo). Other
  // changes (a step of an activity) leave them in place.
  void note_account_change() { account_changes_.fetch_add(1, std::memory_order_acq_rel); }
  std::uint64_t account_changes() const { return account_changes_.load(std::memory_order_acquire); }

  Stats stats() const;
  // False when built with max_bytes 0: the server then skips reading the stamp too.
  bool enabled() const { return max_bytes_ != 0; }

 private:
  struct Entry {
    std::string key;
    Stamp stamp;
    Answer answer;
    std::size_t bytes = 0;
  };
  void erase_locked(std::list<Entry>::iterator it);
  void evict_locked();

  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
  std::atomic<std::uint64_t> changes_{0};
  std::atomic<std::uint64_t> account_changes_{0};
};

}  // namespace tatakerja::server
