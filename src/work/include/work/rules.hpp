// A region's work-system rules (DOMAIN.md section 4), derived from the work-system provisions the
// regulation engine reads (regulation::WorkSystem), over PermenPANRB 7/2022's defaults for what the
// region's regulation does not say. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "regulation/work_system_facts.hpp"
#include "work/model.hpp"

namespace tatakerja::work {

// The source every default rule names.
inline constexpr std::string_view kDefaultSource = "PermenPANRB 7/2022";

// The regulation a region's rules are read from.
struct RegulationSource {
  std::optional<Id> regulation_id;
  std::string name;  // "Peraturan Wali Kota Batam Nomor 20 Tahun 2024"
};

// The key of an agency kind as a regulation writes it: "sekretariat_daerah", "sekretariat_dprd",
// "inspektorat", "dinas_badan" (a Dinas or Badan other than the DPMPTSP), "dpmptsp", "uptd"
// (other than schools), "sekolah" (UPTD Pendidikan Formal dan Non Formal); "" when none fits.
std::string agency_kind_key(std::string_view written);
// The Indonesian name of an agency kind key ("Dinas/Badan"); the key itself when unknown.
std::string_view agency_kind_label(std::string_view key);

// The review chain of a flow: who reviews the results, in order, up to the one who accepts them
// (read from the evaluation stage: "X meninjau", "kepada Y untuk ditinjau", "ditinjau oleh Z",
// "setelah W menerima"; a name that contains one already in the chain is the same stop).
// 004's Sekretariat Daerah: Kepala Bagian, Asisten Daerah, Sekretaris Daerah.
std::vector<std::string> review_chain(const regulation::WorkFlow& flow);

// The full set of PermenPANRB 7/2022's defaults (origin Default), for a region whose head is
// `head_of_region` ("Wali Kota", "Bupati", "Gubernur"): three levels, the decree authority of each
// team scope, the five mechanisms, the assignment structure and the flow of each agency kind, and
// the return for rework.
std::vector<Rule> default_rules(std::string_view head_of_region);

// The rules a regulation's work-system provisions give (origin Regulation, each with its article);
// empty when it has none.
std::vector<Rule> rules_from_regulation(const regulation::WorkSystem& ws,
                                        const RegulationSource& source);

// `base` with every rule of `over` put in place of the base rule of the same kind and key (or
// added), in the order of sort_rules.
std::vector<Rule> overlay_rules(std::vector<Rule> base, const std::vector<Rule>& over);

// The rules in presentation order: by kind (RuleKind's order), then by key in its kind's order
// (levels 1..3, scopes from the unit up, mechanisms as the texts list them, agency kinds as the
// issue lists them), unknown keys last by name.
void sort_rules(std::vector<Rule>& rules);

// The rule of `kind` and `key`, or null.
const Rule* find_rule(const std::vector<Rule>& rules, RuleKind kind, std::string_view key);

// The TeamDecree rule that decides a team of `scope`: its own key; a unit's team falls back to the
// agency's ("perangkat_daerah") when the rules name no unit decree. Null when there is none.
const Rule* decree_rule_for(const std::vector<Rule>& rules, TeamScope scope);
// The TeamDecree key of a scope: "unit_organisasi", "perangkat_daerah" (across units of one
// agency), "antar_perangkat_daerah", "lintas_instansi".
std::string_view decree_key(TeamScope scope);

}  // namespace tatakerja::work
