// Configuration of `tatakerja serve`: defaults, a `key = value` file, TATAKERJA_* environment
// variables and command-line flags, applied in that order so that flags win over the environment,
// the environment over the file and the file over the defaults.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tatakerja::server {

// ---- limits (issue 10: the transport) ----
// What the server lets its clients use: connections, request heads and bodies, and the work pool
// that runs heavy requests (regulation preview and import) off the threads that read and answer
// requests. docs/operations.md, "Limits", gives the defaults and what each one holds off.
struct ServerLimits {
  int max_connections = 10000;            // open at once; also held under the open-file limit
  int max_connections_per_address = 256;  // from one client address; 0: no cap (behind a proxy)
  int header_timeout_s = 15;              // to receive a request head, and idle on keep-alive
  int body_timeout_s = 120;               // to receive a body once its head arrived
  std::size_t max_header_bytes = std::size_t{16} * 1024;  // request line and headers; more: 431
  std::size_t max_body_bytes = std::size_t{1} << 20;      // any body but a regulation text
  std::size_t max_text_bytes = std::size_t{32} << 20;     // a regulation text (preview, import)
  // All bodies being read or waiting for their answer; texts may use two thirds of it.
  std::size_t max_bodies_in_flight_bytes = std::size_t{96} << 20;
  int work_threads = 1;          // heavy requests at once (each may take ~10x its text's size)
  int work_queue = 8;            // heavy requests waiting for a work thread; more: 503 SERVER_BUSY
  int work_timeout_ms = 120000;  // a heavy request's time budget, queueing included
  // Requests that hash a password (sign-in, password change, new account) run on a pool of
  // password_hashing_slots threads of their own.
  int hashing_queue = 16;          // waiting for a hashing thread; more: 503 SIGN_IN_BUSY
  int hashing_timeout_ms = 10000;  // their time budget, queueing included
  // Changes run on a pool of their own, so that a change waiting for the database's writers'
  // turn holds no thread that serves reads; the more wait at once, the more are committed
  // together.
  int writer_threads = 16;
  int writer_queue = 1024;        // changes waiting for a writer thread; more: 503 SERVER_BUSY
  int writer_timeout_ms = 60000;  // a change's time budget, queueing included
};
// Sets limit `key` (file key, e.g. "max_connections"); false when `key` is not a limit. Throws
// ConfigError for a malformed or out-of-range value.
bool apply_limit_setting(ServerLimits& l, std::string_view key, std::string_view value);
// Throws ConfigError when the limits do not fit together (a regulation text larger than the two
// thirds of the memory for bodies in flight that texts may use, a text limit under the body
// limit).
void check_limits(const ServerLimits& l);
// ---- end of limits ----

// ---- e-mail (issue 12 item 3; docs/operations.md, "E-mail") ----
// The SMTP server the inbox's notifications are copied through; no URL: no e-mail is sent (the
// inbox alone holds them).
struct EmailConfig {
  std::string smtp_url;      // "smtp://host:587" (STARTTLS when offered) or "smtps://host:465"
  std::string from;          // the sender address
  std::string username;      // "" for a server without authentication
  std::string password;      // a secret: never logged, never in an error message
  bool require_tls = false;  // refuse to send without TLS
  int poll_ms = 2000;        // how often the mailer looks for new notifications
  std::string public_url;    // the service's address for the links in a message; "" for none
};
// Sets e-mail setting `key` (smtp_url, smtp_from, smtp_user, smtp_password, smtp_require_tls,
// smtp_poll_ms, public_url); false when `key` is not one. Throws ConfigError for a malformed value
// (the password is never quoted).
bool apply_email_setting(EmailConfig& e, std::string_view key, std::string_view value);
// Throws ConfigError when an SMTP URL is set without a sender address.
void check_email(const EmailConfig& e);
// ---- end of e-mail ----

