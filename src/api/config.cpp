// Reading the server configuration from a file, the environment and single settings.
#include "api/config.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <string>

#include "identity/model.hpp"

namespace tatakerja::server {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

bool parse_bool(std::string_view s, bool& out) {
  if (s == "1" || s == "true" || s == "yes" || s == "on") {
    out = true;
    return true;
  }
  if (s == "0" || s == "false" || s == "no" || s == "off") {
    out = false;
    return true;
  }
  return false;
}

// ---- sign-in (issue 10) ----

// Whether `s` is an IPv4 or IPv6 address (what inet_pton reads).
bool is_ip_address(const std::string& s) {
  unsigned char buf[16];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

// The settings of the sign-in block; false for a key that is not one of them.
bool apply_sign_in_setting(ServerConfig& c, std::string_view key, std::string_view value) {
  const auto bad = [&] {
    return ConfigError("Nilai tidak sah untuk " + std::string(key) + ": " + std::string(value));
  };
  const auto number = [&](int lo, int hi) {
    int n = 0;
    if (!parse_number(value, n) || n < lo || n > hi) throw bad();
    return n;
  };
  if (key == "trusted_proxies") {
    std::vector<std::string> list;
    std::string item;
    for (const char ch : std::string(value) + ",") {
      if (ch == ',' || ch == ' ' || ch == '\t') {
        if (!item.empty() && !is_ip_address(item))
          throw ConfigError("Alamat proksi tepercaya tidak sah (harus alamat IP): " + item);
        if (!item.empty()) list.push_back(item);
        item.clear();
      } else {
        item += ch;
      }
    }
    c.trusted_proxies = std::move(list);
  } else if (key == "sign_in_free_failures") {
    c.sign_in_free_failures = number(1, 1000);
  } else if (key == "sign_in_first_delay") {
    c.sign_in_first_delay = number(1, 3600);
  } else if (key == "sign_in_max_delay") {
    c.sign_in_max_delay = number(1, 24 * 3600);
  } else if (key == "address_free_failures") {
    c.address_free_failures = number(1, 1000000);
  } else if (key == "sign_ins_per_hour") {
    c.sign_ins_per_hour = number(1, 100000);
  } else if (key == "sessions_per_account") {
    c.sessions_per_account = number(1, 10000);
  } else if (key == "password_hashing_slots") {
    c.password_hashing_slots = number(0, 1024);
  } else {
    return false;
  }
  return true;
}

}  // namespace

// ---- limits (issue 10: the transport) ----
namespace {

constexpr std::string_view kLimitKeys[] = {"max_connections",    "max_connections_per_address",
                                           "header_timeout",     "body_timeout",
                                           "max_header_bytes",   "max_body_bytes",
                                           "max_text_bytes",     "max_bodies_in_flight_bytes",
                                           "work_threads",       "work_queue",
                                           "work_timeout_ms",    "hashing_queue",
                                           "hashing_timeout_ms", "writer_threads",
                                           "writer_queue",       "writer_timeout_ms"};

void apply_limit_environment(ServerLimits& l,
                             const std::function<const char*(const char*)>& getenv) {
  for (const std::string_view key : kLimitKeys) {
    std::string var = "TATAKERJA_";
    for (const char ch : key) var += static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
    const char* v = getenv ? getenv(var.c_str()) : std::getenv(var.c_str());
    if (v == nullptr) continue;
    try {
      apply_limit_setting(l, key, trim(v));
    } catch (const ConfigError& e) {
      throw ConfigError(var + ": " + e.what());
    }
  }
}

}  // namespace

bool apply_limit_setting(ServerLimits& l, std::string_view key, std::string_view value) {
  const auto bad = [&] {
    return ConfigError("Nilai tidak sah untuk " + std::string(key) + ": " + std::string(value));
  };
  const auto whole = [&](int& out, int lo, int hi) {
    int n = 0;
    if (!parse_number(value, n) || n < lo || n > hi) throw bad();
    out = n;
  };
  const auto bytes = [&](std::size_t& out, std::size_t lo, std::size_t hi) {
    std::size_t n = 0;
    if (!parse_number(value, n) || n < lo || n > hi) throw bad();
    out = n;
  };
  constexpr std::size_t kKiB = 1024;
  constexpr std::size_t kGiB = std::size_t{1} << 30;
  if (key == "max_connections") {
    whole(l.max_connections, 1, 1000000);
  } else if (key == "max_connections_per_address") {
    whole(l.max_connections_per_address, 0, 1000000);
  } else if (key == "header_timeout") {
    whole(l.header_timeout_s, 1, 3600);
  } else if (key == "body_timeout") {
    whole(l.body_timeout_s, 1, 3600);
  } else if (key == "max_header_bytes") {
    bytes(l.max_header_bytes, kKiB, 1024 * kKiB);
  } else if (key == "max_body_bytes") {
    bytes(l.max_body_bytes, kKiB, kGiB);
  } else if (key == "max_text_bytes") {
    bytes(l.max_text_bytes, kKiB, kGiB);
  } else if (key == "max_bodies_in_flight_bytes") {
    bytes(l.max_bodies_in_flight_bytes, kKiB, 16 * kGiB);
  } else if (key == "work_threads") {
    whole(l.work_threads, 1, 256);
  } else if (key == "work_queue") {
    whole(l.work_queue, 0, 100000);
  } else if (key == "work_timeout_ms") {
    whole(l.work_timeout_ms, 1, 3600 * 1000);
  } else if (key == "hashing_queue") {
    whole(l.hashing_queue, 0, 100000);
  } else if (key == "hashing_timeout_ms") {
    whole(l.hashing_timeout_ms, 1, 600 * 1000);
  } else if (key == "writer_threads") {
    whole(l.writer_threads, 1, 256);
  } else if (key == "writer_queue") {
    whole(l.writer_queue, 0, 100000);
  } else if (key == "writer_timeout_ms") {
    whole(l.writer_timeout_ms, 1, 3600 * 1000);
  } else {
    return false;
  }
  return true;
}

void check_limits(const ServerLimits& l) {
  if (l.max_text_bytes < l.max_body_bytes)
    throw ConfigError("max_text_bytes tidak boleh lebih kecil dari max_body_bytes.");
  if (l.max_bodies_in_flight_bytes / 3 * 2 < l.max_text_bytes)
    throw ConfigError(
        "max_bodies_in_flight_bytes harus sedikitnya satu setengah kali max_text_bytes.");
}
// ---- end of limits ----

ListenAddress parse_listen(std::string_view text) {
  ListenAddress a;
  std::string_view host, port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':')
      throw ConfigError("Alamat dengar tidak sah (contoh: 127.0.0.1:8080): " + std::string(text));
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos)
      throw ConfigError("Alamat dengar tidak sah (contoh: 127.0.0.1:8080): " + std::string(text));
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  unsigned p = 0;
  if (host.empty() || !parse_number(port, p) || p > 65535)
    throw ConfigError("Alamat dengar tidak sah (contoh: 127.0.0.1:8080): " + std::string(text));
  a.host = std::string(host);
  a.port = static_cast<unsigned short>(p);
  return a;
}

