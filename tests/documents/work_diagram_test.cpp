// The work system's diagrams (issue 12 item 7) drawn from the definitions the code runs: the DOT of
// every mechanism of work::mechanisms() (never a list written here) has one node per state and one
// edge per transition, each labelled with its step and role; the structure diagram of each agency
// kind's default rules holds its review chain and its items; labels are escaped for DOT; and the
// SVG Graphviz renders is well-formed XML (read by expat) showing every label.
#include <expat.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "documents/work_diagram.hpp"
#include "work/mechanisms.hpp"
#include "work/rules.hpp"

namespace tatakerja::documents {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::size_t count_lines(const std::string& dot, const std::string& prefix) {
  std::size_t n = 0;
  for (const auto& l : lines_of(dot)) {
    if (l.rfind(prefix, 0) == 0) ++n;
  }
  return n;
}

std::size_t edge_lines(const std::string& dot) {
  std::size_t n = 0;
  for (const auto& l : lines_of(dot)) {
    if (l.find("\" -> \"") != std::string::npos) ++n;
  }
  return n;
}

// The label of a transition as the diagram must show it, built here from the definition's fields.
std::string expected_label(const work::Transition& t) {
  std::string s = std::string(t.name) + " (" + std::string(work::role_label(t.role)) + ")";
  if (t.names_official) s += "\\nmenunjuk pejabat";
  if (t.reason_required) s += "\\nalasan wajib";
  return s;
}

TEST(MechanismDot, OneNodePerStateAndOneEdgePerTransition) {
  ASSERT_FALSE(work::mechanisms().empty());
  for (const auto& m : work::mechanisms()) {
    SCOPED_TRACE(std::string(m.key));
    const std::string dot = mechanism_dot(m);
    EXPECT_EQ(dot.rfind("digraph \"" + std::string(m.key) + "\" {", 0), 0U);
    // A line per state node and per transition edge starts with a state id; the start node and
    // the start edge start with "mulai".
    EXPECT_EQ(count_lines(dot, "  \"s_"), m.states.size() + m.transitions.size());
    EXPECT_EQ(count_lines(dot, "  \"mulai\" ["), 1U);
    for (const auto& s : m.states) {
      EXPECT_EQ(count_lines(dot, "  \"s_" + std::string(s.key) + "\" [label="), 1U) << s.key;
    }
    // One edge per transition, and the start edge into the first state.
    EXPECT_EQ(edge_lines(dot), m.transitions.size() + 1);
    for (const auto& t : m.transitions) {
      const std::string line = "  \"s_" + std::string(t.from) + "\" -> \"s_" + std::string(t.to) +
                               "\" [label=\"" + expected_label(t) + "\"];";
      EXPECT_EQ(count_lines(dot, line), 1U) << line;
      // Both ends are states of the mechanism: an edge never points at an undrawn node.
      EXPECT_NE(work::find_state(m, t.from), nullptr) << t.from;
      EXPECT_NE(work::find_state(m, t.to), nullptr) << t.to;
    }
    const std::string start = "  \"mulai\" -> \"s_" + std::string(m.first_state) + "\" [label=\"" +
                              std::string(m.first_step) + " (" +
                              std::string(work::role_label(m.first_role)) + ")\"";
    EXPECT_EQ(count_lines(dot, start), 1U) << start;
  }
}

TEST(MechanismDot, WaitingAndFinalStatesAreMarked) {
  for (const auto& m : work::mechanisms()) {
    const std::string dot = mechanism_dot(m);
    for (const auto& s : m.states) {
      std::string node_line;
      for (const auto& l : lines_of(dot)) {
        if (l.rfind("  \"s_" + std::string(s.key) + "\" [", 0) == 0) node_line = l;
      }
      ASSERT_FALSE(node_line.empty()) << s.key;
      EXPECT_EQ(node_line.find("(menunggu jawaban)") != std::string::npos, s.waiting) << s.key;
      EXPECT_EQ(node_line.find("dashed") != std::string::npos, s.waiting) << s.key;
      EXPECT_EQ(node_line.find("peripheries=2") != std::string::npos, s.final) << s.key;
      EXPECT_EQ(node_line.find("(akhir)") != std::string::npos, s.final) << s.key;
    }
  }
}

TEST(DotEscape, QuotesBackslashesLineBreaksAndBadBytes) {
  EXPECT_EQ(dot_escape("a \"b\" \\c"), "a \\\"b\\\" \\\\c");
  EXPECT_EQ(dot_escape("x\ny"), "x\\ny");
  EXPECT_EQ(dot_escape("x\ny", "\\l"), "x\\ly");
  EXPECT_EQ(dot_escape("A & B <C> &lt;"), "A &amp; B <C> &amp;lt;");
  EXPECT_EQ(dot_escape("tab\there\x01"), "tab here ");
  EXPECT_EQ(dot_escape("Dinas Penanaman Modal — Pelayanan"), "Dinas Penanaman Modal — Pelayanan");
  EXPECT_EQ(dot_escape("bad \xC3( \xED\xA0\x80 end"),
            "bad \xEF\xBF\xBD( \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end");
}

TEST(WrapText, BreaksAtSpacesWithinTheWidth) {
  EXPECT_EQ(wrap_text("Menunggu persetujuan pejabat penilai", 20),
            "Menunggu persetujuan\npejabat penilai");
  EXPECT_EQ(wrap_text("  satu   dua ", 40), "satu dua");
  EXPECT_EQ(wrap_text("Penanamanmodaldanpelayanan x", 10), "Penanamanmodaldanpelayanan\nx");
}

TEST(StructureDot, EveryAgencyKindOfTheDefaultsDrawsItsChainAndItems) {
  const auto rules = work::default_rules("Wali Kota");
  std::size_t kinds = 0;
  for (const auto& structure : rules) {
    if (structure.kind != work::RuleKind::AssignmentStructure) continue;
    ++kinds;
    SCOPED_TRACE(structure.key);
    const auto* flow = work::find_rule(rules, work::RuleKind::Flow, structure.key);
    ASSERT_NE(flow, nullptr);
    const std::string dot = structure_dot(work::agency_kind_label(structure.key), &structure, flow);
    EXPECT_NE(dot.find(dot_escape(std::string(work::agency_kind_label(structure.key)))),
              std::string::npos);
    // The chain: one box per stop of the statement, in order, joined top to bottom.
    const auto chain = chain_of(flow->statement);
    ASSERT_FALSE(chain.empty());
    for (std::size_t i = 0; i < chain.size(); ++i) {
      const std::string box = "  \"r" + std::to_string(i) + "\" [label=\"";
      EXPECT_EQ(count_lines(dot, box), 1U) << box;
    }
    // The chain's links, and the invisible ones that keep the parts in one column.
    EXPECT_EQ(edge_lines(dot), chain.size() - 1 + 2);
    EXPECT_EQ(count_lines(dot, "  \"r" + std::to_string(chain.size()) + "\""), 0U);
    EXPECT_EQ(dot.find("subgraph"), std::string::npos);  // no clusters (Graphviz 2.43 leaks them)
    // The one who accepts is last.
    const auto last = dot.find("  \"r" + std::to_string(chain.size() - 1) + "\" [label=");
    ASSERT_NE(last, std::string::npos);
    EXPECT_NE(dot.find("menerima hasil", last), std::string::npos);
    // Every item, numbered, with its words (wrapped lines end with "\l").
    for (std::size_t i = 0; i < structure.items.size(); ++i) {
      EXPECT_NE(dot.find(std::to_string(i + 1) + ". "), std::string::npos);
      const auto first_word = structure.items[i].substr(0, structure.items[i].find(' '));
      EXPECT_NE(dot.find(std::to_string(i + 1) + ". " + first_word), std::string::npos);
    }
    EXPECT_NE(dot.find("ketentuan bawaan: Lampiran, PermenPANRB 7/2022"), std::string::npos);
  }
  EXPECT_GE(kinds, 5U);  // Sekretariat Daerah, Dinas/Badan, DPMPTSP, UPTD, sekolah
}

TEST(StructureDot, SekretariatDaerahChainAsThe004LampiranWritesIt) {
  const auto rules = work::default_rules("Wali Kota");
  const auto* flow = work::find_rule(rules, work::RuleKind::Flow, "sekretariat_daerah");
  ASSERT_NE(flow, nullptr);
  EXPECT_EQ(chain_of(flow->statement),
            (std::vector<std::string>{"Kepala Bagian", "Asisten Daerah", "Sekretaris Daerah"}));
  const std::string dot = structure_dot("Sekretariat Daerah", nullptr, flow);
  EXPECT_NE(dot.find("\"r0\" -> \"r1\""), std::string::npos);
  EXPECT_NE(dot.find("\"r1\" -> \"r2\""), std::string::npos);
  EXPECT_EQ(dot.find("struktur\" ["), std::string::npos);  // no structure rule given
}

TEST(StructureDot, BoundedForARuleChangedByHand) {
  work::Rule structure;
  structure.kind = work::RuleKind::AssignmentStructure;
  structure.key = "uptd";
  for (int i = 0; i < 100; ++i) structure.items.push_back(std::string(4000, 'x'));
  work::Rule flow;
  flow.kind = work::RuleKind::Flow;
  flow.key = "uptd";
  for (int i = 0; i < 40; ++i) flow.statement += (i ? " > " : "") + std::string("Kepala ") + "x";
  const std::string dot = structure_dot("UPTD", &structure, &flow);
  EXPECT_LT(dot.size(), 20000U);
  EXPECT_NE(dot.find("(80 butir lain tidak digambar)"), std::string::npos);
  EXPECT_NE(dot.find("(28 peninjau lain tidak digambar)"), std::string::npos);
  EXPECT_NE(dot.find("\xE2\x80\xA6"), std::string::npos);  // an item cut with "…"
}

TEST(StructureDot, EscapesWhatARegulationOrAnAdministratorWrote) {
  work::Rule structure;
  structure.kind = work::RuleKind::AssignmentStructure;
  structure.items = {"Kepala \"Dinas\" & <Bidang> \\ menugaskan"};
  work::Rule flow;
  flow.kind = work::RuleKind::Flow;
  flow.statement = "Kepala \"A\" > Kepala <B>";
  const std::string dot = structure_dot("Dinas \"X\"", &structure, &flow);
  EXPECT_NE(dot.find("Kepala \\\"Dinas\\\" &amp; <Bidang> \\\\ menugaskan"), std::string::npos);
  EXPECT_NE(dot.find("Dinas \\\"X\\\""), std::string::npos);
  // Graphviz reads it and the SVG shows the text as written.
  const std::string svg = dot_to_svg(dot);
  EXPECT_NE(svg.find("Kepala &quot;Dinas&quot; &amp; &lt;Bidang&gt; \\ menugaskan"),
            std::string::npos);
  EXPECT_NE(svg.find("Kepala &lt;B&gt;"), std::string::npos);
}

// The SVG read by expat: well formed, with the text of its <text> elements joined by spaces.
struct SvgRead {
  bool well_formed = false;
  std::string root;
  std::string text;  // every <text> element's characters, one space between elements
  bool in_text = false;
};

SvgRead read_svg(const std::string& svg) {
  SvgRead r;
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &r);
  XML_SetElementHandler(
      p,
      [](void* data, const XML_Char* name, const XML_Char**) {
        auto* s = static_cast<SvgRead*>(data);
        if (s->root.empty()) s->root = name;
        if (std::string_view(name) == "text") {
          s->in_text = true;
          if (!s->text.empty()) s->text += ' ';
        }
      },
      [](void* data, const XML_Char* name) {
        if (std::string_view(name) == "text") static_cast<SvgRead*>(data)->in_text = false;
      });
  XML_SetCharacterDataHandler(p, [](void* data, const XML_Char* chars, int length) {
    auto* s = static_cast<SvgRead*>(data);
    if (s->in_text) s->text.append(chars, static_cast<std::size_t>(length));
  });
  r.well_formed = XML_Parse(p, svg.data(), static_cast<int>(svg.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(p);
  return r;
}

TEST(MechanismSvg, WellFormedAndShowsEveryStateAndStep) {
  for (const auto& m : work::mechanisms()) {
    SCOPED_TRACE(std::string(m.key));
    const std::string svg = dot_to_svg(mechanism_dot(m));
    EXPECT_EQ(svg.rfind("<?xml", 0), 0U);
    const SvgRead read = read_svg(svg);
    ASSERT_TRUE(read.well_formed);
    EXPECT_EQ(read.root, "svg");
    EXPECT_NE(read.text.find(std::string(m.label)), std::string::npos) << read.text;
    for (const auto& s : m.states) {
      EXPECT_NE(read.text.find(std::string(s.label)), std::string::npos) << s.label;
    }
    for (const auto& t : m.transitions) {
      const std::string step = std::string(t.name) + " (" + std::string(work::role_label(t.role));
      EXPECT_NE(read.text.find(step), std::string::npos) << step;
    }
    EXPECT_LT(svg.size(), 64U * 1024);
    // Kept once per process: the same text as a fresh render.
    const std::string* kept = mechanism_svg(m.key);
    ASSERT_NE(kept, nullptr);
    EXPECT_EQ(*kept, svg);
  }
  EXPECT_EQ(mechanism_svg("tidak_ada"), nullptr);
}

TEST(StructureSvg, WellFormedWithIndonesianText) {
  const auto rules = work::default_rules("Bupati");
  const auto* s = work::find_rule(rules, work::RuleKind::AssignmentStructure, "dpmptsp");
  const auto* f = work::find_rule(rules, work::RuleKind::Flow, "dpmptsp");
  ASSERT_TRUE(s != nullptr && f != nullptr);
  const std::string svg = dot_to_svg(structure_dot(work::agency_kind_label("dpmptsp"), s, f));
  const SvgRead read = read_svg(svg);
  ASSERT_TRUE(read.well_formed);
  EXPECT_NE(read.text.find("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"),
            std::string::npos);
  EXPECT_NE(read.text.find("Kepala Dinas"), std::string::npos);
  EXPECT_NE(read.text.find("Pejabat Penilai Kinerja"), std::string::npos);
}

}  // namespace
}  // namespace tatakerja::documents
