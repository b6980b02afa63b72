// The handlers of the work system's diagrams (issue 12 item 7; work/handlers_diagrams.cpp).
#pragma once

#include "api/api.hpp"

namespace tatakerja::server {

Response handle_mechanism_diagram(Context&);
Response handle_agency_kind_diagram(Context&);

}  // namespace tatakerja::server
