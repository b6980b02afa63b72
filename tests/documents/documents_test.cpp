// The documents domain: the chart's words (heading, region head, signature), the fit of a drawing
// on the page, the SVG of a sheet, CSV quoting and the formula guard; and the renderers on a small
// chart (a PDF, an SVG that holds every title, an XLSX that is a zip).
#include <gtest/gtest.h>

#include <string>

#include "documents/chart.hpp"
#include "documents/chart_render.hpp"
#include "documents/table.hpp"

namespace tatakerja::documents {
namespace {

ChartSource ntt_source() {
  ChartSource s;
  s.regulation_kind = "Peraturan Gubernur";
  s.region_name = "Provinsi Nusa Tenggara Timur";
  s.number = "12";
  s.year = "2022";
  s.regulation_title = "Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Badan";
  s.agency_name = "Badan Pengelola Perbatasan Daerah";
  s.boxes = {{1, 0, "Kepala Badan", ""},
             {2, 1, "Sekretaris", ""},
             {3, 2, "Kepala Sub Bagian Umum dan Kepegawaian", ""},
             {4, 1, "Kepala Bidang Pengelolaan Batas Wilayah Negara & <Kawasan>", ""}};
  return s;
}

TEST(ChartWords, RegionHeadFromTheRegulationKind) {
  EXPECT_EQ(region_head_title("Peraturan Gubernur", "Provinsi Nusa Tenggara Timur"),
            "GUBERNUR NUSA TENGGARA TIMUR");
  EXPECT_EQ(region_head_title("Peraturan Bupati", "Kabupaten Kupang"), "BUPATI KUPANG");
  EXPECT_EQ(region_head_title("Peraturan Wali Kota", "Kota Batam"), "WALI KOTA BATAM");
  EXPECT_EQ(region_head_title("Peraturan Walikota", "Kota Batam"), "WALI KOTA BATAM");
  EXPECT_EQ(region_head_title("Keputusan", ""), "KEPALA DAERAH");
  EXPECT_EQ(region_proper_name("Kotawaringin Barat"), "KOTAWARINGIN BARAT");  // not "Kota ..."
}

TEST(ChartWords, HeadingAsTheLampiranPrintsIt) {
  const auto lines = lampiran_heading(ntt_source(), 48);
  ASSERT_GE(lines.size(), 5U);
  EXPECT_EQ(lines[0], "LAMPIRAN I");
  EXPECT_EQ(lines[1], "PERATURAN GUBERNUR NUSA TENGGARA TIMUR");
  EXPECT_EQ(lines[2], "NOMOR 12 TAHUN 2022");
  EXPECT_EQ(lines[3], "TENTANG");
  std::string title;
  for (std::size_t i = 4; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 48U);
    title += (i > 4 ? " " : "") + lines[i];
  }
  EXPECT_EQ(title, "KEDUDUKAN, SUSUNAN ORGANISASI, TUGAS DAN FUNGSI SERTA TATA KERJA BADAN");

