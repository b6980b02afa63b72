#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/sixteen_bytes.hpp"

namespace tatakerja::text {
namespace {

char lower(char c) {
  return detail::ascii_lower(c);
}
char upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}
bool is_space(char c) {
  return detail::is_white_space(c);
}

constexpr std::array<std::string_view, 16> kLowerWords = {
    "dan",  "di",     "ke",   "dari",  "yang", "atas", "serta", "untuk",
    "pada", "dengan", "atau", "dalam", "bagi", "oleh", "antar", "per"};
constexpr std::array<std::string_view, 12> kAcronyms = {
    "uptd", "ntt", "sdm", "asn", "pns", "pppk", "dprd", "skpd", "umkm", "opd", "bmd", "ukm"};

}  // namespace

std::string to_lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = lower(c);
  return r;
}

std::string to_upper(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = upper(c);
  return r;
}

namespace {

// Whether the needle's bytes 1 .. n-2 match at p, case aside (bytes 0 and n-1 are matched).
bool inner_bytes_match(const char* p, std::string_view needle) {
  for (std::size_t j = 1; j + 1 < needle.size(); ++j)
    if (lower(p[j]) != lower(needle[j])) return false;
  return true;
}

// Whether the needle's bytes all match at p, case aside.
bool all_bytes_match(const char* p, std::string_view needle) {
  for (std::size_t j = 0; j < needle.size(); ++j)
    if (lower(p[j]) != lower(needle[j])) return false;
  return true;
}

// The first start in [from, last] whose first and last bytes match the needle's (case aside) and
// whose inner bytes match too; npos when none. One start at a time.
std::size_t ifind_scalar(std::string_view hay, std::string_view needle, std::size_t from,
                         std::size_t last) {
  // The first byte tested with its 0x20 bit set (a letter's case folded; two bytes other than
  // letters may pass alike, and are then told apart by the comparison of every byte), as ifind's
  // blocks test it; the last exactly.
  const char first = static_cast<char>(needle.front() | 0x20);
  const char last_byte = lower(needle.back());
  const std::size_t span = needle.size() - 1;
  for (std::size_t i = from; i <= last; ++i)
    if (static_cast<char>(hay[i] | 0x20) == first && lower(hay[i + span]) == last_byte &&
        (is_alpha(needle.front()) ? inner_bytes_match(hay.data() + i, needle)
                                  : all_bytes_match(hay.data() + i, needle)))
      return i;
  return std::string_view::npos;
}

}  // namespace

std::size_t ifind(std::string_view hay, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
  if (hay.size() < needle.size() || from > hay.size() - needle.size())
    return std::string_view::npos;
  const std::size_t last = hay.size() - needle.size();  // the last possible start
  // A text of fewer than sixteen starts (a word, a short line) is looked at one start at a time,
  // before anything is made ready for blocks.
  if (last < 15) return ifind_scalar(hay, needle, from, last);
  std::size_t i = from;
  // Sixteen starts at a time: the bytes at each start and at its start + n - 1 are compared with
  // the needle's first and last bytes, all with their 0x20 bit set (a letter's case folded), so
  // that only the few starts where both match are compared further, every byte (a byte other
  // than a letter that differs in that bit alone, as '.' 0x2E and 0x0E, passes the filter but not
  // the comparison). A case-blind search for a phrase thus reads the text at about a byte per
  // instruction, where looking for the first letter alone (memchr) stopped at every word that
  // starts with a common letter.
  const std::size_t span = needle.size() - 1;
  // (The bytes compared with, made sixteen once: not again for the last block.)
  const SixteenBytes case_bits = sixteen_of(0x20);
  const SixteenBytes firsts = sixteen_of(static_cast<unsigned char>(needle.front() | 0x20));
  const SixteenBytes finals = sixteen_of(static_cast<unsigned char>(needle.back() | 0x20));
  // The starts [at, at + 16) whose first and last bytes may match, as bits.
  const auto matching_ends = [&](std::size_t at) {
    const SixteenBytes starts = sixteen_bytes_at(hay.data() + at) | case_bits;
    const SixteenBytes ends = sixteen_bytes_at(hay.data() + at + span) | case_bits;
    return bits_of((starts == firsts) & (ends == finals));
  };
  const auto first_match = [&](std::size_t at, unsigned candidates) {
    for (; candidates != 0; candidates &= candidates - 1) {
      const std::size_t start = at + static_cast<std::size_t>(std::countr_zero(candidates));
      if (all_bytes_match(hay.data() + start, needle)) return start;
    }
    return std::string_view::npos;
  };
  // Thirty-two starts a round while they last (two blocks, one test whether either has a
  // candidate), then sixteen.
  for (; i + 31 <= last; i += 32) {
    const unsigned low = matching_ends(i);
    const unsigned high = matching_ends(i + 16);
    if ((low | high) == 0) continue;
    if (const std::size_t hit = first_match(i, low); hit != std::string_view::npos) return hit;
    if (const std::size_t hit = first_match(i + 16, high); hit != std::string_view::npos)
      return hit;
  }
  for (; i + 15 <= last; i += 16)
    if (const std::size_t hit = first_match(i, matching_ends(i)); hit != std::string_view::npos)
      return hit;
  // The last starts, fewer than sixteen: one more block that ends at the last start, the starts
  // before i (already looked at) masked out.
  if (i > last) return std::string_view::npos;
  const std::size_t at = last - 15;
  return first_match(at, matching_ends(at) & (0xFFFFu << (i - at)));
}

