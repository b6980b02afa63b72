// What the work system's handlers share when they read a body and write an answer: a person or a
// unit as {"id","name"} (null for none), and an optional id field of a body. Internal to
// src/api/work.
#pragma once

#include <optional>

#include "api/api.hpp"

namespace tatakerja::server::work_json {

inline json person_ref(org::OrgStore& store, Id id) {
  const auto e = store.employee(id);
  return {{"id", id}, {"name", e ? e->name : ""}};
}
inline json person_ref(org::OrgStore& store, const std::optional<Id>& id) {
  return id ? person_ref(store, *id) : json(nullptr);
}

inline json unit_ref(org::OrgStore& store, Id id) {
  const auto u = store.unit(id);
  return {{"id", id}, {"name", u ? u->name : ""}};
}
inline json unit_ref(org::OrgStore& store, const std::optional<Id>& id) {
  return id ? unit_ref(store, *id) : json(nullptr);
}

// The id of `field` in `body`; none when it is absent or null (INVALID_FIELD when malformed).
inline std::optional<Id> optional_id(const json& body, const char* field) {
  const auto v = optional_nullable_id(body, field);
  return v ? *v : std::nullopt;
}

}  // namespace tatakerja::server::work_json
