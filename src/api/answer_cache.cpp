#include "api/answer_cache.hpp"

namespace tatakerja::server {
namespace {
// Bookkeeping per entry besides the key and the body: list node, hash node, strings' headers.
constexpr std::size_t kEntryOverhead = 160;
}  // namespace

AnswerCache::AnswerCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

std::optional<AnswerCache::Answer> AnswerCache::find(const std::string& key,
                                                     const ScopeBoard& board) {
  if (max_bytes_ == 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  const auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return std::nullopt;
  }
  if (!board.matches(it->second->stamp)) {
    erase_locked(it->second);
    ++misses_;
    return std::nullopt;
  }
  recent_.splice(recent_.begin(), recent_, it->second);
  ++hits_;
  return it->second->answer;
}

void AnswerCache::put(const std::string& key, Stamp stamp, Answer answer) {
  if (max_bytes_ == 0 || !answer.body) return;
  std::size_t bytes = key.size() + answer.body->size() + kEntryOverhead;
  for (const auto& s : stamp) bytes += s.scope.size() + sizeof s;
  if (bytes > max_bytes_ / 4) return;
  std::lock_guard lock(mutex_);
  if (const auto it = index_.find(key); it != index_.end()) erase_locked(it->second);
  recent_.push_front(Entry{key, std::move(stamp), std::move(answer), bytes});
  index_.emplace(key, recent_.begin());
  bytes_ += bytes;
  evict_locked();
}

AnswerCache::Stats AnswerCache::stats() const {
  std::lock_guard lock(mutex_);
  return Stats{hits_, misses_, index_.size(), bytes_};
}

void AnswerCache::erase_locked(std::list<Entry>::iterator it) {
  bytes_ -= it->bytes;
  index_.erase(it->key);
  recent_.erase(it);
}

void AnswerCache::evict_locked() {
  while (bytes_ > max_bytes_ && !recent_.empty()) erase_locked(std::prev(recent_.end()));
}

}  // namespace tatakerja::server
