// Texts in the wild come from OCR: a word per line, tables flattened into one cell per line,
// misread characters, viewer headers. Each test damages a corpus text the way a scanner does and
// checks that the engine reads the same facts as from the clean text.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "corpus.hpp"
#include "regulation/engine.hpp"
#include "regulation/layout_repair.hpp"
#include "regulation/lines.hpp"
#include "regulation/table_cells.hpp"

namespace tatakerja::regulation {
namespace {

using testing::corpus_text;

std::string word_per_line(const std::string& text) {
  std::istringstream in(text);
  std::string word, out;
  while (in >> word) out += word + "\n";
  return out;
}

std::string flatten_tables(const std::string& text) {
  std::istringstream in(text);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.find('\t') == std::string::npos) {
      out += line + "\n";
      continue;
    }
    std::istringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, '\t'))
      if (cell.find_first_not_of(" ") != std::string::npos) out += cell + "\n";
  }
  return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size())
    s.replace(p, from.size(), to);
}

void expect_same_structure(const Extraction& a, const Extraction& b) {
  EXPECT_EQ(a.regulation.kind, b.regulation.kind);
  EXPECT_EQ(a.regulation.number, b.regulation.number);
  EXPECT_EQ(a.regulation.year, b.regulation.year);
  EXPECT_EQ(a.regulation.title, b.regulation.title);
  EXPECT_EQ(a.regulation.region, b.regulation.region);
  ASSERT_EQ(a.units.size(), b.units.size());
  for (std::size_t i = 0; i < a.units.size(); ++i) {
    EXPECT_EQ(a.units[i].name, b.units[i].name);
    EXPECT_EQ(a.units[i].parent, b.units[i].parent);
  }
  ASSERT_EQ(a.positions.size(), b.positions.size());
  for (std::size_t i = 0; i < a.positions.size(); ++i) {
    SCOPED_TRACE(b.positions[i].title);
    EXPECT_EQ(a.positions[i].title, b.positions[i].title);
    EXPECT_EQ(a.positions[i].eselon, b.positions[i].eselon);
    EXPECT_EQ(a.positions[i].superior, b.positions[i].superior);
    EXPECT_EQ(a.positions[i].summary, b.positions[i].summary);
    EXPECT_EQ(a.positions[i].functions, b.positions[i].functions);
    EXPECT_EQ(a.positions[i].duties, b.positions[i].duties);
  }
}

class WordPerLine : public ::testing::TestWithParam<const char*> {};

TEST_P(WordPerLine, ReadsTheSameOrganisationAsTheCleanText) {
  const std::string& clean = corpus_text(GetParam());
  const auto expected = read_regulation(clean);
  const auto damaged = read_regulation(word_per_line(clean));
  ASSERT_FALSE(expected.facts.positions.empty());
  expect_same_structure(damaged.facts, expected.facts);
  bool reported = false;
  for (const auto& f : damaged.facts.findings) reported |= f.code == "LAYOUT_WORD_PER_LINE";
  EXPECT_TRUE(reported);
}

INSTANTIATE_TEST_SUITE_P(Corpus, WordPerLine, ::testing::Values("000", "002", "003"));

std::vector<std::vector<std::string>> table_rows(const Document& d) {
  std::vector<std::vector<std::string>> rows;
  std::vector<const Node*> stack;
  for (const auto& a : d.annexes) stack.push_back(&a.content);
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (n->kind == NodeKind::Row) rows.push_back(n->cells);
    for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(&*it);
  }
  return rows;
}

TEST(FlattenedTables, RebuildsEveryRowOfTheIkiTables) {
  const std::string& clean = corpus_text("001");
  const auto expected = table_rows(read_regulation(clean).document);
  const auto damaged = read_regulation(flatten_tables(clean));
  const auto rows = table_rows(damaged.document);
  ASSERT_EQ(expected.size(), 76u);  // 15 tables: header and column numbers, plus 46 data rows
  EXPECT_EQ(rows, expected);
  EXPECT_EQ(damaged.facts.iki.size(), read_regulation(clean).facts.iki.size());
}

