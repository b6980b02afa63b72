// The structural difference between two sets of positions (see structure_diff.hpp for the rules).
#include "app/structure_diff.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/eselon.hpp"
#include "core/text.hpp"

namespace tatakerja::app {
namespace {

std::vector<std::string> words_of(std::string_view key) {
  std::vector<std::string> w;
  for (auto part : text::split(key, ' '))
    if (!part.empty()) w.emplace_back(part);
  return w;
}

bool starts_with_words(const std::vector<std::string>& w, std::size_t at,
                       const std::vector<std::string>& phrase) {
  if (at + phrase.size() > w.size()) return false;
  for (std::size_t i = 0; i < phrase.size(); ++i)
    if (w[at + i] != phrase[i]) return false;
  return true;
}

std::string join(const std::vector<std::string>& w, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n && i < w.size(); ++i) {
    if (i) out += ' ';
    out += w[i];
  }
  return out;
}

// Words shared by two titles beyond their common prefix: the tie-breaker between candidates.
std::size_t shared_words(std::string_view a, std::string_view b) {
  const auto wa = words_of(text::name_key(a));
  const auto wb = words_of(text::name_key(b));
  std::set<std::string> sa(wa.begin(), wa.end());
  std::size_t n = 0;
  std::set<std::string> seen;
  for (const auto& w : wb)
    if (sa.count(w) && seen.insert(w).second && w != "dan" && w != "kepala") ++n;
  return n;
}

int grade(const std::string& eselon) {
  return eselon.empty() ? 0 : eselon_grade(eselon);
}

org::StructureChange change(org::ChangeKind kind, std::string title, std::string before,
                            std::string after) {
  org::StructureChange c;
  c.kind = kind;
  c.position_title = std::move(title);
  c.before = std::move(before);
  c.after = std::move(after);
  return c;
}

// The duties of `from` whose key is not among the keys of `other`, one per line.
std::string duties_not_in(const std::vector<std::string>& from,
                          const std::vector<std::string>& other) {
  std::set<std::string> keys;
  for (const auto& d : other) keys.insert(text::name_key(d));
  std::string out;
  for (const auto& d : from) {
    if (keys.count(text::name_key(d))) continue;
    if (!out.empty()) out += '\n';
    out += d;
  }
  return out;
}

// Rule 5: the duties no longer written and those written anew, when both texts give duties.
std::optional<org::StructureChange> duties_change(const DiffPosition& op, const DiffPosition& np) {
  if (op.duties.empty() || np.duties.empty()) return std::nullopt;
  std::string removed = duties_not_in(op.duties, np.duties);
  std::string added = duties_not_in(np.duties, op.duties);
  if (removed.empty() && added.empty()) return std::nullopt;
  return change(org::ChangeKind::DutiesChanged, np.title, std::move(removed), std::move(added));
}

}  // namespace

std::string role_prefix(std::string_view title) {
  std::string key = text::name_key(title);
  const auto w = words_of(key);
  if (w.empty()) return key;
  // "Kepala <unit kind>": the kinds of units (two-word kinds first).
  static const std::vector<std::vector<std::string>> kUnitKinds = {
      {"sub", "bagian"}, {"sub", "bidang"}, {"unit", "pelaksana"},
      {"bidang"},        {"bagian"},        {"seksi"},
      {"uptd"},          {"upt"},           {"badan"},
      {"dinas"},         {"kantor"},        {"sekolah"},
      {"cabang"},        {"biro"},          {"satuan"},
      {"inspektur"},     {"sekretariat"},   {"subbag"},
      {"kecamatan"}};
  if (w[0] == "kepala" && w.size() > 1) {
    for (const auto& kind : kUnitKinds)
      if (starts_with_words(w, 1, kind)) return "kepala " + join(kind, kind.size());
    return join(w, 2);
  }
  if (w[0] == "sekretaris" || w[0] == "inspektur") return w[0];
  // Functional positions: up to and including the level ("analis kebijakan ahli muda").
  static const std::vector<std::string> kLevels = {"utama",    "madya", "muda",     "pertama",
                                                   "penyelia", "mahir", "terampil", "pemula"};
  for (std::size_t i = 1; i < w.size(); ++i) {
    if (w[i - 1] == "ahli" && std::find(kLevels.begin(), kLevels.end(), w[i]) != kLevels.end())
      return join(w, i + 1);
    if (w[i - 1] != "ahli" && i >= 1 &&
        (w[i] == "penyelia" || w[i] == "mahir" || w[i] == "terampil" || w[i] == "pemula"))
      return join(w, i + 1);
  }
  return key;
}

