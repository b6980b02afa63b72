// The text's identity: the number left blank in the heading; the number, year, date and title each
// annex repeats against the body's; dates that are not complete valid dates; the body naming
// itself as another kind of regulation ("Dalam Peraturan Gubernur ini" in a Peraturan Bupati).
#include <algorithm>
#include <array>
#include <bit>
#include <map>

#include "core/date.hpp"
#include "core/text.hpp"
#include "lint_rules.hpp"

namespace tatakerja::regulation::lint_rules {
namespace {

// Numbers compare without spaces, case, leading zeros and a trailing "/": "10/" = "10".
std::string number_key(std::string_view s) {
  std::string k;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '*') k.push_back(c);
  while (!k.empty() && (k.back() == '/' || k.back() == '.')) k.pop_back();
  std::size_t z = 0;
  while (z + 1 < k.size() && k[z] == '0' && text::is_digit(k[z + 1])) ++z;
  return text::to_upper(std::string_view(k).substr(z));
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), text::is_digit);
}

// Drops a trailing region ("kabupaten kapuas hulu", or "kapuas hulu" alone) from a name key.
std::string drop_region(const std::string& key, const std::string& region) {
  std::string r = text::name_key(region);
  for (int pass = 0; pass < 2 && !r.empty(); ++pass) {
    if (key.size() > r.size() && key.compare(key.size() - r.size(), r.size(), r) == 0 &&
        key[key.size() - r.size() - 1] == ' ')
      return std::string(text::trim(std::string_view(key).substr(0, key.size() - r.size())));
    const auto sp = r.find(' ');  // "kabupaten kapuas hulu" -> "kapuas hulu"
    r = sp == std::string::npos ? std::string() : r.substr(sp + 1);
  }
  return key;
}

std::string annex_name(const Annex& a) {
  return "Lampiran" + (a.label.empty() ? std::string() : " " + a.label);
}

}  // namespace

void check_identity(const Document& doc, std::vector<Finding>& out) {
  const Heading& h = doc.heading;
  const bool blank = h.number_line != 0 && (h.number.empty() || !has_digit(h.number));
  if (blank)
    add(out, "NUMBER_BLANK", Severity::Warning, h.number_line,
        "Nomor " + (h.kind.empty() ? std::string("peraturan") : h.kind) +
            " pada kepala naskah dikosongkan (\"NOMOR " + h.number_raw + "\").");
  std::optional<Date> enacted;
  if (!text::trim(doc.closing.date).empty()) {
    enacted = parse_indonesian_date(doc.closing.date);
    if (!enacted)
      add(out, "DATE_MALFORMED", Severity::Warning, doc.closing.date_line,
          "Tanggal penetapan \"" + doc.closing.date + "\" bukan tanggal yang lengkap dan sah.");
  }
  if (!text::trim(doc.closing.promulgation_date).empty() &&
      !parse_indonesian_date(doc.closing.promulgation_date))
    add(out, "DATE_MALFORMED", Severity::Warning, doc.closing.promulgation_date_line,
        "Tanggal pengundangan \"" + doc.closing.promulgation_date +
            "\" bukan tanggal yang lengkap dan sah.");
  const std::string body_number = blank ? h.number_raw : h.number;
  const std::string title_key = drop_region(text::name_key(h.title), h.region);
  for (const Annex& a : doc.annexes) {
    const std::string name = annex_name(a);
    if (a.number_line != 0) {
      std::vector<std::string> diffs;
      if (!a.number.empty() && number_key(a.number) != number_key(body_number))
        diffs.push_back("nomor \"" + a.number + "\", sedangkan kepala naskah menyebut nomor \"" +
                        text::collapse_spaces(body_number) + "\"");
      if (a.year && h.year && *a.year != *h.year)
        diffs.push_back("tahun " + std::to_string(*a.year) +
                        ", sedangkan kepala naskah menyebut tahun " + std::to_string(*h.year));
      if (!diffs.empty()) {
        std::string m = name + " menyebut " + diffs[0];
        if (diffs.size() > 1) m += "; juga " + diffs[1];
        add(out, "IDENTITY_NUMBER_MISMATCH", Severity::Error, a.number_line, m + ".");
      }
    }
    if (!text::trim(a.date).empty()) {
      const auto d = parse_indonesian_date(a.date);
      if (!d)
        add(out, "DATE_MALFORMED", Severity::Warning, a.date_line,
            name + ": tanggal \"" + a.date + "\" bukan tanggal yang lengkap dan sah.");
      else if (enacted && !(*d == *enacted))
        add(out, "IDENTITY_DATE_MISMATCH", Severity::Error, a.date_line,
            name + " bertanggal " + a.date + ", sedangkan peraturan ditetapkan pada tanggal " +
                doc.closing.date + ".");
    }
    if (!text::trim(a.title).empty() && !title_key.empty()) {
      // An annex may leave out the region at the end of the title; nothing else may differ.
      if (drop_region(text::name_key(a.title), h.region) != title_key)
        add(out, "IDENTITY_TITLE_MISMATCH", Severity::Error, a.title_line,
            name + " berjudul \"" + text::collapse_spaces(a.title) +
                "\", berbeda dengan judul peraturan \"" + text::collapse_spaces(h.title) + "\".");
    }
  }
}