std::vector<Line> numbered_lines(const std::vector<std::string>& texts) {
  std::vector<Line> lines;
  for (const auto& t : texts) lines.push_back(Line{static_cast<int>(lines.size()) + 1, t});
  return lines;
}

TEST(FlattenedTables, WrappedCellsAreJoinedWhereTheSentenceRunsOn) {
  auto lines = numbered_lines(
      {"NO", "SASARAN", "INDIKATOR", "RUMUS", "SUMBER DATA",
       // row 1: every cell wrapped
       "1.", "Meningkatnya kualitas layanan Dinas", "Kesehatan Daerah", "Persentase puskesmas yang",
       "terakreditasi", "jumlah puskesmas terakreditasi dibagi", "jumlah puskesmas dikali 100%",
       "Laporan Dinas Kesehatan Kabupaten", "Sanggau",
       // row 2: the sasaran merged with row 1's, left out
       "2.", "Persentase bayi yang diimunisasi", "lengkap", "jumlah bayi diimunisasi dibagi jumlah",
       "bayi dikali 100%", "Aplikasi ASIK", "", "KEPALA DINAS KESEHATAN,"});
  EXPECT_EQ(rebuild_flattened_tables(lines), 1);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[1].text,
            "1.\tMeningkatnya kualitas layanan Dinas Kesehatan Daerah\tPersentase puskesmas yang "
            "terakreditasi\tjumlah puskesmas terakreditasi dibagi jumlah puskesmas dikali "
            "100%\tLaporan Dinas Kesehatan Kabupaten Sanggau");
  EXPECT_EQ(lines[2].text,
            "2.\t\tPersentase bayi yang diimunisasi lengkap\tjumlah bayi diimunisasi dibagi "
            "jumlah bayi dikali 100%\tAplikasi ASIK");
  // The signature after the table's blank line stays outside it.
  EXPECT_EQ(lines.back().text, "KEPALA DINAS KESEHATAN,");
}

TEST(FlattenedTables, CellsOfAFewLinesAndOfNone) {
  const std::vector<IkiColumn> columns = {IkiColumn::Sasaran, IkiColumn::Indikator,
                                          IkiColumn::Formula, IkiColumn::SumberData};
  EXPECT_EQ(wrapped_cells({}, columns), std::vector<std::string>(4));
  EXPECT_EQ(wrapped_cells({"Jumlah dokumen"}, columns),
            (std::vector<std::string>{"", "", "", "Jumlah dokumen"}));
  EXPECT_EQ(wrapped_cells({"A", "B", "C", "D"}, columns),
            (std::vector<std::string>{"A", "B", "C", "D"}));
  EXPECT_TRUE(wrapped_cells({"A"}, {}).empty());
  // Many lines that all run on: still one cell per column, every line kept.
  std::vector<std::string> long_row(40, "dan");
  const auto cells = wrapped_cells(long_row, columns);
  ASSERT_EQ(cells.size(), 4u);
  std::size_t words = 0;
  for (const auto& c : cells) words += c.empty() ? 0 : std::count(c.begin(), c.end(), ' ') + 1;
  EXPECT_EQ(words, 40u);
}

