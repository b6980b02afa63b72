// Every domain's store over one database connection (SQLite or PostgreSQL): the wiring that the
// server (one per worker thread), the CLI, the tests and the fuzz targets use to hand the use cases
// their app::Stores.
#pragma once

#include "app/stores.hpp"
#include "identity/sql_identity_store.hpp"
#include "org/sql_org_store.hpp"
#include "storage/database.hpp"
#include "work/sql_accountability_store.hpp"
#include "work/sql_activity_store.hpp"
#include "work/sql_letter_store.hpp"
#include "work/sql_work_store.hpp"

namespace tatakerja::persistence {

class SqlStores {
 public:
  explicit SqlStores(storage::Connection& c);
  SqlStores(const SqlStores&) = delete;
  SqlStores& operator=(const SqlStores&) = delete;

  app::Stores& stores() { return stores_; }
  org::OrgStore& org() { return org_; }
  identity::IdentityStore& identity() { return identity_; }
  work::WorkStore& work() { return work_; }
  storage::Connection& connection() { return c_; }

 private:
  storage::Connection& c_;
  org::SqlOrgStore org_;
  identity::SqlIdentityStore identity_;
  work::SqlWorkStore work_;
  work::SqlLetterStore letters_;                 // issue 12 item 6
  work::SqlActivityStore activities_;            // issue 12 item 4
  work::SqlAccountabilityStore accountability_;  // issue 12 item 5
  app::Stores stores_;
};

}  // namespace tatakerja::persistence
