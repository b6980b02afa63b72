// Structured logs of the server: one JSON object per line on stderr (spdlog), one line per request
// ({"time","level","method","path","status","duration_us","bytes","user_id"}) and the server's own
// events. Each worker thread has its own logger and sink, so logging takes no lock shared between
// workers; every line is written with one write(2). The query string is never logged (it may hold
// secrets), nor are bodies, cookies or tokens.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tatakerja::server {

// Sets up the loggers for `workers` worker threads at `level` (trace, debug, info, warn, error,
// critical, off). Call once before serving; calling again replaces the loggers.
void init_logging(std::string_view level, int workers);

struct RequestLogLine {
  std::string_view method;
  std::string_view path;  // without the query
  int status = 0;
  std::int64_t duration_us = 0;
  std::size_t bytes = 0;  // response body size
  std::optional<std::int64_t> user_id;
};

// Logs one request line at info level from worker `worker`.
void log_request(int worker, const RequestLogLine& line);
// Logs a server event (any thread) at info / warn / error level; `message` is escaped.
void log_info(std::string_view message);
void log_warning(std::string_view message);
void log_error(std::string_view message);

}  // namespace tatakerja::server
