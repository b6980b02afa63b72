// The text's identity: the number left blank in the heading; the number, year, date and title each
// annex repeats against the body's; dates that are not complete valid dates; the body naming
// itself as another kind of regulation ("Dalam Peraturan Gubernur ini" in a Peraturan Bupati).
#include <algorithm>
#include <array>
#include <bit>
#include <map>
#include <optional>

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

// Drops a trailing region ("kabupaten kapuas hulu", or "kapuas hulu" alone) from a name key;
// `region_key` is the region's name key (made once for every title of a text).
std::string drop_region(const std::string& key, const std::string& region_key) {
  std::string r = region_key;
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
  // The keys every annex is compared with, made once for the text: the body's number (when an
  // annex gives one), the region and the body's title.
  std::optional<std::string> body_number_key;
  const auto body_key = [&]() -> const std::string& {
    if (!body_number_key) body_number_key = number_key(body_number);
    return *body_number_key;
  };
  const std::string region_key = text::name_key(h.region);
  const std::string title_key = drop_region(text::name_key(h.title), region_key);
  for (const Annex& a : doc.annexes) {
    const std::string name = annex_name(a);
    if (a.number_line != 0) {
      std::vector<std::string> diffs;
      if (!a.number.empty() && number_key(a.number) != body_key())
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
      // An annex mostly repeats the date of enactment as the closing writes it: read once.
      const auto d = a.date == doc.closing.date ? enacted : parse_indonesian_date(a.date);
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
      if (drop_region(text::name_key(a.title), region_key) != title_key)
        add(out, "IDENTITY_TITLE_MISMATCH", Severity::Error, a.title_line,
            name + " berjudul \"" + text::collapse_spaces(a.title) +
                "\", berbeda dengan judul peraturan \"" + text::collapse_spaces(h.title) + "\".");
    }
  }
}

namespace {

// A kind a text can name itself as ("... ini"), as a name key, with its canonical key
// (canonical_kind of it: "walikota" written "wali kota") and its title as a finding names it
// (text::title_case of the canonical key), written out so that a mention makes no string.
struct SelfKind {
  std::string_view key, canonical, title;
};

// The kinds a text can name itself as, longest first per prefix.
constexpr std::array<SelfKind, 10> kSelfKinds = {{
    {"peraturan gubernur", "peraturan gubernur", "Peraturan Gubernur"},
    {"peraturan bupati", "peraturan bupati", "Peraturan Bupati"},
    {"peraturan wali kota", "peraturan wali kota", "Peraturan Wali Kota"},
    {"peraturan walikota", "peraturan wali kota", "Peraturan Wali Kota"},
    {"peraturan daerah", "peraturan daerah", "Peraturan Daerah"},
    {"keputusan gubernur", "keputusan gubernur", "Keputusan Gubernur"},
    {"keputusan bupati", "keputusan bupati", "Keputusan Bupati"},
    {"keputusan wali kota", "keputusan wali kota", "Keputusan Wali Kota"},
    {"keputusan walikota", "keputusan wali kota", "Keputusan Wali Kota"},
    {"keputusan kepala", "keputusan kepala", "Keputusan Kepala"},
}};

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
  for (const SelfKind& kind : kSelfKinds) {
    const std::string_view k = kind.key;
    if (w.compare(0, k.size(), k) != 0) continue;
    // "<kind> ini" (a decree's kind goes on: "Keputusan Kepala Badan ini")
    std::string_view rest = w.substr(k.size());
    if (k == "keputusan kepala") {
      const auto ini = rest.find(" ini");
      if (ini > 20) return;  // also no " ini" at all (npos)
    } else if (rest.substr(0, 4) != " ini" || (rest.size() > 4 && text::is_alnum(rest[4]))) {
      return;
    }
    if (own.compare(0, kind.canonical.size(), kind.canonical) != 0)
      add(out, "KIND_MISMATCH", Severity::Error, n.span.first_line,
          "Naskah ini " + own_display + ", tetapi menyebut dirinya \"" + std::string(kind.title) +
              " ini\".");
    return;
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

}  // namespace

SelfNames::SelfNames(const Document& doc, std::vector<Finding>& out)
    : out_(out),
      read_(!doc.heading.kind.empty()),
      own_(read_ ? canonical_kind(text::name_key(doc.heading.kind)) : std::string()),
      own_display_(doc.heading.kind) {}

// The names starting with "Peraturan" are checked as their places come, those starting with
// "Keputusan" (rarer) only noted, and read once all places of the node have come (done).
void SelfNames::place(const Node& n, std::size_t q) {
  const std::string_view t = n.text;
  if (kind_word_at(t, q, "Peraturan"))
    check_self_name_at(n, q, own_, own_display_, out_);
  else if (!holds_keputusan_ && kind_word_at(t, q, "Keputusan"))
    holds_keputusan_ = true;
}

void SelfNames::read_keputusan(const Node& n) {
  holds_keputusan_ = false;
  const std::string_view t = n.text;
  for_each_kind_word_start(t, 0, [&](std::size_t q) {
    if (kind_word_at(t, q, "Keputusan")) check_self_name_at(n, q, own_, own_display_, out_);
  });
}

void SelfNames::node(const Node& n) {
  if (!wanted(n)) return;
  for_each_kind_word_start(n.text, 0, [&](std::size_t q) { place(n, q); });
  done(n);
}

namespace {

// The node and those below it, in document order.
void self_names_below(SelfNames& names, const Node& n) {
  names.node(n);
  for (const Node& c : n.children) self_names_below(names, c);
}

}  // namespace

void check_kind_named_in_annexes(const Document& doc, std::vector<Finding>& out) {
  if (doc.heading.kind.empty()) return;  // no kind to tell another from
  SelfNames names(doc, out);
  for (const Annex& a : doc.annexes) self_names_below(names, a.content);
}

}  // namespace tatakerja::regulation::lint_rules
