// The words structure articles are written with, and the positions and units a subject names
// (structure_parts.hpp).
#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "regulation/node_query.hpp"
#include "structure_parts.hpp"

namespace tatakerja::regulation::structure {
namespace {

// The words that introduce the units a unit (or the agency) is made of, by the stem they share:
// "terdiri atas", "terdiri dari"; "membawahkan", "membawahi"; "meliputi".
struct MadeOfWords {
  std::string_view stem;
  std::array<std::string_view, 2> endings;  // either may follow the stem; none for "meliputi"
};
constexpr std::array<MadeOfWords, 3> kMadeOf = {
    {{"terdiri ", {"atas", "dari"}}, {"membawah", {"kan", "i"}}, {"meliputi", {"", ""}}}};

// Where the first of a stem's words starts in `t`, or npos: one search for the stem, its endings
// compared where it stands.
std::size_t first_of(std::string_view t, const MadeOfWords& w) {
  for (std::size_t at = text::ifind(t, w.stem); at != std::string_view::npos;
       at = text::ifind(t, w.stem, at + 1)) {
    const std::string_view rest = t.substr(at + w.stem.size());
    if (w.endings[0].empty()) return at;
    for (std::string_view ending : w.endings)
      if (!ending.empty() && text::istarts_with(rest, ending)) return at;
  }
  return std::string_view::npos;
}

}  // namespace

std::size_t made_of_at(std::string_view t) {
  std::size_t best = std::string_view::npos;
  for (const MadeOfWords& w : kMadeOf) best = std::min(best, first_of(t, w));
  return best;
}

std::size_t find_spaced(std::string_view t, std::string_view phrase, std::size_t from) {
  const std::string_view rest = phrase.substr(1);  // after the space
  for (std::size_t at = text::ifind(t, rest, from + 1); at != std::string_view::npos;
       at = text::ifind(t, rest, at + 1))
    if (t[at - 1] == ' ') return at - 1;
  return std::string_view::npos;
}

std::string_view after_view(std::string_view s, std::string_view marker) {
  const std::size_t p = text::ifind(s, marker);
  if (p == std::string_view::npos) return {};
  return text::trim(s.substr(p + marker.size()));
}

std::string after(std::string_view s, std::string_view marker) {
  return std::string(after_view(s, marker));
}

std::string_view before_view(std::string_view s, std::string_view marker) {
  const std::size_t p = text::ifind(s, marker);
  return text::trim(p == std::string_view::npos ? s : s.substr(0, p));
}

std::string before(std::string_view s, std::string_view marker) {
  return std::string(before_view(s, marker));
}

// Cuts a phrase at the first of the given words (word boundary, case-insensitive).
std::string cut_at(std::string_view s, std::initializer_list<std::string_view> stops) {
  // The first start of a word where a stop stands whole: the least of text::ifind_word over the
  // stops, found in one pass over the text instead of one search per stop.
  std::size_t cut = s.size();
  for (std::size_t p = 0; p < s.size() && cut == s.size(); ++p) {
    if (p > 0 && text::is_alnum(s[p - 1])) continue;
    const char first = text::detail::ascii_lower(s[p]);
    for (const std::string_view w : stops) {
      // Most words start with a letter no stop does: compared by it first.
      if (first != text::detail::ascii_lower(w.front())) continue;
      const std::size_t end = p + w.size();
      if (text::istarts_with(s.substr(p), w) && (end >= s.size() || !text::is_alnum(s[end]))) {
        cut = p;
        break;
      }
    }
  }
  return text::strip_item_end(s.substr(0, cut));
}

std::string agency_kind_of(std::string_view name) {
  for (auto k : kAgencyKinds)
    if (text::istarts_with(name, k) && (name.size() == k.size() || !text::is_alpha(name[k.size()])))
      return std::string(k);
  return {};
}

// Strips the region after an agency name: "Badan X Provinsi Nusa Tenggara Timur" -> "Badan X".
std::string strip_region(std::string s) {
  for (std::string_view tail : {" di lingkungan", " pada pemerintah"}) {
    const std::size_t p = text::ifind(s, tail);
    if (p != std::string::npos) s.resize(p);
  }
  for (std::string_view level : {"Provinsi", "Kabupaten", "Kota", "Kab."}) {
    const std::size_t p = text::ifind_word(s, level);
    if (p != std::string::npos && p > 0) s.resize(p);
  }
  return text::strip_item_end(s);
}

bool names_position(std::string_view t) {
  for (std::string_view lead :
       {"Kepala ", "Sekretaris", "Lurah", "Camat", "Inspektur", "Asisten ", "Staf Ahli "}) {
    if (text::istarts_with(t, lead)) return true;
  }
  return false;
}

// The unit a subject names ("Sekretariat", "Bidang Anggaran", "Susunan organisasi Bidang X"),
// or nullptr.
std::string subject_key(std::string subject) {
  for (std::string_view lead : {"susunan organisasi ", "setiap ", "masing-masing "}) {
    if (text::istarts_with(subject, lead)) subject = subject.substr(lead.size());
  }
  subject = before(subject, " sebagaimana");
  return text::name_key(text::strip_item_end(subject));
}

NameKeys::NameKeys(const Extraction& out) {
  titles.reserve(out.positions.size());
  for (const Position& p : out.positions) titles.push_back(text::name_key(p.title));
  if (out.agency) {
    agency_name = text::name_key(out.agency->name);
    agency_short_name = text::name_key(out.agency->short_name);
    agency_kind = text::name_key(out.agency->kind);
  }
  units.reserve(out.units.size());
  for (const Unit& u : out.units) units.push_back(text::name_key(u.name));
}

Position* position_titled(const std::string& title, Extraction& out, const NameKeys& keys) {
  const std::string key = text::name_key(title);
  for (std::size_t i = 0; i < out.positions.size(); ++i)
    if (keys.titles[i] == key) return &out.positions[i];
  return nullptr;
}

const Unit* unit_named(const Extraction& out, const NameKeys& keys, std::string subject) {
  const std::string key = subject_key(std::move(subject));
  if (key.empty()) return nullptr;
  for (std::size_t i = 0; i < out.units.size(); ++i) {
    if (keys.units[i] == key) return &out.units[i];
  }
  return nullptr;
}

namespace {

// Whether unit `id` is `ancestor` or lies under it.
bool within(const Extraction& out, std::string id, const std::string& ancestor) {
  for (int depth = 0; !id.empty() && depth < 64; ++depth) {
    if (id == ancestor) return true;
    const Unit* u = out.unit_by_id(id);
    id = u ? u->parent : std::string();
  }
  return false;
}

// Whether a place names the agency being read ("pada Dinas Sosial dan Badan ...", "pada Badan",
// "pada Kecamatan"): its name, or its kind alone.
bool place_names_agency(const std::string& place, const NameKeys& keys) {
  const std::string key = text::name_key(place);
  return (" " + key + " ").find(" " + keys.agency_name + " ") != std::string::npos ||
         key == keys.agency_short_name || key == keys.agency_kind;
}

}  // namespace

// The positions a generic subject names ("Kepala Badan", "Sekretaris", "Kepala Bidang"), where a
// place may narrow it: "Kepala Sub Bagian pada Sekretariat", "Kepala Sub Bagian Tata Usaha pada
// UPTD Balai Benih"; a place that names this agency narrows nothing, one that names other agencies
// only ("Kepala Subbagian pada Kecamatan" in a Dinas) excludes every position. "Kepala Dinas
// Sosial" in the Dinas Sosial is its head.
std::vector<Position*> positions_named(std::string_view subject, Extraction& out,
                                       const NameKeys& keys) {
  // The position's name and its place cut out of the subject as views: only their cleaned texts
  // are made.
  std::string_view named = before_view(subject, " sebagaimana");
  std::string place;
  if (const std::size_t p = text::ifind(named, " pada "); p != std::string::npos) {
    place = text::strip_item_end(named.substr(p + 6));
    named = named.substr(0, p);
  }
  std::string key = text::name_key(text::strip_item_end(named));
  std::vector<Position*> found;
  if (key.empty()) return found;
  const Unit* where = place.empty() ? nullptr : unit_named(out, keys, place);
  if (where == nullptr && !place.empty() && out.agency && !place_names_agency(place, keys) &&
      !agency_kind_of(text::collapse_spaces(place)).empty())  // title_case: the case aside
    return found;
  if (out.agency) {
    // "Kepala Dinas Sosial", "Sekretaris Badan Kesatuan Bangsa dan Politik": this agency's.
    const std::string own = " " + keys.agency_name;
    if (key.size() > own.size() && key.compare(key.size() - own.size(), own.size(), own) == 0) {
      key.resize(key.size() - own.size());
      if (key == "kepala") key += " " + keys.agency_short_name;
    }
  }
  const std::string key_and_more = key + " ";
  for (std::size_t i = 0; i < out.positions.size(); ++i) {
    const std::string& pk = keys.titles[i];
    if (pk != key && pk.rfind(key_and_more, 0) != 0) continue;
    Position& p = out.positions[i];
    if (where != nullptr && !within(out, p.unit, where->id)) continue;
    found.push_back(&p);
  }
  return found;
}

// The subjects of a sentence: "Sekretaris, Kepala Bidang dan Kepala Seksi pada X serta Camat" ->
// each position named. A piece that names no position continues the name before it ("Kepala
// Badan Kesatuan Bangsa dan Politik", "... pada Dinas Sosial dan Badan ...").
std::vector<std::string> split_subjects(const std::string& s) {
  std::vector<std::string> pieces;
  for (auto part : text::split(s, ',')) {
    std::string_view p = text::trim(part);  // what is left of the part, cut in place
    for (;;) {
      const std::size_t dan = text::ifind_word(p, "dan");
      const std::size_t serta = text::ifind_word(p, "serta");
      const std::size_t cut = std::min(dan, serta);
      if (cut == std::string::npos) break;
      pieces.emplace_back(text::trim(p.substr(0, cut)));
      p = text::trim(p.substr(cut + (cut == dan ? 3 : 5)));
    }
    pieces.emplace_back(p);
  }
  std::vector<std::string> out;
  for (auto& piece : pieces) {
    if (piece.empty()) continue;
    if (!out.empty() && !names_position(piece))
      out.back() += " dan " + piece;
    else
      out.push_back(std::move(piece));
  }
  return out;
}

}  // namespace tatakerja::regulation::structure
