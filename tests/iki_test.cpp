// IKI tables of the decree 001 and the formula reader, checked by hand against the text: every
// table's position, row count and first and last rows, the units and superiors the blocks imply,
// and every formula shape the corpus writes plus made-up and broken ones.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "regulation/engine.hpp"
#include "regulation/formula.hpp"
#include "regulation/iki_titles.hpp"
#include "regulation/parser.hpp"

namespace tatakerja::regulation {
namespace {

const std::string kTimes = "\xC3\x97";

// ---- Formula reader ----

TEST(Formula, LatexRatioInPercentWithParenthesisedNumerator) {
  // 001 line 122.
  const Formula f = read_formula(
      "$\\frac{\\text{(Jumlah Realisasi Anggaran)}}{\\text{Jumlah Total Anggaran}} \\times "
      "100\\%$");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_EQ(f.numerator, "Jumlah Realisasi Anggaran");
  EXPECT_EQ(f.denominator, "Jumlah Total Anggaran");
  EXPECT_TRUE(f.percent);
  EXPECT_EQ(f.text, "Jumlah Realisasi Anggaran / Jumlah Total Anggaran " + kTimes + " 100%");
}

TEST(Formula, LatexRatioTimesHundredWithoutPercentSign) {
  // 001 line 124: "\times 100" with no "\%".
  const Formula f = read_formula(
      "$\\frac{\\text{Jumlah dokumen kepegawaian yang Diselesaikan}}{\\text{Jumlah dokumen "
      "kepegawaian yang ditargetkan}} \\times 100$");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_EQ(f.numerator, "Jumlah dokumen kepegawaian yang Diselesaikan");
  EXPECT_EQ(f.denominator, "Jumlah dokumen kepegawaian yang ditargetkan");
  EXPECT_TRUE(f.percent);
}

TEST(Formula, LatexRatioTimesHundredColon) {
  // 001 line 138: "\times 100 :" (an OCR'd percent sign).
  const Formula f =
      read_formula("$\\frac{\\text{Pagu RUP}}{\\text{pagu pengadaan}} \\times 100 :$");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_EQ(f.numerator, "Pagu RUP");
  EXPECT_EQ(f.denominator, "pagu pengadaan");
  EXPECT_TRUE(f.percent);
  EXPECT_EQ(f.text, "Pagu RUP / pagu pengadaan " + kTimes + " 100%");
}

TEST(Formula, KeepsTheCellAsWritten) {
  // The registry stores the cell as written beside the reading (the web interface renders it).
  const Formula f =
      read_formula("  $\\frac{\\text{Pagu RUP}}{\\text{pagu pengadaan}}   \\times 100 :$ ");
  EXPECT_EQ(f.written, "$\\frac{\\text{Pagu RUP}}{\\text{pagu pengadaan}} \\times 100 :$");
  EXPECT_EQ(read_formula("Jumlah Dokumen").written, "Jumlah Dokumen");
}

TEST(Formula, FracWithoutTextAndWithoutHundred) {
  const Formula f = read_formula("\\frac{Realisasi}{Target}");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_EQ(f.numerator, "Realisasi");
  EXPECT_EQ(f.denominator, "Target");
  EXPECT_FALSE(f.percent);
  EXPECT_EQ(f.text, "Realisasi / Target");
  const Formula d =
      read_formula("$\\dfrac{\\mathrm{Realisasi}}{\\mathrm{Target}} \\cdot 100\\,\\%$");
  EXPECT_EQ(d.kind, FormulaKind::Ratio);
  EXPECT_EQ(d.numerator, "Realisasi");
  EXPECT_EQ(d.denominator, "Target");
  EXPECT_TRUE(d.percent);
}

TEST(Formula, CountsOfTheCorpus) {
  for (const char* cell : {"Jumlah Dokumen", "jumlah dokumen", "Jumlah dokumen"}) {
    SCOPED_TRACE(cell);
    const Formula f = read_formula(cell);
    EXPECT_EQ(f.kind, FormulaKind::Count);
    EXPECT_EQ(f.counted, "Dokumen");
    EXPECT_EQ(f.text, cell);
  }
  Formula f = read_formula("Jumlah Instrumen");
  EXPECT_EQ(f.kind, FormulaKind::Count);
  EXPECT_EQ(f.counted, "Instrumen");
  // 001 line 225, as the file writes it (italic markup).
  f = read_formula("<i>Jumlah Data dukung yang dihimpun</i>");
  EXPECT_EQ(f.kind, FormulaKind::Count);
  EXPECT_EQ(f.counted, "Data dukung yang dihimpun");
  EXPECT_EQ(f.text, "Jumlah Data dukung yang dihimpun");
  // "Jumlah" alone counts nothing.
  EXPECT_EQ(read_formula("Jumlah").kind, FormulaKind::Text);
}

TEST(Formula, Predicates) {
  Formula f = read_formula("Hasil Evaluasi SAKIP");
  EXPECT_EQ(f.kind, FormulaKind::Predicate);
  EXPECT_EQ(f.evaluation, "SAKIP");
  EXPECT_EQ(f.text, "Hasil Evaluasi SAKIP");
  f = read_formula("Predikat SAKIP");
  EXPECT_EQ(f.kind, FormulaKind::Predicate);
  EXPECT_EQ(f.evaluation, "SAKIP");
  f = read_formula("Nilai Hasil Evaluasi Reformasi Birokrasi");
  EXPECT_EQ(f.kind, FormulaKind::Predicate);
  EXPECT_EQ(f.evaluation, "Reformasi Birokrasi");
  f = read_formula("Hasil Evaluasi : SAKIP");
  EXPECT_EQ(f.kind, FormulaKind::Predicate);
  EXPECT_EQ(f.evaluation, "SAKIP");
}

TEST(Formula, NamedDocumentsAreText) {
  Formula f = read_formula("<i>Dokumen Rencana Aksi</i>");
  EXPECT_EQ(f.kind, FormulaKind::Text);
  EXPECT_EQ(f.text, "Dokumen Rencana Aksi");
  f = read_formula("Dokumen pendukung data potensi sumber daya kawasan perbatasan");
  EXPECT_EQ(f.kind, FormulaKind::Text);
  EXPECT_EQ(f.text, "Dokumen pendukung data potensi sumber daya kawasan perbatasan");
  EXPECT_TRUE(f.numerator.empty());
  EXPECT_TRUE(f.counted.empty());
}

TEST(Formula, PlainTextRatios) {
  Formula f = read_formula("Jumlah Dokumen Selesai / Jumlah Dokumen Target x 100%");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_EQ(f.numerator, "Jumlah Dokumen Selesai");
  EXPECT_EQ(f.denominator, "Jumlah Dokumen Target");
  EXPECT_TRUE(f.percent);
  EXPECT_EQ(f.text, "Jumlah Dokumen Selesai / Jumlah Dokumen Target " + kTimes + " 100%");

  f = read_formula("(Realisasi Anggaran) : (Pagu Anggaran) X 100 %");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_EQ(f.numerator, "Realisasi Anggaran");
  EXPECT_EQ(f.denominator, "Pagu Anggaran");
  EXPECT_TRUE(f.percent);

  f = read_formula("Realisasi/Target " + kTimes + " 100%");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_EQ(f.numerator, "Realisasi");
  EXPECT_EQ(f.denominator, "Target");

  f = read_formula("Kegiatan terlaksana / kegiatan direncanakan");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_FALSE(f.percent);
  EXPECT_EQ(f.text, "Kegiatan terlaksana / kegiatan direncanakan");

  // A slash inside a word is no division when nothing is multiplied by 100.
  f = read_formula("Jumlah Dokumen barang/jasa");
  EXPECT_EQ(f.kind, FormulaKind::Count);
  EXPECT_EQ(f.counted, "Dokumen barang/jasa");
  // A colon without "x 100" introduces a value, it does not divide.
  EXPECT_NE(read_formula("Dokumen : Renstra").kind, FormulaKind::Ratio);
}

TEST(Formula, RatiosInProse) {
  Formula f = read_formula(
      "jumlah laporan yang diselesaikan tepat waktu dibagi jumlah laporan dikali 100%");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_EQ(f.numerator, "jumlah laporan yang diselesaikan tepat waktu");
  EXPECT_EQ(f.denominator, "jumlah laporan");
  EXPECT_TRUE(f.percent);
  f = read_formula("Realisasi Pendapatan dibagi dengan Target Pendapatan dikalikan dengan 100 %");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_EQ(f.numerator, "Realisasi Pendapatan");
  EXPECT_EQ(f.denominator, "Target Pendapatan");
  EXPECT_TRUE(f.percent);
  f = read_formula("Jumlah penduduk terlayani DIBAGI jumlah penduduk");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_FALSE(f.percent);
  // "kali" inside a word multiplies nothing, and "dibagi" must stand between two operands.
  EXPECT_NE(read_formula("Jumlah sekali 100").kind, FormulaKind::Ratio);
  EXPECT_NE(read_formula("dibagi jumlah").kind, FormulaKind::Ratio);
  EXPECT_EQ(read_formula("Dokumen yang dibagi").kind, FormulaKind::Text);
}

TEST(Formula, SumSignsCountAndCategoriesAreGrades) {
  Formula f = read_formula("\xE2\x88\x91 laporan monitoring dan evaluasi yang disusun");
  EXPECT_EQ(f.kind, FormulaKind::Count);
  EXPECT_EQ(f.counted, "Laporan monitoring dan evaluasi yang disusun");
  EXPECT_EQ(read_formula("\xCE\xA3 Dokumen").kind, FormulaKind::Count);
  EXPECT_EQ(read_formula("\xE2\x88\x91").kind, FormulaKind::Text);
  f = read_formula("Kategori hasil evaluasi Renja oleh Bappeda (Sangat Baik, Baik, Cukup, Kurang)");
  EXPECT_EQ(f.kind, FormulaKind::Predicate);
  EXPECT_EQ(f.evaluation, "Renja oleh Bappeda (Sangat Baik, Baik, Cukup, Kurang)");
  f = read_formula("kategori hasil pengukuran Indeks Profesionalitas ASN oleh BKN");
  EXPECT_EQ(f.kind, FormulaKind::Predicate);
  EXPECT_EQ(f.evaluation, "Indeks Profesionalitas ASN oleh BKN");
}

TEST(Formula, MalformedMarkupFallsBackToText) {
  Formula f = read_formula("$\\frac{\\text{A}{\\text{B} \\times 100");  // unbalanced braces
  EXPECT_EQ(f.kind, FormulaKind::Text);
  EXPECT_EQ(f.text.find('\\'), std::string::npos);
  EXPECT_EQ(f.text.find('{'), std::string::npos);
  for (const char* cell : {"\\frac", "\\frac{", "\\frac{}{}", "}}}{{{", "$$", "\\", "<", "<i",
                           "x 100%", "/", " : ", "(", "()"}) {
    SCOPED_TRACE(cell);
    f = read_formula(cell);
    EXPECT_NE(f.kind, FormulaKind::Ratio);
  }
  f = read_formula("");
  EXPECT_EQ(f.kind, FormulaKind::Text);
  EXPECT_TRUE(f.text.empty());
  // A long broken cell is read in one pass.
  const std::string open_braces(200000, '{');
  f = read_formula("\\frac" + open_braces);
  EXPECT_EQ(f.kind, FormulaKind::Text);
  std::string spaced;
  for (int i = 0; i < 50000; ++i) spaced += " % \\times";
  f = read_formula(spaced);
  EXPECT_EQ(f.kind, FormulaKind::Text);
  const std::string parens = std::string(50000, '(') + "A" + std::string(50000, ')');
  f = read_formula(parens + " / B x 100%");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_EQ(f.numerator, "A");
}

// ---- The decree 001 ----

struct ExpectedRow {
  std::string number;
  std::string sasaran;
  std::string indikator;
  FormulaKind formula_kind;
  std::string formula;
  std::string sumber_data;
};

struct ExpectedTable {
  std::string position;
  std::string kind;
  std::size_t rows;
  ExpectedRow first;
  ExpectedRow last;
};

void expect_row(const IkiRow& r, const ExpectedRow& e) {
  EXPECT_EQ(r.number, e.number);
  EXPECT_EQ(r.sasaran, e.sasaran);
  EXPECT_EQ(r.indikator, e.indikator);
  EXPECT_EQ(r.formula.kind, e.formula_kind);
  EXPECT_EQ(r.formula.text, e.formula);
  EXPECT_EQ(r.sumber_data, e.sumber_data);
  EXPECT_FALSE(r.source.empty());
}

const std::vector<ExpectedTable> kTables001 = {
    {"Kepala Badan Pengelola Perbatasan Daerah",
     "JPT Pratama",
     2,
     {"1", "Meningkatnya Akuntabilitas Kinerja Badan Pengelola Perbatasan daerah Daeah",
      "Predikat Sakip BPPD", FormulaKind::Predicate, "Hasil Evaluasi SAKIP",
      "Laporan Hasil Evaluasi atas Sakip BPPD KH oleh Inspektorat Kabupaten Kapuas Hulu"},
     {"2", "Meningkatnya Pembangunan Ekonomi Kawasan Perbatasan Negara di Daerah Kapuas Hulu",
      "Jumlah Dokumen Program Pengelolaan Kawasan Perbatasan berupa Dokumen Rencana Aksi "
      "Pembangunan Kawasan Perbatasan yang menggambarkan kebutuhan pembangunan di kawasan "
      "perbatasan, Dokumen Inventarisasi Potensi Sumber Daya Kawasan Perbatasan yang menggambarkan "
      "sumber daya dan peluang yang ada di kawasan perbatasan untuk dikembangkan, Dokumen "
      "Fasilitasi Kerja Sama untuk menjembatani antara masyarakat dan/atau pelaku usaha dengan "
      "instansi/stakeholder terkait untuk membantu memasarkan produknya guna mendorong pertumbuhan "
      "ekonomi, Dokumen Monitoring Dan Evaluasi untuk memantau keterlaksanaan dan perkembangan "
      "program kegiatan di kawasan perbatasan",
      FormulaKind::Count, "Jumlah Dokumen", "Data pada Bidang di BPPD KH"}},
    {"Sekretaris",
     "Administrator",
     7,
     {"1", "Meningkatnya realisasi penyerapan keuangan perangkat Daerah",
      "Tingkat realisasi penyerapan keuangan Perangkat Daerah", FormulaKind::Ratio,
      "Jumlah Realisasi Anggaran / Jumlah Total Anggaran \xC3\x97 100%", "DPA, SPJ, BKU"},
     {"7", "Meningkatnya efektivitas pemanfaatan Barang Milik Daerah",
      "Persentase BMD yang dapat beroperasi dengan baik", FormulaKind::Ratio,
      "Jumlah Realisasi Anggaran Pemeliharaan Barang Milik Daerah / Jumlah Total Anggaran "
      "Pemeliharaan Barang Milik Daerah \xC3\x97 100%",
      "SPJ Fungsional"}},
    {"Pengelola Pengadaan Barang/Jasa",
     "Pelaksana",
     3,
     {"1", "Terpublikasinya rencana umum pengadaan barang/jasa Pemerintah",
      "Persentase rencana umum pengadaan yang terpublikasi di aplikasi sirup", FormulaKind::Ratio,
      "Pagu RUP / pagu pengadaan \xC3\x97 100%", "Publikasi RUP pada aplikasi SIRUP LKPP"},
     {"3", "Tersusunya dokumen kebutuhan barang/jasa pemerintah",
      "Tersedianya dokumen kebutuhan barang/jasa pemerintah", FormulaKind::Count, "jumlah dokumen",
      "Dokumen kebutuhan pengadaan barang/jasa"}},
    {"Kepala Subbagian Umum dan Aparatur",
     "Pengawas",
     10,
     {"1", "Meningkatnya penyelenggaraan administrasi dan pengembangan aparatur.",
      "Jumlah Dokumen administrasi dan pengembangan aparatur.", FormulaKind::Ratio,
      "Jumlah Realisasi Dokumen Administrasi dan Pengembangan Aparatur / Target Jumlah Dokumen "
      "\xC3\x97 100%",
      "Data Administrasi kepegawaian"},
     {"10", "Meningkatnya umur ekonomis Peralatan dan Mesin Lainnya",
      "Jumlah Dokumen Pemeliharaan Peralatan dan Mesin Lainnya", FormulaKind::Count,
      "Jumlah dokumen", "Nota/Faktur, Kwitansi, Struk/resi"}},
    {"Analis Kebijakan Ahli Muda Perencanaan dan Keuangan",
     "Fungsional",
     8,
     {"1", "Tersedianya Dokumen Perencanaan Perangkat Daerah",
      "Jumlah Dokumen Perencanaan Perangkat Daerah", FormulaKind::Ratio,
      "Jumlah Dokumen Realisasi / Total Dokumen \xC3\x97 100%", "Renstra, Renja"},
     {"8", "Tersedianya Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD",
      "Jumlah Dokumen Laporan Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/ "
      "Semesteran SKPD",
      FormulaKind::Count, "Jumlah dokumen",
      "Laporan Keuangan Triwulan/ Semesteran Perangkat Daerah"}},
    {"Penyusun Program Anggaran Dan Pelaporan",
     "Pelaksana",
     1,
     {"1", "Tersedianya data dan terkumpulnya bahan untuk penyusunan laporan keuangan badan",
      "Terkumpulnya data sebagai bahan laporan keuangan", FormulaKind::Count, "Jumlah Dokumen",
      "Buku Kas Umum"},
     {"1", "Tersedianya data dan terkumpulnya bahan untuk penyusunan laporan keuangan badan",
      "Terkumpulnya data sebagai bahan laporan keuangan", FormulaKind::Count, "Jumlah Dokumen",
      "Buku Kas Umum"}},
    {"Bendahara",
     "Pelaksana",
     3,
     {"1",
      "Tersedianya Surat Permintaan Pembayaran (SPP) atas persetujuan kuasa pengguna anggaran "
      "melalui PPK sesuai standar operasional prosedur.",
      "Dokumen Surat Permintaan Pembayaran (SPP)", FormulaKind::Count, "Jumlah Dokumen", "RKA/DPA"},
     {"3",
      "Tersedianya bukti kas pengeluaran dan Mencatat pembukuan ke dalam Buku Kas Umum (BKU) untuk "
      "dimintakan pengesahan dari pengguna anggaran sesuai dengan ketentuan yang berlaku sebagai "
      "bahan pertanggungjawaban penggunaan uang",
      "Dokumen Keakuratan bukti pengeluaran di buku kas umum;", FormulaKind::Count,
      "Jumlah Dokumen", "RKA/DPA"}},
    {"Kepala Bidang Koordinasi, Perencanaan dan Kerja Sama",
     "Administrator",
     2,
     {"1", "Meningkatnya Efektivitas Perencanaan Pembangunan Kawasan Perbatasan",
      "Dokumen Rencana Aksi Pembangunan Kawasan Perbatasan", FormulaKind::Text,
      "Dokumen Rencana Aksi", "Dokumen Rencana Aksi"},
     {"2", "Meningkatnya Fasilitasi Kerja Sama Pembangunan Kawasan Perbatasan",
      "Persentase Fasilitasi Kerjasama yang terkoordinasi.", FormulaKind::Ratio,
      "Fasilitasi Kerjasama yang terkoordinasi / Kebutuhan Kerjasama \xC3\x97 100%",
      "Laporan fasilitasi kerjasama"}},
    {"Perencana Ahli Muda Koordinasi Perencanaan",
     "Fungsional",
     1,
     {"1", "Tersedianya data dukung Rencana Aksi Pembangunan Kawasan Perbatasan",
      "Jumlah data dukung rencana aksi Pembangunan Kawasan Perbatasan yang tersedia",
      FormulaKind::Count, "Jumlah Data dukung yang dihimpun", "Data Matrik Usulan Rencana Aksi"},
     {"1", "Tersedianya data dukung Rencana Aksi Pembangunan Kawasan Perbatasan",
      "Jumlah data dukung rencana aksi Pembangunan Kawasan Perbatasan yang tersedia",
      FormulaKind::Count, "Jumlah Data dukung yang dihimpun", "Data Matrik Usulan Rencana Aksi"}},
    {"Analis Kebijakan Ahli Muda Kerja sama",
     "Fungsional",
     1,
     {"1", "Terlaksananya Koordinasi, Integrasi, dan Sinkronisasi Kebijakan Otonomi Daerah",
      "Jumlah Dokumen Hasil Koordinasi, Integrasi dan Sinkronisasi Kebijakan Otonomi Daerah",
      FormulaKind::Count, "Jumlah Dokumen Koordinasi Fasilitasi", "Data Hasil Koordinasi"},
     {"1", "Terlaksananya Koordinasi, Integrasi, dan Sinkronisasi Kebijakan Otonomi Daerah",
      "Jumlah Dokumen Hasil Koordinasi, Integrasi dan Sinkronisasi Kebijakan Otonomi Daerah",
      FormulaKind::Count, "Jumlah Dokumen Koordinasi Fasilitasi", "Data Hasil Koordinasi"}},
    {"Analis Perencanaan, Evaluasi dan Pelaporan",
     "Pelaksana",
     2,
     {"1",
      "Tersedianya Instrumen dalam rangka untuk pengumpul bahan dan data yang di perlukan untuk "
      "melaksanakan analisis dalam bidang perencanaan, evaluasi dan Pelaporan.",
      "Dokumen instrument untuk pengumpul bahan dan data untuk melaksanakan analisis dalam bidang "
      "perencanaan ,evaluasi dan pelaporan",
      FormulaKind::Count, "Jumlah Instrumen", "Survei dan Monitoring"},
     {"2",
      "Terlaksananya analisis dan evaluasi dalam bidang perencanaan, evaluasi dan pelaporan dalam "
      "rangka pelaksanaan tugas",
      "Dokumen perencanaan,evaluasi dan pelaporan", FormulaKind::Count, "Jumlah Dokumen",
      "Survei dan Monitoring"}},
    {"Kepala Bidang Koordinasi Pelaksanaan, Monitoring dan Evaluasi",
     "Administrator",
     2,
     {"1", "Meningkatnya sinergitas pengelolaan potensi sumber daya kawasan perbatasan",
      "Persentase capaian pengelolaan potensi sumber daya kawasan perbatasan", FormulaKind::Ratio,
      "Jumlah realisasi dokumen potensi sumber daya kawasan perbatasan / Jumlah target dokumen "
      "potensi sumber daya kawasan perbatasan \xC3\x97 100%",
      "Survei dan Monitoring"},
     {"2",
      "Meningkatnya efektifitas pelaksanaan monitoring dan evaluasi pembangunan kawasan perbatasan",
      "Persentase capaian monitoring dan evaluasi pembangunan kawasan perbatasan",
      FormulaKind::Ratio,
      "Jumlah realisasi dokumen hasil monitoring dan evaluasi / Jumlah target dokumen hasil "
      "monitoring dan evaluasi \xC3\x97 100%",
      "Survei dan Monitoring"}},
    {"Perencana Ahli Muda Bidang Koordinasi Pelaksanaan, Monitoring",
     "Fungsional",
     1,
     {"1", "Terlaksananya pendataan potensi sumber daya kawasan perbatasan",
      "Jumlah Dokumen pendukung data potensi sumber daya kawasan perbatasan", FormulaKind::Text,
      "Dokumen pendukung data potensi sumber daya kawasan perbatasan", "Survei dan Monitoring"},
     {"1", "Terlaksananya pendataan potensi sumber daya kawasan perbatasan",
      "Jumlah Dokumen pendukung data potensi sumber daya kawasan perbatasan", FormulaKind::Text,
      "Dokumen pendukung data potensi sumber daya kawasan perbatasan", "Survei dan Monitoring"}},
    {"Analis Kebijakan Ahli Muda Bidang Koordinasi Pelaksanaan, Evaluasi",
     "Fungsional",
     1,
     {"1", "Terlaksananya pemantauan serta evaluasi pelaksanaan pembangunan kawasan perbatasan",
      "Jumlah Dokumen pemantauan serta evaluasi pelaksanaan pembangunan kawasan perbatasan",
      FormulaKind::Text,
      "Dokumen pemantauan serta evaluasi pelaksanaan pembangunan kawasan perbatasan",
      "Survei dan Monitoring"},
     {"1", "Terlaksananya pemantauan serta evaluasi pelaksanaan pembangunan kawasan perbatasan",
      "Jumlah Dokumen pemantauan serta evaluasi pelaksanaan pembangunan kawasan perbatasan",
      FormulaKind::Text,
      "Dokumen pemantauan serta evaluasi pelaksanaan pembangunan kawasan perbatasan",
      "Survei dan Monitoring"}},
    {"Analis Penataan Kawasan Bidang Koordinasi Pelaksanaan, Monitoring dan Evaluasi",
     "Pelaksana",
     2,
     {"1",
      "Tersedianya instrumen dalam rangka untuk pengumpulan bahan dan data yang diperlukan untuk "
      "penghimpunan data potensi sumber daya kawasan perbatasan",
      "Jumlah Dokumen data pendukung untuk penghimpunan data potensi perbatasan", FormulaKind::Text,
      "Dokumen data pendukung untuk penghimpunan data potensi perbatasan", "Survei dan Monitoring"},
     {"2",
      "Terlaksananya sinkronisasi bahan dan data dalam bidang potensi sumber daya kawasan "
      "perbatasan dengan berbagai pihak yang terkait",
      "Jumlah Dokumen hasil sinkronisasi data potensi sumber daya kawasan perbatasan",
      FormulaKind::Text, "Dokumen hasil sinkronisasi data potensi sumber daya kawasan perbatasan",
      "Survei dan Monitoring"}},
};

class Iki001 : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    reading_ = new Reading(read_regulation(testing::corpus_text("001")));
  }
  static void TearDownTestSuite() {
    delete reading_;
    reading_ = nullptr;
  }
  static const Extraction& x() { return reading_->facts; }
  static const Position& position(std::size_t table) {
    const Position* p = x().position_by_id(x().iki.at(table).position);
    if (!p) throw std::runtime_error("table without position");
    return *p;
  }
  static std::string superior_title(const Position& p) {
    const Position* s = x().position_by_id(p.superior);
    return s ? s->title : std::string();
  }
  static std::string unit_name(const Position& p) {
    const Unit* u = x().unit_by_id(p.unit);
    return u ? u->name : std::string();
  }
  static Reading* reading_;
};
Reading* Iki001::reading_ = nullptr;

