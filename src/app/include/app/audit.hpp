// The audit log: who changed what, when, with the record before and after as JSON. Every change
// the service makes records exactly one entry, written through the same store (and so inside the
// caller's transaction): a change that rolls back leaves no entry, and an entry never describes a
// change that did not happen.
#pragma once

#include <optional>
#include <string>

#include "app/stores.hpp"
#include "org/model.hpp"

namespace tatakerja::app {

// Who acts: a signed-in account (user_id set) or a program (the CLI acts as {nullopt, "cli"}).
struct Actor {
  std::optional<org::Id> user_id;
  std::string username;
};

// The actor the command-line program uses.
inline Actor cli_actor() {
  return Actor{std::nullopt, "cli"};
}

// The current time as ISO 8601 UTC with seconds: "2026-03-01T08:15:00Z".
std::string now_iso_utc();

// Appends one audit entry stamped with the current UTC time. `action` is "create", "update",
// "delete", "import", "move", "sign_in", ...; `entity` the record kind ("user", "regulation", ...);
// before_json / after_json the record as JSON, empty when there is none. Throws
// storage::DatabaseError when the store refuses it.
void record_audit(const Stores& store, const Actor& actor, std::string action, std::string entity,
                  std::string entity_id, std::string before_json, std::string after_json);

}  // namespace tatakerja::app
