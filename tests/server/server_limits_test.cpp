// The transport under attack (issue 10, items 2 and 3), against the real server in-process on
// 127.0.0.1:0 over a temporary SQLite database, over real TCP: a large body from a caller who may
// not send it is refused from the head, before a byte of it is sent, and the server's memory does
// not grow while 20 such bodies of 30 MiB are pushed at it; the cap on bodies in flight; the caps
// on connections per client address and in total; 431 for an oversized head; the slow-head
// timeout; a flood of regulation previews while reads keep being answered (the latency of the
// reads is printed: p50, p99, max); the same for a flood of sign-ins on the hashing pool; the time
// budget of heavy work. Also the parts: the work pool's
// queue limit, the limits' settings, and that every route taking a large body has a gate.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "api/config.hpp"
#include "api/router.hpp"
#include "app/accounts.hpp"
#include "http_client.hpp"
#include "persistence/sql_stores.hpp"
#include "server/server.hpp"
#include "server/work_pool.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::HttpAnswer;
using testing::HttpClient;
using Clock = std::chrono::steady_clock;

constexpr const char* kEditorPassword = "kata-sandi-editor-1";
constexpr const char* kEmployeePassword = "kata-sandi-pegawai-1";

// One database with a registry editor and an employee, made once for every server of this file.
const std::string& database() {
  static const std::string db = [] {
    const fs::path dir =
        fs::temp_directory_path() / ("tatakerja_limits_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "registry.db").string();
    auto c = storage::open_database(path);
    storage::migrate(*c);
    persistence::SqlStores s(*c);
    storage::Transaction tx(*c);
    app::create_user(s.stores(), app::cli_actor(), "editor", "Editor", kEditorPassword,
                     identity::Role::RegistryAdmin, std::nullopt);
    app::create_user(s.stores(), app::cli_actor(), "pegawai", "Pegawai", kEmployeePassword,
                     identity::Role::Employee, std::nullopt);
    tx.commit();
    return path;
  }();
  return db;
}

struct RunningServer {
  std::unique_ptr<server::Server> server;
  std::thread thread;
  unsigned short port = 0;

  explicit RunningServer(const std::function<void(server::ServerConfig&)>& adjust = {}) {
    server::ServerConfig config;
    config.db = database();
    config.listen = "127.0.0.1:0";
    config.threads = 2;
    config.web_root = "";
    config.log_level = "off";
    if (adjust) adjust(config);
    server = std::make_unique<server::Server>(config);
    port = server->start();
    thread = std::thread([this] { server->run(false); });
  }
  ~RunningServer() {
    server->stop();
    thread.join();
  }
};

struct Login {
  std::string cookie;
  std::string csrf;
};

Login login(unsigned short port, const std::string& user, const std::string& password) {
  HttpClient c(port);
  const auto a = c.request("POST", "/api/v1/auth/login",
                           json{{"username", user}, {"password", password}}.dump());
  EXPECT_EQ(a.status, 200) << a.body;
  Login l;
  const std::string set = a.header("Set-Cookie");
  l.cookie = set.substr(0, set.find(';'));
  l.csrf = json::parse(a.body, nullptr, false).value("csrf_token", "");
  return l;
}

std::string error_code(const HttpAnswer& a) {
  const json j = json::parse(a.body, nullptr, false);
  if (j.is_discarded() || !j.contains("error")) return "";
  return j["error"]["code"].get<std::string>();
}

// A raw connection: send bytes, read what comes back, see whether the server closed it.
class Raw {
 public:
  explicit Raw(unsigned short port, int timeout_s = 20) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    timeval tv{timeout_s, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  }
  ~Raw() { close(); }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  bool connected() const { return connected_; }

  // Sends all of `bytes` unless the server stops reading; the bytes sent.
  std::size_t send(std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    return done;
  }
  // Reads until `marker` is in what was received (true), or the connection ends or times out.
  bool read_until(std::string_view marker) {
    while (received_.find(marker) == std::string::npos) {
      char chunk[8192];
      const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) return false;
      received_.append(chunk, static_cast<std::size_t>(n));
    }
    return true;
  }
  // Whether the server closed the connection (recv returns 0) within the receive timeout.
  bool closed_by_server() {
    char chunk[8192];
    for (;;) {
      const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n == 0) return true;
      if (n < 0) return errno == ECONNRESET;
      received_.append(chunk, static_cast<std::size_t>(n));
    }
  }
  const std::string& received() const { return received_; }
  int status() const {
    return received_.size() >= 12 && received_.starts_with("HTTP/1.1 ")
               ? std::stoi(received_.substr(9, 3))
               : 0;
  }
  // The status of the last answer received (after any 100 Continue).
  int last_status() const {
    const auto at = received_.rfind("HTTP/1.1 ");
    return at == std::string::npos ? 0 : std::stoi(received_.substr(at + 9, 3));
  }
  void forget() { received_.clear(); }

 private:
  int fd_ = -1;
  bool connected_ = false;
  std::string received_;
};

