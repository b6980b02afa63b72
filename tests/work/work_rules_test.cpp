// The work system's pure rules (src/work): a region's rules derived from the work-system provisions
// of 003 (Kota Batam, one Badan) and 004 (Kabupaten Kupang, every kind of agency), which give
// different structures and flows; PermenPANRB 7/2022's defaults for a region without its own
// regulation; teams' scope, decree authority, drafted decree, warnings and membership over time.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus.hpp"
#include "regulation/extraction.hpp"
#include "regulation/parser.hpp"
#include "work/rules.hpp"
#include "work/teams.hpp"

namespace tatakerja::work {
namespace {

std::vector<Rule> rules_of(const std::string& prefix, const std::string& name, Id regulation) {
  regulation::Document doc = regulation::parse_document(testing::corpus_text(prefix));
  regulation::Extraction x;
  regulation::extract_structure(doc, x);
  regulation::extract_work_system(doc, x);
  return rules_from_regulation(x.work_system, {regulation, name});
}

// The region's rules after importing a text: the text's rules over the defaults.
std::vector<Rule> region_rules(const std::string& prefix, const std::string& head) {
  return overlay_rules(default_rules(head), rules_of(prefix, "Peraturan " + prefix, 7));
}

TEST(WorkRules, DefaultsAreMarkedAsThePermenPanrbs) {
  const auto d = default_rules("Bupati");
  ASSERT_FALSE(d.empty());
  for (const auto& r : d) {
    SCOPED_TRACE(r.key);
    EXPECT_EQ(r.origin, RuleOrigin::Default);
    EXPECT_EQ(r.source, "PermenPANRB 7/2022");
    EXPECT_FALSE(r.article.empty());
    EXPECT_FALSE(r.regulation_id.has_value());
    EXPECT_FALSE(r.statement.empty());
  }
  // Three levels; decree authorities for the agency, across agencies and across governments.
  EXPECT_NE(find_rule(d, RuleKind::Level, "3"), nullptr);
  EXPECT_EQ(find_rule(d, RuleKind::TeamDecree, "lintas_instansi")->statement, "Bupati");
  EXPECT_EQ(find_rule(d, RuleKind::TeamDecree, "antar_perangkat_daerah")->statement,
            "Sekretaris Daerah");
  // The five mechanisms, and a structure and a flow for each of the five kinds of agency.
  for (const char* m :
       {"penunjukan_dalam_unit", "penunjukan_lintas_unit", "penunjukan_lintas_instansi",
        "sukarela_dalam_unit", "sukarela_lintas_unit"}) {
    EXPECT_NE(find_rule(d, RuleKind::Mechanism, m), nullptr) << m;
  }
  for (const char* k : {"sekretariat_daerah", "dinas_badan", "dpmptsp", "uptd", "sekolah"}) {
    EXPECT_NE(find_rule(d, RuleKind::AssignmentStructure, k), nullptr) << k;
    EXPECT_NE(find_rule(d, RuleKind::Flow, k), nullptr) << k;
  }
  // The Sekretariat Daerah's extra level: three stops against the Dinas/Badan's two.
  EXPECT_EQ(find_rule(d, RuleKind::Flow, "sekretariat_daerah")->statement,
            "Kepala Bagian > Asisten Daerah > Sekretaris Daerah");
  EXPECT_NE(find_rule(d, RuleKind::Rework, "pengembalian"), nullptr);
  // A unit's team is decreed as the agency's when no rule names the unit.
  EXPECT_EQ(decree_rule_for(d, TeamScope::Unit)->statement, "Kepala Perangkat Daerah");
}

TEST(WorkRules, Batam003) {
  const auto own = rules_of("003", "Peraturan Wali Kota Nomor 20 Tahun 2024", 3);
  for (const auto& r : own) {
    EXPECT_EQ(r.origin, RuleOrigin::Regulation);
    EXPECT_EQ(r.regulation_id, 3);
    EXPECT_EQ(r.source, "Peraturan Wali Kota Nomor 20 Tahun 2024");
  }
  const auto rules = region_rules("003", "Wali Kota");
  // Team decrees from Pasal 20 (4).
  const Rule* across = find_rule(rules, RuleKind::TeamDecree, "lintas_instansi");
  ASSERT_NE(across, nullptr);
  EXPECT_EQ(across->statement, "Wali Kota");
  EXPECT_EQ(across->article, "Pasal 20 ayat (4) huruf a");
  EXPECT_EQ(across->origin, RuleOrigin::Regulation);
  EXPECT_EQ(decree_rule_for(rules, TeamScope::Unit)->statement, "Kepala Badan");
  EXPECT_EQ(decree_rule_for(rules, TeamScope::Unit)->article, "Pasal 20 ayat (4) huruf c");
  EXPECT_EQ(decree_rule_for(rules, TeamScope::AcrossAgencies)->statement, "Sekretaris Daerah");
  // The mechanisms with their steps from Lampiran II.
  const Rule* cross = find_rule(rules, RuleKind::Mechanism, "penunjukan_lintas_unit");
  ASSERT_NE(cross, nullptr);
  EXPECT_EQ(cross->items.size(), 3u);
  EXPECT_EQ(cross->article.rfind("Lampiran II ", 0), 0u);
  // 003 sets no levels and no assignment structures: those are the defaults.
  EXPECT_EQ(find_rule(rules, RuleKind::Level, "1")->origin, RuleOrigin::Default);
  EXPECT_EQ(find_rule(rules, RuleKind::AssignmentStructure, "dinas_badan")->origin,
            RuleOrigin::Default);
  // The Badan's flow: Sekretaris/Koordinator reviews, Kepala Badan accepts.
  const Rule* flow = find_rule(rules, RuleKind::Flow, "dinas_badan");
  ASSERT_NE(flow, nullptr);
  EXPECT_EQ(flow->origin, RuleOrigin::Regulation);
  EXPECT_EQ(flow->article, "Lampiran II bagian I");
  EXPECT_EQ(flow->statement, "Sekretaris/Koordinator > Kepala Badan");
  EXPECT_EQ(flow->items.size(), 16u);  // 8 + 5 + 3 steps
  EXPECT_EQ(flow->items.front().rfind("perencanaan: Kepala Badan menyusun", 0), 0u);
  // No return for rework in 003: the default.
  EXPECT_EQ(find_rule(rules, RuleKind::Rework, "pengembalian")->origin, RuleOrigin::Default);
  EXPECT_EQ(find_rule(rules, RuleKind::Flow, "sekretariat_daerah")->origin, RuleOrigin::Default);
}

TEST(WorkRules, Kupang004) {
  const auto rules = region_rules("004", "Bupati");
  // Levels from Pasal 1 angka 27-29.
  const Rule* l1 = find_rule(rules, RuleKind::Level, "1");
  ASSERT_NE(l1, nullptr);
  EXPECT_EQ(l1->origin, RuleOrigin::Regulation);
  EXPECT_EQ(l1->article, "Pasal 1 angka 27");
  // Pasal 10 (5): the unit leader decrees a unit's team; the rest are the defaults.
  EXPECT_EQ(decree_rule_for(rules, TeamScope::Unit)->statement, "Pimpinan Unit Organisasi");
  EXPECT_EQ(decree_rule_for(rules, TeamScope::Unit)->article, "Pasal 10 ayat (5)");
  EXPECT_EQ(decree_rule_for(rules, TeamScope::AcrossGovernments)->statement, "Bupati");
  EXPECT_EQ(decree_rule_for(rules, TeamScope::AcrossGovernments)->origin, RuleOrigin::Default);
  // Assignment structures per agency kind from Pasal 11, different from 003 (which has none).
  const Rule* setda = find_rule(rules, RuleKind::AssignmentStructure, "sekretariat_daerah");
  ASSERT_NE(setda, nullptr);
  EXPECT_EQ(setda->origin, RuleOrigin::Regulation);
  EXPECT_EQ(setda->article, "Pasal 11 huruf a");
  EXPECT_EQ(setda->items.size(), 3u);
  EXPECT_EQ(find_rule(rules, RuleKind::AssignmentStructure, "dinas_badan")->article,
            "Pasal 11 huruf d");
  EXPECT_EQ(find_rule(rules, RuleKind::AssignmentStructure, "dpmptsp")->article,
            "Pasal 11 huruf e");
  EXPECT_EQ(find_rule(rules, RuleKind::AssignmentStructure, "uptd")->article, "Pasal 11 huruf f");
  EXPECT_EQ(find_rule(rules, RuleKind::AssignmentStructure, "sekolah")->article,
            "Pasal 11 huruf g");
  EXPECT_EQ(find_rule(rules, RuleKind::AssignmentStructure, "inspektorat")->article,
            "Pasal 11 huruf c");
  // Flows from Pasal 23: the Sekretariat Daerah's extra level.
  const Rule* f_setda = find_rule(rules, RuleKind::Flow, "sekretariat_daerah");
  ASSERT_NE(f_setda, nullptr);
  EXPECT_EQ(f_setda->article, "Pasal 23 ayat (1)");
  EXPECT_EQ(f_setda->statement, "Kepala Bagian > Asisten Daerah > Sekretaris Daerah");
  const Rule* f_dinas = find_rule(rules, RuleKind::Flow, "dinas_badan");
  ASSERT_NE(f_dinas, nullptr);
  EXPECT_EQ(f_dinas->article, "Pasal 23 ayat (2)");
  EXPECT_EQ(f_dinas->statement,
            "Kepala Bagian, Inspektur Pembantu, Sekretaris Dinas/Badan dan Kepala Bidang > Kepala "
            "Dinas/Badan");
  EXPECT_EQ(find_rule(rules, RuleKind::Flow, "inspektorat")->article, "Pasal 23 ayat (2)");
  EXPECT_EQ(find_rule(rules, RuleKind::Flow, "uptd")->statement, "Kepala UPTD");
  EXPECT_EQ(find_rule(rules, RuleKind::Flow, "sekolah")->statement, "Kepala Sekolah");
  EXPECT_EQ(find_rule(rules, RuleKind::Flow, "sekolah")->article, "Pasal 23 ayat (4)");
  // DPMPTSP has no flow of its own in 004: the default.
  EXPECT_EQ(find_rule(rules, RuleKind::Flow, "dpmptsp")->origin, RuleOrigin::Default);
  // Return for rework from Pasal 23 (3).
  const Rule* rework = find_rule(rules, RuleKind::Rework, "pengembalian");
  ASSERT_NE(rework, nullptr);
  EXPECT_EQ(rework->origin, RuleOrigin::Regulation);
  EXPECT_EQ(rework->article, "Pasal 23 ayat (3)");
  EXPECT_NE(rework->statement.find("dikembalikan kepada individu atau tim kerja"),
            std::string::npos);
}

TEST(WorkRules, TextsWithoutProvisionsGiveNoRules) {
  for (const char* prefix : {"000", "001", "002"}) {
    EXPECT_TRUE(rules_of(prefix, "x", 1).empty()) << prefix;
  }
}

TEST(WorkRules, AgencyKindKeys) {
  EXPECT_EQ(agency_kind_key("Sekretariat Daerah"), "sekretariat_daerah");
  EXPECT_EQ(agency_kind_key("Inpektorat Daerah"), "inspektorat");
  EXPECT_EQ(
      agency_kind_key("Dinas/Badan selain Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
      "dinas_badan");
  EXPECT_EQ(agency_kind_key("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"), "dpmptsp");
  EXPECT_EQ(agency_kind_key("UPTD selain UPTD Pendidikan Formal dan Non Formal"), "uptd");
  EXPECT_EQ(agency_kind_key("UPTD Pendidikan Formal dan Non formal"), "sekolah");
  EXPECT_EQ(agency_kind_key("Badan"), "dinas_badan");
  EXPECT_EQ(agency_kind_key("Kecamatan"), "");
}

TEST(WorkRules, AChangedRuleSurvivesOverlayOnlyWhereTheTextDoesNotSpeak) {
  auto base = default_rules("Wali Kota");
  for (auto& r : base) r.id = 100 + static_cast<Id>(&r - base.data());
  const auto merged = overlay_rules(base, rules_of("003", "P", 3));
  const Rule* decree = find_rule(merged, RuleKind::TeamDecree, "lintas_instansi");
  EXPECT_EQ(decree->origin, RuleOrigin::Regulation);
  EXPECT_NE(decree->id, 0);  // the stored row is kept
  EXPECT_EQ(merged.size(), base.size() + 0u);
}

TEST(Teams, ScopeFromTheMembersUnits) {
  EXPECT_EQ(scope_of({{1, 10, 100}, {1, 10, 100}}), TeamScope::Unit);
  EXPECT_EQ(scope_of({{1, 10, 100}, {2, 10, 100}}), TeamScope::AcrossUnits);
  EXPECT_EQ(scope_of({{1, 10, 100}, {3, 11, 100}}), TeamScope::AcrossAgencies);
  EXPECT_EQ(scope_of({{1, 10, 100}, {4, 12, 101}}), TeamScope::AcrossGovernments);
}

TEST(Teams, AuthorityAndDecreeFollowTheRegionsRules) {
  const auto rules = region_rules("003", "Wali Kota");
  const DecreeAuthority a = decree_authority(rules, TeamScope::AcrossUnits);
  EXPECT_EQ(a.authority, "Kepala Badan");
  EXPECT_EQ(a.article, "Pasal 20 ayat (4) huruf c");
  EXPECT_FALSE(a.from_default);
  DecreeDraft d;
  d.team_name = "Penyusunan Analisis Jabatan";
  d.kind = TeamKind::Incidental;
  d.target = "Dokumen Anjab tersusun";
  d.owner_unit = "Bidang Mutasi dan Promosi";
  d.agency = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia";
  d.region = "Kota Batam";
  d.authority = a;
  d.members = {{"Siti", "198503122010042001", "Analis SDM Aparatur", TeamRole::Member},
               {"Budi", "198503122010041001", "Pranata Komputer", TeamRole::Lead}};
  d.formed = Date{2026, 3, 2};
  const std::string text = draft_decree(d);
  EXPECT_NE(text.find("KEPUTUSAN KEPALA BADAN KOTA BATAM"), std::string::npos) << text;
  EXPECT_NE(text.find("Pasal 20 ayat (4) huruf c"), std::string::npos);
  EXPECT_NE(text.find("PEMBENTUKAN TIM KERJA PENYUSUNAN ANALISIS JABATAN"), std::string::npos);
  // The lead is listed first.
  EXPECT_LT(text.find("1. Budi"), text.find("2. Siti"));
  EXPECT_NE(text.find("Budi, NIP 198503122010041001, Pranata Komputer — Ketua Tim"),
            std::string::npos);
  EXPECT_NE(text.find("2 Maret 2026"), std::string::npos);
  // Across governments in a region without rules: the defaults' head of region.
  EXPECT_TRUE(decree_authority({}, TeamScope::AcrossGovernments).from_default);
}

TEST(Teams, LeadFromAnotherUnitIsWarned) {
  EXPECT_TRUE(team_warnings(TeamScope::AcrossUnits, 5, 5).empty());
  EXPECT_EQ(team_warnings(TeamScope::AcrossUnits, 5, 6).size(), 1u);
  EXPECT_TRUE(team_warnings(TeamScope::Unit, 5, 5).empty());
  EXPECT_EQ(team_warnings(TeamScope::Unit, 5, std::nullopt).size(), 1u);
}

TEST(Teams, MembersOnADate) {
  TeamMember old_lead{1, 1, 10, 5, TeamRole::Lead, Date{2026, 1, 5}, Date{2026, 3, 1}, "pensiun"};
  TeamMember member{2, 1, 11, 5, TeamRole::Member, Date{2026, 1, 5}, std::nullopt, ""};
  TeamMember new_lead{3, 1, 12, 5, TeamRole::Lead, Date{2026, 3, 1}, std::nullopt, ""};
  const std::vector<TeamMember> all = {old_lead, member, new_lead};
  EXPECT_TRUE(members_on(all, Date{2026, 1, 4}).empty());
  auto feb = members_on(all, Date{2026, 2, 28});
  ASSERT_EQ(feb.size(), 2u);
  EXPECT_EQ(feb[0].employee_id, 10);
  auto mar = members_on(all, Date{2026, 3, 1});
  ASSERT_EQ(mar.size(), 2u);
  EXPECT_EQ(mar[0].employee_id, 11);
  EXPECT_EQ(mar[1].employee_id, 12);
}

}  // namespace
}  // namespace tatakerja::work