TEST_F(Iki001, FifteenTablesWithTheirFirstAndLastRows) {
  ASSERT_EQ(x().iki.size(), kTables001.size());
  ASSERT_EQ(x().positions.size(), kTables001.size());  // the decree has no structure article
  for (std::size_t i = 0; i < kTables001.size(); ++i) {
    const ExpectedTable& e = kTables001[i];
    SCOPED_TRACE(e.position);
    const IkiTable& t = x().iki[i];
    const Position& p = position(i);
    EXPECT_EQ(p.id, x().positions[i].id);  // one table per position, in document order
    EXPECT_EQ(p.title, e.position);
    ASSERT_TRUE(p.kind);
    EXPECT_EQ(to_string(*p.kind), e.kind);
    ASSERT_EQ(t.rows.size(), e.rows);
    {
      SCOPED_TRACE("first row");
      expect_row(t.rows.front(), e.first);
    }
    {
      SCOPED_TRACE("last row");
      expect_row(t.rows.back(), e.last);
    }
    // Rows are numbered 1..n, whatever OCR left on the number ("1`", "1.").
    for (std::size_t k = 0; k < t.rows.size(); ++k)
      EXPECT_EQ(t.rows[k].number, std::to_string(k + 1));
    // The table's span runs from its header to its last row and holds every row.
    EXPECT_LE(t.source.first_line, t.rows.front().source.first_line - 1);
    EXPECT_EQ(t.source.last_line, t.rows.back().source.last_line);
  }
}

