// The pure parts of the chart: its words and the SVG form of a drawn sheet.
#include "documents/chart.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "core/text.hpp"

namespace tatakerja::documents {
namespace {

bool starts_with_word(std::string_view s, std::string_view word) {
  return s.size() > word.size() && text::to_lower(s.substr(0, word.size())) == word &&
         s[word.size()] == ' ';
}

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::string region_proper_name(std::string_view region_name) {
  std::string_view rest = region_name;
  for (const std::string_view kind : {"provinsi", "kabupaten", "kota"}) {
    if (starts_with_word(rest, kind)) {
      rest.remove_prefix(kind.size() + 1);
      break;
    }
  }
  return text::to_upper(text::collapse_spaces(rest));
}

std::string region_head_title(std::string_view regulation_kind, std::string_view region_name) {
  const std::string kind = text::to_lower(text::collapse_spaces(regulation_kind));
  std::string head = "KEPALA DAERAH";
  if (kind.find("gubernur") != std::string::npos) {
    head = "GUBERNUR";
  } else if (kind.find("bupati") != std::string::npos) {
    head = "BUPATI";
  } else if (kind.find("wali kota") != std::string::npos ||
             kind.find("walikota") != std::string::npos) {
    head = "WALI KOTA";
  }
  const std::string place = region_proper_name(region_name);
  return place.empty() ? head : head + " " + place;
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    if (j == i) break;
    const std::string_view word = text.substr(i, j - i);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    i = j;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::vector<std::string> lampiran_heading(const ChartSource& s, std::size_t title_width) {
  std::vector<std::string> lines;
  lines.emplace_back("LAMPIRAN I");
  std::string regulation = text::to_upper(text::collapse_spaces(s.regulation_kind));
  if (regulation.empty()) regulation = "PERATURAN";
  const std::string place = region_proper_name(s.region_name);
  if (!place.empty()) regulation += " " + place;
  lines.push_back(std::move(regulation));
  const std::string number = text::collapse_spaces(s.number);
  const std::string year = text::collapse_spaces(s.year);
  lines.push_back("NOMOR " + (number.empty() ? std::string("...") : number) + " TAHUN " +
                  (year.empty() ? std::string("...") : year));
  const std::string title = text::to_upper(text::collapse_spaces(s.regulation_title));
  if (!title.empty()) {
    lines.emplace_back("TENTANG");
    for (auto& l : wrap_words(title, title_width)) lines.push_back(std::move(l));
  }
  return lines;
}

std::string chart_title(const ChartSource& s) {
  return "BAGAN SUSUNAN ORGANISASI " + text::to_upper(text::collapse_spaces(s.agency_name));
}

std::vector<std::string> signature_block(const ChartSource& s) {
  return {region_head_title(s.regulation_kind, s.region_name) + ",",
          "________________________________"};
}

void select_chart_boxes(ChartSource& source, std::size_t max) {
  auto& boxes = source.boxes;
  if (boxes.size() <= max) return;
  std::unordered_map<long long, std::size_t> index;
  for (std::size_t i = 0; i < boxes.size(); ++i) index.emplace(boxes[i].id, i);
  // The level of each box, following superiors (at most boxes.size() steps: a loop stops).
  std::vector<std::size_t> level(boxes.size(), 0);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    std::size_t steps = 0;
    long long sup = boxes[i].superior_id;
    while (sup != 0 && steps <= boxes.size()) {
      const auto it = index.find(sup);
      if (it == index.end()) break;
      ++steps;
      sup = boxes[it->second].superior_id;
    }
    level[i] = steps > boxes.size() ? 0 : steps;
  }
  std::vector<std::size_t> order(boxes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return level[a] < level[b]; });
  order.resize(max);
  std::sort(order.begin(), order.end());  // back to the given order
  std::vector<ChartBox> kept;
  kept.reserve(max);
  for (const auto i : order) kept.push_back(std::move(boxes[i]));
  source.omitted += boxes.size() - max;
  boxes = std::move(kept);
}

std::vector<Hanging> hang_boxes(const std::vector<ChartBox>& boxes) {
  std::unordered_map<long long, std::size_t> index;
  for (std::size_t i = 0; i < boxes.size(); ++i) index.emplace(boxes[i].id, i);
  const auto superior_of = [&](std::size_t i) -> long long {
    const long long sup = boxes[i].superior_id;
    return sup != 0 && sup != boxes[i].id && index.contains(sup) ? sup : 0;
  };
  std::unordered_map<long long, std::size_t> children, leaves;
  for (std::size_t i = 0; i < boxes.size(); ++i)
    if (const auto sup = superior_of(i)) ++children[sup];
  for (std::size_t i = 0; i < boxes.size(); ++i)
    if (const auto sup = superior_of(i); sup != 0 && !children.contains(boxes[i].id)) ++leaves[sup];
  std::vector<Hanging> out(boxes.size());
  std::unordered_map<long long, long long> last_leaf;  // of each superior, so far
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const auto sup = superior_of(i);
    out[i].under = sup;
    if (sup == 0 || children.contains(boxes[i].id) || leaves[sup] < 2) continue;
    out[i].stacked = true;
    const auto it = last_leaf.find(sup);
    if (it != last_leaf.end()) out[i].under = it->second;
    last_leaf[sup] = boxes[i].id;
  }
  return out;
}

