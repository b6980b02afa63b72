// Reading tables people send: what Tatakerja's own exports (CSV, XLSX) read back as they were
// written; CSV as spreadsheets save it (semicolons, Windows-1252, quoted line breaks); XLSX as
// spreadsheet programs write it (shared strings with rich text, inline strings, numbers, cells
// without references, the sheet named by the workbook's relationships); and refusals with
// TABLE_UNREADABLE, never a half-read table, for what is not a table or passes a limit.
#include <gtest/gtest.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "documents/table.hpp"
#include "documents/table_reader.hpp"

namespace tatakerja::documents {
namespace {

Table people() {
  Table t;
  t.sheet_name = "Pegawai";
  t.columns = {"No", "NIP", "Nama", "Pangkat/golongan", "Jabatan"};
  t.rows = {{"1", "198501012010011001", "Dra. Siti \"Ani\" Rahma, M.Si.", "IV/a", "Kepala Bidang"},
            {"2", "199002022015031002", "Budi\nSantoso", "III/b", "=Analis"},
            {"3", "199203032019032003", "Ńoviänti", "", ""}};
  return t;
}

// The code of the refusal `read` throws, or "none".
template <typename Read>
std::string refusal_of(Read read) {
  try {
    read();
  } catch (const Refusal& r) {
    return std::string(r.name());
  }
  return "none";
}

// An XLSX made by hand from its parts (name, XML), as other programs write them.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("table_reader_test_" +
                     std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + ".zip");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, xml] : parts) {
    zip_source_t* src = zip_source_buffer(z, xml.data(), xml.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return bytes;
}

const char* kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data ASN" sheetId="1" r:id="rId7"/></sheets></workbook>)";
const char* kRels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="styles.xml"/><Relationship Id="rId7" Type="y" Target="worksheets/data.xml"/></Relationships>)";

TEST(TableReader, ReadsBackItsOwnCsvExport) {
  const Table t = people();
  const Table back = read_table(to_csv(t));
  EXPECT_EQ(back.columns, t.columns);
  EXPECT_EQ(back.rows, t.rows);  // quotes, commas, line breaks, the formula guard undone
}

TEST(TableReader, ReadsBackItsOwnXlsxExport) {
  const Table t = people();
  const Table back = read_table(to_xlsx(t));
  EXPECT_EQ(back.columns, t.columns);
  EXPECT_EQ(back.rows, t.rows);
}

TEST(TableReader, CsvAsSpreadsheetsSaveIt) {
  // Semicolons (Excel in Indonesian settings), Windows-1252 ("é" is 0xE9), a row shorter and a
  // row longer than the heading, empty rows and CRLF.
  const std::string csv =
      "NIP;Nama;Golongan\r\n\r\n198501012010011001;Ren\xE9;III/a\r\n"
      "199002022015031002;Budi\r\n;;\r\n199203032019032003;Ani;II/c;extra\r\n";
  const Table t = read_table(csv);
  ASSERT_EQ(t.columns, (std::vector<std::string>{"NIP", "Nama", "Golongan"}));
  ASSERT_EQ(t.rows.size(), 3U);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"198501012010011001", "René", "III/a"}));
  EXPECT_EQ(t.rows[1], (std::vector<std::string>{"199002022015031002", "Budi", ""}));
  EXPECT_EQ(t.rows[2], (std::vector<std::string>{"199203032019032003", "Ani", "II/c"}));
  // Tabs, and a file without a final line break.
  const Table tabs = read_table("NIP\tNama\n1\tA");
  EXPECT_EQ(tabs.rows, (std::vector<std::vector<std::string>>{{"1", "A"}}));
}

TEST(TableReader, XlsxAsOtherProgramsWriteIt) {
  // Shared strings with rich-text runs and a phonetic run, an inline string, a number, a
  // boolean, a cell without a reference (it follows the one before), a gap (C), the sheet at the
  // path the relationships give, prefixed element names.
  const std::string shared =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>NIP</t></si>)"
      R"(<si><r><t>Na</t></r><r><rPr><b/></rPr><t>ma</t></r><rPh><t>x</t></rPh></si>)"
      R"(<si><t xml:space="preserve"> Siti &amp; Ani </t></si><si><t>TMT</t></si></sst>)";
  const std::string sheet =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
      R"(<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c r="D1" t="s"><x:v>3</x:v></x:c></x:row>)"
      R"(<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>198501012010011001</x:t></x:is></x:c>)"
      R"(<x:c r="B2" t="s"><x:v>2</x:v></x:c><x:c r="D2"><x:v>45292</x:v></x:c></x:row>)"
      R"(<x:row r="3"><x:c r="A3" t="b"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>)";
  const Table t = read_table(zip_of({{"[Content_Types].xml", "<Types/>"},
                                     {"xl/workbook.xml", kWorkbook},
                                     {"xl/_rels/workbook.xml.rels", kRels},
                                     {"xl/sharedStrings.xml", shared},
                                     {"xl/worksheets/data.xml", sheet}}));
  ASSERT_EQ(t.columns, (std::vector<std::string>{"NIP", "Nama", "", "TMT"}));
  ASSERT_EQ(t.rows.size(), 2U);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"198501012010011001", "Siti & Ani", "", "45292"}));
  EXPECT_EQ(t.rows[1], (std::vector<std::string>{"TRUE", "", "", ""}));
}

