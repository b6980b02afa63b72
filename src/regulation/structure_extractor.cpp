// Reads the organisation a regulation establishes, in the order a careful reader would:
//   1. the agency, from the definitions of Pasal 1 ("X yang selanjutnya disebut Badan adalah ...")
//      or, failing that, from the title;
//   2. the unit tree, from the structure article ("... terdiri atas: a. Sekretariat ...");
//   3. one head position per unit (and the agency head), superiors following the tree;
//   4. eselon and kind ("... merupakan jabatan administrator atau jabatan struktural eselon
//   III.a"),
//      appointing authority ("... diangkat dan diberhentikan oleh Gubernur");
//   5. tasks, functions and duties, from the articles ("mempunyai tugas pokok / fungsi / uraian
//      tugas") and from the annex job-description blocks ("NAMA JABATAN : ...").
#include <algorithm>
#include <array>
#include <unordered_map>

#include "core/eselon.hpp"
#include "core/text.hpp"
#include "regulation/extraction.hpp"
#include "regulation/node_query.hpp"

namespace tatakerja::regulation {
namespace {

constexpr std::array<std::string_view, 10> kAgencyKinds = {
    "Sekretariat Daerah",
    "Sekretariat DPRD",
    "Sekretariat Dewan Perwakilan Rakyat Daerah",
    "Inspektorat",
    "Dinas",
    "Badan",
    "Kecamatan",
    "Kelurahan",
    "Satuan Polisi Pamong Praja",
    "Kantor"};

// The words that introduce the units a unit (or the agency) is made of.
constexpr std::array<std::string_view, 5> kMadeOf = {"terdiri atas", "terdiri dari", "membawahkan",
                                                     "membawahi", "meliputi"};

std::size_t made_of_at(std::string_view t) {
  std::size_t best = std::string_view::npos;
  for (auto k : kMadeOf) best = std::min(best, text::ifind(t, k));
  return best;
}

std::string after(std::string_view s, std::string_view marker) {
  const std::size_t p = text::ifind(s, marker);
  if (p == std::string_view::npos) return {};
  return std::string(text::trim(s.substr(p + marker.size())));
}

std::string before(std::string_view s, std::string_view marker) {
  const std::size_t p = text::ifind(s, marker);
  return std::string(text::trim(p == std::string_view::npos ? s : s.substr(0, p)));
}

// Cuts a phrase at the first of the given words (word boundary, case-insensitive).
std::string cut_at(std::string s, std::initializer_list<std::string_view> stops) {
  std::size_t cut = s.size();
  for (auto w : stops) cut = std::min(cut, text::ifind_word(s, w));
  s.resize(cut);
  return text::strip_item_end(s);
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

void read_agency(const Document& doc, Extraction& out) {
  Agency a;
  // Definitions: "Badan Pengelola Perbatasan Daerah yang selanjutnya disebut Badan adalah ...".
  std::vector<std::pair<std::string, SourceSpan>> definitions;
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>&) {
    if (n.kind == NodeKind::Number || n.kind == NodeKind::Letter)
      definitions.emplace_back(n.text, n.span);
  });
  for (const auto& [t, span] : definitions) {
    const std::size_t p = text::ifind(t, " yang selanjutnya disebut ");
    if (p == std::string::npos) continue;
    std::string name = text::collapse_spaces(std::string_view(t).substr(0, p));
    const std::string kind = agency_kind_of(name);
    if (kind.empty() || text::iequals(name, kind)) continue;
    a.name = name;
    a.kind = kind;
    a.short_name = before(after(t, " yang selanjutnya disebut "), " adalah");
    a.source = span;
    break;
  }
  if (a.name.empty()) {
    // The title: "... TATA KERJA BADAN PENGELOLA PERBATASAN DAERAH PROVINSI NUSA TENGGARA TIMUR".
    // (An excerpt's title is the one its opening sentence cites: regulation.title, inferred.)
    const std::string title =
        text::title_case(doc.heading.title.empty() ? out.regulation.title : doc.heading.title);
    std::size_t best = std::string::npos;
    std::string kind;
    for (auto k : kAgencyKinds) {
      const std::size_t p = text::ifind_word(title, k);
      if (p != std::string::npos && (best == std::string::npos || p < best)) best = p, kind = k;
    }
    if (best == std::string::npos) return;
    a.name = strip_region(title.substr(best));
    a.kind = kind;
    a.source = doc.heading.span;
  }
  if (a.short_name.empty()) a.short_name = a.kind;
  // The type and its limit: "Badan Tipe A adalah ... paling banyak 4 (empat) bidang."
  for (const auto& [t, span] : definitions) {
    const std::string lead = a.kind + " Tipe ";
    if (!text::istarts_with(t, lead)) continue;
    // The type is a letter (or a letter and digits); anything else after "Tipe " is no type, and
    // the limit that follows is still read.
    std::size_t end = lead.size();
    while (end < t.size() && text::is_alnum(t[end])) ++end;
    if (end > lead.size()) a.type = t.substr(lead.size(), end - lead.size());
    const std::string limit = after(t, "paling banyak ");
    std::size_t i = 0;
    while (i < limit.size() && text::is_digit(limit[i])) ++i;
    if (i > 0 && text::ifind_word(limit, "bidang") != std::string::npos)
      a.max_bidang = text::parse_int(limit.substr(0, i));
  }
  out.agency = std::move(a);
}

// A position the structure article lists itself ("a. Lurah; b. Sekretaris Kelurahan; c. Seksi
// ..."), under the unit (or the agency, parent empty) whose list names it.
struct ListedPosition {
  std::string title;
  std::string parent;
  SourceSpan source;
};

bool names_position(std::string_view t) {
  for (std::string_view lead :
       {"Kepala ", "Sekretaris", "Lurah", "Camat", "Inspektur", "Asisten ", "Staf Ahli "}) {
    if (text::istarts_with(t, lead)) return true;
  }
  return false;
}

// What the structure reading builds besides the extraction: the positions lists name, and the
// units by name, so that each lookup is one hash probe whatever the number of units.
struct StructureDraft {
  std::vector<ListedPosition> listed;
  std::unordered_map<std::string, std::string> by_parent_and_name;  // parent id + key -> id
  std::unordered_map<std::string, std::string> by_name;             // name key -> first id

