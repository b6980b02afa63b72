// The store's conformance suite: every RegistryStore method, the drivers' error mapping,
// transactions and migrations, run unchanged on SQLite and on PostgreSQL (value-parameterised over
// "sqlite" and "postgresql"). Each test gets a fresh database: a temporary SQLite file, or a new
// PostgreSQL database created through the server named by TATAKERJA_TEST_POSTGRES_URL (ctest starts
// a throwaway server and sets it; without it the postgresql tests fail, they are never skipped).
// A few plain tests cover the helpers behind the search and the PostgreSQL placeholder rewriting.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include "org/registry_store.hpp"
#include "storage/database.hpp"
#include "storage/drivers.hpp"
#include "storage/migrations.hpp"

namespace tatakerja::org {
namespace {

using namespace tatakerja::storage;  // the drivers and migrations under test
using identity::Role;
using identity::User;
using org::Agency;
using org::ChangeKind;
using org::Employee;
using org::EmployeeKind;
using org::PlacementKind;
using org::Position;
using org::RegionKind;
using org::Regulation;
using org::RegulationStatus;
using org::Sex;
using org::Unit;
namespace fs = std::filesystem;

std::string random_suffix() {
  static std::mt19937_64 rng{
      std::random_device{}() ^
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count())};
  const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string s;
  for (int i = 0; i < 12; ++i) s += digits[rng() % 36];
  return s;
}

// The URL with its database name (the path after host:port) replaced.
std::string with_database(const std::string& url, const std::string& db) {
  auto scheme = url.find("://");
  auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  auto query = url.find('?', slash == std::string::npos ? 0 : slash);
  std::string base = slash == std::string::npos ? url.substr(0, query) : url.substr(0, slash);
  std::string rest = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + db + rest;
}

// A fresh, migrated database of one dialect; dropped (or deleted) at destruction.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& dialect) {
    if (dialect == "sqlite") {
      path_ = (fs::temp_directory_path() / ("tatakerja-store-" + random_suffix() + ".db")).string();
      url_ = path_;
    } else {
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
      auto admin = open_database(maintenance_url_);
      admin->execute_script("CREATE DATABASE " + name_);
      url_ = with_database(maintenance_url_, name_);
    }
  }
  ~TestDatabase() {
    try {
      if (!path_.empty()) {
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
      }
      if (!name_.empty()) {
        auto admin = open_database(maintenance_url_);
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

// Ids of a small registry: one region, regulation, article, agency, unit and two positions.
struct Seed {
  Id region = 0, regulation = 0, article = 0, agency = 0, unit = 0, head = 0, staff = 0;
};

Employee make_employee(Id region, std::string nip, std::string name) {
  Employee e;
  e.region_id = region;
  e.nip = std::move(nip);
  e.name = std::move(name);
  e.kind = EmployeeKind::Pns;
  e.birth_date = Date{1985, 3, 12};
  e.appointed_year = 2010;
  e.appointed_month = 4;
  e.sex = Sex::Male;
  e.rank = "III/b";
  return e;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TestDatabase>(GetParam());
    ASSERT_TRUE(db_->error().empty()) << db_->error();
    conn_ = open_database(db_->url());
    migrate(*conn_);
    store_ = std::make_unique<RegistryStore>(*conn_);
  }
  void TearDown() override {
    store_.reset();
    conn_.reset();
    db_.reset();
  }

  Seed seed() {
    Seed s;
    s.region = store_->insert_region(
        {0, "provinsi-ntt", "Provinsi Nusa Tenggara Timur", RegionKind::Province});
    Regulation r;
    r.region_id = s.region;
    r.kind = "Peraturan Gubernur";
    r.number = "12";
    r.year = 2023;
    r.title = "Kedudukan, Susunan Organisasi";
    r.sha256 = "aa" + std::string(62, '0');
    s.regulation = store_->insert_regulation(r, "PERATURAN GUBERNUR\nPasal 1");
    s.article = store_->insert_article(
        {0, s.regulation, "Pasal 1", "BAB I > Pasal 1", 1, 3, "Dalam Peraturan ini...", 1});
    Agency a;
    a.region_id = s.region;
    a.regulation_id = s.regulation;
    a.name = "Badan Pengelola Perbatasan Daerah";
    a.kind = "Badan";
    s.agency = store_->insert_agency(a);
    Unit u;
    u.agency_id = s.agency;
    u.name = "Sekretariat";
    u.kind = UnitKind::Sekretariat;
    s.unit = store_->insert_unit(u);
    Position head;
    head.agency_id = s.agency;
    head.title = "Kepala Badan";
    head.kind = PositionKind::JptPratama;
    s.head = store_->insert_position(head);
    Position staff;
    staff.agency_id = s.agency;
    staff.unit_id = s.unit;
    staff.superior_id = s.head;
    staff.title = "Kepala Sub Bagian Umum – Ç";
    staff.kind = PositionKind::Pengawas;
    staff.ordinal = 1;
    s.staff = store_->insert_position(staff);
    return s;
  }

  std::vector<std::string> search_names(const std::string& q, Id region = 0, Page page = {}) {
    std::vector<std::string> names;
    for (const auto& h : store_->search_employees(q, region, page)) {
      names.push_back(h.employee.name);
    }
    return names;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<Connection> conn_;
  std::unique_ptr<RegistryStore> store_;
};

template <typename F>
DatabaseError::Kind error_kind(F f) {
  try {
    f();
  } catch (const DatabaseError& e) {
    return e.kind();
  }
  ADD_FAILURE() << "no DatabaseError was thrown";
  return DatabaseError::Kind::Other;
}

TEST_P(StoreTest, DialectMatchesUrl) {
  EXPECT_EQ(conn_->dialect(), GetParam() == "sqlite" ? Dialect::Sqlite : Dialect::Postgres);
}

TEST_P(StoreTest, MigrateTwiceIsNoOp) {
  EXPECT_EQ(schema_version(*conn_), latest_schema_version());
  EXPECT_GE(latest_schema_version(), 1);
  migrate(*conn_);
  migrate(*conn_);
  EXPECT_EQ(schema_version(*conn_), latest_schema_version());
  auto rows = conn_->query("SELECT COUNT(*), MIN(version) FROM schema_migrations");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].integer(0), latest_schema_version());
  EXPECT_EQ(rows[0].integer(1), 1);
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
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM schema_migrations")[0].integer(0),
            latest_schema_version());
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

TEST_P(StoreTest, RegionRoundTrip) {
  Id kupang =
      store_->insert_region({0, "kabupaten-kupang", "Kabupaten Kupang", RegionKind::Regency});
  Id batam = store_->insert_region({0, "kota-batam", "Kota Batam", RegionKind::City});
  EXPECT_NE(kupang, batam);
  auto r = store_->region(batam);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->id, batam);
  EXPECT_EQ(r->code, "kota-batam");
  EXPECT_EQ(r->name, "Kota Batam");
  EXPECT_EQ(r->kind, RegionKind::City);
  auto by_code = store_->region_by_code("kabupaten-kupang");
  ASSERT_TRUE(by_code);
  EXPECT_EQ(by_code->id, kupang);
  EXPECT_EQ(by_code->kind, RegionKind::Regency);
  EXPECT_FALSE(store_->region(999999));
  EXPECT_FALSE(store_->region_by_code("tidak-ada"));
  auto all = store_->regions();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "Kabupaten Kupang");
  EXPECT_EQ(all[1].name, "Kota Batam");
  EXPECT_EQ(error_kind([&] {
              store_->insert_region({0, "kota-batam", "Kota Batam", RegionKind::City});
            }),
            DatabaseError::Kind::Constraint);
}

