// Work-system extraction on the corpus, against expectations checked by hand against the texts:
// principles, levels, team-decree authorities, assignment mechanisms and structures, work flows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus.hpp"
#include "regulation/extraction.hpp"
#include "regulation/parser.hpp"

namespace tatakerja::regulation {
namespace {

using testing::corpus_text;

Extraction work_system_of(const std::string& prefix, bool with_structure = true) {
  Document doc = parse_document(corpus_text(prefix));
  Extraction x;
  if (with_structure) extract_structure(doc, x);
  extract_work_system(doc, x);
  return x;
}

const std::vector<std::string> kPrinciples = {"orientasi pada hasil", "kompetensi",
                                              "profesionalisme",      "kolaboratif",
                                              "transparansi",         "akuntabel"};

TEST(WorkSystem, Principles) {
  EXPECT_EQ(work_system_of("003").work_system.principles, kPrinciples);
  EXPECT_EQ(work_system_of("004").work_system.principles, kPrinciples);
}

TEST(WorkSystem, NothingInOrganisationOnlyTexts) {
  for (const char* prefix : {"000", "001", "002"}) {
    SCOPED_TRACE(prefix);
    EXPECT_TRUE(work_system_of(prefix).work_system.empty());
  }
}

TEST(WorkSystem, Levels004) {
  const auto& levels = work_system_of("004").work_system.levels;
  ASSERT_EQ(levels.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(levels[i].level, i + 1);
    EXPECT_EQ(levels[i].article, "Pasal 1 angka " + std::to_string(27 + i));
    EXPECT_EQ(levels[i].source.first_line, 71 + i);
  }
  EXPECT_EQ(levels[0].definition,
            "Pejabat dengan Level kedudukan tertinggi dalam struktur organisasi pada unit "
            "organisasi");
  EXPECT_EQ(
      levels[2].definition,
      "Pejabat yang berkedudukan dibawah Pejabat level II dalam struktur organisasi pada unit "
      "organisasi");
  EXPECT_TRUE(work_system_of("003").work_system.levels.empty());
}

TEST(WorkSystem, TeamDecrees003) {
  const auto& d = work_system_of("003").work_system.team_decrees;
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].scope, "lintas_instansi");
  EXPECT_EQ(d[0].authority, "Wali Kota");
  EXPECT_EQ(d[0].article, "Pasal 20 ayat (4) huruf a");
  EXPECT_EQ(d[0].source.first_line, 593);
  EXPECT_EQ(d[1].scope, "antar_perangkat_daerah");
  EXPECT_EQ(d[1].authority, "Sekretaris Daerah");
  EXPECT_EQ(d[2].scope, "perangkat_daerah");
  EXPECT_EQ(d[2].authority, "Kepala Badan");
  EXPECT_EQ(d[2].article, "Pasal 20 ayat (4) huruf c");
}

TEST(WorkSystem, TeamDecrees004) {
  const auto& d = work_system_of("004").work_system.team_decrees;
  ASSERT_EQ(d.size(), 1u);  // not "pengambilan keputusan" in Pasal 13
  EXPECT_EQ(d[0].scope, "unit_organisasi");
  EXPECT_EQ(d[0].authority, "Pimpinan Unit Organisasi");
  EXPECT_EQ(d[0].article, "Pasal 10 ayat (5)");
  EXPECT_EQ(d[0].source.first_line, 162);
}

TEST(WorkSystem, Mechanisms003WithSteps) {
  const auto& m = work_system_of("003").work_system.mechanisms;
  ASSERT_EQ(m.size(), 5u);
  const std::vector<std::pair<std::string, std::size_t>> want = {
      {"penunjukan_dalam_unit", 0},      {"penunjukan_lintas_unit", 3},
      {"penunjukan_lintas_instansi", 3}, {"sukarela_dalam_unit", 3},
      {"sukarela_lintas_unit", 4},
  };
  for (std::size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(want[i].first);
    EXPECT_EQ(m[i].mechanism, want[i].first);
    EXPECT_EQ(m[i].steps.size(), want[i].second);
    EXPECT_EQ(m[i].article.rfind("Lampiran II ", 0), 0u);
  }
  // The second step of the cross-unit appointment keeps its two outcomes.
  EXPECT_NE(m[1].steps[1].find("Apabila Pimpinan Perangkat Daerah menolak"), std::string::npos);
  EXPECT_EQ(m[4].steps[3],
            "Pejabat Fungsional dan Pelaksana menerima surat penugasan untuk dilaksanakan dengan "
            "penuh tanggung jawab");
  EXPECT_EQ(m[0].source.first_line, 829);
}