std::string upload_head(const std::string& route, std::size_t length, const Login* who,
                        bool with_csrf = true, bool expect_continue = false) {
  std::string h = "POST " + route + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n";
  if (who != nullptr) {
    h += "Cookie: " + who->cookie + "\r\n";
    if (with_csrf) h += "X-CSRF-Token: " + who->csrf + "\r\n";
  }
  if (expect_continue) h += "Expect: 100-continue\r\n";
  h += "Content-Length: " + std::to_string(length) + "\r\n\r\n";
  return h;
}

// The resident memory of this process (the server runs in it), in bytes.
std::size_t resident_bytes() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("VmRSS:")) return std::stoul(line.substr(6)) * 1024;
  }
  return 0;
}

// A regulation text of many short articles ("Pasal N" and one sentence), about `bytes` long: the
// shape that once took time growing with the square of its size.
std::string many_articles(std::size_t bytes) {
  std::string text =
      "PERATURAN BUPATI KAPUAS HULU\nNOMOR 7 TAHUN 2023\nTENTANG\nSUSUNAN ORGANISASI DINAS UJI\n\n"
      "BAB I\nKETENTUAN UMUM\n\n";
  for (int n = 1; text.size() < bytes; ++n) {
    text += "Pasal " + std::to_string(n) + "\n\nKetentuan ini berlaku bagi bagian ke-" +
            std::to_string(n) + " dari dinas uji.\n\n";
  }
  return text;
}

// ---- the parts ----

TEST(WorkPool, RefusesWhenEveryThreadIsBusyAndTheQueueIsFull) {
  server::WorkPool pool(1, 2);
  pool.start();
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> ran{0};
  const auto blocked = [&](int) {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return release; });
    ++ran;
  };
  EXPECT_TRUE(pool.try_submit(blocked));
  EXPECT_TRUE(pool.try_submit(blocked));
  EXPECT_TRUE(pool.try_submit(blocked));
  EXPECT_FALSE(pool.try_submit(blocked));  // 1 running + 2 waiting
  EXPECT_EQ(pool.in_flight(), 3u);
  {
    std::lock_guard lock(m);
    release = true;
  }
  cv.notify_all();
  pool.shutdown();
  EXPECT_EQ(ran.load(), 3);
  EXPECT_FALSE(pool.try_submit(blocked));  // after shutdown
}

