#include "regulation/engine.hpp"

#include <algorithm>

#include "regulation/lint.hpp"
#include "regulation/parser.hpp"

namespace tatakerja::regulation {

Reading read_regulation(std::string_view utf8_text) {
  Reading r;
  r.document = parse_document(utf8_text);
  extract_identity(r.document, r.facts);
  extract_structure(r.document, r.facts);
  extract_iki(r.document, r.facts);
  extract_work_system(r.document, r.facts);
  extract_legal_relations(r.document, r.facts);
  // The parser's findings first; findings an extractor added are kept.
  r.facts.findings.insert(r.facts.findings.begin(), r.document.findings.begin(),
                          r.document.findings.end());
  auto lint_findings = lint(r.document, r.facts);
  r.facts.findings.insert(r.facts.findings.end(), lint_findings.begin(), lint_findings.end());
  std::stable_sort(r.facts.findings.begin(), r.facts.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.line < b.line; });
  return r;
}

}  // namespace tatakerja::regulation
