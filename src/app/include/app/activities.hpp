// Activities (kegiatan; issue 12 item 4): planning one from a target, taking its steps along its
// flow (work/activity.hpp), progress notes, feedback and evidence files, the person's list and a
// team's board. Each step is checked before anything is written: the flow allows it from the
// current state (TRANSITION_NOT_ALLOWED), the person holds the role it names now (ROLE_REQUIRED:
// the executor, the team's lead, or the holder, definitive, Plt or Plh, of the stop's position), a
// return or a cancellation has its reason (REASON_REQUIRED), and it is taken on the version the
// person read (VERSION_CONFLICT when another change came first). Then, in one transaction, the
// activity moves, the step is kept, every party but the actor is notified and the audit entry is
// written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/stores.hpp"
#include "identity/model.hpp"
#include "org/model.hpp"
#include "work/activity.hpp"

namespace tatakerja::app {

struct NewActivityRole {
  org::Id employee_id = 0;
  std::string role;  // the part they take, by competence
};

struct NewActivity {
  std::optional<org::Id> owner_unit_id;  // none: the team's, the assignment's, or the executor's
  std::optional<org::Id> team_id;
  std::optional<org::Id> assignment_id;
  std::optional<org::Id> executor_employee_id;  // none: the person planning it
  std::string title;
  std::string target;  // none: the team's target, or the assignment's title
  std::string details;
  std::int64_t budget = 0;
  std::string start;  // ISO dates
  std::string end;
  std::vector<NewActivityRole> roles;
};

// A stop of the chain as its parties see it: who holds it now.
struct StopView {
  work::ReviewStop stop;
  std::string position_title;       // "" for the lead's stop
  std::vector<std::string> people;  // the names of who holds it now
};

struct ActivityNextStep {
  std::string transition;
  std::string role;
  bool reason_required = false;
  bool mine = false;  // the person asking holds the role
};

struct ActivityView {
  work::Activity activity;
  std::string state_label;
  std::vector<StopView> chain;
  std::vector<work::ActivityRole> roles;
  // The newest kShownSteps steps in the order taken, and how many were taken in all: the whole
  // history is read in pages (activity_steps).
  std::vector<work::ActivityStep> steps;
  std::int64_t steps_total = 0;
  // Likewise its newest kShownNotes notes and how many were written (activity_notes).
  std::vector<work::ActivityNote> notes;
  std::int64_t notes_total = 0;
  std::vector<work::Evidence> evidence;
  std::vector<ActivityNextStep> next;
  bool can_note = false;      // the person may add a progress note now
  bool can_feedback = false;  // the person may give feedback now
  bool can_upload = false;    // the person may add an evidence file now
};

// An activity in a list: the record, its state's label and whether it waits for the person.
struct ActivitySummary {
  work::Activity activity;
  std::string state_label;
  bool awaiting_me = false;
};

// Plans an activity: the planner (`user`, linked to an employee) is its executor, the team's lead,
// a holder of a stop of its chain, or the executor's appraiser. Records "create" / "activity".
ActivityView create_activity(const Stores& stores, const identity::User& user,
                             const NewActivity& in);

struct ActivityStepInput {
  std::string transition;
  int version = 0;
  std::string reason;
};
// What a step changed, the answer to it: the activity after it, the step as recorded and what its
// actor may do next. A step changes neither the chain, nor the roles, nor the notes and evidence:
// a client that holds the activity adds the step to it (or reads it again, activity_view).
struct ActivityStepTaken {
  work::Activity activity;
  std::string state_label;
  work::ActivityStep step;
  std::vector<ActivityNextStep> next;
  bool can_note = false;
  bool can_feedback = false;
  bool can_upload = false;
};

// The JSON text an activity's audit entries record of it (their "before" and "after"): its
// members in the order of their keys, with `extra` (a member's key and its JSON text: the step,
// the note) among them. Written as text: the entry is written inside the writers' turn, where
// building a document and dumping it took a tenth of a status change's turn.
std::string activity_audit(const work::Activity& a,
                           std::pair<std::string_view, std::string> extra = {});
// A step as the "step" member of its activity's audit entry records it: its reason, role and
// transition.
std::string step_audit(const work::ActivityStep& s);

// Takes a step. Records "update" / "activity" with the step.
ActivityStepTaken take_activity_step(const Stores& stores, const identity::User& user, org::Id id,
                                     const ActivityStepInput& in);

struct NewNote {
  std::string kind;  // "kemajuan" or "umpan_balik"
  std::string text;
  std::optional<int> progress;  // a progress note's percentage
  int version = 0;
};
// Adds a progress note (by the executor or a person with a role, while it is under way or in
// rework; its progress becomes the activity's) or feedback (by the lead or a stop's holder, in
// any state but a final one). Raises the version. Records "update" / "activity".
ActivityView add_activity_note(const Stores& stores, const identity::User& user, org::Id id,
                               const NewNote& in);

// Adds an evidence file (by the executor or a person with a role, while it is under way or in
// rework): at most work::kMaxEvidenceBytes, of a type its content shows (FILE_TYPE_NOT_ALLOWED
// otherwise), at most work::kMaxEvidenceFiles per activity. Raises the version. Records "create" /
// "evidence".
work::Evidence add_evidence(const Stores& stores, const identity::User& user, org::Id id,
                            int version, const std::string& name, const std::string& content);
// An evidence file and its content, for whoever may see the activity.
std::pair<work::Evidence, std::string> evidence_file(const Stores& stores,
                                                     const identity::User& user,
                                                     org::Id evidence_id);

// The activities the person carries out, takes a role in, or must act on now; newest first.
std::vector<ActivitySummary> my_activities(const Stores& stores, const identity::User& user,
                                           int limit);
// A team's activities (the board), for its members and lead, the holders of its owner unit's
// leading position and of the positions above it, and administrators; newest first.
std::vector<ActivitySummary> team_activities(const Stores& stores, const identity::User& user,
                                             org::Id team_id, int limit);

// One activity: for its executor, planner, people with a role, the team's members, the holders
// of its stops, and administrators and registry administrators of its region (FORBIDDEN
// otherwise; NOT_FOUND when there is none).
ActivityView activity_view(const Stores& stores, const identity::User& user, org::Id id);

// How many of an activity's steps and notes its answer shows (the newest), and the most one page
// of its history holds.
constexpr int kShownSteps = 20;
constexpr int kShownNotes = 20;
constexpr int kMaxHistoryPage = 200;

template <typename T>
struct HistoryPage {
  std::vector<T> items;  // oldest first
  std::int64_t total = 0;
};

// The steps (notes) of activity `id` from the `offset`-th, at most `limit` (1..kMaxHistoryPage),
// for those who may see the activity.
HistoryPage<work::ActivityStep> activity_steps(const Stores& stores, const identity::User& user,
                                               org::Id id, int offset, int limit);
HistoryPage<work::ActivityNote> activity_notes(const Stores& stores, const identity::User& user,
                                               org::Id id, int offset, int limit);

}  // namespace tatakerja::app
