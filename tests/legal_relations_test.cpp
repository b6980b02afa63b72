// Citations, revocations and transitional provisions, against expectations checked by hand against
// the corpus texts; and the citation reader on tricky strings.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "regulation/citation_reader.hpp"
#include "regulation/extraction.hpp"
#include "regulation/parser.hpp"

namespace tatakerja::regulation {
namespace {

using testing::corpus_text;

Extraction legal_of(const std::string& prefix) {
  Document doc = parse_document(corpus_text(prefix));
  Extraction x;
  extract_legal_relations(doc, x);
  return x;
}

struct Expected {
  std::string kind;
  std::string region;
  std::string number;
  int year;
  std::optional<int> gazette_year;  // nullopt: no gazette
  std::string gazette_number;
  std::string supplement;
  int amends;
  int nested_in;
  int line;
};

void expect_citations(const std::vector<Citation>& got, const std::vector<Expected>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE("citation " + std::to_string(i));
    const Citation& c = got[i];
    const Expected& e = want[i];
    EXPECT_EQ(c.kind, e.kind);
    EXPECT_EQ(c.region, e.region);
    EXPECT_EQ(c.number, e.number);
    EXPECT_EQ(c.year, e.year);
    EXPECT_EQ(c.amends, e.amends);
    EXPECT_EQ(c.nested_in, e.nested_in);
    EXPECT_EQ(c.line, e.line);
    if (!e.gazette_year) {
      EXPECT_FALSE(c.gazette.has_value());
      continue;
    }
    ASSERT_TRUE(c.gazette.has_value());
    EXPECT_EQ(c.gazette->year, e.gazette_year);
    EXPECT_EQ(c.gazette->number, e.gazette_number);
    EXPECT_EQ(c.gazette->supplement_number, e.supplement);
  }
}

const std::string kNtt = "Provinsi Nusa Tenggara Timur";
const std::string kPerppu = "Peraturan Pemerintah Pengganti Undang-Undang";

// --- citation reader on strings -----------------------------------------------------------------

TEST(CitationReader, ReadsKindNumberYearTitleAndGazette) {
  auto c = read_citations(
      "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik "
      "Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587);",
      7);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "Undang-Undang");
  EXPECT_EQ(c[0].number, "23");
  EXPECT_EQ(c[0].year, 2014);
  EXPECT_EQ(c[0].title, "Pemerintahan Daerah");
  EXPECT_EQ(c[0].line, 7);
  ASSERT_TRUE(c[0].gazette);
  EXPECT_EQ(c[0].gazette->name, "Lembaran Negara Republik Indonesia");
  EXPECT_EQ(c[0].gazette->year, 2014);
  EXPECT_EQ(c[0].gazette->number, "244");
  EXPECT_EQ(c[0].gazette->supplement_number, "5587");
}

TEST(CitationReader, TwoCitationsInOneItemAndDashedUndangUndang) {
  // 001 Mengingat a.: two laws in one item, the first written "Undang – Undang".
  auto c = read_citations(
      "Undang \xE2\x80\x93 Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara Yang Bersih "
      "(Lembaran Negara Republik Indonesia Tahun 1999 Nomor 75, Tambahan Lembaran Negara Republik "
      "Indonesia Nomor 3851); Undang-Undang Nomor 43 Tahun 2008 tentang Wilayah Negara (Lembaran "
      "Negara Republik Indonesia Tahun 2008 Nomor 177)",
      1);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].kind, "Undang-Undang");
  EXPECT_EQ(c[0].number, "28");
  EXPECT_EQ(c[0].title, "Penyelenggaraan Negara Yang Bersih");
  EXPECT_EQ(c[1].kind, "Undang-Undang");
  EXPECT_EQ(c[1].number, "43");
  EXPECT_EQ(c[1].title, "Wilayah Negara");
  EXPECT_EQ(c[1].amends, -1);
  EXPECT_EQ(c[1].nested_in, -1);
  ASSERT_TRUE(c[1].gazette);
  EXPECT_EQ(c[1].gazette->number, "177");
  EXPECT_EQ(c[1].gazette->supplement_number, "");
}

TEST(CitationReader, TwoCitationsJoinedByDanWithoutSeparator) {
  auto c = read_citations(
      "Peraturan Presiden Nomor 1 Tahun 2020 tentang Satu dan Peraturan Presiden Nomor 2 Tahun "
      "2021 tentang Dua",
      1);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].kind, "Peraturan Presiden");
  EXPECT_EQ(c[0].title, "Satu");
  EXPECT_EQ(c[1].number, "2");
  EXPECT_EQ(c[1].title, "Dua");
  EXPECT_EQ(c[1].nested_in, -1);
}

