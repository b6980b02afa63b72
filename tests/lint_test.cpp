// The linter on the corpus (the exact set of defects each text has, checked by hand, for the rules
// that depend only on the parsed tree) and on small texts made for one rule each: a wrong one gets
// the finding, a right one gets none. The citation and structure rules read facts written by other
// extractors, so they are tested with hand-built Extraction objects.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "corpus.hpp"
#include "regulation/engine.hpp"
#include "regulation/lint.hpp"
#include "regulation/parser.hpp"

namespace tatakerja::regulation {
namespace {

using Codes = std::multiset<std::string>;

// The codes of the rules that depend on the tree alone.
bool tree_rule(const std::string& code) {
  static const std::set<std::string> codes = {"NUMBERING_GAP",          "NUMBERING_DUPLICATE",
                                              "XREF_UNRESOLVED",        "XREF_SELF",
                                              "NUMBER_BLANK",           "IDENTITY_NUMBER_MISMATCH",
                                              "IDENTITY_DATE_MISMATCH", "IDENTITY_TITLE_MISMATCH",
                                              "KIND_MISMATCH",          "DATE_MALFORMED"};
  return codes.count(code) > 0;
}

std::vector<Finding> lint_text(const std::string& text) {
  const Document doc = parse_document(text);
  return lint(doc, Extraction{});
}

Codes codes_of(const std::vector<Finding>& fs) {
  Codes c;
  for (const auto& f : fs) c.insert(f.code);
  return c;
}

Codes codes(const std::string& text) {
  return codes_of(lint_text(text));
}

Codes corpus_tree_codes(const std::string& prefix) {
  const Reading r = read_regulation(testing::corpus_text(prefix));
  Codes c;
  for (const auto& f : lint(r.document, r.facts))
    if (tree_rule(f.code)) c.insert(f.code);
  return c;
}

const Finding* find(const std::vector<Finding>& fs, const std::string& code) {
  auto it = std::find_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.code == code; });
  return it == fs.end() ? nullptr : &*it;
}

TEST(LintCorpus, EachTextsDefects) {
  EXPECT_EQ(corpus_tree_codes("000"),
            (Codes{"NUMBER_BLANK", "IDENTITY_NUMBER_MISMATCH", "IDENTITY_NUMBER_MISMATCH",
                   "IDENTITY_DATE_MISMATCH"}));
  EXPECT_EQ(corpus_tree_codes("001"), (Codes{"IDENTITY_NUMBER_MISMATCH"}));
  EXPECT_EQ(corpus_tree_codes("002"), Codes{});
  EXPECT_EQ(corpus_tree_codes("003"), (Codes{"NUMBERING_GAP", "DATE_MALFORMED"}));
  EXPECT_EQ(corpus_tree_codes("004"),
            (Codes{"KIND_MISMATCH", "NUMBERING_DUPLICATE", "NUMBERING_DUPLICATE", "XREF_SELF",
                   "IDENTITY_TITLE_MISMATCH", "IDENTITY_TITLE_MISMATCH"}));
}

TEST(LintCorpus, FindingsPointAtTheLine) {
  const Reading r3 = read_regulation(testing::corpus_text("003"));
  const auto f3 = lint(r3.document, r3.facts);
  ASSERT_TRUE(find(f3, "NUMBERING_GAP"));
  EXPECT_EQ(find(f3, "NUMBERING_GAP")->line, 291);  // Pasal 8 follows Pasal 6
  EXPECT_NE(find(f3, "NUMBERING_GAP")->message.find("Pasal 6 ke Pasal 8"), std::string::npos);
  ASSERT_TRUE(find(f3, "DATE_MALFORMED"));
  EXPECT_EQ(find(f3, "DATE_MALFORMED")->line, 703);

  const Reading r4 = read_regulation(testing::corpus_text("004"));
  const auto f4 = lint(r4.document, r4.facts);
  ASSERT_TRUE(find(f4, "XREF_SELF"));
  EXPECT_EQ(find(f4, "XREF_SELF")->line, 331);
  ASSERT_TRUE(find(f4, "KIND_MISMATCH"));
  EXPECT_EQ(find(f4, "KIND_MISMATCH")->line, 38);
  std::vector<int> dup_lines;
  for (const auto& f : f4)
    if (f.code == "NUMBERING_DUPLICATE") dup_lines.push_back(f.line);
  EXPECT_EQ(dup_lines, (std::vector<int>{260, 539}));  // Paragraf 1 again; Lampiran I 1,2,3,4,1

  const Reading r0 = read_regulation(testing::corpus_text("000"));
  const auto f0 = lint(r0.document, r0.facts);
  ASSERT_TRUE(find(f0, "IDENTITY_DATE_MISMATCH"));
  EXPECT_EQ(find(f0, "IDENTITY_DATE_MISMATCH")->line, 202);
  EXPECT_NE(find(f0, "IDENTITY_DATE_MISMATCH")->message.find("Lampiran I "), std::string::npos);
}