StructureDiff diff_structures(const std::vector<DiffPosition>& old_positions,
                              const std::vector<DiffPosition>& new_positions) {
  StructureDiff d;
  d.new_of_old.assign(old_positions.size(), std::nullopt);
  d.old_of_new.assign(new_positions.size(), std::nullopt);
  auto pair_up = [&](std::size_t o, std::size_t n) {
    d.new_of_old[o] = n;
    d.old_of_new[n] = o;
  };

  // 1. Same title: first unmatched occurrence on each side, in order.
  std::unordered_map<std::string, std::vector<std::size_t>> new_by_key;
  for (std::size_t n = 0; n < new_positions.size(); ++n)
    new_by_key[text::name_key(new_positions[n].title)].push_back(n);
  for (std::size_t o = 0; o < old_positions.size(); ++o) {
    auto it = new_by_key.find(text::name_key(old_positions[o].title));
    if (it == new_by_key.end() || it->second.empty()) continue;
    pair_up(o, it->second.front());
    it->second.erase(it->second.begin());
  }

  // 2. Renames. An old superior title is carried into the new text through the pairs found so
  //    far; old positions are visited superiors first (by depth), so a renamed Sekretariat's
  //    sub-units still find their superior.
  std::unordered_map<std::string, std::string> renamed_to;  // old key -> new key
  auto superior_key_in_new = [&](const DiffPosition& p) {
    const std::string k = text::name_key(p.superior_title);
    auto it = renamed_to.find(k);
    return it == renamed_to.end() ? k : it->second;
  };
  std::unordered_map<std::string, std::size_t> old_index_by_key;
  for (std::size_t o = 0; o < old_positions.size(); ++o)
    old_index_by_key.emplace(text::name_key(old_positions[o].title), o);
  std::vector<int> depth(old_positions.size(), 0);
  for (std::size_t o = 0; o < old_positions.size(); ++o) {
    std::string sup = text::name_key(old_positions[o].superior_title);
    for (int guard = 0; !sup.empty() && guard < 64; ++guard) {
      auto it = old_index_by_key.find(sup);
      if (it == old_index_by_key.end()) break;
      ++depth[o];
      sup = text::name_key(old_positions[it->second].superior_title);
    }
  }
  std::vector<std::size_t> order(old_positions.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return depth[a] < depth[b]; });
  for (std::size_t o : order) {
    if (d.new_of_old[o]) continue;
    const auto& op = old_positions[o];
    const std::string prefix = role_prefix(op.title);
    const std::string sup = superior_key_in_new(op);
    std::optional<std::size_t> best;
    std::size_t best_shared = 0;
    for (std::size_t n = 0; n < new_positions.size(); ++n) {
      if (d.old_of_new[n]) continue;
      const auto& np = new_positions[n];
      if (role_prefix(np.title) != prefix) continue;
      if (text::name_key(np.superior_title) != sup) continue;
      if (grade(np.eselon) != grade(op.eselon)) continue;
      const std::size_t s = shared_words(op.title, np.title);
      if (!best || s > best_shared) {
        best = n;
        best_shared = s;
      }
    }
    if (!best) continue;
    pair_up(o, *best);
    renamed_to[text::name_key(op.title)] = text::name_key(new_positions[*best].title);
  }

  // 3. The changes, in the new text's order; removals last, in the old text's order.
  auto superior_moved = [&](const DiffPosition& op, const DiffPosition& np) {
    return text::name_key(np.superior_title) != superior_key_in_new(op);
  };
  for (std::size_t n = 0; n < new_positions.size(); ++n) {
    const auto& np = new_positions[n];
    if (!d.old_of_new[n]) {
      d.changes.push_back(change(org::ChangeKind::Added, np.title, "", np.eselon));
      continue;
    }
    const auto& op = old_positions[*d.old_of_new[n]];
    if (text::name_key(op.title) != text::name_key(np.title))
      d.changes.push_back(change(org::ChangeKind::Renamed, np.title, op.title, np.title));
    if (op.eselon != np.eselon)
      d.changes.push_back(change(org::ChangeKind::Regraded, np.title, op.eselon, np.eselon));
    if (superior_moved(op, np))
      d.changes.push_back(
          change(org::ChangeKind::Moved, np.title, op.superior_title, np.superior_title));
    if (auto c = duties_change(op, np)) d.changes.push_back(std::move(*c));
  }
  for (std::size_t o = 0; o < old_positions.size(); ++o)
    if (!d.new_of_old[o])
      d.changes.push_back(
          change(org::ChangeKind::Removed, old_positions[o].title, old_positions[o].eselon, ""));
  return d;
}

}  // namespace tatakerja::app
