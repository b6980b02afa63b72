// A region's work-system rules (issue 12 item 1): read from the work-system provisions of the
// regulations it imports, over PermenPANRB 7/2022's defaults; viewed and changed (with a reason,
// recorded in the audit log) by administrators.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/audit.hpp"
#include "app/stores.hpp"
#include "org/model.hpp"
#include "regulation/work_system_facts.hpp"
#include "work/model.hpp"

namespace tatakerja::app {

// The title of a region's head: "Gubernur", "Bupati", "Wali Kota".
std::string head_of_region(org::RegionKind kind);

// The rules a region works by: the stored ones, or (none stored) the defaults, which are not
// stored until the region's regulation sets rules or an administrator changes one (their ids are
// 0 then). NOT_FOUND when the region does not exist. Reads only.
struct RegionRules {
  org::Region region;
  std::vector<work::Rule> rules;  // in work::sort_rules order
  bool stored = false;
};
RegionRules region_rules(const Stores& stores, org::Id region_id);

// The import step (import_regulation, after the organisation): the rules the regulation's
// work-system provisions give replace the region's rules of the same kind and key (a region
// without stored rules gets the defaults for the rest). Writes in the caller's transaction, whose
// audit entry (the import's: "work_rules" is this count) records it. Returns how many rules the
// text gives (0: it has no work-system provisions; nothing written).
std::size_t apply_regulation_rules(const Stores& stores, const org::Regulation& regulation,
                                   const regulation::WorkSystem& ws);

// A change by hand to one rule. `reason` is required (REASON_REQUIRED otherwise, nothing
// written); at least one of statement and items is given.
struct RuleChange {
  std::string kind;  // "keputusan_tim", ...
  std::string key;
  std::optional<std::string> statement;
  std::optional<std::vector<std::string>> items;
  std::string reason;
};
// Checks the change (the region in the actor's scope as a whole, OUT_OF_SCOPE otherwise; the rule
// known, NOT_FOUND "key" otherwise), stores the region's rules first when only the defaults were in
// force, and changes the rule with its reason and time, recording one audit entry "update" /
// "work_rule" (before and after), in one transaction. Returns the rule as stored. A change that
// changes nothing (the statement and items already so) writes nothing and returns the rule.
work::Rule change_rule(const Stores& stores, const Actor& actor, org::Id region_id,
                       const RuleChange& change);

// A rule as JSON (docs/api.md, "Work-system rules"): the API's answer and the audit entries' form.
std::string rule_json_text(const work::Rule& r);

}  // namespace tatakerja::app
