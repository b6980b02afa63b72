#include "regulation/heading_fields.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace tatakerja::regulation {
namespace {

std::string region_name(std::string_view s) {
  std::string r = text::collapse_spaces(s);
  while (!r.empty() && (r.back() == ',' || r.back() == '.' || r.back() == ':')) r.pop_back();
  return text::title_case(r);
}

// A decree's number ends with its year: "800.1.11/015/BAPENDA/2024" -> 2024.
std::optional<int> year_ending(std::string_view number) {
  const std::size_t slash = number.rfind('/');
  if (slash == std::string_view::npos || number.size() - slash != 5) return std::nullopt;
  const std::string_view tail = number.substr(slash + 1);
  for (const char c : tail)
    if (!text::is_digit(c)) return std::nullopt;
  const std::optional<int> year = text::parse_int(tail);
  if (!year || *year < 1945 || *year > 2100) return std::nullopt;
  return year;
}

// A digit as a scan may print it: "l", "I" or "|" for 1, "O" or "o" for 0, "$" or "S" for 5.
std::optional<char> scanned_digit(char c) {
  if (text::is_digit(c)) return c;
  switch (c) {
    case 'l':
    case 'I':
    case '|':
      return '1';
    case 'O':
    case 'o':
      return '0';
    case '$':
    case 'S':
      return '5';
    default:
      return std::nullopt;
  }
}

// A short number or a year with a scan's slips ("$1", "l2", "2O21"), read as digits when at least
// one of its characters is a digit; anything else is left as written.
std::string scanned_number(std::string_view n) {
  if (n.empty() || n.size() > 4 || std::none_of(n.begin(), n.end(), text::is_digit))
    return std::string(n);
  std::string out;
  for (const char c : n) {
    const auto d = scanned_digit(c);
    if (!d) return std::string(n);
    out.push_back(*d);
  }
  return out;
}

}  // namespace

std::optional<KindAndRegion> read_kind_line(std::string_view raw) {
  const std::string line = text::collapse_spaces(raw);
  struct Form {
    std::string_view prefix;
    std::string_view kind;
    std::string_view region_level;
  };
  static constexpr std::array<Form, 14> kForms = {{
      {"PERATURAN GUBERNUR ", "Peraturan Gubernur", "Provinsi"},
      {"PERATURAN BUPATI ", "Peraturan Bupati", "Kabupaten"},
      {"PERATURAN WALI KOTA ", "Peraturan Wali Kota", "Kota"},
      {"PERATURAN WALIKOTA ", "Peraturan Wali Kota", "Kota"},
      {"PERATURAN DAERAH PROVINSI ", "Peraturan Daerah", "Provinsi"},
      {"PERATURAN DAERAH KABUPATEN ", "Peraturan Daerah", "Kabupaten"},
      {"PERATURAN DAERAH KOTA ", "Peraturan Daerah", "Kota"},
      {"KEPUTUSAN GUBERNUR ", "Keputusan Gubernur", "Provinsi"},
      {"KEPUTUSAN BUPATI ", "Keputusan Bupati", "Kabupaten"},
      {"KEPUTUSAN WALI KOTA ", "Keputusan Wali Kota", "Kota"},
      {"KEPUTUSAN WALIKOTA ", "Keputusan Wali Kota", "Kota"},
      {"INSTRUKSI GUBERNUR ", "Instruksi Gubernur", "Provinsi"},
      {"INSTRUKSI BUPATI ", "Instruksi Bupati", "Kabupaten"},
      {"INSTRUKSI WALI KOTA ", "Instruksi Wali Kota", "Kota"},
  }};
  for (const auto& f : kForms) {
    if (!text::istarts_with(line, f.prefix)) continue;
    std::string name(text::trim(std::string_view(line).substr(f.prefix.size())));
    // The heading may continue with "NOMOR ..." on the same line.
    if (auto p = text::ifind_word(name, "NOMOR"); p != std::string::npos) name.resize(p);
    KindAndRegion k{std::string(f.kind), {}, {}};
    name = std::string(text::trim(name));
    if (!name.empty()) k.region = std::string(f.region_level) + " " + region_name(name);
    return k;
  }
  // Decrees of an agency head: "KEPUTUSAN KEPALA BADAN PENGELOLA PERBATASAN DAERAH KAPUAS HULU",
  // "KEPUTUSAN SEKRETARIS DAERAH ...".
  if (text::istarts_with(line, "KEPUTUSAN ")) {
    std::string who(text::trim(std::string_view(line).substr(10)));
    if (auto p = text::ifind_word(who, "NOMOR"); p != std::string::npos) who.resize(p);
    who = std::string(text::trim(who));
    if (who.empty()) return std::nullopt;
    auto words = text::split(who, ' ');
    KindAndRegion k;
    if (words.size() >= 2 && text::iequals(words[0], "KEPALA"))
      k.kind = "Keputusan Kepala " + text::title_case(words[1]);
    else if (words.size() >= 2 && text::iequals(words[0], "SEKRETARIS"))
      k.kind = "Keputusan Sekretaris " + text::title_case(words[1]);
    else
      k.kind = "Keputusan " + text::title_case(words[0]);
    k.issuer = text::title_case(who);
    k.region = find_region(who);
    return k;
  }
  return std::nullopt;
}

