// Fuzz target for the untrusted input of the HTTP API: each input is decoded (FuzzedDataProvider)
// into a short sequence of requests (one to four; usually one) that the real
// server::handle_api_request answers over a real SQLite registry, exactly as `tatakerja serve`
// does minus the socket. Every answer is checked against the contract of docs/api.md; a violation
// aborts with a description of the request and the answer (docs/fuzzing.md lists the invariants).
//
// The registry (built once, in LLVMFuzzerInitialize, in a temporary directory under TMPDIR):
// corpus text 000 imported, six employees with placements (one acting, one ended), four accounts
// (administrator, admin_registri, pegawai, and a deactivated one) and their sessions (plus an
// expired one). A pristine copy is kept in memory; whenever an input committed anything (seen
// through PRAGMA data_version on a second connection), the database is restored from it with the
// SQLite backup API, so every input starts from the same registry and a crash reproduces from its
// input alone. The rate limiter and the answer cache are made anew for every input for the same
// reason (the limiter with 2 free failures instead of 5, sign_in_free_failures, so that an input of
// three sign-ins reaches 429).
//
// TATAKERJA_API_FUZZ_WRITE_SEEDS=DIR makes the target write its seed inputs (hand-written request
// scripts, encoded for the decoder below and checked by decoding them again) to DIR and exit;
// fuzz/seeds/api/ holds their output. TATAKERJA_API_FUZZ_VERBOSE=1 prints every request with its
// answer (to see what a crash input or a seed does).
#include <fuzzer/FuzzedDataProvider.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "api/answer_cache.hpp"
#include "api/config.hpp"
#include "api/dispatch.hpp"
#include "api/rate_limiter.hpp"
#include "api/router.hpp"
#include "api/scope_board.hpp"
#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "app/importer.hpp"
#include "core/error.hpp"
#include "http/message.hpp"
#include "org/model.hpp"
#include "org/nip.hpp"
#include "persistence/sql_stores.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace {

namespace fs = std::filesystem;
namespace tk = tatakerja;
using json = nlohmann::json;
using tk::org::Id;

// ---- the registry every input starts from ----

// Who sends a request. Anonymous, Forged, Inactive and Expired are all anonymous to the server.
enum Identity : int {
  kAnonymous,  // no cookie
  kPegawai,    // role pegawai
  kEditor,     // role admin_registri
  kAdmin,      // role administrator
  kForged,     // a tk_session cookie with a made-up token
  kInactive,   // a live session of a deactivated account
  kExpired,    // an expired session of the administrator
  kIdentityCount,
};

bool is_anonymous(int identity) {
  return identity == kAnonymous || identity == kForged || identity == kInactive ||
         identity == kExpired;
}

struct Account {
  std::string username;
  std::string password;
  Id user_id = 0;
  std::string token;  // the tk_session cookie value
  std::string csrf;
};

// Seeded employees: names no regulation text contains, valid NIPs that are in no corpus text.
struct SeedPerson {
  const char* name;
  const char* nip;
  tk::org::EmployeeKind kind;
  const char* rank;
};
constexpr SeedPerson kPeople[] = {
    {"Fuzzwati Rahmadewi", "197811232005012003", tk::org::EmployeeKind::Pns, "IV/a"},
    {"Bonifasius Seedmaker", "198204172009031004", tk::org::EmployeeKind::Pns, "III/d"},
    {"Yohana Libfuzzeria", "199001052015032006", tk::org::EmployeeKind::Pns, "III/b"},
    {"Markus Sanitizerus", "198512302010011003", tk::org::EmployeeKind::Pns, "III/c"},
    {"Theresia Coverageni", "199307142021022007", tk::org::EmployeeKind::Pppk, "IX"},
    {"Agustinus Corpusino", "197001011996031005", tk::org::EmployeeKind::Pns, "IV/b"},
};

struct World {
  fs::path dir;
  std::string db_path;
  std::unique_ptr<tk::storage::Connection> conn;
  std::unique_ptr<tk::persistence::SqlStores> stores;
  sqlite3* watcher = nullptr;   // a second connection on db_path: data_version and restores
  sqlite3* pristine = nullptr;  // in-memory copy of the seeded database
  sqlite3_stmt* data_version_stmt = nullptr;
  std::int64_t base_revision = 0;
  std::int64_t base_audit = 0;
  std::int64_t base_data_version = 0;
  tk::server::ServerConfig config;
  Account accounts[kIdentityCount];   // indexed by Identity; kAnonymous and kForged unused
  std::vector<std::string> personal;  // NIPs and names of the seeded employees
  std::vector<std::string> corpus;    // the corpus texts, for regulation-shaped bodies
  // Ids for the seed scripts.
  Id region = 0, agency = 0, regulation = 0, article = 0;
  std::vector<Id> units, positions, employees, placements;
  Id open_placement = 0, ended_placement = 0;
  Id next_employee = 0;
};

World* g_world = nullptr;
bool g_verbose = false;  // TATAKERJA_API_FUZZ_VERBOSE: print every request and its answer

constexpr std::string_view kDirPrefix = "tatakerja-api-fuzz-";

// Removes this run's directory (at exit, and before aborting on a failure).
void remove_world() {
  if (g_world == nullptr) return;
  std::error_code ec;
  fs::remove_all(g_world->dir, ec);
}

// Removes the directories of earlier runs that could not clean up (a sanitizer's report, or
// libFuzzer leaving through _Exit, skips atexit): those whose process is gone.
void remove_stale_worlds() {
  std::error_code ec;
  std::vector<fs::path> stale;
  for (const auto& e : fs::directory_iterator(fs::temp_directory_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with(kDirPrefix)) continue;
    const std::string pid = name.substr(kDirPrefix.size());
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    if (!fs::exists(fs::path("/proc") / pid, ec)) stale.push_back(e.path());
  }
  for (const auto& p : stale) fs::remove_all(p, ec);
}

[[noreturn]] void harness_failure(const std::string& what) {
  std::fprintf(stderr, "api_fuzz: harness failure: %s\n", what.c_str());
  remove_world();
  std::abort();
}

void sqlite_check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    harness_failure(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}

std::int64_t data_version(World& w) {
  sqlite3_reset(w.data_version_stmt);
  const int rc = sqlite3_step(w.data_version_stmt);
  if (rc != SQLITE_ROW) sqlite_check(rc, w.watcher, "PRAGMA data_version");
  const std::int64_t v = sqlite3_column_int64(w.data_version_stmt, 0);
  sqlite3_reset(w.data_version_stmt);
  return v;
}

std::int64_t audit_count(World& w) {
  return w.conn->query("SELECT COUNT(*) FROM audit_log")[0].integer(0);
}