TEST_F(Iki001, SourceSpansPointAtTheLines) {
  EXPECT_EQ(x().iki[0].source.first_line, 105);  // the header row
  EXPECT_EQ(x().iki[0].source.last_line, 108);
  EXPECT_EQ(x().iki[0].rows[0].source.first_line, 107);
  EXPECT_EQ(x().iki[0].rows[0].source.last_line, 107);
  // Sekretaris row 4 runs over three lines: its data source goes on after a blank line.
  EXPECT_EQ(x().iki[1].rows[3].source.first_line, 125);
  EXPECT_EQ(x().iki[1].rows[3].source.last_line, 127);
  EXPECT_EQ(x().iki[14].rows[1].source.first_line, 285);
  EXPECT_EQ(x().positions[0].source.first_line, 93);  // "- Jabatan : Kepala Badan ..."
  EXPECT_EQ(x().positions[1].source.first_line, 110);
}

TEST_F(Iki001, RowsAsTheTableWritesThem) {
  // Row 1 of the Kepala Badan: a grade from the SAKIP evaluation.
  const IkiRow& head1 = x().iki[0].rows[0];
  EXPECT_EQ(head1.formula.kind, FormulaKind::Predicate);
  EXPECT_EQ(head1.formula.evaluation, "SAKIP");
  // Row 4 of the Sekretaris continues its data source on a line of its own.
  const IkiRow& sek4 = x().iki[1].rows[3];
  EXPECT_EQ(sek4.sumber_data, "Data realisasi fisik dan keuangan, BKU, SPJ Fungsional");
  EXPECT_EQ(sek4.formula.kind, FormulaKind::Ratio);
  EXPECT_EQ(sek4.formula.numerator,
            "Jumlah Realisasi Program penunjang badan pengelola perbatasan");
  EXPECT_EQ(sek4.formula.denominator, "Jumlah Total Program penunjang badan pengelola perbatasan");
  EXPECT_TRUE(sek4.formula.percent);
  // Row 2 of the Subbagian leaves the sasaran blank: it carries row 1's.
  const IkiTable& sub = x().iki[3];
  EXPECT_TRUE(sub.rows[1].sasaran_carried);
  EXPECT_EQ(sub.rows[1].sasaran,
            "Meningkatnya penyelenggaraan administrasi dan pengembangan aparatur.");
  EXPECT_EQ(sub.rows[1].indikator,
            "Jumlah Dokumen Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya");
  EXPECT_FALSE(sub.rows[0].sasaran_carried);
  EXPECT_FALSE(sub.rows[2].sasaran_carried);
  // No other row in the decree leaves its sasaran blank.
  int carried = 0;
  for (const IkiTable& t : x().iki)
    for (const IkiRow& r : t.rows) carried += r.sasaran_carried ? 1 : 0;
  EXPECT_EQ(carried, 1);
  // Pengelola Pengadaan: "\times 100 :" is a percentage.
  const IkiRow& pbj1 = x().iki[2].rows[0];
  EXPECT_EQ(pbj1.formula.numerator, "Pagu RUP");
  EXPECT_EQ(pbj1.formula.denominator, "pagu pengadaan");
  EXPECT_TRUE(pbj1.formula.percent);
  // Bendahara row 1 is numbered "1`".
  EXPECT_EQ(x().iki[6].rows[0].number, "1");
  // Every formula kind of the decree, counted.
  int ratio = 0, count = 0, predicate = 0, text = 0;
  for (const IkiTable& t : x().iki)
    for (const IkiRow& r : t.rows) {
      switch (r.formula.kind) {
        case FormulaKind::Ratio:
          ++ratio;
          break;
        case FormulaKind::Count:
          ++count;
          break;
        case FormulaKind::Predicate:
          ++predicate;
          break;
        case FormulaKind::Text:
          ++text;
          break;
      }
    }
  EXPECT_EQ(ratio, 14);
  EXPECT_EQ(count, 26);
  EXPECT_EQ(predicate, 1);
  EXPECT_EQ(text, 5);
}

