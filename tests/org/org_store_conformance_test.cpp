// The OrgStore port's conformance suite: every method, its orders, the people search, the
// schema's rules (refused as storage::DatabaseError of kind Constraint), transactions and the
// registry revision, run unchanged against every implementation: SqlOrgStore on SQLite and on
// PostgreSQL, MemoryOrgStore (value-parameterised over "sqlite", "postgresql" and "memory"; the
// backends: tests/support/test_backends.hpp). Each test gets fresh stores. Transactions are
// opened over app::Stores::transactions, as the use cases open them.
#include <gtest/gtest.h>
#include <map>

#include <cstdio>
#include <string>
#include <vector>

#include "org/org_store.hpp"
#include "org/sql_org_store.hpp"
#include "storage/database.hpp"
#include "support/registry_seed.hpp"
#include "support/test_backends.hpp"

namespace tatakerja::org {
namespace {

// A stand-in for the application's SHA-256 chain hash (app::audit_hash): the store only keeps
// what the hasher gives it.
inline std::string test_audit_hash(const std::string& previous,
                                   const tatakerja::identity::AuditEntry& e) {
  return previous + "/" + std::to_string(e.id);
}

using identity::Role;
using identity::User;
using storage::DatabaseError;
using testing::error_kind;
using testing::make_employee;
using testing::Seed;

class OrgStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    stores_ = &backend();
  }
  Seed seed() { return testing::seed(stores_->org()); }

  std::vector<std::string> search_names(const std::string& q, Id region = 0, Page page = {}) {
    std::vector<std::string> names;
    for (const auto& h : stores_->org().search_employees(q, region, page)) {
      names.push_back(h.employee.name);
    }
    return names;
  }

  testing::TestBackend* stores_ = nullptr;
};

TEST_P(OrgStoreTest, RegionRoundTrip) {
  Id kupang = stores_->org().insert_region(
      {0, "kabupaten-kupang", "Kabupaten Kupang", RegionKind::Regency});
  Id batam = stores_->org().insert_region({0, "kota-batam", "Kota Batam", RegionKind::City});
  EXPECT_NE(kupang, batam);
  auto r = stores_->org().region(batam);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->id, batam);
  EXPECT_EQ(r->code, "kota-batam");
  EXPECT_EQ(r->name, "Kota Batam");
  EXPECT_EQ(r->kind, RegionKind::City);
  auto by_code = stores_->org().region_by_code("kabupaten-kupang");
  ASSERT_TRUE(by_code);
  EXPECT_EQ(by_code->id, kupang);
  EXPECT_EQ(by_code->kind, RegionKind::Regency);
  EXPECT_FALSE(stores_->org().region(999999));
  EXPECT_FALSE(stores_->org().region_by_code("tidak-ada"));
  auto all = stores_->org().regions();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "Kabupaten Kupang");
  EXPECT_EQ(all[1].name, "Kota Batam");
  EXPECT_EQ(error_kind([&] {
              stores_->org().insert_region({0, "kota-batam", "Kota Batam", RegionKind::City});
            }),
            DatabaseError::Kind::Constraint);
}

TEST_P(OrgStoreTest, RegulationRoundTrip) {
  Id region =
      stores_->org().insert_region({0, "provinsi-ntt", "Provinsi NTT", RegionKind::Province});
  Regulation old_reg;
  old_reg.region_id = region;
  old_reg.kind = "Peraturan Gubernur";
  old_reg.number = "";
  old_reg.title = "Tanpa nomor";
  old_reg.sha256 = std::string(64, 'b');
  Id old_id = stores_->org().insert_regulation(old_reg, "");

  Regulation r;
  r.region_id = region;
  r.kind = "Peraturan Gubernur";
  r.number = "12";
  r.year = 2023;
  r.title = "Kedudukan, Susunan Organisasi, Tugas dan Fungsi – Ç";
  r.date = Date{2023, 12, 29};
  r.sha256 = std::string(64, 'a');
  r.status = RegulationStatus::PartlyRevoked;
  r.revoked_by = old_id;
  r.revoked_articles = {"Pasal 4", "Pasal 5 – Ç"};
  r.imported_at = "2026-11-23T10:00:00Z";
  std::string text = "PERATURAN GUBERNUR NUSA TENGGARA TIMUR\nPasal 1\n“Kutipan” – Ç";
  Id id = stores_->org().insert_regulation(r, text);

  auto got = stores_->org().regulation(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->region_id, region);
  EXPECT_EQ(got->kind, r.kind);
  EXPECT_EQ(got->number, "12");
  EXPECT_EQ(got->year, 2023);
  EXPECT_EQ(got->title, r.title);
  EXPECT_EQ(got->date, (Date{2023, 12, 29}));
  EXPECT_EQ(got->sha256, r.sha256);
  EXPECT_EQ(got->status, RegulationStatus::PartlyRevoked);
  EXPECT_EQ(got->revoked_by, old_id);
  EXPECT_EQ(got->revoked_articles, r.revoked_articles);
  EXPECT_EQ(got->imported_at, "2026-11-23T10:00:00Z");
  EXPECT_EQ(stores_->org().regulation_text(id), text);
  EXPECT_EQ(stores_->org().regulation_text(old_id), "");
  EXPECT_FALSE(stores_->org().regulation_text(999999));

  auto old_got = stores_->org().regulation(old_id);
  ASSERT_TRUE(old_got);
  EXPECT_FALSE(old_got->year);
  EXPECT_FALSE(old_got->date);
  EXPECT_FALSE(old_got->revoked_by);
  EXPECT_TRUE(old_got->revoked_articles.empty());
  EXPECT_EQ(old_got->imported_at.size(), 20u) << old_got->imported_at;  // filled in, UTC

  EXPECT_EQ(stores_->org().regulation_by_sha256(r.sha256)->id, id);
  EXPECT_FALSE(stores_->org().regulation_by_sha256("ff"));
  EXPECT_EQ(stores_->org().find_regulation(region, "Peraturan Gubernur", "12", 2023)->id, id);
  EXPECT_FALSE(stores_->org().find_regulation(region, "Peraturan Gubernur", "12", 2022));
  auto list = stores_->org().regulations_of_region(region);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, old_id);
  EXPECT_EQ(list[1].id, id);

  old_got->status = RegulationStatus::Revoked;
  old_got->revoked_by = id;
  old_got->revoked_articles = {"Pasal 9"};
  stores_->org().update_regulation_status(*old_got);
  auto updated = stores_->org().regulation(old_id);
  EXPECT_EQ(updated->status, RegulationStatus::Revoked);
  EXPECT_EQ(updated->revoked_by, id);
  EXPECT_EQ(updated->revoked_articles, std::vector<std::string>{"Pasal 9"});
  EXPECT_EQ(updated->title, "Tanpa nomor");
  EXPECT_EQ(updated->version, 1);

  // Versions: a corrected text of regulation 12/2023 is version 2; the one it replaces is
  // Superseded. find_regulation gives the latest of the same region, kind, number and year.
  Regulation v2 = r;
  v2.sha256 = std::string(64, 'd');
  v2.status = RegulationStatus::InForce;
  v2.revoked_by.reset();
  v2.revoked_articles.clear();
  v2.version = 2;
  const Id v2_id = stores_->org().insert_regulation(v2, text + "\nPerbaikan");
  EXPECT_EQ(stores_->org().regulation(v2_id)->version, 2);
  EXPECT_EQ(stores_->org().find_regulation(region, "Peraturan Gubernur", "12", 2023)->id, v2_id);
  auto v1 = *stores_->org().regulation(id);
  v1.status = RegulationStatus::Superseded;
  v1.revoked_by = v2_id;
  v1.revoked_articles.clear();
  stores_->org().update_regulation_status(v1);
  EXPECT_EQ(stores_->org().regulation(id)->status, RegulationStatus::Superseded);
  EXPECT_EQ(stores_->org().regulation(id)->revoked_by, v2_id);
  EXPECT_EQ(stores_->org().regulation(id)->version, 1);

  EXPECT_EQ(error_kind([&] { stores_->org().insert_regulation(r, "again"); }),
            DatabaseError::Kind::Constraint);
  Regulation orphan = r;
  orphan.sha256 = "cc";
  orphan.region_id = 999999;
  EXPECT_EQ(error_kind([&] { stores_->org().insert_regulation(orphan, ""); }),
            DatabaseError::Kind::Constraint);
}

TEST_P(OrgStoreTest, ArticlesAndFindings) {
  Seed s = seed();
  Id a2 = stores_->org().insert_article({0, s.regulation, "Pasal 3", "BAB II > Pasal 3", 20, 28,
                                         "Kepala Sub Bagian Umum – Ç mempunyai tugas", 3});
  Id a1 =
      stores_->org().insert_article({0, s.regulation, "Lampiran II", "Lampiran II", 40, 90, "", 2});
  auto got = stores_->org().article(a2);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->regulation_id, s.regulation);
  EXPECT_EQ(got->label, "Pasal 3");
  EXPECT_EQ(got->path, "BAB II > Pasal 3");
  EXPECT_EQ(got->first_line, 20);
  EXPECT_EQ(got->last_line, 28);
  EXPECT_EQ(got->text, "Kepala Sub Bagian Umum – Ç mempunyai tugas");
  EXPECT_EQ(got->ordinal, 3);
  EXPECT_FALSE(stores_->org().article(999999));
  auto list = stores_->org().articles_of_regulation(s.regulation);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, s.article);
  EXPECT_EQ(list[1].id, a1);
  EXPECT_EQ(list[2].id, a2);

  Id f1 = stores_->org().insert_finding(
      {0, s.regulation, "NUMBERING_GAP", "warning", 12, "Nomor pasal melompat – Ç"});
  Id f0 = stores_->org().insert_finding({0, s.regulation, "MISSING_DATE", "error", 3, "Tanggal?"});
  auto findings = stores_->org().findings_of_regulation(s.regulation);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].id, f0);
  EXPECT_EQ(findings[1].id, f1);
  EXPECT_EQ(findings[1].code, "NUMBERING_GAP");
  EXPECT_EQ(findings[1].severity, "warning");
  EXPECT_EQ(findings[1].line, 12);
  EXPECT_EQ(findings[1].message, "Nomor pasal melompat – Ç");
  EXPECT_EQ(findings[1].regulation_id, s.regulation);
  EXPECT_EQ(error_kind([&] {
              stores_->org().insert_finding({0, s.regulation, "X", "fatal", 1, "severity unknown"});
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(error_kind([&] {
              stores_->org().insert_article({0, 999999, "Pasal 1", "", 1, 1, "", 1});
            }),
            DatabaseError::Kind::Constraint);
}

TEST_P(OrgStoreTest, AgencyRoundTrip) {
  Seed s = seed();
  Agency a;
  a.region_id = s.region;
  a.regulation_id = s.regulation;
  a.name = "Dinas Pendidikan – Ç";
  a.kind = AgencyKind::Dinas;
  a.type = "A";
  a.max_bidang = 4;
  a.tasks = "membantu Gubernur melaksanakan urusan pemerintahan";
  a.functions = {"perumusan kebijakan", "pelaksanaan kebijakan – Ç", ""};
  a.source_article = s.article;
  Id id = stores_->org().insert_agency(a);
  auto got = stores_->org().agency(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->region_id, s.region);
  EXPECT_EQ(got->regulation_id, s.regulation);
  EXPECT_EQ(got->name, a.name);
  EXPECT_EQ(got->kind, AgencyKind::Dinas);
  EXPECT_EQ(got->type, "A");
  EXPECT_EQ(got->max_bidang, 4);
  EXPECT_EQ(got->tasks, a.tasks);
  EXPECT_EQ(got->functions, a.functions);
  EXPECT_EQ(got->source_article, s.article);

  auto seeded = stores_->org().agency(s.agency);
  ASSERT_TRUE(seeded);
  EXPECT_FALSE(seeded->max_bidang);
  EXPECT_FALSE(seeded->source_article);
  EXPECT_TRUE(seeded->functions.empty());

  got->name = "Dinas Pendidikan dan Kebudayaan";
  got->max_bidang.reset();
  got->functions = {"satu"};
  got->source_article.reset();
  stores_->org().update_agency(*got);
  auto updated = stores_->org().agency(id);
  EXPECT_EQ(updated->name, "Dinas Pendidikan dan Kebudayaan");
  EXPECT_FALSE(updated->max_bidang);
  EXPECT_EQ(updated->functions, std::vector<std::string>{"satu"});
  EXPECT_FALSE(updated->source_article);

  EXPECT_EQ(stores_->org().agency_by_name(s.region, "Dinas Pendidikan dan Kebudayaan")->id, id);
  EXPECT_FALSE(stores_->org().agency_by_name(s.region, "Dinas Pendidikan – Ç"));
  EXPECT_FALSE(stores_->org().agency_by_name(999999, "Dinas Pendidikan dan Kebudayaan"));
  EXPECT_FALSE(stores_->org().agency(999999));
  auto list = stores_->org().agencies_of_region(s.region);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, s.agency);  // "Badan ..." before "Dinas ..."
  EXPECT_EQ(list[1].id, id);
  EXPECT_TRUE(stores_->org().agencies_of_region(999999).empty());
}

TEST_P(OrgStoreTest, UnitRoundTrip) {
  Seed s = seed();
  Unit u;
  u.agency_id = s.agency;
  u.parent_id = s.unit;
  u.name = "Sub Bagian Umum – Ç";
  u.kind = UnitKind::SubBagian;
  u.source_article = s.article;
  u.ordinal = 2;
  Id id = stores_->org().insert_unit(u);
  auto got = stores_->org().unit(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->agency_id, s.agency);
  EXPECT_EQ(got->parent_id, s.unit);
  EXPECT_EQ(got->name, u.name);
  EXPECT_EQ(got->kind, UnitKind::SubBagian);
  EXPECT_EQ(got->source_article, s.article);
  EXPECT_EQ(got->ordinal, 2);
  EXPECT_FALSE(stores_->org().unit(s.unit)->parent_id);

  Unit kjf;
  kjf.agency_id = s.agency;
  kjf.name = "Kelompok Jabatan Fungsional";
  kjf.kind = UnitKind::KelompokJabatanFungsional;
  kjf.ordinal = 1;
  Id kjf_id = stores_->org().insert_unit(kjf);
  auto list = stores_->org().units_of_agency(s.agency, true);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, s.unit);
  EXPECT_EQ(list[1].id, kjf_id);
  EXPECT_EQ(list[2].id, id);
  EXPECT_EQ(list[1].kind, UnitKind::KelompokJabatanFungsional);

  got->name = "Bagian Umum";
  got->kind = UnitKind::Bagian;
  got->parent_id.reset();
  stores_->org().update_unit(*got);
  auto updated = stores_->org().unit(id);
  EXPECT_EQ(updated->name, "Bagian Umum");
  EXPECT_EQ(updated->kind, UnitKind::Bagian);
  EXPECT_FALSE(updated->parent_id);
  EXPECT_FALSE(stores_->org().unit(999999));

  Unit orphan = u;
  orphan.parent_id = 999999;
  EXPECT_EQ(error_kind([&] { stores_->org().insert_unit(orphan); }),
            DatabaseError::Kind::Constraint);
}