  static std::string slot(const std::string& parent, const std::string& name) {
    return parent + '\x1f' + text::name_key(name);
  }
  void add(const Unit& u) {
    by_parent_and_name.emplace(slot(u.parent, u.name), u.id);
    by_name.emplace(text::name_key(u.name), u.id);
  }
  const std::string* existing(const std::string& name, const std::string& parent) const {
    const auto it = by_parent_and_name.find(slot(parent, name));
    return it == by_parent_and_name.end() ? nullptr : &it->second;
  }
};

struct UnitDraft {
  const Node* node;
  std::string parent;
};

bool names_unit(std::string_view t) {
  return unit_kind_of_name(t).has_value();
}

// The structure article: the node that lists the agency's units ("terdiri atas/dari").
const Node* find_structure_list(const Document& doc) {
  const Node* best = nullptr;
  int best_units = 1;
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>&) {
    if (n.kind != NodeKind::Verse && n.kind != NodeKind::Article) return;
    if (made_of_at(n.text) == std::string::npos) return;
    // Units among its items, or among the items of its items ("a. Kepala Dinas, membawahkan:
    // 1. Sekretariat ...").
    int units = 0;
    for (const Node& c : n.children) {
      if (!is_list_item(c.kind)) continue;
      if (names_unit(c.text)) {
        ++units;
      } else {
        for (const Node& g : c.children)
          if (is_list_item(g.kind) && names_unit(g.text)) ++units;
      }
    }
    if (units > best_units) best = &n, best_units = units;
  });
  return best;
}

std::string unit_name_of(std::string_view item) {
  std::string name = cut_at(std::string(item), {"yang", "terdiri", "membawahi", "membawahkan",
                                                "sebanyak", "meliputi", "dipimpin", "eselon"});
  name = before(name, ":");
  name = before(name, ";");
  return text::title_case(name);
}

bool has_unit_items(const Node& n) {
  return std::any_of(n.children.begin(), n.children.end(),
                     [](const Node& c) { return is_list_item(c.kind) && names_unit(c.text); });
}

// The units an item's own sentence names after "terdapat", "terdiri dari/atas", "membawahi" or
// "membawahkan" (not a list that follows a colon): each piece that starts with a kind of unit
// begins a name; the others continue it ("Subbagian Umum, Kepegawaian dan Keuangan" is one).
std::vector<std::string> inline_unit_names(std::string_view item) {
  std::string rest;
  for (std::string_view lead :
       {" terdapat ", " terdiri dari ", " terdiri atas ", " membawahi ", " membawahkan "}) {
    rest = after(item, lead);
    if (!rest.empty()) break;
  }
  rest = std::string(text::trim(before(before(rest, ";"), ".")));
  std::vector<std::string> names;
  if (rest.empty() || rest.front() == ':') return names;
  std::size_t start = 0;
  const auto add_piece = [&](std::size_t end, std::string_view separator) {
    const std::string piece(text::trim(std::string_view(rest).substr(start, end - start)));
    if (!piece.empty()) {
      if (names.empty() || unit_kind_of_name(piece))
        names.push_back(piece);
      else
        names.back() += std::string(separator) + piece;
    }
  };
  std::string_view separator;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    std::string_view next;
    if (rest[i] == ',')
      next = ", ";
    else if (text::istarts_with(std::string_view(rest).substr(i), " dan "))
      next = " dan ";
    else if (text::istarts_with(std::string_view(rest).substr(i), " serta "))
      next = " serta ";
    else
      continue;
    add_piece(i, separator);
    separator = next;
    start = i + (next == ", " ? 1 : next.size() - 1);
    i = start - 1;
  }
  add_piece(rest.size(), separator);
  return names;
}

