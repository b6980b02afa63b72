#include "api/answer_cache.hpp"

namespace tatakerja::server {
namespace {
// Bookkeeping per entry besides the key and the body: list node, hash node, strings' headers.
constexpr std::size_t kEntryOverhead = 160;
}  // namespace

AnswerCache::AnswerCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

std::optional<AnswerCache::Answer> AnswerCache::find(const std::string& key,
                                                     std::int64_t revision) {
  if (max_bytes_ == 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  if (revision > revision_) {
    clear_locked();
    revision_ = revision;
  }
  if (revision != revision_) {
    ++misses_;
    return std::nullopt;
  }
  const auto it = index_.find(key);
  if (it == index_.end()) {
    ++misses_;
    return std::nullopt;
  }
  recent_.splice(recent_.begin(), recent_, it->second);
  ++hits_;
  return it->second->answer;
}

void AnswerCache::put(const std::string& key, std::int64_t revision, Answer answer) {
  if (max_bytes_ == 0 || !answer.body) return;
  const std::size_t bytes = key.size() + answer.body->size() + kEntryOverhead;
  if (bytes > max_bytes_ / 4) return;
  std::lock_guard lock(mutex_);
  if (revision > revision_) {
    clear_locked();
    revision_ = revision;
  }
  if (revision != revision_) return;
  if (const auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->bytes;
    recent_.erase(it->second);
    index_.erase(it);
  }
  recent_.push_front(Entry{key, std::move(answer), bytes});
  index_.emplace(key, recent_.begin());
  bytes_ += bytes;
  evict_locked();
}

AnswerCache::Stats AnswerCache::stats() const {
  std::lock_guard lock(mutex_);
  return Stats{hits_, misses_, index_.size(), bytes_};
}

void AnswerCache::clear_locked() {
  recent_.clear();
  index_.clear();
  bytes_ = 0;
}

void AnswerCache::evict_locked() {
  while (bytes_ > max_bytes_ && !recent_.empty()) {
    const Entry& last = recent_.back();
    bytes_ -= last.bytes;
    index_.erase(last.key);
    recent_.pop_back();
  }
}

}  // namespace tatakerja::server
