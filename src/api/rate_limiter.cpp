// Sign-in attempt limits (see rate_limiter.hpp).
#include "api/rate_limiter.hpp"

#include <algorithm>

namespace tatakerja::server {

namespace {
constexpr std::size_t kMaxEntries = 100000;
}

std::int64_t RateLimiter::retry_after(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second.locked_until <= now) return 0;
  return it->second.locked_until - now;
}

void RateLimiter::record_failure(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kMaxEntries) prune(now);
  auto& e = entries_[key];
  std::erase_if(e.failures, [&](std::int64_t t) { return t <= now - window_; });
  e.failures.push_back(now);
  if (static_cast<int>(e.failures.size()) >= max_failures_) {
    e.locked_until = now + lockout_;
    e.failures.clear();
  }
}

void RateLimiter::reset(const std::string& key) {
  std::lock_guard lock(mutex_);
  entries_.erase(key);
}

void RateLimiter::prune(std::int64_t now) {
  std::erase_if(entries_, [&](const auto& kv) {
    const Entry& e = kv.second;
    const bool recent = std::any_of(e.failures.begin(), e.failures.end(),
                                    [&](std::int64_t t) { return t > now - window_; });
    return !recent && e.locked_until <= now;
  });
}

}  // namespace tatakerja::server
