#include "json/pretty_json.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "textio/decode.hpp"

namespace tatakerja::json {

namespace {

// Whether a byte can be copied as it is: printable ASCII other than the quote and the backslash.
bool plain_byte(unsigned char u) {
  return u >= 0x20 && u < 0x80 && u != '"' && u != '\\';
}

void append_escaped(std::string& out, unsigned char u) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (u) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 15];
  }
}

}  // namespace

void append_json_string_strict(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // the start of the bytes not yet appended, all of them plain
  for (std::size_t i = 0; i < s.size();) {
    const auto u = static_cast<unsigned char>(s[i]);
    if (plain_byte(u)) {
      ++i;
      continue;
    }
    if (u >= 0x80) {
      const std::size_t len = textio::utf8_sequence_length(s, i);
      if (len == 0)
        throw std::invalid_argument(
            fmt::format("JSON: a string that is not UTF-8 (byte {} of {})", i, s.size()));
      i += len;
      continue;
    }
    out.append(s.substr(run, i - run));
    append_escaped(out, u);
    run = ++i;
  }
  out.append(s.substr(run));
  out += '"';
}

void PrettyJson::finish() {
  if (!sink_) return;
  if (!out_.empty()) sink_(out_);
  out_.clear();
}

void PrettyJson::before_value() {
  constexpr std::size_t kChunk = std::size_t{64} * 1024;
  if (sink_ && out_.size() >= kChunk) finish();
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  Level& level = levels_.back();
  out_ += level.members++ == 0 ? "\n" : ",\n";
  out_.append(2 * levels_.size(), ' ');
}

void PrettyJson::key(std::string_view name) {
  Level& level = levels_.back();
  if (!level.object || after_key_) throw std::logic_error("JSON: a member name outside an object");
  if (level.members > 0 && name <= level.last_key)
    throw std::logic_error(
        fmt::format("JSON: member \"{}\" written after \"{}\"", name, level.last_key));
  level.last_key = name;
  before_value();
  append_json_string_strict(out_, name);
  out_ += ": ";
  after_key_ = true;
}

void PrettyJson::begin_object() {
  before_value();
  out_ += '{';
  levels_.push_back(Level{true, 0, {}});
}

void PrettyJson::begin_array() {
  before_value();
  out_ += '[';
  levels_.push_back(Level{false, 0, {}});
}

void PrettyJson::end(char close) {
  const bool empty = levels_.back().members == 0;
  levels_.pop_back();
  if (!empty) {
    out_ += '\n';
    out_.append(2 * levels_.size(), ' ');
  }
  out_ += close;
}

void PrettyJson::end_object() {
  end('}');
}

void PrettyJson::end_array() {
  end(']');
}

void PrettyJson::string(std::string_view s) {
  before_value();
  append_json_string_strict(out_, s);
}

void PrettyJson::string_or_null(std::string_view s) {
  if (s.empty()) {
    null();
  } else {
    string(s);
  }
}

void PrettyJson::null() {
  before_value();
  out_ += "null";
}

void PrettyJson::boolean(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void PrettyJson::integer(long long n) {
  before_value();
  fmt::format_to(std::back_inserter(out_), "{}", n);
}

void PrettyJson::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const auto& s : list) string(s);
  end_array();
}

}  // namespace tatakerja::json
