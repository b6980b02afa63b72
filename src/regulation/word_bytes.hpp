// Byte tests the passes that cut a line into words share (flattened_text.cpp, word_count.cpp).
// Pure.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

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

}  // namespace tatakerja::regulation