void add_units(const Node& list, const std::string& parent, const std::vector<const Node*>& path,
               Extraction& out, StructureDraft& draft) {
  for (const Node& item : list.children) {
    if (!is_list_item(item.kind)) continue;
    std::vector<const Node*> here = path;
    here.push_back(&item);
    auto kind = unit_kind_of_name(item.text);
    if (!kind) {
      // "a. Kepala Dinas, membawahkan: 1. Sekretariat ...": the units under a position.
      if (has_unit_items(item)) {
        add_units(item, parent, here, out, draft);
      } else if (names_position(item.text)) {
        draft.listed.push_back({text::title_case(unit_name_of(item.text)), parent, item.span});
      }
      continue;
    }
    const std::string name = unit_name_of(item.text);
    const bool generic = text::iequals(name, to_string(*kind)) && *kind != UnitKind::Sekretariat &&
                         *kind != UnitKind::KelompokJabatanFungsional && *kind != UnitKind::Uptd;
    const bool has_sub_units = has_unit_items(item);
    if (generic && has_sub_units) {
      // "bidang, sebanyak 3 (tiga) bidang, meliputi: 1. ... 2. ...": the items are the units.
      add_units(item, parent, here, out, draft);
      continue;
    }
    std::string id;
    if (const std::string* known = draft.existing(name, parent)) {
      id = *known;
    } else {
      Unit u;
      u.id = out.next_unit_id();
      u.name = name;
      u.kind = *kind;
      u.parent = parent;
      u.article = citation_path(path, item);
      u.source = item.span;
      id = u.id;
      draft.add(u);
      out.units.push_back(std::move(u));
    }
    if (has_sub_units) {
      add_units(item, id, here, out, draft);
      continue;
    }
    // Sub-units named in the item's own sentence: "sekretariat, yang didalamnya terdapat Sub
    // Bagian kepegawaian dan umum;", "Sekretariat, terdiri dari Subbagian Umum, Kepegawaian dan
    // Keuangan;", "Bidang X, membawahkan Seksi A dan Seksi B;".
    for (const std::string& inner : inline_unit_names(item.text)) {
      const auto inner_kind = unit_kind_of_name(inner);
      if (!inner_kind || draft.existing(unit_name_of(inner), id)) continue;
      Unit sub;
      sub.id = out.next_unit_id();
      sub.name = unit_name_of(inner);
      sub.kind = *inner_kind;
      sub.parent = id;
      sub.article = citation_path(path, item);
      sub.source = item.span;
      draft.add(sub);
      out.units.push_back(std::move(sub));
    }
  }
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

const Unit* unit_named(const Extraction& out, std::string subject) {
  const std::string key = subject_key(std::move(subject));
  if (key.empty()) return nullptr;
  for (const Unit& u : out.units) {
    if (text::name_key(u.name) == key) return &u;
  }
  return nullptr;
}

// Sub-units given in an article of their own: "Sekretariat sebagaimana dimaksud dalam Pasal 4
// huruf b, terdiri atas: a. Sub Bagian ...", "Susunan organisasi Bidang X terdiri atas ...", at
// any depth, each list read once.
void add_sub_unit_lists(const Document& doc, const Node& main_list, Extraction& out,
                        StructureDraft& draft) {
  std::vector<const Node*> inside;
  walk(main_list, [&](const Node& n, const std::vector<const Node*>&) { inside.push_back(&n); });
  std::sort(inside.begin(), inside.end());
  for (int round = 0; round < 4; ++round) {  // a list may name units a later list introduces
    const std::size_t before_round = out.units.size();
    walk(doc.body, [&](const Node& n, const std::vector<const Node*>& path) {
      if (std::binary_search(inside.begin(), inside.end(), &n) || !has_unit_items(n)) return;
      const std::size_t at = made_of_at(n.text);
      if (at == std::string::npos) return;
      const auto parent = draft.by_name.find(subject_key(n.text.substr(0, at)));
      if (parent == draft.by_name.end()) return;
      const std::string parent_id = parent->second;
      std::vector<const Node*> here = path;
      here.push_back(&n);
      add_units(n, parent_id, here, out, draft);
    });
    if (out.units.size() == before_round) break;
  }
}

// Who leads what, as the text says it: "Kecamatan dipimpin oleh seorang Camat", "Sekretariat
// Kelurahan dipimpin oleh Sekretaris Kelurahan" (subject name key -> title).
std::vector<std::pair<std::string, std::string>> leaders_named(const Document& doc) {
  std::vector<std::pair<std::string, std::string>> out;
  const auto read_clause = [&](std::string_view clause) {
    const std::size_t p = text::ifind(clause, " dipimpin oleh ");
    if (p == std::string::npos) return;
    std::string subject = before(clause.substr(0, p), " sebagaimana");
    for (std::string_view lead : {"setiap ", "masing-masing "}) {
      if (text::istarts_with(subject, lead)) subject = subject.substr(lead.size());
    }
    std::string title = after(clause.substr(p), "dipimpin oleh ");
    if (text::istarts_with(title, "seorang ")) title = title.substr(8);
    title = cut_at(title, {"yang", "selaku", "berkedudukan", "serta"});
    title = before(before(title, " dan bertanggung"), " dan berada");
    title = text::strip_item_end(before(title, ". "));
    if (!subject.empty() && !title.empty() && title.size() <= 120)
      out.emplace_back(text::name_key(subject), text::title_case(title));
  };
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>&) {
    const std::size_t first = text::ifind(n.text, " dipimpin oleh ");
    if (first == std::string::npos) return;
    if (text::ifind(n.text, " dipimpin oleh ", first + 1) == std::string::npos) {
      read_clause(n.text);
      return;
    }
    // "Sekretariat dipimpin oleh Sekretaris, Bidang dipimpin oleh Kepala Bidang, dan ...".
    for (const auto clause : text::split(n.text, ',')) {
      std::string_view c = text::trim(clause);
      if (text::istarts_with(c, "dan ")) c.remove_prefix(4);
      read_clause(c);
    }
  });
  return out;
}

