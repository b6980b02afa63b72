#include "regulation/lines.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/sixteen_bytes.hpp"
#include "core/text.hpp"
#include "regulation/displaced_tails.hpp"
#include "regulation/flattened_text.hpp"
#include "regulation/layout_repair.hpp"
#include "regulation/node_query.hpp"

namespace tatakerja::regulation {
namespace {

// Number of UTF-8 code points.
std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// Whether s has more than n UTF-8 code points: reads no further than the (n + 1)th.
bool more_code_points_than(std::string_view s, std::size_t n) {
  // The usual line: its first n + 1 bytes are ASCII, so as many code points (eight at a time).
  if (s.size() > n) {
    std::uint64_t high = 0;
    std::size_t i = 0;
    for (; i + 8 <= n + 1; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      high |= w;
    }
    for (; i <= n; ++i) high |= static_cast<unsigned char>(s[i]);
    if ((high & 0x8080808080808080ULL) == 0) return true;
  }
  std::size_t seen = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++seen > n) return true;
  return false;
}

// Runs of spaces made single, in a line with no other white space and none at its ends (what
// text::collapse_spaces gives for such a line), copied a word at a time.
std::string collapse_space_runs(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size();) {
    const std::size_t sp = v.find(' ', i);
    if (sp == std::string_view::npos) {
      out.append(v.substr(i));
      break;
    }
    out.append(v.substr(i, sp + 1 - i));
    i = sp + 1;
    while (i < v.size() && v[i] == ' ') ++i;
  }
  return out;
}

// Removes <i>, </i>, <b>, <br/> and similar short tags.
std::string strip_tags(std::string_view s) {
  if (s.find('<') == std::string_view::npos) return std::string(s);  // most lines: copied at once
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      std::size_t j = i + 1;
      if (j < s.size() && s[j] == '/') ++j;
      std::size_t letters = 0;
      while (j < s.size() && text::is_alpha(s[j]) && letters < 5) ++j, ++letters;
      if (j < s.size() && s[j] == '/') ++j;
      if (letters > 0 && j < s.size() && s[j] == '>') {
        i = j;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

bool is_white(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';  // as text::trim
}

std::string_view strip_bullets(std::string_view s) {
  // Most lines: trimmed already, and starting with no bullet's first byte.
  if (s.empty() || (s.front() != '-' && s.front() != '*' && s.front() != '\xE2' &&
                    !is_white(s.front()) && !is_white(s.back())))
    return s;
  for (bool changed = true; changed;) {
    changed = false;
    s = text::trim(s);
    for (std::string_view b : {"- ", "\xE2\x80\xA2 ", "\xE2\x80\x93 ", "* "}) {
      if (s.substr(0, b.size()) == b) {
        s.remove_prefix(b.size());
        changed = true;
      }
    }
    if (s == "-") return {};
  }
  return s;
}

bool is_table_rule_cell(std::string_view c) {
  c = text::trim(c);
  if (c.empty()) return true;
  return std::all_of(c.begin(), c.end(),
                     [](char ch) { return ch == '-' || ch == ':' || ch == '='; });
}

// "| a | b |" -> "a\tb"; a key-value row "| 1. NAMA JABATAN | : | X |" -> "1. NAMA JABATAN : X".
std::string pipe_row(std::string_view s) {
  auto parts = text::split(s, '|');
  if (std::all_of(parts.begin(), parts.end(), is_table_rule_cell)) return {};
  std::vector<std::string> cells;
  bool key_value = false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string c = text::collapse_spaces(parts[i]);
    if ((i == 0 || i + 1 == parts.size()) && c.empty()) continue;  // outside the outer pipes
    if (c == ":" || (!c.empty() && c[0] == ':')) key_value = true;
    cells.push_back(std::move(c));
  }
  std::string out;
  for (const auto& c : cells) {
    if (key_value) {
      if (c.empty()) continue;
      if (!out.empty()) out.push_back(' ');
      out += c;
    } else {
      if (!out.empty() || &c != &cells.front()) out.push_back('\t');
      out += c;
    }
  }
  return out;
}

// Whether a line is too long to be a viewer's header (is_viewer_header's first test).
bool too_long_for_viewer_header(std::string_view s) {
  return s.size() > 160 || (s.size() > 40 && s.front() != '-' && more_code_points_than(s, 40));
}

bool is_viewer_header(std::string_view s) {
  // "Anda di halaman 1 dari 67", "Halaman 3 dari 10", "Page 2 of 9", "- 3 -": short lines.
  if (too_long_for_viewer_header(s)) return false;
  // Most lines have none of the three shapes: told without a lower-case copy ("halaman" looked for
  // as PhraseFinder does, which on a short line skips most starts; text::ifind looked at each).
  static const PhraseFinder kHalaman("halaman");
  if (!(s.size() >= 3 && s.front() == '-' && s.back() == '-') && !text::istarts_with(s, "page ") &&
      kHalaman.find(s) == std::string_view::npos)
    return false;
  std::string l = text::to_lower(s);
  auto has = [&](std::string_view w) { return l.find(w) != std::string::npos; };
  if ((has("halaman") && has(" dari ")) || (l.rfind("page ", 0) == 0 && has(" of "))) {
    const bool short_line = code_points(l) <= 40;
    const bool digits = std::any_of(l.begin(), l.end(), text::is_digit);
    return short_line && digits;
  }
  if (l.size() >= 3 && l.front() == '-' && l.back() == '-') {
    auto inner = text::trim(std::string_view(l).substr(1, l.size() - 2));
    return text::parse_int(inner).has_value();
  }
  return false;
}

}  // namespace

