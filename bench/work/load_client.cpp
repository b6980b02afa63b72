// The work system's load client (bench/work/run.sh; docs/performance.md): C connections, each on a
// thread of its own with one keep-alive HTTP/1.1 connection, for D seconds, each request timed.
// wrk cannot take the status-change load (each step must carry the version the previous answer
// returned, under the session of the person whose turn it is), so every mode runs here, the
// static file of the ceiling included, and they are measured the same way.
//
//   work_load_client --port P --mode MODE --connections C --seconds D [--sessions FILE]
//                    [--pairs FILE] [--path PATH]
//
// Modes (the expected status in brackets; any other answer or a broken connection is a failure):
//   static  GET PATH                                            (200; nginx's small file)
//   my      GET /api/v1/activities?limit=25 as an executor      (200)
//   one     GET /api/v1/activities/{id}, ids from that list     (200)
//   create  POST /api/v1/activities as the executor, with CSRF  (201)
//   step    each connection plans 24 activities of its own (not timed), then takes their steps in
//           turn: mulai, ajukan (the executor), kembalikan (the Level II reviewer), ajukan, ...
//           (200)
//   submit  each connection plans, starts and submits a new activity, again and again (a month-end
//           submission is these three requests; the count of submissions is printed too)
// FILE of sessions: lines "<username> <tk_session cookie value> <csrf token>"; connection i uses
// session i modulo their number. FILE of pairs: lines "<executor username> <reviewer username>"
// (step mode: connection i uses pair i modulo their number).
// Prints one line: mode connections seconds requests failures requests/s p50 p99 max (ms).
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;
using Clock = std::chrono::steady_clock;

struct Session {
  std::string cookie;
  std::string csrf;
};

struct Options {
  std::string host = "127.0.0.1";
  std::string port;
  std::string mode;
  std::string path = "/ping.txt";
  int connections = 8;
  double seconds = 5;
  std::vector<std::pair<std::string, Session>> sessions;
  std::map<std::string, Session> by_name;
  std::vector<std::pair<std::string, std::string>> pairs;
};

struct Result {
  std::vector<double> latencies_ms;
  long failures = 0;
  long submissions = 0;
};

// The activity's own id and version in an answer (the nested objects have ids of their own).
int version_of(const std::string& body) {
  const auto j = nlohmann::json::parse(body, nullptr, false);
  return j.is_object() && j.contains("version") ? j["version"].get<int>() : -1;
}
long id_of(const std::string& body) {
  const auto j = nlohmann::json::parse(body, nullptr, false);
  return j.is_object() && j.contains("id") ? j["id"].get<long>() : -1;
}
// The ids of a list's items.
std::vector<long> ids_of(const std::string& body) {
  std::vector<long> out;
  const auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_object() && j.contains("items"))
    for (const auto& item : j["items"]) out.push_back(item["id"].get<long>());
  return out;
}

class Connection {
 public:
  Connection(const Options& o) : o_(o), stream_(ioc_) {
    tcp::resolver resolver(ioc_);
    stream_.connect(resolver.resolve(o.host, o.port));
    stream_.socket().set_option(tcp::no_delay(true));
  }

  // One request; its status and body. Throws on a broken connection.
  int send(http::verb verb, const std::string& target, const Session* s, const std::string& body,
           std::string& answer) {
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, o_.host);
    req.keep_alive(true);
    if (s != nullptr) {
      req.set(http::field::cookie, "tk_session=" + s->cookie);
      if (verb != http::verb::get) req.set("X-CSRF-Token", s->csrf);
    }
    if (verb != http::verb::get) {
      req.set(http::field::content_type, "application/json");
      req.body() = body;
      req.prepare_payload();
    }
    http::write(stream_, req);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64u << 20);
    http::read(stream_, buffer, parser);
    auto res = parser.release();
    answer = std::move(res.body());
    return static_cast<int>(res.result_int());
  }

 private:
  const Options& o_;
  boost::asio::io_context ioc_;
  beast::tcp_stream stream_;
};