  ChartSource blank = ntt_source();
  blank.number.clear();
  blank.year.clear();
  EXPECT_EQ(lampiran_heading(blank)[2], "NOMOR ... TAHUN ...");
  EXPECT_EQ(chart_title(blank), "BAGAN SUSUNAN ORGANISASI BADAN PENGELOLA PERBATASAN DAERAH");
  const auto signature = signature_block(blank);
  ASSERT_EQ(signature.size(), 2U);
  EXPECT_EQ(signature[0], "GUBERNUR NUSA TENGGARA TIMUR,");
}

TEST(ChartWords, WrapsAtSpacesAndKeepsLongWords) {
  EXPECT_EQ(wrap_words("satu dua tiga empat", 9),
            (std::vector<std::string>{"satu dua", "tiga", "empat"}));
  EXPECT_EQ(wrap_words("  panjangsekali  x ", 4), (std::vector<std::string>{"panjangsekali", "x"}));
  EXPECT_TRUE(wrap_words("", 10).empty());
}

TEST(ChartBounds, KeepsTheTopLevelsAndSaysHowManyAreLeftOut) {
  ChartSource s;
  s.boxes = {{10, 0, "Kepala", ""},   {11, 10, "Sekretaris", ""}, {12, 11, "Kasubbag", ""},
             {13, 10, "Kabid", ""},   {14, 13, "Kasi", ""},       {15, 99, "Lepas", ""},
             {16, 17, "Lingkar", ""}, {17, 16, "Lingkar 2", ""}};
  select_chart_boxes(s, 5);
  ASSERT_EQ(s.boxes.size(), 5U);
  EXPECT_EQ(s.omitted, 3U);
  // Level 0: the head, the box whose superior is unknown, both boxes of the loop; then level 1
  // (Sekretaris, then Kabid) as far as the bound; in the given order.
  std::vector<long long> ids;
  for (const auto& b : s.boxes) ids.push_back(b.id);
  EXPECT_EQ(ids, (std::vector<long long>{10, 11, 15, 16, 17}));
  EXPECT_EQ(omitted_note(s), "Digambar 5 jabatan teratas dari 8; selebihnya dalam ekspor jabatan.");
  ChartSource small;
  small.boxes = {{1, 0, "Kepala", ""}};
  select_chart_boxes(small, 5);
  EXPECT_EQ(small.boxes.size(), 1U);
  EXPECT_EQ(omitted_note(small), "");
}

TEST(ChartHanging, LeafSubordinatesStackUnderTheirSuperior) {
  const std::vector<ChartBox> boxes = {{1, 0, "Kepala", ""},     {2, 1, "Sekretaris", ""},
                                       {3, 2, "Kasubbag A", ""}, {4, 2, "Kasubbag B", ""},
                                       {5, 1, "Kabid", ""},      {6, 5, "Kasi", ""},
                                       {7, 1, "Staf", ""},       {8, 1, "Staf 2", ""}};
  const auto h = hang_boxes(boxes);
  ASSERT_EQ(h.size(), boxes.size());
  EXPECT_EQ(h[0].under, 0);
  EXPECT_EQ(h[1].under, 1);  // Sekretaris has subordinates: under the head, not stacked
  EXPECT_FALSE(h[1].stacked);
  EXPECT_EQ(h[2].under, 2);  // the first of a stack hangs under the superior
  EXPECT_TRUE(h[2].stacked);
  EXPECT_EQ(h[3].under, 3);  // the next under the one before
  EXPECT_TRUE(h[3].stacked);
  EXPECT_EQ(h[5].under, 5);  // a single leaf is not a stack
  EXPECT_FALSE(h[5].stacked);
  EXPECT_EQ(h[6].under, 1);  // the head's leaf staff stack beside its units
  EXPECT_EQ(h[7].under, 7);
  EXPECT_TRUE(h[7].stacked);
}

TEST(ChartFit, ShrinksToTheAreaNeverGrows) {
  const Fit small = fit_into(100, 50, 10, 20, 400, 300);
  EXPECT_DOUBLE_EQ(small.scale, 1);
  EXPECT_DOUBLE_EQ(small.dx, 10 + 150);
  EXPECT_DOUBLE_EQ(small.dy, 20);
  const Fit wide = fit_into(1600, 100, 0, 0, 400, 300);
  EXPECT_DOUBLE_EQ(wide.scale, 0.25);
  const Fit tall = fit_into(100, 900, 0, 0, 400, 300);
  EXPECT_NEAR(tall.scale, 1.0 / 3, 1e-12);
}

TEST(ChartSvg, EscapesTextAndIsOneDocument) {
  ChartSheet sheet;
  sheet.width = 100;
  sheet.height = 50;
  sheet.boxes.push_back({1, 2, 30, 10, "Kotak"});
  sheet.lines.push_back({0, 0, 10, 10});
  sheet.texts.push_back({5, 5, 8, true, false, SheetText::Anchor::Middle, "A & B <C> \"d\""});
  const std::string svg = sheet_to_svg(sheet);
  EXPECT_EQ(svg.rfind("<?xml", 0), 0U);
  EXPECT_NE(svg.find("A &amp; B &lt;C&gt; &quot;d&quot;"), std::string::npos);
  EXPECT_NE(svg.find("text-anchor=\"middle\""), std::string::npos);
  EXPECT_NE(svg.find("font-weight=\"bold\""), std::string::npos);
  EXPECT_EQ(svg.find("<C>"), std::string::npos);
  EXPECT_NE(svg.find("<title>Kotak</title>"), std::string::npos);
  EXPECT_EQ(xml_escaped(std::string("a\x01"
                                    "b")),
            "a b");
}

TEST(Csv, QuotesPerRfc4180) {
  EXPECT_EQ(csv_field("biasa"), "biasa");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("kata \"kutip\""), "\"kata \"\"kutip\"\"\"");
  EXPECT_EQ(csv_field("dua\nbaris"), "\"dua\nbaris\"");
  EXPECT_EQ(csv_field(""), "");
}

