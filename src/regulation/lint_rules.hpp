// The linter's rule families (private to the linter): each adds its findings to `out`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/sixteen_bytes.hpp"
#include "regulation/document.hpp"
#include "regulation/extraction.hpp"
#include "regulation/lint.hpp"

namespace tatakerja::regulation::lint_rules {

inline void add(std::vector<Finding>& out, const char* code, Severity s, int line,
                std::string message) {
  out.push_back({code, s, line, std::move(message), {}});
}

// For the scans that look for a word at every place of a text, sixteen places at a time: which of
// the bytes t[at + offset, at + offset + 16) are the lowercase ASCII letter `letter` in either
// case (OR 0x20 lowers an ASCII letter and makes no other byte a letter).
inline auto letter_at(std::string_view t, std::size_t at, std::size_t offset, char letter) {
  return text::folded(text::sixteen_bytes_at(t.data() + at + offset)) ==
         static_cast<unsigned char>(letter);
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
