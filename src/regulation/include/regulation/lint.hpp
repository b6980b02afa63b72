// The linter: drafting defects of a regulation text, each with a stable code, a severity, a line
// and an Indonesian message. It reports only what is wrong in the text: a false alarm is a defect.
#pragma once

#include <string>
#include <vector>

#include "core/finding.hpp"
#include "regulation/document.hpp"
#include "regulation/extraction.hpp"

namespace tatakerja::regulation {

// Findings for one text (the parser's own findings are not repeated here).
std::vector<Finding> lint(const Document& doc, const Extraction& facts);

// Findings across a set of texts: the same regulation cited with different numbers, years or
// gazette records in different texts. Each finding carries the file it is in.
struct NamedExtraction {
  std::string file;
  const Extraction* facts = nullptr;
};
std::vector<Finding> lint_set(const std::vector<NamedExtraction>& set);

}  // namespace tatakerja::regulation
