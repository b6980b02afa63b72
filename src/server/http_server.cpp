// The Boost.Beast/Asio implementation of HttpServer: the only translation unit of the server that
// includes Asio or Beast (they take tens of seconds to compile). Each worker thread owns one
// io_context; one acceptor (on worker 0) hands the accepted connections to the workers in turn,
// so each worker serves an equal share and nothing is shared between threads on the request path.
// (One SO_REUSEPORT acceptor per worker was measured first: the kernel spreads connections by a
// hash of their addresses, and an uneven split at 64 connections put p99 at 35-40 ms against 5-6
// ms with an even one; docs/performance.md.) A
// connection is one coroutine: read the head (with a timeout), pick the body limit, read the body,
// call the handler, write the answer, repeat while keep-alive. stop() closes the acceptor and the
// idle connections; connections with a request in flight finish it and then close.
#include <utility>  // before Asio: boost/asio/awaitable.hpp needs std::exchange (Boost 1.74, GCC 12)

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

#include "core/error.hpp"
#include "server/http_server.hpp"

namespace tatakerja::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// A connection as the worker tracks it, so stop() can close the idle ones.
struct TrackedConnection {
  beast::tcp_stream* stream = nullptr;
  bool idle = true;  // waiting for a request head
};

struct Worker {
  asio::io_context ioc{1};
  std::optional<tcp::acceptor> acceptor;  // worker 0 only
  // Keeps run() going while the worker has no connection yet (the other workers wait for worker
  // 0's acceptor to hand them one); released by stop.
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  std::list<TrackedConnection*> connections;  // touched only on this worker's thread
  bool stopping = false;
};

// The answer when the handler itself threw: INTERNAL from the error table, its body put together
// without a JSON library (the table's messages need no escaping), so that it cannot fail again.
Response internal_error_answer() {
  constexpr ErrorCode code = ErrorCode::Internal;
  Response res;
  res.status = http_status_of(code);
  res.body = std::string(R"({"error":{"code":")") + std::string(name_of(code)) +
             R"(","message":")" + std::string(message_of(code)) + R"(","field":null}})";
  res.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  return res;
}

}  // namespace

struct HttpServer::Impl {
  HttpServerOptions options;
  Handler handler;
  std::vector<std::unique_ptr<Worker>> workers;
  std::optional<asio::signal_set> signals;  // on worker 0
  std::mutex stop_mutex;
  bool stop_requested = false;  // guarded by stop_mutex

  std::size_t limit_for(std::string_view method, std::string_view target) const {
    return options.body_limit ? options.body_limit(method, target) : std::size_t{1} << 20;
  }

  void stop_worker(Worker& w) {
    w.stopping = true;
    w.keep_running.reset();
    beast::error_code ec;
    if (w.acceptor) w.acceptor->close(ec);
    for (TrackedConnection* c : w.connections) {
      if (c->idle) c->stream->socket().close(ec);
    }
  }

  // Runs on worker 0; connection n goes to worker n mod threads, its socket bound to that
  // worker's io_context, its coroutine started there.
  asio::awaitable<void> accept_loop(Worker& w) {
    std::size_t next = 0;
    for (;;) {
      beast::error_code ec;
      const std::size_t index = next;
      Worker& target = *workers[index];
      tcp::socket socket = co_await w.acceptor->async_accept(
          target.ioc, asio::redirect_error(asio::use_awaitable, ec));
      if (w.stopping) co_return;
      if (ec) {
        if (ec == asio::error::operation_aborted || ec == asio::error::bad_descriptor) co_return;
        // Out of descriptors or a transient error: wait a little instead of spinning.
        asio::steady_timer t(w.ioc, std::chrono::milliseconds(50));
        co_await t.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        continue;
      }
      next = (next + 1) % workers.size();
      socket.set_option(tcp::no_delay(true), ec);
      asio::co_spawn(target.ioc,
                     serve_connection(target, static_cast<int>(index), std::move(socket)),
                     asio::detached);
    }
  }

