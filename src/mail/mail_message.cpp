// Writing a message out for SMTP DATA.
#include "mail/mail_message.hpp"

#include <fmt/core.h>
#include <sodium.h>

#include <array>
#include <ctime>
#include <stdexcept>

#include "identity/model.hpp"

namespace tatakerja::mail {
namespace {

constexpr std::size_t kBase64Line = 76;
// Input bytes per encoded word: 45 bytes give 60 base64 characters, and with "=?UTF-8?B?" and
// "?=" 72, under RFC 2047's 75.
constexpr std::size_t kWordBytes = 45;

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

bool plain_ascii(std::string_view s) {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f) return false;
  }
  return true;
}

// Where a chunk of at most `max` bytes starting at `from` may end without splitting a UTF-8
// character (a continuation byte is 10xxxxxx).
std::size_t chunk_end(std::string_view s, std::size_t from, std::size_t max) {
  std::size_t end = std::min(s.size(), from + max);
  while (end > from + 1 && end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0U) == 0x80U)
    --end;
  return end;
}

std::string crlf_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (const char c : text) {
    if (c == '\r') continue;
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace

std::string rfc5322_date(std::int64_t unix_seconds) {
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                    "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000",
                     kDays[static_cast<std::size_t>(tm.tm_wday)], tm.tm_mday,
                     kMonths[static_cast<std::size_t>(tm.tm_mon)], tm.tm_year + 1900, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

std::string encoded_subject(std::string_view subject) {
  std::string one_line(subject);
  for (char& c : one_line) {
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
  }
  if (plain_ascii(one_line) && one_line.size() <= 900) return one_line;
  std::string out;
  for (std::size_t at = 0; at < one_line.size();) {
    const std::size_t end = chunk_end(one_line, at, kWordBytes);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(one_line).substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

std::string smtp_message(const work::EmailMessage& m, std::int64_t now_unix,
                         std::string_view message_id) {
  if (!identity::is_email_address(m.from) || !identity::is_email_address(m.to))
    throw std::invalid_argument("a message needs a sender and a recipient address");
  std::string out;
  out += "Date: " + rfc5322_date(now_unix) + "\r\n";
  out += "From: Tatakerja <" + m.from + ">\r\n";
  out += "To: <" + m.to + ">\r\n";
  out += "Subject: " + encoded_subject(m.subject) + "\r\n";
  out += "Message-ID: <" + std::string(message_id) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n";
  out += "\r\n";
  const std::string body = base64(crlf_lines(m.body));
  for (std::size_t at = 0; at < body.size(); at += kBase64Line) {
    out += body.substr(at, kBase64Line);
    out += "\r\n";
  }
  return out;
}

}  // namespace tatakerja::mail