TEST_F(Iki001, PositionsTakeTheirTasksAndFunctionsFromTheBlocks) {
  const auto& ps = x().positions;
  EXPECT_EQ(ps[0].summary,
            "Memimpin dan menetapkan kebijakan program pembangunan kawasan perbatasan, menetapkan "
            "rencana kebutuhan anggaran, mengkoordinasikan pelaksanaan dan melaksanakan evaluasi "
            "serta pengawasan terhadap pengelolaan perbatasan");
  // Lettered functions (a. ... h.) of the Kepala Badan.
  ASSERT_EQ(ps[0].functions.size(), 8u);
  EXPECT_EQ(ps[0].functions.front(),
            "Penetapan rencana strategis Badan Pengelola Perbatasan Daerah");
  EXPECT_EQ(ps[0].functions.back(),
            "Pelaksanaan tugas lain yang diberikan Bupati sesuai dengan bidang tugasnya");
  // The Sekretaris's functions are bulleted lines, one text each.
  ASSERT_EQ(ps[1].functions.size(), 6u);
  EXPECT_EQ(ps[1].functions.front(),
            "Pengkoordinasian, penyusunan, sinkronisasi, dan integrasi program perencanaan, dan "
            "perumusan kebijakan di lingkungan BPPD");
  EXPECT_EQ(ps[1].functions[2], "Pelaksanaan urusan kehumasan dan keprotokoleran");
  EXPECT_EQ(ps[1].functions.back(),
            "Pelaksanaan fungsi lain yang diberikan oleh Kepala BPPD sesuai dengan tugas dan "
            "fungsinya");
  EXPECT_EQ(ps[2].summary,
            "Membantu Sekretaris melakukan pengelolaan pengadaan barang/jasa pemerintah di "
            "lingkungan Badan Pengelola Perbatasan Daerah Kapuas Hulu");
  EXPECT_TRUE(ps[2].functions.empty());
  ASSERT_EQ(ps[3].functions.size(), 6u);
  EXPECT_EQ(ps[3].functions.front(), "Penyusunan rencana kegiatan Subbagian Umum dan Aparatur");
  ASSERT_EQ(ps[7].functions.size(), 8u);
  ASSERT_EQ(ps[11].functions.size(), 9u);
  EXPECT_EQ(ps[11].functions[4],
            "Pengkoordinasian dan pelaksanaan bantuan fasilitasi penegakan, pemeliharaan, dan "
            "pengamanan batas wilayah negara");
  EXPECT_EQ(ps[14].summary,
            "Melaksanakan kegiatan analisis dan penelaahan dalam rangka pelaksanaan inventarisasi "
            "dan pengelolaan informasi potensi sumber daya kawasan perbatasan");
}

