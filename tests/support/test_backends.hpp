// The backends the ports' conformance suites (and the use cases' tests) run against, with one
// fresh set of stores per test:
//   "sqlite"      a migrated SQLite database in a temporary file, deleted afterwards;
//   "postgresql"  a new, migrated database on the server named by TATAKERJA_TEST_POSTGRES_URL,
//                 dropped afterwards (ctest starts a throwaway server and sets the variable:
//                 tests/CMakeLists.txt, tatakerja_backend_test; without it the test fails, it is
//                 never skipped);
//   "memory"      persistence::MemoryStores.
// Value-parameterised suites take the backend's name as their parameter and as their name's
// suffix (".../sqlite"), which is how ctest knows which tests need the PostgreSQL server.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "persistence/memory_stores.hpp"
#include "persistence/sql_stores.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja::testing {

inline std::string random_suffix() {
  static std::mt19937_64 rng{
      std::random_device{}() ^
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count())};
  const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string s;
  for (int i = 0; i < 12; ++i) s += digits[rng() % 36];
  return s;
}

// The URL with its database name (the path after host:port) replaced.
inline std::string with_database(const std::string& url, const std::string& db) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  auto query = url.find('?', slash == std::string::npos ? 0 : slash);
  std::string base = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
  std::string rest = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + db + rest;
}

// A fresh, empty (not migrated) database of one dialect, "sqlite" or "postgresql"; dropped (or
// deleted) at destruction.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& dialect) {
    namespace fs = std::filesystem;
    if (dialect == "sqlite") {
      path_ = (fs::temp_directory_path() / ("tatakerja-store-" + random_suffix() + ".db")).string();
      url_ = path_;
      return;
    }
    const char* env = std::getenv("TATAKERJA_TEST_POSTGRES_URL");
    if (env == nullptr || *env == '\0') {
      error_ =
          "TATAKERJA_TEST_POSTGRES_URL is not set: run these tests through ctest (which starts "
          "a PostgreSQL server with scripts/pg-test-server.sh), or set it to a server where "
          "the user may create databases, e.g. postgresql://postgres@127.0.0.1:54329/postgres";
      return;
    }
    maintenance_url_ = env;
    name_ = "t_" + random_suffix();
    auto admin = storage::open_database(maintenance_url_);
    admin->execute_script("CREATE DATABASE " + name_);
    url_ = with_database(maintenance_url_, name_);
  }
  ~TestDatabase() {
    namespace fs = std::filesystem;
    try {
      if (!path_.empty()) {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
      }
      if (!name_.empty()) {
        auto admin = storage::open_database(maintenance_url_);
        admin->execute_script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
      }
    } catch (const std::exception& e) {
      ADD_FAILURE() << "cleaning up the test database: " << e.what();
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  const std::string& error() const { return error_; }
  const std::string& url() const { return url_; }

 private:
  std::string path_, maintenance_url_, name_, url_, error_;
};

// A fresh set of stores on one backend ("sqlite", "postgresql" or "memory"); the databases are
// migrated.
class TestBackend {
 public:
  explicit TestBackend(const std::string& backend) : name_(backend) {
    if (backend == "memory") {
      memory_ = std::make_unique<persistence::MemoryStores>();
      return;
    }
    if (backend != "sqlite" && backend != "postgresql") {
      error_ = "unknown backend '" + backend + "'";
      return;
    }
    db_ = std::make_unique<TestDatabase>(backend);
    if (!db_->error().empty()) {
      error_ = db_->error();
      return;
    }
    conn_ = storage::open_database(db_->url());
    storage::migrate(*conn_);
    sql_ = std::make_unique<persistence::SqlStores>(*conn_);
  }
  ~TestBackend() {
    sql_.reset();
    conn_.reset();
    db_.reset();
  }
  TestBackend(const TestBackend&) = delete;
  TestBackend& operator=(const TestBackend&) = delete;

  // Why the backend could not be set up; empty when it was.
  const std::string& error() const { return error_; }
  const std::string& name() const { return name_; }
  app::Stores& stores() { return sql_ ? sql_->stores() : memory_->stores(); }
  org::OrgStore& org() { return stores().org; }
  identity::IdentityStore& identity() { return stores().identity; }
  Transactional& transactions() { return stores().transactions; }
  // The database connection behind the stores; nullptr in memory.
  storage::Connection* connection() { return conn_.get(); }
  // The URL of the database (empty in memory), for a second connection.
  std::string url() const { return db_ ? db_->url() : std::string(); }

 private:
  std::string name_, error_;
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<storage::Connection> conn_;
  std::unique_ptr<persistence::SqlStores> sql_;
  std::unique_ptr<persistence::MemoryStores> memory_;
};

// A value-parameterised suite over backends: backend() is this test's fresh set of stores.
class BackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    backend_ = std::make_unique<TestBackend>(GetParam());
    ASSERT_TRUE(backend_->error().empty()) << backend_->error();
  }
  void TearDown() override { backend_.reset(); }
  TestBackend& backend() { return *backend_; }

 private:
  std::unique_ptr<TestBackend> backend_;
};

// The test name's suffix: the backend.
inline std::string backend_name(const ::testing::TestParamInfo<std::string>& p) {
  return p.param;
}

// The kind of the storage::DatabaseError that f throws (a failure when it throws none).
template <typename F>
storage::DatabaseError::Kind error_kind(F f) {
  try {
    f();
  } catch (const storage::DatabaseError& e) {
    return e.kind();
  }
  ADD_FAILURE() << "no DatabaseError was thrown";
  return storage::DatabaseError::Kind::Other;
}

}  // namespace tatakerja::testing
