#include "regulation/node_query.hpp"

#include <algorithm>
#include <array>
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

std::vector<const Node*> articles(const Document& doc) {
  std::vector<const Node*> out;
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>&) {
    if (n.kind == NodeKind::Article) out.push_back(&n);
  });
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

namespace {

// The trailing words and marks that end a list item (text::strip_item_end's list).
constexpr std::array<std::string_view, 7> kItemTails = {" dan/atau", " dan", " atau", ";",
                                                        ",",         ".",    ":"};

// Whether `t` may end in one of kItemTails: an item with its tail stripped ends in a byte that
// ends none of them, and is told so without comparing every tail.
bool may_end_in_item_tail(std::string_view t) {
  return std::any_of(kItemTails.begin(), kItemTails.end(), [&](std::string_view tail) {
    return text::iends_with(t, tail.substr(tail.size() - 1));
  });
}

// text::strip_item_end's second half, on a single-spaced text: the trailing "." ";" ":" "," and
// "dan", "atau", "dan/atau" that end a list item, as often as they follow one another.
void strip_item_tail(std::string& r) {
  for (bool changed = true; changed && !r.empty() && may_end_in_item_tail(r);) {
    changed = false;
    for (std::string_view tail : kItemTails) {
      if (r.size() > tail.size() && text::iends_with(r, tail)) {
        r.resize(r.size() - tail.size());
        while (!r.empty() && r.back() == ' ') r.pop_back();
        changed = true;
      }
    }
  }
}

}  // namespace

std::string item_text(const Node& n) {
  // The full text is made anyway; most are single-spaced already and are kept as they are
  // instead of being copied through collapse_spaces.
  std::string t = n.full_text();
  if (!text::is_single_spaced(t)) t = text::collapse_spaces(t);
  strip_item_tail(t);
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
