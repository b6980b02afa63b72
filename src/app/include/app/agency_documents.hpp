// The documents of an agency (issue 11, item 8): its organisation chart as its establishing
// regulation's Lampiran I, and its positions, people and vacancies as tables to export. Reads
// only; personal data (holders' names, people) only where the caller says the reader may see it.
#pragma once

#include "documents/chart.hpp"
#include "documents/table.hpp"
#include "org/org_store.hpp"

namespace tatakerja::app {

// The chart of `agency`: every live position (title; with_holders: the holder now, "Plt. ..." /
// "Plh. ..." for an acting one, "Lowong" when nobody holds it), under the heading of the
// regulation that establishes the agency.
documents::ChartSource agency_chart_source(org::OrgStore& store, const org::Agency& agency,
                                           bool with_holders);

// The agency's live positions in regulation order: unit, eselon, kind, whether held and, with
// holders, by whom.
documents::Table agency_positions_table(org::OrgStore& store, const org::Agency& agency,
                                        bool with_holders);

// The people placed in the agency now (personal data: for a signed-in reader only): NIP, name,
// kind, rank, position, unit, placement kind and its start.
documents::Table agency_people_table(org::OrgStore& store, const org::Agency& agency);

// The agency's live positions without a definitive holder, and whether an acting official
// (Plt./Plh.) performs them (names only with_holders).
documents::Table agency_vacancies_table(org::OrgStore& store, const org::Agency& agency,
                                        bool with_holders);

}  // namespace tatakerja::app
