#include "work/mechanisms.hpp"

namespace tatakerja::work {
namespace {

constexpr StateInfo kAwaitAppraiser{"menunggu_penilai", "Menunggu persetujuan pejabat penilai",
                                    true, false};
constexpr StateInfo kAwaitOwnerLeader{"menunggu_pimpinan_unit",
                                      "Menunggu persetujuan pimpinan unit tujuan", true, false};
constexpr StateInfo kAwaitAuthority{"menunggu_pejabat_berwenang",
                                    "Menunggu persetujuan Pejabat yang Berwenang", true, false};
constexpr StateInfo kAwaitTargetAuthority{
    "menunggu_instansi_tujuan", "Menunggu persetujuan Pejabat yang Berwenang instansi tujuan", true,
    false};
constexpr StateInfo kAwaitTargetAppraiser{
    "menunggu_penilai_tujuan", "Menunggu penugasan oleh pejabat penilai di instansi tujuan", true,
    false};
constexpr StateInfo kAssigned{"ditugaskan", "Ditugaskan: surat penugasan diterbitkan", false,
                              false};
constexpr StateInfo kReceived{"diterima", "Diterima oleh pejabat yang ditugaskan", false, true};
constexpr StateInfo kRefused{"ditolak", "Ditolak", false, true};

// An approval and a refusal (with its reason) of a waiting state by one role.
void answer(std::vector<Transition>& t, std::string_view from, std::string_view to,
            std::string_view role) {
  t.push_back({from, "setujui", to, role, false, false});
  t.push_back({from, "tolak", "ditolak", role, true, false});
}

Mechanism within_unit_appointment() {
  Mechanism m{"penunjukan_dalam_unit",
              "Penunjukan di dalam unit organisasi",
              "sama_unit",
              "tugaskan",
              "penilai",
              "ditugaskan",
              {kAssigned, kReceived},
              {}};
  m.transitions.push_back({"ditugaskan", "terima", "diterima", "pejabat", false, false});
  return m;
}

Mechanism across_units_appointment() {
  Mechanism m{"penunjukan_lintas_unit",
              "Penunjukan lintas unit organisasi",
              "lintas_unit",
              "ajukan",
              "pimpinan_unit_pemilik",
              "menunggu_penilai",
              {kAwaitAppraiser, kAssigned, kReceived, kRefused},
              {}};
  answer(m.transitions, "menunggu_penilai", "ditugaskan", "penilai");
  m.transitions.push_back({"ditugaskan", "terima", "diterima", "pejabat", false, false});
  return m;
}

Mechanism across_governments_appointment() {
  Mechanism m{"penunjukan_lintas_instansi",
              "Penunjukan lintas instansi pemerintah",
              "lintas_instansi",
              "ajukan",
              "pimpinan_unit_pemilik",
              "menunggu_pejabat_berwenang",
              {kAwaitAuthority, kAwaitTargetAuthority, kAwaitTargetAppraiser, kAssigned, kReceived,
               kRefused},
              {}};
  answer(m.transitions, "menunggu_pejabat_berwenang", "menunggu_instansi_tujuan",
         "pejabat_berwenang");
  answer(m.transitions, "menunggu_instansi_tujuan", "menunggu_penilai_tujuan",
         "pejabat_berwenang_tujuan");
  m.transitions.push_back(
      {"menunggu_penilai_tujuan", "tugaskan", "ditugaskan", "penilai_tujuan", false, true});
  m.transitions.push_back(
      {"menunggu_penilai_tujuan", "tolak", "ditolak", "penilai_tujuan", true, false});
  m.transitions.push_back({"ditugaskan", "terima", "diterima", "pejabat", false, false});
  return m;
}

Mechanism within_unit_volunteering() {
  Mechanism m{"sukarela_dalam_unit",
              "Pengajuan sukarela di dalam unit organisasi",
              "sama_unit",
              "ajukan",
              "pejabat",
              "menunggu_penilai",
              {kAwaitAppraiser, kAssigned, kReceived, kRefused},
              {}};
  answer(m.transitions, "menunggu_penilai", "ditugaskan", "penilai");
  m.transitions.push_back({"ditugaskan", "terima", "diterima", "pejabat", false, false});
  return m;
}

Mechanism across_units_volunteering() {
  Mechanism m{"sukarela_lintas_unit",
              "Pengajuan sukarela lintas unit organisasi",
              "lintas_unit",
              "ajukan",
              "pejabat",
              "menunggu_pimpinan_unit",
              {kAwaitOwnerLeader, kAwaitAppraiser, kAssigned, kReceived, kRefused},
              {}};
  answer(m.transitions, "menunggu_pimpinan_unit", "menunggu_penilai", "pimpinan_unit_pemilik");
  answer(m.transitions, "menunggu_penilai", "ditugaskan", "penilai");
  m.transitions.push_back({"ditugaskan", "terima", "diterima", "pejabat", false, false});
  return m;
}

}  // namespace

const std::vector<RoleInfo>& roles() {
  static const std::vector<RoleInfo> r{
      {"pejabat", "Pejabat yang ditugaskan"},
      {"penilai", "Pejabat penilai kinerja"},
      {"pimpinan_unit_pemilik", "Pimpinan unit organisasi pemilik kinerja"},
      {"pejabat_berwenang", "Pejabat yang Berwenang"},
      {"pejabat_berwenang_tujuan", "Pejabat yang Berwenang instansi tujuan"},
      {"penilai_tujuan", "Pejabat penilai di instansi tujuan"},
  };
  return r;
}

std::string_view role_label(std::string_view key) {
  for (const auto& r : roles()) {
    if (r.key == key) return r.label;
  }
  return key;
}

const std::vector<Mechanism>& mechanisms() {
  static const std::vector<Mechanism> all{within_unit_appointment(), across_units_appointment(),
                                          across_governments_appointment(),
                                          within_unit_volunteering(), across_units_volunteering()};
  return all;
}

const Mechanism* find_mechanism(std::string_view key) {
  for (const auto& m : mechanisms()) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

const StateInfo* find_state(const Mechanism& m, std::string_view key) {
  for (const auto& s : m.states) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

const Transition* find_transition(const Mechanism& m, std::string_view state,
                                  std::string_view name) {
  for (const auto& t : m.transitions) {
    if (t.from == state && t.name == name) return &t;
  }
  return nullptr;
}

std::vector<const Transition*> transitions_from(const Mechanism& m, std::string_view state) {
  std::vector<const Transition*> out;
  for (const auto& t : m.transitions) {
    if (t.from == state) out.push_back(&t);
  }
  return out;
}

}  // namespace tatakerja::work