// Copies database `from` over database `to` (both "main") in one step.
void copy_database(sqlite3* from, sqlite3* to, const char* what) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (b == nullptr) sqlite_check(sqlite3_errcode(to), to, what);
  const int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) sqlite_check(rc, to, what);
}

// Puts the pristine registry back after an input that committed something.
void restore(World& w) {
  copy_database(w.pristine, w.watcher, "restoring the database");
  // The backup resets the watcher's page cache, which moves its own data_version on.
  w.base_data_version = data_version(w);
  if (w.stores->org().registry_revision() != w.base_revision || audit_count(w) != w.base_audit)
    harness_failure("the database was not restored");
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) harness_failure("cannot read " + p.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void seed_registry(World& w) {
  namespace svc = tk::app;
  auto& s = *w.stores;
  const svc::Actor fuzz{std::nullopt, "fuzz"};
  const fs::path corpus_dir = fs::path(TATAKERJA_DATA_DIR) / "regulations";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpus_dir))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) w.corpus.push_back(read_text(f));
  if (w.corpus.empty()) harness_failure("no corpus text in " + corpus_dir.string());

  const auto imported = svc::import_regulation(s.stores(), fuzz, w.corpus.front());
  if (!imported.agency_id()) harness_failure("corpus text 000 sets no agency");
  w.region = imported.region_id;
  w.agency = *imported.agency_id();
  w.regulation = imported.regulation_id;
  w.article = s.org().articles_of_regulation(w.regulation).at(0).id;
  for (const auto& u : s.org().units_of_agency(w.agency, false)) w.units.push_back(u.id);
  const auto positions = s.org().positions_of_agency(w.agency, false);
  for (const auto& p : positions) w.positions.push_back(p.id);
  if (positions.size() < 5 || w.units.size() < 2) harness_failure("corpus text 000 too small");

  tk::storage::Transaction tx(s.connection());
  for (const auto& person : kPeople) {
    const auto decoded = tk::org::decode_nip(person.nip);
    const auto* info = std::get_if<tk::org::NipInfo>(&decoded);
    if (info == nullptr) harness_failure(std::string("invalid seed NIP ") + person.nip);
    tk::org::Employee e;
    e.region_id = w.region;
    e.nip = person.nip;
    e.name = person.name;
    e.kind = person.kind;
    e.rank = person.rank;
    e.birth_date = info->birth_date;
    e.appointed_year = info->appointed_year;
    e.appointed_month = info->appointed_month;
    e.sex = info->sex;
    e.id = s.org().insert_employee(e);
    w.employees.push_back(e.id);
    w.personal.emplace_back(person.nip);
    w.personal.emplace_back(person.name);
    svc::record_audit(s.stores(), fuzz, "create", "employee", std::to_string(e.id), "", "{}");
  }
  const auto place = [&](std::size_t employee, std::size_t position, tk::org::PlacementKind k,
                         tk::Date start) {
    tk::org::Placement p;
    p.employee_id = w.employees.at(employee);
    p.position_id = w.positions.at(position);
    p.kind = k;
    p.start = start;
    p.id = s.org().insert_placement(p);
    w.placements.push_back(p.id);
    svc::record_audit(s.stores(), fuzz, "create", "placement", std::to_string(p.id), "", "{}");
    return p.id;
  };
  using K = tk::org::PlacementKind;
  w.open_placement = place(0, 0, K::Definitive, {2019, 1, 2});
  place(1, 1, K::Definitive, {2020, 3, 1});
  place(2, 2, K::Definitive, {2021, 7, 1});
  place(3, 3, K::Definitive, {2022, 2, 1});
  place(4, 0, K::Plt, {2024, 5, 6});
  w.ended_placement = place(4, 4, K::Plh, {2022, 1, 3});
  s.org().end_placement(w.ended_placement, {2022, 12, 31});
  // Employee 5 holds no position.

  const std::pair<Identity, tk::identity::Role> roles[] = {
      {kPegawai, tk::identity::Role::Employee},
      {kEditor, tk::identity::Role::RegistryAdmin},
      {kAdmin, tk::identity::Role::Administrator},
      {kInactive, tk::identity::Role::Employee},
  };
  const char* names[kIdentityCount] = {"", "pegawai", "organisasi", "admin", "", "nonaktif", ""};
  for (const auto& [who, role] : roles) {
    Account& a = w.accounts[who];
    a.username = names[who];
    a.password = "fuzz-" + a.username + "-password";
    const std::optional<Id> employee =
        who == kPegawai ? std::optional<Id>(w.employees[0]) : std::nullopt;
    a.user_id = svc::create_user(s.stores(), fuzz, a.username, "", a.password, role, employee).id;
  }
  tx.commit();

  const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
  constexpr std::int64_t kTenYears = 10LL * 366 * 24 * 3600;
  for (Identity who : {kPegawai, kEditor, kAdmin, kInactive}) {
    auto session = svc::start_session(s.stores(), w.accounts[who].user_id, now, kTenYears);
    w.accounts[who].token = std::move(session.token);
    w.accounts[who].csrf = std::move(session.session.csrf_token);
  }
  auto expired = svc::start_session(s.stores(), w.accounts[kAdmin].user_id, now - 7200, 3600);
  w.accounts[kExpired] = w.accounts[kAdmin];
  w.accounts[kExpired].token = std::move(expired.token);
  w.accounts[kExpired].csrf = std::move(expired.session.csrf_token);
  auto inactive = *s.identity().user_by_username(w.accounts[kInactive].username);
  inactive.active = false;
  s.identity().update_user(inactive);
  w.next_employee = w.employees.back() + 1;
}

void make_world() {
  remove_stale_worlds();
  auto w = std::make_unique<World>();
  w->dir = fs::temp_directory_path() / (std::string(kDirPrefix) + std::to_string(::getpid()));
  fs::remove_all(w->dir);
  fs::create_directories(w->dir);
  w->db_path = (w->dir / "registry.db").string();
  w->conn = tk::storage::open_database(w->db_path);
  tk::storage::migrate(*w->conn);
  w->stores = std::make_unique<tk::persistence::SqlStores>(*w->conn);
  w->config.db = w->db_path;
  w->config.log_level = "warn";
  w->config.sign_in_free_failures = 2;
  seed_registry(*w);

  sqlite_check(sqlite3_open_v2(w->db_path.c_str(), &w->watcher, SQLITE_OPEN_READWRITE, nullptr),
               w->watcher, "opening the watcher connection");
  sqlite3_busy_timeout(w->watcher, 5000);
  sqlite_check(
      sqlite3_prepare_v2(w->watcher, "PRAGMA data_version", -1, &w->data_version_stmt, nullptr),
      w->watcher, "preparing PRAGMA data_version");
  sqlite_check(sqlite3_open(":memory:", &w->pristine), w->pristine, "opening the pristine copy");
  copy_database(w->watcher, w->pristine, "copying the seeded database");
  w->base_revision = w->stores->org().registry_revision();
  w->base_audit = audit_count(*w);
  w->base_data_version = data_version(*w);
  std::fprintf(stderr,
               "api_fuzz: registry in %s: region %lld, agency %lld, %zu units, %zu positions, "
               "%zu employees, revision %lld, %lld audit entries\n",
               w->db_path.c_str(), static_cast<long long>(w->region),
               static_cast<long long>(w->agency), w->units.size(), w->positions.size(),
               w->employees.size(), static_cast<long long>(w->base_revision),
               static_cast<long long>(w->base_audit));
  g_world = w.release();
  std::atexit(remove_world);
}

