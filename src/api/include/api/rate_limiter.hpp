// Sign-in attempt limits, in memory: a key (a client address, a user name) that fails
// `max_failures` times within `window` is locked for `lockout`. Thread-safe (one mutex: only the
// sign-in path uses it). Bounded: old entries are dropped when the table grows.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace tatakerja::server {

class RateLimiter {
 public:
  // Defaults of docs/api.md: 5 failures in 5 minutes lock for 5 minutes.
  explicit RateLimiter(int max_failures = 5, std::int64_t window_seconds = 300,
                       std::int64_t lockout_seconds = 300)
      : max_failures_(max_failures), window_(window_seconds), lockout_(lockout_seconds) {}

  // Seconds until `key` may try again (0: it may try now), at Unix time `now`.
  std::int64_t retry_after(const std::string& key, std::int64_t now);
  // Records a failed attempt of `key` at `now`.
  void record_failure(const std::string& key, std::int64_t now);
  // Forgets the failures of `key` (after a successful sign-in).
  void reset(const std::string& key);

 private:
  struct Entry {
    std::vector<std::int64_t> failures;  // times within the window
    std::int64_t locked_until = 0;
  };
  void prune(std::int64_t now);  // called with mutex_ held

  int max_failures_;
  std::int64_t window_;
  std::int64_t lockout_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace tatakerja::server
