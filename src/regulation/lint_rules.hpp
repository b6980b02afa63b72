// The linter's rule families (private to the linter): each adds its findings to `out`.
#pragma once

#include <string>
#include <vector>

#include "core/finding.hpp"
#include "regulation/document.hpp"
#include "regulation/extraction.hpp"
#include "regulation/lint.hpp"

namespace tatakerja::regulation::lint_rules {

inline void add(std::vector<Finding>& out, const char* code, Severity s, int line,
                std::string message) {
  out.push_back({code, s, line, std::move(message), {}});
}

// NUMBERING_GAP, NUMBERING_DUPLICATE: BAB, Bagian, Paragraf, Pasal, ayat, list items, dictums,
// annex items; also the Menimbang and Mengingat lists.
void check_numbering(const Document& doc, std::vector<Finding>& out);
// XREF_UNRESOLVED, XREF_SELF: "Pasal N ayat (M) huruf x" and "pada ayat (M)" inside the body.
void check_references(const Document& doc, std::vector<Finding>& out);
// NUMBER_BLANK, IDENTITY_*_MISMATCH, DATE_MALFORMED, KIND_MISMATCH.
void check_identity(const Document& doc, std::vector<Finding>& out);
void check_kind_named(const Document& doc, std::vector<Finding>& out);
// CITATION_GAZETTE_BEFORE_YEAR, CITATION_INCONSISTENT (within one text).
void check_citations(const Extraction& facts, std::vector<Finding>& out);
// CITATION_INCONSISTENT across texts.
std::vector<Finding> check_citation_set(const std::vector<NamedExtraction>& set);
// STRUCTURE_LIMIT, ESELON_MISMATCH, UNIT_WITHOUT_JOB_DESCRIPTION, JOB_DESCRIPTION_WITHOUT_UNIT.
void check_structure(const Document& doc, const Extraction& x, std::vector<Finding>& out);

}  // namespace tatakerja::regulation::lint_rules