// ---- decoding an input into requests ----

constexpr const char* kMethods[] = {"GET", "POST", "PATCH", "DELETE", "PUT", "HEAD"};
constexpr const char* kOddIds[] = {"0",
                                   "-1",
                                   "01",
                                   "9223372036854775807",
                                   "9223372036854775808",
                                   "999999999999999999",
                                   "1e3",
                                   "+1",
                                   "%31",
                                   "",
                                   "1.0",
                                   "0x10"};
constexpr const char* kQueryKeys[] = {"q", "limit", "offset", "region_id", "unit_id", "kind"};
constexpr const char* kOddNumbers[] = {"0",          "500",        "501",
                                       "1000000000", "1000000001", "-0",
                                       "1e2",        "2147483648", "99999999999999999999",
                                       "",           " 5"};
constexpr const char* kContentTypes[] = {"application/json",
                                         "application/json; charset=utf-8",
                                         "Application/JSON ; charset=latin1",
                                         "text/plain; charset=utf-8",
                                         "",  // no Content-Type header
                                         "multipart/form-data; boundary=x",
                                         "application/jsonx"};
constexpr std::size_t kFuzzedContentType = std::size(kContentTypes);
constexpr const char* kNotObjects[] = {"[]",
                                       "null",
                                       "1",
                                       "\"x\"",
                                       "[{}]",
                                       "{",
                                       "{}}",
                                       "{\"a\":1,\"a\":2}",
                                       "\xef\xbb\xbf{}",
                                       "{\"\\ud800\":1}"};
constexpr const char* kFieldKeys[] = {
    "name",   "parent_id", "employee_id", "position_id", "kind",        "start",       "end",
    "nip",    "username",  "password",    "role",        "rank",        "region_id",   "title",
    "eselon", "code",      "summary",     "unit_id",     "superior_id", "display_name"};

// Values worth trying for a body field, by the field's name.
std::vector<json> dictionary(std::string_view key) {
  const World& w = *g_world;
  if (key.ends_with("_id")) {
    return {0,
            -1,
            1,
            2,
            static_cast<std::int64_t>(w.employees.front()),
            static_cast<std::int64_t>(w.positions[1]),
            static_cast<std::int64_t>(w.units[1]),
            std::numeric_limits<std::int64_t>::max(),
            1.5,
            "1",
            json::array({1}),
            18446744073709551615ULL};
  }
  if (key == "nip")
    return {"198807122012121002",
            "19880712 201212 1 002",
            kPeople[0].nip,
            "19880712201212100X",
            "123",
            "196703251985022002",
            "194001011959122002",
            "198807122012121000",
            "  ",
            "19880712\t201212\t2\t777"};
  if (key == "kind") return {"PNS", "PPPK", "pns", "definitif", "plt", "plh", "Plt", "x", ""};
  if (key == "rank")
    return {"III/a", "IV/e", "iv-c", "IX", "golongan 17", "XVIII", "Penata Muda", "III/e", "0"};
  if (key == "role") return {"pegawai", "admin_registri", "administrator", "root", "ADMINISTRATOR"};
  if (key == "start" || key == "end")
    return {"2024-01-31", "2024-02-30",           "2024-02-29", "2023-02-29",
            "2019-01-01", "2099-12-31",           "2024-1-1",   "0000-01-01",
            "9999-12-31", "2024-01-31T00:00:00Z", "31-01-2024"};
  if (key == "username")
    return {"admin", "pegawai", "organisasi",         "nonaktif", "new.user-1",
            "AB",    "Admin",   std::string(65, 'x'), "ad min"};
  if (key == "password")
    return {w.accounts[kAdmin].password,
            w.accounts[kPegawai].password,
            w.accounts[kEditor].password,
            w.accounts[kInactive].password,
            "short",
            "0123456789",
            std::string(1025, 'p'),
            "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"};
  if (key == "eselon") return {"II.a", "III.b", "IV-a", "eselon V.a", "", "VI.z"};
  return {"Bagian Umum",   "",
          "   ",           std::string(301, 'x'),
          "Sekretariat",   "\xc3\x91o\xc3\xb1o \xf0\x9f\x98\x80",
          kPeople[1].name, "Kepala Badan",
          "\t\n"};
}

// Percent-encodes every byte outside [A-Za-z0-9._~-] (space as '+' when plus_for_space).
std::string percent_encode(std::string_view s, bool plus_for_space) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '.' ||
        c == '_' || c == '~' || c == '-') {
      out += c;
    } else if (c == ' ' && plus_for_space) {
      out += '+';
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

// One request of an input, with who sends it.
struct Call {
  tk::server::Request request;
  int identity = kAnonymous;
};

// The decoder. `In` is FuzzedDataProvider, or SeedWriter (below) when writing the seeds; every
// call to `in` is a statement of its own so that the order of the draws is fixed.
template <class In>
std::string id_text(In& in) {
  switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0:
      return std::to_string(in.ConsumeIntegralInRange(1, 64));
    case 1:
      return std::to_string(in.ConsumeIntegralInRange(std::numeric_limits<std::int64_t>::min(),
                                                      std::numeric_limits<std::int64_t>::max()));
    case 2:
      return kOddIds[in.ConsumeIntegralInRange(std::size_t{0}, std::size(kOddIds) - 1)];
    default:
      return in.ConsumeRandomLengthString(24);
  }
}

