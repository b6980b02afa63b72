// The sign-in throttle, in memory, one per server (thread-safe):
// - failures by key: a key (a user name with a client address; a client address alone) that has
//   failed `free_failures` times waits `first_delay` (1 s) before its next attempt, then twice
//   that, four times, ... up to `max_delay` (each failure doubles the wait). A success forgets the
//   key's failures; an hour without a failure forgets them too. Because the key holds the client
//   address, failures from an attacker's address never delay the real user at theirs.
// - successful sign-ins per account: at most `per_hour` in any hour.
// - password hashing slots: at most `slots` Argon2id computations at once (each takes tens of
//   milliseconds of a core and 64 MiB), so a flood of sign-ins cannot starve other requests.
// Bounded: each table holds at most `capacity` keys; when full, stale keys go first, then the
// least recently failed quarter. Only failures (each of which cost a password hash, so they come
// no faster than the hashing slots allow) add keys.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace tatakerja::server {

class RateLimiter {
 public:
  struct Rule {
    int free_failures = 5;
    std::int64_t max_delay = 900;  // seconds
    std::int64_t first_delay = 1;  // seconds
  };

  explicit RateLimiter(std::size_t capacity = 100000) : capacity_(capacity) {}

  // Seconds until `key` may try again at Unix time `now` (0: it may try now).
  std::int64_t retry_after(const std::string& key, std::int64_t now);
  // Records a failed attempt of `key` at `now`.
  void record_failure(const std::string& key, std::int64_t now, const Rule& rule);
  // Forgets the failures of `key` (after a successful sign-in).
  void reset(const std::string& key);
  // Keys held (failures); for tests and the bound.
  std::size_t size();

  // Seconds until account `user_id` may sign in again when it may sign in `per_hour` times in
  // any hour (0: now); record_sign_in counts one.
  std::int64_t sign_in_retry_after(std::int64_t user_id, std::int64_t now, int per_hour);
  void record_sign_in(std::int64_t user_id, std::int64_t now, int per_hour);

  // One of the password hashing slots, held until destroyed.
  class HashingSlot {
   public:
    explicit HashingSlot(RateLimiter* owner) : owner_(owner) {}
    HashingSlot(HashingSlot&& o) noexcept : owner_(o.owner_) { o.owner_ = nullptr; }
    HashingSlot(const HashingSlot&) = delete;
    HashingSlot& operator=(const HashingSlot&) = delete;
    HashingSlot& operator=(HashingSlot&&) = delete;
    ~HashingSlot();

   private:
    RateLimiter* owner_;
  };
  // A slot when fewer than `slots` are held, waiting at most `wait` for one; nullopt otherwise.
  std::optional<HashingSlot> hashing_slot(int slots, std::chrono::milliseconds wait);
  // Slots held now (for tests).
  int hashing_in_use();

  // The number of slots `configured` means: itself when positive, otherwise one less than the
  // cores, at least one and at most kMaxDefaultHashingSlots.
  static int hashing_slots_for(int configured);
  static constexpr int kMaxDefaultHashingSlots = 4;

 private:
  struct Entry {
    int failures = 0;
    std::int64_t last_failure = 0;
    std::int64_t next_allowed = 0;
  };
  void make_room(std::int64_t now);  // with mutex_ held

  std::size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::unordered_map<std::int64_t, std::deque<std::int64_t>> sign_ins_;  // times within the hour

  std::mutex hashing_mutex_;
  std::condition_variable hashing_free_;
  int hashing_in_use_ = 0;
};

}  // namespace tatakerja::server
