// The IdentityStore port's conformance suite: accounts, sessions and the audit log, their orders
// and the schema's rules (refused as storage::DatabaseError of kind Constraint), run unchanged
// against every implementation: SqlIdentityStore on SQLite and on PostgreSQL, MemoryIdentityStore
// (value-parameterised over "sqlite", "postgresql" and "memory"; the backends:
// tests/support/test_backends.hpp). Each test gets fresh stores.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "identity/identity_store.hpp"
#include "storage/database.hpp"
#include "support/registry_seed.hpp"
#include "support/test_backends.hpp"

namespace tatakerja::identity {
namespace {

// A stand-in for the application's SHA-256 chain hash (app::audit_hash): the store only keeps
// what the hasher gives it.
inline std::string test_audit_hash(const std::string& previous,
                                   const tatakerja::identity::AuditEntry& e) {
  return previous + "/" + std::to_string(e.id);
}

using storage::DatabaseError;
using testing::error_kind;
using testing::make_employee;
using testing::Seed;

class IdentityStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    stores_ = &backend();
  }
  Seed seed() { return testing::seed(stores_->org()); }

  testing::TestBackend* stores_ = nullptr;
};

User make_user(const std::string& username) {
  User u;
  u.username = username;
  u.display_name = username;
  u.password_hash = "x";
  return u;
}

TEST_P(IdentityStoreTest, UserRoundTrip) {
  Seed s = seed();
  Id emp =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  User u;
  u.username = "budi";
  u.display_name = "Budi Santoso – Ç";
  u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  u.role = Role::RegistryAdmin;
  u.employee_id = emp;
  u.active = true;
  Id id = stores_->identity().insert_user(u);
  User admin;
  admin.username = "admin";
  admin.display_name = "Administrator";
  admin.password_hash = "x";
  admin.role = Role::Administrator;
  admin.active = false;
  Id admin_id = stores_->identity().insert_user(admin);

  auto got = stores_->identity().user_by_username("budi");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->username, "budi");
  EXPECT_EQ(got->display_name, u.display_name);
  EXPECT_EQ(got->password_hash, u.password_hash);
  EXPECT_EQ(got->role, Role::RegistryAdmin);
  EXPECT_EQ(got->employee_id, emp);
  EXPECT_TRUE(got->active);
  auto got_admin = stores_->identity().user_by_username("admin");
  ASSERT_TRUE(got_admin);
  EXPECT_EQ(got_admin->id, admin_id);
  EXPECT_FALSE(got_admin->employee_id);
  EXPECT_FALSE(got_admin->active);
  EXPECT_EQ(got_admin->role, Role::Administrator);
  EXPECT_FALSE(stores_->identity().user_by_username("nobody"));

  got->role = Role::Employee;
  got->active = false;
  got->employee_id.reset();
  got->display_name = "Budi";
  stores_->identity().update_user(*got);
  auto updated = stores_->identity().user_by_username("budi");
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->id, id);
  EXPECT_EQ(updated->role, Role::Employee);
  EXPECT_FALSE(updated->active);
  EXPECT_FALSE(updated->employee_id);
  EXPECT_EQ(updated->display_name, "Budi");

  auto all = stores_->identity().users();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].username, "admin");
  EXPECT_EQ(all[1].username, "budi");
  EXPECT_EQ(error_kind([&] { stores_->identity().insert_user(u); }),
            DatabaseError::Kind::Constraint);
}

