// Issue 10 in the use cases: a registry administrator's scope (region, agencies), placements
// checked for sense (birth, appointment, region or a documented secondment), updates that change
// nothing write nothing, and the audit chain that `tatakerja audit verify` checks (an edited,
// deleted or added entry is named). On a SQLite file and in memory; the tampering is done with SQL
// behind the stores' back, so those tests need the SQL backend.
#include <gtest/gtest.h>

#include "app/audit.hpp"
#include "app/error.hpp"
#include "app/importer.hpp"
#include "app/registry_changes.hpp"
#include "app/scope.hpp"
#include "org/nip.hpp"
#include "support/registry_seed.hpp"
#include "test_db.hpp"

namespace tatakerja {
namespace {

using org::Id;

// Two regions: the seed's province (with its agency, unit and two positions) and a city with one
// agency and one position; an employee of each.
struct World {
  testing::Seed s;
  Id city = 0, city_agency = 0, city_position = 0;
  Id province_employee = 0, city_employee = 0;
};

World make_world(testing::TestBackend& db) {
  World w;
  auto& org = db.org();
  w.s = testing::seed(org);
  w.city = org.insert_region({0, "kota-batam", "Kota Batam", org::RegionKind::City});
  org::Agency a;
  a.region_id = w.city;
  a.regulation_id = w.s.regulation;
  a.name = "Dinas Kesehatan";
  a.kind = AgencyKind::Dinas;
  w.city_agency = org.insert_agency(a);
  org::Position p;
  p.agency_id = w.city_agency;
  p.title = "Kepala Dinas";
  p.kind = PositionKind::JptPratama;
  w.city_position = org.insert_position(p);
  w.province_employee =
      org.insert_employee(testing::make_employee(w.s.region, "198503122010041001", "Budi Santoso"));
  w.city_employee =
      org.insert_employee(testing::make_employee(w.city, "198503122010041002", "Citra Lestari"));
  return w;
}

app::Actor scoped_to(Id region, std::vector<Id> agencies = {}) {
  return app::Actor{std::nullopt, "organisasi", region, std::move(agencies)};
}

template <typename F>
std::string refusal_of(F f) {
  try {
    f();
  } catch (const Refusal& e) {
    return std::string(e.name()) + (e.field() ? ":" + *e.field() : "");
  }
  return "";
}

std::int64_t audit_entries(testing::TestBackend& db) {
  return testing::count_rows(db, "audit_log");
}

class Scope : public testing::BackendTest {};
class Placements : public testing::BackendTest {};
class NoOpUpdates : public testing::BackendTest {};
class AuditChain : public testing::BackendTest {};

TEST_P(Scope, ChangesOutsideTheRegionAreRefusedAndWriteNothing) {
  auto& db = backend();
  const World w = make_world(db);
  const auto& st = db.stores();
  const app::Actor city = scoped_to(w.city);
  const auto before = audit_entries(db);
  app::NewEmployee ne{"199001012015031001", "Dewi", org::EmployeeKind::Pns, "III/a", w.s.region};
  EXPECT_EQ(refusal_of([&] { app::create_employee(st, city, ne); }), "OUT_OF_SCOPE");
  EXPECT_EQ(refusal_of([&] {
              app::update_employee(st, city, w.province_employee, {"X", {}});
            }),
            "OUT_OF_SCOPE");
  app::PositionEdit pe;
  pe.title = "Diubah";
  EXPECT_EQ(refusal_of([&] { app::update_position(st, city, w.s.staff, pe); }), "OUT_OF_SCOPE");
  app::UnitEdit ue;
  ue.name = "Diubah";
  EXPECT_EQ(refusal_of([&] { app::update_unit(st, city, w.s.unit, ue); }), "OUT_OF_SCOPE");
  org::Placement pl;
  pl.employee_id = w.province_employee;
  pl.position_id = w.s.staff;
  pl.start = Date{2020, 1, 2};
  EXPECT_EQ(refusal_of([&] { app::place_employee(st, city, pl); }), "OUT_OF_SCOPE");
  EXPECT_EQ(audit_entries(db), before);
  EXPECT_EQ(db.org().position(w.s.staff)->title, "Kepala Sub Bagian Umum – Ç");
  EXPECT_EQ(db.org().employee(w.province_employee)->name, "Budi Santoso");

  // Within the scope, the same changes go through; an unscoped actor changes both regions.
  ne.region_id = w.city;
  EXPECT_GT(app::create_employee(st, city, ne).id, 0);
  pe.title = "Kepala Dinas Kesehatan";
  EXPECT_EQ(app::update_position(st, city, w.city_position, pe).title, "Kepala Dinas Kesehatan");
  pe.title = "Diubah oleh admin";
  EXPECT_EQ(app::update_position(st, app::cli_actor(), w.s.staff, pe).title, "Diubah oleh admin");
  // Ending a placement of another region's position is refused too.
  pl.start = Date{2020, 1, 2};
  const auto placed = app::place_employee(st, app::cli_actor(), pl);
  EXPECT_EQ(refusal_of([&] {
              app::end_placement(st, city, placed.id, Date{2021, 1, 1});
            }),
            "OUT_OF_SCOPE");
}

TEST_P(Scope, AgencyScopeLimitsStructureAndImports) {
  auto& db = backend();
  const World w = make_world(db);
  const auto& st = db.stores();
  // Scoped to the province and its one agency: the agency's positions change, another agency of
  // the same region (added here) does not, and no regulation may be imported.
  org::Agency other;
  other.region_id = w.s.region;
  other.regulation_id = w.s.regulation;
  other.name = "Dinas Pendidikan";
  other.kind = AgencyKind::Dinas;
  const Id other_agency = db.org().insert_agency(other);
  org::Position p;
  p.agency_id = other_agency;
  p.title = "Kepala Dinas Pendidikan";
  const Id other_position = db.org().insert_position(p);
  const app::Actor narrow = scoped_to(w.s.region, {w.s.agency});
  app::PositionEdit pe;
  pe.code = "K-1";
  EXPECT_EQ(app::update_position(st, narrow, w.s.head, pe).code, "K-1");
  EXPECT_EQ(refusal_of([&] { app::update_position(st, narrow, other_position, pe); }),
            "OUT_OF_SCOPE");
  EXPECT_EQ(refusal_of([&] { app::require_whole_region_in_scope(narrow, w.s.region); }),
            "OUT_OF_SCOPE");
  EXPECT_EQ(refusal_of([&] { app::require_whole_region_in_scope(scoped_to(w.s.region), w.city); }),
            "OUT_OF_SCOPE");
  EXPECT_EQ(refusal_of([&] { app::require_whole_region_in_scope(scoped_to(w.s.region), 0); }),
            "OUT_OF_SCOPE");
  EXPECT_EQ(
      refusal_of([&] { app::require_whole_region_in_scope(scoped_to(w.s.region), w.s.region); }),
      "");
}

TEST_P(Scope, ImportOfAnotherRegionIsRefused) {
  auto& db = backend();
  const auto& st = db.stores();
  // The corpus text 003 is of Kota Batam: a registry administrator of another region may not
  // import it (nor create its region); the administrator may, and then the one of Kota Batam
  // finds it already imported.
  const Id other =
      db.org().insert_region({0, "kabupaten-kupang", "Kabupaten Kupang", org::RegionKind::Regency});
  const std::string text = testing::corpus_text("003");
  EXPECT_EQ(refusal_of([&] { app::import_regulation(st, scoped_to(other), text); }),
            "OUT_OF_SCOPE");
  EXPECT_EQ(testing::count_rows(db, "regulations"), 0);
  const auto r = app::import_regulation(st, app::cli_actor(), text);
  EXPECT_TRUE(r.created);
  EXPECT_EQ(refusal_of([&] { app::import_regulation(st, scoped_to(other), text); }),
            "OUT_OF_SCOPE");
  EXPECT_FALSE(app::import_regulation(st, scoped_to(r.region_id), text).created);
}

TEST_P(Scope, SettingAScopeChecksRegionAgenciesAndRole) {
  auto& db = backend();
  const World w = make_world(db);
  const auto& st = db.stores();
  identity::User u;
  u.username = "organisasi";
  u.password_hash = "x";
  u.role = identity::Role::RegistryAdmin;
  u.id = db.identity().insert_user(u);
  EXPECT_EQ(refusal_of([&] { app::set_account_scope(st, app::cli_actor(), u, 999999, {}); }),
            "INVALID_FIELD:region_id");
  EXPECT_EQ(refusal_of([&] {
              app::set_account_scope(st, app::cli_actor(), u, w.s.region, {w.city_agency});
            }),
            "INVALID_FIELD:agency_ids");
  EXPECT_EQ(refusal_of([&] {
              app::set_account_scope(st, app::cli_actor(), u, std::nullopt, {w.s.agency});
            }),
            "INVALID_FIELD:agency_ids");
  auto admin = u;
  admin.role = identity::Role::Administrator;
  EXPECT_EQ(refusal_of([&] { app::set_account_scope(st, app::cli_actor(), admin, w.city, {}); }),
            "INVALID_FIELD:role");
  const auto before = audit_entries(db);
  Transaction tx(db.transactions());
  const auto scoped =
      app::set_account_scope(st, app::cli_actor(), u, w.s.region, {w.s.agency, w.s.agency});
  tx.commit();
  EXPECT_EQ(scoped.scope_agency_ids, (std::vector<Id>{w.s.agency}));
  const auto stored = *db.identity().user_by_username("organisasi");
  EXPECT_EQ(stored.scope_region_id, w.s.region);
  EXPECT_EQ(stored.scope_agency_ids, (std::vector<Id>{w.s.agency}));
  EXPECT_EQ(audit_entries(db), before + 1);
  const auto actor = app::actor_of(stored);
  EXPECT_EQ(actor.scope_region_id, w.s.region);
}

TEST_P(Placements, StartAfterBirthAndAppointmentAndInTheEmployeesRegion) {
  auto& db = backend();
  const World w = make_world(db);
  const auto& st = db.stores();
  // The seed's employees: born 1985-03-12, appointed 2010-04.
  org::Placement p;
  p.employee_id = w.province_employee;
  p.position_id = w.s.staff;
  p.start = Date{1900, 1, 1};
  EXPECT_EQ(refusal_of([&] { app::place_employee(st, app::cli_actor(), p); }),
            "INVALID_FIELD:start");
  p.start = Date{1985, 3, 12};
  EXPECT_EQ(refusal_of([&] { app::place_employee(st, app::cli_actor(), p); }),
            "INVALID_FIELD:start");
  p.start = Date{2010, 3, 31};  // a day before the appointment month
  EXPECT_EQ(refusal_of([&] { app::place_employee(st, app::cli_actor(), p); }),
            "INVALID_FIELD:start");
  p.start = Date{2010, 4, 1};
  EXPECT_GT(app::place_employee(st, app::cli_actor(), p).id, 0);
  // Another region's position: only as a documented secondment.
  p.position_id = w.city_position;
  p.start = Date{2024, 1, 2};
  EXPECT_EQ(refusal_of([&] { app::place_employee(st, app::cli_actor(), p); }),
            "INVALID_FIELD:secondment_decree");
  p.secondment_decree = "800/123/BKPSDM/2023";
  const auto placed = app::place_employee(st, app::cli_actor(), p);
  EXPECT_EQ(db.org().placement(placed.id)->secondment_decree, "800/123/BKPSDM/2023");
  const auto log = db.identity().audit_log({1});
  ASSERT_EQ(log.size(), 1u);
  EXPECT_NE(log[0].after.find("800/123/BKPSDM/2023"), std::string::npos);
}

// Issue 11 (item 2): a placement moved to another position ends and begins anew in one step, with
// the rules of placing and ending, both positions in the actor's scope, and two audit entries.
TEST_P(Placements, MoveEndsThePlacementAndPlacesInTheNewPositionAtOnce) {
  auto& db = backend();
  const World w = make_world(db);
  const auto& st = db.stores();
  org::Placement p;
  p.employee_id = w.province_employee;
  p.position_id = w.s.staff;
  p.kind = org::PlacementKind::Definitive;
  p.start = Date{2015, 1, 5};
  const auto placed = app::place_employee(st, app::cli_actor(), p);
  const auto before = audit_entries(db);

  app::PlacementMove m;
  m.position_id = w.s.head;
  m.start = Date{2014, 12, 31};  // before the placement's own start
  EXPECT_EQ(refusal_of([&] { app::move_placement(st, app::cli_actor(), placed.id, m); }),
            "INVALID_FIELD:start");
  m.start = Date{2024, 7, 1};
  m.position_id = w.s.staff;  // where it already is
  EXPECT_EQ(refusal_of([&] { app::move_placement(st, app::cli_actor(), placed.id, m); }),
            "INVALID_FIELD:position_id");
  m.position_id = 99999999;
  EXPECT_EQ(refusal_of([&] { app::move_placement(st, app::cli_actor(), placed.id, m); }),
            "INVALID_FIELD:position_id");
  m.position_id = w.city_position;  // another region, without a secondment decree
  EXPECT_EQ(refusal_of([&] { app::move_placement(st, app::cli_actor(), placed.id, m); }),
            "INVALID_FIELD:secondment_decree");
  m.position_id = w.s.head;
  // Out of the actor's scope: the placement's position (the province) for a city administrator,
  // and the new position (the city) for a province administrator with no decree to blame.
  EXPECT_EQ(refusal_of([&] { app::move_placement(st, scoped_to(w.city), placed.id, m); }),
            "OUT_OF_SCOPE");
  app::PlacementMove to_city = m;
  to_city.position_id = w.city_position;
  to_city.secondment_decree = "800/9/BKD/2024";
  EXPECT_EQ(refusal_of([&] { app::move_placement(st, scoped_to(w.s.region), placed.id, to_city); }),
            "OUT_OF_SCOPE");
  EXPECT_EQ(refusal_of([&] { app::move_placement(st, app::cli_actor(), 99999999, m); }),
            "NOT_FOUND");
  EXPECT_EQ(audit_entries(db), before);
  EXPECT_FALSE(db.org().placement(placed.id)->end);

  m.kind = org::PlacementKind::Plt;
  const auto moved = app::move_placement(st, scoped_to(w.s.region), placed.id, m);
  EXPECT_EQ(moved.ended.id, placed.id);
  EXPECT_EQ(moved.ended.end, (Date{2024, 7, 1}));
  EXPECT_EQ(db.org().placement(placed.id)->end, (Date{2024, 7, 1}));
  const auto now = *db.org().placement(moved.placed.id);
  EXPECT_EQ(now.position_id, w.s.head);
  EXPECT_EQ(now.employee_id, w.province_employee);
  EXPECT_EQ(now.kind, org::PlacementKind::Plt);
  EXPECT_EQ(now.start, (Date{2024, 7, 1}));
  EXPECT_FALSE(now.end);
  EXPECT_TRUE(db.org().holders_of_position(w.s.staff).empty());
  ASSERT_EQ(db.org().holders_of_position(w.s.head).size(), 1u);
  EXPECT_EQ(audit_entries(db), before + 2);
  const auto log = db.identity().audit_log({2});
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].action, "move");
  EXPECT_EQ(log[0].entity_id, std::to_string(moved.placed.id));
  EXPECT_EQ(log[1].action, "update");
  EXPECT_EQ(log[1].entity_id, std::to_string(placed.id));
  EXPECT_NE(log[1].after.find("2024-07-01"), std::string::npos);
  // A placement that has ended moves no more.
  EXPECT_EQ(refusal_of([&] { app::move_placement(st, app::cli_actor(), placed.id, m); }),
            "CONFLICT:end");
}

