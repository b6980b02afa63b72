// Cross references inside the body: "Pasal N", "Pasal N ayat (M)", "Pasal N ayat (M) huruf x",
// "pada ayat (M)" and "pada ayat (M) huruf x" (the same article), "Pasal 6 ayat 3" (ayat without
// parentheses), chains such as "ayat (2), ayat (3) dan ayat (4)". A reference followed within its
// clause by the name of another regulation ("... Peraturan Wali Kota Batam Nomor 77 Tahun 2021",
// "Pasal 40 Tahun 2023") or preceded by "Lampiran" is external and not checked. Each text is read
// once, left to right; the same pass finds the places where the body may name its own kind
// (SelfNames, lint_identity.cpp).
#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <utility>

#include "core/text.hpp"
#include "lint_rules.hpp"
#include "regulation/node_query.hpp"
#include "word_bytes.hpp"

namespace tatakerja::regulation::lint_rules {
namespace {

using std::string_view;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

std::size_t skip_spaces(string_view t, std::size_t i) {
  while (i < t.size() && is_space(t[i])) ++i;
  return i;
}

// Whether a clause ends at `i`: ";" or ":" or a sentence end (". X").
bool ends_clause_at(string_view t, std::size_t i) {
  if (t[i] == ';' || t[i] == ':') return true;
  return t[i] == '.' && i + 2 < t.size() && t[i + 1] == ' ' && (t[i + 2] >= 'A' && t[i + 2] <= 'Z');
}

// The end of the clause that starts at `from`. A clause often runs to the end of its text: the
// bytes are compared sixteen at a time, and only a ";", ":" or "." is read on its own.
std::size_t clause_end(string_view t, std::size_t from) {
  constexpr std::size_t kBlock = 16;
  std::size_t i = from;
  for (; i + kBlock <= t.size(); i += kBlock) {
    const auto v = text::sixteen_bytes_at(t.data() + i);
    for (unsigned stops = text::bits_of((v == ';') | (v == ':') | (v == '.')); stops != 0;
         stops &= stops - 1) {
      const std::size_t k = i + static_cast<std::size_t>(std::countr_zero(stops));
      if (ends_clause_at(t, k)) return k;
    }
  }
  for (; i < t.size(); ++i)
    if (ends_clause_at(t, i)) return i;
  return t.size();
}

// The places [at, at + 16) where, in any case, two letters of "Undang-Undang", "Nomor" or "Tahun"
// stand: a 'u' with a 'd' two places on, an 'n' with an 'o' next, a 't' with an 'h' two places
// on; as bits (reads t[at, at + 18)). The first is compared once for the three words.
unsigned law_word_starts(string_view t, std::size_t at) {
  const auto first = text::folded(text::sixteen_bytes_at(t.data() + at));
  const auto undang = (first == 'u') & letter_at(t, at, 2, 'd');
  const auto nomor = (first == 'n') & letter_at(t, at, 1, 'o');
  const auto tahun = (first == 't') & letter_at(t, at, 2, 'h');
  return text::bits_of(undang | nomor | tahun);
}

// Whether `rest` holds, as a whole word (as text::ifind_word finds one), "Undang-Undang", "Nomor",
// or "Tahun" followed by a year: the three words looked for in one pass, sixteen places at a
// time, the last places in a block that overlaps the one before (or, in a rest shorter than a
// block, in a zero-padded copy).
bool names_law_number_or_year(string_view rest) {
  const auto names_at = [&](std::size_t p) {
    if (p > 0 && text::is_alnum(rest[p - 1])) return false;
    if (word_at(rest, p, "Undang-Undang") || word_at(rest, p, "Nomor")) return true;
    if (!word_at(rest, p, "Tahun")) return false;
    const std::size_t d = skip_spaces(rest, p + 5);
    return d + 4 <= rest.size() && text::is_digit(rest[d]) && text::is_digit(rest[d + 3]);
  };
  const auto any_names = [&](std::size_t from, unsigned starts) {
    for (; starts != 0; starts &= starts - 1)
      if (names_at(from + static_cast<std::size_t>(std::countr_zero(starts)))) return true;
    return false;
  };
  constexpr std::size_t kBlock = 16, kRead = kBlock + 2;  // places a block, bytes it reads
  std::size_t p = 0;
  for (; p + kRead <= rest.size(); p += kBlock)
    if (any_names(p, law_word_starts(rest, p))) return true;
  if (p >= rest.size()) return false;
  if (rest.size() >= kRead) {
    // The places [p, size) from the last kRead bytes: those before p were compared already.
    const std::size_t at = rest.size() - kRead;  // p - at is 1 to 17
    return any_names(p, law_word_starts(rest, at) >> (p - at));
  }
  std::array<char, kRead> tail{};
  std::memcpy(tail.data(), rest.data() + p, rest.size() - p);
  return any_names(p, law_word_starts(string_view(tail.data(), tail.size()), 0));
}

// Another regulation named in `rest` (the remainder of the clause after a reference).
bool names_other_regulation(string_view rest) {
  const std::size_t s = skip_spaces(rest, 0);
  // The first letter of the word at s tells which of the leading words it can be: most rests
  // start with a number or with "ayat", and none of these words is compared there.
  const char first = s < rest.size() ? static_cast<char>(rest[s] | 0x20) : '\0';
  if (first == 't' && word_at(rest, s, "Tahun")) return true;  // "Pasal 40 Tahun 2023"
  if (names_law_number_or_year(rest)) return true;
  // "Pasal 5 Peraturan Menteri tersebut" (but not "Pasal 5 Peraturan Bupati ini")
  if (first != 'p' && first != 'k' && first != 'i') return false;
  for (string_view kw : {"Peraturan", "Keputusan", "Instruksi"}) {
    if (!word_at(rest, s, kw)) continue;
    const string_view name = rest.substr(s, 60);
    if (text::ifind_word(name, "ini") == string_view::npos) return true;
  }
  return false;
}

// "Lampiran" shortly before a reference, in the same clause: "Lampiran I angka 2 Pasal ...".
bool after_annex(string_view t, std::size_t at) {
  const std::size_t from = at > 40 ? at - 40 : 0;
  const string_view before = t.substr(from, at - from);
  const std::size_t p = text::ifind_word(before, "Lampiran");
  if (p == string_view::npos) return false;
  return before.find_first_of(";:", p) == string_view::npos;
}

// Reads a number ("2", "(2)", "5A") at `i`; returns the label (a view into `t`, no copy) and
// moves `i` past it.
string_view read_number(string_view t, std::size_t& i, bool allow_parens) {
  std::size_t k = skip_spaces(t, i);
  const bool paren = allow_parens && k < t.size() && t[k] == '(';
  if (paren) ++k;
  const std::size_t b = k;
  while (k < t.size() && text::is_digit(t[k])) ++k;
  if (k == b) return {};
  // An inserted article "5A": one uppercase letter right after the digits.
  if (!paren && k < t.size() && t[k] >= 'A' && t[k] <= 'Z' &&
      (k + 1 == t.size() || !text::is_alnum(t[k + 1])))
    ++k;
  const string_view label = t.substr(b, k - b);
  if (paren) {
    if (k >= t.size() || t[k] != ')') return {};
    ++k;
  }
  i = k;
  return label;
}

// Reads a list letter ("a", "aa") at `i` (a view into `t`), moving past it.
string_view read_letter(string_view t, std::size_t& i) {
  std::size_t k = skip_spaces(t, i);
  const std::size_t b = k;
  while (k < t.size() && t[k] >= 'a' && t[k] <= 'z') ++k;
  if (k == b || k - b > 2 || (k < t.size() && text::is_alnum(t[k]))) return {};
  const string_view l = t.substr(b, k - b);
  if (!text::letter_ordinal(l)) return {};
  i = k;
  return l;
}

// Skips ", ", " dan ", " atau ", " dan/atau ", " sampai dengan " between the parts of a chain.
std::size_t skip_connector(string_view t, std::size_t i) {
  std::size_t k = skip_spaces(t, i);
  if (k < t.size() && t[k] == ',') k = skip_spaces(t, k + 1);
  // Every connector starts with a 'd', an 'a' or an 's': a place is told by its letter, and
  // only the connectors starting with it are compared (the longer first).
  const auto past = [&](string_view w) { return skip_spaces(t, k + w.size()); };
  switch (k < t.size() ? static_cast<char>(t[k] | 0x20) : '\0') {
    case 'd':
      if (word_at(t, k, "dan/atau")) return past("dan/atau");
      if (word_at(t, k, "dan")) return past("dan");
      return k;
    case 'a':
      return word_at(t, k, "atau") ? past("atau") : k;
    case 's':
      if (word_at(t, k, "sampai dengan")) return past("sampai dengan");
      if (text::istarts_with(t.substr(k), "s.d.")) return past("s.d.");
      return k;
    default:
      return k;
  }
}

// What a byte is to the search for reference words: a letter or digit (inside a word), and which
// of "Pasal", "ayat" and "huruf" a word starting with it can be. One table lookup per byte: every
// byte of the body is read.
enum CharClass : unsigned char { kOther = 0, kInWord = 1, kPasal = 2, kAyat = 4, kHuruf = 8 };

constexpr std::array<unsigned char, 256> kCharClass = [] {
  std::array<unsigned char, 256> c{};
  for (int b = '0'; b <= '9'; ++b) c[b] = kInWord;
  for (int b = 'a'; b <= 'z'; ++b) c[b] = c[b - 'a' + 'A'] = kInWord;
  c['P'] = c['p'] = kInWord | kPasal;
  c['A'] = c['a'] = kInWord | kAyat;
  c['H'] = c['h'] = kInWord | kHuruf;
  return c;
}();

string_view reference_word(unsigned char char_class) {
  if (char_class & kPasal) return "Pasal";
  if (char_class & kAyat) return "ayat";
  if (char_class & kHuruf) return "huruf";
  return {};
}

// Whether a reference word starts at `p` (p == 0 or after a byte that is no letter or digit).
bool reference_word_at(string_view t, std::size_t p) {
  const unsigned char c = kCharClass[static_cast<unsigned char>(t[p])];
  return c > kInWord && (p == 0 || !text::is_alnum(t[p - 1])) && word_at(t, p, reference_word(c));
}

// The places [at, at + 16) where, in any case, two letters of "Pasal", "ayat" or "huruf" stand: a
// 'p' with an 's' two places on, an 'a' with a 'y' next, an 'h' with an 'r' two places on; as bits
// (reads t[at, at + 18)). Every byte of the body is read: sixteen places are compared at a time,
// as text::ifind does, and only the few that pass are read as a word. Two letters a word turn
// away nearly all other places (a few more pass than with three, "pusat", "hari", "pelayanan",
// and reference_word_at turns them away); the first is compared once for the three words.
unsigned reference_starts(string_view t, std::size_t at) {
  const auto first = text::folded(text::sixteen_bytes_at(t.data() + at));
  const auto pasal = (first == 'p') & letter_at(t, at, 2, 's');
  const auto ayat = (first == 'a') & letter_at(t, at, 1, 'y');
  const auto huruf = (first == 'h') & letter_at(t, at, 2, 'r');
  return text::bits_of(pasal | ayat | huruf);
}

const Node* child_with(const Node& parent, NodeKind kind, string_view label) {
  for (const Node& c : parent.children)
    if (c.kind == kind && text::iequals(c.label, label)) return &c;
  return nullptr;
}

// The first article of each label, found by the label in any case. Nearly every label is a
// number ("12"): such a label is found by its number in an array, with no key made or sorted; the
// others ("5A", "I" in an amending regulation, "05") are few and compared in capitals.
class ArticleLabels {
 public:
  explicit ArticleLabels(const Document& doc) {
    for (const Node* a : articles(doc)) {
      if (const std::size_t k = number_of(a->label); k != kNoNumber) {
        if (k >= by_number_.size()) by_number_.resize(k + 1, nullptr);
        if (!by_number_[k]) by_number_[k] = a;
        continue;
      }
      std::string upper = text::to_upper(a->label);
      if (std::none_of(others_.begin(), others_.end(),
                       [&](const auto& o) { return o.first == upper; }))
        others_.emplace_back(std::move(upper), a);
    }
  }