TEST_F(Iki001, UnitsDerivedFromTheStructuralPositions) {
  const auto& us = x().units;
  ASSERT_EQ(us.size(), 4u);
  EXPECT_EQ(us[0].name, "Sekretariat");
  EXPECT_EQ(us[0].kind, UnitKind::Sekretariat);
  EXPECT_TRUE(us[0].parent.empty());
  EXPECT_EQ(us[1].name, "Subbagian Umum dan Aparatur");
  EXPECT_EQ(us[1].kind, UnitKind::SubBagian);
  EXPECT_EQ(us[1].parent, us[0].id);
  EXPECT_EQ(us[2].name, "Bidang Koordinasi, Perencanaan dan Kerja Sama");
  EXPECT_EQ(us[2].kind, UnitKind::Bidang);
  EXPECT_TRUE(us[2].parent.empty());
  EXPECT_EQ(us[3].name, "Bidang Koordinasi Pelaksanaan, Monitoring dan Evaluasi");
  EXPECT_EQ(us[3].kind, UnitKind::Bidang);
  EXPECT_TRUE(us[3].parent.empty());
  for (const Unit& u : us) EXPECT_FALSE(u.source.empty()) << u.name;
}

TEST_F(Iki001, SuperiorsAndUnitsFollowTheOrderOfTheBlocks) {
  struct Expected {
    std::string superior;
    std::string unit;
  };
  const std::string head = "Kepala Badan Pengelola Perbatasan Daerah";
  const std::string sek = "Sekretaris";
  const std::string kb1 = "Kepala Bidang Koordinasi, Perencanaan dan Kerja Sama";
  const std::string kb2 = "Kepala Bidang Koordinasi Pelaksanaan, Monitoring dan Evaluasi";
  const std::string b1 = "Bidang Koordinasi, Perencanaan dan Kerja Sama";
  const std::string b2 = "Bidang Koordinasi Pelaksanaan, Monitoring dan Evaluasi";
  const std::vector<Expected> expected = {
      {"", ""},                              // Kepala Badan
      {head, "Sekretariat"},                 // Sekretaris
      {sek, "Sekretariat"},                  // Pengelola Pengadaan Barang/Jasa
      {sek, "Subbagian Umum dan Aparatur"},  // Kepala Subbagian
      {sek, "Sekretariat"},                  // Analis Kebijakan Ahli Muda
      {sek, "Sekretariat"},                  // Penyusun Program
      {sek, "Sekretariat"},                  // Bendahara
      {head, b1},                            // Kepala Bidang
      {kb1, b1},                             // Perencana Ahli Muda
      {kb1, b1},                             // Analis Kebijakan Ahli Muda Kerja sama
      {kb1, b1},                             // Analis Perencanaan
      {head, b2},                            // Kepala Bidang
      {kb2, b2},                             // Perencana Ahli Muda
      {kb2, b2},                             // Analis Kebijakan Ahli Muda
      {kb2, b2},                             // Analis Penataan Kawasan
  };
  ASSERT_EQ(x().positions.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Position& p = x().positions[i];
    SCOPED_TRACE(p.title);
    EXPECT_EQ(superior_title(p), expected[i].superior);
    EXPECT_EQ(unit_name(p), expected[i].unit);
    EXPECT_FALSE(p.source.empty());
  }
}

