// The rules a new password must meet (password_rules.hpp).
#include "app/password_rules.hpp"

#include <array>
#include <set>

#include "core/error.hpp"

namespace tatakerja::app {
namespace {

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (const unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_digit_or_symbol(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80) return false;
  const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return !letter;
}

// The password without the digits and ASCII symbols before and after its first and last letter.
std::string_view core_word(std::string_view p) {
  while (!p.empty() && is_digit_or_symbol(p.front())) p.remove_prefix(1);
  while (!p.empty() && is_digit_or_symbol(p.back())) p.remove_suffix(1);
  return p;
}

// Whether `p` is a shorter group repeated ("abcabcabc", "aaaa").
bool is_repetition(std::string_view p) {
  for (std::size_t unit = 1; unit <= p.size() / 2; ++unit) {
    if (p.size() % unit != 0) continue;
    bool same = true;
    for (std::size_t i = unit; i < p.size() && same; ++i) same = p[i] == p[i - unit];
    if (same) return true;
  }
  return false;
}

// Runs people type: the alphabet, the digits (round past 9), the keyboard's rows and columns and
// the symbols over the digits. A password inside one of them, forwards or backwards, is refused.
constexpr std::array<std::string_view, 9> kRuns = {
    "abcdefghijklmnopqrstuvwxyz",
    "012345678901234567890",
    "qwertyuiopasdfghjklzxcvbnm",
    "qwertyuiop[]",
    "asdfghjkl;'",
    "zxcvbnm,./",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "!@#$%^&*()_+",
    "`1234567890-=",
};

bool is_run(std::string_view p) {
  const std::string reversed(p.rbegin(), p.rend());
  for (const auto run : kRuns) {
    if (run.find(p) != std::string_view::npos || run.find(reversed) != std::string_view::npos)
      return true;
  }
  return false;
}

// What is left of `p` when every occurrence of `name` is taken out.
std::string without(std::string_view p, std::string_view name) {
  std::string out;
  std::size_t i = 0;
  while (i < p.size()) {
    if (p.substr(i).starts_with(name)) {
      i += name.size();
    } else {
      out += p[i++];
    }
  }
  return out;
}

}  // namespace

void check_password(std::string_view password, std::string_view username,
                    const std::string& field) {
  const std::size_t length = utf8_length(password);
  if (length < kMinPasswordLength)
    fail(ErrorCode::PasswordTooShort, field,
         "Kata sandi terlalu pendek: paling sedikit " + std::to_string(kMinPasswordLength) +
             " karakter. Kalimat pendek yang mudah Anda ingat adalah pilihan yang baik.");
  if (length > kMaxPasswordLength)
    fail(ErrorCode::PasswordTooLong, field,
         "Kata sandi terlalu panjang: paling banyak " + std::to_string(kMaxPasswordLength) +
             " karakter.");
  const std::string p = ascii_lower(password);
  if (is_common_password(p) || is_common_password(core_word(p)))
    fail(ErrorCode::PasswordTooCommon, field,
         "Kata sandi ini termasuk yang paling sering dipakai dan mudah ditebak; pilih kata sandi "
         "lain.");
  const std::set<char> distinct(p.begin(), p.end());
  if (distinct.size() < 3 || is_repetition(p))
    fail(ErrorCode::PasswordTooCommon, field,
         "Kata sandi ini hanya mengulang karakter yang sama (seperti aaaaaaaaaa); pilih kata sandi "
         "lain.");
  if (is_run(p))
    fail(ErrorCode::PasswordTooCommon, field,
         "Kata sandi ini hanya urutan huruf, angka atau tombol papan ketik (seperti 1234567890 "
         "atau qwertyuiop); pilih kata sandi lain.");
  for (const std::string& name : {ascii_lower(username), std::string("tatakerja")}) {
    if (name.size() < 3 || p.find(name) == std::string::npos) continue;
    if (utf8_length(without(p, name)) < kMinPasswordLength)
      fail(ErrorCode::PasswordContainsName, field,
           "Kata sandi terlalu mirip dengan nama pengguna atau nama aplikasi; tanpa nama itu harus "
           "tersisa paling sedikit " +
               std::to_string(kMinPasswordLength) + " karakter.");
  }
}

}  // namespace tatakerja::app
