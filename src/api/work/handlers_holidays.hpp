// The handlers of the holiday calendar (issue 12 item 3; work/handlers_holidays.cpp): any
// signed-in person reads it, the administrator keeps it.
#pragma once

#include "api/api.hpp"

namespace tatakerja::server {

Response handle_holidays_get(Context&);
Response handle_holiday_create(Context&);
Response handle_holiday_delete(Context&);

}  // namespace tatakerja::server