TEST(WorkSystem, Mechanisms004AreHeadingsOnly) {
  const auto& m = work_system_of("004").work_system.mechanisms;
  ASSERT_EQ(m.size(), 5u);
  const std::vector<std::string> want = {"penunjukan_dalam_unit", "penunjukan_lintas_unit",
                                         "penunjukan_lintas_instansi", "sukarela_dalam_unit",
                                         "sukarela_lintas_unit"};
  for (std::size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(want[i]);
    EXPECT_EQ(m[i].mechanism, want[i]);
    EXPECT_TRUE(m[i].steps.empty());
    EXPECT_EQ(m[i].article.rfind("Lampiran I ", 0), 0u);
  }
  EXPECT_EQ(m[4].source.first_line, 539);
}

TEST(WorkSystem, AssignmentStructures004) {
  const auto& s = work_system_of("004").work_system.assignment_structures;
  ASSERT_EQ(s.size(), 7u);
  const std::vector<std::string> kinds = {
      "Sekretariat Daerah",
      "Sekretariat DPRD",
      "Inpektorat Daerah",  // as written
      "Dinas/Badan selain Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
      "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
      "UPTD selain UPTD Pendidikan Formal dan Non Formal",
      "UPTD Pendidikan Formal dan Non Formal"};
  // The "tercantum dalam Lampiran II" items are no rules; "X selaku Pejabat Penilai Kinerja
  // sekaligus selaku Pimpinan Unit Organisasi menetapkan ..." gives two (three with "serta
  // memberikan penugasan").
  const std::vector<std::size_t> rule_counts = {3, 3, 3, 3, 4, 3, 3};
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    SCOPED_TRACE(kinds[i]);
    EXPECT_EQ(s[i].agency_kind, kinds[i]);
    EXPECT_EQ(s[i].article, std::string("Pasal 11 huruf ") + static_cast<char>('a' + i));
    EXPECT_EQ(s[i].rules.size(), rule_counts[i]);
  }
  // Sekretariat Daerah
  EXPECT_EQ(s[0].rules[0].actor, "Asisten Daerah");
  EXPECT_EQ(s[0].rules[0].action, "menetapkan_target_dan_menilai");
  EXPECT_EQ(s[0].rules[0].subjects, std::vector<std::string>{"Kepala Bagian"});
  EXPECT_EQ(s[0].rules[1].actor, "Kepala Bagian");
  EXPECT_EQ(s[0].rules[1].action, "memberikan_penugasan");
  EXPECT_EQ(s[0].rules[1].subjects, (std::vector<std::string>{"Pejabat Fungsional", "Pelaksana"}));
  EXPECT_EQ(s[0].rules[2].action, "penilai_dan_pimpinan_unit");
  EXPECT_EQ(s[0].rules[2].actor, "Kepala Bagian");
  // Dinas/Badan
  const AssignmentStructure& d = s[3];
  EXPECT_EQ(d.rules[0].actor, "Kepala Dinas/Badan");
  EXPECT_EQ(d.rules[0].action, "menetapkan_target_dan_menilai");
  EXPECT_EQ(d.rules[0].subjects,
            (std::vector<std::string>{"Sekretaris Dinas/Badan", "Kepala Bidang"}));
  EXPECT_EQ(d.rules[1].actor, "Sekretaris Dinas/Badan dan Kepala Bidang");
  EXPECT_EQ(d.rules[1].action, "memberikan_penugasan");
  EXPECT_EQ(d.rules[1].subjects,
            (std::vector<std::string>{"Kepala Subbagian", "Kepala Seksi/Subbidang",
                                      "Pejabat Fungsional", "Pelaksana"}));
  EXPECT_EQ(d.rules[2].action, "penilai_dan_pimpinan_unit");
  EXPECT_EQ(d.source.first_line, 186);
  // DPMPTSP: the head is appraiser and unit leader and appraises JF and Pelaksana directly.
  const AssignmentStructure& p = s[4];
  EXPECT_EQ(p.rules[0].action, "penilai_dan_pimpinan_unit");
  EXPECT_EQ(p.rules[0].actor, "Kepala Dinas");
  EXPECT_EQ(p.rules[1].action, "menetapkan_target_dan_menilai");
  EXPECT_EQ(p.rules[1].subjects,
            (std::vector<std::string>{"Sekretaris Dinas", "Pejabat Fungsional", "Pelaksana"}));
  // UPTD heads appraise and assign directly.
  const AssignmentStructure& u = s[5];
  EXPECT_EQ(u.rules[0].action, "penilai_dan_pimpinan_unit");
  EXPECT_EQ(u.rules[0].actor, "Kepala UPTD");
  EXPECT_EQ(u.rules[1].action, "menetapkan_target_dan_menilai");
  EXPECT_EQ(u.rules[2].action, "memberikan_penugasan");
  EXPECT_EQ(u.rules[2].subjects, (std::vector<std::string>{"Kepala Subbagian Tata Usaha",
                                                           "Pejabat Fungsional", "Pelaksana"}));
  EXPECT_EQ(s[6].rules[0].actor, "Kepala Sekolah");
  EXPECT_TRUE(work_system_of("003").work_system.assignment_structures.empty());
}

