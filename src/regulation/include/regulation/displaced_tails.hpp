// A list copied out of a two-column PDF page: each item's text wraps inside its column, and the
// copy puts the next item's line before the first item's wrapped tail:
//     1. Sub Bagian Umum
//     2. Sub Bagian Keuangan dan
//     dan Kepegawaian; dan
//     Perencanaan.
// The tails are given back to their items, in order, when the items they follow are unfinished (no
// ";", ".", ":" at their end) and each item then ends as an item does; a sub-list introduced by an
// item whose tail was displaced ("..., membawahkan:") is moved back under it.
#pragma once

#include <vector>

#include "core/finding.hpp"
#include "regulation/lines.hpp"

namespace tatakerja::regulation {

void repair_displaced_tails(std::vector<Line>& lines, std::vector<Finding>& findings);

}  // namespace tatakerja::regulation
