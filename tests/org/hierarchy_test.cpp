// The cycle check run before a unit or a position is moved under a new parent.
#include <gtest/gtest.h>

#include "org/hierarchy.hpp"

namespace tatakerja::org {
namespace {

using ParentOf = std::unordered_map<Id, std::optional<Id>>;

// 1 (top) -> 2 -> 4 -> 5, 1 -> 3.
ParentOf small_tree() {
  return {{1, std::nullopt}, {2, 1}, {3, 1}, {4, 2}, {5, 4}};
}

TEST(Hierarchy, ANodeCannotBeItsOwnParent) {
  EXPECT_TRUE(creates_cycle(small_tree(), 2, 2));
  EXPECT_TRUE(creates_cycle({}, 7, 7));
}

TEST(Hierarchy, ANodeCannotGoUnderItsDescendant) {
  EXPECT_TRUE(creates_cycle(small_tree(), 2, 4));
  EXPECT_TRUE(creates_cycle(small_tree(), 2, 5));
  EXPECT_TRUE(creates_cycle(small_tree(), 1, 5));
}

TEST(Hierarchy, MovesElsewhereAreAllowed) {
  EXPECT_FALSE(creates_cycle(small_tree(), 3, 2));   // under a sibling
  EXPECT_FALSE(creates_cycle(small_tree(), 4, 3));   // under an uncle
  EXPECT_FALSE(creates_cycle(small_tree(), 5, 1));   // up to the top
  EXPECT_FALSE(creates_cycle(small_tree(), 2, 1));   // the parent it already has
  EXPECT_FALSE(creates_cycle(small_tree(), 2, 99));  // unknown ids are roots
  EXPECT_FALSE(creates_cycle(small_tree(), 99, 5));
}

TEST(Hierarchy, DeepChainIsWalkedToTheTop) {
  ParentOf chain;
  constexpr Id kDepth = 100000;
  chain[1] = std::nullopt;
  for (Id i = 2; i <= kDepth; ++i) chain[i] = i - 1;
  EXPECT_TRUE(creates_cycle(chain, 1, kDepth));
  EXPECT_TRUE(creates_cycle(chain, 500, kDepth));
  EXPECT_FALSE(creates_cycle(chain, kDepth, 1));
}

TEST(Hierarchy, PreExistingCycleTerminates) {
  // 10 -> 11 -> 12 -> 10 already loops; 20 sits under 12.
  const ParentOf looped = {{10, 12}, {11, 10}, {12, 11}, {20, 12}};
  EXPECT_FALSE(creates_cycle(looped, 1, 10));   // the loop does not pass through node 1
  EXPECT_FALSE(creates_cycle(looped, 20, 11));  // 20 is not an ancestor of 11
  EXPECT_TRUE(creates_cycle(looped, 10, 11));   // 10 is above 11 (inside the loop)
  EXPECT_TRUE(creates_cycle(looped, 12, 20));   // 20 is under 12
  const ParentOf self_loop = {{1, 1}};
  EXPECT_FALSE(creates_cycle(self_loop, 2, 1));
}

}  // namespace
}  // namespace tatakerja::org
