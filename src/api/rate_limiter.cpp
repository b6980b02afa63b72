// The sign-in throttle (see rate_limiter.hpp).
#include "api/rate_limiter.hpp"

#include <algorithm>
#include <thread>
#include <utility>
#include <vector>

namespace tatakerja::server {

namespace {
constexpr std::int64_t kForgetAfter = 3600;  // seconds without a failure
constexpr std::int64_t kHour = 3600;
}  // namespace

std::int64_t RateLimiter::retry_after(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second.next_allowed <= now) return 0;
  return it->second.next_allowed - now;
}

void RateLimiter::record_failure(const std::string& key, std::int64_t now, const Rule& rule) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    if (entries_.size() >= capacity_) make_room(now);
    it = entries_.emplace(key, Entry{}).first;
  }
  Entry& e = it->second;
  if (now - e.last_failure > kForgetAfter) e = Entry{};
  ++e.failures;
  e.last_failure = now;
  if (e.failures >= rule.free_failures) {
    const int doublings = std::min(e.failures - rule.free_failures, 30);
    const std::int64_t delay =
        std::min(rule.max_delay, std::max<std::int64_t>(1, rule.first_delay) << doublings);
    e.next_allowed = now + delay;
  }
}

void RateLimiter::reset(const std::string& key) {
  std::lock_guard lock(mutex_);
  entries_.erase(key);
}

std::size_t RateLimiter::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

void RateLimiter::make_room(std::int64_t now) {
  std::erase_if(entries_, [&](const auto& kv) {
    return now - kv.second.last_failure > kForgetAfter && kv.second.next_allowed <= now;
  });
  if (entries_.size() < capacity_) return;
  // Still full: the quarter failed longest ago goes.
  std::vector<std::pair<std::int64_t, const std::string*>> by_age;
  by_age.reserve(entries_.size());
  for (const auto& [key, e] : entries_) by_age.emplace_back(e.last_failure, &key);
  const std::size_t drop = std::max<std::size_t>(1, entries_.size() / 4);
  std::nth_element(by_age.begin(), by_age.begin() + static_cast<std::ptrdiff_t>(drop - 1),
                   by_age.end());
  std::vector<std::string> keys;
  keys.reserve(drop);
  for (std::size_t i = 0; i < drop; ++i) keys.push_back(*by_age[i].second);
  for (const auto& k : keys) entries_.erase(k);
}

std::int64_t RateLimiter::sign_in_retry_after(std::int64_t user_id, std::int64_t now,
                                              int per_hour) {
  std::lock_guard lock(mutex_);
  const auto it = sign_ins_.find(user_id);
  if (it == sign_ins_.end()) return 0;
  auto& times = it->second;
  while (!times.empty() && times.front() <= now - kHour) times.pop_front();
  if (static_cast<int>(times.size()) < per_hour) return 0;
  // The oldest of the last `per_hour` sign-ins leaves the hour first.
  const std::int64_t oldest = times[times.size() - static_cast<std::size_t>(per_hour)];
  return std::max<std::int64_t>(1, oldest + kHour - now);
}

void RateLimiter::record_sign_in(std::int64_t user_id, std::int64_t now, int per_hour) {
  std::lock_guard lock(mutex_);
  if (sign_ins_.size() >= capacity_) {
    std::erase_if(sign_ins_, [&](const auto& kv) {
      return kv.second.empty() || kv.second.back() <= now - kHour;
    });
    if (sign_ins_.size() >= capacity_) sign_ins_.clear();
  }
  auto& times = sign_ins_[user_id];
  times.push_back(now);
  while (!times.empty() && times.front() <= now - kHour) times.pop_front();
  while (static_cast<int>(times.size()) > std::max(per_hour, 1)) times.pop_front();
}

RateLimiter::HashingSlot::~HashingSlot() {
  if (owner_ == nullptr) return;
  {
    std::lock_guard lock(owner_->hashing_mutex_);
    --owner_->hashing_in_use_;
  }
  owner_->hashing_free_.notify_one();
}

std::optional<RateLimiter::HashingSlot> RateLimiter::hashing_slot(int slots,
                                                                  std::chrono::milliseconds wait) {
  std::unique_lock lock(hashing_mutex_);
  if (!hashing_free_.wait_for(lock, wait, [&] { return hashing_in_use_ < slots; }))
    return std::nullopt;
  ++hashing_in_use_;
  return HashingSlot(this);
}

int RateLimiter::hashing_in_use() {
  std::lock_guard lock(hashing_mutex_);
  return hashing_in_use_;
}

int RateLimiter::hashing_slots_for(int configured) {
  if (configured > 0) return configured;
  // One less than the cores, at least one and at most kMaxDefaultHashingSlots: each slot is a
  // thread of the hashing pool with a database connection of its own, and 64 MiB while it hashes.
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(cores - 1, 1, kMaxDefaultHashingSlots);
}

}  // namespace tatakerja::server
