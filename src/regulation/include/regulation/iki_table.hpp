// Individual performance indicators (Indikator Kinerja Individu, IKI) and their formulas.
#pragma once

#include <string>
#include <vector>

#include "core/source_span.hpp"

namespace tatakerja::regulation {

enum class FormulaKind {
  Ratio,      // numerator / denominator (x 100%): achievement in percent
  Count,      // "Jumlah Dokumen": a number of things
  Predicate,  // "Hasil Evaluasi SAKIP": a grade from an evaluation (AA, A, BB, ...)
  Text,       // anything else, e.g. a named document
};
const char* to_string(FormulaKind k);  // "ratio", "count", "predicate", "text"

struct Formula {
  FormulaKind kind = FormulaKind::Text;
  std::string text;         // the formula as a reader would write it, markup removed
  std::string written;      // the cell as the regulation writes it (LaTeX kept), spaces collapsed
  std::string numerator;    // Ratio
  std::string denominator;  // Ratio
  bool percent = false;     // Ratio: multiplied by 100
  std::string counted;      // Count: what is counted ("Dokumen")
  std::string evaluation;   // Predicate: the evaluation the grade comes from ("SAKIP")
};

struct IkiRow {
  std::string number;   // the row number as written ("1", "2")
  std::string sasaran;  // target (carried over from the row above when blank)
  bool sasaran_carried = false;
  std::string indikator;  // indicator
  Formula formula;
  std::string sumber_data;  // data source
  SourceSpan source;
};

struct IkiTable {
  std::string position;  // id of the position the indicators belong to
  std::vector<IkiRow> rows;
  SourceSpan source;
};

inline const char* to_string(FormulaKind k) {
  switch (k) {
    case FormulaKind::Ratio:
      return "ratio";
    case FormulaKind::Count:
      return "count";
    case FormulaKind::Predicate:
      return "predicate";
    case FormulaKind::Text:
      return "text";
  }
  return "text";
}

}  // namespace tatakerja::regulation
