#include "regulation/engine.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "regulation/lint.hpp"
#include "regulation/parser.hpp"

namespace tatakerja::regulation {
namespace {

// Findings of one code kept in full; past this many, one more finding says how many were left
// out, so that a damaged text of 100,000 duplicate articles answers in kilobytes, not megabytes.
constexpr std::size_t kFindingsPerCode = 200;

void bound_findings(std::vector<Finding>& findings) {
  std::map<std::string, std::size_t> seen;
  std::vector<Finding> kept;
  kept.reserve(std::min(findings.size(), std::size_t{4096}));
  for (Finding& f : findings) {
    if (++seen[f.code] <= kFindingsPerCode) kept.push_back(std::move(f));
  }
  for (const auto& [code, count] : seen) {
    if (count <= kFindingsPerCode) continue;
    kept.push_back({code, Severity::Info, 0,
                    std::to_string(count - kFindingsPerCode) + " temuan " + code +
                        " lainnya tidak dicantumkan (" + std::to_string(count) + " seluruhnya)."});
  }
  findings = std::move(kept);
}

}  // namespace

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
  if (is_excerpt(r.document)) {
    // Not a defect of the regulation: the copy starts after its heading.
    for (Finding& f : r.facts.findings) {
      if (f.code != "HEADING_UNREADABLE") continue;
      f.code = "HEADING_MISSING";
      f.severity = Severity::Info;
      f.message = "Naskah tanpa kepala (cuplikan); identitas peraturan " +
                  std::string(r.facts.regulation.inferred
                                  ? "disimpulkan dari kalimat yang mengutipnya atau dari pasalnya."
                                  : "tidak dapat diketahui.");
    }
  }
  if (r.facts.regulation.inferred) {
    r.facts.findings.push_back(
        {"IDENTITY_INFERRED", Severity::Info, 0,
         "Identitas peraturan (" + r.facts.regulation.kind +
             (r.facts.regulation.region.empty() ? std::string() : " " + r.facts.regulation.region) +
             ") disimpulkan, bukan dibaca dari kepala naskah."});
  }
  std::stable_sort(r.facts.findings.begin(), r.facts.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.line < b.line; });
  bound_findings(r.facts.findings);
  return r;
}

}  // namespace tatakerja::regulation