TEST(Csv, GuardsAgainstFormulas) {
  EXPECT_EQ(spreadsheet_safe("=1+1"), "'=1+1");
  EXPECT_EQ(spreadsheet_safe("+62 812"), "'+62 812");
  EXPECT_EQ(spreadsheet_safe("-2"), "'-2");
  EXPECT_EQ(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(spreadsheet_safe("\tx"), "'\tx");
  EXPECT_EQ(spreadsheet_safe("III.a"), "III.a");
  EXPECT_EQ(csv_field("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
}

TEST(Csv, BomHeadingAndCrlf) {
  Table t;
  t.columns = {"No", "Jabatan"};
  t.rows = {{"1", "Kepala, Badan"}, {"2", "=cmd"}};
  EXPECT_EQ(to_csv(t), "\xEF\xBB\xBFNo,Jabatan\r\n1,\"Kepala, Badan\"\r\n2,'=cmd\r\n");
}

TEST(Xlsx, IsAZipWorkbookWithTheCells) {
  Table t;
  t.sheet_name = "Jabatan";
  t.columns = {"No", "Jabatan"};
  t.rows = {{"1", "Kepala Badan"}, {"2", "=cmd"}};
  const std::string x = to_xlsx(t);
  ASSERT_GT(x.size(), 100U);
  EXPECT_EQ(x.substr(0, 4), std::string("PK\x03\x04", 4));
  // The file names of a workbook's parts are stored uncompressed in the zip's directory.
  EXPECT_NE(x.find("xl/worksheets/sheet1.xml"), std::string::npos);
}

TEST(ChartRender, SheetHoldsHeadingBoxesAndSignature) {
  const auto source = ntt_source();
  const ChartSheet sheet = lay_out_chart(source);
  EXPECT_DOUBLE_EQ(sheet.width, kA4LandscapeWidth);
  EXPECT_DOUBLE_EQ(sheet.height, kA4LandscapeHeight);
  ASSERT_EQ(sheet.boxes.size(), source.boxes.size());
  for (const auto& b : sheet.boxes) {
    EXPECT_GE(b.x, 0);
    EXPECT_LE(b.x + b.width, sheet.width);
    EXPECT_GE(b.y, 0);
    EXPECT_LE(b.y + b.height, sheet.height);
  }
  // The head is above its subordinates; each link is drawn.
  EXPECT_LT(sheet.boxes[0].y, sheet.boxes[1].y);
  EXPECT_LT(sheet.boxes[1].y, sheet.boxes[2].y);
  EXPECT_EQ(sheet.lines.size(), 3U * 3U);  // no stack: three segments per link
  const std::string svg = sheet_to_svg(sheet);
  std::string all;
  for (const auto& t : sheet.texts) all += t.text + " ";
  for (const auto& b : source.boxes) {
    // A title broken into lines reads whole again once its lines are joined.
    EXPECT_NE(all.find(b.title.substr(0, 12)), std::string::npos) << b.title;
  }
  EXPECT_NE(svg.find("LAMPIRAN I"), std::string::npos);
  EXPECT_NE(svg.find("GUBERNUR NUSA TENGGARA TIMUR,"), std::string::npos);
  // Each box carries its whole title (the drawn lines may break it).
  EXPECT_NE(svg.find("<title>Kepala Bidang Pengelolaan Batas Wilayah Negara &amp; &lt;Kawasan&gt;"
                     "</title>"),
            std::string::npos);
  const std::string pdf = sheet_to_pdf(sheet);
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0U);
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
}

TEST(ChartRender, EmptyChartStillHasItsHeading) {
  ChartSource s = ntt_source();
  s.boxes.clear();
  const ChartSheet sheet = lay_out_chart(s);
  EXPECT_TRUE(sheet.boxes.empty());
  EXPECT_NE(sheet_to_svg(sheet).find("NOMOR 12 TAHUN 2022"), std::string::npos);
}

}  // namespace
}  // namespace tatakerja::documents
