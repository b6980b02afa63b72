// Letters' pure parts (issue 12 item 6): the numbering pattern's parser (every refusal with its
// stable reason and an Indonesian message; a property test over random patterns: a pattern either
// parses and prints back to itself, or is refused with a message, never anything else), the
// number a pattern gives, dates as letters print them, and the token's shape.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <variant>

#include "work/letter.hpp"

namespace tatakerja::work {
namespace {

using Reason = PatternError::Reason;

std::optional<Reason> refusal(std::string_view pattern) {
  const auto r = parse_number_pattern(pattern);
  if (const auto* e = std::get_if<PatternError>(&r)) {
    EXPECT_EQ(e->message.rfind("Pola nomor surat tidak sah: ", 0), 0U) << e->message;
    return e->reason;
  }
  return std::nullopt;
}

// The pattern a parsed one stands for.
std::string printed(const NumberPattern& p) {
  using Part = NumberPattern::Part;
  std::string out;
  for (const auto& s : p.segments) {
    switch (s.part) {
      case Part::Text:
        out += s.text;
        break;
      case Part::Sequence:
        out += "{seq}";
        break;
      case Part::UnitCode:
        out += "{unit_code}";
        break;
      case Part::Year:
        out += "{year}";
        break;
      case Part::Month:
        out += "{month}";
        break;
      case Part::MonthRoman:
        out += "{month_roman}";
        break;
    }
  }
  return out;
}

TEST(LetterNumberPattern, FormatsEveryPlaceholder) {
  const auto r = parse_number_pattern("800.1.11.1/{seq}/{unit_code}/{month_roman}/{month}/{year}");
  ASSERT_TRUE(std::holds_alternative<NumberPattern>(r));
  const auto& p = std::get<NumberPattern>(r);
  EXPECT_TRUE(p.uses_unit_code());
  EXPECT_EQ(format_letter_number(p, 123, "BKPSDM", Date{2024, 3, 5}),
            "800.1.11.1/123/BKPSDM/III/03/2024");
  const auto d = parse_number_pattern(kDefaultNumberPattern);
  ASSERT_TRUE(std::holds_alternative<NumberPattern>(d));
  EXPECT_FALSE(std::get<NumberPattern>(d).uses_unit_code());
  EXPECT_EQ(format_letter_number(std::get<NumberPattern>(d), 7, "", Date{2026, 12, 4}),
            "800.1.11.1/7/2026");
}

TEST(LetterNumberPattern, RefusesBadPatternsWithTheirReason) {
  EXPECT_EQ(refusal(""), Reason::Empty);
  EXPECT_EQ(refusal(std::string(101, 'A')), Reason::TooLong);
  EXPECT_EQ(refusal("800/{seq}/{year"), Reason::UnclosedBrace);
  EXPECT_EQ(refusal("800/{seq}}/{year}"), Reason::BadCharacter);
  EXPECT_EQ(refusal("800 /{seq}/{year}"), Reason::BadCharacter);
  EXPECT_EQ(refusal("800/{seq}/{year}/\xC3\x87"), Reason::BadCharacter);
  EXPECT_EQ(refusal("800/{nomor}/{year}"), Reason::UnknownPlaceholder);
  EXPECT_EQ(refusal("800/{}/{year}"), Reason::UnknownPlaceholder);
  EXPECT_EQ(refusal("800/{year}"), Reason::MissingSequence);
  EXPECT_EQ(refusal("800/{seq}"), Reason::MissingYear);
  EXPECT_EQ(refusal("{seq}/{seq}/{year}"), Reason::Repeated);
  EXPECT_EQ(refusal("800/{seq}/{year}"), std::nullopt);
  // The message names what is wrong.
  const auto r = parse_number_pattern("800/{nomor}/{year}");
  EXPECT_NE(std::get<PatternError>(r).message.find("{nomor}"), std::string::npos);
}

// Random patterns from the characters that matter: each parses and prints back to itself (and
// its number holds every literal part), or is refused with a message. 20 000 patterns.
TEST(LetterNumberPattern, RandomPatternsParseBackOrAreRefused) {
  std::mt19937 rng(12);  // fixed: the same patterns every run
  const std::vector<std::string> pieces = {
      "{seq}", "{year}", "{unit_code}", "{month}", "{month_roman}", "{",    "}", "/",    ".",
      "800",   "1",      "ST",          " ",       "{x}",           "\xC3", "-", "{seq", "year}"};
  int parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string pattern;
    const int n = static_cast<int>(rng() % 9);
    for (int k = 0; k < n; ++k) pattern += pieces[rng() % pieces.size()];
    if (i % 2 == 0) {
      // Half of them around a valid skeleton, so that valid patterns are common too.
      const std::vector<std::string> safe = {"/",           ".",       "800",           "ST",
                                             "{unit_code}", "{month}", "{month_roman}", "-"};
      std::string middle;
      for (int k = 0; k < n; ++k) middle += safe[rng() % safe.size()];
      pattern = (rng() % 2 == 0 ? "800.1/" : "") + std::string("{seq}") + middle + "{year}" +
                (rng() % 4 == 0 ? pieces[rng() % pieces.size()] : "");
    }
    const auto r = parse_number_pattern(pattern);
    if (const auto* p = std::get_if<NumberPattern>(&r)) {
      ++parsed;
      EXPECT_EQ(printed(*p), pattern);
      const std::string number = format_letter_number(*p, 42, "UNIT", Date{2025, 11, 30});
      EXPECT_NE(number.find("42"), std::string::npos) << pattern;
      EXPECT_NE(number.find("2025"), std::string::npos) << pattern;
      for (const auto& s : p->segments) {
        if (s.part == NumberPattern::Part::Text) {
          EXPECT_NE(number.find(s.text), std::string::npos);
        }
      }
    } else {
      const auto& e = std::get<PatternError>(r);
      EXPECT_EQ(e.message.rfind("Pola nomor surat tidak sah: ", 0), 0U) << pattern;
    }
  }
  EXPECT_GT(parsed, 2000);  // the generator reaches valid patterns too
}

TEST(LetterParts, KindsStatusesDatesTokens) {
  EXPECT_EQ(to_string(LetterKind::Tugas), "surat_tugas");
  EXPECT_EQ(letter_kind_from_string("surat_perintah"), LetterKind::Perintah);
  EXPECT_FALSE(letter_kind_from_string("surat").has_value());
  EXPECT_EQ(letter_title(LetterKind::Perintah), "SURAT PERINTAH");
  EXPECT_EQ(letter_status_from_string("dicabut"), LetterStatus::Revoked);
  EXPECT_EQ(indonesian_date(Date{2026, 12, 4}), "4 Desember 2026");
  EXPECT_EQ(verification_url("https://tk.example.go.id/", "abc"),
            "https://tk.example.go.id/verifikasi/abc");
  EXPECT_TRUE(valid_token_shape(std::string(43, 'a')));
  EXPECT_FALSE(valid_token_shape(std::string(42, 'a')));
  EXPECT_FALSE(valid_token_shape(std::string(42, 'a') + "/"));
  EXPECT_TRUE(valid_unit_code("BKPSDM"));
  EXPECT_FALSE(valid_unit_code("BKP SDM"));
  EXPECT_FALSE(valid_unit_code(""));
}

}  // namespace
}  // namespace tatakerja::work
