#include "regulation/citation_reader.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <optional>
#include <string>

#include "core/sixteen_bytes.hpp"
#include "core/text.hpp"
#include "word_bytes.hpp"

namespace tatakerja::regulation {
namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr int kMaxDepth = 4;       // citations nested in titles nested in titles ...
constexpr int kMaxNameWords = 14;  // words between a kind and "Nomor" (ministry, region)

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

// The ASCII letters and digits (text::is_alnum), by byte: a title is read word by word, and every
// byte of its words is asked whether the word goes on.
constexpr std::array<bool, 256> kAlnum = [] {
  std::array<bool, 256> a{};
  for (int c = 0; c < 256; ++c)
    a[static_cast<std::size_t>(c)] = text::is_alnum(static_cast<char>(c));
  return a;
}();

bool is_alnum(char c) {
  return kAlnum[static_cast<unsigned char>(c)];
}

bool word_start(std::string_view s, std::size_t i) {
  return i == 0 || !is_alnum(s[i - 1]);
}

// "Undang-Undang", "Undang – Undang", "Undang - Undang", "Undang Undang" at `i`; the position after
// it, or npos.
std::size_t match_uu(std::string_view s, std::size_t i) {
  if (!word_at(s, i, "undang")) return npos;
  std::size_t j = skip_spaces(s, i + 6);
  if (j < s.size() && s[j] == '-') {
    j = skip_spaces(s, j + 1);
  } else if (s.substr(j, 3) == "\xE2\x80\x93" || s.substr(j, 3) == "\xE2\x80\x94") {
    j = skip_spaces(s, j + 3);
  }
  if (!word_at(s, j, "undang")) return npos;
  return j + 6;
}

bool name_word(std::string_view w) {
  for (std::string_view c : {"dan", "dan/atau", "serta", "di", "atas", "untuk", "pada", "&"})
    if (w == c) return true;
  if (text::iequals(w, "tahun") || text::iequals(w, "ini")) return false;
  const char c = w.front();
  return (c >= 'A' && c <= 'Z') || text::is_digit(c) || static_cast<unsigned char>(c) >= 0x80;
}

// The words up to (not including) "Nomor", moving `j` onto "Nomor"; nullopt when "Nomor" does not
// come within a few plain words.
std::optional<std::string> words_until_nomor(std::string_view s, std::size_t& j) {
  std::string words;
  std::size_t k = j;
  for (int n = 0; n <= kMaxNameWords; ++n) {
    k = skip_spaces(s, k);
    if (k >= s.size()) return std::nullopt;
    if (word_at(s, k, "nomor")) {
      j = k;
      return words;
    }
    std::size_t e = k;
    while (e < s.size() && !is_space(s[e])) ++e;
    std::string_view w = s.substr(k, e - k);
    for (char c : w)
      if (c == ',' || c == ';' || c == '(' || c == ')' || c == ':') return std::nullopt;
    // A name is capitalised ("Dalam Negeri", "Nusa Tenggara Timur") but for its connectors;
    // "Peraturan Daerah ini diundangkan ... Nomor" names nothing.
    if (!name_word(w)) return std::nullopt;
    if (!words.empty()) words.push_back(' ');
    words += w;
    k = e;
  }
  return std::nullopt;
}

struct Header {
  std::string kind;
  std::string region;
  std::string number;
  std::optional<int> year;
  std::size_t after = 0;  // just past the year (or the number when there is no year)
};

std::optional<int> read_year(std::string_view s, std::size_t& j) {
  std::size_t k = j;
  while (k < s.size() && text::is_digit(s[k])) ++k;
  if (k - j != 4) return std::nullopt;
  auto y = text::parse_int(s.substr(j, 4));
  j = k;
  return y;
}

// "Nomor N Tahun YYYY" at `j` (which stands on "Nomor").
bool read_number_year(std::string_view s, std::size_t j, Header& h) {
  if (!word_at(s, j, "nomor")) return false;
  j = skip_spaces(s, j + 5);
  if (j < s.size() && s[j] == ':') j = skip_spaces(s, j + 1);
  const std::size_t num_begin = j;
  std::size_t k = j;
  for (int n = 0; n < 6 && k < s.size(); ++n) {
    k = skip_spaces(s, k);
    if (word_at(s, k, "tahun")) {
      std::string number(text::trim(s.substr(num_begin, k - num_begin)));
      while (!number.empty() && (number.back() == ',' || number.back() == ':')) number.pop_back();
      number = std::string(text::trim(number));
      if (number.empty()) return false;
      h.number = number;
      std::size_t y = skip_spaces(s, k + 5);
      h.year = read_year(s, y);
      h.after = h.year ? y : k + 5;
      return true;
    }
    while (k < s.size() && !is_space(s[k])) ++k;
    if (k - num_begin > 40) break;
  }
  // No "Tahun": the number is the next token.
  std::size_t e = num_begin;
  while (e < s.size() && !is_space(s[e]) && s[e] != ';' && s[e] != ',' && s[e] != '(') ++e;
  std::string number(s.substr(num_begin, e - num_begin));
  while (!number.empty() && (number.back() == '.' || number.back() == ':')) number.pop_back();
  if (number.empty() || !text::is_digit(number.front())) return false;
  h.number = number;
  h.after = e;
  return true;
}

std::string strip_republik(std::string words) {
  for (std::string_view tail : {" Republik Indonesia", " RI"}) {
    if (words.size() > tail.size() && text::iends_with(words, tail))
      words.resize(words.size() - tail.size());
  }
  return words;
}

std::string region_of(std::string_view prefix, const std::string& words) {
  if (words.empty()) return {};
  for (std::string_view p : {"provinsi ", "kabupaten ", "kota "})
    if (text::istarts_with(words, p)) return words;
  return std::string(prefix) + " " + words;
}

// The kind, region, number and year of a citation starting at `i`, or nullopt.
std::optional<Header> parse_header(std::string_view s, std::size_t i) {
  if (i >= s.size() || !word_start(s, i)) return std::nullopt;
  // Every word that starts with U, P or K comes here: its first letter says which of the three
  // kinds it may begin, and most begin none; they are turned away before a Header is made.
  const char first = static_cast<char>(s[i] | 0x20);
  const std::size_t uu_word_end = first == 'u' ? match_uu(s, i) : npos;
  const bool peraturan = first == 'p' && word_at(s, i, "peraturan");
  if (uu_word_end == npos && !peraturan && !(first == 'k' && word_at(s, i, "keputusan")))
    return std::nullopt;
  Header h;
  std::size_t j = npos;
  if (first == 'u') {
    const std::size_t e = uu_word_end;
    std::size_t k = skip_spaces(s, e);
    if (word_at(s, k, "dasar")) {
      // Undang-Undang Dasar Negara Republik Indonesia Tahun 1945: no number.
      h.kind = "Undang-Undang Dasar";
      std::size_t t = k + 5;
      for (; t < s.size() && t < k + 80; ++t) {
        if (s[t] == ';' || s[t] == '(') break;
        if (word_start(s, t) && word_at(s, t, "tahun")) {
          std::size_t y = skip_spaces(s, t + 5);
          h.year = read_year(s, y);
          if (h.year) {
            h.after = y;
            return h;
          }
        }
      }
      h.after = k + 5;
      return h;
    }
    h.kind = "Undang-Undang";
    j = skip_spaces(s, e);
  } else {
    const std::string base = peraturan ? "Peraturan" : "Keputusan";
    std::size_t k = skip_spaces(s, i + 9);
    if (word_at(s, k, "pemerintah") && peraturan) {
      std::size_t m = skip_spaces(s, k + 10);
      if (word_at(s, m, "pengganti")) {
        const std::size_t uu_end = match_uu(s, skip_spaces(s, m + 9));
        if (uu_end == npos) return std::nullopt;
        h.kind = "Peraturan Pemerintah Pengganti Undang-Undang";
        j = skip_spaces(s, uu_end);
      } else {
        h.kind = "Peraturan Pemerintah";
        j = m;
      }
    } else if (word_at(s, k, "presiden")) {
      h.kind = base + " Presiden";
      j = skip_spaces(s, k + 8);
    } else if (word_at(s, k, "menteri")) {
      j = k + 7;
      auto words = words_until_nomor(s, j);
      if (!words || words->empty()) return std::nullopt;
      h.kind = base + " Menteri " + strip_republik(*words);
    } else if (word_at(s, k, "daerah") && peraturan) {
      j = k + 6;
      auto words = words_until_nomor(s, j);
      if (!words) return std::nullopt;
      h.kind = "Peraturan Daerah";
      h.region = *words;
    } else {
      std::string_view who, prefix;
      std::size_t len = 0;
      if (word_at(s, k, "gubernur")) {
        who = "Gubernur", prefix = "Provinsi", len = 8;
      } else if (word_at(s, k, "bupati")) {
        who = "Bupati", prefix = "Kabupaten", len = 6;
      } else if (word_at(s, k, "walikota")) {
        who = "Wali Kota", prefix = "Kota", len = 8;
      } else if (word_at(s, k, "wali")) {
        std::size_t m = skip_spaces(s, k + 4);
        if (!word_at(s, m, "kota")) return std::nullopt;
        who = "Wali Kota", prefix = "Kota", len = m + 4 - k;
      } else {
        return std::nullopt;
      }
      j = k + len;
      auto words = words_until_nomor(s, j);
      if (!words) return std::nullopt;
      h.kind = base + " " + std::string(who);
      h.region = region_of(prefix, *words);
    }
  }
  if (!read_number_year(s, j, h)) return std::nullopt;
  return h;
}

// A "(" that opens a gazette record.
bool gazette_open(std::string_view s, std::size_t q) {
  if (q >= s.size() || s[q] != '(') return false;
  std::size_t k = skip_spaces(s, q + 1);
  return word_at(s, k, "lembaran") || word_at(s, k, "berita") || word_at(s, k, "tambahan");
}

// Words that end a title when they start a word: what follows is the sentence, not the title.
bool title_stop_word(std::string_view s, std::size_t q) {
  // Every word of a title comes here: only the words that start with its first letter are
  // compared.
  switch (s[q] | 0x20) {
    case 's':
      return word_at(s, q, "sebagaimana");
    case 'p':
      return word_at(s, q, "perlu");
    case 'd':
      return word_at(s, q, "dicabut") || word_at(s, q, "dinyatakan") ||
             word_at(s, q, "dan perubahannya");
    case 'b':
      return word_at(s, q, "beserta perubahannya");
    case 't':
      return word_at(s, q, "telah ditetapkan");
    default:
      return false;
  }
}

// After ", ": words that start the rest of the sentence.
bool clause_after_comma(std::string_view s, std::size_t q) {
  std::size_t k = skip_spaces(s, q + 1);
  for (std::string_view w :
       {"ketentuan", "telah", "maka", "perlu", "dicabut", "dinyatakan", "sebagaimana", "terakhir"})
    if (word_at(s, k, w)) return true;
  return false;
}

// True when the text just before `q` separates two citations (", ", " dan ", " serta ").
bool separator_before(std::string_view s, std::size_t q, std::size_t from) {
  std::string_view before = text::trim(s.substr(from, q - from));
  if (before.empty()) return false;
  if (before.back() == ',') return true;
  for (std::string_view w : {" dan", " serta", " jo.", " juncto", " jo"})
    if (text::iends_with(before, w)) return true;
  return false;
}

// Where the parenthesis opening at `open` closes, or npos when a ';' or the end of the text
// comes first. Sixteen bytes at a time: a gazette record runs to a hundred bytes and more, of
// which only the parentheses and a semicolon matter.
std::size_t close_paren(std::string_view s, std::size_t open) {
  int depth = 0;
  // Whether the reading stops at `k` (one of the three marks): `found` is then where.
  const auto stops_at = [&](std::size_t k, std::size_t& found) {
    if (s[k] == '(') {
      ++depth;
      return false;
    }
    found = s[k] == ')' ? k : npos;
    return s[k] == ';' || --depth == 0;
  };
  std::size_t found = npos;
  std::size_t k = open;
  for (; k + 16 <= s.size(); k += 16) {
    const text::SixteenBytes v = text::sixteen_bytes_at(s.data() + k);
    for (unsigned bits = text::bits_of((v == '(') | (v == ')') | (v == ';')); bits != 0;
         bits &= bits - 1)
      if (stops_at(k + static_cast<std::size_t>(std::countr_zero(bits)), found)) return found;
  }
  for (; k < s.size(); ++k)
    if ((s[k] == '(' || s[k] == ')' || s[k] == ';') && stops_at(k, found)) return found;
  return npos;
}

// The next position at or after `i` where a citation may start: a U, P or K (either case) that
// starts a word; s.size() when there is none. Sixteen bytes at a time, for most of a text is
// neither ("Undang-Undang", "Peraturan", "Keputusan" are all a citation starts with).
std::size_t next_citation_start(std::string_view s, std::size_t i) {
  for (; i + 16 <= s.size(); i += 16) {
    // The 0x20 bit set lowers U, P and K and turns no other byte into u, p or k.
    const text::SixteenBytes v = text::sixteen_bytes_at(s.data() + i) | 0x20;
    for (unsigned bits = text::bits_of((v == 'u') | (v == 'p') | (v == 'k')); bits != 0;
         bits &= bits - 1) {
      const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(bits));
      if (word_start(s, at)) return at;
    }
  }
  for (; i < s.size(); ++i) {
    const char c = static_cast<char>(s[i] | 0x20);
    if ((c == 'u' || c == 'p' || c == 'k') && word_start(s, i)) return i;
  }
  return s.size();
}