std::string omitted_note(const ChartSource& s) {
  if (s.omitted == 0) return "";
  return "Digambar " + std::to_string(s.boxes.size()) + " jabatan teratas dari " +
         std::to_string(s.boxes.size() + s.omitted) + "; selebihnya dalam ekspor jabatan.";
}

Fit fit_into(double content_width, double content_height, double area_x, double area_y,
             double area_width, double area_height) {
  Fit f;
  if (content_width <= 0 || content_height <= 0) {
    f.dx = area_x;
    f.dy = area_y;
    return f;
  }
  f.scale = std::min({1.0, area_width / content_width, area_height / content_height});
  f.dx = area_x + (area_width - content_width * f.scale) / 2;
  f.dy = area_y;
  return f;
}

std::string xml_escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // Control characters other than tab, CR and LF are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string sheet_to_svg(const ChartSheet& sheet) {
  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" +
         number_text(sheet.width) + "pt\" height=\"" + number_text(sheet.height) +
         "pt\" viewBox=\"0 0 " + number_text(sheet.width) + " " + number_text(sheet.height) +
         "\">\n";
  out += "<rect x=\"0\" y=\"0\" width=\"" + number_text(sheet.width) + "\" height=\"" +
         number_text(sheet.height) + "\" fill=\"#ffffff\"/>\n";
  out += "<g stroke=\"#000000\" stroke-width=\"0.8\" fill=\"none\">\n";
  for (const auto& l : sheet.lines) {
    out += "<line x1=\"" + number_text(l.x1) + "\" y1=\"" + number_text(l.y1) + "\" x2=\"" +
           number_text(l.x2) + "\" y2=\"" + number_text(l.y2) + "\"/>\n";
  }
  for (const auto& b : sheet.boxes) {
    out += "<rect x=\"" + number_text(b.x) + "\" y=\"" + number_text(b.y) + "\" width=\"" +
           number_text(b.width) + "\" height=\"" + number_text(b.height) + "\" fill=\"#ffffff\"";
    out += b.label.empty() ? "/>\n" : "><title>" + xml_escaped(b.label) + "</title></rect>\n";
  }
  out += "</g>\n<g font-family=\"DejaVu Sans, Arial, sans-serif\" fill=\"#000000\">\n";
  for (const auto& t : sheet.texts) {
    const char* anchor = t.anchor == SheetText::Anchor::Middle ? "middle"
                         : t.anchor == SheetText::Anchor::End  ? "end"
                                                               : "start";
    // The sheet gives the top of a line; SVG places text by its baseline (about 0.8 em lower).
    out += "<text x=\"" + number_text(t.x) + "\" y=\"" + number_text(t.y + t.size * 0.8) +
           "\" font-size=\"" + number_text(t.size) + "\" text-anchor=\"" + anchor + "\"";
    if (t.bold) out += " font-weight=\"bold\"";
    if (t.italic) out += " font-style=\"italic\"";
    out += ">" + xml_escaped(t.text) + "</text>\n";
  }
  out += "</g>\n</svg>\n";
  return out;
}

}  // namespace tatakerja::documents
