#include "api/session_memo.hpp"

#include "app/accounts.hpp"

namespace tatakerja::server {

std::optional<SessionMemo::Resumed> SessionMemo::resume(const app::Stores& stores,
                                                        const std::string& token, std::int64_t now,
                                                        std::uint64_t changes,
                                                        Clock::time_point at) {
  if (token.empty()) return std::nullopt;
  std::string key = app::token_hash(token);
  if (const auto it = remembered_.find(key); it != remembered_.end()) {
    const Remembered& r = it->second;
    if (r.changes == changes && at - r.at < recheck_ && r.resumed.second.expires_at > now)
      return r.resumed;
    remembered_.erase(it);
  }
  auto resumed = app::resume_session(stores, token, now);
  if (!resumed) return std::nullopt;
  if (remembered_.size() >= capacity_) remembered_.clear();
  remembered_.emplace(std::move(key), Remembered{*resumed, changes, at});
  return resumed;
}

}  // namespace tatakerja::server