template <class In>
std::string query_text(In& in) {
  std::string q;
  const int n = in.ConsumeIntegralInRange(0, 4);
  for (int i = 0; i < n; ++i) {
    if (i > 0) q += '&';
    const std::size_t k = in.ConsumeIntegralInRange(std::size_t{0}, std::size(kQueryKeys));
    if (k < std::size(kQueryKeys)) {
      q += kQueryKeys[k];
    } else {
      q += in.ConsumeRandomLengthString(16);
    }
    switch (in.ConsumeIntegralInRange(0, 4)) {
      case 0:  // a key without '='
        break;
      case 1:
        q += '=' + std::to_string(in.ConsumeIntegralInRange(-2, 600));
        break;
      case 2:
        q += '=';
        q += kOddNumbers[in.ConsumeIntegralInRange(std::size_t{0}, std::size(kOddNumbers) - 1)];
        break;
      case 3: {
        const std::string value = in.ConsumeRandomLengthString(40);
        const bool plus = in.ConsumeBool();
        q += '=' + percent_encode(value, plus);
        break;
      }
      default:  // raw: may hold malformed escapes
        q += '=' + in.ConsumeRandomLengthString(40);
        break;
    }
  }
  return q;
}

template <class In>
std::string target_text(In& in, std::string& route_method) {
  const auto& routes = tk::server::route_list();
  const int kind = in.ConsumeIntegralInRange(0, 3);
  if (kind <= 1) {
    const auto& r = routes[in.ConsumeIntegralInRange(std::size_t{0}, routes.size() - 1)];
    route_method = std::string(r.method);
    std::string t = "/api/v1";
    std::string_view pattern = r.pattern;
    for (auto at = pattern.find("{id}"); at != std::string_view::npos; at = pattern.find("{id}")) {
      t += pattern.substr(0, at);
      t += id_text(in);
      pattern.remove_prefix(at + 4);
    }
    t += pattern;
    // A letter's verification token (issue 12 item 6): base64url characters, mostly 43 of them.
    if (const auto at = t.find("{token}"); at != std::string::npos) {
      static constexpr std::string_view kBase64Url =
          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      std::string token;
      const std::size_t n =
          in.ConsumeBool() ? 43 : in.ConsumeIntegralInRange(std::size_t{1}, std::size_t{70});
      for (std::size_t i = 0; i < n; ++i)
        token += kBase64Url[in.ConsumeIntegralInRange(std::size_t{0}, kBase64Url.size() - 1)];
      t.replace(at, 7, token);
    }
    // A mechanism's or an agency kind's key (issue 12 item 7): a known one or lowercase letters,
    // digits and '_', sometimes longer than the 64 a key may be.
    if (const auto at = t.find("{key}"); at != std::string::npos) {
      static constexpr std::string_view kKeyChars = "abcdefghijklmnopqrstuvwxyz0123456789_";
      static constexpr std::array<std::string_view, 4> kKnown = {
          "penunjukan_lintas_unit", "sukarela_dalam_unit", "sekretariat_daerah", "uptd"};
      std::string key;
      if (in.ConsumeBool()) {
        key = kKnown[in.ConsumeIntegralInRange(std::size_t{0}, kKnown.size() - 1)];
      } else {
        const std::size_t n = in.ConsumeIntegralInRange(std::size_t{1}, std::size_t{70});
        for (std::size_t i = 0; i < n; ++i)
          key += kKeyChars[in.ConsumeIntegralInRange(std::size_t{0}, kKeyChars.size() - 1)];
      }
      t.replace(at, 5, key);
    }
    if (kind == 1) {
      t += '?';
      t += query_text(in);
    }
    return t;
  }
  // Raw bytes: handle_api_request is only called for targets under /api/.
  if (kind == 2) return "/api/v1" + in.ConsumeRandomLengthString(64);
  return "/api/" + in.ConsumeRandomLengthString(64);
}

template <class In>
json json_value(In& in, std::string_view key, int depth) {
  switch (in.ConsumeIntegralInRange(0, 9)) {
    case 0:
      return nullptr;
    case 1:
      return in.ConsumeBool();
    case 2:
      return in.ConsumeIntegralInRange(-1, 64);
    case 3:
      return in.ConsumeIntegralInRange(std::numeric_limits<std::int64_t>::min(),
                                       std::numeric_limits<std::int64_t>::max());
    case 4:
      return static_cast<double>(in.ConsumeIntegralInRange(-1000000, 1000000)) / 1000.0;
    case 5:
      return in.ConsumeRandomLengthString(200);
    case 6:
    case 7: {
      const auto values = dictionary(key);
      return values[in.ConsumeIntegralInRange(std::size_t{0}, values.size() - 1)];
    }
    case 8: {
      json a = json::array();
      const int n = in.ConsumeIntegralInRange(0, 3);
      for (int i = 0; i < n; ++i) a.push_back(depth < 2 ? json_value(in, key, depth + 1) : json());
      return a;
    }
    default: {
      json o = json::object();
      const int n = in.ConsumeIntegralInRange(0, 3);
      for (int i = 0; i < n; ++i) {
        const std::string k = in.ConsumeRandomLengthString(12);
        o[k] = depth < 2 ? json_value(in, k, depth + 1) : json();
      }
      return o;
    }
  }
}

template <class In>
json json_object(In& in) {
  json o = json::object();
  const int n = in.ConsumeIntegralInRange(0, 8);
  for (int i = 0; i < n; ++i) {
    const std::size_t k = in.ConsumeIntegralInRange(std::size_t{0}, std::size(kFieldKeys));
    std::string key;
    if (k < std::size(kFieldKeys)) {
      key = kFieldKeys[k];
    } else {
      key = in.ConsumeRandomLengthString(16);
    }
    o[key] = json_value(in, key, 0);
  }
  return o;
}

