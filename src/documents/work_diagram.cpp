// The work system's diagrams as DOT (pure), and DOT to SVG through Graphviz.
#include "documents/work_diagram.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <map>
#include <mutex>
#include <stdexcept>

#include "core/text.hpp"
#include "graphviz_access.hpp"

namespace tatakerja::documents {
namespace {

constexpr std::string_view kFont = "DejaVu Sans";
constexpr std::size_t kStateWidth = 28;  // characters of a state's label on one line
constexpr std::size_t kItemWidth = 64;   // characters of a structure item on one line
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at the start of `s` (1..4), or 0 when it is not one
// (overlong forms, surrogates and code points above U+10FFFF are not).
std::size_t utf8_sequence(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned lo = 0x80;
  unsigned hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (s.size() < n) return 0;
  if (b(1) < lo || b(1) > hi) return 0;
  for (std::size_t i = 2; i < n; ++i) {
    if (b(i) < 0x80 || b(i) > 0xBF) return 0;
  }
  return n;
}

// The characters (code points) of valid UTF-8 text.
std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// `s` cut to at most `max` characters, with "…" when cut.
std::string clip(std::string_view s, std::size_t max) {
  if (char_count(s) <= max) return std::string(s);
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = std::max<std::size_t>(utf8_sequence(s.substr(i)), 1);
    if (chars == max - 1) break;
    out.append(s.substr(i, n));
    ++chars;
    i += n;
  }
  return out + "\xE2\x80\xA6";
}

std::string quoted(std::string_view text, std::string_view line_end = "\\n") {
  return "\"" + dot_escape(text, line_end) + "\"";
}

std::string graph_head(std::string_view name, std::string_view title) {
  std::string out = "digraph " + quoted(name) + " {\n";
  out += "  graph [charset=\"UTF-8\", rankdir=TB, fontname=" + quoted(kFont) +
         ", fontsize=13, labelloc=t, nodesep=0.35, ranksep=0.45, pad=0.2, label=" + quoted(title) +
         "];\n";
  out += "  node [fontname=" + quoted(kFont) +
         ", fontsize=10, shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", "
         "margin=\"0.15,0.08\"];\n";
  out += "  edge [fontname=" + quoted(kFont) + ", fontsize=9];\n";
  return out;
}

}  // namespace