struct ServerConfig {
  std::string db = "tatakerja.db";        // SQLite file path or postgresql:// URL
  std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free port
  int threads = 0;                        // worker threads; 0: one per core
  std::string web_root = "web/dist";      // the built web interface
  bool secure_cookies = false;            // add `Secure` to the session cookie (behind TLS)
  std::string log_level = "info";         // trace, debug, info, warn, error, critical, off
  std::int64_t session_ttl_seconds = std::int64_t{8} * 3600;
  // Memory for cached registry answers (AnswerCache); 0 turns it off. 128 MB holds every position
  // page, chart and unit tree screen of a 60,000-person province (about 1 KB per position page).
  int answer_cache_mb = 128;
  // How soon a change made outside this server (the CLI, another server on the same database)
  // reaches the cached answers, in milliseconds (ScopeBoard); 0 checks on every request.
  int cache_recheck_ms = 100;
  ServerLimits limits;  // connections, bodies, the work pool (see ServerLimits)
  EmailConfig email;    // the e-mail copies of notifications (see EmailConfig)

  // ---- sign-in (issue 10; docs/operations.md, "Sign-in") ----
  // Addresses of the reverse proxies whose X-Forwarded-For is believed (exact IPv4 or IPv6
  // addresses). A request from any other peer is taken to come from the peer itself.
  std::vector<std::string> trusted_proxies;
  // Failed sign-ins one (user name, client address) pair may make before each further attempt
  // waits sign_in_first_delay seconds (1), then twice, four times that, ... up to sign_in_max_delay
  // seconds (answered 429 RATE_LIMITED).
  int sign_in_free_failures = 5;
  std::int64_t sign_in_max_delay = 900;
  std::int64_t sign_in_first_delay = 1;
  // The same for every user name from one client address (password spraying), with more room:
  // an office behind one address signs in from it.
  int address_free_failures = 50;
  // Successful sign-ins per account in any hour (each starts a session and an audit entry).
  int sign_ins_per_hour = 30;
  // Sessions one account may hold; signing in once more ends its oldest.
  int sessions_per_account = 10;
  // Password hashes (Argon2id, 64 MiB each) computed at once: the threads of the hashing pool; 0:
  // one less than the cores, from 1 to 4 (RateLimiter::hashing_slots_for).
  int password_hashing_slots = 0;
};

// A setting that cannot be used (unknown key, malformed value, unreadable file); `what()` is an
// Indonesian message for the operator.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Sets one setting by its file key: db, listen, threads, web_root, secure_cookies, log_level,
// session_ttl, cache_mb, cache_recheck_ms; and the sign-in block: trusted_proxies (addresses
// separated by commas or spaces; empty: none), sign_in_free_failures, sign_in_first_delay,
// sign_in_max_delay, address_free_failures, sign_ins_per_hour, sessions_per_account,
// password_hashing_slots; the keys of ServerLimits and of EmailConfig. Throws ConfigError for an
// unknown key or a malformed value.
void apply_setting(ServerConfig& c, std::string_view key, std::string_view raw);
// Applies a file of `key = value` lines; blank lines and lines starting with '#' are skipped.
// Throws ConfigError (with the line number) when the file cannot be read or a line is wrong.
void apply_config_file(ServerConfig& config, const std::string& path);
// Applies TATAKERJA_DB, TATAKERJA_LISTEN, TATAKERJA_THREADS, TATAKERJA_WEB_ROOT,
// TATAKERJA_SECURE_COOKIES, TATAKERJA_LOG_LEVEL, TATAKERJA_CACHE_MB, TATAKERJA_CACHE_RECHECK_MS,
// TATAKERJA_TRUSTED_PROXIES, TATAKERJA_ + the upper-case key of each limit
// (TATAKERJA_MAX_CONNECTIONS) and of each e-mail setting (TATAKERJA_SMTP_URL, ...,
// TATAKERJA_PUBLIC_URL) as found by `getenv` (default:
// the process environment). Throws ConfigError for a malformed value.
void apply_environment(ServerConfig& config,
                       const std::function<const char*(const char*)>& getenv = nullptr);

struct ListenAddress {
  std::string host;  // "127.0.0.1", "::1", "localhost"
  unsigned short port = 0;
};
// Splits "HOST:PORT" or "[IPv6]:PORT". Throws ConfigError when malformed.
ListenAddress parse_listen(std::string_view text);

}  // namespace tatakerja::server
