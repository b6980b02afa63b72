// The formula reader. One pass over the cell, no backtracking: a formula cell is short, but a
// broken table can put a whole page into it.
#include "regulation/formula.hpp"

#include <array>
#include <bit>
#include <vector>

#include "core/sixteen_bytes.hpp"
#include "core/text.hpp"

namespace tatakerja::regulation {
namespace {

constexpr std::string_view kTimes = "\xC3\x97";  // ×

// The content of the brace group opening at `open` ('{', after optional spaces) and the position
// after its closing brace; false when the group is missing or never closed.
bool brace_group(std::string_view s, std::size_t open, std::string& out, std::size_t& end) {
  while (open < s.size() && s[open] == ' ') ++open;
  if (open >= s.size() || s[open] != '{') return false;
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    if (s[i] == '}' && --depth == 0) {
      out = std::string(s.substr(open + 1, i - open - 1));
      end = i + 1;
      return true;
    }
  }
  return false;
}

// Drops parentheses that enclose a whole operand: "(Jumlah Realisasi)" -> "Jumlah Realisasi",
// "((A))" -> "A", but "(A) + (B)" stays. Linear: each parenthesis is matched once.
std::string strip_parens(std::string s) {
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return s;
  std::vector<std::size_t> match(s.size(), std::string::npos);
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') {
      open.push_back(i);
    } else if (s[i] == ')' && !open.empty()) {
      match[open.back()] = i;
      open.pop_back();
    }
  }
  std::size_t b = 0, e = s.size();  // the operand is s[b, e)
  while (e - b >= 2 && s[b] == '(' && match[b] == e - 1) {
    ++b;
    --e;
    while (b < e && s[b] == ' ') ++b;
    while (e > b && s[e - 1] == ' ') --e;
  }
  return s.substr(b, e - b);
}

// The bytes that plain() reads as markup or may: a LaTeX command, an HTML tag, a math delimiter,
// an emphasis star.
constexpr std::array<bool, 256> kMarkup = [] {
  std::array<bool, 256> m{};
  for (const char c : {'\\', '<', '{', '}', '$', '*', '_', '`'})
    m[static_cast<unsigned char>(c)] = true;
  return m;
}();

bool is_markup(char c) {
  return kMarkup[static_cast<unsigned char>(c)];
}

// The first markup byte of `s` at or after `from`, or s.size(). Sixteen bytes at a time while
// they last: most of a cell is words between markup, which every cell made plain is read through.
std::size_t markup_from(std::string_view s, std::size_t from) {
  for (; from + 16 <= s.size(); from += 16) {
    const text::SixteenBytes v = text::sixteen_bytes_at(s.data() + from);
    const unsigned bits = text::bits_of((v == '\\') | (v == '<') | (v == '{') | (v == '}') |
                                        (v == '$') | (v == '*') | (v == '_') | (v == '`'));
    if (bits != 0) return from + static_cast<std::size_t>(std::countr_zero(bits));
  }
  while (from < s.size() && !is_markup(s[from])) ++from;
  return from;
}

// "100 %" -> "100%": the space before every percent sign dropped (most texts have none).
std::string join_percent(std::string s) {
  std::size_t p = s.find(" %");
  if (p == std::string::npos) return s;
  std::string r;
  r.reserve(s.size());
  std::size_t from = 0;
  for (; p != std::string::npos; p = s.find(" %", p + 1)) {
    r.append(s, from, p - from);
    from = p + 1;
  }
  r.append(s, from);
  return r;
}