template <class In>
Call decode_call(In& in) {
  const World& w = *g_world;
  Call c;
  auto& req = c.request;
  req.client_address = "127.0.0.1";
  std::string route_method = "GET";
  req.target = target_text(in, route_method);
  const int method = in.ConsumeIntegralInRange(0, 7);
  if (method == 0) {
    req.method = route_method;
  } else if (method <= static_cast<int>(std::size(kMethods))) {
    req.method = kMethods[method - 1];
  } else {
    req.method = in.ConsumeRandomLengthString(10);
  }

  c.identity = in.ConsumeIntegralInRange(0, kIdentityCount - 1);
  if (c.identity != kAnonymous) {
    std::string token;
    if (c.identity == kForged) {
      token = in.ConsumeRandomLengthString(80);
    } else {
      token = w.accounts[c.identity].token;
    }
    switch (in.ConsumeIntegralInRange(0, 2)) {
      case 0:
        req.headers.emplace_back("Cookie", "tk_session=" + token);
        break;
      case 1:
        req.headers.emplace_back("Cookie", "theme=dark; tk_session=" + token + ";");
        break;
      default:
        req.headers.emplace_back("Cookie", "tk_session=" + token + "; tk_session=x");
        break;
    }
  }
  const Account& own =
      w.accounts[c.identity == kAnonymous || c.identity == kForged ? kAdmin : c.identity];
  const Account& other = w.accounts[c.identity == kAdmin ? kEditor : kAdmin];
  switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0:
      break;
    case 1:
      req.headers.emplace_back("X-CSRF-Token", own.csrf);
      break;
    case 2:
      req.headers.emplace_back("X-CSRF-Token", other.csrf);
      break;
    default:
      req.headers.emplace_back("X-CSRF-Token", in.ConsumeRandomLengthString(80));
      break;
  }
  const std::size_t type = in.ConsumeIntegralInRange(std::size_t{0}, kFuzzedContentType);
  if (type == kFuzzedContentType) {
    req.headers.emplace_back("Content-Type", in.ConsumeRandomLengthString(40));
  } else if (*kContentTypes[type] != '\0') {
    req.headers.emplace_back("Content-Type", kContentTypes[type]);
  }
  switch (in.ConsumeIntegralInRange(0, 4)) {
    case 0:
      break;
    case 1:
      req.body = in.ConsumeRandomLengthString(3000);
      break;
    case 2:
      req.body = json_object(in).dump(-1, ' ', false, json::error_handler_t::replace);
      break;
    case 3: {  // the head of a corpus text, then fuzzed bytes: for preview and import
      const auto& text = w.corpus[in.ConsumeIntegralInRange(std::size_t{0}, w.corpus.size() - 1)];
      req.body = text.substr(0, in.ConsumeIntegralInRange(std::size_t{0}, text.size()));
      req.body += in.ConsumeRandomLengthString(400);
      break;
    }
    default:
      req.body = kNotObjects[in.ConsumeIntegralInRange(std::size_t{0}, std::size(kNotObjects) - 1)];
      break;
  }
  req.body_too_large = in.ConsumeIntegralInRange(0, 31) == 31;
  return c;
}

// ---- checking an answer ----

std::string printable(std::string_view s, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && i < limit; ++i) {
    const auto u = static_cast<unsigned char>(s[i]);
    if (u >= 0x20 && u < 0x7f && u != '\\') {
      out += s[i];
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    }
  }
  if (s.size() > limit) out += "...";
  return out;
}

std::string describe(const Call& c) {
  static constexpr const char* kNames[] = {
      "anonymous", "pegawai", "admin_registri", "administrator", "forged", "inactive", "expired"};
  std::string out = printable(c.request.method, 100) + " " + printable(c.request.target, 400) +
                    "  [" + kNames[c.identity] + "]\n";
  for (const auto& [n, v] : c.request.headers) out += "    " + n + ": " + printable(v, 200) + "\n";
  if (c.request.body_too_large) out += "    (body_too_large)\n";
  out += "    body (" + std::to_string(c.request.body.size()) +
         " bytes): " + printable(c.request.body, 1500) + "\n";
  return out;
}

[[noreturn]] void violation(const std::string& what, const Call& c, const tk::server::Response& r) {
  std::string headers;
  for (const auto& [n, v] : r.headers) headers += "    " + n + ": " + printable(v, 200) + "\n";
  std::fprintf(stderr,
               "\napi_fuzz: INVARIANT VIOLATED: %s\n  request: %s  answer: %d\n%s    body: %s\n\n",
               what.c_str(), describe(c).c_str(), r.status, headers.c_str(),
               printable(r.body, 3000).c_str());
  remove_world();
  std::abort();
}

std::string_view header_of(const tk::server::Response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n.size() == name.size() && std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) {
          return (a | 0x20) == (b | 0x20);
        }))
      return v;
  }
  return {};
}

// The status of an error code the API may answer here, from the one error table (core/error.hpp);
// 0 for a name of no code, a code the API never answers (a file code), and 500 INTERNAL and 503
// UNAVAILABLE (neither may happen here).
int documented_status(std::string_view name) {
  const auto code = tk::code_from_name(name);
  if (!code || !tk::answered_by_api(*code)) return 0;
  if (*code == tk::ErrorCode::Internal || *code == tk::ErrorCode::Unavailable) return 0;
  return tk::http_status_of(*code);
}

// 200, 201, 204, or the status of a code documented_status accepts.
bool allowed_status(int s) {
  if (s == 200 || s == 201 || s == 204) return true;
  for (const auto& e : tk::kErrorTable) {
    if (e.http_status == s && documented_status(e.name) == s) return true;
  }
  return false;
}

struct State {
  std::int64_t revision = 0;
  std::int64_t audit = 0;
  std::int64_t data_version = 0;
};

State state_of(World& w) {
  return State{w.stores->org().registry_revision(), audit_count(w), data_version(w)};
}

void check_answer(const Call& c, const tk::server::Response& r, const std::optional<Id>& user_id,
                  const State& before, const State& after, bool pristine) {
  const World& w = *g_world;
  if (!allowed_status(r.status)) violation("status outside the documented set", c, r);
  const std::string_view type = header_of(r, "Content-Type");
  const bool json_type = type.starts_with("application/json");

  if (r.status >= 400) {
    if (!json_type) violation("error answer without a JSON Content-Type", c, r);
    const json body = json::parse(r.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("error") ||
        !body["error"].is_object())
      violation("error answer not of the form {\"error\":{...}}", c, r);
    const json& e = body["error"];
    if (!e.contains("code") || !e["code"].is_string())
      violation("error answer without a string code", c, r);
    if (!e.contains("message") || !e["message"].is_string() ||
        e["message"].get<std::string>().empty())
      violation("error answer without a non-empty message", c, r);
    if (e.contains("field") && !e["field"].is_null() && !e["field"].is_string())
      violation("error field neither null nor a string", c, r);
    if (documented_status(e["code"].get<std::string>()) != r.status)
      violation("error code not documented for this status", c, r);
    if (r.status == 405 && header_of(r, "Allow").empty()) violation("405 without Allow", c, r);
    if (r.status == 429 && header_of(r, "Retry-After").empty())
      violation("429 without Retry-After", c, r);
    // A refused request writes nothing at all, except a failed sign-in, which is audited (one
    // entry, nothing else: issue 10).
    const bool failed_sign_in = e["code"] == "WRONG_CREDENTIALS";
    if (after.revision != before.revision)
      violation("a refused request changed the registry revision", c, r);
    if (after.audit != before.audit + (failed_sign_in ? 1 : 0))
      violation(failed_sign_in ? "a failed sign-in did not write exactly one audit entry"
                               : "a refused request wrote an audit entry",
                c, r);
    if (after.data_version != before.data_version && !failed_sign_in)
      violation("a refused request committed a change to the database", c, r);
  } else {
    if (r.status == 204 && !r.body.empty()) violation("204 with a body", c, r);
    if (json_type && json::parse(r.body, nullptr, false).is_discarded())
      violation("2xx JSON answer that does not parse", c, r);
  }
  // A change to the registry comes with exactly one audit entry.
  if (after.revision != before.revision && after.audit != before.audit + 1)
    violation("the registry changed without exactly one audit entry", c, r);

  if (is_anonymous(c.identity)) {
    if (user_id) violation("an anonymous request was attributed to a user", c, r);
    // Personal data: only checked while the registry is as seeded (an editor's earlier request in
    // the same input may have copied a name or an NIP into a public field).
    if (pristine && r.status < 300) {
      for (const auto& p : w.personal)
        if (r.body.find(p) != std::string::npos)
          violation("anonymous answer holds personal data (" + p + ")", c, r);
    }
  } else if (user_id && *user_id != w.accounts[c.identity].user_id) {
    violation("request attributed to another user", c, r);
  }
}

