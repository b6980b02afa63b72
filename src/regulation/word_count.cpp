#include "regulation/word_count.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>

#include "core/sixteen_bytes.hpp"
#include "word_bytes.hpp"

namespace tatakerja::regulation {
namespace {

static_assert(std::endian::native == std::endian::little);

// Up to eight bytes of a word (n <= 8), packed little-endian with zeros after them: two
// overlapping four-byte loads, or the first, middle and last byte, instead of a loop over the
// bytes (overlapping loads put the same bytes at the same places).
std::uint64_t packed_bytes(const char* p, std::size_t n) {
  if (n == 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  if (n >= 4) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return lo | (static_cast<std::uint64_t>(hi) << (8 * (n - 4)));
  }
  if (n == 0) return 0;
  const auto byte = [&](std::size_t k) {
    return static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
  };
  return byte(0) | byte(n / 2) | byte(n - 1);
}

// Eight packed bytes with every ASCII capital made small, all at once: a byte's high bit marks
// whether it lies in 'A'..'Z' (and is ASCII), and moved to the 0x20 bit it makes the letter small.
std::uint64_t folded(std::uint64_t w) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  const std::uint64_t seven = w & kLow7;
  const std::uint64_t from_a = seven + 0x3F3F3F3F3F3F3F3FULL;   // high bit: byte >= 'A'
  const std::uint64_t past_z = seven + 0x2525252525252525ULL;   // high bit: byte > 'Z'
  const std::uint64_t capital = from_a & ~past_z & ~w & kHigh;  // and the byte is ASCII
  return w | (capital >> 2);
}

// The first n bytes (n <= 8) of the eight at p (all eight readable), zeros after them: what
// packed_bytes gives, with one load and a mask from a table and no branch on n, which differs
// from word to word as no branch predictor can guess.
std::uint64_t first_bytes(const char* p, std::size_t n) {
  static constexpr std::array<std::uint64_t, 9> kKeep = {0,
                                                         0xFF,
                                                         0xFFFF,
                                                         0xFFFFFF,
                                                         0xFFFFFFFF,
                                                         0xFFFFFFFFFF,
                                                         0xFFFFFFFFFFFF,
                                                         0xFFFFFFFFFFFFFF,
                                                         ~std::uint64_t{0}};
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w & kKeep[n];
}

// key_of(w) from bytes(at, n), the n bytes (n <= 8) of w from `at` folded and packed with zeros
// after them. The head and the tail are read with no branch on the word's length.
template <typename Bytes>
WordCount::Key key_from(std::size_t n, Bytes bytes) {
  WordCount::Key k;
  const std::size_t in_head = std::min<std::size_t>(n, 8);
  k.head = bytes(0, in_head);
  k.tail = bytes(8, std::min<std::size_t>(n - in_head, 8));
  std::uint64_t h = (0x9E3779B97F4A7C15ULL ^ n) + k.head;
  h = (h ^ (h >> 32)) * 0xFF51AFD7ED558CCDULL + k.tail;
  for (std::size_t i = 16; i < n; i += 8) {
    h = (h ^ (h >> 32)) * 0xFF51AFD7ED558CCDULL;
    h += bytes(i, std::min<std::size_t>(n - i, 8));
  }
  h *= 0xC4CEB9FE1A85EC53ULL;
  k.hash = h ^ (h >> 29);
  return k;
}

WordCount::Key key_of(std::string_view w) {
  return key_from(w.size(), [&](std::size_t at, std::size_t n) {
    return folded(packed_bytes(w.data() + at, n));
  });
}

// key_of(w) for a word whose bytes are already folded at `folded_bytes`, with fifteen readable
// bytes after them: the same key, read eight bytes at a time unpacked and unfolded.
WordCount::Key key_of_folded(const char* folded_bytes, std::size_t size) {
  return key_from(size,
                  [&](std::size_t at, std::size_t n) { return first_bytes(folded_bytes + at, n); });
}

// A slot: the low 32 bits of the word's hash (where it goes, and most other words in its way differ
// in them) above its entry's place plus one; zero for an empty slot.
std::uint64_t slot_for(const WordCount::Key& key, std::size_t entry) {
  return (key.hash << 32) | (entry + 1);
}
std::size_t entry_of(std::uint64_t slot) {
  return (slot & 0xFFFFFFFFU) - 1;
}
std::size_t hash_of(std::uint64_t slot) {
  return slot >> 32;
}

// text::iequals, inline: bytes that differ must be the two cases of one ASCII letter.
bool same_letters(const char* a, const char* b, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const auto x = static_cast<unsigned char>(a[k]);
    const auto y = static_cast<unsigned char>(b[k]);
    if (x == y) continue;
    const unsigned char low = x | 0x20;
    if (low != (y | 0x20) || low < 'a' || low > 'z') return false;
  }
  return true;
}

