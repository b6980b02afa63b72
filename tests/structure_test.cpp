// Structure extraction on the corpus, against expectations checked by hand against the texts:
// every unit, position, eselon and superior, and the count and first/last text of every duty list.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/text.hpp"
#include "corpus.hpp"
#include "regulation/engine.hpp"
#include "regulation/node_query.hpp"

namespace tatakerja::regulation {
namespace {

using testing::corpus_text;

struct ExpectedPosition {
  std::string title;
  std::string eselon;
  std::string kind;
  std::string unit;      // unit name, "" for the agency head
  std::string superior;  // superior title, "" at the top
  std::size_t duties;
  std::string first_duty;
  std::string last_duty;
};

struct ExpectedUnit {
  std::string name;
  std::string kind;
  std::string parent;  // parent unit name, "" at the top
};

const Unit* unit_named(const Extraction& x, const std::string& id) {
  return x.unit_by_id(id);
}

void expect_structure(const Extraction& x, const std::vector<ExpectedUnit>& units,
                      const std::vector<ExpectedPosition>& positions) {
  ASSERT_EQ(x.units.size(), units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    SCOPED_TRACE(units[i].name);
    EXPECT_EQ(x.units[i].name, units[i].name);
    EXPECT_EQ(to_string(x.units[i].kind), units[i].kind);
    const Unit* parent = unit_named(x, x.units[i].parent);
    EXPECT_EQ(parent ? parent->name : "", units[i].parent);
    EXPECT_FALSE(x.units[i].source.empty());
  }
  ASSERT_EQ(x.positions.size(), positions.size());
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const auto& p = x.positions[i];
    const auto& e = positions[i];
    SCOPED_TRACE(e.title);
    EXPECT_EQ(p.title, e.title);
    EXPECT_EQ(p.eselon, e.eselon);
    ASSERT_TRUE(p.kind);
    EXPECT_EQ(to_string(*p.kind), e.kind);
    const Unit* u = x.unit_by_id(p.unit);
    EXPECT_EQ(u ? u->name : "", e.unit);
    const Position* s = x.position_by_id(p.superior);
    EXPECT_EQ(s ? s->title : "", e.superior);
    ASSERT_EQ(p.duties.size(), e.duties);
    EXPECT_EQ(p.duties.front(), e.first_duty);
    EXPECT_EQ(p.duties.back(), e.last_duty);
    EXPECT_FALSE(p.duties_source.empty());
  }
}

const std::string kLastNtt = "Melaksanakan tugas kedinasan lain yang diberikan oleh atasan";

TEST(Structure, BadanPengelolaPerbatasanNtt000) {
  auto r = read_regulation(corpus_text("000"));
  const auto& x = r.facts;
  ASSERT_TRUE(x.agency);
  EXPECT_EQ(x.agency->name, "Badan Pengelola Perbatasan Daerah");
  EXPECT_EQ(x.agency->kind, "Badan");
  EXPECT_EQ(x.agency->functions.size(), 8u);
  EXPECT_EQ(x.agency->functions.back(), "pelaksanaan fungsi lain yang diberikan oleh Gubernur");
  expect_structure(
      x,
      {{"Sekretariat", "Sekretariat", ""},
       {"Sub Bagian Kepegawaian dan Umum", "Sub Bagian", "Sekretariat"},
       {"Bidang Koordinasi Perencanaan dan Fasilitasi Kerja Sama", "Bidang", ""},
       {"Bidang Koordinasi Pelaksanaan", "Bidang", ""},
       {"Bidang Monitoring dan Evaluasi", "Bidang", ""},
       {"Kelompok Jabatan Fungsional", "Kelompok Jabatan Fungsional", ""}},
      {{"Kepala Badan", "II.a", "JPT Pratama", "", "", 13,
        "Memimpin seluruh pelaksanaan tugas pokok dan fungsi badan", kLastNtt},
       {"Sekretaris", "III.a", "Administrator", "Sekretariat", "Kepala Badan", 14,
        "Mengoordinasikan penyusunan perencanaan, program kerja dan data badan meliputi Renstra, "
        "Renja, RKT, RKA, DPA, DIPa, dan perjanjian kinerja",
        kLastNtt},
       {"Kepala Sub Bagian Kepegawaian dan Umum", "IV.a", "Pengawas",
        "Sub Bagian Kepegawaian dan Umum", "Sekretaris", 11,
        "Melaksanakan penyiapan bahan dan pengusulan formasi kebutuhan pegawai", kLastNtt},
       {"Kepala Bidang Koordinasi Perencanaan dan Fasilitasi Kerja Sama", "III.a", "Administrator",
        "Bidang Koordinasi Perencanaan dan Fasilitasi Kerja Sama", "Kepala Badan", 17,
        "Menyelenggarakan pengkajian program kerja bidang koordinasi perencanaan dan fasilitasi "
        "kerja sama",
        kLastNtt},
       {"Kepala Bidang Koordinasi Pelaksanaan", "III.a", "Administrator",
        "Bidang Koordinasi Pelaksanaan", "Kepala Badan", 16,
        "Menyelenggarakan pengkajian program kerja bidang koordinasi pelaksanaan", kLastNtt},
       {"Kepala Bidang Monitoring dan Evaluasi", "III.a", "Administrator",
        "Bidang Monitoring dan Evaluasi", "Kepala Badan", 18,
        "Menyelenggarakan pengkajian program kerja bidang monitoring dan evaluasi", kLastNtt}});
  EXPECT_EQ(x.positions[0].reports_to, "Gubernur melalui Sekretaris Daerah");
  EXPECT_EQ(x.positions[0].appointing_authority, "Gubernur");
  EXPECT_EQ(x.positions[0].eselon_annex, "II.a");
  EXPECT_EQ(x.positions[0].summary.substr(0, 30), "MEMIMPIN, MENGOORDINASIKAN PER");
  EXPECT_EQ(x.units[3].article, "Pasal 3 ayat (1) huruf b angka 2");
}

TEST(Structure, DinasKoperasiNtt002) {
  auto r = read_regulation(corpus_text("002"));
  const auto& x = r.facts;
  ASSERT_TRUE(x.agency);
  EXPECT_EQ(x.agency->name, "Dinas Koperasi, Usaha Kecil dan Menengah");
  EXPECT_EQ(x.agency->kind, "Dinas");
  expect_structure(
      x,
      {{"Sekretariat", "Sekretariat", ""},
       {"Sub Bagian Keuangan", "Sub Bagian", "Sekretariat"},
       {"Sub Bagian Kepegawaian dan Umum", "Sub Bagian", "Sekretariat"},
       {"Bidang Kelembagaan dan Pengawasan Koperasi", "Bidang", ""},
       {"Bidang Pemberdayaan dan Pengembangan Koperasi", "Bidang", ""},
       {"Bidang Pemberdayaan Usaha Kecil Menengah", "Bidang", ""},
       {"Kelompok Jabatan Fungsional", "Kelompok Jabatan Fungsional", ""},
       {"UPTD", "UPTD", ""}},
      {{"Kepala Dinas", "II.a", "JPT Pratama", "", "", 13,
        "Memimpin seluruh pelaksanaan tugas pokok dan fungsi Dinas", kLastNtt},
       {"Sekretaris", "III.a", "Administrator", "Sekretariat", "Kepala Dinas", 14,
        "Mengoordinasikan penyusunan perencanaan, program kerja dan data Dinas meliputi Renstra, "
        "Renja, RKT, RKA, DPA, DIPA, dan Perjanjian Kinerja",
        kLastNtt},
       {"Kepala Sub Bagian Keuangan", "IV.a", "Pengawas", "Sub Bagian Keuangan", "Sekretaris", 9,
        "Melaksanakan pelayanan penatausahaan keuangan Dinas", kLastNtt},
       {"Kepala Sub Bagian Kepegawaian dan Umum", "IV.a", "Pengawas",
        "Sub Bagian Kepegawaian dan Umum", "Sekretaris", 11,
        "Melaksanakan penyiapan bahan dan pengusulan formasi kebutuhan pegawai", kLastNtt},
       {"Kepala Bidang Kelembagaan dan Pengawasan Koperasi", "III.a", "Administrator",
        "Bidang Kelembagaan dan Pengawasan Koperasi", "Kepala Dinas", 19,
        "Menyelenggarakan pengkajian program kerja Bidang Kelembagaan dan Pengawasan Koperasi",
        kLastNtt},
       {"Kepala Bidang Pemberdayaan dan Pengembangan Koperasi", "III.a", "Administrator",
        "Bidang Pemberdayaan dan Pengembangan Koperasi", "Kepala Dinas", 18,
        "Menyelenggarakan pengkajian program kerja Bidang Pemberdayaan dan Pengembangan Koperasi",
        kLastNtt},
       {"Kepala Bidang Pemberdayaan Usaha Kecil Menengah", "III.a", "Administrator",
        "Bidang Pemberdayaan Usaha Kecil Menengah", "Kepala Dinas", 22,
        "Menyelenggarakan pengkajian program kerja Bidang Pemberdayaan Usaha Kecil Menengah",
        kLastNtt}});
}

TEST(Structure, BkpsdmBatam003DutiesInTheArticles) {
  auto r = read_regulation(corpus_text("003"));
  const auto& x = r.facts;
  ASSERT_TRUE(x.agency);
  EXPECT_EQ(x.agency->name, "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia");
  EXPECT_EQ(x.agency->type, "A");
  EXPECT_EQ(x.agency->max_bidang, 4);
  const std::string last =
      "melaksanakan tugas lain dari atasan sesuai tugas pokok dan fungsinya "
      "berdasarkan peraturan perundang-undangan";
  const std::string last2 =
      "melaksanakan tugas lain dari atasan sesuai tugas pokok dan fungsinya "
      "sesuai dengan ketentuan peraturan perundang-undangan";
  expect_structure(
      x,
      {{"Sekretariat", "Sekretariat", ""},
       {"Sub Bagian Umum dan Kepegawaian", "Sub Bagian", "Sekretariat"},
       {"Sub Bagian Perencanaan Program", "Sub Bagian", "Sekretariat"},
       {"Kelompok Jabatan Fungsional", "Kelompok Jabatan Fungsional", "Sekretariat"},
       {"Bidang Pengadaan, Pemberhentian, dan Informasi", "Bidang", ""},
       {"Bidang Mutasi dan Promosi", "Bidang", ""},
       {"Bidang Kinerja Aparatur dan Penghargaan", "Bidang", ""},
       {"Bidang Pengembangan Kompetensi Aparatur", "Bidang", ""},
       {"UPTD", "UPTD", ""},
       {"Kelompok Jabatan Fungsional", "Kelompok Jabatan Fungsional", ""}},
      {{"Kepala Badan", "II.b", "JPT Pratama", "", "", 20,
        "menetapkan rencana dan program kerja Badan sesuai dengan kebijakan umum Daerah sebagai "
        "pedoman pelaksanaan tugas",
        last},
       {"Sekretaris", "III.a", "Administrator", "Sekretariat", "Kepala Badan", 33,
        "merumuskan program dan rencana kerja kesekretariatan berdasarkan kebijakan operasional "
        "Badan sebagai pedoman pelaksanaan tugas",
        last},
       {"Kepala Sub Bagian Umum dan Kepegawaian", "IV.a", "Pengawas",
        "Sub Bagian Umum dan Kepegawaian", "Sekretaris", 25,
        "menyusun rencana pelaksanaan kegiatan di Bidang umum dan kepegawaian sebagai pedoman "
        "pelaksanaan tugas",
        last2},
       {"Kepala Sub Bagian Perencanaan Program", "IV.a", "Pengawas",
        "Sub Bagian Perencanaan Program", "Sekretaris", 21,
        "menyiapkan bahan untuk menyusun rencana program kerja dan kegiatan pada lingkup "
        "Perencanaan Program berbasis kinerja sesuai dengan lingkup dan tugasnya",
        last},
       {"Kepala Bidang Pengadaan, Pemberhentian, dan Informasi", "III.b", "Administrator",
        "Bidang Pengadaan, Pemberhentian, dan Informasi", "Kepala Badan", 32,
        "merumuskan rencana program kerja dan kegiatan urusan Pengadaan, Pemberhentian, Informasi "
        "dan Fasilitasi yang berbasis kinerja sebagai pedoman pelaksanaan tugas",
        last},
       {"Kepala Bidang Mutasi dan Promosi", "III.b", "Administrator", "Bidang Mutasi dan Promosi",
        "Kepala Badan", 26,
        "merumuskan rencana program kerja dan kegiatan urusan mutasi, kepegangatan, dan promosi "
        "yang berbasis kinerja sebagai pedoman pelaksanaan tugas",
        last2},
       {"Kepala Bidang Kinerja Aparatur dan Penghargaan", "III.b", "Administrator",
        "Bidang Kinerja Aparatur dan Penghargaan", "Kepala Badan", 27,
        "merumuskan rencana program kerja dan kegiatan urusan pembinaan, penilaian kinerja, dan "
        "penghargaan aparatur yang berbasis kinerja sebagai pedoman pelaksanaan tugas",
        last},
       {"Kepala Bidang Pengembangan Kompetensi Aparatur", "III.b", "Administrator",
        "Bidang Pengembangan Kompetensi Aparatur", "Kepala Badan", 31,
        "merumuskan rencana program kerja dan kegiatan di bidang pengembangan aparatur yang "
        "berbasis kinerja sebagai pedoman pelaksanaan tugas",
        last}});
  // Kepala Badan: tugas pokok, four functions, uraian tugas a. to t.
  EXPECT_EQ(x.positions[0].functions.size(), 4u);
  EXPECT_TRUE(text::istarts_with(x.positions[0].summary, "memimpin, mengatur, merumuskan"));
  EXPECT_EQ(x.positions[1].functions.size(), 7u);
}

// The line (1-based) of the text where `needle` first occurs.
std::size_t line_of(const std::string& text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
}

// The agency's source is the article that sets it up (its place in the government, its make-up),
// not the definition in Pasal 1 where its name is first given.
TEST(Structure, TheAgencyComesFromTheArticleThatSetsItUp) {
  const struct {
    const char* text;
    const char* sentence;
  } cases[] = {
      {"000", "Badan merupakan unsur penunjang urusan pemerintahan bidang pengelola"},
      {"002", "Dinas merupakan unsur pelaksana urusan pemerintahan bidang koperasi"},
      {"003", "Susunan organisasi Badan, terdiri dari:"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string text = corpus_text(c.text);
    const auto r = read_regulation(text);
    ASSERT_TRUE(r.facts.agency);
    EXPECT_EQ(r.facts.agency->source.first_line, line_of(text, c.sentence));
  }
}

TEST(Structure, WorkSystemRegulationEstablishesNoUnits004) {
  auto r = read_regulation(corpus_text("004"));
  EXPECT_FALSE(r.facts.agency);
  EXPECT_TRUE(r.facts.units.empty());
  EXPECT_TRUE(r.facts.positions.empty());
}

// Built for the genre: the same shape with other names, numbers and layout reads the same way.
TEST(Structure, AnotherRegionsDinasWithSeksi) {
  const std::string text = R"(BUPATI CONTOH
PERATURAN BUPATI CONTOH
NOMOR 5 TAHUN 2025
TENTANG
KEDUDUKAN DAN SUSUNAN ORGANISASI DINAS PERIKANAN KABUPATEN CONTOH
Menimbang : bahwa perlu menetapkan Peraturan Bupati;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG DINAS PERIKANAN.
BAB I
KETENTUAN UMUM
Pasal 1
Dalam Peraturan Bupati ini yang dimaksud dengan:
1. Dinas Perikanan yang selanjutnya disebut Dinas adalah Dinas Perikanan Kabupaten Contoh.
BAB II
SUSUNAN ORGANISASI
Pasal 2
(1) Susunan organisasi Dinas terdiri atas:
a. Sekretariat, membawahi:
1. Subbagian Umum; dan
2. Subbagian Keuangan;
b. Bidang Budidaya, membawahi:
1. Seksi Benih; dan
2. Seksi Pakan;
c. Bidang Tangkap; dan
d. Kelompok Jabatan Fungsional.
Pasal 3
Kepala Dinas merupakan jabatan struktural eselon II.b.
Pasal 4
Sekretaris dan Kepala Bidang merupakan jabatan struktural eselon III.b.
Pasal 5
Kepala Subbagian dan Kepala Seksi merupakan jabatan struktural eselon IV.a.
Ditetapkan di Contoh
pada tanggal 2 Januari 2025
)";
  auto r = read_regulation(text);
  const auto& x = r.facts;
  ASSERT_TRUE(x.agency);
  EXPECT_EQ(x.agency->name, "Dinas Perikanan");
  ASSERT_EQ(x.units.size(), 8u);
  EXPECT_EQ(x.units[4].name, "Seksi Benih");
  EXPECT_EQ(x.unit_by_id(x.units[4].parent)->name, "Bidang Budidaya");
  ASSERT_EQ(x.positions.size(), 8u);
  EXPECT_EQ(x.positions[0].eselon, "II.b");
  EXPECT_EQ(x.positions[5].title, "Kepala Seksi Benih");
  EXPECT_EQ(x.positions[5].eselon, "IV.a");
  EXPECT_EQ(x.position_by_id(x.positions[5].superior)->title, "Kepala Bidang Budidaya");
  EXPECT_EQ(x.positions[7].title, "Kepala Bidang Tangkap");
  EXPECT_EQ(x.positions[7].eselon, "III.b");
}

// Grades given for several agencies at once, with places that narrow them ("pada Kecamatan"),
// heads named with the agency's full name, names with "dan" in them, and a sub-unit named in the
// item's own sentence.
TEST(Structure, GradesNarrowedByAgencyAndInlineSubUnits) {
  const std::string text = R"(PERATURAN BUPATI CONTOH
NOMOR 6 TAHUN 2025
TENTANG
DINAS SOSIAL KABUPATEN CONTOH
Menimbang : bahwa perlu menetapkan Peraturan Bupati;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG DINAS SOSIAL.
Pasal 1
Dinas Sosial yang selanjutnya disebut Dinas adalah Dinas Sosial Kabupaten Contoh.
Pasal 2
(1) Susunan organisasi Dinas terdiri atas:
a. Kepala Dinas;
b. Sekretariat, terdiri dari Subbagian Umum, Kepegawaian dan Keuangan;
c. Bidang Rehabilitasi Sosial, membawahkan Seksi Anak dan Seksi Lanjut Usia; dan
d. Kelompok Jabatan Fungsional.
Pasal 3
(1) Kepala Dinas Sosial dan Kepala Badan Kesatuan Bangsa dan Politik merupakan jabatan struktural eselon II.b.
(2) Camat dan Sekretaris pada Dinas Sosial dan Badan Kesatuan Bangsa dan Politik merupakan jabatan struktural eselon III.a.
(3) Kepala Bidang merupakan jabatan struktural eselon III.b.
(4) Kepala Subbagian dan Kepala Seksi pada Dinas Sosial serta Kepala Seksi pada Kecamatan merupakan jabatan struktural eselon IV.a.
(5) Kepala Subbagian pada Kecamatan merupakan jabatan struktural eselon IV.b.
)";
  const auto x = read_regulation(text).facts;
  ASSERT_TRUE(x.agency);
  EXPECT_EQ(x.agency->name, "Dinas Sosial");
  const Unit* sub = nullptr;
  for (const Unit& u : x.units)
    if (u.name == "Subbagian Umum, Kepegawaian dan Keuangan") sub = &u;
  ASSERT_TRUE(sub);
  EXPECT_EQ(x.unit_by_id(sub->parent)->name, "Sekretariat");
  std::map<std::string, std::string> eselon;
  for (const Position& p : x.positions) eselon[p.title] = p.eselon;
  EXPECT_EQ(eselon["Kepala Dinas"], "II.b");
  EXPECT_EQ(eselon["Sekretaris"], "III.a");
  EXPECT_EQ(eselon["Kepala Bidang Rehabilitasi Sosial"], "III.b");
  EXPECT_EQ(eselon["Kepala Subbagian Umum, Kepegawaian dan Keuangan"], "IV.a");
  EXPECT_EQ(eselon["Kepala Seksi Anak"], "IV.a");
  EXPECT_EQ(eselon["Kepala Seksi Lanjut Usia"], "IV.a");
}

