// Undoes the OCR and PDF layouts before parsing: text with a word per line, and tables whose cells
// were flattened into one cell per line, or column by column. All are rewritten in place into the
// line shapes the parser reads (one item per line; table rows with '\t' between cells), keeping
// original line numbers.
#pragma once

#include <vector>

#include "core/finding.hpp"
#include "regulation/lines.hpp"

namespace tatakerja::regulation {

void repair_layout(std::vector<Line>& lines, std::vector<Finding>& findings);

// The two repairs, exposed for tests.
bool looks_word_per_line(const std::vector<Line>& lines);
void join_word_per_line(std::vector<Line>& lines);
// Returns the number of flattened tables rebuilt.
int rebuild_flattened_tables(std::vector<Line>& lines);
// Tables flattened column by column ("No.", the row numbers, then each column's heading and
// cells): rewritten into rows; returns the number rebuilt (table_columns.cpp).
int rebuild_column_tables(std::vector<Line>& lines);

}  // namespace tatakerja::regulation