TEST_P(StoreTest, RegulationRoundTrip) {
  Id region = store_->insert_region({0, "provinsi-ntt", "Provinsi NTT", RegionKind::Province});
  Regulation old_reg;
  old_reg.region_id = region;
  old_reg.kind = "Peraturan Gubernur";
  old_reg.number = "";
  old_reg.title = "Tanpa nomor";
  old_reg.sha256 = std::string(64, 'b');
  Id old_id = store_->insert_regulation(old_reg, "");

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
  Id id = store_->insert_regulation(r, text);

  auto got = store_->regulation(id);
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
  EXPECT_EQ(store_->regulation_text(id), text);
  EXPECT_EQ(store_->regulation_text(old_id), "");
  EXPECT_FALSE(store_->regulation_text(999999));

  auto old_got = store_->regulation(old_id);
  ASSERT_TRUE(old_got);
  EXPECT_FALSE(old_got->year);
  EXPECT_FALSE(old_got->date);
  EXPECT_FALSE(old_got->revoked_by);
  EXPECT_TRUE(old_got->revoked_articles.empty());
  EXPECT_EQ(old_got->imported_at.size(), 20u) << old_got->imported_at;  // filled in, UTC

  EXPECT_EQ(store_->regulation_by_sha256(r.sha256)->id, id);
  EXPECT_FALSE(store_->regulation_by_sha256("ff"));
  EXPECT_EQ(store_->find_regulation(region, "Peraturan Gubernur", "12", 2023)->id, id);
  EXPECT_FALSE(store_->find_regulation(region, "Peraturan Gubernur", "12", 2022));
  auto list = store_->regulations_of_region(region);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, old_id);
  EXPECT_EQ(list[1].id, id);

  old_got->status = RegulationStatus::Revoked;
  old_got->revoked_by = id;
  old_got->revoked_articles = {"Pasal 9"};
  store_->update_regulation_status(*old_got);
  auto updated = store_->regulation(old_id);
  EXPECT_EQ(updated->status, RegulationStatus::Revoked);
  EXPECT_EQ(updated->revoked_by, id);
  EXPECT_EQ(updated->revoked_articles, std::vector<std::string>{"Pasal 9"});
  EXPECT_EQ(updated->title, "Tanpa nomor");

  EXPECT_EQ(error_kind([&] { store_->insert_regulation(r, "again"); }),
            DatabaseError::Kind::Constraint);
  Regulation orphan = r;
  orphan.sha256 = "cc";
  orphan.region_id = 999999;
  EXPECT_EQ(error_kind([&] { store_->insert_regulation(orphan, ""); }),
            DatabaseError::Kind::Constraint);
}

TEST_P(StoreTest, ArticlesAndFindings) {
  Seed s = seed();
  Id a2 = store_->insert_article({0, s.regulation, "Pasal 3", "BAB II > Pasal 3", 20, 28,
                                  "Kepala Sub Bagian Umum – Ç mempunyai tugas", 3});
  Id a1 = store_->insert_article({0, s.regulation, "Lampiran II", "Lampiran II", 40, 90, "", 2});
  auto got = store_->article(a2);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->regulation_id, s.regulation);
  EXPECT_EQ(got->label, "Pasal 3");
  EXPECT_EQ(got->path, "BAB II > Pasal 3");
  EXPECT_EQ(got->first_line, 20);
  EXPECT_EQ(got->last_line, 28);
  EXPECT_EQ(got->text, "Kepala Sub Bagian Umum – Ç mempunyai tugas");
  EXPECT_EQ(got->ordinal, 3);
  EXPECT_FALSE(store_->article(999999));
  auto list = store_->articles_of_regulation(s.regulation);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, s.article);
  EXPECT_EQ(list[1].id, a1);
  EXPECT_EQ(list[2].id, a2);

  Id f1 = store_->insert_finding(
      {0, s.regulation, "NUMBERING_GAP", "warning", 12, "Nomor pasal melompat – Ç"});
  Id f0 = store_->insert_finding({0, s.regulation, "MISSING_DATE", "error", 3, "Tanggal?"});
  auto findings = store_->findings_of_regulation(s.regulation);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].id, f0);
  EXPECT_EQ(findings[1].id, f1);
  EXPECT_EQ(findings[1].code, "NUMBERING_GAP");
  EXPECT_EQ(findings[1].severity, "warning");
  EXPECT_EQ(findings[1].line, 12);
  EXPECT_EQ(findings[1].message, "Nomor pasal melompat – Ç");
  EXPECT_EQ(findings[1].regulation_id, s.regulation);
  EXPECT_EQ(error_kind([&] {
              store_->insert_finding({0, s.regulation, "X", "fatal", 1, "severity unknown"});
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(error_kind([&] {
              store_->insert_article({0, 999999, "Pasal 1", "", 1, 1, "", 1});
            }),
            DatabaseError::Kind::Constraint);
}

TEST_P(StoreTest, AgencyRoundTrip) {
  Seed s = seed();
  Agency a;
  a.region_id = s.region;
  a.regulation_id = s.regulation;
  a.name = "Dinas Pendidikan – Ç";
  a.kind = "Dinas";
  a.type = "A";
  a.max_bidang = 4;
  a.tasks = "membantu Gubernur melaksanakan urusan pemerintahan";
  a.functions = {"perumusan kebijakan", "pelaksanaan kebijakan – Ç", ""};
  a.source_article = s.article;
  Id id = store_->insert_agency(a);
  auto got = store_->agency(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->region_id, s.region);
  EXPECT_EQ(got->regulation_id, s.regulation);
  EXPECT_EQ(got->name, a.name);
  EXPECT_EQ(got->kind, "Dinas");
  EXPECT_EQ(got->type, "A");
  EXPECT_EQ(got->max_bidang, 4);
  EXPECT_EQ(got->tasks, a.tasks);
  EXPECT_EQ(got->functions, a.functions);
  EXPECT_EQ(got->source_article, s.article);

  auto seeded = store_->agency(s.agency);
  ASSERT_TRUE(seeded);
  EXPECT_FALSE(seeded->max_bidang);
  EXPECT_FALSE(seeded->source_article);
  EXPECT_TRUE(seeded->functions.empty());

  got->name = "Dinas Pendidikan dan Kebudayaan";
  got->max_bidang.reset();
  got->functions = {"satu"};
  got->source_article.reset();
  store_->update_agency(*got);
  auto updated = store_->agency(id);
  EXPECT_EQ(updated->name, "Dinas Pendidikan dan Kebudayaan");
  EXPECT_FALSE(updated->max_bidang);
  EXPECT_EQ(updated->functions, std::vector<std::string>{"satu"});
  EXPECT_FALSE(updated->source_article);

  EXPECT_EQ(store_->agency_by_name(s.region, "Dinas Pendidikan dan Kebudayaan")->id, id);
  EXPECT_FALSE(store_->agency_by_name(s.region, "Dinas Pendidikan – Ç"));
  EXPECT_FALSE(store_->agency_by_name(999999, "Dinas Pendidikan dan Kebudayaan"));
  EXPECT_FALSE(store_->agency(999999));
  auto list = store_->agencies_of_region(s.region);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, s.agency);  // "Badan ..." before "Dinas ..."
  EXPECT_EQ(list[1].id, id);
  EXPECT_TRUE(store_->agencies_of_region(999999).empty());
}

TEST_P(StoreTest, UnitRoundTrip) {
  Seed s = seed();
  Unit u;
  u.agency_id = s.agency;
  u.parent_id = s.unit;
  u.name = "Sub Bagian Umum – Ç";
  u.kind = UnitKind::SubBagian;
  u.source_article = s.article;
  u.ordinal = 2;
  Id id = store_->insert_unit(u);
  auto got = store_->unit(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->agency_id, s.agency);
  EXPECT_EQ(got->parent_id, s.unit);
  EXPECT_EQ(got->name, u.name);
  EXPECT_EQ(got->kind, UnitKind::SubBagian);
  EXPECT_EQ(got->source_article, s.article);
  EXPECT_EQ(got->ordinal, 2);
  EXPECT_FALSE(store_->unit(s.unit)->parent_id);

  Unit kjf;
  kjf.agency_id = s.agency;
  kjf.name = "Kelompok Jabatan Fungsional";
  kjf.kind = UnitKind::KelompokJabatanFungsional;
  kjf.ordinal = 1;
  Id kjf_id = store_->insert_unit(kjf);
  auto list = store_->units_of_agency(s.agency, true);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, s.unit);
  EXPECT_EQ(list[1].id, kjf_id);
  EXPECT_EQ(list[2].id, id);
  EXPECT_EQ(list[1].kind, UnitKind::KelompokJabatanFungsional);

  got->name = "Bagian Umum";
  got->kind = UnitKind::Bagian;
  got->parent_id.reset();
  store_->update_unit(*got);
  auto updated = store_->unit(id);
  EXPECT_EQ(updated->name, "Bagian Umum");
  EXPECT_EQ(updated->kind, UnitKind::Bagian);
  EXPECT_FALSE(updated->parent_id);
  EXPECT_FALSE(store_->unit(999999));

  Unit orphan = u;
  orphan.parent_id = 999999;
  EXPECT_EQ(error_kind([&] { store_->insert_unit(orphan); }), DatabaseError::Kind::Constraint);
}