// One regulation for two agencies, one chapter each, and a chapter of eselon for both: each
// agency is read from its own chapter with the shared ones, the second's ids prefixed.
TEST(Structure, OneRegulationTwoAgencies) {
  const std::string text =
      "PERATURAN BUPATI CONTOH\nNOMOR 3 TAHUN 2023\nTENTANG\nSUSUNAN ORGANISASI PERANGKAT "
      "DAERAH\n\nBAB I\nKETENTUAN UMUM\n\nPasal 1\nDalam Peraturan Bupati ini yang dimaksud "
      "dengan:\n1. Daerah adalah Kabupaten Contoh.\n\n"
      "BAB II\nDINAS SOSIAL\n\nPasal 2\n(1) Susunan organisasi Dinas Sosial terdiri atas:\n"
      "a. Kepala Dinas;\nb. Sekretariat;\nc. Bidang Rehabilitasi Sosial; dan\nd. Bidang "
      "Perlindungan Sosial.\n\n"
      "BAB III\nKECAMATAN\n\nPasal 3\n(1) Kecamatan dipimpin oleh seorang Camat.\n(2) Susunan "
      "organisasi Kecamatan terdiri atas:\na. Camat;\nb. Sekretariat Kecamatan;\nc. Seksi "
      "Pemerintahan; dan\nd. Seksi Pelayanan Umum.\n\n"
      "BAB IV\nESELONISASI\n\nPasal 4\n(1) Kepala Dinas merupakan jabatan struktural eselon "
      "II.b.\n(2) Camat merupakan jabatan struktural eselon III.a.\n";
  const Reading r = read_regulation(text);
  ASSERT_TRUE(r.facts.agency);
  EXPECT_EQ(r.facts.agency->name, "Dinas Sosial");
  ASSERT_EQ(r.facts.units.size(), 3u);
  ASSERT_EQ(r.facts.more_agencies.size(), 1u);
  const AgencyStructure& kecamatan = r.facts.more_agencies[0];
  EXPECT_EQ(kecamatan.agency.name, "Kecamatan");
  ASSERT_EQ(kecamatan.units.size(), 3u);
  EXPECT_EQ(kecamatan.units[0].id, "a2.u1");
  EXPECT_EQ(kecamatan.units[0].name, "Sekretariat Kecamatan");
  ASSERT_FALSE(kecamatan.positions.empty());
  EXPECT_EQ(kecamatan.positions[0].title, "Camat");
  EXPECT_EQ(kecamatan.positions[0].eselon, "III.a");
  EXPECT_EQ(kecamatan.positions[1].title, "Sekretaris Kecamatan");
  EXPECT_EQ(kecamatan.positions[1].superior, "a2.p1");
  EXPECT_EQ(r.facts.positions.front().title, "Kepala Dinas");
  EXPECT_EQ(r.facts.positions.front().eselon, "II.b");
}

