// The JSON form of a structure change, as the API, the audit log and `tatakerja diff --format json`
// write it: {"kind","position_title","before","after"} (docs/api.md).
#pragma once

#include <nlohmann/json.hpp>

#include <vector>

#include "org/model.hpp"

namespace tatakerja::app {

nlohmann::json structure_change_json(const org::StructureChange& c);
nlohmann::json structure_changes_json(const std::vector<org::StructureChange>& changes);

}  // namespace tatakerja::app
