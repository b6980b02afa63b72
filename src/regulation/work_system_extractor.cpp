#include "regulation/extraction.hpp"

namespace tatakerja::regulation {
void extract_work_system(const Document&, Extraction&) {}
}  // namespace tatakerja::regulation
