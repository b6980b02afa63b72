// Sixteen bytes of a text compared at once, for the passes that look at every byte of a
// regulation text (case-blind search, collapsing spaces, reading UTF-8, finding words and clause
// ends): a GCC and Clang vector extension, so that a comparison of sixteen bytes is one
// instruction on x86-64 (SSE2) and on ARM (NEON), and the same code serves both. Pure.
#pragma once

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tatakerja::text {

// A comparison (==, <, |, & ...) gives 0xFF in each byte where it holds, 0 elsewhere.
using SixteenBytes = unsigned char __attribute__((vector_size(16)));

// The sixteen bytes from p (which may be unaligned; all sixteen must be readable).
inline SixteenBytes sixteen_bytes_at(const char* p) {
  SixteenBytes v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline SixteenBytes sixteen_of(unsigned char c) {
  return SixteenBytes{} + c;
}

// The bytes of v that are ASCII letters, the case folded away (OR 0x20 lowers an ASCII letter;
// other bytes may change too, so that a comparison with a lower-case letter must follow).
inline SixteenBytes folded(SixteenBytes v) {
  return v | 0x20;
}

// A comparison's result as sixteen bits, bit k for byte k. (A comparison of unsigned bytes gives
// signed ones: either is taken.)
template <typename Vector>
unsigned bits_of(Vector holds) {
  static_assert(sizeof(Vector) == 16);
#if defined(__SSE2__)
  __m128i m;
  std::memcpy(&m, &holds, sizeof m);
  return static_cast<unsigned>(_mm_movemask_epi8(m));
#else
  unsigned bits = 0;
  for (unsigned k = 0; k < 16; ++k) bits |= static_cast<unsigned>(holds[k] & 1) << k;
  return bits;
#endif
}

// How many of the sixteen bytes a comparison holds for: the bits of bits_of added in a few
// operations (the baseline x86-64 target has no population-count instruction, and std::popcount
// is a call there).
template <typename Vector>
int count_of(Vector holds) {
  unsigned x = bits_of(holds);
  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return static_cast<int>((x + (x >> 8)) & 0x1Fu);
}

}  // namespace tatakerja::text
