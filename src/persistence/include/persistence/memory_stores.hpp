// Every domain's store in memory (MemoryOrgStore, MemoryIdentityStore) under one Transactional:
// the app::Stores of a registry without a database (backend "memory"), for tests. A transaction
// over stores().transactions covers both stores: rollback() undoes the changes of each. The
// schema version reported is the latest migration's, which the memory stores' rules follow.
// Not thread-safe: one thread at a time (each server worker would own its MemoryStores).
#pragma once

#include "app/stores.hpp"
#include "core/transaction.hpp"
#include "identity/memory_identity_store.hpp"
#include "org/memory_org_store.hpp"
#include "work/memory_accountability_store.hpp"
#include "work/memory_activity_store.hpp"
#include "work/memory_letter_store.hpp"
#include "work/memory_work_store.hpp"

namespace tatakerja::persistence {

class MemoryStores {
 public:
  MemoryStores();
  MemoryStores(const MemoryStores&) = delete;
  MemoryStores& operator=(const MemoryStores&) = delete;

  app::Stores& stores() { return stores_; }
  org::MemoryOrgStore& org() { return org_; }
  identity::MemoryIdentityStore& identity() { return identity_; }
  work::MemoryWorkStore& work() { return work_; }
  work::MemoryLetterStore& letters() { return letters_; }
  work::MemoryActivityStore& activities() { return activities_; }
  work::MemoryAccountabilityStore& accountability() { return accountability_; }
  Transactional& transactions() { return transactions_; }

 private:
  // One transaction over every store; nested begin() is an error, and so is a begin() or
  // begin_read() inside a read snapshot (as on the databases; the snapshot itself needs nothing
  // in memory).
  class Transactions final : public Transactional {
   public:
    Transactions(org::MemoryOrgStore& org, identity::MemoryIdentityStore& identity,
                 work::MemoryWorkStore& work, work::MemoryLetterStore& letters,
                 work::MemoryActivityStore& activities,
                 work::MemoryAccountabilityStore& accountability)
        : org_(org),
          identity_(identity),
          work_(work),
          letters_(letters),
          activities_(activities),
          accountability_(accountability) {}
    void begin() override;
    void commit() override;
    void rollback() noexcept override;
    void begin_read() override;
    void end_read() noexcept override;

   private:
    void refuse_in_snapshot(const char* what) const;

    org::MemoryOrgStore& org_;
    identity::MemoryIdentityStore& identity_;
    work::MemoryWorkStore& work_;
    work::MemoryLetterStore& letters_;
    work::MemoryActivityStore& activities_;
    work::MemoryAccountabilityStore& accountability_;
    bool reading_ = false;
  };

  org::MemoryOrgStore org_;
  identity::MemoryIdentityStore identity_;
  work::MemoryWorkStore work_;
  work::MemoryLetterStore letters_;
  work::MemoryActivityStore activities_;
  work::MemoryAccountabilityStore accountability_;
  Transactions transactions_;
  app::Stores stores_;
};

}  // namespace tatakerja::persistence
