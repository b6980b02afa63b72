// NIP rules: decoding the NIP printed in 001, each reason an NIP is refused, formatting and
// building.
#include <gtest/gtest.h>

#include <string>

#include "org/nip.hpp"

namespace tatakerja::org {
namespace {

NipError error_of(std::string_view nip) {
  auto r = decode_nip(nip);
  EXPECT_TRUE(std::holds_alternative<NipError>(r)) << nip;
  return std::holds_alternative<NipError>(r) ? std::get<NipError>(r) : NipError::Empty;
}

TEST(Nip, DecodesTheNipOf001) {
  for (std::string_view nip : {"196703251997032002", "19670325 199703 2 002"}) {
    SCOPED_TRACE(nip);
    auto r = decode_nip(nip);
    ASSERT_TRUE(std::holds_alternative<NipInfo>(r));
    const NipInfo& info = std::get<NipInfo>(r);
    EXPECT_EQ(info.birth_date, (Date{1967, 3, 25}));
    EXPECT_EQ(info.appointed_year, 1997);
    EXPECT_EQ(info.appointed_month, 3);
    EXPECT_EQ(info.sex, Sex::Female);
    EXPECT_EQ(info.serial, 2);
  }
}

TEST(Nip, DecodesAMaleNipWithTabs) {
  auto r = decode_nip("19800101\t200501\t1\t999");
  ASSERT_TRUE(std::holds_alternative<NipInfo>(r));
  EXPECT_EQ(std::get<NipInfo>(r).sex, Sex::Male);
  EXPECT_EQ(std::get<NipInfo>(r).serial, 999);
}

TEST(Nip, RefusesEachKindOfBadNumber) {
  EXPECT_EQ(error_of(""), NipError::Empty);
  EXPECT_EQ(error_of("   \t "), NipError::Empty);
  EXPECT_EQ(error_of("19670325199703200"), NipError::Length);      // 17 digits
  EXPECT_EQ(error_of("1967032519970320021"), NipError::Length);    // 19 digits
  EXPECT_EQ(error_of("19670325.199703.2.002"), NipError::Length);  // dots are not removed
  EXPECT_EQ(error_of("19670325199703200X"), NipError::NotDigits);
  EXPECT_EQ(error_of("1967-3251997032002"), NipError::NotDigits);
  EXPECT_EQ(error_of("193912311997032002"), NipError::BirthDate);        // born before 1940
  EXPECT_EQ(error_of("196702301997032002"), NipError::BirthDate);        // 30 February
  EXPECT_EQ(error_of("196713011997032002"), NipError::BirthDate);        // month 13
  EXPECT_EQ(error_of("196703001997032002"), NipError::BirthDate);        // day 0
  EXPECT_EQ(error_of("194001011959122002"), NipError::AppointmentDate);  // before 1960
  EXPECT_EQ(error_of("196703251997002002"), NipError::AppointmentDate);  // month 00
  EXPECT_EQ(error_of("196703251997132002"), NipError::AppointmentDate);  // month 13
  EXPECT_EQ(error_of("196703251997033002"), NipError::Sex);
  EXPECT_EQ(error_of("196703251997030002"), NipError::Sex);
  EXPECT_EQ(error_of("196703251985022002"), NipError::AppointedTooYoung);  // 17 years 11 months
  EXPECT_EQ(error_of("196703251997032000"), NipError::Serial);
}

TEST(Nip, AcceptsAppointmentInTheMonthOfThe18thBirthday) {
  EXPECT_TRUE(std::holds_alternative<NipInfo>(decode_nip("196703251985032001")));
}

TEST(Nip, EveryErrorHasAStableCodeAndAnIndonesianMessage) {
  EXPECT_STREQ(code(NipError::Empty), "NIP_EMPTY");
  EXPECT_STREQ(code(NipError::Length), "NIP_LENGTH");
  EXPECT_STREQ(code(NipError::NotDigits), "NIP_NOT_DIGITS");
  EXPECT_STREQ(code(NipError::BirthDate), "NIP_BIRTH_DATE");
  EXPECT_STREQ(code(NipError::AppointmentDate), "NIP_APPOINTMENT_DATE");
  EXPECT_STREQ(code(NipError::Sex), "NIP_SEX");
  EXPECT_STREQ(code(NipError::AppointedTooYoung), "NIP_APPOINTED_TOO_YOUNG");
  EXPECT_STREQ(code(NipError::Serial), "NIP_SERIAL");
  EXPECT_STREQ(message(NipError::Length), "NIP harus 18 angka.");
  for (NipError e :
       {NipError::Empty, NipError::Length, NipError::NotDigits, NipError::BirthDate,
        NipError::AppointmentDate, NipError::Sex, NipError::AppointedTooYoung, NipError::Serial}) {
    const std::string m = message(e);
    EXPECT_NE(m.find("NIP"), std::string::npos) << m;
    EXPECT_EQ(m.back(), '.') << m;
  }
}

TEST(Nip, NormalizeRemovesOnlySpacesAndTabs) {
  EXPECT_EQ(normalize_nip(" 19670325 199703\t2 002 "), "196703251997032002");
  EXPECT_EQ(normalize_nip("1967.0325-x"), "1967.0325-x");
}

TEST(Nip, FormatsInTheGroupedForm) {
  EXPECT_EQ(format_nip("196703251997032002"), "19670325 199703 2 002");
  EXPECT_EQ(format_nip("19670325 199703 2 002"), "19670325 199703 2 002");
  EXPECT_EQ(format_nip("1967032519970320"), "1967032519970320");
  EXPECT_EQ(format_nip("19670325199703200X"), "19670325199703200X");
  EXPECT_EQ(format_nip(""), "");
}

TEST(Nip, MakeBuildsEighteenDigitsThatDecodeBack) {
  const std::string nip = make_nip(Date{1985, 7, 9}, 2010, 1, Sex::Male, 14);
  EXPECT_EQ(nip, "198507092010011014");
  auto r = decode_nip(nip);
  ASSERT_TRUE(std::holds_alternative<NipInfo>(r));
  const NipInfo& info = std::get<NipInfo>(r);
  EXPECT_EQ(info.birth_date, (Date{1985, 7, 9}));
  EXPECT_EQ(info.appointed_year, 2010);
  EXPECT_EQ(info.appointed_month, 1);
  EXPECT_EQ(info.sex, Sex::Male);
  EXPECT_EQ(info.serial, 14);
  EXPECT_EQ(make_nip(Date{1967, 3, 25}, 1997, 3, Sex::Female, 2), "196703251997032002");
  // Out-of-range fields keep the width: always 18 digits.
  EXPECT_EQ(make_nip(Date{1990, 1, 1}, 2015, 1, Sex::Female, 1234).size(), 18u);
  EXPECT_EQ(make_nip(Date{1990, 1, 1}, 2015, 1, Sex::Female, -1).size(), 18u);
}

}  // namespace
}  // namespace tatakerja::org
