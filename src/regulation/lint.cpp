// The linter: runs each rule family on one text (lint) or on a set of texts (lint_set). The rules
// live in lint_*.cpp:
//   lint_numbering.cpp   numbering of BAB, Bagian, Paragraf, Pasal, ayat, list items and annexes;
//   lint_references.cpp  cross references inside the body that do not resolve or point at the
//                        article they stand in;
//   lint_identity.cpp    the text's identity (number, date, title) in the body and the annexes, the
//                        kind of regulation the body names, malformed dates;
//   lint_citations.cpp   the regulations the preamble cites: gazette records and consistency;
//   lint_structure.cpp   the agency's structure limits, eselon, job descriptions against units.
#include "regulation/lint.hpp"

#include <algorithm>
#include <iterator>

#include "lint_rules.hpp"

namespace tatakerja::regulation {

std::vector<Finding> lint(const Document& doc, const Extraction& facts) {
  std::vector<Finding> out;
  lint_rules::check_numbering(doc, out);
  // The body's KIND_MISMATCH is read with its references (one pass over each text), and added
  // after the identity checks, where the findings of a line have always come.
  std::vector<Finding> body_self_names;
  lint_rules::check_references(doc, out, body_self_names);
  lint_rules::check_identity(doc, out);
  out.insert(out.end(), std::make_move_iterator(body_self_names.begin()),
             std::make_move_iterator(body_self_names.end()));
  lint_rules::check_kind_named_in_annexes(doc, out);
  lint_rules::check_citations(facts, out);
  lint_rules::check_structure(doc, facts, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Finding& a, const Finding& b) { return a.line < b.line; });
  return out;
}

std::vector<Finding> lint_set(const std::vector<NamedExtraction>& set) {
  return lint_rules::check_citation_set(set);
}

}  // namespace tatakerja::regulation