// Issue 11 (item 2): a placement's decree (SK) or order: its number and date together or not at
// all; kept with the placement and in its audit entry, and carried by a move.
TEST_P(Placements, DecreeNumberAndDateGoTogether) {
  auto& db = backend();
  const World w = make_world(db);
  const auto& st = db.stores();
  org::Placement p;
  p.employee_id = w.province_employee;
  p.position_id = w.s.staff;
  p.kind = org::PlacementKind::Plt;
  p.start = Date{2024, 2, 1};
  p.decree_number = "800.1.3/12/BKPSDM/2024";
  EXPECT_EQ(refusal_of([&] { app::place_employee(st, app::cli_actor(), p); }),
            "INVALID_FIELD:decree_date");
  p.decree_number.clear();
  p.decree_date = Date{2024, 1, 29};
  EXPECT_EQ(refusal_of([&] { app::place_employee(st, app::cli_actor(), p); }),
            "INVALID_FIELD:decree_number");
  p.decree_number = "800.1.3/12/BKPSDM/2024";
  const auto placed = app::place_employee(st, app::cli_actor(), p);
  const auto stored = *db.org().placement(placed.id);
  EXPECT_EQ(stored.decree_number, "800.1.3/12/BKPSDM/2024");
  EXPECT_EQ(stored.decree_date, (Date{2024, 1, 29}));
  auto log = db.identity().audit_log({1});
  ASSERT_EQ(log.size(), 1u);
  EXPECT_NE(log[0].after.find("\"decree_number\":\"800.1.3/12/BKPSDM/2024\""), std::string::npos);
  EXPECT_NE(log[0].after.find("\"decree_date\":\"2024-01-29\""), std::string::npos);
  app::PlacementMove m;
  m.position_id = w.s.head;
  m.start = Date{2024, 6, 3};
  m.decree_date = Date{2024, 5, 30};
  EXPECT_EQ(refusal_of([&] { app::move_placement(st, app::cli_actor(), placed.id, m); }),
            "INVALID_FIELD:decree_number");
  m.decree_number = "821/44/BKPSDM/2024";
  const auto moved = app::move_placement(st, app::cli_actor(), placed.id, m);
  EXPECT_EQ(db.org().placement(moved.placed.id)->decree_number, "821/44/BKPSDM/2024");
  EXPECT_EQ(db.org().placement(moved.placed.id)->decree_date, (Date{2024, 5, 30}));
  // The ended placement keeps its own decree.
  EXPECT_EQ(db.org().placement(placed.id)->decree_number, "800.1.3/12/BKPSDM/2024");
}

