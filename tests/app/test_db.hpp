// The app tests' backends and the corpus texts read from TATAKERJA_DATA_DIR. The use cases take
// nothing but app::Stores, so their tests run on a migrated SQLite file and in memory alike
// (value-parameterised; the backends: tests/support/test_backends.hpp).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "support/test_backends.hpp"

namespace tatakerja::testing {

// The backends the use cases' tests run on.
inline auto app_backends() {
  return ::testing::Values("sqlite", "memory");
}

// The number of rows of a table: counted by the database on SQL, through the ports in memory
// (every registry record is reachable from the regions, the people and the audit log).
inline std::int64_t count_rows(TestBackend& db, const std::string& table) {
  if (storage::Connection* c = db.connection()) {
    return c->query("SELECT COUNT(*) FROM " + table)[0].integer(0);
  }
  auto& org = db.org();
  std::int64_t n = 0;
  if (table == "regions") return static_cast<std::int64_t>(org.regions().size());
  if (table == "employees") return org.count_employees(0);
  if (table == "audit_log") {
    std::optional<identity::Id> before;
    for (;;) {
      const auto page = db.identity().audit_log({500, before});
      n += static_cast<std::int64_t>(page.size());
      if (page.size() < 500) return n;
      before = page.back().id;
    }
  }
  if (table == "placements") {
    const std::int64_t people = org.count_search_employees("", 0);
    for (std::int64_t offset = 0; offset < people; offset += 500) {
      for (const auto& h : org.search_employees("", 0, {500, static_cast<int>(offset)})) {
        n += static_cast<std::int64_t>(org.placements_of_employee(h.employee.id).size());
      }
    }
    return n;
  }
  for (const auto& region : org.regions()) {
    for (const auto& r : org.regulations_of_region(region.id)) {
      if (table == "regulations") ++n;
      if (table == "regulation_texts" && org.regulation_text(r.id)) ++n;
      if (table == "articles")
        n += static_cast<std::int64_t>(org.articles_of_regulation(r.id).size());
      if (table == "findings")
        n += static_cast<std::int64_t>(org.findings_of_regulation(r.id).size());
    }
    for (const auto& a : org.agencies_of_region(region.id)) {
      if (table == "agencies") ++n;
      if (table == "units") n += static_cast<std::int64_t>(org.units_of_agency(a.id, true).size());
      if (table == "positions") {
        n += static_cast<std::int64_t>(org.positions_of_agency(a.id, true).size());
      }
      if (table == "structure_changes") {
        n += static_cast<std::int64_t>(org.structure_changes_of_agency(a.id).size());
      }
    }
  }
  return n;
}

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
