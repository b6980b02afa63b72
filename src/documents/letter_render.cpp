// The letter's page: a cursor moves down an A4 portrait page; each block is measured by Pango at
// its width and, when it does not fit above the bottom margin, starts a new page.
#include "documents/letter_render.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace tatakerja::documents {
namespace {

constexpr const char* kFontFamily = "DejaVu Serif";
constexpr double kPageWidth = 595.28;  // A4 in points
constexpr double kPageHeight = 841.89;
constexpr double kLeft = 70;
constexpr double kRight = 56;
constexpr double kTop = 42;
constexpr double kBottom = 56;
constexpr double kBodySize = 11;
constexpr double kTextWidth = kPageWidth - kLeft - kRight;
constexpr double kLabelWidth = 62;   // "Dasar", "Kepada", "Untuk"
constexpr double kColonWidth = 12;   // ":"
constexpr double kNumberWidth = 20;  // "1."
constexpr double kFieldWidth = 92;   // "Nama", "NIP", "Pangkat/Gol.", "Jabatan"
constexpr double kQrModule = 2.2;    // points per module
constexpr double kSignatureX = kLeft + kTextWidth * 0.52;

struct GObjectFree {
  void operator()(void* p) const { g_object_unref(p); }
};
struct FontFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
struct QrFree {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

enum class Align { Left, Center, Justify };

class Page {
 public:
  explicit Page(cairo_t* cr) : cr_(cr), layout_(pango_cairo_create_layout(cr)) {}

  double y() const { return y_; }
  void down(double points) { y_ += points; }
  // Starts a new page when `height` does not fit above the bottom margin.
  void room_for(double height) {
    if (y_ + height > kPageHeight - kBottom && y_ > kTop) {
      cairo_show_page(cr_);
      y_ = kTop;
    }
  }

  // The height `text` takes at `width`.
  double measure(const std::string& text, double width, double size, bool bold) {
    set(text, width, size, bold, Align::Left);
    PangoRectangle logical;
    pango_layout_get_extents(layout_.get(), nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
  }
  // The width of `text` on one line.
  double width_of(const std::string& text, double size, bool bold) {
    set(text, -1, size, bold, Align::Left);
    PangoRectangle logical;
    pango_layout_get_extents(layout_.get(), nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
  }

  // Draws `text` at x on the current line, broken at `width`; returns its height (the cursor does
  // not move).
  double draw(const std::string& text, double x, double width, double size, bool bold,
              Align align = Align::Left, bool underline = false) {
    const double h = measure(text, width, size, bold);
    set(text, width, size, bold, align);
    cairo_move_to(cr_, x, y_);
    pango_cairo_show_layout(cr_, layout_.get());
    if (underline) {
      const double w = std::min(width_of(text, size, bold), width);
      const double from = align == Align::Center ? x + (width - w) / 2 : x;
      cairo_set_line_width(cr_, 0.7);
      cairo_move_to(cr_, from, y_ + h - 1);
      cairo_line_to(cr_, from + w, y_ + h - 1);
      cairo_stroke(cr_);
    }
    return h;
  }
  // One block (a line or a paragraph) at x: kept on one page, the cursor moved below it.
  void line(const std::string& text, double x, double width, double size, bool bold,
            Align align = Align::Left, bool underline = false) {
    room_for(measure(text, width, size, bold));
    y_ += draw(text, x, width, size, bold, align, underline);
  }
  // "label : text" with the text broken in its own column.
  void field(const std::string& label, double x, double label_width, const std::string& text) {
    const double tx = x + label_width + kColonWidth;
    const double w = kLeft + kTextWidth - tx;
    const double h =
        std::max(measure(label, label_width, kBodySize, false), measure(text, w, kBodySize, false));
    room_for(h);
    draw(label, x, label_width, kBodySize, false);
    draw(":", x + label_width, kColonWidth, kBodySize, false);
    draw(text, tx, w, kBodySize, false);
    y_ += h;
  }
  // A numbered list in the column that starts at x (one item: no number).
  void numbered(const std::vector<std::string>& items, double x) {
    const double w = kLeft + kTextWidth - x - kNumberWidth;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const double h = measure(items[i], w, kBodySize, false);
      room_for(h);
      if (items.size() > 1) draw(std::to_string(i + 1) + ".", x, kNumberWidth, kBodySize, false);
      draw(items[i], items.size() > 1 ? x + kNumberWidth : x,
           items.size() > 1 ? w : w + kNumberWidth, kBodySize, false, Align::Justify);
      y_ += h + 1;
    }
  }
  void rule(double width, double y_offset) {
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, kLeft, y_ + y_offset);
    cairo_line_to(cr_, kLeft + kTextWidth, y_ + y_offset);
    cairo_stroke(cr_);
  }
  cairo_t* cr() { return cr_; }

