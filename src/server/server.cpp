// The server's glue: per-worker database connections (the work pool's threads have their own
// too), what a request head is admitted to send (decide_head), the dispatch of a request (API
// route, 404/405/413, or a static file), the security headers every answer carries, and the
// request log.
#include "server/server.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <thread>
#include <vector>

#include "api/answer_cache.hpp"
#include "api/api.hpp"
#include "api/dispatch.hpp"
#include "api/rate_limiter.hpp"
#include "api/scope_board.hpp"
#include "api/session_memo.hpp"
#include "http/request_log.hpp"
#include "persistence/sql_stores.hpp"
#include "server/http_server.hpp"
#include "server/notification_mailer.hpp"
#include "server/static_files.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja::server {
namespace {

constexpr std::size_t kRememberedSessions = 10000;  // per worker (SessionMemo)
constexpr std::int64_t kBusyRetryAfter = 5;         // seconds, after SERVER_BUSY
constexpr std::int64_t kSignInRetryAfter = 1;       // seconds, after SIGN_IN_BUSY
// Added to the pools' threads' nice value: with every core busy, the workers' short answers get
// the processor before a preview or a password hash (bench/attack, the sign-in flood).
constexpr int kPoolNice = 5;
// Descriptors kept for the database, the log and the rest when the open-file limit bounds the
// connections.
constexpr rlim_t kSpareDescriptors = 128;

struct WorkerDb {
  std::unique_ptr<storage::Connection> connection;
  std::unique_ptr<persistence::SqlStores> stores;
  std::unique_ptr<ScopeBoard> board;
  std::unique_ptr<SessionMemo> sessions;
};

// Raises the soft open-file limit to the hard one (idle connections are descriptors) and returns
// how many connections it leaves room for.
std::size_t connections_within_open_file_limit() {
  rlimit lim{};
  if (::getrlimit(RLIMIT_NOFILE, &lim) != 0) return std::numeric_limits<std::size_t>::max();
  if (lim.rlim_cur < lim.rlim_max) {
    rlimit raised = lim;
    raised.rlim_cur = lim.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) lim = raised;
  }
  if (lim.rlim_cur == RLIM_INFINITY) return std::numeric_limits<std::size_t>::max();
  return lim.rlim_cur > 2 * kSpareDescriptors
             ? static_cast<std::size_t>(lim.rlim_cur - kSpareDescriptors)
             : static_cast<std::size_t>(lim.rlim_cur / 2);
}

void add_security_headers(Response& r) {
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Content-Security-Policy",
               "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
               "object-src 'none'");
  r.set_header("Referrer-Policy", "same-origin");
  r.set_header("X-Frame-Options", "DENY");
}

bool has_header(const Response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n.size() == name.size() && std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) {
          return (a | 0x20) == (b | 0x20);
        }))
      return true;
  }
  return false;
}

}  // namespace

struct Server::Impl {
  ServerConfig config;
  ListenAddress address;
  std::vector<WorkerDb> workers;  // the worker threads', then the work pool's, the hashing pool's
  RateLimiter limiter;
  std::unique_ptr<AnswerCache> answers;
  std::unique_ptr<StaticFiles> files;
  std::unique_ptr<HttpServer> http;
  std::unique_ptr<NotificationMailer> mailer;  // when an SMTP server is configured

  ApiShared api_shared(int worker) {
    auto& db = workers[static_cast<std::size_t>(worker)];
    return ApiShared{config, limiter, *answers, *db.board, db.sessions.get()};
  }

  // Headers every answer carries, and the log line.
  void finish(int worker, const Request& req, Response& res,
              std::chrono::steady_clock::time_point t0, std::optional<Id> user_id) {
    add_security_headers(res);
    const auto us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    log_request(worker, RequestLogLine{req.method, req.path(), res.status,
                                       static_cast<std::int64_t>(us), res.body.size(), user_id});
  }