constexpr int kMaxCalls = 4;

template <class In>
std::vector<Call> decode_input(In& in) {
  std::vector<Call> calls;
  for (int i = 0; i < kMaxCalls; ++i) {
    calls.push_back(decode_call(in));
    if (!in.ConsumeBool()) break;
  }
  return calls;
}

void run_input(const std::vector<Call>& calls) {
  World& w = *g_world;
  tk::server::RateLimiter limiter;
  tk::server::AnswerCache answers(std::size_t{4} << 20);
  tk::server::ScopeBoard board(std::chrono::milliseconds(0));  // checked on every request
  bool pristine = true;
  State before{w.base_revision, w.base_audit, w.base_data_version};
  for (const Call& c : calls) {
    std::optional<Id> user_id;
    tk::server::Response r;
    try {
      r = tk::server::handle_api_request(
          c.request, w.stores->stores(),
          tk::server::ApiShared{w.config, limiter, answers, board, nullptr}, user_id);
    } catch (const std::exception& e) {
      violation(std::string("handle_api_request threw: ") + e.what(), c, r);
    } catch (...) {
      violation("handle_api_request threw an unknown exception", c, r);
    }
    const State after = state_of(w);
    if (g_verbose)
      std::fprintf(stderr, "%s  -> %d %s\n", describe(c).c_str(), r.status,
                   printable(r.body, 300).c_str());
    check_answer(c, r, user_id, before, after, pristine);
    if (after.data_version != w.base_data_version) pristine = false;
    before = after;
  }
  if (!pristine) restore(w);
}

// ---- seeds ----

// Plays FuzzedDataProvider backwards: answers the decoder's draws from a script and records the
// bytes that make FuzzedDataProvider give the same answers (integers are taken from the end of
// the data, most significant byte first; strings from the front, ended by "\\" and one more byte).
class SeedWriter {
 public:
  using Choice = std::variant<std::int64_t, std::string>;
  explicit SeedWriter(std::vector<Choice> script) : script_(std::move(script)) {}

  template <typename T>
  T ConsumeIntegralInRange(T lo, T hi) {
    const auto& c = next();
    if (!std::holds_alternative<std::int64_t>(c)) harness_failure("seed script: number expected");
    const auto v = static_cast<T>(std::get<std::int64_t>(c));
    if (v < lo || v > hi || static_cast<std::int64_t>(v) != std::get<std::int64_t>(c))
      harness_failure("seed script: " + std::to_string(std::get<std::int64_t>(c)) +
                      " out of range at draw " + std::to_string(at_));
    const std::uint64_t range = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
    const std::uint64_t r = static_cast<std::uint64_t>(v) - static_cast<std::uint64_t>(lo);
    int bytes = 0;
    for (std::size_t off = 0; off < sizeof(T) * 8 && (range >> off) > 0; off += 8) ++bytes;
    for (int i = bytes - 1; i >= 0; --i) back_.push_back(static_cast<std::uint8_t>(r >> (8 * i)));
    return v;
  }
  bool ConsumeBool() { return (ConsumeIntegralInRange<std::uint8_t>(0, 255) & 1) != 0; }
  std::string ConsumeRandomLengthString(std::size_t max_length) {
    const auto& c = next();
    if (!std::holds_alternative<std::string>(c)) harness_failure("seed script: string expected");
    const std::string& s = std::get<std::string>(c);
    if (s.size() > max_length) harness_failure("seed script: string too long: " + s);
    for (const char ch : s) {
      front_.push_back(static_cast<std::uint8_t>(ch));
      if (ch == '\\') front_.push_back('\\');
    }
    if (s.size() < max_length) {
      front_.push_back('\\');
      front_.push_back('n');
    }
    return s;
  }
  std::string bytes() const {
    if (at_ != script_.size()) harness_failure("seed script: unused choices");
    std::string out(front_.begin(), front_.end());
    out.append(back_.rbegin(), back_.rend());
    return out;
  }

 private:
  const Choice& next() {
    if (at_ >= script_.size()) harness_failure("seed script: too short");
    return script_[at_++];
  }
  std::vector<Choice> script_;
  std::size_t at_ = 0;
  std::vector<std::uint8_t> front_;
  std::vector<std::uint8_t> back_;
};

// Builds the script of one input, request by request, in the decoder's order.
class Script {
 public:
  using Choice = SeedWriter::Choice;
  struct Body {
    int kind = 0;  // as decode_call: 0 none, 1 raw, 2 JSON object, 3 corpus head, 4 not an object
    std::string raw;
    std::vector<std::pair<std::string, json>> fields;  // kind 2: dictionary values by index
    std::size_t corpus = 0, corpus_length = 0;         // kind 3
  };