TEST_P(StoreTest, PositionRoundTrip) {
  Seed s = seed();
  Id duties_article = store_->insert_article(
      {0, s.regulation, "Lampiran III", "Lampiran III", 100, 200, "uraian", 9});
  Position p;
  p.agency_id = s.agency;
  p.unit_id = s.unit;
  p.superior_id = s.head;
  p.title = "Kepala Sub Bagian Umum – Ç";
  p.kind = PositionKind::Pengawas;
  p.eselon = "IV.a";
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
  Id id = store_->insert_position(p);
  auto got = store_->position(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->agency_id, s.agency);
  EXPECT_EQ(got->unit_id, s.unit);
  EXPECT_EQ(got->superior_id, s.head);
  EXPECT_EQ(got->title, p.title);
  EXPECT_EQ(got->kind, PositionKind::Pengawas);
  EXPECT_EQ(got->eselon, "IV.a");
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

  auto head = store_->position(s.head);
  ASSERT_TRUE(head);
  EXPECT_FALSE(head->unit_id);
  EXPECT_FALSE(head->superior_id);
  EXPECT_FALSE(head->appraiser_id);
  EXPECT_TRUE(head->duties.empty());

  got->abolished = true;
  got->title = "Kepala Sub Bagian Tata Usaha";
  got->superior_id.reset();
  got->duties = {};
  store_->update_position(*got);
  auto updated = store_->position(id);
  EXPECT_TRUE(updated->abolished);
  EXPECT_EQ(updated->title, "Kepala Sub Bagian Tata Usaha");
  EXPECT_FALSE(updated->superior_id);
  EXPECT_TRUE(updated->duties.empty());

  auto current = store_->positions_of_agency(s.agency);
  ASSERT_EQ(current.size(), 2u);
  EXPECT_EQ(current[0].id, s.head);
  EXPECT_EQ(current[1].id, s.staff);
  auto every = store_->positions_of_agency(s.agency, true);
  ASSERT_EQ(every.size(), 3u);
  EXPECT_EQ(every[2].id, id);
  EXPECT_FALSE(store_->position(999999));

  Position bad = p;
  bad.superior_id = 999999;
  EXPECT_EQ(error_kind([&] { store_->insert_position(bad); }), DatabaseError::Kind::Constraint);
  bad = p;
  bad.work_level = 7;
  EXPECT_EQ(error_kind([&] { store_->insert_position(bad); }), DatabaseError::Kind::Constraint);
}

TEST_P(StoreTest, EmployeeRoundTrip) {
  Seed s = seed();
  Employee e = make_employee(s.region, "198503122010042001", "Dra. Ni Luh Çahaya, M.Si.");
  e.kind = EmployeeKind::Pppk;
  e.sex = Sex::Female;
  e.rank = "IX";
  Id id = store_->insert_employee(e);
  auto got = store_->employee(id);
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
  EXPECT_EQ(store_->employee_by_nip(e.nip)->id, id);
  EXPECT_FALSE(store_->employee_by_nip("000000000000000000"));
  EXPECT_FALSE(store_->employee(999999));

  got->name = "Ni Luh Cahaya Dewi";
  got->rank = "X";
  store_->update_employee(*got);
  auto updated = store_->employee(id);
  EXPECT_EQ(updated->name, "Ni Luh Cahaya Dewi");
  EXPECT_EQ(updated->rank, "X");
  EXPECT_EQ(store_->count_employees(0), 1);
  EXPECT_EQ(store_->count_employees(s.region), 1);
  EXPECT_EQ(store_->count_employees(999999), 0);
}

TEST_P(StoreTest, DuplicateNipIsConstraint) {
  Seed s = seed();
  store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  EXPECT_EQ(
      error_kind([&] {
        store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso Lain"));
      }),
      DatabaseError::Kind::Constraint);
  EXPECT_EQ(store_->count_employees(0), 1);
}

TEST_P(StoreTest, EmployeeOfUnknownRegionIsConstraint) {
  EXPECT_EQ(error_kind([&] {
              store_->insert_employee(make_employee(999999, "198503122010041001", "Budi"));
            }),
            DatabaseError::Kind::Constraint);
}

