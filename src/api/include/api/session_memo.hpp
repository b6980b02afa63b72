// What one worker remembers of the sessions it resumed, so that a signed-in reader's requests do
// not each read their session and account: a session resumed from the store is answered again
// from memory while all of these hold, and read again otherwise:
// - no change request of this server to accounts or sessions has ended since
//   (AnswerCache::note_account_change): a sign-out, a password change or an account switched off
//   through the API takes effect at the next request, while a step of an activity, a letter or a
//   registry edit leaves the sessions remembered;
// - less than `recheck` has passed (cache_recheck_ms): a change made outside this server (an
//   account switched off with the CLI) takes effect within it;
// - the session has not expired (checked against the clock on every request).
// A token that resumes no session is not remembered. The key is the token's SHA-256 (as stored);
// the token itself is not kept. Bounded: at `capacity` sessions it starts again empty. One per
// worker thread, so no lock.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "app/stores.hpp"
#include "identity/model.hpp"

namespace tatakerja::server {

class SessionMemo {
 public:
  using Clock = std::chrono::steady_clock;
  using Resumed = std::pair<identity::User, identity::Session>;

  SessionMemo(std::chrono::milliseconds recheck, std::size_t capacity)
      : recheck_(recheck), capacity_(capacity) {}

  // The user and session of `token` at `now` (Unix seconds), as app::resume_session answers;
  // `changes` is the count of change requests to accounts ended (AnswerCache::account_changes).
  std::optional<Resumed> resume(const app::Stores& stores, const std::string& token,
                                std::int64_t now, std::uint64_t changes, Clock::time_point at);

  std::size_t size() const { return remembered_.size(); }

 private:
  struct Remembered {
    Resumed resumed;
    std::uint64_t changes = 0;
    Clock::time_point at{};
  };

  std::chrono::milliseconds recheck_;
  std::size_t capacity_;
  std::unordered_map<std::string, Remembered> remembered_;  // by token hash
};

}  // namespace tatakerja::server
