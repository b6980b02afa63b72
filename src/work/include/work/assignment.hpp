// Assignments (penugasan; issue 12 item 3): the records. An assignment follows one of the five
// mechanisms (work/mechanisms.hpp) from its first step to a final state; each step taken is kept
// with who took it, in which role, when and why; every party of a step gets a notification in
// their in-app inbox. An assignment carries a version that every step raises: a step names the
// version it was taken on, so that of two steps taken on the same version only the first is kept.
#pragma once

#include <optional>
#include <string>

#include "work/letter.hpp"
#include "work/model.hpp"

namespace tatakerja::work {

// The letter an assignment needs (003 Pasal 20 (5)): a Surat Tugas for work within the official's
// main duties, a Surat Perintah for work outside them.
// (work::LetterKind and its names are the letters' own: work/letter.hpp.)
LetterKind letter_kind_for(bool within_main_duties);

struct Assignment {
  Id id = 0;
  Id region_id = 0;                     // the region of the unit that owns the work
  std::string mechanism;                // a mechanism key: "penunjukan_lintas_unit", ...
  std::optional<Id> mechanism_rule_id;  // the region's stored mechanism rule, when stored
  std::optional<Id> team_id;            // the team the official is asked to work in
  Id owner_unit_id = 0;                 // the unit that owns the work (its performance target)
  // The official asked for (across governments: none until the appraiser there names one).
  std::optional<Id> official_employee_id;
  std::optional<Id> official_unit_id;  // the official's unit when named
  std::optional<Id> target_unit_id;    // across governments: the unit asked in the other region
  Id requester_employee_id = 0;        // who took the first step
  std::string title;                   // the work asked for
  std::string details;                 // what it involves; across governments, the criteria
  bool within_main_duties = true;
  LetterKind letter = LetterKind::Tugas;
  std::string state;        // a state key of the mechanism
  std::string state_since;  // ISO 8601 UTC: when it entered `state`
  int version = 1;          // raised by every step
  std::string created_at;
  std::string updated_at;
  friend bool operator==(const Assignment&, const Assignment&) = default;
};

// One step taken: the first one ("ajukan" or "tugaskan") and every transition after it.
struct AssignmentStep {
  Id id = 0;
  Id assignment_id = 0;
  std::string transition;  // "ajukan", "setujui", "tolak", "tugaskan", "terima"
  std::string from_state;  // "" for the first step
  std::string to_state;
  std::optional<Id> actor_employee_id;
  std::optional<Id> actor_user_id;
  std::string actor_name;  // the person's name as it was then
  std::string role;        // the role held: "penilai", "pimpinan_unit_pemilik", ...
  std::string reason;      // required for a refusal; otherwise optional
  std::string at;          // ISO 8601 UTC
  friend bool operator==(const AssignmentStep&, const AssignmentStep&) = default;
};

// A message in one person's in-app inbox.
struct Notification {
  Id id = 0;
  Id employee_id = 0;  // the recipient
  std::optional<Id> assignment_id;
  std::optional<Id> activity_id;        // a notification about an activity (issue 12 item 4)
  std::optional<Id> report_id;          // about a report submitted (issue 12 item 5)
  std::optional<Id> report_request_id;  // about a request for a report
  std::string kind;     // "langkah" (a step was taken), "tenggat" (a request is overdue)
  std::string message;  // Indonesian
  std::string created_at;
  std::string read_at;  // "" while unread
  friend bool operator==(const Notification&, const Notification&) = default;
};

}  // namespace tatakerja::work