TEST_P(StoreTest, PlacementForUnknownPositionIsConstraint) {
  Seed s = seed();
  Id e = store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  EXPECT_EQ(error_kind([&] {
              store_->insert_placement({0, e, 999999, Date{2024, 1, 2}, PlacementKind::Plt, {}});
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_TRUE(store_->placements_of_employee(e).empty());
}

// The light reads of the hot routes (position page, unit tree, chart) agree with the full ones.
TEST_P(StoreTest, BriefsSubordinatesUnitHeadsAndCounts) {
  Seed s = seed();
  // A second structural position in the unit, graded above the Sub Bagian head: it heads the unit.
  Position sek;
  sek.agency_id = s.agency;
  sek.unit_id = s.unit;
  sek.superior_id = s.head;
  sek.title = "Sekretaris";
  sek.kind = PositionKind::Administrator;
  sek.eselon = "III.a";
  sek.work_level = 2;
  sek.ordinal = 2;
  Id sek_id = store_->insert_position(sek);
  Position jf;
  jf.agency_id = s.agency;
  jf.unit_id = s.unit;
  jf.superior_id = sek_id;
  jf.title = "Analis Kebijakan Ahli Muda";
  jf.kind = PositionKind::Fungsional;
  jf.ordinal = 3;
  Id jf_id = store_->insert_position(jf);
  Position gone = jf;
  gone.title = "Pengadministrasi Umum";
  gone.kind = PositionKind::Pelaksana;
  gone.abolished = true;
  gone.ordinal = 4;
  store_->insert_position(gone);
  Unit empty;
  empty.agency_id = s.agency;
  empty.parent_id = s.unit;
  empty.name = "Kelompok Jabatan Fungsional";
  empty.kind = UnitKind::KelompokJabatanFungsional;
  empty.ordinal = 1;
  Id empty_id = store_->insert_unit(empty);

  auto briefs = store_->position_briefs_of_agency(s.agency);
  ASSERT_EQ(briefs.size(), 4u);  // the abolished one is left out
  EXPECT_EQ(briefs[0].id, s.head);
  EXPECT_EQ(briefs[3].id, jf_id);
  EXPECT_EQ(briefs[2].title, "Sekretaris");
  EXPECT_EQ(briefs[2].eselon, "III.a");
  EXPECT_EQ(briefs[2].kind, PositionKind::Administrator);
  EXPECT_EQ(briefs[2].work_level, 2);
  EXPECT_EQ(briefs[2].unit_id, s.unit);
  EXPECT_EQ(briefs[2].superior_id, s.head);
  EXPECT_EQ(store_->count_positions(s.agency), 4);

  auto subs = store_->subordinates_of_position(s.head);
  ASSERT_EQ(subs.size(), 2u);
  EXPECT_EQ(subs[0].id, s.staff);
  EXPECT_EQ(subs[1].id, sek_id);
  auto sek_subs = store_->subordinates_of_position(sek_id);
  ASSERT_EQ(sek_subs.size(), 1u);  // not the abolished one
  EXPECT_EQ(sek_subs[0].id, jf_id);
  EXPECT_TRUE(store_->subordinates_of_position(jf_id).empty());
  // The Analis: in the Sekretariat under the Sekretaris, appraised by the Kepala Badan, drawn from
  // Pasal 1 (both source and duties); the Kepala Badan: no unit, superior, appraiser or article.
  Position analis = *store_->position(jf_id);
  analis.appraiser_id = s.head;
  analis.source_article = s.article;
  analis.duties_article = s.article;
  store_->update_position(analis);
  const auto links = store_->position_links(jf_id);
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
  const auto top = store_->position_links(s.head);
  ASSERT_TRUE(top.agency);
  EXPECT_EQ(top.agency->id, s.agency);
  EXPECT_FALSE(top.unit || top.superior || top.appraiser || top.source_article ||
               top.duties_article);
  const auto none = store_->position_links(999999);
  EXPECT_FALSE(none.agency || none.unit || none.superior);

  auto units = store_->units_with_heads(s.agency);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].unit.id, s.unit);
  EXPECT_EQ(units[0].unit.name, "Sekretariat");
  EXPECT_EQ(units[0].head_position_id, sek_id);  // III.a before the Pengawas without eselon
  EXPECT_EQ(units[1].unit.id, empty_id);
  EXPECT_FALSE(units[1].head_position_id);
  EXPECT_EQ(store_->count_units(s.agency), 2);
  EXPECT_EQ(store_->count_units(999999), 0);

  Id budi = store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  Id ani = store_->insert_employee(make_employee(s.region, "199001012015032002", "Ani Lestari"));
  Id ended =
      store_->insert_placement({0, budi, s.head, Date{2019, 1, 2}, PlacementKind::Definitive, {}});
  store_->end_placement(ended, Date{2023, 12, 31});
  store_->insert_placement({0, ani, s.head, Date{2024, 1, 2}, PlacementKind::Plt, {}});
  store_->insert_placement({0, budi, jf_id, Date{2024, 1, 2}, PlacementKind::Definitive, {}});
  auto holders = store_->holders_of_agency(s.agency);
  ASSERT_EQ(holders.size(), 2u);
  EXPECT_EQ(holders[0].placement.position_id, s.head);
  EXPECT_EQ(holders[0].employee.id, ani);
  EXPECT_EQ(holders[1].placement.position_id, jf_id);
  EXPECT_EQ(holders[1].employee.name, "Budi Santoso");
  EXPECT_TRUE(store_->holders_of_agency(999999).empty());
}

TEST_P(StoreTest, HoldersAreCurrentPlacementsOnly) {
  Seed s = seed();
  Id budi = store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  Id ani = store_->insert_employee(make_employee(s.region, "199001012015032002", "Ani Lestari"));
  Id old_p =
      store_->insert_placement({0, budi, s.staff, Date{2019, 1, 2}, PlacementKind::Definitive, {}});
  store_->end_placement(old_p, Date{2023, 12, 31});
  Id plt = store_->insert_placement({0, ani, s.staff, Date{2024, 2, 1}, PlacementKind::Plt, {}});
  Id budi_head =
      store_->insert_placement({0, budi, s.head, Date{2024, 1, 2}, PlacementKind::Definitive, {}});

  auto holders = store_->holders_of_position(s.staff);
  ASSERT_EQ(holders.size(), 1u);
  EXPECT_EQ(holders[0].placement.id, plt);
  EXPECT_EQ(holders[0].placement.kind, PlacementKind::Plt);
  EXPECT_EQ(holders[0].placement.start, (Date{2024, 2, 1}));
  EXPECT_FALSE(holders[0].placement.end);
  EXPECT_EQ(holders[0].employee.id, ani);
  EXPECT_EQ(holders[0].employee.name, "Ani Lestari");

  Id ani_def =
      store_->insert_placement({0, ani, s.staff, Date{2024, 3, 1}, PlacementKind::Definitive, {}});
  holders = store_->holders_of_position(s.staff);
  ASSERT_EQ(holders.size(), 2u);
  EXPECT_EQ(holders[0].placement.id, ani_def);  // definitif first
  EXPECT_EQ(holders[1].placement.id, plt);
  EXPECT_TRUE(store_->holders_of_position(999999).empty());

  auto one = store_->placement(plt);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->employee_id, ani);
  EXPECT_EQ(one->kind, PlacementKind::Plt);
  EXPECT_FALSE(store_->placement(999999));
  auto history = store_->placements_of_employee(budi);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].id, budi_head);  // newest first
  EXPECT_EQ(history[1].id, old_p);
  EXPECT_EQ(history[1].end, (Date{2023, 12, 31}));
  EXPECT_EQ(history[1].position_id, s.staff);
  EXPECT_EQ(history[1].employee_id, budi);
  EXPECT_EQ(history[1].kind, PlacementKind::Definitive);
}

TEST_P(StoreTest, TransactionRollbackLeavesNothing) {
  {
    Transaction tx(*conn_);
    Id region = store_->insert_region({0, "kota-kupang", "Kota Kupang", RegionKind::City});
    store_->insert_employee(make_employee(region, "198503122010041001", "Budi Santoso"));
    store_->append_audit({0, "", std::nullopt, "admin", "create", "employee", "1", "", "{}"});
  }
  EXPECT_TRUE(store_->regions().empty());
  EXPECT_EQ(store_->count_employees(0), 0);
  EXPECT_TRUE(store_->search_employees("budi", 0, {}).empty());
  EXPECT_TRUE(store_->audit_log({}).empty());
  {
    Transaction tx(*conn_);
    store_->insert_region({0, "kota-kupang", "Kota Kupang", RegionKind::City});
    tx.commit();
  }
  EXPECT_EQ(store_->regions().size(), 1u);
}

TEST_P(StoreTest, FailedStatementInTransactionRollsBackAll) {
  Seed s = seed();
  try {
    Transaction tx(*conn_);
    store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
    store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Kedua"));
    tx.commit();
    ADD_FAILURE() << "the duplicate NIP was accepted";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.kind(), DatabaseError::Kind::Constraint) << e.what();
  }
  EXPECT_EQ(store_->count_employees(0), 0);
  // The connection is usable again.
  store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  EXPECT_EQ(store_->count_employees(0), 1);
}

TEST_P(StoreTest, NestedBeginIsAnError) {
  Transaction tx(*conn_);
  EXPECT_THROW(conn_->begin(), DatabaseError);
}

TEST_P(StoreTest, SearchByWordPrefix) {
  Seed s = seed();
  store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  store_->insert_employee(make_employee(s.region, "198503122010041002", "Budiman Hartono"));
  store_->insert_employee(make_employee(s.region, "198503122010041003", "Ani Budiarti"));
  store_->insert_employee(make_employee(s.region, "198503122010041004", "Santi Wulandari"));
  // The matched word first (exactly "budi" before "budiarti", "budiman"), then the name.
  EXPECT_EQ(search_names("budi"),
            (std::vector<std::string>{"Budi Santoso", "Ani Budiarti", "Budiman Hartono"}));
  EXPECT_EQ(search_names("BUDI"), search_names("budi"));
  EXPECT_EQ(search_names("  sant  "),
            (std::vector<std::string>{"Santi Wulandari", "Budi Santoso"}));
  EXPECT_EQ(search_names("udi"), std::vector<std::string>{});  // prefixes only
}

TEST_P(StoreTest, SearchMultiWord) {
  Seed s = seed();
  store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  store_->insert_employee(make_employee(s.region, "198503122010041002", "Budiman Hartono"));
  store_->insert_employee(make_employee(s.region, "198503122010041003", "Santi Budiarti"));
  EXPECT_EQ(search_names("budi sant"),
            (std::vector<std::string>{"Budi Santoso", "Santi Budiarti"}));
  EXPECT_EQ(search_names("sant budi"), search_names("budi sant"));
  EXPECT_EQ(search_names("budi hart"), std::vector<std::string>{"Budiman Hartono"});
  EXPECT_EQ(search_names("budi hart sant"), std::vector<std::string>{});
  EXPECT_EQ(search_names("budi budi"), search_names("budi"));
}

