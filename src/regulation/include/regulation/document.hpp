// The parsed form of a regulation text: heading, preamble, body tree, closing and annexes. Every
// node keeps the source lines it was read from, so every extracted fact can point back to the text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/source_span.hpp"

namespace tatakerja::regulation {

enum class NodeKind {
  Root,          // a container: the body, the Menimbang or Mengingat list, an annex's content
  Chapter,       // BAB I
  Section,       // Bagian Kesatu
  Paragraph,     // Paragraf 1
  Article,       // Pasal 1
  Verse,         // ayat (1)
  Letter,        // huruf a.  (also aa.)
  UpperLetter,   // A.  (annex parts)
  Number,        // angka 1.
  ParenNumber,   // 1)
  ParenLetter,   // a)
  DottedNumber,  // 6.1.  (annex duty lists)
  Roman,         // I.  (annex parts)
  Dictum,        // KESATU (decrees)
  Heading,       // a heading line inside an annex ("URAIAN TUGAS JABATAN")
  Text,          // a paragraph of running text
  Table,         // rows of cells (tab-separated, pipe or recovered from flattened cells)
  Row,
};
const char* to_string(NodeKind k);
// True for the kinds that number the items of a list (Letter, Number, ...), not for containers.
// Inline: every walk over a tree asks it of each node.
inline bool is_list_item(NodeKind k) {
  switch (k) {
    case NodeKind::Letter:
    case NodeKind::UpperLetter:
    case NodeKind::Number:
    case NodeKind::ParenNumber:
    case NodeKind::ParenLetter:
    case NodeKind::DottedNumber:
    case NodeKind::Roman:
      return true;
    default:
      return false;
  }
}

struct Node {
  Node();  // (defaulted below, after the class: see there)

  NodeKind kind = NodeKind::Root;
  std::string label;  // as numbered: "I", "Kesatu", "12", "aa", "6.13", "KESATU"
  int ordinal = 0;    // the label's value, for numbering checks (aa = 27, Kedua = 2, 6.13 = 13)
  std::string title;  // heading of a BAB, Bagian or Paragraf
  std::string text;   // the node's own text, continuation lines joined with a space
  std::vector<std::string> cells;  // Row
  SourceSpan span;                 // the node's own lines and its children's
  std::vector<Node> children;

  // The node's text followed by its descendants' texts, each list item prefixed by its label.
  std::string full_text() const;
};

// Defaulted here, not where it is declared, so that it counts as written: a node made with Node()
// (as std::vector makes each child) then has only its members' own initialisers run, and is not
// first zeroed whole, all 168 bytes, as value initialisation zeroes a class whose constructor is
// left implicit. The tree builder makes a node for every line it reads.
inline Node::Node() = default;

struct Heading {
  std::string issuer;  // "GUBERNUR NUSA TENGGARA TIMUR"
  std::string kind;    // "Peraturan Gubernur"
  std::string region;  // "Provinsi Nusa Tenggara Timur"
  std::string number;  // as written; empty when left blank
  std::string number_raw;
  std::optional<int> year;
  std::string title;  // after TENTANG
  // The lines before the preamble or body, joined: what an excerpt has instead of a heading
  // ("Berdasarkan Peraturan Bupati X Nomor 41 Tahun 2021 tentang ..."). At most 4 KB.
  std::string text;
  int kind_line = 0;
  int number_line = 0;
  SourceSpan span;
};

struct Closing {
  std::string place;  // Ditetapkan di ...
  std::string date;   // pada tanggal ... (as written)
  int date_line = 0;
  std::string signatory_title;
  std::string signatory_name;
  std::string promulgation_place;  // Diundangkan di ...
  std::string promulgation_date;
  int promulgation_date_line = 0;
  std::string gazette;  // "BERITA DAERAH PROVINSI NUSA TENGGARA TIMUR TAHUN 2023 NOMOR 101"
  int gazette_line = 0;
  SourceSpan span;
};

struct Annex {
  std::string label;  // "I", "II"; empty for a single unnumbered LAMPIRAN
  int ordinal = 0;
  std::string kind_line;  // "PERATURAN GUBERNUR NUSA TENGGARA TIMUR"
  std::string number;     // "10" (normalised as the heading's number)
  std::optional<int> year;
  int number_line = 0;
  std::string date;  // TANGGAL, as written
  int date_line = 0;
  std::string title;  // TENTANG
  int title_line = 0;
  Node content;
  SourceSpan span;
};

struct Document {
  Heading heading;
  Node considerations;    // Menimbang
  Node bases;             // Mengingat
  std::string enactment;  // the text after "Menetapkan :"
  Node body;
  Closing closing;
  std::vector<Annex> annexes;
  std::vector<Finding> findings;  // what the reader had to repair or could not read
  int line_count = 0;
  bool is_decree() const;  // a Keputusan, with dictums instead of articles
};

// An excerpt: a text without the preamble every regulation has (Menimbang, Mengingat): it starts
// at a chapter, an article or a sentence citing the regulation, or it is a web page's copy of some
// articles under the regulation's title; its numbering starts where the copy starts.
bool is_excerpt(const Document& doc);

}  // namespace tatakerja::regulation
