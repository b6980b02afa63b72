// The parser on the corpus and on the artefacts of converted and scanned texts.
#include <gtest/gtest.h>

#include "corpus.hpp"
#include "regulation/heading_fields.hpp"
#include "regulation/lines.hpp"
#include "regulation/marker.hpp"
#include "regulation/node_query.hpp"
#include "regulation/parser.hpp"

namespace tatakerja::regulation {
namespace {

using testing::corpus_text;

TEST(Marker, ReadsNumberingAndOcrSlips) {
  auto m = structural_marker("BABI");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, NodeKind::Chapter);
  EXPECT_EQ(m->label, "I");
  EXPECT_TRUE(m->repaired);
  m = structural_marker("Paaal 5");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, NodeKind::Article);
  EXPECT_EQ(m->label, "5");
  m = structural_marker("Pasal l2");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->label, "12");
  EXPECT_FALSE(structural_marker("Pasal 4 Peraturan Daerah"));
  m = item_marker("(l) Badan dipimpin");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, NodeKind::Verse);
  EXPECT_EQ(m->label, "1");
  // Bagian numbered by the common words in any case, and by one that is read otherwise.
  m = structural_marker("BAGIAN KESEMBILAN");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, NodeKind::Section);
  EXPECT_EQ(m->ordinal, 9);
  EXPECT_EQ(m->label, "Kesembilan");
  m = structural_marker("Bagian Kesebelas");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->ordinal, 11);
  m = structural_marker("Bagian Kedelapanbelas");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->ordinal, 18);
  EXPECT_FALSE(structural_marker("Bagian Kesatuan"));
  m = item_marker("KEDUA : Tim bertugas");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, NodeKind::Dictum);
  EXPECT_EQ(m->ordinal, 2);
  m = item_marker("aa. melaksanakan kegiatan");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->ordinal, 27);
  m = item_marker("6.13. Melaksanakan tugas");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, NodeKind::DottedNumber);
  EXPECT_EQ(m->label, "6.13");
  EXPECT_TRUE(starts_with_keyword("Menirnbang :", "Menimbang"));
  // A scan's slips around list markers: "cl." for "d.", specks before the letter, "1O" for 10.
  m = item_marker("cl. Bidang Perikanan Budidaya, terdiri atas:");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->kind, NodeKind::Letter);
  EXPECT_EQ(m->label, "d");
  EXPECT_TRUE(m->repaired);
  m = item_marker("-3c. pelaksanaan evaluasi");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->label, "c");
  EXPECT_EQ(m->rest, "pelaksanaan evaluasi");
  m = item_marker("~b. pengelolaan urusan umum");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->label, "b");
  EXPECT_FALSE(item_marker("3c. bukan penanda"));
  m = structural_marker("Pasal 1O");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->label, "10");
  m = structural_marker("Pasal 12A");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->label, "12A");
}

// A web page's copy: the heading on one line (number and title run together), the articles with
// their list markers turned into bullets; the bullets are read as the lists they were.
TEST(Parser, HeadingOnOneLineAndBulletedLists) {
  const auto d = parse_document(
      "KEPUTUSAN KEPALA DINAS KESEHATAN KABUPATEN X NOMOR : 800/12/DINKES/2024 TENTANG "
      "INDIKATOR KINERJA INDIVIDU\n\n"
      "Pasal 3\n\n"
      "(1) Susunan organisasi Dinas terdiri atas:\n\n"
      "\xE2\x80\xA2 Kepala Dinas;\n\n"
      "\xE2\x80\xA2 Bidang Pelayanan, membawahi:\n\n"
      "- Seksi Rujukan; dan\n\n"
      "- Seksi Primer;\n\n"
      "\xE2\x80\xA2 Bidang Sumber Daya.\n");
  EXPECT_EQ(d.heading.number, "800/12/DINKES/2024");
  EXPECT_EQ(d.heading.year, 2024);
  EXPECT_EQ(d.heading.title, "INDIKATOR KINERJA INDIVIDU");
  const Node* art = find_article(d, "3");
  ASSERT_TRUE(art);
  ASSERT_EQ(art->children.size(), 1u);
  const Node& verse = art->children[0];
  ASSERT_EQ(verse.children.size(), 3u);
  EXPECT_EQ(verse.children[0].kind, NodeKind::Letter);
  EXPECT_EQ(verse.children[1].label, "b");
  EXPECT_EQ(verse.children[2].text, "Bidang Sumber Daya.");
  ASSERT_EQ(verse.children[1].children.size(), 2u);
  EXPECT_EQ(verse.children[1].children[1].kind, NodeKind::Number);
  EXPECT_EQ(verse.children[1].children[1].text, "Seksi Primer;");
}