TEST_F(Iki001, KindsOfPositions) {
  const auto kind_of = [&](const std::string& title) -> std::string {
    for (const Position& p : x().positions)
      if (p.title == title && p.kind) return to_string(*p.kind);
    return "?";
  };
  EXPECT_EQ(kind_of("Kepala Badan Pengelola Perbatasan Daerah"), "JPT Pratama");
  EXPECT_EQ(kind_of("Sekretaris"), "Administrator");
  EXPECT_EQ(kind_of("Kepala Subbagian Umum dan Aparatur"), "Pengawas");
  EXPECT_EQ(kind_of("Kepala Bidang Koordinasi, Perencanaan dan Kerja Sama"), "Administrator");
  EXPECT_EQ(kind_of("Analis Kebijakan Ahli Muda Perencanaan dan Keuangan"), "Fungsional");
  EXPECT_EQ(kind_of("Perencana Ahli Muda Koordinasi Perencanaan"), "Fungsional");
  EXPECT_EQ(kind_of("Bendahara"), "Pelaksana");
  EXPECT_EQ(kind_of("Pengelola Pengadaan Barang/Jasa"), "Pelaksana");
}

// ---- The same genre from another region ----

// A decree of another region: capitals, "Kota", columns in another order and with short headers,
// a Seksi under a Bidang, a Pelaksana before any Administrator.
const char* const kOtherDecree =
    "KEPUTUSAN KEPALA DINAS PERIKANAN KOTA CONTOH\n"
    "NOMOR 3 TAHUN 2024\n"
    "TENTANG\n"
    "INDIKATOR KINERJA INDIVIDU DINAS PERIKANAN KOTA CONTOH\n"
    "KEPALA DINAS PERIKANAN KOTA CONTOH,\n"
    "Menimbang : bahwa perlu menetapkan indikator kinerja individu;\n"
    "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\n"
    "MEMUTUSKAN:\n"
    "Menetapkan : KEPUTUSAN KEPALA DINAS TENTANG INDIKATOR KINERJA INDIVIDU.\n"
    "KESATU : Indikator kinerja individu tercantum dalam Lampiran.\n"
    "KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.\n"
    "Ditetapkan di Contoh\n"
    "pada tanggal 2 Januari 2024\n"
    "KEPALA DINAS PERIKANAN,\n"
    "\n"
    "LAMPIRAN\n"
    "KEPUTUSAN KEPALA DINAS PERIKANAN KOTA CONTOH\n"
    "NOMOR 3 TAHUN 2024\n"
    "\n"
    "JABATAN : KEPALA DINAS PERIKANAN KOTA CONTOH\n"
    "TUGAS POKOK : Memimpin penyelenggaraan urusan perikanan.\n"
    "\n"
    "NO\tINDIKATOR\tSASARAN\tSUMBER\tFORMULA\n"
    "1.\tCapaian produksi ikan\tMeningkatnya produksi ikan\tLaporan Produksi\t"
    "Realisasi Produksi / Target Produksi x 100%\n"
    "\n"
    "Jabatan : Pengadministrasi Umum\n"
    "Tugas Pokok : Mengadministrasikan surat.\n"
    "\n"
    "NO\tINDIKATOR\tSASARAN\tSUMBER\tFORMULA\n"
    "1\tJumlah surat\tTertibnya surat\tAgenda\tJumlah Surat\n"
    "\n"
    "Jabatan : Bidang Budidaya\n"
    "Tugas Pokok : Menyiapkan bahan kebijakan budidaya.\n"
    "Fungsi : Bidang Budidaya mempunyai fungsi:\n"
    "a. penyusunan program budidaya;\n"
    "b. pelaksanaan kebijakan budidaya; dan\n"
    "c. pelaporan.\n"
    "\n"
    "NO\tINDIKATOR\tSASARAN\tSUMBER\tFORMULA\n"
    "1\t2\t3\t4\t5\n"
    "1\tPersentase benih\tTersedianya benih\tData benih\tPredikat hasil evaluasi SAKIP\n"
    "2\tPersentase pakan\t\tData pakan\t(Jumlah Pakan) : (Kebutuhan Pakan) x 100%\n"
    "\n"
    "Jabatan : Seksi Benih\n"
    "Tugas Pokok : Menyiapkan benih.\n"
    "\n"
    "NO\tINDIKATOR\tSASARAN\tSUMBER\tFORMULA\n"
    "1\tJumlah benih\tTersedianya benih\tData benih\tJumlah Benih\n"
    "\n"
    "Jabatan : Pengelola Benih\n"
    "Tugas Pokok : Mengelola benih.\n"
    "\n"
    "NO\tINDIKATOR\tSASARAN\tSUMBER\tFORMULA\n"
    "1\tJumlah benih dikelola\tTerkelolanya benih\tData benih\tJumlah Benih\n";

