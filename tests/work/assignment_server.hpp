// A real server on 127.0.0.1:0 over a SQLite file holding the demo (sample::build_demo on the
// corpus) and the assignment tests' cast (assignment_cast.hpp), with signed-in sessions for the
// cast and the demo's administrator. The tests talk to it over real TCP.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "assignment_cast.hpp"
#include "http_client.hpp"
#include "persistence/sql_stores.hpp"
#include "sample/demo.hpp"
#include "server/server.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace tatakerja::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Session {
  std::string cookie;
  std::string csrf;
  Headers headers() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
};

class AssignmentServer {
 public:
  // `configure` may change the server's settings before it starts (e.g. an SMTP server).
  explicit AssignmentServer(const std::string& name,
                            const std::function<void(server::ServerConfig&)>& configure = {})
      : dir_(std::filesystem::temp_directory_path() /
             ("tatakerja_" + name + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "web");
    {
      auto c = storage::open_database(db());
      storage::migrate(*c);
      persistence::SqlStores s(*c);
      sample::build_demo(s.stores(), std::string(TATAKERJA_DATA_DIR) + "/regulations", 7);
      cast_ = CastBuilder(s.stores()).build();
    }
    server::ServerConfig config;
    config.db = db();
    config.listen = "127.0.0.1:0";
    config.threads = 2;
    config.web_root = (dir_ / "web").string();
    config.log_level = "warn";
    if (configure) configure(config);
    server_ = std::make_unique<server::Server>(config);
    port_ = server_->start();
    thread_ = std::thread([this] { server_->run(false); });
  }
  ~AssignmentServer() {
    server_->stop();
    thread_.join();
    server_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  AssignmentServer(const AssignmentServer&) = delete;
  AssignmentServer& operator=(const AssignmentServer&) = delete;

  std::string db() const { return (dir_ / "demo.db").string(); }
  const Cast& cast() const { return cast_; }

  HttpAnswer call(const std::string& method, const std::string& target,
                  const std::string& body = "", const Headers& h = {}) const {
    HttpClient c(port_);
    return c.request(method, target, body, h);
  }
  // The session of a cast alias or "admin" (signed in once).
  const Session& as(const std::string& who) {
    if (const auto it = sessions_.find(who); it != sessions_.end()) return it->second;
    const std::string password = who == "admin" ? "demo-admin-2026" : kPassword;
    const auto a = call("POST", "/api/v1/auth/login",
                        nlohmann::json{{"username", who}, {"password", password}}.dump());
    EXPECT_EQ(a.status, 200) << who << ": " << a.body;
    Session s;
    const std::string set_cookie = a.header("Set-Cookie");
    s.cookie = set_cookie.substr(0, set_cookie.find(';'));
    const auto j = nlohmann::json::parse(a.body, nullptr, false);
    if (j.is_object() && j.contains("csrf_token")) s.csrf = j["csrf_token"].get<std::string>();
    return sessions_[who] = s;
  }
  // The headers of `who`; none for "anonim".
  Headers headers(const std::string& who) {
    return who == "anonim" ? Headers{} : as(who).headers();
  }
  // The id of the team named `name` in any region (read by the administrator); 0 when none.
  std::int64_t team_id(const std::string& name) {
    const auto regions = nlohmann::json::parse(call("GET", "/api/v1/regions").body);
    for (const auto& r : regions["items"]) {
      const auto teams = nlohmann::json::parse(
          call("GET", "/api/v1/regions/" + std::to_string(r["id"].get<std::int64_t>()) + "/teams",
               "", as("admin").headers())
              .body);
      for (const auto& t : teams["items"]) {
        if (t["name"] == name) return t["id"].get<std::int64_t>();
      }
    }
    return 0;
  }
  // The newest audit entry's id (read by the administrator).
  std::int64_t newest_audit_id() {
    const auto a = call("GET", "/api/v1/audit?limit=1", "", as("admin").headers());
    EXPECT_EQ(a.status, 200) << a.body;
    return nlohmann::json::parse(a.body)["items"][0]["id"].get<std::int64_t>();
  }

 private:
  std::filesystem::path dir_;
  Cast cast_;
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
  unsigned short port_ = 0;
  std::map<std::string, Session> sessions_;
};

}  // namespace tatakerja::testing