TEST(CitationReader, LowercaseNomorAndMissingGazette) {
  auto c = read_citations(
      "Keputusan Menteri Dalam Negeri nomor 050-3708 tahun 2020 tentang Hasil Verifikasi dan "
      "Validasi;",
      3);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "Keputusan Menteri Dalam Negeri");
  EXPECT_EQ(c[0].number, "050-3708");
  EXPECT_EQ(c[0].year, 2020);
  EXPECT_EQ(c[0].title, "Hasil Verifikasi dan Validasi");
  EXPECT_FALSE(c[0].gazette);
}

TEST(CitationReader, MinistryKeepsItsNameWithoutRepublikIndonesia) {
  auto c = read_citations(
      "Peraturan Menteri Dalam Negeri Republik Indonesia Nomor 5 Tahun 2017 tentang Pedoman "
      "(Berita Negara Republik Indonesia Tahun 2017 Nomor 197);",
      1);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "Peraturan Menteri Dalam Negeri");
  ASSERT_TRUE(c[0].gazette);
  EXPECT_EQ(c[0].gazette->name, "Berita Negara Republik Indonesia");
}

TEST(CitationReader, RegionalKindsKeepTheRegionApart) {
  auto c = read_citations(
      "Peraturan Wali Kota Batam Nomor 77 Tahun 2021 tentang A; Peraturan Bupati Kapuas Hulu "
      "Nomor 52 Tahun 2018 tentang B; Peraturan Gubernur Nusa Tenggara Timur Nomor 31 Tahun 2022 "
      "tentang C; Peraturan Daerah Kabupaten Kupang Nomor 6 Tahun 2016 tentang D",
      1);
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].kind, "Peraturan Wali Kota");
  EXPECT_EQ(c[0].region, "Kota Batam");
  EXPECT_EQ(c[1].kind, "Peraturan Bupati");
  EXPECT_EQ(c[1].region, "Kabupaten Kapuas Hulu");
  EXPECT_EQ(c[2].kind, "Peraturan Gubernur");
  EXPECT_EQ(c[2].region, kNtt);
  EXPECT_EQ(c[3].kind, "Peraturan Daerah");
  EXPECT_EQ(c[3].region, "Kabupaten Kupang");
  EXPECT_EQ(c[3].title, "D");
}

TEST(CitationReader, NestedAndAmendingCitations) {
  auto c = read_citations(
      "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah (Lembaran Negara Republik "
      "Indonesia Tahun 2016 Nomor 114) sebagaimana telah diubah dengan Peraturan Pemerintah Nomor "
      "72 Tahun 2019 tentang Perubahan atas Peraturan Pemerintah Nomor 18 Tahun 2016 tentang "
      "Perangkat Daerah (Lembaran Negara Republik Indonesia Tahun 2019 Nomor 187);",
      1);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].title, "Perangkat Daerah");
  EXPECT_EQ(c[1].number, "72");
  EXPECT_EQ(c[1].amends, 0);
  EXPECT_EQ(c[1].title,
            "Perubahan atas Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah");
  ASSERT_TRUE(c[1].gazette);
  EXPECT_EQ(c[1].gazette->number, "187");  // the gazette is the outer one's
  EXPECT_EQ(c[2].number, "18");
  EXPECT_EQ(c[2].nested_in, 1);
  EXPECT_FALSE(c[2].gazette);
}

TEST(CitationReader, MentionsWithoutNumberAreNoCitations) {
  EXPECT_TRUE(read_citations("perlu menetapkan Peraturan Bupati tentang Sistem Kerja;", 1).empty());
  EXPECT_TRUE(read_citations("sesuai ketentuan peraturan perundang-undangan.", 1).empty());
  EXPECT_TRUE(read_citations("", 1).empty());
  EXPECT_TRUE(read_citations("Peraturan Daerah ini diundangkan dalam Lembaran Daerah Tahun 2020 "
                             "Nomor 5.",
                             1)
                  .empty());
  auto c = read_citations(
      "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia "
      "Tahun 1945;",
      4);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "Undang-Undang Dasar");
  EXPECT_EQ(c[0].year, 1945);
  EXPECT_EQ(c[0].number, "");
}

