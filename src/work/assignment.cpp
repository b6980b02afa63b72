#include "work/assignment.hpp"

namespace tatakerja::work {

std::string_view to_string(LetterKind k) {
  return k == LetterKind::SuratTugas ? "surat_tugas" : "surat_perintah";
}

std::optional<LetterKind> letter_kind_from_string(std::string_view s) {
  if (s == "surat_tugas") return LetterKind::SuratTugas;
  if (s == "surat_perintah") return LetterKind::SuratPerintah;
  return std::nullopt;
}

LetterKind letter_kind_for(bool within_main_duties) {
  return within_main_duties ? LetterKind::SuratTugas : LetterKind::SuratPerintah;
}

}  // namespace tatakerja::work
