// What the work system's use cases (assignments, activities, accountability) share about the
// people who act and what they send: the employee an account acts as, the team's lead and
// members now, whether someone leads a unit or a unit above it, and the checks of a text and a
// date from a request. Internal to the app module.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "app/stores.hpp"
#include "core/date.hpp"
#include "identity/model.hpp"
#include "org/model.hpp"

namespace tatakerja::app::work_people {

// The employee `user` acts as; ROLE_REQUIRED for an account without one (`what`: "penugasan",
// "kegiatan", ... in the message).
org::Employee person_of(const Stores& stores, const identity::User& user, std::string_view what);

// `value` trimmed with its runs of spaces collapsed; INVALID_FIELD when required and empty,
// longer than `max` bytes, or holding a control character that is not white space.
std::string checked_text(const std::string& value, const char* field, std::size_t max,
                         bool required);
// An ISO date (YYYY-MM-DD); INVALID_FIELD otherwise.
Date checked_date(const std::string& value, const char* field);
// Today in UTC.
Date today();

// The team's current leads / current members (the lead included).
std::set<org::Id> team_leads(const Stores& stores, std::optional<org::Id> team_id);
std::set<org::Id> team_members_now(const Stores& stores, std::optional<org::Id> team_id);

// Whether `me` holds the position that leads `unit_id` or one above it (its superiors up to the
// agency head).
bool leads_above(const Stores& stores, org::Id unit_id, org::Id me);

}  // namespace tatakerja::app::work_people