std::string leader_of(const std::vector<std::pair<std::string, std::string>>& leaders,
                      std::string_view name) {
  const std::string key = text::name_key(name);
  for (const auto& [subject, title] : leaders) {
    if (subject == key) return title;
  }
  return {};
}

std::string head_title(const Unit& u,
                       const std::vector<std::pair<std::string, std::string>>& leaders) {
  // "Sub Bagian Umum dipimpin oleh Kepala Sub Bagian": the kind's generic title says nothing more
  // than the default.
  if (std::string said = leader_of(leaders, u.name);
      !said.empty() &&
      text::name_key(said) != text::name_key(std::string("Kepala ") + to_string(u.kind)))
    return said;
  switch (u.kind) {
    case UnitKind::Sekretariat:
      // "Sekretariat" -> "Sekretaris", "Sekretariat Kecamatan" -> "Sekretaris Kecamatan".
      return "Sekretaris" + u.name.substr(std::string_view("Sekretariat").size());
    case UnitKind::Inspektur:  // "Inspektur Pembantu Wilayah I" leads the unit of that name
    case UnitKind::Asisten:    // and so does "Asisten Perekonomian dan Pembangunan"
      return u.name;
    default:
      return "Kepala " + u.name;
  }
}

// The agency's head when the text does not name it: the title each kind of agency gives it.
std::string agency_head_title(const Agency& a) {
  if (a.kind == "Kecamatan") return "Camat";
  if (a.kind == "Kelurahan") return "Lurah";
  if (a.kind == "Inspektorat") return "Inspektur";
  if (a.kind == "Sekretariat Daerah") return "Sekretaris Daerah";
  return "Kepala " + a.short_name;
}

void add_positions(const Document& doc, const std::vector<ListedPosition>& listed,
                   Extraction& out) {
  if (!out.agency) return;
  const auto leaders = leaders_named(doc);
  Position head;
  head.id = out.next_position_id();
  head.title = leader_of(leaders, out.agency->short_name);
  if (head.title.empty()) head.title = leader_of(leaders, out.agency->name);
  if (head.title.empty()) head.title = agency_head_title(*out.agency);
  head.kind = PositionKind::JptPratama;
  head.source = out.agency->source;
  // "Badan dipimpin oleh Kepala Badan yang berkedudukan di bawah dan bertanggung jawab kepada
  // Gubernur melalui Sekretaris Daerah."
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>&) {
    if (!head.reports_to.empty()) return;
    if (!text::istarts_with(n.text, out.agency->short_name + " dipimpin oleh")) return;
    head.reports_to = text::strip_item_end(after(n.text, "bertanggung jawab kepada "));
    head.source = n.span;
  });
  const std::string head_id = head.id;
  out.positions.push_back(std::move(head));
  std::unordered_map<std::string, std::string> head_of_unit;  // unit id -> its head's id
  for (const Unit& u : out.units) {
    if (u.kind == UnitKind::KelompokJabatanFungsional) continue;
    if (u.kind == UnitKind::Uptd && text::iequals(u.name, "UPTD")) continue;  // set by own rules
    Position p;
    p.id = out.next_position_id();
    p.title = head_title(u, leaders);
    p.kind = position_kind_of_title(p.title);
    p.unit = u.id;
    p.superior = head_id;
    if (const auto parent_head = head_of_unit.find(u.parent); parent_head != head_of_unit.end())
      p.superior = parent_head->second;
    head_of_unit.emplace(u.id, p.id);
    p.source = u.source;
    out.positions.push_back(std::move(p));
  }
  // The positions the structure article lists itself, besides the heads of its units.
  for (const ListedPosition& l : listed) {
    if (out.find_position(l.title) != nullptr) continue;
    Position p;
    p.id = out.next_position_id();
    p.title = l.title;
    p.kind = position_kind_of_title(p.title);
    p.superior = head_id;
    if (const auto parent_head = head_of_unit.find(l.parent); parent_head != head_of_unit.end())
      p.superior = parent_head->second;
    p.source = l.source;
    out.positions.push_back(std::move(p));
  }
}

// The positions a generic subject names: "Kepala Badan", "Sekretaris", "kepala bidang pada Badan".
// Whether unit `id` is `ancestor` or lies under it.
bool within(const Extraction& out, std::string id, const std::string& ancestor) {
  for (int depth = 0; !id.empty() && depth < 64; ++depth) {
    if (id == ancestor) return true;
    const Unit* u = out.unit_by_id(id);
    id = u ? u->parent : std::string();
  }
  return false;
}

// The positions a generic subject names ("Kepala Badan", "Sekretaris", "Kepala Bidang"), where a
// place may narrow it: "Kepala Sub Bagian pada Sekretariat", "Kepala Sub Bagian Tata Usaha pada
// UPTD Balai Benih" (the agency as the place narrows nothing).
// Whether a place names the agency being read ("pada Dinas Sosial dan Badan ...", "pada Badan",
// "pada Kecamatan"): its name, or its kind alone.
bool place_names_agency(const std::string& place, const Agency& agency) {
  const std::string key = " " + text::name_key(place) + " ";
  return key.find(" " + text::name_key(agency.name) + " ") != std::string::npos ||
         text::name_key(place) == text::name_key(agency.short_name) ||
         text::name_key(place) == text::name_key(agency.kind);
}

