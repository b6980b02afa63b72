#include "json/document_json.hpp"

#include "span_json.hpp"

namespace tatakerja::json {
namespace {

// Each object's members are written in the order of their names (PrettyJson checks it), the
// order nlohmann::json kept them in when this file built a document of the tree.

void member(PrettyJson& w, std::string_view name, std::string_view value) {
  w.key(name);
  w.string(value);
}

void year(PrettyJson& w, const std::optional<int>& y) {
  w.key("year");
  if (y) {
    w.integer(*y);
  } else {
    w.null();
  }
}

void findings(PrettyJson& w, const std::vector<Finding>& fs) {
  w.key("findings");
  w.begin_array();
  for (const auto& f : fs) {
    w.begin_object();
    member(w, "code", f.code);
    w.key("line");
    w.integer(f.line);
    member(w, "message", f.message);
    member(w, "severity", to_string(f.severity));
    w.end_object();
  }
  w.end_array();
}

void node(PrettyJson& w, const regulation::Node& n) {
  w.begin_object();
  if (!n.cells.empty()) {
    w.key("cells");
    w.strings(n.cells);
  }
  if (!n.children.empty()) {
    w.key("children");
    w.begin_array();
    for (const auto& child : n.children) node(w, child);
    w.end_array();
  }
  member(w, "kind", regulation::to_string(n.kind));
  if (!n.label.empty()) member(w, "label", n.label);
  write_span(w, "source", n.span);
  if (!n.text.empty()) member(w, "text", n.text);
  if (!n.title.empty()) member(w, "title", n.title);
  w.end_object();
}

void annex(PrettyJson& w, const regulation::Annex& a) {
  w.begin_object();
  w.key("content");
  node(w, a.content);
  member(w, "date", a.date);
  member(w, "label", a.label);
  member(w, "number", a.number);
  write_span(w, "source", a.span);
  member(w, "title", a.title);
  year(w, a.year);
  w.end_object();
}

void closing(PrettyJson& w, const regulation::Closing& c) {
  w.key("closing");
  w.begin_object();
  member(w, "date", c.date);
  member(w, "gazette", c.gazette);
  member(w, "place", c.place);
  member(w, "promulgation_date", c.promulgation_date);
  member(w, "promulgation_place", c.promulgation_place);
  member(w, "signatory_name", c.signatory_name);
  member(w, "signatory_title", c.signatory_title);
  write_span(w, "source", c.span);
  w.end_object();
}

void heading(PrettyJson& w, const regulation::Heading& h) {
  w.key("heading");
  w.begin_object();
  member(w, "issuer", h.issuer);
  member(w, "kind", h.kind);
  member(w, "number", h.number);
  member(w, "region", h.region);
  write_span(w, "source", h.span);
  member(w, "title", h.title);
  year(w, h.year);
  w.end_object();
}

void text_node(const regulation::Node& n, int depth, std::string& out) {
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
  out += regulation::to_string(n.kind);
  if (!n.label.empty()) out += " " + n.label;
  out += " [" + std::to_string(n.span.first_line) + "-" + std::to_string(n.span.last_line) + "]";
  if (!n.title.empty()) out += " «" + n.title + "»";
  if (!n.text.empty()) out += " " + n.text;
  for (std::size_t i = 0; i < n.cells.size(); ++i) out += (i ? " | " : " ") + n.cells[i];
  out += "\n";
  for (const auto& c : n.children) text_node(c, depth + 1, out);
}

}  // namespace

void write_document(PrettyJson& w, const regulation::Document& d) {
  w.begin_object();
  w.key("annexes");
  w.begin_array();
  for (const auto& a : d.annexes) annex(w, a);
  w.end_array();
  w.key("body");
  node(w, d.body);
  closing(w, d.closing);
  member(w, "enactment", d.enactment);
  findings(w, d.findings);
  heading(w, d.heading);
  w.key("preamble");
  w.begin_object();
  w.key("mengingat");
  node(w, d.bases);
  w.key("menimbang");
  node(w, d.considerations);
  w.end_object();
  w.end_object();
}

std::string document_json_text(const regulation::Document& d) {
  std::string out;
  PrettyJson w(out);
  write_document(w, d);
  return out;
}

std::string to_text(const regulation::Document& d) {
  std::string out;
  out += "KEPALA: " + d.heading.kind + " | " + d.heading.region + " | nomor " + d.heading.number +
         " | tahun " + (d.heading.year ? std::to_string(*d.heading.year) : "?") + "\n";
  out += "JUDUL: " + d.heading.title + "\n";
  out += "MENIMBANG:\n";
  text_node(d.considerations, 1, out);
  out += "MENGINGAT:\n";
  text_node(d.bases, 1, out);
  out += "MENETAPKAN: " + d.enactment + "\n";
  out += "BATANG TUBUH:\n";
  text_node(d.body, 1, out);
  out += "PENUTUP: di " + d.closing.place + ", " + d.closing.date + "; " +
         d.closing.signatory_title + " / " + d.closing.signatory_name + "; " + d.closing.gazette +
         "\n";
  for (const auto& a : d.annexes) {
    out += "LAMPIRAN " + a.label + ": nomor " + a.number + " tanggal " + a.date + " tentang " +
           a.title + "\n";
    text_node(a.content, 1, out);
  }
  return out;
}

}  // namespace tatakerja::json