namespace {

// The kinds a text can name itself as ("... ini"), as name keys, longest first per prefix.
const std::vector<std::string>& self_kinds() {
  static const std::vector<std::string> kinds = {
      "peraturan gubernur", "peraturan bupati",   "peraturan wali kota", "peraturan walikota",
      "peraturan daerah",   "keputusan gubernur", "keputusan bupati",    "keputusan wali kota",
      "keputusan walikota", "keputusan kepala"};
  return kinds;
}

std::string canonical_kind(std::string key) {
  const auto p = key.find("walikota");
  if (p != std::string::npos) key.replace(p, 8, "wali kota");
  return key;
}

// How far after "Peraturan" or "Keputusan" a text's name for itself is read.
constexpr std::size_t kSelfNameReach = 40;

// The words of a text's name for itself, lowercased and single-spaced, in a buffer of their own:
// they are never longer than the reach, so that no string is made for them.
class SelfNameWords {
 public:
  // The words after position `p` in `t`, up to kSelfNameReach characters: text::collapse_spaces of
  // them, lowered, in one pass.
  SelfNameWords(std::string_view t, std::size_t p) {
    bool pending_space = false;
    for (const char c : text::trim(t.substr(p, kSelfNameReach))) {
      if (text::detail::is_white_space(c)) {
        pending_space = true;
        continue;
      }
      if (pending_space) words_[size_++] = ' ';
      pending_space = false;
      words_[size_++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  std::string_view view() const { return {words_.data(), size_}; }

 private:
  std::array<char, kSelfNameReach> words_{};
  std::size_t size_ = 0;
};

// A kind as a finding names it ("Peraturan Wali Kota"): text::title_case of each canonical kind,
// written out (no map is built for the first finding).
std::string_view kind_title(const std::string& named) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kTitles = {{
      {"peraturan gubernur", "Peraturan Gubernur"},
      {"peraturan bupati", "Peraturan Bupati"},
      {"peraturan wali kota", "Peraturan Wali Kota"},
      {"peraturan daerah", "Peraturan Daerah"},
      {"keputusan gubernur", "Keputusan Gubernur"},
      {"keputusan bupati", "Keputusan Bupati"},
      {"keputusan wali kota", "Keputusan Wali Kota"},
      {"keputusan kepala", "Keputusan Kepala"},
  }};
  for (const auto& [kind, title] : kTitles)
    if (kind == named) return title;
  return {};  // not reached: every kind of self_kinds() is listed
}

// KIND_MISMATCH when the kind word ("Peraturan" or "Keputusan") at `p` of the node's own text
// starts a "<kind> ini" that is not the text's own kind.
void check_self_name_at(const Node& n, std::size_t p, const std::string& own,
                        const std::string& own_display, std::vector<Finding>& out) {
  const std::string_view t = n.text;
  // Every self-name ends in "ini": a mention without it in reach ("Peraturan Pemerintah Nomor 18
  // Tahun 2016 ...", most of them) is passed over before its words are copied.
  if (text::ifind(t.substr(p, kSelfNameReach), "ini") == std::string_view::npos) return;
  const SelfNameWords words(t, p);
  const std::string_view w = words.view();
  for (const std::string& k : self_kinds()) {
    if (w.compare(0, k.size(), k) != 0) continue;
    // "<kind> ini" (a decree's kind goes on: "Keputusan Kepala Badan ini")
    std::string_view rest = w.substr(k.size());
    if (k == "keputusan kepala") {
      const auto ini = rest.find(" ini");
      if (ini > 20) return;  // also no " ini" at all (npos)
    } else if (rest.substr(0, 4) != " ini" || (rest.size() > 4 && text::is_alnum(rest[4]))) {
      return;
    }
    const std::string named = canonical_kind(k);
    if (own.compare(0, named.size(), named) != 0)
      add(out, "KIND_MISMATCH", Severity::Error, n.span.first_line,
          "Naskah ini " + own_display + ", tetapi menyebut dirinya \"" +
              std::string(kind_title(named)) + " ini\".");
    return;
  }
}

// The shortest way a text can name itself: "peraturan daerah ini".
constexpr std::size_t kShortestSelfName = 20;

// "Peraturan" and "Keputusan" have nine letters, an 'e' second, a 't' fifth and a 'u' sixth:
// comparing those three at a place turns most other words away (a few such as "kebutuhan" pass,
// and are then compared whole).
constexpr std::size_t kKindWordLength = 9;

// The places [at, at + 16) of `t` where the three letters of a kind word stand, as bits (reads
// t[at + 1, at + 21)).
unsigned kind_word_starts(std::string_view t, std::size_t at) {
  return text::bits_of(letter_at(t, at, 1, 'e') & letter_at(t, at, 4, 't') &
                       letter_at(t, at, 5, 'u'));
}

// Calls visit(q) for each place q of `t` where a kind word may start, left to right. Most nodes
// hold neither word: sixteen places are compared at a time, the last sixteen in one block that
// overlaps the one before (its places already visited are left out), as text::ifind does.
template <class Visit>
void for_each_kind_word_start(std::string_view t, Visit&& visit) {
  if (t.size() < kKindWordLength) return;
  const std::size_t last = t.size() - kKindWordLength;  // the last place a word can start
  std::size_t i = 0;
  const auto visit_all = [&](std::size_t from, unsigned starts) {
    for (; starts != 0; starts &= starts - 1)
      visit(from + static_cast<std::size_t>(std::countr_zero(starts)));
  };
  for (; i + 15 <= last; i += 16) visit_all(i, kind_word_starts(t, i));
  if (i > last) return;
  if (last >= 15) {
    const std::size_t at = last - 15;  // i - at is 1 to 15
    visit_all(i, kind_word_starts(t, at) >> (i - at));
    return;
  }
  const auto lower = [&](std::size_t k) { return static_cast<char>(t[k] | 0x20); };
  for (; i <= last; ++i) {
    if (lower(i + 1) == 'e' && lower(i + 4) == 't' && lower(i + 5) == 'u') visit(i);
  }
}

// Whether `t` holds the kind word `kw` at `p` as a whole word (as text::ifind_word finds it).
// The place before is read first (a place inside a word is turned away by it), and a byte is
// lowered only where it differs from the word's as written.
bool kind_word_at(std::string_view t, std::size_t p, std::string_view kw) {
  if (p > t.size() || t.size() - p < kw.size() || (p > 0 && text::is_alnum(t[p - 1]))) return false;
  const char* at = t.data() + p;
  for (std::size_t k = 0; k < kw.size(); ++k)
    if (at[k] != kw[k] && text::detail::ascii_lower(at[k]) != text::detail::ascii_lower(kw[k]))
      return false;
  const std::size_t end = p + kw.size();
  return end >= t.size() || !text::is_alnum(t[end]);
}

// KIND_MISMATCH for each "<kind> ini" in the node's own text that is not the text's own kind: the
// names starting with "Peraturan" first, then those with "Keputusan". The text is read once for
// both words, and a second time only when it holds a "Keputusan".
void check_self_names(const Node& n, const std::string& own, const std::string& own_display,
                      std::vector<Finding>& out) {
  const std::string_view t = n.text;
  bool holds_keputusan = false;
  for_each_kind_word_start(t, [&](std::size_t q) {
    if (kind_word_at(t, q, "Peraturan"))
      check_self_name_at(n, q, own, own_display, out);
    else if (!holds_keputusan && kind_word_at(t, q, "Keputusan"))
      holds_keputusan = true;
  });
  if (!holds_keputusan) return;
  for_each_kind_word_start(t, [&](std::size_t q) {
    if (kind_word_at(t, q, "Keputusan")) check_self_name_at(n, q, own, own_display, out);
  });
}

void kind_named(const Node& n, const std::string& own, const std::string& own_display,
                std::vector<Finding>& out) {
  // Many nodes are list items too short to name any kind.
  if (n.text.size() >= kShortestSelfName) check_self_names(n, own, own_display, out);
  for (const Node& c : n.children) kind_named(c, own, own_display, out);
}

}  // namespace

void check_kind_named(const Document& doc, std::vector<Finding>& out) {
  if (doc.heading.kind.empty()) return;
  const std::string own = canonical_kind(text::name_key(doc.heading.kind));
  kind_named(doc.body, own, doc.heading.kind, out);
  for (const Annex& a : doc.annexes) kind_named(a.content, own, doc.heading.kind, out);
}

}  // namespace tatakerja::regulation::lint_rules
