// What copying a regulation out of a PDF viewer leaves, undone before the text is read:
// - the heading, preamble and body run together on one line or a few long lines ("PEMERINTAH
//   KABUPATEN X PERATURAN BUPATI X NOMOR 5 TAHUN 2016 TENTANG ... DENGAN RAHMAT TUHAN YANG MAHA
//   ESA BUPATI X, Menimbang : a. bahwa ..."): such a line is cut where a reader sees a new line
//   begin (BAB, Pasal, ayat, a list item after ";" or ":", the heading's and closing's keywords);
//   each piece keeps the number of the line it came from, so every fact still points at the text;
// - page furniture inside such lines ("- 2 -", "-4·", ".5.", "Halaman 3 dari 40", "Page 7 of
//   40"), dropped;
// - a running header repeated at the top of every page ("SALINAN", "BUPATI X"), dropped after its
//   first appearance;
// - a word broken across two lines ("KABU" / "PATEN", "Ke-" / "pala"), joined when the whole word
//   appears elsewhere in the text (a repair a reader is certain of).
// Each pass is linear in the text and reports what it repaired as an info finding.
#pragma once

#include <vector>

#include "core/finding.hpp"
#include "regulation/lines.hpp"

namespace tatakerja::regulation {

void split_flattened_lines(std::vector<Line>& lines, std::vector<Finding>& findings);
void drop_running_headers(std::vector<Line>& lines, std::vector<Finding>& findings);
// Words broken across two lines ("KABU" / "PATEN", "Ke-" / "pala"), joined when the whole word
// appears elsewhere in the text; then OCR damage inside words ("Biclang", "rnempunyai",
// "ORGANlSASl", "Fungslonal", words run together: "KepalaBidang"), repaired only where it is
// certain: the repaired word (or the two words) appear in the text more often than the damaged
// form, which appears at most twice. Each line keeps its number, so the raw form stays where the
// source span points.
void repair_words(std::vector<Line>& lines, std::vector<Finding>& findings);

}  // namespace tatakerja::regulation
