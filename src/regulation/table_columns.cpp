// IKI tables that a PDF copy flattened column by column: "No." and the row numbers, then each
// column's heading followed by its cells, one column after the other. Rewritten into the rows the
// parser reads ("1.\tsasaran\tindikator\tformula\tsumber data"), keeping the row numbers' lines.
// A column with more lines than rows has wrapped cells (joined where the lines run on); one with
// fewer has merged cells (a sasaran shared by rows), each laid over the rows it shares the most
// words with.
#include <algorithm>
#include <iterator>
#include <limits>
#include <optional>

#include "core/text.hpp"
#include "regulation/layout_repair.hpp"
#include "regulation/table_cells.hpp"

namespace tatakerja::regulation {
namespace {

// Tables larger than this are not laid out column by column (and the merged cells' placing,
// rows x cells, stays small).
constexpr std::size_t kMaxRows = 100;

struct Column {
  std::string heading;
  IkiColumn kind = IkiColumn::Other;
  std::vector<std::string> lines;
};

// "1.", "2", "10." -> 1, 2, 10; 0 when the line is no row number.
int row_number_of(std::string_view s) {
  s = text::trim(s);
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (s.empty() || s.size() > 3) return 0;
  for (const char c : s)
    if (!text::is_digit(c)) return 0;
  return text::parse_int(s).value_or(0);
}

// A column heading of an IKI table other than the number's: a short line that starts with a
// column's name ("Sasaran", "Indikator Kinerja", "Sumber Data"), so that a cell naming one
// ("Laporan Sumber Daya") is no heading.
bool is_heading(std::string_view s) {
  const std::string k = text::to_lower(text::collapse_spaces(s));
  if (k.empty() || std::count(k.begin(), k.end(), ' ') > 3) return false;
  for (std::string_view h : {"sasaran", "indikator", "formula", "rumus", "cara perhitungan",
                             "sumber data", "target", "satuan", "keterangan", "penanggung jawab"})
    if (k.compare(0, h.size(), h) == 0) return true;
  return false;
}

std::size_t next_nonblank(const std::vector<Line>& lines, std::size_t from) {
  while (from < lines.size() && lines[from].text.empty()) ++from;
  return from;
}

// ---- Wrapped cells: the n - 1 cuts where the lines run on least ----

std::vector<std::string> cells_of_wrapped(const std::vector<std::string>& lines, std::size_t n) {
  std::vector<std::pair<int, std::size_t>> gaps;  // (run-on weight, the line after the gap)
  for (std::size_t i = 1; i < lines.size(); ++i)
    gaps.emplace_back(continuation_weight(lines[i - 1], lines[i]), i);
  std::stable_sort(gaps.begin(), gaps.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<bool> cut(lines.size(), false);
  for (std::size_t g = 0; g + 1 < n && g < gaps.size(); ++g) cut[gaps[g].second] = true;
  std::vector<std::string> cells;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == 0 || cut[i])
      cells.emplace_back(text::trim(lines[i]));
    else
      cells.back() += " " + std::string(text::trim(lines[i]));
  }
  return cells;
}

// ---- Merged cells: which rows each cell spans ----

// A word's root, roughly, by its last four letters once the affixes are off: "kepemilikan" and
// "memiliki" -> "ilik"; "penerbitan" and "diterbitkan" -> "rbit" (a prefix swallows a sound).
std::string root_of(std::string w) {
  auto strip_front = [&](std::initializer_list<std::string_view> affixes) {
    for (std::string_view a : affixes)
      if (w.size() >= a.size() + 4 && w.compare(0, a.size(), a) == 0) {
        w.erase(0, a.size());
        return;
      }
  };
  auto strip_back = [&](std::initializer_list<std::string_view> affixes) {
    for (std::string_view a : affixes)
      if (w.size() >= a.size() + 4 && w.compare(w.size() - a.size(), a.size(), a) == 0) {
        w.resize(w.size() - a.size());
        return;
      }
  };
  strip_front({"ke", "se", "di"});
  strip_front({"meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe", "ter",
               "ber"});
  strip_back({"nya"});
  strip_back({"kan", "an", "i"});
  return w.substr(w.size() - 4);
}

// The roots of a phrase's first words, sorted and once each: enough to place a cell, and a broken
// cell of a whole page costs no more.
std::vector<std::string> roots_of(std::string_view phrase) {
  constexpr std::size_t kMaxRoots = 48;
  std::vector<std::string> roots;
  const std::string words = text::collapse_spaces(phrase.substr(0, 2000));
  for (std::string_view w : text::split(words, ' ')) {
    if (roots.size() >= kMaxRoots) break;
    std::string word;
    for (const char c : w)
      if (text::is_alnum(c) || c == '-') word.push_back(c);
    word = text::to_lower(word);
    if (word.size() < 4 || word == "yang" || word == "dalam" || word == "untuk") continue;
    roots.push_back(root_of(std::move(word)));
  }
  std::sort(roots.begin(), roots.end());
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  return roots;
}

// The roots of `a` that `b` (sorted) has too.
int shared_roots(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return static_cast<int>(std::count_if(a.begin(), a.end(), [&](const std::string& x) {
    return std::binary_search(b.begin(), b.end(), x);
  }));
}

// The first row of each of `cells` over `rows` rows (cells in order, each over at least one row),
// placed where the cells share the most roots with their rows' other cells (`row_roots`). On a
// tie the earlier cell spans more rows.
std::vector<std::size_t> spans_of_merged(const std::vector<std::string>& cells,
                                         const std::vector<std::vector<std::string>>& row_roots) {
  const std::size_t e = cells.size(), n = row_roots.size();
  constexpr int kNone = std::numeric_limits<int>::min() / 2;
  // best[t][b]: the best score with cell t ending at row b; from[t][b]: cell t's first row then.
  std::vector<std::vector<int>> best(e, std::vector<int>(n, kNone));
  std::vector<std::vector<std::size_t>> from(e, std::vector<std::size_t>(n, 0));
  for (std::size_t t = 0; t < e; ++t) {
    const auto roots = roots_of(cells[t]);
    std::vector<int> prefix(n + 1, 0);  // the roots shared with the rows before r
    for (std::size_t r = 0; r < n; ++r)
      prefix[r + 1] = prefix[r] + shared_roots(roots, row_roots[r]);
    if (t == 0) {
      for (std::size_t b = 0; b < n; ++b) best[0][b] = prefix[b + 1];
      continue;
    }
    int top = kNone;  // the best of best[t - 1][a - 1] - prefix[a] over the first rows a <= b
    std::size_t at = 0;
    for (std::size_t b = t; b < n; ++b) {
      const int before = best[t - 1][b - 1];
      if (before != kNone && before - prefix[b] >= top) {  // on a tie, cell t starts later
        top = before - prefix[b];
        at = b;
      }
      if (top == kNone) continue;
      best[t][b] = prefix[b + 1] + top;
      from[t][b] = at;
    }
  }
  std::vector<std::size_t> first(e, 0);
  std::size_t end = n - 1;
  for (std::size_t t = e; t-- > 0;) {
    first[t] = from[t][end];
    if (t > 0) end = first[t] - 1;
  }
  return first;
}

// ---- The table ----

struct ColumnTable {
  std::size_t end = 0;  // the first line after the table
  std::vector<int> row_lines;
  std::vector<Column> columns;
};

// The table whose "No." is at line i, or nullopt when none starts there.
std::optional<ColumnTable> read_column_table(const std::vector<Line>& lines, std::size_t i) {
  if (iki_column_of(lines[i].text) != IkiColumn::Number) return std::nullopt;
  ColumnTable t;
  std::size_t j = next_nonblank(lines, i + 1);
  while (j < lines.size() &&
         row_number_of(lines[j].text) == static_cast<int>(t.row_lines.size()) + 1 &&
         t.row_lines.size() < kMaxRows) {
    t.row_lines.push_back(lines[j].number);
    j = next_nonblank(lines, j + 1);
  }
  if (t.row_lines.empty()) return std::nullopt;
  const std::size_t n = t.row_lines.size();
  while (j < lines.size() && is_heading(lines[j].text)) {
    Column c{lines[j].text, iki_column_of(lines[j].text), {}};
    std::size_t k = next_nonblank(lines, j + 1);
    while (k < lines.size() && !is_heading(lines[k].text)) {
      if (lines[k].text.empty()) {
        const std::size_t after = next_nonblank(lines, k);
        if (after < lines.size() && is_heading(lines[after].text)) k = after;
        break;  // a blank line ends the table unless a heading follows
      }
      if (iki_column_of(lines[k].text) == IkiColumn::Number) break;  // the next table
      c.lines.push_back(lines[k].text);
      if (c.lines.size() > 3 * n + 3) return std::nullopt;
      ++k;
    }
    if (c.lines.empty()) return std::nullopt;
    t.columns.push_back(std::move(c));
    j = k;
    if (j < lines.size() && lines[j].text.empty()) break;
  }
  const bool iki = std::any_of(t.columns.begin(), t.columns.end(), [](const Column& c) {
    return c.kind == IkiColumn::Indikator || c.kind == IkiColumn::Sasaran;
  });
  if (t.columns.size() < 2 || !iki) return std::nullopt;
  t.end = j;
  return t;
}

// Each column's cells, one per row ("" for a row that a merged cell above spans).
std::vector<std::vector<std::string>> cells_by_row(const ColumnTable& t) {
  const std::size_t n = t.row_lines.size();
  std::vector<std::vector<std::string>> cols;
  std::vector<bool> merged;
  for (const Column& c : t.columns) {
    merged.push_back(c.lines.size() < n);
    cols.push_back(merged.back() ? c.lines : cells_of_wrapped(c.lines, n));
  }
  std::vector<std::vector<std::string>> row_roots(n);
  for (std::size_t c = 0; c < cols.size(); ++c)
    if (!merged[c] && t.columns[c].kind != IkiColumn::SumberData)
      for (std::size_t r = 0; r < n && r < cols[c].size(); ++r)
        for (auto& root : roots_of(cols[c][r])) row_roots[r].push_back(std::move(root));
  for (auto& roots : row_roots) {
    std::sort(roots.begin(), roots.end());
    roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  }
  for (std::size_t c = 0; c < cols.size(); ++c) {
    if (!merged[c]) continue;
    const std::vector<std::size_t> first = spans_of_merged(cols[c], row_roots);
    std::vector<std::string> spread(n);
    for (std::size_t e = 0; e < first.size(); ++e) spread[first[e]] = cols[c][e];
    cols[c] = std::move(spread);
  }
  return cols;
}

void write_rows(const ColumnTable& t, std::string_view number_heading, std::vector<Line>& out,
                int number_line) {
  Line head{number_line, std::string(text::trim(number_heading))};
  for (const Column& c : t.columns) head.text += "\t" + c.heading;
  out.push_back(std::move(head));
  const auto cols = cells_by_row(t);
  for (std::size_t r = 0; r < t.row_lines.size(); ++r) {
    Line row{t.row_lines[r], std::to_string(r + 1)};
    for (const auto& col : cols) row.text += "\t" + (r < col.size() ? col[r] : std::string());
    out.push_back(std::move(row));
  }
}

// Whether a line may be the "No." that heads a table's numbers, as read_column_table reads it
// (iki_column_of's number headings are short and start with an N): most lines are told at once.
bool may_head_numbers(std::string_view s) {
  if (s.size() > 8) return false;
  const std::string_view t = text::trim(s);
  return !t.empty() && (t.front() | 0x20) == 'n';
}

}  // namespace

int rebuild_column_tables(std::vector<Line>& lines) {
  int rebuilt = 0;
  std::vector<Line> out;  // built only from the first table on (most texts have none)
  for (std::size_t i = 0; i < lines.size();) {
    const auto table = may_head_numbers(lines[i].text) ? read_column_table(lines, i) : std::nullopt;
    if (!table) {
      if (rebuilt > 0) out.push_back(std::move(lines[i]));
      ++i;
      continue;
    }
    if (rebuilt == 0) {
      out.reserve(lines.size());
      std::move(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(i),
                std::back_inserter(out));
    }
    write_rows(*table, lines[i].text, out, lines[i].number);
    ++rebuilt;
    i = table->end;
  }
  if (rebuilt > 0) lines = std::move(out);
  return rebuilt;
}

}  // namespace tatakerja::regulation