class Reader {
 public:
  Reader(std::string_view s, int line) : s_(s), line_(line) {}

  std::vector<CitationMatch> run() {
    int last_top = -1;
    std::size_t last_end = 0;
    std::size_t i = 0;
    while ((i = next_citation_start(s_, i)) < s_.size()) {
      std::optional<Header> h = parse_header(s_, i);
      if (!h) {
        ++i;
        continue;
      }
      const int idx = static_cast<int>(out_.size());
      std::size_t e = parse_citation(i, std::move(*h), -1, 0);
      if (last_top >= 0) {
        std::string_view between = s_.substr(last_end, i - last_end);
        if (between.find(';') == npos && text::ifind(between, "sebagaimana") != npos &&
            text::ifind(between, "ubah") != npos) {
          const int root = out_[last_top].citation.amends;
          out_[idx].citation.amends = root >= 0 ? root : last_top;
        }
      }
      last_top = idx;
      last_end = e;
      i = e > i ? e : i + 1;
    }
    return std::move(out_);
  }

 private:
  // Reads the citation at `i`, whose header `h` the caller has parsed (once: the header is the
  // costly part), with its title, nested citations and, at the top level, its gazette. Returns
  // where it ends.
  std::size_t parse_citation(std::size_t i, Header h, int nested_in, int depth) {
    const int idx = static_cast<int>(out_.size());
    CitationMatch m;
    m.begin = i;
    m.citation.kind = std::move(h.kind);
    m.citation.region = std::move(h.region);
    m.citation.number = std::move(h.number);
    m.citation.year = h.year;
    m.citation.nested_in = nested_in;
    m.citation.line = line_;
    out_.push_back(std::move(m));

    std::size_t j = skip_spaces(s_, h.after);
    const bool tentang = word_at(s_, j, "tentang");
    const std::size_t title_begin = tentang ? skip_spaces(s_, j + 7) : j;
    std::size_t end = s_.size();
    bool gazette_next = false;
    bool untitled_stop = false;  // without "tentang", something other than a gazette came first
    for (std::size_t q = title_begin; q < s_.size(); ++q) {
      const char c = s_[q];
      if (c == ';') {
        end = q;
        break;
      }
      if (c == '(' && gazette_open(s_, q)) {
        end = q;
        gazette_next = true;
        break;
      }
      if (c == '.' && (q + 1 == s_.size() || (is_space(s_[q + 1]) && q + 2 < s_.size() &&
                                              s_[q + 2] >= 'A' && s_[q + 2] <= 'Z'))) {
        end = q;
        break;
      }
      if (c == ',' && clause_after_comma(s_, q)) {
        end = q;
        break;
      }
      if (!word_start(s_, q) || !text::is_alpha(c)) continue;
      if (title_stop_word(s_, q)) {
        end = q;
        break;
      }
      // Made in place (not assigned from the header read): most words of a title start none.
      const bool may_cite = c == 'U' || c == 'u' || c == 'P' || c == 'p' || c == 'K' || c == 'k';
      std::optional<Header> nested = may_cite ? parse_header(s_, q) : std::nullopt;
      if (!nested) {
        // The rest of the word starts nothing and ends nothing (a letter or digit after a letter
        // or digit is none of the marks above and starts no word): skipped at once.
        while (q + 1 < s_.size() && is_alnum(s_[q + 1])) ++q;
        continue;
      }
      if (!tentang || separator_before(s_, q, title_begin) || depth >= kMaxDepth) {
        end = q;
        untitled_stop = true;
        break;
      }
      const std::size_t e = parse_citation(q, std::move(*nested), idx, depth + 1);
      q = (e > q ? e : q + 1) - 1;  // the loop's ++q lands on e
    }
    // Trim the separator a "next citation" stop leaves behind.
    std::size_t title_end = end;
    if (untitled_stop) {
      std::string_view t = s_.substr(title_begin, end - title_begin);
      t = text::trim(t);
      for (std::string_view w : {" dan", " serta", " jo.", " juncto", " jo"})
        if (text::iends_with(t, w)) t.remove_suffix(w.size());
      title_end = title_begin + t.size();
    }
    std::string title = text::collapse_spaces(s_.substr(title_begin, title_end - title_begin));
    while (!title.empty() && (title.back() == ',' || title.back() == ' ')) title.pop_back();
    if (!tentang && (!gazette_next || title.empty() || !(title[0] >= 'A' && title[0] <= 'Z'))) {
      // Without "tentang" the words after the year are a title only when a gazette closes them
      // (a drafting slip: "Nomor 77 Tahun 2021 Susunan Organisasi ... (Berita Daerah ...)").
      const bool gazette_at_once = gazette_next && title.empty();
      title.clear();
      if (!gazette_at_once) {
        end = h.after;
        gazette_next = false;
      }
    }
    out_[idx].citation.title = std::move(title);
    if (gazette_next && nested_in < 0) {
      const std::size_t open = skip_spaces(s_, end);
      const std::size_t close = close_paren(s_, open);
      const std::size_t stop = close == npos ? s_.size() : close;
      out_[idx].citation.gazette = read_gazette(s_.substr(open + 1, stop - open - 1));
      end = close == npos ? stop : close + 1;
    }
    out_[idx].end = end;
    return end;
  }