TEST(Lines, DropsConversionArtefacts) {
  EXPECT_EQ(clean_line_text("- 1. NAMA JABATAN : SEKRETARIS**"), "1. NAMA JABATAN : SEKRETARIS");
  EXPECT_EQ(clean_line_text("| 1. NAMA JABATAN | : | KEPALA SUB BAGIAN KEUANGAN |"),
            "1. NAMA JABATAN : KEPALA SUB BAGIAN KEUANGAN");
  EXPECT_EQ(clean_line_text("|-------|-----|"), "");
  EXPECT_EQ(clean_line_text("#### Pasal 4"), "Pasal 4");
  EXPECT_EQ(clean_line_text("Anda di halaman 1 dari 67"), "");
  EXPECT_EQ(clean_line_text("<i>Jumlah Dokumen</i>"), "Jumlah Dokumen");
  EXPECT_TRUE(is_page_mark("22"));
  EXPECT_TRUE(is_page_mark("dy"));
  EXPECT_TRUE(is_page_mark("\xCF\x86"));  // φ
  EXPECT_FALSE(is_page_mark("a."));
  EXPECT_TRUE(is_page_break_echo("3. Undang-Undang. . ."));
  EXPECT_TRUE(is_page_break_echo("Bagian. . ."));
  EXPECT_FALSE(is_page_break_echo("Pelaksanaan tugas lain yang diberikan oleh atasan."));
}

TEST(HeadingFields, DecreeNumbersEndingInTheYearAndHeadingsOnOneLine) {
  auto n = read_number_line("NOMOR : 050/027/DISTANBUN/2024");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->number, "050/027/DISTANBUN/2024");
  EXPECT_EQ(n->year, 2024);
  n = read_number_line("NOMOR : 470/018/DUKCAPIL/I/2024 TENTANG INDIKATOR KINERJA TAHUN 2025");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->number, "470/018/DUKCAPIL/I/2024");
  EXPECT_EQ(n->year, 2024);  // the title's year is not the decree's
  EXPECT_EQ(n->rest, "TENTANG INDIKATOR KINERJA TAHUN 2025");
  n = read_number_line("NOMOR 12 TAHUN 2023 TENTANG PERUBAHAN");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->number, "12");
  EXPECT_EQ(n->year, 2023);
  EXPECT_EQ(n->rest, "TENTANG PERUBAHAN");
  // A last part of other digits is no year.
  n = read_number_line("NOMOR : 800/123/BKD/12345");
  ASSERT_TRUE(n);
  EXPECT_FALSE(n->year);
  n = read_number_line("NOMOR : 800/123/BKD/0417");
  ASSERT_TRUE(n);
  EXPECT_FALSE(n->year);
}

TEST(Parser, HeadingOfEachCorpusText) {
  auto d0 = parse_document(corpus_text("000"));
  EXPECT_EQ(d0.heading.kind, "Peraturan Gubernur");
  EXPECT_EQ(d0.heading.region, "Provinsi Nusa Tenggara Timur");
  EXPECT_EQ(d0.heading.number, "");  // left blank: "/O/"
  EXPECT_EQ(d0.heading.year, 2023);
  auto d1 = parse_document(corpus_text("001"));
  EXPECT_EQ(d1.heading.kind, "Keputusan Kepala Badan");
  EXPECT_EQ(d1.heading.number, "07/BPPD");
  EXPECT_EQ(d1.heading.region, "Kabupaten Kapuas Hulu");
  auto d2 = parse_document(corpus_text("002"));
  EXPECT_EQ(d2.heading.number, "77");
  auto d3 = parse_document(corpus_text("003"));
  EXPECT_EQ(d3.heading.kind, "Peraturan Wali Kota");
  EXPECT_EQ(d3.heading.number, "20");
  EXPECT_EQ(d3.heading.year, 2024);
  EXPECT_EQ(d3.heading.region, "Kota Batam");
  auto d4 = parse_document(corpus_text("004"));
  EXPECT_EQ(d4.heading.kind, "Peraturan Bupati");
  EXPECT_EQ(d4.heading.region, "Kabupaten Kupang");
  EXPECT_EQ(d4.heading.title, "SISTEM KERJA DI LINGKUNGAN PEMERINTAH KABUPATEN KUPANG");
}

