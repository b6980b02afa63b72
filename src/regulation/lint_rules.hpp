// The linter's rule families (private to the linter): each adds its findings to `out`.
#pragma once

#include <bit>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/sixteen_bytes.hpp"
#include "regulation/document.hpp"
#include "regulation/extraction.hpp"
#include "regulation/lint.hpp"

namespace tatakerja::regulation::lint_rules {

inline void add(std::vector<Finding>& out, const char* code, Severity s, int line,
                std::string message) {
  out.push_back({code, s, line, std::move(message), {}});
}

// For the scans that look for a word at every place of a text, sixteen places at a time: which of
// the bytes t[at + offset, at + offset + 16) are the lowercase ASCII letter `letter` in either
// case (OR 0x20 lowers an ASCII letter and makes no other byte a letter).
inline auto letter_at(std::string_view t, std::size_t at, std::size_t offset, char letter) {
  return text::folded(text::sixteen_bytes_at(t.data() + at + offset)) ==
         static_cast<unsigned char>(letter);
}

// "Peraturan" and "Keputusan" have nine letters, an 'e' second, a 't' fifth and a 'u' sixth:
// comparing those three at a place turns most other words away (a few such as "kebutuhan" pass,
// and are then compared whole).
constexpr std::size_t kKindWordLength = 9;

// The places [at, at + 16) of `t` where the three letters of a kind word stand, as bits (reads
// t[at + 1, at + 21)).
inline unsigned kind_word_starts(std::string_view t, std::size_t at) {
  return text::bits_of(letter_at(t, at, 1, 'e') & letter_at(t, at, 4, 't') &
                       letter_at(t, at, 5, 'u'));
}

// Calls visit(q) for each place q >= from of `t` where a kind word may start, left to right, from
// is 0 or a place that ends a block of sixteen (from + 24 > t.size() then, or more blocks follow).
// Most nodes hold neither word: sixteen places are compared at a time, the last sixteen in one
// block that overlaps the one before (its places already visited are left out), as text::ifind
// does.
template <class Visit>
void for_each_kind_word_start(std::string_view t, std::size_t from, Visit&& visit) {
  if (t.size() < kKindWordLength) return;
  const std::size_t last = t.size() - kKindWordLength;  // the last place a word can start
  std::size_t i = from;
  const auto visit_all = [&](std::size_t at, unsigned starts) {
    for (; starts != 0; starts &= starts - 1)
      visit(at + static_cast<std::size_t>(std::countr_zero(starts)));
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

// KIND_MISMATCH: the body naming itself as another kind of regulation ("Dalam Peraturan Gubernur
// ini" in a Peraturan Bupati), read node by node. A node's text is read for its places where a
// kind word may start (for_each_kind_word_start): the body's by the reading of references, in
// the same pass over each text, the annexes' by node().
class SelfNames {
 public:
  SelfNames(const Document& doc, std::vector<Finding>& out);
  // Whether the node's text is to be read (the text has a kind, and the node's text is long
  // enough to name one). Asked of every node: inline.
  bool wanted(const Node& n) const { return read_ && n.text.size() >= kShortestSelfName; }
  // A place of the node's text where a kind word may start; the places come left to right.
  void place(const Node& n, std::size_t q);
  // After the last place of the node's text. Most texts hold no "Keputusan": inline.
  void done(const Node& n) {
    if (holds_keputusan_) read_keputusan(n);
  }
  // The whole node's text, if wanted.
  void node(const Node& n);

 private:
  // The shortest way a text can name itself: "peraturan daerah ini".
  static constexpr std::size_t kShortestSelfName = 20;
  // Reads the names starting with "Keputusan" in a node's text that holds one.
  void read_keputusan(const Node& n);

  std::vector<Finding>& out_;
  bool read_;
  std::string own_;                 // the text's own kind, keyed
  const std::string& own_display_;  // as the heading writes it
  bool holds_keputusan_ = false;    // the node's text holds a "Keputusan"
};

// NUMBERING_GAP, NUMBERING_DUPLICATE: BAB, Bagian, Paragraf, Pasal, ayat, list items, dictums,
// annex items; also the Menimbang and Mengingat lists.
void check_numbering(const Document& doc, std::vector<Finding>& out);
// XREF_UNRESOLVED, XREF_SELF: "Pasal N ayat (M) huruf x" and "pada ayat (M)" inside the body;
// also the body's KIND_MISMATCH (SelfNames), added to `self_names`, read in the same pass.
void check_references(const Document& doc, std::vector<Finding>& out,
                      std::vector<Finding>& self_names);
// NUMBER_BLANK, IDENTITY_*_MISMATCH, DATE_MALFORMED.
void check_identity(const Document& doc, std::vector<Finding>& out);
// KIND_MISMATCH in the annexes.
void check_kind_named_in_annexes(const Document& doc, std::vector<Finding>& out);
// CITATION_GAZETTE_BEFORE_YEAR, CITATION_INCONSISTENT (within one text).
void check_citations(const Extraction& facts, std::vector<Finding>& out);
// CITATION_INCONSISTENT across texts.
std::vector<Finding> check_citation_set(const std::vector<NamedExtraction>& set);
// STRUCTURE_LIMIT, ESELON_MISMATCH, UNIT_WITHOUT_JOB_DESCRIPTION, JOB_DESCRIPTION_WITHOUT_UNIT.
void check_structure(const Document& doc, const Extraction& x, std::vector<Finding>& out);

}  // namespace tatakerja::regulation::lint_rules
