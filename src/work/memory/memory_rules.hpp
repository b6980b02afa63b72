// What the work system's memory stores share (private to work_memory): a schema rule refused as
// the databases refuse it (storage::DatabaseError of kind Constraint, before anything is written),
// and the transaction over a store's journaled tables (begin, commit, rollback of every table
// together; a nested begin and a commit without begin are errors, as on the databases).
#pragma once

#include <functional>
#include <string>

#include "storage/database.hpp"
#include "work/model.hpp"

namespace tatakerja::work::memory_rules {

[[noreturn]] inline void refuse(const std::string& rule) {
  throw storage::DatabaseError(storage::DatabaseError::Kind::Constraint, "memory store: " + rule);
}

// A foreign key: `exists` (when set) must know `id`.
inline void check_key(const std::function<bool(Id)>& exists, Id id, const char* column) {
  if (exists && !exists(id)) {
    refuse(std::string("FOREIGN KEY constraint failed (") + column + ")");
  }
}

// `each_table(f)` calls f on every journaled table of the store; `open` is its transaction flag.
template <typename EachTable>
void begin_tables(bool& open, EachTable each_table) {
  if (open) {
    throw storage::DatabaseError(storage::DatabaseError::Kind::Other,
                                 "begin(): a transaction is already open");
  }
  each_table([](auto& t) { t.begin(); });
  open = true;
}

template <typename EachTable>
void commit_tables(bool& open, EachTable each_table) {
  if (!open) {
    throw storage::DatabaseError(storage::DatabaseError::Kind::Other,
                                 "commit(): no transaction is open");
  }
  each_table([](auto& t) { t.commit(); });
  open = false;
}

template <typename EachTable>
void rollback_tables(bool& open, EachTable each_table) noexcept {
  if (!open) return;
  each_table([](auto& t) { t.rollback(); });
  open = false;
}

}  // namespace tatakerja::work::memory_rules