// The cell without markup: LaTeX commands (\text{...} keeps its content, \times becomes ×, \% a
// percent sign), math delimiters, HTML tags (<i>, </b>) and emphasis stars.
std::string plain(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (!is_markup(c)) {  // the words between markup, appended whole rather than byte by byte
      const std::size_t run_end = markup_from(s, i + 1);
      out.append(s.substr(i, run_end - i));
      i = run_end - 1;
      continue;
    }
    if (c == '\\') {
      std::size_t j = i + 1;
      while (j < s.size() && text::is_alpha(s[j])) ++j;
      const std::string_view cmd = s.substr(i + 1, j - i - 1);
      if (cmd.empty()) {  // an escaped character: \% \, \; \{
        if (j < s.size() && static_cast<unsigned char>(s[j]) < 0x80) {
          const char e = s[j];
          out.push_back(e == '%' ? '%' : ' ');
          i = j;
        } else if (j < s.size()) {
          out.push_back(' ');  // a backslash before a letter such as "é": the letter stays whole
        }
        continue;
      }
      if (cmd == "times" || cmd == "cdot" || cmd == "ast") {
        out += " ";
        out += kTimes;
        out += " ";
      } else if (cmd == "div" || cmd == "over") {
        out += " / ";
      } else {
        out.push_back(' ');  // \text, \mathrm, \left, \quad ...: the content stays
      }
      i = j - 1;
      continue;
    }
    if (c == '<') {  // an HTML tag: <i>, </i>, <br/>
      std::size_t j = i + 1;
      if (j < s.size() && s[j] == '/') ++j;
      if (j < s.size() && text::is_alpha(s[j])) {
        const std::size_t close = s.find('>', j);
        if (close != std::string_view::npos && close - i <= 12) {
          out.push_back(' ');
          i = close;
          continue;
        }
      }
    }
    if (c == '{' || c == '}' || c == '$' || c == '*' || c == '_' || c == '`') {
      if (c == '*' && i > 0 && s[i - 1] == ' ' && i + 1 < s.size() && s[i + 1] == ' ')
        out.push_back('*');  // "A * 100": a multiplication, not emphasis
      else
        out.push_back(' ');
      continue;
    }
    out.push_back(c);
  }
  // Copied through collapse_spaces only when not single-spaced already (every formula cell is
  // made plain up to three times).
  if (!text::is_single_spaced(out)) out = text::collapse_spaces(out);
  return strip_parens(join_percent(std::move(out)));
}

// "dikali 100%", "dikalikan dengan 100", "kali 100": the multiplication written in words ending
// at `q` (the start of "100"); the position where it starts, or npos.
std::size_t times_word_before(std::string_view s, std::size_t q) {
  std::string_view head = text::trim(s.substr(0, q));
  if (text::iends_with(head, " dengan")) head = text::trim(head.substr(0, head.size() - 7));
  for (std::string_view word : {"dikalikan", "dikali", "kali"}) {
    if (!text::iends_with(head, word)) continue;
    const std::size_t at = head.size() - word.size();
    if (at == 0 || head[at - 1] == ' ') return at;
  }
  return std::string_view::npos;
}

// The end of `s` if it multiplies by 100 ("× 100%", "x 100", "* 100 :", "dikali 100%"): the
// position where the multiplication starts, or npos.
std::size_t hundred_at(std::string_view s) {
  const std::size_t p = s.rfind("100");
  if (p == std::string_view::npos) return std::string_view::npos;
  // After "100" only a percent sign, spaces, or a stray colon or dot may follow.
  for (std::size_t i = p + 3; i < s.size(); ++i)
    if (s[i] != '%' && s[i] != ' ' && s[i] != ':' && s[i] != '.') return std::string_view::npos;
  std::size_t q = p;
  while (q > 0 && s[q - 1] == ' ') --q;
  if (q >= kTimes.size() && s.substr(q - kTimes.size(), kTimes.size()) == kTimes)
    return q - kTimes.size();
  if (q >= 1 && (s[q - 1] == 'x' || s[q - 1] == 'X' || s[q - 1] == '*')) {
    // "x" must stand alone, not end a word ("box100").
    if (q == 1 || s[q - 2] == ' ' || s[q - 2] == ')') return q - 1;
  }
  return times_word_before(s, q);
}

std::string trimmed(std::string_view s) {
  return strip_parens(std::string(text::trim(s)));
}

void set_ratio(Formula& f, std::string num, std::string den, bool percent) {
  f.kind = FormulaKind::Ratio;
  f.numerator = strip_parens(std::move(num));
  f.denominator = strip_parens(std::move(den));
  f.percent = percent;
  f.text = f.numerator + " / " + f.denominator;
  if (percent) {
    f.text += " ";
    f.text += kTimes;
    f.text += " 100%";
  }
}

// "A / B x 100%", "A : B x 100%", "A ÷ B", "A/B x 100%": true when read as a ratio.
bool read_plain_ratio(const std::string& s, Formula& f) {
  const std::size_t mul = hundred_at(s);
  const bool percent = mul != std::string::npos;
  const std::string_view body = std::string_view(s).substr(0, percent ? mul : s.size());
  struct Op {
    std::string_view text;
    bool needs_percent;  // ":" divides only in "A : B x 100"; otherwise it introduces a value
  };
  // ÷, and the division in words: "jumlah A dibagi (dengan) jumlah B dikali 100%".
  static constexpr std::array<Op, 5> kOps = {{{" / ", false},
                                              {" : ", true},
                                              {" \xC3\xB7 ", false},
                                              {" dibagi dengan ", false},
                                              {" dibagi ", false}}};
  for (const Op& op : kOps) {
    if (op.needs_percent && !percent) continue;
    const std::size_t p = text::ifind(body, op.text);
    if (p == std::string_view::npos || p == 0) continue;
    std::string num = trimmed(body.substr(0, p));
    std::string den = trimmed(body.substr(p + op.text.size()));
    if (num.empty() || den.empty()) continue;
    set_ratio(f, std::move(num), std::move(den), percent);
    return true;
  }
  // "Realisasi/Target x 100%": an unspaced slash, only when it is the one slash of a percentage.
  if (percent) {
    const std::size_t p = body.find('/');
    if (p != std::string_view::npos && p > 0 && body.find('/', p + 1) == std::string_view::npos) {
      std::string num = trimmed(body.substr(0, p));
      std::string den = trimmed(body.substr(p + 1));
      if (!num.empty() && !den.empty()) {
        set_ratio(f, std::move(num), std::move(den), percent);
        return true;
      }
    }
  }
  return false;
}