  // `pattern` names a route of route_list(); `ids` fill its {id}s; `query` the (key, value) pairs
  // (values sent raw), nullopt for no '?'.
  Script& call(std::string_view method, std::string_view pattern, std::vector<Id> ids,
               std::optional<std::vector<std::pair<std::string, std::string>>> query, int identity,
               bool csrf, std::size_t content_type, Body body) {
    if (!first_) add(1);  // the previous call's "one more request"
    first_ = false;
    const auto& routes = tk::server::route_list();
    std::size_t route = routes.size();
    for (std::size_t i = 0; i < routes.size(); ++i)
      if (routes[i].pattern == pattern && routes[i].method == method) route = i;
    if (route == routes.size()) {
      // A path of a route with another method: pick the route by pattern only.
      for (std::size_t i = 0; i < routes.size(); ++i)
        if (routes[i].pattern == pattern) route = i;
    }
    if (route == routes.size()) harness_failure("seed script: no route " + std::string(pattern));
    add(query ? 1 : 0);
    add(static_cast<std::int64_t>(route));
    for (Id id : ids) {
      add(id >= 1 && id <= 64 ? 0 : 1);  // id_text: a small id, or any 64-bit number
      add(id);
    }
    if (query) {
      add(static_cast<std::int64_t>(query->size()));
      for (const auto& [k, v] : *query) {
        std::size_t key = std::size(kQueryKeys);
        for (std::size_t i = 0; i < std::size(kQueryKeys); ++i)
          if (k == kQueryKeys[i]) key = i;
        add(static_cast<std::int64_t>(key));
        if (key == std::size(kQueryKeys)) add(k);
        add(4);
        add(v);
      }
    }
    std::size_t m = 0;
    for (std::size_t i = 0; i < std::size(kMethods); ++i)
      if (method == kMethods[i]) m = i + 1;
    if (routes[route].method == method) m = 0;
    add(static_cast<std::int64_t>(m));
    add(identity);
    if (identity == kForged) add(std::string(64, 'f'));
    if (identity != kAnonymous) add(0);
    add(csrf ? 1 : 0);
    add(static_cast<std::int64_t>(content_type));
    add(body.kind);
    switch (body.kind) {
      case 1:
        add(body.raw);
        break;
      case 2:
        add(static_cast<std::int64_t>(body.fields.size()));
        for (const auto& [k, v] : body.fields) {
          std::size_t key = std::size(kFieldKeys);
          for (std::size_t i = 0; i < std::size(kFieldKeys); ++i)
            if (k == kFieldKeys[i]) key = i;
          if (key == std::size(kFieldKeys)) harness_failure("seed script: field " + k);
          add(static_cast<std::int64_t>(key));
          add_value(k, v);
        }
        break;
      case 3:
        add(static_cast<std::int64_t>(body.corpus));
        add(static_cast<std::int64_t>(body.corpus_length));
        add(std::string());
        break;
      case 4:
        add(std::stoll(body.raw));
        break;
      default:
        break;
    }
    add(0);  // body_too_large: no
    return *this;
  }
  std::vector<Choice> done() {
    add(0);  // no more requests
    return std::move(choices_);
  }

 private:
  void add(std::int64_t v) { choices_.emplace_back(v); }
  void add(std::string s) { choices_.emplace_back(std::move(s)); }
  // A field value: from the field's dictionary when it is there, else an integer or a string.
  void add_value(const std::string& key, const json& v) {
    const auto values = dictionary(key);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i] == v) {
        add(6);
        add(static_cast<std::int64_t>(i));
        return;
      }
    }
    if (v.is_number_integer() && v.get<std::int64_t>() >= -1 && v.get<std::int64_t>() <= 64) {
      add(2);
      add(v.get<std::int64_t>());
    } else if (v.is_number_integer()) {
      add(3);
      add(v.get<std::int64_t>());
    } else if (v.is_null()) {
      add(0);
    } else if (v.is_string()) {
      add(5);
      add(v.get<std::string>());
    } else {
      harness_failure("seed script: value " + v.dump());
    }
  }
  std::vector<Choice> choices_;
  bool first_ = true;
};

constexpr std::size_t kJson = 1, kTextPlain = 3, kNoType = 4;

Script::Body no_body() {
  return {};
}
Script::Body fields(std::vector<std::pair<std::string, json>> f) {
  Script::Body b;
  b.kind = 2;
  b.fields = std::move(f);
  return b;
}
Script::Body raw(std::string s) {
  Script::Body b;
  b.kind = 1;
  b.raw = std::move(s);
  return b;
}

