#include "core/eselon.hpp"

#include "core/text.hpp"

namespace tatakerja {

std::optional<std::string> normalize_eselon(std::string_view input) {
  std::string s = text::to_upper(text::trim(input));
  if (text::istarts_with(s, "ESELON")) s = std::string(text::trim(std::string_view(s).substr(6)));
  // OCR reads the strokes of a roman numeral as l, 1, | or ! ("Ilb", "lllb", "!Va"); no grade
  // (I to V) has an L, so they are read back as I.
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == 'L' || s[i] == '1' || s[i] == '|' || s[i] == '!') s[i] = 'I';
    if (s[i] != 'I' && s[i] != 'V') break;
  }
  const std::string roman = s.substr(0, i);
  auto grade = text::roman_to_int(roman);
  if (!grade || *grade > 5) return std::nullopt;
  std::size_t j = i;
  while (j < s.size() && (s[j] == '.' || s[j] == '-' || s[j] == '/' || s[j] == ' ')) ++j;
  if (j >= s.size()) return std::nullopt;
  const char sub = s[j];
  if (sub != 'A' && sub != 'B') return std::nullopt;
  if (j + 1 < s.size() && text::is_alnum(s[j + 1])) return std::nullopt;
  std::string out = roman;
  out += '.';
  out += static_cast<char>(sub - 'A' + 'a');
  return out;
}

std::optional<std::string> find_eselon(std::string_view t) {
  for (std::size_t p = text::ifind_word(t, "eselon"); p != std::string_view::npos;
       p = text::ifind_word(t, "eselon", p + 1)) {
    std::string_view rest = t.substr(p + 6);
    rest = text::trim(rest);
    std::size_t n = 0;
    while (n < rest.size() && n < 8 && rest[n] != ';' && rest[n] != ',' && rest[n] != ' ') ++n;
    std::string candidate(rest.substr(0, n));
    while (!candidate.empty() && candidate.back() == '.') candidate.pop_back();
    if (auto e = normalize_eselon(candidate)) return e;
  }
  return std::nullopt;
}

std::optional<Eselon> Eselon::parse(std::string_view text) {
  const auto normalized = normalize_eselon(text);
  if (!normalized) return std::nullopt;
  return of(eselon_grade(*normalized), normalized->back());
}

std::optional<Eselon> Eselon::of(int grade, char sub_grade) {
  if (grade < 1 || grade > 5 || (sub_grade != 'a' && sub_grade != 'b')) return std::nullopt;
  return Eselon(grade, sub_grade);
}

std::string Eselon::str() const {
  return text::int_to_roman(grade_) + "." + sub_;
}

std::string to_string(const std::optional<Eselon>& e) {
  return e ? e->str() : std::string();
}

int eselon_grade(std::string_view normalized) {
  const auto dot = normalized.find('.');
  auto g = text::roman_to_int(normalized.substr(0, dot));
  return g ? *g : 0;
}

}  // namespace tatakerja