// PhraseFinder finds what text::ifind finds, wherever the phrase stands and in either case, and
// skips no start: every start and every length of text around the phrase, with near misses.
TEST(PhraseFinder, FindsWhatIfindFinds) {
  const std::string phrase = "dicabut dan dinyatakan tidak berlaku";
  const PhraseFinder finder(phrase);
  const std::vector<std::string> fillers = {"",
                                            "x",
                                            "dicabut dan",
                                            "Peraturan Daerah Nomor 5 Tahun 2010 ",
                                            "dicabut dan dinyatakan tidak",
                                            "DICABUT DAN DINYATAKAN TIDAK BERLAKU",
                                            "tidak berlaku dicabut dan dinyatakan tidak berlak"};
  for (const std::string& before : fillers) {
    for (const std::string& after : fillers) {
      for (const std::string& middle :
           {phrase, std::string("Dicabut Dan Dinyatakan Tidak Berlaku"),
            std::string("dicabut dan dinyatakan tidak berlaky"), std::string()}) {
        const std::string t = before + middle + after;
        for (std::size_t from = 0; from <= t.size() + 1; ++from)
          ASSERT_EQ(finder.find(t, from), text::ifind(t, phrase, from)) << t << " @" << from;
      }
    }
  }
  // A shorter phrase, looked for through two of its bytes sixteen starts at a time, at every
  // start and length around it, with near misses, bytes that are not letters and block edges.
  for (const std::string short_phrase : {"tim kerja", "dipimpin oleh ", "dengan prinsip"}) {
    const PhraseFinder near(short_phrase);
    std::string upper = short_phrase;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string miss = short_phrase;
    miss[miss.size() / 2] = '@';
    for (std::size_t pad = 0; pad < 40; ++pad) {
      for (const std::string& middle : {short_phrase, upper, miss, std::string()}) {
        const std::string t = std::string(pad, 'k') + middle + std::string(40 - pad, 'j') + miss;
        for (std::size_t from = 0; from <= t.size() + 1; ++from)
          ASSERT_EQ(near.find(t, from), text::ifind(t, short_phrase, from)) << t << " @" << from;
      }
    }
  }
  // A phrase too short for the table is searched for as text::ifind does.
  const PhraseFinder one("a");
  EXPECT_EQ(one.find("bcA"), 2U);
}

}  // namespace
}  // namespace tatakerja::regulation