bool is_decorated_page_number(std::string_view t) {
  std::size_t a = 0, b = t.size();
  const auto decor = [](unsigned char c) { return c == '-' || c == '.' || c >= 0x80; };
  // A decoration comes first: most tokens are told at their first byte.
  if (t.empty() || !decor(static_cast<unsigned char>(t.front()))) return false;
  while (a < b && decor(static_cast<unsigned char>(t[a]))) ++a;
  while (b > a && decor(static_cast<unsigned char>(t[b - 1]))) --b;
  return a > 0 && b < t.size() && b - a >= 1 && b - a <= 3 &&
         std::all_of(t.begin() + static_cast<std::ptrdiff_t>(a),
                     t.begin() + static_cast<std::ptrdiff_t>(b), text::is_digit);
}

bool is_page_mark(std::string_view s) {
  s = text::trim(s);
  // Two code points take at most eight bytes, and a longer page number is decorated: most lines
  // are longer and start with a letter.
  if (s.size() > 8 && s.front() != '-' && s.front() != '.' &&
      static_cast<unsigned char>(s.front()) < 0x80)
    return false;
  if (s.empty() || s.find('\t') != std::string_view::npos) return false;
  if (s.size() <= 3 && std::all_of(s.begin(), s.end(), text::is_digit)) return true;
  if (is_decorated_page_number(s)) return true;
  if (!more_code_points_than(s, 2)) {
    if (s.back() == '.' || s.back() == ')') return false;  // a list marker such as "a." or "1)"
    return true;
  }
  return false;
}

bool is_page_break_echo(std::string_view s) {
  s = text::trim(s);
  // Each ellipsis below ends in '.' or in U+2026's last byte: most lines end otherwise.
  if (s.empty() || (s.back() != '.' && s.back() != '\xA6')) return false;
  std::size_t cut = std::string_view::npos;
  for (std::string_view e : {". . .", "...", "\xE2\x80\xA6"}) {
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) {
      cut = s.size() - e.size();
      break;
    }
  }
  if (cut == std::string_view::npos) return false;
  const std::string head = text::collapse_spaces(s.substr(0, cut));
  if (head.empty()) return true;
  const auto words = std::count(head.begin(), head.end(), ' ') + 1;
  return words <= 5;
}