// Every kind of unit is stored and read back as itself (the SQL schema's CHECK on units.kind lists
// them: version 6 added Asisten).
TEST_P(OrgStoreTest, EveryUnitKindRoundTrips) {
  Seed s = seed();
  for (int i = 0; i <= static_cast<int>(UnitKind::Asisten); ++i) {
    Unit u;
    u.agency_id = s.agency;
    u.kind = static_cast<UnitKind>(i);
    u.name = std::string(to_string(u.kind)) + " Satu";
    u.ordinal = 10 + i;
    const Id id = stores_->org().insert_unit(u);
    EXPECT_EQ(stores_->org().unit(id)->kind, u.kind) << to_string(u.kind);
  }
}

TEST_P(OrgStoreTest, PositionRoundTrip) {
  Seed s = seed();
  Id duties_article = stores_->org().insert_article(
      {0, s.regulation, "Lampiran III", "Lampiran III", 100, 200, "uraian", 9});
  Position p;
  p.agency_id = s.agency;
  p.unit_id = s.unit;
  p.superior_id = s.head;
  p.title = "Kepala Sub Bagian Umum – Ç";
  p.kind = PositionKind::Pengawas;
  p.eselon = Eselon::parse("IV.a");
  p.code = "PGW-001";
  p.reports_to = "Gubernur melalui Sekretaris Daerah";
  p.appointing_authority = "Gubernur";
  p.summary = "melaksanakan urusan umum";
  p.functions = {"penyusunan rencana", "pelaksanaan – Ç"};
  p.duties = {"menyusun rencana kerja", "mengelola arsip", "melaporkan"};
  p.source_article = s.article;
  p.duties_article = duties_article;
  p.work_level = 2;
  p.appraiser_id = s.head;
  p.appraiser_outside = "Gubernur";
  p.abolished = false;
  p.ordinal = 5;
  Id id = stores_->org().insert_position(p);
  auto got = stores_->org().position(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->agency_id, s.agency);
  EXPECT_EQ(got->unit_id, s.unit);
  EXPECT_EQ(got->superior_id, s.head);
  EXPECT_EQ(got->title, p.title);
  EXPECT_EQ(got->kind, PositionKind::Pengawas);
  EXPECT_EQ(to_string(got->eselon), "IV.a");
  EXPECT_EQ(got->code, "PGW-001");
  EXPECT_EQ(got->reports_to, p.reports_to);
  EXPECT_EQ(got->appointing_authority, "Gubernur");
  EXPECT_EQ(got->summary, p.summary);
  EXPECT_EQ(got->functions, p.functions);
  EXPECT_EQ(got->duties, p.duties);
  EXPECT_EQ(got->source_article, s.article);
  EXPECT_EQ(got->duties_article, duties_article);
  EXPECT_EQ(got->work_level, 2);
  EXPECT_EQ(got->appraiser_id, s.head);
  EXPECT_EQ(got->appraiser_outside, "Gubernur");
  EXPECT_FALSE(got->abolished);
  EXPECT_EQ(got->ordinal, 5);

  auto head = stores_->org().position(s.head);
  ASSERT_TRUE(head);
  EXPECT_FALSE(head->unit_id);
  EXPECT_FALSE(head->superior_id);
  EXPECT_FALSE(head->appraiser_id);
  EXPECT_TRUE(head->duties.empty());

  got->abolished = true;
  got->title = "Kepala Sub Bagian Tata Usaha";
  got->superior_id.reset();
  got->duties = {};
  stores_->org().update_position(*got);
  auto updated = stores_->org().position(id);
  EXPECT_TRUE(updated->abolished);
  EXPECT_EQ(updated->title, "Kepala Sub Bagian Tata Usaha");
  EXPECT_FALSE(updated->superior_id);
  EXPECT_TRUE(updated->duties.empty());

  auto current = stores_->org().positions_of_agency(s.agency);
  ASSERT_EQ(current.size(), 2u);
  EXPECT_EQ(current[0].id, s.head);
  EXPECT_EQ(current[1].id, s.staff);
  auto every = stores_->org().positions_of_agency(s.agency, true);
  ASSERT_EQ(every.size(), 3u);
  EXPECT_EQ(every[2].id, id);
  EXPECT_FALSE(stores_->org().position(999999));

  Position bad = p;
  bad.superior_id = 999999;
  EXPECT_EQ(error_kind([&] { stores_->org().insert_position(bad); }),
            DatabaseError::Kind::Constraint);
  bad = p;
  bad.work_level = 7;
  EXPECT_EQ(error_kind([&] { stores_->org().insert_position(bad); }),
            DatabaseError::Kind::Constraint);
}

TEST_P(OrgStoreTest, EmployeeRoundTrip) {
  Seed s = seed();
  Employee e = make_employee(s.region, "198503122010042001", "Dra. Ni Luh Çahaya, M.Si.");
  e.kind = EmployeeKind::Pppk;
  e.sex = Sex::Female;
  e.rank = "IX";
  Id id = stores_->org().insert_employee(e);
  auto got = stores_->org().employee(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->region_id, s.region);
  EXPECT_EQ(got->nip, e.nip);
  EXPECT_EQ(got->name, e.name);
  EXPECT_EQ(got->kind, EmployeeKind::Pppk);
  EXPECT_EQ(got->birth_date, (Date{1985, 3, 12}));
  EXPECT_EQ(got->appointed_year, 2010);
  EXPECT_EQ(got->appointed_month, 4);
  EXPECT_EQ(got->sex, Sex::Female);
  EXPECT_EQ(got->rank, "IX");
  EXPECT_EQ(stores_->org().employee_by_nip(e.nip)->id, id);
  EXPECT_FALSE(stores_->org().employee_by_nip("000000000000000000"));
  EXPECT_FALSE(stores_->org().employee(999999));

  got->name = "Ni Luh Cahaya Dewi";
  got->rank = "X";
  stores_->org().update_employee(*got);
  auto updated = stores_->org().employee(id);
  EXPECT_EQ(updated->name, "Ni Luh Cahaya Dewi");
  EXPECT_EQ(updated->rank, "X");
  EXPECT_EQ(stores_->org().count_employees(0), 1);
  EXPECT_EQ(stores_->org().count_employees(s.region), 1);
  EXPECT_EQ(stores_->org().count_employees(999999), 0);
}

