// The organisation registry's routes, with what each cacheable answer reads (router.hpp, reads).
#include "api/routes.hpp"
#include "api/api.hpp"

namespace tatakerja::server {
namespace {

// A position page: its agency (its unit, superior, appraiser and subordinates are of the same
// agency: PATCH /positions refuses others), its source articles, and its holders if signed in.
constexpr unsigned kPositionPage =
    reads::kAgencyOfPosition | reads::kRegulations | reads::kHoldersIfSignedIn;

// A regulation text: up to max_text_bytes, read only for a registry editor, parsed on the work
// pool.
constexpr unsigned kRegulationText = carry::kLargeBody | carry::kHeavy;

// A table of people (XLSX, CSV): up to max_text_bytes, read only for a registry editor, read and
// checked row by row on the work pool.
constexpr unsigned kPeopleTable = carry::kLargeBody | carry::kHeavy;

// The gate of the regulation uploads and the tables of people: a registry editor (with the CSRF
// token).
void editor_gate(Context& ctx) {
  ctx.require_editor();
}

}  // namespace

void add_org_routes(RouteTable& t) {
  t.add({"GET", "/regions", reads::kRegistry}, handle_regions_list);
  t.add({"GET", "/regions/{id}", reads::kRegistry}, handle_region_get);
  t.add({"GET", "/agencies", reads::kRegistry}, handle_agencies_list);
  t.add({"GET", "/agencies/{id}", reads::kAgency | reads::kRegulations}, handle_agency_get);
  t.add({"GET", "/agencies/{id}/units", reads::kAgency}, handle_agency_units);
  t.add({"GET", "/agencies/{id}/chart", reads::kAgency | reads::kHoldersIfSignedIn},
        handle_agency_chart);
  t.add({"GET", "/agencies/{id}/positions", reads::kAgency}, handle_agency_positions);
  t.add({"GET", "/agencies/{id}/history", reads::kAgency | reads::kRegulations},
        handle_agency_history);
  t.add({"GET", "/positions/{id}", kPositionPage}, handle_position_get);
  t.add({"PATCH", "/positions/{id}"}, handle_position_update);
  t.add({"GET", "/articles/{id}", reads::kRegulations}, handle_article_get);
  t.add({"GET", "/regulations", reads::kRegistry}, handle_regulations_list);
  t.add({"POST", "/regulations", 0, kRegulationText}, handle_regulation_import, editor_gate);
  t.add({"POST", "/regulations/preview", 0, kRegulationText}, handle_regulation_preview,
        editor_gate);
  t.add({"GET", "/regulations/{id}", reads::kRegistry}, handle_regulation_get);
  // (kRegulations: the region names of the hits' agencies, issue 11. An agency keeps its region.)
  t.add({"GET", "/employees", reads::kPeople | reads::kRegulations}, handle_employees_list);
  t.add({"POST", "/employees"}, handle_employee_create);
  t.add({"GET", "/employees/{id}", reads::kPeople}, handle_employee_get);
  t.add({"PATCH", "/employees/{id}"}, handle_employee_update);
  t.add({"POST", "/placements"}, handle_placement_create);
  t.add({"POST", "/placements/{id}/end"}, handle_placement_end);
  t.add({"PATCH", "/units/{id}"}, handle_unit_update);
  // Registry changes from the web (issue 11, item 2): a placement moved to another position.
  t.add({"POST", "/placements/{id}/move"}, handle_placement_move);
  // Issue 11: a unit's page.
  // (Read from the registry revision: the answer's agency is the unit's, not one of the path.)
  t.add({"GET", "/units/{id}", reads::kRegistry}, handle_unit_get);
  // Issue 11, item 9: people imported from a table (XLSX, CSV) into an agency.
  t.add({"POST", "/agencies/{id}/people/preview", 0, kPeopleTable}, handle_people_preview,
        editor_gate);
  t.add({"POST", "/agencies/{id}/people/import", 0, kPeopleTable}, handle_people_import,
        editor_gate);
}

}  // namespace tatakerja::server
