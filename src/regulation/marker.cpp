#include "regulation/marker.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/text.hpp"

namespace tatakerja::regulation {
namespace {

std::string fix_rn(std::string_view s) {
  std::string r = text::to_lower(s);
  for (std::size_t p; (p = r.find("rn")) != std::string::npos;) r.replace(p, 2, "m");
  return r;
}

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// fix_rn(s) written to out (s.size() bytes at most, as "rn" becomes one letter); returns its
// length. A pair is read left to right: the "m" written makes no new "rn".
std::size_t write_fix_rn(std::string_view s, char* out) {
  std::size_t n = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    const char c = ascii_lower(s[k]);
    if (c == 'r' && k + 1 < s.size() && ascii_lower(s[k + 1]) == 'n') {
      out[n++] = 'm';
      ++k;
    } else {
      out[n++] = c;
    }
  }
  return n;
}

// The first letter of fix_rn(s), for a non-empty s: a leading "rn" (in either case) reads "m".
char first_read_letter(std::string_view s) {
  const char first = ascii_lower(s[0]);
  return first == 'r' && s.size() >= 2 && ascii_lower(s[1]) == 'n' ? 'm' : first;
}

// Whether the edit distance of a and b (letters inserted, deleted or replaced) is one or less,
// in one pass: of the same length, they differ in one letter at most; one letter longer, the
// longer one is the shorter with one letter put in at their first difference.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() > b.size() + 1) return false;
  std::size_t k = 0;
  while (k < b.size() && a[k] == b[k]) ++k;
  if (k == b.size()) return true;  // equal, or a letter added at the end
  return a.size() == b.size() ? a.substr(k + 1) == b.substr(k + 1) : a.substr(k + 1) == b.substr(k);
}

// Whether a word reads as a keyword, both as fix_rn reads them: the same, or one letter wrong
// for a keyword of five letters or more.
bool reads_as_keyword(std::string_view word, std::string_view kw) {
  if (word == kw) return true;
  if (kw.size() < 5 || word.empty() || word[0] != kw[0]) return false;
  return within_one_edit(word, kw);
}

// First whitespace-delimited token and the rest after it.
std::pair<std::string_view, std::string_view> first_token(std::string_view s) {
  s = text::trim(s);
  std::size_t i = 0;
  while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
  return {s.substr(0, i), text::trim(s.substr(i))};
}

// Reads a number an OCR engine may have written with l, I or O for 1 and 0.
std::optional<int> ocr_number(std::string_view tok, bool& repaired) {
  if (tok.empty() || tok.size() > 4) return std::nullopt;
  // The digits read, as a value (four at most), and whether a letter was read as one.
  int value = 0;
  bool has_digit = false, read_letter = false;
  for (char c : tok) {
    int digit = 0;
    if (text::is_digit(c)) {
      digit = c - '0';
      has_digit = true;
    } else if (c == 'l' || c == 'I' || c == '|') {
      digit = 1;
      read_letter = true;
    } else if (c == 'O' || c == 'o') {
      read_letter = true;
    } else {
      return std::nullopt;
    }
    value = value * 10 + digit;
  }
  // A lone "I" or "O" may be a word; accept letters-only tokens only when short and not "O".
  if (!has_digit && (tok == "O" || tok == "o")) return std::nullopt;
  if (read_letter) repaired = true;
  return value;
}

// Appends n in decimal, as std::to_string writes it, with no string made for it. Most labels
// are one or two digits: written directly.
void append_number(std::string& to, int n) {
  if (n >= 0 && n < 10) {
    to.push_back(static_cast<char>('0' + n));
    return;
  }
  if (n >= 10 && n < 100) {
    to.push_back(static_cast<char>('0' + n / 10));
    to.push_back(static_cast<char>('0' + n % 10));
    return;
  }
  std::array<char, 12> digits{};
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), n).ptr;
  to.append(digits.data(), end);
}

// label = std::to_string(n), written in place: an item's label fits the string's own buffer.
void set_number_label(std::string& label, int n) {
  label.clear();
  append_number(label, n);
}

