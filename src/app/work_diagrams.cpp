#include "app/work_diagrams.hpp"

#include "app/work_rules.hpp"
#include "core/error.hpp"
#include "documents/work_diagram.hpp"
#include "work/rules.hpp"

namespace tatakerja::app {

const std::string& mechanism_diagram_svg(std::string_view key) {
  const std::string* svg = documents::mechanism_svg(key);
  if (svg == nullptr) fail(ErrorCode::NotFound);
  return *svg;
}

std::string agency_kind_diagram_svg(const Stores& stores, org::Id region_id,
                                    std::string_view kind) {
  const RegionRules rr = region_rules(stores, region_id);
  const work::Rule* structure =
      work::find_rule(rr.rules, work::RuleKind::AssignmentStructure, kind);
  const work::Rule* flow = work::find_rule(rr.rules, work::RuleKind::Flow, kind);
  if (structure == nullptr && flow == nullptr) fail(ErrorCode::NotFound);
  return documents::dot_to_svg(
      documents::structure_dot(work::agency_kind_label(kind), structure, flow));
}

}  // namespace tatakerja::app
