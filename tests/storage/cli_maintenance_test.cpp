// The issue 10 commands as an operator runs them, through the real `tatakerja` program on a demo
// database: `user add --region/--agency`, `audit verify` (exit 0 on a whole chain, 1 naming the
// edited or deleted entry), `backup` (never over an existing file) and `restore`.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "storage/backup.hpp"
#include "storage/database.hpp"

namespace tatakerja {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int code = -1;
  std::string out, err;
};

class CliMaintenance : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tatakerja_cli_maint_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "demo.db").string();
    const Outcome r = run("demo --db '" + db_ + "' --regulations '" +
                          std::string(TATAKERJA_DATA_DIR) + "/regulations'");
    ASSERT_EQ(r.code, 0) << r.err;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  Outcome run(const std::string& args, const std::string& env = "") {
    const fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    const std::string cmd = env + " timeout -s KILL 120 '" + std::string(TATAKERJA_CLI) + "' " +
                            args + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
    const int status = std::system(cmd.c_str());
    Outcome r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_all(out);
    r.err = read_all(err);
    return r;
  }
  static std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(CliMaintenance, UserAddWithRegionAndAgencies) {
  Outcome r = run("user add --db '" + db_ +
                      "' --username org.batam --role admin_registri --region " + "kota-batam",
                  "TATAKERJA_PASSWORD=kata-sandi-panjang-1");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Kota Batam"), std::string::npos) << r.out;
  auto c = storage::open_database(db_);
  auto rows = c->query(
      "SELECT r.code, u.scope_agency_ids FROM users u JOIN regions r ON r.id = u.scope_region_id "
      "WHERE u.username = 'org.batam'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text(0), "kota-batam");
  EXPECT_EQ(rows[0].text(1), "");
  // An agency of another region, an unknown region, an administrator with a region: refused, and
  // no account is left behind.
  const auto other =
      c->query(
           "SELECT a.id FROM agencies a JOIN regions r ON r.id = a.region_id WHERE r.code <> "
           "'kota-batam' LIMIT 1")[0]
          .integer(0);
  r = run("user add --db '" + db_ + "' --username org.x --role admin_registri --region " +
              "kota-batam --agency " + std::to_string(other),
          "TATAKERJA_PASSWORD=kata-sandi-panjang-1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("INVALID_FIELD: agency_ids"), std::string::npos) << r.err;
  r = run("user add --db '" + db_ + "' --username org.y --role admin_registri --region nowhere",
          "TATAKERJA_PASSWORD=kata-sandi-panjang-1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("INVALID_FIELD: region"), std::string::npos) << r.err;
  r = run("user add --db '" + db_ + "' --username root2 --role administrator --region kota-batam",
          "TATAKERJA_PASSWORD=kata-sandi-panjang-1");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("INVALID_FIELD: role"), std::string::npos) << r.err;
  EXPECT_EQ(c->query("SELECT COUNT(*) FROM users WHERE username IN ('org.x', 'org.y', 'root2')")[0]
                .integer(0),
            0);
  // An agency of the region.
  const auto own =
      c->query(
           "SELECT a.id FROM agencies a JOIN regions r ON r.id = a.region_id WHERE r.code = "
           "'kota-batam' LIMIT 1")[0]
          .integer(0);
  r = run("user add --db '" + db_ + "' --username org.dinas --role admin_registri --region " +
              "kota-batam --agency " + std::to_string(own),
          "TATAKERJA_PASSWORD=kata-sandi-panjang-1");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(c->query("SELECT scope_agency_ids FROM users WHERE username = 'org.dinas'")[0].text(0),
            std::to_string(own));
}

TEST_F(CliMaintenance, AuditVerifyNamesTheEditedOrDeletedEntry) {
  Outcome r = run("audit verify --db '" + db_ + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Rantai audit utuh"), std::string::npos) << r.out;
  {
    auto c = storage::open_database(db_);
    c->execute("UPDATE audit_log SET username = 'orang lain' WHERE id = 4");
  }
  r = run("audit verify --db '" + db_ + "'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("entri 4"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("diubah"), std::string::npos) << r.err;
  {
    auto c = storage::open_database(db_);
    c->execute("DELETE FROM audit_log WHERE id = 4");
  }
  r = run("audit verify --db '" + db_ + "'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("Entri 4 hilang"), std::string::npos) << r.err;
}

TEST_F(CliMaintenance, BackupAndRestore) {
  const std::string copy = (dir_ / "copy.db").string();
  Outcome r = run("backup --db '" + db_ + "' --out '" + copy + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("integrity_check ok"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(copy + ".partial"));
  r = run("backup --db '" + db_ + "' --out '" + copy + "'");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("sudah ada"), std::string::npos) << r.err;
  r = run("backup --db postgresql://x@127.0.0.1/db --out '" + copy + "2'");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("pg_dump"), std::string::npos) << r.err;

  // Changed after the backup, then restored: the change is gone, the chain is whole.
  {
    auto c = storage::open_database(db_);
    c->execute("UPDATE positions SET code = 'SESUDAH-CADANGAN' WHERE id = 1");
  }
  r = run("restore --from '" + copy + "' --db '" + db_ + "'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(storage::sqlite_integrity(db_), "ok");
  {
    auto c = storage::open_database(db_);
    EXPECT_NE(c->query("SELECT code FROM positions WHERE id = 1")[0].text(0), "SESUDAH-CADANGAN");
  }
  r = run("audit verify --db '" + db_ + "'");
  EXPECT_EQ(r.code, 0) << r.err;
  r = run("restore --from '" + (dir_ / "missing.db").string() + "' --db '" + db_ + "'");
  EXPECT_EQ(r.code, 2);
}

}  // namespace
}  // namespace tatakerja
