// The service's own routes.
#include "api/routes.hpp"
#include "api/api.hpp"

namespace tatakerja::server {

void add_service_routes(RouteTable& t) {
  t.add({"GET", "/health"}, handle_health);
  t.add({"GET", "/openapi.json"}, handle_openapi);
}

}  // namespace tatakerja::server