// The value of one to three digits (text::parse_int's, without the call).
int small_number(std::string_view digits) {
  int v = 0;
  for (const char c : digits) v = v * 10 + (c - '0');
  return v;
}

// Whether text::ordinal_word_value may read w: each word it reads ends, past any end that is no
// letter, in a unit ("KESATU", "KEDUAPULUH SATU"), "puluh" ("KESEPULUH") or "belas" ("KESEBELAS"),
// so that the capitals that start most other lines ("KEPALA", "KEPUTUSAN") are told without the
// copies ordinal_word_value makes.
bool may_be_ordinal_word(std::string_view w) {
  while (!w.empty() && !text::is_alpha(w.back())) w.remove_suffix(1);
  for (std::string_view end : {"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
                               "sembilan", "puluh", "belas"})
    if (text::iends_with(w, end)) return true;
  return false;
}

// text::ordinal_word_value(w) for a word with no space or white space at either end: the words
// that number most Bagian and dictums ("Kesatu" to "Kesembilan", "Kesepuluh", "Kesebelas",
// "Pertama", in any case) are read in place, without the strings that function makes; any other
// word is left to it.
std::optional<int> ordinal_value(std::string_view w) {
  constexpr std::size_t kLongest = 10;  // "kesembilan"
  if (w.size() > kLongest) return text::ordinal_word_value(w);
  std::array<char, kLongest> lowered{};
  for (std::size_t k = 0; k < w.size(); ++k) lowered[k] = ascii_lower(w[k]);
  const std::string_view lw(lowered.data(), w.size());
  if (lw == "pertama") return 1;
  if (lw.starts_with("ke")) {
    static constexpr std::array<std::string_view, 9> kUnits = {
        "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"};
    const std::string_view rest = lw.substr(2);
    for (std::size_t i = 0; i < kUnits.size(); ++i)
      if (rest == kUnits[i]) return static_cast<int>(i) + 1;
    if (rest == "sepuluh") return 10;
    if (rest == "sebelas") return 11;
  }
  return text::ordinal_word_value(w);
}

// m as a Marker made anew, its label's buffer kept for the next label.
void clear(Marker& m) {
  m.kind = NodeKind::Text;
  m.label.clear();
  m.ordinal = 0;
  m.rest = {};
  m.repaired = false;
}

std::string_view strip_echo_and_punct(std::string_view rest) {
  rest = text::trim(rest);
  while (!rest.empty() && (rest.front() == '.' || rest.front() == ':' || rest.front() == '-'))
    rest = text::trim(rest.substr(1));
  return rest;
}

}  // namespace

bool starts_with_keyword(std::string_view line, std::string_view keyword) {
  line = text::trim(line);
  // Most lines start with another letter than the keyword, as fix_rn reads both: told before any
  // lower-case copy is made.
  if (line.empty() || keyword.empty() || first_read_letter(line) != first_read_letter(keyword))
    return false;
  if (keyword.find(' ') != std::string_view::npos) {
    const std::string l = fix_rn(line.substr(0, std::min(line.size(), keyword.size() + 4)));
    return l.rfind(fix_rn(keyword), 0) == 0;
  }
  std::size_t i = 0;
  while (i < line.size() && text::is_alpha(line[i])) ++i;
  if (i == 0) return false;
  const std::string_view word = line.substr(0, i);
  // The usual word and keyword are short: read on the stack, with no copy made on the heap.
  constexpr std::size_t kShort = 32;
  if (word.size() > kShort || keyword.size() > kShort)
    return reads_as_keyword(fix_rn(word), fix_rn(keyword));
  std::array<char, kShort> word_read{}, keyword_read{};
  return reads_as_keyword(
      std::string_view(word_read.data(), write_fix_rn(word, word_read.data())),
      std::string_view(keyword_read.data(), write_fix_rn(keyword, keyword_read.data())));
}