TEST(FlattenedTables, ColumnByColumn) {
  auto lines = numbered_lines({"No.",
                               "1.",
                               "2.",
                               "3.",
                               "",  // the numbers, then each column
                               "Sasaran",
                               "Meningkatnya kualitas pelayanan perizinan",
                               "Meningkatnya kepatuhan pelaku usaha terhadap izin",
                               "",
                               "Indikator Kinerja",
                               "Persentase izin yang terbit tepat waktu",
                               "Persentase pelaku usaha yang",
                               "memiliki izin",
                               "Jumlah pelaku usaha yang diawasi kepatuhan izinnya",
                               "Formula",
                               "Jumlah izin terbit tepat waktu / Jumlah izin terbit x 100%",
                               "Jumlah pelaku usaha berizin / Jumlah pelaku usaha x 100%",
                               "Jumlah pelaku usaha",
                               "Sumber Data",
                               "Aplikasi OSS",
                               "Data Sumber Daya Usaha",
                               "Laporan Pengawasan",
                               "",
                               "Sanggau, 3 Januari 2025"});
  EXPECT_EQ(rebuild_column_tables(lines), 1);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[0].text, "No.\tSasaran\tIndikator Kinerja\tFormula\tSumber Data");
  EXPECT_EQ(lines[1].number, 2);  // a row keeps its number's line
  EXPECT_EQ(lines[1].text,
            "1\tMeningkatnya kualitas pelayanan perizinan\tPersentase izin yang terbit tepat "
            "waktu\tJumlah izin terbit tepat waktu / Jumlah izin terbit x 100%\tAplikasi OSS");
  // The second sasaran is merged over rows 2 and 3: it shares its words with them.
  EXPECT_EQ(lines[2].text,
            "2\tMeningkatnya kepatuhan pelaku usaha terhadap izin\tPersentase pelaku usaha yang "
            "memiliki izin\tJumlah pelaku usaha berizin / Jumlah pelaku usaha x "
            "100%\tData Sumber Daya Usaha");
  EXPECT_EQ(lines[3].text,
            "3\t\tJumlah pelaku usaha yang diawasi kepatuhan izinnya\tJumlah pelaku "
            "usaha\tLaporan Pengawasan");
  EXPECT_EQ(lines[5].text, "Sanggau, 3 Januari 2025");
}

