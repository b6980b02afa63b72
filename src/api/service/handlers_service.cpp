// Handlers of the service itself: its health and its OpenAPI document.
#include "api/api.hpp"
#include "api/openapi.hpp"

namespace tatakerja::server {

Response handle_health(Context& ctx) {
  return json_response({{"status", "ok"},
                        {"database", ctx.stores.backend},
                        {"schema_version", ctx.stores.schema_version()}});
}

Response handle_openapi(Context&) {
  Response r;
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  r.body = std::string(openapi_document());
  return r;
}

}  // namespace tatakerja::server
