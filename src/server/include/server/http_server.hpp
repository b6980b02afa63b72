// The HTTP/1.1 transport of `tatakerja serve`, behind plain structs so that the handlers, the
// router and the tests compile without Boost.Beast. The implementation (http_server.cpp, the only
// file that includes Asio/Beast) accepts connections on a thread of its own, which does nothing
// else, and hands them to the worker threads in turn (one io_context each, C++20 coroutines per
// connection, keep-alive, TCP_NODELAY). Each request head is first given to `admit`, which may
// refuse it before its body is read (issue 10, "Authenticate before the body"), chooses its body
// limit and says whether it is heavy. A light request's handler is called synchronously on the
// worker's thread with the worker's index, so each worker can own its database connection without
// locks; a heavy one's runs on the work pool (WorkPool), one that hashes a password on the
// hashing pool, and a change on the writers' pool, with the pool thread's own index, while the
// worker goes on serving its other connections. The transport also caps connections (in
// total and per client address), the bytes of bodies being read at once, and the time a head, a
// body and heavy work may take; docs/operations.md, "Limits".
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

#include "core/error.hpp"
#include "http/message.hpp"

namespace tatakerja::server {

// What to do with a request whose head has arrived (HttpServerOptions::admit).
struct Admission {
  // Answered at once, without reading the body (the connection is then closed if one was sent).
  std::optional<Response> refusal;
  // The largest body accepted; a longer one is not read (the handler gets body_too_large).
  std::size_t body_limit = std::size_t{1} << 20;
  bool heavy = false;  // run the handler on the work pool, within work_timeout
  // Run the handler on the hashing pool, within hashing_timeout: it hashes a password (Argon2id,
  // a fraction of a second of one core), which must not hold a worker that serves other
  // connections.
  bool hashes = false;
  // Run the handler on the writers' pool, within writer_timeout: it changes the database, and may
  // wait for the database's writers' turn, which must not hold a worker that serves reads (the
  // changes waiting together are committed together: storage/sqlite_file.hpp).
  bool writes = false;
};

struct HttpServerOptions {
  std::string host = "127.0.0.1";  // address or host name to listen on
  unsigned short port = 0;         // 0: any free port (listen() returns it)
  int threads = 1;                 // worker threads, each with its own io_context (>= 1)
  int work_threads = 1;            // the work pool for heavy requests (>= 1)
  std::size_t work_queue = 8;      // heavy requests waiting for a pool thread; more: SERVER_BUSY
  // A heavy request's time budget from its submission to the pool: WORK_TIMEOUT past it (work
  // not yet started is then not started).
  std::chrono::milliseconds work_timeout{120000};
  int hashing_threads = 1;         // the hashing pool, for requests that hash a password (>= 1)
  std::size_t hashing_queue = 16;  // such requests waiting for a hashing thread; more: SIGN_IN_BUSY
  std::chrono::milliseconds hashing_timeout{10000};  // their budget, queueing included
  int writer_threads = 16;                           // the writers' pool, for changes (>= 1)
  std::size_t writer_queue = 1024;  // changes waiting for a writer thread; more: SERVER_BUSY
  std::chrono::milliseconds writer_timeout{60000};  // their budget, queueing included
  // Added to the nice value of the work and hashing pools' threads (0-19), so that the workers'
  // short answers get the processor before heavy work and hashing when the cores are all busy
  // (not to the writers': a change is as short as a read).
  int pool_nice = 5;
  std::chrono::seconds header_timeout{15};  // to receive a complete request head (idle included)
  std::chrono::seconds body_timeout{120};   // to receive the body once the head arrived
  std::chrono::seconds write_timeout{60};   // to send the response
  std::size_t header_limit = std::size_t{16} * 1024;  // request line and headers; more: 431
  std::size_t max_connections = 10000;                // open at once; more are closed at once
  std::size_t max_connections_per_address = 256;      // from one peer address; 0: no cap
  // The bytes of all bodies being read or waiting for their answer; a body that would pass it is
  // not read (503 SERVER_BUSY). Bodies over `small_body_bytes` may use two thirds of it, so that
  // the last third is always there for the small ones.
  std::size_t max_bodies_in_flight = std::size_t{96} << 20;
  std::size_t small_body_bytes = std::size_t{1} << 20;
  // Called on the worker's thread for each request head (`head.body` is empty). Unset: 1 MiB
  // for every body, nothing heavy.
  std::function<Admission(int worker, const Request& head)> admit;
  // The transport's own refusals (HEADER_TOO_LARGE, SERVER_BUSY, WORK_TIMEOUT, and
  // PAYLOAD_TOO_LARGE when the declared length is over the limit), on worker `worker`'s thread.
  // Unset: the code's bare JSON answer.
  std::function<Response(int worker, const Request& request, ErrorCode code)> refuse;
};

// Called for each request on worker `worker`: 0 .. threads-1 for the worker threads, threads ..
// threads+work_threads-1 for the work pool's threads, then hashing_threads for the hashing pool's,
// then writer_threads for the writers' pool's; must not throw (an exception that escapes
// is answered with a bare 500).
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