 private:
  void set(const std::string& text, double width, double size, bool bold, Align align) {
    std::unique_ptr<PangoFontDescription, FontFree> d(pango_font_description_new());
    pango_font_description_set_family(d.get(), kFontFamily);
    pango_font_description_set_absolute_size(d.get(), size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(d.get(), PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout_.get(), d.get());
    pango_layout_set_width(layout_.get(), width < 0 ? -1 : static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout_.get(),
                               align == Align::Center ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    pango_layout_set_justify(layout_.get(), align == Align::Justify ? TRUE : FALSE);
    pango_layout_set_text(layout_.get(), text.c_str(), static_cast<int>(text.size()));
  }

  cairo_t* cr_;
  std::unique_ptr<PangoLayout, GObjectFree> layout_;
  double y_ = kTop;
};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void letterhead(Page& p, const LetterDocument& l) {
  p.line(l.government, kLeft, kTextWidth, 14, true, Align::Center);
  p.line(l.agency, kLeft, kTextWidth, 15, true, Align::Center);
  if (!l.address.empty()) p.line(l.address, kLeft, kTextWidth, 9.5, false, Align::Center);
  p.down(4);
  p.rule(2.2, 0);
  p.rule(0.6, 3);
  p.down(16);
}

void person(Page& p, const LetterPersonLines& who, double x) {
  const double label = kFieldWidth;
  p.field("Nama", x, label, who.name);
  p.field("NIP", x, label, who.nip.empty() ? "-" : who.nip);
  p.field("Pangkat/Gol.", x, label, who.rank.empty() ? "-" : who.rank);
  p.field("Jabatan", x, label, who.position.empty() ? "-" : who.position);
}

void qr_code(Page& p, const std::string& url, double x, double y) {
  const auto modules = qr_modules(url);
  if (modules.empty()) throw std::runtime_error("libqrencode: the address cannot be encoded");
  cairo_t* cr = p.cr();
  const double quiet = 4 * kQrModule;
  const double size = static_cast<double>(modules.size()) * kQrModule + 2 * quiet;
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x, y, size, size);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (std::size_t r = 0; r < modules.size(); ++r) {
    for (std::size_t c = 0; c < modules[r].size(); ++c) {
      if (!modules[r][c]) continue;
      cairo_rectangle(cr, x + quiet + static_cast<double>(c) * kQrModule,
                      y + quiet + static_cast<double>(r) * kQrModule, kQrModule, kQrModule);
    }
  }
  cairo_fill(cr);
}

double qr_size(const std::string& url) {
  return static_cast<double>(qr_modules(url).size()) * kQrModule + 8 * kQrModule;
}

void revoked_mark(cairo_t* cr, const std::string& note) {
  cairo_save(cr);
  cairo_set_source_rgba(cr, 0.75, 0, 0, 0.35);
  cairo_translate(cr, kPageWidth / 2, kPageHeight / 2);
  cairo_rotate(cr, -0.6);
  std::unique_ptr<PangoLayout, GObjectFree> layout(pango_cairo_create_layout(cr));
  std::unique_ptr<PangoFontDescription, FontFree> d(pango_font_description_new());
  pango_font_description_set_family(d.get(), kFontFamily);
  pango_font_description_set_absolute_size(d.get(), 40 * PANGO_SCALE);
  pango_font_description_set_weight(d.get(), PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description(layout.get(), d.get());
  pango_layout_set_text(layout.get(), note.c_str(), static_cast<int>(note.size()));
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  cairo_move_to(cr, -static_cast<double>(logical.width) / PANGO_SCALE / 2,
                -static_cast<double>(logical.height) / PANGO_SCALE / 2);
  pango_cairo_show_layout(cr, layout.get());
  cairo_restore(cr);
}

}  // namespace

std::vector<std::vector<bool>> qr_modules(const std::string& text) {
  std::unique_ptr<QRcode, QrFree> q(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  std::vector<std::vector<bool>> out;
  if (!q) return out;
  const auto n = static_cast<std::size_t>(q->width);
  out.assign(n, std::vector<bool>(n, false));
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t c = 0; c < n; ++c) out[r][c] = (q->data[r * n + c] & 1U) != 0;
  }
  return out;
}

std::string letter_to_pdf(const LetterDocument& l) {
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append_to_string, &out, kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Tatakerja");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                 (l.title + " " + l.number).c_str());
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0, 0, 0);
  {
    Page p(cr);
    if (!l.revoked_note.empty()) revoked_mark(cr, l.revoked_note);
    cairo_set_source_rgb(cr, 0, 0, 0);
    letterhead(p, l);
    p.line(l.title, kLeft, kTextWidth, 13, true, Align::Center, true);
    p.line("NOMOR: " + l.number, kLeft, kTextWidth, kBodySize, false, Align::Center);
    p.down(14);

    const double column = kLeft + kLabelWidth + kColonWidth;
    if (!l.grounds.empty()) {
      p.room_for(p.measure("Dasar", kLabelWidth, kBodySize, false));
      p.draw("Dasar", kLeft, kLabelWidth, kBodySize, false);
      p.draw(":", kLeft + kLabelWidth, kColonWidth, kBodySize, false);
      p.numbered(l.grounds, column);
      p.down(8);
    }
    p.line("MEMERINTAHKAN:", kLeft, kTextWidth, kBodySize, true, Align::Center);
    p.down(8);
    for (std::size_t i = 0; i < l.recipients.size(); ++i) {
      p.room_for(4 * 15);
      if (i == 0) {
        p.draw("Kepada", kLeft, kLabelWidth, kBodySize, false);
        p.draw(":", kLeft + kLabelWidth, kColonWidth, kBodySize, false);
      }
      double x = column;
      if (l.recipients.size() > 1) {
        p.draw(std::to_string(i + 1) + ".", column, kNumberWidth, kBodySize, false);
        x += kNumberWidth;
      }
      person(p, l.recipients[i], x);
      p.down(5);
    }
    p.down(4);
    p.room_for(p.measure("Untuk", kLabelWidth, kBodySize, false));
    p.draw("Untuk", kLeft, kLabelWidth, kBodySize, false);
    p.draw(":", kLeft + kLabelWidth, kColonWidth, kBodySize, false);
    p.numbered(l.tasks, column);
    p.down(22);

    // The signature block on the right, the QR code on the left beside it.
    const double sw = kLeft + kTextWidth - kSignatureX;
    const double qs = qr_size(l.verification_url);
    p.room_for(std::max(qs + 24, 150.0));
    const double block_top = p.y();
    qr_code(p, l.verification_url, kLeft, block_top);
    cairo_set_source_rgb(cr, 0, 0, 0);
    const double save = p.y();
    p.down(qs + 2);
    p.draw("Pindai untuk memeriksa keaslian surat ini.", kLeft, kSignatureX - kLeft - 12, 7.5,
           false);
    p.down(-(p.y() - save));
    p.line(l.place + ", " + l.date, kSignatureX, sw, kBodySize, false);
    p.line(l.signatory.position + ",", kSignatureX, sw, kBodySize, true);
    p.down(58);
    p.line(l.signatory.name, kSignatureX, sw, kBodySize, true, Align::Left, true);
    if (!l.signatory.rank.empty()) p.line(l.signatory.rank, kSignatureX, sw, kBodySize, false);
    if (!l.signatory.nip.empty()) {
      p.line("NIP. " + l.signatory.nip, kSignatureX, sw, kBodySize, false);
    }
    p.down(std::max(0.0, block_top + qs + 16 - p.y()));
    p.down(14);

    if (!l.copies.empty()) {
      p.line("Tembusan:", kLeft, kTextWidth, kBodySize, false, Align::Left, true);
      p.numbered(l.copies, kLeft);
    }
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(status));
  }
  return out;
}

}  // namespace tatakerja::documents