// The positions a generic subject names ("Kepala Badan", "Sekretaris", "Kepala Bidang"), where a
// place may narrow it: "Kepala Sub Bagian pada Sekretariat", "Kepala Sub Bagian Tata Usaha pada
// UPTD Balai Benih"; a place that names this agency narrows nothing, one that names other agencies
// only ("Kepala Subbagian pada Kecamatan" in a Dinas) excludes every position. "Kepala Dinas
// Sosial" in the Dinas Sosial is its head.
std::vector<Position*> positions_named(std::string subject, Extraction& out) {
  subject = before(subject, " sebagaimana");
  std::string place;
  if (const std::size_t p = text::ifind(subject, " pada "); p != std::string::npos) {
    place = text::strip_item_end(subject.substr(p + 6));
    subject.resize(p);
  }
  subject = text::strip_item_end(subject);
  std::string key = text::name_key(subject);
  std::vector<Position*> found;
  if (key.empty()) return found;
  const Unit* where = place.empty() ? nullptr : unit_named(out, place);
  if (where == nullptr && !place.empty() && out.agency && !place_names_agency(place, *out.agency) &&
      !agency_kind_of(text::title_case(place)).empty())
    return found;
  if (out.agency) {
    // "Kepala Dinas Sosial", "Sekretaris Badan Kesatuan Bangsa dan Politik": this agency's.
    const std::string own = " " + text::name_key(out.agency->name);
    if (key.size() > own.size() && key.compare(key.size() - own.size(), own.size(), own) == 0) {
      key.resize(key.size() - own.size());
      if (key == "kepala") key += " " + text::name_key(out.agency->short_name);
    }
  }
  for (Position& p : out.positions) {
    const std::string pk = text::name_key(p.title);
    if (pk != key && pk.rfind(key + " ", 0) != 0) continue;
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
    std::string p(text::trim(part));
    for (;;) {
      const std::size_t dan = text::ifind_word(p, "dan");
      const std::size_t serta = text::ifind_word(p, "serta");
      const std::size_t cut = std::min(dan, serta);
      if (cut == std::string::npos) break;
      pieces.emplace_back(text::trim(std::string_view(p).substr(0, cut)));
      p = std::string(text::trim(std::string_view(p).substr(cut + (cut == dan ? 3 : 5))));
    }
    pieces.push_back(p);
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

// The clauses of a sentence that gives several grades: "Kepala Dinas merupakan jabatan eselon
// II.a, Sekretaris dan Kepala Bidang merupakan jabatan eselon III.a, Kepala Sub Bagian ... IV.a."
// (a clause ends after each eselon's grade).
std::vector<std::string> grade_clauses(const std::string& t) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t p = text::ifind_word(t, "eselon"); p != std::string::npos;
       p = text::ifind_word(t, "eselon", p + 1)) {
    const std::size_t end = t.find_first_of(",;", p);
    if (end == std::string::npos) break;
    if (text::ifind(std::string_view(t).substr(end), " merupakan ") == std::string::npos) break;
    out.push_back(t.substr(start, end - start));
    start = end + 1;
    p = end;
  }
  out.push_back(t.substr(start));
  return out;
}

void read_grade(const std::string& t, Extraction& out) {
  auto eselon = find_eselon(t);
  if (!eselon) return;
  std::optional<PositionKind> kind;
  if (text::ifind(t, "pimpinan tinggi pratama") != std::string::npos)
    kind = PositionKind::JptPratama;
  else if (text::ifind(t, "jabatan administrator") != std::string::npos)
    kind = PositionKind::Administrator;
  else if (text::ifind(t, "jabatan pengawas") != std::string::npos)
    kind = PositionKind::Pengawas;
  else
    kind = position_kind_of_eselon(*eselon);
  // "Kepala Dinas ... merupakan ...", or "Sekretariat dipimpin oleh Sekretaris yang merupakan
  // jabatan struktural eselon IIIa" (the leader is the subject).
  std::string who = std::string(text::trim(before(t, " merupakan ")));
  if (text::ifind(who, "dipimpin oleh ") != std::string::npos) {
    who = after(who, "dipimpin oleh ");
    if (text::istarts_with(who, "seorang ")) who = who.substr(8);
  }
  if (text::iends_with(who, " yang")) who.resize(who.size() - 5);
  for (const auto& subject : split_subjects(who))
    for (Position* p : positions_named(subject, out)) {
      p->eselon = *eselon;
      p->kind = kind;
    }
}

void read_grades_and_appointments(const Document& doc, Extraction& out) {
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>&) {
    const std::string& t = n.text;
    if (text::ifind(t, "eselon") != std::string::npos &&
        text::ifind(t, " merupakan ") != std::string::npos) {
      for (const auto& clause : grade_clauses(t)) {
        if (text::ifind(clause, " merupakan ") != std::string::npos) read_grade(clause, out);
      }
    }
    if (text::ifind(t, "diangkat dan diberhentikan oleh") != std::string::npos) {
      const std::string by = cut_at(after(t, "diangkat dan diberhentikan oleh "), {"sesuai"});
      for (const auto& subject : split_subjects(before(t, " diangkat dan diberhentikan")))
        for (Position* p : positions_named(subject, out)) p->appointing_authority = by;
    }
  });
}

