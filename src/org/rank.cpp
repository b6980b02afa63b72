// PNS ranks, PPPK grades and the eselon rank ranges (see rank.hpp).
#include "org/rank.hpp"

#include <array>

#include "core/eselon.hpp"
#include "core/text.hpp"

namespace tatakerja::org {
namespace {

constexpr int kPppkGrades = 17;  // PPPK golongan I..XVII (Perpres 98/2020)

// Golongan/ruang and pangkat, lowest first (PP 99/2000 Lampiran I).
const std::vector<Rank>& rank_table() {
  static const std::vector<Rank> ranks = [] {
    const std::array<std::pair<const char*, const char*>, 17> rows{{
        {"I/a", "Juru Muda"},
        {"I/b", "Juru Muda Tingkat I"},
        {"I/c", "Juru"},
        {"I/d", "Juru Tingkat I"},
        {"II/a", "Pengatur Muda"},
        {"II/b", "Pengatur Muda Tingkat I"},
        {"II/c", "Pengatur"},
        {"II/d", "Pengatur Tingkat I"},
        {"III/a", "Penata Muda"},
        {"III/b", "Penata Muda Tingkat I"},
        {"III/c", "Penata"},
        {"III/d", "Penata Tingkat I"},
        {"IV/a", "Pembina"},
        {"IV/b", "Pembina Tingkat I"},
        {"IV/c", "Pembina Utama Muda"},
        {"IV/d", "Pembina Utama Madya"},
        {"IV/e", "Pembina Utama"},
    }};
    std::vector<Rank> out;
    out.reserve(rows.size());
    int order = 0;
    for (const auto& [code, name] : rows) out.push_back(Rank{code, name, ++order});
    return out;
  }();
  return ranks;
}

// Eselon rank ranges, PP 13/2002 Lampiran (replacing the Lampiran of PP 100/2000).
struct EselonRange {
  const char* eselon;
  const char* lowest;
  const char* highest;
};
constexpr std::array<EselonRange, 9> kEselonRanges{{
    {"I.a", "IV/d", "IV/e"},
    {"I.b", "IV/c", "IV/e"},
    {"II.a", "IV/c", "IV/d"},
    {"II.b", "IV/b", "IV/c"},
    {"III.a", "IV/a", "IV/b"},
    {"III.b", "III/d", "IV/a"},
    {"IV.a", "III/c", "III/d"},
    {"IV.b", "III/b", "III/c"},
    {"V.a", "III/a", "III/b"},
}};

bool is_separator(char c) {
  return c == ' ' || c == '\t' || c == '/' || c == '-' || c == '.';
}

}  // namespace

const std::vector<Rank>& pns_ranks() {
  return rank_table();
}

namespace {

// The rank of a code written loosely ("IV/c", "IV - c", "ivc"), nullopt when it is none.
std::optional<Rank> rank_of_code(std::string_view input) {
  std::string compact;
  for (char c : input)
    if (!is_separator(c)) compact += c;
  compact = text::to_upper(compact);
  if (compact.size() < 2) return std::nullopt;
  const std::string roman = compact.substr(0, compact.size() - 1);
  const char letter = compact.back();
  if (letter < 'A' || letter > 'E') return std::nullopt;
  const std::string code = roman + '/' + static_cast<char>(letter - 'A' + 'a');
  for (const Rank& r : rank_table())
    if (r.code == code) return r;
  return std::nullopt;
}

// The rank of a name and a code written together, as personnel exports do: "Penata Muda (III/a)",
// "Penata Muda, III/a", "III/a - Penata Muda". The code is the last or the first word (with its
// separators); what remains, without brackets and commas, must be that rank's name or nothing.
std::optional<Rank> rank_of_name_and_code(std::string_view input) {
  std::string plain;
  for (char c : input)
    plain += (c == '(' || c == ')' || c == ',' || c == '[' || c == ']') ? ' ' : c;
  const std::string collapsed = text::collapse_spaces(plain);
  auto name_matches = [](std::string_view rest, const Rank& r) {
    std::string_view n = text::trim(rest);
    while (!n.empty() && (n.front() == '-' || n.front() == '/')) n = text::trim(n.substr(1));
    while (!n.empty() && (n.back() == '-' || n.back() == '/'))
      n = text::trim(n.substr(0, n.size() - 1));
    return n.empty() || text::iequals(n, r.name);
  };
  if (auto r = rank_of_code(collapsed)) return r;  // "(III/a)"
  // The code as the last word ("Penata Muda III/a") or the first ("III/a Penata Muda").
  if (const auto space = collapsed.rfind(' '); space != std::string::npos) {
    if (auto r = rank_of_code(collapsed.substr(space + 1));
        r && name_matches(std::string_view(collapsed).substr(0, space), *r))
      return r;
  }
  if (const auto space = collapsed.find(' '); space != std::string::npos) {
    if (auto r = rank_of_code(collapsed.substr(0, space));
        r && name_matches(std::string_view(collapsed).substr(space + 1), *r))
      return r;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Rank> pns_rank(std::string_view input) {
  const std::string_view trimmed = text::trim(input);
  if (trimmed.empty()) return std::nullopt;
  // The name, as written in decrees ("Pembina Utama Muda").
  const std::string collapsed = text::collapse_spaces(trimmed);
  for (const Rank& r : rank_table())
    if (text::iequals(collapsed, r.name)) return r;
  // The code: Roman numeral I..IV, optional separators, one letter a..e.
  if (auto r = rank_of_code(trimmed)) return r;
  return rank_of_name_and_code(trimmed);
}

std::optional<std::string> normalize_rank(std::string_view input, EmployeeKind kind) {
  if (kind == EmployeeKind::Pns) {
    auto r = pns_rank(input);
    if (!r) return std::nullopt;
    return r->code;
  }
  std::string_view s = text::trim(input);
  if (text::istarts_with(s, "golongan")) s = text::trim(s.substr(8));
  if (s.empty()) return std::nullopt;
  std::optional<int> grade;
  if (text::is_digit(s.front()))
    grade = text::parse_int(s);
  else
    grade = text::roman_to_int(s);
  if (!grade || *grade < 1 || *grade > kPppkGrades) return std::nullopt;
  return text::int_to_roman(*grade);
}

std::optional<RankRange> rank_range_for_eselon(std::string_view eselon) {
  const auto normalized = normalize_eselon(eselon);
  if (!normalized) return std::nullopt;
  for (const EselonRange& e : kEselonRanges)
    if (*normalized == e.eselon) return RankRange{e.lowest, e.highest};
  return std::nullopt;
}

bool rank_fits_eselon(std::string_view rank, std::string_view eselon) {
  const auto range = rank_range_for_eselon(eselon);
  if (!range) return true;
  const auto r = pns_rank(rank);
  if (!r) return false;
  const auto lowest = pns_rank(range->lowest);
  const auto highest = pns_rank(range->highest);
  return lowest && highest && r->order >= lowest->order && r->order <= highest->order;
}

}  // namespace tatakerja::org
