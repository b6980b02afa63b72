#include "regulation/extraction.hpp"

namespace tatakerja::regulation {
void extract_iki(const Document&, Extraction&) {}
}  // namespace tatakerja::regulation
