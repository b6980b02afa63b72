// Recognises the numbering a line starts with: BAB, Bagian, Paragraf, Pasal, ayat "(1)", huruf
// "a.", angka "1.", "1)", "a)", "6.1.", Roman "I.", "A.", and decree dictums (KESATU). Tolerates
// the OCR slips a careful reader tolerates ("BABI", "Paaal 5", "Pasal l2", "(l)").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "regulation/document.hpp"

namespace tatakerja::regulation {

struct Marker {
  NodeKind kind = NodeKind::Text;
  std::string label;  // normalised: "I", "Kesatu", "12", "aa", "6.13"
  int ordinal = 0;
  // The text after the marker on the same line (a BAB's title, an item's text): a view into the
  // line read, valid while that line is, so that reading a marker copies no text.
  std::string_view rest;
  bool repaired = false;  // an OCR slip was corrected to read it
};

// Structural headings: BAB, Bagian, Paragraf, Pasal. Only when the line is such a heading.
std::optional<Marker> structural_marker(std::string_view line);
// List item markers and dictums at the start of the line.
std::optional<Marker> item_marker(std::string_view line);
// The same two for a line known to hold no tab (no table row), as the tree builder reads its
// lines once it has told the rows: the line is not searched for a tab again.
std::optional<Marker> structural_marker_without_tab(std::string_view line);
std::optional<Marker> item_marker_without_tab(std::string_view line);
// The same two written into `m` (its label's buffer used again), for a reader of many lines:
// false when the line starts with no such marker (m is then left half read).
bool read_structural_marker_without_tab(std::string_view line, Marker& m);
bool read_item_marker_without_tab(std::string_view line, Marker& m);
// Either of the two.
std::optional<Marker> line_marker(std::string_view line);

// The keyword at the start of a line, compared the way OCR text needs: case-insensitive, "rn" read
// as "m", one wrong letter allowed for words of five letters or more.
bool starts_with_keyword(std::string_view line, std::string_view keyword);
// The letter a line starts with as starts_with_keyword reads it (lower case, a leading "rn" read
// as "m"; '\0' for a blank line): no keyword starting with another letter starts the line.
// Inline: the parser asks it of every line.
// (Only the two bytes after any white space at the start are read, the end is not trimmed: a
// second byte read is an 'n', which no trimming of the end takes away.)
inline char keyword_initial(std::string_view line) {
  std::size_t b = 0;
  while (b < line.size() && text::detail::is_white_space(line[b])) ++b;
  if (b == line.size()) return '\0';
  const auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  const char first = lower(line[b]);
  return first == 'r' && b + 1 < line.size() && lower(line[b + 1]) == 'n' ? 'm' : first;
}

}  // namespace tatakerja::regulation
