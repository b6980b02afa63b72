#include "regulation/extraction.hpp"

namespace tatakerja::regulation {
void extract_legal_relations(const Document&, Extraction&) {}
}  // namespace tatakerja::regulation
