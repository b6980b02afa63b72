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

// The tail of a list item that `r` ends in (text::strip_item_end's list: " dan/atau", " dan",
// " atau", ";", ",", ".", ":"), told by its last byte, or 0 when none (nor when the tail is all of
// `r`). At most one tail ends a text, so the order in which they are tried does not matter.
std::size_t item_tail_size(std::string_view r) {
  if (r.empty()) return 0;
  const auto tail = [&](std::string_view t) {
    return r.size() > t.size() && text::iends_with(r, t) ? t.size() : 0;
  };
  switch (r.back()) {
    case ';':
    case ',':
    case '.':
    case ':':
      return r.size() > 1 ? 1 : 0;
    case 'n':
    case 'N':
      return tail(" dan");
    case 'u':
    case 'U':
      if (const std::size_t n = tail(" dan/atau")) return n;
      return tail(" atau");
    default:
      return 0;
  }
}

// text::strip_item_end's second half, on a single-spaced text: the trailing "." ";" ":" "," and
// "dan", "atau", "dan/atau" that end a list item, as often as they follow one another.
void strip_item_tail(std::string& r) {
  for (std::size_t n = item_tail_size(r); n != 0; n = item_tail_size(r)) {
    r.resize(r.size() - n);
    while (!r.empty() && r.back() == ' ') r.pop_back();
  }
}

}  // namespace

std::string strip_item_end(std::string_view s) {
  std::string r = text::collapse_spaces(s);
  strip_item_tail(r);
  return r;
}

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