// Every finding of the engine carries a code, a line within the text and a message.
TEST(LintCorpus, FindingsAreComplete) {
  for (const char* p : {"000", "001", "002", "003", "004"}) {
    const Reading r = read_regulation(testing::corpus_text(p));
    for (const auto& f : lint(r.document, r.facts)) {
      EXPECT_FALSE(f.code.empty());
      EXPECT_FALSE(f.message.empty());
      EXPECT_GE(f.line, 0);
      EXPECT_LE(f.line, r.document.line_count);
    }
  }
}

std::string text_with(const std::string& body, const std::string& annex = "") {
  return "BUPATI CONTOH\nPERATURAN BUPATI CONTOH\nNOMOR 3 TAHUN 2025\nTENTANG\nSISTEM KERJA\n"
         "Menimbang : bahwa perlu;\nMengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang "
         "Pemerintahan Daerah;\nMEMUTUSKAN:\nMenetapkan : PERATURAN BUPATI TENTANG SISTEM "
         "KERJA.\n" +
         body + "\nDitetapkan di Contoh\npada tanggal 2 Januari 2025\nBUPATI CONTOH,\nNAMA\n" +
         annex;
}

TEST(LintNumbering, ArticlesVersesAndLetters) {
  EXPECT_EQ(codes(text_with("BAB I\nUMUM\nPasal 1\n(1) Satu:\na. satu;\nb. dua.\n(2) Dua.\n"
                            "Pasal 2\nTeks.\nBAB II\nLAIN\nPasal 3\nTeks.\n")),
            Codes{});
  // huruf a, c and ayat (1), (3)
  EXPECT_EQ(codes(text_with("BAB I\nUMUM\nPasal 1\n(1) Satu:\na. satu;\nc. tiga.\n(3) Tiga.\n")),
            (Codes{"NUMBERING_GAP", "NUMBERING_GAP"}));
  const auto dup = lint_text(text_with("BAB I\nUMUM\nPasal 1\nTeks.\nPasal 1\nTeks.\n"));
  EXPECT_EQ(codes_of(dup), Codes{"NUMBERING_DUPLICATE"});
  // A gap in Pasal is named: "Pasal 1 ke Pasal 3".
  const auto gap = lint_text(text_with("BAB I\nUMUM\nPasal 1\nTeks.\nPasal 3\nTeks.\n"));
  ASSERT_EQ(codes_of(gap), Codes{"NUMBERING_GAP"});
  EXPECT_NE(gap[0].message.find("Pasal 1 ke Pasal 3"), std::string::npos);
  // The first Pasal is not 1.
  EXPECT_EQ(codes(text_with("BAB I\nUMUM\nPasal 2\nTeks.\nPasal 3\nTeks.\n")),
            Codes{"NUMBERING_GAP"});
  // BAB I, BAB III
  EXPECT_EQ(codes(text_with("BAB I\nUMUM\nPasal 1\nTeks.\nBAB III\nLAIN\nPasal 2\nTeks.\n")),
            Codes{"NUMBERING_GAP"});
}

