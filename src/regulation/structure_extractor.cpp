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
#include <limits>
#include <optional>
#include <unordered_map>

#include "core/eselon.hpp"
#include "core/text.hpp"
#include "regulation/extraction.hpp"
#include "regulation/leader_grade_words.hpp"
#include "regulation/node_query.hpp"
#include "structure_parts.hpp"

namespace tatakerja::regulation {
namespace {

using structure::after;
using structure::after_view;
using structure::agency_kind_of;
using structure::before;
using structure::before_view;
using structure::cut_at;
using structure::find_spaced;
using structure::kAgencyKinds;
using structure::made_of_at;
using structure::names_position;
using structure::read_duties_in_annexes;
using structure::read_duties_in_articles;
using structure::read_grades_and_appointments;
using structure::strip_region;
using structure::subject_key;

// text::istarts_with(t, prefix) for a `prefix` that is not empty, told by the first byte alone for
// most texts: the readings below ask it of every node of the body, and the first bytes alike (their
// 0x20 bit, which tells a letter's case, aside) are needed for the texts to start alike.
bool starts_with_prefix(std::string_view t, std::string_view prefix) {
  return !t.empty() && (t.front() | 0x20) == (prefix.front() | 0x20) &&
         text::istarts_with(t, prefix);
}

// Whether `t` is a sentence of the article that sets the agency up: its place in the government
// ("Badan merupakan unsur penunjang ..."), its head ("Dinas dipimpin oleh ..."), its make-up
// ("Susunan organisasi Badan, terdiri dari: ...") or its task ("Badan ... mempunyai tugas ...").
bool sets_up_agency(std::string_view t, const Agency& a) {
  for (const std::string* name : {&a.short_name, &a.name}) {
    if (name->empty()) continue;
    for (std::string_view lead : {"", "Susunan Organisasi "}) {
      // The lead, then the name (read in place: every sentence of the body is asked).
      const std::size_t start = lead.size() + name->size();
      if (!text::istarts_with(t, lead) || !text::istarts_with(t.substr(lead.size()), *name) ||
          (t.size() > start && text::is_alnum(t[start])))
        continue;
      const std::string_view rest = t.substr(start);
      if (!lead.empty()) return text::ifind(rest, "terdiri") != std::string::npos;
      for (std::string_view verb :
           {"merupakan unsur", "dipimpin oleh", "berkedudukan", "mempunyai tugas", "terdiri"}) {
        if (text::ifind(rest, verb) < 120) return true;  // near the start (npos is not)
      }
    }
  }
  return false;
}

// The article that sets the agency up (the first sentence of the body, outside the definitions,
// for which sets_up_agency holds): what "the article that established it" links to. The
// definition (or the heading) the agency was read from when there is none.
SourceSpan establishing_span(const Document& doc, const Agency& a) {
  std::optional<SourceSpan> found;
  const auto in_definitions = [&](const std::vector<const Node*>& above) {
    return std::any_of(above.begin(), above.end(), [&](const Node* p) {
      return p->kind == NodeKind::Article && p->span.first_line <= a.source.first_line &&
             a.source.first_line <= p->span.last_line;
    });
  };
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>& above) {
    if (found || n.kind == NodeKind::Article || n.kind == NodeKind::Root) return;
    if (in_definitions(above) || !sets_up_agency(n.text, a)) return;
    found = n.span;
  });
  return found.value_or(a.source);
}

// Calls `read` on the items (Number, Letter) under `n` in document order until it returns true;
// whether it did. A walk of its own that stops at the item read: no path of ancestors is kept and
// no list of the items made.
template <typename Read>
bool read_first_item(const Node& n, Read& read) {
  for (const Node& c : n.children) {
    if ((c.kind == NodeKind::Number || c.kind == NodeKind::Letter) && read(c)) return true;
    if (!c.children.empty() && read_first_item(c, read)) return true;
  }
  return false;
}

