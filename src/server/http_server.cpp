// The Boost.Beast/Asio implementation of HttpServer: the only translation unit of the server that
// includes Asio or Beast (they take tens of seconds to compile). Each worker thread owns one
// io_context; the acceptor has an io_context and a thread of its own (the caller's, in run()),
// which only accepts, counts the connections and hands them to the workers in turn, so that no
// request's work can stop the server from accepting (issue 10: one preview once held worker 0,
// and with it the acceptor, for 26 minutes). Each worker serves an equal share and nothing is
// shared between threads on the request path. (One SO_REUSEPORT acceptor per worker was measured
// first: the kernel spreads connections by a hash of their addresses, and an uneven split at 64
// connections put p99 at 35-40 ms against 5-6 ms with an even one; docs/performance.md.)
//
// A connection is one coroutine: read the head (with a timeout; 431 when it is too large), ask
// `admit` what to do with it (refuse it before the body, its body limit, heavy or not), reserve
// the body's bytes against the cap on bodies in flight, read the body, call the handler (heavy:
// on the work pool, hashing a password: on the hashing pool, the coroutine waiting with a timer for
// the answer or the time budget), write the answer, repeat while keep-alive. stop() closes the
// acceptor and the idle connections; connections with a request in flight finish it and then close.
#include <utility>  // before Asio: boost/asio/awaitable.hpp needs std::exchange (Boost 1.74, GCC 12)

#include <algorithm>
#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <csignal>
#include <limits>
#include <list>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "core/error.hpp"
#include "http/request_log.hpp"
#include "server/http_server.hpp"
#include "server/work_pool.hpp"

namespace tatakerja::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

// Seconds a client is asked to wait after SERVER_BUSY.
constexpr std::int64_t kBusyRetryAfter = 5;

// A connection as the worker tracks it, so stop() can close the idle ones.
struct TrackedConnection {
  beast::tcp_stream* stream = nullptr;
  bool idle = true;  // waiting for a request head
};

struct Worker {
  asio::io_context ioc{1};
  // Keeps run() going while the worker has no connection (the acceptor hands them over); released
  // by stop.
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  std::list<TrackedConnection*> connections;  // touched only on this worker's thread
  bool stopping = false;
};

// The answer of `code` put together without a JSON library (the table's messages need no
// escaping), so that it cannot fail: for INTERNAL when the handler itself threw, and for the
// transport's own refusals when no `refuse` is set.
Response bare_answer(ErrorCode code) {
  Response res;
  res.status = http_status_of(code);
  res.body = std::string(R"({"error":{"code":")") + std::string(name_of(code)) +
             R"(","message":")" + std::string(message_of(code)) + R"(","field":null}})";
  res.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  if (code == ErrorCode::ServerBusy)
    res.headers.emplace_back("Retry-After", std::to_string(kBusyRetryAfter));
  return res;
}

// The bytes of request bodies being read or waiting for their answer, under a cap.
class BodyBudget {
 public:
  explicit BodyBudget(std::size_t cap) : cap_(cap) {}
  // Takes `n` bytes if the bytes in use stay within `ceiling` (at most the cap).
  bool try_take(std::size_t n, std::size_t ceiling) {
    ceiling = std::min(ceiling, cap_);
    std::size_t used = used_.load(std::memory_order_relaxed);
    do {
      if (n > ceiling || used > ceiling - n) return false;
    } while (!used_.compare_exchange_weak(used, used + n, std::memory_order_relaxed));
    return true;
  }
  void give_back(std::size_t n) { used_.fetch_sub(n, std::memory_order_relaxed); }

 private:
  const std::size_t cap_;
  std::atomic<std::size_t> used_{0};
};

// Bytes taken from a BodyBudget, given back when it ends.
class BodyReservation {
 public:
  BodyReservation() = default;
  BodyReservation(BodyBudget& budget, std::size_t bytes) : budget_(&budget), bytes_(bytes) {}
  BodyReservation(BodyReservation&& o) noexcept
      : budget_(std::exchange(o.budget_, nullptr)), bytes_(o.bytes_) {}
  BodyReservation& operator=(BodyReservation&& o) noexcept {
    if (this != &o) {
      release();
      budget_ = std::exchange(o.budget_, nullptr);
      bytes_ = o.bytes_;
    }
    return *this;
  }
  BodyReservation(const BodyReservation&) = delete;
  BodyReservation& operator=(const BodyReservation&) = delete;
  ~BodyReservation() { release(); }
  void release() {
    if (budget_ != nullptr) budget_->give_back(bytes_);
    budget_ = nullptr;
  }

