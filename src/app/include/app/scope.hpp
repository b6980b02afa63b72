// What part of the registry an actor may change. An administrator, the CLI and a registry
// administrator without a region change everything; a registry administrator scoped to a region
// changes only that region's records, and when the account also names agencies, only those
// agencies' structure and placements (employees, who belong to the region, stay editable).
// Refusals are OUT_OF_SCOPE (403) with an Indonesian message; they are checked before anything is
// written.
#pragma once

#include "app/audit.hpp"
#include "app/stores.hpp"
#include "org/model.hpp"

namespace tatakerja::app {

// True when the actor has no region scope.
bool unscoped(const Actor& actor);
// Refuses OUT_OF_SCOPE unless the actor may change records of region `region_id`.
void require_region_in_scope(const Actor& actor, org::Id region_id);
// Refuses OUT_OF_SCOPE unless the actor may change agency `agency_id` (its region, and the agency
// itself when the actor is scoped to agencies). An agency that does not exist is NOT_FOUND.
void require_agency_in_scope(const Stores& stores, const Actor& actor, org::Id agency_id);
// A change that concerns a whole region (importing a regulation): refused to an actor scoped to
// some agencies only, and to one of another region.
void require_whole_region_in_scope(const Actor& actor, org::Id region_id);

// The scope an administrator gives an account: the region must exist and every agency must be of
// it (INVALID_FIELD otherwise); agencies without a region are refused. Changes the account and
// records an audit entry, in the caller's transaction. Only a registry administrator may be
// scoped (INVALID_FIELD "role" otherwise).
identity::User set_account_scope(const Stores& stores, const Actor& actor, identity::User user,
                                 std::optional<org::Id> region_id,
                                 const std::vector<org::Id>& agency_ids);

}  // namespace tatakerja::app
