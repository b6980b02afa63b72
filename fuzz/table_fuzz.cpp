// Fuzz target for the reading of tables people send (documents::read_table: CSV in any of the
// encodings textio reads, XLSX unpacked by libzip and read by expat), which the people import
// takes from any registry editor. Besides crashes, undefined behaviour, leaks and hangs, every
// table read is checked against what table_reader.hpp promises: a heading, rows as wide as it,
// cells within the limit and without surrounding spaces, no more rows than the limit; a refusal
// must be TABLE_UNREADABLE. A violation aborts with a message (docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/error.hpp"
#include "documents/table_reader.hpp"

namespace {

namespace tk = tatakerja;

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "table_fuzz: %s\n", what);
  std::abort();
}

void check(const tk::documents::Table& t, const tk::documents::TableLimits& limits) {
  if (t.columns.empty()) broken("a table without a heading");
  if (t.columns.size() > limits.max_columns) broken("more columns than the limit");
  if (t.rows.size() + 1 > limits.max_rows) broken("more rows than the limit");
  for (const auto& row : t.rows) {
    if (row.size() != t.columns.size()) broken("a row not as wide as the heading");
    for (const auto& cell : row) {
      if (cell.size() > limits.max_cell_bytes) broken("a cell over the limit");
      if (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '))
        broken("a cell with surrounding spaces");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  tk::documents::TableLimits limits;
  limits.max_rows = 200;  // small limits, so that they are reached
  limits.max_columns = 16;
  limits.max_cell_bytes = 256;
  limits.max_unpacked_bytes = std::size_t{1} << 20;
  try {
    check(tk::documents::read_table(bytes, limits), limits);
  } catch (const tk::Refusal& r) {
    if (r.code() != tk::ErrorCode::TableUnreadable) broken("a refusal other than TABLE_UNREADABLE");
  }
  return 0;
}
