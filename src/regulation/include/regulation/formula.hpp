// Reads an IKI formula cell into a typed expression: a ratio in percent, a count, a grade from an
// evaluation, or free text.
#pragma once

#include <string_view>

#include "regulation/iki_table.hpp"

namespace tatakerja::regulation {

// Accepts LaTeX ("$\frac{\text{A}}{\text{B}} \times 100\%$"), plain text ("A / B x 100%",
// "A : B x 100"), counts ("Jumlah Dokumen") and evaluations ("Hasil Evaluasi SAKIP"). Malformed
// markup never fails: the cell is then read as Text.
Formula read_formula(std::string_view cell);

}  // namespace tatakerja::regulation
