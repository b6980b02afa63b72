// `tatakerja serve`: the HTTP server. Settings come from flags, then TATAKERJA_* environment
// variables, then a `key = value` file (--config), then defaults; flags win. Prints one line
// "Tatakerja melayani di http://HOST:PORT/" once listening (with the real port when --listen asks
// for port 0) and serves until SIGINT/SIGTERM, then exits 0.
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "api/config.hpp"
#include "command_groups.hpp"
#include "server/server.hpp"

namespace tatakerja::cli {

namespace {

struct ServeFlags {
  std::optional<std::string> db, listen, web_root, config_file, log_level;
  std::optional<int> threads, cache_mb;
  bool secure_cookies = false;
};

int run_serve(const ServeFlags& f) {
  using namespace tatakerja::server;
  try {
    ServerConfig config;
    if (f.config_file) apply_config_file(config, *f.config_file);
    apply_environment(config);
    if (f.db) apply_setting(config, "db", *f.db);
    if (f.listen) apply_setting(config, "listen", *f.listen);
    if (f.threads) apply_setting(config, "threads", std::to_string(*f.threads));
    if (f.web_root) apply_setting(config, "web_root", *f.web_root);
    if (f.secure_cookies) config.secure_cookies = true;
    if (f.log_level) apply_setting(config, "log_level", *f.log_level);
    if (f.cache_mb) apply_setting(config, "cache_mb", std::to_string(*f.cache_mb));

    Server server(config);
    const unsigned short port = server.start();
    const std::string& host = server.host();
    const bool v6 = host.find(':') != std::string::npos;
    std::printf("Tatakerja melayani di http://%s%s%s:%u/\n", v6 ? "[" : "", host.c_str(),
                v6 ? "]" : "", static_cast<unsigned>(port));
    std::fflush(stdout);
    server.run(true);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tatakerja serve: %s\n", e.what());
    return 2;
  }
}

}  // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ServeFlags>();
  auto* serve = app.add_subcommand("serve", "Menjalankan server web (API /api/v1 dan antarmuka)");
  serve->add_option("--db", flags->db,
                    "Berkas SQLite atau URL postgresql:// (bawaan tatakerja.db)");
  serve->add_option("--listen", flags->listen, "HOST:PORT (bawaan 127.0.0.1:8080; port 0: bebas)");
  serve->add_option("--threads", flags->threads, "Jumlah thread pekerja (bawaan: satu per inti)");
  serve->add_option("--web-root", flags->web_root, "Folder antarmuka web (bawaan web/dist)");
  serve->add_option("--config", flags->config_file, "Berkas konfigurasi kunci = nilai");
  serve->add_flag("--secure-cookies", flags->secure_cookies, "Cookie sesi hanya lewat HTTPS");
  serve->add_option("--log-level", flags->log_level, "trace, debug, info, warn, error, off");
  serve->add_option(
      "--cache-mb", flags->cache_mb,
      "Memori (MB) untuk jawaban registri yang disimpan sementara (bawaan 128; 0: mati)");
  serve->callback([flags, &exit_code] { exit_code = run_serve(*flags); });
}

}  // namespace tatakerja::cli