std::optional<NumberAndYear> read_number_line(std::string_view raw) {
  const std::string line = text::collapse_spaces(raw);
  if (!text::istarts_with(line, "NOMOR")) return std::nullopt;
  std::string_view rest = std::string_view(line).substr(5);
  rest = text::trim(rest);
  if (!rest.empty() && rest[0] == ':') rest = text::trim(rest.substr(1));
  NumberAndYear out;
  // A heading written on one line goes on with its title: "NOMOR : 470/018/I/2024 TENTANG ...".
  const std::size_t tentang = text::ifind_word(rest, "TENTANG");
  if (tentang != std::string_view::npos) {
    out.rest = std::string(rest.substr(tentang));
    rest = text::trim(rest.substr(0, tentang));
  }
  std::size_t tahun = text::ifind_word(rest, "TAHUN");
  std::string_view number = tahun == std::string_view::npos ? rest : rest.substr(0, tahun);
  out.raw = std::string(text::trim(number));
  std::string n;
  for (char c : number)
    if (c != ' ') n.push_back(c);
  while (!n.empty() && (n.back() == '/' || n.back() == '.' || n.back() == ',')) n.pop_back();
  while (!n.empty() && n.front() == '/') n.erase(n.begin());
  n = scanned_number(n);
  bool digit = false;
  for (char c : n) digit = digit || text::is_digit(c);
  out.number = digit ? n : std::string();
  if (tahun != std::string_view::npos) {
    std::string_view after = text::trim(rest.substr(tahun + 5));
    std::size_t i = 0;
    while (i < after.size() && scanned_digit(after[i])) ++i;
    if (i == 4) out.year = text::parse_int(scanned_number(after.substr(0, 4)));
    if (tentang == std::string_view::npos) out.rest = std::string(text::trim(after.substr(i)));
  }
  if (!out.year) out.year = year_ending(out.number);
  return out;
}

std::string find_region(std::string_view t) {
  for (std::string_view level : {"PROVINSI", "KABUPATEN", "KOTA"}) {
    for (std::size_t p = text::ifind_word(t, level); p != std::string_view::npos;
         p = text::ifind_word(t, level, p + 1)) {
      // "Kota" inside "WALI KOTA" is not a region.
      if (level == "KOTA" && p >= 5 && text::iequals(t.substr(p - 5, 4), "WALI")) continue;
      std::string_view after = text::trim(t.substr(p + level.size()));
      std::string name;
      for (auto w : text::split(after, ' ')) {
        if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) break;
        if (text::iequals(w, "NOMOR") || text::iequals(w, "TAHUN") || text::iequals(w, "TENTANG"))
          break;
        if (!name.empty()) name.push_back(' ');
        name += w;
        if (w.back() == ',' || w.back() == '.' || w.back() == ';') break;
      }
      if (!name.empty()) return text::title_case(level) + " " + region_name(name);
    }
  }
  return {};
}

}  // namespace tatakerja::regulation
