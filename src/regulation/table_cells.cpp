// Wrapped and merged cells of IKI tables flattened into lines. A row's lines are cut into its
// columns in order, where the columns' kinds of phrase start and no sentence runs on: one pass
// over the lines per column (a row has a few lines, a table a few columns).
#include "regulation/table_cells.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "core/text.hpp"

namespace tatakerja::regulation {
namespace {

std::string_view first_word(std::string_view s) {
  s = text::trim(s);
  return s.substr(0, std::min(s.find(' '), s.size()));
}

std::string_view last_word(std::string_view s) {
  s = text::trim(s);
  const std::size_t space = s.rfind(' ');
  return space == std::string_view::npos ? s : s.substr(space + 1);
}

// The word lowercased, without the punctuation around it: "(Jumlah" -> "jumlah", "Kota," -> "kota".
std::string bare(std::string_view w) {
  while (!w.empty() && (w.front() == '(' || w.front() == '"')) w.remove_prefix(1);
  while (!w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ';' || w.back() == ':' ||
                        w.back() == ')' || w.back() == '"'))
    w.remove_suffix(1);
  return text::to_lower(w);
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Words a cell cannot end with: conjunctions, prepositions, the operators of a formula in words,
// and the levels of region that a name follows.
bool needs_next(std::string_view w) {
  return one_of(w,
                {"dan",     "atau",      "dan/atau", "yang",     "oleh",   "dengan",    "dibagi",
                 "dikali",  "dikalikan", "kali",     "di",       "ke",     "dari",      "pada",
                 "untuk",   "dalam",     "serta",    "terhadap", "bagi",   "per",       "atas",
                 "sebagai", "antara",    "tentang",  "sesuai",   "secara", "melalui",   "kepada",
                 "jumlah",  "setiap",    "tiap",     "para",     "kota",   "kabupaten", "provinsi",
                 "x",       "-",         "+",        "/"}) ||
         w == "\xC3\x97";  // ×
}

// Words a formula cell starts with ("jumlah ...", "kategori hasil ...", "∑ ...", "$\frac").
bool opens_formula(std::string_view line) {
  const std::string_view t = text::trim(line);
  if (t.empty()) return false;
  if (t[0] == '(' || t[0] == '$' || t[0] == '\\') return true;
  if (t.substr(0, 3) == "\xE2\x88\x91" || t.substr(0, 2) == "\xCE\xA3") return true;  // ∑, Σ
  return one_of(bare(first_word(t)), {"jumlah", "kategori", "nilai", "predikat", "hasil",
                                      "realisasi", "target", "total", "rata-rata", "skor"});
}

// Words an indicator starts with ("Persentase ...", "Indeks ...", "Tersedianya ...").
bool opens_indikator(std::string_view line) {
  const std::string w = bare(first_word(line));
  return one_of(w, {"persentase", "presentase", "prosentase", "jumlah", "nilai", "indeks",
                    "tingkat", "rasio", "angka", "rata-rata", "cakupan", "capaian", "predikat",
                    "ketersediaan", "kategori", "produktivitas", "proporsi", "opini", "skor"});
}

// A target is written as what comes about: "Meningkatnya ...", "Tersedianya ...", "Peningkatan".
bool opens_sasaran(std::string_view line) {
  const std::string w = bare(first_word(line));
  return (w.size() >= 6 && w.compare(w.size() - 3, 3, "nya") == 0) ||
         one_of(w, {"peningkatan", "penurunan", "terwujud", "tercapai"});
}

int opening_weight(IkiColumn c, std::string_view line) {
  switch (c) {
    case IkiColumn::Sasaran:
      return opens_sasaran(line) ? 2 : 0;
    case IkiColumn::Indikator:
      return opens_indikator(line) ? 2 : opens_sasaran(line) ? 1 : 0;  // "Tersedianya data ..."
    case IkiColumn::Formula:
      return opens_formula(line) ? 2 : 0;
    case IkiColumn::Number:
    case IkiColumn::SumberData:
    case IkiColumn::Other:
      break;
  }
  return 0;
}

bool is_lower_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || text::is_digit(c);
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// "Pengembangan", "Kota": a capitalised word that is not an acronym ("BKN", "SAKIP").
bool is_capitalised_word(std::string_view w) {
  return !w.empty() && is_upper(w[0]) &&
         std::any_of(w.begin() + 1, w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

constexpr int kNone = std::numeric_limits<int>::min() / 2;

std::string joined(const std::vector<std::string>& lines, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out.push_back(' ');
    out += text::trim(lines[i]);
  }
  return out;
}

// No cutting fits (fewer lines than columns): the lines as they come, the leading cells blank.
std::vector<std::string> padded(const std::vector<std::string>& lines, std::size_t columns) {
  std::vector<std::string> cells(columns);
  const std::size_t blank = columns > lines.size() ? columns - lines.size() : 0;
  for (std::size_t i = 0; i < lines.size() && blank + i < columns; ++i)
    cells[blank + i] = std::string(text::trim(lines[i]));
  return cells;
}

}  // namespace

IkiColumn iki_column_of(std::string_view heading) {
  // Single-spaced, then lowered in place: one string made, not two.
  std::string k = text::collapse_spaces(heading);
  for (char& c : k) c = text::detail::ascii_lower(c);
  if (one_of(k, {"no", "no.", "nomor", "no urut", "nomor urut"})) return IkiColumn::Number;
  if (k.find("sasaran") != std::string::npos || k == "kinerja" || k == "kinerja utama")
    return IkiColumn::Sasaran;
  if (k.find("indikator") != std::string::npos) return IkiColumn::Indikator;
  if (k.find("formula") != std::string::npos || k.find("rumus") != std::string::npos ||
      k.find("cara perhitungan") != std::string::npos)
    return IkiColumn::Formula;
  if (k.find("sumber") != std::string::npos) return IkiColumn::SumberData;
  return IkiColumn::Other;
}

int continuation_weight(std::string_view a, std::string_view b) {
  a = text::trim(a);
  b = text::trim(b);
  if (a.empty() || b.empty()) return 0;
  int weight = 0;
  const char end = a.back();
  if (end == ',' || end == '-' || end == '/' || end == '(' || end == '+' ||
      needs_next(bare(last_word(a))))
    weight += 3;
  if (is_lower_or_digit(b[0]) && !opens_formula(b) && bare(first_word(b)) != "persentase")
    weight += 2;
  if (is_upper(b[0]) && is_capitalised_word(last_word(a)) && end != '.' && end != ';') weight += 1;
  return weight;
}

std::vector<std::string> wrapped_cells(const std::vector<std::string>& lines,
                                       const std::vector<IkiColumn>& columns) {
  const std::size_t cols = columns.size();
  const std::size_t m = lines.size();
  if (cols == 0) return {};
  if (m + 1 < cols || m == 0) return padded(lines, cols);
  // best[j][i]: the best score of the cuts with column j starting at line i; from[j][i]: where
  // column j - 1 started then. A cut scores the column's opening minus the run-on it breaks.
  std::vector<int> cont(m, 0);
  for (std::size_t i = 1; i < m; ++i) cont[i] = continuation_weight(lines[i - 1], lines[i]);
  std::vector<std::vector<int>> best(cols, std::vector<int>(m, kNone));
  std::vector<std::vector<std::size_t>> from(cols, std::vector<std::size_t>(m, 0));
  best[0][0] = opening_weight(columns[0], lines[0]);
  // The first column merged with the row above's: only when the row reads better so.
  if (cols >= 2) best[1][0] = opening_weight(columns[1], lines[0]) - 2;
  for (std::size_t j = 1; j < cols; ++j) {
    int top = kNone;  // the best start of column j - 1 before line i
    std::size_t at = 0;
    for (std::size_t i = 1; i < m; ++i) {
      if (best[j - 1][i - 1] > top) {
        top = best[j - 1][i - 1];
        at = i - 1;
      }
      if (top == kNone) continue;
      best[j][i] = top + opening_weight(columns[j], lines[i]) - cont[i];
      from[j][i] = at;
    }
  }
  std::size_t last = 0;
  for (std::size_t i = 1; i < m; ++i)
    if (best[cols - 1][i] > best[cols - 1][last]) last = i;
  if (best[cols - 1][last] == kNone) return padded(lines, cols);
  std::vector<std::size_t> start(cols, 0);
  start[cols - 1] = last;
  for (std::size_t j = cols - 1; j > 0; --j) start[j - 1] = from[j][start[j]];
  std::vector<std::string> cells(cols);
  const bool merged = cols >= 2 && start[1] == 0;  // column 0 took no line
  for (std::size_t j = merged ? 1 : 0; j < cols; ++j) {
    const std::size_t to = j + 1 < cols ? start[j + 1] : m;
    cells[j] = joined(lines, start[j], to);
  }
  return cells;
}

}  // namespace tatakerja::regulation
