// The people search's reading of names and queries (people_search.hpp).
#include "org/people_search.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>

namespace tatakerja::org {

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

namespace {

// The code point of the well-formed UTF-8 sequence that ends `s`, and the sequence's length;
// false when `s` does not end with one.
bool last_code_point(std::string_view s, char32_t& cp, std::size_t& len) {
  std::size_t i = s.size();
  std::size_t n = 0;
  while (i > 0 && n < 4) {
    --i;
    ++n;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) break;
  }
  if (n == 0) return false;
  const auto lead = static_cast<unsigned char>(s[i]);
  std::size_t expected = 0;
  if (lead < 0x80) {
    expected = 1;
    cp = lead;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    expected = 2;
    cp = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    expected = 3;
    cp = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    expected = 4;
    cp = lead & 0x07u;
  }
  if (expected == 0 || expected != n) return false;
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3Fu);
  }
  const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < smallest[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  len = n;
  return true;
}

std::string utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

}  // namespace

std::string prefix_upper_bound(std::string_view prefix) {
  // A prefix that ends with a letter: the same with the next letter (code point) instead, which
  // is valid UTF-8 when the prefix is (a byte-wise increment of "п", D0 BF, would give D0 C0,
  // which PostgreSQL refuses as a text parameter). Well-formed UTF-8 orders bytewise as it orders
  // by code point, so the range holds the same strings.
  char32_t cp = 0;
  std::size_t len = 0;
  if (last_code_point(prefix, cp, len) && cp < 0x10FFFF) {
    const char32_t next = cp + 1 == 0xD800 ? 0xE000 : cp + 1;
    return std::string(prefix.substr(0, prefix.size() - len)) + utf8(next);
  }
  // Otherwise (not UTF-8, or U+10FFFF last): the last byte incremented.
  std::string s(prefix);
  while (!s.empty() && static_cast<unsigned char>(s.back()) == 0xFF) s.pop_back();
  if (!s.empty()) s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
  return s;
}

bool in_prefix_range(std::string_view s, std::string_view prefix) {
  return s >= prefix && s < std::string_view(prefix_upper_bound(prefix));
}

std::string sort_key(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

PeopleQuery read_people_query(std::string_view query) {
  PeopleQuery q;
  bool only_digits = true;
  for (char ch : query) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isspace(c)) continue;
    if (std::isdigit(c)) {
      q.nip_prefix += ch;
    } else {
      only_digits = false;
    }
  }
  if (only_digits) {
    q.kind = q.nip_prefix.empty() ? PeopleQuery::Kind::Everyone : PeopleQuery::Kind::Nip;
    return q;
  }
  q.nip_prefix.clear();
  q.words = name_tokens(query);
  if (q.words.empty()) {
    q.kind = PeopleQuery::Kind::Nothing;
    return q;
  }
  q.kind = PeopleQuery::Kind::Words;
  std::sort(q.words.begin(), q.words.end());
  q.words.erase(std::unique(q.words.begin(), q.words.end()), q.words.end());
  std::stable_sort(q.words.begin(), q.words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return q;
}

}  // namespace tatakerja::org
