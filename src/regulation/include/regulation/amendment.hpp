// A regulation that amends another ("Peraturan Gubernur ... tentang Perubahan atas Peraturan
// Gubernur ... Nomor 77 Tahun 2023 tentang ..."): what it amends and how, read from the
// instructions of its Pasal I ("Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:",
// "Di antara Pasal 6 dan Pasal 7 disisipkan 1 (satu) pasal, yakni Pasal 6A ...", "Pasal 9
// dihapus."), and the consolidated text: the amended regulation's text with the instructions
// applied, which the registry stores as that regulation's next version. Pure: no I/O.
//
// By the drafting rules (UU 12/2011, Lampiran II), a change to an ayat, a huruf or an angka
// restates the whole article ("Ketentuan ayat (2) Pasal 5 diubah sehingga Pasal 5 berbunyi sebagai
// berikut:"), so the articles are the unit of change. Changes to annexes and inserted chapters are
// read and reported, not applied.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regulation/document.hpp"
#include "regulation/legal_facts.hpp"

namespace tatakerja::regulation {

enum class AmendmentKind {
  Replace,     // an article restated
  Insert,      // articles inserted after an article
  Delete,      // an article revoked ("Pasal 9 dihapus.")
  NotApplied,  // an instruction read but not applied (an annex, a chapter): reported
};

struct AmendmentStep {
  AmendmentKind kind = AmendmentKind::NotApplied;
  // Replace, Delete: the article changed ("Pasal 5"); Insert: the article the new ones follow.
  std::string article;
  std::vector<std::string> new_articles;  // Replace, Insert: the labels of the block's articles
  std::string instruction;                // the instruction as written (one line)
  std::string block;                      // Replace, Insert: the articles' text, as written
  int line = 0;                           // the instruction's line in the amending text (1-based)
};

struct Amendment {
  Citation target;  // the regulation amended, from the title
  int ordinal = 1;  // 1 for "Perubahan atas", 2 for "Perubahan Kedua atas", ...
  std::vector<AmendmentStep> steps;
};

// Reads an amending regulation from its title (after TENTANG) and its text; nullopt when the
// title is not "Perubahan [Kedua, Ketiga, ...] atas <a regulation>". Linear in the text.
std::optional<Amendment> read_amendment(std::string_view title, std::string_view text);

// Where an article of the amended regulation's text is (1-based lines, inclusive).
struct ArticleLines {
  std::string label;  // "Pasal 5"
  int first_line = 0;
  int last_line = 0;
};

// The articles (Pasal) of a parsed text, in order, with their lines.
std::vector<ArticleLines> article_lines(const Document& doc);

struct Consolidation {
  std::string text;                      // the amended text with every applicable step applied
  std::vector<std::string> applied;      // one Indonesian sentence per step applied
  std::vector<std::string> not_applied;  // one per step not applied, with the reason
};

// Applies `amendment` to `base_text`, whose articles are `base_articles`: a restated article
// replaces the old one's lines, inserted articles follow the article named, a revoked article
// becomes "Pasal N / Dihapus." (as consolidated texts print it). Steps naming an article the text
// does not have are not applied. Linear in the texts.
Consolidation consolidate(std::string_view base_text,
                          const std::vector<ArticleLines>& base_articles,
                          const Amendment& amendment);

}  // namespace tatakerja::regulation