TEST_P(NoOpUpdates, WriteNoEntry) {
  auto& db = backend();
  const World w = make_world(db);
  const auto& st = db.stores();
  const auto before = audit_entries(db);
  const auto position = *db.org().position(w.s.staff);
  app::PositionEdit pe;
  pe.title = position.title;
  pe.superior_id = std::optional<Id>(position.superior_id);
  app::update_position(st, app::cli_actor(), w.s.staff, pe);
  app::UnitEdit ue;
  ue.name = db.org().unit(w.s.unit)->name;
  app::update_unit(st, app::cli_actor(), w.s.unit, ue);
  app::update_employee(st, app::cli_actor(), w.province_employee, {"Budi Santoso", "III/b"});
  EXPECT_EQ(audit_entries(db), before);
  pe.title = "Kepala Sub Bagian Umum";
  app::update_position(st, app::cli_actor(), w.s.staff, pe);
  EXPECT_EQ(audit_entries(db), before + 1);
  // Duties (issue 11): the same duties write nothing; new ones are kept and audited.
  app::PositionEdit de;
  de.duties = db.org().position(w.s.staff)->duties;
  app::update_position(st, app::cli_actor(), w.s.staff, de);
  EXPECT_EQ(audit_entries(db), before + 1);
  de.duties = std::vector<std::string>{"menyusun rencana kerja;", "melaksanakan urusan umum."};
  app::update_position(st, app::cli_actor(), w.s.staff, de);
  EXPECT_EQ(audit_entries(db), before + 2);
  EXPECT_EQ(db.org().position(w.s.staff)->duties, *de.duties);
  EXPECT_NE(db.identity().audit_log({1})[0].after.find("melaksanakan urusan umum."),
            std::string::npos);
}

