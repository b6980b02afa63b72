// spdlog loggers writing JSON lines to stderr (see request_log.hpp).
#include "http/request_log.hpp"

#include <spdlog/details/null_mutex.h>
#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/base_sink.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <mutex>
#include <vector>

#include "textio/json_text.hpp"

namespace tatakerja::server {
namespace {

template <typename Mutex>
class StderrJsonSink final : public spdlog::sinks::base_sink<Mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t buf;
    this->formatter_->format(msg, buf);
    const char* p = buf.data();
    std::size_t left = buf.size();
    while (left > 0) {
      const ssize_t n = ::write(2, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        return;
      }
      p += n;
      left -= static_cast<std::size_t>(n);
    }
  }
  void flush_() override {}
};

constexpr const char* kPattern = R"({"time":"%Y-%m-%dT%H:%M:%S.%fZ","level":"%l",%v})";

std::shared_ptr<spdlog::logger> make_logger(const std::string& name, spdlog::sink_ptr sink,
                                            spdlog::level::level_enum level) {
  sink->set_formatter(
      std::make_unique<spdlog::pattern_formatter>(kPattern, spdlog::pattern_time_type::utc, "\n"));
  auto logger = std::make_shared<spdlog::logger>(name, std::move(sink));
  logger->set_level(level);
  return logger;
}

struct Loggers {
  std::shared_ptr<spdlog::logger> main;
  std::vector<std::shared_ptr<spdlog::logger>> workers;
};

Loggers& loggers() {
  static Loggers l = [] {
    Loggers x;
    x.main = make_logger("tatakerja", std::make_shared<StderrJsonSink<std::mutex>>(),
                         spdlog::level::info);
    return x;
  }();
  return l;
}

void log_event(spdlog::level::level_enum level, std::string_view message) {
  auto& logger = *loggers().main;
  if (!logger.should_log(level)) return;
  std::string m = R"("msg":")";
  textio::append_json_escaped(m, message);
  m += '"';
  logger.log(level, spdlog::string_view_t(m.data(), m.size()));
}

}  // namespace

void init_logging(std::string_view level, int workers) {
  const auto lv = spdlog::level::from_str(std::string(level));
  auto& l = loggers();
  l.main->set_level(lv);
  l.workers.clear();
  for (int i = 0; i < workers; ++i) {
    l.workers.push_back(make_logger("worker" + std::to_string(i),
                                    std::make_shared<StderrJsonSink<spdlog::details::null_mutex>>(),
                                    lv));
  }
}

void log_request(int worker, const RequestLogLine& line) {
  auto& l = loggers();
  if (worker < 0 || static_cast<std::size_t>(worker) >= l.workers.size()) return;
  auto& logger = *l.workers[static_cast<std::size_t>(worker)];
  if (!logger.should_log(spdlog::level::info)) return;
  std::string m;
  m.reserve(160 + line.path.size());
  m += R"("method":")";
  textio::append_json_escaped(m, line.method.substr(0, 16));
  m += R"(","path":")";
  textio::append_json_escaped(m, line.path.substr(0, 300));
  m += R"(","status":)";
  m += std::to_string(line.status);
  m += R"(,"duration_us":)";
  m += std::to_string(line.duration_us);
  m += R"(,"bytes":)";
  m += std::to_string(line.bytes);
  m += R"(,"user_id":)";
  m += line.user_id ? std::to_string(*line.user_id) : std::string("null");
  logger.log(spdlog::level::info, spdlog::string_view_t(m.data(), m.size()));
}

void log_info(std::string_view message) {
  log_event(spdlog::level::info, message);
}
void log_warning(std::string_view message) {
  log_event(spdlog::level::warn, message);
}
void log_error(std::string_view message) {
  log_event(spdlog::level::err, message);
}

}  // namespace tatakerja::server
