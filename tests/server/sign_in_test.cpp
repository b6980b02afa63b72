// Sign-in that cannot be turned against users, and accounts (issue 10, items 4 and 5):
// - the throttle's parts without the network: growing delays per key, a success or an hour
//   forgetting them, the bound under a flood of keys, successful sign-ins per hour, the password
//   hashing slots (RateLimiter); the client address behind trusted proxies (client_address); the
//   sign-in settings (config);
// - end to end, on a real server on a loopback port over a SQLite file: an attacker at another
//   address does not lock the user out, while the attacking pair waits (Retry-After); an
//   X-Forwarded-For from a peer that is not a trusted proxy is ignored; successful sign-ins and
//   sessions per account are limited; a password change ends the other sessions; a switched-off
//   account cannot sign in and its sessions end; a user lists and ends their own sessions; the
//   password rules through POST /users; every changing route refuses a missing CSRF token and a
//   wrong role.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "api/client_address.hpp"
#include "api/config.hpp"
#include "api/rate_limiter.hpp"
#include "app/accounts.hpp"
#include "http_client.hpp"
#include "persistence/sql_stores.hpp"
#include "server/server.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using server::RateLimiter;
using testing::HttpAnswer;
using testing::HttpClient;
using Headers = std::vector<std::pair<std::string, std::string>>;

// ---- the throttle -------------------------------------------------------------------------

TEST(SignInThrottle, FiveFreeFailuresThenDelaysThatDouble) {
  RateLimiter r;
  const RateLimiter::Rule rule{5, 900};
  const std::int64_t t = 1'000'000;
  for (int i = 0; i < 4; ++i) {
    r.record_failure("pair", t + i, rule);
    EXPECT_EQ(r.retry_after("pair", t + i), 0) << i;
  }
  r.record_failure("pair", t + 4, rule);  // the fifth
  EXPECT_EQ(r.retry_after("pair", t + 4), 1);
  EXPECT_EQ(r.retry_after("pair", t + 5), 0);
  // Each further failure doubles the wait: 2, 4, 8, ... s.
  std::int64_t now = t + 5;
  for (std::int64_t expected : {2, 4, 8, 16, 32, 64, 128, 256, 512}) {
    r.record_failure("pair", now, rule);
    EXPECT_EQ(r.retry_after("pair", now), expected);
    now += expected;
    EXPECT_EQ(r.retry_after("pair", now), 0);
  }
  // Capped at the maximum (15 minutes), however many more.
  for (int i = 0; i < 50; ++i) {
    r.record_failure("pair", now, rule);
    EXPECT_EQ(r.retry_after("pair", now), 900);
    now += 900;
  }
  // Another key is not touched.
  EXPECT_EQ(r.retry_after("other", now - 1), 0);
  // A success forgets the key.
  r.record_failure("pair", now, rule);
  r.reset("pair");
  EXPECT_EQ(r.retry_after("pair", now), 0);
  r.record_failure("pair", now, rule);
  EXPECT_EQ(r.retry_after("pair", now), 0);  // counting starts again at one
}

TEST(SignInThrottle, TheFirstDelayCanBeLonger) {
  RateLimiter r;
  const RateLimiter::Rule rule{2, 900, 60};
  const std::int64_t t = 1'500'000;
  r.record_failure("pair", t, rule);
  EXPECT_EQ(r.retry_after("pair", t), 0);
  r.record_failure("pair", t, rule);
  EXPECT_EQ(r.retry_after("pair", t), 60);
  r.record_failure("pair", t + 60, rule);
  EXPECT_EQ(r.retry_after("pair", t + 60), 120);
  for (int i = 0; i < 10; ++i) r.record_failure("pair", t + 1000, rule);
  EXPECT_EQ(r.retry_after("pair", t + 1000), 900);
}

TEST(SignInThrottle, AnHourWithoutFailureForgets) {
  RateLimiter r;
  const RateLimiter::Rule rule{5, 900};
  const std::int64_t t = 2'000'000;
  for (int i = 0; i < 7; ++i) r.record_failure("pair", t, rule);
  EXPECT_EQ(r.retry_after("pair", t), 4);
  r.record_failure("pair", t + 3601, rule);
  EXPECT_EQ(r.retry_after("pair", t + 3601), 0);  // the first failure of a new count
}

