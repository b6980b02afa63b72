// Amending regulations ("Perubahan atas ..."): reading the instructions of Pasal I, and the
// consolidated text, on an amendment of corpus text 002 written in the genre
// (tests/amendments/perubahan-pergub-ntt-77-2023.txt): a restated article (a fourth Bidang), an
// inserted article, a revoked article and an annex change (reported, not applied).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "corpus.hpp"
#include "regulation/amendment.hpp"
#include "regulation/engine.hpp"

namespace tatakerja::regulation {
namespace {

using testing::corpus_text;

std::string amendment_text() {
  std::ifstream in(std::string(TATAKERJA_TESTS_DIR) +
                   "/amendments/perubahan-pergub-ntt-77-2023.txt");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Amendment read_fixture() {
  const std::string text = amendment_text();
  const auto r = read_regulation(text);
  EXPECT_EQ(r.facts.regulation.number, "12");
  const auto a = read_amendment(r.facts.regulation.title, text);
  EXPECT_TRUE(a);
  return a.value_or(Amendment{});
}

TEST(Amendment, ReadsTheAmendedRegulationAndTheInstructions) {
  const Amendment a = read_fixture();
  EXPECT_EQ(a.target.kind, "Peraturan Gubernur");
  EXPECT_EQ(a.target.number, "77");
  EXPECT_EQ(a.target.year, 2023);
  EXPECT_EQ(a.ordinal, 1);
  ASSERT_EQ(a.steps.size(), 4u);
  EXPECT_EQ(a.steps[0].kind, AmendmentKind::Replace);
  EXPECT_EQ(a.steps[0].article, "Pasal 3");
  EXPECT_EQ(a.steps[0].new_articles, std::vector<std::string>{"Pasal 3"});
  EXPECT_NE(a.steps[0].block.find("Bidang kewirausahaan dan pemasaran digital"), std::string::npos);
  EXPECT_EQ(a.steps[1].kind, AmendmentKind::Insert);
  EXPECT_EQ(a.steps[1].article, "Pasal 6");
  EXPECT_EQ(a.steps[1].new_articles, std::vector<std::string>{"Pasal 6A"});
  EXPECT_EQ(a.steps[2].kind, AmendmentKind::Delete);
  EXPECT_EQ(a.steps[2].article, "Pasal 11");
  EXPECT_EQ(a.steps[3].kind, AmendmentKind::NotApplied);  // Lampiran II
  // The blocks end before the next instruction and before Pasal II.
  EXPECT_EQ(a.steps[1].block.find("Pasal 11"), std::string::npos);
  EXPECT_EQ(a.steps[0].block.find("Di antara"), std::string::npos);
}

TEST(Amendment, NotAnAmendment) {
  EXPECT_FALSE(read_amendment("Kedudukan, Susunan Organisasi, Tugas dan Fungsi", "Pasal 1\n"));
  EXPECT_FALSE(read_amendment("Perubahan Iklim dan Ketahanan Pangan Daerah", "Pasal 1\n"));
  const auto second = read_amendment(
      "Perubahan Kedua atas Peraturan Bupati Kupang Nomor 36 Tahun 2024 tentang Sistem Kerja", "");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->ordinal, 2);
  EXPECT_EQ(second->target.number, "36");
  EXPECT_TRUE(second->steps.empty());
}

TEST(Amendment, TheConsolidatedTextReadsAsTheAmendedRegulation) {
  const std::string& base = corpus_text("002");
  const auto before = read_regulation(base);
  const Consolidation c = consolidate(base, article_lines(before.document), read_fixture());
  EXPECT_EQ(c.applied.size(), 3u);
  ASSERT_EQ(c.not_applied.size(), 1u);
  EXPECT_NE(c.not_applied[0].find("Lampiran II"), std::string::npos);

  const auto after = read_regulation(c.text);
  // The same regulation (its heading is the amended one's)...
  EXPECT_EQ(after.facts.regulation.number, "77");
  EXPECT_EQ(after.facts.regulation.year, 2023);
  // ... with a fourth Bidang and its head, and everything else as it was.
  const auto has_unit = [](const Reading& r, std::string_view name) {
    return std::any_of(r.facts.units.begin(), r.facts.units.end(),
                       [&](const Unit& u) { return u.name == name; });
  };
  EXPECT_FALSE(has_unit(before, "Bidang Kewirausahaan dan Pemasaran Digital"));
  EXPECT_TRUE(has_unit(after, "Bidang Kewirausahaan dan Pemasaran Digital"));
  EXPECT_EQ(after.facts.units.size(), before.facts.units.size() + 1);
  EXPECT_EQ(after.facts.positions.size(), before.facts.positions.size() + 1);
  // Pasal 6A follows Pasal 6; Pasal 11 is there, revoked.
  const auto articles = article_lines(after.document);
  std::vector<std::string> labels;
  for (const auto& a : articles) labels.push_back(a.label);
  const auto six = std::find(labels.begin(), labels.end(), "Pasal 6");
  ASSERT_NE(six, labels.end());
  ASSERT_NE(six + 1, labels.end());
  EXPECT_EQ(*(six + 1), "Pasal 6A");
  EXPECT_EQ(labels.size(), article_lines(before.document).size() + 1);
  EXPECT_NE(c.text.find("Pasal 11\n\nDihapus."), std::string::npos);
  // The annexes (job descriptions) are kept as they were.
  EXPECT_EQ(after.document.annexes.size(), before.document.annexes.size());
}

TEST(Amendment, StepsOnArticlesTheTextDoesNotHaveAreReported) {
  Amendment a;
  AmendmentStep s;
  s.kind = AmendmentKind::Delete;
  s.article = "Pasal 99";
  s.instruction = "Pasal 99 dihapus.";
  a.steps.push_back(s);
  const Consolidation c = consolidate("Pasal 1\n\nIsi.\n", {{"Pasal 1", 1, 3}}, a);
  EXPECT_TRUE(c.applied.empty());
  ASSERT_EQ(c.not_applied.size(), 1u);
  EXPECT_NE(c.not_applied[0].find("Pasal 99 tidak ada"), std::string::npos);
  EXPECT_EQ(c.text, "Pasal 1\n\nIsi.\n");  // unchanged
}

}  // namespace
}  // namespace tatakerja::regulation