TEST(CitationReader, TitleStopsBeforeTheRestOfTheSentence) {
  auto c = read_citations(
      "bahwa untuk melaksanakan ketentuan Pasal 7 Peraturan Daerah Kota Batam Nomor 6 Tahun 2023 "
      "tentang Pembentukan dan Susunan Perangkat Daerah perlu menetapkan Peraturan Wali Kota "
      "tentang Susunan Organisasi;",
      23);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].title, "Pembentukan dan Susunan Perangkat Daerah");
  EXPECT_EQ(c[0].region, "Kota Batam");
}

TEST(CitationReader, SurvivesOddInput) {
  for (std::string s : {"Undang-Undang Nomor", "Peraturan Menteri Nomor 5", "Nomor 5 Tahun 2020",
                        "Undang-Undang Nomor 1 Tahun 2000 tentang (Lembaran", "((((", "Peraturan",
                        "Peraturan Daerah Nomor 1 Tahun 2000 tentang A (Berita Daerah"}) {
    SCOPED_TRACE(s);
    EXPECT_NO_THROW(read_citations(s, 1));
  }
  auto c = read_citations("Peraturan Daerah Nomor 1 Tahun 2000 tentang A (Berita Daerah", 1);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].region, "");
  ASSERT_TRUE(c[0].gazette);
  EXPECT_EQ(c[0].gazette->name, "Berita Daerah");
}

TEST(CitationReader, LongTextIsReadInLinearTime) {
  std::string s;
  for (int i = 0; i < 20000; ++i)
    s += "Undang-Undang Nomor " + std::to_string(i) + " Tahun 2000 tentang Sesuatu dan ";
  auto c = read_citations(s, 1);
  EXPECT_EQ(c.size(), 20000u);
}

TEST(CitationReader, AppendShiftsIndices) {
  std::vector<Citation> list(2);
  std::vector<Citation> more(2);
  more[1].amends = 0;
  more[1].nested_in = 0;
  append_citations(list, more);
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[3].amends, 2);
  EXPECT_EQ(list[3].nested_in, 2);
  EXPECT_EQ(list[2].amends, -1);
}

// --- preamble citations on the corpus -----------------------------------------------------------

TEST(LegalRelations, Citations000) {
  const Extraction x = legal_of("000");
  const std::string uu = "Undang-Undang";
  const std::string perda = "Peraturan Daerah";
  expect_citations(x.citations, {
                                    // Menimbang a.
                                    {perda, kNtt, "9", 2016, std::nullopt, "", "", -1, -1, 20},
                                    {perda, kNtt, "6", 2023, std::nullopt, "", "", 0, -1, 20},
                                    {perda, kNtt, "9", 2006, std::nullopt, "", "", -1, 1, 20},
                                    // Menimbang b.
                                    {perda, kNtt, "9", 2016, std::nullopt, "", "", -1, -1, 21},
                                    // Mengingat 1.
                                    {uu, "", "23", 2014, 2014, "244", "5587", -1, -1, 24},
                                    {uu, "", "6", 2023, 2023, "41", "6856", 4, -1, 24},
                                    {kPerppu, "", "2", 2022, std::nullopt, "", "", -1, 5, 24},
                                    // Mengingat 2.
                                    {uu, "", "21", 2022, 2022, "164", "6810", -1, -1, 26},
                                    // Mengingat 3.
                                    {perda, kNtt, "9", 2016, 2016, "009", "0082", -1, -1, 27},
                                    {perda, kNtt, "6", 2023, 2023, "006", "0130", 8, -1, 27},
                                    {perda, kNtt, "9", 2006, std::nullopt, "", "", -1, 9, 27},
                                });
  EXPECT_EQ(x.citations[5].title,
            "Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang "
            "Cipta Kerja Menjadi Undang-Undang");
  EXPECT_EQ(x.citations[6].title, "Cipta Kerja Menjadi Undang-Undang");
  EXPECT_EQ(
      x.citations[1].title,
      "Perubahan Ketiga Atas Peraturan Daerah Provinsi Nusa Tenggara Timur Nomor 9 Tahun 2006 "
      "tentang Pembentukan dan Susunan Perangkat Daerah Provinsi Nusa Tenggara Timur");
  EXPECT_EQ(x.citations[8].gazette->name, "Lembaran Daerah Provinsi Nusa Tenggara Timur");
}