  // The article labelled `label` (in any case), or null.
  const Node* find(string_view label) const {
    if (const std::size_t k = number_of(label); k != kNoNumber)
      return k < by_number_.size() ? by_number_[k] : nullptr;
    if (others_.empty()) return nullptr;
    const std::string upper = text::to_upper(label);
    for (const auto& [l, a] : others_)
      if (l == upper) return a;
    return nullptr;
  }

 private:
  static constexpr std::size_t kNoNumber = static_cast<std::size_t>(-1);
  // The number a label of one to four digits with no leading zero writes, or kNoNumber. No other
  // label is equal to such a label in capitals (capitals make no digit), so that two labels are
  // the same number exactly when they are the same label.
  static std::size_t number_of(string_view label) {
    if (label.empty() || label.size() > 4 || (label[0] == '0' && label.size() > 1))
      return kNoNumber;
    std::size_t k = 0;
    for (const char c : label) {
      if (!text::is_digit(c)) return kNoNumber;
      k = k * 10 + static_cast<std::size_t>(c - '0');
    }
    return k;
  }

  std::vector<const Node*> by_number_;  // the first article of each number, or null
  std::vector<std::pair<std::string, const Node*>> others_;  // label in capitals, first of each
};

class References {
 public:
  References(const Document& doc, std::vector<Finding>& out, std::vector<Finding>& self_names)
      : out_(out), self_names_(doc, self_names), articles_(doc) {}

