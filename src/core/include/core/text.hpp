// Text helpers for Indonesian legal text in UTF-8. Case operations touch ASCII letters only: the
// regulations are written in ASCII Indonesian, and any other byte passes through unchanged.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tatakerja::text {

// The small tests every pass of the regulation reader makes on each byte or word are defined here,
// inline, so that a call costs no more than its comparisons.
namespace detail {
constexpr char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr bool is_white_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}
}  // namespace detail

constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_alnum(char c) {
  return is_digit(c) || is_alpha(c);
}
inline std::string_view trim(std::string_view s) {
  // Most texts start and end with a byte above the space (no white space there): two tests.
  if (!s.empty() && static_cast<unsigned char>(s.front()) > ' ' &&
      static_cast<unsigned char>(s.back()) > ' ')
    return s;
  std::size_t b = 0, e = s.size();
  while (b < e && detail::is_white_space(s[b])) ++b;
  while (e > b && detail::is_white_space(s[e - 1])) --e;
  return std::string_view(s.data() + b, e - b);  // (b <= e <= size: no bounds check to make)
}
inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  // Bytes written alike (most of those compared) are not lowered, nor are two that differ in more
  // than the bit of a letter's case (0x20): they differ case aside too.
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if ((a[i] ^ b[i]) != 0x20 || detail::ascii_lower(a[i]) != detail::ascii_lower(b[i]))
      return false;
  }
  return true;
}
inline bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}
inline bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
// Position of `needle` in `hay` at or after `from`, ignoring ASCII case; npos when absent.
std::size_t ifind(std::string_view hay, std::string_view needle, std::size_t from = 0);
// Like ifind, but the match must start and end at a word boundary.
std::size_t ifind_word(std::string_view hay, std::string_view needle, std::size_t from = 0);
// Collapses runs of whitespace into one space and trims.
std::string collapse_spaces(std::string_view s);
// Writes collapse_spaces(s) from `out` and returns the end of what it wrote (never more than
// s.size() bytes). `out` may be s.data() or before it, inside the same buffer: each byte is read
// before it is written over, so a string can be collapsed in place.
char* collapse_spaces_to(std::string_view s, char* out);
// Whether collapse_spaces(s) is s already: no white space at either end, none but the space, and no
// two spaces together (most lines and items are so, and need no copy).
bool is_single_spaced(std::string_view s);
// Has letters, and no lowercase ASCII letter. Inline: the passes ask it of many lines and words.
inline bool is_upper_text(std::string_view s) {
  bool letters = false;
  for (const char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letters = true;
  }
  return letters;
}
// Title case the way Indonesian names are written: "Bidang Koordinasi Perencanaan dan Fasilitasi
// Kerja Sama". Conjunctions and prepositions stay lowercase (except first), acronyms (no vowel,
// or a known one such as UPTD) stay uppercase; words already mixed-case are kept.
std::string title_case(std::string_view s);
// A key for comparing names: lowercase, punctuation dropped, "subbagian" split to "sub bagian".
std::string name_key(std::string_view s);
// The start of name_key(s), whole words of it, at least `chars` characters long when the key is:
// for telling a name's kind by its first words without keying a whole paragraph.
std::string name_key_head(std::string_view s, std::size_t chars);
std::vector<std::string_view> split(std::string_view s, char sep);

// Plain decimal, at most 9 digits (white space around it aside). Inline: the markers of every
// list item are read with it.
inline std::optional<int> parse_int(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  for (const char c : s) {
    if (!is_digit(c)) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}
std::optional<int> roman_to_int(std::string_view s);  // I..MMM, case-insensitive
std::string int_to_roman(int n);
// Letter list labels: a=1 ... z=26, aa=27 ... zz=52 (the regulations' convention).
std::optional<int> letter_ordinal(std::string_view label);
std::string letter_label(int ordinal);
// Indonesian ordinal words: Kesatu/Pertama=1, Kedua=2 ... Kesepuluh=10, Kesebelas=11, up to 30.
std::optional<int> ordinal_word_value(std::string_view word);
// Removes a trailing ".", ";", ":" or "," and the words "dan", "atau", "dan/atau" that end a list
// item, e.g. "penyusunan rencana; dan" -> "penyusunan rencana".
std::string strip_item_end(std::string_view s);
// strip_item_end's second half, on a text already single-spaced and trimmed (an item's text made
// single-spaced anyway need not be copied again): its tails removed in place.
void strip_item_tail(std::string& r);

}  // namespace tatakerja::text