TEST_P(OrgStoreTest, DuplicateNipIsConstraint) {
  Seed s = seed();
  stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  EXPECT_EQ(error_kind([&] {
              stores_->org().insert_employee(
                  make_employee(s.region, "198503122010041001", "Budi Santoso Lain"));
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(stores_->org().count_employees(0), 1);
}

TEST_P(OrgStoreTest, EmployeeOfUnknownRegionIsConstraint) {
  EXPECT_EQ(error_kind([&] {
              stores_->org().insert_employee(make_employee(999999, "198503122010041001", "Budi"));
            }),
            DatabaseError::Kind::Constraint);
}

TEST_P(OrgStoreTest, PlacementForUnknownPositionIsConstraint) {
  Seed s = seed();
  Id e =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  EXPECT_EQ(
      error_kind([&] {
        stores_->org().insert_placement({0, e, 999999, Date{2024, 1, 2}, PlacementKind::Plt, {}});
      }),
      DatabaseError::Kind::Constraint);
  EXPECT_TRUE(stores_->org().placements_of_employee(e).empty());
}

// The light reads of the hot routes (position page, unit tree, chart) agree with the full ones.
TEST_P(OrgStoreTest, BriefsSubordinatesUnitHeadsAndCounts) {
  Seed s = seed();
  // A second structural position in the unit, graded above the Sub Bagian head: it heads the unit.
  Position sek;
  sek.agency_id = s.agency;
  sek.unit_id = s.unit;
  sek.superior_id = s.head;
  sek.title = "Sekretaris";
  sek.kind = PositionKind::Administrator;
  sek.eselon = Eselon::parse("III.a");
  sek.work_level = 2;
  sek.ordinal = 2;
  Id sek_id = stores_->org().insert_position(sek);
  Position jf;
  jf.agency_id = s.agency;
  jf.unit_id = s.unit;
  jf.superior_id = sek_id;
  jf.title = "Analis Kebijakan Ahli Muda";
  jf.kind = PositionKind::Fungsional;
  jf.ordinal = 3;
  Id jf_id = stores_->org().insert_position(jf);
  Position gone = jf;
  gone.title = "Pengadministrasi Umum";
  gone.kind = PositionKind::Pelaksana;
  gone.abolished = true;
  gone.ordinal = 4;
  stores_->org().insert_position(gone);
  Unit empty;
  empty.agency_id = s.agency;
  empty.parent_id = s.unit;
  empty.name = "Kelompok Jabatan Fungsional";
  empty.kind = UnitKind::KelompokJabatanFungsional;
  empty.ordinal = 1;
  Id empty_id = stores_->org().insert_unit(empty);

  auto briefs = stores_->org().position_briefs_of_agency(s.agency);
  ASSERT_EQ(briefs.size(), 4u);  // the abolished one is left out
  EXPECT_EQ(briefs[0].id, s.head);
  EXPECT_EQ(briefs[3].id, jf_id);
  EXPECT_EQ(briefs[2].title, "Sekretaris");
  EXPECT_EQ(to_string(briefs[2].eselon), "III.a");
  EXPECT_EQ(briefs[2].kind, PositionKind::Administrator);
  EXPECT_EQ(briefs[2].work_level, 2);
  EXPECT_EQ(briefs[2].unit_id, s.unit);
  EXPECT_EQ(briefs[2].superior_id, s.head);
  EXPECT_EQ(stores_->org().count_positions(s.agency), 4);

  auto subs = stores_->org().subordinates_of_position(s.head);
  ASSERT_EQ(subs.size(), 2u);
  EXPECT_EQ(subs[0].id, s.staff);
  EXPECT_EQ(subs[1].id, sek_id);
  auto sek_subs = stores_->org().subordinates_of_position(sek_id);
  ASSERT_EQ(sek_subs.size(), 1u);  // not the abolished one
  EXPECT_EQ(sek_subs[0].id, jf_id);
  EXPECT_TRUE(stores_->org().subordinates_of_position(jf_id).empty());
  // The Analis: in the Sekretariat under the Sekretaris, appraised by the Kepala Badan, drawn from
  // Pasal 1 (both source and duties); the Kepala Badan: no unit, superior, appraiser or article.
  Position analis = *stores_->org().position(jf_id);
  analis.appraiser_id = s.head;
  analis.source_article = s.article;
  analis.duties_article = s.article;
  stores_->org().update_position(analis);
  const auto links = stores_->org().position_links(jf_id);
  ASSERT_TRUE(links.agency && links.unit && links.superior && links.appraiser);
  EXPECT_EQ(links.agency->id, s.agency);
  EXPECT_EQ(links.agency->name, "Badan Pengelola Perbatasan Daerah");
  EXPECT_EQ(links.unit->id, s.unit);
  EXPECT_EQ(links.unit->name, "Sekretariat");
  EXPECT_EQ(links.superior->id, sek_id);
  EXPECT_EQ(links.superior->name, "Sekretaris");
  EXPECT_EQ(links.appraiser->id, s.head);
  EXPECT_EQ(links.appraiser->name, "Kepala Badan");
  for (const auto& article : {links.source_article, links.duties_article}) {
    ASSERT_TRUE(article);
    EXPECT_EQ(article->id, s.article);
    EXPECT_EQ(article->label, "Pasal 1");
    EXPECT_EQ(article->path, "BAB I > Pasal 1");
    EXPECT_EQ(article->regulation_id, s.regulation);
    EXPECT_EQ(article->text, "");  // the head only
  }
  const auto top = stores_->org().position_links(s.head);
  ASSERT_TRUE(top.agency);
  EXPECT_EQ(top.agency->id, s.agency);
  EXPECT_FALSE(top.unit || top.superior || top.appraiser || top.source_article ||
               top.duties_article);
  const auto none = stores_->org().position_links(999999);
  EXPECT_FALSE(none.agency || none.unit || none.superior);

  auto units = stores_->org().units_with_heads(s.agency);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].unit.id, s.unit);
  EXPECT_EQ(units[0].unit.name, "Sekretariat");
  EXPECT_EQ(units[0].head_position_id, sek_id);  // III.a before the Pengawas without eselon
  EXPECT_EQ(units[1].unit.id, empty_id);
  EXPECT_FALSE(units[1].head_position_id);
  // One unit's head alone, by the same rule; the agency's Level I position outside its units.
  EXPECT_EQ(stores_->org().head_of_unit(s.unit), sek_id);
  EXPECT_EQ(stores_->org().position_title(sek_id), "Sekretaris");
  EXPECT_EQ(stores_->org().position_title(999999), "");
  EXPECT_FALSE(stores_->org().head_of_unit(empty_id));
  EXPECT_FALSE(stores_->org().head_of_unit(999999));
  EXPECT_FALSE(stores_->org().agency_level_one_position(s.agency));  // no Level I marked yet
  auto top_position = *stores_->org().position(s.head);
  top_position.work_level = 1;
  stores_->org().update_position(top_position);
  EXPECT_EQ(stores_->org().agency_level_one_position(s.agency), s.head);
  EXPECT_FALSE(stores_->org().agency_level_one_position(999999));
  EXPECT_EQ(stores_->org().count_units(s.agency), 2);
  EXPECT_EQ(stores_->org().count_units(999999), 0);

  Id budi =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  Id ani =
      stores_->org().insert_employee(make_employee(s.region, "199001012015032002", "Ani Lestari"));
  Id ended = stores_->org().insert_placement(
      {0, budi, s.head, Date{2019, 1, 2}, PlacementKind::Definitive, {}});
  stores_->org().end_placement(ended, Date{2023, 12, 31});
  stores_->org().insert_placement({0, ani, s.head, Date{2024, 1, 2}, PlacementKind::Plt, {}});
  stores_->org().insert_placement(
      {0, budi, jf_id, Date{2024, 1, 2}, PlacementKind::Definitive, {}});
  auto holders = stores_->org().holders_of_agency(s.agency);
  ASSERT_EQ(holders.size(), 2u);
  EXPECT_EQ(holders[0].placement.position_id, s.head);
  EXPECT_EQ(holders[0].employee.id, ani);
  EXPECT_EQ(holders[1].placement.position_id, jf_id);
  EXPECT_EQ(holders[1].employee.name, "Budi Santoso");
  EXPECT_TRUE(stores_->org().holders_of_agency(999999).empty());
}

TEST_P(OrgStoreTest, HoldersAreCurrentPlacementsOnly) {
  Seed s = seed();
  Id budi =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  Id ani =
      stores_->org().insert_employee(make_employee(s.region, "199001012015032002", "Ani Lestari"));
  Id old_p = stores_->org().insert_placement(
      {0, budi, s.staff, Date{2019, 1, 2}, PlacementKind::Definitive, {}});
  stores_->org().end_placement(old_p, Date{2023, 12, 31});
  Id plt =
      stores_->org().insert_placement({0, ani, s.staff, Date{2024, 2, 1}, PlacementKind::Plt, {}});
  Id budi_head = stores_->org().insert_placement(
      {0, budi, s.head, Date{2024, 1, 2}, PlacementKind::Definitive, {}});

  auto holders = stores_->org().holders_of_position(s.staff);
  ASSERT_EQ(holders.size(), 1u);
  EXPECT_EQ(holders[0].placement.id, plt);
  EXPECT_EQ(holders[0].placement.kind, PlacementKind::Plt);
  EXPECT_EQ(holders[0].placement.start, (Date{2024, 2, 1}));
  EXPECT_FALSE(holders[0].placement.end);
  EXPECT_EQ(holders[0].employee.id, ani);
  EXPECT_EQ(holders[0].employee.name, "Ani Lestari");

  Id ani_def = stores_->org().insert_placement(
      {0, ani, s.staff, Date{2024, 3, 1}, PlacementKind::Definitive, {}});
  holders = stores_->org().holders_of_position(s.staff);
  ASSERT_EQ(holders.size(), 2u);
  EXPECT_EQ(holders[0].placement.id, ani_def);  // definitif first
  EXPECT_EQ(holders[1].placement.id, plt);
  EXPECT_TRUE(stores_->org().holders_of_position(999999).empty());

  auto one = stores_->org().placement(plt);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->employee_id, ani);
  EXPECT_EQ(one->kind, PlacementKind::Plt);
  EXPECT_FALSE(stores_->org().placement(999999));
  auto history = stores_->org().placements_of_employee(budi);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].id, budi_head);  // newest first
  EXPECT_EQ(history[1].id, old_p);
  EXPECT_EQ(history[1].end, (Date{2023, 12, 31}));
  EXPECT_EQ(history[1].position_id, s.staff);
  EXPECT_EQ(history[1].employee_id, budi);
  EXPECT_EQ(history[1].kind, PlacementKind::Definitive);
}

// Migration 10 (issue 11): a placement keeps the number and date of its decree (SK) or order;
// one without keeps none.
TEST_P(OrgStoreTest, PlacementDecreeRoundTrips) {
  Seed s = seed();
  Id ani =
      stores_->org().insert_employee(make_employee(s.region, "199001012015032002", "Ani Lestari"));
  Placement p{0, ani, s.staff, Date{2024, 2, 1}, PlacementKind::Plt, {}};
  p.decree_number = "800.1.3/12/BKPSDM/2024 – Ç";
  p.decree_date = Date{2024, 1, 29};
  p.secondment_decree = "800/5/2024";
  const Id with = stores_->org().insert_placement(p);
  const Id without = stores_->org().insert_placement(
      {0, ani, s.head, Date{2024, 3, 1}, PlacementKind::Definitive, {}});
  const auto one = stores_->org().placement(with);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->decree_number, "800.1.3/12/BKPSDM/2024 – Ç");
  EXPECT_EQ(one->decree_date, (Date{2024, 1, 29}));
  EXPECT_EQ(one->secondment_decree, "800/5/2024");
  stores_->org().end_placement(with, Date{2024, 2, 28});
  const auto ended = stores_->org().placement(with);
  EXPECT_EQ(ended->decree_number, "800.1.3/12/BKPSDM/2024 – Ç");
  EXPECT_EQ(ended->decree_date, (Date{2024, 1, 29}));
  const auto none = stores_->org().placement(without);
  EXPECT_EQ(none->decree_number, "");
  EXPECT_FALSE(none->decree_date);
  const auto holders = stores_->org().holders_of_position(s.head);
  ASSERT_EQ(holders.size(), 1u);
  EXPECT_FALSE(holders[0].placement.decree_date);
  const auto history = stores_->org().placements_of_employee(ani);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].decree_date, (Date{2024, 1, 29}));
}

TEST_P(OrgStoreTest, TransactionRollbackLeavesNothing) {
  {
    Transaction tx(stores_->transactions());
    Id region = stores_->org().insert_region({0, "kota-kupang", "Kota Kupang", RegionKind::City});
    stores_->org().insert_employee(make_employee(region, "198503122010041001", "Budi Santoso"));
    stores_->identity().append_audit(
        {0, "", std::nullopt, "admin", "create", "employee", "1", "", "{}"}, test_audit_hash);
  }
  EXPECT_TRUE(stores_->org().regions().empty());
  EXPECT_EQ(stores_->org().count_employees(0), 0);
  EXPECT_TRUE(stores_->org().search_employees("budi", 0, {}).empty());
  EXPECT_TRUE(stores_->identity().audit_log({}).empty());
  {
    Transaction tx(stores_->transactions());
    stores_->org().insert_region({0, "kota-kupang", "Kota Kupang", RegionKind::City});
    tx.commit();
  }
  EXPECT_EQ(stores_->org().regions().size(), 1u);
}

TEST_P(OrgStoreTest, FailedStatementInTransactionRollsBackAll) {
  Seed s = seed();
  try {
    Transaction tx(stores_->transactions());
    stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
    stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Kedua"));
    tx.commit();
    ADD_FAILURE() << "the duplicate NIP was accepted";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.kind(), DatabaseError::Kind::Constraint) << e.what();
  }
  EXPECT_EQ(stores_->org().count_employees(0), 0);
  // The connection is usable again.
  stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  EXPECT_EQ(stores_->org().count_employees(0), 1);
}

TEST_P(OrgStoreTest, NestedBeginIsAnError) {
  Transaction tx(stores_->transactions());
  EXPECT_THROW(stores_->transactions().begin(), DatabaseError);
}

