// The driver-independent parts of storage::Connection: the Row accessors, open_database (which
// picks the driver from the URL), and the small helpers both drivers and the repository share
// (search tokens, prefix ranges, the UTC clock, error reporting).
#include "storage/database.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <ctime>

#include "storage/drivers.hpp"

namespace tatakerja::storage {

std::int64_t Row::integer(std::size_t i) const {
  const Value& v = values.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) {
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec != std::errc{} || end != s->data() + s->size()) {
      throw DatabaseError(DatabaseError::Kind::Other,
                          fmt::format("column {}: '{}' is not an integer", i, *s));
    }
    return out;
  }
  return 0;
}

std::string Row::text(std::size_t i) const {
  const Value& v = values.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  return {};
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

double Row::real(std::size_t i) const {
  const Value& v = values.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) {
    char* end = nullptr;
    double out = std::strtod(s->c_str(), &end);
    if (s->empty() || end != s->c_str() + s->size()) {
      throw DatabaseError(DatabaseError::Kind::Other,
                          fmt::format("column {}: '{}' is not a number", i, *s));
    }
    return out;
  }
  return 0.0;
}

std::unique_ptr<Connection> open_database(const std::string& url) {
  std::string_view u = url;
  if (u.starts_with("postgresql://") || u.starts_with("postgres://")) {
    return detail::open_postgres(url);
  }
  return detail::open_sqlite(url);
}

namespace detail {
namespace {

// ASCII spelling of the Latin-1 letters U+00C0..U+00FF; "" marks a separator (x and division).
constexpr const char* kLatin1Fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::vector<std::string> name_tokens(std::string_view name) {
  std::vector<std::string> tokens;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    bool seen = false;
    for (const auto& t : tokens) seen = seen || t == word;
    if (!seen) tokens.push_back(word);
    word.clear();
  };
  std::size_t i = 0;
  while (i < name.size()) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (is_ascii_alnum(c)) {
        word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      } else if (c != '\'' && c != '.' && c != '`') {
        flush();  // apostrophes and dots are dropped inside a word; the rest separates words
      }
      ++i;
      continue;
    }
    if (c < 0xC0 || c >= 0xF8) {  // a stray continuation byte or no UTF-8 at all: dropped
      ++i;
      continue;
    }
    std::size_t len = std::min(utf8_length(c), name.size() - i);
    std::string_view seq = name.substr(i, len);
    i += len;
    if (len == 2 && c == 0xC3) {
      auto low = static_cast<unsigned char>(seq[1]);
      if (low >= 0x80 && low <= 0xBF) {
        const char* ascii = kLatin1Fold[low - 0x80];
        if (*ascii == '\0') {
          flush();
        } else {
          word += ascii;
        }
        continue;
      }
    }
    if (len == 2 && c == 0xC2) {  // Latin-1 punctuation and the no-break space
      flush();
      continue;
    }
    if (len == 3 && c == 0xE2 &&
        (static_cast<unsigned char>(seq[1]) == 0x80 ||
         static_cast<unsigned char>(seq[1]) == 0x81)) {
      // General punctuation: the right single quotation mark is an apostrophe, the rest (dashes,
      // spaces, quotation marks) separate words.
      if (seq != "\xE2\x80\x99") flush();
      continue;
    }
    word += seq;  // other scripts: kept as written
  }
  flush();
  return tokens;
}

std::string prefix_upper_bound(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty() && static_cast<unsigned char>(s.back()) == 0xFF) s.pop_back();
  if (!s.empty()) s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
  return s;
}

std::string now_iso8601() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void throw_error(DatabaseError::Kind kind, std::string_view context, std::string_view message) {
  throw DatabaseError(kind, fmt::format("{}: {}", context, message));
}

}  // namespace detail
}  // namespace tatakerja::storage
