// Walking the parsed tree: find articles, visit nodes, name where a node sits ("Pasal 3 ayat (1)
// huruf b angka 1").
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/sixteen_bytes.hpp"
#include "regulation/document.hpp"

namespace tatakerja::regulation {

namespace detail {
template <typename Visit>
void walk_below(const Node& n, std::vector<const Node*>& path, Visit& visit) {
  for (const Node& c : n.children) {
    visit(c, static_cast<const std::vector<const Node*>&>(path));
    if (c.children.empty()) continue;  // a leaf adds nothing to the path
    path.push_back(&c);
    walk_below(c, path, visit);
    path.pop_back();
  }
}
}  // namespace detail

// Calls `visit(node, path)` for every node under `root` in document order; `path` holds the
// ancestors from the root (excluded) to the node's parent. A template, so that each reader's
// visit is called directly (inlined) rather than through a std::function on every node; the path
// is one vector, grown and shrunk as the walk goes down and up.
template <typename Visit>
void walk(const Node& root, Visit&& visit) {
  std::vector<const Node*> path;
  path.reserve(16);
  detail::walk_below(root, path, visit);
}

// A case-blind search for one phrase (text::ifind's answer), for the phrases that every node of
// the body is searched for ("dicabut dan dinyatakan tidak berlaku", "dipimpin oleh ", "tim
// kerja"). A phrase of ten bytes or more is looked for through the last two bytes of a window as
// long as it, and the window moves on by as much as those two bytes allow (the whole phrase but a
// byte when they stand nowhere in it), where text::ifind looks at every start. A shorter one, which
// lets the window move less, is looked for at thirty-two starts at a time through its two rarest
// bytes (not text::ifind's first and last, of which "a" and " " are common), made ready once: the
// rarer first, the other only where the rarer stands.
// Made once per phrase (a table of 4 KB).
class PhraseFinder {
 public:
  explicit PhraseFinder(std::string_view phrase);
  // Where the phrase first occurs in `text` at or after `from`, ignoring case, or npos. Inline:
  // every node of the body is searched, most by one call of the search that fits it.
  std::size_t find(std::string_view text, std::size_t from = 0) const {
    if (text.size() >= probes_from_size_) return find_by_probes(text, from);
    return find_by_shifts(text, from);
  }

 private:
  // find for a phrase and text find_by_probes does not take: the window moved on by the table
  // (text::ifind's answer for a phrase of one byte or of more than 255).
  std::size_t find_by_shifts(std::string_view text, std::size_t from) const;
  // find for a short phrase in a text of 15 starts or more: thirty-two (then sixteen) starts at a
  // time, the starts whose two probe bytes match compared whole.
  std::size_t find_by_probes(std::string_view text, std::size_t from) const;

  std::string_view phrase_;
  // The short phrase's two probes: where they stand in it, and in all sixteen lanes their bytes
  // with the bit that folds a letter's case (0x20) set, and that bit (none for another byte).
  // The size of text from which find_by_probes looks for the phrase: the phrase's and 15 (16
  // starts) for a short phrase, never (all the bytes there can be) for another.
  std::size_t probes_from_size_ = static_cast<std::size_t>(-1);
  std::array<std::size_t, 2> probe_at_{};
  std::array<text::SixteenBytes, 2> probe_fold_{};
  std::array<text::SixteenBytes, 2> probe_byte_{};
  // By a hash of two bytes (each with its 0x20 bit set, so that a letter's cases hash alike): how
  // far the window may move when they end it.
  std::array<std::uint8_t, 4096> shift_{};
};

// All articles (Pasal) of the body, in order.
std::vector<const Node*> articles(const Document& doc);
// The article with this label ("5", "5A"), or nullptr.
const Node* find_article(const Document& doc, const std::string& label);

// How a single node is named: "Pasal 6", "ayat (2)", "huruf a", "angka 3", "BAB IV"; empty for
// text, tables and headings.
std::string node_label(const Node& node);

// "Pasal 3 ayat (1) huruf b angka 1" for a node given its ancestors (as `walk` passes them).
std::string citation_path(const std::vector<const Node*>& ancestors, const Node& node);

// The full text of a node (an item with its nested items), cleaned of its trailing "; dan" and
// single-spaced: text::strip_item_end(n.full_text()).
std::string item_text(const Node& n);

// Texts of the direct list-item children of `n` (Letter, Number, ...), each cleaned of its trailing
// "; dan" and including the item's own nested items' text.
std::vector<std::string> item_texts(const Node& n);

}  // namespace tatakerja::regulation