// A 64-byte window of a line as count_words reads it: its letter and space bits and its bytes with
// every ASCII capital made small, followed by sixteen bytes so that sixteen bytes can be read from
// any of the 64.
struct FoldedWindow {
  std::uint64_t letters = 0;  // bit k: byte k is an ASCII letter
  std::uint64_t spaces = 0;   // bit k: byte k is a space or past the line's end
  std::array<char, 80> folded{};
};

// The sixteen bytes at p folded into w as its bytes `at` to at + 15.
void fold_block(const char* p, std::size_t at, FoldedWindow& w) {
  const text::SixteenBytes v = text::sixteen_bytes_at(p);
  const auto letter = (text::folded(v) - 'a') < 26;
  const text::SixteenBytes small = v | __builtin_convertvector(letter & 0x20, text::SixteenBytes);
  std::memcpy(w.folded.data() + at, &small, 16);
  w.letters |= static_cast<std::uint64_t>(text::bits_of(letter)) << at;
  w.spaces |= static_cast<std::uint64_t>(text::bits_of(v == ' ')) << at;
}

// The window of s from `from`. Of a window that runs past the line's end, the whole blocks of
// sixteen are read from the line, and the rest as the window's last sixteen bytes (the bytes
// before the rest read again: they fold the same); only a window shorter than sixteen bytes is
// copied.
[[gnu::noinline]] void fold_window(std::string_view s, std::size_t from, FoldedWindow& w) {
  w.letters = 0;
  w.spaces = 0;
  if (from + 64 <= s.size()) {
    for (std::size_t block = 0; block < 4; ++block)
      fold_block(s.data() + from + 16 * block, 16 * block, w);
    return;
  }
  const std::size_t left = s.size() - from;
  if (left >= 16) {
    std::size_t k = 0;
    for (; k + 16 <= left; k += 16) fold_block(s.data() + from + k, k, w);
    if (k < left) fold_block(s.data() + s.size() - 16, left - 16, w);
  } else {
    std::array<char, 16> rest{};  // zeros after it: no letter, no space
    std::memcpy(rest.data(), s.data() + from, left);
    fold_block(rest.data(), 0, w);
  }
  w.spaces |= ~std::uint64_t{0} << left;  // left < 64
}

// Calls f(bare, folded) for the bare form of each space-separated word of s that has a letter:
// from a word's first letter (the bytes before it, spaces or not, hold no letter of a word) to its
// last letter before the space that ends it. The words are read from 64-byte windows of letter and
// space bits; a word that runs past a window is read from the next window, which starts at it.
// `folded` points at the word's bytes folded in its window (null for a word of 64 bytes or more,
// read on its own).
template <typename F>
void for_each_folded_bare_word(std::string_view s, FoldedWindow& window, F f) {
  for (std::size_t i = 0; i < s.size();) {
    fold_window(s, i, window);
    std::uint64_t letters = window.letters;  // the letters of the window not read yet
    std::size_t next = i + 64;               // where the next window starts
    while (letters != 0) {
      const int start = std::countr_zero(letters);
      const std::uint64_t spaces_after = window.spaces & (~std::uint64_t{0} << start);
      if (spaces_after == 0) {
        // The word runs past the window: the next one starts at it, unless it starts here, a
        // word of 64 bytes or more, read a byte at a time.
        next = i + static_cast<std::size_t>(start);
        if (start == 0) {
          const std::size_t space = next_space(s, i);
          std::size_t end = space;
          while (!is_ascii_letter(s[end - 1])) --end;  // stops at the letter at i at the latest
          f(s.substr(i, end - i), nullptr);
          next = space + 1;  // past the space (or the line's end), no letter
        }
        break;
      }
      const int space = std::countr_zero(spaces_after);  // after start: 1 to 63
      // (| 1 changes nothing: the letter at start is among those before the space.)
      const int last = 63 - std::countl_zero((letters & ((std::uint64_t{1} << space) - 1)) | 1);
      const auto at = static_cast<std::size_t>(start);
      f(std::string_view(s.data() + i + at, static_cast<std::size_t>(last + 1 - start)),
        window.folded.data() + at);
      letters &= ~std::uint64_t{1} << space;  // past the space: bits 0 to space cleared
    }
    i = next;
  }
}