bool apply_email_setting(EmailConfig& e, std::string_view key, std::string_view value) {
  const auto bad = [&] {
    return ConfigError("Nilai tidak sah untuk " + std::string(key) + ": " + std::string(value));
  };
  if (key == "smtp_url") {
    const bool ok = value.empty() || value.starts_with("smtp://") || value.starts_with("smtps://");
    if (!ok || value.find_first_of(" @") != std::string_view::npos) throw bad();
    e.smtp_url = std::string(value);
  } else if (key == "smtp_from") {
    if (!value.empty() && !identity::is_email_address(value)) throw bad();
    e.from = std::string(value);
  } else if (key == "smtp_user") {
    e.username = std::string(value);
  } else if (key == "smtp_password") {
    e.password = std::string(value);
  } else if (key == "smtp_require_tls") {
    if (!parse_bool(value, e.require_tls)) throw bad();
  } else if (key == "smtp_poll_ms") {
    int ms = 0;
    if (!parse_number(value, ms) || ms < 50 || ms > 600000) throw bad();
    e.poll_ms = ms;
  } else if (key == "public_url") {
    const bool ok = value.empty() || value.starts_with("http://") || value.starts_with("https://");
    if (!ok || value.find_first_of(" \t\r\n") != std::string_view::npos) throw bad();
    e.public_url = std::string(value);
  } else {
    return false;
  }
  return true;
}

void check_email(const EmailConfig& e) {
  if (!e.smtp_url.empty() && e.from.empty())
    throw ConfigError("smtp_url membutuhkan smtp_from (alamat pengirim)");
}

