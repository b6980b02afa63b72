#include "org/unit_head.hpp"

namespace tatakerja::org {

int structural_grade(const std::optional<Eselon>& eselon, PositionKind kind) {
  const bool structural = kind == PositionKind::JptPratama || kind == PositionKind::Administrator ||
                          kind == PositionKind::Pengawas;
  if (!structural) return 0;
  if (eselon) return eselon->grade();
  switch (kind) {
    case PositionKind::JptPratama:
      return 2;
    case PositionKind::Administrator:
      return 3;
    case PositionKind::Pengawas:
      return 4;
    case PositionKind::Fungsional:
    case PositionKind::Pelaksana:
      return 0;
  }
  return 0;
}

int structural_grade(const Position& p) {
  return structural_grade(p.eselon, p.kind);
}

HeadRank head_rank(const std::optional<Eselon>& eselon, PositionKind kind, int ordinal, Id id) {
  const int sub = eselon ? (eselon->sub_grade() == 'a' ? 0 : 1) : 2;
  return HeadRank{structural_grade(eselon, kind), sub, ordinal, id};
}

HeadRank head_rank(const Position& p) {
  return head_rank(p.eselon, p.kind, p.ordinal, p.id);
}

bool heads_before(const Position& a, const Position& b) {
  return head_rank(a) < head_rank(b);
}

std::optional<Id> unit_head(const std::vector<Position>& positions, Id unit_id) {
  const Position* best = nullptr;
  for (const Position& p : positions) {
    if (p.abolished || p.unit_id != unit_id || structural_grade(p) == 0) continue;
    if (best == nullptr || heads_before(p, *best)) best = &p;
  }
  if (best == nullptr) return std::nullopt;
  return best->id;
}

}  // namespace tatakerja::org
