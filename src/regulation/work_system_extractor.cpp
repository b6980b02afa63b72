// The work system (Sistem Kerja): principles, levels, who decrees teams, assignment mechanisms,
// assignment structures and work flows. Provisions are found by what their words say, never by
// their article numbers: every region numbers its articles its own way.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "regulation/extraction.hpp"
#include "regulation/node_query.hpp"

namespace tatakerja::regulation {
namespace {

constexpr std::size_t npos = std::string_view::npos;

using Path = std::vector<const Node*>;

bool has(std::string_view s, std::string_view needle) {
  return text::ifind(s, needle) != npos;
}

// The first byte of `t` after its leading white space, a letter lowered (ASCII), or '\0'. The
// readers that look for a sentence starting with a phrase ask every node, and most are turned away
// by its first letter without trimming or comparing more.
char lead_letter(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && text::detail::is_white_space(t[i])) ++i;
  return i < t.size() ? static_cast<char>(t[i] | 0x20) : '\0';
}

// Whether that first letter is `lower`, in either case.
bool first_letter_is(std::string_view t, char lower) {
  return lead_letter(t) == lower;
}

// Whether `t`, its leading white space aside, starts with the letters `lower` (lower-case ASCII
// letters) in either case: a heading's first letters, compared before the text is trimmed. The
// readers of headings ask every node that starts with a heading's first letter, and most start
// another word.
bool leads_with(std::string_view t, std::string_view lower) {
  std::size_t i = 0;
  while (i < t.size() && text::detail::is_white_space(t[i])) ++i;
  if (t.size() - i < lower.size()) return false;
  for (std::size_t k = 0; k < lower.size(); ++k)
    if ((t[i + k] | 0x20) != lower[k]) return false;
  return true;
}

// Where a node stands: "Pasal 6 ayat (1)" in the body, "Lampiran II bagian III huruf a" in an
// annex.
std::string where(const Annex* annex, const Path& path, const Node& n) {
  std::string p = citation_path(path, n);
  if (!annex) return p;
  std::string out = "Lampiran";
  if (!annex->label.empty()) out += " " + annex->label;
  if (!p.empty()) out += " " + p;
  return out;
}

// Splits "Sekretaris Dinas/Badan dan Kepala Bidang" or "Kepala Subbagian, Pejabat Fungsional dan
// Pelaksana" into the names.
std::vector<std::string> split_names(std::string_view s) {
  std::vector<std::string> out;
  for (std::string_view part : text::split(s, ',')) {
    std::string_view rest = text::trim(part);
    if (text::istarts_with(rest, "dan ")) rest = text::trim(rest.substr(4));
    if (text::istarts_with(rest, "serta ")) rest = text::trim(rest.substr(6));
    for (std::size_t k = text::ifind_word(rest, "dan"); k != npos;
         k = text::ifind_word(rest, "dan")) {
      std::string_view head = text::trim(rest.substr(0, k));
      if (!head.empty()) out.push_back(text::strip_item_end(head));
      rest = text::trim(rest.substr(k + 3));
    }
    if (!rest.empty()) out.push_back(text::strip_item_end(rest));
  }
  std::erase_if(out, [](const std::string& x) { return x.empty(); });
  return out;
}

// Whether a node has items (list items among its children). Asked of every node, most of them
// leaves: a loop small enough to be inlined where it is asked.
bool has_items(const Node& n) {
  for (const Node& c : n.children)
    if (is_list_item(c.kind)) return true;
  return false;
}

// --- principles ---------------------------------------------------------------------------------

void read_principles(const Node& n, WorkSystem& ws) {
  // The principles are the node's items: a node without any (most are leaves) gives none, and its
  // text is not searched.
  if (!ws.principles.empty() || !has_items(n)) return;
  static const PhraseFinder principles("dengan prinsip");  // every list of the body is searched
  if (principles.find(n.text) == npos) return;
  ws.principles = item_texts(n);
}

// --- levels -------------------------------------------------------------------------------------

void read_level(const Node& n, const Path& path, WorkSystem& ws) {
  if (!first_letter_is(n.text, 'p')) return;
  std::string_view t = text::trim(n.text);
  if (!text::istarts_with(t, "Pejabat Level ")) return;
  std::string_view rest = t.substr(14);
  const std::size_t sp = rest.find(' ');
  if (sp == npos) return;
  std::string_view token = rest.substr(0, sp);
  std::optional<int> level = text::parse_int(token);
  if (!level) level = text::roman_to_int(token);
  if (!level) return;
  std::string_view def = text::trim(rest.substr(sp));
  if (!text::istarts_with(def, "adalah ")) return;
  WorkLevel l;
  l.level = *level;
  l.definition = text::strip_item_end(def.substr(7));
  l.article = citation_path(path, n);
  l.source = n.span;
  ws.levels.push_back(std::move(l));
}

// --- team decrees -------------------------------------------------------------------------------

std::string team_scope(std::string_view subject, std::string_view authority) {
  if (has(subject, "lintas instansi") || has(subject, "antar instansi") ||
      has(subject, "lintas pemerintah"))
    return "lintas_instansi";
  if (has(subject, "antar perangkat daerah") || has(subject, "lintas perangkat daerah"))
    return "antar_perangkat_daerah";
  if (has(subject, "perangkat daerah")) return "perangkat_daerah";
  if (has(subject, "unit organisasi") || has(authority, "unit organisasi"))
    return "unit_organisasi";
  return {};
}

// Whether `t` may say who decrees teams: it holds "tim kerja". "tim kerja", "keputusan" and the
// shortest word before it ("surat") take 23 bytes, none of them overlapping another: a shorter
// text (a heading, a list label) is not searched.
bool may_decree_teams(std::string_view t) {
  constexpr std::size_t kShortestDecree = 23;
  if (t.size() < kShortestDecree) return false;
  static const PhraseFinder team_work("tim kerja");  // every node of the body is searched
  return team_work.find(t) != npos;
}

// Who decrees teams, for a node that may say it (may_decree_teams): called only for the few that
// hold "tim kerja".
void read_team_decree(const Node& n, const Path& path, WorkSystem& ws) {
  const std::string& t = n.text;
  // "menggunakan Surat Keputusan X", "ditetapkan dengan Keputusan X"; not "pengambilan
  // keputusan".
  std::size_t k = npos;
  for (std::size_t at = text::ifind_word(t, "keputusan"); at != npos;
       at = text::ifind_word(t, "keputusan", at + 1)) {
    std::string_view before = text::trim(std::string_view(t).substr(0, at));
    if (text::iends_with(before, "surat") || text::iends_with(before, "dengan") ||
        text::iends_with(before, "menggunakan") || text::iends_with(before, "melalui")) {
      k = at;
      break;
    }
  }
  if (k == npos) return;
  std::string authority = text::strip_item_end(std::string_view(t).substr(k + 9));
  if (authority.empty()) return;
  TeamDecreeAuthority d;
  d.scope = team_scope(std::string_view(t).substr(0, k), authority);
  d.authority = text::title_case(authority);
  d.article = citation_path(path, n);
  d.source = n.span;
  ws.team_decrees.push_back(std::move(d));
}

// --- assignment mechanisms ----------------------------------------------------------------------

// "penunjukan_lintas_unit" and so on for a mechanism heading, or empty.
std::string mechanism_of(std::string_view t) {
  // Every node that starts with an "m" is asked, and most start another word ("menetapkan",
  // "mempunyai", "melaksanakan").
  if (!leads_with(t, "mek")) return {};
  t = text::trim(t);
  if (!text::istarts_with(t, "mekanisme ")) return {};
  std::string_view head = t.substr(0, std::min<std::size_t>(t.size(), 90));
  const bool appointment = text::istarts_with(t.substr(10), "penunjukan");
  const bool volunteer = has(head, "sukarela");
  if (!appointment && !volunteer) return {};
  std::string where_;
  if (has(head, "lintas instansi") || has(head, "lintas instansi pemerintah")) {
    where_ = "lintas_instansi";
  } else if (has(head, "lintas unit")) {
    where_ = "lintas_unit";
  } else if (has(head, "dalam unit")) {
    where_ = "dalam_unit";
  } else {
    return {};
  }
  if (volunteer) return where_ == "lintas_instansi" ? std::string{} : "sukarela_" + where_;
  return "penunjukan_" + where_;
}

void read_mechanism(const Annex* annex, const Node& n, const Path& path, WorkSystem& ws) {
  const std::string mech = mechanism_of(n.text);
  if (mech.empty()) return;
  for (const auto& m : ws.mechanisms)
    if (m.mechanism == mech) return;
  AssignmentMechanism m;
  m.mechanism = mech;
  for (const Node& c : n.children) {
    if (!is_list_item(c.kind) || !mechanism_of(c.text).empty()) continue;
    m.steps.push_back(item_text(c));
  }
  m.article = where(annex, path, n);
  m.source = n.span;
  ws.mechanisms.push_back(std::move(m));
}

// --- assignment structures ----------------------------------------------------------------------

// "Sekretariat Daerah" from "Struktur penugasan pada Sekretariat Daerah berlaku ketentuan ...".
std::string structure_agency(std::string_view t) {
  // Every node that starts with an "s" is asked ("sebagaimana", "sekretariat", "setiap" ...).
  if (!leads_with(t, "str")) return {};
  t = text::trim(t);
  if (!text::istarts_with(t, "struktur penugasan pada ")) return {};
  std::string_view rest = t.substr(24);
  const std::size_t b = text::ifind_word(rest, "berlaku");
  if (b == npos) return {};
  return text::collapse_spaces(rest.substr(0, b));
}

void add_rule(AssignmentStructure& s, std::string actor, std::string action,
              std::vector<std::string> subjects, const std::string& item) {
  AssignmentRule r;
  r.actor = std::move(actor);
  r.action = std::move(action);
  r.subjects = std::move(subjects);
  r.text = item;
  s.rules.push_back(std::move(r));
}

void read_rules(const std::string& item, AssignmentStructure& s) {
  if (has(item, "tercantum dalam lampiran")) return;  // a reference to the chart, not a rule
  constexpr std::string_view kTarget = "menetapkan target kinerja dan menilai kinerja";
  constexpr std::string_view kAssign = "memberikan penugasan";
  constexpr std::string_view kRole = "berperan selaku";
  const std::size_t target = text::ifind(item, kTarget);
  const std::size_t assign = text::ifind(item, kAssign);
  const std::size_t role = text::ifind(item, kRole);
  const std::size_t first = std::min({target, assign, role});
  if (first == npos) {
    add_rule(s, {}, "lainnya", {}, item);
    return;
  }
  std::string_view actor = text::trim(std::string_view(item).substr(0, first));
  // "Kepala Dinas selaku Pejabat Penilai Kinerja sekaligus selaku Pimpinan Unit Organisasi ..."
  const std::size_t selaku = text::ifind_word(actor, "selaku");
  if (selaku != npos) {
    std::string_view as = actor.substr(selaku);
    actor = text::trim(actor.substr(0, selaku));
    if (has(as, "penilai kinerja") && has(as, "pimpinan unit"))
      add_rule(s, std::string(actor), "penilai_dan_pimpinan_unit", {}, item);
  }
  if (role != npos && role == first) {
    std::string_view as = std::string_view(item).substr(role);
    if (has(as, "penilai kinerja") && has(as, "pimpinan unit"))
      add_rule(s, std::string(actor), "penilai_dan_pimpinan_unit", {}, item);
    else
      add_rule(s, std::string(actor), "lainnya", {}, item);
    return;
  }
  auto subjects_after = [&](std::size_t from) {
    std::string_view rest = std::string_view(item).substr(from);
    // "... menilai kinerja serta memberikan penugasan bagi X": the subjects come after the last
    // verb.
    if (const std::size_t bagi = text::ifind_word(rest, "bagi"); bagi != npos)
      rest = rest.substr(bagi + 4);
    else if (const std::size_t kepada = text::ifind_word(rest, "kepada"); kepada != npos)
      rest = rest.substr(kepada + 6);
    return split_names(rest);
  };
  if (target != npos) {
    std::string_view rest = std::string_view(item).substr(target + kTarget.size());
    std::vector<std::string> subjects;
    if (assign != npos && assign > target)
      subjects = subjects_after(assign + kAssign.size());
    else
      subjects = split_names(rest);
    add_rule(s, std::string(actor), "menetapkan_target_dan_menilai", subjects, item);
    if (assign != npos && assign > target)
      add_rule(s, std::string(actor), "memberikan_penugasan", subjects, item);
    return;
  }
  add_rule(s, std::string(actor), "memberikan_penugasan", subjects_after(assign + kAssign.size()),
           item);
}

void read_structure(const Node& n, const Path& path, WorkSystem& ws) {
  if (!first_letter_is(n.text, 's')) return;  // as structure_agency would, without the call
  std::string agency = structure_agency(n.text);
  if (agency.empty()) return;
  // The umbrella ("Struktur Penugasan pada Perangkat Daerah ...") holds the structures.
  for (const Node& c : n.children)
    if (!structure_agency(c.text).empty()) return;
  AssignmentStructure s;
  s.agency_kind = std::move(agency);
  for (const Node& c : n.children)
    if (is_list_item(c.kind)) read_rules(item_text(c), s);
  s.article = citation_path(path, n);
  s.source = n.span;
  ws.assignment_structures.push_back(std::move(s));
}

// --- work flows ---------------------------------------------------------------------------------

// "perencanaan" for "Tahap Perencanaan antara lain:", "Perencanaan, dengan pelaksanaan sebagai
// berikut:"; empty when the item is no stage heading (or only refers to one).
// The first letter of `t`, lowered (ASCII), or '\0'.
char first_letter(std::string_view t) {
  return t.empty() ? '\0' : static_cast<char>(t.front() | 0x20);
}

// Every list item of the text is asked: each word is compared only with the items that start
// with its letter.
std::string_view stage_named_first(std::string_view t) {
  if (first_letter(t) == 't') {
    for (std::string_view p : {"tahapan ", "tahap "})
      if (text::istarts_with(t, p)) {
        t = text::trim(t.substr(p.size()));
        break;
      }
  }
  switch (first_letter(t)) {
    case 'p':
      if (text::istarts_with(t, "perencanaan")) return "perencanaan";
      if (text::istarts_with(t, "pelaksanaan")) return "pelaksanaan";
      return {};
    case 'e':
      return text::istarts_with(t, "evaluasi") ? "evaluasi" : std::string_view();
    case 'm':
      return text::istarts_with(t, "monitoring dan evaluasi") ? "evaluasi" : std::string_view();
    default:
      return {};
  }
}

// Whether `t` may name a stage: its first letter is one a stage (or "tahap") starts with. The
// children of every node are asked.
bool may_name_stage(std::string_view t) {
  const char c = lead_letter(t);
  return c == 't' || c == 'p' || c == 'e' || c == 'm';
}

std::string stage_of(std::string_view t) {
  t = text::trim(t);
  // The stage its first words name, then whether it only refers to one: every list item of the
  // text is asked, and few start with a stage, so the search through the whole item comes last.
  const std::string_view stage = stage_named_first(t);
  if (stage.empty() || has(t, "sebagaimana dimaksud")) return {};
  return std::string(stage);
}

bool is_agency_word(std::string_view w) {
  for (std::string_view a : {"sekretariat", "inspektorat", "dinas", "badan", "uptd", "kecamatan",
                             "kelurahan", "satuan", "rumah"})
    if (text::istarts_with(w, a)) return true;
  return false;
}

// "pada Sekretariat DPRD, Inspektorat Daerah, dan Dinas/Badan berlaku" -> the three kinds.
std::vector<std::string> flow_agencies(std::string_view t) {
  std::vector<std::string> out;
  const std::size_t pada = text::ifind_word(t, "pada");
  if (pada == npos) return out;
  std::string_view rest = t.substr(pada + 4);
  const std::size_t berlaku = text::ifind_word(rest, "berlaku");
  if (berlaku == npos) return out;
  rest = rest.substr(0, berlaku);
  for (std::string_view part : text::split(rest, ',')) {
    std::string_view p = text::trim(part);
    if (text::istarts_with(p, "dan ")) p = text::trim(p.substr(4));
    // "Sekretariat Daerah dan Sekretariat DPRD" splits; "UPTD Pendidikan Formal dan Non formal"
    // does not.
    for (std::size_t k = text::ifind_word(p, "dan"); k != npos;
         k = text::ifind_word(p, "dan", k + 1)) {
      std::string_view next = text::trim(p.substr(k + 3));
      if (is_agency_word(next)) {
        out.push_back(text::collapse_spaces(p.substr(0, k)));
        p = next;
        k = 0;
      }
    }
    if (!p.empty()) out.push_back(text::collapse_spaces(p));
  }
  return out;
}

// The kind of the text's own agency, for flows that do not name one.
std::string own_agency_kind(const Document& doc, const Extraction& out) {
  if (out.agency && !out.agency->kind.empty()) return out.agency->kind;
  const std::string& title = doc.heading.title;
  for (std::string_view k : {"Sekretariat Daerah", "Sekretariat DPRD", "Inspektorat", "Dinas",
                             "Badan", "Kecamatan", "Kelurahan", "UPTD"})
    if (text::ifind_word(title, k) != npos) return std::string(k);
  return {};
}

// Whether `n` may be a work flow: one of its items may name a stage and has steps (items of its
// own). A list none of whose items is so is no flow, told in the walk before read_flow is called.
// (Whether an item has items is asked before its first letter: most items are leaves.)
bool may_be_flow(const Node& n) {
  return n.children.size() >= 2 &&  // two stages or more
         std::any_of(n.children.begin(), n.children.end(), [](const Node& c) {
           return is_list_item(c.kind) && has_items(c) && may_name_stage(c.text);
         });
}

// The work flow a list gives, for a list that may be one (may_be_flow).
void read_flow(const Document& doc, const Annex* annex, const Node& n, const Path& path,
               Extraction& out) {
  WorkSystem& ws = out.work_system;
  const auto may_be_stage = [](const Node& c) {
    return is_list_item(c.kind) && may_name_stage(c.text);
  };
  // The stages first, their steps' texts only for a flow: a list of two or more stages, one of
  // them with steps.
  std::vector<std::pair<std::string, const Node*>> stages;
  for (const Node& c : n.children) {
    if (!may_be_stage(c)) continue;
    std::string stage = stage_of(c.text);
    if (!stage.empty()) stages.emplace_back(std::move(stage), &c);
  }
  if (stages.size() < 2) return;
  const bool any_steps = std::any_of(stages.begin(), stages.end(),
                                     [&](const auto& s) { return has_items(*s.second); });
  if (!any_steps) return;
  WorkFlow f;
  for (auto& [stage, item] : stages) {
    FlowStage st;
    st.stage = std::move(stage);
    st.steps = item_texts(*item);
    f.stages.push_back(std::move(st));
  }
  f.agency_kinds = flow_agencies(n.text);
  if (f.agency_kinds.empty()) {
    std::string own = own_agency_kind(doc, out);
    if (!own.empty()) f.agency_kinds.push_back(std::move(own));
  }
  f.article = where(annex, path, n);
  f.source = n.span;
  ws.flows.push_back(std::move(f));
}

}  // namespace

