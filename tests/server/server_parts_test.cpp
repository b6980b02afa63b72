// The server's parts without the network: configuration precedence and parsing, the static file
// resolver (path traversal refused) and the answer cache.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "api/answer_cache.hpp"
#include "api/config.hpp"
#include "api/json_writer.hpp"
#include "api/scope_board.hpp"
#include "http/request_log.hpp"
#include "server/static_files.hpp"
#include "textio/json_text.hpp"

namespace tatakerja {
namespace {

namespace fs = std::filesystem;
using server::ConfigError;
using server::ServerConfig;

TEST(ServerConfig, DefaultsFileEnvironmentAndPrecedence) {
  ServerConfig c;
  EXPECT_EQ(c.db, "tatakerja.db");
  EXPECT_EQ(c.listen, "127.0.0.1:8080");
  const fs::path file = fs::temp_directory_path() / ("tk_conf_" + std::to_string(::getpid()));
  std::ofstream(file) << "# komentar\n\ndb = dari-berkas.db\nlisten = 0.0.0.0:9000\n"
                         "threads = 3\nsecure_cookies = true\nlog_level = warn\n";
  server::apply_config_file(c, file.string());
  EXPECT_EQ(c.db, "dari-berkas.db");
  EXPECT_EQ(c.threads, 3);
  EXPECT_TRUE(c.secure_cookies);
  const std::map<std::string, std::string> env = {{"TATAKERJA_DB", "dari-env.db"},
                                                  {"TATAKERJA_THREADS", "2"}};
  server::apply_environment(c, [&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
  EXPECT_EQ(c.db, "dari-env.db");       // env over file
  EXPECT_EQ(c.listen, "0.0.0.0:9000");  // file kept where env is silent
  EXPECT_EQ(c.threads, 2);
  server::apply_setting(c, "db", "dari-flag.db");  // flags last
  EXPECT_EQ(c.db, "dari-flag.db");
  std::ofstream(file) << "tidak ada sama dengan\n";
  EXPECT_THROW(server::apply_config_file(c, file.string()), ConfigError);
  std::ofstream(file) << "warna = biru\n";
  EXPECT_THROW(server::apply_config_file(c, file.string()), ConfigError);
  fs::remove(file);
  EXPECT_THROW(server::apply_config_file(c, file.string()), ConfigError);
  EXPECT_THROW(server::apply_setting(c, "threads", "banyak"), ConfigError);
  EXPECT_THROW(server::apply_setting(c, "log_level", "loud"), ConfigError);
}

TEST(ServerConfig, ListenAddress) {
  auto a = server::parse_listen("127.0.0.1:0");
  EXPECT_EQ(a.host, "127.0.0.1");
  EXPECT_EQ(a.port, 0);
  a = server::parse_listen("[::1]:8080");
  EXPECT_EQ(a.host, "::1");
  EXPECT_EQ(a.port, 8080);
  EXPECT_THROW(server::parse_listen("localhost"), ConfigError);
  EXPECT_THROW(server::parse_listen(":80"), ConfigError);
  EXPECT_THROW(server::parse_listen("h:70000"), ConfigError);
  EXPECT_THROW(server::parse_listen("h:8o"), ConfigError);
}

TEST(StaticFiles, ResolvesInsideRootOnly) {
  const fs::path dir = fs::temp_directory_path() / ("tk_static_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "web" / "assets");
  std::ofstream(dir / "web" / "index.html") << "index";
  std::ofstream(dir / "web" / "assets" / "a.css") << "css";
  std::ofstream(dir / "outside.txt") << "secret";
  fs::create_symlink(dir / "outside.txt", dir / "web" / "link.txt");
  server::StaticFiles files((dir / "web").string());
  EXPECT_TRUE(files.resolve("/index.html"));
  EXPECT_TRUE(files.resolve("/assets/a.css"));
  EXPECT_FALSE(files.resolve("/assets"));
  EXPECT_FALSE(files.resolve("/../outside.txt"));
  EXPECT_FALSE(files.resolve("/%2e%2e/outside.txt"));
  EXPECT_FALSE(files.resolve("/assets/..%2F..%2Foutside.txt"));
  EXPECT_FALSE(files.resolve("/link.txt"));  // a symbolic link out of the root
  EXPECT_FALSE(files.resolve("/index.html%00.js"));
  EXPECT_FALSE(files.resolve("/a\\..\\outside.txt"));
  EXPECT_EQ(server::content_type_for("x.css"), "text/css; charset=utf-8");
  EXPECT_EQ(server::content_type_for("x.bin"), "application/octet-stream");
  fs::remove_all(dir);
}

server::AnswerCache::Answer answer(std::string body) {
  return {"application/json; charset=utf-8", std::make_shared<const std::string>(std::move(body))};
}

// A board holding `revisions` ("agency/1" at 5, ...), as a worker's board after a reload.
server::ScopeBoard board_at(std::vector<org::ScopeRevision> revisions) {
  server::ScopeBoard board(std::chrono::milliseconds(100));
  board.load(std::move(revisions), 0, server::ScopeBoard::Clock::now());
  return board;
}

TEST(ScopeBoard, ReloadsAfterAChangeOrTheRecheckOnly) {
  server::ScopeBoard board = board_at({{"people", 3}, {"agency/1", 5}});
  EXPECT_EQ(board.revision_of("agency/1"), 5);
  EXPECT_EQ(board.revision_of("people"), 3);
  EXPECT_EQ(board.revision_of("agency/2"), 0);  // never changed
  EXPECT_TRUE(board.matches({{"agency/1", 5}, {"agency/2", 0}}));
  EXPECT_FALSE(board.matches({{"agency/1", 4}}));
  EXPECT_FALSE(board.matches({{"agency/2", 1}}));
  EXPECT_FALSE(server::ScopeBoard(std::chrono::milliseconds(0)).matches({}));  // never loaded
}

TEST(AnswerCache, HitsOnlyForTheSameKeyWhileItsStampIsCurrent) {
  server::AnswerCache cache(1 << 20);
  const server::Stamp at5{{"agency/1", 5}};
  server::ScopeBoard board = board_at({{"agency/1", 5}, {"agency/2", 9}});
  EXPECT_FALSE(cache.find("a /api/v1/agencies/1", board));
  cache.put("a /api/v1/agencies/1", at5, answer("[1]"));
  auto hit = cache.find("a /api/v1/agencies/1", board);
  ASSERT_TRUE(hit);
  EXPECT_EQ(*hit->body, "[1]");
  EXPECT_EQ(hit->content_type, "application/json; charset=utf-8");
  EXPECT_FALSE(cache.find("u /api/v1/agencies/1", board));  // the signed-in key is another entry
  // Another agency's entry has its own stamp: it stays whatever agency 1's revision does.
  cache.put("a /api/v1/agencies/2", {{"agency/2", 9}}, answer("[2]"));
  // A moved revision retires the entry that read it (found stale, dropped), not the others.
  board = board_at({{"agency/1", 6}, {"agency/2", 9}});
  EXPECT_FALSE(cache.find("a /api/v1/agencies/1", board));
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_EQ(*cache.find("a /api/v1/agencies/2", board)->body, "[2]");
  cache.put("a /api/v1/agencies/1", {{"agency/1", 6}}, answer("[new]"));
  EXPECT_EQ(*cache.find("a /api/v1/agencies/1", board)->body, "[new]");
  // Storing the same key again replaces it.
  cache.put("a /api/v1/agencies/1", {{"agency/1", 6}}, answer("[newer]"));
  EXPECT_EQ(*cache.find("a /api/v1/agencies/1", board)->body, "[newer]");
  EXPECT_EQ(cache.stats().entries, 2u);
  const auto st = cache.stats();
  EXPECT_EQ(st.hits, 4u);
  EXPECT_EQ(st.misses, 3u);
}

TEST(AnswerCache, BoundedByBytesLeastRecentlyUsedFirst) {
  // Room for four 1000-byte answers (each also costs its key, its stamp and some bookkeeping).
  constexpr std::size_t kBound = 4 * 1300;
  server::AnswerCache cache(kBound);
  const server::ScopeBoard board = board_at({{"s", 1}});
  const server::Stamp s{{"s", 1}};
  const std::string body(1000, 'x');
  for (const char* k : {"k1", "k2", "k3", "k4"}) cache.put(k, s, answer(body));
  EXPECT_EQ(cache.stats().entries, 4u);
  ASSERT_TRUE(cache.find("k1", board));  // k1 is now the most recently used; k2 the least
  cache.put("k5", s, answer(body));
  EXPECT_EQ(cache.stats().entries, 4u);
  EXPECT_LE(cache.stats().bytes, kBound);
  EXPECT_FALSE(cache.find("k2", board));
  for (const char* k : {"k1", "k3", "k4", "k5"}) EXPECT_TRUE(cache.find(k, board)) << k;
  // An answer over a quarter of the bound is never kept.
  cache.put("big", s, answer(std::string(kBound / 4, 'y')));
  EXPECT_FALSE(cache.find("big", board));
}

// The JSON the writer makes parses to what was written, strings escaped as nlohmann::json does.
TEST(JsonWriter, WritesWhatNlohmannReads) {
  server::JsonWriter w;
  const std::string odd = "Kepala \"Seksi\" \\ – Ç\n\x01\xff";
  w.begin_object()
      .key("items")
      .begin_array()
      .begin_object()
      .key("id")
      .value(std::int64_t{7})
      .key("title")
      .value(odd)
      .key("unit")
      .value(std::optional<std::int64_t>{})
      .key("vacant")
      .value(true)
      .end_object()
      .value("plain")
      .value(-3)
      .end_array()
      .key("total")
      .value(2)
      .end_object();
  const std::string text = w.take();
  const auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["items"][0]["id"], 7);
  EXPECT_EQ(j["items"][0]["title"], nlohmann::json::parse(nlohmann::json(odd).dump(
                                        -1, ' ', false, nlohmann::json::error_handler_t::replace)));
  EXPECT_TRUE(j["items"][0]["unit"].is_null());
  EXPECT_EQ(j["items"][0]["vacant"], true);
  EXPECT_EQ(j["items"][1], "plain");
  EXPECT_EQ(j["items"][2], -3);
  EXPECT_EQ(j["total"], 2);
  EXPECT_NE(text.find("\\\"Seksi\\\""), std::string::npos) << text;
}

TEST(AnswerCache, ZeroBytesTurnsItOff) {
  server::AnswerCache cache(0);
  cache.put("k", {{"s", 1}}, answer("[]"));
  EXPECT_FALSE(cache.find("k", board_at({{"s", 1}})));
  EXPECT_EQ(cache.stats().entries, 0u);
}

TEST(ServerConfig, CacheSize) {
  ServerConfig c;
  EXPECT_EQ(c.answer_cache_mb, 128);
  server::apply_setting(c, "cache_mb", "0");
  EXPECT_EQ(c.answer_cache_mb, 0);
  server::apply_environment(c, [](const char* name) -> const char* {
    return std::string_view(name) == "TATAKERJA_CACHE_MB" ? "128" : nullptr;
  });
  EXPECT_EQ(c.answer_cache_mb, 128);
  EXPECT_EQ(c.cache_recheck_ms, 100);
  server::apply_setting(c, "cache_recheck_ms", "0");
  EXPECT_EQ(c.cache_recheck_ms, 0);
  EXPECT_THROW(server::apply_setting(c, "cache_recheck_ms", "-1"), ConfigError);
  EXPECT_THROW(server::apply_setting(c, "cache_recheck_ms", "60001"), ConfigError);
  EXPECT_THROW(server::apply_setting(c, "cache_mb", "-1"), ConfigError);
  EXPECT_THROW(server::apply_setting(c, "cache_mb", "banyak"), ConfigError);
}

// textio::append_json_escaped, which the request log and the activities' audit entries write with.
TEST(RequestLog, EscapedTextIsJsonAndUtf8WhateverTheBytes) {
  auto escaped = [](std::string_view s) {
    std::string out;
    textio::append_json_escaped(out, s);
    return out;
  };
  EXPECT_EQ(escaped("a\"b\\c\n\t\x01"), "a\\\"b\\\\c\\n\\t\\u0001");
  // Well-formed characters are kept; a stray continuation byte, a sequence cut by a length limit,
  // an overlong form and bytes that are never UTF-8 become U+FFFD, one per byte.
  EXPECT_EQ(escaped("Pen\xC3\xA9ilai"), "Pen\xC3\xA9ilai");
  EXPECT_EQ(escaped("/x\xA9y"), "/x\\ufffdy");
  EXPECT_EQ(escaped("/caf\xC3"), "/caf\\ufffd");
  EXPECT_EQ(escaped("\xC0\xAF"), "\\ufffd\\ufffd");
  EXPECT_EQ(escaped("\xFF\xFE"), "\\ufffd\\ufffd");
  const std::string line = "\"" + escaped("/api/v1/people?q=\xE2\x82\xAC\xE2\x82\xFF\"") + "\"";
  const auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed.get<std::string>(),
            "/api/v1/people?q=\xE2\x82\xAC\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  std::string quoted = "x";
  textio::append_json_string(quoted, "Rapat \"koordinasi\"");
  EXPECT_EQ(quoted, "x\"Rapat \\\"koordinasi\\\"\"");
}

}  // namespace
}  // namespace tatakerja
