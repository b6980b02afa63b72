// IKI tables of the decree 001 and the formula reader, checked by hand against the text.
#include <gtest/gtest.h>

#include "corpus.hpp"
#include "regulation/engine.hpp"
#include "regulation/formula.hpp"

namespace tatakerja::regulation {
namespace {

TEST(Formula, ReadsEachShape) {
  auto f = read_formula(
      "$\\frac{\\text{(Jumlah Realisasi Anggaran)}}{\\text{Jumlah Total Anggaran}} \\times "
      "100\\%$");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_EQ(f.numerator, "Jumlah Realisasi Anggaran");
  EXPECT_EQ(f.denominator, "Jumlah Total Anggaran");
  EXPECT_TRUE(f.percent);
  f = read_formula("$\\frac{\\text{Pagu RUP}}{\\text{pagu pengadaan}} \\times 100 :$");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_TRUE(f.percent);
  f = read_formula("Jumlah Dokumen Selesai / Jumlah Dokumen Target x 100%");
  EXPECT_EQ(f.kind, FormulaKind::Ratio);
  EXPECT_EQ(f.denominator, "Jumlah Dokumen Target");
  f = read_formula("Jumlah Dokumen");
  EXPECT_EQ(f.kind, FormulaKind::Count);
  EXPECT_EQ(f.counted, "Dokumen");
  f = read_formula("Hasil Evaluasi SAKIP");
  EXPECT_EQ(f.kind, FormulaKind::Predicate);
  EXPECT_EQ(f.evaluation, "SAKIP");
  f = read_formula("Dokumen Rencana Aksi");
  EXPECT_EQ(f.kind, FormulaKind::Text);
  f = read_formula("$\\frac{\\text{A}{\\text{B} \\times 100");  // unbalanced braces
  EXPECT_EQ(f.kind, FormulaKind::Text);
}

struct ExpectedTable {
  std::string position;
  std::string kind;
  std::size_t rows;
  std::string first_indikator;
  std::string last_sumber;
};

TEST(Iki, FifteenPositionsOfTheDecree001) {
  auto r = read_regulation(testing::corpus_text("001"));
  const auto& x = r.facts;
  const std::vector<ExpectedTable> expected = {
      {"Kepala Badan Pengelola Perbatasan Daerah", "JPT Pratama", 2, "Predikat Sakip BPPD",
       "Data pada Bidang di BPPD KH"},
      {"Sekretaris", "Administrator", 7, "Tingkat realisasi penyerapan keuangan Perangkat Daerah",
       "SPJ Fungsional"},
      {"Pengelola Pengadaan Barang/Jasa", "Pelaksana", 3,
       "Persentase rencana umum pengadaan yang terpublikasi di aplikasi sirup",
       "Dokumen kebutuhan pengadaan barang/jasa"},
      {"Kepala Subbagian Umum dan Aparatur", "Pengawas", 10,
       "Jumlah Dokumen administrasi dan pengembangan aparatur.",
       "Nota/Faktur, Kwitansi, Struk/resi"},
      {"Analis Kebijakan Ahli Muda Perencanaan dan Keuangan", "Fungsional", 8,
       "Jumlah Dokumen Perencanaan Perangkat Daerah",
       "Laporan Keuangan Triwulan/ Semesteran Perangkat Daerah"},
      {"Penyusun Program Anggaran Dan Pelaporan", "Pelaksana", 1,
       "Terkumpulnya data sebagai bahan laporan keuangan", "Buku Kas Umum"},
      {"Bendahara", "Pelaksana", 3, "Dokumen Surat Permintaan Pembayaran (SPP)", "RKA/DPA"},
      {"Kepala Bidang Koordinasi, Perencanaan dan Kerja Sama", "Administrator", 2,
       "Dokumen Rencana Aksi Pembangunan Kawasan Perbatasan", "Laporan fasilitasi kerjasama"},
      {"Perencana Ahli Muda Koordinasi Perencanaan", "Fungsional", 1,
       "Jumlah data dukung rencana aksi Pembangunan Kawasan Perbatasan yang tersedia",
       "Data Matrik Usulan Rencana Aksi"},
      {"Analis Kebijakan Ahli Muda Kerja sama", "Fungsional", 1,
       "Jumlah Dokumen Hasil Koordinasi, Integrasi dan Sinkronisasi Kebijakan Otonomi Daerah",
       "Data Hasil Koordinasi"},
      {"Analis Perencanaan, Evaluasi dan Pelaporan", "Pelaksana", 2,
       "Dokumen instrument untuk pengumpul bahan dan data untuk melaksanakan analisis dalam "
       "bidang perencanaan ,evaluasi dan pelaporan",
       "Survei dan Monitoring"},
      {"Kepala Bidang Koordinasi Pelaksanaan, Monitoring dan Evaluasi", "Administrator", 2,
       "Persentase capaian pengelolaan potensi sumber daya kawasan perbatasan",
       "Survei dan Monitoring"},
      {"Perencana Ahli Muda Bidang Koordinasi Pelaksanaan, Monitoring", "Fungsional", 1,
       "Jumlah Dokumen pendukung data potensi sumber daya kawasan perbatasan",
       "Survei dan Monitoring"},
      {"Analis Kebijakan Ahli Muda Bidang Koordinasi Pelaksanaan, Evaluasi", "Fungsional", 1,
       "Jumlah Dokumen pemantauan serta evaluasi pelaksanaan pembangunan kawasan perbatasan",
       "Survei dan Monitoring"},
      {"Analis Penataan Kawasan Bidang Koordinasi Pelaksanaan, Monitoring dan Evaluasi",
       "Pelaksana", 2, "Jumlah Dokumen data pendukung untuk penghimpunan data potensi perbatasan",
       "Survei dan Monitoring"},
  };
  ASSERT_EQ(x.iki.size(), expected.size());
  ASSERT_EQ(x.positions.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(expected[i].position);
    const Position* p = x.position_by_id(x.iki[i].position);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->title, expected[i].position);
    ASSERT_TRUE(p->kind);
    EXPECT_EQ(to_string(*p->kind), expected[i].kind);
    ASSERT_EQ(x.iki[i].rows.size(), expected[i].rows);
    EXPECT_EQ(x.iki[i].rows.front().indikator, expected[i].first_indikator);
    EXPECT_EQ(x.iki[i].rows.back().sumber_data, expected[i].last_sumber);
    EXPECT_FALSE(x.iki[i].rows.front().source.empty());
  }
  // Row 4 of the Sekretaris continues its data source on the next line of the table.
  EXPECT_EQ(x.iki[1].rows[3].sumber_data, "Data realisasi fisik dan keuangan, BKU, SPJ Fungsional");
  // Row 2 of the Subbagian leaves the sasaran blank: it carries row 1's.
  EXPECT_TRUE(x.iki[3].rows[1].sasaran_carried);
  EXPECT_EQ(x.iki[3].rows[1].sasaran, x.iki[3].rows[0].sasaran);
  EXPECT_EQ(x.iki[0].rows[0].formula.kind, FormulaKind::Predicate);
  EXPECT_EQ(x.iki[6].rows[0].number, "1");  // written "1`"
  // Units and superiors follow the blocks: the Bendahara works under the Sekretaris.
  EXPECT_EQ(x.units.size(), 4u);
  EXPECT_EQ(x.position_by_id(x.positions[6].superior)->title, "Sekretaris");
  EXPECT_EQ(x.unit_by_id(x.positions[3].unit)->name, "Subbagian Umum dan Aparatur");
  EXPECT_EQ(x.position_by_id(x.positions[8].superior)->title,
            "Kepala Bidang Koordinasi, Perencanaan dan Kerja Sama");
  EXPECT_EQ(x.positions[0].functions.size(), 8u);
  EXPECT_EQ(x.positions[1].functions.size(), 6u);
}

}  // namespace
}  // namespace tatakerja::regulation