void read_agency(const Document& doc, Extraction& out) {
  Agency a;
  // Definitions: "Badan Pengelola Perbatasan Daerah yang selanjutnya disebut Badan adalah ...".
  // Every item of the body is searched for the long phrase, until the first that defines an
  // agency: a PhraseFinder's, as find_spaced finds it (after a space).
  static const PhraseFinder said_as("yang selanjutnya disebut ");
  const auto read_definition = [&](const Node& d) {
    const std::string& t = d.text;
    std::size_t p = std::string::npos;
    for (std::size_t at = said_as.find(t, 1); at != std::string::npos; at = said_as.find(t, at + 1))
      if (t[at - 1] == ' ') {
        p = at - 1;
        break;
      }
    if (p == std::string::npos) return false;
    std::string name = text::collapse_spaces(std::string_view(t).substr(0, p));
    const std::string kind = agency_kind_of(name);
    if (kind.empty() || text::iequals(name, kind)) return false;
    a.name = name;
    a.kind = kind;
    a.short_name = before(after(t, " yang selanjutnya disebut "), " adalah");
    a.source = d.span;
    return true;
  };
  read_first_item(doc.body, read_definition);
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
  const std::string lead = a.kind + " Tipe ";
  // Every item is asked (the last that gives a type or limit wins): a walk that no item stops.
  const auto read_type = [&](const Node& d) {
    const std::string& t = d.text;
    if (!starts_with_prefix(t, lead)) return false;
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
    return false;
  };
  read_first_item(doc.body, read_type);
  a.source = establishing_span(doc, a);
  out.agency = std::move(a);
}

// A position the structure article lists itself ("a. Lurah; b. Sekretaris Kelurahan; c. Seksi
// ..."), under the unit (or the agency, parent empty) whose list names it.
struct ListedPosition {
  std::string title;
  std::string parent;
  SourceSpan source;
};

struct UnitDraft {
  const Node* node;
  std::string parent;
};

// The start of an item that decides the kind of unit it names: unit_kind_of_name reads only the
// first words of a name's key (the longest kind, "kelompok jabatan fungsional", is 27 letters), so
// making the key of the whole item, which may run to hundreds of letters, is wasted. The text is
// cut after enough letters for those words, and only at a character that separates words in the
// key (not a letter, digit, byte of a UTF-8 letter or '.', which the key joins), so that no word is
// cut and the key of the start is the start of the whole key.
// A character name_key keeps (lowered): an ASCII letter or digit, or a byte of a UTF-8 letter.
bool kept_in_key(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string_view name_start(std::string_view t) {
  constexpr std::size_t kKeyLetters = 32;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    const bool kept = kept_in_key(c);
    if (!kept && c != '.' && letters >= kKeyLetters) return t.substr(0, i);
    if (kept) ++letters;
  }
  return t;
}

