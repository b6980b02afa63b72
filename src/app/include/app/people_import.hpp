// The import of people into an agency from a table (issue 11, item 9): the export of the
// civil-service system (SIASN) or a spreadsheet kept by the BKPSDM, with a NIP, a name, a rank, a
// position and its unit on each row, or Tatakerja's own people export read back.
//
// Each row is checked as the registry checks one change made by hand (app/registry_changes.hpp:
// the NIP and what it encodes, the rank of the employee's kind, the placement's dates and region)
// and gets one outcome: matched (the registry already says what the row says), created (a new
// employee, placed in the row's position), updated (a known employee whose name or rank changed,
// or who is placed or moved to the row's position) or refused (with why, column by column).
// Nothing is written by a preview; an import writes every change in one transaction, with an
// audit entry for each record and one for the import, and writes nothing at all when a row is
// refused unless the officer chose to skip the refused rows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/audit.hpp"
#include "app/stores.hpp"
#include "core/date.hpp"
#include "documents/table.hpp"
#include "org/model.hpp"

namespace tatakerja::app {

struct PeopleImportOptions {
  bool write = false;         // false: a preview, nothing written
  bool skip_refused = false;  // write the rows that pass and leave the refused ones
  Date today;                 // the start of a placement whose row gives no TMT
};

enum class ImportOutcome { Matched, Created, Updated, Refused };
const char* to_string(ImportOutcome o);  // "matched", "created", "updated", "refused"

// Why a row is refused: the column at fault (its heading as the file writes it; empty for the
// row as a whole) and an Indonesian message.
struct RowProblem {
  std::string column;
  std::string message;
};

struct ImportedRow {
  std::size_t line = 0;  // the row's number as a spreadsheet shows it (the heading is row 1)
  std::string nip;       // as the row writes it
  std::string name;
  ImportOutcome outcome = ImportOutcome::Matched;
  std::vector<std::string> changes;    // Indonesian, one per change ("Pangkat: III/a → III/b")
  std::vector<RowProblem> problems;    // when refused
  std::optional<org::Id> employee_id;  // the registry's employee (after writing, for a new one)
  std::optional<org::Id> position_id;  // the position the row names, when found
};

// A column of the table and what it was read as ("nip", "name", "rank", "kind", "position",
// "unit", "placement", "start"), or "" when it is not used.
struct RecognisedColumn {
  std::string heading;
  std::string field;
};

struct PeopleImportReport {
  org::Id agency_id = 0;
  std::vector<RecognisedColumn> columns;
  std::size_t matched = 0, created = 0, updated = 0, refused = 0;
  std::vector<ImportedRow> rows;  // every data row, in the table's order
  bool written = false;           // whether the registry was changed
};

// Reads `table` into the agency `agency_id` (in the actor's scope). Refuses the whole table
// (INVALID_FIELD "file") when a required column (NIP, Nama) cannot be found, and NOT_FOUND for an
// agency that does not exist. A row is refused when its NIP is not valid or appears twice, when it
// makes a new employee without a name or rank, when its rank is not one of the employee's kind,
// when the employee belongs to another region, when its position is not one of the agency (or
// its title is found in several units and the unit does not say which), and when the placement
// breaks the registry's rules (before the birth or the appointment the NIP gives, before the
// current placement it would replace). With options.write and no refused row (or skip_refused),
// the changes are written in one transaction; the report says so in `written`.
PeopleImportReport import_people(const Stores& stores, const Actor& actor, org::Id agency_id,
                                 const documents::Table& table, const PeopleImportOptions& options);

}  // namespace tatakerja::app