TEST(SignInThrottle, FloodOfKeysStaysBoundedAndKeepsTheRecent) {
  RateLimiter r(1000);
  const RateLimiter::Rule rule{1, 900};
  const std::int64_t t = 3'000'000;
  r.record_failure("attacker", t + 100'000, rule);
  for (int i = 0; i < 20'000; ++i) {
    r.record_failure("random-" + std::to_string(i), t + i, rule);
    ASSERT_LE(r.size(), 1000u);
  }
  // The key that failed last (at the flood's end, t + 100,000) is still waiting.
  EXPECT_GT(r.retry_after("attacker", t + 100'000), 0);
}

TEST(SignInThrottle, SuccessfulSignInsPerHour) {
  RateLimiter r;
  const std::int64_t t = 4'000'000;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(r.sign_in_retry_after(7, t + i * 10, 3), 0);
    r.record_sign_in(7, t + i * 10, 3);
  }
  // The fourth within the hour waits until the first leaves it.
  EXPECT_EQ(r.sign_in_retry_after(7, t + 30, 3), 3600 - 30);
  EXPECT_EQ(r.sign_in_retry_after(8, t + 30, 3), 0);  // another account
  EXPECT_EQ(r.sign_in_retry_after(7, t + 3600, 3), 0);
}

TEST(SignInThrottle, HashingSlots) {
  RateLimiter r;
  using std::chrono::milliseconds;
  {
    auto a = r.hashing_slot(2, milliseconds(0));
    auto b = r.hashing_slot(2, milliseconds(0));
    ASSERT_TRUE(a);
    ASSERT_TRUE(b);
    EXPECT_EQ(r.hashing_in_use(), 2);
    EXPECT_FALSE(r.hashing_slot(2, milliseconds(0)));  // every slot is taken
    {
      auto moved = std::move(*a);
      EXPECT_EQ(r.hashing_in_use(), 2);
    }
    EXPECT_EQ(r.hashing_in_use(), 1);
    EXPECT_TRUE(r.hashing_slot(2, milliseconds(0)));
  }
  EXPECT_EQ(r.hashing_in_use(), 0);
  // A waiter gets the slot another thread gives back.
  auto held = r.hashing_slot(1, milliseconds(0));
  ASSERT_TRUE(held);
  std::thread giver([&] { held.reset(); });
  EXPECT_TRUE(r.hashing_slot(1, std::chrono::hours(1)));
  giver.join();
  EXPECT_EQ(RateLimiter::hashing_slots_for(3), 3);
  EXPECT_GE(RateLimiter::hashing_slots_for(0), 1);
  EXPECT_LE(RateLimiter::hashing_slots_for(0), RateLimiter::kMaxDefaultHashingSlots);
}

// ---- the client address -------------------------------------------------------------------

server::Request request_from(const std::string& peer, const Headers& headers) {
  server::Request req;
  req.method = "POST";
  req.target = "/api/v1/auth/login";
  req.client_address = peer;
  req.headers = headers;
  return req;
}

TEST(ClientAddress, PeerUnlessATrustedProxyForwards) {
  using server::client_address;
  const std::vector<std::string> proxies = {"10.0.0.1", "10.0.0.2", "::1"};
  // No proxy configured: the peer, whatever the header says.
  EXPECT_EQ(client_address(request_from("203.0.113.9", {{"X-Forwarded-For", "1.2.3.4"}}), {}),
            "203.0.113.9");
  // A peer that is not a trusted proxy: its header is not believed.
  EXPECT_EQ(client_address(request_from("203.0.113.9", {{"X-Forwarded-For", "1.2.3.4"}}), proxies),
            "203.0.113.9");
  // From a trusted proxy: the right-most address that is not a trusted proxy.
  EXPECT_EQ(
      client_address(request_from("10.0.0.1", {{"X-Forwarded-For", "198.51.100.7"}}), proxies),
      "198.51.100.7");
  EXPECT_EQ(client_address(
                request_from("10.0.0.1", {{"X-Forwarded-For", "6.6.6.6, 198.51.100.7, 10.0.0.2"}}),
                proxies),
            "198.51.100.7");  // what the client wrote at the left is not believed
  // Several headers read as one list, in order.
  EXPECT_EQ(client_address(request_from("10.0.0.1", {{"X-Forwarded-For", "6.6.6.6"},
                                                     {"x-forwarded-for", "198.51.100.8"}}),
                           proxies),
            "198.51.100.8");
  // Only proxies: the left-most. No header: the proxy itself.
  EXPECT_EQ(client_address(request_from("10.0.0.1", {{"X-Forwarded-For", "10.0.0.2, 10.0.0.1"}}),
                           proxies),
            "10.0.0.2");
  EXPECT_EQ(client_address(request_from("10.0.0.1", {}), proxies), "10.0.0.1");
  // Something that is not an address ends the search at the last trusted hop.
  EXPECT_EQ(
      client_address(request_from("10.0.0.1", {{"X-Forwarded-For", "1.2.3.4, bukan-ip"}}), proxies),
      "10.0.0.1");
  // IPv6, IPv4-mapped IPv6, brackets.
  EXPECT_EQ(client_address(request_from("::1", {{"X-Forwarded-For", "[2001:DB8::5]"}}), proxies),
            "2001:db8::5");
  EXPECT_EQ(client_address(request_from("::ffff:10.0.0.2", {{"X-Forwarded-For", "198.51.100.9"}}),
                           proxies),
            "198.51.100.9");
  EXPECT_EQ(server::canonical_address("::ffff:192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(server::canonical_address("nope"), "");
}

// The address a letter's QR code points at: the configured public address wins over whatever
// Host the request names; without one, the request's host, https only through a trusted proxy.
TEST(ClientAddress, TheServiceAddressForLinks) {
  using server::service_address;
  const std::vector<std::string> proxies = {"10.0.0.1"};
  const auto& from = request_from;
  EXPECT_EQ(service_address(from("203.0.113.9", {{"Host", "penipu.example"}}),
                            "https://kerja.kupangkota.go.id/", proxies),
            "https://kerja.kupangkota.go.id");
  EXPECT_EQ(service_address(from("203.0.113.9", {{"Host", "kerja.local:8080"}}), "", proxies),
            "http://kerja.local:8080");
  EXPECT_EQ(service_address(
                from("203.0.113.9", {{"Host", "kerja.local"}, {"X-Forwarded-Proto", "https"}}), "",
                proxies),
            "http://kerja.local");  // not from a trusted proxy
  EXPECT_EQ(
      service_address(from("10.0.0.1", {{"Host", "kerja.local"}, {"X-Forwarded-Proto", "https"}}),
                      "", proxies),
      "https://kerja.local");
  EXPECT_EQ(service_address(from("10.0.0.1", {{"Host", "a b/c"}}), "", proxies), "");
  EXPECT_EQ(service_address(from("10.0.0.1", {}), "", proxies), "");
}

TEST(SignInSettings, ReadFromTheFileKeysAndTheEnvironment) {
  server::ServerConfig c;
  EXPECT_TRUE(c.trusted_proxies.empty());
  EXPECT_EQ(c.sign_in_free_failures, 5);
  EXPECT_EQ(c.sign_in_max_delay, 900);
  EXPECT_EQ(c.sessions_per_account, 10);
  server::apply_setting(c, "trusted_proxies", "10.0.0.1, 10.0.0.2 ::1");
  EXPECT_EQ(c.trusted_proxies, (std::vector<std::string>{"10.0.0.1", "10.0.0.2", "::1"}));
  server::apply_setting(c, "trusted_proxies", "");
  EXPECT_TRUE(c.trusted_proxies.empty());
  EXPECT_THROW(server::apply_setting(c, "trusted_proxies", "proxy.local"), server::ConfigError);
  server::apply_setting(c, "sign_in_free_failures", "3");
  server::apply_setting(c, "sign_in_max_delay", "60");
  server::apply_setting(c, "sign_in_first_delay", "2");
  server::apply_setting(c, "address_free_failures", "20");
  server::apply_setting(c, "sign_ins_per_hour", "4");
  server::apply_setting(c, "sessions_per_account", "2");
  server::apply_setting(c, "password_hashing_slots", "1");
  EXPECT_EQ(c.sign_in_free_failures, 3);
  EXPECT_EQ(c.sign_in_first_delay, 2);
  EXPECT_EQ(c.sign_in_max_delay, 60);
  EXPECT_EQ(c.address_free_failures, 20);
  EXPECT_EQ(c.sign_ins_per_hour, 4);
  EXPECT_EQ(c.sessions_per_account, 2);
  EXPECT_EQ(c.password_hashing_slots, 1);
  EXPECT_THROW(server::apply_setting(c, "sessions_per_account", "0"), server::ConfigError);
  EXPECT_THROW(server::apply_setting(c, "sign_in_max_delay", "x"), server::ConfigError);
  server::apply_environment(c, [](const char* name) -> const char* {
    return std::string_view(name) == "TATAKERJA_TRUSTED_PROXIES" ? "192.0.2.10" : nullptr;
  });
  EXPECT_EQ(c.trusted_proxies, (std::vector<std::string>{"192.0.2.10"}));
}

// ---- end to end ---------------------------------------------------------------------------

// A running server over its own SQLite file with three accounts, stopped and removed at the end.
class SignInServer {
 public:
  explicit SignInServer(const std::string& name, void (*adjust)(server::ServerConfig&) = nullptr) {
    dir_ = fs::temp_directory_path() /
           ("tatakerja_sign_in_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const std::string db = (dir_ / "db.sqlite").string();
    {
      auto c = storage::open_database(db);
      storage::migrate(*c);
      persistence::SqlStores s(*c);
      storage::Transaction tx(*c);
      admin_id =
          app::create_user(s.stores(), app::cli_actor(), "kepala", "Kepala", "kata-sandi-kepala-1",
                           identity::Role::Administrator, std::nullopt)
              .id;
      user_id = app::create_user(s.stores(), app::cli_actor(), "budi", "Budi",
                                 "kuda-lari-di-pantai", identity::Role::Employee, std::nullopt)
                    .id;
      editor_id =
          app::create_user(s.stores(), app::cli_actor(), "penyunting", "Penyunting",
                           "buku-merah-di-meja", identity::Role::RegistryAdmin, std::nullopt)
              .id;
      tx.commit();
    }
    server::ServerConfig config;
    config.db = db;
    config.listen = "127.0.0.1:0";
    config.threads = 2;
    config.log_level = "off";
    if (adjust != nullptr) adjust(config);
    server_ = std::make_unique<server::Server>(config);
    port = server_->start();
    thread_ = std::thread([this] { server_->run(false); });
  }
  ~SignInServer() {
    server_->stop();
    thread_.join();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  SignInServer(const SignInServer&) = delete;
  SignInServer& operator=(const SignInServer&) = delete;

  HttpAnswer login(const std::string& user, const std::string& password,
                   const std::string& forwarded_for = "") {
    HttpClient c(port);
    Headers h;
    if (!forwarded_for.empty()) h.emplace_back("X-Forwarded-For", forwarded_for);
    return c.request("POST", "/api/v1/auth/login",
                     json{{"username", user}, {"password", password}}.dump(), h);
  }
  HttpAnswer call(const std::string& method, const std::string& target, const Headers& h,
                  const json& body = nullptr) {
    HttpClient c(port);
    return c.request(method, target, body.is_null() ? "" : body.dump(), h);
  }

  unsigned short port = 0;
  org::Id admin_id = 0, user_id = 0, editor_id = 0;

 private:
  fs::path dir_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
};

// A signed-in client: its cookie and CSRF token.
struct Session {
  std::string cookie;
  std::string csrf;
  Headers headers(bool with_csrf = true) const {
    Headers h{{"Cookie", cookie}};
    if (with_csrf) h.emplace_back("X-CSRF-Token", csrf);
    return h;
  }
};

Session session_of(const HttpAnswer& a) {
  EXPECT_EQ(a.status, 200) << a.body;
  const std::string set_cookie = a.header("Set-Cookie");
  Session s;
  s.cookie = set_cookie.substr(0, set_cookie.find(';'));
  const json j = json::parse(a.body, nullptr, false);
  if (!j.is_discarded() && j.contains("csrf_token")) s.csrf = j["csrf_token"].get<std::string>();
  return s;
}

std::string code_of(const HttpAnswer& a) {
  const json j = json::parse(a.body, nullptr, false);
  if (j.is_discarded() || !j.contains("error")) return "";
  return j["error"]["code"].get<std::string>();
}

// The end-to-end servers make the first wait a minute (sign_in_first_delay), so that the attempt
// after the free failures is refused however slowly the machine hashes (the waits themselves are
// tested above, with the clock given).
void slow_first_delay(server::ServerConfig& c) {
  c.sign_in_first_delay = 60;
}

void trust_loopback(server::ServerConfig& c) {
  slow_first_delay(c);
  c.trusted_proxies = {"127.0.0.1"};
}

// The attack of issue 10: wrong passwords for a user from one address. The attacking pair waits
// (429 with Retry-After, even with the right password); the user at their own address signs in.
TEST(SignInEndToEnd, AnAttackerElsewhereDoesNotLockTheUserOut) {
  SignInServer s("attack", trust_loopback);
  const std::string attacker = "203.0.113.66";
  const std::string real_user = "198.51.100.7";
  for (int i = 0; i < 5; ++i) {
    const auto a = s.login("kepala", "tebakan-salah-" + std::to_string(i), attacker);
    EXPECT_EQ(a.status, 401) << a.body;
    EXPECT_EQ(code_of(a), "WRONG_CREDENTIALS");
  }
  auto a = s.login("kepala", "tebakan-salah-6", attacker);
  EXPECT_EQ(a.status, 429) << a.body;
  EXPECT_EQ(code_of(a), "RATE_LIMITED");
  const int retry = std::stoi(a.header("Retry-After"));
  EXPECT_GE(retry, 1);
  EXPECT_LE(retry, 60);
  // Even the right password waits at the attacker's address...
  EXPECT_EQ(s.login("kepala", "kata-sandi-kepala-1", attacker).status, 429);
  // ...but the user at their own address signs in, and the session records that address.
  a = s.login("kepala", "kata-sandi-kepala-1", real_user);
  ASSERT_EQ(a.status, 200) << a.body;
  const Session mine = session_of(a);
  a = s.call("GET", "/api/v1/auth/sessions", mine.headers(false));
  ASSERT_EQ(a.status, 200) << a.body;
  const json sessions = json::parse(a.body);
  ASSERT_EQ(sessions["items"].size(), 1u);
  EXPECT_EQ(sessions["items"][0]["client_address"], real_user);
  EXPECT_TRUE(sessions["items"][0]["current"].get<bool>());
  // The attacker's failures from one address for other users are theirs alone too.
  EXPECT_EQ(s.login("budi", "kuda-lari-di-pantai", real_user).status, 200);
}

// Without trusted proxies, X-Forwarded-For is the client's own word: changing it does not give an
// attacker a fresh address.
TEST(SignInEndToEnd, ForwardedForFromAnUntrustedPeerIsIgnored) {
  SignInServer s("untrusted", slow_first_delay);
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(
        s.login("budi", "salah-salah-" + std::to_string(i), "192.0.2." + std::to_string(i)).status,
        401);
  const auto a = s.login("budi", "kuda-lari-di-pantai", "192.0.2.200");
  EXPECT_EQ(a.status, 429) << a.body;
  EXPECT_FALSE(a.header("Retry-After").empty());
}

void tight_limits(server::ServerConfig& c) {
  c.sign_ins_per_hour = 3;
  c.sessions_per_account = 2;
}

TEST(SignInEndToEnd, SessionsAndSuccessfulSignInsPerAccountAreLimited) {
  SignInServer s("limits", tight_limits);
  const Session first = session_of(s.login("budi", "kuda-lari-di-pantai"));
  const Session second = session_of(s.login("budi", "kuda-lari-di-pantai"));
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", first.headers(false)).status, 200);
  // A third session ends the oldest.
  const Session third = session_of(s.login("budi", "kuda-lari-di-pantai"));
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", first.headers(false)).status, 401);
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", second.headers(false)).status, 200);
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", third.headers(false)).status, 200);
  // The fourth successful sign-in within the hour is refused; another account is not.
  const auto a = s.login("budi", "kuda-lari-di-pantai");
  EXPECT_EQ(a.status, 429) << a.body;
  EXPECT_EQ(code_of(a), "RATE_LIMITED");
  EXPECT_GT(std::stoi(a.header("Retry-After")), 0);
  // Refused before the password is hashed: a wrong one gets the same answer, and is not counted
  // as a failure.
  const auto wrong = s.login("budi", "bukan-kata-sandinya");
  EXPECT_EQ(wrong.status, 429) << wrong.body;
  EXPECT_EQ(code_of(wrong), "RATE_LIMITED");
  EXPECT_EQ(s.login("kepala", "kata-sandi-kepala-1").status, 200);
}

TEST(SignInEndToEnd, ChangingThePasswordEndsTheOtherSessions) {
  SignInServer s("password");
  const Session here = session_of(s.login("budi", "kuda-lari-di-pantai"));
  const Session there = session_of(s.login("budi", "kuda-lari-di-pantai"));
  const json change = {{"current_password", "kuda-lari-di-pantai"},
                       {"new_password", "perahu-kertas-biru"}};
  // CSRF, the current password and the rules.
  EXPECT_EQ(code_of(s.call("POST", "/api/v1/auth/password", here.headers(false), change)),
            "CSRF_INVALID");
  EXPECT_EQ(s.call("POST", "/api/v1/auth/password", {}, change).status, 401);
  auto a = s.call("POST", "/api/v1/auth/password", here.headers(),
                  {{"current_password", "bukan-ini"}, {"new_password", "perahu-kertas-biru"}});
  EXPECT_EQ(a.status, 403);
  EXPECT_EQ(code_of(a), "CURRENT_PASSWORD_WRONG");
  for (const char* weak : {"aaaaaaaaaa", "1234567890", "qwertyuiop", "Password2026!"}) {
    a = s.call("POST", "/api/v1/auth/password", here.headers(),
               {{"current_password", "kuda-lari-di-pantai"}, {"new_password", weak}});
    EXPECT_EQ(a.status, 422) << weak;
    EXPECT_EQ(code_of(a), "PASSWORD_TOO_COMMON") << weak;
    EXPECT_EQ(json::parse(a.body)["error"]["field"], "new_password");
    EXPECT_FALSE(json::parse(a.body)["error"]["message"].get<std::string>().empty());
  }
  a = s.call("POST", "/api/v1/auth/password", here.headers(),
             {{"current_password", "kuda-lari-di-pantai"}, {"new_password", "budi-budi-budi"}});
  EXPECT_EQ(code_of(a), "PASSWORD_CONTAINS_NAME");
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", there.headers(false)).status, 200);  // nothing changed

  a = s.call("POST", "/api/v1/auth/password", here.headers(), change);
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(json::parse(a.body)["sessions_ended"], 1);
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", here.headers(false)).status, 200);
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", there.headers(false)).status, 401);
  EXPECT_EQ(s.login("budi", "kuda-lari-di-pantai").status, 401);
  EXPECT_EQ(s.login("budi", "perahu-kertas-biru").status, 200);
  // The audit log says so, without any hash.
  const Session admin = session_of(s.login("kepala", "kata-sandi-kepala-1"));
  a = s.call("GET", "/api/v1/audit?limit=20", admin.headers(false));
  ASSERT_EQ(a.status, 200);
  EXPECT_NE(a.body.find("change_password"), std::string::npos);
  EXPECT_EQ(a.body.find("argon2"), std::string::npos);
}

// A wrong current password counts as a failed sign-in of the pair: a stolen session does not guess
// faster than the sign-in form.
TEST(SignInEndToEnd, WrongCurrentPasswordsAreThrottled) {
  SignInServer s("guess", slow_first_delay);
  const Session stolen = session_of(s.login("budi", "kuda-lari-di-pantai"));
  for (int i = 0; i < 5; ++i) {
    const auto a = s.call("POST", "/api/v1/auth/password", stolen.headers(),
                          {{"current_password", "tebak-" + std::to_string(i)},
                           {"new_password", "perahu-kertas-biru"}});
    EXPECT_EQ(code_of(a), "CURRENT_PASSWORD_WRONG");
  }
  const auto a =
      s.call("POST", "/api/v1/auth/password", stolen.headers(),
             {{"current_password", "kuda-lari-di-pantai"}, {"new_password", "perahu-kertas-biru"}});
  EXPECT_EQ(a.status, 429) << a.body;
}

TEST(SignInEndToEnd, AdministratorSwitchesAnAccountOffAndEndsItsSessions) {
  SignInServer s("disable");
  const Session admin = session_of(s.login("kepala", "kata-sandi-kepala-1"));
  const Session editor = session_of(s.login("penyunting", "buku-merah-di-meja"));
  const Session budi = session_of(s.login("budi", "kuda-lari-di-pantai"));
  const std::string base = "/api/v1/users/" + std::to_string(s.user_id);
  // Roles and CSRF, for every changing route of accounts.
  for (const auto& [method, target] :
       std::vector<std::pair<std::string, std::string>>{{"POST", base + "/disable"},
                                                        {"POST", base + "/enable"},
                                                        {"DELETE", base + "/sessions"}}) {
    EXPECT_EQ(s.call(method, target, {}).status, 401) << target;
    EXPECT_EQ(code_of(s.call(method, target, editor.headers())), "FORBIDDEN") << target;
    EXPECT_EQ(code_of(s.call(method, target, budi.headers())), "FORBIDDEN") << target;
    EXPECT_EQ(code_of(s.call(method, target, admin.headers(false))), "CSRF_INVALID") << target;
  }
  EXPECT_EQ(s.call("POST", "/api/v1/users/999/disable", admin.headers()).status, 404);
  // Switching one's own account off is refused.
  auto a =
      s.call("POST", "/api/v1/users/" + std::to_string(s.admin_id) + "/disable", admin.headers());
  EXPECT_EQ(a.status, 409);

  a = s.call("POST", base + "/disable", admin.headers());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_FALSE(json::parse(a.body)["active"].get<bool>());
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", budi.headers(false)).status, 401);
  a = s.login("budi", "kuda-lari-di-pantai", "");
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(code_of(a), "WRONG_CREDENTIALS");
  a = s.call("GET", "/api/v1/users", admin.headers(false));
  bool listed_off = false;
  const json accounts = json::parse(a.body);
  for (const auto& u : accounts["items"])
    if (u["username"] == "budi") listed_off = !u["active"].get<bool>();
  EXPECT_TRUE(listed_off) << a.body;
  // Switching it off again changes nothing and writes nothing.
  const auto audit_before = json::parse(s.call("GET", "/api/v1/audit", admin.headers(false)).body);
  EXPECT_EQ(s.call("POST", base + "/disable", admin.headers()).status, 200);
  const auto audit_after = json::parse(s.call("GET", "/api/v1/audit", admin.headers(false)).body);
  EXPECT_EQ(audit_after["items"][0]["id"], audit_before["items"][0]["id"]);
  int disables = 0;
  for (const auto& e : audit_after["items"]) disables += e["action"] == "disable" ? 1 : 0;
  EXPECT_EQ(disables, 1);

  a = s.call("POST", base + "/enable", admin.headers());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_TRUE(json::parse(a.body)["active"].get<bool>());
  const Session again = session_of(s.login("budi", "kuda-lari-di-pantai"));
  // Ending every session of the account.
  a = s.call("DELETE", base + "/sessions", admin.headers());
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(json::parse(a.body)["sessions_ended"], 1);
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", again.headers(false)).status, 401);
  const auto audit = s.call("GET", "/api/v1/audit", admin.headers(false)).body;
  EXPECT_NE(audit.find("\"end_sessions\""), std::string::npos);
  EXPECT_NE(audit.find("\"enable\""), std::string::npos);
}

TEST(SignInEndToEnd, AUserListsAndEndsTheirOwnSessions) {
  SignInServer s("own");
  const Session one = session_of(s.login("budi", "kuda-lari-di-pantai"));
  const Session two = session_of(s.login("budi", "kuda-lari-di-pantai"));
  const Session other = session_of(s.login("penyunting", "buku-merah-di-meja"));
  auto a = s.call("GET", "/api/v1/auth/sessions", one.headers(false));
  ASSERT_EQ(a.status, 200) << a.body;
  const json list = json::parse(a.body);
  ASSERT_EQ(list["items"].size(), 2u);
  EXPECT_EQ(list["total"], 2);
  std::int64_t current_id = 0, other_id = 0;
  for (const auto& item : list["items"]) {
    EXPECT_EQ(item["client_address"], "127.0.0.1");
    EXPECT_EQ(item["created_at"].get<std::string>().size(), 20u);
    EXPECT_EQ(item["expires_at"].get<std::string>().back(), 'Z');
    (item["current"].get<bool>() ? current_id : other_id) = item["id"].get<std::int64_t>();
  }
  ASSERT_GT(current_id, 0);
  ASSERT_GT(other_id, 0);
  EXPECT_EQ(s.call("GET", "/api/v1/auth/sessions", {}).status, 401);
  // Another user's session is not one's own.
  const auto theirs =
      json::parse(s.call("GET", "/api/v1/auth/sessions", other.headers(false)).body);
  const auto their_id = theirs["items"][0]["id"].get<std::int64_t>();
  EXPECT_EQ(
      s.call("DELETE", "/api/v1/auth/sessions/" + std::to_string(their_id), one.headers()).status,
      404);
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", other.headers(false)).status, 200);
  // CSRF.
  EXPECT_EQ(code_of(s.call("DELETE", "/api/v1/auth/sessions/" + std::to_string(other_id),
                           one.headers(false))),
            "CSRF_INVALID");
  // Ending the other session.
  a = s.call("DELETE", "/api/v1/auth/sessions/" + std::to_string(other_id), one.headers());
  EXPECT_EQ(a.status, 204);
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", two.headers(false)).status, 401);
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", one.headers(false)).status, 200);
  // Ending the current one clears the cookie.
  a = s.call("DELETE", "/api/v1/auth/sessions/" + std::to_string(current_id), one.headers());
  EXPECT_EQ(a.status, 204);
  EXPECT_NE(a.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(s.call("GET", "/api/v1/auth/me", one.headers(false)).status, 401);
}

TEST(SignInEndToEnd, NewAccountsMeetThePasswordRules) {
  SignInServer s("rules");
  const Session admin = session_of(s.login("kepala", "kata-sandi-kepala-1"));
  const auto create = [&](const std::string& password) {
    return s.call("POST", "/api/v1/users", admin.headers(),
                  {{"username", "petugas"}, {"password", password}, {"role", "pegawai"}});
  };
  for (const auto& [password, code] : std::vector<std::pair<std::string, std::string>>{
           {"aaaaaaaaaa", "PASSWORD_TOO_COMMON"},
           {"1234567890", "PASSWORD_TOO_COMMON"},
           {"pendek", "PASSWORD_TOO_SHORT"},
           {std::string(129, 'x') + "y!", "PASSWORD_TOO_LONG"},
           {"petugas2026", "PASSWORD_CONTAINS_NAME"},
           {"tatakerja-kota", "PASSWORD_CONTAINS_NAME"},
       }) {
    const auto a = create(password);
    EXPECT_EQ(a.status, 422) << password;
    EXPECT_EQ(code_of(a), code) << password;
  }
  const auto a = create("sepeda-tua-di-gudang");
  ASSERT_EQ(a.status, 201) << a.body;
  EXPECT_TRUE(json::parse(a.body)["active"].get<bool>());
}

}  // namespace
}  // namespace tatakerja