std::string dot_escape(std::string_view text, std::string_view line_end) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8_sequence(text.substr(i));
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    ++i;
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\n') {
      out += line_end;
    } else if (c < 0x20 || c == 0x7F) {
      out += ' ';
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string wrap_text(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t line = 0;  // characters on the current line
  const std::string words = text::collapse_spaces(text::trim(text));
  for (const auto word : text::split(words, ' ')) {
    if (word.empty()) continue;
    const std::size_t n = char_count(word);
    if (line > 0 && line + 1 + n > width) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out.append(word);
    line += n;
  }
  return out;
}

std::string state_node_id(std::string_view state_key) {
  return "s_" + std::string(state_key);
}

std::string transition_label(const work::Transition& t) {
  std::string out = std::string(t.name) + " (" + std::string(work::role_label(t.role)) + ")";
  if (t.names_official) out += "\nmenunjuk pejabat";
  if (t.reason_required) out += "\nalasan wajib";
  return out;
}

std::string first_step_label(const work::Mechanism& m) {
  return std::string(m.first_step) + " (" + std::string(work::role_label(m.first_role)) + ")";
}

std::string mechanism_dot(const work::Mechanism& m) {
  std::string out = graph_head(m.key, m.label);
  out +=
      "  \"mulai\" [label=\"Mulai\", shape=circle, fixedsize=true, width=0.7, "
      "fillcolor=\"#1f2937\", fontcolor=\"#ffffff\"];\n";
  for (const auto& s : m.states) {
    std::string label = wrap_text(s.label, kStateWidth);
    std::string style;
    if (s.waiting) {
      label += "\n(menunggu jawaban)";
      style = ", style=\"rounded,filled,dashed\", fillcolor=\"#fef3c7\"";
    } else if (s.final) {
      label += "\n(akhir)";
      style = ", peripheries=2, fillcolor=\"#e5e7eb\"";
    }
    out += "  " + quoted(state_node_id(s.key)) + " [label=" + quoted(label) + style + "];\n";
  }
  out += "  \"mulai\" -> " + quoted(state_node_id(m.first_state)) +
         " [label=" + quoted(first_step_label(m)) + ", style=bold];\n";
  for (const auto& t : m.transitions) {
    out += "  " + quoted(state_node_id(t.from)) + " -> " + quoted(state_node_id(t.to)) +
           " [label=" + quoted(transition_label(t)) + "];\n";
  }
  out += "}\n";
  return out;
}

std::vector<std::string> chain_of(std::string_view statement) {
  std::vector<std::string> out;
  std::string_view rest = statement;
  while (true) {
    const auto at = rest.find(" > ");
    const auto part = text::trim(rest.substr(0, at));
    if (!part.empty()) out.emplace_back(part);
    if (at == std::string_view::npos) break;
    rest.remove_prefix(at + 3);
  }
  return out;
}

namespace {

// "(Pasal 20 ayat (4), Peraturan ...)" or "(ketentuan bawaan: Lampiran, PermenPANRB 7/2022)".
std::string source_line(const work::Rule& r) {
  std::string where = r.article;
  if (!r.source.empty()) where += (where.empty() ? "" : ", ") + r.source;
  if (r.origin == work::RuleOrigin::Default) where = "ketentuan bawaan: " + where;
  return where.empty() ? "" : "\n(" + clip(where, 200) + ")";
}

}  // namespace

std::string structure_dot(std::string_view kind_label, const work::Rule* structure,
                          const work::Rule* flow) {
  // No clusters: Graphviz 2.43's dot leaks the virtual edges of a cluster's layout. Each part is
  // headed inside its own node instead, and invisible edges keep the parts in one column, narrow
  // enough for a phone.
  std::string out = graph_head(
      "struktur", "Struktur penugasan dan alur peninjauan\n" + clip(std::string(kind_label), 200));
  if (structure != nullptr) {
    std::string text;
    const std::size_t shown = std::min(structure->items.size(), kDiagramMaxItems);
    for (std::size_t i = 0; i < shown; ++i) {
      const std::string number = std::to_string(i + 1) + ". ";
      const std::string wrapped =
          wrap_text(clip(structure->items[i], kDiagramMaxItemChars), kItemWidth);
      // Continuation lines indented under the item's text.
      std::string item = number;
      for (const char c : wrapped) {
        item += c;
        if (c == '\n') item += std::string(number.size() + 1, ' ');
      }
      text += item + "\n";
    }
    if (structure->items.size() > shown) {
      text +=
          "(" + std::to_string(structure->items.size() - shown) + " butir lain tidak digambar)\n";
    }
    if (structure->items.empty()) text = wrap_text(structure->statement, kItemWidth) + "\n";
    // The heading centred ("\n"), the items left-aligned ("\l").
    const std::string heading = "Struktur penugasan" + source_line(*structure);
    out += "  \"struktur\" [shape=note, style=filled, fillcolor=\"#f9fafb\", label=\"" +
           dot_escape(heading) + "\\n\\n" + dot_escape(text, "\\l") + "\"];\n";
  }
  if (flow != nullptr) {
    std::vector<std::string> chain = chain_of(flow->statement);
    const std::size_t total = chain.size();
    if (chain.size() > kDiagramMaxChain) chain.resize(kDiagramMaxChain);
    out += "  \"alur\" [shape=plaintext, style=\"\", fontsize=12, label=" +
           quoted("Alur peninjauan hasil" + source_line(*flow)) + "];\n";
    if (chain.empty()) {
      out += "  \"r0\" [label=\"(rantai peninjauan tidak disebut)\", style=\"rounded,dashed\"];\n";
    }
    for (std::size_t i = 0; i < chain.size(); ++i) {
      std::string label = wrap_text(clip(chain[i], 200), kStateWidth);
      std::string style;
      if (i + 1 == total) {
        label += "\n(menerima hasil: kegiatan selesai)";
        style = ", peripheries=2, fillcolor=\"#e5e7eb\"";
      }
      out += "  \"r" + std::to_string(i) + "\" [label=" + quoted(label) + style + "];\n";
    }
    if (total > chain.size()) {
      out += "  \"r_lain\" [label=" +
             quoted("(" + std::to_string(total - chain.size()) + " peninjau lain tidak digambar)") +
             ", style=\"rounded,dashed\"];\n";
      out += "  \"r" + std::to_string(chain.size() - 1) + "\" -> \"r_lain\";\n";
    }
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
      out += "  \"r" + std::to_string(i) + "\" -> \"r" + std::to_string(i + 1) +
             "\" [label=\"meneruskan hasil\"];\n";
    }
    if (structure != nullptr) out += "  \"struktur\" -> \"alur\" [style=invis];\n";
    out += "  \"alur\" -> \"r0\" [style=invis];\n";
  }
  out += "}\n";
  return out;
}

std::string dot_to_svg(const std::string& dot) {
  // Graphviz is not thread-safe: one use at a time in the process (graphviz_access.hpp).
  std::lock_guard<std::mutex> hold(graphviz_lock());
  GVC_t* gvc = graphviz_context();
  Agraph_t* g = agmemread(dot.c_str());
  if (g == nullptr) throw std::runtime_error("Graphviz: the DOT text does not read");
  if (gvLayout(gvc, g, "dot") != 0) {
    agclose(g);
    throw std::runtime_error("Graphviz: dot layout failed");
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rendered = gvRenderData(gvc, g, "svg", &data, &length);
  std::string svg;
  if (rendered == 0 && data != nullptr) svg.assign(data, length);
  gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  agclose(g);
  if (rendered != 0 || svg.empty()) throw std::runtime_error("Graphviz: SVG rendering failed");
  return svg;
}

const std::string* mechanism_svg(std::string_view key) {
  static const std::map<std::string_view, std::string> all = [] {
    std::map<std::string_view, std::string> m;
    for (const auto& mech : work::mechanisms())
      m.emplace(mech.key, dot_to_svg(mechanism_dot(mech)));
    return m;
  }();
  const auto it = all.find(key);
  return it == all.end() ? nullptr : &it->second;
}

}  // namespace tatakerja::documents