// Migration 19: an account's e-mail address, and the active account of an employee (whose
// notifications are copied to that address).
TEST_P(IdentityStoreTest, EmailAndTheActiveAccountOfAnEmployee) {
  Seed s = seed();
  const Id emp =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  const Id other =
      stores_->org().insert_employee(make_employee(s.region, "198704152012032002", "Sari"));
  User old = make_user("budi.lama");
  old.employee_id = emp;
  old.active = false;
  old.email = "budi.lama@kupangkota.go.id";
  const Id old_id = stores_->identity().insert_user(old);
  User now = make_user("budi");
  now.employee_id = emp;
  now.email = "budi@kupangkota.go.id";
  const Id now_id = stores_->identity().insert_user(now);
  EXPECT_EQ(stores_->identity().user_by_id(old_id)->email, "budi.lama@kupangkota.go.id");

  auto active = stores_->identity().active_user_of_employee(emp);
  ASSERT_TRUE(active);
  EXPECT_EQ(active->id, now_id);  // the switched-off account is passed over
  EXPECT_EQ(active->email, "budi@kupangkota.go.id");
  EXPECT_FALSE(stores_->identity().active_user_of_employee(other));

  active->email = "";
  stores_->identity().update_user(*active);
  EXPECT_EQ(stores_->identity().user_by_username("budi")->email, "");
  User again = *stores_->identity().user_by_id(old_id);
  again.active = true;
  stores_->identity().update_user(again);
  EXPECT_EQ(stores_->identity().active_user_of_employee(emp)->id, old_id);  // the first by id
}

TEST_P(IdentityStoreTest, Sessions) {
  User u;
  u.username = "budi";
  u.password_hash = "x";
  Id uid = stores_->identity().insert_user(u);
  stores_->identity().insert_session({"hash-old", uid, "csrf-1", 1000});
  stores_->identity().insert_session({"hash-now", uid, "csrf-2", 2000});
  stores_->identity().insert_session({"hash-new", uid, "csrf-3", 3000});
  // The session with its account, in one query.
  const auto both = stores_->identity().session_with_user("hash-new");
  ASSERT_TRUE(both);
  EXPECT_EQ(both->first.id, uid);
  EXPECT_EQ(both->first.username, "budi");
  EXPECT_EQ(both->first.password_hash, "x");
  EXPECT_EQ(both->second.token_hash, "hash-new");
  EXPECT_EQ(both->second.user_id, uid);
  EXPECT_EQ(both->second.csrf_token, "csrf-3");
  EXPECT_EQ(both->second.expires_at, 3000);
  EXPECT_FALSE(stores_->identity().session_with_user("unknown"));

  stores_->identity().delete_expired_sessions(2000);  // a session expiring now is expired
  EXPECT_FALSE(stores_->identity().session_with_user("hash-old"));
  EXPECT_FALSE(stores_->identity().session_with_user("hash-now"));
  EXPECT_TRUE(stores_->identity().session_with_user("hash-new"));
  stores_->identity().delete_session("hash-new");
  EXPECT_FALSE(stores_->identity().session_with_user("hash-new"));
  stores_->identity().delete_session("hash-new");  // deleting twice is harmless

  EXPECT_EQ(error_kind([&] {
              stores_->identity().insert_session({"h", 999999, "c", 1});
            }),
            DatabaseError::Kind::Constraint);
}

