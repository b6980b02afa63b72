#include "regulation/displaced_tails.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "regulation/marker.hpp"

namespace tatakerja::regulation {
namespace {

// Whether an item's text ends as an item does: "...;", "...; dan", "...:", "...".
bool finished(std::string_view s) {
  s = text::trim(s);
  if (s.empty()) return false;
  const char last = s.back();
  if (last == ';' || last == '.' || last == ':') return true;
  if ((last | 0x20) != 'n' && (last | 0x20) != 'u') return false;  // no "dan" nor "atau" either
  for (std::string_view tail : {"; dan", "; atau", ", dan", ", atau"})
    if (text::iends_with(s, tail)) return true;
  return false;
}

// Whether l is an item of a list (no dictum, no ayat), its marker read into m (whose label's buffer
// is used again). A line that is no table row holds no tab: its markers are read without the
// search for one that structural_marker and item_marker make.
bool list_item(const Line& l, Marker& m) {
  if (l.blank() || l.is_row() || read_structural_marker_without_tab(l.text, m)) return false;
  return read_item_marker_without_tab(l.text, m) && m.kind != NodeKind::Dictum &&
         m.kind != NodeKind::Verse;
}

// Whether l goes on with the text of the line before it: no blank, no row, no marker (m is the
// buffer the markers are read into).
bool continuation(const Line& l, Marker& m) {
  return !l.blank() && !l.is_row() && !read_structural_marker_without_tab(l.text, m) &&
         !read_item_marker_without_tab(l.text, m);
}

struct Run {
  bool displaced = false;               // the run shows the signature; the rest is then set
  NodeKind kind = NodeKind::Letter;     // its list's numbering
  std::vector<std::size_t> items;       // consecutive items of one list, in order
  std::vector<std::size_t> unfinished;  // those of them whose text does not end as an item does
  std::vector<std::size_t> tails;       // the continuation lines right after the last item
  Marker marker;                        // the marker last read
};

// The run of items that starts at line `i`, if it shows the two-column signature: an unfinished
// item directly followed by the next item of its list, then as many tails as unfinished items.
// Whatever it shows, the run's items are scanned once: the caller goes on after its last item.
// (The run is written into `run`, whose lists keep their memory from one line to the next.)
void displaced_run(const std::vector<Line>& lines, std::size_t i, Run& run) {
  run.displaced = false;
  run.items.clear();
  run.unfinished.clear();
  run.tails.clear();
  // Most lines end as an item does, or are no item: told without reading a marker.
  const std::string& t = lines[i].text;
  if (t.empty() || !(text::is_digit(t[0]) || (t[0] >= 'a' && t[0] <= 'z')) || finished(t)) return;
  Marker& m = run.marker;
  if (!list_item(lines[i], m) || finished(m.rest)) return;
  run.items.push_back(i);
  run.unfinished.push_back(i);
  run.kind = m.kind;
  int ordinal = m.ordinal;
  std::size_t j = i + 1;
  for (; j < lines.size(); ++j) {
    if (!list_item(lines[j], m) || m.kind != run.kind || m.ordinal != ordinal + 1) break;
    run.items.push_back(j);
    if (!finished(m.rest)) run.unfinished.push_back(j);
    ordinal = m.ordinal;
    // After a finished item the list reads on as usual.
    if (finished(m.rest)) {
      ++j;
      break;
    }
  }
  if (run.items.size() < 2) return;
  for (; j < lines.size() && run.tails.size() < run.unfinished.size() && continuation(lines[j], m);
       ++j)
    run.tails.push_back(j);
  if (run.tails.size() != run.unfinished.size()) return;
  for (std::size_t k = 0; k < run.tails.size(); ++k)
    if (!finished(lines[run.tails[k]].text)) return;
  run.displaced = true;
}

// The lines of a sub-list that follows the tails (items of another kind and their continuation
// lines), up to the next item of the run's list or a blank, structural or other line.
std::size_t sub_list_end(const std::vector<Line>& lines, std::size_t from, NodeKind run_kind) {
  std::size_t j = from;
  Marker m;
  while (j < lines.size()) {
    if (list_item(lines[j], m) ? m.kind == run_kind : !continuation(lines[j], m)) break;
    ++j;
  }
  return j;
}

// "e. Bidang X, membawahkan:" whose sub-list was printed after the next item: the sub-list goes
// back under it, the items after it follow the sub-list.
void move_sub_list_back(std::vector<Line>& lines, const Run& run) {
  const std::size_t after_tails = run.tails.back() + 1;
  const std::size_t end = sub_list_end(lines, after_tails, run.kind);
  if (end == after_tails) return;
  for (std::size_t k = 0; k + 1 < run.items.size(); ++k) {
    if (!text::trim(lines[run.items[k]].text).ends_with(':')) continue;
    // Lines [items[k+1], after_tails) rotate behind the sub-list [after_tails, end).
    std::rotate(lines.begin() + static_cast<std::ptrdiff_t>(run.items[k + 1]),
                lines.begin() + static_cast<std::ptrdiff_t>(after_tails),
                lines.begin() + static_cast<std::ptrdiff_t>(end));
    return;
  }
}

}  // namespace

void repair_displaced_tails(std::vector<Line>& lines, std::vector<Finding>& findings) {
  int repaired = 0;
  int first_line = 0;
  Run run;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    displaced_run(lines, i, run);
    if (!run.displaced) {
      if (run.items.size() > 1) i = run.items.back();  // each line is scanned once
      continue;
    }
    for (std::size_t k = 0; k < run.tails.size(); ++k) {
      Line& item = lines[run.unfinished[k]];
      Line& tail = lines[run.tails[k]];
      item.text += ' ';
      item.text += tail.text;
      tail.text.clear();
    }
    move_sub_list_back(lines, run);
    if (repaired++ == 0) first_line = lines[i].number;
    i = run.tails.back();
  }
  if (repaired > 0) {
    findings.push_back({"LAYOUT_DISPLACED_TAILS", Severity::Info, first_line,
                        std::to_string(repaired) +
                            " daftar salinan halaman dua kolom: ujung butir yang tergeser ke bawah "
                            "butir berikutnya dikembalikan ke butirnya."});
  }
}

}  // namespace tatakerja::regulation