 private:
  BodyBudget* budget_ = nullptr;
  std::size_t bytes_ = 0;
};

// A request handed to a pool (heavy work, or hashing a password). `done`, `abandoned`, `response`
// and `timer` are touched only on the connection's worker thread (the pool posts its answer there);
// `request` and `reservation` only on the pool thread once it is queued; `gave_up` on both.
struct HeavyCall {
  Request request;
  BodyReservation reservation;          // the body's bytes, given back when the last owner lets go
  asio::steady_timer* timer = nullptr;  // the waiting coroutine's; valid while not abandoned
  Response response;
  bool done = false;
  bool abandoned = false;
  std::atomic<bool> gave_up{false};
};

}  // namespace

struct HttpServer::Impl {
  HttpServerOptions options;
  Handler handler;
  // Declared before the workers: what their connections and pending answers give back when the
  // io_contexts are destroyed.
  std::unique_ptr<BodyBudget> bodies;
  std::mutex connections_mutex;
  std::size_t open_connections = 0;                          // guarded by connections_mutex
  std::unordered_map<std::string, std::size_t> per_address;  // guarded by connections_mutex
  Clock::time_point last_refusal_log{};                      // the accepting thread's
  std::vector<std::unique_ptr<Worker>> workers;
  asio::io_context accept_ioc{1};
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::signal_set> signals;  // on accept_ioc
  bool accept_stopping = false;             // the accepting thread's
  std::mutex stop_mutex;
  bool stop_requested = false;        // guarded by stop_mutex
  std::unique_ptr<WorkPool> pool;     // last three: destroyed (joined) first
  std::unique_ptr<WorkPool> hashing;  // requests that hash a password
  std::unique_ptr<WorkPool> writing;  // changes

  // One open connection from `address`, released by ~ConnectionTicket.
  class ConnectionTicket {
   public:
    ConnectionTicket(Impl& impl, std::string address)
        : impl_(&impl), address_(std::move(address)) {}
    ConnectionTicket(ConnectionTicket&& o) noexcept
        : impl_(std::exchange(o.impl_, nullptr)), address_(std::move(o.address_)) {}
    ConnectionTicket& operator=(ConnectionTicket&&) = delete;
    ConnectionTicket(const ConnectionTicket&) = delete;
    ConnectionTicket& operator=(const ConnectionTicket&) = delete;
    ~ConnectionTicket() {
      if (impl_ != nullptr) impl_->release_connection(address_);
    }

   private:
    Impl* impl_;
    std::string address_;
  };

  // Counts a new connection from `address`; false when the total or the address's cap is full.
  bool take_connection(const std::string& address) {
    std::lock_guard lock(connections_mutex);
    if (open_connections >= options.max_connections) return false;
    if (options.max_connections_per_address > 0) {
      auto& n = per_address[address];
      if (n >= options.max_connections_per_address) return false;
      ++n;
    }
    ++open_connections;
    return true;
  }

  void release_connection(const std::string& address) {
    std::lock_guard lock(connections_mutex);
    --open_connections;
    if (options.max_connections_per_address > 0) {
      const auto it = per_address.find(address);
      if (it != per_address.end() && --it->second == 0) per_address.erase(it);
    }
  }

  Response refuse(int worker, const Request& req, ErrorCode code) {
    if (options.refuse) {
      try {
        return options.refuse(worker, req, code);
      } catch (...) {
      }
    }
    return bare_answer(code);
  }

  void stop_worker(Worker& w) {
    w.stopping = true;
    w.keep_running.reset();
    beast::error_code ec;
    for (TrackedConnection* c : w.connections) {
      if (c->idle) c->stream->socket().close(ec);
    }
  }

