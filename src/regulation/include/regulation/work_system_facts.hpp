// Work-system provisions (Sistem Kerja, PermenPANRB 7/2022) as a region's regulation sets them out.
// Each region writes its own variant, so these are read from the text, never assumed.
#pragma once

#include <string>
#include <vector>

#include "core/source_span.hpp"

namespace tatakerja::regulation {

// Pejabat Level I / II / III (004 Pasal 1 angka 27-29).
struct WorkLevel {
  int level = 0;
  std::string definition;
  std::string article;
  SourceSpan source;
};

// Who decrees a team (tim kerja) of a given scope (003 Pasal 20 (4); 004 Pasal 10 (5)).
struct TeamDecreeAuthority {
  // "lintas_instansi" (across governments), "antar_perangkat_daerah" (across agencies),
  // "perangkat_daerah" (within the agency), "unit_organisasi" (within a unit).
  std::string scope;
  std::string authority;  // "Wali Kota", "Sekretaris Daerah", "Kepala Badan", ...
  std::string article;
  SourceSpan source;
};

// Assignment mechanisms (penugasan): appointment (penunjukan) or volunteering (pengajuan
// sukarela), within a unit, across units, across governments.
struct AssignmentMechanism {
  // "penunjukan_dalam_unit", "penunjukan_lintas_unit", "penunjukan_lintas_instansi",
  // "sukarela_dalam_unit", "sukarela_lintas_unit".
  std::string mechanism;
  std::vector<std::string> steps;  // the steps, when the text lists them
  std::string article;
  SourceSpan source;
};

// One rule of an assignment structure: "Kepala Dinas/Badan menetapkan target kinerja dan menilai
// kinerja Sekretaris Dinas/Badan dan Kepala Bidang".
struct AssignmentRule {
  std::string actor;
  // "menetapkan_target_dan_menilai" (sets targets and appraises), "memberikan_penugasan" (assigns),
  // "penilai_dan_pimpinan_unit" (is appraiser and unit leader), "lainnya".
  std::string action;
  std::vector<std::string> subjects;
  std::string text;
};

// The assignment structure of one kind of agency (004 Pasal 11).
struct AssignmentStructure {
  std::string agency_kind;  // "Sekretariat Daerah", "Dinas/Badan selain DPMPTSP", "UPTD", ...
  std::vector<AssignmentRule> rules;
  std::string article;
  SourceSpan source;
};

struct FlowStage {
  std::string stage;  // "perencanaan", "pelaksanaan", "evaluasi"
  std::vector<std::string> steps;
};

// The plan -> execute -> evaluate flow of one or more kinds of agency (004 Pasal 23; 003 Lampiran
// II).
struct WorkFlow {
  std::vector<std::string> agency_kinds;
  std::vector<FlowStage> stages;
  std::string article;
  SourceSpan source;
};

struct WorkSystem {
  std::vector<std::string> principles;  // prinsip: orientasi pada hasil, kompetensi, ...
  std::vector<WorkLevel> levels;
  std::vector<TeamDecreeAuthority> team_decrees;
  std::vector<AssignmentMechanism> mechanisms;
  std::vector<AssignmentStructure> assignment_structures;
  std::vector<WorkFlow> flows;
  bool empty() const {
    return principles.empty() && levels.empty() && team_decrees.empty() && mechanisms.empty() &&
           assignment_structures.empty() && flows.empty();
  }
};

}  // namespace tatakerja::regulation
