#include "regulation/flattened_text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/sixteen_bytes.hpp"
#include "core/text.hpp"
#include "regulation/word_count.hpp"
#include "word_bytes.hpp"

namespace tatakerja::regulation {
namespace {

using Tokens = std::vector<std::string_view>;

// A line this long that holds a chapter, an article or the preamble's keywords is a page (or a
// whole text) run together; shorter lines are left as written.
constexpr std::size_t kFlattenedLine = 200;

// The letters and the spaces among the 64 bytes of a line from `from`, a bit a byte (bit k for
// s[from + k]): the words of a window are then found with a few bit operations each instead of a
// walk over their bytes. A byte past the line's end is no letter and counts as a space, since
// the end of a line ends its last word as a space does.
struct ByteBits {
  std::uint64_t letters = 0;
  std::uint64_t spaces = 0;
};

ByteBits full_window_bits(const char* p) {
  ByteBits b;
  for (std::size_t block = 0; block < 4; ++block) {
    const text::SixteenBytes v = text::sixteen_bytes_at(p + 16 * block);
    // is_ascii_letter: (c | 0x20) - 'a' below 26 (the bytes are unsigned).
    const unsigned letters = text::bits_of((text::folded(v) - 'a') < 26);
    const unsigned spaces = text::bits_of(v == ' ');
    b.letters |= static_cast<std::uint64_t>(letters) << (16 * block);
    b.spaces |= static_cast<std::uint64_t>(spaces) << (16 * block);
  }
  return b;
}

ByteBits window_bits(std::string_view s, std::size_t from) {
  if (from + 64 <= s.size()) return full_window_bits(s.data() + from);
  // The line's last bytes, copied after zeros (no letter, no space) to read as a whole window.
  std::array<char, 64> tail{};
  const std::size_t left = s.size() - from;
  std::memcpy(tail.data(), s.data() + from, left);
  ByteBits b = full_window_bits(tail.data());
  b.spaces |= ~std::uint64_t{0} << left;  // left < 64
  return b;
}

// Calls f(word) for each space-separated word of s, without allocating: the words of each 64-byte
// window are read from its space bits (a word that runs past a window is read from the next,
// which starts at it; one of 64 bytes or more a byte at a time).
template <typename F>
void for_each_word(std::string_view s, F f) {
  for (std::size_t i = 0; i < s.size();) {
    const ByteBits b = window_bits(s, i);
    std::uint64_t unread = ~b.spaces;  // the bytes of words not read yet
    std::size_t next = i + 64;         // where the next window starts
    while (unread != 0) {
      const int start = std::countr_zero(unread);
      const std::uint64_t spaces_after = b.spaces & (~std::uint64_t{0} << start);
      if (spaces_after == 0) {
        next = i + static_cast<std::size_t>(start);
        if (start == 0) {
          next = next_space(s, i);
          f(s.substr(i, next - i));
        }
        break;
      }
      const int space = std::countr_zero(spaces_after);  // after start: 1 to 63
      f(s.substr(i + static_cast<std::size_t>(start), static_cast<std::size_t>(space - start)));
      unread &= ~std::uint64_t{0} << space;
    }
    i = next;
  }
}

Tokens tokens_of(std::string_view s) {
  Tokens out;
  out.reserve(s.size() / 2 + 1);  // a word and its space take two bytes at least: one allocation
  for_each_word(s, [&](std::string_view w) { out.push_back(w); });
  return out;
}

bool is_roman_token(std::string_view t) {
  if (!t.empty() && t.back() == '.') t.remove_suffix(1);
  return !t.empty() && text::is_upper_text(t) && text::roman_to_int(t).has_value();
}

bool is_number_token(std::string_view t) {
  if (!t.empty() && t.back() == '.') t.remove_suffix(1);
  std::size_t i = 0;
  while (i < t.size() && text::is_digit(t[i])) ++i;
  // "5", "5A" (an article inserted by an amendment)
  return i > 0 && i <= 3 && (i == t.size() || (i + 1 == t.size() && text::is_alpha(t[i])));
}

bool is_verse_token(std::string_view t) {
  return t.size() >= 3 && t.front() == '(' && t.back() == ')' &&
         std::all_of(t.begin() + 1, t.end() - 1, [](char c) { return text::is_digit(c); });
}

// "a.", "b)", "aa.", "1.", "12)": the marker of a list item.
// The same, as a scan may print them: "l4" for 14 (one digit at least), "(l)" for (1).
bool is_scanned_number_token(std::string_view t) {
  if (is_number_token(t)) return true;
  const bool digit = std::any_of(t.begin(), t.end(), [](char c) { return text::is_digit(c); });
  return digit && t.size() <= 3 &&
         std::all_of(t.begin(), t.end(), [](char c) { return text::is_digit(c) || c == 'l'; });
}
bool is_scanned_verse_token(std::string_view t) {
  return is_verse_token(t) ||
         (t.size() >= 3 && t.size() <= 4 && t.front() == '(' && t.back() == ')' &&
          std::all_of(t.begin() + 1, t.end() - 1,
                      [](char c) { return text::is_digit(c) || c == 'l'; }));
}

bool is_item_token(std::string_view t) {
  if (t.size() < 2 || t.size() > 3 || (t.back() != '.' && t.back() != ')')) return false;
  const std::string_view body = t.substr(0, t.size() - 1);
  const bool letters =
      std::all_of(body.begin(), body.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const bool digits =
      std::all_of(body.begin(), body.end(), [](char c) { return text::is_digit(c); });
  return letters || digits;
}

bool ends_clause(std::string_view t) {
  return !t.empty() && (t.back() == ';' || t.back() == ':' || t.back() == '.');
}

bool starts_upper(std::string_view t) {
  return !t.empty() && t.front() >= 'A' && t.front() <= 'Z';
}

bool is_ordinal_word(std::string_view t) {
  static constexpr std::array<std::string_view, 10> kOrdinals = {
      "Kesatu", "Kedua",   "Ketiga",    "Keempat",    "Kelima",
      "Keenam", "Ketujuh", "Kedelapan", "Kesembilan", "Kesepuluh"};
  return std::any_of(kOrdinals.begin(), kOrdinals.end(),
                     [&](std::string_view o) { return text::iequals(t, o); });
}

// The words before a reference to an article ("sebagaimana dimaksud dalam Pasal 5 ..."), after
// which "Pasal" does not begin a new article.
bool is_reference_word(std::string_view t) {
  static constexpr std::array<std::string_view, 12> kWords = {
      "dalam",  "pada",   "dimaksud", "dan", "atau",    "ketentuan",
      "dengan", "sampai", "s.d.",     "-",   "menurut", "berdasarkan"};
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view w) { return text::iequals(t, w); });
}

// Whether a token starts with an M in either case, as the preamble's keywords do: most tokens are
// told from all five at once.
bool starts_with_m(std::string_view w) {
  return !w.empty() && (w.front() | 0x20) == 'm';
}

bool keyword_with_colon(const Tokens& t, std::size_t i, std::string_view word) {
  if (!text::istarts_with(t[i], word)) return false;
  if (t[i].size() == word.size()) return i + 1 < t.size() && t[i + 1].front() == ':';
  return t[i].size() == word.size() + 1 && t[i].back() == ':';
}

bool is_small_number(std::string_view t) {
  return !t.empty() && t.size() <= 3 && std::all_of(t.begin(), t.end(), text::is_digit);
}

// How many tokens of page furniture start at i: "- 2 -", "Halaman 3 dari 40", "Page 3 of 40",
// "-4·"; 0 when none.
std::size_t furniture_at(const Tokens& t, std::size_t i) {
  const std::size_t n = t.size();
  if (is_decorated_page_number(t[i])) return 1;
  if (t[i] == "-" && i + 2 < n && is_small_number(t[i + 1]) && t[i + 2] == "-") return 3;
  if (i + 3 < n && (text::iequals(t[i], "Halaman") || text::iequals(t[i], "Page")) &&
      is_small_number(t[i + 1]) &&
      (text::iequals(t[i + 2], "dari") || text::iequals(t[i + 2], "of")) &&
      is_small_number(t[i + 3]))
    return 4;
  return 0;
}

// An article heading inside running text ("... ditetapkan. Pasal 5 (1) Dinas ..."), not a
// reference to one ("sebagaimana dimaksud dalam Pasal 5 ayat (1)").
bool article_heading_at(const Tokens& t, std::size_t i) {
  return (t[i] == "Pasal" || t[i] == "Paragraf") && i + 1 < t.size() &&
         is_scanned_number_token(t[i + 1]) &&
         (i + 2 >= t.size() || is_scanned_verse_token(t[i + 2]) || starts_upper(t[i + 2])) &&
         (i == 0 || !is_reference_word(t[i - 1]));
}

// Whether a line is a run-together page: a chapter or an article begins inside it right after a
// sentence ends ("... fungsinya. Bagian Kedua Kepala Dinas Pasal 5 Kepala Dinas ..."), or, in a
// long line, a chapter, an article or a part of the preamble begins inside it (not at its start:
// a long Menimbang item is an ordinary line).
bool has_strong_marker(const Tokens& t, bool long_line) {
  for (std::size_t i = 1; i + 1 < t.size(); ++i) {
    // After a sentence's end (the cheap half of the test, read first).
    if (t[i - 1].back() != '.' && t[i - 1].back() != ';') continue;
    const bool heading = (t[i] == "BAB" && is_roman_token(t[i + 1])) || article_heading_at(t, i) ||
                         (t[i] == "Bagian" && is_ordinal_word(t[i + 1])) ||
                         (is_verse_token(t[i]) && starts_upper(t[i + 1]));
    if (heading) return true;
  }
  // "a. Kepala Dinas; b. Sekretariat, membawahkan: 1. Sub Bagian ...; dan 2. ...": a list run
  // together (three items or more begin inside the line).
  int items = 0;
  for (std::size_t i = 1; i + 1 < t.size(); ++i) {
    const std::string_view prev = t[i - 1];
    if (t[i].size() < 2 || t[i].size() > 3) continue;  // no item's marker (is_item_token)
    if (is_item_token(t[i]) && (prev.back() == ';' || prev.back() == ':' ||
                                ((text::iequals(prev, "dan") || text::iequals(prev, "atau")) &&
                                 i > 1 && t[i - 2].back() == ';')))
      ++items;
  }
  if (items >= 2) return true;
  if (!long_line) return false;
  for (std::size_t i = 1; i + 1 < t.size(); ++i) {
    // BAB, Pasal, Paragraf, Menimbang, Mengingat, MEMUTUSKAN and DENGAN: told by the first letter.
    if (const char c = t[i].front(); c != 'B' && c != 'P' && c != 'M' && c != 'm' && c != 'D')
      continue;
    if ((t[i] == "BAB" && is_roman_token(t[i + 1])) || article_heading_at(t, i) ||
        keyword_with_colon(t, i, "Menimbang") || keyword_with_colon(t, i, "Mengingat") ||
        text::istarts_with(t[i], "MEMUTUSKAN") || (t[i] == "DENGAN" && t[i + 1] == "RAHMAT"))
      return true;
  }
  return false;
}

// An ayat or a list item begins at token i: "(2)" after a sentence ends; "b." after ";" or ":"
// (or after "; dan"); "2." after a full stop and before a capital ("1. Daerah adalah Kabupaten
// X. 2. Pemerintah Daerah adalah ...").
bool begins_item(const Tokens& t, std::size_t i) {
  const std::string_view w = t[i];
  const std::string_view prev = i > 0 ? t[i - 1] : std::string_view();
  const std::string_view next = i + 1 < t.size() ? t[i + 1] : std::string_view();
  if (is_verse_token(w)) return i == 0 || ends_clause(prev);
  if (!is_item_token(w) || i == 0) return false;
  if (prev.back() == ';' || prev.back() == ':') return true;
  if (prev.back() == '.' && text::is_digit(w.front()) && starts_upper(next) && !is_item_token(prev))
    return true;
  return (text::iequals(prev, "dan") || text::iequals(prev, "atau")) && i > 1 &&
         (t[i - 2].back() == ';' || t[i - 2].back() == ',');
}

// A line of the closing or an annex begins at token i: "pada tanggal" (after "Ditetapkan di"),
// "BERITA DAERAH", "LEMBARAN DAERAH", "LAMPIRAN", "SALINAN".
bool begins_closing_line(const Tokens& t, std::size_t i, bool in_closing) {
  const std::string_view w = t[i];
  const std::string_view next = i + 1 < t.size() ? t[i + 1] : std::string_view();
  return (in_closing && w == "pada" && next == "tanggal") ||
         ((w == "BERITA" || w == "LEMBARAN") && next == "DAERAH") || w == "LAMPIRAN" ||
         w == "SALINAN";
}

// The positions before which a flattened line is cut (sorted, unique).
std::vector<std::size_t> cut_points(const Tokens& t) {
  const std::size_t n = t.size();
  std::vector<bool> cut(n + 1, false);
  bool in_heading = true;  // before TENTANG's title ends
  bool in_closing = false;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view w = t[i];
    const std::string_view prev = i > 0 ? t[i - 1] : std::string_view();
    const std::string_view next = i + 1 < n ? t[i + 1] : std::string_view();
    if (w == "BAB" && is_roman_token(next)) {
      cut[i] = true;
      cut[std::min(n, i + 2)] = true;
      std::size_t j = i + 2;  // the chapter's title: the upper-case words after its number
      while (j < n && text::is_upper_text(t[j]) && t[j] != "BAB" && !is_verse_token(t[j])) ++j;
      cut[j] = true;
      in_heading = false;
    } else if (article_heading_at(t, i)) {
      cut[i] = true;
      cut[std::min(n, i + 2)] = true;
      in_heading = false;
    } else if (w == "Bagian" && is_ordinal_word(next) && !is_reference_word(prev)) {
      cut[i] = true;
      cut[std::min(n, i + 2)] = true;
    } else if (begins_item(t, i) || begins_closing_line(t, i, in_closing) ||
               (in_heading && w == "PERATURAN" && i > 0 && text::is_upper_text(prev))) {
      // (The heading's "PERATURAN BUPATI X" after the issuer's "BUPATI X PROVINSI Y".)
      cut[i] = true;
    } else if (starts_with_m(w) &&
               (keyword_with_colon(t, i, "Menimbang") || keyword_with_colon(t, i, "Mengingat") ||
                keyword_with_colon(t, i, "Memperhatikan") ||
                keyword_with_colon(t, i, "Menetapkan") || text::istarts_with(w, "MEMUTUSKAN"))) {
      cut[i] = true;
      if (text::istarts_with(w, "MEMUTUSKAN")) cut[std::min(n, i + 1)] = true;
      in_heading = false;
    } else if (in_heading && w == "DENGAN" && next == "RAHMAT") {
      cut[i] = true;
      for (std::size_t j = i; j + 1 < n && j < i + 8; ++j) {
        if (t[j] == "MAHA" && t[j + 1].starts_with("ESA")) cut[std::min(n, j + 2)] = true;
      }
    } else if (in_heading && (w == "NOMOR" || w == "TENTANG")) {
      cut[i] = true;
      if (w == "TENTANG") cut[std::min(n, i + 1)] = true;
    } else if ((w == "Ditetapkan" || w == "Diundangkan") && next == "di") {
      cut[i] = true;
      in_closing = true;
    }
  }
  std::vector<std::size_t> out;
  for (std::size_t i = 1; i < n; ++i) {
    if (cut[i]) out.push_back(i);
  }
  return out;
}