  // Runs on the accepting thread; connection n goes to worker n mod threads, its socket bound to
  // that worker's io_context, its coroutine started there. A connection over the caps is closed
  // at once (it costs a descriptor for a moment, and no worker sees it).
  asio::awaitable<void> accept_loop() {
    std::size_t next = 0;
    for (;;) {
      beast::error_code ec;
      Worker& target = *workers[next];
      tcp::socket socket = co_await acceptor->async_accept(
          target.ioc, asio::redirect_error(asio::use_awaitable, ec));
      if (accept_stopping) co_return;
      if (ec) {
        if (ec == asio::error::operation_aborted || ec == asio::error::bad_descriptor) co_return;
        // Out of descriptors or a transient error: wait a little instead of spinning.
        asio::steady_timer t(accept_ioc, std::chrono::milliseconds(50));
        co_await t.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        continue;
      }
      std::string address;
      if (const auto ep = socket.remote_endpoint(ec); !ec) address = ep.address().to_string();
      if (!take_connection(address)) {
        socket.close(ec);
        const auto now = Clock::now();
        if (now - last_refusal_log > std::chrono::seconds(10)) {
          last_refusal_log = now;
          log_warning("connection refused: the cap on connections (in total or from " + address +
                      ") is reached");
        }
        continue;
      }
      const std::size_t index = next;
      next = (next + 1) % workers.size();
      socket.set_option(tcp::no_delay(true), ec);
      asio::co_spawn(target.ioc,
                     serve_connection(target, static_cast<int>(index), std::move(socket),
                                      ConnectionTicket(*this, std::move(address))),
                     asio::detached);
    }
  }

  // Writes `res`; true when it was sent.
  asio::awaitable<bool> write_answer(beast::tcp_stream& stream, Response res, bool keep_alive) {
    http::response<http::string_body> out{static_cast<http::status>(res.status), 11};
    for (auto& [name, value] : res.headers) out.set(name, value);
    out.body() = std::move(res.body);
    out.keep_alive(keep_alive);
    out.prepare_payload();
    beast::error_code ec;
    stream.expires_after(options.write_timeout);
    co_await http::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
    co_return !ec;
  }

  // Lingering close after an answer sent before the request's body was read: stop sending, then
  // discard what the client still sends for a moment (a fixed 4 KiB at a time, never kept), so
  // that closing with unread data does not reset the connection before the client reads the
  // answer.
  static asio::awaitable<void> linger(beast::tcp_stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(std::chrono::seconds(2));
    char sink[4096];
    std::size_t drained = 0;
    while (!ec && drained < (std::size_t{64} << 20)) {
      drained += co_await stream.async_read_some(asio::buffer(sink),
                                                 asio::redirect_error(asio::use_awaitable, ec));
    }
  }

  // Where a request that does not run on its worker goes: a pool, the handler index of its first
  // thread, its time budget and the refusal when it is full.
  struct Lane {
    WorkPool* pool;
    int first;
    std::chrono::milliseconds budget;
    ErrorCode busy;
  };
  Lane work_lane() {
    return {pool.get(), options.threads, options.work_timeout, ErrorCode::ServerBusy};
  }
  Lane hashing_lane() {
    return {hashing.get(), options.threads + options.work_threads, options.hashing_timeout,
            ErrorCode::SignInBusy};
  }
  Lane writing_lane() {
    return {writing.get(), options.threads + options.work_threads + options.hashing_threads,
            options.writer_timeout, ErrorCode::ServerBusy};
  }
  Lane lane_of(const Admission& a) {
    if (a.hashes) return hashing_lane();
    return a.heavy ? work_lane() : writing_lane();
  }

  // Runs `req` on `lane`'s pool and waits, without holding the worker, for its answer or the time
  // budget; the lane's busy refusal at once when the pool is full.
  asio::awaitable<Response> run_on_pool(Worker& w, int index, Lane lane, Request req,
                                        BodyReservation reservation) {
    Request head;  // for the refusals, read here while the pool thread reads `call->request`
    head.method = req.method;
    head.target = req.target;
    head.client_address = req.client_address;
    const auto deadline = Clock::now() + lane.budget;
    asio::steady_timer timer(w.ioc, deadline);
    auto call = std::make_shared<HeavyCall>();
    call->request = std::move(req);
    call->reservation = std::move(reservation);
    call->timer = &timer;
    const int first = lane.first;
    const bool queued = lane.pool->try_submit([this, call, &w, deadline, first](int slot) {
      // Not started once the budget is spent: the client has had its WORK_TIMEOUT.
      if (call->gave_up.load() || Clock::now() >= deadline) {
        call->request.body = std::string();
        call->reservation.release();
        return;
      }
      Response r;
      try {
        r = handler(first + slot, call->request);
      } catch (...) {
        r = bare_answer(ErrorCode::Internal);
      }
      // The body's memory and its bytes in the budget are given back before the answer goes.
      call->request.body = std::string();
      call->reservation.release();
      asio::post(w.ioc, [call, r = std::move(r)]() mutable {
        if (call->abandoned) return;
        call->response = std::move(r);
        call->done = true;
        call->timer->cancel();
      });
    });
    if (!queued) co_return refuse(index, head, lane.busy);
    beast::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (call->done) co_return std::move(call->response);
    call->abandoned = true;
    call->timer = nullptr;
    call->gave_up.store(true);
    co_return refuse(index, head, ErrorCode::WorkTimeout);
  }