  // A request head, before its body is read (HttpServerOptions::admit).
  Admission admit(int worker, const Request& head) {
    const auto t0 = std::chrono::steady_clock::now();
    Admission a;
    a.body_limit = config.limits.max_body_bytes;
    if (!head.path().starts_with("/api/")) return a;
    std::optional<Id> user_id;
    auto& db = workers[static_cast<std::size_t>(worker)];
    HeadDecision d = decide_head(head, db.stores->stores(), api_shared(worker), user_id);
    if (d.large_body) a.body_limit = config.limits.max_text_bytes;
    a.heavy = d.heavy;
    a.hashes = d.hashes;
    a.writes = d.writes;
    if (d.refusal) {
      a.refusal = std::move(d.refusal);
      a.refusal->set_header("Cache-Control", "no-store");
      finish(worker, head, *a.refusal, t0, user_id);
    }
    return a;
  }

  // The transport's own refusals (HttpServerOptions::refuse).
  Response refuse(int worker, const Request& req, ErrorCode code) {
    const auto t0 = std::chrono::steady_clock::now();
    Response res = error_answer(code);
    if (code == ErrorCode::ServerBusy)
      res.set_header("Retry-After", std::to_string(kBusyRetryAfter));
    if (code == ErrorCode::SignInBusy)
      res.set_header("Retry-After", std::to_string(kSignInRetryAfter));
    if (code == ErrorCode::WorkTimeout && req.method == "POST" &&
        req.path() == "/api/v1/regulations") {
      // An import past its budget may still be committed by the work already running.
      res = error_response(Refusal(code, std::nullopt,
                                   "Impor melebihi batas waktu server; periksa daftar peraturan "
                                   "sebelum mencoba lagi."));
    } else if (code == ErrorCode::WorkTimeout && req.method != "GET" && req.method != "HEAD" &&
               req.path() != "/api/v1/regulations/preview") {
      // So may a change on the writers' pool that had started.
      res = error_response(Refusal(code, std::nullopt,
                                   "Perubahan ini melebihi batas waktu server dan mungkin tetap "
                                   "tersimpan; periksa hasilnya sebelum mencoba lagi."));
    }
    res.set_header("Cache-Control", "no-store");
    finish(worker, req, res, t0, std::nullopt);
    return res;
  }

  Response handle(int worker, Request& req) {
    const auto t0 = std::chrono::steady_clock::now();
    std::optional<Id> user_id;
    Response res;
    const std::string_view path = req.path();
    if (path.starts_with("/api/")) {
      auto& db = workers[static_cast<std::size_t>(worker)];
      res = handle_api_request(req, db.stores->stores(), api_shared(worker), user_id);
      if (!has_header(res, "Cache-Control")) res.set_header("Cache-Control", "no-store");
    } else if (req.body_too_large) {
      res = error_answer(ErrorCode::PayloadTooLarge);
    } else if (req.method == "GET") {
      res = files->serve(req);
    } else {
      res = error_answer(ErrorCode::MethodNotAllowed);
      res.set_header("Allow", "GET");
    }
    finish(worker, req, res, t0, user_id);
    return res;
  }
};

Server::Server(ServerConfig config) : impl_(std::make_unique<Impl>()) {
  impl_->config = std::move(config);
}

Server::~Server() {
  if (impl_->mailer) impl_->mailer->stop();
}

const std::string& Server::host() const {
  return impl_->address.host;
}