TEST_P(StoreTest, SearchFoldsAccentsAndPunctuation) {
  Seed s = seed();
  store_->insert_employee(
      make_employee(s.region, "198503122010041001", "Dr. Çahaya Ma'ruf, S.Kom., M.Si."));
  store_->insert_employee(make_employee(s.region, "198503122010041002", "José Ramos-Horta"));
  EXPECT_EQ(search_names("cahaya"), std::vector<std::string>{"Dr. Çahaya Ma'ruf, S.Kom., M.Si."});
  EXPECT_EQ(search_names("ÇAHA maruf"), search_names("cahaya"));
  EXPECT_EQ(search_names("s.kom"), search_names("cahaya"));
  EXPECT_EQ(search_names("skom msi dr"), search_names("cahaya"));
  EXPECT_EQ(search_names("jose horta"), std::vector<std::string>{"José Ramos-Horta"});
  EXPECT_EQ(search_names("ramos"), std::vector<std::string>{"José Ramos-Horta"});
  EXPECT_TRUE(search_names(",.;").empty());
}

TEST_P(StoreTest, SearchByNipPrefix) {
  Seed s = seed();
  store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  store_->insert_employee(make_employee(s.region, "198503122010041002", "Ani Lestari"));
  store_->insert_employee(make_employee(s.region, "199001012015032001", "Citra Dewi"));
  EXPECT_EQ(search_names("1985"), (std::vector<std::string>{"Budi Santoso", "Ani Lestari"}));
  EXPECT_EQ(search_names("19850312 2010041002"), std::vector<std::string>{"Ani Lestari"});
  EXPECT_EQ(search_names("199001012015032001"), std::vector<std::string>{"Citra Dewi"});
  EXPECT_EQ(search_names("1"),  // NIP order
            (std::vector<std::string>{"Budi Santoso", "Ani Lestari", "Citra Dewi"}));
  EXPECT_TRUE(search_names("2000").empty());
}

TEST_P(StoreTest, SearchPagingAndOrder) {
  Seed s = seed();
  for (int i = 0; i < 12; ++i) {
    char nip[19];
    std::snprintf(nip, sizeof nip, "1985031220100410%02d", i);
    // Inserted out of order; two people share a name (ordered by id then).
    std::string name = "Budi " + std::string(1, static_cast<char>('A' + (i * 5) % 12));
    if (i == 11) name = "Budi F";
    store_->insert_employee(make_employee(s.region, nip, name));
  }
  auto all = store_->search_employees("budi", 0, {500, 0});
  ASSERT_EQ(all.size(), 12u);
  for (std::size_t i = 1; i < all.size(); ++i) {
    bool ordered = all[i - 1].employee.name < all[i].employee.name ||
                   (all[i - 1].employee.name == all[i].employee.name &&
                    all[i - 1].employee.id < all[i].employee.id);
    EXPECT_TRUE(ordered) << i;
  }
  auto page2 = store_->search_employees("budi", 0, {5, 5});
  ASSERT_EQ(page2.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(page2[i].employee.id, all[i + 5].employee.id);
  EXPECT_EQ(store_->search_employees("budi", 0, {5, 10}).size(), 2u);
  EXPECT_TRUE(store_->search_employees("budi", 0, {5, 100}).empty());
  EXPECT_EQ(store_->search_employees("budi", 0, {0, -3}).size(), 1u);      // limit clamped to 1
  EXPECT_EQ(store_->search_employees("budi", 0, {10000, 0}).size(), 12u);  // clamped to 500
  EXPECT_EQ(store_->search_employees("", 0, {500, 0}).size(), 12u);        // empty query: everyone
}

// A word and a NIP prefix that match thousands of people: pages deep in the result are right.
TEST_P(StoreTest, SearchCommonWordAndNipPrefix) {
  Seed s = seed();
  {
    Transaction tx(*conn_);
    for (int i = 0; i < 8100; ++i) {
      char nip[19];
      std::snprintf(nip, sizeof nip, "19850312201004%04d", i);
      std::string name = (i % 2 == 0 ? "Budi " : "Santi Budi ") + std::to_string(10000 + i);
      store_->insert_employee(make_employee(s.region, nip, name));
    }
    tx.commit();
  }
  auto page = store_->search_employees("budi", 0, {3, 0});
  ASSERT_EQ(page.size(), 3u);
  EXPECT_EQ(page[0].employee.name, "Budi 10000");
  EXPECT_EQ(page[1].employee.name, "Budi 10002");
  auto last = store_->search_employees("bud", s.region, {500, 8000});
  ASSERT_EQ(last.size(), 100u);
  EXPECT_EQ(last.back().employee.name, "Santi Budi 18099");
  EXPECT_EQ(search_names("santi budi 1809", 0, {10, 0}).size(), 5u);
  auto by_nip = store_->search_employees("1985", 0, {2, 4050});  // NIP order
  ASSERT_EQ(by_nip.size(), 2u);
  EXPECT_EQ(by_nip[0].employee.name, "Budi 14050");
  EXPECT_EQ(by_nip[1].employee.name, "Santi Budi 14051");
  auto by_word = store_->search_employees("budi", 0, {2, 4050});  // name order within "budi"
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

TEST_P(StoreTest, SearchListsAPersonOnceWhenTwoWordsMatch) {
  Seed s = seed();
  store_->insert_employee(make_employee(s.region, "198503122010041001", "Sita Sitorus"));
  store_->insert_employee(make_employee(s.region, "198503122010041002", "Sitti Aminah"));
  EXPECT_EQ(search_names("sit"), (std::vector<std::string>{"Sita Sitorus", "Sitti Aminah"}));
  EXPECT_EQ(store_->count_search_employees("sit", 0), 2);
  EXPECT_EQ(store_->count_search_employees("sita sito", 0), 1);
  EXPECT_EQ(store_->count_search_employees("1985", 0), 2);
  EXPECT_EQ(store_->count_search_employees("1985", 999999), 0);
  EXPECT_EQ(store_->count_search_employees("", 0), 2);
  EXPECT_EQ(store_->count_search_employees(".,", 0), 0);
  EXPECT_EQ(store_->count_search_employees("zul", 0), 0);
}

TEST_P(StoreTest, SearchNoMatch) {
  Seed s = seed();
  store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  EXPECT_TRUE(search_names("zulkarnain").empty());
  EXPECT_TRUE(search_names("budi zul").empty());
  EXPECT_TRUE(search_names("9999").empty());
}

TEST_P(StoreTest, SearchRegionFilter) {
  Seed s = seed();
  Id other = store_->insert_region({0, "kota-kupang", "Kota Kupang", RegionKind::City});
  store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  store_->insert_employee(make_employee(other, "198503122010041002", "Budi Utomo"));
  EXPECT_EQ(search_names("budi", s.region), std::vector<std::string>{"Budi Santoso"});
  EXPECT_EQ(search_names("budi", other), std::vector<std::string>{"Budi Utomo"});
  EXPECT_EQ(search_names("budi").size(), 2u);
  EXPECT_EQ(search_names("1985", other), std::vector<std::string>{"Budi Utomo"});
  EXPECT_EQ(search_names("", other), std::vector<std::string>{"Budi Utomo"});
  EXPECT_EQ(store_->count_employees(other), 1);
}

TEST_P(StoreTest, SearchReturnsCurrentPlacement) {
  Seed s = seed();
  Id budi = store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  Id ani = store_->insert_employee(make_employee(s.region, "198503122010041002", "Budi Ani"));
  Id ended =
      store_->insert_placement({0, budi, s.head, Date{2018, 1, 1}, PlacementKind::Definitive, {}});
  store_->end_placement(ended, Date{2020, 1, 1});
  store_->insert_placement({0, budi, s.head, Date{2024, 5, 1}, PlacementKind::Plt, {}});
  store_->insert_placement({0, budi, s.staff, Date{2021, 1, 1}, PlacementKind::Definitive, {}});
  auto hits = store_->search_employees("budi", 0, {});
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

TEST_P(StoreTest, SearchFollowsRename) {
  Seed s = seed();
  Id id = store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  auto e = *store_->employee(id);
  e.name = "Bambang Pamungkas";
  store_->update_employee(e);
  EXPECT_TRUE(search_names("budi").empty());
  EXPECT_EQ(search_names("bamb pam"), std::vector<std::string>{"Bambang Pamungkas"});
}

TEST_P(StoreTest, StructureChangesRoundTrip) {
  Seed s = seed();
  Regulation r2;
  r2.region_id = s.region;
  r2.kind = "Peraturan Gubernur";
  r2.number = "3";
  r2.year = 2024;
  r2.title = "Perubahan";
  r2.sha256 = std::string(64, 'c');
  Id new_reg = store_->insert_regulation(r2, "text");
  Id c1 = store_->insert_structure_change({0, s.agency, s.regulation, new_reg, ChangeKind::Renamed,
                                           "Kepala Sub Bagian Umum – Ç", "Kepala Sub Bagian TU",
                                           "Kepala Sub Bagian Umum – Ç"});
  Id c2 = store_->insert_structure_change(
      {0, s.agency, s.regulation, new_reg, ChangeKind::Regraded, "Kepala Badan", "III.a", "II.b"});
  store_->insert_structure_change(
      {0, s.agency, s.regulation, new_reg, ChangeKind::Added, "Analis", "", ""});
  store_->insert_structure_change(
      {0, s.agency, s.regulation, new_reg, ChangeKind::Removed, "Pengadministrasi", "", ""});
  auto list = store_->structure_changes_of_agency(s.agency);
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
  EXPECT_TRUE(store_->structure_changes_of_agency(999999).empty());
}

TEST_P(StoreTest, UserRoundTrip) {
  Seed s = seed();
  Id emp = store_->insert_employee(make_employee(s.region, "198503122010041001", "Budi Santoso"));
  User u;
  u.username = "budi";
  u.display_name = "Budi Santoso – Ç";
  u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  u.role = Role::RegistryAdmin;
  u.employee_id = emp;
  u.active = true;
  Id id = store_->insert_user(u);
  User admin;
  admin.username = "admin";
  admin.display_name = "Administrator";
  admin.password_hash = "x";
  admin.role = Role::Administrator;
  admin.active = false;
  Id admin_id = store_->insert_user(admin);

  auto got = store_->user_by_username("budi");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->username, "budi");
  EXPECT_EQ(got->display_name, u.display_name);
  EXPECT_EQ(got->password_hash, u.password_hash);
  EXPECT_EQ(got->role, Role::RegistryAdmin);
  EXPECT_EQ(got->employee_id, emp);
  EXPECT_TRUE(got->active);
  auto got_admin = store_->user_by_username("admin");
  ASSERT_TRUE(got_admin);
  EXPECT_EQ(got_admin->id, admin_id);
  EXPECT_FALSE(got_admin->employee_id);
  EXPECT_FALSE(got_admin->active);
  EXPECT_EQ(got_admin->role, Role::Administrator);
  EXPECT_FALSE(store_->user_by_username("nobody"));

  got->role = Role::Employee;
  got->active = false;
  got->employee_id.reset();
  got->display_name = "Budi";
  store_->update_user(*got);
  auto updated = store_->user_by_username("budi");
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->id, id);
  EXPECT_EQ(updated->role, Role::Employee);
  EXPECT_FALSE(updated->active);
  EXPECT_FALSE(updated->employee_id);
  EXPECT_EQ(updated->display_name, "Budi");

  auto all = store_->users();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].username, "admin");
  EXPECT_EQ(all[1].username, "budi");
  EXPECT_EQ(error_kind([&] { store_->insert_user(u); }), DatabaseError::Kind::Constraint);
}

