// The server's glue: per-worker database connections, the dispatch of a request (API route,
// 404/405/413, or a static file), the security headers every answer carries, and the request log.
#include "server/server.hpp"

#include <algorithm>
#include <chrono>
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
#include "server/static_files.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja::server {
namespace {

constexpr std::size_t kJsonLimit = std::size_t{1} << 20;   // 1 MiB
constexpr std::size_t kTextLimit = std::size_t{32} << 20;  // 32 MiB regulation text
constexpr std::size_t kRememberedSessions = 10000;         // per worker (SessionMemo)

struct WorkerDb {
  std::unique_ptr<storage::Connection> connection;
  std::unique_ptr<persistence::SqlStores> stores;
  std::unique_ptr<ScopeBoard> board;
  std::unique_ptr<SessionMemo> sessions;
};

std::size_t body_limit_for(std::string_view method, std::string_view target) {
  const auto q = target.find('?');
  const std::string_view path = target.substr(0, q);
  if (method == "POST" && (path == "/api/v1/regulations" || path == "/api/v1/regulations/preview"))
    return kTextLimit;
  return kJsonLimit;
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
  std::vector<WorkerDb> workers;
  RateLimiter limiter;
  std::unique_ptr<AnswerCache> answers;
  std::unique_ptr<StaticFiles> files;
  std::unique_ptr<HttpServer> http;

  Response handle(int worker, Request& req) {
    const auto t0 = std::chrono::steady_clock::now();
    std::optional<Id> user_id;
    Response res;
    const std::string_view path = req.path();
    if (path.starts_with("/api/")) {
      auto& db = workers[static_cast<std::size_t>(worker)];
      res = handle_api_request(req, db.stores->stores(),
                               ApiShared{config, limiter, *answers, *db.board, db.sessions.get()},
                               user_id);
      if (!has_header(res, "Cache-Control")) res.set_header("Cache-Control", "no-store");
    } else if (req.body_too_large) {
      res = error_answer(ErrorCode::PayloadTooLarge);
    } else if (req.method == "GET") {
      res = files->serve(req);
    } else {
      res = error_answer(ErrorCode::MethodNotAllowed);
      res.set_header("Allow", "GET");
    }
    add_security_headers(res);
    const auto us =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    log_request(worker, RequestLogLine{req.method, path, res.status, static_cast<std::int64_t>(us),
                                       res.body.size(), user_id});
    return res;
  }
};

Server::Server(ServerConfig config) : impl_(std::make_unique<Impl>()) {
  impl_->config = std::move(config);
}

Server::~Server() = default;

const std::string& Server::host() const {
  return impl_->address.host;
}

unsigned short Server::start() {
  auto& impl = *impl_;
  impl.address = parse_listen(impl.config.listen);
  int threads = impl.config.threads;
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  init_logging(impl.config.log_level, threads);
  impl.workers.clear();
  impl.workers.resize(static_cast<std::size_t>(threads));
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
  impl.answers = std::make_unique<AnswerCache>(
      static_cast<std::size_t>(impl.config.answer_cache_mb) * 1024 * 1024);
  impl.files = std::make_unique<StaticFiles>(impl.config.web_root);
  HttpServerOptions options;
  options.host = impl.address.host;
  options.port = impl.address.port;
  options.threads = threads;
  options.body_limit = body_limit_for;
  impl.http = std::make_unique<HttpServer>(
      options, [&impl](int worker, Request& req) { return impl.handle(worker, req); });
  const unsigned short port = impl.http->listen();
  log_info("listening on " + impl.address.host + ":" + std::to_string(port) + " with " +
           std::to_string(threads) + " threads");
  return port;
}

void Server::run(bool handle_signals) {
  auto& impl = *impl_;
  if (!impl.http) throw std::logic_error("Server::run before start");
  impl.http->run(handle_signals);
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
