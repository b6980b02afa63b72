// Test helper: the demo registry (sample::build_demo on the corpus) served by a real server on
// 127.0.0.1:0 over a SQLite file in a temporary folder of its own, for the API tests that need a
// whole registry. A test suite holds one from SetUpTestSuite to TearDownTestSuite; destroying it
// stops the server and removes the folder.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <thread>

#include "persistence/sql_stores.hpp"
#include "sample/demo.hpp"
#include "server/server.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja::testing {

class DemoServer {
 public:
  // `name` names the temporary folder (with the process id); its "web" folder is the web root.
  explicit DemoServer(const std::string& name)
      : dir_(std::filesystem::temp_directory_path() /
             ("tatakerja_" + name + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "web");
    {
      auto c = storage::open_database(db());
      storage::migrate(*c);
      persistence::SqlStores s(*c);
      sample::build_demo(s.stores(), std::string(TATAKERJA_DATA_DIR) + "/regulations", 7);
    }
    server::ServerConfig config;
    config.db = db();
    config.listen = "127.0.0.1:0";
    config.threads = 2;
    config.web_root = (dir_ / "web").string();
    config.log_level = "warn";
    server_ = std::make_unique<server::Server>(config);
    port_ = server_->start();
    thread_ = std::thread([this] { server_->run(false); });
  }
  ~DemoServer() {
    server_->stop();
    thread_.join();
    server_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  DemoServer(const DemoServer&) = delete;
  DemoServer& operator=(const DemoServer&) = delete;

  unsigned short port() const { return port_; }
  std::string db() const { return (dir_ / "demo.db").string(); }
  // A path in the folder, for files a test writes.
  std::filesystem::path file(const std::string& name) const { return dir_ / name; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
  unsigned short port_ = 0;
};

}  // namespace tatakerja::testing