// A read snapshot: no transaction begins inside it, and its reads see one state of the data
// while another connection commits (SQL; the memory store has no other connection).
TEST_P(OrgStoreTest, ReadSnapshotSeesOneState) {
  const Seed s = seed();
  const std::string before = stores_->org().agency(s.agency)->name;
  {
    ReadSnapshot snapshot(stores_->transactions());
    EXPECT_THROW(stores_->transactions().begin(), DatabaseError);
    EXPECT_THROW(stores_->transactions().begin_read(), DatabaseError);
    EXPECT_EQ(stores_->org().agency(s.agency)->name, before);
    if (backend().connection() != nullptr) {
      auto other_connection = storage::open_database(backend().url());
      persistence::SqlStores other(*other_connection);
      auto a = other.org().agency(s.agency);
      ASSERT_TRUE(a);
      a->name = "Dinas Yang Dinamai Ulang";
      other.org().update_agency(*a);
      EXPECT_EQ(stores_->org().agency(s.agency)->name, before);  // still the snapshot's
    }
  }
  if (backend().connection() != nullptr) {
    EXPECT_EQ(stores_->org().agency(s.agency)->name, "Dinas Yang Dinamai Ulang");
  }
  Transaction tx(stores_->transactions());  // the snapshot is over: a transaction may begin
  tx.commit();
}

TEST_P(OrgStoreTest, SearchByWordPrefix) {
  Seed s = seed();
  stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041002", "Budiman Hartono"));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041003", "Ani Budiarti"));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041004", "Santi Wulandari"));
  // The matched word first (exactly "budi" before "budiarti", "budiman"), then the name.
  EXPECT_EQ(search_names("budi"),
            (std::vector<std::string>{"Budi Santoso", "Ani Budiarti", "Budiman Hartono"}));
  EXPECT_EQ(search_names("BUDI"), search_names("budi"));
  EXPECT_EQ(search_names("  sant  "),
            (std::vector<std::string>{"Santi Wulandari", "Budi Santoso"}));
  EXPECT_EQ(search_names("udi"), std::vector<std::string>{});  // prefixes only
}

TEST_P(OrgStoreTest, SearchMultiWord) {
  Seed s = seed();
  stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041002", "Budiman Hartono"));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041003", "Santi Budiarti"));
  EXPECT_EQ(search_names("budi sant"),
            (std::vector<std::string>{"Budi Santoso", "Santi Budiarti"}));
  EXPECT_EQ(search_names("sant budi"), search_names("budi sant"));
  EXPECT_EQ(search_names("budi hart"), std::vector<std::string>{"Budiman Hartono"});
  EXPECT_EQ(search_names("budi hart sant"), std::vector<std::string>{});
  EXPECT_EQ(search_names("budi budi"), search_names("budi"));
}

TEST_P(OrgStoreTest, SearchFoldsAccentsAndPunctuation) {
  Seed s = seed();
  stores_->org().insert_employee(
      make_employee(s.region, "198503122010041001", "Dr. Çahaya Ma'ruf, S.Kom., M.Si."));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041002", "José Ramos-Horta"));
  EXPECT_EQ(search_names("cahaya"), std::vector<std::string>{"Dr. Çahaya Ma'ruf, S.Kom., M.Si."});
  EXPECT_EQ(search_names("ÇAHA maruf"), search_names("cahaya"));
  EXPECT_EQ(search_names("s.kom"), search_names("cahaya"));
  EXPECT_EQ(search_names("skom msi dr"), search_names("cahaya"));
  EXPECT_EQ(search_names("jose horta"), std::vector<std::string>{"José Ramos-Horta"});
  EXPECT_EQ(search_names("ramos"), std::vector<std::string>{"José Ramos-Horta"});
  EXPECT_TRUE(search_names(",.;").empty());
}

// Letters of other scripts are kept as written; a word whose last letter ends in the byte 0xBF
// ("п" is D0 BF, "ſ" is C5 BF) is searched by the range up to the next letter, which is valid
// UTF-8 (PostgreSQL refuses a parameter that is not).
TEST_P(OrgStoreTest, SearchByLettersOfOtherScripts) {
  Seed s = seed();
  stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "пётр иванов"));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041002", "ſtefan Budi"));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041003", "Рустам"));
  EXPECT_EQ(search_names("п"), std::vector<std::string>{"пётр иванов"});
  EXPECT_EQ(search_names("пё ив"), std::vector<std::string>{"пётр иванов"});
  EXPECT_EQ(search_names("ſ"), std::vector<std::string>{"ſtefan Budi"});
  EXPECT_EQ(search_names("ſtefan budi"), std::vector<std::string>{"ſtefan Budi"});
  EXPECT_EQ(search_names("Р"), std::vector<std::string>{"Рустам"});
  EXPECT_TRUE(search_names("р").empty());  // only Latin letters are lowercased
  EXPECT_EQ(stores_->org().count_search_employees("п", 0), 1);
  EXPECT_EQ(stores_->org().count_search_employees("ſ", 0), 1);
}

TEST_P(OrgStoreTest, SearchByNipPrefix) {
  Seed s = seed();
  stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041002", "Ani Lestari"));
  stores_->org().insert_employee(make_employee(s.region, "199001012015032001", "Citra Dewi"));
  EXPECT_EQ(search_names("1985"), (std::vector<std::string>{"Budi Santoso", "Ani Lestari"}));
  EXPECT_EQ(search_names("19850312 2010041002"), std::vector<std::string>{"Ani Lestari"});
  EXPECT_EQ(search_names("199001012015032001"), std::vector<std::string>{"Citra Dewi"});
  EXPECT_EQ(search_names("1"),  // NIP order
            (std::vector<std::string>{"Budi Santoso", "Ani Lestari", "Citra Dewi"}));
  EXPECT_TRUE(search_names("2000").empty());
}

TEST_P(OrgStoreTest, SearchPagingAndOrder) {
  Seed s = seed();
  for (int i = 0; i < 12; ++i) {
    char nip[19];
    std::snprintf(nip, sizeof nip, "1985031220100410%02d", i);
    // Inserted out of order; two people share a name (ordered by id then).
    std::string name = "Budi " + std::string(1, static_cast<char>('A' + (i * 5) % 12));
    if (i == 11) name = "Budi F";
    stores_->org().insert_employee(make_employee(s.region, nip, name));
  }
  auto all = stores_->org().search_employees("budi", 0, {500, 0});
  ASSERT_EQ(all.size(), 12u);
  for (std::size_t i = 1; i < all.size(); ++i) {
    bool ordered = all[i - 1].employee.name < all[i].employee.name ||
                   (all[i - 1].employee.name == all[i].employee.name &&
                    all[i - 1].employee.id < all[i].employee.id);
    EXPECT_TRUE(ordered) << i;
  }
  auto page2 = stores_->org().search_employees("budi", 0, {5, 5});
  ASSERT_EQ(page2.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(page2[i].employee.id, all[i + 5].employee.id);
  EXPECT_EQ(stores_->org().search_employees("budi", 0, {5, 10}).size(), 2u);
  EXPECT_TRUE(stores_->org().search_employees("budi", 0, {5, 100}).empty());
  EXPECT_EQ(stores_->org().search_employees("budi", 0, {0, -3}).size(), 1u);  // limit clamped to 1
  EXPECT_EQ(stores_->org().search_employees("budi", 0, {10000, 0}).size(), 12u);  // clamped to 500
  EXPECT_EQ(stores_->org().search_employees("", 0, {500, 0}).size(), 12u);  // empty query: everyone
}

// A word and a NIP prefix that match thousands of people: pages deep in the result are right.
TEST_P(OrgStoreTest, SearchCommonWordAndNipPrefix) {
  Seed s = seed();
  {
    Transaction tx(stores_->transactions());
    for (int i = 0; i < 8100; ++i) {
      char nip[19];
      std::snprintf(nip, sizeof nip, "19850312201004%04d", i);
      std::string name = (i % 2 == 0 ? "Budi " : "Santi Budi ") + std::to_string(10000 + i);
      stores_->org().insert_employee(make_employee(s.region, nip, name));
    }
    tx.commit();
  }
  auto page = stores_->org().search_employees("budi", 0, {3, 0});
  ASSERT_EQ(page.size(), 3u);
  EXPECT_EQ(page[0].employee.name, "Budi 10000");
  EXPECT_EQ(page[1].employee.name, "Budi 10002");
  auto last = stores_->org().search_employees("bud", s.region, {500, 8000});
  ASSERT_EQ(last.size(), 100u);
  EXPECT_EQ(last.back().employee.name, "Santi Budi 18099");
  EXPECT_EQ(search_names("santi budi 1809", 0, {10, 0}).size(), 5u);
  auto by_nip = stores_->org().search_employees("1985", 0, {2, 4050});  // NIP order
  ASSERT_EQ(by_nip.size(), 2u);
  EXPECT_EQ(by_nip[0].employee.name, "Budi 14050");
  EXPECT_EQ(by_nip[1].employee.name, "Santi Budi 14051");
  auto by_word = stores_->org().search_employees("budi", 0, {2, 4050});  // name order within "budi"
  ASSERT_EQ(by_word.size(), 2u);
  EXPECT_EQ(by_word[0].employee.name, "Santi Budi 10001");  // 4,050 "Budi ..." come first
  EXPECT_EQ(by_word[1].employee.name, "Santi Budi 10003");
  EXPECT_EQ(
      search_names("19850312201004809"),
      (std::vector<std::string>{"Budi 18090", "Santi Budi 18091", "Budi 18092", "Santi Budi 18093",
                                "Budi 18094", "Santi Budi 18095", "Budi 18096", "Santi Budi 18097",
                                "Budi 18098", "Santi Budi 18099"}));
  EXPECT_TRUE(search_names("budi 2").empty());
}

TEST_P(OrgStoreTest, SearchListsAPersonOnceWhenTwoWordsMatch) {
  Seed s = seed();
  stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Sita Sitorus"));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041002", "Sitti Aminah"));
  EXPECT_EQ(search_names("sit"), (std::vector<std::string>{"Sita Sitorus", "Sitti Aminah"}));
  EXPECT_EQ(stores_->org().count_search_employees("sit", 0), 2);
  EXPECT_EQ(stores_->org().count_search_employees("sita sito", 0), 1);
  EXPECT_EQ(stores_->org().count_search_employees("1985", 0), 2);
  EXPECT_EQ(stores_->org().count_search_employees("1985", 999999), 0);
  EXPECT_EQ(stores_->org().count_search_employees("", 0), 2);
  EXPECT_EQ(stores_->org().count_search_employees(".,", 0), 0);
  EXPECT_EQ(stores_->org().count_search_employees("zul", 0), 0);
}

TEST_P(OrgStoreTest, SearchNoMatch) {
  Seed s = seed();
  stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  EXPECT_TRUE(search_names("zulkarnain").empty());
  EXPECT_TRUE(search_names("budi zul").empty());
  EXPECT_TRUE(search_names("9999").empty());
}

TEST_P(OrgStoreTest, SearchRegionFilter) {
  Seed s = seed();
  Id other = stores_->org().insert_region({0, "kota-kupang", "Kota Kupang", RegionKind::City});
  stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  stores_->org().insert_employee(make_employee(other, "198503122010041002", "Budi Utomo"));
  EXPECT_EQ(search_names("budi", s.region), std::vector<std::string>{"Budi Santoso"});
  EXPECT_EQ(search_names("budi", other), std::vector<std::string>{"Budi Utomo"});
  EXPECT_EQ(search_names("budi").size(), 2u);
  EXPECT_EQ(search_names("1985", other), std::vector<std::string>{"Budi Utomo"});
  EXPECT_EQ(search_names("", other), std::vector<std::string>{"Budi Utomo"});
  EXPECT_EQ(stores_->org().count_employees(other), 1);
}

