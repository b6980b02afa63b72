#include "persistence/memory_stores.hpp"

#include <string>

#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja::persistence {

MemoryStores::MemoryStores()
    : identity_([this](identity::Id id) { return org_.has_employee(id); },
                [this](identity::Id id) { return org_.region(id).has_value(); }),
      work_(work::RegistryKeys{[this](work::Id id) { return org_.region(id).has_value(); },
                               [this](work::Id id) { return org_.regulation(id).has_value(); },
                               [this](work::Id id) { return org_.agency(id).has_value(); },
                               [this](work::Id id) { return org_.unit(id).has_value(); },
                               [this](work::Id id) { return org_.has_employee(id); },
                               [this](work::Id id) { return activities_.has_activity(id); }}),
      letters_(work::LetterKeys{[this](work::Id id) { return org_.region(id).has_value(); },
                                [this](work::Id id) { return org_.agency(id).has_value(); },
                                [this](work::Id id) { return org_.has_employee(id); },
                                [this](work::Id id) { return work_.team(id).has_value(); }}),
      activities_(
          work::ActivityKeys{[this](work::Id id) { return org_.region(id).has_value(); },
                             [this](work::Id id) { return org_.agency(id).has_value(); },
                             [this](work::Id id) { return org_.unit(id).has_value(); },
                             [this](work::Id id) { return org_.has_employee(id); },
                             [this](work::Id id) { return work_.team(id).has_value(); },
                             [this](work::Id id) { return work_.assignment(id).has_value(); }}),
      accountability_(
          work::AccountabilityKeys{[this](work::Id id) { return org_.region(id).has_value(); },
                                   [this](work::Id id) { return org_.has_employee(id); },
                                   [this](work::Id id) { return work_.team(id).has_value(); }}),
      transactions_(org_, identity_, work_, letters_, activities_, accountability_),
      stores_{transactions_,
              org_,
              identity_,
              "memory",
              [] { return storage::latest_schema_version(); },
              work_,
              letters_,
              activities_,
              accountability_} {}

void MemoryStores::Transactions::refuse_in_snapshot(const char* what) const {
  if (reading_) {
    throw storage::DatabaseError(storage::DatabaseError::Kind::Other,
                                 std::string(what) + ": a transaction is already open");
  }
}

void MemoryStores::Transactions::begin() {
  refuse_in_snapshot("begin()");
  org_.begin();  // throws on a nested begin(), before anything changes
  try {
    identity_.begin();
  } catch (...) {
    org_.rollback();
    throw;
  }
  try {
    work_.begin();
  } catch (...) {
    identity_.rollback();
    org_.rollback();
    throw;
  }
  try {
    letters_.begin();
  } catch (...) {
    work_.rollback();
    identity_.rollback();
    org_.rollback();
    throw;
  }
  try {
    activities_.begin();
  } catch (...) {
    letters_.rollback();
    work_.rollback();
    identity_.rollback();
    org_.rollback();
    throw;
  }
  try {
    accountability_.begin();
  } catch (...) {
    activities_.rollback();
    letters_.rollback();
    work_.rollback();
    identity_.rollback();
    org_.rollback();
    throw;
  }
}

void MemoryStores::Transactions::commit() {
  // Neither can fail once both have begun: a commit of the memory stores only ends the journal.
  org_.commit();
  identity_.commit();
  work_.commit();
  letters_.commit();
  activities_.commit();
  accountability_.commit();
}

void MemoryStores::Transactions::rollback() noexcept {
  org_.rollback();
  identity_.rollback();
  work_.rollback();
  letters_.rollback();
  activities_.rollback();
  accountability_.rollback();
}

void MemoryStores::Transactions::begin_read() {
  refuse_in_snapshot("begin_read()");
  if (org_.in_transaction()) {
    throw storage::DatabaseError(storage::DatabaseError::Kind::Other,
                                 "begin_read(): a transaction is already open");
  }
  reading_ = true;
}

void MemoryStores::Transactions::end_read() noexcept {
  reading_ = false;
}

}  // namespace tatakerja::persistence
