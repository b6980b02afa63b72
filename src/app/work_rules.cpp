#include "app/work_rules.hpp"

#include <nlohmann/json.hpp>

#include "app/scope.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "work/rules.hpp"

namespace tatakerja::app {
namespace {

constexpr std::size_t kMaxText = 4000;
constexpr std::size_t kMaxItems = 100;

nlohmann::json rule_object(const work::Rule& r) {
  return {{"id", r.id},
          {"kind", std::string(work::to_string(r.kind))},
          {"key", r.key},
          {"statement", r.statement},
          {"items", r.items},
          {"origin", std::string(work::to_string(r.origin))},
          {"regulation_id", r.regulation_id ? nlohmann::json(*r.regulation_id) : nlohmann::json()},
          {"source", r.source},
          {"article", r.article},
          {"changed_reason", r.changed_reason},
          {"changed_at", r.changed_at}};
}

std::string regulation_name(const org::Regulation& r) {
  std::string name = r.kind;
  if (!r.number.empty()) name += " Nomor " + r.number;
  if (r.year) name += " Tahun " + std::to_string(*r.year);
  return name;
}

org::Region region_or_refuse(const Stores& stores, org::Id region_id) {
  auto region = stores.org.region(region_id);
  if (!region) fail(ErrorCode::NotFound, "region_id", "Daerah tidak ditemukan.");
  return *region;
}

}  // namespace

std::string head_of_region(org::RegionKind kind) {
  switch (kind) {
    case org::RegionKind::Province:
      return "Gubernur";
    case org::RegionKind::Regency:
      return "Bupati";
    case org::RegionKind::City:
      return "Wali Kota";
  }
  return "Kepala Daerah";
}

std::string rule_json_text(const work::Rule& r) {
  return rule_object(r).dump();
}

RegionRules region_rules(const Stores& stores, org::Id region_id) {
  RegionRules out;
  out.region = region_or_refuse(stores, region_id);
  out.rules = stores.work.rules_of_region(region_id);
  out.stored = !out.rules.empty();
  if (!out.stored) {
    out.rules = work::default_rules(head_of_region(out.region.kind));
    for (auto& r : out.rules) r.region_id = region_id;
  }
  work::sort_rules(out.rules);
  return out;
}

std::size_t apply_regulation_rules(const Stores& stores, const org::Regulation& regulation,
                                   const regulation::WorkSystem& ws) {
  const std::vector<work::Rule> read =
      work::rules_from_regulation(ws, {regulation.id, regulation_name(regulation)});
  if (read.empty()) return 0;
  const RegionRules current = region_rules(stores, regulation.region_id);
  const std::vector<work::Rule> merged = work::overlay_rules(current.rules, read);
  for (work::Rule r : merged) {
    r.region_id = regulation.region_id;
    if (r.id == 0) {
      stores.work.insert_rule(r);
      continue;
    }
    const auto* before = work::find_rule(current.rules, r.kind, r.key);
    if (before == nullptr || !(*before == r)) stores.work.update_rule(r);
  }
  return read.size();
}

work::Rule change_rule(const Stores& stores, const Actor& actor, org::Id region_id,
                       const RuleChange& change) {
  const std::string reason = std::string(text::trim(change.reason));
  if (reason.empty()) fail(ErrorCode::ReasonRequired, "reason");
  if (reason.size() > kMaxText) {
    fail(ErrorCode::InvalidField, "reason", "Alasan terlalu panjang (paling banyak 4000 bita).");
  }
  const auto kind = work::rule_kind_from_string(change.kind);
  if (!kind) fail(ErrorCode::InvalidField, "kind", "Jenis aturan tidak dikenal.");
  if (!change.statement && !change.items) {
    fail(ErrorCode::InvalidField, "statement", "Isi aturan (statement atau items) wajib diisi.");
  }
  if (change.statement &&
      (text::trim(*change.statement).empty() || change.statement->size() > kMaxText)) {
    fail(ErrorCode::InvalidField, "statement",
         "Isi aturan wajib diisi dan paling banyak 4000 bita.");
  }
  if (change.items) {
    if (change.items->size() > kMaxItems) {
      fail(ErrorCode::InvalidField, "items", "Paling banyak 100 butir.");
    }
    for (const auto& item : *change.items) {
      if (text::trim(item).empty() || item.size() > kMaxText) {
        fail(ErrorCode::InvalidField, "items",
             "Setiap butir wajib diisi dan paling banyak 4000 bita.");
      }
    }
  }
  Transaction tx(stores.transactions);
  const RegionRules current = region_rules(stores, region_id);
  require_whole_region_in_scope(actor, region_id);
  const work::Rule* found = work::find_rule(current.rules, *kind, change.key);
  if (found == nullptr) fail(ErrorCode::NotFound, "key", "Aturan ini tidak ada untuk daerah ini.");
  work::Rule before = *found;
  const bool same_statement =
      !change.statement || std::string(text::trim(*change.statement)) == before.statement;
  const bool same_items = !change.items || *change.items == before.items;
  if (same_statement && same_items) return before;  // changes nothing: nothing written
  if (!current.stored) {
    // The defaults become the region's stored rules, so that the change has a row to stand on.
    for (const work::Rule& r : current.rules) {
      const work::Id id = stores.work.insert_rule(r);
      if (r.kind == before.kind && r.key == before.key) before.id = id;
    }
  }
  work::Rule after = before;
  if (change.statement) after.statement = std::string(text::trim(*change.statement));
  if (change.items) after.items = *change.items;
  after.changed_reason = reason;
  after.changed_at = now_iso_utc();
  stores.work.update_rule(after);
  record_audit(stores, actor, "update", "work_rule", std::to_string(after.id),
               rule_json_text(before), rule_json_text(after));
  tx.commit();
  return after;
}

}  // namespace tatakerja::app
