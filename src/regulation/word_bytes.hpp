// Byte tests the passes that cut a text into words share (flattened_text.cpp, word_count.cpp,
// citation_reader.cpp, lint_references.cpp).
// Pure.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/text.hpp"

namespace tatakerja::regulation {

// The first space at or after i (s.size() when none), eight bytes at a time: in a word w ^ "    "
// has a zero byte where w has a space, and (x - 0x01...) & ~x & 0x80... marks the first zero
// byte exactly (a false mark can only follow a true one).
inline std::size_t next_space(std::string_view s, std::size_t i) {
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    const std::uint64_t x = w ^ 0x2020202020202020ULL;
    const std::uint64_t zero = (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL;
    if (zero != 0) return i + static_cast<std::size_t>(std::countr_zero(zero) >> 3);
  }
  while (i < s.size() && s[i] != ' ') ++i;
  return i;
}

inline bool is_ascii_letter(char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
}

// True when `t` at `i` holds `word`, in any case (as text::iequals compares), followed by a word
// boundary (no ASCII letter or digit). A byte is lowered only where it differs from the word's as
// written: the words asked about are mostly written as the text writes them ("Pasal", "undang").
// Inlined: the callers (the citation reader, the linter's references) pass the word as a literal,
// whose size then bounds the loop (a call for each of the thousands of words asked about cost as
// much as the comparing).
[[gnu::always_inline]] inline bool word_at(std::string_view t, std::size_t i,
                                           std::string_view word) {
  if (i > t.size() || t.size() - i < word.size()) return false;
  const char* at = t.data() + i;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (at[k] != word[k] && text::detail::ascii_lower(at[k]) != text::detail::ascii_lower(word[k]))
      return false;
  const std::size_t end = i + word.size();
  return end == t.size() || !text::is_alnum(t[end]);
}

}  // namespace tatakerja::regulation
