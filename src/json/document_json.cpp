#include "json/document_json.hpp"

namespace tatakerja::json {
namespace {

nlohmann::json span_json(const SourceSpan& s) {
  return {{"first_line", s.first_line}, {"last_line", s.last_line}};
}

nlohmann::json findings_json(const std::vector<Finding>& fs) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& f : fs)
    a.push_back({{"code", f.code},
                 {"severity", to_string(f.severity)},
                 {"line", f.line},
                 {"message", f.message}});
  return a;
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

nlohmann::json to_json(const regulation::Node& n) {
  nlohmann::json j{{"kind", regulation::to_string(n.kind)}, {"source", span_json(n.span)}};
  if (!n.label.empty()) j["label"] = n.label;
  if (!n.title.empty()) j["title"] = n.title;
  if (!n.text.empty()) j["text"] = n.text;
  if (!n.cells.empty()) j["cells"] = n.cells;
  if (!n.children.empty()) {
    nlohmann::json c = nlohmann::json::array();
    for (const auto& child : n.children) c.push_back(to_json(child));
    j["children"] = std::move(c);
  }
  return j;
}

nlohmann::json to_json(const regulation::Document& d) {
  nlohmann::json annexes = nlohmann::json::array();
  for (const auto& a : d.annexes) {
    nlohmann::json aj{
        {"label", a.label}, {"number", a.number},          {"date", a.date},
        {"title", a.title}, {"source", span_json(a.span)}, {"content", to_json(a.content)}};
    aj["year"] = a.year ? nlohmann::json(*a.year) : nlohmann::json();
    annexes.push_back(std::move(aj));
  }
  nlohmann::json heading{{"issuer", d.heading.issuer}, {"kind", d.heading.kind},
                         {"region", d.heading.region}, {"number", d.heading.number},
                         {"title", d.heading.title},   {"source", span_json(d.heading.span)}};
  heading["year"] = d.heading.year ? nlohmann::json(*d.heading.year) : nlohmann::json();
  return {{"heading", heading},
          {"preamble", {{"menimbang", to_json(d.considerations)}, {"mengingat", to_json(d.bases)}}},
          {"enactment", d.enactment},
          {"body", to_json(d.body)},
          {"closing",
           {{"place", d.closing.place},
            {"date", d.closing.date},
            {"signatory_title", d.closing.signatory_title},
            {"signatory_name", d.closing.signatory_name},
            {"promulgation_place", d.closing.promulgation_place},
            {"promulgation_date", d.closing.promulgation_date},
            {"gazette", d.closing.gazette},
            {"source", span_json(d.closing.span)}}},
          {"annexes", annexes},
          {"findings", findings_json(d.findings)}};
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