std::size_t ifind_word(std::string_view hay, std::string_view needle, std::size_t from) {
  for (std::size_t p = ifind(hay, needle, from); p != std::string_view::npos;
       p = ifind(hay, needle, p + 1)) {
    const bool left_ok = p == 0 || !is_alnum(hay[p - 1]);
    const std::size_t end = p + needle.size();
    const bool right_ok = end >= hay.size() || !is_alnum(hay[end]);
    if (left_ok && right_ok) return p;
  }
  return std::string_view::npos;
}

namespace {

// Whether s, trimmed already, has no run of white space to collapse: no two spaces together and
// no white space other than a space. Most lines of a text are so, and are then copied whole.
//
// Sixteen bytes at a time, each block told as two sets of bits: its spaces, and its bytes that are
// control bytes (below a space); a tab, line end or form feed is one of the latter, which the
// texts otherwise hardly have, and only a block that has one is asked which. Two spaces together
// are a space bit whose lower neighbour is one too, the bit before a block's first the last
// block's last.
struct BlockBits {
  unsigned spaces;
  unsigned controls;
};
BlockBits block_bits(const char* p) {
  const SixteenBytes v = sixteen_bytes_at(p);
  return {bits_of(v == ' '), bits_of(v < 0x20)};
}
// Whether the sixteen bytes at p hold white space other than a space.
bool has_other_white_space(const char* p) {
  const SixteenBytes v = sixteen_bytes_at(p);
  return bits_of((v == '\t') | (v == '\n') | (v == '\r') | (v == '\f')) != 0;
}

bool spaces_collapsed(std::string_view s) {
  const std::size_t n = s.size();
  if (n >= 16) {
    // Sixty-four bytes a round while they last (one test for four blocks), then sixteen, the
    // last block overlapping the one before it (a byte looked at twice changes
    // nothing, and every pair of neighbours falls in a block or across two blocks read one after
    // the other).
    const char* const p = s.data();
    unsigned carry = 0;  // 1 when the byte before the next block is a space
    std::size_t i = 0;
    for (; i + 64 <= n; i += 64) {
      const SixteenBytes v0 = sixteen_bytes_at(p + i), v1 = sixteen_bytes_at(p + i + 16),
                         v2 = sixteen_bytes_at(p + i + 32), v3 = sixteen_bytes_at(p + i + 48);
      const std::uint64_t spaces = bits_of(v0 == ' ') | (bits_of(v1 == ' ') << 16) |
                                   (static_cast<std::uint64_t>(bits_of(v2 == ' ')) << 32) |
                                   (static_cast<std::uint64_t>(bits_of(v3 == ' ')) << 48);
      if ((spaces & ((spaces << 1) | carry)) != 0) return false;
      if (bits_of((v0 < 0x20) | (v1 < 0x20) | (v2 < 0x20) | (v3 < 0x20)) != 0 &&
          (has_other_white_space(p + i) || has_other_white_space(p + i + 16) ||
           has_other_white_space(p + i + 32) || has_other_white_space(p + i + 48)))
        return false;
      carry = static_cast<unsigned>(spaces >> 63);
    }
    for (; i + 16 <= n; i += 16) {
      const BlockBits block = block_bits(p + i);
      if ((block.spaces & ((block.spaces << 1) | carry)) != 0) return false;
      if (block.controls != 0 && has_other_white_space(p + i)) return false;
      carry = block.spaces >> 15;
    }
    if (i == n) return true;
    // The last bytes, fewer than sixteen: the block that ends the text, whose first byte's
    // neighbour before it is in it too (it starts before i).
    const BlockBits last = block_bits(p + n - 16);
    return (last.spaces & (last.spaces << 1)) == 0 &&
           (last.controls == 0 || !has_other_white_space(p + n - 16));
  }
  bool after_space = false;
  for (const char c : s) {
    if (c == ' ') {
      if (after_space) return false;
      after_space = true;
    } else if (is_space(c)) {
      return false;
    } else {
      after_space = false;
    }
  }
  return true;
}

}  // namespace