// Migration 7: each session has an id, the time it started and the client address; an account's
// sessions are listed oldest first (by created_at, then id), expired ones included; an account
// is found by its id.
TEST_P(IdentityStoreTest, SessionsOfAnAccount) {
  const Id budi = stores_->identity().insert_user(make_user("budi"));
  const Id citra = stores_->identity().insert_user(make_user("citra"));
  EXPECT_EQ(stores_->identity().user_by_id(budi)->username, "budi");
  EXPECT_EQ(stores_->identity().user_by_id(citra)->username, "citra");
  EXPECT_FALSE(stores_->identity().user_by_id(999999));
  EXPECT_TRUE(stores_->identity().sessions_of_user(budi).empty());

  const Id first =
      stores_->identity().insert_session({"hash-a", budi, "csrf-a", 5000, 300, "203.0.113.9"});
  const Id second =
      stores_->identity().insert_session({"hash-b", budi, "csrf-b", 1000, 100, "2001:db8::1"});
  const Id third = stores_->identity().insert_session({"hash-c", citra, "csrf-c", 5000, 200, ""});
  const Id fourth =
      stores_->identity().insert_session({"hash-d", budi, "csrf-d", 5000, 300, "198.51.100.7"});
  EXPECT_GT(first, 0);
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_LT(third, fourth);

  const auto held = stores_->identity().sessions_of_user(budi);
  ASSERT_EQ(held.size(), 3u);
  EXPECT_EQ(held[0].token_hash, "hash-b");  // created first
  EXPECT_EQ(held[0].id, second);
  EXPECT_EQ(held[0].created_at, 100);
  EXPECT_EQ(held[0].expires_at, 1000);
  EXPECT_EQ(held[0].client_address, "2001:db8::1");
  EXPECT_EQ(held[0].csrf_token, "csrf-b");
  EXPECT_EQ(held[0].user_id, budi);
  EXPECT_EQ(held[1].id, first);  // the same created_at: by id
  EXPECT_EQ(held[1].client_address, "203.0.113.9");
  EXPECT_EQ(held[2].id, fourth);
  const auto joined = stores_->identity().session_with_user("hash-d");
  ASSERT_TRUE(joined);
  EXPECT_EQ(joined->second.id, fourth);
  EXPECT_EQ(joined->second.created_at, 300);
  EXPECT_EQ(joined->second.client_address, "198.51.100.7");
  EXPECT_EQ(joined->first.id, budi);

  stores_->identity().delete_session("hash-a");
  const auto left = stores_->identity().sessions_of_user(budi);
  ASSERT_EQ(left.size(), 2u);
  EXPECT_EQ(left[0].id, second);
  EXPECT_EQ(left[1].id, fourth);
  ASSERT_EQ(stores_->identity().sessions_of_user(citra).size(), 1u);
  EXPECT_EQ(stores_->identity().sessions_of_user(citra)[0].id, third);
}

TEST_P(IdentityStoreTest, AuditNewestFirst) {
  User u;
  u.username = "admin";
  u.password_hash = "x";
  Id uid = stores_->identity().insert_user(u);
  Id first_id = stores_->identity().append_audit({0, "2026-11-23T10:00:00Z", uid, "admin", "create",
                                                  "employee", "17", "", R"({"name":"Budi – Ç"})"},
                                                 test_audit_hash);
  Id second_id = stores_->identity().append_audit(
      {0, "", std::nullopt, "system", "import", "regulation", "3", R"({"a":1})", R"({"a":2})"},
      test_audit_hash);
  Id third_id = stores_->identity().append_audit(
      {0, "2026-11-23T10:05:00Z", uid, "admin", "sign_in", "user", "1", "", ""}, test_audit_hash);
  auto log = stores_->identity().audit_log({});
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].id, third_id);
  EXPECT_EQ(log[1].id, second_id);
  EXPECT_EQ(log[2].id, first_id);
  EXPECT_EQ(log[2].at, "2026-11-23T10:00:00Z");
  EXPECT_EQ(log[2].user_id, uid);
  EXPECT_EQ(log[2].username, "admin");
  EXPECT_EQ(log[2].action, "create");
  EXPECT_EQ(log[2].entity, "employee");
  EXPECT_EQ(log[2].entity_id, "17");
  EXPECT_EQ(log[2].before, "");
  EXPECT_EQ(log[2].after, R"({"name":"Budi – Ç"})");
  EXPECT_FALSE(log[1].user_id);
  EXPECT_EQ(log[1].at.size(), 20u) << log[1].at;
  EXPECT_EQ(log[1].at.back(), 'Z');
  auto page = stores_->identity().audit_log({1, third_id});
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, second_id);
}