  asio::awaitable<void> serve_connection(Worker& w, int index, tcp::socket socket) {
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
    Request req;
    req.client_address = client;

    for (;;) {
      if (w.stopping) break;
      self.idle = true;
      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
      // No limit while reading the head (Beast would refuse a large Content-Length there and we
      // could not answer 413); the limit for this target is applied once the target is known.
      parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      stream.expires_after(options.header_timeout);
      co_await http::async_read_header(stream, buffer, parser,
                                       asio::redirect_error(asio::use_awaitable, ec));
      self.idle = false;
      if (ec) break;  // closed, timed out or not HTTP: close without an answer

      auto& head = parser.get();
      req.method.assign(head.method_string().data(), head.method_string().size());
      req.target.assign(head.target().data(), head.target().size());
      req.headers.clear();
      req.body.clear();
      for (const auto& field : head) {
        req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
      }
      const std::size_t limit = limit_for(req.method, req.target);
      bool too_large = false;
      if (const auto length = parser.content_length(); length && *length > limit) {
        too_large = true;
      } else {
        if (head[http::field::expect] == "100-continue") {
          http::response<http::empty_body> cont{http::status::continue_, 11};
          stream.expires_after(options.write_timeout);
          co_await http::async_write(stream, cont, asio::redirect_error(asio::use_awaitable, ec));
          if (ec) break;
        }
        parser.body_limit(limit);
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
      const bool client_keep_alive = head.keep_alive();

      Response res;
      try {
        res = handler(index, req);
      } catch (...) {
        res = internal_error_answer();
      }

      http::response<http::string_body> out{static_cast<http::status>(res.status), 11};
      for (auto& [name, value] : res.headers) out.set(name, value);
      out.body() = std::move(res.body);
      const bool keep_alive = client_keep_alive && !too_large && !w.stopping;
      out.keep_alive(keep_alive);
      out.prepare_payload();
      stream.expires_after(options.write_timeout);
      co_await http::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
      if (!ec && too_large) {
        // Lingering close: stop sending, then discard what the client still sends for a moment,
        // so that closing with unread data does not reset the connection before it reads the 413.
        stream.socket().shutdown(tcp::socket::shutdown_send, ec);
        stream.expires_after(std::chrono::seconds(2));
        char sink[4096];
        std::size_t drained = 0;
        while (!ec && drained < (std::size_t{64} << 20)) {
          drained += co_await stream.async_read_some(asio::buffer(sink),
                                                     asio::redirect_error(asio::use_awaitable, ec));
        }
      }
      if (ec || !keep_alive) break;
    }
    w.connections.erase(registration);
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.socket().close(ec);
  }
};

HttpServer::HttpServer(HttpServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  if (impl_->options.threads < 1) impl_->options.threads = 1;
  impl_->handler = std::move(handler);
  for (int i = 0; i < impl_->options.threads; ++i)
    impl_->workers.push_back(std::make_unique<Worker>());
}

HttpServer::~HttpServer() = default;

unsigned short HttpServer::listen() {
  auto& o = impl_->options;
  asio::ip::address address;
  {
    beast::error_code ec;
    address = asio::ip::make_address(o.host, ec);
    if (ec) {
      tcp::resolver resolver(impl_->workers.front()->ioc);
      auto results = resolver.resolve(o.host, "", ec);
      if (ec || results.empty()) throw std::runtime_error("cannot resolve host " + o.host);
      address = results.begin()->endpoint().address();
    }
  }
  auto& w = *impl_->workers.front();
  const tcp::endpoint ep(address, o.port);
  w.acceptor.emplace(w.ioc);
  w.acceptor->open(ep.protocol());
  w.acceptor->set_option(asio::socket_base::reuse_address(true));
  w.acceptor->bind(ep);
  w.acceptor->listen(asio::socket_base::max_listen_connections);
  return w.acceptor->local_endpoint().port();
}

void HttpServer::run(bool handle_signals) {
  auto& impl = *impl_;
  auto& first = *impl.workers.front();
  if (!first.acceptor) throw std::logic_error("HttpServer::run before listen");
  for (auto& w : impl.workers) w->keep_running.emplace(w->ioc.get_executor());
  asio::co_spawn(first.ioc, impl.accept_loop(first), asio::detached);
  if (handle_signals) {
    auto& w0 = *impl.workers.front();
    impl.signals.emplace(w0.ioc, SIGINT, SIGTERM);
    impl.signals->async_wait([this](const beast::error_code& ec, int) {
      if (!ec) stop();
    });
  }
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < impl.workers.size(); ++i) {
    threads.emplace_back([w = impl.workers[i].get()] { w->ioc.run(); });
  }
  impl.workers.front()->ioc.run();
  for (auto& t : threads) t.join();
  impl.signals.reset();
}

void HttpServer::stop() {
  auto& impl = *impl_;
  std::lock_guard lock(impl.stop_mutex);
  if (impl.stop_requested) return;
  impl.stop_requested = true;
  for (auto& w : impl.workers) {
    Worker* wp = w.get();
    asio::post(wp->ioc, [&impl, wp] { impl.stop_worker(*wp); });
  }
  auto& w0 = *impl.workers.front();
  asio::post(w0.ioc, [&impl] {
    if (impl.signals) {
      beast::error_code ec;
      impl.signals->cancel(ec);
    }
  });
}

}  // namespace tatakerja::server