TEST_P(OrgStoreTest, SearchReturnsCurrentPlacement) {
  Seed s = seed();
  Id budi =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  Id ani =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041002", "Budi Ani"));
  Id ended = stores_->org().insert_placement(
      {0, budi, s.head, Date{2018, 1, 1}, PlacementKind::Definitive, {}});
  stores_->org().end_placement(ended, Date{2020, 1, 1});
  stores_->org().insert_placement({0, budi, s.head, Date{2024, 5, 1}, PlacementKind::Plt, {}});
  stores_->org().insert_placement(
      {0, budi, s.staff, Date{2021, 1, 1}, PlacementKind::Definitive, {}});
  auto hits = stores_->org().search_employees("budi", 0, {});
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].employee.id, ani);
  EXPECT_FALSE(hits[0].position_id);
  EXPECT_EQ(hits[0].position_title, "");
  EXPECT_EQ(hits[0].agency_name, "");
  EXPECT_EQ(hits[0].placement_kind, "");
  EXPECT_EQ(hits[1].employee.id, budi);
  EXPECT_EQ(hits[1].employee.nip, "198503122010041001");
  EXPECT_EQ(hits[1].position_id, s.staff);  // definitif before the later plt
  EXPECT_EQ(hits[1].position_title, "Kepala Sub Bagian Umum – Ç");
  EXPECT_EQ(hits[1].agency_name, "Badan Pengelola Perbatasan Daerah");
  EXPECT_EQ(hits[1].placement_kind, "definitif");
}

TEST_P(OrgStoreTest, SearchFollowsRename) {
  Seed s = seed();
  Id id =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  auto e = *stores_->org().employee(id);
  e.name = "Bambang Pamungkas";
  stores_->org().update_employee(e);
  EXPECT_TRUE(search_names("budi").empty());
  EXPECT_EQ(search_names("bamb pam"), std::vector<std::string>{"Bambang Pamungkas"});
}

TEST_P(OrgStoreTest, StructureChangesRoundTrip) {
  Seed s = seed();
  Regulation r2;
  r2.region_id = s.region;
  r2.kind = "Peraturan Gubernur";
  r2.number = "3";
  r2.year = 2024;
  r2.title = "Perubahan";
  r2.sha256 = std::string(64, 'c');
  Id new_reg = stores_->org().insert_regulation(r2, "text");
  Id c1 = stores_->org().insert_structure_change(
      {0, s.agency, s.regulation, new_reg, ChangeKind::Renamed, "Kepala Sub Bagian Umum – Ç",
       "Kepala Sub Bagian TU", "Kepala Sub Bagian Umum – Ç"});
  Id c2 = stores_->org().insert_structure_change(
      {0, s.agency, s.regulation, new_reg, ChangeKind::Regraded, "Kepala Badan", "III.a", "II.b"});
  stores_->org().insert_structure_change(
      {0, s.agency, s.regulation, new_reg, ChangeKind::Added, "Analis", "", ""});
  stores_->org().insert_structure_change(
      {0, s.agency, s.regulation, new_reg, ChangeKind::Removed, "Pengadministrasi", "", ""});
  auto list = stores_->org().structure_changes_of_agency(s.agency);
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].id, c1);
  EXPECT_EQ(list[0].agency_id, s.agency);
  EXPECT_EQ(list[0].old_regulation_id, s.regulation);
  EXPECT_EQ(list[0].new_regulation_id, new_reg);
  EXPECT_EQ(list[0].kind, ChangeKind::Renamed);
  EXPECT_EQ(list[0].position_title, "Kepala Sub Bagian Umum – Ç");
  EXPECT_EQ(list[0].before, "Kepala Sub Bagian TU");
  EXPECT_EQ(list[0].after, "Kepala Sub Bagian Umum – Ç");
  EXPECT_EQ(list[1].id, c2);
  EXPECT_EQ(list[1].kind, ChangeKind::Regraded);
  EXPECT_EQ(list[2].kind, ChangeKind::Added);
  EXPECT_EQ(list[3].kind, ChangeKind::Removed);
  EXPECT_TRUE(stores_->org().structure_changes_of_agency(999999).empty());
}

// Every change to the registry's content moves the revision on; accounts, sessions and the audit
// log do not; a rolled-back change leaves it.
TEST_P(OrgStoreTest, RegistryRevisionMovesWithRegistryChangesOnly) {
  const std::int64_t r0 = stores_->org().registry_revision();
  EXPECT_GT(r0, 0);
  const Seed s = seed();
  const std::int64_t r1 = stores_->org().registry_revision();
  EXPECT_GT(r1, r0);

  auto unit = stores_->org().unit(s.unit);
  ASSERT_TRUE(unit);
  unit->name = "Sekretariat Badan";
  stores_->org().update_unit(*unit);
  const std::int64_t r2 = stores_->org().registry_revision();
  EXPECT_GT(r2, r1);

  stores_->org().insert_employee(make_employee(s.region, "196703251997032002", "Siti Aminah"));
  const std::int64_t r3 = stores_->org().registry_revision();
  EXPECT_GT(r3, r2);
  const std::int64_t r4 = r3;

  {
    Transaction tx(stores_->transactions());
    unit->name = "Tidak jadi";
    stores_->org().update_unit(*unit);
  }  // rolled back
  EXPECT_EQ(stores_->org().registry_revision(), r4);

  User u;
  u.username = "budi";
  u.password_hash = "x";
  const Id uid = stores_->identity().insert_user(u);
  stores_->identity().insert_session({"hash", uid, "csrf", 1000});
  stores_->identity().delete_session("hash");
  identity::AuditEntry a;
  a.at = "2026-01-01T00:00:00Z";
  a.username = "budi";
  a.action = "login";
  a.entity = "session";
  stores_->identity().append_audit(a, test_audit_hash);
  EXPECT_EQ(stores_->org().registry_revision(), r4);
}

// ---- What an implementation could get wrong that the tests above do not reach ----------------

// Ids are numbered from 1 in each table, in the order of insertion.
TEST_P(OrgStoreTest, IdsStartAtOneAndIncrease) {
  const Seed s = seed();
  EXPECT_EQ(s.region, 1);
  EXPECT_EQ(s.regulation, 1);
  EXPECT_EQ(s.article, 1);
  EXPECT_EQ(s.agency, 1);
  EXPECT_EQ(s.unit, 1);
  EXPECT_EQ(s.head, 1);
  EXPECT_EQ(s.staff, 2);
  EXPECT_EQ(stores_->org().insert_region({0, "kota-kupang", "Kota Kupang", RegionKind::City}), 2);
  const Id e =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  EXPECT_EQ(e, 1);
  EXPECT_EQ(stores_->org().insert_placement(
                {0, e, s.head, Date{2024, 1, 2}, PlacementKind::Definitive, {}}),
            1);
  EXPECT_EQ(stores_->org().insert_finding({0, s.regulation, "X", "info", 1, "m"}), 1);
}

