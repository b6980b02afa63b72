#include "regulation/extraction.hpp"

namespace tatakerja::regulation {
void extract_structure(const Document&, Extraction&) {}
}  // namespace tatakerja::regulation