TEST(TableReader, RefusesWhatIsNotATable) {
  EXPECT_EQ(refusal_of([] { read_table(""); }), "TABLE_UNREADABLE");
  EXPECT_EQ(refusal_of([] { read_table(std::string("PK\x03\x04 not really", 16)); }),
            "TABLE_UNREADABLE");
  EXPECT_EQ(refusal_of([] { read_table(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1...", 11)); }),
            "TABLE_UNREADABLE");
  EXPECT_EQ(refusal_of([] { read_table(std::string("a,b\n\0\0\0\0\0\0\0\0\0\0", 14)); }),
            "TABLE_UNREADABLE");  // binary
  EXPECT_EQ(refusal_of([] { read_table("NIP,Nama\n1,\"never closed\n"); }), "TABLE_UNREADABLE");
  EXPECT_EQ(refusal_of([] { read_table("\n\n ; ;\n"); }), "TABLE_UNREADABLE");  // no heading
  // An XLSX without its workbook, a sheet that is not XML, a sheet that declares a document type
  // (entities), a shared string that does not exist.
  EXPECT_EQ(refusal_of([] { read_table(zip_of({{"a.txt", "x"}})); }), "TABLE_UNREADABLE");
  auto with_sheet = [](std::string sheet) {
    return zip_of({{"xl/workbook.xml", kWorkbook},
                   {"xl/_rels/workbook.xml.rels", kRels},
                   {"xl/worksheets/data.xml", std::move(sheet)}});
  };
  EXPECT_EQ(refusal_of([&] { read_table(with_sheet("<worksheet><row>")); }), "TABLE_UNREADABLE");
  EXPECT_EQ(refusal_of([&] {
              read_table(with_sheet(R"(<!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet><sheetData>)"
                                    R"(<row><c t="inlineStr"><is><t>&a;</t></is></c></row>)"
                                    R"(</sheetData></worksheet>)"));
            }),
            "TABLE_UNREADABLE");
  EXPECT_EQ(refusal_of([&] {
              read_table(with_sheet(R"(<worksheet><sheetData><row><c t="s"><v>5</v></c></row>)"
                                    R"(</sheetData></worksheet>)"));
            }),
            "TABLE_UNREADABLE");
}

TEST(TableReader, RefusesWhatPassesALimit) {
  TableLimits small;
  small.max_rows = 3;  // the heading and two rows
  small.max_cell_bytes = 10;
  small.max_unpacked_bytes = 4096;
  EXPECT_EQ(read_table("A\n1\n2\n", small).rows.size(), 2U);
  EXPECT_EQ(refusal_of([&] { read_table("A\n1\n2\n3\n", small); }), "TABLE_UNREADABLE");
  EXPECT_EQ(refusal_of([&] { read_table("A\n12345678901\n", small); }), "TABLE_UNREADABLE");
  // An XLSX whose sheet unpacks past the budget (a ZIP bomb: 1 MB of spaces compresses to ~1 KB).
  const std::string bomb = zip_of(
      {{"xl/workbook.xml", kWorkbook},
       {"xl/_rels/workbook.xml.rels", kRels},
       {"xl/worksheets/data.xml", "<worksheet>" + std::string(1 << 20, ' ') + "</worksheet>"}});
  EXPECT_LT(bomb.size(), 8192U);
  EXPECT_EQ(refusal_of([&] { read_table(bomb, small); }), "TABLE_UNREADABLE");
  // Columns past the limit are dropped, not refused.
  small.max_columns = 2;
  EXPECT_EQ(read_table("A,B,C\n1,2,3\n", small).columns, (std::vector<std::string>{"A", "B"}));
}

}  // namespace
}  // namespace tatakerja::documents