constexpr int kStepActivities = 24;

const std::string kActivity =
    R"({"title":"Kegiatan uji beban","start":"2026-12-01","end":"2026-12-31",)"
    R"("details":"Dibuat oleh klien uji beban."})";

// Every connection sets up (signs its activity, reads its list) before the measured window opens.
struct Start {
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  Clock::time_point until;
};

void run(const Options& o, int index, Start& start, Result& out) {
  const Session* me = o.sessions.empty()
                          ? nullptr
                          : &o.sessions[static_cast<std::size_t>(index) % o.sessions.size()].second;
  const Session* reviewer = nullptr;
  if (o.mode == "step") {
    const auto& p = o.pairs[static_cast<std::size_t>(index) % o.pairs.size()];
    me = &o.by_name.at(p.first);
    reviewer = &o.by_name.at(p.second);
  }
  std::string body;
  std::unique_ptr<Connection> c;
  auto connect = [&] { c = std::make_unique<Connection>(o); };
  connect();
  // Setup, not timed.
  std::vector<long> ids;
  long own = -1;
  int version = 0;
  if (o.mode == "one") {
    c->send(http::verb::get, "/api/v1/activities?limit=25", me, "", body);
    ids = ids_of(body);
    std::vector<long> good;
    for (long id : ids) {
      if (c->send(http::verb::get, "/api/v1/activities/" + std::to_string(id), me, "", body) == 200)
        good.push_back(id);
    }
    ids = std::move(good);
    if (ids.empty()) throw std::runtime_error("no activity to read");
  }
  auto plan = [&]() -> bool {
    if (c->send(http::verb::post, "/api/v1/activities", me, kActivity, body) != 201) return false;
    own = id_of(body);
    version = version_of(body);
    return true;
  };
  // The step load: each connection plans kStepActivities activities of its own and takes their
  // steps in turn, so that each keeps a short history (a few steps each, as at work) rather than
  // one activity growing hundreds of steps.
  struct Walk {
    long id = 0;
    int version = 0;
    int turn = 0;
  };
  std::vector<Walk> walks;
  if (o.mode == "step") {
    for (int k = 0; k < kStepActivities; ++k) {
      if (!plan()) throw std::runtime_error("could not plan: " + body);
      walks.push_back({own, version, 0});
    }
  }
  std::size_t walk_at = 0;
  ++start.ready;
  while (!start.go) std::this_thread::sleep_for(std::chrono::microseconds(200));
  const Clock::time_point until = start.until;
  // The step walk: mulai, then ajukan / kembalikan in turn.
  int turn = 0;
  std::size_t next_id = static_cast<std::size_t>(index);
  while (Clock::now() < until) {
    const auto t0 = Clock::now();
    int status = 0;
    int expected = 200;
    try {
      if (o.mode == "static") {
        status = c->send(http::verb::get, o.path, nullptr, "", body);
      } else if (o.mode == "my") {
        status = c->send(http::verb::get, "/api/v1/activities?limit=25", me, "", body);
      } else if (o.mode == "one") {
        status = c->send(http::verb::get,
                         "/api/v1/activities/" + std::to_string(ids[next_id++ % ids.size()]), me,
                         "", body);
      } else if (o.mode == "create") {
        expected = 201;
        status = c->send(http::verb::post, "/api/v1/activities", me, kActivity, body);
      } else if (o.mode == "step") {
        Walk& w = walks[walk_at++ % walks.size()];
        const std::string target = "/api/v1/activities/" + std::to_string(w.id) + "/steps";
        const std::string v = std::to_string(w.version);
        if (w.turn == 0) {
          status = c->send(http::verb::post, target, me,
                           R"({"transition":"mulai","version":)" + v + "}", body);
        } else if (w.turn % 2 == 1) {
          status = c->send(http::verb::post, target, me,
                           R"({"transition":"ajukan","version":)" + v + "}", body);
        } else {
          status = c->send(http::verb::post, target, reviewer,
                           R"({"transition":"kembalikan","version":)" + v +
                               R"(,"reason":"Lengkapi bukti dukung"})",
                           body);
        }
        if (status == 200) {
          w.version = version_of(body);
          ++w.turn;
        }
      } else if (o.mode == "submit") {
        // plan, start, submit: three requests, each timed on its own
        const int phase = turn % 3;
        if (phase == 0) {
          expected = 201;
          status = c->send(http::verb::post, "/api/v1/activities", me, kActivity, body);
          if (status == 201) {
            own = id_of(body);
            version = version_of(body);
          }
        } else {
          status =
              c->send(http::verb::post, "/api/v1/activities/" + std::to_string(own) + "/steps", me,
                      std::string(R"({"transition":")") + (phase == 1 ? "mulai" : "ajukan") +
                          R"(","version":)" + std::to_string(version) + "}",
                      body);
          if (status == 200) version = version_of(body);
          if (status == 200 && phase == 2) ++out.submissions;
        }
        if (status == expected) ++turn;
      }
    } catch (const std::exception&) {
      status = -1;
      connect();
    }
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    out.latencies_ms.push_back(ms);
    if (status != expected) {
      if (out.failures < 3) std::fprintf(stderr, "failure %d: %.200s\n", status, body.c_str());
      ++out.failures;
    }
  }
}

