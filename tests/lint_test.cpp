// The linter on the corpus (the exact set of defects each text has, checked by hand) and on small
// texts made for one rule each: a wrong one gets the finding, a right one gets none.
#include <gtest/gtest.h>

#include <set>

#include "corpus.hpp"
#include "regulation/engine.hpp"

namespace tatakerja::regulation {
namespace {

std::multiset<std::string> defect_codes(const std::string& text) {
  std::multiset<std::string> codes;
  for (const auto& f : read_regulation(text).facts.findings)
    if (f.severity != Severity::Info) codes.insert(f.code);
  return codes;
}

TEST(LintCorpus, EachTextsDefects) {
  using S = std::multiset<std::string>;
  EXPECT_EQ(defect_codes(testing::corpus_text("000")),
            (S{"NUMBER_BLANK", "IDENTITY_NUMBER_MISMATCH", "IDENTITY_NUMBER_MISMATCH",
               "IDENTITY_DATE_MISMATCH"}));
  EXPECT_EQ(defect_codes(testing::corpus_text("001")), (S{"IDENTITY_NUMBER_MISMATCH"}));
  EXPECT_EQ(defect_codes(testing::corpus_text("002")), S{});
  EXPECT_EQ(defect_codes(testing::corpus_text("003")), (S{"NUMBERING_GAP", "DATE_MALFORMED"}));
  EXPECT_EQ(defect_codes(testing::corpus_text("004")),
            (S{"KIND_MISMATCH", "NUMBERING_DUPLICATE", "XREF_SELF", "IDENTITY_TITLE_MISMATCH",
               "IDENTITY_TITLE_MISMATCH"}));
}

TEST(LintCorpus, FindingsPointAtTheLine) {
  for (const auto& f : read_regulation(testing::corpus_text("003")).facts.findings) {
    if (f.code == "NUMBERING_GAP") {
      EXPECT_EQ(f.line, 291);  // Pasal 8 follows Pasal 6
      EXPECT_NE(f.message.find("Pasal 6 ke Pasal 8"), std::string::npos);
    }
    if (f.code == "DATE_MALFORMED") {
      EXPECT_EQ(f.line, 703);
    }
  }
}

std::string text_with(const std::string& body) {
  return "BUPATI CONTOH\nPERATURAN BUPATI CONTOH\nNOMOR 3 TAHUN 2025\nTENTANG\nCONTOH\n"
         "Menimbang : bahwa perlu;\nMengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang "
         "Pemerintahan Daerah;\nMEMUTUSKAN:\nMenetapkan : PERATURAN BUPATI TENTANG CONTOH.\n" +
         body + "\nDitetapkan di Contoh\npada tanggal 2 Januari 2025\nBUPATI CONTOH,\nNAMA\n";
}

TEST(LintRules, NumberingGapsAndDuplicates) {
  const std::string good =
      "BAB I\nUMUM\nPasal 1\n(1) Satu:\na. satu;\nb. dua.\n(2) Dua.\nPasal 2\nTeks.\n";
  EXPECT_TRUE(defect_codes(text_with(good)).empty());
  const std::string gap = "BAB I\nUMUM\nPasal 1\n(1) Satu:\na. satu;\nc. tiga.\n(3) Tiga.\n";
  EXPECT_EQ(defect_codes(text_with(gap)).count("NUMBERING_GAP"), 2u);
  const std::string dup = "BAB I\nUMUM\nPasal 1\nTeks.\nPasal 1\nTeks.\n";
  EXPECT_EQ(defect_codes(text_with(dup)).count("NUMBERING_DUPLICATE"), 1u);
}

TEST(LintRules, CrossReferences) {
  const std::string good =
      "BAB I\nUMUM\nPasal 1\n(1) Satu.\n(2) Sebagaimana dimaksud pada ayat (1).\nPasal 2\n"
      "Sebagaimana dimaksud dalam Pasal 1 ayat (2) dan Pasal 4 Peraturan Daerah Nomor 1 Tahun "
      "2020.\n";
  EXPECT_TRUE(defect_codes(text_with(good)).empty());
  const std::string bad =
      "BAB I\nUMUM\nPasal 1\n(1) Satu.\n(2) Sebagaimana dimaksud pada ayat (3).\nPasal 2\n"
      "Sebagaimana dimaksud dalam Pasal 9.\n(1) Lihat Pasal 2 ayat (1).\n";
  auto codes = defect_codes(text_with(bad));
  EXPECT_EQ(codes.count("XREF_UNRESOLVED"), 2u);
  EXPECT_EQ(codes.count("XREF_SELF"), 1u);
}

TEST(LintRules, KindAndDate) {
  auto codes = defect_codes(text_with("BAB I\nUMUM\nPasal 1\nDalam Peraturan Wali Kota ini.\n"));
  EXPECT_EQ(codes.count("KIND_MISMATCH"), 1u);
  EXPECT_TRUE(
      defect_codes(text_with("BAB I\nUMUM\nPasal 1\nDalam Peraturan Bupati ini.\n")).empty());
  std::string t = text_with("BAB I\nUMUM\nPasal 1\nTeks.\n");
  t.replace(t.find("2 Januari 2025"), 14, "31 Februari 2025");
  EXPECT_EQ(defect_codes(t).count("DATE_MALFORMED"), 1u);
}

}  // namespace
}  // namespace tatakerja::regulation