std::string upper_first(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// "Jumlah Dokumen", "∑ laporan monev" (or Σ): what is counted.
bool read_count(const std::string& s, Formula& f) {
  for (std::string_view sign : {"jumlah ", "\xE2\x88\x91", "\xCE\xA3"}) {  // ∑, Σ
    if (!text::istarts_with(s, sign)) continue;
    std::string counted =
        upper_first(std::string(text::trim(std::string_view(s).substr(sign.size()))));
    if (counted.empty()) return false;
    f.kind = FormulaKind::Count;
    f.counted = std::move(counted);
    return true;
  }
  return false;
}

// What a grade is taken from: "Hasil Evaluasi SAKIP" -> "SAKIP", "Predikat SAKIP BPPD" ->
// "SAKIP BPPD", "Nilai Hasil Evaluasi Reformasi Birokrasi" -> "Reformasi Birokrasi", "Kategori
// hasil pengukuran Indeks Profesionalitas ASN" -> "Indeks Profesionalitas ASN".
bool read_predicate(const std::string& s, Formula& f) {
  const std::string lower = text::to_lower(s);
  const bool evaluation = text::ifind_word(lower, "evaluasi") != std::string::npos;
  const bool lead = lower.rfind("predikat", 0) == 0 || lower.rfind("hasil evaluasi", 0) == 0 ||
                    lower.rfind("kategori", 0) == 0 || (lower.rfind("nilai", 0) == 0 && evaluation);
  if (!lead) return false;
  std::size_t from = lower.find(' ');
  if (evaluation) from = text::ifind_word(lower, "evaluasi") + 8;
  std::string rest = from == std::string::npos
                         ? std::string()
                         : std::string(text::trim(std::string_view(s).substr(from)));
  while (!rest.empty() && (rest.front() == ':' || rest.front() == ' ')) rest.erase(0, 1);
  for (std::string_view filler :
       {"atas ", "terhadap ", "hasil ", "evaluasi ", "pengukuran ", "penilaian "})
    if (text::istarts_with(rest, filler))
      rest = std::string(text::trim(rest.substr(filler.size())));
  f.kind = FormulaKind::Predicate;
  f.evaluation = rest;
  return true;
}

// The position just after the first "\frac", "\dfrac" or "\tfrac", or npos.
std::size_t after_frac(std::string_view s) {
  for (std::size_t p = s.find("frac"); p != std::string_view::npos; p = s.find("frac", p + 4)) {
    if (p >= 1 && s[p - 1] == '\\') return p + 4;
    if (p >= 2 && (s[p - 1] == 'd' || s[p - 1] == 't') && s[p - 2] == '\\') return p + 4;
  }
  return std::string_view::npos;
}

}  // namespace

Formula read_formula(std::string_view cell) {
  Formula f;
  f.written = text::collapse_spaces(cell);
  const std::string& raw = f.written;  // kept as written: nothing below changes f.written
  // LaTeX fraction: \frac{A}{B} (or \dfrac, \tfrac), then an optional "\times 100\%".
  if (const std::size_t frac = after_frac(raw); frac != std::string::npos) {
    std::string num, den;
    std::size_t e1 = 0, e2 = 0;
    if (brace_group(raw, frac, num, e1) && brace_group(raw, e1, den, e2)) {
      std::string n = plain(num), d = plain(den);
      if (!n.empty() && !d.empty()) {
        const std::string after = plain(std::string_view(raw).substr(e2));
        set_ratio(f, std::move(n), std::move(d), hundred_at(after) != std::string::npos);
        return f;
      }
    }
  }
  f.text = plain(raw);
  if (f.text.empty()) return f;
  if (read_plain_ratio(f.text, f)) return f;
  if (read_count(f.text, f)) return f;
  if (read_predicate(f.text, f)) return f;
  f.kind = FormulaKind::Text;
  return f;
}

}  // namespace tatakerja::regulation
