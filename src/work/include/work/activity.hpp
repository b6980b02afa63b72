// Activities (kegiatan; issue 12 item 4; 003 Lampiran II bagian I, 004 Pasal 22-23; DOMAIN.md
// section 4 "Flow of work"): the records and the flow each follows, written as data. An activity
// is planned from a target (its detail, budget, dates and the roles of the people who carry it
// out), executed with progress notes and evidence files, monitored with feedback, submitted up a
// review chain and declared done only by the Pejabat Level I, who may instead return it for
// rework. The review chain is the flow of the owner unit's agency kind: in a Dinas or Badan Level
// II then Level I; in the Sekretariat Daerah one more stop between them (Kepala Bagian, Asisten,
// Sekretaris Daerah); in a UPTD or a school its head alone (the head is its Level I). A team's
// activity first goes to the team's lead. Pure: no I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "work/mechanisms.hpp"
#include "work/model.hpp"

namespace tatakerja::work {

// A stop of the review chain; its role key is the stop's name:
//   "ketua"        the lead of the activity's team (when the executor is not the lead)
//   "level_ii"     the Pejabat Level II above the owner unit (Kepala Bidang, Sekretaris, ...)
//   "level_antara" the stop between Level II and Level I (the Sekretariat Daerah's Asisten)
//   "level_i"      the Pejabat Level I, the only one who declares the activity done
inline constexpr std::string_view kStopRoles[] = {"ketua", "level_ii", "level_antara", "level_i"};

// One stop of an activity's chain: its role and, for every stop but the lead, the position whose
// holders (definitive, Plt or Plh) take it when the activity reaches it.
struct ReviewStop {
  std::string role;
  std::optional<Id> position_id;
  friend bool operator==(const ReviewStop&, const ReviewStop&) = default;
};

// The flow of activities with the given stops (in kStopRoles' order, ending at "level_i"): its
// key ("ketua+level_ii+level_i"), states and transitions. The roles of its steps:
//   "pelaksana"  the executor (starts, submits, resubmits after rework)
//   a stop role  the holder of that stop (passes on, returns for rework; Level I accepts)
//   "pembatal"   who may cancel a plan or an activity under way: the first stop that is not the
//                lead (Level II, else Level I)
// The definitions are built once and live as long as the program.
const Mechanism& activity_flow(const std::vector<std::string>& stop_roles);
// The flow of a stored key, or null for a key that is no flow.
const Mechanism* find_activity_flow(std::string_view key);
// Every flow, for the diagrams and the documentation (the lead's stop with and without Level II
// and the between stop).
const std::vector<const Mechanism*>& activity_flows();

// The Indonesian label of an activity role ("Pelaksana", "Ketua Tim", "Pejabat Level II", ...).
std::string_view activity_role_label(std::string_view role);

// The state an activity is in when it waits at the stop of `role` ("di_level_ii").
std::string waiting_state(std::string_view role);
// The stop role a waiting state names ("level_ii" for "di_level_ii"); empty for other states.
std::string_view stop_of_state(std::string_view state);

// The key of the chain's flow: its stop roles joined by "+".
std::string flow_key(const std::vector<ReviewStop>& chain);

// The number of stops a Flow rule's statement names ("Kepala Bagian > Asisten Daerah >
// Sekretaris Daerah": 3), at least 1 and at most 3.
int review_stops_of(std::string_view flow_statement);

struct Activity {
  Id id = 0;
  Id region_id = 0;
  Id agency_id = 0;      // the agency of the owner unit
  Id owner_unit_id = 0;  // the unit that owns the target
  std::optional<Id> team_id;
  std::optional<Id> assignment_id;  // the assignment it carries out, when it does
  Id executor_employee_id = 0;      // who carries it out and submits it
  Id planner_employee_id = 0;       // who planned it
  std::string agency_kind;  // the flow's agency kind key: "dinas_badan", "sekretariat_daerah", ...
  std::string title;
  std::string target;       // the performance target it is planned from
  std::string details;      // the detail of the activity (rincian)
  std::int64_t budget = 0;  // rupiah
  Date start;
  Date end;
  std::vector<ReviewStop> chain;  // the review stops, in order
  std::string flow;               // flow_key(chain)
  std::string state;
  std::string state_since;  // ISO 8601 UTC
  // The position whose holders must act now (a waiting state at a stop other than the lead's).
  std::optional<Id> awaiting_position_id;
  int progress = 0;  // percent, from the newest progress note
  int rework = 0;    // how many times it was returned for rework
  int version = 1;   // raised by every step
  std::string created_at;
  std::string updated_at;
  friend bool operator==(const Activity&, const Activity&) = default;
};

// Someone who takes part in an activity, with the role given by competence ("pengolah data").
struct ActivityRole {
  Id activity_id = 0;
  Id employee_id = 0;
  std::string role;
  friend bool operator==(const ActivityRole&, const ActivityRole&) = default;
};

struct ActivityStep {
  Id id = 0;
  Id activity_id = 0;
  std::string transition;  // "rencanakan" (the first), "mulai", "ajukan", "teruskan", ...
  std::string from_state;  // "" for the first
  std::string to_state;
  std::optional<Id> actor_employee_id;
  std::string actor_name;
  std::string role;
  std::string reason;  // required for a return and a cancellation
  std::string at;
  friend bool operator==(const ActivityStep&, const ActivityStep&) = default;
};

// A progress note by the people who carry it out ("kemajuan", with the progress reached), or
// feedback by the lead or a reviewer ("umpan_balik").
struct ActivityNote {
  Id id = 0;
  Id activity_id = 0;
  std::string kind;
  std::optional<Id> author_employee_id;
  std::string author_name;
  std::string role;
  std::string text;
  std::optional<int> progress;
  std::string at;
  friend bool operator==(const ActivityNote&, const ActivityNote&) = default;
};

// An evidence file's record; its content is kept beside it.
struct Evidence {
  Id id = 0;
  Id activity_id = 0;
  std::string name;        // the file name as given, cleaned
  std::string media_type;  // from the content: "application/pdf", "image/png", ...
  std::int64_t size = 0;
  std::string sha256;  // hex
  std::optional<Id> uploaded_by;
  std::string uploader_name;
  std::string at;
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

// The largest evidence file, and the most files one activity keeps.
inline constexpr std::size_t kMaxEvidenceBytes = std::size_t{10} * 1024 * 1024;
inline constexpr int kMaxEvidenceFiles = 20;

// The media type of an evidence file, read from its content, never from its name or the sender's
// word: PDF, PNG, JPEG, an Office Open XML document (a ZIP archive named .docx/.xlsx/.pptx), or
// plain text (valid UTF-8 without control characters other than tab and line ends, named .txt or
// .csv). None for anything else.
std::optional<std::string> evidence_media_type(std::string_view name, std::string_view content);

// The file name kept: its last path part, control characters removed, at most 120 bytes of whole
// UTF-8 characters; "berkas" when nothing is left.
std::string evidence_file_name(std::string_view given);

}  // namespace tatakerja::work