TEST(LintNumbering, NestedListsRestart) {
  // A list nested inside an item starts at 1 again: a child, not a sibling.
  EXPECT_EQ(codes(text_with("BAB I\nUMUM\nPasal 1\nTerdiri atas:\na. satu, meliputi:\n"
                            "1. satu;\n2. dua;\nb. dua, meliputi:\n1. satu;\n2. dua.\n")),
            Codes{});
  // 1, 2, 3, 4, 1 where item 4 introduces nothing: numbered again in the middle of a list.
  EXPECT_EQ(codes(text_with("BAB I\nUMUM\nPasal 1\nTerdiri atas:\n1. satu;\n2. dua;\n3. tiga;\n"
                            "4. empat\n1. lima.\n")),
            Codes{"NUMBERING_DUPLICATE"});
}

TEST(LintNumbering, SectionsAndParagraphs) {
  // Paragraf numbering restarts in each Bagian.
  const std::string good =
      "BAB I\nUMUM\nBagian Kesatu\nSatu\nParagraf 1\nA\nPasal 1\nTeks.\nParagraf 2\nB\nPasal 2\n"
      "Teks.\nBagian Kedua\nDua\nParagraf 1\nC\nPasal 3\nTeks.\n";
  EXPECT_EQ(codes(text_with(good)), Codes{});
  const std::string dup =
      "BAB I\nUMUM\nBagian Kesatu\nSatu\nParagraf 1\nA\nPasal 1\nTeks.\nParagraf 1\nB\nPasal 2\n"
      "Teks.\nBagian Ketiga\nTiga\nPasal 3\nTeks.\n";
  EXPECT_EQ(codes(text_with(dup)), (Codes{"NUMBERING_DUPLICATE", "NUMBERING_GAP"}));
}

TEST(LintNumbering, AnnexBlocksRestartAfterAHeading) {
  const std::string annex_good =
      "LAMPIRAN\nPERATURAN BUPATI CONTOH\nNOMOR 3 TAHUN 2025\nTANGGAL 2 Januari 2025\n"
      "URAIAN TUGAS JABATAN\n1. NAMA JABATAN : SEKRETARIS\n2. ESELON : III-A\n"
      "URAIAN TUGAS JABATAN\n1. NAMA JABATAN : KEPALA BIDANG A\n2. ESELON : III-A\n";
  EXPECT_EQ(codes(text_with("BAB I\nUMUM\nPasal 1\nTeks.\n", annex_good)), Codes{});
  const std::string annex_gap =
      "LAMPIRAN\nPERATURAN BUPATI CONTOH\nNOMOR 3 TAHUN 2025\nTANGGAL 2 Januari 2025\n"
      "URAIAN TUGAS JABATAN\n1. NAMA JABATAN : SEKRETARIS\n3. ESELON : III-A\n";
  EXPECT_EQ(codes(text_with("BAB I\nUMUM\nPasal 1\nTeks.\n", annex_gap)), Codes{"NUMBERING_GAP"});
}

TEST(LintReferences, ResolvedReferencesAreQuiet) {
  const std::string good =
      "BAB I\nUMUM\nPasal 1\n(1) Satu:\na. satu;\nb. dua.\n(2) Sebagaimana dimaksud pada ayat "
      "(1) huruf a dan huruf b.\nPasal 2\n(1) Sebagaimana dimaksud dalam Pasal 1 ayat (2) dan "
      "Pasal 4 Peraturan Daerah Nomor 1 Tahun 2020.\n(2) Sebagaimana dimaksud dalam pasal 1 ayat "
      "1, ayat (2), dan Pasal 5 dan Pasal 7 Tahun 2023 tentang Contoh.\n(3) Lihat Lampiran I "
      "Pasal 9 dan ayat (1).\n";
  EXPECT_EQ(codes(text_with(good)), Codes{});
}