// The subject of a sentence on tasks: "Kepala Sub Bagian Keuangan mempunyai tugas: ...",
// "Bidang X sebagaimana dimaksud ... menyelenggarakan fungsi: ...", "Dalam melaksanakan tugas
// sebagaimana dimaksud pada ayat (1), Sekretaris menyelenggarakan fungsi: ...".
bool starts_in_pursuit(std::string_view t) {
  for (std::string_view lead :
       {"Dalam melaksanakan", "Untuk melaksanakan", "Dalam menyelenggarakan", "Dalam menjalankan",
        "Untuk menyelenggarakan", "Untuk menjalankan", "Dalam rangka melaksanakan",
        "Guna melaksanakan"})
    if (text::istarts_with(t, lead)) return true;
  return false;
}

std::string task_subject(std::string_view t) {
  std::string s(t);
  if (starts_in_pursuit(s)) s = after(s, ", ");
  for (std::string_view lead : {"uraian tugas ", "rincian tugas ", "setiap ", "masing-masing "})
    if (text::istarts_with(s, lead)) s = s.substr(lead.size());
  // "Sub Bagian Umum dipimpin oleh seorang Kepala Sub Bagian ... dan mempunyai rincian tugas:":
  // the unit, whose head the duties are.
  for (std::string_view cut :
       {" sebagaimana", " mempunyai", " menyelenggarakan", " bertugas", " adalah", " masing-masing",
        " dalam memimpin", " dalam melaksanakan", " dalam menjalankan", " dipimpin oleh"})
    s = before(s, cut);
  return text::strip_item_end(s);
}

// The position a subject names: by its title, or the head of the unit it names.
Position* position_for(const std::string& subject, Extraction& out) {
  if (Position* p = out.find_position(subject)) return p;
  const std::string key = text::name_key(subject);
  for (const Unit& u : out.units) {
    if (text::name_key(u.name) != key) continue;
    for (Position& p : out.positions)
      if (p.unit == u.id) return &p;
  }
  return nullptr;
}

// Tugas pokok, fungsi and uraian tugas written in the articles (as in Peraturan Wali Kota Batam),
// for a position or for the unit it heads.
void read_duties_in_articles(const Document& doc, Extraction& out) {
  for (const Node* art : articles(doc)) {
    Position* who = nullptr;
    // The article's own sentence ("Kepala Badan mempunyai uraian tugas:" over its items), then
    // each of its ayat.
    std::vector<const Node*> parts;
    if (!art->text.empty() || art->children.empty()) parts.push_back(art);
    for (const Node& c : art->children) parts.push_back(&c);
    for (const Node* part : parts) {
      const std::string& t = part->text;
      if (!who) {
        std::string title = after(t, "dipimpin oleh seorang ");
        if (title.empty()) title = after(t, "dipimpin oleh ");
        title = before(text::strip_item_end(title), " yang ");
        if (!title.empty() && text::ifind(t, "bertanggung jawab kepada") == std::string::npos)
          who = out.find_position(title);
      }
      const bool task = text::ifind(t, "mempunyai tugas") != std::string::npos;
      const bool functions = text::ifind(t, "mempunyai fungsi") != std::string::npos ||
                             text::ifind(t, "menyelenggarakan fungsi") != std::string::npos;
      const bool duties =
          text::ifind(t, "mempunyai uraian tugas") != std::string::npos ||
          text::ifind(t, "mempunyai rincian tugas") != std::string::npos ||
          text::ifind(t, "dengan uraian tugas") != std::string::npos ||
          text::ifind(t, "dengan rincian tugas") != std::string::npos ||
          ((text::istarts_with(t, "Uraian tugas ") || text::istarts_with(t, "Rincian tugas ")) &&
           !part->children.empty());
      if (!task && !functions && !duties) continue;
      const std::string named = task_subject(t);
      std::vector<Position*> subjects;
      if (Position* p = position_for(named, out)) subjects.push_back(p);
      // "Setiap Inspektur Pembantu mempunyai uraian tugas": each position of that title.
      if (subjects.empty()) subjects = positions_named(named, out);
      if (subjects.empty() && !starts_in_pursuit(t) && who) subjects.push_back(who);
      auto items = item_texts(*part);
      if (items.empty() && part->kind == NodeKind::Text && part != art) {
        // "Inspektur mempunyai uraian tugas:" as running text, its items following it.
        bool after = false;
        for (const Node& c : art->children) {
          if (&c == part) {
            after = true;
          } else if (after) {
            if (!is_list_item(c.kind)) break;
            items.push_back(text::strip_item_end(c.full_text()));
          }
        }
      }
      if (subjects.empty() && out.agency) {
        // The agency's own tasks: "Badan sebagaimana dimaksud ... mempunyai tugas ...", which
        // are its head's job description too.
        const bool agency =
            text::iequals(named, out.agency->short_name) || text::iequals(named, out.agency->name);
        if (agency || (starts_in_pursuit(t) && named.empty())) {
          if (task && !duties && text::istarts_with(t, out.agency->short_name))
            out.agency->tasks = text::strip_item_end(after(t, "mempunyai tugas "));
          if (text::ifind(t, "menyelenggarakan fungsi") != std::string::npos)
            out.agency->functions = items;
          if (agency && !out.positions.empty() && out.positions.front().functions.empty() &&
              functions)
            out.positions.front().functions = items;
        }
        continue;
      }
      for (Position* subject : subjects) {
        subject->duties_source.extend(part->span.first_line);
        subject->duties_source.extend(part->span.last_line);
        if (duties) {
          subject->duties = items;
        } else if (functions) {
          subject->functions = items;
        } else if (task) {
          std::string s = after(t, "mempunyai tugas pokok ");
          if (s.empty()) s = after(t, "mempunyai tugas ");
          subject->summary = text::strip_item_end(s);
          // "Kepala Seksi X mempunyai tugas: a. ...; b. ...": the items are its duties.
          if (subject->duties.empty() && !items.empty()) subject->duties = items;
        }
      }
    }
  }
}

