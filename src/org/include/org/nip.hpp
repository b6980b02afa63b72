// NIP (Nomor Induk Pegawai), the 18-digit number of a civil servant: birth date yyyymmdd,
// appointment (TMT CPNS/PPPK) yyyymm, sex digit (1 laki-laki, 2 perempuan) and a 3-digit serial,
// e.g. "19670325 199703 2 002" (001). This file decodes, checks, formats and builds NIPs. Pure: no
// I/O, no clock, nothing throws.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "core/date.hpp"
#include "org/model.hpp"

namespace tatakerja::org {

// What an NIP says about its holder.
struct NipInfo {
  Date birth_date;
  int appointed_year = 0;
  int appointed_month = 0;
  Sex sex = Sex::Male;
  int serial = 0;  // 1..999
};

// Why an NIP was refused, one reason per field (checked in the order of the fields in the number).
enum class NipError {
  Empty,              // nothing but spaces
  Length,             // not 18 characters once spaces are removed
  NotDigits,          // 18 characters, but not all of them digits
  BirthDate,          // digits 1-8 are not a calendar date with year >= 1940
  AppointmentDate,    // digits 9-14: month not 1..12 or year before 1960
  Sex,                // digit 15 is not 1 or 2
  AppointedTooYoung,  // appointment month before the month the holder turns 18
  Serial,             // digits 16-18 are 000
};

// An Indonesian sentence for people ("NIP harus 18 angka."); never null.
const char* message(NipError e);
// A stable code for programs and logs ("NIP_EMPTY", "NIP_LENGTH", ...); never null.
const char* code(NipError e);

// Removes spaces and tabs (the grouped form "19670325 199703 2 002"); any other character,
// including other punctuation, is kept so that decode_nip can refuse it.
std::string normalize_nip(std::string_view input);

// Decodes an NIP, spaced or not. Rules: 18 digits; digits 1-8 a valid calendar date with year >=
// 1940; digits 9-14 an appointment with month 1..12 and year >= 1960, not before the month the
// holder turns 18 (compared by month: the TMT is a month); digit 15 is 1 or 2; the serial is
// 001..999. Never throws.
std::variant<NipInfo, NipError> decode_nip(std::string_view input);

// The grouped form people read: "196703251997032002" -> "19670325 199703 2 002". Accepts input
// that is already spaced; returns the input unchanged when it is not 18 digits once spaces are
// removed.
std::string format_nip(std::string_view input);

// Builds the 18 digits of an NIP (for the demo generator). Each field is written with its fixed
// width (year 4, month 2, day 2, sex 1, serial 3); a value that does not fit is reduced modulo
// its width, so the result is always 18 digits. Whether it decodes is the caller's business:
// pass valid fields to get a valid NIP.
std::string make_nip(const Date& birth, int appointed_year, int appointed_month, Sex sex,
                     int serial);

}  // namespace tatakerja::org
