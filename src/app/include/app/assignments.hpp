// Assignments (penugasan; issue 12 item 3): creating one under a mechanism, taking its steps, the
// people's lists and the in-app inbox. Each step is checked before anything is written: the
// mechanism's state machine allows it from the current state (TRANSITION_NOT_ALLOWED), the person
// holds the role it names now (ROLE_REQUIRED; app/assignment_roles.hpp), a refusal has its reason
// (REASON_REQUIRED), and it is taken on the version the person read (VERSION_CONFLICT when another
// step came first). Then, in one transaction, the assignment moves, the step is kept, every party
// but the actor is notified and the audit entry is written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/stores.hpp"
#include "identity/model.hpp"
#include "org/model.hpp"
#include "work/assignment.hpp"
#include "work/letter.hpp"

namespace tatakerja::app {

struct NewAssignment {
  std::string mechanism;  // a mechanism key (work/mechanisms.hpp)
  org::Id owner_unit_id = 0;
  std::optional<org::Id> official_employee_id;  // every mechanism but across governments
  std::optional<org::Id> target_unit_id;        // across governments: the unit asked there
  std::optional<org::Id> team_id;
  std::string title;
  std::string details;
  bool within_main_duties = true;  // Surat Tugas; false: Surat Perintah
};

struct NextStep {
  std::string transition;
  std::string role;
  bool reason_required = false;
};

// An assignment as its parties see it.
struct AssignmentView {
  work::Assignment assignment;
  std::vector<work::AssignmentStep> steps;  // in the order taken
  bool overdue = false;                     // waiting longer than answer_days working days
  int answer_days = 0;
  std::vector<NextStep> next;  // the steps open from its state
  // The letter issued when it became "ditugaskan" (app/letters.hpp), none before.
  std::optional<work::Letter> letter;
};

// The working days a request under `mechanism` may wait for its answer in `region_id`: the period
// the region's mechanism rule writes, else work::kDefaultAnswerDays (work::answer_days_of).
int answer_days(const Stores& stores, org::Id region_id, std::string_view mechanism);

// Creates an assignment: the person (`user`, linked to an employee) must hold the mechanism's
// first role; the official must sit where the mechanism reaches (the owner unit itself, another
// unit of the region, or, across governments, a target unit of another region and no official).
// Records "create" / "assignment".
AssignmentView create_assignment(const Stores& stores, const identity::User& user,
                                 const NewAssignment& in);

struct StepInput {
  std::string transition;
  int version = 0;
  std::string reason;
  std::optional<org::Id> official_employee_id;  // the step that names the official
};
// Takes a step. Records "update" / "assignment" with the step.
AssignmentView take_step(const Stores& stores, const identity::User& user, org::Id assignment_id,
                         const StepInput& in);

// The assignments the person is party to, newest first (at most `limit`).
std::vector<AssignmentView> my_assignments(const Stores& stores, const identity::User& user,
                                           int limit);

// One assignment with its steps: for its parties, for whoever holds now one of the roles its
// mechanism names, for administrators and registry administrators of its region (FORBIDDEN
// otherwise; NOT_FOUND when there is none).
AssignmentView assignment_view(const Stores& stores, const identity::User& user, org::Id id);

// The person's inbox: first a deadline notice (kind "tenggat", id 0: computed when read, not
// stored) for each of the person's own requests (among their newest 200 assignments) that has
// waited `answer_days` working days or more without an answer, then the stored notifications,
// newest first (at most `limit`). Writes nothing (it runs inside a read snapshot).
std::vector<work::Notification> inbox(const Stores& stores, const identity::User& user, int limit);

// Marks one of the person's notifications read (NOT_FOUND for another's). Records "update" /
// "notification" the first time.
work::Notification mark_notification_read(const Stores& stores, const identity::User& user,
                                          org::Id notification_id);

}  // namespace tatakerja::app