// The first three characters of the name key of `t` (as name_key makes them: lowered, words
// joined by one space, '.' dropped), or fewer when the key is shorter.
std::string_view key_start(std::string_view t, std::array<char, 3>& buffer) {
  std::size_t n = 0;
  bool space = false;
  for (std::size_t i = 0; i < t.size() && n < buffer.size(); ++i) {
    const char c = t[i];
    if (kept_in_key(c)) {
      if (space && n > 0) buffer[n++] = ' ';
      space = false;
      if (n < buffer.size())
        buffer[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (c != '.') {
      space = true;
    }
  }
  return {buffer.data(), n};
}

// Whether the key of `t` starts the way a unit's kind does (unit_kind_of_name's words, each at
// least four letters long, begin with one of these): most items do not, and are told so without
// making their key.
bool may_name_unit(std::string_view t) {
  static constexpr std::array<std::string_view, 9> kKindStarts = {"sub", "sek", "bid", "bag", "upt",
                                                                  "uni", "ins", "kel", "asi"};
  // An item that starts with a letter starts its key with that letter, lowered: one that no
  // start begins with is turned away at once.
  if (!t.empty() && text::is_alpha(t.front())) {
    const char first = static_cast<char>(t.front() | 0x20);
    if (first != 's' && first != 'b' && first != 'u' && first != 'i' && first != 'k' &&
        first != 'a')
      return false;
  }
  std::array<char, 3> buffer{};
  const std::string_view start = key_start(t, buffer);
  return std::find(kKindStarts.begin(), kKindStarts.end(), start) != kKindStarts.end();
}

// The kind of unit each list item names, read once per item: the structure list, the lists of
// sub-units and the units added ask about the same items, and reading the kind makes the key of
// the item's start. Only the items whose key may start a kind's are kept.
class UnitItems {
 public:
  std::optional<UnitKind> kind_of(const Node& item) {
    if (!may_name_unit(item.text)) return std::nullopt;
    auto [it, added] = kinds_.try_emplace(&item);
    if (added) it->second = unit_kind_of_name(name_start(item.text));
    return it->second;
  }
  bool names_unit(const Node& item) { return kind_of(item).has_value(); }

 private:
  std::unordered_map<const Node*, std::optional<UnitKind>> kinds_;
};

// What the structure reading builds besides the extraction: the positions lists name, and the
// units by name, so that each lookup is one hash probe whatever the number of units.
struct StructureDraft {
  std::vector<ListedPosition> listed;
  std::unordered_map<std::string, std::string> by_parent_and_name;  // parent id + key -> id
  std::unordered_map<std::string, std::string> by_name;             // name key -> first id
  UnitItems unit_items;

  // A unit's place: its parent's id and its name's key (`key`, text::name_key of the name, made
  // once by the caller for both the lookup and the adding).
  static std::string slot(const std::string& parent, const std::string& key) {
    return parent + '\x1f' + key;
  }
  void add(const Unit& u, const std::string& key) {
    by_parent_and_name.emplace(slot(u.parent, key), u.id);
    by_name.emplace(key, u.id);
  }
  const std::string* existing(const std::string& key, const std::string& parent) const {
    const auto it = by_parent_and_name.find(slot(parent, key));
    return it == by_parent_and_name.end() ? nullptr : &it->second;
  }
};

// How many units the items of `n` name, or the items of its items ("a. Kepala Dinas,
// membawahkan: 1. Sekretariat ..."), counted up to `enough` at most.
int units_listed(const Node& n, int enough, UnitItems& unit_items) {
  int units = 0;
  for (const Node& c : n.children) {
    if (units >= enough) break;
    if (!is_list_item(c.kind)) continue;
    if (unit_items.names_unit(c)) {
      ++units;
    } else {
      for (const Node& g : c.children)
        if (is_list_item(g.kind) && unit_items.names_unit(g)) ++units;
    }
  }
  return units;
}

// The structure article: the node that lists the agency's units ("terdiri atas/dari").
// The structure list and where it stands ("Pasal 3 ayat (1)").
struct StructureList {
  const Node* node = nullptr;
  std::string article;
};

StructureList find_structure_list(const Document& doc, UnitItems& unit_items) {
  StructureList best;
  int best_units = 1;
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>& path) {
    if (n.kind != NodeKind::Verse && n.kind != NodeKind::Article) return;
    // Only a list with more units than the best so far matters: that many are counted first,
    // then the words that make it a list of parts are searched for through its text, and only
    // then are all its units counted.
    if (units_listed(n, best_units + 1, unit_items) <= best_units) return;
    if (made_of_at(n.text) == std::string::npos) return;
    best = {&n, citation_path(path, n)};
    best_units = units_listed(n, std::numeric_limits<int>::max(), unit_items);
  });
  return best;
}

std::string unit_name_of(std::string_view item) {
  const std::string name = cut_at(item, {"yang", "terdiri", "membawahi", "membawahkan", "sebanyak",
                                         "meliputi", "dipimpin", "eselon"});
  // Cut at the colon and the semicolon in place, copied once by title_case.
  return text::title_case(before_view(before_view(name, ":"), ";"));
}

bool has_unit_items(const Node& n, UnitItems& unit_items) {
  return std::any_of(n.children.begin(), n.children.end(), [&](const Node& c) {
    return is_list_item(c.kind) && unit_items.names_unit(c);
  });
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
    auto kind = draft.unit_items.kind_of(item);
    if (!kind) {
      // "a. Kepala Dinas, membawahkan: 1. Sekretariat ...": the units under a position.
      if (has_unit_items(item, draft.unit_items)) {
        add_units(item, parent, here, out, draft);
      } else if (names_position(item.text)) {
        draft.listed.push_back({text::title_case(unit_name_of(item.text)), parent, item.span});
      }
      continue;
    }
    const std::string name = unit_name_of(item.text);
    const bool generic = text::iequals(name, to_string(*kind)) && *kind != UnitKind::Sekretariat &&
                         *kind != UnitKind::KelompokJabatanFungsional && *kind != UnitKind::Uptd;
    const bool has_sub_units = has_unit_items(item, draft.unit_items);
    if (generic && has_sub_units) {
      // "bidang, sebanyak 3 (tiga) bidang, meliputi: 1. ... 2. ...": the items are the units.
      add_units(item, parent, here, out, draft);
      continue;
    }
    std::string id;
    const std::string key = text::name_key(name);
    if (const std::string* known = draft.existing(key, parent)) {
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
      draft.add(u, key);
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
      if (!inner_kind) continue;
      std::string inner_name = unit_name_of(inner);
      const std::string inner_key = text::name_key(inner_name);
      if (draft.existing(inner_key, id)) continue;
      Unit sub;
      sub.id = out.next_unit_id();
      sub.name = std::move(inner_name);
      sub.kind = *inner_kind;
      sub.parent = id;
      sub.article = citation_path(path, item);
      sub.source = item.span;
      draft.add(sub, inner_key);
      out.units.push_back(std::move(sub));
    }
  }
}