void extract_work_system(const Document& doc, Extraction& out) {
  WorkSystem& ws = out.work_system;
  // One walk for all the readers (each adds to its own list, in document order): the body, whose
  // every node each reader asks, then the annexes, where mechanisms and flows are written too. The
  // cheap tests that turn most nodes away (the first letter a heading starts with, the children a
  // list has) are made here, once per node, before a reader is called.
  const auto read_everywhere = [&](const Annex* annex, const Node& n, const Path& path, char lead) {
    // A mechanism's heading ("Mekanisme ..."), then a list of stages: each reader called only
    // for the nodes that may be one.
    if (lead == 'm' && leads_with(n.text, "mek")) read_mechanism(annex, n, path, ws);
    if (may_be_flow(n)) read_flow(doc, annex, n, path, out);
  };
  walk(doc.body, [&](const Node& n, const Path& path) {
    const char lead = lead_letter(n.text);
    read_principles(n, ws);
    if (lead == 'p') read_level(n, path, ws);  // "Pejabat Level ..."
    if (may_decree_teams(n.text)) read_team_decree(n, path, ws);
    if (lead == 's') read_structure(n, path, ws);  // "Struktur penugasan pada ..."
    read_everywhere(nullptr, n, path, lead);
  });
  for (const Annex& a : doc.annexes)
    walk(a.content, [&](const Node& n, const Path& path) {
      read_everywhere(&a, n, path, lead_letter(n.text));
    });
}

}  // namespace tatakerja::regulation