  void node(const Node& n, const Node* article, const Node* verse) {
    const string_view t = n.text;
    clause_ = {};
    find_words(n);
    // Each reference read from the first word at or after where the one before ends: the words
    // a reference reads ("ayat" in "Pasal 5 ayat (2)") start no other.
    std::size_t i = 0;
    for (const std::size_t p : words_)
      if (p >= i) i = reference(n, t, p, article, verse);
  }

 private:
  // The places where a reference word starts in the node's text, into words_, left to right; and
  // the places where a kind word may start, given to self_names_ (if it reads the node) in the
  // same pass: both tests of a block of sixteen places are made on the bytes read once.
  void find_words(const Node& n) {
    const string_view t = n.text;
    words_.clear();
    const auto add_words = [&](std::size_t at, unsigned starts) {
      for (; starts != 0; starts &= starts - 1) {
        const std::size_t q = at + static_cast<std::size_t>(std::countr_zero(starts));
        if (reference_word_at(t, q)) words_.push_back(q);
      }
    };
    constexpr std::size_t kBlock = 16, kRead = kBlock + 2;  // places a block, bytes it reads
    std::size_t p = 0;
    if (self_names_.wanted(n)) {
      // The blocks whose places can all start a kind word (as for_each_kind_word_start reads
      // them, which reads the rest); most hold no place of either kind.
      for (; p + (kBlock - 1) + kKindWordLength <= t.size(); p += kBlock) {
        const unsigned words = reference_starts(t, p), kinds = kind_word_starts(t, p);
        if ((words | kinds) == 0) continue;
        add_words(p, words);
        for (unsigned starts = kinds; starts != 0; starts &= starts - 1)
          self_names_.place(n, p + static_cast<std::size_t>(std::countr_zero(starts)));
      }
      for_each_kind_word_start(t, p, [&](std::size_t q) { self_names_.place(n, q); });
      self_names_.done(n);
    }
    // The rest of the places (all of them when the node's text is not read for kind words).
    constexpr std::size_t kShortestWord = 4;  // "ayat"
    for (; p + kRead <= t.size(); p += kBlock) add_words(p, reference_starts(t, p));
    if (p + kShortestWord > t.size()) return;
    // The last places: one more block, the last kRead bytes of the text, which overlaps the one
    // before (its places before p, compared already, are left out); a word that would run past
    // the text is turned away by reference_word_at.
    if (t.size() >= kRead) {
      const std::size_t at = t.size() - kRead;  // p - at is 1 to 14
      add_words(p, reference_starts(t, at) >> (p - at));
      return;
    }
    // All of a short text's places: in a copy padded with zeros, which no letter matches.
    std::array<char, kRead> tail{};
    std::memcpy(tail.data(), t.data() + p, t.size() - p);
    add_words(p, reference_starts(string_view(tail.data(), tail.size()), 0));
  }