  asio::awaitable<void> serve_connection(
      Worker& w, int index, tcp::socket socket,
      [[maybe_unused]] ConnectionTicket ticket) {  // held while it runs
    beast::error_code ec;
    std::string client;
    {
      const auto ep = socket.remote_endpoint(ec);
      if (!ec) client = ep.address().to_string();
    }
    beast::tcp_stream stream(std::move(socket));
    TrackedConnection self{&stream, true};
    w.connections.push_front(&self);
    const auto registration = w.connections.begin();
    beast::flat_buffer buffer;

    for (;;) {
      if (w.stopping) break;
      self.idle = true;
      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
      // No limit while reading the head (Beast would refuse a large Content-Length there and we
      // could not answer 413); the limit for this request is applied once it is admitted.
      parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      stream.expires_after(options.header_timeout);
      co_await http::async_read_header(stream, buffer, parser,
                                       asio::redirect_error(asio::use_awaitable, ec));
      self.idle = false;
      Request req;
      req.client_address = client;
      if (ec == http::error::header_limit) {
        if (co_await write_answer(stream, refuse(index, req, ErrorCode::HeaderTooLarge), false))
          co_await linger(stream);
        break;
      }
      if (ec) break;  // closed, timed out or not HTTP: close without an answer

      auto& head = parser.get();
      req.method.assign(head.method_string().data(), head.method_string().size());
      req.target.assign(head.target().data(), head.target().size());
      for (const auto& field : head) {
        req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
      }
      const bool client_keep_alive = head.keep_alive();
      const auto length = parser.content_length();
      const bool has_body = parser.chunked() || (length && *length > 0);

      // What to do before the body: refuse it (the caller may not send it, or no memory is left
      // for it), or read it up to the admitted limit.
      Admission admission;
      std::optional<Response> early;
      try {
        if (options.admit) admission = options.admit(index, req);
      } catch (...) {
        early = bare_answer(ErrorCode::Internal);
      }
      BodyReservation reservation;
      bool too_large = false;
      if (!early) {
        if (length && *length > admission.body_limit) {
          too_large = true;  // answered 413 by the handler, the body not read
        } else if (admission.refusal) {
          early = std::move(admission.refusal);
        } else if (has_body) {
          const std::size_t bytes =
              length ? static_cast<std::size_t>(*length) : admission.body_limit;
          // A large body (a regulation text) may not take the share kept for the small ones.
          const std::size_t ceiling = bytes > options.small_body_bytes
                                          ? options.max_bodies_in_flight / 3 * 2
                                          : options.max_bodies_in_flight;
          if (bodies->try_take(bytes, ceiling)) {
            reservation = BodyReservation(*bodies, bytes);
          } else {
            early = refuse(index, req, ErrorCode::ServerBusy);
          }
        }
      }
      if (early) {
        const bool keep = client_keep_alive && !has_body && !w.stopping;
        const bool sent = co_await write_answer(stream, std::move(*early), keep);
        if (sent && has_body) co_await linger(stream);
        if (!sent || !keep) break;
        continue;
      }

      if (!too_large) {
        if (head[http::field::expect] == "100-continue") {
          http::response<http::empty_body> cont{http::status::continue_, 11};
          stream.expires_after(options.write_timeout);
          co_await http::async_write(stream, cont, asio::redirect_error(asio::use_awaitable, ec));
          if (ec) break;
        }
        parser.body_limit(admission.body_limit);
        stream.expires_after(options.body_timeout);
        co_await http::async_read(stream, buffer, parser,
                                  asio::redirect_error(asio::use_awaitable, ec));
        if (ec == http::error::body_limit) {
          too_large = true;
        } else if (ec) {
          break;
        } else {
          req.body = std::move(parser.get().body());
        }
      }
      req.body_too_large = too_large;

      Response res;
      if ((admission.heavy || admission.hashes || admission.writes) && !too_large) {
        // The request and its reservation go to the pool, which gives them back.
        res = co_await run_on_pool(w, index, lane_of(admission), std::move(req),
                                   std::move(reservation));
      } else {
        try {
          res = handler(index, req);
        } catch (...) {
          res = bare_answer(ErrorCode::Internal);
        }
        req.body = std::string();
        reservation.release();
      }

      const bool keep_alive = client_keep_alive && !too_large && !w.stopping;
      const bool sent = co_await write_answer(stream, std::move(res), keep_alive);
      if (sent && too_large) co_await linger(stream);
      if (!sent || !keep_alive) break;
    }
    w.connections.erase(registration);
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.socket().close(ec);
  }
};