std::optional<Marker> structural_marker(std::string_view line) {
  line = text::trim(line);
  if (line.size() < 3) return std::nullopt;
  // BAB, Bagian, Paragraf and Pasal (as fix_rn reads them) all start with a B or a P: most lines
  // are told at their first letter, before the line is searched for a tab.
  if (const char first = ascii_lower(line[0]); first != 'b' && first != 'p') return std::nullopt;
  if (line.find('\t') != std::string_view::npos) return std::nullopt;
  return structural_marker_without_tab(line);
}

bool read_structural_marker_without_tab(std::string_view line, Marker& m) {
  line = text::trim(line);
  if (line.size() < 3) return false;
  const char first = ascii_lower(line[0]);
  if (first != 'b' && first != 'p') return false;
  auto [tok, rest] = first_token(line);
  clear(m);
  // BAB I / BABI / BAB l
  if (text::istarts_with(tok, "BAB")) {
    std::string_view roman;
    std::string_view after;
    if (tok.size() == 3) {
      auto [t2, r2] = first_token(rest);
      roman = t2;
      after = r2;
    } else {
      roman = tok.substr(3);
      after = rest;
      m.repaired = true;
    }
    std::string r(roman);
    while (!r.empty() && (r.back() == '.' || r.back() == ':')) r.pop_back();
    for (char& c : r)
      if (c == 'l' || c == '1' || c == '|') c = 'I', m.repaired = true;
    if (tok.size() == 3 && roman == r) m.repaired = false;
    auto v = text::roman_to_int(r);
    if (!v) {
      m.repaired = false;
      if (auto n = text::parse_int(roman)) v = n;  // "BAB 3"
      r = v ? text::int_to_roman(*v) : r;
    }
    if (!v || !text::is_upper_text(tok.substr(0, 3))) return false;
    m.kind = NodeKind::Chapter;
    m.label = text::to_upper(r);
    m.ordinal = *v;
    m.rest = strip_echo_and_punct(after);
    return true;
  }
  // A word reads as a keyword of five letters or more with one letter wrong at most, and fix_rn
  // only shortens a word: a token of another length than the keyword's, give or take one, is
  // told by its length (most lines starting with a P: "pada", "pelaksanaan").
  // (A token that is the keyword itself, as most are, is told without the reading of a scan's
  // slips.)
  if (first == 'b' && tok.size() >= 5 && tok.size() <= 7 &&
      (text::iequals(tok, "Bagian") || starts_with_keyword(tok, "Bagian"))) {
    auto [t2, r2] = first_token(rest);
    std::string w(t2);
    while (!w.empty() && !text::is_alpha(w.back())) w.pop_back();
    if (auto v = ordinal_value(w)) {
      m.kind = NodeKind::Section;
      m.label = text::title_case(w);
      m.ordinal = *v;
      m.rest = strip_echo_and_punct(r2);
      return true;
    }
    return false;
  }
  if (first == 'p' && tok.size() >= 7 && tok.size() <= 9 &&
      (text::iequals(tok, "Paragraf") || starts_with_keyword(tok, "Paragraf"))) {
    auto [t2, r2] = first_token(rest);
    bool repaired = false;
    std::string n(t2);
    while (!n.empty() && (n.back() == '.' || n.back() == ':')) n.pop_back();
    if (auto v = ocr_number(n, repaired)) {
      m.kind = NodeKind::Paragraph;
      set_number_label(m.label, *v);
      m.ordinal = *v;
      m.rest = strip_echo_and_punct(r2);
      m.repaired = repaired;
      return true;
    }
    return false;
  }
  const bool pasal = text::iequals(tok, "Pasal");
  if (tok.size() >= 4 && tok.size() <= 6 && (tok[0] == 'P' || tok[0] == 'p') &&
      (pasal || starts_with_keyword(tok, "Pasal"))) {
    auto [t2, r2] = first_token(rest);
    if (!r2.empty()) return false;  // "Pasal 4 Peraturan ..." is a reference, not a heading
    std::string n(t2);
    while (!n.empty() && (n.back() == '.' || n.back() == ':')) n.pop_back();
    std::string suffix;
    // "Pasal 5A", inserted by an amendment; "Pasal 1O" is a scan's 10, not an inserted article.
    if (n.size() >= 2 && n.back() >= 'A' && n.back() <= 'Z' && n.back() != 'O' &&
        text::is_digit(n[n.size() - 2])) {
      suffix = n.substr(n.size() - 1);
      n.pop_back();
    }
    bool repaired = !pasal;
    if (auto v = ocr_number(n, repaired)) {
      m.kind = NodeKind::Article;
      set_number_label(m.label, *v);
      m.label += suffix;
      m.ordinal = *v;
      m.repaired = repaired;
      return true;
    }
  }
  return false;
}

