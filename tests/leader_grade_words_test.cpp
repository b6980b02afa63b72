// The one-pass search of the structure reader for its three phrases (regulation/
// leader_grade_words.hpp): held to text::ifind, phrase by phrase, on the places the pass treats
// apart (short texts, the sixteen- and thirty-two-byte blocks, the last block, a phrase at either
// end) and on random texts built of the phrases' pieces in every case.
#include "regulation/leader_grade_words.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>

#include "core/text.hpp"

namespace tatakerja::regulation {
namespace {

constexpr std::string_view kLed = "dipimpin oleh ";
constexpr std::string_view kGrade = "eselon";
constexpr std::string_view kAppointed = "diangkat dan diberhentikan oleh";

// What the three searches of text::ifind say.
LeaderAndGradeWords searched_plainly(std::string_view t) {
  return {text::ifind(t, kLed) != std::string_view::npos,
          text::ifind(t, kGrade) != std::string_view::npos,
          text::ifind(t, kAppointed) != std::string_view::npos};
}

void expect_same(std::string_view t) {
  const LeaderAndGradeWords got = leader_and_grade_words(t);
  const LeaderAndGradeWords want = searched_plainly(t);
  EXPECT_EQ(got.led, want.led) << '"' << t << '"';
  EXPECT_EQ(got.grade, want.grade) << '"' << t << '"';
  EXPECT_EQ(got.appointed, want.appointed) << '"' << t << '"';
}

TEST(LeaderGradeWords, FindsEachPhraseInASentence) {
  const LeaderAndGradeWords w = leader_and_grade_words(
      "Sekretariat dipimpin oleh seorang Sekretaris yang merupakan jabatan eselon III.a");
  EXPECT_TRUE(w.led);
  EXPECT_TRUE(w.grade);
  EXPECT_FALSE(w.appointed);
  const LeaderAndGradeWords a =
      leader_and_grade_words("Kepala Dinas DIANGKAT DAN DIBERHENTIKAN OLEH Gubernur.");
  EXPECT_TRUE(a.appointed);
  EXPECT_FALSE(a.led);
  EXPECT_FALSE(a.grade);
}

TEST(LeaderGradeWords, NothingInTextsWithoutThePhrases) {
  for (std::string_view t : {"", "l", "ol", "esel", "eselo", "dipimpin olehx", "Pasal 5",
                             "eselom eselan eseion", "dipimpin oleh"}) {
    const LeaderAndGradeWords w = leader_and_grade_words(t);
    EXPECT_FALSE(w.led || w.grade || w.appointed) << '"' << t << '"';
  }
}

// Each phrase at every place of texts of every length up to a hundred bytes: at the start, at the
// end, across the blocks of sixteen and thirty-two and in the last, overlapping block.
TEST(LeaderGradeWords, EachPhraseAtEveryPlace) {
  for (const std::string_view phrase : {kLed, kGrade, kAppointed}) {
    for (std::size_t size = phrase.size(); size <= 100; ++size) {
      for (std::size_t at = 0; at + phrase.size() <= size; ++at) {
        std::string t(size, 'x');
        t.replace(at, phrase.size(), phrase);
        expect_same(t);
        // The same place with an "l" beside an "o" just before it, which the pass must not
        // take for the phrase's own.
        if (at >= 2) {
          t[at - 2] = 'o';
          t[at - 1] = 'l';
          expect_same(t);
        }
      }
    }
  }
}

// Random texts made of the phrases' pieces and their near misses, in random case: most hold an
// "l" beside an "o" somewhere, so that the pass compares often.
TEST(LeaderGradeWords, SameAsIfindOnRandomTexts) {
  const std::array<std::string_view, 14> pieces = {
      "dipimpin ",      "oleh ", "eselon", "esel", "lon", "diangkat dan ",
      "diberhentikan ", "olah ", "o",      "l",    " ",   "DIPIMPIN OLEH ",
      "Eselon",         "x"};
  std::mt19937 random(20261206);
  std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(0, 40);
  std::bernoulli_distribution upper(0.2);
  for (int round = 0; round < 20000; ++round) {
    std::string t;
    for (int k = count(random); k > 0; --k) t += pieces[piece(random)];
    for (char& c : t)
      if (upper(random) && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    expect_same(t);
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace tatakerja::regulation