std::vector<std::pair<std::string, std::vector<SeedWriter::Choice>>> seed_scripts() {
  const World& w = *g_world;
  using Q = std::vector<std::pair<std::string, std::string>>;
  const auto nq = std::nullopt;
  const std::int64_t id = static_cast<std::int64_t>(w.next_employee);
  std::vector<std::pair<std::string, std::vector<SeedWriter::Choice>>> s;
  s.emplace_back(
      "health",
      Script().call("GET", "/health", {}, nq, kAnonymous, false, kNoType, no_body()).done());
  s.emplace_back(
      "position-anonymous-then-pegawai",
      Script()
          .call("GET", "/positions/{id}", {w.positions[0]}, nq, kAnonymous, false, kNoType,
                no_body())
          .call("GET", "/positions/{id}", {w.positions[0]}, nq, kPegawai, false, kNoType, no_body())
          .call("GET", "/positions/{id}", {w.positions[0]}, nq, kForged, false, kNoType, no_body())
          .done());
  s.emplace_back(
      "chart-twice",
      Script()
          .call("GET", "/agencies/{id}/chart", {w.agency}, nq, kPegawai, false, kNoType, no_body())
          .call("GET", "/agencies/{id}/chart", {w.agency}, nq, kExpired, false, kNoType, no_body())
          .done());
  s.emplace_back("people-search",
                 Script()
                     .call("GET", "/employees", {}, Q{{"q", "fuzz"}, {"limit", "1"}}, kPegawai,
                           false, kNoType, no_body())
                     .call("GET", "/employees", {}, Q{{"q", "1978"}, {"offset", "1"}}, kInactive,
                           false, kNoType, no_body())
                     .done());
  s.emplace_back("employee-create-read-place",
                 Script()
                     .call("POST", "/employees", {}, nq, kEditor, true, kJson,
                           fields({{"nip", "198807122012121002"},
                                   {"name", "Bagian Umum"},
                                   {"kind", "PNS"},
                                   {"rank", "III/a"},
                                   {"region_id", static_cast<std::int64_t>(w.region)}}))
                     .call("GET", "/employees/{id}", {id}, nq, kPegawai, false, kNoType, no_body())
                     .call("POST", "/placements", {}, nq, kAdmin, true, kJson,
                           fields({{"employee_id", id},
                                   {"position_id", static_cast<std::int64_t>(w.positions[1])},
                                   {"kind", "plt"},
                                   {"start", "2024-02-29"}}))
                     .call("GET", "/positions/{id}", {w.positions[1]}, nq, kAnonymous, false,
                           kNoType, no_body())
                     .done());
  s.emplace_back("employee-invalid-nip",
                 Script()
                     .call("POST", "/employees", {}, nq, kEditor, true, kJson,
                           fields({{"nip", "196703251985022002"},
                                   {"name", "Bagian Umum"},
                                   {"kind", "PPPK"},
                                   {"rank", "IX"},
                                   {"region_id", static_cast<std::int64_t>(w.region)}}))
                     .done());
  s.emplace_back("employee-update",
                 Script()
                     .call("PATCH", "/employees/{id}", {w.employees[4]}, nq, kEditor, true, kJson,
                           fields({{"name", "Kepala Badan"}, {"rank", "IX"}}))
                     .call("PATCH", "/employees/{id}", {w.employees[0]}, nq, kPegawai, true, kJson,
                           fields({{"rank", "IV/e"}}))
                     .done());
  s.emplace_back("placement-end", Script()
                                      .call("POST", "/placements/{id}/end", {w.open_placement}, nq,
                                            kEditor, true, kJson, fields({{"end", "2024-01-31"}}))
                                      .call("POST", "/placements/{id}/end", {w.ended_placement}, nq,
                                            kEditor, true, kJson, fields({{"end", "2024-01-31"}}))
                                      .done());
  s.emplace_back("position-cycle",
                 Script()
                     .call("PATCH", "/positions/{id}", {w.positions[0]}, nq, kEditor, true, kJson,
                           fields({{"superior_id", static_cast<std::int64_t>(w.positions[1])}}))
                     .call("PATCH", "/positions/{id}", {w.positions[1]}, nq, kAdmin, true, kJson,
                           fields({{"eselon", "III.b"}, {"unit_id", nullptr}}))
                     .done());
  s.emplace_back("unit-move",
                 Script()
                     .call("PATCH", "/units/{id}", {w.units[1]}, nq, kEditor, true, kJson,
                           fields({{"name", "Sekretariat"}, {"parent_id", nullptr}}))
                     .call("GET", "/agencies/{id}/units", {w.agency}, nq, kAnonymous, false,
                           kNoType, no_body())
                     .done());
  s.emplace_back("login-rate-limit",
                 Script()
                     .call("POST", "/auth/login", {}, nq, kAnonymous, false, kJson,
                           fields({{"username", "admin"}, {"password", "0123456789"}}))
                     .call("POST", "/auth/login", {}, nq, kAnonymous, false, kJson,
                           fields({{"username", "Admin"}, {"password", "short"}}))
                     .call("POST", "/auth/login", {}, nq, kAnonymous, false, kJson,
                           fields({{"username", "admin"}, {"password", "0123456789"}}))
                     .done());
  s.emplace_back(
      "login-then-me",
      Script()
          .call("POST", "/auth/login", {}, nq, kAnonymous, false, kJson,
                fields({{"username", "pegawai"}, {"password", w.accounts[kPegawai].password}}))
          .call("GET", "/auth/me", {}, nq, kPegawai, false, kNoType, no_body())
          .done());
  s.emplace_back("logout-then-me",
                 Script()
                     .call("POST", "/auth/logout", {}, nq, kPegawai, true, kNoType, no_body())
                     .call("GET", "/auth/me", {}, nq, kPegawai, false, kNoType, no_body())
                     .done());
  {
    Script::Body text;
    text.kind = 3;
    text.corpus = 2;
    text.corpus_length = 6000;
    s.emplace_back("regulation-preview", Script()
                                             .call("POST", "/regulations/preview", {}, nq, kEditor,
                                                   true, kTextPlain, text)
                                             .done());
    text.corpus = 0;
    text.corpus_length = 3000;
    s.emplace_back("regulation-import",
                   Script()
                       .call("POST", "/regulations", {}, nq, kAdmin, true, kNoType, text)
                       .call("GET", "/regulations", {}, Q{{"region_id", std::to_string(w.region)}},
                             kAnonymous, false, kNoType, no_body())
                       .done());
  }
  s.emplace_back(
      "users", Script()
                   .call("POST", "/users", {}, nq, kAdmin, true, kJson,
                         fields({{"username", "new.user-1"},
                                 {"password", "0123456789"},
                                 {"role", "admin_registri"},
                                 {"employee_id", static_cast<std::int64_t>(w.employees.front())}}))
                   .call("GET", "/users", {}, nq, kAdmin, false, kNoType, no_body())
                   .done());
  s.emplace_back("audit", Script()
                              .call("GET", "/audit", {}, Q{{"limit", "3"}, {"offset", "2"}},
                                    kEditor, false, kNoType, no_body())
                              .done());
  s.emplace_back(
      "public-lists",
      Script()
          .call("GET", "/agencies", {}, Q{{"q", "badan"}, {"limit", "2"}}, kAnonymous, false,
                kNoType, no_body())
          .call("GET", "/regions/{id}", {w.region}, nq, kAnonymous, false, kNoType, no_body())
          .call("GET", "/agencies/{id}/positions", {w.agency},
                Q{{"kind", "fungsional"}, {"q", "kepala"}, {"unit_id", "2"}}, kAnonymous, false,
                kNoType, no_body())
          .call("GET", "/agencies/{id}/history", {w.agency}, nq, kAnonymous, false, kNoType,
                no_body())
          .done());
  s.emplace_back(
      "regulation-and-article",
      Script()
          .call("GET", "/regulations/{id}", {w.regulation}, nq, kAnonymous, false, kNoType,
                no_body())
          .call("GET", "/articles/{id}", {w.article}, nq, kAnonymous, false, kNoType, no_body())
          .call("GET", "/agencies/{id}", {w.agency}, nq, kAnonymous, false, kNoType, no_body())
          .done());
  s.emplace_back(
      "refusals",
      Script()
          .call("DELETE", "/positions/{id}", {w.positions[0]}, nq, kAdmin, true, kJson, no_body())
          .call("PATCH", "/employees/{id}", {w.employees[0]}, nq, kEditor, false, kTextPlain,
                raw("{\"name\":\"x\"}"))
          .call("POST", "/employees", {}, nq, kForged, true, kJson, raw("{\"nip\":"))
          .done());
  s.emplace_back(
      "openapi",
      Script().call("GET", "/openapi.json", {}, nq, kAnonymous, false, kNoType, no_body()).done());
  return s;
}

void write_seeds(const std::string& dir) {
  fs::create_directories(dir);
  for (const auto& [name, script] : seed_scripts()) {
    SeedWriter writer(script);
    const auto planned = decode_input(writer);
    const std::string bytes = writer.bytes();
    FuzzedDataProvider in(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    const auto decoded = decode_input(in);
    std::string a, b;
    for (const auto& c : planned) a += describe(c);
    for (const auto& c : decoded) b += describe(c);
    if (a != b)
      harness_failure("seed " + name + " decodes differently:\n" + a + "-- versus --\n" + b);
    std::ofstream(fs::path(dir) / name, std::ios::binary) << bytes;
    std::fprintf(stderr, "api_fuzz: seed %s (%zu bytes)\n", name.c_str(), bytes.size());
    run_input(decoded);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  make_world();
  g_verbose = std::getenv("TATAKERJA_API_FUZZ_VERBOSE") != nullptr;
  if (const char* dir = std::getenv("TATAKERJA_API_FUZZ_WRITE_SEEDS")) {
    write_seeds(dir);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  run_input(decode_input(in));
  return 0;
}
