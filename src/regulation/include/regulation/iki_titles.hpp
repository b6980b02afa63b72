// The position an IKI table belongs to when no "Jabatan :" field names it: a title line above the
// table, or the signature below it (a PDF copy of a decree whose tables each end with the
// signature of the position they belong to).
#pragma once

#include <string>
#include <string_view>

namespace tatakerja::regulation {

// "INDIKATOR KINERJA INDIVIDU KEPALA SEKSI KELAHIRAN", "JABATAN KEPALA BIDANG X", "Kepala Seksi
// X" -> the title; empty when the line names no position (or ends with a comma: a signature).
std::string position_in_title_line(std::string_view line);

// "Selong, 10 Januari 2024 Kepala Seksi Kelahiran, NAMA" or "KEPALA BIDANG X," -> the title;
// empty when the text is no signature.
std::string position_in_signature(std::string_view text);

}  // namespace tatakerja::regulation
