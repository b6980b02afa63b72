// What the use cases work on: each domain's storage port and the transactions that group their
// changes. Built by the persistence module over one database connection (SQLite, PostgreSQL) or in
// memory; the use cases know only the ports.
#pragma once

#include <functional>
#include <string_view>

#include "core/transaction.hpp"
#include "identity/identity_store.hpp"
#include "org/org_store.hpp"
#include "work/accountability_store.hpp"  // issue 12 item 5
#include "work/activity_store.hpp"        // issue 12 item 4
#include "work/letter_store.hpp"          // issue 12 item 6
#include "work/work_store.hpp"

namespace tatakerja::app {

struct Stores {
  Transactional& transactions;  // a Transaction over it covers every store below
  org::OrgStore& org;
  identity::IdentityStore& identity;
  std::string_view backend;             // "sqlite", "postgresql" or "memory"
  std::function<int()> schema_version;  // of the database behind the stores
  work::WorkStore& work;                // the work system (issue 12): rules, teams
  work::LetterStore& letters;           // issue 12 item 6: letters, their numbering
  work::ActivityStore& activities;      // issue 12 item 4: activities, their notes and evidence
  work::AccountabilityStore& accountability;  // issue 12 item 5: reports, requests, escalations
};

}  // namespace tatakerja::app