TEST(ServerLimits, SettingsFileKeysEnvironmentAndChecks) {
  server::ServerConfig c;
  EXPECT_EQ(c.limits.max_body_bytes, std::size_t{1} << 20);
  EXPECT_EQ(c.limits.max_text_bytes, std::size_t{32} << 20);
  server::apply_setting(c, "max_connections_per_address", "16");
  server::apply_setting(c, "work_threads", "3");
  server::apply_setting(c, "work_timeout_ms", "2500");
  server::apply_setting(c, "max_header_bytes", "8192");
  server::apply_setting(c, "hashing_queue", "4");
  server::apply_setting(c, "hashing_timeout_ms", "3000");
  server::apply_setting(c, "writer_threads", "4");
  server::apply_setting(c, "writer_queue", "64");
  server::apply_setting(c, "writer_timeout_ms", "5000");
  EXPECT_EQ(c.limits.writer_threads, 4);
  EXPECT_EQ(c.limits.writer_queue, 64);
  EXPECT_EQ(c.limits.writer_timeout_ms, 5000);
  EXPECT_THROW(server::apply_setting(c, "writer_threads", "0"), server::ConfigError);
  EXPECT_EQ(c.limits.hashing_queue, 4);
  EXPECT_EQ(c.limits.hashing_timeout_ms, 3000);
  EXPECT_THROW(server::apply_setting(c, "hashing_timeout_ms", "0"), server::ConfigError);
  EXPECT_EQ(c.limits.max_connections_per_address, 16);
  EXPECT_EQ(c.limits.work_threads, 3);
  EXPECT_EQ(c.limits.work_timeout_ms, 2500);
  EXPECT_EQ(c.limits.max_header_bytes, 8192u);
  EXPECT_THROW(server::apply_setting(c, "max_connections", "0"), server::ConfigError);
  EXPECT_THROW(server::apply_setting(c, "max_header_bytes", "10"), server::ConfigError);
  EXPECT_THROW(server::apply_setting(c, "work_queue", "x"), server::ConfigError);
  const std::map<std::string, std::string> env = {{"TATAKERJA_WORK_QUEUE", "3"},
                                                  {"TATAKERJA_BODY_TIMEOUT", "30"}};
  server::apply_environment(c, [&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
  EXPECT_EQ(c.limits.work_queue, 3);
  EXPECT_EQ(c.limits.body_timeout_s, 30);
  EXPECT_NO_THROW(server::check_limits(c.limits));
  c.limits.max_bodies_in_flight_bytes = c.limits.max_text_bytes - 1;
  EXPECT_THROW(server::check_limits(c.limits), server::ConfigError);
}

TEST(ServerLimits, EveryRouteTakingALargeBodyHasAGate) {
  int large = 0;
  for (std::size_t i = 0; i < server::route_list().size(); ++i) {
    const auto& r = server::route_list()[i];
    if ((r.carry & server::carry::kLargeBody) == 0) continue;
    ++large;
    EXPECT_NE(server::route_gate(i), nullptr) << r.method << " " << r.pattern;
  }
  // POST /regulations, /regulations/preview, /agencies/{id}/people/preview and /people/import, and
  // an activity's evidence file (POST /activities/{id}/evidence)
  EXPECT_EQ(large, 5);
}

// ---- authenticate before the body ----

TEST(ServerLimits, LargeBodyRefusedFromTheHeadBeforeItIsSent) {
  RunningServer s;
  const Login employee = login(s.port, "pegawai", kEmployeePassword);
  const Login editor = login(s.port, "editor", kEditorPassword);
  constexpr std::size_t kBody = std::size_t{30} << 20;
  // Each answer arrives while not one byte of the body has been sent.
  const struct {
    const Login* who;
    bool csrf;
    int status;
    const char* code;
  } cases[] = {{nullptr, true, 401, "UNAUTHENTICATED"},
               {&employee, true, 403, "FORBIDDEN"},
               {&editor, false, 403, "CSRF_INVALID"}};
  for (const auto& k : cases) {
    for (const char* route : {"/api/v1/regulations", "/api/v1/regulations/preview"}) {
      Raw r(s.port);
      ASSERT_TRUE(r.connected());
      r.send(upload_head(route, kBody, k.who, k.csrf));
      ASSERT_TRUE(r.read_until("}")) << route;
      EXPECT_EQ(r.status(), k.status) << route << " " << r.received();
      EXPECT_NE(r.received().find(k.code), std::string::npos) << r.received();
      EXPECT_NE(r.received().find("Connection: close"), std::string::npos) << r.received();
      EXPECT_TRUE(r.closed_by_server()) << route;
    }
  }
  // The editor with the token is admitted: 100 Continue, and the body is read.
  {
    Raw r(s.port);
    r.send(upload_head("/api/v1/regulations/preview", 5, &editor, true, true));
    ASSERT_TRUE(r.read_until("\r\n\r\n"));
    EXPECT_EQ(r.status(), 100) << r.received();
  }

  // 20 anonymous clients push 30 MiB bodies at once: the server answers each from its head and
  // keeps none of what they send. The clients are connected (their threads made) before the
  // memory is first read, so that only what the server takes counts.
  const std::string body(kBody, 'a');
  std::atomic<int> refused{0};
  std::latch ready(21);
  std::vector<std::thread> clients;
  for (int i = 0; i < 20; ++i) {
    clients.emplace_back([&] {
      Raw r(s.port, 10);
      ready.arrive_and_wait();
      r.send(upload_head("/api/v1/regulations", kBody, nullptr));
      if (r.read_until("}") && r.status() == 401) ++refused;
      r.send(body);  // sent all the same, as an attacker would
    });
  }
  const std::size_t before = resident_bytes();
  std::atomic<std::size_t> peak{before};
  std::atomic<bool> sending{true};
  std::thread watch([&] {
    while (sending) {
      const std::size_t now = resident_bytes();
      std::size_t p = peak.load();
      while (now > p && !peak.compare_exchange_weak(p, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  ready.arrive_and_wait();
  for (auto& t : clients) t.join();
  sending = false;
  watch.join();
  EXPECT_EQ(refused.load(), 20);
  const double grown_mb = static_cast<double>(peak.load() - before) / (1 << 20);
  std::printf("[ memory ] 20 anonymous 30 MiB bodies: resident memory grew by %.1f MiB\n",
              grown_mb);
  // Far under the 600 MiB the bodies would take if kept. Under a sanitizer the process grows by
  // itself as its threads work (80 MiB measured under ASan with nothing read), so it is given more.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  EXPECT_LT(grown_mb, 200.0);
#else
  EXPECT_LT(grown_mb, 64.0);
#endif
  HttpClient c(s.port);
  EXPECT_EQ(c.request("GET", "/api/v1/health").status, 200);
}

TEST(ServerLimits, BodiesInFlightAreCapped) {
  RunningServer s([](server::ServerConfig& c) {
    c.limits.max_text_bytes = std::size_t{2} << 20;
    c.limits.max_bodies_in_flight_bytes = std::size_t{3} << 20;
  });
  const Login editor = login(s.port, "editor", kEditorPassword);
  const std::size_t length = std::size_t{2} << 20;
  Raw a(s.port);
  a.send(upload_head("/api/v1/regulations/preview", length, &editor, true, true));
  ASSERT_TRUE(a.read_until("\r\n\r\n"));
  ASSERT_EQ(a.status(), 100) << a.received();  // admitted: its 2 MiB are reserved
  {
    Raw b(s.port);
    b.send(upload_head("/api/v1/regulations/preview", length, &editor, true, true));
    ASSERT_TRUE(b.read_until("}"));
    EXPECT_EQ(b.status(), 503) << b.received();
    EXPECT_NE(b.received().find("SERVER_BUSY"), std::string::npos);
    EXPECT_NE(b.received().find("Retry-After: 5"), std::string::npos);
  }
  // A small JSON body still fits beside it.
  HttpClient c(s.port);
  EXPECT_EQ(c.request("POST", "/api/v1/auth/login", R"({"username":"x","password":"y"})").status,
            401);
  // Once the first body is read and answered, its bytes are given back.
  std::string text = many_articles(length);
  text.resize(length, '\n');
  a.forget();
  a.send(text);
  ASSERT_TRUE(a.read_until("}"));
  EXPECT_NE(a.last_status(), 503) << a.received().substr(0, 300);
  Raw b(s.port);
  b.send(upload_head("/api/v1/regulations/preview", length, &editor, true, true));
  ASSERT_TRUE(b.read_until("\r\n\r\n"));
  EXPECT_EQ(b.status(), 100) << b.received();
}

TEST(ServerLimits, OversizedHeadIs431) {
  RunningServer s([](server::ServerConfig& c) { c.limits.max_header_bytes = 8192; });
  HttpClient c(s.port);
  auto a = c.request("GET", "/api/v1/health", "", {{"Cookie", "a=" + std::string(7000, 'x')}});
  EXPECT_EQ(a.status, 200);
  a = c.request("GET", "/api/v1/health", "", {{"Cookie", "a=" + std::string(9000, 'x')}});
  EXPECT_EQ(a.status, 431) << a.body;
  EXPECT_EQ(error_code(a), "HEADER_TOO_LARGE");
  EXPECT_TRUE(a.closed);
  EXPECT_EQ(a.header("X-Content-Type-Options"), "nosniff");
}

// ---- connections ----

TEST(ServerLimits, ConnectionsPerAddressAreCapped) {
  RunningServer s([](server::ServerConfig& c) { c.limits.max_connections_per_address = 4; });
  std::vector<std::unique_ptr<HttpClient>> held;
  for (int i = 0; i < 4; ++i) {
    held.push_back(std::make_unique<HttpClient>(s.port));
    ASSERT_EQ(held.back()->request("GET", "/api/v1/health").status, 200);
  }
  // The fifth from the same address is closed without an answer.
  {
    HttpClient fifth(s.port);
    EXPECT_THROW(fifth.request("GET", "/api/v1/health"), std::runtime_error);
  }
  // One closes: a new one is served again (once the server has seen the close).
  held.pop_back();
  bool served = false;
  for (int attempt = 0; attempt < 100 && !served; ++attempt) {
    try {
      HttpClient again(s.port);
      served = again.request("GET", "/api/v1/health").status == 200;
    } catch (const std::runtime_error&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  EXPECT_TRUE(served);
  for (auto& c : held) EXPECT_EQ(c->request("GET", "/api/v1/health").status, 200);
}

TEST(ServerLimits, ConnectionsInTotalAreCapped) {
  RunningServer s([](server::ServerConfig& c) {
    c.limits.max_connections = 3;
    c.limits.max_connections_per_address = 0;
  });
  std::vector<std::unique_ptr<HttpClient>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(std::make_unique<HttpClient>(s.port));
    ASSERT_EQ(held.back()->request("GET", "/api/v1/health").status, 200);
  }
  HttpClient fourth(s.port);
  EXPECT_THROW(fourth.request("GET", "/api/v1/health"), std::runtime_error);
}

TEST(ServerLimits, SlowHeadIsClosedAfterTheHeaderTimeout) {
  RunningServer s([](server::ServerConfig& c) { c.limits.header_timeout_s = 1; });
  Raw r(s.port, 30);
  r.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");  // and never the rest
  const auto t0 = Clock::now();
  EXPECT_TRUE(r.closed_by_server());
  EXPECT_LT(Clock::now() - t0, std::chrono::seconds(15));
  EXPECT_TRUE(r.received().empty());
}

// ---- heavy work off the accepting and reading threads ----

struct Latencies {
  std::vector<double> ms;
  double at(double q) const {
    if (ms.empty()) return 0;
    std::vector<double> v = ms;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
  }
};

// One read on a fresh connection (so accepting is measured too): its latency into `reads`, and
// `failures` counted when it is not 200.
void timed_read(unsigned short port, const char* target, Latencies& reads, int& failures) {
  const auto t0 = Clock::now();
  int status = 0;
  try {
    HttpClient c(port);
    status = c.request("GET", target).status;
  } catch (const std::runtime_error&) {
  }
  reads.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  if (status != 200) ++failures;
}

TEST(ServerLimits, ReadsAreAnsweredWhilePreviewsFloodTheWorkPool) {
  RunningServer s([](server::ServerConfig& c) {
    c.limits.work_threads = 1;
    c.limits.work_queue = 2;
  });
  const Login editor = login(s.port, "editor", kEditorPassword);
  const std::string text = many_articles(std::size_t{512} << 10);
  {
    HttpClient c(s.port);
    const auto t0 = Clock::now();
    const auto a =
        c.request("POST", "/api/v1/regulations/preview", text,
                  {{"Cookie", editor.cookie}, {"X-CSRF-Token", editor.csrf}}, "text/plain");
    std::printf("[ preview ] one preview of %zu bytes: status %d in %.0f ms\n", text.size(),
                a.status, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }

  std::atomic<bool> flooding{true};
  std::mutex m;
  std::map<std::string, int> outcomes;  // "200", "503 SERVER_BUSY", ...
  bool busy_has_retry_after = true;
  std::vector<std::thread> flood;
  for (int i = 0; i < 10; ++i) {
    flood.emplace_back([&] {
      for (int round = 0; round < 3; ++round) {
        HttpClient c(s.port);
        HttpAnswer a;
        try {
          a = c.request("POST", "/api/v1/regulations/preview", text,
                        {{"Cookie", editor.cookie}, {"X-CSRF-Token", editor.csrf}}, "text/plain");
        } catch (const std::runtime_error&) {
          a.status = 0;
        }
        std::lock_guard lock(m);
        const std::string code = a.status >= 400 ? " " + error_code(a) : "";
        ++outcomes[std::to_string(a.status) + code];
        if (code == " SERVER_BUSY" && a.header("Retry-After").empty()) busy_has_retry_after = false;
      }
    });
  }
  // A reader on fresh connections (so accepting is measured too) while the flood runs.
  Latencies reads;
  int read_failures = 0;
  std::thread reader([&] {
    int i = 0;
    while (flooding) {
      const char* target = (i++ % 2 == 0) ? "/api/v1/health" : "/api/v1/regions";
      timed_read(s.port, target, reads, read_failures);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  for (auto& t : flood) t.join();
  flooding = false;
  reader.join();

  std::string seen;
  for (const auto& [k, n] : outcomes) seen += k + " x" + std::to_string(n) + "; ";
  std::printf("[ flood ] 10 clients x 3 previews: %s\n", seen.c_str());
  std::printf("[ reads ] %zu reads during the flood: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
              reads.ms.size(), reads.at(0.5), reads.at(0.99), reads.at(1.0));
  EXPECT_EQ(read_failures, 0);
  ASSERT_FALSE(reads.ms.empty());
  EXPECT_LT(reads.at(1.0), 2000.0);  // the issue's target is p99 under 1 s; this bound is loose
  for (const auto& [k, n] : outcomes) {
    EXPECT_TRUE(k == "200" || k == "422 INVALID_FIELD" || k == "503 SERVER_BUSY") << k;
  }
  EXPECT_GT(outcomes["503 SERVER_BUSY"], 0) << "the pool (1 thread, queue 2) was never full";
  EXPECT_TRUE(busy_has_retry_after);
}

// The sign-in flood of issue 10: many sign-ins with a right password at once. Each hashes a
// password (Argon2id, a fraction of a second), on the hashing pool: with one worker thread, reads
// on fresh connections are answered in much less than one hash takes, and sign-ins past the
// pool's queue are refused at once with SIGN_IN_BUSY and Retry-After. (Before, the hash ran on
// the worker, and every read handed to it waited for the hashes in front of it.)
TEST(ServerLimits, ReadsAreAnsweredWhileSignInsFloodTheHashingPool) {
  RunningServer s([](server::ServerConfig& c) {
    c.threads = 1;
    c.password_hashing_slots = 1;
    c.limits.hashing_queue = 2;
    c.sign_ins_per_hour = 100000;
  });
  const auto t_hash = Clock::now();
  login(s.port, "pegawai", kEmployeePassword);
  const double one_sign_in_ms =
      std::chrono::duration<double, std::milli>(Clock::now() - t_hash).count();

  std::atomic<bool> flooding{true};
  std::mutex m;
  std::map<std::string, int> outcomes;  // "200", "503 SIGN_IN_BUSY", ...
  bool busy_has_retry_after = true;
  std::vector<std::thread> flood;
  for (int i = 0; i < 8; ++i) {
    flood.emplace_back([&] {
      for (int round = 0; round < 4; ++round) {
        HttpClient c(s.port);
        HttpAnswer a;
        try {
          a = c.request("POST", "/api/v1/auth/login",
                        json{{"username", "pegawai"}, {"password", kEmployeePassword}}.dump());
        } catch (const std::runtime_error&) {
          a.status = 0;
        }
        std::lock_guard lock(m);
        const std::string code = a.status >= 400 ? " " + error_code(a) : "";
        ++outcomes[std::to_string(a.status) + code];
        if (code == " SIGN_IN_BUSY" && a.header("Retry-After") != "1") busy_has_retry_after = false;
      }
    });
  }
  Latencies reads;
  int read_failures = 0;
  std::thread reader([&] {
    while (flooding) {
      timed_read(s.port, "/api/v1/health", reads, read_failures);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  for (auto& t : flood) t.join();
  flooding = false;
  reader.join();

  std::string seen;
  for (const auto& [k, n] : outcomes) seen += k + " x" + std::to_string(n) + "; ";
  std::printf("[ flood ] one sign-in alone: %.0f ms; 8 clients x 4 sign-ins: %s\n", one_sign_in_ms,
              seen.c_str());
  std::printf("[ reads ] %zu reads during the flood: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
              reads.ms.size(), reads.at(0.5), reads.at(0.99), reads.at(1.0));
  EXPECT_EQ(read_failures, 0);
  ASSERT_FALSE(reads.ms.empty());
  for (const auto& [k, n] : outcomes) EXPECT_TRUE(k == "200" || k == "503 SIGN_IN_BUSY") << k;
  EXPECT_GT(outcomes["200"], 0);
  EXPECT_GT(outcomes["503 SIGN_IN_BUSY"], 0)
      << "the hashing pool (1 thread, queue 2) was never full";
  EXPECT_TRUE(busy_has_retry_after);
  // No read waited behind a hash: the slowest ones are well under the time of one sign-in (the
  // hash runs in libsodium, which the sanitizers do not slow; the reads they do).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  constexpr double kShareOfOneSignIn = 1.0;
#else
  constexpr double kShareOfOneSignIn = 0.5;
#endif
  EXPECT_LT(reads.at(0.99), one_sign_in_ms * kShareOfOneSignIn);
}

// The test database's write lock, held by a connection of its own (as a backup or a CLI command
// may hold it) from construction to release() or the end of the scope.
class WriteLock {
 public:
  WriteLock() {
    if (sqlite3_open(database().c_str(), &db_) == SQLITE_OK) {
      held_ = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
  }
  ~WriteLock() { release(); }
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;
  bool held() const { return held_; }
  void release() {
    if (held_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    held_ = false;
    sqlite3_close(db_);
    db_ = nullptr;
  }

 private:
  sqlite3* db_ = nullptr;
  bool held_ = false;
};

// Changes run on the writers' pool: a change that waits for the database's write lock (held here
// by another connection to the file, as a backup or a CLI command may hold it) holds no worker,
// so with one worker thread reads on fresh connections are answered at once meanwhile, and the
// changes go through once the lock is let go. (Before, the change waited on the worker, and every
// connection handed to it waited with it.)
TEST(ServerLimits, ReadsAreAnsweredWhileChangesWaitForTheWriteLock) {
  RunningServer s([](server::ServerConfig& c) {
    c.threads = 1;
    c.limits.writer_threads = 2;
  });
  const Login pegawai = login(s.port, "pegawai", kEmployeePassword);
  WriteLock lock;
  ASSERT_TRUE(lock.held());
  const auto locked_at = Clock::now();

  std::vector<int> changes(2, 0);
  std::vector<std::thread> changers;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    changers.emplace_back([&, i] {
      HttpClient c(s.port);
      changes[i] =
          c.request("PUT", "/api/v1/auth/email",
                    json{{"email", "pegawai" + std::to_string(i) + "@contoh.go.id"}}.dump(),
                    {{"Cookie", pegawai.cookie}, {"X-CSRF-Token", pegawai.csrf}})
              .status;
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the changes are waiting
  Latencies reads;
  int read_failures = 0;
  while (Clock::now() - locked_at < std::chrono::milliseconds(1500)) {
    timed_read(s.port, "/api/v1/health", reads, read_failures);
    timed_read(s.port, "/api/v1/regions", reads, read_failures);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  lock.release();
  for (auto& t : changers) t.join();

  std::printf(
      "[ reads ] %zu reads while two changes waited for the write lock: p50 %.1f ms, max "
      "%.1f ms\n",
      reads.ms.size(), reads.at(0.5), reads.at(1.0));
  for (const int status : changes) EXPECT_EQ(status, 200);
  EXPECT_EQ(read_failures, 0);
  ASSERT_GE(reads.ms.size(), 10u);
  EXPECT_LT(reads.at(1.0), 500.0);  // the lock was held 1.5 s
}

// A change past the writers' budget (here it waits for a write lock another connection holds) is
// 503 WORK_TIMEOUT saying that it may still be saved; it is, once the lock is let go.
TEST(ServerLimits, AChangeOverItsTimeBudgetIs503AndMayStillBeSaved) {
  RunningServer s([](server::ServerConfig& c) { c.limits.writer_timeout_ms = 100; });
  const Login pegawai = login(s.port, "pegawai", kEmployeePassword);
  WriteLock lock;
  ASSERT_TRUE(lock.held());
  HttpClient c(s.port);
  const auto a =
      c.request("PUT", "/api/v1/auth/email", json{{"email", "lambat@contoh.go.id"}}.dump(),
                {{"Cookie", pegawai.cookie}, {"X-CSRF-Token", pegawai.csrf}});
  lock.release();
  EXPECT_EQ(a.status, 503) << a.body;
  EXPECT_EQ(error_code(a), "WORK_TIMEOUT");
  EXPECT_NE(a.body.find("mungkin tetap tersimpan"), std::string::npos) << a.body;
  // The change that had started goes through after its answer.
  std::string email;
  for (int i = 0; i < 100 && email != "lambat@contoh.go.id"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto me = c.request("GET", "/api/v1/auth/me", "", {{"Cookie", pegawai.cookie}});
    email = json::parse(me.body)["user"].value("email", "");
  }
  EXPECT_EQ(email, "lambat@contoh.go.id");
}

TEST(ServerLimits, HeavyWorkOverItsTimeBudgetIs503) {
  RunningServer s([](server::ServerConfig& c) { c.limits.work_timeout_ms = 1; });
  const Login editor = login(s.port, "editor", kEditorPassword);
  // 4 MiB: reading it takes some 40 ms, far past the budget of 1 ms even when the worker that
  // waits for it is slow to run its timer (256 KiB took under 3 ms once the engine reached 100
  // MB/s, and on a loaded machine its answer came before the timer's turn).
  const std::string text = many_articles(std::size_t{4} << 20);
  HttpClient c(s.port);
  const auto a =
      c.request("POST", "/api/v1/regulations/preview", text,
                {{"Cookie", editor.cookie}, {"X-CSRF-Token", editor.csrf}}, "text/plain");
  EXPECT_EQ(a.status, 503) << a.body;
  EXPECT_EQ(error_code(a), "WORK_TIMEOUT");
  EXPECT_EQ(c.request("GET", "/api/v1/health").status, 200);
}

}  // namespace
}  // namespace tatakerja