bool is_single_spaced(std::string_view s) {
  return s.empty() || (!is_space(s.front()) && !is_space(s.back()) && spaces_collapsed(s));
}

char* collapse_spaces_to(std::string_view s, char* out) {
  char* const begin = out;
  bool pending = false;
  for (const char c : s) {
    if (is_space(c)) {
      pending = out != begin;
    } else {
      if (pending) *out++ = ' ';
      pending = false;
      *out++ = c;
    }
  }
  return out;
}

std::string collapse_spaces(std::string_view s) {
  s = trim(s);
  if (spaces_collapsed(s)) return std::string(s);
  // Written through a pointer into a buffer of the input's size (the result is never longer).
  std::string r(s.size(), '\0');
  r.resize(static_cast<std::size_t>(collapse_spaces_to(s, r.data()) - r.data()));
  return r;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  // (The pieces counted first: one allocation, not one for each doubling.)
  out.reserve(static_cast<std::size_t>(std::count(s.begin(), s.end(), sep)) + 1);
  // Each piece ends at the next separator, found by memchr (the pieces are words or longer).
  std::size_t start = 0;
  for (std::size_t at = s.find(sep); at != std::string_view::npos; at = s.find(sep, start)) {
    out.push_back(s.substr(start, at - start));
    start = at + 1;
  }
  out.push_back(s.substr(start));
  return out;
}

namespace {

// A word's core ("bare"): the word with the bytes that are not letters or digits cut from both
// ends, in lower case. Only a core of up to kBareKept bytes is kept (longer than any word of the
// lists it is looked up in); a longer one is known by its size and letters alone. The kept core is
// also packed into one number, byte i in bits 8i .. 8i + 7 and zeros after it, so that it is
// compared with a listed word at once (two cores of different sizes differ in the byte where the
// shorter's zeros start, a core's last byte being a letter or digit).
constexpr std::size_t kBareKept = 8;
constexpr std::uint64_t packed(std::string_view word) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < word.size(); ++i)
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(word[i])) << (8 * i);
  return v;
}
template <std::size_t N>
constexpr std::array<std::uint64_t, N> packed_all(const std::array<std::string_view, N>& words) {
  std::array<std::uint64_t, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = packed(words[i]);
  return out;
}
constexpr auto kLowerWordKeys = packed_all(kLowerWords);
constexpr auto kAcronymKeys = packed_all(kAcronyms);

struct WordCore {
  std::string_view span;  // the core as written, within the word
  std::array<char, kBareKept> small{};
  std::uint64_t key = 0;  // small packed; 0 for a core longer than kBareKept
  [[nodiscard]] std::string_view lowered() const {
    return span.size() <= kBareKept ? std::string_view(small.data(), span.size())
                                    : std::string_view();
  }
};

WordCore core_of(std::string_view word) {
  std::size_t b = 0, e = word.size();
  while (e > b && !is_alnum(word[e - 1])) --e;
  while (b < e && !is_alnum(word[b])) ++b;
  WordCore c;
  c.span = word.substr(b, e - b);
  if (c.span.size() <= kBareKept) {
    for (std::size_t i = 0; i < c.span.size(); ++i) c.small[i] = lower(c.span[i]);
    c.key = packed(c.lowered());
  }
  return c;
}

template <std::size_t N>
bool is_listed(const std::array<std::uint64_t, N>& keys, const WordCore& core) {
  // (A core that is empty or longer than kBareKept has key 0, which no listed word has.)
  return std::find(keys.begin(), keys.end(), core.key) != keys.end();
}