TEST(LegalRelations, Citations004) {
  const Extraction x = legal_of("004");
  const std::string uu = "Undang-Undang";
  const std::string panrb =
      "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi";
  const std::string perda = "Peraturan Daerah";
  const std::string kupang = "Kabupaten Kupang";
  expect_citations(x.citations, {
                                    // Menimbang
                                    {panrb, "", "7", 2022, std::nullopt, "", "", -1, -1, 17},
                                    // Mengingat 1. (the gazette year really is 1958)
                                    {uu, "", "69", 1965, 1958, "122", "1655", -1, -1, 19},
                                    // Mengingat 2. ("nomor" in lowercase in the amending law)
                                    {uu, "", "23", 2014, 2014, "244", "5587", -1, -1, 21},
                                    {uu, "", "6", 2023, 2023, "41", "6856", 2, -1, 21},
                                    {kPerppu, "", "2", 2022, std::nullopt, "", "", -1, 3, 21},
                                    // Mengingat 3.
                                    {panrb, "", "7", 2022, 2022, "184", "", -1, -1, 23},
                                    // Mengingat 4. (split over a page break with a stray "GP")
                                    {perda, kupang, "6", 2016, 2016, "6", "011", -1, -1, 25},
                                    {perda, kupang, "6", 2020, 2020, "019", "040", 6, -1, 25},
                                    {perda, kupang, "6", 2016, std::nullopt, "", "", -1, 7, 25},
                                });
  EXPECT_EQ(x.citations[0].title,
            "Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi");
  EXPECT_EQ(x.citations[2].title, "Pemerintahan Daerah");
  EXPECT_EQ(x.citations[6].gazette->name, "Lembaran Daerah Kabupaten Kupang");
}

TEST(LegalRelations, Citations001KeepTheirGazetteAsWritten) {
  const Extraction x = legal_of("001");
  ASSERT_EQ(x.citations.size(), 14u);
  const Citation* uu23 = nullptr;
  for (const auto& c : x.citations)
    if (c.kind == "Undang-Undang" && c.number == "23" && c.nested_in < 0) uu23 = &c;
  ASSERT_NE(uu23, nullptr);
  ASSERT_TRUE(uu23->gazette);
  EXPECT_EQ(uu23->gazette->number, "224");  // 244 in fact; the text says 224
  EXPECT_EQ(x.citations[0].kind, "Keputusan Menteri Dalam Negeri");
  EXPECT_EQ(x.citations[0].number, "050-3708");
  EXPECT_EQ(x.citations[2].number, "43");  // second law of Mengingat a.
  EXPECT_EQ(x.citations[6].amends, 5);     // UU 9/2015 amends UU 23/2014
  EXPECT_EQ(x.citations[7].nested_in, 6);
  EXPECT_EQ(x.citations[12].kind, "Peraturan Bupati");
  EXPECT_EQ(x.citations[12].region, "Kabupaten Kapuas Hulu");
}

TEST(LegalRelations, Citations003) {
  const Extraction x = legal_of("003");
  ASSERT_EQ(x.citations.size(), 17u);
  EXPECT_EQ(x.citations[1].kind, "Undang-Undang Dasar");
  EXPECT_EQ(x.citations[3].amends, 2);
  EXPECT_EQ(x.citations[13].kind,
            "Peraturan Menteri Pendayagunaan Aparatur Negara Dan Reformasi Birokrasi");
  EXPECT_EQ(x.citations[16].gazette->supplement_number, "130");
}

// --- revocations --------------------------------------------------------------------------------

TEST(LegalRelations, WholeRevocations) {
  for (auto [prefix, number, article, gazette] :
       {std::tuple{"000", "31", "Pasal 11", "031"}, std::tuple{"002", "9", "Pasal 12", "009"}}) {
    SCOPED_TRACE(prefix);
    const Extraction x = legal_of(prefix);
    ASSERT_EQ(x.revocations.size(), 1u);
    const Revocation& r = x.revocations[0];
    EXPECT_TRUE(r.whole);
    EXPECT_EQ(r.scope, "");
    EXPECT_EQ(r.exceptions, "");
    EXPECT_EQ(r.article, article);
    EXPECT_EQ(r.regulation.kind, "Peraturan Gubernur");
    EXPECT_EQ(r.regulation.region, kNtt);
    EXPECT_EQ(r.regulation.number, number);
    EXPECT_EQ(r.regulation.year, 2022);
    ASSERT_TRUE(r.regulation.gazette);
    EXPECT_EQ(r.regulation.gazette->name, "Berita Daerah Provinsi Nusa Tenggara Timur");
    EXPECT_EQ(r.regulation.gazette->number, gazette);
  }
}