TEST_P(StoreTest, Sessions) {
  User u;
  u.username = "budi";
  u.password_hash = "x";
  Id uid = store_->insert_user(u);
  store_->insert_session({"hash-old", uid, "csrf-1", 1000});
  store_->insert_session({"hash-now", uid, "csrf-2", 2000});
  store_->insert_session({"hash-new", uid, "csrf-3", 3000});
  // The session with its account, in one query.
  const auto both = store_->session_with_user("hash-new");
  ASSERT_TRUE(both);
  EXPECT_EQ(both->first.id, uid);
  EXPECT_EQ(both->first.username, "budi");
  EXPECT_EQ(both->first.password_hash, "x");
  EXPECT_EQ(both->second.token_hash, "hash-new");
  EXPECT_EQ(both->second.user_id, uid);
  EXPECT_EQ(both->second.csrf_token, "csrf-3");
  EXPECT_EQ(both->second.expires_at, 3000);
  EXPECT_FALSE(store_->session_with_user("unknown"));

  store_->delete_expired_sessions(2000);  // a session expiring now is expired
  EXPECT_FALSE(store_->session_with_user("hash-old"));
  EXPECT_FALSE(store_->session_with_user("hash-now"));
  EXPECT_TRUE(store_->session_with_user("hash-new"));
  store_->delete_session("hash-new");
  EXPECT_FALSE(store_->session_with_user("hash-new"));
  store_->delete_session("hash-new");  // deleting twice is harmless

  EXPECT_EQ(error_kind([&] {
              store_->insert_session({"h", 999999, "c", 1});
            }),
            DatabaseError::Kind::Constraint);
}

// Every change to the registry's content moves the revision on, in any table and by any kind of
// statement; accounts, sessions and the audit log do not; a rolled-back change leaves it.
TEST_P(StoreTest, RegistryRevisionMovesWithRegistryChangesOnly) {
  const std::int64_t r0 = store_->registry_revision();
  EXPECT_GT(r0, 0);
  const Seed s = seed();
  const std::int64_t r1 = store_->registry_revision();
  EXPECT_GT(r1, r0);

  auto unit = store_->unit(s.unit);
  ASSERT_TRUE(unit);
  unit->name = "Sekretariat Badan";
  store_->update_unit(*unit);
  const std::int64_t r2 = store_->registry_revision();
  EXPECT_GT(r2, r1);

  const Id employee =
      store_->insert_employee(make_employee(s.region, "196703251997032002", "Siti Aminah"));
  const std::int64_t r3 = store_->registry_revision();
  EXPECT_GT(r3, r2);
  store_->connection().execute("DELETE FROM employee_name_tokens WHERE employee_id = ?",
                               {employee});
  const std::int64_t r4 = store_->registry_revision();
  EXPECT_GT(r4, r3);

  {
    Transaction tx(store_->connection());
    unit->name = "Tidak jadi";
    store_->update_unit(*unit);
  }  // rolled back
  EXPECT_EQ(store_->registry_revision(), r4);

  User u;
  u.username = "budi";
  u.password_hash = "x";
  const Id uid = store_->insert_user(u);
  store_->insert_session({"hash", uid, "csrf", 1000});
  store_->delete_session("hash");
  identity::AuditEntry a;
  a.at = "2026-01-01T00:00:00Z";
  a.username = "budi";
  a.action = "login";
  a.entity = "session";
  store_->append_audit(a);
  EXPECT_EQ(store_->registry_revision(), r4);
}

