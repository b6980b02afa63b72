// The cells of an IKI table that a PDF copy wrote one cell to a line: long cells wrapped over
// several lines, and a merged cell (a sasaran shared by several rows) written once. The layout
// repair uses these rules for tables flattened cell by cell and column by column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tatakerja::regulation {

// What a column of an IKI table holds, by its heading ("SASARAN", "Indikator Kinerja", "Rumus").
enum class IkiColumn { Number, Sasaran, Indikator, Formula, SumberData, Other };
IkiColumn iki_column_of(std::string_view heading);

// How surely line `b` continues the cell of line `a` (0: nothing says so): `a` ends with a word
// that needs one after it ("dan", "yang", "dibagi", "Kota") or with a comma, `b` starts in lower
// case without opening a formula, or a name in capitals runs on.
int continuation_weight(std::string_view a, std::string_view b);

// The lines of one row (after its number) as one cell per column of `columns`: the cuts are put
// where a cell of that column reads as starting (a sasaran "Meningkatnya ...", an indikator
// "Persentase ...", a formula "jumlah ...") and no line runs on; the first column may be missing
// (a merged cell carried from the row above: its cell is then empty). Linear in the lines.
std::vector<std::string> wrapped_cells(const std::vector<std::string>& lines,
                                       const std::vector<IkiColumn>& columns);

}  // namespace tatakerja::regulation