// The audit chain (issue 10): entries numbered one after another from the head, each given the
// hash the hasher computes from the previous hash; the head follows; pages by key; a rollback
// takes the head back, so the next entry gets the same number.
TEST_P(IdentityStoreTest, AuditChainNumbersHashesAndPagesByKey) {
  EXPECT_EQ(stores_->identity().audit_chain_head().last_id, 0);
  EXPECT_EQ(stores_->identity().audit_chain_head().first_id, 1);
  EXPECT_EQ(stores_->identity().audit_chain_head().last_hash, "");
  for (int i = 1; i <= 5; ++i) {
    Transaction tx(stores_->transactions());
    EXPECT_EQ(stores_->identity().append_audit(
                  {0, "", std::nullopt, "cli", "update", "position", std::to_string(i), "", ""},
                  test_audit_hash),
              i);
    tx.commit();
  }
  const auto head = stores_->identity().audit_chain_head();
  EXPECT_EQ(head.first_id, 1);
  EXPECT_EQ(head.last_id, 5);
  EXPECT_EQ(head.last_hash, "/1/2/3/4/5");
  auto newest = stores_->identity().audit_log({2, std::nullopt});
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_EQ(newest[0].id, 5);
  EXPECT_EQ(newest[0].hash, "/1/2/3/4/5");
  EXPECT_EQ(newest[1].id, 4);
  auto older = stores_->identity().audit_log({2, 4});
  ASSERT_EQ(older.size(), 2u);
  EXPECT_EQ(older[0].id, 3);
  EXPECT_EQ(older[1].id, 2);
  EXPECT_TRUE(stores_->identity().audit_log({10, 1}).empty());
  EXPECT_EQ(stores_->identity().audit_log({1000, std::nullopt}).size(), 5u);  // limit clamped
  const auto after = stores_->identity().audit_entries_after(2, 2);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].id, 3);
  EXPECT_EQ(after[0].hash, "/1/2/3");
  EXPECT_EQ(after[1].id, 4);
  {
    Transaction tx(stores_->transactions());
    stores_->identity().append_audit({0, "", std::nullopt, "cli", "x", "y", "z", "", ""},
                                     test_audit_hash);
  }  // rolled back
  EXPECT_EQ(stores_->identity().audit_chain_head().last_id, 5);
  Transaction tx(stores_->transactions());
  EXPECT_EQ(stores_->identity().append_audit({0, "", std::nullopt, "cli", "x", "y", "z", "", ""},
                                             test_audit_hash),
            6);
  tx.commit();
  EXPECT_EQ(stores_->identity().audit_chain_head().last_hash, "/1/2/3/4/5/6");
}

// An account's scope (migration 9) is stored and read back, and cleared by an update.
// Issue 11: the audit log filtered by account, kind of change, kind of record and period, each
// page by key, and the filters combined.
TEST_P(IdentityStoreTest, AuditFiltersByAccountKindAndPeriod) {
  struct Row {
    const char* at;
    const char* username;
    const char* action;
    const char* entity;
  };
  const Row rows[] = {
      {"2026-11-30T08:00:00Z", "ani", "update", "position"},   // 1
      {"2026-12-01T09:00:00Z", "budi", "create", "employee"},  // 2
      {"2026-12-01T23:59:59Z", "ani", "update", "unit"},       // 3
      {"2026-12-02T00:00:00Z", "ani", "create", "placement"},  // 4
      {"2026-12-02T10:00:00Z", "budi", "update", "position"},  // 5
      {"2026-12-03T10:00:00Z", "ani", "update", "position"},   // 6
      {"2026-12-03T11:00:00Z", "ani", "sign_in", "user"},      // 7
  };
  for (const auto& r : rows) {
    stores_->identity().append_audit(
        {0, r.at, std::nullopt, r.username, r.action, r.entity, "1", "", ""}, test_audit_hash);
  }
  auto ids = [&](const AuditPage& page) {
    std::vector<Id> out;
    for (const auto& e : stores_->identity().audit_log(page)) out.push_back(e.id);
    return out;
  };
  using V = std::vector<Id>;
  AuditPage by_user;
  by_user.username = "ani";
  EXPECT_EQ(ids(by_user), (V{7, 6, 4, 3, 1}));
  AuditPage by_action;
  by_action.action = "update";
  EXPECT_EQ(ids(by_action), (V{6, 5, 3, 1}));
  AuditPage by_entity;
  by_entity.entity = "position";
  EXPECT_EQ(ids(by_entity), (V{6, 5, 1}));
  AuditPage period;  // 1 and 2 December, both days whole
  period.from = "2026-12-01";
  period.until = "2026-12-03";
  EXPECT_EQ(ids(period), (V{5, 4, 3, 2}));
  // Combined, and paged by key across pages.
  AuditPage combined;
  combined.username = "ani";
  combined.action = "update";
  combined.limit = 2;
  EXPECT_EQ(ids(combined), (V{6, 3}));
  combined.before_id = 3;
  EXPECT_EQ(ids(combined), (V{1}));
  combined.before_id = 1;
  EXPECT_TRUE(ids(combined).empty());
  AuditPage none;
  none.username = "ani";
  none.entity = "employee";
  EXPECT_TRUE(ids(none).empty());
}