// One "FIELD : value" line of a job-description block for `current`.
void read_annex_field(const Node& node, Position& current) {
  const std::string field = text::to_upper(before(node.text, ":"));
  const std::string value = after(node.text, ":");
  if (field == "KODE JABATAN") {
    current.code = value;
  } else if (field == "ESELON") {
    if (auto e = normalize_eselon(value)) current.eselon_annex = *e;
  } else if (field == "RUMUSAN TUGAS" || field == "TUGAS POKOK") {
    current.summary = text::strip_item_end(value);
  } else if (field == "FUNGSI") {
    current.functions = item_texts(node);
  } else if (field == "URAIAN TUGAS") {
    current.duties = item_texts(node);
  }
}

// The position a "NAMA JABATAN : X" line names, or nullptr.
Position* annex_block_position(const std::string& value, Extraction& out) {
  Position* p = out.find_position(value);
  if (!p && out.agency) {
    // The agency head is named in full: "KEPALA BADAN PENGELOLA PERBATASAN DAERAH (PROVINSI)".
    const std::string full = text::name_key("Kepala " + out.agency->name);
    if (text::name_key(value).rfind(full, 0) == 0)
      p = out.find_position("Kepala " + out.agency->short_name);
  }
  return p;
}

// "1. NAMA JABATAN : X" ... "6. URAIAN TUGAS :" blocks of an annex (Lampiran II of 000 and 002),
// with the fields as numbered items, as lines of their own, or as text under the name; the duties
// as the field's own items or, after an "URAIAN TUGAS :" line that has none, as the items that
// follow it (numbered from 1 again, up to the next block).
void read_duties_in_annexes(const Document& doc, Extraction& out) {
  for (const Annex& annex : doc.annexes) {
    Position* current = nullptr;
    bool duties_follow = false;
    for (const Node& node : annex.content.children) {
      const bool item = is_list_item(node.kind);
      if (!item && node.kind != NodeKind::Heading && node.kind != NodeKind::Text) continue;
      if (item && text::to_upper(before(node.text, ":")) == "NAMA JABATAN") {
        current = annex_block_position(after(node.text, ":"), out);
        duties_follow = false;
        if (!current) continue;
        current->duties_source = node.span;
        for (const Node& c : node.children)
          if (c.kind == NodeKind::Text) read_annex_field(c, *current);
        continue;
      }
      if (!current) continue;
      if (duties_follow && item) {
        current->duties.push_back(text::strip_item_end(node.full_text()));
        current->duties_source.extend(node.span.last_line);
        continue;
      }
      // The block's lines: its numbered fields, and field lines of their own ("ESELON : II/b");
      // not the page numbers and headings between blocks.
      if (item || node.text.find(':') != std::string::npos)
        current->duties_source.extend(node.span.last_line);
      read_annex_field(node, *current);
      duties_follow = text::to_upper(before(node.text, ":")) == "URAIAN TUGAS" &&
                      text::trim(after(node.text, ":")).empty() && node.children.empty();
    }
  }
  for (Position& p : out.positions) {
    if (p.eselon.empty() && !p.eselon_annex.empty()) {
      p.eselon = p.eselon_annex;
      p.kind = position_kind_of_eselon(p.eselon);
    }
  }
}

// The agency an excerpt's structure article names: "Susunan organisasi Dinas Pertanian dan
// Ketahanan Pangan, terdiri atas:", "Susunan organisasi Kelurahan terdiri atas:".
void read_agency_of_structure(const Node& list, Extraction& out) {
  std::string subject = list.text.substr(0, made_of_at(list.text));
  if (text::istarts_with(subject, "susunan organisasi "))
    subject = subject.substr(std::string_view("susunan organisasi ").size());
  subject = text::strip_item_end(before(subject, " sebagaimana"));
  const std::string kind = agency_kind_of(subject);
  if (kind.empty()) return;
  Agency a;
  a.name = strip_region(subject);
  a.kind = kind;
  a.short_name = kind;
  a.source = list.span;
  out.agency = std::move(a);
}