TEST(IkiGenre, AnotherRegionsDecree) {
  const Reading r = read_regulation(kOtherDecree);
  const Extraction& x = r.facts;
  ASSERT_EQ(x.iki.size(), 5u);
  ASSERT_EQ(x.positions.size(), 5u);
  const auto& ps = x.positions;
  EXPECT_EQ(ps[0].title, "Kepala Dinas Perikanan");  // capitals read, region dropped
  EXPECT_EQ(ps[0].kind, PositionKind::JptPratama);
  EXPECT_EQ(ps[0].summary, "Memimpin penyelenggaraan urusan perikanan");
  EXPECT_TRUE(ps[0].superior.empty());
  EXPECT_EQ(ps[1].title, "Pengadministrasi Umum");
  EXPECT_EQ(ps[1].kind, PositionKind::Pelaksana);
  EXPECT_EQ(ps[1].superior, ps[0].id);  // no Administrator above: the head
  EXPECT_TRUE(ps[1].unit.empty());
  EXPECT_EQ(ps[2].title, "Kepala Bidang Budidaya");
  EXPECT_EQ(ps[2].kind, PositionKind::Administrator);
  EXPECT_EQ(ps[2].superior, ps[0].id);
  EXPECT_EQ(ps[2].functions,
            (std::vector<std::string>{"penyusunan program budidaya",
                                      "pelaksanaan kebijakan budidaya", "pelaporan"}));
  EXPECT_EQ(ps[3].title, "Kepala Seksi Benih");
  EXPECT_EQ(ps[3].kind, PositionKind::Pengawas);
  EXPECT_EQ(ps[3].superior, ps[2].id);
  EXPECT_EQ(ps[4].title, "Pengelola Benih");
  EXPECT_EQ(ps[4].superior, ps[2].id);
  EXPECT_EQ(ps[4].unit, ps[2].unit);
  ASSERT_EQ(x.units.size(), 2u);
  EXPECT_EQ(x.units[0].name, "Bidang Budidaya");
  EXPECT_EQ(x.units[1].name, "Seksi Benih");
  EXPECT_EQ(x.units[1].kind, UnitKind::Seksi);
  EXPECT_EQ(x.units[1].parent, x.units[0].id);
  EXPECT_EQ(ps[3].unit, x.units[1].id);

  // Columns found by their header, whatever their order.
  const IkiRow& r0 = x.iki[0].rows.at(0);
  EXPECT_EQ(r0.number, "1");
  EXPECT_EQ(r0.indikator, "Capaian produksi ikan");
  EXPECT_EQ(r0.sasaran, "Meningkatnya produksi ikan");
  EXPECT_EQ(r0.sumber_data, "Laporan Produksi");
  EXPECT_EQ(r0.formula.kind, FormulaKind::Ratio);
  EXPECT_EQ(r0.formula.numerator, "Realisasi Produksi");
  const IkiTable& bidang = x.iki[2];
  ASSERT_EQ(bidang.rows.size(), 2u);  // the column numbers are skipped
  EXPECT_EQ(bidang.rows[0].formula.kind, FormulaKind::Predicate);
  EXPECT_EQ(bidang.rows[0].formula.evaluation, "SAKIP");
  EXPECT_TRUE(bidang.rows[1].sasaran_carried);
  EXPECT_EQ(bidang.rows[1].sasaran, "Tersedianya benih");
  EXPECT_EQ(bidang.rows[1].formula.numerator, "Jumlah Pakan");
  EXPECT_EQ(bidang.rows[1].formula.denominator, "Kebutuhan Pakan");
}

TEST(IkiGenre, PositionsAlreadyEstablishedAreReusedAndNoUnitIsInvented) {
  const Document doc = parse_document(kOtherDecree);
  Extraction x;
  Unit bidang;
  bidang.id = "u1";
  bidang.name = "Bidang Budidaya";
  bidang.kind = UnitKind::Bidang;
  x.units.push_back(bidang);
  Position kabid;
  kabid.id = "p1";
  kabid.title = "Kepala Bidang Budidaya";
  kabid.kind = PositionKind::Administrator;
  kabid.unit = "u1";
  x.positions.push_back(kabid);
  extract_iki(doc, x);
  ASSERT_EQ(x.iki.size(), 5u);
  EXPECT_EQ(x.iki[2].position, "p1");  // "Jabatan : Bidang Budidaya" is the existing Kepala Bidang
  EXPECT_EQ(x.positions[0].summary, "Menyiapkan bahan kebijakan budidaya");
  EXPECT_EQ(x.positions[0].unit, "u1");
  EXPECT_EQ(x.units.size(), 1u);  // the text's units stand; none is derived
  ASSERT_EQ(x.positions.size(), 5u);
  const Position* seksi = x.find_position("Kepala Seksi Benih");
  ASSERT_TRUE(seksi);
  EXPECT_EQ(seksi->superior, "p1");
  EXPECT_TRUE(seksi->unit.empty());
}

TEST(IkiGenre, RegionIsDroppedFromTheHeadsTitleOnly) {
  const auto title_of = [](const std::string& jabatan) {
    const Document doc = parse_document(
        "LAMPIRAN\nKEPUTUSAN BUPATI CONTOH\n\nJabatan : " + jabatan +
        "\nTugas Pokok : Memimpin.\n\nNo.\tSASARAN\tINDIKATOR\tFORMULA\tSUMBER DATA\n"
        "1\tMeningkatnya kinerja\tNilai SAKIP\tHasil Evaluasi SAKIP\tLHE\n");
    Extraction x;
    extract_iki(doc, x);
    return x.positions.empty() ? std::string("?") : x.positions[0].title;
  };
  EXPECT_EQ(title_of("Kepala Dinas Pendidikan Kabupaten Contoh"), "Kepala Dinas Pendidikan");
  EXPECT_EQ(title_of("KEPALA BADAN KEUANGAN DAERAH PROVINSI CONTOH"),
            "Kepala Badan Keuangan Daerah");
  EXPECT_EQ(title_of("Kepala Dinas Tata Kota Kota Contoh"), "Kepala Dinas Tata Kota");
  EXPECT_EQ(title_of("Kepala Dinas Perikanan"), "Kepala Dinas Perikanan");
  // Not a head: the title stays as written.
  EXPECT_EQ(title_of("Pengelola Data Kabupaten Contoh"), "Pengelola Data Kabupaten Contoh");
}

