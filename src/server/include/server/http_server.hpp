// The HTTP/1.1 transport of `tatakerja serve`, behind plain structs so that the handlers, the
// router and the tests compile without Boost.Beast. The implementation (http_server.cpp, the only
// file that includes Asio/Beast) runs one io_context per worker thread, one acceptor handing
// connections to the workers in turn, C++20 coroutines per connection, keep-alive, TCP_NODELAY, a
// header read timeout, a body limit chosen per request, and a graceful stop (no new connections,
// idle ones closed, requests in flight answered). The handler is called synchronously on the
// worker's thread with the worker's index, so each worker can own its database connection without
// locks.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.hpp"

namespace tatakerja::server {

struct HttpServerOptions {
  std::string host = "127.0.0.1";           // address or host name to listen on
  unsigned short port = 0;                  // 0: any free port (listen() returns it)
  int threads = 1;                          // worker threads, each with its own io_context (>= 1)
  std::chrono::seconds header_timeout{30};  // to receive a complete request head
  std::chrono::seconds body_timeout{120};   // to receive the body once the head arrived
  std::chrono::seconds write_timeout{60};   // to send the response
  std::size_t header_limit = std::size_t{16} * 1024;
  // Largest body accepted for a request line; bodies over it are not read and the handler gets
  // the request with body_too_large set. Unset: 1 MiB for everything.
  std::function<std::size_t(std::string_view method, std::string_view target)> body_limit;
};

// Called on worker `worker` (0 .. threads-1) for each request; must not throw (an exception that
// escapes is answered with a bare 500).
using Handler = std::function<Response(int worker, Request& request)>;

class HttpServer {
 public:
  HttpServer(HttpServerOptions options, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening sockets; returns the port actually bound. Throws std::system_error
  // (or std::runtime_error for an unresolvable host) when it cannot listen.
  unsigned short listen();
  // Serves on `threads` threads (the caller's thread is worker 0) until stop(); with
  // `handle_signals`, SIGINT and SIGTERM call stop(). Returns once every connection is closed.
  void run(bool handle_signals);
  // Stops gracefully; thread-safe; may be called before, during or after run().
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tatakerja::server