TEST(Parser, BodyArticlesAndEchoesOf003) {
  auto d = parse_document(corpus_text("003"));
  auto arts = articles(d);
  ASSERT_EQ(arts.size(), 30u);  // Pasal 1..31 without Pasal 7, which the text lacks
  EXPECT_EQ(arts.front()->label, "1");
  EXPECT_EQ(arts.back()->label, "31");
  // Mengingat: 9 items, the page-break echoes "3. Undang-Undang. . ." dropped.
  ASSERT_EQ(d.bases.children.size(), 9u);
  EXPECT_EQ(d.bases.children[2].label, "3");
  EXPECT_NE(d.bases.children[2].text.find("Nomor 23 Tahun 2014"), std::string::npos);
  // Pasal 3 ayat (4): uraian tugas a. to t., each once.
  const Node* p3 = find_article(d, "3");
  ASSERT_TRUE(p3);
  ASSERT_EQ(p3->children.size(), 4u);
  const Node& ayat4 = p3->children[3];
  ASSERT_EQ(ayat4.children.size(), 20u);
  EXPECT_EQ(ayat4.children.front().label, "a");
  EXPECT_EQ(ayat4.children.back().label, "t");
  EXPECT_EQ(d.closing.place, "Batam");
  EXPECT_EQ(d.closing.date, "8 Januari 202");
  ASSERT_EQ(d.annexes.size(), 2u);
  EXPECT_EQ(d.annexes[1].label, "II");
}

TEST(Parser, SpansPointAtTheSourceLines) {
  auto d = parse_document(corpus_text("000"));
  const Node* p8 = find_article(d, "8");
  ASSERT_TRUE(p8);
  EXPECT_EQ(p8->span.first_line, 128);
  EXPECT_EQ(p8->children[0].span.first_line, 130);
  ASSERT_EQ(d.annexes.size(), 2u);
  EXPECT_EQ(d.annexes[0].date, "29 Oktober 2023");
  EXPECT_EQ(d.annexes[1].number, "10");
}

// A node's span holds its children's lines: those of a list closed by the next article, and of
// the nodes still open when the body ends.
TEST(Parser, SpansHoldTheLinesOfTheChildren) {
  const auto d = parse_document(
      "BAB I\nKETENTUAN UMUM\nPasal 1\n(1) Badan terdiri atas:\na. sekretariat;\n"
      "b. bidang.\nPasal 2\n(1) Kepala Badan mempunyai tugas:\na. menyusun rencana;\n"
      "b. melaksanakan\nkegiatan.\n");
  ASSERT_EQ(d.body.children.size(), 1u);
  const Node& bab = d.body.children[0];
  EXPECT_EQ(bab.span.first_line, 1);
  EXPECT_EQ(bab.span.last_line, 11);
  EXPECT_EQ(d.body.span.last_line, 11);
  const Node* p1 = find_article(d, "1");
  const Node* p2 = find_article(d, "2");
  ASSERT_TRUE(p1 && p2);
  EXPECT_EQ(p1->span.first_line, 3);
  EXPECT_EQ(p1->span.last_line, 6);
  EXPECT_EQ(p2->span.first_line, 7);
  EXPECT_EQ(p2->span.last_line, 11);
  ASSERT_EQ(p2->children.size(), 1u);
  EXPECT_EQ(p2->children[0].span.last_line, 11);
  ASSERT_EQ(p2->children[0].children.size(), 2u);
  EXPECT_EQ(p2->children[0].children[1].span.first_line, 10);
  EXPECT_EQ(p2->children[0].children[1].span.last_line, 11);
}

TEST(Parser, DecreeDictums) {
  auto d = parse_document(corpus_text("001"));
  ASSERT_EQ(d.body.children.size(), 3u);
  EXPECT_EQ(d.body.children[0].kind, NodeKind::Dictum);
  EXPECT_EQ(d.body.children[2].label, "KETIGA");
  EXPECT_EQ(d.body.children[2].children.size(), 5u);
  EXPECT_EQ(d.closing.signatory_name, "Hj. ANA MARIANA.S.T.M.M.");
}

// An article's heading run into its first ayat is cut after a heading or a sentence's end, and
// not where a hard-wrapped sentence goes on with a reference to an article.
TEST(Parser, ArticleHeadingRunIntoItsFirstAyat) {
  const auto d = parse_document(
      "BAB IV\nTUGAS DAN FUNGSI\nBagian Kesatu Kepala Badan\n"
      "Pasal 4 (1) Kepala Badan mempunyai tugas membantu Wali Kota sesuai\n"
      "Pasal 5 Peraturan Daerah Nomor 4 Tahun 2016.\n"
      "(2) Kepala Badan menyelenggarakan fungsi koordinasi.\n");
  const Node* art = find_article(d, "4");
  ASSERT_TRUE(art);
  EXPECT_FALSE(find_article(d, "5"));
  ASSERT_EQ(art->children.size(), 2u);
  EXPECT_EQ(art->children[0].kind, NodeKind::Verse);
  EXPECT_NE(art->children[0].text.find("sesuai Pasal 5 Peraturan Daerah"), std::string::npos);
}

}  // namespace
}  // namespace tatakerja::regulation
