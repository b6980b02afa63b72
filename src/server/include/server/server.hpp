// The Tatakerja HTTP server as one object: configuration in, a listening server out. start()
// opens one database connection per worker thread (and migrates the schema once), binds the
// address and returns the port; run() serves until stop() (or SIGINT/SIGTERM when asked to), then
// closes the connections. Used by `tatakerja serve` and by the tests (in-process, on port 0).
#pragma once

#include <memory>
#include <string>

#include "api/config.hpp"

namespace tatakerja::server {

class Server {
 public:
  explicit Server(ServerConfig config);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Opens the database connections, applies migrations, sets up logging and binds the listening
  // sockets. Returns the bound port. Throws ConfigError (bad listen address),
  // storage::DatabaseError (database unusable) or std::system_error / std::runtime_error (cannot
  // listen).
  unsigned short start();
  // The host part of the configured listen address ("127.0.0.1").
  const std::string& host() const;
  // Serves until stop(); with `handle_signals`, SIGINT/SIGTERM stop it too. Requests in flight are
  // answered before it returns; the database connections are closed on return.
  void run(bool handle_signals = false);
  // Stops gracefully; thread-safe.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tatakerja::server