TEST_P(IdentityStoreTest, AccountScopeRoundTrips) {
  const Seed s = seed();
  auto u = make_user("organisasi");
  u.role = Role::RegistryAdmin;
  u.scope_region_id = s.region;
  u.scope_agency_ids = {3, 7};
  u.id = stores_->identity().insert_user(u);
  auto read = *stores_->identity().user_by_username("organisasi");
  EXPECT_EQ(read.scope_region_id, s.region);
  EXPECT_EQ(read.scope_agency_ids, (std::vector<Id>{3, 7}));
  read.scope_region_id.reset();
  read.scope_agency_ids.clear();
  stores_->identity().update_user(read);
  read = *stores_->identity().user_by_username("organisasi");
  EXPECT_FALSE(read.scope_region_id);
  EXPECT_TRUE(read.scope_agency_ids.empty());
  // A region that does not exist is refused (the foreign key), by insert and by update alike.
  auto orphan = make_user("lain");
  orphan.scope_region_id = 999999;
  EXPECT_EQ(error_kind([&] { stores_->identity().insert_user(orphan); }),
            DatabaseError::Kind::Constraint);
  EXPECT_FALSE(stores_->identity().user_by_username("lain"));
  read.scope_region_id = 999999;
  EXPECT_EQ(error_kind([&] { stores_->identity().update_user(read); }),
            DatabaseError::Kind::Constraint);
  EXPECT_FALSE(stores_->identity().user_by_username("organisasi")->scope_region_id);
}

// ---- What an implementation could get wrong that the tests above do not reach ----------------

TEST_P(IdentityStoreTest, IdsStartAtOneAndIncrease) {
  EXPECT_EQ(stores_->identity().insert_user(make_user("admin")), 1);
  EXPECT_EQ(stores_->identity().insert_user(make_user("budi")), 2);
  EXPECT_EQ(
      stores_->identity().append_audit(
          {0, "", std::nullopt, "system", "import", "regulation", "1", "", ""}, test_audit_hash),
      1);
  EXPECT_EQ(stores_->identity().append_audit({0, "", 2, "budi", "sign_in", "user", "2", "", ""},
                                             test_audit_hash),
            2);
}

