#include "regulation/extraction.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "core/text.hpp"
#include "regulation/citation_reader.hpp"
#include "regulation/node_query.hpp"

namespace tatakerja::regulation {

const Position* Extraction::position_by_id(const std::string& id) const {
  for (const auto& p : positions)
    if (p.id == id) return &p;
  return nullptr;
}

const Unit* Extraction::unit_by_id(const std::string& id) const {
  for (const auto& u : units)
    if (u.id == id) return &u;
  return nullptr;
}

Position* Extraction::find_position(const std::string& title) {
  const std::string key = text::name_key(title);
  for (auto& p : positions)
    if (text::name_key(p.title) == key) return &p;
  return nullptr;
}

namespace {

bool is_regional_kind(std::string_view kind) {
  return kind == "Peraturan Gubernur" || kind == "Peraturan Bupati" ||
         kind == "Peraturan Wali Kota" || kind == "Peraturan Daerah";
}

// A title cut where the sentence that cites it goes on: "... Dinas Pekerjaan Umum, susunan
// organisasi dinas adalah ..." -> "... Dinas Pekerjaan Umum".
std::string title_of_cited(std::string title) {
  for (std::size_t p = title.find(", "); p != std::string::npos; p = title.find(", ", p + 2)) {
    if (p + 2 < title.size() && title[p + 2] >= 'a' && title[p + 2] <= 'z') {
      title.resize(p);
      break;
    }
  }
  return text::strip_item_end(title);
}

// The words after `level` in `t` that start with a capital ("Kabupaten Timor Tengah Utara").
void count_regions(std::string_view t, std::string_view level, std::map<std::string, int>& seen) {
  for (std::size_t p = text::ifind_word(t, level); p != std::string_view::npos;
       p = text::ifind_word(t, level, p + 1)) {
    if (t[p] < 'A' || t[p] > 'Z') continue;
    std::string name(level);
    std::size_t i = p + level.size();
    int words = 0;
    while (i < t.size() && t[i] == ' ' && i + 1 < t.size() && t[i + 1] >= 'A' && t[i + 1] <= 'Z' &&
           words < 5) {
      std::size_t j = i + 1;
      while (j < t.size() && text::is_alpha(t[j])) ++j;
      const std::string_view word = t.substr(i + 1, j - i - 1);
      if (word == "Nomor" || word == "Tahun" || word == "Dan") break;
      name += ' ';
      name += word;
      ++words;
      i = j;
    }
    if (words > 0) ++seen[name];
  }
}

// Identity from what an excerpt still has: a sentence citing the regulation ("Berdasarkan
// Peraturan Bupati X Nomor 41 Tahun 2021 tentang ..."), else the articles' own words ("Peraturan
// Bupati ini", "Kabupaten Timor Tengah Utara"). Marked inferred.
void infer_identity(const Document& doc, RegulationFacts& r) {
  for (const Citation& c : read_citations(doc.heading.text, doc.heading.span.first_line)) {
    if (!is_regional_kind(c.kind) || c.kind == "Peraturan Daerah") continue;
    r.kind = c.kind;
    r.region = c.region;
    r.number = c.number;
    r.year = c.year;
    r.title = title_of_cited(c.title);
    r.inferred = true;
    return;
  }
  std::map<std::string, int> kinds;
  std::map<std::string, int> regions;
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>&) {
    // "<kind> ini", the phrases written out once rather than built for every node.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kSelfNames = {{
        {"Peraturan Gubernur", "Peraturan Gubernur ini"},
        {"Peraturan Bupati", "Peraturan Bupati ini"},
        {"Peraturan Wali Kota", "Peraturan Wali Kota ini"},
    }};
    for (const auto& [k, self_name] : kSelfNames) {
      if (text::ifind(n.text, self_name) != std::string::npos) ++kinds[std::string(k)];
    }
    for (std::string_view level : {"Provinsi", "Kabupaten", "Kota"})
      count_regions(n.text, level, regions);
  });
  if (kinds.empty()) return;
  const auto kind = std::max_element(
      kinds.begin(), kinds.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  r.kind = kind->first;
  r.inferred = true;
  const std::string_view level = r.kind == "Peraturan Gubernur" ? "Provinsi"
                                 : r.kind == "Peraturan Bupati" ? "Kabupaten"
                                                                : "Kota";
  int best = 0;
  for (const auto& [name, count] : regions) {
    if (text::istarts_with(name, level) && count > best) r.region = name, best = count;
  }
}

}  // namespace

void extract_identity(const Document& doc, Extraction& out) {
  auto& r = out.regulation;
  r.kind = doc.heading.kind;
  r.number = doc.heading.number;
  r.year = doc.heading.year;
  r.title = doc.heading.title;
  r.region = doc.heading.region;
  r.issuer = doc.heading.issuer;
  r.date = parse_indonesian_date(doc.closing.date);
  r.place = doc.closing.place;
  r.gazette = doc.closing.gazette;
  r.source = doc.heading.span;
  if (r.kind.empty()) infer_identity(doc, r);
}

}  // namespace tatakerja::regulation