// A transaction's changes move the revision when it commits, also when part of it was rolled back
// to a savepoint. PostgreSQL moves it once per transaction (migration 3: each move of the one row
// left a row version the next had to walk past, quadratic in the transaction's statements);
// SQLite once per changed row.
TEST_P(StoreTest, RegistryRevisionMovesWhenATransactionCommits) {
  const Seed s = seed();
  auto unit = store_->unit(s.unit);
  ASSERT_TRUE(unit);
  const std::int64_t before = store_->registry_revision();
  {
    Transaction tx(store_->connection());
    for (const char* name : {"Sekretariat A", "Sekretariat B", "Sekretariat C"}) {
      unit->name = name;
      store_->update_unit(*unit);
    }
    store_->insert_employee(make_employee(s.region, "196703251997032002", "Siti Aminah"));
    tx.commit();
  }
  const std::int64_t after = store_->registry_revision();
  if (GetParam() == "postgresql") {
    EXPECT_EQ(after, before + 1);
  } else {
    EXPECT_GT(after, before + 3);  // a row each: three updates, an employee and its name tokens
  }
  // A change undone by a rollback to a savepoint, then another: the revision still moves, once.
  {
    Transaction tx(store_->connection());
    store_->connection().execute_script("SAVEPOINT first_try");
    unit->name = "Tidak jadi";
    store_->update_unit(*unit);
    store_->connection().execute_script("ROLLBACK TO SAVEPOINT first_try");
    EXPECT_EQ(store_->registry_revision(), after);
    unit->name = "Sekretariat Badan";
    store_->update_unit(*unit);
    tx.commit();
  }
  const std::int64_t last = store_->registry_revision();
  if (GetParam() == "postgresql") {
    EXPECT_EQ(last, after + 1);
  } else {
    EXPECT_GT(last, after);
  }
  EXPECT_EQ(store_->unit(s.unit)->name, "Sekretariat Badan");
  // And a statement outside any transaction is a transaction of its own.
  unit->name = "Sekretariat";
  store_->update_unit(*unit);
  EXPECT_GT(store_->registry_revision(), last);
}

// Each scope of what answers read has its own revision (migration 4): a change moves the scopes
// it touched and no other, seen by another connection (another process), rolled back with its
// transaction, and on PostgreSQL once per transaction.
class ScopeWatch {
 public:
  explicit ScopeWatch(const std::string& url) : conn_(open_database(url)), store_(*conn_) {}
  // The revision of `scope` as another connection sees it (0: never changed).
  std::int64_t operator()(const std::string& scope) {
    for (const auto& r : store_.scope_revisions({scope}))
      if (r.scope == scope) return r.revision;
    return 0;
  }

 private:
  std::unique_ptr<Connection> conn_;
  RegistryStore store_;
};

TEST_P(StoreTest, ScopeRevisionsMoveWithWhatTheyScope) {
  const Seed s = seed();
  Agency other;
  other.region_id = s.region;
  other.regulation_id = s.regulation;
  other.name = "Dinas Pariwisata";
  other.kind = "Dinas";
  const Id b = store_->insert_agency(other);
  Unit bu;
  bu.agency_id = b;
  bu.name = "Sekretariat";
  bu.kind = UnitKind::Sekretariat;
  const Id b_unit = store_->insert_unit(bu);
  ScopeWatch rev(db_->url());
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
  auto unit = store_->unit(s.unit);
  unit->name = "Sekretariat Badan";
  store_->update_unit(*unit);
  const Snapshot s1 = snap();
  EXPECT_GT(s1.a, s0.a);
  EXPECT_EQ(s1.b, s0.b);
  EXPECT_EQ(s1.people, s0.people);
  EXPECT_EQ(s1.regulations, s0.regulations);

  // A person: people only; placed in A's position: people and A (a chart shows vacancies).
  const Id e = store_->insert_employee(make_employee(s.region, "196703251997032002", "Siti"));
  const Snapshot s2 = snap();
  EXPECT_GT(s2.people, s1.people);
  EXPECT_EQ(s2.a, s1.a);
  EXPECT_EQ(s2.b, s1.b);
  store_->insert_placement({0, e, s.staff, Date{2024, 1, 2}, PlacementKind::Definitive, {}});
  const Snapshot s3 = snap();
  EXPECT_GT(s3.people, s2.people);
  EXPECT_GT(s3.a, s2.a);
  EXPECT_EQ(s3.b, s2.b);

  // A position's summary: A only; its title: A and people (the search shows titles).
  auto staff = *store_->position(s.staff);
  staff.summary = "Menyiapkan bahan.";
  store_->update_position(staff);
  const Snapshot s4 = snap();
  EXPECT_GT(s4.a, s3.a);
  EXPECT_EQ(s4.people, s3.people);
  EXPECT_EQ(s4.b, s3.b);
  staff.title = "Kepala Sub Bagian Umum dan Kepegawaian";
  store_->update_position(staff);
  const Snapshot s5 = snap();
  EXPECT_GT(s5.a, s4.a);
  EXPECT_GT(s5.people, s4.people);
  EXPECT_EQ(s5.b, s4.b);

  // An article: regulations only.
  store_->insert_article({0, s.regulation, "Pasal 2", "BAB I > Pasal 2", 4, 5, "Teks.", 2});
  const Snapshot s6 = snap();
  EXPECT_GT(s6.regulations, s5.regulations);
  EXPECT_EQ(s6.a, s5.a);
  EXPECT_EQ(s6.b, s5.b);
  EXPECT_EQ(s6.people, s5.people);

  // A change to B rolled back: B stays.
  {
    Transaction tx(store_->connection());
    auto u = *store_->unit(b_unit);
    u.name = "Tidak jadi";
    store_->update_unit(u);
  }
  EXPECT_EQ(rev(b_scope), s6.b);

  // Several changes to A in one transaction: seen at commit; PostgreSQL moves A once.
  {
    Transaction tx(store_->connection());
    for (const char* name : {"A", "B", "C"}) {
      unit->name = name;
      store_->update_unit(*unit);
    }
    EXPECT_EQ(rev(a_scope), s6.a);  // not committed yet
    tx.commit();
  }
  if (GetParam() == "postgresql") {
    EXPECT_EQ(rev(a_scope), s6.a + 1);
  } else {
    EXPECT_GT(rev(a_scope), s6.a + 2);
  }
  EXPECT_EQ(rev(b_scope), s6.b);

  // One query reads several scopes, and the scope of a position's agency.
  const auto both = store_->scope_revisions({"people", "registry"}, s.staff);
  ASSERT_EQ(both.size(), 3u);
  EXPECT_EQ(both[0].scope, a_scope);
  EXPECT_EQ(both[0].revision, rev(a_scope));
  EXPECT_EQ(both[1].scope, "people");
  EXPECT_EQ(both[2].scope, "registry");
  EXPECT_EQ(both[2].revision, store_->registry_revision());
  EXPECT_EQ(store_->scope_revisions({}, 999999).size(), 0u);
}

