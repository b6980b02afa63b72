#include "regulation/lint.hpp"

namespace tatakerja::regulation {
std::vector<Finding> lint(const Document&, const Extraction&) {
  return {};
}
std::vector<Finding> lint_set(const std::vector<NamedExtraction>&) {
  return {};
}
}  // namespace tatakerja::regulation
