#include "regulation/node_query.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/text.hpp"

namespace tatakerja::regulation {
std::string node_label(const Node& n) {
  switch (n.kind) {
    case NodeKind::Chapter:
      return "BAB " + n.label;
    case NodeKind::Section:
      return "Bagian " + n.label;
    case NodeKind::Paragraph:
      return "Paragraf " + n.label;
    case NodeKind::Article:
      return "Pasal " + n.label;
    case NodeKind::Verse:
      return "ayat (" + n.label + ")";
    case NodeKind::Letter:
    case NodeKind::ParenLetter:
    case NodeKind::UpperLetter:
      return "huruf " + n.label;
    case NodeKind::Number:
    case NodeKind::ParenNumber:
    case NodeKind::DottedNumber:
      return "angka " + n.label;
    case NodeKind::Roman:
      return "bagian " + n.label;
    case NodeKind::Dictum:
      return "Diktum " + n.label;
    default:
      return {};
  }
}

namespace {

// The slot of two bytes (`at` and the next) in PhraseFinder's table: their bits with the 0x20 bit
// set (a letter's two cases alike; two bytes text::ifind takes as equal hash alike), both read at
// once and multiplied into 12 bits.
std::size_t pair_slot(const char* at) {
  std::uint16_t pair = 0;
  std::memcpy(&pair, at, sizeof pair);
  // The upper half set as well (every pair alike, so no two slots merge): the OR is then made on
  // the widened word, not on sixteen bits widened after it, an instruction less.
  const std::uint32_t folded = static_cast<std::uint32_t>(pair) | 0xFFFF2020U;
  return static_cast<std::size_t>((folded * 0x9E3779B1U) >> 20U) & 0xFFFU;
}

// How common a byte is in the texts read (a letter in either case): the bytes of
// kCommonFirst, most common first, then every other byte, equally rare.
std::size_t commonness(char c) {
  static constexpr std::string_view kCommonFirst = " aneiurtskmdlgbhpoyjcwfvzxq";
  const std::size_t rank = kCommonFirst.find(text::is_alpha(c) ? static_cast<char>(c | 0x20) : c);
  return rank == std::string_view::npos ? 0 : kCommonFirst.size() - rank;
}

// Phrases shorter than this are found through two probe bytes, sixteen starts at a time; longer
// ones let the window move on far enough that moving it is the faster.
constexpr std::size_t kSkippingLength = 10;

}  // namespace

PhraseFinder::PhraseFinder(std::string_view phrase) : phrase_(phrase) {
  // Phrases longer than a byte's shift can say are looked for by text::ifind (find below).
  if (phrase.size() < 2 || phrase.size() > 255) return;
  const std::size_t m = phrase.size();
  if (m < kSkippingLength) {
    // The two rarest bytes, the first of equals.
    std::size_t rarest = 0;
    for (std::size_t j = 1; j < m; ++j)
      if (commonness(phrase[j]) < commonness(phrase[rarest])) rarest = j;
    std::size_t second = rarest == 0 ? 1 : 0;
    for (std::size_t j = 0; j < m; ++j)
      if (j != rarest && commonness(phrase[j]) < commonness(phrase[second])) second = j;
    probe_at_ = {rarest, second};
    for (std::size_t k = 0; k < 2; ++k) {
      const char c = phrase[probe_at_[k]];
      const unsigned char fold = text::is_alpha(c) ? 0x20 : 0x00;
      probe_fold_[k] = text::sixteen_of(fold);
      probe_byte_[k] = text::sixteen_of(static_cast<unsigned char>(c | fold));
    }
    probes_from_size_ = m + 15;
  }
  // Two bytes found nowhere in the phrase let the window move on by all of it but a byte (the
  // second could be the phrase's first); two that end the phrase at position j, by m - 1 - j.
  shift_.fill(static_cast<std::uint8_t>(m - 1));
  for (std::size_t j = 1; j < m; ++j) {
    std::uint8_t& s = shift_[pair_slot(phrase.data() + j - 1)];
    s = std::min(s, static_cast<std::uint8_t>(m - 1 - j));
  }
}

std::size_t PhraseFinder::find_by_probes(std::string_view text, std::size_t from) const {
  const std::size_t last = text.size() - phrase_.size();  // the last start, 15 or more
  // The starts [at, at + 16) whose two probe bytes match, as bits.
  const auto probes_match = [&](std::size_t at) {
    const text::SixteenBytes first =
        text::sixteen_bytes_at(text.data() + at + probe_at_[0]) | probe_fold_[0];
    const text::SixteenBytes second =
        text::sixteen_bytes_at(text.data() + at + probe_at_[1]) | probe_fold_[1];
    return text::bits_of((first == probe_byte_[0]) & (second == probe_byte_[1]));
  };
  const auto first_match = [&](std::size_t at, unsigned starts) {
    for (; starts != 0; starts &= starts - 1) {
      const std::size_t start = at + static_cast<std::size_t>(std::countr_zero(starts));
      if (text::istarts_with(text.substr(start), phrase_)) return start;
    }
    return std::string_view::npos;
  };
  // The starts [at, at + 16) whose rarer probe byte matches, as lanes.
  const auto rarer_matches = [&](std::size_t at) {
    return (text::sixteen_bytes_at(text.data() + at + probe_at_[0]) | probe_fold_[0]) ==
           probe_byte_[0];
  };
  // The same starts whose other probe byte matches too, as bits, given the first's lanes.
  const auto both_match = [&](std::size_t at, auto rarer) {
    const text::SixteenBytes second =
        text::sixteen_bytes_at(text.data() + at + probe_at_[1]) | probe_fold_[1];
    return text::bits_of(rarer & (second == probe_byte_[1]));
  };
  std::size_t i = from;
  // Thirty-two starts a round while they last, then sixteen. A round is first asked for the
  // rarer probe byte alone (one test for two blocks, which most rounds pass with no start to
  // compare); the other is read only in a round that holds the rarer.
  for (; i + 31 <= last; i += 32) {
    const auto low = rarer_matches(i);
    const auto high = rarer_matches(i + 16);
    if (text::bits_of(low | high) == 0) continue;
    const unsigned starts = both_match(i, low) | (both_match(i + 16, high) << 16U);
    if (starts == 0) continue;
    if (const std::size_t hit = first_match(i, starts); hit != std::string_view::npos) return hit;
  }
  for (; i + 15 <= last; i += 16)
    if (const std::size_t hit = first_match(i, probes_match(i)); hit != std::string_view::npos)
      return hit;
  if (i > last) return std::string_view::npos;
  // The last starts, fewer than sixteen: one more block that ends at the last start, the starts
  // before i (already looked at) masked out.
  const std::size_t at = last - 15;
  return first_match(at, probes_match(at) & (0xFFFFU << (i - at)));
}

std::size_t PhraseFinder::find_by_shifts(std::string_view text, std::size_t from) const {
  const std::size_t m = phrase_.size();
  if (m < 2 || m > 255) return text::ifind(text, phrase_, from);
  if (text.size() < m) return std::string_view::npos;
  const std::size_t last = text.size() - m;              // the last start
  const char* const window_end = text.data() + (m - 2);  // the last two bytes of the window at 0
  for (std::size_t i = from; i <= last;) {
    const std::size_t s = shift_[pair_slot(window_end + i)];
    if (s != 0) {
      i += s;
      continue;
    }
    if (text::istarts_with(text.substr(i), phrase_)) return i;
    ++i;
  }
  return std::string_view::npos;
}

namespace {

// The articles under `n` (itself excluded), in document order, added to `out`. A walk of its own:
// no path of ancestors is kept, which no article list needs.
void gather_articles(const Node& n, std::vector<const Node*>& out) {
  for (const Node& c : n.children) {
    if (c.kind == NodeKind::Article) out.push_back(&c);
    if (!c.children.empty()) gather_articles(c, out);
  }
}

}  // namespace

std::vector<const Node*> articles(const Document& doc) {
  std::vector<const Node*> out;
  gather_articles(doc.body, out);
  return out;
}

const Node* find_article(const Document& doc, const std::string& label) {
  for (const Node* a : articles(doc))
    if (text::iequals(a->label, label)) return a;
  return nullptr;
}

std::string citation_path(const std::vector<const Node*>& ancestors, const Node& node) {
  std::string out;
  auto add = [&](const Node& n) {
    if (n.kind == NodeKind::Chapter || n.kind == NodeKind::Section || n.kind == NodeKind::Paragraph)
      return;
    std::string l = node_label(n);
    if (l.empty()) return;
    if (!out.empty()) out.push_back(' ');
    out += l;
  };
  for (const Node* a : ancestors) add(*a);
  add(node);
  return out;
}

std::string item_text(const Node& n) {
  // A leaf's full text is its own text (most items are leaves): made single-spaced and without
  // its tails with no full text made first.
  if (n.children.empty()) return text::strip_item_end(n.text);
  // The full text is made anyway; most are single-spaced already and are kept as they are
  // instead of being copied through collapse_spaces.
  std::string t = n.full_text();
  if (!text::is_single_spaced(t)) t = text::collapse_spaces(t);
  text::strip_item_tail(t);
  return t;
}

std::vector<std::string> item_texts(const Node& n) {
  std::vector<std::string> out;
  // At most one text per child: grown once, not item by item.
  out.reserve(n.children.size());
  for (const Node& c : n.children)
    if (is_list_item(c.kind)) out.push_back(item_text(c));
  return out;
}

}  // namespace tatakerja::regulation
