#include "regulation/layout_repair.hpp"

#include <algorithm>

#include "core/sixteen_bytes.hpp"
#include "core/text.hpp"
#include "regulation/marker.hpp"
#include "regulation/table_cells.hpp"

namespace tatakerja::regulation {
namespace {

bool single_token(std::string_view s) {
  // Most lines have a space among their first sixteen bytes: told at once.
  if (s.size() >= 16) {
    const text::SixteenBytes v = text::sixteen_bytes_at(s.data());
    if (text::bits_of((v == ' ') | (v == '\t')) != 0) return false;
  }
  return !s.empty() && s.find(' ') == std::string_view::npos &&
         s.find('\t') == std::string_view::npos;
}

bool ends_clause(std::string_view tok) {
  if (tok.empty()) return false;
  const char c = tok.back();
  return c == ';' || c == ':' || c == '.' || c == ',';
}

// Words that open a new block of a regulation when they start a sentence.
bool is_block_keyword(std::string_view tok) {
  for (std::string_view k : {"Menimbang", "Mengingat", "MEMUTUSKAN", "Menetapkan", "Ditetapkan",
                             "Diundangkan", "LAMPIRAN", "TENTANG", "NOMOR", "TANGGAL"})
    if (tok == k ||
        (tok.size() == k.size() + 1 && tok.substr(0, k.size()) == k && tok.back() == ':'))
      return true;
  return false;
}

// The title of an official signing: "PJ. GUBERNUR ...,", "SEKRETARIS DAERAH ...,".
bool is_official(std::string_view s) {
  for (std::string_view w :
       {"PJ", "P.J.", "PLT", "PLH", "GUBERNUR", "BUPATI", "WALI", "KEPALA", "SEKRETARIS"})
    if (s.rfind(w, 0) == 0) return true;
  return false;
}

bool is_structure_keyword(std::string_view tok) {
  return tok == "BAB" || tok == "Pasal" || tok == "Bagian" || tok == "Paragraf" ||
         tok.rfind("BAB", 0) == 0;
}

bool is_row_number(std::string_view s) {
  s = text::trim(s);
  std::size_t i = 0;
  while (i < s.size() && text::is_digit(s[i])) ++i;
  if (i == 0 || i > 3) return false;
  std::string_view tail = s.substr(i);
  return tail.empty() || tail == "." || tail == "`" || tail == ".`";
}

// A column heading cell: short, starts with a capital, no sentence punctuation.
bool is_header_cell(std::string_view s) {
  s = text::trim(s);
  if (s.empty() || s.size() > 40 || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
  const auto words = std::count(s.begin(), s.end(), ' ') + 1;
  return words <= 4 && s.find(':') == std::string_view::npos &&
         s.find(';') == std::string_view::npos;
}

}  // namespace

bool looks_word_per_line(const std::vector<Line>& lines) {
  std::size_t nonblank = 0, single = 0;
  for (const auto& l : lines) {
    if (l.text.empty()) continue;
    ++nonblank;
    if (single_token(l.text)) ++single;
  }
  return nonblank >= 40 && single * 10 >= nonblank * 7;
}

void join_word_per_line(std::vector<Line>& lines) {
  std::vector<Line> out;
  Line cur;
  bool heading_open = false;  // the current line is a structure heading ("Pasal 5") still reading
  auto flush = [&] {
    if (!cur.text.empty()) out.push_back(std::move(cur));
    cur = Line{};
    heading_open = false;
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& tok = lines[i].text;
    if (tok.empty()) continue;
    const std::string_view prev =
        cur.text.empty()
            ? std::string_view()
            : std::string_view(cur.text).substr(
                  cur.text.rfind(' ') == std::string::npos ? 0 : cur.text.rfind(' ') + 1);
    bool start = cur.text.empty();
    auto ends_with = [&](std::string_view tail) {
      return cur.text.size() >= tail.size() &&
             std::string_view(cur.text).substr(cur.text.size() - tail.size()) == tail;
    };
    // A list's last item follows "; dan" or "; atau".
    const bool list_tail =
        ends_with("; dan") || ends_with(", dan") || ends_with("; atau") || ends_with("; dan/atau");
    const bool after_break =
        cur.text.empty() || ends_clause(prev) || text::is_upper_text(prev) || list_tail;
    if (!start && after_break) {
      if (auto mk = item_marker(tok)) {
        // "G." after a name in capitals is an initial, not a list item.
        const bool capital = mk->kind == NodeKind::UpperLetter || mk->kind == NodeKind::Roman;
        if (!capital || ends_clause(prev) || list_tail) start = true;
      }
      if (is_block_keyword(tok)) start = true;
    }
    // "6.9." numbers a duty even when the item before forgot its semicolon.
    if (auto mk = item_marker(tok); mk && mk->kind == NodeKind::DottedNumber) start = true;
    if (!start && after_break) {
      // Heading words in capitals: "PERATURAN GUBERNUR ...", "DENGAN RAHMAT ...", "BERITA DAERAH".
      const std::string next = i + 1 < lines.size() ? lines[i + 1].text : std::string();
      if ((tok == "PERATURAN" || tok == "KEPUTUSAN") && text::is_upper_text(next)) start = true;
      if ((tok == "DENGAN" && next == "RAHMAT") || (tok == "BERITA" && next == "DAERAH") ||
          tok == "PARAF")
        start = true;
      if (is_structure_keyword(tok)) {
        // "Pasal" starts a heading when a number follows and the sentence before has ended.
        start = !next.empty() && (text::is_digit(next[0]) || text::roman_to_int(next) ||
                                  text::ordinal_word_value(next));
      }
    }
    if (tok == "LAMPIRAN" || tok == "PARAF") start = true;
    std::string next_tok;
    for (std::size_t k = i + 1; k < lines.size() && next_tok.empty(); ++k) next_tok = lines[k].text;
    // A page number between two sentences is a page mark: "... atasan. 72 URAIAN TUGAS".
    // (A lone list marker such as "1." is not the end of a sentence.)
    const bool sentence_end = !prev.empty() && (prev.back() == '.' || prev.back() == ';') &&
                              cur.text.find(' ') != std::string::npos;
    if (!cur.text.empty() && sentence_end && is_page_mark(tok) && !next_tok.empty() &&
        !(next_tok[0] >= 'a' && next_tok[0] <= 'z') && next_tok[0] != '(')
      continue;
    // A run of words in capitals after a sentence is a heading: "URAIAN TUGAS JABATAN".
    if (!start && !cur.text.empty() && sentence_end && tok.size() >= 3 &&
        text::is_upper_text(tok) && (text::is_upper_text(next_tok) || is_official(tok)))
      start = true;
    if (!start && tok == "pada" && i + 1 < lines.size() &&
        text::iequals(lines[i + 1].text, "tanggal") &&
        (cur.text.rfind("Ditetapkan", 0) == 0 || cur.text.rfind("Diundangkan", 0) == 0))
      start = true;
    if (heading_open) {
      // "Pasal 5" ends after its number; "BAB II" continues with a title in capitals; "Bagian
      // Kesatu Badan" and "Paragraf 1 Umum" continue with a title up to the next heading or item.
      const bool keyword_only = cur.text.find(' ') == std::string::npos;  // number comes next
      const bool title_word = text::is_upper_text(tok) && !item_marker(tok);
      const bool titled = cur.text.rfind("Bagian", 0) == 0 || cur.text.rfind("Paragraf", 0) == 0;
      const bool second_word = std::count(cur.text.begin(), cur.text.end(), ' ') < 1;
      if (keyword_only || second_word) {
        start = false;
      } else if (titled) {
        std::string nt;
        for (std::size_t k = i + 1; k < lines.size() && nt.empty(); ++k) nt = lines[k].text;
        start = item_marker(tok).has_value() ||
                (is_structure_keyword(tok) && !nt.empty() &&
                 (text::is_digit(nt[0]) || text::roman_to_int(nt) || text::ordinal_word_value(nt)));
      } else if (cur.text.rfind("BAB", 0) == 0) {
        start = !title_word;
      } else {
        start = true;
      }
    }
    if (start && !cur.text.empty()) flush();
    if (cur.text.empty()) {
      cur.number = lines[i].number;
      cur.text = tok;
      heading_open = is_structure_keyword(tok);
      continue;
    }
    cur.text += " " + tok;
    if (heading_open && cur.text.rfind("Pasal", 0) == 0) {
      flush();
      continue;
    }
    // "pada tanggal 29 Desember 2023" ends with the year; a signatory's title with a comma.
    const bool year = tok.size() == 4 && std::all_of(tok.begin(), tok.end(), text::is_digit);
    if ((cur.text.rfind("pada tanggal", 0) == 0 && year) ||
        (text::is_upper_text(cur.text) && tok.back() == ',' && is_official(cur.text)))
      flush();
  }
  flush();
  lines = std::move(out);
}

int rebuild_flattened_tables(std::vector<Line>& lines) {
  // A flattened table starts at a line "No" or "No.": without one there is nothing to rebuild.
  const auto header_start = [](const Line& l) {
    return text::iequals(l.text, "No") || text::iequals(l.text, "No.");
  };
  if (std::none_of(lines.begin(), lines.end(), header_start)) return 0;
  int rebuilt = 0;
  // The lines are rewritten in place: a table's lines become fewer rows, so that the line written
  // (w) never passes the line read (i), and no second vector of every line is made.
  std::size_t w = 0;
  const auto keep = [&](Line&& l) {
    if (&lines[w] != &l) lines[w] = std::move(l);
    ++w;
  };
  std::size_t i = 0;
  const std::size_t n = lines.size();
  auto next_nonblank = [&](std::size_t from) {
    while (from < n && lines[from].text.empty()) ++from;
    return from;
  };
  while (i < n) {
    const std::string& s = lines[i].text;
    const bool starts_header = text::iequals(s, "No") || text::iequals(s, "No.");
    if (!starts_header) {
      keep(std::move(lines[i++]));  // lines before i are not read again
      continue;
    }
    // Column headings: "No.", then short capitalised cells.
    std::vector<std::string> header{s};
    std::size_t j = next_nonblank(i + 1);
    while (j < n && is_header_cell(lines[j].text) && !is_row_number(lines[j].text) &&
           header.size() < 12) {
      header.push_back(lines[j].text);
      j = next_nonblank(j + 1);
    }
    const std::size_t k = header.size();
    if (k < 3) {
      keep(std::move(lines[i++]));
      continue;
    }
    Line head{lines[i].number, {}};
    for (std::size_t c = 0; c < k; ++c) head.text += (c ? "\t" : "") + header[c];
    std::vector<IkiColumn> columns;  // the columns after the number
    for (std::size_t c = 1; c < k; ++c) columns.push_back(iki_column_of(header[c]));
    keep(std::move(head));  // over line i at most, whose text is read no more
    // Column numbers "1", "2", ... "k".
    std::size_t probe = j;
    bool numbered = true;
    for (std::size_t c = 1; c <= k; ++c) {
      if (probe >= n || lines[probe].text != std::to_string(c)) {
        numbered = false;
        break;
      }
      probe = next_nonblank(probe + 1);
    }
    if (numbered) {
      Line nums{lines[j].number, {}};
      for (std::size_t c = 1; c <= k; ++c) nums.text += (c > 1 ? "\t" : "") + std::to_string(c);
      keep(std::move(nums));
      j = probe;
    }
    // Rows: a row number, then its cells up to the next row number.
    while (j < n && is_row_number(lines[j].text)) {
      Line row{lines[j].number, lines[j].text};
      std::vector<std::string> cells;
      std::size_t c = next_nonblank(j + 1);
      while (c < n && !is_row_number(lines[c].text) && !lines[c].text.empty() &&
             lines[c].text.find(" : ") == std::string::npos && !line_marker(lines[c].text) &&
             !(text::iequals(lines[c].text, "No") || text::iequals(lines[c].text, "No."))) {
        cells.push_back(lines[c].text);
        const std::size_t after = next_nonblank(c + 1);
        // A blank line after a line for each column ends the row, unless the line before it runs
        // on: what follows the table (a signature) is no cell of it.
        if (after > c + 1 && cells.size() + 2 >= k && after < n &&
            !is_row_number(lines[after].text) &&
            continuation_weight(lines[c].text, lines[after].text) == 0) {
          c = c + 1;
          break;
        }
        c = after;
        if (cells.size() > 3 * k) break;
      }
      // Cells wrapped over lines are joined, and a merged first cell (a sasaran carried from the
      // row above) left blank.
      for (const auto& cell : wrapped_cells(cells, columns)) row.text += "\t" + cell;
      keep(std::move(row));
      j = c;
    }
    ++rebuilt;
    i = j;
  }
  lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(w), lines.end());
  return rebuilt;
}

void repair_layout(std::vector<Line>& lines, std::vector<Finding>& findings) {
  if (looks_word_per_line(lines)) {
    const int first = lines.empty() ? 0 : lines.front().number;
    join_word_per_line(lines);
    findings.push_back({"LAYOUT_WORD_PER_LINE", Severity::Info, first,
                        "Naskah tersusun satu kata per baris (hasil pindai); baris-baris "
                        "digabungkan kembali sebelum dibaca."});
  }
  if (const int tables = rebuild_column_tables(lines) + rebuild_flattened_tables(lines); tables > 0)
    findings.push_back(
        {"LAYOUT_FLATTENED_TABLE", Severity::Info, 0,
         std::to_string(tables) + " tabel yang selnya terurai per baris disusun kembali."});
}

}  // namespace tatakerja::regulation
