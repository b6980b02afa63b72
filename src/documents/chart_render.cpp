// Laying out the chart with Graphviz (placement only: dot's ranks and order) and Pango (text
// measured and broken into lines), and drawing the sheet as PDF with cairo.
#include "documents/chart_render.hpp"
#include "graphviz_access.hpp"

#include <cairo-pdf.h>
#include <graphviz/gvc.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TATAKERJA_LSAN_HOOK 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TATAKERJA_LSAN_HOOK 1
#endif
#ifdef TATAKERJA_LSAN_HOOK
// fontconfig (under Pango) keeps its configuration and font caches until the process ends, by
// design; LeakSanitizer (which alone calls this hook, in sanitizer builds only) is told so.
// NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp)
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}
#endif

namespace tatakerja::documents {
namespace {

constexpr const char* kFontFamily = "DejaVu Sans";
constexpr double kMargin = 28;
constexpr double kBoxTextWidth = 126;  // the width a box's text is broken to
constexpr double kBoxPadding = 5;
constexpr double kTitleSize = 8.5;
constexpr double kHolderSize = 7;
constexpr double kHeadingSize = 9;
constexpr double kHeadingLine = 11.5;
constexpr double kHeadingWidth = 265;  // the heading block at the top right
constexpr double kSignatureWidth = 230;
constexpr double kPointsPerInch = 72;

struct GObjectFree {
  void operator()(void* p) const { g_object_unref(p); }
};
struct FontFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};

std::unique_ptr<PangoFontDescription, FontFree> font(double size, bool bold, bool italic) {
  std::unique_ptr<PangoFontDescription, FontFree> d(pango_font_description_new());
  pango_font_description_set_family(d.get(), kFontFamily);
  pango_font_description_set_absolute_size(d.get(), size * PANGO_SCALE);
  if (bold) pango_font_description_set_weight(d.get(), PANGO_WEIGHT_BOLD);
  if (italic) pango_font_description_set_style(d.get(), PANGO_STYLE_ITALIC);
  return d;
}

// A text broken into lines at `width` points (0: one line), and the height of each.
struct Measured {
  std::vector<std::string> lines;
  std::vector<double> heights;
  double width = 0;  // the widest line
  double height = 0;
};

Measured measure(PangoContext* context, const std::string& text, double size, bool bold,
                 bool italic, double width) {
  std::unique_ptr<PangoLayout, GObjectFree> layout(pango_layout_new(context));
  const auto desc = font(size, bold, italic);
  pango_layout_set_font_description(layout.get(), desc.get());
  if (width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(layout.get(), attrs);
    pango_attr_list_unref(attrs);
  }
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
  Measured m;
  const int count = pango_layout_get_line_count(layout.get());
  for (int i = 0; i < count; ++i) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout.get(), i);
    std::string part = text.substr(static_cast<std::size_t>(line->start_index),
                                   static_cast<std::size_t>(line->length));
    while (!part.empty() && (part.back() == ' ' || part.back() == '\n')) part.pop_back();
    PangoRectangle logical;
    pango_layout_line_get_pixel_extents(line, nullptr, &logical);
    m.lines.push_back(std::move(part));
    m.heights.push_back(logical.height);
    m.width = std::max(m.width, static_cast<double>(logical.width));
    m.height += logical.height;
  }
  return m;
}

// A box measured: its title's and holder's lines and its size in points.
struct BoxText {
  Measured title, holder;
  double width = 0, height = 0;
};

void set_attr(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

std::string inches(double points) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", points / kPointsPerInch);
  return buf;
}

// Reads `count` comma-separated numbers of a Graphviz attribute ("12.5,40" or "0,0,300,200");
// false when the text is missing or is not that.
bool read_numbers(const char* text, double* out, int count) {
  if (text == nullptr) return false;
  const char* p = text;
  for (int k = 0; k < count; ++k) {
    char* end = nullptr;
    out[k] = std::strtod(p, &end);
    if (end == p) return false;
    p = end;
    if (k + 1 < count) {
      if (*p != ',') return false;
      ++p;
    }
  }
  return true;
}

struct Placed {
  double x = 0, y = 0;  // centre, Graphviz coordinates (points, y up)
};

