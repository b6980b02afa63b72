// PNS ranks, PPPK grades and the rank range of each eselon (PP 100/2000 as amended by PP 13/2002).
#include <gtest/gtest.h>

#include "org/rank.hpp"

namespace tatakerja::org {
namespace {

TEST(Rank, ListsAllSeventeenPnsRanksInOrder) {
  const auto& ranks = pns_ranks();
  ASSERT_EQ(ranks.size(), 17u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"I/a", "Juru Muda"},
      {"I/b", "Juru Muda Tingkat I"},
      {"I/c", "Juru"},
      {"I/d", "Juru Tingkat I"},
      {"II/a", "Pengatur Muda"},
      {"II/b", "Pengatur Muda Tingkat I"},
      {"II/c", "Pengatur"},
      {"II/d", "Pengatur Tingkat I"},
      {"III/a", "Penata Muda"},
      {"III/b", "Penata Muda Tingkat I"},
      {"III/c", "Penata"},
      {"III/d", "Penata Tingkat I"},
      {"IV/a", "Pembina"},
      {"IV/b", "Pembina Tingkat I"},
      {"IV/c", "Pembina Utama Muda"},
      {"IV/d", "Pembina Utama Madya"},
      {"IV/e", "Pembina Utama"},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(ranks[i].code, expected[i].first);
    EXPECT_EQ(ranks[i].name, expected[i].second);
    EXPECT_EQ(ranks[i].order, static_cast<int>(i) + 1);
  }
}

TEST(Rank, ReadsCodesWrittenLoosely) {
  for (std::string_view s : {"IV/c", "IV / c", "iv/c", "IV-c", "IVc", " IV.C ",
                             "Pembina Utama Muda", "pembina  utama muda"}) {
    SCOPED_TRACE(s);
    auto r = pns_rank(s);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->code, "IV/c");
    EXPECT_EQ(r->name, "Pembina Utama Muda");
    EXPECT_EQ(r->order, 15);
  }
  EXPECT_EQ(pns_rank("I/a")->name, "Juru Muda");
  EXPECT_EQ(pns_rank("iiid")->code, "III/d");
  EXPECT_EQ(pns_rank("IV/e")->order, 17);
  for (std::string_view s :
       {"", "IV", "IV/f", "III/e", "I/e", "V/a", "IIII/a", "c", "Pembina Muda"})
    EXPECT_FALSE(pns_rank(s)) << s;
}

TEST(Rank, ReadsTheNameAndTheCodeTogetherAsExportsWriteThem) {
  for (std::string_view s : {"Penata Muda (III/a)", "Penata Muda, III/a", "III/a - Penata Muda",
                             "PENATA MUDA III/A", "III/a", "(III/a)"}) {
    SCOPED_TRACE(s);
    auto r = pns_rank(s);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->code, "III/a");
  }
  // A name that is not the code's, or words that are no name at all.
  for (std::string_view s : {"Penata (III/a)", "Pembina IV/c x", "III/a Penata Muda Tingkat I"})
    EXPECT_FALSE(pns_rank(s)) << s;
}

TEST(Rank, NormalizesByEmployeeKind) {
  EXPECT_EQ(normalize_rank("iv-c", EmployeeKind::Pns), "IV/c");
  EXPECT_EQ(normalize_rank("Penata", EmployeeKind::Pns), "III/c");
  EXPECT_FALSE(normalize_rank("IX", EmployeeKind::Pns));
  EXPECT_FALSE(normalize_rank("", EmployeeKind::Pns));

  EXPECT_EQ(normalize_rank("IX", EmployeeKind::Pppk), "IX");
  EXPECT_EQ(normalize_rank("ix", EmployeeKind::Pppk), "IX");
  EXPECT_EQ(normalize_rank("9", EmployeeKind::Pppk), "IX");
  EXPECT_EQ(normalize_rank(" Golongan XVII ", EmployeeKind::Pppk), "XVII");
  EXPECT_EQ(normalize_rank("1", EmployeeKind::Pppk), "I");
  for (std::string_view s : {"", "0", "18", "XVIII", "IIII", "IV/c", "golongan"})
    EXPECT_FALSE(normalize_rank(s, EmployeeKind::Pppk)) << s;
}

TEST(Rank, RangesOfEachEselonFollowPp13Of2002) {
  struct Row {
    const char* eselon;
    const char* lowest;
    const char* highest;
  };
  for (const Row& row :
       {Row{"I.a", "IV/d", "IV/e"}, Row{"I.b", "IV/c", "IV/e"}, Row{"II.a", "IV/c", "IV/d"},
        Row{"II.b", "IV/b", "IV/c"}, Row{"III.a", "IV/a", "IV/b"}, Row{"III.b", "III/d", "IV/a"},
        Row{"IV.a", "III/c", "III/d"}, Row{"IV.b", "III/b", "III/c"},
        Row{"V.a", "III/a", "III/b"}}) {
    SCOPED_TRACE(row.eselon);
    auto range = rank_range_for_eselon(row.eselon);
    ASSERT_TRUE(range);
    EXPECT_EQ(range->lowest, row.lowest);
    EXPECT_EQ(range->highest, row.highest);
  }
  EXPECT_EQ(rank_range_for_eselon("eselon II-A")->highest, "IV/d");
  EXPECT_FALSE(rank_range_for_eselon(""));
  EXPECT_FALSE(rank_range_for_eselon("V.b"));
  EXPECT_FALSE(rank_range_for_eselon("Pengawas"));
}

TEST(Rank, FitsEselonInclusiveAtBothEnds) {
  EXPECT_TRUE(rank_fits_eselon("IV/c", "II.a"));
  EXPECT_TRUE(rank_fits_eselon("IV/d", "II.a"));
  EXPECT_FALSE(rank_fits_eselon("IV/b", "II.a"));
  EXPECT_FALSE(rank_fits_eselon("IV/e", "II.a"));
  EXPECT_TRUE(rank_fits_eselon("Pembina", "III.a"));
  EXPECT_TRUE(rank_fits_eselon("III/d", "III.b"));
  EXPECT_FALSE(rank_fits_eselon("III/c", "III.b"));
  EXPECT_TRUE(rank_fits_eselon("III/c", "IV.a"));
  EXPECT_FALSE(rank_fits_eselon("IV/b", "IV.a"));
  // No range: anything fits; a range and no rank: it does not.
  EXPECT_TRUE(rank_fits_eselon("II/a", ""));
  EXPECT_TRUE(rank_fits_eselon("nonsense", "Fungsional"));
  EXPECT_FALSE(rank_fits_eselon("", "III.a"));
  EXPECT_FALSE(rank_fits_eselon("IX", "III.a"));
}

}  // namespace
}  // namespace tatakerja::org
