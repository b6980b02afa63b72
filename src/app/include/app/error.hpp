// The application layer's errors. A request it refuses is a tatakerja::Refusal (core/error.hpp):
// a code of the one error table, the offending field when there is one, an Indonesian message.
// Database failures are not refusals and stay storage::DatabaseError; refusal_for() is the one
// place that says which refusal each of them is answered with.
#pragma once

#include "core/error.hpp"
#include "storage/database.hpp"

namespace tatakerja::app {

// A constraint violation is CONFLICT, a busy or unreachable database UNAVAILABLE (retry after
// 1 s), anything else INTERNAL; the message is the code's default (the detail is for the log).
Refusal refusal_for(const storage::DatabaseError& e);

}  // namespace tatakerja::app
