#include "regulation/document.hpp"

#include "core/text.hpp"

namespace tatakerja::regulation {

const char* to_string(NodeKind k) {
  switch (k) {
    case NodeKind::Root:
      return "root";
    case NodeKind::Chapter:
      return "BAB";
    case NodeKind::Section:
      return "Bagian";
    case NodeKind::Paragraph:
      return "Paragraf";
    case NodeKind::Article:
      return "Pasal";
    case NodeKind::Verse:
      return "ayat";
    case NodeKind::Letter:
      return "huruf";
    case NodeKind::UpperLetter:
      return "huruf besar";
    case NodeKind::Number:
      return "angka";
    case NodeKind::ParenNumber:
      return "angka kurung";
    case NodeKind::ParenLetter:
      return "huruf kurung";
    case NodeKind::DottedNumber:
      return "butir";
    case NodeKind::Roman:
      return "romawi";
    case NodeKind::Dictum:
      return "diktum";
    case NodeKind::Heading:
      return "judul";
    case NodeKind::Text:
      return "teks";
    case NodeKind::Table:
      return "tabel";
    case NodeKind::Row:
      return "baris";
  }
  return "teks";
}

namespace {

std::string marker_text(const Node& n) {
  switch (n.kind) {
    case NodeKind::Verse:
      return "(" + n.label + ")";
    case NodeKind::Letter:
    case NodeKind::UpperLetter:
    case NodeKind::Number:
    case NodeKind::DottedNumber:
    case NodeKind::Roman:
      return n.label + ".";
    case NodeKind::ParenNumber:
    case NodeKind::ParenLetter:
      return n.label + ")";
    default:
      return {};
  }
}

void collect(const Node& n, std::string& out) {
  auto add = [&](const std::string& s) {
    if (s.empty()) return;
    if (!out.empty()) out.push_back(' ');
    out += s;
  };
  add(n.text);
  for (const Node& c : n.children) {
    add(marker_text(c));
    if (c.kind == NodeKind::Row) {
      for (const auto& cell : c.cells) add(cell);
    } else {
      collect(c, out);
    }
  }
}

}  // namespace

std::string Node::full_text() const {
  std::string out;
  collect(*this, out);
  return out;
}

bool Document::is_decree() const {
  return text::istarts_with(heading.kind, "Keputusan");
}

bool is_excerpt(const Document& doc) {
  return doc.considerations.children.empty() && doc.bases.children.empty();
}

}  // namespace tatakerja::regulation
