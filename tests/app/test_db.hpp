// A migrated SQLite database in a fresh temporary file for one test, removed afterwards, and the
// corpus texts read from TATAKERJA_DATA_DIR.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>

#include "persistence/sql_stores.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja::testing {

class TempDb {
 public:
  TempDb() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("tatakerja-service-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    conn_ = storage::open_database((dir_ / "test.db").string());
    storage::migrate(*conn_);
    stores_ = std::make_unique<persistence::SqlStores>(*conn_);
  }
  ~TempDb() {
    stores_.reset();
    conn_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  app::Stores& stores() { return stores_->stores(); }
  org::OrgStore& org() { return stores_->org(); }
  identity::IdentityStore& identity() { return stores_->identity(); }
  storage::Connection& conn() { return *conn_; }
  std::int64_t count(const std::string& table) {
    return conn_->query("SELECT COUNT(*) FROM " + table)[0].integer(0);
  }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<storage::Connection> conn_;
  std::unique_ptr<persistence::SqlStores> stores_;
};

inline std::string corpus_dir() {
  return std::string(TATAKERJA_DATA_DIR) + "/regulations";
}

// The corpus file whose name starts with `prefix` ("003").
inline std::string corpus_text(const std::string& prefix) {
  for (const auto& e : std::filesystem::directory_iterator(corpus_dir())) {
    const auto name = e.path().filename().string();
    if (name.rfind(prefix + "_", 0) == 0) {
      std::ifstream in(e.path(), std::ios::binary);
      return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  ADD_FAILURE() << "no corpus file " << prefix;
  return "";
}

}  // namespace tatakerja::testing
