// The work system's diagrams as SVG (issue 12 item 7): a mechanism's state machine and an agency
// kind's assignment structure and review flow in a region's rules. Thin: the use cases
// (app/work_diagrams.hpp) choose the definitions, the documents domain draws them.
#include "work/handlers_diagrams.hpp"

#include "app/work_diagrams.hpp"

namespace tatakerja::server {
namespace {

Response svg_response(std::string body) {
  Response r;
  r.headers.emplace_back("Content-Type", "image/svg+xml");
  // The reader's own copy, checked again before reuse (a new release or a rule changed by hand
  // changes the drawing).
  r.headers.emplace_back("Cache-Control", "private, no-cache");
  // The SVG holds no script (Graphviz writes none, and every label is escaped); the server's
  // Content-Security-Policy, set on every answer, allows none either if it is opened on its own.
  r.body = std::move(body);
  return r;
}

}  // namespace

Response handle_mechanism_diagram(Context& ctx) {
  ctx.require_user();
  return svg_response(app::mechanism_diagram_svg(ctx.path_token));
}

Response handle_agency_kind_diagram(Context& ctx) {
  ctx.require_editor();
  return svg_response(app::agency_kind_diagram_svg(ctx.stores, ctx.ids[0], ctx.path_token));
}

}  // namespace tatakerja::server
