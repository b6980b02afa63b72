#include "work/rules.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/text.hpp"

namespace tatakerja::work {

using text::collapse_spaces;
using text::iends_with;
using text::ifind;
using text::istarts_with;
using text::parse_int;
using text::trim;

namespace {

bool has(std::string_view hay, std::string_view needle) {
  return ifind(hay, needle) != std::string_view::npos;
}

constexpr std::array<std::string_view, 4> kDecreeKeys = {
    "unit_organisasi", "perangkat_daerah", "antar_perangkat_daerah", "lintas_instansi"};
constexpr std::array<std::string_view, 5> kMechanismKeys = {
    "penunjukan_dalam_unit", "penunjukan_lintas_unit", "penunjukan_lintas_instansi",
    "sukarela_dalam_unit", "sukarela_lintas_unit"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kAgencyKinds = {{
    {"sekretariat_daerah", "Sekretariat Daerah"},
    {"sekretariat_dprd", "Sekretariat DPRD"},
    {"inspektorat", "Inspektorat Daerah"},
    {"dinas_badan", "Dinas/Badan"},
    {"dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"},
    {"uptd", "UPTD"},
    {"sekolah", "UPTD Pendidikan Formal dan Non Formal (sekolah)"},
}};

std::string_view mechanism_label(std::string_view key) {
  if (key == "penunjukan_dalam_unit") return "Penunjukan di dalam unit organisasi";
  if (key == "penunjukan_lintas_unit") return "Penunjukan lintas unit organisasi";
  if (key == "penunjukan_lintas_instansi") return "Penunjukan lintas instansi pemerintah";
  if (key == "sukarela_dalam_unit") return "Pengajuan sukarela di dalam unit organisasi";
  if (key == "sukarela_lintas_unit") return "Pengajuan sukarela lintas unit organisasi";
  return key;
}

template <std::size_t N>
std::size_t index_in(const std::array<std::string_view, N>& keys, std::string_view key) {
  for (std::size_t i = 0; i < N; ++i) {
    if (keys[i] == key) return i;
  }
  return N;
}

std::size_t key_order(const Rule& r) {
  switch (r.kind) {
    case RuleKind::Level: {
      const auto n = parse_int(r.key);
      return n ? static_cast<std::size_t>(*n) : 1000;
    }
    case RuleKind::TeamDecree:
      return index_in(kDecreeKeys, r.key);
    case RuleKind::Mechanism:
      return index_in(kMechanismKeys, r.key);
    case RuleKind::AssignmentStructure:
    case RuleKind::Flow:
      for (std::size_t i = 0; i < kAgencyKinds.size(); ++i) {
        if (kAgencyKinds[i].first == r.key) return i;
      }
      return kAgencyKinds.size();
    case RuleKind::Rework:
      return 0;
  }
  return 1000;
}

Rule make(RuleKind kind, std::string key, std::string statement, std::vector<std::string> items,
          std::string article) {
  Rule r;
  r.kind = kind;
  r.key = std::move(key);
  r.statement = std::move(statement);
  r.items = std::move(items);
  r.origin = RuleOrigin::Default;
  r.source = std::string(kDefaultSource);
  r.article = std::move(article);
  return r;
}

// A name read from a step: trimmed, without a trailing "masing-masing", comma or full stop.
std::string clean_name(std::string_view s) {
  std::string out = collapse_spaces(trim(s));
  for (bool changed = true; changed;) {
    changed = false;
    while (!out.empty() && (out.back() == ',' || out.back() == '.' || out.back() == ' ')) {
      out.pop_back();
      changed = true;
    }
    if (iends_with(out, "masing-masing")) {
      out.resize(out.size() - std::string_view("masing-masing").size());
      changed = true;
    }
  }
  return out;
}

// The names a step says review or accept the results, with where each stands in the step.
std::vector<std::pair<std::size_t, std::string>> reviewers_in(std::string_view step) {
  std::vector<std::pair<std::size_t, std::string>> out;
  // "X meninjau ...": X is what the sentence starts with.
  std::size_t sentence = 0;
  for (std::size_t at = ifind(step, " meninjau"); at != std::string_view::npos;
       at = ifind(step, " meninjau", at + 1)) {
    const std::size_t dot = step.rfind(". ", at);
    sentence = dot == std::string_view::npos ? 0 : dot + 2;
    out.emplace_back(sentence, clean_name(step.substr(sentence, at - sentence)));
  }
  const auto between = [&](std::string_view open, std::string_view close) {
    for (std::size_t at = ifind(step, open); at != std::string_view::npos;
         at = ifind(step, open, at + 1)) {
      const std::size_t from = at + open.size();
      const std::size_t to = close.empty() ? step.find('.', from) : ifind(step, close, from);
      const std::size_t end = to == std::string_view::npos ? step.size() : to;
      if (close.empty() || to != std::string_view::npos) {
        out.emplace_back(from, clean_name(step.substr(from, end - from)));
      }
    }
  };
  between("kepada ", " untuk ditinjau");
  between("ditinjau oleh ", "");
  between("setelah ", " menerima");
  std::sort(out.begin(), out.end());
  return out;
}

void add_flow_items(Rule& r, const regulation::WorkFlow& f) {
  for (const auto& stage : f.stages) {
    for (const auto& step : stage.steps) r.items.push_back(stage.stage + ": " + step);
  }
}

}  // namespace

std::string agency_kind_key(std::string_view written) {
  const std::string s = collapse_spaces(trim(written));
  if (s.empty()) return "";
  if (has(s, "sekretariat daerah")) return "sekretariat_daerah";
  if (has(s, "sekretariat dprd") || has(s, "sekretariat dewan")) return "sekretariat_dprd";
  if (istarts_with(s, "uptd") || istarts_with(s, "unit pelaksana teknis")) {
    if (has(s, "selain")) return "uptd";
    return has(s, "pendidikan") || has(s, "sekolah") ? "sekolah" : "uptd";
  }
  if (has(s, "sekolah")) return "sekolah";
  if (has(s, "inspektorat") || has(s, "inpektorat")) return "inspektorat";
  if (has(s, "selain")) return "dinas_badan";  // "Dinas/Badan selain DPMPTSP"
  if (has(s, "penanaman modal") || has(s, "dpmptsp")) return "dpmptsp";
  if (istarts_with(s, "dinas") || istarts_with(s, "badan")) return "dinas_badan";
  return "";
}

std::string_view agency_kind_label(std::string_view key) {
  for (const auto& [k, label] : kAgencyKinds) {
    if (k == key) return label;
  }
  return key;
}

std::vector<std::string> review_chain(const regulation::WorkFlow& flow) {
  std::vector<std::string> chain;
  for (const auto& stage : flow.stages) {
    if (stage.stage != "evaluasi") continue;
    for (const auto& step : stage.steps) {
      for (auto& reviewer : reviewers_in(step)) {
        std::string& name = reviewer.second;
        if (name.empty() || name.size() > 200) continue;
        const bool known = std::any_of(chain.begin(), chain.end(), [&](const std::string& c) {
          return has(name, c) || has(c, name);
        });
        if (!known) chain.push_back(std::move(name));
      }
    }
  }
  return chain;
}

std::vector<Rule> default_rules(std::string_view head_of_region) {
  // PermenPANRB 7/2022 sets the work system for every government; the texts of the corpus (003,
  // 004) follow it. The article named is where the ministerial regulation sets the rule out.
  const std::string head = head_of_region.empty() ? "Kepala Daerah" : std::string(head_of_region);
  std::vector<Rule> r;
  r.push_back(make(RuleKind::Level, "1",
                   "Pejabat dengan level kedudukan tertinggi dalam struktur organisasi pada unit "
                   "organisasi",
                   {}, "Lampiran"));
  r.push_back(make(RuleKind::Level, "2",
                   "Pejabat yang berkedudukan di bawah Pejabat Level I dalam struktur organisasi "
                   "pada unit organisasi",
                   {}, "Lampiran"));
  r.push_back(make(RuleKind::Level, "3",
                   "Pejabat yang berkedudukan di bawah Pejabat Level II dalam struktur organisasi "
                   "pada unit organisasi",
                   {}, "Lampiran"));
  r.push_back(
      make(RuleKind::TeamDecree, "perangkat_daerah", "Kepala Perangkat Daerah", {}, "Lampiran"));
  r.push_back(
      make(RuleKind::TeamDecree, "antar_perangkat_daerah", "Sekretaris Daerah", {}, "Lampiran"));
  r.push_back(make(RuleKind::TeamDecree, "lintas_instansi", head, {}, "Lampiran"));
  r.push_back(make(RuleKind::Mechanism, "penunjukan_dalam_unit",
                   std::string(mechanism_label("penunjukan_dalam_unit")),
                   {"Pejabat Penilai Kinerja menunjuk langsung Pejabat Fungsional atau Pelaksana "
                    "di dalam unit organisasi yang sama"},
                   "Lampiran"));
  r.push_back(make(
      RuleKind::Mechanism, "penunjukan_lintas_unit",
      std::string(mechanism_label("penunjukan_lintas_unit")),
      {"Pimpinan unit organisasi pemilik kinerja menyampaikan surat permohonan pelibatan kepada "
       "pimpinan unit organisasi tujuan, dengan tembusan kepada Pejabat Penilai Kinerja pejabat "
       "yang diminta",
       "Pejabat Penilai Kinerja menyetujui dan menerbitkan surat penugasan, atau menolak dengan "
       "alasan tertulis",
       "Pejabat Fungsional atau Pelaksana menerima surat penugasan"},
      "Lampiran"));
  r.push_back(make(
      RuleKind::Mechanism, "penunjukan_lintas_instansi",
      std::string(mechanism_label("penunjukan_lintas_instansi")),
      {"Pimpinan unit organisasi pemilik kinerja mengajukan permohonan kepada Pejabat yang "
       "Berwenang instansinya, dengan tembusan kepada Pejabat Penilai Kinerja",
       "Jika disetujui, Pejabat yang Berwenang mengajukan permohonan kepada Pejabat yang Berwenang "
       "instansi tujuan",
       "Jika disetujui, Pejabat yang Berwenang instansi tujuan memerintahkan Pejabat Penilai "
       "Kinerja di sana menugaskan pejabat yang sesuai kriteria"},
      "Lampiran"));
  r.push_back(make(RuleKind::Mechanism, "sukarela_dalam_unit",
                   std::string(mechanism_label("sukarela_dalam_unit")),
                   {"Pejabat Fungsional atau Pelaksana menyampaikan secara lisan kepada Pejabat "
                    "Penilai Kinerja",
                    "Jika disetujui, Pejabat Penilai Kinerja menerbitkan surat penugasan",
                    "Pejabat Fungsional atau Pelaksana menerima surat penugasan"},
                   "Lampiran"));
  r.push_back(make(
      RuleKind::Mechanism, "sukarela_lintas_unit",
      std::string(mechanism_label("sukarela_lintas_unit")),
      {"Pejabat Fungsional atau Pelaksana menyampaikan permohonan yang diketahui Pejabat Penilai "
       "Kinerja kepada pimpinan unit organisasi tujuan, dengan tembusan kepada Pejabat Penilai "
       "Kinerja",
       "Jika disetujui, persetujuan diteruskan kepada Pejabat Penilai Kinerja dengan tembusan "
       "kepada pimpinan unit organisasi tujuan",
       "Jika Pejabat Penilai Kinerja menyetujui, Pejabat Penilai Kinerja menerbitkan surat "
       "penugasan",
       "Pejabat Fungsional atau Pelaksana menerima surat penugasan"},
      "Lampiran"));
  r.push_back(
      make(RuleKind::AssignmentStructure, "sekretariat_daerah", "Sekretariat Daerah",
           {"Asisten menetapkan target kinerja dan menilai kinerja Kepala Bagian",
            "Kepala Bagian memberikan penugasan kepada Pejabat Fungsional dan Pelaksana",
            "Kepala Bagian selaku Pejabat Penilai Kinerja sekaligus Pimpinan Unit Organisasi"},
           "Lampiran"));
  r.push_back(make(RuleKind::AssignmentStructure, "dinas_badan", "Dinas/Badan",
                   {"Kepala Dinas/Badan menetapkan target kinerja dan menilai kinerja Sekretaris "
                    "dan Kepala Bidang",
                    "Sekretaris dan Kepala Bidang memberikan penugasan kepada Kepala Subbagian, "
                    "Kepala Seksi/Subbidang, Pejabat Fungsional dan Pelaksana",
                    "Sekretaris dan Kepala Bidang selaku Pejabat Penilai Kinerja sekaligus "
                    "Pimpinan Unit Organisasi"},
                   "Lampiran"));
  r.push_back(
      make(RuleKind::AssignmentStructure, "dpmptsp", std::string(agency_kind_label("dpmptsp")),
           {"Kepala Dinas selaku Pejabat Penilai Kinerja sekaligus Pimpinan Unit Organisasi",
            "Kepala Dinas menetapkan target kinerja dan menilai kinerja Sekretaris Dinas, "
            "Pejabat Fungsional dan Pelaksana",
            "Kepala Dinas memberikan penugasan kepada Pejabat Fungsional dan Pelaksana"},
           "Lampiran"));
  r.push_back(make(
      RuleKind::AssignmentStructure, "uptd", "UPTD",
      {"Kepala UPTD selaku Pejabat Penilai Kinerja sekaligus Pimpinan Unit Organisasi",
       "Kepala UPTD menetapkan target kinerja dan menilai kinerja Pejabat Fungsional dan Pelaksana",
       "Kepala UPTD memberikan penugasan kepada Pejabat Fungsional dan Pelaksana"},
      "Lampiran"));
  r.push_back(make(RuleKind::AssignmentStructure, "sekolah",
                   std::string(agency_kind_label("sekolah")),
                   {"Kepala Sekolah selaku Pejabat Penilai Kinerja sekaligus Pimpinan Unit "
                    "Organisasi",
                    "Kepala Sekolah menetapkan target kinerja, menilai kinerja dan memberikan "
                    "penugasan kepada Pejabat Fungsional dan Pelaksana"},
                   "Lampiran"));
  // One step at a time: a list of long literals reads as a missing comma to clang-tidy.
  std::vector<std::string> common;
  common.emplace_back(
      "perencanaan: Pejabat Level I menetapkan perjanjian kinerja dan membagi target kinerja "
      "kepada Pejabat Level II");
  common.emplace_back(
      "perencanaan: Pejabat Level II merumuskan strategi dan menyampaikan ekspektasi kepada "
      "Pejabat Fungsional dan Pelaksana");
  common.emplace_back(
      "pelaksanaan: Pejabat Fungsional dan Pelaksana melaksanakan kegiatan sesuai perannya; "
      "Pejabat Level II dan/atau Ketua Tim memantau dan memberi umpan balik");
  common.emplace_back(
      "evaluasi: Pejabat Level II meninjau hasil dan meneruskan yang sesuai target kepada Pejabat "
      "Level I");
  common.emplace_back(
      "evaluasi: Kegiatan dinyatakan selesai setelah Pejabat Level I menerima hasilnya");
  r.push_back(make(RuleKind::Flow, "sekretariat_daerah",
                   "Kepala Bagian > Asisten Daerah > Sekretaris Daerah", common, "Lampiran"));
  r.push_back(make(RuleKind::Flow, "dinas_badan",
                   "Sekretaris dan Kepala Bidang > Kepala Dinas/Badan", common, "Lampiran"));
  r.push_back(make(RuleKind::Flow, "dpmptsp", "Kepala Dinas", common, "Lampiran"));
  r.push_back(make(RuleKind::Flow, "uptd", "Kepala UPTD", common, "Lampiran"));
  r.push_back(make(RuleKind::Flow, "sekolah", "Kepala Sekolah", common, "Lampiran"));
  r.push_back(make(RuleKind::Rework, "pengembalian",
                   "Hasil pelaksanaan kegiatan yang tidak sesuai dengan target ataupun ekspektasi "
                   "dikembalikan kepada individu atau tim kerja untuk disesuaikan kembali",
                   {}, "Lampiran"));
  sort_rules(r);
  return r;
}

std::vector<Rule> rules_from_regulation(const regulation::WorkSystem& ws,
                                        const RegulationSource& source) {
  std::vector<Rule> out;
  const auto add = [&](RuleKind kind, std::string key, std::string statement,
                       std::vector<std::string> items, const std::string& article) {
    if (key.empty() || find_rule(out, kind, key) != nullptr) return;  // the first one counts
    Rule r;
    r.kind = kind;
    r.key = std::move(key);
    r.statement = std::move(statement);
    r.items = std::move(items);
    r.origin = RuleOrigin::Regulation;
    r.regulation_id = source.regulation_id;
    r.source = source.name;
    r.article = article;
    out.push_back(std::move(r));
  };
  for (const auto& l : ws.levels) {
    add(RuleKind::Level, std::to_string(l.level), l.definition, {}, l.article);
  }
  for (const auto& d : ws.team_decrees) {
    add(RuleKind::TeamDecree, d.scope, d.authority, {}, d.article);
  }
  for (const auto& m : ws.mechanisms) {
    add(RuleKind::Mechanism, m.mechanism, std::string(mechanism_label(m.mechanism)), m.steps,
        m.article);
  }
  for (const auto& s : ws.assignment_structures) {
    std::vector<std::string> items;
    for (const auto& rule : s.rules) items.push_back(rule.text);
    add(RuleKind::AssignmentStructure, agency_kind_key(s.agency_kind), s.agency_kind, items,
        s.article);
  }
  const Rule* rework = nullptr;
  for (const auto& f : ws.flows) {
    const std::vector<std::string> chain = review_chain(f);
    std::string statement;
    for (const auto& c : chain) statement += (statement.empty() ? "" : " > ") + c;
    for (const auto& kind : f.agency_kinds) {
      Rule flow;
      add_flow_items(flow, f);
      add(RuleKind::Flow, agency_kind_key(kind), statement, flow.items, f.article);
    }
    for (const auto& stage : f.stages) {
      if (stage.stage != "evaluasi" || rework != nullptr) continue;
      for (const auto& step : stage.steps) {
        if (has(step, "dikembalikan")) {
          add(RuleKind::Rework, "pengembalian", step, {}, f.article);
          rework = find_rule(out, RuleKind::Rework, "pengembalian");
          break;
        }
      }
    }
  }
  sort_rules(out);
  return out;
}

std::vector<Rule> overlay_rules(std::vector<Rule> base, const std::vector<Rule>& over) {
  for (const Rule& r : over) {
    auto it = std::find_if(base.begin(), base.end(),
                           [&](const Rule& b) { return b.kind == r.kind && b.key == r.key; });
    if (it == base.end()) {
      base.push_back(r);
    } else {
      const Id id = it->id;
      const Id region = it->region_id;
      *it = r;
      it->id = id;
      it->region_id = region;
    }
  }
  sort_rules(base);
  return base;
}

void sort_rules(std::vector<Rule>& rules) {
  std::stable_sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    const std::size_t ka = key_order(a);
    const std::size_t kb = key_order(b);
    if (ka != kb) return ka < kb;
    return a.key < b.key;
  });
}

const Rule* find_rule(const std::vector<Rule>& rules, RuleKind kind, std::string_view key) {
  for (const Rule& r : rules) {
    if (r.kind == kind && r.key == key) return &r;
  }
  return nullptr;
}

std::string_view decree_key(TeamScope scope) {
  switch (scope) {
    case TeamScope::Unit:
      return "unit_organisasi";
    case TeamScope::AcrossUnits:
      return "perangkat_daerah";
    case TeamScope::AcrossAgencies:
      return "antar_perangkat_daerah";
    case TeamScope::AcrossGovernments:
      return "lintas_instansi";
  }
  return "";
}

const Rule* decree_rule_for(const std::vector<Rule>& rules, TeamScope scope) {
  const Rule* r = find_rule(rules, RuleKind::TeamDecree, decree_key(scope));
  if (r == nullptr && scope == TeamScope::Unit) {
    r = find_rule(rules, RuleKind::TeamDecree, "perangkat_daerah");
  }
  return r;
}

}  // namespace tatakerja::work
