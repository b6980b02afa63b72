// How often each word of a text appears, case aside, and on which lines a rare word appears: what
// the broken-word joins and the OCR repairs (flattened_text.cpp) ask before they change a word, a
// reading being taken only where the text spells it so elsewhere. Pure.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string_view>
#include <vector>

#include "regulation/lines.hpp"

namespace tatakerja::regulation {

// No line: the second line of a word that appears once.
inline constexpr std::uint32_t kNoLine = std::numeric_limits<std::uint32_t>::max();

// The words of a text as count_words reads them: each word's bare form (from its first ASCII letter
// to its last), compared case aside ("Bidang" and "BIDANG" are one word). An open-addressing table
// (linear probing, at most half full) with no allocation per occurrence as a node-based map would
// make; only a new word is copied, once. The table's slots are eight bytes, a tag of the word's
// hash and the place of its entry in a dense list, so that the probes touch little memory (slots
// of whole entries, 40 or 28 bytes, missed the cache on more words and were slower); the entries
// are appended as the words are first seen.
class WordCount {
 public:
  // A table sized for a text of `text_bytes` bytes: a text of n bytes has about 3 * sqrt(n)
  // distinct words (25 KB: 470, 84 KB: 980), and a table that grows as it fills moves every word
  // at each doubling (a tenth of the count's time).
  explicit WordCount(std::size_t text_bytes);

  // How often w appears, case aside.
  int count(std::string_view w) const;

  // f(word, count, first_line, other_line) for each distinct word, in the spelling first seen
  // (with fifteen readable bytes after it, so that sixteen bytes can be read from its start) and
  // the order first seen, with the first line it appears on and the last (other_line is kNoLine
  // for a word that appears once): a word that appears twice, as every word an OCR repair
  // rewrites does at most, is on those two lines only (one line twice when both are there).
  template <typename F>
  void for_each(F f) const {
    for (std::size_t k = 0; k < entries_.size(); ++k) {
      const Entry& e = entries_[k];
      f(std::string_view(spellings_[k], e.size), e.count, e.first_line,
        e.count == 1 ? kNoLine : e.last_line);
    }
  }

  // A word as the table compares it: its first eight bytes folded to small letters and the eight
  // after them (zeros past its end: the whole word for most words, so that they compare as two
  // numbers, with no look at the bytes kept), and a hash of all its bytes folded.
  struct Key {
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::uint64_t hash = 0;
  };

 private:
  friend WordCount count_words(const std::vector<Line>& lines);

  // A distinct word: its key's head and tail, its size, how often it appears and on which lines
  // first and last (for a word that appears twice at most, each line it is on). The last line is
  // written at each appearance, with no test whether it is the second (the test cost more).
  struct Entry {
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::uint32_t size = 0;  // a word of the text (which is at most 256 MiB)
    int count = 0;
    std::uint32_t first_line = 0;
    std::uint32_t last_line = 0;
  };

  // One more appearance of w, on line `line`; `folded`, when not null, holds w's bytes folded to
  // small letters with fifteen readable bytes after them (as count_words reads them). Inline in
  // count_words' loop over the words (word_count.cpp): a call per word cost a tenth more.
  [[gnu::always_inline]] inline void add(std::string_view w, const char* folded,
                                         std::uint32_t line);
  // The slot that holds w, or the empty slot where it would go.
  [[gnu::always_inline]] inline std::size_t slot_of(std::string_view w, const Key& key) const;
  // A word not seen before, its key, and the empty slot where it goes: out of line, so that add
  // holds only what a word seen before needs.
  [[gnu::noinline]] void insert(std::string_view w, const Key& key, std::size_t slot,
                                std::uint32_t line);
  void grow();
  // A copy of w that lives as long as the table.
  const char* keep(std::string_view w);

  std::vector<std::uint64_t> slots_;
  std::size_t mask_;
  std::vector<Entry> entries_;          // each distinct word, in the order first seen
  std::vector<const char*> spellings_;  // beside entries_: each word's bytes as first seen
  // The spellings' bytes, one after another in blocks that never move.
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t room_ = 0;  // bytes left in the last block
};

// Every word of `lines` counted, each with the index in `lines` of the line it is on.
WordCount count_words(const std::vector<Line>& lines);

}  // namespace tatakerja::regulation
