#include "regulation/leader_grade_words.hpp"

#include <bit>
#include <cstddef>

#include "core/sixteen_bytes.hpp"
#include "core/text.hpp"

namespace tatakerja::regulation {

// The three phrases each hold an "l" beside an "o" ("oleh", "eselon"): the text is looked through
// sixteen bytes at a time for an "l" (in either case) with an "o" before or after it, and each
// phrase is compared only where such an "l" stands at its place in the phrase. One pass over every
// node's text for the three, where each phrase's own search passed over it once.
LeaderAndGradeWords leader_and_grade_words(std::string_view t) {
  static constexpr std::string_view kLed = "dipimpin oleh ";                         // "l" at 10
  static constexpr std::string_view kGrade = "eselon";                               // "l" at 3
  static constexpr std::string_view kAppointed = "diangkat dan diberhentikan oleh";  // "l" at 28
  LeaderAndGradeWords w;
  // The phrases that could end at an "l" at j, compared there.
  const auto look_at = [&](std::size_t j) {
    const auto holds_at = [&](std::size_t l_at, std::string_view phrase) {
      return j >= l_at && text::istarts_with(t.substr(j - l_at), phrase);
    };
    w.grade = w.grade || holds_at(3, kGrade);
    w.led = w.led || holds_at(10, kLed);
    w.appointed = w.appointed || holds_at(28, kAppointed);
    return w.grade && w.led && w.appointed;  // nothing more to find
  };
  const std::size_t n = t.size();
  // No phrase has its "l" before its fourth byte or as its last byte: the places looked at are 3
  // to n - 2. A text of fewer than sixteen such places has each "l" compared.
  if (n < 20) {
    for (std::size_t j = 3; j + 1 < n; ++j)
      if ((t[j] | 0x20) == 'l' && look_at(j)) return w;
    return w;
  }
  // Blocks of sixteen places from j, the bytes beside them (j - 1, j + 16) within the text: the
  // places that hold an "l" with an "o" beside it, as bits.
  const text::SixteenBytes l = text::sixteen_of('l');
  const text::SixteenBytes o = text::sixteen_of('o');
  const auto block = [&](std::size_t j) {
    const char* at = t.data() + j;
    const auto ell = text::folded(text::sixteen_bytes_at(at)) == l;
    const auto before = text::folded(text::sixteen_bytes_at(at - 1)) == o;
    const auto after = text::folded(text::sixteen_bytes_at(at + 1)) == o;
    return text::bits_of(ell & (before | after));
  };
  const auto look_through = [&](std::size_t j, unsigned places) {
    for (; places != 0; places &= places - 1)
      if (look_at(j + static_cast<std::size_t>(std::countr_zero(places)))) return true;
    return false;
  };
  std::size_t j = 3;
  // Thirty-two places a round while they last (one test for two blocks), then sixteen.
  for (; j + 33 <= n; j += 32)
    if (look_through(j, block(j) | (block(j + 16) << 16U))) return w;
  for (; j + 17 <= n; j += 16)
    if (look_through(j, block(j))) return w;
  // The last places, fewer than sixteen: one more block that ends at n - 2, the places before j
  // (already looked at) masked out.
  if (j + 1 < n) {
    const std::size_t last = n - 17;
    look_through(last, block(last) & (0xFFFFU << (j - last)));
  }
  return w;
}

}  // namespace tatakerja::regulation