// dot's placement of the boxes (centres) and the bounding box (llx, lly, urx, ury).
std::vector<Placed> place_boxes(const std::vector<ChartBox>& boxes,
                                const std::vector<BoxText>& sizes, double bb[4]) {
  // Graphviz is not thread-safe: one layout at a time in the process (graphviz_access.hpp).
  std::lock_guard<std::mutex> hold(graphviz_lock());
  GVC_t* gvc = graphviz_context();
  Agraph_t* g = agopen(const_cast<char*>("chart"), Agdirected, nullptr);
  if (g == nullptr) throw std::runtime_error("Graphviz: agopen failed");
  set_attr(g, "rankdir", "TB");
  set_attr(g, "nodesep", "0.18");
  set_attr(g, "ranksep", "0.35");
  set_attr(g, "splines", "line");
  std::unordered_map<long long, Agnode_t*> nodes;
  std::vector<Agnode_t*> in_order;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    std::string name = "n" + std::to_string(i);
    Agnode_t* n = agnode(g, name.data(), 1);
    set_attr(n, "shape", "box");
    set_attr(n, "fixedsize", "true");
    set_attr(n, "label", "");
    set_attr(n, "width", inches(sizes[i].width));
    set_attr(n, "height", inches(sizes[i].height));
    nodes.emplace(boxes[i].id, n);
    in_order.push_back(n);
  }
  const auto hanging = hang_boxes(boxes);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const auto above = nodes.find(hanging[i].under);
    if (hanging[i].under == 0 || above == nodes.end() || above->second == in_order[i]) continue;
    Agedge_t* e = agedge(g, above->second, in_order[i], nullptr, 1);
    // A stacked box stays straight under the one above it (not its superior over it, which
    // stays centred over all its subordinates).
    if (hanging[i].stacked && hanging[i].under != boxes[i].superior_id && e != nullptr)
      set_attr(e, "weight", "100");
  }
  std::vector<Placed> placed(boxes.size());
  bb[0] = bb[1] = bb[2] = bb[3] = 0;
  if (gvLayout(gvc, g, "dot") != 0) {
    agclose(g);
    throw std::runtime_error("Graphviz: dot layout failed");
  }
  // Rendering to the "dot" format writes the layout back as attributes (pos, bb).
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(gvc, g, "dot", &data, &length) == 0) {
    gvFreeRenderData(data);
    for (std::size_t i = 0; i < in_order.size(); ++i) {
      const char* pos = agget(in_order[i], const_cast<char*>("pos"));
      double xy[2] = {0, 0};
      if (read_numbers(pos, xy, 2)) {
        placed[i].x = xy[0];
        placed[i].y = xy[1];
      }
    }
    const char* box = agget(g, const_cast<char*>("bb"));
    if (!read_numbers(box, bb, 4)) bb[0] = bb[1] = bb[2] = bb[3] = 0;
  }
  gvFreeLayout(gvc, g);
  agclose(g);
  return placed;
}

void add_text(ChartSheet& sheet, double x, double y, double size, bool bold, bool italic,
              SheetText::Anchor anchor, std::string text) {
  sheet.texts.push_back(SheetText{x, y, size, bold, italic, anchor, std::move(text)});
}

}  // namespace

