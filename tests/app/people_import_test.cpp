// Importing people from a table (issue 11, item 9), on SQLite and in memory, into the agency of
// 003 (Kota Batam): a preview writes nothing and says row by row what would be matched, created,
// updated or refused and why; an import with a refused row writes nothing; skipping the refused
// rows writes the others in one transaction with their audit entries; the agency's own people
// export reads back as all matched; a second table changes a rank and moves a placement (the old
// one ended where the new begins); a title found in two units needs the unit; the actor's scope
// and the required columns are checked before any row.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/agency_documents.hpp"
#include "app/importer.hpp"
#include "app/people_import.hpp"
#include "core/error.hpp"
#include "test_db.hpp"

namespace tatakerja {
namespace {

using testing::corpus_text;
using testing::count_rows;

// Valid NIPs: born 12 March 1985, appointed April 2010, male, serials 001.. .
std::string nip(int serial) {
  return "19850312201004100" + std::to_string(serial);
}

template <typename Call>
std::string refusal_of(Call call) {
  try {
    call();
  } catch (const Refusal& r) {
    return std::string(r.name());
  }
  return "none";
}

class PeopleImport : public testing::BackendTest {
 protected:
  void SetUp() override {
    testing::BackendTest::SetUp();
    const auto r = app::import_regulation(backend().stores(), app::cli_actor(), corpus_text("003"));
    agency_ = *r.agency_id();
    region_ = r.region_id;
    for (const auto& p : backend().org().positions_of_agency(agency_, false))
      if (p.unit_id) positions_.push_back(p);
    ASSERT_GE(positions_.size(), 3U);
  }

  app::PeopleImportReport run(const documents::Table& t, bool write, bool skip = false,
                              const app::Actor& actor = app::cli_actor()) {
    return app::import_people(backend().stores(), actor, agency_, t,
                              {write, skip, Date{2026, 1, 5}});
  }

  documents::Table table(std::vector<std::vector<std::string>> rows) const {
    documents::Table t;
    t.columns = {"NIP", "Nama", "Pangkat/Golongan", "Jabatan", "Unit Kerja", "TMT"};
    t.rows = std::move(rows);
    return t;
  }