TEST(IkiGenre, BlocksInTheBodyOfADecree) {
  // The blocks stand under a dictum; the table of the Sekretaris is broken by a page number.
  const Reading r = read_regulation(
      "KEPUTUSAN BUPATI CONTOH\nNOMOR 4 TAHUN 2024\nTENTANG\nINDIKATOR KINERJA INDIVIDU\n"
      "BUPATI CONTOH,\n"
      "Menimbang : bahwa perlu menetapkan indikator kinerja individu;\n"
      "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\n"
      "MEMUTUSKAN:\n"
      "Menetapkan : KEPUTUSAN BUPATI TENTANG INDIKATOR KINERJA INDIVIDU.\n"
      "KESATU : Indikator kinerja individu jabatan pada Dinas Sosial sebagai berikut:\n"
      "Jabatan : Sekretaris\n"
      "Tugas Pokok : Membantu Kepala Dinas.\n"
      "No.\tSASARAN\tINDIKATOR\tFORMULA\tSUMBER DATA\n"
      "1\tMeningkatnya tertib administrasi\tPersentase surat\t"
      "Surat selesai / surat masuk x 100%\tAgenda\n"
      "\n72\n\n"
      "2\tMeningkatnya kualitas laporan\tJumlah laporan\tJumlah Laporan\tArsip\n"
      "Jabatan : Pranata Komputer Ahli Pertama\n"
      "Tugas Pokok : Mengelola sistem.\n"
      "No.\tSASARAN\tINDIKATOR\tFORMULA\tSUMBER DATA\n"
      "1\tTersedianya sistem\tJumlah sistem\tJumlah Sistem\tLaporan\n"
      "KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.\n"
      "Ditetapkan di Contoh\npada tanggal 2 Januari 2024\nBUPATI CONTOH,\n");
  const Extraction& x = r.facts;
  ASSERT_EQ(x.iki.size(), 2u);
  ASSERT_EQ(x.positions.size(), 2u);
  EXPECT_EQ(x.positions[0].title, "Sekretaris");
  EXPECT_EQ(x.positions[0].summary, "Membantu Kepala Dinas");
  ASSERT_EQ(x.iki[0].rows.size(), 2u);
  EXPECT_EQ(x.iki[0].rows[0].formula.kind, FormulaKind::Ratio);
  EXPECT_EQ(x.iki[0].rows[0].formula.denominator, "surat masuk");
  EXPECT_EQ(x.iki[0].rows[1].formula.counted, "Laporan");
  EXPECT_EQ(x.iki[0].rows[1].source.first_line, 18);
  EXPECT_EQ(x.positions[1].kind, PositionKind::Fungsional);
  EXPECT_EQ(x.positions[1].superior, x.positions[0].id);
  ASSERT_EQ(x.units.size(), 1u);
  EXPECT_EQ(x.units[0].kind, UnitKind::Sekretariat);
  EXPECT_EQ(x.positions[1].unit, x.units[0].id);
}

// Tables with no "Jabatan :" field: the position named in a title line above, or only in the
// signature below (a made-up annex in the layout of a PDF copy).
constexpr const char* kUntitledTables =
    "LAMPIRAN\nKEPUTUSAN KEPALA DINAS PERHUBUNGAN KABUPATEN CONTOH\nNOMOR : 551/7/DISHUB/2025\n\n"
    "INDIKATOR KINERJA INDIVIDU\nKEPALA BIDANG LALU LINTAS\n\n"
    "NO\tSASARAN\tINDIKATOR KINERJA\tFORMULA\tSUMBER DATA\n"
    "1\tMeningkatnya keselamatan lalu lintas\tJumlah rambu yang dipasang\tJumlah rambu\t"
    "Laporan Bidang\n\n"
    "INDIKATOR KINERJA INDIVIDU\n"
    "NO\tSASARAN\tINDIKATOR KINERJA\tFORMULA\tSUMBER DATA\n"
    "1\tTertibnya parkir\tPersentase juru parkir berizin\tJuru parkir berizin / Juru parkir x "
    "100%\tData Parkir\n\n"
    "Contoh, 6 Januari 2025\nKepala Seksi Parkir,\n\nNAMA PEJABAT\n\n"
    "NO\tSASARAN\tINDIKATOR KINERJA\tFORMULA\tSUMBER DATA\n"
    "1\tTertibnya terminal\tJumlah terminal tertib\tJumlah terminal\tData Terminal\n\n"
    "Kepala Seksi wajib melapor, setiap bulan.\n";

TEST(IkiGenre, PositionsInATitleLineOrTheSignatureBelow) {
  const Reading r = read_regulation(kUntitledTables);
  const Extraction& x = r.facts;
  ASSERT_EQ(x.iki.size(), 2u);  // the third table names no position
  const Position* bidang = x.position_by_id(x.iki[0].position);
  ASSERT_TRUE(bidang);
  EXPECT_EQ(bidang->title, "Kepala Bidang Lalu Lintas");
  const Position* seksi = x.position_by_id(x.iki[1].position);
  ASSERT_TRUE(seksi);
  EXPECT_EQ(seksi->title, "Kepala Seksi Parkir");  // not the title above the first table
  EXPECT_EQ(x.iki[1].rows.at(0).formula.kind, FormulaKind::Ratio);
}

TEST(IkiTitles, TitleLinesAndSignatures) {
  EXPECT_EQ(position_in_title_line("INDIKATOR KINERJA INDIVIDU (IKI) KEPALA SEKSI KELAHIRAN"),
            "KEPALA SEKSI KELAHIRAN");
  EXPECT_EQ(position_in_title_line("JABATAN : Sekretaris"), "Sekretaris");
  EXPECT_EQ(position_in_title_line("KEPALA BIDANG X,"), "");  // a signature
  EXPECT_EQ(position_in_title_line("DINAS KESEHATAN"), "");
  EXPECT_EQ(position_in_title_line("Kepala Seksi melaporkan hasil"), "");
  EXPECT_EQ(position_in_title_line(""), "");
  EXPECT_EQ(position_in_signature("Selong, 10 Januari 2024, Kepala Seksi Kelahiran, NAMA"),
            "Kepala Seksi Kelahiran");
  EXPECT_EQ(position_in_signature("KEPALA BIDANG PELAYANAN DAN PENGADUAN,"),
            "KEPALA BIDANG PELAYANAN DAN PENGADUAN");
  EXPECT_EQ(position_in_signature("Contoh, 2 Maret 2025 Plt. KEPALA SEKSI KELAHIRAN, NAMA"),
            "KEPALA SEKSI KELAHIRAN");
  EXPECT_EQ(position_in_title_line("JABATAN : Plh. Sekretaris"), "Sekretaris");
  EXPECT_EQ(position_in_signature("Selong, 10 Januari 2024"), "");
  EXPECT_EQ(position_in_signature("Kepala Seksi wajib melapor, setiap bulan."), "");
  EXPECT_EQ(position_in_signature("Kepala,"), "");
  EXPECT_EQ(position_in_signature(","), "");
}

TEST(IkiGenre, TextsWithoutIkiBlocksGiveNoTables) {
  for (const char* prefix : {"000", "002", "003", "004"}) {
    SCOPED_TRACE(prefix);
    const Reading r = read_regulation(testing::corpus_text(prefix));
    EXPECT_TRUE(r.facts.iki.empty());
  }
  // A "Jabatan :" block whose table is no IKI table creates no position.
  const Document doc = parse_document(
      "LAMPIRAN\nKEPUTUSAN BUPATI CONTOH\n\nJabatan : Penata Kearsipan\n"
      "Tugas Pokok : Menata arsip.\n\nNO\tURAIAN\tSATUAN\n1\tArsip\tBerkas\n");
  Extraction x;
  extract_iki(doc, x);
  EXPECT_TRUE(x.iki.empty());
  EXPECT_TRUE(x.positions.empty());
}

}  // namespace
}  // namespace tatakerja::regulation