TEST(LegalRelations, PartialRevocations003) {
  const Extraction x = legal_of("003");
  ASSERT_EQ(x.revocations.size(), 2u);
  const Revocation& a = x.revocations[0];
  EXPECT_FALSE(a.whole);
  EXPECT_EQ(a.article, "Pasal 30 huruf a");
  EXPECT_EQ(a.scope, "Pasal 3 huruf d, Pasal 30 sampai dengan Pasal 33, serta Lampiran VII");
  EXPECT_EQ(a.exceptions,
            "penetapan Jabatan Kepala Sub Bagian Umum dan Kepegawaian dan penetapan Jabatan Kepala "
            "Sub Bagian Perencanaan Program");
  EXPECT_EQ(a.regulation.kind, "Peraturan Wali Kota");
  EXPECT_EQ(a.regulation.region, "Kota Batam");
  EXPECT_EQ(a.regulation.number, "77");
  EXPECT_EQ(a.regulation.year, 2021);
  EXPECT_EQ(a.regulation.title,
            "Susunan Organisasi dan Tata Kerja Sekretaris Daerah, Inspektorat Daerah, Sekretariat "
            "Dewan Perwakilan Rakyat Daerah, Badan Daerah dan Kecamatan");
  ASSERT_TRUE(a.regulation.gazette);
  EXPECT_EQ(a.regulation.gazette->number, "863");
  EXPECT_EQ(a.source.first_line, 691);

  // "Pasal 7 sampai dengan Pasal 40 Tahun 2023 tentang ...": the regulation's name was dropped.
  const Revocation& b = x.revocations[1];
  EXPECT_FALSE(b.whole);
  EXPECT_EQ(b.article, "Pasal 30 huruf b");
  EXPECT_EQ(b.scope, "Pasal 2 sampai dengan Pasal 4, dan Pasal 7 sampai dengan");
  EXPECT_EQ(b.exceptions, "");
  EXPECT_EQ(b.regulation.number, "40");
  EXPECT_EQ(b.regulation.year, 2023);
  EXPECT_EQ(b.regulation.title,
            "Tugas Pokok, Fungsi, Uraian Tugas, dan Sistem Kerja di Lingkungan Badan Kepegawaian "
            "dan Pengembangan Sumber Daya Manusia");
  ASSERT_TRUE(b.regulation.gazette);
  EXPECT_EQ(b.regulation.gazette->year, 2023);
  EXPECT_EQ(b.regulation.gazette->number, "1166");
}

TEST(LegalRelations, NoRevocationsWhereNoneAreWritten) {
  EXPECT_TRUE(legal_of("004").revocations.empty());
  EXPECT_TRUE(legal_of("001").revocations.empty());
}

// --- transitional provisions --------------------------------------------------------------------

TEST(LegalRelations, TransitionalProvisions) {
  for (auto [prefix, article] : {std::pair{"000", "Pasal 10"}, std::pair{"002", "Pasal 11"}}) {
    SCOPED_TRACE(prefix);
    const Extraction x = legal_of(prefix);
    ASSERT_EQ(x.transitional.size(), 1u);
    EXPECT_EQ(x.transitional[0].article, article);
    EXPECT_TRUE(x.transitional[0].keeps_incumbents);
    EXPECT_TRUE(x.transitional[0].regulations.empty());
    EXPECT_NE(x.transitional[0].text.find("tetap melaksanakan tugasnya"), std::string::npos);
  }
  const Extraction x = legal_of("003");
  ASSERT_EQ(x.transitional.size(), 1u);
  const TransitionalProvision& t = x.transitional[0];
  EXPECT_EQ(t.article, "Pasal 29");
  EXPECT_TRUE(t.keeps_incumbents);
  EXPECT_EQ(t.source.first_line, 675);
  ASSERT_EQ(t.regulations.size(), 4u);
  EXPECT_EQ(t.regulations[0].number, "77");
  EXPECT_EQ(t.regulations[1].number, "67");
  EXPECT_EQ(t.regulations[1].amends, 0);
  EXPECT_EQ(t.regulations[2].nested_in, 1);
  EXPECT_EQ(t.regulations[3].number, "40");
  EXPECT_EQ(t.regulations[3].year, 2023);
  EXPECT_EQ(t.regulations[3].line, 681);
  EXPECT_TRUE(legal_of("004").transitional.empty());
}

}  // namespace
}  // namespace tatakerja::regulation