void apply_setting(ServerConfig& c, std::string_view key, std::string_view raw) {
  const std::string_view value = trim(raw);
  const auto bad = [&] {
    return ConfigError("Nilai tidak sah untuk " + std::string(key) + ": " + std::string(value));
  };
  if (key == "db") {
    if (value.empty()) throw bad();
    c.db = std::string(value);
  } else if (key == "listen") {
    parse_listen(value);
    c.listen = std::string(value);
  } else if (key == "threads") {
    int n = 0;
    if (!parse_number(value, n) || n < 0 || n > 1024) throw bad();
    c.threads = n;
  } else if (key == "web_root") {
    c.web_root = std::string(value);
  } else if (key == "secure_cookies") {
    if (!parse_bool(value, c.secure_cookies)) throw bad();
  } else if (key == "log_level") {
    static constexpr std::string_view kLevels[] = {"trace", "debug",    "info", "warn",
                                                   "error", "critical", "off"};
    bool known = false;
    for (auto l : kLevels) known = known || l == value;
    if (!known) throw bad();
    c.log_level = std::string(value);
  } else if (key == "session_ttl") {
    std::int64_t s = 0;
    if (!parse_number(value, s) || s < 60 || s > std::int64_t{30} * 24 * 3600) throw bad();
    c.session_ttl_seconds = s;
  } else if (key == "cache_mb") {
    int mb = 0;
    if (!parse_number(value, mb) || mb < 0 || mb > 65536) throw bad();
    c.answer_cache_mb = mb;
  } else if (key == "cache_recheck_ms") {
    int ms = 0;
    if (!parse_number(value, ms) || ms < 0 || ms > 60000) throw bad();
    c.cache_recheck_ms = ms;
  } else if (!apply_sign_in_setting(c, key, value) && !apply_limit_setting(c.limits, key, value) &&
             !apply_email_setting(c.email, key, value)) {
    throw ConfigError("Pengaturan tidak dikenal: " + std::string(key));
  }
}

void apply_config_file(ServerConfig& c, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ConfigError("Berkas konfigurasi tidak dapat dibaca: " + path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string_view l = trim(line);
    if (l.empty() || l.front() == '#') continue;
    const auto eq = l.find('=');
    if (eq == std::string_view::npos)
      throw ConfigError(path + ":" + std::to_string(number) +
                        ": baris harus berbentuk kunci = nilai");
    try {
      apply_setting(c, trim(l.substr(0, eq)), l.substr(eq + 1));
    } catch (const ConfigError& e) {
      throw ConfigError(path + ":" + std::to_string(number) + ": " + e.what());
    }
  }
}

void apply_environment(ServerConfig& c, const std::function<const char*(const char*)>& getenv) {
  static constexpr std::pair<const char*, const char*> kVars[] = {
      {"TATAKERJA_DB", "db"},
      {"TATAKERJA_LISTEN", "listen"},
      {"TATAKERJA_THREADS", "threads"},
      {"TATAKERJA_WEB_ROOT", "web_root"},
      {"TATAKERJA_SECURE_COOKIES", "secure_cookies"},
      {"TATAKERJA_LOG_LEVEL", "log_level"},
      {"TATAKERJA_CACHE_MB", "cache_mb"},
      {"TATAKERJA_CACHE_RECHECK_MS", "cache_recheck_ms"},
      {"TATAKERJA_TRUSTED_PROXIES", "trusted_proxies"},
      {"TATAKERJA_SMTP_URL", "smtp_url"},
      {"TATAKERJA_SMTP_FROM", "smtp_from"},
      {"TATAKERJA_SMTP_USER", "smtp_user"},
      {"TATAKERJA_SMTP_PASSWORD", "smtp_password"},
      {"TATAKERJA_SMTP_REQUIRE_TLS", "smtp_require_tls"},
      {"TATAKERJA_SMTP_POLL_MS", "smtp_poll_ms"},
      {"TATAKERJA_PUBLIC_URL", "public_url"},
  };
  for (const auto& [var, key] : kVars) {
    const char* v = getenv ? getenv(var) : std::getenv(var);
    if (v == nullptr) continue;
    try {
      apply_setting(c, key, v);
    } catch (const ConfigError& e) {
      throw ConfigError(std::string(var) + ": " + e.what());
    }
  }
  apply_limit_environment(c.limits, getenv);
}

}  // namespace tatakerja::server