  // Reads the reference starting at `p`; returns where reading goes on.
  std::size_t reference(const Node& n, string_view t, std::size_t p, const Node* article,
                        const Node* verse) {
    const int line = n.span.first_line;
    std::size_t i = p;
    const Node* target_article = article;  // "pada ayat (2)" refers to the article it stands in
    const Node* target_verse = verse;      // "pada huruf a" to the ayat it stands in
    string_view article_label;
    bool explicit_article = false;
    bool check = true;  // false for a reference into another regulation or an annex
    if (word_at(t, p, "Pasal")) {
      i = p + 5;
      article_label = read_number(t, i, false);
      if (article_label.empty()) return p + 5;
      explicit_article = true;
      const std::size_t end = clause_end_from(t, i);
      check = !names_other_regulation(t.substr(i, end - i)) && !after_annex(t, p);
      target_verse = nullptr;
      target_article = nullptr;
      if (check) {
        const Node* found = articles_.find(article_label);
        if (!found) {
          add(out_, "XREF_UNRESOLVED", Severity::Warning, line,
              "Rujukan ke Pasal " + std::string(article_label) +
                  " tidak ditemukan dalam naskah ini.");
          check = false;
        } else {
          target_article = found;
        }
      }
      i = skip_connector(t, i);
    } else {
      // "ayat (M)" or "huruf x" without an article: relative to where the text stands.
      const std::size_t end = clause_end_from(t, p);
      check = article && !names_other_regulation(t.substr(p, end - p)) && !after_annex(t, p);
    }
    // Checking needs the article the reference resolves in (known whenever check is still true).
    check = check && target_article != nullptr;
    // The article a finding names, made only for a finding (most references resolve).
    const auto where = [&] {
      return target_article ? "Pasal " + target_article->label : std::string();
    };
    bool explicit_verse = false;
    // A chain of ayat and huruf: "ayat (1) huruf a dan huruf b", "ayat (2), ayat (3) dan ayat (4)".
    while (i < t.size()) {
      if (word_at(t, i, "ayat")) {
        std::size_t k = i + 4;
        const string_view v = read_number(t, k, true);
        if (v.empty()) break;
        i = skip_connector(t, k);
        if (!check) continue;
        target_verse = child_with(*target_article, NodeKind::Verse, v);
        explicit_verse = true;
        if (!target_verse)
          add(out_, "XREF_UNRESOLVED", Severity::Warning, line,
              "Rujukan ke ayat (" + std::string(v) + ") tidak ditemukan dalam " + where() + ".");
        continue;
      }
      if (word_at(t, i, "huruf")) {
        std::size_t k = i + 5;
        const string_view l = read_letter(t, k);
        if (l.empty()) break;
        i = skip_connector(t, k);
        if (!check || (explicit_verse && !target_verse)) continue;
        const Node& holder = target_verse ? *target_verse : *target_article;
        // Only where the ayat or article holds a letter list itself: a letter in a deeper list
        // cannot be told apart from a missing one.
        const bool has_letters =
            std::any_of(holder.children.begin(), holder.children.end(),
                        [](const Node& c) { return c.kind == NodeKind::Letter; });
        if (has_letters && !child_with(holder, NodeKind::Letter, l))
          add(out_, "XREF_UNRESOLVED", Severity::Warning, line,
              "Rujukan ke huruf " + std::string(l) + " tidak ditemukan dalam " + where() +
                  (target_verse ? " ayat (" + target_verse->label + ")" : std::string()) + ".");
        continue;
      }
      break;
    }
    if (explicit_article && check)
      self(line, article, target_article, "Pasal " + std::string(article_label));
    return i > p + 4 ? i : p + 4;
  }

