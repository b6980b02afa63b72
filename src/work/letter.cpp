#include "work/letter.hpp"

#include <array>

#include "core/text.hpp"

namespace tatakerja::work {
namespace {

constexpr std::size_t kMaxPatternBytes = 100;

PatternError refused(PatternError::Reason r, std::string message) {
  return PatternError{r, "Pola nomor surat tidak sah: " + std::move(message)};
}

bool allowed_literal(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7f && c != '{' && c != '}';
}

std::string two_digits(int n) {
  std::string s = std::to_string(n);
  return s.size() < 2 ? "0" + s : s;
}

}  // namespace

std::string_view to_string(LetterKind k) {
  return k == LetterKind::Tugas ? "surat_tugas" : "surat_perintah";
}

std::optional<LetterKind> letter_kind_from_string(std::string_view s) {
  if (s == "surat_tugas") return LetterKind::Tugas;
  if (s == "surat_perintah") return LetterKind::Perintah;
  return std::nullopt;
}

std::string_view letter_title(LetterKind k) {
  return k == LetterKind::Tugas ? "SURAT TUGAS" : "SURAT PERINTAH";
}

std::string_view to_string(LetterStatus s) {
  return s == LetterStatus::InForce ? "berlaku" : "dicabut";
}

std::optional<LetterStatus> letter_status_from_string(std::string_view s) {
  if (s == "berlaku") return LetterStatus::InForce;
  if (s == "dicabut") return LetterStatus::Revoked;
  return std::nullopt;
}

bool NumberPattern::uses_unit_code() const {
  for (const auto& s : segments) {
    if (s.part == Part::UnitCode) return true;
  }
  return false;
}

std::variant<NumberPattern, PatternError> parse_number_pattern(std::string_view pattern) {
  using R = PatternError::Reason;
  using Part = NumberPattern::Part;
  if (pattern.empty()) return refused(R::Empty, "pola kosong; contoh: 800.1.11.1/{seq}/{year}.");
  if (pattern.size() > kMaxPatternBytes) {
    return refused(R::TooLong, "paling banyak 100 karakter.");
  }
  NumberPattern out;
  std::array<int, 6> seen{};
  std::size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '}') {
      return refused(R::BadCharacter,
                     "tanda } pada posisi " + std::to_string(i + 1) + " tanpa pasangan {.");
    }
    if (c == '{') {
      const auto close = pattern.find('}', i + 1);
      if (close == std::string_view::npos) {
        return refused(R::UnclosedBrace,
                       "tanda { pada posisi " + std::to_string(i + 1) + " tidak ditutup.");
      }
      const std::string_view name = pattern.substr(i + 1, close - i - 1);
      Part part = Part::Text;
      if (name == "seq") {
        part = Part::Sequence;
      } else if (name == "unit_code") {
        part = Part::UnitCode;
      } else if (name == "year") {
        part = Part::Year;
      } else if (name == "month") {
        part = Part::Month;
      } else if (name == "month_roman") {
        part = Part::MonthRoman;
      } else {
        std::string shown;
        for (const char n : name.substr(0, 30)) shown += allowed_literal(n) ? n : '?';
        return refused(R::UnknownPlaceholder,
                       "penanda {" + shown +
                           "} tidak dikenal; yang dikenal: {seq}, {unit_code}, {year}, {month}, "
                           "{month_roman}.");
      }
      if (++seen[static_cast<std::size_t>(part)] > 1) {
        return refused(R::Repeated,
                       "penanda {" + std::string(name) + "} muncul lebih dari sekali.");
      }
      out.segments.push_back({part, {}});
      i = close + 1;
      continue;
    }
    if (!allowed_literal(c)) {
      return refused(R::BadCharacter,
                     "karakter pada posisi " + std::to_string(i + 1) +
                         " tidak diizinkan; gunakan huruf, angka dan tanda baca tanpa spasi.");
    }
    if (out.segments.empty() || out.segments.back().part != Part::Text) {
      out.segments.push_back({Part::Text, {}});
    }
    out.segments.back().text += c;
    ++i;
  }
  if (seen[static_cast<std::size_t>(Part::Sequence)] == 0) {
    return refused(R::MissingSequence, "penanda {seq} (nomor urut) wajib ada.");
  }
  if (seen[static_cast<std::size_t>(Part::Year)] == 0) {
    return refused(
        R::MissingYear,
        "penanda {year} (tahun) wajib ada, karena nomor urut dimulai lagi setiap tahun.");
  }
  return out;
}

bool valid_unit_code(std::string_view code) {
  if (code.empty() || code.size() > 30) return false;
  for (const char c : code) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string format_letter_number(const NumberPattern& p, std::int64_t sequence,
                                 std::string_view unit_code, const Date& date) {
  using Part = NumberPattern::Part;
  std::string out;
  for (const auto& s : p.segments) {
    switch (s.part) {
      case Part::Text:
        out += s.text;
        break;
      case Part::Sequence:
        out += std::to_string(sequence);
        break;
      case Part::UnitCode:
        out += unit_code;
        break;
      case Part::Year:
        out += std::to_string(date.year);
        break;
      case Part::Month:
        out += two_digits(date.month);
        break;
      case Part::MonthRoman:
        out += text::int_to_roman(date.month);
        break;
    }
  }
  return out;
}

std::string indonesian_date(const Date& d) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
      "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  const std::string_view month =
      d.month >= 1 && d.month <= 12 ? kMonths[static_cast<std::size_t>(d.month - 1)] : "";
  return std::to_string(d.day) + " " + std::string(month) + " " + std::to_string(d.year);
}

std::string verification_url(std::string_view base, std::string_view token) {
  std::string out(base);
  while (!out.empty() && out.back() == '/') out.pop_back();
  out += "/verifikasi/";
  out += token;
  return out;
}

bool valid_token_shape(std::string_view token) {
  if (token.size() != 43) return false;
  for (const char c : token) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace tatakerja::work