  org::Id agency_ = 0;
  org::Id region_ = 0;
  std::vector<org::Position> positions_;
};

TEST_P(PeopleImport, PreviewSaysRowByRowAndWritesNothing) {
  auto& db = backend();
  const auto t = table({
      {nip(1), "Siti Rahma", "III/c", positions_[0].title, "", "2024-01-02"},
      {nip(2), "Budi Santoso", "Penata Muda (III/a)", "", "", ""},
      {"19851312201004 1 003", "NIP Salah", "III/a", "", "", ""},   // month 13
      {nip(4), "Ani", "III/a", "Jabatan Yang Tidak Ada", "", ""},   // unknown position
      {nip(1), "Siti Lagi", "III/c", "", "", ""},                   // twice
      {"1.98503122010041E+17", "Dari Angka", "III/a", "", "", ""},  // a NIP read as a number
      {nip(5), "Lahir Kemudian", "III/a", positions_[1].title, "", "1980-01-01"},
      {nip(6), "", "III/a", "", "", ""},  // a new employee without a name
  });
  const auto employees = count_rows(db, "employees");
  const auto audit = count_rows(db, "audit_log");
  const auto r = run(t, false);
  EXPECT_FALSE(r.written);
  EXPECT_EQ(count_rows(db, "employees"), employees);
  EXPECT_EQ(count_rows(db, "audit_log"), audit);
  ASSERT_EQ(r.rows.size(), 8U);
  EXPECT_EQ(r.created, 2U);
  EXPECT_EQ(r.refused, 6U);
  EXPECT_EQ(r.rows[0].outcome, app::ImportOutcome::Created);
  EXPECT_EQ(r.rows[0].line, 2U);
  EXPECT_EQ(r.rows[0].position_id, positions_[0].id);
  ASSERT_EQ(r.rows[0].changes.size(), 2U);
  EXPECT_NE(r.rows[0].changes[1].find(positions_[0].title), std::string::npos);
  EXPECT_NE(r.rows[0].changes[1].find("2024-01-02"), std::string::npos);
  EXPECT_EQ(r.rows[1].outcome, app::ImportOutcome::Created);
  EXPECT_NE(r.rows[1].changes[0].find("III/a"), std::string::npos);  // the rank made canonical
  for (std::size_t i = 2; i < 8; ++i) {
    EXPECT_EQ(r.rows[i].outcome, app::ImportOutcome::Refused) << i;
    ASSERT_FALSE(r.rows[i].problems.empty()) << i;
    EXPECT_TRUE(r.rows[i].changes.empty()) << i;
  }
  EXPECT_EQ(r.rows[2].problems[0].column, "NIP");
  EXPECT_EQ(r.rows[3].problems[0].column, "Jabatan");
  EXPECT_NE(r.rows[4].problems[0].message.find("baris 2"), std::string::npos);
  EXPECT_NE(r.rows[5].problems[0].message.find("sebagai teks"), std::string::npos);
  EXPECT_EQ(r.rows[6].problems[0].column, "TMT");  // before the birth the NIP gives
  EXPECT_EQ(r.rows[7].problems[0].column, "Nama");
  ASSERT_EQ(r.columns.size(), 6U);
  EXPECT_EQ(r.columns[2].field, "rank");
  EXPECT_EQ(r.columns[4].field, "unit");
}

TEST_P(PeopleImport, ARefusedRowStopsTheImportUnlessSkipped) {
  auto& db = backend();
  const auto t = table({
      {nip(1), "Siti Rahma", "III/c", positions_[0].title, "", "2024-01-02"},
      {nip(2), "Budi Santoso", "III/a", "", "", ""},
      {nip(3), "Tanpa Pangkat", "", "", "", ""},
  });
  const auto employees = count_rows(db, "employees");
  const auto placements = count_rows(db, "placements");
  const auto audit = count_rows(db, "audit_log");
  const auto refused = run(t, true);
  EXPECT_FALSE(refused.written);
  EXPECT_EQ(refused.refused, 1U);
  EXPECT_EQ(count_rows(db, "employees"), employees);
  EXPECT_EQ(count_rows(db, "audit_log"), audit);

  const auto r = run(t, true, true);
  EXPECT_TRUE(r.written);
  EXPECT_EQ(r.created, 2U);
  EXPECT_EQ(count_rows(db, "employees"), employees + 2);
  EXPECT_EQ(count_rows(db, "placements"), placements + 1);
  // Two employees, one placement, and the import itself.
  EXPECT_EQ(count_rows(db, "audit_log"), audit + 4);
  const auto siti = db.org().employee_by_nip(nip(1));
  ASSERT_TRUE(siti);
  EXPECT_EQ(r.rows[0].employee_id, siti->id);
  EXPECT_EQ(siti->rank, "III/c");
  EXPECT_EQ(siti->region_id, region_);
  const auto held = db.org().placements_of_employee(siti->id);
  ASSERT_EQ(held.size(), 1U);
  EXPECT_EQ(held[0].position_id, positions_[0].id);
  EXPECT_EQ(held[0].start, (Date{2024, 1, 2}));
  EXPECT_FALSE(db.org().employee_by_nip(nip(3)));
}

TEST_P(PeopleImport, TheAgencysOwnExportReadsBackAsMatched) {
  auto& db = backend();
  run(table({{nip(1), "Siti Rahma", "III/c", positions_[0].title, "", "2024-01-02"},
             {nip(2), "Budi Santoso", "IV/a", positions_[1].title, "", "45292"}}),
      true);
  const auto agency = db.org().agency(agency_);
  const auto exported = app::agency_people_table(db.org(), *agency);
  ASSERT_EQ(exported.rows.size(), 2U);
  const auto audit = count_rows(db, "audit_log");
  const auto r = run(exported, true);
  EXPECT_EQ(r.matched, 2U);
  EXPECT_EQ(r.created + r.updated + r.refused, 0U);
  EXPECT_FALSE(r.written);  // nothing to change
  EXPECT_EQ(count_rows(db, "audit_log"), audit);
  // The spreadsheet day number 45292 is 2024-01-01.
  const auto budi = db.org().employee_by_nip(nip(2));
  EXPECT_EQ(db.org().placements_of_employee(budi->id)[0].start, (Date{2024, 1, 1}));
}

TEST_P(PeopleImport, ARankChangedAndAPlacementMoved) {
  auto& db = backend();
  run(table({{nip(1), "Siti Rahma", "III/c", positions_[0].title, "", "2024-01-02"}}), true);
  const auto r =
      run(table({{nip(1), "Siti Rahma", "III/d", positions_[2].title, "", "2025-07-01"}}), true);
  ASSERT_EQ(r.rows.size(), 1U);
  EXPECT_EQ(r.rows[0].outcome, app::ImportOutcome::Updated);
  ASSERT_EQ(r.rows[0].changes.size(), 2U);
  EXPECT_EQ(r.rows[0].changes[0], "Pangkat/golongan: III/c → III/d.");
  EXPECT_NE(r.rows[0].changes[1].find("Dipindahkan dari " + positions_[0].title),
            std::string::npos);
  EXPECT_TRUE(r.written);
  const auto siti = db.org().employee_by_nip(nip(1));
  EXPECT_EQ(siti->rank, "III/d");
  const auto held = db.org().placements_of_employee(siti->id);  // newest first
  ASSERT_EQ(held.size(), 2U);
  EXPECT_EQ(held[0].position_id, positions_[2].id);
  EXPECT_FALSE(held[0].end);
  EXPECT_EQ(held[1].position_id, positions_[0].id);
  EXPECT_EQ(held[1].end, (Date{2025, 7, 1}));
  // A move back to before the current placement began is refused.
  const auto back =
      run(table({{nip(1), "Siti Rahma", "III/d", positions_[0].title, "", "2025-06-30"}}), false);
  EXPECT_EQ(back.rows[0].outcome, app::ImportOutcome::Refused);
  EXPECT_EQ(back.rows[0].problems[0].column, "TMT");
}

TEST_P(PeopleImport, OneRowPerPlacementOfTheSameEmployee) {
  auto& db = backend();
  documents::Table t;
  t.columns = {"NIP", "Nama", "Golongan", "Jabatan", "Penempatan", "TMT"};
  t.rows = {{nip(1), "Siti Rahma", "III/c", positions_[0].title, "definitif", "2024-01-02"},
            {nip(1), "", "", positions_[1].title, "Plt.", "2025-03-03"},
            {nip(1), "Siti Rahma", "III/c", positions_[2].title, "definitif", "2025-03-03"},
            {nip(2), "Budi", "III/a", positions_[0].title, "", ""},
            {nip(2), "Budi Lain", "", positions_[1].title, "Plh.", ""}};
  const auto r = run(t, true, true);
  ASSERT_EQ(r.rows.size(), 5U);
  EXPECT_EQ(r.rows[0].outcome, app::ImportOutcome::Created);
  EXPECT_EQ(r.rows[1].outcome, app::ImportOutcome::Updated);  // the Plt beside it
  EXPECT_EQ(r.rows[2].outcome, app::ImportOutcome::Refused);  // a second definitive position
  EXPECT_EQ(r.rows[2].problems[0].column, "Penempatan");
  EXPECT_EQ(r.rows[4].outcome, app::ImportOutcome::Refused);  // another name for the same NIP
  EXPECT_NE(r.rows[4].problems[0].message.find("baris 5"), std::string::npos);
  EXPECT_TRUE(r.written);
  const auto siti = db.org().employee_by_nip(nip(1));
  const auto held = db.org().placements_of_employee(siti->id);
  ASSERT_EQ(held.size(), 2U);
  EXPECT_EQ(r.rows[1].employee_id, siti->id);
  // Read back, the export's two rows of Siti are both matched.
  const auto back = run(app::agency_people_table(db.org(), *db.org().agency(agency_)), false);
  EXPECT_EQ(back.matched, back.rows.size());
}

TEST_P(PeopleImport, ATitleInTwoUnitsNeedsTheUnit) {
  auto& db = backend();
  const auto units = db.org().units_of_agency(agency_, false);
  ASSERT_GE(units.size(), 2U);
  org::Position twin = positions_[0];
  twin.id = 0;
  twin.unit_id = units[0].id == *positions_[0].unit_id ? units[1].id : units[0].id;
  twin.code = "";
  twin.id = db.org().insert_position(twin);
  const auto without = run(table({{nip(1), "Siti", "III/c", twin.title, "", ""}}), false);
  EXPECT_EQ(without.rows[0].outcome, app::ImportOutcome::Refused);
  EXPECT_NE(without.rows[0].problems[0].message.find("Unit kerja"), std::string::npos);
  std::string unit_name;
  for (const auto& u : units)
    if (u.id == *twin.unit_id) unit_name = u.name;
  const auto with = run(table({{nip(1), "Siti", "III/c", twin.title, unit_name, ""}}), false);
  EXPECT_EQ(with.rows[0].outcome, app::ImportOutcome::Created);
  EXPECT_EQ(with.rows[0].position_id, twin.id);
  // Without a TMT the placement starts on the day of the import.
  EXPECT_NE(with.rows[0].changes[1].find("2026-01-05"), std::string::npos);
  // Once placed, the employee's row without the unit (or with a unit name two units share) is
  // the position they hold.
  run(table({{nip(1), "Siti", "III/c", twin.title, unit_name, ""}}), true);
  const auto again = run(table({{nip(1), "Siti", "III/c", twin.title, "", ""}}), false);
  EXPECT_EQ(again.rows[0].outcome, app::ImportOutcome::Matched);
}

TEST_P(PeopleImport, ScopeAndColumnsAreCheckedFirst) {
  app::Actor other;
  other.username = "organisasi-lain";
  other.scope_region_id = region_ + 1000;
  const auto t = table({{nip(1), "Siti", "III/c", "", "", ""}});
  EXPECT_EQ(refusal_of([&] { run(t, true, false, other); }), "OUT_OF_SCOPE");
  documents::Table no_name;
  no_name.columns = {"NIP", "Golongan"};
  no_name.rows = {{nip(1), "III/c"}};
  EXPECT_EQ(refusal_of([&] { run(no_name, false); }), "INVALID_FIELD");
  EXPECT_EQ(
      refusal_of([&] { app::import_people(backend().stores(), app::cli_actor(), 999'999, t, {}); }),
      "NOT_FOUND");
  EXPECT_FALSE(backend().org().employee_by_nip(nip(1)));
}

INSTANTIATE_TEST_SUITE_P(Backends, PeopleImport, testing::app_backends(), testing::backend_name);

}  // namespace
}  // namespace tatakerja
