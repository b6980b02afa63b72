// Which position heads a unit: the one rule that the unit tree, the chart, the work levels and the
// generator all use.
//
// A position is structural when its kind is JPT Pratama, Administrator or Pengawas (the importer
// gives a position with an eselon the kind its eselon implies). The head of a unit is, among its
// structural positions that are not abolished, the highest-ranked: the lower eselon grade (II above
// III), then sub-grade a above b, a position whose eselon is not written ranking by its kind (JPT
// Pratama as II, Administrator as III, Pengawas as IV) after those of its grade that have one; then
// the first in regulation order (ordinal); then the lower id.
#pragma once

#include <optional>
#include <tuple>
#include <vector>

#include "core/eselon.hpp"
#include "core/organisation_kinds.hpp"
#include "org/model.hpp"

namespace tatakerja::org {

// 1..5 for a structural position (its eselon's grade, else its kind's), 0 for JF and Pelaksana.
int structural_grade(const std::optional<Eselon>& eselon, PositionKind kind);
int structural_grade(const Position& p);

// What decides between two structural positions of one unit, in the rule's order.
struct HeadRank {
  int grade = 0;      // structural_grade
  int sub_grade = 0;  // 0 for a, 1 for b, 2 when no eselon is written
  int ordinal = 0;
  Id id = 0;
  // In the rule's order (written out: clang-tidy 14 reads a defaulted operator<=> as a null
  // pointer constant).
  friend bool operator<(const HeadRank& a, const HeadRank& b) {
    return std::tie(a.grade, a.sub_grade, a.ordinal, a.id) <
           std::tie(b.grade, b.sub_grade, b.ordinal, b.id);
  }
};
HeadRank head_rank(const std::optional<Eselon>& eselon, PositionKind kind, int ordinal, Id id);
HeadRank head_rank(const Position& p);

// True when `a` heads the unit rather than `b` (both structural, of the same unit).
bool heads_before(const Position& a, const Position& b);

// The head of unit `unit_id` among `positions`; nullopt when it has no structural position.
std::optional<Id> unit_head(const std::vector<Position>& positions, Id unit_id);

}  // namespace tatakerja::org
