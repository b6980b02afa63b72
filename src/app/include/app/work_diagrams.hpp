// The work system's diagrams (issue 12 item 7) as the API serves them: a mechanism's state machine
// (the definitions app/assignments.cpp runs) and an agency kind's assignment structure and review
// flow from a region's effective rules (region_rules: its own, or PermenPANRB 7/2022's defaults).
// Drawn by documents/work_diagram.hpp. Reads only.
#pragma once

#include <string>
#include <string_view>

#include "app/stores.hpp"
#include "org/model.hpp"

namespace tatakerja::app {

// The SVG of the mechanism `key` (kept once drawn: it depends only on the definitions compiled
// in); NOT_FOUND when no mechanism has that key.
const std::string& mechanism_diagram_svg(std::string_view key);

// The SVG of the agency kind `kind` ("sekretariat_daerah", "dinas_badan", ...) in the region's
// rules: its AssignmentStructure and Flow rules, whichever it has. NOT_FOUND when the region does
// not exist or its rules have neither for that kind. Drawn on each call (the rules may change).
std::string agency_kind_diagram_svg(const Stores& stores, org::Id region_id, std::string_view kind);

}  // namespace tatakerja::app