namespace {

// out += text::collapse_spaces(v) (white space trimmed off v's ends, each run of it inside made one
// space), a run of other bytes at a time, without a string of its own.
void append_collapsed(std::string& out, std::string_view v) {
  v = text::trim(v);
  for (std::size_t i = 0; i < v.size();) {
    std::size_t j = i;
    while (j < v.size() && !is_white(v[j])) ++j;
    out.append(v.substr(i, j - i));
    if (j == v.size()) break;
    out.push_back(' ');
    while (is_white(v[j])) ++j;  // ends at a byte that is not white: v is trimmed
    i = j;
  }
}

// s made text::collapse_spaces(v), v a part of s, written over s from its start: the result is
// never longer than v nor starts after it, so every byte is read before it is written over, and
// the line's string is kept rather than a second one made.
void collapse_spaces_in_place(std::string& s, std::string_view v) {
  v = text::trim(v);
  const auto at = static_cast<std::size_t>(v.data() - s.data());
  if (text::is_single_spaced(v)) {  // most lines: only cut to v
    s.resize(at + v.size());
    s.erase(0, at);
    return;
  }
  s.resize(static_cast<std::size_t>(text::collapse_spaces_to(v, s.data()) - s.data()));
}

}  // namespace

// "a.<TAB>Kepala Dinas; b.<TAB>Sekretariat": a tab after a list marker is the gap a PDF copy
// leaves between the marker and its text, not a table's column.
void untab_markers(std::string& s) {
  std::vector<std::size_t> tabs;
  for (std::size_t tab = s.find('\t'); tab != std::string::npos; tab = s.find('\t', tab + 1)) {
    std::size_t start = tab;
    while (start > 0 && s[start - 1] != ' ' && s[start - 1] != '\t') --start;
    const std::string_view token(s.data() + start, tab - start);
    if (token.size() < 2 || token.size() > 4) return;
    const char last = token.back();
    const bool paren = token.front() == '(';
    const std::string_view body = token.substr(paren ? 1 : 0, token.size() - (paren ? 2 : 1));
    const bool marker =
        (last == '.' || last == ')') && !body.empty() &&
        (std::all_of(body.begin(), body.end(), text::is_digit) ||
         std::all_of(body.begin(), body.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
    // A table row has tabs between its cells too: only a line whose every tab follows a marker
    // is a list copied with tabs.
    if (!marker) return;
    tabs.push_back(tab);
  }
  for (const std::size_t tab : tabs) s[tab] = ' ';
}

// "1    Meningkatnya ...    Produktivitas ...    Produksi / Luas ...": a table whose columns a
// copy kept apart with runs of spaces. Two runs of three spaces or more between words make the
// line a row (runs become tabs); a double space is only a gap.
namespace {

// Whether s has three spaces in a row: sixteen starting points at a time, then one at a time
// (s.find("   ") calls memchr again at every space, which is at every word).
bool has_three_spaces(std::string_view s) {
  std::size_t i = 0;
  for (; i + 18 <= s.size(); i += 16) {
    const char* p = s.data() + i;
    const auto runs = (text::sixteen_bytes_at(p) == ' ') & (text::sixteen_bytes_at(p + 1) == ' ') &
                      (text::sixteen_bytes_at(p + 2) == ' ');
    if (text::bits_of(runs) != 0) return true;
  }
  for (; i + 3 <= s.size(); ++i)
    if (s[i] == ' ' && s[i + 1] == ' ' && s[i + 2] == ' ') return true;
  return false;
}

}  // namespace

void spaces_to_cells(std::string& s) {
  if (!has_three_spaces(s)) return;  // most lines: no run of three spaces
  std::size_t start = 0;
  while (start < s.size() && (s[start] == ' ' || s[start] == '\t')) ++start;
  int runs = 0;
  for (std::size_t i = start; i < s.size();) {
    if (s[i] != ' ') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (j - i >= 3 && j < s.size()) ++runs;
    i = j;
  }
  if (runs < 2) return;
  std::string out = s.substr(0, start);
  for (std::size_t i = start; i < s.size();) {
    if (s[i] != ' ') {
      out += s[i++];
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    out += (j - i >= 3 && j < s.size()) ? std::string(1, '\t') : s.substr(i, j - i);
    i = j;
  }
  s = std::move(out);
}

namespace {

// A line with nothing to clean but its spaces and a leading "- " bullet: no tag, emphasis, tab,
// carriage return, table pipe, heading mark, non-breaking space, other bullet, or gap of three
// spaces between words (a column gap).
// What a byte can start in a line: nothing (most bytes), a space, or something the general
// cleaning must see.
enum class ByteRole : unsigned char { Plain, Space, Special, Lead };

constexpr std::array<ByteRole, 256> byte_roles() {
  std::array<ByteRole, 256> roles{};
  for (const unsigned char c : {'<', '*', '\t', '\r', '\f', '_', '|', '#'})
    roles[c] = ByteRole::Special;  // tags, emphasis, cells, table pipes, heading marks
  roles[' '] = ByteRole::Space;
  roles[0xC2] = ByteRole::Lead;  // U+00A0
  roles[0xE2] = ByteRole::Lead;  // U+2022 bullet, U+2013 dash
  return roles;
}
constexpr std::array<ByteRole, 256> kByteRoles = byte_roles();

bool is_special_sequence(std::string_view raw, std::size_t i) {
  const auto at = [&](std::size_t k) {
    return k < raw.size() ? static_cast<unsigned char>(raw[k]) : 0;
  };
  if (at(i) == 0xC2) return at(i + 1) == 0xA0;
  return at(i + 1) == 0x80 && (at(i + 2) == 0xA2 || at(i + 2) == 0x93);
}

// How plain a line is.
enum class Plainness { General, Collapse, AsIs };

// A line with nothing to clean but its spaces and a leading "- " bullet (Collapse), or not even
// its inner spaces (AsIs): no tag, emphasis, tab (leading tabs are the empty cells of a table row
// continued), carriage return, table pipe, heading mark, non-breaking space, other bullet, or gap
// of three spaces between words (a column gap). Anything else takes the general cleaning.
// Byte flags for the quick pass of plainness(): a byte that needs a closer look, and a space.
constexpr std::array<unsigned char, 256> byte_flags() {
  std::array<unsigned char, 256> flags{};
  for (std::size_t c = 0; c < 256; ++c)
    flags[c] = kByteRoles[c] == ByteRole::Special || kByteRoles[c] == ByteRole::Lead ? 1 : 0;
  flags[' '] = 2;
  return flags;
}
constexpr std::array<unsigned char, 256> kByteFlags = byte_flags();

Plainness plainness_by_roles(std::string_view raw, std::string_view trimmed);

// The bytes of the 16 from p (as bits) that kByteFlags marks for a closer look (tab, carriage
// return, form feed and the other control bytes, '#', '*', '<', '_', '|', and the lead bytes 0xC2
// and 0xE2), or that with the byte after them (p[16] too) are two spaces. A control byte that is
// none of those sends a line to the full walk, which reads it as it should.
unsigned closer_look_bits(const char* p) {
  const text::SixteenBytes v = text::sixteen_bytes_at(p);
  const text::SixteenBytes next = text::sixteen_bytes_at(p + 1);
  // Two bytes a single bit apart are told with one comparison, that bit set or cleared first:
  // '<' 0x3C and '|' 0x7C (bit 0x40), the lead bytes 0xC2 and 0xE2 (bit 0x20).
  const auto marked = (v < 0x20) | (v == '#') | (v == '*') | (v == '_') | ((v & 0xBF) == '<') |
                      ((v | 0x20) == 0xE2) | ((v == ' ') & (next == ' '));
  return text::bits_of(marked);
}

// Whether one of the 16 bytes from p is marked so.
bool block_needs_closer_look(const char* p) {
  return closer_look_bits(p) != 0;
}

// Whether a trimmed line has a byte that kByteFlags marks for a closer look, or two spaces in a
// row: sixteen bytes at a time (the last block overlapping the ones before, so that every byte
// and pair falls in some block but the last byte, looked at alone), a byte at a time for a line
// shorter than a block and one byte.
bool needs_closer_look(std::string_view t) {
  constexpr std::size_t kBlock = 16;
  const std::size_t n = t.size();
  if (n < kBlock + 1) {
    unsigned char prev = 0;
    for (const char c : t) {
      const unsigned char f = kByteFlags[static_cast<unsigned char>(c)];
      if ((f & 1) != 0 || (prev & f & 2) != 0) return true;
      prev = f;
    }
    return false;
  }
  std::size_t i = 0;
  // Two blocks a round while they last, one test for both.
  for (; i + 2 * kBlock + 1 <= n; i += 2 * kBlock)
    if ((closer_look_bits(t.data() + i) | closer_look_bits(t.data() + i + kBlock)) != 0)
      return true;
  for (; i + kBlock + 1 <= n; i += kBlock)
    if (block_needs_closer_look(t.data() + i)) return true;
  return block_needs_closer_look(t.data() + n - kBlock - 1) ||
         (kByteFlags[static_cast<unsigned char>(t[n - 1])] & 1) != 0;
}

Plainness plainness(std::string_view raw, std::string_view trimmed) {
  // The usual line has no byte to look at closely and no two spaces in a row between its words:
  // one quick pass tells it (AsIs); any other line takes the full walk below.
  // Only the white space trimmed off the ends is looked at here (a tab, carriage return or form
  // feed there is special): needs_closer_look reads every byte of the trimmed line itself.
  const auto plain = [](char c) {
    return kByteRoles[static_cast<unsigned char>(c)] != ByteRole::Special &&
           kByteRoles[static_cast<unsigned char>(c)] != ByteRole::Lead;
  };
  const auto lead = static_cast<std::size_t>(trimmed.data() - raw.data());
  const std::string_view indent = raw.substr(0, lead);
  const std::string_view trailer = raw.substr(lead + trimmed.size());
  const bool ends_plain = std::all_of(indent.begin(), indent.end(), plain) &&
                          std::all_of(trailer.begin(), trailer.end(), plain);
  if (ends_plain && !needs_closer_look(trimmed)) return Plainness::AsIs;
  return plainness_by_roles(raw, trimmed);
}

Plainness plainness_by_roles(std::string_view raw, std::string_view trimmed) {
  const auto lead = static_cast<std::size_t>(trimmed.data() - raw.data());  // indentation
  const std::size_t tail = lead + trimmed.size();
  std::size_t spaces = 0;
  bool collapse = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    switch (kByteRoles[static_cast<unsigned char>(raw[i])]) {
      case ByteRole::Plain:
        spaces = 0;
        continue;
      case ByteRole::Special:
        return Plainness::General;
      case ByteRole::Lead:
        if (is_special_sequence(raw, i)) return Plainness::General;
        spaces = 0;
        continue;
      case ByteRole::Space:
        ++spaces;
        if (i >= lead && i < tail && spaces >= 2) {
          if (spaces >= 3) return Plainness::General;  // a column gap between words
          collapse = true;
        }
        continue;
    }
  }
  return collapse ? Plainness::Collapse : Plainness::AsIs;
}

}  // namespace

namespace {

// clean_line_text, given the line trimmed (which clean_lines has already made).
std::string clean_line_text(std::string_view raw, std::string_view trimmed) {
  // Most lines: only their spaces to collapse and a bullet to drop (the general path below gives
  // the same).
  if (const Plainness p = plainness(raw, trimmed); p != Plainness::General) {
    // (Told here for most lines: one that starts with no bullet's first byte has none, the ends
    // being trimmed; and one too long for a viewer's header is none.)
    const char first = trimmed.empty() ? '\0' : trimmed.front();
    const std::string_view v =
        first == '-' || first == '*' || first == '\xE2' ? strip_bullets(trimmed) : trimmed;
    if (!too_long_for_viewer_header(v) && is_viewer_header(v)) return {};
    // (No tab, carriage return or form feed here: only spaces, and none at either end.)
    // An AsIs line has no two spaces in a row, nor has the part of it after a bullet.
    return p == Plainness::AsIs ? std::string(v) : collapse_space_runs(v);
  }
  std::string s = strip_tags(raw);
  spaces_to_cells(s);
  untab_markers(s);
  // Markdown emphasis: the asterisk has no other use in these texts.
  s.erase(std::remove(s.begin(), s.end(), '*'), s.end());
  s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
  for (std::size_t p; (p = s.find("__")) != std::string::npos;) s.erase(p, 2);
  // Non-breaking spaces become spaces.
  for (std::size_t p; (p = s.find("\xC2\xA0")) != std::string::npos;) s.replace(p, 2, " ");
  std::string_view v = strip_bullets(s);
  while (!v.empty() && v.front() == '#') v.remove_prefix(1);
  v = strip_bullets(v);
  if (!v.empty() && v.front() == '|') return pipe_row(v);
  if (is_viewer_header(v)) return {};
  if (s.find('\t') == std::string::npos) {
    collapse_spaces_in_place(s, v);
    return s;
  }
  // Tab-separated cells: keep the row shape when there are several fields.
  std::string_view raw_cells = text::trim(s);
  // Keep leading tabs: a row continuing the cells of the row above starts with empty cells.
  std::size_t lead = 0;
  while (lead < s.size() && (s[lead] == ' ' || s[lead] == '\t')) ++lead;
  const bool leading_tab = s.substr(0, lead).find('\t') != std::string::npos;
  // The cells, each collapsed as text::collapse_spaces does, joined by tabs in one string as they
  // are read; the empty cells after the last that is not are dropped at the end.
  std::string out;
  out.reserve(s.size());
  std::size_t cells = 0;
  std::size_t nonempty = 0;
  std::size_t kept = 0;                      // the cells up to the last that is not empty
  std::size_t kept_end = 0;                  // the size of out after that cell
  std::size_t only_begin = 0, only_end = 0;  // where the first cell that is not empty is in out
  for_each_cell(leading_tab ? std::string_view(s) : raw_cells, [&](std::string_view f) {
    if (cells++ > 0) out.push_back('\t');
    const std::size_t begin = out.size();
    append_collapsed(out, strip_bullets(f));
    if (out.size() == begin) return;
    if (nonempty++ == 0) only_begin = begin, only_end = out.size();
    kept = cells;
    kept_end = out.size();
  });
  if (nonempty == 0) return {};
  if (nonempty == 1 && !(leading_tab && kept >= 3))
    return out.substr(only_begin, only_end - only_begin);
  out.resize(kept_end);
  return out;
}

}  // namespace

std::string clean_line_text(std::string_view raw) {
  return clean_line_text(raw, text::trim(raw));
}

namespace {

// The newlines of a text, in order, read sixteen bytes at a time: the positions of a block's
// newlines are kept as bits, so that the lines of a text cost one pass over it and no call per
// line (a memchr per line costs more than its search on lines of a few dozen bytes). The bytes
// after the last whole block are read one at a time.
class NewlineScan {
 public:
  explicit NewlineScan(std::string_view text) : text_(text) {}

  // The position of the next newline, or the text's size when there is none.
  std::size_t next() {
    while (bits_ == 0) {
      if (block_ + 16 <= text_.size()) {
        bits_ = text::bits_of(text::sixteen_bytes_at(text_.data() + block_) == '\n');
        base_ = block_;
        block_ += 16;
        continue;
      }
      for (; block_ < text_.size(); ++block_)
        if (text_[block_] == '\n') return block_++;
      return text_.size();
    }
    const auto at = base_ + static_cast<std::size_t>(std::countr_zero(bits_));
    bits_ &= bits_ - 1;
    return at;
  }

 private:
  std::string_view text_;
  std::size_t block_ = 0;  // where the next block to read starts
  std::size_t base_ = 0;   // where the block whose newlines bits_ holds starts
  unsigned bits_ = 0;      // the newlines of that block not yet returned
};

// How many lines a text has: its newlines plus one, counted sixteen bytes at a time, each of the
// sixteen lanes counting its own in a byte (a comparison gives -1 where it holds) for up to 255
// blocks before the lanes are added up: two instructions a block, where adding each block's count
// of bits took a dozen.
std::size_t count_lines(std::string_view input) {
  std::size_t lines = 1;
  std::size_t i = 0;
  while (i + 16 <= input.size()) {
    const std::size_t blocks = std::min<std::size_t>((input.size() - i) / 16, 255);
    text::SixteenBytes in_lanes{};
    for (std::size_t b = 0; b < blocks; ++b, i += 16)
      in_lanes -= __builtin_convertvector(text::sixteen_bytes_at(input.data() + i) == '\n',
                                          text::SixteenBytes);
    for (std::size_t lane = 0; lane < 16; ++lane) lines += in_lanes[lane];
  }
  for (; i < input.size(); ++i) lines += input[i] == '\n' ? 1 : 0;
  return lines;
}

// Whether a cleaned line is told from its ends to be neither a page mark nor a page-break echo
// (as is_page_mark and is_page_break_echo tell it): blank, or longer than a page mark with no
// white space at either end, an ASCII first byte that begins no decorated page number, and last
// bytes that end no ellipsis ("...", ". . ." or U+2026). Most lines are.
bool plainly_text(std::string_view s) {
  if (s.empty()) return true;
  if (s.size() <= 8) return false;
  const char first = s.front(), last = s.back(), before_last = s[s.size() - 2];
  return static_cast<unsigned char>(first) < 0x80 && first != '-' && first != '.' &&
         !is_white(first) && !is_white(last) && last != '\xA6' &&
         (last != '.' || (before_last != '.' && before_last != ' '));
}

}  // namespace

std::vector<Line> clean_lines(std::string_view input, std::vector<Finding>& findings) {
  std::vector<Line> lines;
  lines.reserve(count_lines(input));
  int number = 0;
  std::size_t start = 0;
  NewlineScan newlines(input);
  while (start <= input.size()) {
    const std::size_t end = newlines.next();
    ++number;
    const std::string_view raw = input.substr(start, end - start);
    const std::string_view lead = text::trim(raw);
    char bullet = '\0';
    if (lead.size() > 2 && lead[0] == '-' && lead[1] == ' ')
      bullet = '-';
    else if (lead.size() > 4 && lead.substr(0, 3) == "\xE2\x80\xA2" && lead[3] == ' ')
      bullet = '*';
    lines.push_back(Line{number, clean_line_text(raw, lead), bullet});
    if (end == input.size()) break;
    start = end + 1;
  }
  repair_layout(lines, findings);
  split_flattened_lines(lines, findings);
  drop_running_headers(lines, findings);
  repair_displaced_tails(lines, findings);
  repair_words(lines, findings);
  for (auto& l : lines)
    if (!plainly_text(l.text) && (is_page_break_echo(l.text) || is_page_mark(l.text)))
      l.text.clear();
  return lines;
}

}  // namespace tatakerja::regulation