// Sub-units given in an article of their own: "Sekretariat sebagaimana dimaksud dalam Pasal 4
// huruf b, terdiri atas: a. Sub Bagian ...", "Susunan organisasi Bidang X terdiri atas ...", at
// any depth, each list read once.
void add_sub_unit_lists(const Document& doc, const Node& main_list, Extraction& out,
                        StructureDraft& draft) {
  std::vector<const Node*> inside;
  walk(main_list, [&](const Node& n, const std::vector<const Node*>&) { inside.push_back(&n); });
  std::sort(inside.begin(), inside.end());
  // The lists that may belong to a unit, with the subject they name, found once: only which units
  // are known changes from round to round.
  struct SubUnitList {
    const Node* list;
    std::vector<const Node*> path;  // from the body down to the list itself
    std::string subject;            // name key of the unit whose parts it lists
  };
  std::vector<SubUnitList> lists;
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>& path) {
    // Most nodes list no units (a leaf is told at once): asked before whether the node is inside
    // the main list.
    if (!has_unit_items(n, draft.unit_items) ||
        std::binary_search(inside.begin(), inside.end(), &n))
      return;
    const std::size_t at = made_of_at(n.text);
    if (at == std::string::npos) return;
    std::vector<const Node*> here = path;
    here.push_back(&n);
    lists.push_back({&n, std::move(here), subject_key(n.text.substr(0, at))});
  });
  for (int round = 0; round < 4; ++round) {  // a list may name units a later list introduces
    const std::size_t before_round = out.units.size();
    for (const SubUnitList& l : lists) {
      const auto parent = draft.by_name.find(l.subject);
      if (parent == draft.by_name.end()) continue;
      const std::string parent_id = parent->second;
      add_units(*l.list, parent_id, l.path, out, draft);
    }
    if (out.units.size() == before_round) break;
  }
}

// Who leads what, as the text says it: "Kecamatan dipimpin oleh seorang Camat", "Sekretariat
// Kelurahan dipimpin oleh Sekretaris Kelurahan" (subject name key -> title).
// Who leads what, and the sentences that start with `head_led_by` ("Badan dipimpin oleh"), which
// say whom the agency's head answers to: both read in one walk.
struct Leaders {
  std::vector<std::pair<std::string, std::string>> named;  // subject name key -> title
  std::vector<const Node*> head_sentences;
  // The nodes whose text holds "dipimpin oleh " (ignoring case), sorted by address: the reading
  // of duties asks the sentences of the articles again.
  std::vector<const Node*> led;
  // The nodes whose text holds "eselon" or "diangkat dan diberhentikan oleh" (ignoring case), in
  // document order: the only ones the reading of grades and appointments reads.
  std::vector<const Node*> graded;
};