  void self(int line, const Node* article, const Node* target, const std::string& ref) {
    if (!article || article != target) return;
    add(out_, "XREF_SELF", Severity::Warning, line,
        "Pasal " + article->label + " merujuk dirinya sendiri (\"dalam " + ref +
            " ...\"); di dalam pasal yang sama rujukan ditulis \"pada ayat ...\".");
  }

  // clause_end(t, from) for the node being read. The references of a clause are read left to
  // right and share its end: the end found from a place holds for every later place before it,
  // so that a clause is scanned once, not once per reference in it.
  std::size_t clause_end_from(string_view t, std::size_t from) {
    if (from < clause_.from || from > clause_.end) clause_ = {from, clause_end(t, from)};
    return clause_.end;
  }

  std::vector<Finding>& out_;
  SelfNames self_names_;
  ArticleLabels articles_;
  std::vector<std::size_t> words_;  // find_words' places, a buffer for every node
  struct Clause {
    std::size_t from = 1, end = 0;  // none yet: no place is in [1, 0]
  } clause_;
};

void visit(References& refs, const Node& n, const Node* article, const Node* verse) {
  if (n.kind == NodeKind::Article) article = &n, verse = nullptr;
  if (n.kind == NodeKind::Verse) verse = &n;
  if (!n.text.empty()) refs.node(n, article, verse);
  for (const Node& c : n.children) visit(refs, c, article, verse);
}

}  // namespace

void check_references(const Document& doc, std::vector<Finding>& out,
                      std::vector<Finding>& self_names) {
  References refs(doc, out, self_names);
  visit(refs, doc.body, nullptr, nullptr);
}

}  // namespace tatakerja::regulation::lint_rules
