// The routes of each domain of the API. Each domain's file registers its own (the handlers it
// owns and what each cacheable answer reads); router.cpp makes the table of all of them.
#pragma once

#include "api/router.hpp"

namespace tatakerja::server {

void add_service_routes(RouteTable& t);   // health, the OpenAPI document (service/routes.cpp)
void add_identity_routes(RouteTable& t);  // sign-in, accounts, the audit log (identity/routes.cpp)
void add_org_routes(RouteTable& t);       // the organisation registry (org/routes.cpp)
void add_work_routes(RouteTable& t);      // the work system: rules, teams (work/routes.cpp)

// An agency's chart (PDF, SVG) and exports (XLSX, CSV) (documents/routes.cpp).
void add_document_routes(RouteTable& t);

}  // namespace tatakerja::server