// One word of title_case, made over in place (each byte becomes one byte).
void title_case_word(char* w, std::size_t size, bool first_word) {
  const std::string_view word(w, size);
  const WordCore core = core_of(word);
  const std::string_view bare = core.span;
  // (Each test stops at the first byte that answers it: most words answer at their first bytes.)
  const bool has_lower =
      std::any_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const bool has_upper =
      std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  const bool has_vowel = std::any_of(bare.begin(), bare.end(), [](char c) {
    const char l = lower(c);
    return l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u';
  });
  // A roman numeral written in capitals ("Wilayah II", "Seksi IV") stays one.
  const bool roman = has_upper && !has_lower && bare.size() <= 4 &&
                     std::all_of(bare.begin(), bare.end(),
                                 [](char c) {
                                   const char l = lower(c);
                                   return l == 'i' || l == 'v' || l == 'x';
                                 }) &&
                     roman_to_int(core.lowered()).has_value();
  // Letters and digits written in capitals together ("SP2D", "K3") are a code, kept as written.
  const bool code = has_upper && !has_lower && std::any_of(bare.begin(), bare.end(), is_digit);
  const bool acronym = roman || code || is_listed(kAcronymKeys, core) ||
                       (!has_vowel && bare.size() >= 2 &&
                        std::all_of(bare.begin(), bare.end(), [](char c) { return is_alpha(c); }));
  const auto all_lower = [&] {
    for (std::size_t i = 0; i < size; ++i) w[i] = lower(w[i]);
  };
  if (has_lower && has_upper && !(size > 1 && is_upper_text(word.substr(1)))) {
    // Mixed case as written ("McKinsey", "LKjIP"): keep, but capitalise a lowercase start.
    if (!first_word && is_listed(kLowerWordKeys, core)) all_lower();
  } else if (acronym && has_upper) {
    for (std::size_t i = 0; i < size; ++i) w[i] = upper(w[i]);
  } else if (!first_word && is_listed(kLowerWordKeys, core)) {
    all_lower();
  } else {
    // Capitalise the first letter, and the letter after a hyphen or slash ("Barang/Jasa").
    bool cap = true;
    for (std::size_t i = 0; i < size; ++i) {
      const char c = lower(w[i]);
      w[i] = cap && is_alpha(c) ? upper(c) : c;
      if (is_alpha(c)) cap = false;
      if (c == '-' || c == '/' || c == '(') cap = true;
    }
  }
}

}  // namespace

std::string title_case(std::string_view s) {
  // The words are those of the single-spaced text, made over where they stand in a copy of it (a
  // word keeps its size).
  std::string out = collapse_spaces(s);
  char* const p = out.data();
  const std::size_t n = out.size();
  bool first_word = true;
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start;
    while (end < n && p[end] != ' ') ++end;
    title_case_word(p + start, end - start, first_word);
    first_word = false;
    start = end + 1;
  }
  return out;
}

namespace {

// What a name key makes of each byte: a letter or digit is kept in lower case, as is any byte of a
// UTF-8 sequence; a full stop is dropped ("Sub. Bagian"); any other byte separates words.
enum class KeyByte : unsigned char { Separate, Drop, Keep };
struct NameKeyTable {
  std::array<KeyByte, 256> kind{};
  std::array<char, 256> folded{};
  constexpr NameKeyTable() {
    for (int b = 0; b < 256; ++b) {
      const char c = static_cast<char>(b);
      kind[b] = (is_alnum(c) || b >= 0x80) ? KeyByte::Keep
                : c == '.'                 ? KeyByte::Drop
                                           : KeyByte::Separate;
      folded[b] = detail::ascii_lower(c);
    }
  }
};
constexpr NameKeyTable kNameKey;

}  // namespace

// Whether the sixteen bytes at p are each kept by a name key or a space, no two spaces together
// and neither the first nor the last a space: their key is their bytes with the capitals made
// small (key_plain_block), what most blocks of a name are.
bool is_plain_key_block(const char* p) {
  const SixteenBytes v = sixteen_bytes_at(p);
  const auto kept = ((v - '0') < 10) | ((folded(v) - 'a') < 26) | (v >= 0x80);
  const unsigned spaces = bits_of(v == ' ');
  return (bits_of(kept) | spaces) == 0xFFFFu && (spaces & (spaces >> 1)) == 0 &&
         (spaces & 0x8001u) == 0;
}

// The sixteen bytes at p with every ASCII capital made small, written at out.
void key_plain_block(const char* p, char* out) {
  const SixteenBytes v = sixteen_bytes_at(p);
  const auto capital = (v - 'A') < 26;
  const SixteenBytes small = v | __builtin_convertvector(capital & 0x20, SixteenBytes);
  std::memcpy(out, &small, sizeof small);
}