// What the schema refuses: a taken username (also by an update), an account of an unknown
// employee, a session token twice, an audit entry or a session of an unknown account. Nothing is
// written.
TEST_P(IdentityStoreTest, RefusedWritesChangeNothing) {
  const Seed s = seed();
  const Id emp =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  const Id admin = stores_->identity().insert_user(make_user("admin"));
  const Id budi = stores_->identity().insert_user(make_user("budi"));
  auto u = *stores_->identity().user_by_username("budi");
  u.username = "admin";
  EXPECT_EQ(error_kind([&] { stores_->identity().update_user(u); }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(stores_->identity().user_by_username("admin")->id, admin);
  EXPECT_EQ(stores_->identity().user_by_username("budi")->id, budi);
  u = *stores_->identity().user_by_username("budi");
  u.employee_id = 999999;
  EXPECT_EQ(error_kind([&] { stores_->identity().update_user(u); }),
            DatabaseError::Kind::Constraint);
  EXPECT_FALSE(stores_->identity().user_by_username("budi")->employee_id);
  u.employee_id = emp;
  u.display_name = "Budi Santoso";
  stores_->identity().update_user(u);
  EXPECT_EQ(stores_->identity().user_by_username("budi")->employee_id, emp);
  auto orphan = make_user("citra");
  orphan.employee_id = 999999;
  EXPECT_EQ(error_kind([&] { stores_->identity().insert_user(orphan); }),
            DatabaseError::Kind::Constraint);
  EXPECT_FALSE(stores_->identity().user_by_username("citra"));

  stores_->identity().insert_session({"hash", budi, "csrf", 1000});
  EXPECT_EQ(error_kind([&] {
              stores_->identity().insert_session({"hash", admin, "other", 2000});
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(stores_->identity().session_with_user("hash")->first.id, budi);
  EXPECT_EQ(error_kind([&] {
              stores_->identity().append_audit(
                  {0, "", 999999, "nobody", "sign_in", "user", "9", "", ""}, test_audit_hash);
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_TRUE(stores_->identity().audit_log({}).empty());
  EXPECT_EQ(stores_->identity().users().size(), 2u);
  // A username freed by an update can be taken; updating an unknown account does nothing.
  u.username = "budi.santoso";
  stores_->identity().update_user(u);
  EXPECT_GT(stores_->identity().insert_user(make_user("budi")), 0);
  auto ghost = make_user("ghost");
  ghost.id = 999999;
  stores_->identity().update_user(ghost);
  EXPECT_FALSE(stores_->identity().user_by_username("ghost"));
}

// A rolled-back transaction leaves accounts, sessions and the audit log as they were.
TEST_P(IdentityStoreTest, RollbackRestoresAccountsSessionsAndAudit) {
  const Id admin = stores_->identity().insert_user(make_user("admin"));
  stores_->identity().insert_session({"hash-1", admin, "csrf-1", 1000});
  stores_->identity().insert_session({"hash-2", admin, "csrf-2", 3000});
  stores_->identity().append_audit({0, "", admin, "admin", "sign_in", "user", "1", "", ""},
                                   test_audit_hash);
  {
    Transaction tx(stores_->transactions());
    auto u = *stores_->identity().user_by_username("admin");
    u.username = "root";
    u.role = Role::Administrator;
    stores_->identity().update_user(u);
    const Id budi = stores_->identity().insert_user(make_user("budi"));
    stores_->identity().delete_session("hash-2");
    stores_->identity().delete_expired_sessions(1000);
    stores_->identity().insert_session({"hash-3", budi, "csrf-3", 5000});
    stores_->identity().append_audit({0, "", budi, "budi", "create", "user", "2", "", "{}"},
                                     test_audit_hash);
    EXPECT_FALSE(stores_->identity().session_with_user("hash-1"));
  }  // rolled back
  const auto users = stores_->identity().users();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].username, "admin");
  EXPECT_EQ(users[0].role, Role::Employee);
  EXPECT_FALSE(stores_->identity().user_by_username("root"));
  EXPECT_TRUE(stores_->identity().session_with_user("hash-1"));
  EXPECT_TRUE(stores_->identity().session_with_user("hash-2"));
  EXPECT_FALSE(stores_->identity().session_with_user("hash-3"));
  const auto log = stores_->identity().audit_log({});
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "sign_in");
  // The username and the session token the transaction took are free again.
  const Id budi = stores_->identity().insert_user(make_user("budi"));
  stores_->identity().insert_session({"hash-3", budi, "csrf-3", 5000});
  EXPECT_EQ(stores_->identity().session_with_user("hash-3")->first.username, "budi");
}

INSTANTIATE_TEST_SUITE_P(Backends, IdentityStoreTest,
                         ::testing::Values("sqlite", "postgresql", "memory"),
                         testing::backend_name);

}  // namespace
}  // namespace tatakerja::identity