TEST(LintReferences, UnresolvedAndSelf) {
  const std::string bad =
      "BAB I\nUMUM\nPasal 1\n(1) Satu:\na. satu;\nb. dua.\n(2) Sebagaimana dimaksud pada ayat "
      "(3).\n(3) Sebagaimana dimaksud pada ayat (1) huruf c.\nPasal 2\nSebagaimana dimaksud dalam "
      "Pasal 9.\nPasal 3\n(1) Lihat Pasal 3 ayat (2).\n(2) Lihat Pasal 1 ayat 4 dan Pasal 2.\n";
  const auto fs = lint_text(text_with(bad));
  // Pasal 1 ayat (1) huruf c, Pasal 9, Pasal 1 ayat 4: missing; Pasal 3 cites itself.
  EXPECT_EQ(codes_of(fs),
            (Codes{"XREF_UNRESOLVED", "XREF_UNRESOLVED", "XREF_UNRESOLVED", "XREF_SELF"}));
  const Finding* self = find(fs, "XREF_SELF");
  ASSERT_TRUE(self);
  EXPECT_NE(self->message.find("Pasal 3"), std::string::npos);
}

TEST(LintReferences, PreambleIsNotChecked) {
  std::string t = text_with("BAB I\nUMUM\nPasal 1\nTeks.\n");
  t.replace(t.find("bahwa perlu;"), 12, "bahwa untuk melaksanakan Pasal 25;");
  EXPECT_EQ(codes(t), Codes{});
}

TEST(LintIdentity, KindAndDate) {
  auto fs = lint_text(text_with("BAB I\nUMUM\nPasal 1\nDalam Peraturan Wali Kota ini.\n"));
  ASSERT_EQ(codes_of(fs), Codes{"KIND_MISMATCH"});
  EXPECT_NE(fs[0].message.find("Peraturan Wali Kota ini"), std::string::npos);
  // Each kind a text may call itself is named in title case (a Walikota as Wali Kota).
  for (const auto& [written, named] : std::vector<std::pair<std::string, std::string>>{
           {"Peraturan Gubernur ini", "Peraturan Gubernur ini"},
           {"Peraturan Daerah ini", "Peraturan Daerah ini"},
           {"PERATURAN WALIKOTA ini", "Peraturan Wali Kota ini"},
           {"Keputusan Gubernur ini", "Keputusan Gubernur ini"},
           {"Keputusan Bupati ini", "Keputusan Bupati ini"},
           {"Keputusan Walikota ini", "Keputusan Wali Kota ini"},
           {"Keputusan Kepala Badan ini", "Keputusan Kepala ini"}}) {
    const auto kind_fs =
        lint_text(text_with("BAB I\nUMUM\nPasal 1\nDalam " + written + " diatur.\n"));
    ASSERT_EQ(codes_of(kind_fs), Codes{"KIND_MISMATCH"}) << written;
    EXPECT_NE(kind_fs[0].message.find("\"" + named + "\""), std::string::npos) << written;
  }
  EXPECT_EQ(codes(text_with("BAB I\nUMUM\nPasal 1\nDalam Peraturan Bupati ini yang dimaksud "
                            "dengan Peraturan Gubernur adalah peraturan lain.\n")),
            Codes{});
  std::string t = text_with("BAB I\nUMUM\nPasal 1\nTeks.\n");
  t.replace(t.find("2 Januari 2025"), 14, "31 Februari 2025");
  EXPECT_EQ(codes(t), Codes{"DATE_MALFORMED"});
  std::string y = text_with("BAB I\nUMUM\nPasal 1\nTeks.\n");
  y.replace(y.find("2 Januari 2025"), 14, "2 Januari 202");
  EXPECT_EQ(codes(y), Codes{"DATE_MALFORMED"});
}

std::string annex(const std::string& number, const std::string& date, const std::string& title) {
  return "LAMPIRAN\nPERATURAN BUPATI CONTOH\nNOMOR " + number + " TAHUN 2025\nTANGGAL " + date +
         "\nTENTANG " + title + "\n\nBAGAN\n";
}