  std::string_view s_;
  int line_;
  std::vector<CitationMatch> out_;
};

}  // namespace

namespace {

// The number after "Nomor" in a part of a gazette record ("Nomor 244" -> "244"), or "" without.
std::string gazette_number(std::string_view part, std::size_t nomor) {
  if (nomor == npos) return {};
  const std::size_t k = skip_spaces(part, nomor + 5);
  std::size_t e = k;
  while (e < part.size() && !is_space(part[e]) && part[e] != ')') ++e;
  std::string number(part.substr(k, e - k));
  while (!number.empty() && (number.back() == '.' || number.back() == ';')) number.pop_back();
  return number;
}

// Reads one comma-separated part of a gazette record into `g`: the supplement's number, or the
// main record (the first "Lembaran ..." or "Berita ..." part); other parts say nothing.
void read_gazette_part(std::string_view part, Gazette& g, bool& main_read) {
  part = text::trim(part);
  if (text::istarts_with(part, "tambahan")) {
    g.supplement_number = gazette_number(part, text::ifind_word(part, "nomor"));
    return;
  }
  if (main_read) return;
  if (!text::istarts_with(part, "lembaran") && !text::istarts_with(part, "berita")) return;
  main_read = true;
  const std::size_t nomor = text::ifind_word(part, "nomor");
  const std::size_t tahun = text::ifind_word(part, "tahun");
  std::size_t name_end = std::min(tahun, nomor);
  if (name_end == npos) name_end = part.size();
  g.name = text::collapse_spaces(part.substr(0, name_end));
  if (tahun != npos) {
    std::size_t y = skip_spaces(part, tahun + 5);
    g.year = read_year(part, y);
  }
  g.number = gazette_number(part, nomor);
}

}  // namespace

Gazette read_gazette(std::string_view content) {
  Gazette g;
  bool main_read = false;
  // The parts between commas, read in place (each part's number only where it is kept).
  for (std::size_t start = 0;;) {
    const std::size_t comma = content.find(',', start);
    read_gazette_part(content.substr(start, comma == npos ? npos : comma - start), g, main_read);
    if (comma == npos) break;
    start = comma + 1;
  }
  return g;
}

std::vector<CitationMatch> find_citations(std::string_view text, int line) {
  return Reader(text, line).run();
}

std::vector<Citation> read_citations(std::string_view text, int line) {
  std::vector<CitationMatch> found = find_citations(text, line);
  std::vector<Citation> out;
  out.reserve(found.size());  // grown once: a citation is large to move
  for (auto& m : found) out.push_back(std::move(m.citation));
  return out;
}

void append_citations(std::vector<Citation>& list, std::vector<Citation> more) {
  const int offset = static_cast<int>(list.size());
  for (Citation& c : more) {
    if (c.amends >= 0) c.amends += offset;
    if (c.nested_in >= 0) c.nested_in += offset;
    list.push_back(std::move(c));
  }
}

}  // namespace tatakerja::regulation
