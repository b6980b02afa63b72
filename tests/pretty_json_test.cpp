// The JSON writer of the CLI's facts writes what nlohmann::json's dump(2) writes for the same
// values (docs/extract-json.md is written in that layout), and refuses what would make it differ:
// a member out of the order of names, a string that is not UTF-8.
#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "json/pretty_json.hpp"

namespace tatakerja {
namespace {

// Writes j with the writer, walking it as the extraction's writer walks its facts.
void write(json::PrettyJson& w, const nlohmann::json& j) {
  if (j.is_object()) {
    w.begin_object();
    for (const auto& [name, value] : j.items()) {
      w.key(name);
      write(w, value);
    }
    w.end_object();
  } else if (j.is_array()) {
    w.begin_array();
    for (const auto& value : j) write(w, value);
    w.end_array();
  } else if (j.is_string()) {
    w.string(j.get<std::string>());
  } else if (j.is_boolean()) {
    w.boolean(j.get<bool>());
  } else if (j.is_number_integer()) {
    w.integer(j.get<long long>());
  } else {
    w.null();
  }
}

std::string written(const nlohmann::json& j) {
  std::string out;
  json::PrettyJson w(out);
  write(w, j);
  return out;
}

TEST(PrettyJson, WritesWhatDumpWrites) {
  const nlohmann::json j = {
      {"zeta", nullptr},
      {"alpha", {1, -2, 0, 9223372036854775807LL}},
      {"empty_object", nlohmann::json::object()},
      {"empty_array", nlohmann::json::array()},
      {"nested", {{"b", true}, {"a", {{"x", false}, {"y", nlohmann::json::array({"s"})}}}}},
      {"text",
       "quote \" backslash \\ tab \t line\n cr\r bs\b ff\f one\x01 del\x7f "
       "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"},
      {"", "empty name"}};
  EXPECT_EQ(written(j), j.dump(2));
  EXPECT_EQ(written(nlohmann::json::array({nlohmann::json::object(), nlohmann::json::array()})),
            nlohmann::json::array({nlohmann::json::object(), nlohmann::json::array()}).dump(2));
  EXPECT_EQ(written("top"), nlohmann::json("top").dump(2));
}

TEST(PrettyJson, EveryControlCharacterIsEscapedAsDumpEscapesIt) {
  for (int c = 0; c < 0x80; ++c) {
    const std::string s = "a" + std::string(1, static_cast<char>(c)) + "b";
    EXPECT_EQ(written(s), nlohmann::json(s).dump(2)) << "byte " << c;
  }
}

// Given a sink, the writer hands its text over as it grows (so that the tree of a large text is
// not held whole) and the pieces together are the same text.
TEST(PrettyJson, ASinkReceivesTheSameTextInPieces) {
  nlohmann::json big = nlohmann::json::array();
  for (int i = 0; i < 20000; ++i) big.push_back({{"n", i}, {"s", "pasal " + std::to_string(i)}});
  std::string pieces, out;
  int handed = 0;
  json::PrettyJson w(out, [&](std::string_view chunk) {
    pieces += chunk;
    ++handed;
  });
  write(w, big);
  EXPECT_LT(out.size(), 70u * 1024u);  // what is not handed over yet stays small
  w.finish();
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(pieces, big.dump(2));
  EXPECT_GT(handed, 5);
}

TEST(PrettyJson, RefusesAMemberOutOfOrderAndTextThatIsNotUtf8) {
  std::string out;
  json::PrettyJson w(out);
  w.begin_object();
  w.key("b");
  w.integer(1);
  EXPECT_THROW(w.key("a"), std::logic_error);
  EXPECT_THROW(w.key("b"), std::logic_error);  // a name twice
  std::string cut;
  EXPECT_THROW(json::append_json_string_strict(cut, "caf\xC3"), std::invalid_argument);
  EXPECT_THROW(json::append_json_string_strict(cut, "\xFF"), std::invalid_argument);
  EXPECT_THROW((void)nlohmann::json("caf\xC3").dump(), nlohmann::json::type_error);
}

}  // namespace
}  // namespace tatakerja