struct ExpectedFlow {
  std::vector<std::string> kinds;
  std::string article;
  std::size_t planning, execution, evaluation;
};

void expect_flow(const WorkFlow& f, const ExpectedFlow& e) {
  SCOPED_TRACE(e.article);
  EXPECT_EQ(f.agency_kinds, e.kinds);
  EXPECT_EQ(f.article, e.article);
  ASSERT_EQ(f.stages.size(), 3u);
  EXPECT_EQ(f.stages[0].stage, "perencanaan");
  EXPECT_EQ(f.stages[1].stage, "pelaksanaan");
  EXPECT_EQ(f.stages[2].stage, "evaluasi");
  EXPECT_EQ(f.stages[0].steps.size(), e.planning);
  EXPECT_EQ(f.stages[1].steps.size(), e.execution);
  EXPECT_EQ(f.stages[2].steps.size(), e.evaluation);
}

TEST(WorkSystem, Flows004) {
  const auto& f = work_system_of("004").work_system.flows;
  ASSERT_EQ(f.size(), 4u);  // Pasal 22 only describes the stages in general
  expect_flow(f[0], {{"Sekretariat Daerah"}, "Pasal 23 ayat (1)", 5, 6, 3});
  expect_flow(
      f[1],
      {{"Sekretariat DPRD", "Inspektorat Daerah", "Dinas/Badan"}, "Pasal 23 ayat (2)", 7, 5, 3});
  expect_flow(
      f[2], {{"UPTD selain UPTD Pendidikan Formal dan Non formal"}, "Pasal 23 ayat (3)", 6, 5, 3});
  expect_flow(f[3], {{"UPTD Pendidikan Formal dan Non formal"}, "Pasal 23 ayat (4)", 4, 5, 3});
  EXPECT_EQ(f[0].stages[0].steps[0],
            "Sekretaris Daerah menyusun dan menetapkan perjanjian kinerja. Asisten Daerah sebagai "
            "penanggung jawab atas target kinerja tertentu");
  // A step broken over a page keeps its end.
  EXPECT_EQ(
      f[0].stages[2].steps[1],
      "Hasil pelaksanaan kegiatan yang sesuai dengan target ataupun ekspektasi disampaikan dan "
      "ditinjau oleh Sekretaris Daerah");
  EXPECT_EQ(f[3].source.first_line, 439);
}

TEST(WorkSystem, Flow003InTheAnnex) {
  const auto& f = work_system_of("003").work_system.flows;
  ASSERT_EQ(f.size(), 1u);
  expect_flow(f[0], {{"Badan"}, "Lampiran II bagian I", 8, 5, 3});
  EXPECT_EQ(f[0].stages[2].steps[0], "Sekretaris/Koordinator meninjau hasil pelaksanaan kegiatan");
  // Without the structure extraction the agency kind comes from the title.
  const auto& g = work_system_of("003", false).work_system.flows;
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].agency_kinds, std::vector<std::string>{"Badan"});
}

TEST(WorkSystem, SurvivesEmptyAndOddTexts) {
  for (std::string s :
       {std::string(), std::string("Pejabat Level adalah"),
        std::string("Pasal 1\n\nStruktur penugasan pada berlaku"),
        std::string("Pasal 1\n\nPembentukan tim kerja ditetapkan dengan Keputusan")}) {
    Document doc = parse_document(s);
    Extraction x;
    EXPECT_NO_THROW(extract_work_system(doc, x));
  }
}

}  // namespace
}  // namespace tatakerja::regulation