std::size_t slots_for(std::size_t text_bytes) {
  const auto words = static_cast<std::size_t>(16.0 * std::sqrt(static_cast<double>(text_bytes)));
  return std::bit_ceil(std::max<std::size_t>(words, 1024));
}

}  // namespace

WordCount::WordCount(std::size_t text_bytes)
    : slots_(slots_for(text_bytes)), mask_(slots_.size() - 1) {
  // A text has about 3 * sqrt(n) distinct words, a fifth of its slots.
  entries_.reserve(slots_.size() / 4);
  spellings_.reserve(slots_.size() / 4);
}

inline std::size_t WordCount::slot_of(std::string_view w, const Key& key) const {
  const std::uint64_t tag = key.hash & 0xFFFFFFFFU;
  for (std::size_t i = key.hash & mask_;; i = (i + 1) & mask_) {
    const std::uint64_t s = slots_[i];
    if (s == 0) return i;
    if (hash_of(s) != tag) continue;
    const Entry& e = entries_[entry_of(s)];
    // A word of sixteen bytes or fewer is its head and tail (one test for the three, not a branch
    // each); a longer one is compared whole.
    const std::uint64_t differ = (e.head ^ key.head) | (e.tail ^ key.tail) | (e.size ^ w.size());
    if (differ == 0 && (w.size() <= 16 ||
                        same_letters(spellings_[entry_of(s)] + 16, w.data() + 16, w.size() - 16)))
      return i;
  }
}

inline void WordCount::add(std::string_view w, const char* folded_bytes, std::uint32_t line) {
  const Key key = folded_bytes != nullptr ? key_of_folded(folded_bytes, w.size()) : key_of(w);
  const std::size_t i = slot_of(w, key);
  if (slots_[i] == 0) return insert(w, key, i, line);
  Entry& e = entries_[entry_of(slots_[i])];
  ++e.count;
  e.last_line = line;
}

void WordCount::insert(std::string_view w, const Key& key, std::size_t slot, std::uint32_t line) {
  slots_[slot] = slot_for(key, entries_.size());
  entries_.push_back({key.head, key.tail, static_cast<std::uint32_t>(w.size()), 1, line, line});
  spellings_.push_back(keep(w));
  if (entries_.size() * 2 > mask_ + 1) grow();  // at most half full again
}

void WordCount::grow() {
  std::vector<std::uint64_t> old(slots_.size() * 2);
  old.swap(slots_);
  mask_ = slots_.size() - 1;  // under 2^32: the slot's 32 bits of hash say where it goes
  for (const std::uint64_t s : old) {
    if (s == 0) continue;
    std::size_t i = hash_of(s) & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;  // distinct words: no match to find
    slots_[i] = s;
  }
}

const char* WordCount::keep(std::string_view w) {
  // 4 KiB blocks: small enough for the allocator to hand back memory already in use (64 KiB
  // blocks, fresh memory for each text, made reading slower for all their fewer instructions).
  // Zeroed, and fifteen bytes more than the words in it take: each word is followed by fifteen
  // readable bytes, the next word's or zeros.
  constexpr std::size_t kBlock = std::size_t{1} << 12;
  constexpr std::size_t kAfter = 15;
  if (w.size() + kAfter > room_) {
    room_ = std::max(kBlock, w.size() + kAfter);
    blocks_.push_back(std::make_unique<char[]>(room_));
    next_ = blocks_.back().get();
  }
  char* const copy = next_;
  std::memcpy(copy, w.data(), w.size());
  next_ += w.size();
  room_ -= w.size();
  return copy;
}

int WordCount::count(std::string_view w) const {
  const std::uint64_t s = slots_[slot_of(w, key_of(w))];
  return s == 0 ? 0 : entries_[entry_of(s)].count;
}

WordCount count_words(const std::vector<Line>& lines) {
  std::size_t bytes = 0;
  for (const Line& l : lines) bytes += l.text.size();
  WordCount words(bytes);
  FoldedWindow window;
  for (std::size_t k = 0; k < lines.size(); ++k)
    for_each_folded_bare_word(lines[k].text, window, [&](std::string_view w, const char* folded) {
      words.add(w, folded, static_cast<std::uint32_t>(k));
    });
  return words;
}

}  // namespace tatakerja::regulation
