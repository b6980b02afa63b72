// The answers about activities (docs/api.md, "Activities"), written straight into their text with
// JsonWriter: building an activity as an nlohmann::json tree first (a map node and a key string per
// field, 20 steps and notes of eight fields each) and dumping it was a sixth of a status change's
// time when it answered with the whole activity (docs/performance.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/json_writer.hpp"
#include "app/activities.hpp"
#include "org/org_store.hpp"

namespace tatakerja::server::activity_answer {

// The whole activity as one person sees it: its summary, chain, roles, newest steps and notes
// with their totals, evidence, and the steps that person may take next.
std::string activity(const app::ActivityView& v, org::OrgStore& store);
// What a step changed: the activity's id, version, state and the members a step changes, the step
// as recorded, and what its actor may do next (the same members as the whole activity's).
std::string step_taken(const app::ActivityStepTaken& t);
// {"items": [...]} of summaries, each with whether it awaits the person asking; `team_id`, when
// given, first.
std::string summaries(const std::vector<app::ActivitySummary>& list, org::OrgStore& store,
                      std::optional<org::Id> team_id = std::nullopt);
// One evidence file's description.
std::string evidence(const work::Evidence& e);
// Arrays of steps and of notes, in the order given.
void write_steps(JsonWriter& w, const std::vector<work::ActivityStep>& steps);
void write_notes(JsonWriter& w, const std::vector<work::ActivityNote>& notes);

}  // namespace tatakerja::server::activity_answer
