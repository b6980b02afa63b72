// Resolution of work-system levels and appraisers (see work_levels.hpp). Every walk up a tree
// (superiors, units, structural parents) keeps a set of visited ids, so cyclic data ends the walk
// instead of looping.
#include "org/work_levels.hpp"

#include <cstddef>
#include <unordered_map>
#include <unordered_set>

#include "core/eselon.hpp"
#include "core/text.hpp"
#include "org/unit_head.hpp"

namespace tatakerja::org {
namespace {

// Pejabat Level I, II, III (004 Pasal 1 angka 27-29): no deeper level exists.
constexpr int kDeepestLevel = 3;
// When the agency head has no reports_to text, its appraiser is the head of region.
constexpr const char* kHeadOfRegion = "Kepala Daerah";

// The kind's name for a structural grade, used in rule texts.
const char* grade_label(int grade) {
  switch (grade) {
    case 1:
      return "JPT Madya";
    case 2:
      return "JPT Pratama";
    case 3:
      return "Administrator";
    default:
      return "Pengawas";
  }
}

// Senior functional levels answer to the agency head (003 Pasal 13 ayat (2) huruf a). Returns
// "Ahli Utama" / "Ahli Madya", or nullptr for other levels (and titles without a level).
const char* senior_functional_level(std::string_view title) {
  const std::string key = text::name_key(title);
  if (text::ifind_word(key, "ahli utama") != std::string::npos) return "Ahli Utama";
  if (text::ifind_word(key, "ahli madya") != std::string::npos) return "Ahli Madya";
  return nullptr;
}

// How the structural parent of a position was found (it shapes the rule text).
enum class ParentSource { None, Superior, SuperiorChain, Unit, AgencyHead };

struct StructuralParent {
  std::optional<Id> id;
  ParentSource source = ParentSource::None;
};

class Resolver {
 public:
  Resolver(const Agency& agency, const std::vector<Unit>& units,
           const std::vector<Position>& positions)
      : agency_(agency), positions_(positions) {
    for (const Unit& u : units) units_.emplace(u.id, &u);
    for (std::size_t i = 0; i < positions.size(); ++i) {
      index_.emplace(positions[i].id, i);
    }
    find_unit_heads();
    find_agency_head();
  }

  std::vector<LevelAssignment> resolve() {
    std::vector<LevelAssignment> out;
    for (const Position& p : positions_) {
      if (p.abolished) continue;
      LevelAssignment a;
      a.position_id = p.id;
      a.work_level = level_of(p);
      if (structural_grade(p) > 0)
        assign_structural(p, a);
      else
        assign_non_structural(p, a);
      // A position is never its own appraiser (guards every rule above).
      if (a.appraiser_id && *a.appraiser_id == p.id) {
        a.appraiser_id.reset();
        a.appraiser_outside = outside_of(p);
        a.rule = "penilai tidak dapat ditentukan di dalam perangkat daerah";
      }
      out.push_back(std::move(a));
    }
    return out;
  }

 private:
  const Position* find(std::optional<Id> id) const {
    if (!id) return nullptr;
    const auto it = index_.find(*id);
    return it == index_.end() ? nullptr : &positions_[it->second];
  }
  const Unit* find_unit(std::optional<Id> id) const {
    if (!id) return nullptr;
    const auto it = units_.find(*id);
    return it == units_.end() ? nullptr : it->second;
  }
  bool usable_structural(const Position* p) const {
    return p && !p->abolished && structural_grade(*p) > 0;
  }

  // Head of a unit: the highest non-abolished structural position sitting in it.
  void find_unit_heads() {
    for (std::size_t i = 0; i < positions_.size(); ++i) {
      const Position& p = positions_[i];
      if (!p.unit_id || !usable_structural(&p)) continue;
      auto [it, inserted] = unit_head_.emplace(*p.unit_id, i);
      if (!inserted && heads_before(p, positions_[it->second])) it->second = i;
    }
  }
  std::optional<Id> unit_head(Id unit) const {
    const auto it = unit_head_.find(unit);
    if (it == unit_head_.end()) return std::nullopt;
    return positions_[it->second].id;
  }

  // The first non-abolished structural position above `p` along superior_id, passing JF,
  // Pelaksana and abolished positions. `direct` tells whether it is the direct superior.
  std::optional<Id> structural_superior(const Position& p, bool* direct = nullptr) const {
    std::unordered_set<Id> seen{p.id};
    bool first = true;
    for (const Position* q = find(p.superior_id); q; q = find(q->superior_id)) {
      if (!seen.insert(q->id).second) break;
      if (usable_structural(q)) {
        if (direct) *direct = first;
        return q->id;
      }
      first = false;
    }
    return std::nullopt;
  }

