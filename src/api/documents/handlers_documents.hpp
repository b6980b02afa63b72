// The handlers of an agency's documents (documents/handlers_documents.cpp).
#pragma once

#include "api/api.hpp"

namespace tatakerja::server {

Response handle_agency_chart_pdf(Context&);
Response handle_agency_chart_svg(Context&);
Response handle_agency_positions_xlsx(Context&);
Response handle_agency_positions_csv(Context&);
Response handle_agency_people_xlsx(Context&);
Response handle_agency_people_csv(Context&);
Response handle_agency_vacancies_xlsx(Context&);
Response handle_agency_vacancies_csv(Context&);

}  // namespace tatakerja::server