namespace {

// The key of the last `rest` bytes of s (1 .. 15) at out, and out moved past it, when they are
// plain, as in a plain block (a space written first when `space`, a separator read before them
// with a byte kept before that); false, and nothing written, when they are not. The sixteen bytes
// tested are the last sixteen of s, the tail's first byte then not the block's, or, in a name
// shorter than sixteen bytes, the name with 'a's after it, its last byte then tested apart (the
// block's last byte is an 'a').
bool key_plain_tail(std::string_view s, std::size_t rest, bool space, char*& out) {
  std::array<char, 16> block{};
  std::size_t skip = 0;  // the block's bytes before the tail
  if (s.size() >= 16) {
    std::memcpy(block.data(), s.data() + s.size() - 16, 16);
    skip = 16 - rest;
  } else {
    if (s.back() == ' ') return false;
    block.fill('a');
    std::memcpy(block.data(), s.data(), s.size());
  }
  if (!is_plain_key_block(block.data())) return false;
  // A separator before the tail is a space of the block (the one before the tail's first byte),
  // or one before the whole name: either way one space, as key_byte would write.
  if (space) *out++ = ' ';
  key_plain_block(block.data(), block.data());
  std::memcpy(out, block.data() + skip, rest);
  out += rest;
  return true;
}

}  // namespace

std::string name_key(std::string_view s) {
  std::string r(s.size(), '\0');
  char* out = r.data();
  char* const begin = out;
  bool space = false;  // a separator read since the last byte kept
  const auto key_byte = [&](char c) {
    const auto b = static_cast<unsigned char>(c);
    switch (kNameKey.kind[b]) {
      case KeyByte::Keep:
        if (space && out != begin) *out++ = ' ';
        space = false;
        *out++ = kNameKey.folded[b];
        break;
      case KeyByte::Separate:
        space = true;
        break;
      case KeyByte::Drop:
        break;
    }
  };
  // Sixteen bytes at a time where they are plain, else one at a time (the key is never longer
  // than the bytes read, so that sixteen bytes always fit at out).
  std::size_t i = 0;
  while (i + 16 <= s.size()) {
    if (is_plain_key_block(s.data() + i)) {
      if (space && out != begin) *out++ = ' ';
      space = false;
      key_plain_block(s.data() + i, out);
      out += 16;
    } else {
      for (const char c : s.substr(i, 16)) key_byte(c);
    }
    i += 16;
  }
  // The last bytes, fewer than sixteen: as a block too where they can be, the last sixteen bytes
  // of the name (those before the tail already keyed) or, in a name shorter than sixteen, its
  // bytes followed by letters (whose key is cut off).
  if (const std::size_t rest = s.size() - i; rest != 0) {
    if (!key_plain_tail(s, rest, space && out != begin, out)) {
      for (const char c : s.substr(i)) key_byte(c);
    }
  }
  r.resize(static_cast<std::size_t>(out - begin));
  // "subbagian" / "subbidang" are written both joined and apart (the key is lower case already).
  if (r.find("subb") == std::string::npos) return r;
  for (const char* joined : {"subbagian", "subbidang", "subbag"}) {
    std::size_t p;
    while ((p = ifind_word(r, joined)) != std::string::npos) r.insert(p + 3, " ");
  }
  return r;
}

std::string name_key_head(std::string_view s, std::size_t chars) {
  // A key has at most one character per byte of the name, so the first `chars` bytes or more are
  // needed; the name is cut where a word ends, so that no word of the key is cut (a cut inside
  // "Subbagian" would key it differently).
  for (std::size_t take = chars + 16;; take *= 2) {
    if (take >= s.size()) return name_key(s);
    std::size_t cut = take;
    while (cut < s.size() && kNameKey.kind[static_cast<unsigned char>(s[cut])] != KeyByte::Separate)
      ++cut;
    if (cut == s.size()) return name_key(s);
    std::string key = name_key(s.substr(0, cut));
    if (key.size() >= chars) return key;
  }
}