TEST(FlattenedTables, ColumnsThatAreNoTableStayAsWritten) {
  const std::vector<std::string> texts = {
      "No.", "1.",     "2.",      "Keterangan",
      "a",   "b",      "",              // no sasaran nor indikator
      "No",  "Uraian",                  // no row numbers
      "No.", "1.",     "Sasaran", ""};  // a heading without cells
  auto lines = numbered_lines(texts);
  EXPECT_EQ(rebuild_column_tables(lines), 0);
  ASSERT_EQ(lines.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(lines[i].text, texts[i]);
}

TEST(OcrSlips, MisreadMarkersAndViewerHeadersAreRepaired) {
  const std::string& clean = corpus_text("000");
  std::string damaged = clean;
  replace_all(damaged, "BAB I\n", "BABI\n");
  replace_all(damaged, "Pasal 5\n", "Paaal 5\n");
  replace_all(damaged, "Pasal 8\n", "PasaI 8\n");
  replace_all(damaged, "Pasal 12\n", "Pasal l2\n");
  replace_all(damaged, "- (1) Badan merupakan", "- (l) Badan merupakan");
  replace_all(damaged, "- Menimbang", "- Menirnbang");
  replace_all(damaged, "\nBAB IV\n", "\nAnda di halaman 3 dari 67\nBAB IV\n");
  replace_all(damaged, "\nBAB VI\n", "\nPage 4 of 67\nBAB VI\n");
  const auto expected = read_regulation(clean);
  const auto got = read_regulation(damaged);
  expect_same_structure(got.facts, expected.facts);
  EXPECT_EQ(got.document.considerations.children.size(), 3u);
  int repairs = 0;
  for (const auto& f : got.facts.findings) repairs += f.code == "OCR_REPAIRED";
  EXPECT_GE(repairs, 4);
}

// A regulation copied out of a PDF viewer: heading, preamble and body on one line with the page
// furniture inside, a running header on every page and a word broken across two lines. It reads
// as the same text laid out line by line.
TEST(FlattenedText, ReadsAsTheTextLaidOut) {
  const std::string flattened =
      "BUPATI CONTOH\n"
      "BUPATI CONTOH PROVINSI CONTOH PERATURAN BUPATI CONTOH NOMOR 5 TAHUN 2022 TENTANG "
      "KEDUDUKAN DAN SUSUNAN ORGANISASI DINAS PERTANIAN DENGAN RAHMAT TUHAN YANG MAHA ESA BUPATI "
      "CONTOH, Menimbang : a. bahwa perlu menetapkan susunan organisasi; b. bahwa berdasarkan "
      "pertimbangan tersebut perlu menetapkan Peraturan Bupati; Mengingat : 1. Undang-Undang "
      "Nomor 23 Tahun 2014 tentang Pemerintahan Daerah; MEMUTUSKAN: Menetapkan : PERATURAN BUPATI "
      "TENTANG KEDUDUKAN DAN SUSUNAN ORGANISASI DINAS PERTANIAN. BAB I KETENTUAN UMUM Pasal 1 "
      "Dalam Peraturan Bupati ini yang dimaksud dengan: 1. Daerah adalah Kabupaten Contoh. - 2 - "
      "2. Dinas Pertanian yang selanjutnya disebut Dinas adalah perangkat daerah. BAB II SUSUNAN "
      "ORGANISASI Pasal 2 (1) Susunan organisasi Dinas terdiri atas: a. Kepala Dinas; "
      "b. Sekretariat; c. Bidang Tanaman Pangan; dan d. Bidang Perkebunan. Halaman 2 dari 3 "
      "(2) Sekretariat sebagaimana dimaksud pada ayat (1) huruf b dipimpin oleh Sekretaris.\n"
      "BUPATI CONTOH\n"
      "Pasal 3\n"
      "Ketentuan lebih lanjut diatur oleh Ke-\n"
      "pala Dinas. Kepala Dinas menetapkan.\n"
      "BUPATI CONTOH\n"
      "Pasal 4\n"
      "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n";
  const Reading r = read_regulation(flattened);
  EXPECT_EQ(r.facts.regulation.kind, "Peraturan Bupati");
  EXPECT_EQ(r.facts.regulation.number, "5");
  ASSERT_TRUE(r.facts.regulation.year);
  EXPECT_EQ(*r.facts.regulation.year, 2022);
  std::vector<std::string> articles;
  std::string all_text;
  for (const Node& chapter : r.document.body.children) {
    for (const Node& n : chapter.children) {
      if (n.kind == NodeKind::Article) articles.push_back(n.label);
      all_text += n.full_text() + "\n";
    }
  }
  EXPECT_EQ(articles, (std::vector<std::string>{"1", "2", "3", "4"}));
  EXPECT_EQ(all_text.find("Halaman 2"), std::string::npos) << all_text;
  EXPECT_EQ(all_text.find("- 2 -"), std::string::npos) << all_text;
  EXPECT_NE(all_text.find("oleh Kepala Dinas"), std::string::npos) << all_text;
  EXPECT_EQ(all_text.find("BUPATI CONTOH"), std::string::npos) << all_text;
  ASSERT_EQ(r.facts.units.size(), 3u);
  EXPECT_EQ(r.facts.units[0].name, "Sekretariat");
  const auto reported = [&](const std::string& code) {
    return std::any_of(r.facts.findings.begin(), r.facts.findings.end(),
                       [&](const Finding& f) { return f.code == code; });
  };
  EXPECT_TRUE(reported("LAYOUT_FLATTENED_TEXT"));
  EXPECT_TRUE(reported("LAYOUT_RUNNING_HEADER"));
  EXPECT_TRUE(reported("LAYOUT_BROKEN_WORDS"));
}

// A long line that only starts with a keyword (a long Menimbang item) is an ordinary line.
TEST(FlattenedText, LongOrdinaryLinesStayWhole) {
  for (const char* id : {"000", "002", "003", "004"}) {
    const Reading r = read_regulation(corpus_text(id));
    for (const auto& f : r.facts.findings) {
      EXPECT_NE(f.code, "LAYOUT_FLATTENED_TEXT") << id << " line " << f.line;
      EXPECT_NE(f.code, "LAYOUT_BROKEN_WORDS") << id << " line " << f.line << ": " << f.message;
    }
  }
}

// A row copied with tabs keeps its cells, each with its white space collapsed; empty cells after
// the last are dropped, and a row of one cell is that cell (unless empty cells before it continue
// the row above).
TEST(TabRows, CellsAreCollapsedAndTheRowShapeKept) {
  EXPECT_EQ(clean_line_text("a\t  b  c \t\t"), "a\tb c");
  EXPECT_EQ(clean_line_text("- a\t- b\f\t"), "a\tb");
  EXPECT_EQ(clean_line_text("\t\tx\t"), "\t\tx");
  EXPECT_EQ(clean_line_text("\tx y"), "x y");
  EXPECT_EQ(clean_line_text("x\t\t"), "x");
  EXPECT_EQ(clean_line_text("\t \t"), "");
  EXPECT_EQ(clean_line_text("Kepala\t\tDinas  X"), "Kepala\t\tDinas X");
}

// OCR damage inside words is repaired where the text itself shows the right form more often;
// a word the text never spells otherwise is left as written.
TEST(OcrWords, RepairedOnlyWhereCertain) {
  const std::string text =
      "BAB I\nSUSUNAN ORGANISASI\n\nPasal 1\n(1) Susunan organisasi Dinas Contoh terdiri atas:\n"
      "a. Sekretariat;\nb. Biclang Perikanan;\nc. Bidang Kelautan; dan\nd. Bidang Pesisir.\n"
      "(2) Bidang dipimpin oleh KepalaBidang yang rnempunyai tugas.\n"
      "(3) Kepala Seksi mempunyai tugas dan Kepala Bidang mempunyai tugas.\n"
      "(4) Nama Kelompok Mosclem tetap.\n";
  const Reading r = read_regulation(text);
  std::vector<std::string> units;
  for (const Unit& u : r.facts.units) units.push_back(u.name);
  EXPECT_EQ(units, (std::vector<std::string>{"Sekretariat", "Bidang Perikanan", "Bidang Kelautan",
                                             "Bidang Pesisir"}));
  std::string body;
  for (const Node& c : r.document.body.children) body += c.full_text() + "\n";
  EXPECT_NE(body.find("oleh Kepala Bidang yang mempunyai"), std::string::npos) << body;
  EXPECT_NE(body.find("Mosclem"), std::string::npos) << body;  // no certain repair: kept
  const bool reported = std::any_of(r.facts.findings.begin(), r.facts.findings.end(),
                                    [](const Finding& f) { return f.code == "OCR_REPAIRED"; });
  EXPECT_TRUE(reported);
}

// A list copied out of a two-column page: the wrapped tails come after the next item, and a
// sub-list after the item that follows the one introducing it. The tails go back to their items,
// the sub-list under its item; a list whose items simply have no ";" is left as written.
TEST(DisplacedTails, GivenBackToTheirItems) {
  std::vector<Finding> findings;
  auto lines = clean_lines(
      "a. Kepala Dinas;\n"
      "b. Sekretariat, membawahkan:\n"
      "1. Sub Bagian Umum\n"
      "2. Sub Bagian Keuangan dan\n"
      "dan Kepegawaian; dan\n"
      "Perencanaan.\n"
      "c. Bidang Pengolahan dan Pemasaran Hasil\n"
      "d. UPTD Pangkalan Pendaratan Ikan\n"
      "Perikanan, membawahkan:\n"
      "Sungailiat; dan\n"
      "1. Seksi Pengolahan; dan\n"
      "2. Seksi Pemasaran.\n"
      "e. Kelompok Jabatan Fungsional.\n",
      findings);
  std::vector<std::string> texts;
  for (const auto& l : lines)
    if (!l.blank()) texts.push_back(l.text);
  const std::vector<std::string> expected = {
      "a. Kepala Dinas;",
      "b. Sekretariat, membawahkan:",
      "1. Sub Bagian Umum dan Kepegawaian; dan",
      "2. Sub Bagian Keuangan dan Perencanaan.",
      "c. Bidang Pengolahan dan Pemasaran Hasil Perikanan, membawahkan:",
      "1. Seksi Pengolahan; dan",
      "2. Seksi Pemasaran.",
      "d. UPTD Pangkalan Pendaratan Ikan Sungailiat; dan",
      "e. Kelompok Jabatan Fungsional."};
  EXPECT_EQ(texts, expected);
  EXPECT_TRUE(std::any_of(findings.begin(), findings.end(),
                          [](const Finding& f) { return f.code == "LAYOUT_DISPLACED_TAILS"; }));

  findings.clear();
  const std::string plain =
      "a. Kepala Dinas\nb. Sekretariat, membawahkan\nSub Bagian Umum dan Keuangan;\n";
  lines = clean_lines(plain, findings);
  EXPECT_EQ(lines[0].text, "a. Kepala Dinas");
  EXPECT_EQ(lines[2].text, "Sub Bagian Umum dan Keuangan;");
  EXPECT_TRUE(findings.empty());
}

}  // namespace
}  // namespace tatakerja::regulation
