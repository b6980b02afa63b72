// Reads a table that people send (an export of the civil-service system, a spreadsheet saved by
// hand, a list exported by Tatakerja itself): CSV or XLSX, told apart by the bytes (an XLSX is a
// ZIP archive). The reading is bounded and linear in the input: a file that is not a table, or
// that would grow past the limits once unpacked (a "ZIP bomb"), is refused with TABLE_UNREADABLE
// and a message that says why, never read half.
#pragma once

#include <cstddef>
#include <string_view>

#include "documents/table.hpp"

namespace tatakerja::documents {

struct TableLimits {
  std::size_t max_rows = 20'001;  // the heading row included
  std::size_t max_columns = 64;   // columns past this one are ignored
  std::size_t max_cell_bytes = 4'096;
  // An XLSX's parts once unpacked (the sheet, its shared strings): a sheet of 20,000 rows of ten
  // short cells is about 10 MB.
  std::size_t max_unpacked_bytes = std::size_t{64} << 20;
};

// The table's first sheet (XLSX) or the whole text (CSV): `columns` is the first row that is not
// empty, `rows` the rows after it, each as long as `columns` (cells past the heading's width are
// dropped, missing ones are empty), rows that are wholly empty skipped. Cells are UTF-8 text, their
// surrounding spaces trimmed; a number cell of an XLSX as written in the file ("45292", "3.5").
// The leading apostrophe that to_csv and to_xlsx put before a cell that starts like a formula is
// removed again, so a table exported by Tatakerja reads back as it was. CSV: UTF-8 (with or
// without a byte-order mark), UTF-16 with a byte-order mark or Windows-1252; the separator is a
// comma, a semicolon (Excel's in Indonesian settings) or a tab, whichever the heading row has most
// of outside quotes. Throws tatakerja::Refusal (TABLE_UNREADABLE) when the bytes are not a table
// or pass a limit.
Table read_table(std::string_view bytes, const TableLimits& limits = {});

}  // namespace tatakerja::documents
