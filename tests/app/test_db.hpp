// The app tests' backends and the corpus texts read from TATAKERJA_DATA_DIR. The use cases take
// nothing but app::Stores, so their tests run on a migrated SQLite file and in memory alike
// (value-parameterised; the backends: tests/support/test_backends.hpp).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <utility>

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

// A backend test that seats new employees: seat(agency, region, not_unit) places a new employee
// (a valid NIP, III/b, from 2025-01-06) in the first position of `agency` in a unit other than
// `not_unit` that no earlier call took, and gives the employee and the unit (the teams' and the
// letters' use cases need people seated in units).
class SeatingTest : public BackendTest {
 protected:
  std::pair<org::Id, org::Id> seat(org::Id agency, org::Id region, org::Id not_unit = 0) {
    auto& st = backend().org();
    for (const auto& p : st.positions_of_agency(agency)) {
      if (!p.unit_id || *p.unit_id == not_unit || taken_.contains(p.id)) continue;
      taken_.insert(p.id);
      org::Employee e;
      e.region_id = region;
      e.nip = "19850312201004100" + std::to_string(serial_++);
      e.name = "Pegawai " + std::to_string(serial_);
      e.birth_date = Date{1985, 3, 12};
      e.appointed_year = 2010;
      e.appointed_month = 4;
      e.rank = "III/b";
      e.id = st.insert_employee(e);
      org::Placement pl;
      pl.employee_id = e.id;
      pl.position_id = p.id;
      pl.start = Date{2025, 1, 6};
      st.insert_placement(pl);
      return {e.id, *p.unit_id};
    }
    ADD_FAILURE() << "no position left";
    return {0, 0};
  }

 private:
  std::set<org::Id> taken_;
  int serial_ = 1;
};

}  // namespace tatakerja::testing