TEST(LintIdentity, AnnexAgainstBody) {
  const std::string body = "BAB I\nUMUM\nPasal 1\nTeks.\n";
  EXPECT_EQ(codes(text_with(body, annex("3", "2 Januari 2025", "SISTEM KERJA"))), Codes{});
  // The annex may drop the region at the end of the title.
  std::string regional = text_with(body, annex("3", "2 Januari 2025", "SISTEM KERJA"));
  regional.replace(regional.find("TENTANG\nSISTEM KERJA\n"), 21,
                   "TENTANG\nSISTEM KERJA KABUPATEN CONTOH\n");
  EXPECT_EQ(codes(regional), Codes{});
  EXPECT_EQ(codes(text_with(body, annex("4", "2 Januari 2025", "SISTEM KERJA"))),
            Codes{"IDENTITY_NUMBER_MISMATCH"});
  EXPECT_EQ(codes(text_with(body, annex("3", "2 Februari 2025", "SISTEM KERJA"))),
            Codes{"IDENTITY_DATE_MISMATCH"});
  EXPECT_EQ(codes(text_with(body, annex("3", "2 Januari 2025", "SISTEM KERJA UNTUK SEMUA"))),
            Codes{"IDENTITY_TITLE_MISMATCH"});
}

TEST(LintIdentity, NumberLeftBlank) {
  std::string t = text_with("BAB I\nUMUM\nPasal 1\nTeks.\n");
  t.replace(t.find("NOMOR 3 TAHUN"), 13, "NOMOR /O/ TAHUN");
  const auto fs = lint_text(t);
  ASSERT_EQ(codes_of(fs), Codes{"NUMBER_BLANK"});
  EXPECT_EQ(fs[0].line, 3);
}

Citation cite(const std::string& kind, const std::string& number, int year,
              const std::string& title, int line) {
  Citation c;
  c.kind = kind;
  c.number = number;
  c.year = year;
  c.title = title;
  c.line = line;
  return c;
}

Gazette gazette(int year, const std::string& number) {
  Gazette g;
  g.name = "Lembaran Negara Republik Indonesia";
  g.year = year;
  g.number = number;
  return g;
}

TEST(LintCitations, GazetteBeforeYear) {
  const Document doc = parse_document(text_with("BAB I\nUMUM\nPasal 1\nTeks.\n"));
  Extraction x;
  x.citations.push_back(cite("Undang-Undang", "69", 1958, "Pembentukan Daerah", 19));
  x.citations.back().gazette = gazette(1958, "122");
  EXPECT_EQ(codes_of(lint(doc, x)), Codes{});
  x.citations.back().year = 1965;
  const auto fs = lint(doc, x);
  ASSERT_EQ(codes_of(fs), Codes{"CITATION_GAZETTE_BEFORE_YEAR"});
  EXPECT_EQ(fs[0].line, 19);
}

TEST(LintCitations, SameRegulationCitedDifferently) {
  const Document doc = parse_document(text_with("BAB I\nUMUM\nPasal 1\nTeks.\n"));
  Extraction x;
  // Menimbang without a gazette, Mengingat with one: the same.
  x.citations.push_back(cite("Undang-Undang", "23", 2014, "Pemerintahan Daerah", 5));
  x.citations.push_back(cite("Undang-Undang", "23", 2014, "Pemerintahan Daerah", 8));
  x.citations.back().gazette = gazette(2014, "244");
  // A later law of the same title (another number and year) is another law.
  x.citations.push_back(cite("Undang-Undang", "32", 2004, "Pemerintahan Daerah", 9));
  // An amendment that keeps the title.
  Citation perda = cite("Peraturan Daerah", "6", 2014, "Pembentukan Produk Hukum Daerah", 10);
  perda.region = "Kota Contoh";
  x.citations.push_back(perda);
  Citation amend = perda;
  amend.number = "7";
  amend.amends = static_cast<int>(x.citations.size()) - 1;
  x.citations.push_back(amend);
  EXPECT_EQ(codes_of(lint(doc, x)), Codes{});

  // Another gazette number for the same law.
  Extraction g = x;
  g.citations.push_back(cite("Undang-Undang", "23", 2014, "Pemerintahan Daerah", 12));
  g.citations.back().gazette = gazette(2014, "224");
  auto fs = lint(doc, g);
  ASSERT_EQ(codes_of(fs), Codes{"CITATION_INCONSISTENT"});
  EXPECT_EQ(fs[0].line, 12);

  // The same title and number with another year (9/2016 and, nested, 9/2006): once.
  Extraction t = x;
  Citation p16 =
      cite("Peraturan Daerah", "9", 2016, "Pembentukan dan Susunan Perangkat Daerah", 20);
  p16.region = "Provinsi Contoh";
  Citation p06 = p16;
  p06.year = 2006;
  p06.nested_in = 0;
  t.citations.push_back(p16);
  t.citations.push_back(p06);
  t.citations.push_back(p16);
  t.citations.push_back(p06);
  fs = lint(doc, t);
  ASSERT_EQ(codes_of(fs), Codes{"CITATION_INCONSISTENT"});
  EXPECT_NE(fs[0].message.find("Nomor 9 Tahun 2006"), std::string::npos);
}

