#include "app/structure_change_json.hpp"

namespace tatakerja::app {

nlohmann::json structure_change_json(const org::StructureChange& c) {
  return {{"kind", org::to_string(c.kind)},
          {"position_title", c.position_title},
          {"before", c.before},
          {"after", c.after}};
}

nlohmann::json structure_changes_json(const std::vector<org::StructureChange>& changes) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : changes) out.push_back(structure_change_json(c));
  return out;
}

}  // namespace tatakerja::app
