// The organisation chart as a regulation's Lampiran I prints it: what it shows (ChartSource), the
// pure decisions about its words (the heading, the region head's title, the signature block) and
// the drawn sheet (ChartSheet: boxes, connectors and text lines in points on an A4 landscape
// page), which chart_render.hpp lays out (Graphviz) and draws (cairo for PDF, plain XML for SVG).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tatakerja::documents {

// One box of the chart: a position. `holder` is empty when no holder is shown (the public chart
// shows none: no personal data); "Lowong" or "Plt. Nama" are the caller's words.
struct ChartBox {
  long long id = 0;
  long long superior_id = 0;  // 0: at the top of the chart
  std::string title;
  std::string holder;
};

// What the chart of one agency prints: the regulation that sets it up and its region, the agency,
// the boxes (superiors before their subordinates is not required).
struct ChartSource {
  std::string regulation_kind;  // "Peraturan Gubernur"
  std::string region_name;      // "Provinsi Nusa Tenggara Timur"
  std::string number;           // as written; empty when blank
  std::string year;             // empty when unknown
  std::string regulation_title;
  std::string agency_name;
  std::vector<ChartBox> boxes;
  std::size_t omitted = 0;  // positions left out by select_chart_boxes (said on the sheet)
};

// The most boxes a chart draws: a regulation's chart has at most a few hundred positions, and
// the layout's time and memory grow with them (docs/performance.md).
inline constexpr std::size_t kChartMaxBoxes = 500;

// Keeps at most `max` boxes, the top levels first (a box's level: the number of superiors above
// it among the boxes; within a level in the given order), so that what is drawn is the top of the
// chart with every box's superior; sets `omitted` to the number left out. Boxes whose superior
// chain loops are treated as at the top.
void select_chart_boxes(ChartSource& source, std::size_t max = kChartMaxBoxes);

// The region's name without its kind, in capitals: "Provinsi Nusa Tenggara Timur" -> "NUSA
// TENGGARA TIMUR", "Kabupaten Kupang" -> "KUPANG", "Kota Kupang" -> "KUPANG".
std::string region_proper_name(std::string_view region_name);

// The title of the region head who signs the regulation, from its kind: "Peraturan Gubernur" ->
// "GUBERNUR NUSA TENGGARA TIMUR", "Peraturan Bupati" -> "BUPATI KUPANG", "Peraturan Wali Kota"
// (or "Walikota") -> "WALI KOTA KUPANG"; another kind gives "KEPALA DAERAH ...".
std::string region_head_title(std::string_view regulation_kind, std::string_view region_name);

// The heading of the annex, line by line: "LAMPIRAN I", "PERATURAN GUBERNUR NUSA TENGGARA TIMUR",
// "NOMOR 12 TAHUN 2022" ("..." for a blank number or year), "TENTANG", then the title in capitals
// wrapped at `title_width` characters.
std::vector<std::string> lampiran_heading(const ChartSource& s, std::size_t title_width = 48);

// The chart's own title: "BAGAN SUSUNAN ORGANISASI" and the agency's name in capitals.
std::string chart_title(const ChartSource& s);

// How the layout hangs each box: the leaf boxes (with no subordinate among the boxes) of a
// superior that has two or more of them are stacked in a column under it, each under the one
// before (`under` the previous, `stacked`), as regulations' charts draw sections and staff; every
// other box hangs under its superior (`under` 0 at the top). Keeps a wide agency narrow.
struct Hanging {
  long long under = 0;
  bool stacked = false;
};
std::vector<Hanging> hang_boxes(const std::vector<ChartBox>& boxes);

// The note under the chart's title when boxes were left out ("" when none was):
// "Digambar 500 jabatan teratas dari 1200; selebihnya dalam ekspor jabatan."
std::string omitted_note(const ChartSource& s);

// The signature block: the region head's title followed by a comma, and the line for the name.
std::vector<std::string> signature_block(const ChartSource& s);

// `text` cut into lines of at most `width` characters at spaces (a longer word stands alone).
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

// The drawn sheet, in points (1/72 inch), origin top left.
struct SheetText {
  enum class Anchor { Start, Middle, End };
  double x = 0, y = 0;  // the anchor point of the line's top
  double size = 10;     // font size in points
  bool bold = false;
  bool italic = false;
  Anchor anchor = Anchor::Start;
  std::string text;
};
struct SheetRect {
  double x = 0, y = 0, width = 0, height = 0;
  std::string label;  // the box's whole text (title, holder), for the SVG's <title>
};
struct SheetLine {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};
struct ChartSheet {
  double width = 0, height = 0;
  std::vector<SheetRect> boxes;
  std::vector<SheetLine> lines;
  std::vector<SheetText> texts;
};

// A4 landscape, in points.
inline constexpr double kA4LandscapeWidth = 841.89;
inline constexpr double kA4LandscapeHeight = 595.28;

// How a drawing of `content_width` x `content_height` fits an area: the scale (never above 1:
// a small chart is not blown up) and the offset that centres it horizontally in the area and puts
// it at the area's top.
struct Fit {
  double scale = 1, dx = 0, dy = 0;
};
Fit fit_into(double content_width, double content_height, double area_x, double area_y,
             double area_width, double area_height);

// `s` with & < > " ' written as XML entities.
std::string xml_escaped(std::string_view s);

// The sheet as an SVG 1.1 document (text as <text> elements, so it stays searchable), in points.
std::string sheet_to_svg(const ChartSheet& sheet);

}  // namespace tatakerja::documents