TEST(LintCitations, AcrossTexts) {
  auto with_uu = [](const std::string& number) {
    Extraction x;
    x.citations.push_back(cite("Undang-Undang", "23", 2014, "Pemerintahan Daerah", 24));
    x.citations.back().gazette = gazette(2014, number);
    return x;
  };
  const Extraction a = with_uu("244"), b = with_uu("244"), c = with_uu("224");
  // The odd one out carries the finding.
  auto fs = lint_set({{"a.txt", &a}, {"b.txt", &b}, {"c.txt", &c}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].code, "CITATION_INCONSISTENT");
  EXPECT_EQ(fs[0].file, "c.txt");
  EXPECT_EQ(fs[0].line, 24);
  EXPECT_NE(fs[0].message.find("Nomor 244"), std::string::npos);
  // No majority: both texts carry it.
  fs = lint_set({{"a.txt", &a}, {"c.txt", &c}});
  EXPECT_EQ(fs.size(), 2u);
  // Agreeing texts: nothing.
  EXPECT_TRUE(lint_set({{"a.txt", &a}, {"b.txt", &b}}).empty());
}

Position position(const std::string& id, const std::string& title, const std::string& unit,
                  bool with_duties) {
  Position p;
  p.id = id;
  p.title = title;
  p.unit = unit;
  if (with_duties) p.duties = {"menyusun rencana"};
  p.source.first_line = 5;
  return p;
}

Unit unit(const std::string& id, const std::string& name, UnitKind kind) {
  Unit u;
  u.id = id;
  u.name = name;
  u.kind = kind;
  u.source.first_line = 7;
  return u;
}

Extraction agency_facts() {
  Extraction x;
  Agency a;
  a.name = "Badan Pengelola Perbatasan Daerah";
  a.short_name = "Badan";
  a.kind = "Badan";
  x.agency = a;
  x.regulation.region = "Provinsi Contoh";
  x.units = {unit("u1", "Sekretariat", UnitKind::Sekretariat),
             unit("u2", "Bidang Satu", UnitKind::Bidang),
             unit("u3", "Kelompok Jabatan Fungsional", UnitKind::KelompokJabatanFungsional)};
  x.positions = {position("p1", "Kepala Badan", "", true), position("p2", "Sekretaris", "u1", true),
                 position("p3", "Kepala Bidang Satu", "u2", true)};
  return x;
}

TEST(LintStructure, BidangLimitAndEselon) {
  const Document doc = parse_document(text_with("BAB I\nUMUM\nPasal 1\nTeks.\n"));
  Extraction x = agency_facts();
  x.agency->type = "C";
  x.agency->max_bidang = 1;
  x.positions[1].eselon = "III.a";
  x.positions[1].eselon_annex = "III-A";
  EXPECT_EQ(codes_of(lint(doc, x)), Codes{});
  x.units.push_back(unit("u4", "Bidang Dua", UnitKind::Bidang));
  x.positions.push_back(position("p4", "Kepala Bidang Dua", "u4", true));
  x.positions[1].eselon_annex = "III-B";
  EXPECT_EQ(codes_of(lint(doc, x)), (Codes{"STRUCTURE_LIMIT", "ESELON_MISMATCH"}));
}

