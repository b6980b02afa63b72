#include "persistence/sql_stores.hpp"

#include "storage/migrations.hpp"

namespace tatakerja::persistence {

SqlStores::SqlStores(storage::Connection& c)
    : c_(c),
      org_(c),
      identity_(c),
      work_(c),
      letters_(c),
      activities_(c),
      accountability_(c),
      stores_{c,
              org_,
              identity_,
              c.dialect() == storage::Dialect::Sqlite ? "sqlite" : "postgresql",
              [&c] { return storage::schema_version(c); },
              work_,
              letters_,
              activities_,
              accountability_} {}

}  // namespace tatakerja::persistence