TEST_P(AuditChain, VerifiesAndNamesAnEditedDeletedOrAddedEntry) {
  auto& db = backend();
  const World w = make_world(db);
  const auto& st = db.stores();
  for (int i = 0; i < 5; ++i) {
    app::PositionEdit pe;
    pe.code = "K-" + std::to_string(i);
    app::update_position(st, app::cli_actor(), w.s.staff, pe);
  }
  app::record_failed_sign_in(st, "tamu", std::nullopt, "203.0.113.7");
  auto v = app::verify_audit_chain(st);
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.chained, 6);
  EXPECT_EQ(v.head.last_id, 6);
  const auto failed = db.identity().audit_log({1})[0];
  EXPECT_EQ(failed.action, "sign_in_failed");
  EXPECT_EQ(failed.username, "tamu");
  EXPECT_EQ(failed.after, R"({"client_address":"203.0.113.7"})");
  EXPECT_EQ(failed.hash, app::audit_hash(db.identity().audit_entries_after(4, 1)[0].hash, failed));

  storage::Connection* c = db.connection();
  if (c == nullptr) return;  // tampering needs SQL behind the store's back
  c->execute("UPDATE audit_log SET after_json = ? WHERE id = 3", {std::string("{}")});
  v = app::verify_audit_chain(st);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.entry, 3);
  EXPECT_EQ(v.chained, 2);
  EXPECT_FALSE(v.problem.empty());
  c->execute("DELETE FROM audit_log WHERE id = 3");
  v = app::verify_audit_chain(st);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.entry, 3);
  // The last entry deleted: the head still names it.
  auto fresh = std::make_unique<testing::TestBackend>("sqlite");
  const World w2 = make_world(*fresh);
  for (int i = 0; i < 3; ++i) {
    app::PositionEdit pe;
    pe.code = "L-" + std::to_string(i);
    app::update_position(fresh->stores(), app::cli_actor(), w2.s.staff, pe);
  }
  fresh->connection()->execute("DELETE FROM audit_log WHERE id = 3");
  v = app::verify_audit_chain(fresh->stores());
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.entry, 3);
  // An entry added with SQL, past the head.
  fresh->connection()->execute(
      "INSERT INTO audit_log (id, at, username, action, entity, entity_id, before_json, "
      "after_json, hash) VALUES (3, 'x', 'x', 'x', 'x', 'x', '', '', 'x'), (4, 'x', 'x', 'x', "
      "'x', 'x', '', '', 'x')");
  v = app::verify_audit_chain(fresh->stores());
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.entry, 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, Scope, testing::app_backends(), testing::backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, Placements, testing::app_backends(), testing::backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, NoOpUpdates, testing::app_backends(), testing::backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, AuditChain, testing::app_backends(), testing::backend_name);

}  // namespace
}  // namespace tatakerja
