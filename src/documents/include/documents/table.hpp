// Exports of lists (positions, people, vacancies) as a table: CSV (RFC 4180, UTF-8 with a
// byte-order mark so that Excel reads it as UTF-8, guarded against formula injection) and XLSX
// (libxlsxwriter).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tatakerja::documents {

struct Table {
  std::string sheet_name;            // at most 31 characters, no []:*?/\ (XLSX)
  std::vector<std::string> columns;  // the heading row
  std::vector<std::vector<std::string>> rows;
};

// A cell's text made safe for a spreadsheet: one that starts with = + - @ (or a tab or carriage
// return, which some spreadsheets skip before reading a formula) gets a leading apostrophe, so
// that it is read as text, never as a formula (OWASP, CSV injection).
std::string spreadsheet_safe(std::string_view cell);

// One CSV field: quoted when it holds a comma, a quote, CR or LF (quotes doubled), per RFC 4180;
// the text is made spreadsheet_safe first.
std::string csv_field(std::string_view cell);

// The table as CSV: a UTF-8 byte-order mark, the heading row, then the rows, each line ending in
// CRLF.
std::string to_csv(const Table& t);

// The table as an XLSX workbook of one sheet (bold heading row, frozen, column widths to fit),
// cells as text (spreadsheet_safe). Written through a temporary file (libxlsxwriter 1.1.4 writes
// only files), removed before it returns. Throws std::runtime_error when it cannot be written.
std::string to_xlsx(const Table& t);

}  // namespace tatakerja::documents