  // Level I of the agency (004 Pasal 1 angka 27): the highest structural position with no
  // structural superior inside the agency; when cyclic data leaves none at the top, the highest
  // structural position.
  void find_agency_head() {
    std::optional<std::size_t> best;
    std::optional<std::size_t> best_any;
    for (std::size_t i = 0; i < positions_.size(); ++i) {
      const Position& p = positions_[i];
      if (!usable_structural(&p)) continue;
      if (!best_any || heads_before(p, positions_[*best_any])) best_any = i;
      if (structural_superior(p)) continue;
      if (!best || heads_before(p, positions_[*best])) best = i;
    }
    if (!best) best = best_any;
    if (best) head_ = positions_[*best].id;
  }

  // The nearest unit at or above `unit` (visited guard) that has a head other than `self`.
  std::optional<Id> nearest_unit_head(std::optional<Id> unit, Id self) const {
    std::unordered_set<Id> seen;
    for (const Unit* u = find_unit(unit); u; u = find_unit(u->parent_id)) {
      if (!seen.insert(u->id).second) break;
      if (auto h = unit_head(u->id); h && *h != self) return h;
    }
    return std::nullopt;
  }

  // The Kepala UPTD over `p`: the head of the nearest UPTD unit at or above p's unit.
  std::optional<Id> uptd_head_over(const Position& p) const {
    std::unordered_set<Id> seen;
    for (const Unit* u = find_unit(p.unit_id); u; u = find_unit(u->parent_id)) {
      if (!seen.insert(u->id).second) break;
      if (u->kind != UnitKind::Uptd) continue;
      if (auto h = unit_head(u->id); h && *h != p.id) return h;
    }
    return std::nullopt;
  }

  bool heads_uptd(const Position& p) const {
    const Unit* u = find_unit(p.unit_id);
    if (!u || u->kind != UnitKind::Uptd) return false;
    const auto h = unit_head(u->id);
    return h && *h == p.id;
  }

  bool is_level_one(const Position& p) const { return (head_ && p.id == *head_) || heads_uptd(p); }

  // The structural position `p` answers to: its nearest structural superior; without one
  // recorded, the head of the nearest enclosing unit (the unit above the one it leads, when it
  // leads one); else the agency head. Memoised.
  StructuralParent structural_parent(const Position& p) {
    if (const auto it = parent_memo_.find(p.id); it != parent_memo_.end()) return it->second;
    StructuralParent r;
    bool direct = false;
    if (auto s = structural_superior(p, &direct)) {
      r = {s, direct ? ParentSource::Superior : ParentSource::SuperiorChain};
    } else if (head_ && p.id == *head_) {
      r = {};
    } else {
      std::optional<Id> start = p.unit_id;
      if (const Unit* u = find_unit(p.unit_id); u && unit_head(u->id) == p.id) start = u->parent_id;
      if (auto h = nearest_unit_head(start, p.id)) {
        r = {h, ParentSource::Unit};
      } else if (head_ && *head_ != p.id) {
        r = {head_, ParentSource::AgencyHead};
      }
    }
    parent_memo_.emplace(p.id, r);
    return r;
  }

  // Pejabat Level (004 Pasal 1 angka 27-29): 1 for a Level I, one more per structural step down
  // from it, 0 beyond Level III, for JF and Pelaksana, or when cyclic data reaches no Level I.
  int level_of(const Position& p) {
    if (structural_grade(p) == 0) return 0;
    std::unordered_set<Id> seen;
    const Position* cur = &p;
    for (int level = 1; cur && level <= kDeepestLevel; ++level) {
      if (!seen.insert(cur->id).second) return 0;
      if (is_level_one(*cur)) return level;
      cur = find(structural_parent(*cur).id);
    }
    return 0;
  }

  std::string outside_of(const Position& p) const {
    const std::string_view reports_to = text::trim(p.reports_to);
    return reports_to.empty() ? std::string(kHeadOfRegion) : std::string(reports_to);
  }

  std::string label_of(std::optional<Id> id) const {
    const Position* q = find(id);
    return q ? grade_label(structural_grade(*q)) : "";
  }

