// Writes JSON straight into a string, for the answers built in a loop (chart nodes, units, people
// search hits): building an nlohmann::json tree first and dumping it cost several microseconds per
// node (a map node and a key string per field), the largest part of a computed chart. Members come
// in the order written; strings are escaped as nlohmann::json dumps them (invalid UTF-8 replaced
// by U+FFFD).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tatakerja::server {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // A member's name (plain ASCII, written as it is); the next call writes its value.
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(bool b);
  JsonWriter& null();
  template <typename T>
  JsonWriter& value(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }
  // The text written so far (the writer is left empty).
  std::string take() { return std::move(out_); }

 private:
  void separate();
  std::string out_;
  bool need_comma_ = false;
};

}  // namespace tatakerja::server
