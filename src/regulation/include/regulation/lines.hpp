// First pass over a regulation text: split into lines and remove what the PDF or OCR conversion
// added (markdown emphasis, bullets, pipe tables, viewer headers, page marks, page-break echoes),
// and undo the OCR layouts a careful reader undoes (a word per line, tables flattened into cells).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"

namespace tatakerja::regulation {

struct Line {
  int number = 0;    // 1-based line in the original text
  std::string text;  // cleaned; table rows have their cells joined by '\t'
  char bullet = 0;   // the bullet the line started with: '-' for "- ", '*' for "• ", else 0
  bool blank() const { return text.empty(); }
  bool is_row() const { return text.find('\t') != std::string::npos; }
};

// Calls f(cell) for each cell of a row: the text between its tabs, as text::split gives the
// fields (one more than the tabs), found with memchr and with no list of them made first.
template <typename F>
void for_each_cell(std::string_view row, F f) {
  for (std::size_t tab; (tab = row.find('\t')) != std::string_view::npos;) {
    f(row.substr(0, tab));
    row.remove_prefix(tab + 1);
  }
  f(row);
}

// Cleans every line; blank lines are kept (as empty text) because they separate blocks.
// Appends to `findings` what it repaired that a reader should know about (e.g. a word-per-line
// layout that was joined).
std::vector<Line> clean_lines(std::string_view input, std::vector<Finding>& findings);

// Cleans a single line's markup: exposed for tests.
std::string clean_line_text(std::string_view raw);

// True for a (cleaned) line a converter left between pages: a page number, a stray initial or
// symbol.
bool is_page_mark(std::string_view s);
// True for a page number decorated on both sides, as PDF copies leave it: "-4·", ".5.", "–12–".
bool is_decorated_page_number(std::string_view t);
// True for the (cleaned) catch-word a printed page ends with, repeating the start of the next
// page: "3. Undang-Undang. . ." or "Bagian. . .".
bool is_page_break_echo(std::string_view s);

}  // namespace tatakerja::regulation
