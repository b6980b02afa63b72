// Rules over the registry's trees: units under units (parent_id) and positions under positions
// (superior_id). Used before a move is stored, so that no edit can make a unit its own ancestor or
// a position its own superior. Pure: no I/O.
#pragma once

#include <optional>
#include <unordered_map>

#include "org/model.hpp"

namespace tatakerja::org {

// True when giving `node` the parent `new_parent` would put it under itself or under one of its
// own descendants, i.e. when `new_parent` is `node` or `node` is an ancestor of `new_parent`.
// parent_of maps each id to its parent (nullopt at the top); ids it does not hold are roots. The
// walk stops at the first repeated id, so it terminates even when parent_of already holds a cycle
// (a cycle that does not pass through `node` is not reported: the move does not create it).
bool creates_cycle(const std::unordered_map<Id, std::optional<Id>>& parent_of, Id node,
                   Id new_parent);

}  // namespace tatakerja::org
