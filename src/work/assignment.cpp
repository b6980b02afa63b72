#include "work/assignment.hpp"

namespace tatakerja::work {

LetterKind letter_kind_for(bool within_main_duties) {
  return within_main_duties ? LetterKind::Tugas : LetterKind::Perintah;
}

}  // namespace tatakerja::work
