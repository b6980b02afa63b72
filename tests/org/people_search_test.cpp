// The people search's reading of names and queries, shared by every OrgStore
// (org/people_search.hpp).
#include "org/people_search.hpp"

#include <gtest/gtest.h>

namespace tatakerja::org {
namespace {

TEST(NameTokens, SplitsFoldsAndStrips) {
  EXPECT_EQ(name_tokens("Budi Santoso"), (std::vector<std::string>{"budi", "santoso"}));
  EXPECT_EQ(name_tokens("Dr. Çahaya Ma'ruf, S.Kom., M.Si."),
            (std::vector<std::string>{"dr", "cahaya", "maruf", "skom", "msi"}));
  EXPECT_EQ(name_tokens("José Ramos-Horta"), (std::vector<std::string>{"jose", "ramos", "horta"}));
  EXPECT_EQ(name_tokens("Ni  Luh\tAyu – Ø Æ ß"),
            (std::vector<std::string>{"ni", "luh", "ayu", "o", "ae", "ss"}));
  EXPECT_EQ(name_tokens("Budi budi BUDI"), std::vector<std::string>{"budi"});
  EXPECT_EQ(name_tokens("Ma’ruf"), std::vector<std::string>{"maruf"});
  EXPECT_TRUE(name_tokens(" ,.; ").empty());
  EXPECT_TRUE(name_tokens("").empty());
  EXPECT_EQ(name_tokens("\xFF\x80"), std::vector<std::string>{});
}

TEST(PrefixUpperBound, IncrementsLastByte) {
  EXPECT_EQ(prefix_upper_bound("budi"), "budj");
  EXPECT_EQ(prefix_upper_bound("1985"), "1986");
  EXPECT_EQ(prefix_upper_bound("19"), "1:");
  EXPECT_EQ(prefix_upper_bound("a\xFF"), "b");
  EXPECT_EQ(prefix_upper_bound(""), "");
  // The next code point, in UTF-8: never a byte sequence PostgreSQL would refuse.
  EXPECT_EQ(prefix_upper_bound("п"), "р");              // D0 BF -> D1 80
  EXPECT_EQ(prefix_upper_bound("ſ"), "ƀ");              // C5 BF -> C6 80
  EXPECT_EQ(prefix_upper_bound("x\x7F"), "x\xC2\x80");  // U+007F -> U+0080
  EXPECT_EQ(prefix_upper_bound("é"), "ê");
  EXPECT_EQ(prefix_upper_bound("\xED\x9F\xBF"), "\xEE\x80\x80");            // over the surrogates
  EXPECT_EQ(prefix_upper_bound("a\xF4\x8F\xBF\xBF"), "a\xF4\x8F\xBF\xC0");  // U+10FFFF: bytes
  EXPECT_EQ(prefix_upper_bound("a\xC3"), "a\xC4");  // a cut character: bytes
  EXPECT_TRUE(in_prefix_range("пётр", "п"));
  EXPECT_FALSE(in_prefix_range("р", "п"));
}

TEST(PrefixRange, IsTheByteRangeOfThePrefix) {
  EXPECT_TRUE(in_prefix_range("budi", "budi"));
  EXPECT_TRUE(in_prefix_range("budiman", "bud"));
  EXPECT_FALSE(in_prefix_range("bud", "budi"));
  EXPECT_FALSE(in_prefix_range("abudi", "budi"));
  EXPECT_FALSE(in_prefix_range("budj", "budi"));
  EXPECT_TRUE(in_prefix_range("a\xFF\x01", "a\xFF"));
  EXPECT_FALSE(in_prefix_range("x", ""));  // no range: as `s >= '' AND s < ''`
}

TEST(SortKey, LowercasesAsciiOnly) {
  EXPECT_EQ(sort_key("Budi SANTOSO"), "budi santoso");
  EXPECT_EQ(sort_key("Çahaya"), "Çahaya");
}

TEST(PeopleQuery, DigitsWordsBlankOrNothing) {
  auto q = read_people_query(" 1985 0312 ");
  EXPECT_EQ(q.kind, PeopleQuery::Kind::Nip);
  EXPECT_EQ(q.nip_prefix, "19850312");
  EXPECT_EQ(read_people_query("  ").kind, PeopleQuery::Kind::Everyone);
  EXPECT_EQ(read_people_query("").kind, PeopleQuery::Kind::Everyone);
  EXPECT_EQ(read_people_query(",.;").kind, PeopleQuery::Kind::Nothing);
  q = read_people_query("Sant budi BUDI ani 1985");
  EXPECT_EQ(q.kind, PeopleQuery::Kind::Words);
  EXPECT_TRUE(q.nip_prefix.empty());
  // Unique, longest first, ties in byte order.
  EXPECT_EQ(q.words, (std::vector<std::string>{"1985", "budi", "sant", "ani"}));
}

}  // namespace
}  // namespace tatakerja::org
