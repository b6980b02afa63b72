// The SQL storage under the ports: the drivers' value mapping and error kinds, migrations (applied
// once, also by concurrent starters), the registry revision's database triggers (moved by any
// statement on a registry table, once per transaction on PostgreSQL, savepoints included), run
// unchanged on SQLite and on PostgreSQL (value-parameterised over "sqlite" and "postgresql"; the
// test databases: tests/support/test_backends.hpp). What the stores promise through their ports is
// checked on every backend by the conformance suites (tests/org, tests/identity). A few plain
// tests cover the PostgreSQL placeholder rewriting and opening failures.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "storage/database.hpp"
#include "storage/drivers.hpp"
#include "storage/migrations.hpp"
#include "support/registry_seed.hpp"
#include "support/test_backends.hpp"

namespace tatakerja::storage {
namespace {

using org::Id;
using testing::error_kind;
using testing::make_employee;
using testing::Seed;
using testing::TestDatabase;

class StoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    stores_ = &backend();
    conn_ = backend().connection();
    ASSERT_NE(conn_, nullptr);
  }
  Seed seed() { return testing::seed(stores_->org()); }

  testing::TestBackend* stores_ = nullptr;
  Connection* conn_ = nullptr;
};

TEST_P(StoreTest, DialectMatchesUrl) {
  EXPECT_EQ(conn_->dialect(), GetParam() == "sqlite" ? Dialect::Sqlite : Dialect::Postgres);
}

TEST_P(StoreTest, MigrateTwiceIsNoOp) {
  EXPECT_EQ(schema_version(*conn_), latest_schema_version());
  EXPECT_GE(latest_schema_version(), 1);
  migrate(*conn_);
  migrate(*conn_);
  EXPECT_EQ(schema_version(*conn_), latest_schema_version());
  // Each version once (a branch's number may be missing until its merge: issue 11 took 11).
  auto rows = conn_->query(
      "SELECT COUNT(*), MIN(version), MAX(version), COUNT(DISTINCT version) FROM "
      "schema_migrations");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].integer(0), rows[0].integer(3));
  EXPECT_EQ(rows[0].integer(1), 1);
  EXPECT_EQ(rows[0].integer(2), latest_schema_version());
}

TEST_P(StoreTest, EmptyDatabaseHasVersionZero) {
  TestDatabase other(GetParam());
  ASSERT_TRUE(other.error().empty()) << other.error();
  auto c = open_database(other.url());
  EXPECT_EQ(schema_version(*c), 0);
}

TEST_P(StoreTest, ConcurrentMigrationsApplyOnce) {
  TestDatabase other(GetParam());
  ASSERT_TRUE(other.error().empty()) << other.error();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&] {
      try {
        auto c = open_database(other.url());
        migrate(*c);
      } catch (const std::exception& e) {
        ++failures;
        std::fprintf(stderr, "migrate: %s\n", e.what());
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto c = open_database(other.url());
  EXPECT_EQ(schema_version(*c), latest_schema_version());
  const auto applied =
      c->query("SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM schema_migrations");
  EXPECT_EQ(applied[0].integer(0), applied[0].integer(1));
  EXPECT_EQ(applied[0].integer(2), latest_schema_version());
}

TEST_P(StoreTest, ValuesRoundTripThroughDriver) {
  conn_->execute_script(
      "CREATE TABLE value_test (i BIGINT, r DOUBLE PRECISION, s TEXT, n INTEGER)");
  EXPECT_EQ(conn_->execute("INSERT INTO value_test (i, r, s, n) VALUES (?, ?, ?, ?)",
                           {std::int64_t{-9007199254740993}, 2.5,
                            std::string("Kepala Sub Bagian Umum – Ç 'kutip' ?"), Value{}}),
            1);
  auto rows = conn_->query("SELECT i, r, s, n, 'a?b' FROM value_test WHERE s LIKE ?",
                           {std::string("Kepala%")});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].integer(0), -9007199254740993);
  EXPECT_TRUE(std::holds_alternative<double>(rows[0].values[1]));
  EXPECT_DOUBLE_EQ(rows[0].real(1), 2.5);
  EXPECT_EQ(rows[0].text(2), "Kepala Sub Bagian Umum – Ç 'kutip' ?");
  EXPECT_TRUE(rows[0].is_null(3));
  EXPECT_EQ(rows[0].optional_integer(3), std::nullopt);
  EXPECT_EQ(rows[0].integer(3), 0);
  EXPECT_EQ(rows[0].text(3), "");
  EXPECT_EQ(rows[0].text(4), "a?b");
  EXPECT_EQ(rows[0].text(0), "-9007199254740993");
  EXPECT_EQ(conn_->execute("UPDATE value_test SET n = ? WHERE i < ?", {std::int64_t{7}, 0.0}), 1);
  EXPECT_EQ(conn_->execute("DELETE FROM value_test WHERE n = ?", {std::int64_t{8}}), 0);
}

TEST_P(StoreTest, WrongParameterCountIsAnError) {
  EXPECT_EQ(error_kind([&] { conn_->query("SELECT id FROM regions WHERE id = ?"); }),
            DatabaseError::Kind::Other);
}

TEST_P(StoreTest, SqlErrorIsOther) {
  EXPECT_EQ(error_kind([&] { conn_->query("SELECT no_such_column FROM regions"); }),
            DatabaseError::Kind::Other);
}

