// Registry administrators' scope: the checks every registry change makes, and setting an
// account's scope.
#include "app/scope.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace tatakerja::app {
namespace {

[[noreturn]] void out_of_scope(const std::string& message) {
  fail(ErrorCode::OutOfScope, std::nullopt, message);
}

std::string scope_json(const identity::User& u) {
  nlohmann::json j{{"id", u.id},
                   {"username", u.username},
                   {"region_id", u.scope_region_id ? nlohmann::json(*u.scope_region_id)
                                                   : nlohmann::json(nullptr)},
                   {"agency_ids", u.scope_agency_ids}};
  return j.dump();
}

}  // namespace

bool unscoped(const Actor& actor) {
  return !actor.scope_region_id.has_value();
}

void require_region_in_scope(const Actor& actor, org::Id region_id) {
  if (unscoped(actor) || *actor.scope_region_id == region_id) return;
  out_of_scope(
      "Data ini milik daerah lain; akun Anda hanya dapat mengubah data daerahnya sendiri.");
}

void require_agency_in_scope(const Stores& stores, const Actor& actor, org::Id agency_id) {
  if (unscoped(actor)) return;
  const auto agency = stores.org.agency(agency_id);
  if (!agency) fail(ErrorCode::NotFound);
  require_region_in_scope(actor, agency->region_id);
  const auto& allowed = actor.scope_agency_ids;
  if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), agency_id) == allowed.end())
    out_of_scope(
        "Perangkat daerah ini tidak termasuk perangkat daerah yang dapat diubah oleh akun Anda.");
}

void require_whole_region_in_scope(const Actor& actor, org::Id region_id) {
  require_region_in_scope(actor, region_id);
  if (!unscoped(actor) && !actor.scope_agency_ids.empty())
    out_of_scope(
        "Akun Anda hanya untuk perangkat daerah tertentu; perubahan untuk seluruh daerah "
        "(impor peraturan) dilakukan oleh admin daerah.");
}

identity::User set_account_scope(const Stores& stores, const Actor& actor, identity::User user,
                                 std::optional<org::Id> region_id,
                                 const std::vector<org::Id>& agency_ids) {
  if (region_id && user.role != identity::Role::RegistryAdmin)
    fail(ErrorCode::InvalidField, "role",
         "Hanya akun admin_registri yang dapat dibatasi pada satu daerah.");
  if (!region_id && !agency_ids.empty())
    fail(ErrorCode::InvalidField, "agency_ids",
         "Perangkat daerah hanya dapat ditetapkan bersama daerahnya.");
  if (region_id && !stores.org.region(*region_id))
    fail(ErrorCode::InvalidField, "region_id", "Daerah tidak ditemukan.");
  for (const auto id : agency_ids) {
    const auto agency = stores.org.agency(id);
    if (!agency || agency->region_id != *region_id)
      fail(ErrorCode::InvalidField, "agency_ids",
           fmt::format("Perangkat daerah {} tidak ditemukan di daerah ini.", id));
  }
  const std::string before = scope_json(user);
  user.scope_region_id = region_id;
  user.scope_agency_ids = agency_ids;
  std::sort(user.scope_agency_ids.begin(), user.scope_agency_ids.end());
  user.scope_agency_ids.erase(
      std::unique(user.scope_agency_ids.begin(), user.scope_agency_ids.end()),
      user.scope_agency_ids.end());
  const std::string after = scope_json(user);
  if (after == before) return user;
  stores.identity.update_user(user);
  record_audit(stores, actor, "update_scope", "user", std::to_string(user.id), before, after);
  return user;
}

}  // namespace tatakerja::app