Leaders leaders_named(const Document& doc, const std::string& head_led_by) {
  Leaders leaders;
  std::vector<std::pair<std::string, std::string>>& out = leaders.named;
  const auto read_clause = [&](std::string_view clause) {
    const std::size_t p = find_spaced(clause, " dipimpin oleh ");
    if (p == std::string::npos) return;
    // The subject and the title cut out of the clause as views, copied once at the end.
    std::string_view subject = before_view(clause.substr(0, p), " sebagaimana");
    for (std::string_view lead : {"setiap ", "masing-masing "}) {
      if (text::istarts_with(subject, lead)) subject.remove_prefix(lead.size());
    }
    std::string_view title_said = after_view(clause.substr(p), "dipimpin oleh ");
    if (text::istarts_with(title_said, "seorang ")) title_said.remove_prefix(8);
    const std::string cut = cut_at(title_said, {"yang", "selaku", "berkedudukan", "serta"});
    const std::string title = text::strip_item_end(
        before_view(before_view(before_view(cut, " dan bertanggung"), " dan berada"), ". "));
    if (!subject.empty() && !title.empty() && title.size() <= 120)
      out.emplace_back(text::name_key(subject), text::title_case(title));
  };
  walk(doc.body, [&](const Node& n, const std::vector<const Node*>&) {
    if (starts_with_prefix(n.text, head_led_by)) leaders.head_sentences.push_back(&n);
    // Every node is searched, for the grades' phrases too: one pass tells the few that hold the
    // words before find_spaced finds where.
    const LeaderAndGradeWords words = leader_and_grade_words(n.text);
    if (words.grade || words.appointed) leaders.graded.push_back(&n);
    if (!words.led) return;
    leaders.led.push_back(&n);
    const std::size_t first = find_spaced(n.text, " dipimpin oleh ");
    if (first == std::string::npos) return;
    if (find_spaced(n.text, " dipimpin oleh ", first + 1) == std::string::npos) {
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
  std::sort(leaders.led.begin(), leaders.led.end());
  return leaders;
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

// The nodes the reading of who leads what found to hold the phrases later readings look for.
struct FoundNodes {
  std::vector<const Node*> led;     // Leaders::led
  std::vector<const Node*> graded;  // Leaders::graded
};

// Adds the positions; returns the nodes that hold "dipimpin oleh " and those that hold a grade's
// phrases (Leaders::led and graded), or nullopt without an agency (no position is added then, and
// no node read).
std::optional<FoundNodes> add_positions(const Document& doc,
                                        const std::vector<ListedPosition>& listed,
                                        Extraction& out) {
  if (!out.agency) return std::nullopt;
  // "Badan dipimpin oleh Kepala Badan yang berkedudukan di bawah dan bertanggung jawab kepada
  // Gubernur melalui Sekretaris Daerah."
  Leaders read = leaders_named(doc, out.agency->short_name + " dipimpin oleh");
  const auto& leaders = read.named;
  Position head;
  head.id = out.next_position_id();
  head.title = leader_of(leaders, out.agency->short_name);
  if (head.title.empty()) head.title = leader_of(leaders, out.agency->name);
  if (head.title.empty()) head.title = agency_head_title(*out.agency);
  head.kind = PositionKind::JptPratama;
  head.source = out.agency->source;
  for (const Node* n : read.head_sentences) {
    if (!head.reports_to.empty()) break;
    head.reports_to = text::strip_item_end(after(n->text, "bertanggung jawab kepada "));
    head.source = n->span;
  }
  const std::string head_id = head.id;
  // The head, a head per unit and the positions listed, at most: room made once, not grown (and
  // every position moved) as they are added.
  out.positions.reserve(out.positions.size() + 1 + out.units.size() + listed.size());
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
  return FoundNodes{std::move(read.led), std::move(read.graded)};
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
  StructureDraft draft;
  const StructureList structure = find_structure_list(doc, draft.unit_items);
  if (!structure.node) return;
  const Node* list = structure.node;
  if (!out.agency) read_agency_of_structure(*list, out);
  add_units(*list, {}, {}, out, draft);
  add_sub_unit_lists(doc, *list, out, draft);
  // The list's own path ("Pasal 3 ayat (1)") prefixes each unit's article.
  for (Unit& u : out.units) u.article = structure.article + " " + u.article;
  const std::optional<FoundNodes> found = add_positions(doc, draft.listed, out);
  add_staf_ahli(doc, out);
  // The positions and units are all known now; the readings below add or rename none.
  const structure::NameKeys keys(out);
  read_grades_and_appointments(doc, out, keys, found ? &found->graded : nullptr);
  read_duties_in_articles(doc, out, keys, found ? &found->led : nullptr);
  read_duties_in_annexes(doc, out, keys);
}

// The chapters of a regulation for several agencies: each titled with an agency's name ("BAB
// III DINAS PENDIDIKAN DAN KEBUDAYAAN", "BAB IV KECAMATAN").
std::vector<const Node*> agency_chapters(const Document& doc) {
  std::vector<const Node*> out;
  for (const Node& c : doc.body.children) {
    if (c.kind != NodeKind::Chapter) continue;
    // title_case changes only the case of the single-spaced title, which agency_kind_of ignores;
    // a title single-spaced already (most are) is read where it stands.
    const bool named = text::is_single_spaced(c.title)
                           ? !agency_kind_of(c.title).empty()
                           : !agency_kind_of(text::collapse_spaces(c.title)).empty();
    if (named) out.push_back(&c);
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
