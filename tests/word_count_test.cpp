// The word count the broken-word joins and the OCR repairs ask (regulation/word_count.hpp): held
// to a plain map of the same words on random texts, words of every length and case, bytes that
// are no letters, and a table that has to grow.
#include "regulation/word_count.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace tatakerja::regulation {
namespace {

bool ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string folded(std::string_view w) {
  std::string out(w);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

struct Expected {
  int count = 0;
  std::string spelling;  // as first seen
  std::uint32_t first_line = 0;
  std::uint32_t last_line = 0;
};

// Each space-separated word's bare form (first ASCII letter to last), counted case aside, the
// plain way.
std::map<std::string, Expected> counted_plainly(const std::vector<Line>& lines) {
  std::map<std::string, Expected> out;
  for (std::uint32_t k = 0; k < lines.size(); ++k) {
    const std::string& s = lines[k].text;
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && s[i] == ' ') ++i;
      std::size_t end = i;
      while (end < s.size() && s[end] != ' ') ++end;
      std::size_t a = i, b = end;
      while (a < b && !ascii_letter(s[a])) ++a;
      while (b > a && !ascii_letter(s[b - 1])) --b;
      if (a < b) {
        const std::string_view bare(s.data() + a, b - a);
        Expected& e = out[folded(bare)];
        if (e.count++ == 0) e.spelling = std::string(bare), e.first_line = k;
        e.last_line = k;
      }
      i = end;
    }
  }
  return out;
}

void expect_same_as_plain(const std::vector<Line>& lines) {
  const auto plain = counted_plainly(lines);
  const WordCount words = count_words(lines);
  std::size_t seen = 0;
  words.for_each([&](std::string_view word, int n, std::uint32_t first, std::uint32_t second) {
    ++seen;
    const auto it = plain.find(folded(word));
    ASSERT_NE(it, plain.end()) << word;
    EXPECT_EQ(n, it->second.count) << word;
    EXPECT_EQ(word, it->second.spelling);
    EXPECT_EQ(first, it->second.first_line) << word;
    EXPECT_EQ(second, n == 1 ? kNoLine : it->second.last_line) << word;
  });
  EXPECT_EQ(seen, plain.size());
  for (const auto& [key, e] : plain) {
    EXPECT_EQ(words.count(key), e.count) << key;
    EXPECT_EQ(words.count(e.spelling), e.count) << e.spelling;
  }
}

std::string random_word(std::mt19937& rng) {
  static constexpr std::string_view kBytes =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:()-/0123\xC3\xA9";
  // Mostly short words, as in a regulation; some of 16 bytes or more, compared whole, and some
  // of 64 or more, which the count reads outside its 64-byte windows.
  const int kind = std::uniform_int_distribution<int>(0, 19)(rng);
  const int size = kind < 16   ? std::uniform_int_distribution<int>(1, 15)(rng)
                   : kind < 19 ? std::uniform_int_distribution<int>(16, 63)(rng)
                               : std::uniform_int_distribution<int>(64, 150)(rng);
  std::string w;
  for (int i = 0; i < size; ++i)
    w += kBytes[std::uniform_int_distribution<std::size_t>(0, kBytes.size() - 1)(rng)];
  return w;
}

TEST(WordCount, CountsEveryWordAsAPlainMapDoes) {
  std::mt19937 rng(20261206);
  for (int round = 0; round < 40; ++round) {
    // A small vocabulary, each word written in several cases, so that words repeat.
    // And words that differ only past their first 8 or 16 bytes, or only in length, as
    // "pelaksanaan" and "pelaksanakan" or "penyelenggaraanpemerintahan" and "...pembangunan".
    std::vector<std::string> vocabulary;
    for (int i = 0; i < 40; ++i) vocabulary.push_back(random_word(rng));
    for (int i = 0; i < 20; ++i) {
      const std::string& base = vocabulary[std::uniform_int_distribution<std::size_t>(0, 39)(rng)];
      const std::size_t keep = std::min<std::size_t>(base.size(), (rng() & 1) != 0 ? 8 : 16);
      vocabulary.push_back(base.substr(0, keep) + random_word(rng).substr(0, rng() % 12));
    }
    std::vector<Line> lines;
    const int line_count = std::uniform_int_distribution<int>(1, 60)(rng);
    for (int k = 0; k < line_count; ++k) {
      std::string text;
      const int n = std::uniform_int_distribution<int>(0, 25)(rng);
      for (int i = 0; i < n; ++i) {
        std::string w = vocabulary[std::uniform_int_distribution<std::size_t>(0, 59)(rng)];
        for (char& c : w)
          if (ascii_letter(c) && (rng() & 3) == 0) c = static_cast<char>(c ^ 0x20);
        if (!text.empty()) text += (rng() & 7) == 0 ? "  " : " ";
        text += w;
      }
      lines.push_back(Line{k + 1, text});
    }
    expect_same_as_plain(lines);
  }
}

TEST(WordCount, GrowsPastTheSizeItWasGivenForTheText) {
  // Distinct words only, far more than a text of this size is expected to hold.
  std::vector<Line> lines;
  std::string text;
  for (int i = 0; i < 40000; ++i) {
    std::string w;
    for (int v = i; w.size() < 4; v /= 26) w += static_cast<char>('a' + v % 26);
    text += w + ' ';
    if (text.size() > 500)
      lines.push_back(Line{static_cast<int>(lines.size()) + 1, text}), text.clear();
  }
  lines.push_back(Line{static_cast<int>(lines.size()) + 1, text});
  expect_same_as_plain(lines);
}

TEST(WordCount, AsksNothingOfAWordItHasNotSeen) {
  const std::vector<Line> lines = {Line{1, "Kepala Dinas, KEPALA BIDANG (kepala)"}, Line{2, ""},
                                   Line{3, "Sekretariat Daerah"}};
  const WordCount words = count_words(lines);
  EXPECT_EQ(words.count("kepala"), 3);
  EXPECT_EQ(words.count("KePaLa"), 3);
  EXPECT_EQ(words.count("Dinas"), 1);
  EXPECT_EQ(words.count("Dinas,"), 0);  // the count holds bare words
  EXPECT_EQ(words.count(""), 0);
  EXPECT_EQ(words.count("Kecamatan"), 0);
  EXPECT_EQ(words.count("Sekretariat Daerah"), 0);
}

}  // namespace
}  // namespace tatakerja::regulation
