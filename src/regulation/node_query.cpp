#include "regulation/node_query.hpp"

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

std::vector<std::string> item_texts(const Node& n) {
  std::vector<std::string> out;
  for (const Node& c : n.children)
    if (is_list_item(c.kind)) out.push_back(text::strip_item_end(c.full_text()));
  return out;
}

}  // namespace tatakerja::regulation