// The chart and the unit tree read level by level: the top, a node's children page by page, each
// node with its live children's count and (chart) its holder.
TEST_P(StoreTest, ChartAndUnitTreeLevelByLevel) {
  const Seed s = seed();
  Unit child;
  child.agency_id = s.agency;
  child.parent_id = s.unit;
  child.name = "Sub Bagian Umum";
  child.kind = UnitKind::SubBagian;
  child.ordinal = 1;
  const Id child_id = store_->insert_unit(child);
  child.name = "Sub Bagian Keuangan";
  child.ordinal = 2;
  child.abolished = true;
  store_->insert_unit(child);  // abolished: neither listed nor counted
  Position more;
  more.agency_id = s.agency;
  more.superior_id = s.head;
  more.title = "Analis Kebijakan";
  more.kind = PositionKind::Fungsional;
  more.ordinal = 2;
  const Id analyst = store_->insert_position(more);
  const Id e = store_->insert_employee(make_employee(s.region, "196703251997032002", "Siti"));
  store_->insert_placement({0, e, s.staff, Date{2024, 1, 2}, PlacementKind::Definitive, {}});

  const auto tops = store_->chart_tops(s.agency, Page{});
  ASSERT_EQ(tops.size(), 1u);
  EXPECT_EQ(tops[0].brief.id, s.head);
  EXPECT_EQ(tops[0].subordinate_count, 2);
  EXPECT_FALSE(tops[0].holder_name);
  const auto subs = store_->chart_subordinates(s.agency, s.head, Page{});
  ASSERT_EQ(subs.size(), 2u);
  EXPECT_EQ(subs[0].brief.id, s.staff);
  EXPECT_EQ(subs[0].unit_name, "Sekretariat");
  EXPECT_EQ(subs[0].holder_name.value_or(""), "Siti");
  EXPECT_EQ(subs[1].brief.id, analyst);
  const auto second = store_->chart_subordinates(s.agency, s.head, Page{1, 1});
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].brief.id, analyst);
  EXPECT_EQ(store_->chart_position(s.agency, s.staff)->brief.title, "Kepala Sub Bagian Umum – Ç");
  EXPECT_FALSE(store_->chart_position(s.agency + 1000, s.staff));

  const auto top_units = store_->unit_children(s.agency, std::nullopt, Page{});
  ASSERT_EQ(top_units.size(), 1u);
  EXPECT_EQ(top_units[0].unit.id, s.unit);
  EXPECT_EQ(top_units[0].child_count, 1);
  EXPECT_EQ(top_units[0].head_position_id, s.staff);
  const auto under = store_->unit_children(s.agency, s.unit, Page{});
  ASSERT_EQ(under.size(), 1u);
  EXPECT_EQ(under[0].unit.id, child_id);
  EXPECT_EQ(under[0].child_count, 0);

  // The counts follow moves and abolitions (kept by triggers).
  auto a = *store_->position(analyst);
  a.superior_id = s.staff;
  store_->update_position(a);
  EXPECT_EQ(store_->chart_position(s.agency, s.head)->subordinate_count, 1);
  EXPECT_EQ(store_->chart_position(s.agency, s.staff)->subordinate_count, 1);
  a.abolished = true;
  store_->update_position(a);
  EXPECT_EQ(store_->chart_position(s.agency, s.staff)->subordinate_count, 0);
  auto c = *store_->unit(child_id);
  c.parent_id = std::nullopt;
  store_->update_unit(c);
  EXPECT_EQ(store_->unit_children(s.agency, std::nullopt, Page{})[0].child_count, 0);
  EXPECT_EQ(store_->unit_children(s.agency, std::nullopt, Page{}).size(), 2u);
  // Read without holders, a held position is still told apart from a vacant one.
  const auto anonymous = store_->chart_subordinates(s.agency, s.head, Page{}, false);
  ASSERT_EQ(anonymous.size(), 1u);
  EXPECT_TRUE(anonymous[0].holder_name.has_value());
  EXPECT_FALSE(store_->chart_tops(s.agency, Page{}, false)[0].holder_name.has_value());
}

// A page of an agency's positions filtered by the database: unit, kind, a title fragment (ASCII
// case ignored, LIKE's wildcards taken literally), with the count over every page.
TEST_P(StoreTest, PositionBriefsPageFiltersInTheDatabase) {
  const Seed s = seed();
  Position p;
  p.agency_id = s.agency;
  p.superior_id = s.head;
  p.kind = PositionKind::Fungsional;
  for (const char* title : {"Analis 100% Kebijakan", "Analis_Data", "Pranata Komputer"}) {
    p.title = title;
    ++p.ordinal;
    store_->insert_position(p);
  }
  const auto all = store_->position_briefs_page(s.agency, {}, Page{2, 0});
  EXPECT_EQ(all.total, 5);
  ASSERT_EQ(all.items.size(), 2u);
  EXPECT_EQ(all.items[0].id, s.head);
  EXPECT_EQ(store_->position_briefs_page(s.agency, {}, Page{2, 4}).items.size(), 1u);
  org::PositionFilter f;
  f.title_contains = "ANALIS";
  EXPECT_EQ(store_->position_briefs_page(s.agency, f, Page{}).total, 2);
  f.title_contains = "100%";
  EXPECT_EQ(store_->position_briefs_page(s.agency, f, Page{}).total, 1);
  f.title_contains = "s_d";
  EXPECT_EQ(store_->position_briefs_page(s.agency, f, Page{}).total, 1);
  f.title_contains = "s%d";
  EXPECT_EQ(store_->position_briefs_page(s.agency, f, Page{}).total, 0);
  org::PositionFilter by_kind;
  by_kind.kind = PositionKind::Fungsional;
  EXPECT_EQ(store_->position_briefs_page(s.agency, by_kind, Page{}).total, 3);
  org::PositionFilter by_unit;
  by_unit.unit_id = s.unit;
  const auto in_unit = store_->position_briefs_page(s.agency, by_unit, Page{});
  ASSERT_EQ(in_unit.items.size(), 1u);
  EXPECT_EQ(in_unit.items[0].id, s.staff);
}

// The people search's total is counted up to a bound: exact below it, "at least" at it.
TEST_P(StoreTest, SearchCountStopsAtItsBound) {
  const Seed s = seed();
  store_->insert_employee(make_employee(s.region, "198503122010041001", "Sita Sitorus"));
  store_->insert_employee(make_employee(s.region, "198503122010041002", "Sitti Rahma"));
  store_->insert_employee(make_employee(s.region, "198503122010041003", "Budi Sitompul"));
  const auto all = store_->count_search_employees_up_to("sit", 0, 100);
  EXPECT_EQ(all.count, 3);
  EXPECT_FALSE(all.at_least);
  const auto some = store_->count_search_employees_up_to("sit", 0, 2);
  EXPECT_LE(some.count, 2);
  EXPECT_TRUE(some.at_least);
}

TEST_P(StoreTest, AuditNewestFirst) {
  User u;
  u.username = "admin";
  u.password_hash = "x";
  Id uid = store_->insert_user(u);
  Id first_id = store_->append_audit({0, "2026-11-23T10:00:00Z", uid, "admin", "create", "employee",
                                      "17", "", R"({"name":"Budi – Ç"})"});
  Id second_id = store_->append_audit(
      {0, "", std::nullopt, "system", "import", "regulation", "3", R"({"a":1})", R"({"a":2})"});
  Id third_id = store_->append_audit(
      {0, "2026-11-23T10:05:00Z", uid, "admin", "sign_in", "user", "1", "", ""});
  auto log = store_->audit_log({});
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
  auto page = store_->audit_log({1, 1});
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, second_id);
}

INSTANTIATE_TEST_SUITE_P(Databases, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

// ---- Helpers -------------------------------------------------------------------------------

TEST(NameTokens, SplitsFoldsAndStrips) {
  using detail::name_tokens;
  EXPECT_EQ(name_tokens("Budi Santoso"), (std::vector<std::string>{"budi", "santoso"}));
  EXPECT_EQ(name_tokens("Dr. Çahaya Ma'ruf, S.Kom., M.Si."),
            (std::vector<std::string>{"dr", "cahaya", "maruf", "skom", "msi"}));
  EXPECT_EQ(name_tokens("José Ramos-Horta"), (std::vector<std::string>{"jose", "ramos", "horta"}));
  EXPECT_EQ(name_tokens("Ni  Luh\tAyu – Ø Æ ß"),
            (std::vector<std::string>{"ni", "luh", "ayu", "o", "ae", "ss"}));
  EXPECT_EQ(name_tokens("Budi budi BUDI"), std::vector<std::string>{"budi"});
  EXPECT_EQ(name_tokens("Ma’ruf"), std::vector<std::string>{"maruf"});
  EXPECT_TRUE(name_tokens(" ,.; ").empty());
  EXPECT_TRUE(name_tokens("").empty());
  EXPECT_EQ(name_tokens("\xFF\x80"), std::vector<std::string>{});
}

TEST(PrefixUpperBound, IncrementsLastByte) {
  EXPECT_EQ(detail::prefix_upper_bound("budi"), "budj");
  EXPECT_EQ(detail::prefix_upper_bound("1985"), "1986");
  EXPECT_EQ(detail::prefix_upper_bound("19"), "1:");
  EXPECT_EQ(detail::prefix_upper_bound("a\xFF"), "b");
  EXPECT_EQ(detail::prefix_upper_bound(""), "");
}

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
}  // namespace tatakerja::org