// A change made to a registry table behind the store's back (here the people search's tokens)
// moves the revision too: the database's triggers move it, whoever writes.
TEST_P(StoreTest, RegistryRevisionMovesWhenATableChangesBehindTheStore) {
  const Seed s = seed();
  const std::int64_t r3 = stores_->org().registry_revision();
  const Id employee =
      stores_->org().insert_employee(make_employee(s.region, "196703251997032002", "Siti Aminah"));
  EXPECT_GT(stores_->org().registry_revision(), r3);
  const std::int64_t before = stores_->org().registry_revision();
  conn_->execute("DELETE FROM employee_name_tokens WHERE employee_id = ?", {employee});
  const std::int64_t r4 = stores_->org().registry_revision();
  EXPECT_GT(r4, before);
  {
    Transaction tx(*conn_);
    conn_->execute("DELETE FROM employee_name_tokens WHERE employee_id = ?", {employee});
  }  // rolled back
  EXPECT_EQ(stores_->org().registry_revision(), r4);
}

// A transaction's changes move the revision when it commits, also when part of it was rolled back
// to a savepoint. PostgreSQL moves it once per transaction (migration 3: each move of the one row
// left a row version the next had to walk past, quadratic in the transaction's statements);
// SQLite once per changed row.
TEST_P(StoreTest, RegistryRevisionMovesWhenATransactionCommits) {
  const Seed s = seed();
  auto unit = stores_->org().unit(s.unit);
  ASSERT_TRUE(unit);
  const std::int64_t before = stores_->org().registry_revision();
  {
    Transaction tx(*conn_);
    for (const char* name : {"Sekretariat A", "Sekretariat B", "Sekretariat C"}) {
      unit->name = name;
      stores_->org().update_unit(*unit);
    }
    stores_->org().insert_employee(make_employee(s.region, "196703251997032002", "Siti Aminah"));
    tx.commit();
  }
  const std::int64_t after = stores_->org().registry_revision();
  if (GetParam() == "postgresql") {
    EXPECT_EQ(after, before + 1);
  } else {
    EXPECT_GT(after, before + 3);  // a row each: three updates, an employee and its name tokens
  }
  // A change undone by a rollback to a savepoint, then another: the revision still moves, once.
  {
    Transaction tx(*conn_);
    conn_->execute_script("SAVEPOINT first_try");
    unit->name = "Tidak jadi";
    stores_->org().update_unit(*unit);
    conn_->execute_script("ROLLBACK TO SAVEPOINT first_try");
    EXPECT_EQ(stores_->org().registry_revision(), after);
    unit->name = "Sekretariat Badan";
    stores_->org().update_unit(*unit);
    tx.commit();
  }
  const std::int64_t last = stores_->org().registry_revision();
  if (GetParam() == "postgresql") {
    EXPECT_EQ(last, after + 1);
  } else {
    EXPECT_GT(last, after);
  }
  EXPECT_EQ(stores_->org().unit(s.unit)->name, "Sekretariat Badan");
  // And a statement outside any transaction is a transaction of its own.
  unit->name = "Sekretariat";
  stores_->org().update_unit(*unit);
  EXPECT_GT(stores_->org().registry_revision(), last);
}

INSTANTIATE_TEST_SUITE_P(Databases, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         testing::backend_name);

// ---- Helpers -------------------------------------------------------------------------------

TEST(RewritePlaceholders, OutsideLiteralsOnly) {
  int n = 0;
  EXPECT_EQ(detail::rewrite_placeholders("SELECT a FROM t WHERE b = ? AND c = ?", n),
            "SELECT a FROM t WHERE b = $1 AND c = $2");
  EXPECT_EQ(n, 2);
  EXPECT_EQ(
      detail::rewrite_placeholders("SELECT '?', 'it''s ?', \"we?ird\"\"?\" FROM t WHERE x=?", n),
      "SELECT '?', 'it''s ?', \"we?ird\"\"?\" FROM t WHERE x=$1");
  EXPECT_EQ(n, 1);
  EXPECT_EQ(detail::rewrite_placeholders("SELECT E'a\\'?' , ? -- what?\n, ? /* ? */", n),
            "SELECT E'a\\'?' , $1 -- what?\n, $2 /* ? */");
  EXPECT_EQ(n, 2);
  EXPECT_EQ(detail::rewrite_placeholders("SELECT $$ ? $$, $tag$ ?'$ $tag$, ?", n),
            "SELECT $$ ? $$, $tag$ ?'$ $tag$, $1");
  EXPECT_EQ(n, 1);
  EXPECT_EQ(detail::rewrite_placeholders("SELECT 1", n), "SELECT 1");
  EXPECT_EQ(n, 0);
}

TEST(OpenDatabase, UnreachablePostgresIsBusy) {
  try {
    open_database("postgresql://postgres@127.0.0.1:1/none?connect_timeout=2");
    ADD_FAILURE() << "connected to port 1";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.kind(), DatabaseError::Kind::Busy) << e.what();
  }
}

TEST(OpenDatabase, UnopenableSqliteFileIsAnError) {
  EXPECT_THROW(open_database("/nonexistent-dir/sub/x.db"), DatabaseError);
}

}  // namespace
}  // namespace tatakerja::storage
