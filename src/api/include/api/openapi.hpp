// The OpenAPI 3.1 document of the HTTP API (src/api/openapi.json), embedded in the program at
// build time.
#pragma once

#include <string_view>

namespace tatakerja::server {

// The document's bytes exactly as in src/api/openapi.json (UTF-8 JSON).
std::string_view openapi_document();

}  // namespace tatakerja::server
