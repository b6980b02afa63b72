// JSON text written as it is walked, in the layout nlohmann::json's dump(2) gives (two spaces a
// level, members in the order of their names): the CLI's `regulation extract` and `lint` write a
// 100 MB text's facts so, without building a document of them first (which took about as long as
// writing it). Pure.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tatakerja::json {

class PrettyJson {
 public:
  // Where the text goes as it grows, so that a large document is not held whole (the tree of a
  // 30 MB text is hundreds of MB of JSON): given, it receives `out` each time it passes 64 KiB,
  // which is then emptied, and what is left at finish().
  using Sink = std::function<void(std::string_view)>;

  explicit PrettyJson(std::string& out, Sink sink = {}) : out_(out), sink_(std::move(sink)) {}
  // Hands what is left to the sink (nothing to do without one).
  void finish();

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The next member's name. Members must come in the order of their names, byte by byte (as
  // nlohmann::json keeps them): a name out of order is a programming error (std::logic_error).
  void key(std::string_view name);

  void string(std::string_view s);          // std::invalid_argument when s is not UTF-8
  void string_or_null(std::string_view s);  // an empty string is written as null
  void null();
  void boolean(bool b);
  void integer(long long n);
  void strings(const std::vector<std::string>& list);  // an array of strings

 private:
  struct Level {
    bool object = false;
    int members = 0;
    std::string last_key;
  };
  void before_value();
  void end(char close);

  std::string& out_;
  Sink sink_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

// Appends s as a JSON string as nlohmann::json's dump writes it: the quote, the backslash and the
// control characters escaped (\b, \f, \n, \r, \t by name, the others as \u00xx), other bytes as
// they are; std::invalid_argument when s is not well-formed UTF-8.
void append_json_string_strict(std::string& out, std::string_view s);

}  // namespace tatakerja::json