  void assign_structural(const Position& p, LevelAssignment& a) {
    if (head_ && p.id == *head_) {
      // Level I answers to the head of region (or whoever its reports_to names).
      a.appraiser_outside = outside_of(p);
      a.rule = "pejabat tertinggi perangkat daerah (Level I): penilai di luar perangkat daerah";
      return;
    }
    const StructuralParent parent = structural_parent(p);
    a.appraiser_id = parent.id;
    const std::string prefix = heads_uptd(p) ? "Kepala UPTD (Level I UPTD): " : "";
    switch (parent.source) {
      case ParentSource::Superior:
        a.rule = prefix + "atasan langsung (" + label_of(parent.id) + ")";
        break;
      case ParentSource::SuperiorChain:
        a.rule = prefix + "atasan terdekat yang paling rendah Pengawas (" + label_of(parent.id) +
                 "), 003 Pasal 1 angka 25";
        break;
      case ParentSource::Unit:
        a.rule = prefix + "atasan tidak tercatat: kepala unit induk (" + label_of(parent.id) + ")";
        break;
      case ParentSource::AgencyHead:
        a.rule = prefix + "atasan tidak tercatat: kepala perangkat daerah";
        break;
      case ParentSource::None:
        a.appraiser_outside = outside_of(p);
        a.rule = prefix + "tidak ada atasan di dalam perangkat daerah";
        break;
    }
  }

  void assign_non_structural(const Position& p, LevelAssignment& a) {
    const bool functional = p.kind == PositionKind::Fungsional;
    const std::string who = functional ? "JF" : "Pelaksana";
    // UPTD: the Kepala UPTD appraises JF and Pelaksana directly (004 Pasal 11 huruf f and g).
    if (auto h = uptd_head_over(p)) {
      a.appraiser_id = h;
      a.rule = "UPTD: Kepala UPTD menilai " + who + " secara langsung (004 Pasal 11 huruf f)";
      return;
    }
    // DPMPTSP: the head appraises JF and Pelaksana directly (004 Pasal 11 huruf e).
    if (head_ && is_one_stop_service_agency(agency_)) {
      a.appraiser_id = head_;
      a.rule = "DPMPTSP: kepala dinas menilai " + who + " secara langsung (004 Pasal 11 huruf e)";
      return;
    }
    // JF Ahli Utama / Ahli Madya answer to the agency head (003 Pasal 13 ayat (2) huruf a).
    if (functional && head_) {
      if (const char* level = senior_functional_level(p.title)) {
        a.appraiser_id = head_;
        a.rule = std::string("JF ") + level + ": kepala perangkat daerah (003 Pasal 13)";
        return;
      }
    }
    // JF Ahli Muda and below: the head of their unit as coordinator (003 Pasal 13 ayat (2) huruf
    // b); Pelaksana: the head of the smallest unit containing them (004 Pasal 7 ayat (1)).
    if (auto h = nearest_unit_head(p.unit_id, p.id)) {
      a.appraiser_id = h;
      a.rule = functional ? "JF Ahli Muda ke bawah: kepala unit selaku koordinator (" +
                                label_of(h) + ", 003 Pasal 13)"
                          : "Pelaksana: kepala unit terkecil tempat berkedudukan (" + label_of(h) +
                                ", 004 Pasal 7)";
      return;
    }
    // No unit with a head: the nearest structural superior (003 Pasal 1 angka 25).
    bool direct = false;
    if (auto s = structural_superior(p, &direct)) {
      a.appraiser_id = s;
      a.rule = (direct ? "atasan langsung (" : "atasan terdekat yang paling rendah Pengawas (") +
               label_of(s) + ")";
      return;
    }
    if (head_) {
      a.appraiser_id = head_;
      a.rule = who + " tanpa unit: kepala perangkat daerah";
      return;
    }
    a.appraiser_outside = std::string(text::trim(p.reports_to));
    a.rule = "tidak ada jabatan struktural di perangkat daerah";
  }

  const Agency& agency_;
  const std::vector<Position>& positions_;
  std::unordered_map<Id, const Unit*> units_;
  std::unordered_map<Id, std::size_t> index_;      // position id -> index in positions_
  std::unordered_map<Id, std::size_t> unit_head_;  // unit id -> index of its head
  std::unordered_map<Id, StructuralParent> parent_memo_;
  std::optional<Id> head_;  // Level I of the agency
};

}  // namespace

std::vector<LevelAssignment> resolve_work_levels(const Agency& agency,
                                                 const std::vector<Unit>& units,
                                                 const std::vector<Position>& positions) {
  return Resolver(agency, units, positions).resolve();
}

bool is_one_stop_service_agency(const Agency& agency) {
  const std::string name = text::collapse_spaces(agency.name);
  return text::ifind(name, "Penanaman Modal dan Pelayanan Terpadu Satu Pintu") !=
             std::string::npos ||
         text::ifind_word(name, "DPMPTSP") != std::string::npos;
}

}  // namespace tatakerja::org