HttpServer::HttpServer(HttpServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>()) {
  auto& o = impl_->options;
  o = std::move(options);
  if (o.threads < 1) o.threads = 1;
  if (o.work_threads < 1) o.work_threads = 1;
  if (o.hashing_threads < 1) o.hashing_threads = 1;
  if (o.writer_threads < 1) o.writer_threads = 1;
  if (o.max_connections < 1) o.max_connections = 1;
  impl_->handler = std::move(handler);
  impl_->bodies = std::make_unique<BodyBudget>(o.max_bodies_in_flight);
  for (int i = 0; i < o.threads; ++i) impl_->workers.push_back(std::make_unique<Worker>());
  impl_->pool = std::make_unique<WorkPool>(o.work_threads, o.work_queue, o.pool_nice);
  impl_->hashing = std::make_unique<WorkPool>(o.hashing_threads, o.hashing_queue, o.pool_nice);
  impl_->writing = std::make_unique<WorkPool>(o.writer_threads, o.writer_queue);
}

HttpServer::~HttpServer() = default;

unsigned short HttpServer::listen() {
  auto& impl = *impl_;
  auto& o = impl.options;
  asio::ip::address address;
  {
    beast::error_code ec;
    address = asio::ip::make_address(o.host, ec);
    if (ec) {
      tcp::resolver resolver(impl.accept_ioc);
      auto results = resolver.resolve(o.host, "", ec);
      if (ec || results.empty()) throw std::runtime_error("cannot resolve host " + o.host);
      address = results.begin()->endpoint().address();
    }
  }
  const tcp::endpoint ep(address, o.port);
  impl.acceptor.emplace(impl.accept_ioc);
  impl.acceptor->open(ep.protocol());
  impl.acceptor->set_option(asio::socket_base::reuse_address(true));
  impl.acceptor->bind(ep);
  impl.acceptor->listen(asio::socket_base::max_listen_connections);
  return impl.acceptor->local_endpoint().port();
}

void HttpServer::run(bool handle_signals) {
  auto& impl = *impl_;
  if (!impl.acceptor) throw std::logic_error("HttpServer::run before listen");
  impl.pool->start();
  impl.hashing->start();
  impl.writing->start();
  for (auto& w : impl.workers) w->keep_running.emplace(w->ioc.get_executor());
  asio::co_spawn(impl.accept_ioc, impl.accept_loop(), asio::detached);
  if (handle_signals) {
    impl.signals.emplace(impl.accept_ioc, SIGINT, SIGTERM);
    impl.signals->async_wait([this](const beast::error_code& ec, int) {
      if (!ec) stop();
    });
  }
  std::vector<std::thread> threads;
  for (auto& w : impl.workers) {
    threads.emplace_back([wp = w.get()] { wp->ioc.run(); });
  }
  impl.accept_ioc.run();  // until stop() closes the acceptor
  for (auto& t : threads) t.join();
  // Every connection has ended, so no one waits for the pools: let their running work finish.
  impl.pool->shutdown();
  impl.hashing->shutdown();
  impl.writing->shutdown();
  impl.signals.reset();
}

void HttpServer::stop() {
  auto& impl = *impl_;
  std::lock_guard lock(impl.stop_mutex);
  if (impl.stop_requested) return;
  impl.stop_requested = true;
  asio::post(impl.accept_ioc, [&impl] {
    impl.accept_stopping = true;
    beast::error_code ec;
    if (impl.acceptor) impl.acceptor->close(ec);
    if (impl.signals) impl.signals->cancel(ec);
  });
  for (auto& w : impl.workers) {
    Worker* wp = w.get();
    asio::post(wp->ioc, [&impl, wp] { impl.stop_worker(*wp); });
  }
}

}  // namespace tatakerja::server