unsigned short Server::start() {
  auto& impl = *impl_;
  impl.address = parse_listen(impl.config.listen);
  const auto& limits = impl.config.limits;
  check_limits(limits);
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int threads = impl.config.threads;
  if (threads <= 0) threads = cores;
  const int work_threads = std::max(1, limits.work_threads);
  const int hashing_threads = RateLimiter::hashing_slots_for(impl.config.password_hashing_slots);
  const int writer_threads = std::max(1, limits.writer_threads);
  const int handler_threads = threads + work_threads + hashing_threads + writer_threads;
  init_logging(impl.config.log_level, handler_threads);
  impl.workers.clear();
  impl.workers.resize(static_cast<std::size_t>(handler_threads));
  for (auto& w : impl.workers) {
    w.connection = storage::open_database(impl.config.db);
    w.stores = std::make_unique<persistence::SqlStores>(*w.connection);
    w.board = std::make_unique<ScopeBoard>(std::chrono::milliseconds(impl.config.cache_recheck_ms));
    w.sessions = std::make_unique<SessionMemo>(
        std::chrono::milliseconds(impl.config.cache_recheck_ms), kRememberedSessions);
    if (&w == &impl.workers.front()) {
      storage::migrate(*w.connection);
      w.stores->identity().delete_expired_sessions(Context::now());
    }
  }
  if (!impl.config.email.smtp_url.empty()) {
    impl.mailer = std::make_unique<NotificationMailer>(impl.config);
    impl.mailer->start();
    log_info("e-mail copies of notifications go through " + impl.config.email.smtp_url);
  }
  impl.answers = std::make_unique<AnswerCache>(
      static_cast<std::size_t>(impl.config.answer_cache_mb) * 1024 * 1024);
  impl.files = std::make_unique<StaticFiles>(impl.config.web_root);
  HttpServerOptions options;
  options.host = impl.address.host;
  options.port = impl.address.port;
  options.threads = threads;
  options.work_threads = work_threads;
  options.work_queue = static_cast<std::size_t>(limits.work_queue);
  options.work_timeout = std::chrono::milliseconds(limits.work_timeout_ms);
  options.hashing_threads = hashing_threads;
  options.hashing_queue = static_cast<std::size_t>(limits.hashing_queue);
  options.hashing_timeout = std::chrono::milliseconds(limits.hashing_timeout_ms);
  options.writer_threads = writer_threads;
  options.writer_queue = static_cast<std::size_t>(limits.writer_queue);
  options.writer_timeout = std::chrono::milliseconds(limits.writer_timeout_ms);
  options.pool_nice = kPoolNice;
  options.header_timeout = std::chrono::seconds(limits.header_timeout_s);
  options.body_timeout = std::chrono::seconds(limits.body_timeout_s);
  options.header_limit = limits.max_header_bytes;
  options.max_connections_per_address =
      static_cast<std::size_t>(limits.max_connections_per_address);
  options.max_bodies_in_flight = limits.max_bodies_in_flight_bytes;
  options.small_body_bytes = limits.max_body_bytes;
  options.max_connections = static_cast<std::size_t>(limits.max_connections);
  if (const std::size_t room = connections_within_open_file_limit();
      room < options.max_connections) {
    log_warning("max_connections lowered to " + std::to_string(room) +
                " by the open-file limit (ulimit -n)");
    options.max_connections = room;
  }
  options.admit = [&impl](int worker, const Request& head) { return impl.admit(worker, head); };
  options.refuse = [&impl](int worker, const Request& req, ErrorCode code) {
    return impl.refuse(worker, req, code);
  };
  impl.http = std::make_unique<HttpServer>(
      options, [&impl](int worker, Request& req) { return impl.handle(worker, req); });
  const unsigned short port = impl.http->listen();
  log_info("listening on " + impl.address.host + ":" + std::to_string(port) + " with " +
           std::to_string(threads) + " threads, " + std::to_string(work_threads) +
           " work threads, " + std::to_string(hashing_threads) + " hashing threads and " +
           std::to_string(writer_threads) + " writer threads");
  return port;
}

void Server::run(bool handle_signals) {
  auto& impl = *impl_;
  if (!impl.http) throw std::logic_error("Server::run before start");
  impl.http->run(handle_signals);
  if (impl.mailer) impl.mailer->stop();
  log_info("stopped; closing database connections");
  for (auto& w : impl.workers) {
    w.stores.reset();
    w.connection.reset();
  }
}

void Server::stop() {
  if (impl_->http) impl_->http->stop();
}

}  // namespace tatakerja::server