std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--port") {
      o.port = v;
    } else if (k == "--host") {
      o.host = v;
    } else if (k == "--mode") {
      o.mode = v;
    } else if (k == "--connections") {
      o.connections = std::stoi(v);
    } else if (k == "--seconds") {
      o.seconds = std::stod(v);
    } else if (k == "--path") {
      o.path = v;
    } else if (k == "--sessions") {
      std::ifstream in(v);
      for (std::string line; std::getline(in, line);) {
        const auto w = words(line);
        if (w.size() != 3) continue;
        o.sessions.push_back({w[0], Session{w[1], w[2]}});
        o.by_name[w[0]] = Session{w[1], w[2]};
      }
    } else if (k == "--pairs") {
      std::ifstream in(v);
      for (std::string line; std::getline(in, line);) {
        const auto w = words(line);
        if (w.size() == 2) o.pairs.push_back({w[0], w[1]});
      }
    } else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (o.port.empty() || o.mode.empty() || (o.mode != "static" && o.sessions.empty()) ||
      (o.mode == "step" && o.pairs.empty())) {
    std::fprintf(stderr, "usage: see bench/work/load_client.cpp\n");
    return 2;
  }
  std::vector<Result> results(static_cast<std::size_t>(o.connections));
  std::vector<std::thread> threads;
  std::atomic<int> setup_failures{0};
  Start start;
  for (int i = 0; i < o.connections; ++i) {
    threads.emplace_back([&, i] {
      try {
        run(o, i, start, results[static_cast<std::size_t>(i)]);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "connection %d: %s\n", i, e.what());
        ++setup_failures;
      }
    });
  }
  while (start.ready + setup_failures < o.connections)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const auto t0 = Clock::now();
  start.until = t0 + std::chrono::milliseconds(static_cast<long>(o.seconds * 1000));
  start.go = true;
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
  std::vector<double> all;
  long failures = setup_failures, submissions = 0;
  for (const auto& r : results) {
    all.insert(all.end(), r.latencies_ms.begin(), r.latencies_ms.end());
    failures += r.failures;
    submissions += r.submissions;
  }
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) {
    if (all.empty()) return 0.0;
    return all[std::min(all.size() - 1,
                        static_cast<std::size_t>(p * static_cast<double>(all.size())))];
  };
  std::printf("%s %d %.1f %zu %ld %.0f %.2f %.2f %.2f %ld %.0f\n", o.mode.c_str(), o.connections,
              elapsed, all.size(), failures, static_cast<double>(all.size()) / elapsed, pct(0.5),
              pct(0.99), all.empty() ? 0.0 : all.back(), submissions,
              static_cast<double>(submissions) / elapsed);
  return 0;
}
