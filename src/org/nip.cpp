// Decoding, checking and formatting of NIP (see nip.hpp for the layout of the number).
#include "org/nip.hpp"

#include "core/text.hpp"

namespace tatakerja::org {
namespace {

constexpr std::size_t kNipLength = 18;
constexpr int kEarliestBirthYear = 1940;
constexpr int kEarliestAppointmentYear = 1960;
constexpr int kMinimumAge = 18;  // a CPNS is appointed at 18 at the youngest

// Value of the digits s[from, from + n); the caller has checked that they are digits.
int digits_value(std::string_view s, std::size_t from, std::size_t n) {
  int v = 0;
  for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (!text::is_digit(c)) return false;
  return !s.empty();
}

// Appends `value` reduced modulo 10^width, zero-padded to `width` digits.
void append_fixed(std::string& out, int value, int width) {
  int modulus = 1;
  for (int i = 0; i < width; ++i) modulus *= 10;
  int v = value % modulus;
  if (v < 0) v += modulus;
  std::string digits(static_cast<std::size_t>(width), '0');
  for (int i = width - 1; i >= 0 && v > 0; --i) {
    digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  out += digits;
}

}  // namespace

const char* message(NipError e) {
  switch (e) {
    case NipError::Empty:
      return "NIP belum diisi.";
    case NipError::Length:
      return "NIP harus 18 angka.";
    case NipError::NotDigits:
      return "NIP hanya boleh berisi angka (spasi boleh dipakai sebagai pemisah).";
    case NipError::BirthDate:
      return "Delapan angka pertama NIP harus tanggal lahir yang sah (tahun, bulan, tanggal; "
             "tahun 1940 atau sesudahnya).";
    case NipError::AppointmentDate:
      return "Angka ke-9 sampai ke-14 NIP harus tahun dan bulan pengangkatan yang sah (bulan 01 "
             "sampai 12, tahun 1960 atau sesudahnya).";
    case NipError::Sex:
      return "Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).";
    case NipError::AppointedTooYoung:
      return "Menurut NIP, pegawai diangkat sebelum berusia 18 tahun; periksa tanggal lahir dan "
             "tanggal pengangkatan.";
    case NipError::Serial:
      return "Tiga angka terakhir NIP (nomor urut) harus 001 sampai 999.";
  }
  return "NIP tidak sah.";
}

const char* code(NipError e) {
  switch (e) {
    case NipError::Empty:
      return "NIP_EMPTY";
    case NipError::Length:
      return "NIP_LENGTH";
    case NipError::NotDigits:
      return "NIP_NOT_DIGITS";
    case NipError::BirthDate:
      return "NIP_BIRTH_DATE";
    case NipError::AppointmentDate:
      return "NIP_APPOINTMENT_DATE";
    case NipError::Sex:
      return "NIP_SEX";
    case NipError::AppointedTooYoung:
      return "NIP_APPOINTED_TOO_YOUNG";
    case NipError::Serial:
      return "NIP_SERIAL";
  }
  return "NIP_INVALID";
}

std::string normalize_nip(std::string_view input) {
  std::string out;
  out.reserve(input.size());
  for (char c : input)
    if (c != ' ' && c != '\t') out += c;
  return out;
}

std::variant<NipInfo, NipError> decode_nip(std::string_view input) {
  const std::string s = normalize_nip(input);
  if (s.empty()) return NipError::Empty;
  if (s.size() != kNipLength) return NipError::Length;
  if (!all_digits(s)) return NipError::NotDigits;

  NipInfo info;
  info.birth_date = Date{digits_value(s, 0, 4), digits_value(s, 4, 2), digits_value(s, 6, 2)};
  if (info.birth_date.year < kEarliestBirthYear ||
      !is_valid_date(info.birth_date.year, info.birth_date.month, info.birth_date.day))
    return NipError::BirthDate;

  info.appointed_year = digits_value(s, 8, 4);
  info.appointed_month = digits_value(s, 12, 2);
  if (info.appointed_year < kEarliestAppointmentYear || info.appointed_month < 1 ||
      info.appointed_month > 12)
    return NipError::AppointmentDate;

  // The TMT is a month: appointed in the month of the 18th birthday is accepted.
  const int appointed = info.appointed_year * 12 + info.appointed_month;
  const int turns_18 = (info.birth_date.year + kMinimumAge) * 12 + info.birth_date.month;
  if (appointed < turns_18) return NipError::AppointedTooYoung;

  if (s[14] == '1')
    info.sex = Sex::Male;
  else if (s[14] == '2')
    info.sex = Sex::Female;
  else
    return NipError::Sex;

  info.serial = digits_value(s, 15, 3);
  if (info.serial == 0) return NipError::Serial;
  return info;
}

std::string format_nip(std::string_view input) {
  const std::string s = normalize_nip(input);
  if (s.size() != kNipLength || !all_digits(s)) return std::string(input);
  std::string out;
  out.reserve(kNipLength + 3);
  out.append(s, 0, 8);
  out += ' ';
  out.append(s, 8, 6);
  out += ' ';
  out += s[14];
  out += ' ';
  out.append(s, 15, 3);
  return out;
}

std::string make_nip(const Date& birth, int appointed_year, int appointed_month, Sex sex,
                     int serial) {
  std::string out;
  out.reserve(kNipLength);
  append_fixed(out, birth.year, 4);
  append_fixed(out, birth.month, 2);
  append_fixed(out, birth.day, 2);
  append_fixed(out, appointed_year, 4);
  append_fixed(out, appointed_month, 2);
  append_fixed(out, static_cast<int>(sex), 1);
  append_fixed(out, serial, 3);
  return out;
}

}  // namespace tatakerja::org
