// The routes of the documents domain: an agency's chart and exports. None is kept by the answer
// cache (it keeps only a body and its Content-Type, not the Content-Disposition; and the people
// export is personal); each runs on the work pool (a chart's layout and an XLSX take tens of
// milliseconds for an agency of a few hundred positions: docs/performance.md).
#include "api/routes.hpp"
#include "documents/handlers_documents.hpp"

namespace tatakerja::server {

void add_document_routes(RouteTable& t) {
  constexpr unsigned kHeavy = carry::kHeavy;
  t.add({"GET", "/agencies/{id}/chart.pdf", 0, kHeavy}, handle_agency_chart_pdf);
  t.add({"GET", "/agencies/{id}/chart.svg", 0, kHeavy}, handle_agency_chart_svg);
  t.add({"GET", "/agencies/{id}/positions.xlsx", 0, kHeavy}, handle_agency_positions_xlsx);
  t.add({"GET", "/agencies/{id}/positions.csv", 0, kHeavy}, handle_agency_positions_csv);
  t.add({"GET", "/agencies/{id}/people.xlsx", 0, kHeavy}, handle_agency_people_xlsx);
  t.add({"GET", "/agencies/{id}/people.csv", 0, kHeavy}, handle_agency_people_csv);
  t.add({"GET", "/agencies/{id}/vacancies.xlsx", 0, kHeavy}, handle_agency_vacancies_xlsx);
  t.add({"GET", "/agencies/{id}/vacancies.csv", 0, kHeavy}, handle_agency_vacancies_csv);
}

}  // namespace tatakerja::server
