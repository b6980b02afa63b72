// Cycle check for moves in the unit and position trees (see hierarchy.hpp).
#include "org/hierarchy.hpp"

#include <unordered_set>

namespace tatakerja::org {

bool creates_cycle(const std::unordered_map<Id, std::optional<Id>>& parent_of, Id node,
                   Id new_parent) {
  // Walk up from the new parent: reaching `node` means the node would sit under itself. The
  // node's current parent does not matter, since the move replaces it.
  std::unordered_set<Id> seen;
  std::optional<Id> current = new_parent;
  while (current) {
    if (*current == node) return true;
    if (!seen.insert(*current).second) return false;  // a cycle above, not through `node`
    const auto it = parent_of.find(*current);
    if (it == parent_of.end()) return false;  // unknown id: a root
    current = it->second;
  }
  return false;
}

}  // namespace tatakerja::org
