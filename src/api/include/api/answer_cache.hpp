// The cache of registry answers: the body of a successful answer to a GET on a registry route
// (the structure, positions, regulations, the people search), kept in memory for the registry
// revision it was computed at (org::RegistryStore::registry_revision). A request whose key and
// revision match is answered from memory; any change to the registry, by this server or by any
// other process on the same database, moves the revision on and so retires every entry at once.
//
// The key is the request target together with whether the reader is signed in: routes are marked
// cacheable only when their answer depends on nothing else (docs/api.md, "Answer cache"). Access
// is still checked on every request before the cache is consulted. Bounded by bytes, least
// recently used entries go first; thread-safe (one mutex, held only to look up or insert).
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

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

  // The answer stored under `key` for exactly `revision`, if any. Seeing a revision newer than
  // any seen before drops every entry (they belong to an older registry).
  std::optional<Answer> find(const std::string& key, std::int64_t revision);
  // Stores an answer computed at `revision` (read BEFORE the answer was computed, so a change
  // that lands meanwhile makes the entry stale, never wrong). Answers for an older revision than
  // the newest seen, and answers larger than a quarter of the bound, are not kept.
  void put(const std::string& key, std::int64_t revision, Answer answer);

  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    Answer answer;
    std::size_t bytes = 0;
  };
  void clear_locked();
  void evict_locked();

  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::int64_t revision_ = 0;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
};

}  // namespace tatakerja::server