namespace {

// A scan's specks before a letter item ("-3c. pelaksanaan ...", "~b. pengelolaan ..."): up to
// three characters, one of them neither a letter nor a digit, before "x. " or "x) ". Returns how
// many to skip, or 0.
std::size_t specks_before_letter_item(std::string_view line) {
  // A line that starts with a letter, a digit or "(" has no specks (the first round below).
  if (!line.empty() && (text::is_alnum(line[0]) || line[0] == '(')) return 0;
  for (std::size_t skip = 1; skip <= 3 && skip + 2 < line.size(); ++skip) {
    const std::string_view specks = line.substr(0, skip);
    if (std::all_of(specks.begin(), specks.end(), [](char c) { return text::is_alnum(c); }) ||
        specks.find_first_of("( ") != std::string_view::npos)
      return 0;
    const char letter = line[skip];
    if (letter >= 'a' && letter <= 'z' && (line[skip + 1] == '.' || line[skip + 1] == ')') &&
        line[skip + 2] == ' ')
      return skip;
  }
  return 0;
}

}  // namespace

std::optional<Marker> item_marker(std::string_view line) {
  line = text::trim(line);  // a tab at either end is no tab of a row
  if (line.find('\t') != std::string_view::npos) return std::nullopt;
  return item_marker_without_tab(line);
}