std::string joined(const Tokens& t, std::size_t begin, std::size_t end) {
  std::string s;
  for (std::size_t i = begin; i < end; ++i) {
    if (!s.empty()) s += ' ';
    s += t[i];
  }
  return s;
}

std::string_view bare_view(std::string_view w) {
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  while (!w.empty() && !alpha(w.back())) w.remove_suffix(1);
  while (!w.empty() && !alpha(w.front())) w.remove_prefix(1);
  return w;
}

bool letters_only(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return text::is_alpha(c); });
}

}  // namespace

namespace {

// Whether a marker that has_strong_marker reads begins after the clause end s[p] and its space:
// an item, an ayat, BAB, Pasal, Paragraf or Bagian (after "; dan" or "; atau" too), not as the
// line's last word.
bool marker_after_clause_end(std::string_view s, std::size_t p) {
  const char c = s[p];
  std::string_view rest = s.substr(p + 2);
  if (c == ';' && text::istarts_with(rest, "dan ")) rest.remove_prefix(4);
  if (c == ';' && text::istarts_with(rest, "atau ")) rest.remove_prefix(5);
  // Each marker begins with a small letter or a digit (an item), '(' (an ayat, of any length), 'B'
  // or 'P'; and but for an ayat none is longer than "Paragraf": most clause ends are told from the
  // first bytes after them, without a search for the next space.
  if (rest.empty()) return false;
  const char first = rest.front();
  const bool verse = first == '(';
  const bool small = first >= 'a' && first <= 'z';
  if (!verse && !text::is_digit(first) && !small && first != 'B' && first != 'P') return false;
  // A small letter's item ends at its second or third byte ("a.", "aa)"), before a space; BAB,
  // Bagian, Pasal and Paragraf have an 'A' or an 'a' second ("Peraturan", "Bupati" have not).
  const auto item_end = [](char b) { return b == '.' || b == ')'; };
  if (small && (rest.size() < 3 || !(item_end(rest[1]) || item_end(rest[2])))) return false;
  if ((first == 'B' || first == 'P') && (rest.size() < 2 || (rest[1] != 'A' && rest[1] != 'a')))
    return false;
  const std::size_t space = (verse ? rest : rest.substr(0, 9)).find(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view token = rest.substr(0, space);
  return is_item_token(token) || is_scanned_verse_token(token) || token == "BAB" ||
         token == "Pasal" || token == "Paragraf" || token == "Bagian";
}

// Whether found(p) holds for some p, in order, where marks(v, next) marks s[p] and s[p + 1]
// (marks compares sixteen bytes and the sixteen after each at once, and marks no byte before a
// zero): a block of sixteen at a time, the last block overlapping those before it (the bytes
// already looked at left out), a line shorter than a block and a byte from a copy padded with
// zeros.
template <typename Marks, typename Found>
bool any_marked_pair(std::string_view s, Marks marks, Found found) {
  const std::size_t n = s.size();
  const auto marked = [&](const char* p) {
    return text::bits_of(marks(text::sixteen_bytes_at(p), text::sixteen_bytes_at(p + 1)));
  };
  const auto any_found = [&](unsigned bits, std::size_t base) {
    for (; bits != 0; bits &= bits - 1)
      if (found(base + static_cast<std::size_t>(std::countr_zero(bits)))) return true;
    return false;
  };
  const auto scan = [&](const char* p, std::size_t base, unsigned keep) {
    return any_found(marked(p) & keep, base);
  };
  std::size_t block = 0;
  // Two blocks a round while they last (one test whether either has a mark), then one.
  for (; block + 33 <= n; block += 32) {
    const unsigned low = marked(s.data() + block);
    const unsigned high = marked(s.data() + block + 16);
    if ((low | high) != 0 && (any_found(low, block) || any_found(high, block + 16))) return true;
  }
  for (; block + 17 <= n; block += 16)
    if (scan(s.data() + block, block, 0xFFFFu)) return true;
  if (n >= 17) {
    const std::size_t last = n - 17;
    return scan(s.data() + last, last, (0xFFFFu << (block - last)) & 0xFFFFu);
  }
  std::array<char, 17> copy{};
  std::memcpy(copy.data(), s.data(), n);
  return scan(copy.data(), 0, 0xFFFFu);
}

// The clause ends among sixteen bytes v (and the sixteen after them, next): '.', ';' or ':'
// followed by a space.
constexpr auto clause_end_marks = [](text::SixteenBytes v, text::SixteenBytes next) {
  return ((v == '.') | ((v | 1) == ';')) & (next == ' ');  // ':' is ';' but for bit 0
};

// Whether some clause end in s ('.', ';' or ':' followed by a space, with a byte after the space)
// has marker_after_clause_end: sixteen bytes are looked at at once, and only the few clause ends
// found among them one by one.
bool any_marker_after_clause_end(std::string_view s) {
  const std::size_t n = s.size();
  return any_marked_pair(s, clause_end_marks,
                         [&](std::size_t p) { return p + 2 < n && marker_after_clause_end(s, p); });
}

// Whether a line shorter than kFlattenedLine may hold a heading or items run together, judged
// without splitting it into words: has_strong_marker needs a marker right after a clause's end
// (". (2) Dinas", "; b. Sekretariat", ": a. Kepala", "; dan c. ...", ". BAB II", ". Pasal 5 ...",
// ". Bagian Kedua") that is not the line's last word.
bool may_hold_marker(std::string_view s) {
  return any_marker_after_clause_end(s);
}

// The token before the one that starts at s[at] (after a space): its bytes back to the space
// before it, past any further spaces between them (empty at the line's start).
std::string_view token_before(std::string_view s, std::size_t at) {
  std::size_t end = at - 1;  // s[end] is a space
  while (end > 0 && s[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && s[begin - 1] != ' ') --begin;
  return s.substr(begin, end - begin);
}

// Whether the token that starts at s[at] (after a space) may begin what has_strong_marker looks
// for in a long line only: BAB, an article's heading (not after a reference word), Menimbang,
// Mengingat, MEMUTUSKAN, DENGAN RAHMAT.
// Most words looked at are none of those ("Peraturan", "Daerah", "Badan", "mempunyai"): each is
// told from its second byte (and an M's third and fourth) before it is compared whole.
bool may_begin_heading(std::string_view s, std::size_t at) {
  const std::string_view rest = s.substr(at);
  if (rest.size() < 4) return false;                                      // "BAB " is the shortest
  const auto lower = [](char c) { return static_cast<char>(c | 0x20); };  // of a letter only
  switch (rest.front()) {
    case 'B':
      return rest[1] == 'A' && rest.starts_with("BAB ");
    case 'D':
      return rest[1] == 'E' && rest.starts_with("DENGAN ");
    case 'P':
      return rest[1] == 'a' && (rest.starts_with("Pasal ") || rest.starts_with("Paragraf ")) &&
             !is_reference_word(token_before(s, at));
    default:  // 'M' or 'm'
      if (lower(rest[1]) != 'e') return false;
      if (lower(rest[2]) == 'n')
        return (lower(rest[3]) == 'i' && text::istarts_with(rest, "menimbang")) ||
               (lower(rest[3]) == 'g' && text::istarts_with(rest, "mengingat"));
      return lower(rest[2]) == 'm' && lower(rest[3]) == 'u' &&
             text::istarts_with(rest, "memutuskan");
  }
}

// The spaces among sixteen bytes v before a word that may begin what may_begin_heading looks for
// (one that starts with 'B', 'P', 'D', 'M' or 'm'): a long line may hold a heading or a part of
// the preamble inside it only after such a space, and only those words are looked at.
constexpr auto heading_marks = [](text::SixteenBytes v, text::SixteenBytes next) {
  return (v == ' ') & ((next == 'B') | (next == 'P') | (next == 'D') | (text::folded(next) == 'm'));
};

// Whether a long line may hold a marker (may_hold_marker) or a heading or a part of the preamble
// inside it, judged without splitting it into words, in one pass over its bytes: a clause
// end is marked at its '.', ';' or ':' and a word that may begin a heading at the space before it,
// so that the byte marked tells which of the two it is.
bool may_hold_marker_or_heading(std::string_view s) {
  const std::size_t n = s.size();
  return any_marked_pair(
      s,
      [](text::SixteenBytes v, text::SixteenBytes next) {
        return clause_end_marks(v, next) | heading_marks(v, next);
      },
      [&](std::size_t p) {
        return s[p] == ' ' ? may_begin_heading(s, p + 1)
                           : p + 2 < n && marker_after_clause_end(s, p);
      });
}

// The line cut at its headings and items, without its page furniture.
void split_line(Line& line, const Tokens& all, std::vector<Line>& out) {
  Tokens t;
  for (std::size_t i = 0; i < all.size();) {
    if (const std::size_t skip = furniture_at(all, i); skip > 0) {
      i += skip;
    } else {
      t.push_back(all[i++]);
    }
  }
  std::size_t begin = 0;
  for (const std::size_t c : cut_points(t)) {
    out.push_back(Line{line.number, joined(t, begin, c), false});
    begin = c;
  }
  out.push_back(Line{line.number, joined(t, begin, t.size()), false});
}

// The lines that may start with an article's heading run into its first ayat ("Pasal 4 (1) Kepala
// Badan mempunyai ..."): after a sentence's end or a heading line, not where a hard-wrapped
// sentence goes on ("... sesuai / Pasal 5 Peraturan Daerah ...", "... dimaksud dalam / Pasal 4").
// Returned as the indices of those lines, in order (few: one an article at most).
std::vector<std::size_t> articles_run_in(const std::vector<Line>& lines) {
  std::vector<std::size_t> out;
  const std::string* prev = nullptr;  // the text of the last line before that is not blank
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const std::string& t = lines[k].text;
    if (t.empty()) continue;
    if (t.starts_with("Pasal ") && !lines[k].is_row()) {
      bool closes = true;
      if (prev != nullptr) {
        const std::size_t space = prev->rfind(' ');
        const std::string_view last =
            std::string_view(*prev).substr(space == std::string::npos ? 0 : space + 1);
        closes = !is_reference_word(last) &&
                 (ends_clause(*prev) || prev->starts_with("BAB ") || prev->starts_with("Bagian ") ||
                  prev->starts_with("Paragraf ") || text::is_upper_text(*prev));
      }
      if (closes) out.push_back(k);
    }
    prev = &t;
  }
  return out;
}

}  // namespace

void split_flattened_lines(std::vector<Line>& lines, std::vector<Finding>& findings) {
  std::vector<Line> out;  // built only from the first line that is cut
  bool cutting = false;
  int split = 0;
  int first = 0;
  const std::vector<std::size_t> articles = articles_run_in(lines);
  std::size_t next_article = 0;  // the first of `articles` not behind k
  for (std::size_t k = 0; k < lines.size(); ++k) {
    Line& line = lines[k];
    const bool long_line = line.text.size() >= kFlattenedLine;
    const bool article_first = next_article < articles.size() && articles[next_article] == k;
    if (article_first) ++next_article;
    bool cut = false;
    // (Whether the line is a table row, a search for a tab, is asked last.)
    if ((article_first ||
         (line.text.size() >= 40 &&
          (long_line ? may_hold_marker_or_heading(line.text) : may_hold_marker(line.text)))) &&
        !line.is_row()) {
      const Tokens all = tokens_of(line.text);
      if ((article_first && all.size() > 2 && article_heading_at(all, 0)) ||
          (line.text.size() >= 40 && has_strong_marker(all, long_line))) {
        if (!cutting) {
          out.reserve(lines.size() + 64);
          std::move(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(k),
                    std::back_inserter(out));
          cutting = true;
        }
        split_line(line, all, out);
        cut = true;
        if (split++ == 0) first = line.number;
      }
    }
    if (cutting && !cut) out.push_back(std::move(line));
  }
  if (cutting) lines = std::move(out);
  if (split > 0) {
    findings.push_back({"LAYOUT_FLATTENED_TEXT", Severity::Info, first,
                        std::to_string(split) +
                            " baris panjang hasil salinan PDF (kepala, pembukaan dan batang tubuh "
                            "dalam satu baris) dipecah kembali pada BAB, Pasal, ayat dan butir."});
  }
}

void drop_running_headers(std::vector<Line>& lines, std::vector<Finding>& findings) {
  const auto first =
      std::find_if(lines.begin(), lines.end(), [](const Line& l) { return !l.text.empty(); });
  if (first == lines.end()) return;
  const std::string header = first->text;
  const auto is_header = [&](const std::string& s) {
    return s == header || s == "SALINAN" || s == "SALINAN.";
  };
  if (header.size() > 60 || !text::is_upper_text(header)) return;
  const auto count =
      std::count_if(lines.begin(), lines.end(), [&](const Line& l) { return is_header(l.text); });
  if (count < 3) return;
  int dropped = 0;
  bool seen = false;
  for (Line& l : lines) {
    if (!is_header(l.text)) continue;
    if (l.text == header && !seen) {
      seen = true;
      continue;
    }
    l.text.clear();
    ++dropped;
  }
  if (dropped > 0) {
    findings.push_back({"LAYOUT_RUNNING_HEADER", Severity::Info, 0,
                        "Kepala halaman yang berulang (\"" + header + "\") dibuang " +
                            std::to_string(dropped) + " kali."});
  }
}

namespace {

bool is_capital(char c) {
  return c >= 'A' && c <= 'Z';
}

// Appends to `joined` the index of each line that a join ends with a new word.
void join_broken_words(std::vector<Line>& lines, const WordCount& words,
                       std::vector<std::uint32_t>& joined, std::vector<Finding>& findings) {
  const auto appears = [&](std::string_view w, int times) {
    return words.count(bare_view(w)) >= times;
  };
  int joins = 0;
  int first = 0;
  // The last line before that is not blank; a table row joins neither way, which is asked only
  // of a pair whose ends may join (most lines end otherwise than in a hyphen or a capital).
  Line* prev = nullptr;
  std::uint32_t prev_index = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    Line& l = lines[k];
    if (l.text.empty()) continue;
    if (prev != nullptr && (prev->text.back() == '-' || is_capital(prev->text.back())) &&
        !prev->is_row() && !l.is_row()) {
      const std::size_t space = prev->text.rfind(' ');
      const std::size_t a = space == std::string::npos ? 0 : space + 1;
      const std::string_view tail = std::string_view(prev->text).substr(a);
      const std::size_t b = l.text.find(' ');
      const std::string_view head = std::string_view(l.text).substr(0, b);
      std::string candidate;
      // "Ke-" / "pala": the hyphen marks the break; the rest must not be a word of its own.
      if (tail.size() >= 3 && tail.back() == '-' && letters_only(tail.substr(0, tail.size() - 1)) &&
          !head.empty() && head.front() >= 'a' && head.front() <= 'z' && !appears(head, 2)) {
        candidate = std::string(tail.substr(0, tail.size() - 1)) + std::string(head);
      } else if (tail.size() >= 2 && is_capital(tail.back()) && head.size() >= 2 &&
                 is_capital(head.front()) && letters_only(tail) && text::is_upper_text(tail) &&
                 text::is_upper_text(head) && !appears(tail, 2) && !appears(head, 2)) {
        // "KABU" / "PATEN": neither piece is a word found elsewhere in the text.
        candidate = std::string(tail) + std::string(head);
      }
      if (!candidate.empty() && bare_view(candidate).size() >= 5 && appears(candidate, 1)) {
        prev->text.resize(a);
        prev->text += candidate;
        l.text = b == std::string::npos ? std::string() : l.text.substr(b + 1);
        joined.push_back(prev_index);
        if (joins++ == 0) first = prev->number;
      }
    }
    prev = l.text.empty() ? nullptr : &l;
    prev_index = static_cast<std::uint32_t>(k);
  }
  if (joins > 0) {
    findings.push_back(
        {"LAYOUT_BROKEN_WORDS", Severity::Info, first,
         std::to_string(joins) + " kata yang terpotong di akhir baris disambung kembali."});
  }
}

namespace {

// Calls f(reading) for each reading an OCR slip may hide in w, in this order: "cl" for "d", "rn"
// for "m", "l" for "i" (one at a time, and all at once for "ORGANlSASl"). Each reading is made in
// one of two buffers kept from call to call, not a string of its own.
template <typename F>
void for_each_ocr_reading(std::string_view w, std::string& v, std::string& all, F f) {
  const auto replace_each = [&](std::string_view from, std::string_view to) {
    for (std::size_t p = w.find(from); p != std::string_view::npos; p = w.find(from, p + 1)) {
      v.assign(w);
      v.replace(p, from.size(), to);
      f(v);
    }
  };
  replace_each("cl", "d");
  replace_each("rn", "m");
  // "l" for a capital "I" that starts a word ("lkan" for "Ikan").
  if (w.size() >= 3 && w[0] == 'l' && w[1] >= 'a' && w[1] <= 'z') {
    v.assign(w);
    v[0] = 'I';
    f(v);
  }
  // "l" for "i" inside a word, in either case ("Fungslonal", "ORGANlSASl").
  all.assign(w);
  bool any = false;
  for (std::size_t p = 1; p < w.size(); ++p) {
    if (w[p] != 'l') continue;
    v.assign(w);
    const bool upper_word = text::is_upper_text(w.substr(0, p));
    v[p] = upper_word ? 'I' : 'i';
    all[p] = v[p];
    any = true;
    f(v);
  }
  if (any) f(all);
}

// Whether a word holds what an OCR slip leaves: "cl", "rn", an "l" anywhere, or a capital after a
// small letter (two words run together).
bool may_be_ocr_slip(std::string_view w) {
  if (w.front() == 'l') return true;
  for (std::size_t p = 1; p < w.size(); ++p) {
    const char a = w[p - 1], b = w[p];
    if (b == 'l' || (a == 'r' && b == 'n') || (a >= 'a' && a <= 'z' && b >= 'A' && b <= 'Z'))
      return true;
  }
  return false;
}

// may_be_ocr_slip(w) for a word with fifteen readable bytes after it, sixteen of its bytes looked
// at at once: the distinct words of a text are each asked, and a byte at a time the answer cost
// more than the readings of the few words it lets through.
bool may_be_ocr_slip_padded(std::string_view w) {
  if (w.size() > 16) return may_be_ocr_slip(w);
  const text::SixteenBytes v = text::sixteen_bytes_at(w.data());
  const unsigned in_word = (1U << w.size()) - 1;  // w.size() <= 16
  const unsigned ell = text::bits_of(v == 'l');
  const unsigned r = text::bits_of(v == 'r');
  const unsigned n = text::bits_of(v == 'n');
  const unsigned small = text::bits_of((v - 'a') < 26);
  const unsigned capital = text::bits_of((v - 'A') < 26);
  // A pair is marked at its second byte; (x << 1) leaves bit 0, the word's first byte, unmarked.
  const unsigned pairs = ((r << 1) & n) | ((small << 1) & capital);
  return ((ell | pairs) & in_word) != 0;
}

}  // namespace

// `joined`: the lines that join_broken_words ended with a new word, which the count has not seen
// there.
void repair_ocr_words(std::vector<Line>& lines, const WordCount& count,
                      std::vector<std::uint32_t> joined, std::vector<Finding>& findings) {
  const auto seen = [&](std::string_view w) { return count.count(w); };
  // The repair of one word (a view into the counted text, spelt as first seen), when certain.
  std::unordered_map<std::string_view, std::string> repairs;
  std::string reading, all_read;  // the buffers of for_each_ocr_reading
  // The lines a repaired word is on: the lines to rewrite. A word repaired appears twice at most,
  // and the count kept the lines of its first two appearances.
  std::vector<std::uint32_t>& to_rewrite = joined;
  count.for_each(
      [&](std::string_view word, int n, std::uint32_t first_line, std::uint32_t second_line) {
        // A word written the same way three times or more is how the text spells it, not a slip.
        if (word.size() < 4 || n > 2 || !may_be_ocr_slip_padded(word)) return;
        std::string best;
        int best_count = n;
        for_each_ocr_reading(word, reading, all_read, [&](const std::string& v) {
          if (const int c = seen(v); c >= 2 && c > best_count) best = v, best_count = c;
        });
        // "KepalaBidang": two words run together, each written apart elsewhere.
        for (std::size_t p = 2; best.empty() && p + 2 < word.size(); ++p) {
          if (!(word[p] >= 'A' && word[p] <= 'Z') || !(word[p - 1] >= 'a' && word[p - 1] <= 'z'))
            continue;
          const std::string_view a = word.substr(0, p), b = word.substr(p);
          if (seen(a) >= 2 && seen(b) >= 2) best = std::string(a) + " " + std::string(b);
        }
        if (best.empty()) return;
        repairs.emplace(word, best);
        to_rewrite.push_back(first_line);
        if (second_line != kNoLine) to_rewrite.push_back(second_line);
      });
  if (repairs.empty()) return;
  // The repaired words' first letters and lengths: a text repairs few words, so that most words
  // are told apart from them by these two before the table is hashed and searched.
  std::array<std::uint64_t, 256> repaired_shapes{};
  for (const auto& [word, repair] : repairs)
    repaired_shapes[static_cast<unsigned char>(word.front())] |=
        std::uint64_t{1} << std::min<std::size_t>(word.size(), 63);
  const auto may_be_repaired = [&](std::string_view bare) {
    return !bare.empty() && ((repaired_shapes[static_cast<unsigned char>(bare.front())] >>
                              std::min<std::size_t>(bare.size(), 63)) &
                             1) != 0;
  };
  // The repair of a word of the text, if any: every repaired word is four letters or more and
  // may be an OCR slip, which most words are not (checked before the table is searched).
  const auto repair_of = [&](std::string_view bare) {
    if (bare.size() < 4 || !may_be_repaired(bare) || !may_be_ocr_slip(bare)) return repairs.end();
    return repairs.find(bare);
  };
  int repaired = 0;
  int first = 0;
  const std::pair<const std::string_view, std::string>* example =
      nullptr;  // the first, in text order
  // In text order, so that the finding names the first repair.
  std::sort(to_rewrite.begin(), to_rewrite.end());
  to_rewrite.erase(std::unique(to_rewrite.begin(), to_rewrite.end()), to_rewrite.end());
  for (const std::uint32_t index : to_rewrite) {
    Line& l = lines[index];
    std::string out;
    bool changed = false;
    for (const auto token : tokens_of(l.text)) {
      if (!out.empty()) out += ' ';
      const std::string_view bare = bare_view(token);
      const auto it = repair_of(bare);
      if (it == repairs.end()) {
        out += token;
        continue;
      }
      const std::size_t at = token.find(bare);
      out += token.substr(0, at);
      out += it->second;
      out += token.substr(at + bare.size());
      changed = true;
      if (repaired++ == 0) first = l.number, example = &*it;
    }
    if (changed && !l.is_row()) l.text = std::move(out);
  }
  if (example == nullptr) return;
  findings.push_back({"OCR_REPAIRED", Severity::Info, first,
                      std::to_string(repaired) +
                          " kata hasil pindai diperbaiki (bentuk yang benar muncul di bagian lain "
                          "naskah), misalnya \"" +
                          std::string(example->first) + "\" menjadi \"" + example->second + "\"."});
}

}  // namespace

void repair_words(std::vector<Line>& lines, std::vector<Finding>& findings) {
  // How often each word appears, case aside ("Bidang" and "BIDANG" alike), counted once; the
  // table keeps its own copy of each distinct word, since the lines change as words are repaired.
  const WordCount words = count_words(lines);
  std::vector<std::uint32_t> joined;
  join_broken_words(lines, words, joined, findings);
  repair_ocr_words(lines, words, std::move(joined), findings);
}

}  // namespace tatakerja::regulation