// The Staf Ahli of the regional head, listed in a Sekretariat Daerah's regulation ("Bupati dibantu
// oleh Staf Ahli Bupati yang terdiri atas: a. Staf Ahli Bupati Bidang Hukum, ..."): positions of
// their own, in no unit, answering to the regional head (no superior in the agency).
void add_staf_ahli(const Document& doc, Extraction& out) {
  if (!out.agency || out.agency->kind != "Sekretariat Daerah") return;
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>&) {
    if (text::ifind(n.text, "Staf Ahli") == std::string::npos) return;
    if (made_of_at(n.text) == std::string::npos) return;
    for (const Node& item : n.children) {
      if (!is_list_item(item.kind) || !text::istarts_with(item.text, "Staf Ahli ")) continue;
      const std::string title = text::title_case(std::string(text::strip_item_end(item.text)));
      if (out.find_position(title) != nullptr) continue;
      Position p;
      p.id = out.next_position_id();
      p.title = title;
      p.kind = PositionKind::JptPratama;
      p.source = item.span;
      out.positions.push_back(std::move(p));
    }
  });
}

void extract_one_agency(const Document& doc, Extraction& out) {
  if (!out.agency) read_agency(doc, out);
  // Without a structure article (e.g. an IKI decree) the text establishes no units or positions.
  const Node* list = find_structure_list(doc);
  if (!list) return;
  if (!out.agency) read_agency_of_structure(*list, out);
  StructureDraft draft;
  add_units(*list, {}, {}, out, draft);
  add_sub_unit_lists(doc, *list, out, draft);
  // The list's own path ("Pasal 3 ayat (1)") prefixes each unit's article.
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>& path) {
    if (&n != list) return;
    const std::string prefix = citation_path(path, n);
    for (Unit& u : out.units) u.article = prefix + " " + u.article;
  });
  add_positions(doc, draft.listed, out);
  add_staf_ahli(doc, out);
  read_grades_and_appointments(doc, out);
  read_duties_in_articles(doc, out);
  read_duties_in_annexes(doc, out);
}

// The chapters of a regulation for several agencies: each titled with an agency's name ("BAB
// III DINAS PENDIDIKAN DAN KEBUDAYAAN", "BAB IV KECAMATAN").
std::vector<const Node*> agency_chapters(const Document& doc) {
  std::vector<const Node*> out;
  for (const Node& c : doc.body.children) {
    if (c.kind != NodeKind::Chapter) continue;
    if (!agency_kind_of(text::title_case(c.title)).empty()) out.push_back(&c);
  }
  return out;
}

void prefix_ids(const std::string& prefix, AgencyStructure& a) {
  const auto with = [&](std::string& id) {
    if (!id.empty()) id = prefix + id;
  };
  for (Unit& u : a.units) with(u.id), with(u.parent);
  for (Position& p : a.positions) with(p.id), with(p.unit), with(p.superior);
}

// Each agency read from its own chapter together with the chapters every agency shares (the
// definitions, an eselonisasi chapter for all, the closing provisions).
void extract_many_agencies(const Document& doc, const std::vector<const Node*>& chapters,
                           Extraction& out) {
  // The shared chapters are copied into every agency's part only while they are small (a few
  // articles of definitions and grades), so that the work stays linear in the text whatever the
  // number of agency chapters.
  constexpr std::size_t kSharedNodes = 2000;
  std::vector<const Node*> sorted_chapters = chapters;
  std::sort(sorted_chapters.begin(), sorted_chapters.end());
  const auto is_agency_chapter = [&](const Node& c) {
    return std::binary_search(sorted_chapters.begin(), sorted_chapters.end(), &c);
  };
  std::size_t shared_nodes = 0;
  for (const Node& c : doc.body.children) {
    if (!is_agency_chapter(c))
      walk(c, [&](const Node&, const std::vector<const Node*>&) { ++shared_nodes; });
  }
  const bool share = shared_nodes <= kSharedNodes;
  for (std::size_t k = 0; k < chapters.size(); ++k) {
    Document part;
    part.heading = doc.heading;
    part.closing = doc.closing;
    part.body.kind = NodeKind::Root;
    for (const Node& c : doc.body.children) {
      if (&c == chapters[k] || (share && !is_agency_chapter(c))) part.body.children.push_back(c);
    }
    Extraction x;
    x.regulation = out.regulation;
    Agency a;
    a.name = strip_region(text::title_case(chapters[k]->title));
    a.kind = agency_kind_of(a.name);
    a.short_name = a.kind;
    a.source = chapters[k]->span;
    x.agency = std::move(a);
    extract_one_agency(part, x);
    AgencyStructure s{std::move(*x.agency), std::move(x.units), std::move(x.positions)};
    if (k == 0) {
      out.agency = std::move(s.agency);
      out.units = std::move(s.units);
      out.positions = std::move(s.positions);
    } else {
      prefix_ids("a" + std::to_string(k + 1) + ".", s);
      out.more_agencies.push_back(std::move(s));
    }
  }
}

}  // namespace

void extract_structure(const Document& doc, Extraction& out) {
  const auto chapters = agency_chapters(doc);
  if (chapters.size() >= 2) {
    extract_many_agencies(doc, chapters, out);
  } else {
    extract_one_agency(doc, out);
  }
}

}  // namespace tatakerja::regulation