// A write the schema refuses changes nothing, also when it is an update; updating a record that
// does not exist changes nothing either.
TEST_P(OrgStoreTest, RefusedWritesChangeNothing) {
  const Seed s = seed();
  const Id budi =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041002", "Ani Lestari"));
  auto e = *stores_->org().employee(budi);
  e.nip = "198503122010041002";
  e.name = "Bambang Pamungkas";
  EXPECT_EQ(error_kind([&] { stores_->org().update_employee(e); }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(stores_->org().employee(budi)->name, "Budi Santoso");
  EXPECT_EQ(stores_->org().employee_by_nip("198503122010041001")->id, budi);
  EXPECT_EQ(search_names("budi"), std::vector<std::string>{"Budi Santoso"});
  EXPECT_TRUE(search_names("bambang").empty());
  e = *stores_->org().employee(budi);
  e.region_id = 999999;
  EXPECT_EQ(error_kind([&] { stores_->org().update_employee(e); }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(stores_->org().count_employees(s.region), 2);

  auto unit = *stores_->org().unit(s.unit);
  unit.parent_id = 999999;
  unit.name = "Tidak jadi";
  EXPECT_EQ(error_kind([&] { stores_->org().update_unit(unit); }), DatabaseError::Kind::Constraint);
  EXPECT_EQ(stores_->org().unit(s.unit)->name, "Sekretariat");
  auto staff = *stores_->org().position(s.staff);
  staff.appraiser_id = 999999;
  staff.title = "Tidak jadi";
  EXPECT_EQ(error_kind([&] { stores_->org().update_position(staff); }),
            DatabaseError::Kind::Constraint);
  staff.appraiser_id.reset();
  staff.unit_id = 999999;
  EXPECT_EQ(error_kind([&] { stores_->org().update_position(staff); }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(stores_->org().position(s.staff)->title, "Kepala Sub Bagian Umum – Ç");
  Position orphan;
  orphan.agency_id = s.agency;
  orphan.title = "Analis";
  orphan.duties_article = 999999;
  EXPECT_EQ(error_kind([&] { stores_->org().insert_position(orphan); }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(stores_->org().count_positions(s.agency), 2);
  auto agency = *stores_->org().agency(s.agency);
  agency.regulation_id = 999999;
  EXPECT_EQ(error_kind([&] { stores_->org().update_agency(agency); }),
            DatabaseError::Kind::Constraint);
  agency = *stores_->org().agency(s.agency);
  agency.source_article = 999999;
  EXPECT_EQ(error_kind([&] { stores_->org().insert_agency(agency); }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(stores_->org().agencies_of_region(s.region).size(), 1u);
  auto reg = *stores_->org().regulation(s.regulation);
  reg.status = RegulationStatus::Revoked;
  reg.revoked_by = 999999;
  EXPECT_EQ(error_kind([&] { stores_->org().update_regulation_status(reg); }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(stores_->org().regulation(s.regulation)->status, RegulationStatus::InForce);
  EXPECT_EQ(error_kind([&] {
              stores_->org().insert_structure_change(
                  {0, s.agency, s.regulation, 999999, ChangeKind::Added, "Analis", "", ""});
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_TRUE(stores_->org().structure_changes_of_agency(s.agency).empty());
  EXPECT_EQ(error_kind([&] {
              stores_->org().insert_placement(
                  {0, 999999, s.head, Date{2024, 1, 2}, PlacementKind::Plt, {}});
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_TRUE(stores_->org().holders_of_position(s.head).empty());

  // Updates of records that do not exist: nothing happens, nothing is created.
  unit = *stores_->org().unit(s.unit);
  unit.id = 999999;
  stores_->org().update_unit(unit);
  e = *stores_->org().employee(budi);
  e.id = 999999;
  e.nip = "199001012015032001";
  stores_->org().update_employee(e);
  stores_->org().end_placement(999999, Date{2024, 1, 2});
  EXPECT_FALSE(stores_->org().unit(999999));
  EXPECT_FALSE(stores_->org().employee_by_nip("199001012015032001"));
  EXPECT_EQ(stores_->org().units_of_agency(s.agency, true).size(), 1u);
}

// A rolled-back transaction leaves every store as it was: the registry's records, what the
// people search and the unique keys see, the accounts, sessions and audit log, and the revision.
TEST_P(OrgStoreTest, RollbackRestoresEveryStore) {
  const Seed s = seed();
  const Id budi =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  const Id placed = stores_->org().insert_placement(
      {0, budi, s.staff, Date{2021, 1, 1}, PlacementKind::Definitive, {}});
  User admin;
  admin.username = "admin";
  admin.password_hash = "x";
  admin.role = Role::Administrator;
  const Id admin_id = stores_->identity().insert_user(admin);
  stores_->identity().insert_session({"hash-1", admin_id, "csrf-1", 1000});
  stores_->identity().append_audit(
      {0, "2026-01-01T00:00:00Z", admin_id, "admin", "create", "employee", "1", "", "{}"},
      test_audit_hash);
  const std::int64_t revision = stores_->org().registry_revision();

  {
    Transaction tx(stores_->transactions());
    const Id region =
        stores_->org().insert_region({0, "kota-kupang", "Kota Kupang", RegionKind::City});
    Regulation r;
    r.region_id = region;
    r.kind = "Peraturan Wali Kota";
    r.number = "1";
    r.year = 2024;
    r.title = "Baru";
    r.sha256 = std::string(64, 'f');
    const Id regulation = stores_->org().insert_regulation(r, "teks");
    stores_->org().insert_article({0, regulation, "Pasal 1", "", 1, 2, "x", 1});
    auto old_reg = *stores_->org().regulation(s.regulation);
    old_reg.status = RegulationStatus::Revoked;
    old_reg.revoked_by = regulation;
    stores_->org().update_regulation_status(old_reg);
    auto agency = *stores_->org().agency(s.agency);
    agency.name = "Badan Lain";
    stores_->org().update_agency(agency);
    auto unit = *stores_->org().unit(s.unit);
    unit.abolished = true;
    stores_->org().update_unit(unit);
    auto staff = *stores_->org().position(s.staff);
    staff.eselon = Eselon::parse("III.a");
    stores_->org().update_position(staff);
    auto e = *stores_->org().employee(budi);
    e.name = "Bambang Pamungkas";
    e.nip = "199001012015032001";
    stores_->org().update_employee(e);
    stores_->org().insert_employee(make_employee(region, "198503122010041001x", "Citra Dewi"));
    stores_->org().end_placement(placed, Date{2024, 1, 1});
    stores_->org().insert_placement({0, budi, s.head, Date{2024, 1, 2}, PlacementKind::Plt, {}});
    stores_->org().insert_structure_change(
        {0, s.agency, s.regulation, regulation, ChangeKind::Added, "Analis", "", ""});
    auto a = *stores_->identity().user_by_username("admin");
    a.username = "root";
    a.active = false;
    stores_->identity().update_user(a);
    User other;
    other.username = "budi";
    other.password_hash = "y";
    other.employee_id = budi;
    const Id other_id = stores_->identity().insert_user(other);
    stores_->identity().insert_session({"hash-2", other_id, "csrf-2", 5000});
    stores_->identity().delete_session("hash-1");
    stores_->identity().delete_expired_sessions(9999);
    stores_->identity().append_audit(
        {0, "", other_id, "budi", "update", "employee", "1", "{}", "{}"}, test_audit_hash);
    EXPECT_GT(stores_->org().registry_revision(), revision);
  }  // rolled back

  EXPECT_EQ(stores_->org().registry_revision(), revision);
  const auto regions = stores_->org().regions();
  ASSERT_EQ(regions.size(), 1u);
  EXPECT_EQ(regions[0].id, s.region);
  EXPECT_FALSE(stores_->org().region_by_code("kota-kupang"));
  EXPECT_FALSE(stores_->org().regulation_by_sha256(std::string(64, 'f')));
  EXPECT_EQ(stores_->org().regulations_of_region(s.region).size(), 1u);
  const auto reg = stores_->org().regulation(s.regulation);
  EXPECT_EQ(reg->status, RegulationStatus::InForce);
  EXPECT_FALSE(reg->revoked_by);
  EXPECT_EQ(stores_->org().articles_of_regulation(s.regulation).size(), 1u);
  EXPECT_EQ(stores_->org().agency(s.agency)->name, "Badan Pengelola Perbatasan Daerah");
  EXPECT_FALSE(stores_->org().unit(s.unit)->abolished);
  EXPECT_EQ(stores_->org().count_units(s.agency), 1);
  EXPECT_FALSE(stores_->org().position(s.staff)->eselon);
  EXPECT_EQ(stores_->org().employee(budi)->name, "Budi Santoso");
  EXPECT_EQ(stores_->org().employee_by_nip("198503122010041001")->id, budi);
  EXPECT_FALSE(stores_->org().employee_by_nip("199001012015032001"));
  EXPECT_EQ(stores_->org().count_employees(0), 1);
  EXPECT_EQ(search_names("budi"), std::vector<std::string>{"Budi Santoso"});
  EXPECT_TRUE(search_names("bambang").empty());
  EXPECT_EQ(search_names("1990"), std::vector<std::string>{});
  const auto placements = stores_->org().placements_of_employee(budi);
  ASSERT_EQ(placements.size(), 1u);
  EXPECT_FALSE(placements[0].end);
  EXPECT_TRUE(stores_->org().holders_of_position(s.head).empty());
  EXPECT_EQ(stores_->org().holders_of_position(s.staff).size(), 1u);
  EXPECT_TRUE(stores_->org().structure_changes_of_agency(s.agency).empty());
  const auto users = stores_->identity().users();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].username, "admin");
  EXPECT_TRUE(users[0].active);
  EXPECT_FALSE(stores_->identity().user_by_username("root"));
  EXPECT_FALSE(stores_->identity().user_by_username("budi"));
  EXPECT_TRUE(stores_->identity().session_with_user("hash-1"));
  EXPECT_FALSE(stores_->identity().session_with_user("hash-2"));
  EXPECT_EQ(stores_->identity().audit_log({}).size(), 1u);

  // The keys the rolled-back transaction took are free again.
  EXPECT_GT(stores_->org().insert_region({0, "kota-kupang", "Kota Kupang", RegionKind::City}), 0);
  EXPECT_GT(stores_->org().insert_employee(
                make_employee(s.region, "199001012015032001", "Bambang Pamungkas")),
            0);
  User again;
  again.username = "root";
  again.password_hash = "z";
  EXPECT_GT(stores_->identity().insert_user(again), 0);
  EXPECT_EQ(search_names("bambang"), std::vector<std::string>{"Bambang Pamungkas"});
}

// The revision moves when a transaction's changes are committed, and neither on a rollback nor on
// a refused write nor on reads.
TEST_P(OrgStoreTest, RegistryRevisionMovesOnCommitOnly) {
  const Seed s = seed();
  const std::int64_t r0 = stores_->org().registry_revision();
  stores_->org().regions();
  stores_->org().search_employees("budi", 0, {});
  stores_->org().units_with_heads(s.agency);
  EXPECT_EQ(stores_->org().registry_revision(), r0);
  {
    Transaction tx(stores_->transactions());
    stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
    auto unit = *stores_->org().unit(s.unit);
    unit.name = "Sekretariat Badan";
    stores_->org().update_unit(unit);
  }  // rolled back
  EXPECT_EQ(stores_->org().registry_revision(), r0);
  EXPECT_EQ(error_kind([&] {
              stores_->org().insert_region(
                  {0, "provinsi-ntt", "Provinsi Nusa Tenggara Timur", RegionKind::Province});
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(stores_->org().registry_revision(), r0);
  Id budi = 0;
  {
    Transaction tx(stores_->transactions());
    budi = stores_->org().insert_employee(
        make_employee(s.region, "198503122010041001", "Budi Santoso"));
    tx.commit();
  }
  const std::int64_t r1 = stores_->org().registry_revision();
  EXPECT_GT(r1, r0);
  stores_->org().end_placement(
      stores_->org().insert_placement(
          {0, budi, s.head, Date{2024, 1, 2}, PlacementKind::Definitive, {}}),
      Date{2024, 6, 1});
  EXPECT_GT(stores_->org().registry_revision(), r1);
}

// Commit without a transaction is an error; a rollback without one does nothing; after a
// rollback a new transaction can begin.
TEST_P(OrgStoreTest, TransactionsBeginAgainAfterTheyEnd) {
  auto& t = stores_->transactions();
  EXPECT_THROW(t.commit(), DatabaseError);
  t.rollback();
  t.begin();
  stores_->org().insert_region({0, "kota-kupang", "Kota Kupang", RegionKind::City});
  t.rollback();
  t.begin();
  stores_->org().insert_region({0, "kota-batam", "Kota Batam", RegionKind::City});
  t.commit();
  EXPECT_THROW(t.commit(), DatabaseError);
  const auto regions = stores_->org().regions();
  ASSERT_EQ(regions.size(), 1u);
  EXPECT_EQ(regions[0].code, "kota-batam");
}

// The revision of a scope as another connection (another process) sees it: through a second
// connection to the same database on SQL; memory has one store, read directly. A scope that never
// changed is at 0.
class ScopeWatch {
 public:
  explicit ScopeWatch(testing::TestBackend& b) {
    if (b.connection() != nullptr) {
      conn_ = storage::open_database(b.url());
      sql_ = std::make_unique<persistence::SqlStores>(*conn_);
      store_ = &sql_->org();
    } else {
      store_ = &b.org();
    }
  }
  std::int64_t operator()(const std::string& scope) {
    for (const auto& r : store_->scope_revisions({scope}, std::nullopt))
      if (r.scope == scope) return r.revision;
    return 0;
  }

 private:
  std::unique_ptr<storage::Connection> conn_;
  std::unique_ptr<persistence::SqlStores> sql_;
  OrgStore* store_ = nullptr;
};

TEST_P(OrgStoreTest, ScopeRevisionsMoveWithWhatTheyScope) {
  const Seed s = seed();
  Agency other;
  other.region_id = s.region;
  other.regulation_id = s.regulation;
  other.name = "Dinas Pariwisata";
  other.kind = AgencyKind::Dinas;
  const Id b = stores_->org().insert_agency(other);
  Unit bu;
  bu.agency_id = b;
  bu.name = "Sekretariat";
  bu.kind = UnitKind::Sekretariat;
  const Id b_unit = stores_->org().insert_unit(bu);
  ScopeWatch rev(*stores_);
  const std::string a_scope = "agency/" + std::to_string(s.agency);
  const std::string b_scope = "agency/" + std::to_string(b);
  struct Snapshot {
    std::int64_t a, b, people, regulations;
  };
  const auto snap = [&] {
    return Snapshot{rev(a_scope), rev(b_scope), rev("people"), rev("regulations")};
  };
  const Snapshot s0 = snap();
  EXPECT_GT(s0.a, 0);
  EXPECT_GT(s0.b, 0);
  EXPECT_GT(s0.regulations, 0);

  // A unit of agency A: A only.
  auto unit = stores_->org().unit(s.unit);
  unit->name = "Sekretariat Badan";
  stores_->org().update_unit(*unit);
  const Snapshot s1 = snap();
  EXPECT_GT(s1.a, s0.a);
  EXPECT_EQ(s1.b, s0.b);
  EXPECT_EQ(s1.people, s0.people);
  EXPECT_EQ(s1.regulations, s0.regulations);

  // A person: people only; placed in A's position: people and A (a chart shows vacancies).
  const Id e =
      stores_->org().insert_employee(make_employee(s.region, "196703251997032002", "Siti"));
  const Snapshot s2 = snap();
  EXPECT_GT(s2.people, s1.people);
  EXPECT_EQ(s2.a, s1.a);
  EXPECT_EQ(s2.b, s1.b);
  stores_->org().insert_placement({0, e, s.staff, Date{2024, 1, 2}, PlacementKind::Definitive, {}});
  const Snapshot s3 = snap();
  EXPECT_GT(s3.people, s2.people);
  EXPECT_GT(s3.a, s2.a);
  EXPECT_EQ(s3.b, s2.b);

  // A position's summary: A only; its title: A and people (the search shows titles).
  auto staff = *stores_->org().position(s.staff);
  staff.summary = "Menyiapkan bahan.";
  stores_->org().update_position(staff);
  const Snapshot s4 = snap();
  EXPECT_GT(s4.a, s3.a);
  EXPECT_EQ(s4.people, s3.people);
  EXPECT_EQ(s4.b, s3.b);
  staff.title = "Kepala Sub Bagian Umum dan Kepegawaian";
  stores_->org().update_position(staff);
  const Snapshot s5 = snap();
  EXPECT_GT(s5.a, s4.a);
  EXPECT_GT(s5.people, s4.people);
  EXPECT_EQ(s5.b, s4.b);

  // An article: regulations only.
  stores_->org().insert_article({0, s.regulation, "Pasal 2", "BAB I > Pasal 2", 4, 5, "Teks.", 2});
  const Snapshot s6 = snap();
  EXPECT_GT(s6.regulations, s5.regulations);
  EXPECT_EQ(s6.a, s5.a);
  EXPECT_EQ(s6.b, s5.b);
  EXPECT_EQ(s6.people, s5.people);

  // A change to B rolled back: B stays.
  {
    Transaction tx(stores_->transactions());
    auto u = *stores_->org().unit(b_unit);
    u.name = "Tidak jadi";
    stores_->org().update_unit(u);
  }
  EXPECT_EQ(rev(b_scope), s6.b);

  // Several changes to A in one transaction: seen at commit; PostgreSQL moves A once.
  {
    Transaction tx(stores_->transactions());
    for (const char* name : {"A", "B", "C"}) {
      unit->name = name;
      stores_->org().update_unit(*unit);
    }
    // Not committed yet: another connection sees nothing (memory has no other connection).
    if (GetParam() != "memory") {
      EXPECT_EQ(rev(a_scope), s6.a);
    }
    tx.commit();
  }
  if (GetParam() == "postgresql") {
    EXPECT_EQ(rev(a_scope), s6.a + 1);
  } else {
    EXPECT_GT(rev(a_scope), s6.a + 2);
  }
  EXPECT_EQ(rev(b_scope), s6.b);

  // One query reads several scopes, and the scope of a position's agency.
  const auto both = stores_->org().scope_revisions({"people", "registry"}, s.staff);
  ASSERT_EQ(both.size(), 3u);
  EXPECT_EQ(both[0].scope, a_scope);
  EXPECT_EQ(both[0].revision, rev(a_scope));
  EXPECT_EQ(both[1].scope, "people");
  EXPECT_EQ(both[2].scope, "registry");
  EXPECT_EQ(both[2].revision, stores_->org().registry_revision());
  EXPECT_EQ(stores_->org().scope_revisions({}, 999999).size(), 0u);

  // Every scope that changed, sorted, each at the revision the one-scope reads give.
  const auto all = stores_->org().all_scope_revisions();
  ASSERT_GE(all.size(), 4u);  // both agencies, people, registry
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].scope, all[i].scope);
  std::map<std::string, std::int64_t> by_scope;
  for (const auto& r : all) by_scope[r.scope] = r.revision;
  EXPECT_EQ(by_scope.at(a_scope), rev(a_scope));
  EXPECT_EQ(by_scope.at(b_scope), rev(b_scope));
  EXPECT_EQ(by_scope.at("people"), rev("people"));
  EXPECT_EQ(by_scope.at("registry"), stores_->org().registry_revision());
}

TEST_P(OrgStoreTest, ChartAndUnitTreeLevelByLevel) {
  const Seed s = seed();
  Unit child;
  child.agency_id = s.agency;
  child.parent_id = s.unit;
  child.name = "Sub Bagian Umum";
  child.kind = UnitKind::SubBagian;
  child.ordinal = 1;
  const Id child_id = stores_->org().insert_unit(child);
  child.name = "Sub Bagian Keuangan";
  child.ordinal = 2;
  child.abolished = true;
  stores_->org().insert_unit(child);  // abolished: neither listed nor counted
  Position more;
  more.agency_id = s.agency;
  more.superior_id = s.head;
  more.title = "Analis Kebijakan";
  more.kind = PositionKind::Fungsional;
  more.ordinal = 2;
  const Id analyst = stores_->org().insert_position(more);
  const Id e =
      stores_->org().insert_employee(make_employee(s.region, "196703251997032002", "Siti"));
  stores_->org().insert_placement({0, e, s.staff, Date{2024, 1, 2}, PlacementKind::Definitive, {}});

  const auto tops = stores_->org().chart_tops(s.agency, Page{}, true);
  ASSERT_EQ(tops.size(), 1u);
  EXPECT_EQ(tops[0].brief.id, s.head);
  EXPECT_EQ(tops[0].subordinate_count, 2);
  EXPECT_FALSE(tops[0].holder_name);
  const auto subs = stores_->org().chart_subordinates(s.agency, s.head, Page{}, true);
  ASSERT_EQ(subs.size(), 2u);
  EXPECT_EQ(subs[0].brief.id, s.staff);
  EXPECT_EQ(subs[0].unit_name, "Sekretariat");
  EXPECT_EQ(subs[0].holder_name.value_or(""), "Siti");
  EXPECT_EQ(subs[1].brief.id, analyst);
  const auto second = stores_->org().chart_subordinates(s.agency, s.head, Page{1, 1}, true);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].brief.id, analyst);
  EXPECT_EQ(stores_->org().chart_position(s.agency, s.staff, true)->brief.title,
            "Kepala Sub Bagian Umum – Ç");
  EXPECT_FALSE(stores_->org().chart_position(s.agency + 1000, s.staff, true));

  const auto top_units = stores_->org().unit_children(s.agency, std::nullopt, Page{});
  ASSERT_EQ(top_units.size(), 1u);
  EXPECT_EQ(top_units[0].unit.id, s.unit);
  EXPECT_EQ(top_units[0].child_count, 1);
  EXPECT_EQ(top_units[0].head_position_id, s.staff);
  const auto under = stores_->org().unit_children(s.agency, s.unit, Page{});
  ASSERT_EQ(under.size(), 1u);
  EXPECT_EQ(under[0].unit.id, child_id);
  EXPECT_EQ(under[0].child_count, 0);

  // The counts follow moves and abolitions (kept by triggers).
  auto a = *stores_->org().position(analyst);
  a.superior_id = s.staff;
  stores_->org().update_position(a);
  EXPECT_EQ(stores_->org().chart_position(s.agency, s.head, true)->subordinate_count, 1);
  EXPECT_EQ(stores_->org().chart_position(s.agency, s.staff, true)->subordinate_count, 1);
  a.abolished = true;
  stores_->org().update_position(a);
  EXPECT_EQ(stores_->org().chart_position(s.agency, s.staff, true)->subordinate_count, 0);
  auto c = *stores_->org().unit(child_id);
  c.parent_id = std::nullopt;
  stores_->org().update_unit(c);
  EXPECT_EQ(stores_->org().unit_children(s.agency, std::nullopt, Page{})[0].child_count, 0);
  EXPECT_EQ(stores_->org().unit_children(s.agency, std::nullopt, Page{}).size(), 2u);
  // Read without holders, a held position is still told apart from a vacant one.
  const auto anonymous = stores_->org().chart_subordinates(s.agency, s.head, Page{}, false);
  ASSERT_EQ(anonymous.size(), 1u);
  EXPECT_TRUE(anonymous[0].holder_name.has_value());
  EXPECT_FALSE(stores_->org().chart_tops(s.agency, Page{}, false)[0].holder_name.has_value());
}

TEST_P(OrgStoreTest, PositionBriefsPageFiltersInTheDatabase) {
  const Seed s = seed();
  Position p;
  p.agency_id = s.agency;
  p.superior_id = s.head;
  p.kind = PositionKind::Fungsional;
  for (const char* title : {"Analis 100% Kebijakan", "Analis_Data", "Pranata Komputer"}) {
    p.title = title;
    ++p.ordinal;
    stores_->org().insert_position(p);
  }
  const auto all = stores_->org().position_briefs_page(s.agency, {}, Page{2, 0});
  EXPECT_EQ(all.total, 5);
  ASSERT_EQ(all.items.size(), 2u);
  EXPECT_EQ(all.items[0].id, s.head);
  EXPECT_EQ(stores_->org().position_briefs_page(s.agency, {}, Page{2, 4}).items.size(), 1u);
  org::PositionFilter f;
  f.title_contains = "ANALIS";
  EXPECT_EQ(stores_->org().position_briefs_page(s.agency, f, Page{}).total, 2);
  f.title_contains = "100%";
  EXPECT_EQ(stores_->org().position_briefs_page(s.agency, f, Page{}).total, 1);
  f.title_contains = "s_d";
  EXPECT_EQ(stores_->org().position_briefs_page(s.agency, f, Page{}).total, 1);
  f.title_contains = "s%d";
  EXPECT_EQ(stores_->org().position_briefs_page(s.agency, f, Page{}).total, 0);
  org::PositionFilter by_kind;
  by_kind.kind = PositionKind::Fungsional;
  EXPECT_EQ(stores_->org().position_briefs_page(s.agency, by_kind, Page{}).total, 3);
  org::PositionFilter by_unit;
  by_unit.unit_id = s.unit;
  const auto in_unit = stores_->org().position_briefs_page(s.agency, by_unit, Page{});
  ASSERT_EQ(in_unit.items.size(), 1u);
  EXPECT_EQ(in_unit.items[0].id, s.staff);
}

TEST_P(OrgStoreTest, SearchCountStopsAtItsBound) {
  const Seed s = seed();
  stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Sita Sitorus"));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041002", "Sitti Rahma"));
  stores_->org().insert_employee(make_employee(s.region, "198503122010041003", "Budi Sitompul"));
  const auto all = stores_->org().count_search_employees_up_to("sit", 0, 100);
  EXPECT_EQ(all.count, 3);
  EXPECT_FALSE(all.at_least);
  const auto some = stores_->org().count_search_employees_up_to("sit", 0, 2);
  EXPECT_LE(some.count, 2);
  EXPECT_TRUE(some.at_least);
}

// Issue 11: the people list's filters (agency, unit, rank, kind, with the region and the query),
// their counts and paging, and the vacant positions of an agency.
TEST_P(OrgStoreTest, SearchFiltersByAgencyUnitRankAndKind) {
  const Seed s = seed();
  auto& org = stores_->org();
  Id other = org.insert_region({0, "kota-kupang", "Kota Kupang", RegionKind::City});
  auto person = [&](Id region, const char* nip, const char* name, EmployeeKind kind,
                    const char* rank) {
    Employee e = make_employee(region, nip, name);
    e.kind = kind;
    e.rank = rank;
    return org.insert_employee(e);
  };
  const Id ana = person(s.region, "198503122010042001", "Budi Ana", EmployeeKind::Pns, "IV/a");
  const Id bela = person(s.region, "198503122010042002", "Budi Bela", EmployeeKind::Pppk, "IX");
  const Id cici = person(s.region, "198503122010042003", "Budi Cici", EmployeeKind::Pns, "III/b");
  const Id dodi = person(s.region, "198503122010042004", "Budi Dodi", EmployeeKind::Pns, "III/b");
  person(other, "198503122010042005", "Budi Elo", EmployeeKind::Pns, "III/b");
  org.insert_placement({0, ana, s.head, Date{2020, 1, 1}, PlacementKind::Definitive, {}});
  org.insert_placement({0, bela, s.staff, Date{2021, 1, 1}, PlacementKind::Plt, {}});
  const Id ended =
      org.insert_placement({0, dodi, s.staff, Date{2019, 1, 1}, PlacementKind::Definitive, {}});
  org.end_placement(ended, Date{2020, 1, 1});
  (void)cici;

  auto names = [&](const std::string& q, const PeopleFilter& f, Page page = {}) {
    std::vector<std::string> out;
    for (const auto& h : org.search_employees(q, f, page)) out.push_back(h.employee.name);
    return out;
  };
  using V = std::vector<std::string>;
  // The SQL store reads a small agency's people as a set and checks a large one's per person:
  // both forms give the same answers (the second run takes every agency as large).
  auto check = [&] {
    PeopleFilter by_agency;
    by_agency.agency_id = s.agency;
    EXPECT_EQ(names("budi", by_agency), (V{"Budi Ana", "Budi Bela"}));  // an ended placement: no
    EXPECT_EQ(names("", by_agency), (V{"Budi Ana", "Budi Bela"}));
    EXPECT_EQ(names("1985031220100420", by_agency), (V{"Budi Ana", "Budi Bela"}));
    PeopleFilter by_unit;
    by_unit.unit_id = s.unit;
    EXPECT_EQ(names("", by_unit), (V{"Budi Bela"}));
    PeopleFilter by_kind;
    by_kind.kind = EmployeeKind::Pppk;
    EXPECT_EQ(names("budi", by_kind), (V{"Budi Bela"}));
    PeopleFilter by_rank;
    by_rank.rank = "III/b";
    EXPECT_EQ(names("", by_rank), (V{"Budi Cici", "Budi Dodi", "Budi Elo"}));
    by_rank.region_id = s.region;
    EXPECT_EQ(names("bud", by_rank), (V{"Budi Cici", "Budi Dodi"}));
    // A combination: the agency's civil servants (PNS) only.
    PeopleFilter combined;
    combined.agency_id = s.agency;
    combined.kind = EmployeeKind::Pns;
    EXPECT_EQ(names("budi", combined), (V{"Budi Ana"}));
    EXPECT_EQ(org.count_search_employees("budi", combined), 1);
    combined.rank = "III/b";
    EXPECT_TRUE(names("budi", combined).empty());
    EXPECT_EQ(org.count_search_employees_up_to("", combined, 10).count, 0);
    // The hit names its agency and the agency's region.
    const auto hits = org.search_employees("bela", by_agency, {});
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].agency_id, s.agency);
    EXPECT_EQ(hits[0].agency_region_id, s.region);
    EXPECT_EQ(hits[0].placement_kind, "plt");
    // Counts with a filter.
    PeopleFilter pns;
    pns.kind = EmployeeKind::Pns;
    EXPECT_EQ(org.count_search_employees("budi", pns), 4);
    const auto bounded = org.count_search_employees_up_to("budi", pns, 2);
    EXPECT_EQ(bounded.count, 2);
    EXPECT_TRUE(bounded.at_least);
    // Paging across pages gives every match once, in order.
    V paged;
    for (int offset = 0; offset < 10; offset += 3) {
      for (auto& n : names("budi", pns, Page{3, offset})) paged.push_back(n);
    }
    EXPECT_EQ(paged, (V{"Budi Ana", "Budi Cici", "Budi Dodi", "Budi Elo"}));
    // A filter only leaves people out: the same order as without it.
    V all = names("budi", PeopleFilter{});
    std::erase_if(all, [](const std::string& n) { return n == "Budi Bela"; });
    EXPECT_EQ(all, paged);
  };
  check();
  if (auto* sql = dynamic_cast<SqlOrgStore*>(&org)) {
    sql->set_small_agency_positions(0);
    check();
  }
}

TEST_P(OrgStoreTest, PositionBriefsPageListsVacantPositions) {
  const Seed s = seed();
  auto& org = stores_->org();
  const Id budi = org.insert_employee(make_employee(s.region, "198503122010041001", "Budi"));
  PositionFilter vacant;
  vacant.vacant_only = true;
  auto ids = [&](const PositionFilter& f) {
    std::vector<Id> out;
    for (const auto& p : org.position_briefs_page(s.agency, f, Page{}).items) out.push_back(p.id);
    return out;
  };
  EXPECT_EQ(ids(vacant), (std::vector<Id>{s.head, s.staff}));
  const Id placed =
      org.insert_placement({0, budi, s.head, Date{2020, 1, 1}, PlacementKind::Plt, {}});
  EXPECT_EQ(ids(vacant), (std::vector<Id>{s.staff}));
  EXPECT_EQ(org.position_briefs_page(s.agency, vacant, Page{}).total, 1);
  vacant.unit_id = s.unit;
  EXPECT_EQ(ids(vacant), (std::vector<Id>{s.staff}));
  vacant.unit_id.reset();
  org.end_placement(placed, Date{2021, 1, 1});
  EXPECT_EQ(ids(vacant), (std::vector<Id>{s.head, s.staff}));
}

INSTANTIATE_TEST_SUITE_P(Backends, OrgStoreTest,
                         ::testing::Values("sqlite", "postgresql", "memory"),
                         testing::backend_name);

// Issue 11: IKI tables round-trip with their rows in order, by regulation and by position; a
// table may name no stored position; a row's formula kind outside the four is refused.
TEST_P(OrgStoreTest, IkiTablesRoundTripByRegulationAndPosition) {
  const Seed s = seed();
  IkiRow ratio;
  ratio.number = "1.";
  ratio.sasaran = "Meningkatnya realisasi penyerapan keuangan";
  ratio.indikator = "Tingkat realisasi penyerapan keuangan";
  ratio.formula_kind = "ratio";
  ratio.formula_text = "Realisasi / Anggaran × 100%";
  ratio.formula_written = R"($\frac{\text{Realisasi}}{\text{Anggaran}} \times 100\%$)";
  ratio.numerator = "Realisasi";
  ratio.denominator = "Anggaran";
  ratio.percent = true;
  ratio.sumber_data = "DPA, SPJ, BKU";
  ratio.first_line = 122;
  ratio.last_line = 123;
  IkiRow count;
  count.number = "2.";
  count.sasaran = ratio.sasaran;
  count.sasaran_carried = true;
  count.indikator = "Jumlah dokumen";
  count.formula_kind = "count";
  count.formula_text = count.formula_written = "Jumlah Dokumen";
  count.sumber_data = "Data pada Bidang";
  count.first_line = count.last_line = 124;

  IkiTable staff;
  staff.regulation_id = s.regulation;
  staff.position_id = s.staff;
  staff.position_title = "Sekretaris";
  staff.first_line = 120;
  staff.last_line = 124;
  staff.ordinal = 2;
  staff.rows = {ratio, count};
  IkiTable head;
  head.regulation_id = s.regulation;
  head.position_id = s.head;
  head.position_title = "Kepala Badan";
  head.first_line = 105;
  head.last_line = 108;
  head.ordinal = 1;
  head.rows = {count};
  IkiTable loose = head;
  loose.position_id = std::nullopt;
  loose.position_title = "Jabatan yang tidak tersimpan";
  loose.ordinal = 3;
  loose.rows = {};
  // Storing a table moves the registry revision and the scope 'regulations' (a position's page
  // reads it), no agency's and not people's.
  ScopeWatch rev(*stores_);
  const std::string agency_scope = "agency/" + std::to_string(s.agency);
  const auto before_regulations = rev("regulations");
  const auto before_agency = rev(agency_scope);
  const auto before_people = rev("people");
  const auto before_registry = stores_->org().registry_revision();
  const Id staff_id = stores_->org().insert_iki_table(staff);
  EXPECT_GT(rev("regulations"), before_regulations);
  EXPECT_EQ(rev(agency_scope), before_agency);
  EXPECT_EQ(rev("people"), before_people);
  EXPECT_GT(stores_->org().registry_revision(), before_registry);
  const Id head_id = stores_->org().insert_iki_table(head);
  const Id loose_id = stores_->org().insert_iki_table(loose);
  EXPECT_LT(staff_id, head_id);
  EXPECT_LT(head_id, loose_id);

  const auto of_regulation = stores_->org().iki_tables_of_regulation(s.regulation);
  ASSERT_EQ(of_regulation.size(), 3u);
  EXPECT_EQ(of_regulation[0].id, head_id);  // by ordinal
  EXPECT_EQ(of_regulation[1].id, staff_id);
  EXPECT_EQ(of_regulation[2].id, loose_id);
  EXPECT_FALSE(of_regulation[2].position_id);
  EXPECT_TRUE(of_regulation[2].rows.empty());

  const auto of_staff = stores_->org().iki_tables_of_position(s.staff);
  ASSERT_EQ(of_staff.size(), 1u);
  const IkiTable& t = of_staff[0];
  EXPECT_EQ(t.id, staff_id);
  EXPECT_EQ(t.regulation_id, s.regulation);
  EXPECT_EQ(t.position_id, s.staff);
  EXPECT_EQ(t.position_title, "Sekretaris");
  EXPECT_EQ(t.first_line, 120);
  EXPECT_EQ(t.last_line, 124);
  EXPECT_EQ(t.ordinal, 2);
  ASSERT_EQ(t.rows.size(), 2u);
  const IkiRow& r = t.rows[0];
  EXPECT_EQ(r.number, "1.");
  EXPECT_EQ(r.sasaran, ratio.sasaran);
  EXPECT_FALSE(r.sasaran_carried);
  EXPECT_EQ(r.indikator, ratio.indikator);
  EXPECT_EQ(r.formula_kind, "ratio");
  EXPECT_EQ(r.formula_text, "Realisasi / Anggaran × 100%");
  EXPECT_EQ(r.formula_written, R"($\frac{\text{Realisasi}}{\text{Anggaran}} \times 100\%$)");
  EXPECT_EQ(r.numerator, "Realisasi");
  EXPECT_EQ(r.denominator, "Anggaran");
  EXPECT_TRUE(r.percent);
  EXPECT_EQ(r.sumber_data, "DPA, SPJ, BKU");
  EXPECT_EQ(r.first_line, 122);
  EXPECT_EQ(r.last_line, 123);
  EXPECT_EQ(t.rows[1].number, "2.");
  EXPECT_TRUE(t.rows[1].sasaran_carried);
  EXPECT_FALSE(t.rows[1].percent);
  EXPECT_EQ(t.rows[1].formula_kind, "count");

  EXPECT_TRUE(stores_->org().iki_tables_of_position(999999).empty());
  EXPECT_TRUE(stores_->org().iki_tables_of_regulation(999999).empty());

  IkiTable bad = staff;
  bad.rows[0].formula_kind = "rumus";
  EXPECT_EQ(error_kind([&] { stores_->org().insert_iki_table(bad); }),
            DatabaseError::Kind::Constraint);
  IkiTable orphan = staff;
  orphan.position_id = 999999;
  EXPECT_EQ(error_kind([&] { stores_->org().insert_iki_table(orphan); }),
            DatabaseError::Kind::Constraint);
}

// Issue 11: a chart's position lists every current holder with the kind of placement, definitive
// first; without holders the kinds alone (a Plt is still told from a definitive holder).
TEST_P(OrgStoreTest, ChartPositionsListHoldersWithTheirPlacementKind) {
  const Seed s = seed();
  const Id ani =
      stores_->org().insert_employee(make_employee(s.region, "199001012015032002", "Ani Lestari"));
  const Id budi =
      stores_->org().insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  stores_->org().insert_placement({0, ani, s.staff, Date{2024, 2, 1}, PlacementKind::Plt, {}});
  auto node = stores_->org().chart_position(s.agency, s.staff, true);
  ASSERT_TRUE(node);
  ASSERT_EQ(node->holders.size(), 1u);
  EXPECT_EQ(node->holders[0].kind, PlacementKind::Plt);
  EXPECT_EQ(node->holders[0].name, "Ani Lestari");
  EXPECT_EQ(node->holder_name.value_or(""), "Ani Lestari");

  stores_->org().insert_placement(
      {0, budi, s.staff, Date{2024, 3, 1}, PlacementKind::Definitive, {}});
  stores_->org().insert_placement({0, ani, s.head, Date{2024, 4, 1}, PlacementKind::Plh, {}});
  const auto subs = stores_->org().chart_subordinates(s.agency, s.head, Page{}, true);
  ASSERT_EQ(subs.size(), 1u);
  ASSERT_EQ(subs[0].holders.size(), 2u);
  EXPECT_EQ(subs[0].holders[0].kind, PlacementKind::Definitive);  // definitive first
  EXPECT_EQ(subs[0].holders[0].name, "Budi Santoso");
  EXPECT_EQ(subs[0].holders[1].kind, PlacementKind::Plt);
  EXPECT_EQ(subs[0].holders[1].name, "Ani Lestari");
  EXPECT_EQ(subs[0].holder_name.value_or(""), "Budi Santoso");
  const auto tops = stores_->org().chart_tops(s.agency, Page{}, true);
  ASSERT_EQ(tops.size(), 1u);
  ASSERT_EQ(tops[0].holders.size(), 1u);
  EXPECT_EQ(tops[0].holders[0].kind, PlacementKind::Plh);

  // Without holders: the kinds, no names.
  const auto anonymous = stores_->org().chart_subordinates(s.agency, s.head, Page{}, false);
  ASSERT_EQ(anonymous[0].holders.size(), 2u);
  EXPECT_EQ(anonymous[0].holders[1].kind, PlacementKind::Plt);
  EXPECT_EQ(anonymous[0].holders[0].name, "");
  EXPECT_EQ(anonymous[0].holders[1].name, "");
}

}  // namespace
}  // namespace tatakerja::org