namespace {

// The numerals int_to_roman writes a number with, largest first.
constexpr std::pair<int, std::string_view> kRomanTable[] = {
    {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
    {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};

// Whether s, case aside, is int_to_roman(n): its numerals compared as they are made, without
// making the string (roman_to_int asks it of every numeral it reads).
bool is_written_as_roman(int n, std::string_view s) {
  std::size_t at = 0;
  for (const auto& [v, sym] : kRomanTable)
    while (n >= v) {
      if (s.size() - at < sym.size()) return false;
      for (const char c : sym)
        if (upper(s[at++]) != c) return false;
      n -= v;
    }
  return at == s.size();
}

}  // namespace

std::optional<int> roman_to_int(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.size() > 12) return std::nullopt;
  auto value = [](char c) -> int {
    switch (upper(c)) {
      case 'I':
        return 1;
      case 'V':
        return 5;
      case 'X':
        return 10;
      case 'L':
        return 50;
      case 'C':
        return 100;
      case 'D':
        return 500;
      case 'M':
        return 1000;
      default:
        return 0;
    }
  };
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int v = value(s[i]);
    if (v == 0) return std::nullopt;
    const int next = i + 1 < s.size() ? value(s[i + 1]) : 0;
    total += (next > v) ? -v : v;
  }
  if (total <= 0 || !is_written_as_roman(total, s)) return std::nullopt;
  return total;
}

std::string int_to_roman(int n) {
  std::string r;
  for (const auto& [v, sym] : kRomanTable)
    while (n >= v) {
      r += sym;
      n -= v;
    }
  return r;
}

std::optional<int> letter_ordinal(std::string_view label) {
  if (label.empty() || label.size() > 2) return std::nullopt;
  const char c = lower(label[0]);
  if (c < 'a' || c > 'z') return std::nullopt;
  if (label.size() == 2 && lower(label[1]) != c) return std::nullopt;
  return (c - 'a' + 1) + (label.size() == 2 ? 26 : 0);
}

std::string letter_label(int ordinal) {
  if (ordinal < 1 || ordinal > 52) return "?";
  const char c = static_cast<char>('a' + (ordinal - 1) % 26);
  return ordinal > 26 ? std::string{c, c} : std::string{c};
}

std::optional<int> ordinal_word_value(std::string_view word) {
  static constexpr std::string_view kUnits[] = {"",     "satu", "dua",   "tiga",    "empat",
                                                "lima", "enam", "tujuh", "delapan", "sembilan"};
  std::string w = to_lower(trim(word));
  while (!w.empty() && !is_alpha(w.back())) w.pop_back();
  if (w == "pertama") return 1;
  if (w.rfind("ke", 0) != 0) return std::nullopt;
  std::string rest = w.substr(2);
  if (rest == "sepuluh") return 10;
  if (rest == "sebelas") return 11;
  if (rest == "duapuluh" || rest == "dua puluh") return 20;
  if (rest == "tigapuluh" || rest == "tiga puluh") return 30;
  for (int i = 1; i <= 9; ++i) {
    if (rest == kUnits[i]) return i;
    if (rest == std::string(kUnits[i]) + " belas" || rest == std::string(kUnits[i]) + "belas")
      return 10 + i;
    for (const char* tens : {"dua puluh ", "duapuluh "})
      if (rest == std::string(tens) + std::string(kUnits[i])) return 20 + i;
  }
  return std::nullopt;
}

namespace {

// The tail of a list item that `r` ends in (strip_item_end's list: " dan/atau", " dan",
// " atau", ";", ",", ".", ":"), told by its last byte, or 0 when none (nor when the tail is all of
// `r`). At most one tail ends a text, so the order in which they are tried does not matter.
std::size_t item_tail_size(std::string_view r) {
  if (r.empty()) return 0;
  const auto tail = [&](std::string_view t) {
    return r.size() > t.size() && iends_with(r, t) ? t.size() : 0;
  };
  switch (r.back()) {
    case ';':
    case ',':
    case '.':
    case ':':
      return r.size() > 1 ? 1 : 0;
    case 'n':
    case 'N':
      return tail(" dan");
    case 'u':
    case 'U':
      if (const std::size_t n = tail(" dan/atau")) return n;
      return tail(" atau");
    default:
      return 0;
  }
}

// strip_item_tail on a view: the start of s that it leaves (a text that needs no other change
// is then copied once, without its tails).
std::string_view without_item_tail(std::string_view s) {
  for (std::size_t n = item_tail_size(s); n != 0; n = item_tail_size(s)) {
    s.remove_suffix(n);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  }
  return s;
}

}  // namespace

void strip_item_tail(std::string& r) {
  r.resize(without_item_tail(r).size());
}

std::string strip_item_end(std::string_view s) {
  // A text single-spaced already (most are) is copied once, without its tails.
  const std::string_view t = trim(s);
  if (spaces_collapsed(t)) return std::string(without_item_tail(t));
  std::string r = collapse_spaces(t);
  strip_item_tail(r);
  return r;
}

}  // namespace tatakerja::text