ChartSheet lay_out_chart(const ChartSource& source) {
  ChartSheet sheet;
  sheet.width = kA4LandscapeWidth;
  sheet.height = kA4LandscapeHeight;

  std::unique_ptr<PangoContext, GObjectFree> context(
      pango_font_map_create_context(pango_cairo_font_map_get_default()));

  // The heading, top right.
  const double heading_x = sheet.width - kMargin - kHeadingWidth;
  double y = kMargin;
  for (auto& line : lampiran_heading(source)) {
    add_text(sheet, heading_x, y, kHeadingSize, false, false, SheetText::Anchor::Start,
             std::move(line));
    y += kHeadingLine;
  }
  // The chart's title, centred.
  y += 8;
  add_text(sheet, sheet.width / 2, y, 11, true, false, SheetText::Anchor::Middle,
           chart_title(source));
  y += 22;
  if (const auto note = omitted_note(source); !note.empty()) {
    add_text(sheet, sheet.width / 2, y - 6, 8, false, true, SheetText::Anchor::Middle, note);
    y += 10;
  }

  // The signature block, bottom right.
  const auto signature = signature_block(source);
  const double signature_x = sheet.width - kMargin - kSignatureWidth;
  const double signature_top = sheet.height - kMargin - 62;
  add_text(sheet, signature_x, signature_top, kHeadingSize, false, false, SheetText::Anchor::Start,
           signature[0]);
  add_text(sheet, signature_x, sheet.height - kMargin - kHeadingLine, kHeadingSize, false, false,
           SheetText::Anchor::Start, signature[1]);

  // The boxes: measured, placed by dot, scaled to the area between the title and the signature.
  std::vector<BoxText> sizes;
  sizes.reserve(source.boxes.size());
  for (const auto& b : source.boxes) {
    BoxText t;
    t.title = measure(context.get(), b.title, kTitleSize, false, false, kBoxTextWidth);
    if (!b.holder.empty())
      t.holder = measure(context.get(), b.holder, kHolderSize, false, true, kBoxTextWidth);
    t.width = kBoxTextWidth + 2 * kBoxPadding;
    t.height = 2 * kBoxPadding + t.title.height + (b.holder.empty() ? 0 : 2 + t.holder.height);
    sizes.push_back(std::move(t));
  }
  if (source.boxes.empty()) return sheet;
  double bb[4];
  const auto placed = place_boxes(source.boxes, sizes, bb);
  const double area_bottom = signature_top - 8;
  const Fit fit = fit_into(bb[2] - bb[0], bb[3] - bb[1], kMargin, y, sheet.width - 2 * kMargin,
                           area_bottom - y);
  const auto sx = [&](double x) { return fit.dx + (x - bb[0]) * fit.scale; };
  const auto sy = [&](double gy) { return fit.dy + (bb[3] - gy) * fit.scale; };

  std::unordered_map<long long, std::size_t> index;
  for (std::size_t i = 0; i < source.boxes.size(); ++i) index.emplace(source.boxes[i].id, i);
  for (std::size_t i = 0; i < source.boxes.size(); ++i) {
    const double w = sizes[i].width * fit.scale;
    const double h = sizes[i].height * fit.scale;
    const double cx = sx(placed[i].x);
    const double top = sy(placed[i].y) - h / 2;
    const auto& box = source.boxes[i];
    sheet.boxes.push_back(SheetRect{
        cx - w / 2, top, w, h, box.holder.empty() ? box.title : box.title + " — " + box.holder});
    double ty = top + kBoxPadding * fit.scale;
    const auto& title = sizes[i].title;
    for (std::size_t k = 0; k < title.lines.size(); ++k) {
      add_text(sheet, cx, ty, kTitleSize * fit.scale, false, false, SheetText::Anchor::Middle,
               title.lines[k]);
      ty += title.heights[k] * fit.scale;
    }
    ty += 2 * fit.scale;
    const auto& holder = sizes[i].holder;
    for (std::size_t k = 0; k < holder.lines.size(); ++k) {
      add_text(sheet, cx, ty, kHolderSize * fit.scale, false, true, SheetText::Anchor::Middle,
               holder.lines[k]);
      ty += holder.heights[k] * fit.scale;
    }
  }
  // The connectors: down from the superior, across, and down to the subordinate; a stacked
  // column hangs on a spine down its left side, with a tick into each box.
  const auto hanging = hang_boxes(source.boxes);
  for (std::size_t i = 0; i < source.boxes.size(); ++i) {
    const auto sup = index.find(source.boxes[i].superior_id);
    if (source.boxes[i].superior_id == 0 || sup == index.end() || sup->second == i) continue;
    const SheetRect& parent = sheet.boxes[sup->second];
    const SheetRect& child = sheet.boxes[i];
    const double px = parent.x + parent.width / 2;
    const double pb = parent.y + parent.height;
    const double cx = child.x + child.width / 2;
    const double ct = child.y;
    if (ct <= pb) {
      sheet.lines.push_back(SheetLine{px, pb, cx, ct});
      continue;
    }
    if (hanging[i].stacked) {
      const double gap = 6 * fit.scale;
      const double spine = child.x - gap;
      const double cy = child.y + child.height / 2;
      const double top = pb + gap;
      sheet.lines.push_back(SheetLine{px, pb, px, top});
      sheet.lines.push_back(SheetLine{px, top, spine, top});
      sheet.lines.push_back(SheetLine{spine, top, spine, cy});
      sheet.lines.push_back(SheetLine{spine, cy, child.x, cy});
      continue;
    }
    const double mid = (pb + ct) / 2;
    sheet.lines.push_back(SheetLine{px, pb, px, mid});
    sheet.lines.push_back(SheetLine{px, mid, cx, mid});
    sheet.lines.push_back(SheetLine{cx, mid, cx, ct});
  }
  return sheet;
}

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string sheet_to_pdf(const ChartSheet& sheet) {
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append_to_string, &out, sheet.width, sheet.height);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Tatakerja");
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.8);
  for (const auto& l : sheet.lines) {
    cairo_move_to(cr, l.x1, l.y1);
    cairo_line_to(cr, l.x2, l.y2);
  }
  cairo_stroke(cr);
  for (const auto& b : sheet.boxes) {
    cairo_rectangle(cr, b.x, b.y, b.width, b.height);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_stroke(cr);
  }
  std::unique_ptr<PangoLayout, GObjectFree> layout(pango_cairo_create_layout(cr));
  for (const auto& t : sheet.texts) {
    const auto desc = font(t.size, t.bold, t.italic);
    pango_layout_set_font_description(layout.get(), desc.get());
    pango_layout_set_text(layout.get(), t.text.c_str(), static_cast<int>(t.text.size()));
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    const double width = static_cast<double>(logical.width) / PANGO_SCALE;
    double x = t.x;
    if (t.anchor == SheetText::Anchor::Middle) x -= width / 2;
    if (t.anchor == SheetText::Anchor::End) x -= width;
    cairo_move_to(cr, x, t.y);
    pango_cairo_show_layout(cr, layout.get());
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(status));
  return out;
}

}  // namespace tatakerja::documents