TEST(LintStructure, JobDescriptionsAgainstUnits) {
  const std::string blocks =
      "LAMPIRAN\nPERATURAN BUPATI CONTOH\nNOMOR 3 TAHUN 2025\nTANGGAL 2 Januari 2025\n"
      "URAIAN TUGAS JABATAN\n1. NAMA JABATAN : KEPALA BADAN PENGELOLA PERBATASAN DAERAH "
      "PROVINSI CONTOH\n2. ESELON : II-A\nURAIAN TUGAS JABATAN\n1. NAMA JABATAN : SEKRETARIS\n"
      "2. ESELON : III-A\n";
  const Document good = parse_document(text_with("BAB I\nUMUM\nPasal 1\nTeks.\n", blocks));
  Extraction x = agency_facts();
  EXPECT_EQ(codes_of(lint(good, x)), Codes{});
  // A unit whose head has no job description while the others have one.
  x.positions[2].duties.clear();
  auto fs = lint(good, x);
  ASSERT_EQ(codes_of(fs), Codes{"UNIT_WITHOUT_JOB_DESCRIPTION"});
  EXPECT_NE(fs[0].message.find("Bidang Satu"), std::string::npos);
  // A block for a position the structure does not have.
  const Document extra = parse_document(text_with(
      "BAB I\nUMUM\nPasal 1\nTeks.\n",
      blocks + "URAIAN TUGAS JABATAN\n1. NAMA JABATAN : KEPALA BIDANG TIGA\n2. ESELON : III-A\n"));
  fs = lint(extra, agency_facts());
  ASSERT_EQ(codes_of(fs), Codes{"JOB_DESCRIPTION_WITHOUT_UNIT"});
  EXPECT_NE(fs[0].message.find("KEPALA BIDANG TIGA"), std::string::npos);
}

// An excerpt (no heading, no preamble; it starts with a sentence citing the regulation, at
// Pasal 4) is not a defective regulation: the missing heading and the inferred identity are
// info, and its numbering may start where the copy starts.
TEST(LintExcerpt, InfoNotDefects) {
  const std::string excerpt =
      "Berdasarkan Peraturan Bupati Contoh Nomor 41 Tahun 2021 tentang Kedudukan dan Susunan "
      "Organisasi Dinas Pekerjaan Umum, susunan organisasi dinas adalah sebagai berikut:\n\n"
      "Pasal 4\n"
      "(1) Susunan organisasi Dinas Pekerjaan Umum terdiri atas:\n"
      "a. Kepala Dinas;\n"
      "b. Sekretariat;\n"
      "c. Bidang Bina Marga; dan\n"
      "d. Bidang Cipta Karya.\n"
      "(2) Kepala Dinas merupakan jabatan struktural eselon II.b.\n\n"
      "Pasal 5\n"
      "Sekretariat dipimpin oleh seorang Sekretaris.\n";
  const Reading r = read_regulation(excerpt);
  EXPECT_EQ(r.facts.regulation.kind, "Peraturan Bupati");
  EXPECT_EQ(r.facts.regulation.number, "41");
  EXPECT_TRUE(r.facts.regulation.inferred);
  ASSERT_TRUE(r.facts.agency);
  EXPECT_EQ(r.facts.agency->name, "Dinas Pekerjaan Umum");
  ASSERT_FALSE(r.facts.positions.empty());
  EXPECT_EQ(r.facts.positions.front().eselon, "II.b");
  std::map<std::string, Severity> found;
  for (const auto& f : r.facts.findings) found[f.code] = f.severity;
  EXPECT_FALSE(found.contains("HEADING_UNREADABLE"));
  EXPECT_FALSE(found.contains("NUMBERING_GAP"));
  ASSERT_TRUE(found.contains("HEADING_MISSING"));
  EXPECT_EQ(found["HEADING_MISSING"], Severity::Info);
  ASSERT_TRUE(found.contains("IDENTITY_INFERRED"));
  EXPECT_EQ(found["IDENTITY_INFERRED"], Severity::Info);
}

}  // namespace
}  // namespace tatakerja::regulation
