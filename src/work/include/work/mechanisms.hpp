// The five assignment mechanisms (003 Lampiran II bagian III; 004 Lampiran I; DOMAIN.md section 4)
// as state machines, written as data: each mechanism's states, the first step (who may take it and
// where it leads) and its transitions (from, name, to, the role that may take it, whether a reason
// is required). The use cases run them (app/assignments.hpp); a diagram can be drawn from the same
// definitions (mechanisms()), so a drawing cannot disagree with the behaviour. Pure: no I/O.
#pragma once

#include <string_view>
#include <vector>

namespace tatakerja::work {

// Who may take a step, resolved from the structure and the placements on the day (an acting
// holder, Plt or Plh, holds the role of the position they act in):
//   "pejabat"                  the official asked for (or who volunteers)
//   "penilai"                  the official's appraiser (Pejabat Penilai Kinerja): the holder of
//                              the position the official's position names as its appraiser
//   "pimpinan_unit_pemilik"    the leader (head) of the unit that owns the work
//   "pejabat_berwenang"        the authority of the owner unit's government: the head of its
//                              Sekretariat Daerah (the Sekretaris Daerah)
//   "pejabat_berwenang_tujuan" the same in the government asked
//   "penilai_tujuan"           the leader of the unit asked in the other government, who names
//                              the official
struct RoleInfo {
  std::string_view key;
  std::string_view label;  // Indonesian
};
const std::vector<RoleInfo>& roles();
std::string_view role_label(std::string_view key);

struct StateInfo {
  std::string_view key;
  std::string_view label;  // Indonesian
  bool waiting = false;    // a request waiting for an answer (the deadline runs)
  bool final = false;
};

struct Transition {
  std::string_view from;
  std::string_view name;  // "setujui", "tolak", "tugaskan", "terima"
  std::string_view to;
  std::string_view role;
  bool reason_required = false;
  bool names_official = false;  // the step names the official (across governments)
};

struct Mechanism {
  std::string_view key;    // the mechanism rule's key: "penunjukan_dalam_unit", ...
  std::string_view label;  // Indonesian
  // Where the official sits against the unit that owns the work: "sama_unit" (the same unit),
  // "lintas_unit" (another unit of the same region), "lintas_instansi" (another region).
  std::string_view reach;
  std::string_view first_step;  // "tugaskan" or "ajukan"
  std::string_view first_role;
  std::string_view first_state;
  std::vector<StateInfo> states;
  std::vector<Transition> transitions;
};

// Every mechanism, in the order the regulations list them.
const std::vector<Mechanism>& mechanisms();
// The mechanism of `key`, or null.
const Mechanism* find_mechanism(std::string_view key);
// The state `key` of `m`, or null.
const StateInfo* find_state(const Mechanism& m, std::string_view key);
// The transition named `name` from `state`, or null.
const Transition* find_transition(const Mechanism& m, std::string_view state,
                                  std::string_view name);
// The transitions open from `state`.
std::vector<const Transition*> transitions_from(const Mechanism& m, std::string_view state);

}  // namespace tatakerja::work
