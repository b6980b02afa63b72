#include "persistence/memory_stores.hpp"

#include "storage/migrations.hpp"

namespace tatakerja::persistence {

MemoryStores::MemoryStores()
    : identity_([this](identity::Id id) { return org_.has_employee(id); }),
      transactions_(org_, identity_),
      stores_{transactions_, org_, identity_, "memory",
              [] { return storage::latest_schema_version(); }} {}

void MemoryStores::Transactions::begin() {
  org_.begin();  // throws on a nested begin(), before anything changes
  try {
    identity_.begin();
  } catch (...) {
    org_.rollback();
    throw;
  }
}

void MemoryStores::Transactions::commit() {
  // Neither can fail once both have begun: a commit of the memory stores only ends the journal.
  org_.commit();
  identity_.commit();
}

void MemoryStores::Transactions::rollback() noexcept {
  org_.rollback();
  identity_.rollback();
}

}  // namespace tatakerja::persistence
