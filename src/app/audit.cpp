// The audit log entry writer and the UTC clock it stamps entries with.
#include "app/audit.hpp"

#include <fmt/core.h>

#include <ctime>

namespace tatakerja::app {

std::string now_iso_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void record_audit(const Stores& store, const Actor& actor, std::string action, std::string entity,
                  std::string entity_id, std::string before_json, std::string after_json) {
  identity::AuditEntry e;
  e.at = now_iso_utc();
  e.user_id = actor.user_id;
  e.username = actor.username;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = std::move(entity_id);
  e.before = std::move(before_json);
  e.after = std::move(after_json);
  store.identity.append_audit(e);
}

}  // namespace tatakerja::app
