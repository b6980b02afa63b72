// The work system's diagrams (issue 12 item 7), drawn from the same definitions the code runs so
// that a drawing cannot disagree with the behaviour:
// - a mechanism's state machine (work::mechanisms(), which app/assignments.cpp runs): one node per
//   state, a start node into the first state, one edge per transition with the role that may take
//   it;
// - an agency kind's assignment structure and review flow (the region's effective rules of kinds
//   AssignmentStructure and Flow, app/work_rules.hpp): the review chain as a column of boxes, the
//   structure's items as numbered text.
// The DOT text is made by pure functions (tests read it); dot_to_svg lays it out and renders it
// with Graphviz (dot layout, its own SVG writer), serialised with every other use of Graphviz in
// the process.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "work/mechanisms.hpp"
#include "work/model.hpp"

namespace tatakerja::documents {

// What a structure diagram draws at most (a rule changed by hand may hold 100 items of 4000 bytes):
// the first kDiagramMaxChain stops of the review chain and kDiagramMaxItems items, each cut to
// kDiagramMaxItemChars characters; what is left out is named in a closing line.
inline constexpr std::size_t kDiagramMaxChain = 12;
inline constexpr std::size_t kDiagramMaxItems = 20;
inline constexpr std::size_t kDiagramMaxItemChars = 400;

// `text` as the body of a DOT quoted string: '"' and '\' escaped, '&' written as "&amp;" (so that
// Graphviz's SVG writer shows it as written, even "&lt;"), a line break as "\n" (centred) or
// `line_end` ("\l" for left-aligned lines), other control characters as a space, and invalid UTF-8
// replaced by U+FFFD.
std::string dot_escape(std::string_view text, std::string_view line_end = "\\n");

// `text` broken into lines of at most `width` characters at spaces (a longer word stays whole).
std::string wrap_text(std::string_view text, std::size_t width);

// The DOT id of a state node: "s_<state key>" (quoted where it is used).
std::string state_node_id(std::string_view state_key);
// The label of a transition's edge, unescaped: "<name> (<role label>)", then a line "menunjuk
// pejabat" when the step names the official and a line "alasan wajib" when a reason is required.
std::string transition_label(const work::Transition& t);
// The label of the start edge: "<first step> (<role label of the first role>)".
std::string first_step_label(const work::Mechanism& m);

// The state machine of `m` as a DOT digraph, one statement a line: a node line
// `  "s_<key>" [label="..." ...];` per state (a waiting state dashed and marked "menunggu
// jawaban", a final state filled and double-bordered), the start node `  "mulai" [...]`, and an
// edge line `  "<from>" -> "<to>" [label="..."];` per transition plus the start edge into
// first_state. Pure.
std::string mechanism_dot(const work::Mechanism& m);

// The assignment structure and review flow of one agency kind as a DOT digraph, one column:
// titled with `kind_label`; from `structure` (may be null) one note "struktur" headed "Struktur
// penugasan" with the rule's source and its items numbered and left-aligned; from `flow` (may be
// null) a heading "alur" with the rule's source over the review chain (its statement split on
// " > ") as boxes `"r<i>"` joined top to bottom, the last one marked as the one who accepts.
// Invisible edges keep the parts in order; no clusters. Bounded by the kDiagram* limits. Pure.
std::string structure_dot(std::string_view kind_label, const work::Rule* structure,
                          const work::Rule* flow);

// The review chain of a Flow rule's statement ("Kepala Bagian > Asisten Daerah > Sekretaris
// Daerah"): its parts, trimmed, empty ones dropped.
std::vector<std::string> chain_of(std::string_view statement);

// `dot` laid out by Graphviz's dot and rendered to SVG (UTF-8, starting with "<?xml"). Holds the
// process's Graphviz lock while it runs. Throws std::runtime_error when Graphviz cannot read the
// text or lay it out (a bug: the *_dot functions write only what it reads).
std::string dot_to_svg(const std::string& dot);

// The SVG of the mechanism `key`, rendered once per process and kept (it depends only on the
// definitions compiled in); null for an unknown key. Thread-safe.
const std::string* mechanism_svg(std::string_view key);

}  // namespace tatakerja::documents