bool read_item_marker_without_tab(std::string_view line, Marker& m) {
  line = text::trim(line);
  if (line.empty()) return false;
  if (const std::size_t specks = specks_before_letter_item(line); specks > 0) {
    if (!read_item_marker_without_tab(line.substr(specks), m)) return false;
    m.repaired = true;
    return true;
  }
  clear(m);
  auto after = [&](std::size_t end) -> bool {
    // The marker must be followed by a space or end the line.
    if (end < line.size() && line[end] != ' ') return false;
    m.rest = text::trim(line.substr(end));
    return true;
  };
  // (1)
  if (line[0] == '(') {
    const std::size_t close = line.find(')');
    if (close != std::string_view::npos && close >= 2 && close <= 4) {
      bool repaired = false;
      if (auto v = ocr_number(line.substr(1, close - 1), repaired); v && after(close + 1)) {
        m.kind = NodeKind::Verse;
        set_number_label(m.label, *v);
        m.ordinal = *v;
        m.repaired = repaired;
        return true;
      }
    }
    return false;
  }
  // Digits: 1. / 1) / 6.1.
  if (text::is_digit(line[0])) {
    std::size_t i = 0;
    while (i < line.size() && text::is_digit(line[i])) ++i;
    if (i > 3 || i >= line.size()) return false;
    const int first = small_number(line.substr(0, i));
    if (line[i] == ')') {
      if (!after(i + 1)) return false;
      m.kind = NodeKind::ParenNumber;
      set_number_label(m.label, first);
      m.ordinal = first;
      return true;
    }
    if (line[i] != '.') return false;
    std::size_t j = i + 1;
    std::size_t k = j;
    while (k < line.size() && text::is_digit(line[k])) ++k;
    if (k > j && k - j <= 3) {
      const int second = small_number(line.substr(j, k - j));
      std::size_t end = k;
      if (end < line.size() && line[end] == '.') ++end;
      if (!after(end)) return false;
      m.kind = NodeKind::DottedNumber;
      set_number_label(m.label, first);
      m.label += '.';
      append_number(m.label, second);
      m.ordinal = second;
      return true;
    }
    if (!after(i + 1)) return false;
    m.kind = NodeKind::Number;
    set_number_label(m.label, first);
    m.ordinal = first;
    return true;
  }
  // Lowercase letters: a. aa. a) aa)
  if (line[0] >= 'a' && line[0] <= 'z') {
    // "cl." and "rn." are a scan's "d." and "m.": no list is labelled with those two letters.
    using Slip = std::pair<std::string_view, std::string_view>;
    for (const auto& [slip, letter] : {Slip{"cl", "d"}, Slip{"rn", "m"}}) {
      if (line[0] != slip[0]) continue;
      if (line.size() >= 3 && (line[2] == '.' || line[2] == ')') && line.substr(0, 2) == slip &&
          after(3)) {
        m.kind = line[2] == ')' ? NodeKind::ParenLetter : NodeKind::Letter;
        m.label.assign(letter);
        m.ordinal = *text::letter_ordinal(m.label);
        m.repaired = true;
        return true;
      }
    }
    std::size_t i = 1;
    if (i < line.size() && line[i] == line[0]) ++i;
    if (i < line.size() && (line[i] == '.' || line[i] == ')')) {
      const bool paren = line[i] == ')';
      if (!after(i + 1)) return false;
      m.kind = paren ? NodeKind::ParenLetter : NodeKind::Letter;
      m.label.assign(line.substr(0, i));
      m.ordinal = line[0] - 'a' + 1 + (i == 2 ? 26 : 0);  // text::letter_ordinal: "aa" is 27
      return true;
    }
    return false;
  }
  if (line[0] >= 'A' && line[0] <= 'Z') {
    // KESATU : ... (decree dictums), written in capitals: its first word is split off only when the
    // line starts with KE, as a dictum's does.
    if (line.starts_with("KE")) {
      auto [tok, rest] = first_token(line);
      std::string_view word = tok;
      while (!word.empty() && (word.back() == ':' || word.back() == '.')) word.remove_suffix(1);
      if (word.size() >= 5 && may_be_ordinal_word(word) && text::is_upper_text(word)) {
        if (auto v = ordinal_value(word)) {
          m.kind = NodeKind::Dictum;
          m.label.assign(word);
          m.ordinal = *v;
          m.rest = strip_echo_and_punct(rest);
          return true;
        }
      }
    }
    // Roman numerals I. II. IV.  and capital letters A. B.
    std::size_t i = 0;
    while (i < line.size() && i < 6 && (line[i] == 'I' || line[i] == 'V' || line[i] == 'X')) ++i;
    if (i > 0 && i < line.size() && line[i] == '.' &&
        (i + 1 == line.size() || line[i + 1] == ' ')) {
      if (auto v = text::roman_to_int(line.substr(0, i)); v && after(i + 1)) {
        m.kind = NodeKind::Roman;
        m.label.assign(line.substr(0, i));
        m.ordinal = *v;
        return true;
      }
    }
    if (line.size() >= 2 && line[1] == '.' && (line.size() == 2 || line[2] == ' ')) {
      if (after(2)) {
        m.kind = NodeKind::UpperLetter;
        m.label.assign(1, line[0]);
        m.ordinal = line[0] - 'A' + 1;
        return true;
      }
    }
  }
  return false;
}

std::optional<Marker> structural_marker_without_tab(std::string_view line) {
  Marker m;
  if (!read_structural_marker_without_tab(line, m)) return std::nullopt;
  return m;
}

std::optional<Marker> item_marker_without_tab(std::string_view line) {
  Marker m;
  if (!read_item_marker_without_tab(line, m)) return std::nullopt;
  return m;
}

std::optional<Marker> line_marker(std::string_view line) {
  if (auto m = structural_marker(line)) return m;
  return item_marker(line);
}

}  // namespace tatakerja::regulation
