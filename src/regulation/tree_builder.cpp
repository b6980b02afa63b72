#include "regulation/tree_builder.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "regulation/marker.hpp"

namespace tatakerja::regulation {
namespace {

constexpr std::size_t kMaxDepth = 32;

bool is_container_for_structure(NodeKind k) {
  return k == NodeKind::Root || k == NodeKind::Chapter || k == NodeKind::Section ||
         k == NodeKind::Paragraph;
}

// "Jabatan : X", "Tugas Pokok : Y", "NOMOR : 10": a label, a colon, a value.
bool is_field_line(std::string_view s) {
  constexpr std::size_t kLongestKey = 40;  // the colon's place, at most
  // (Only the first kLongestKey + 1 bytes are searched: a first colon further on is too far.)
  const std::size_t colon = s.substr(0, kLongestKey + 1).find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kLongestKey) return false;
  std::string_view key = text::trim(s.substr(0, colon));
  if (key.empty() || !(key[0] >= 'A' && key[0] <= 'Z')) return false;
  const auto words = std::count(key.begin(), key.end(), ' ') + 1;
  return words <= 4 && std::all_of(key.begin(), key.end(), [](char c) {
           return text::is_alpha(c) || c == ' ' || c == '/' || c == '.';
         });
}

// A heading line inside an annex: short, in capitals, no numbering, not a signature line.
bool is_annex_heading(std::string_view s) {
  // (The cheap tests first: is_upper_text reads the whole line.)
  if (s.size() > 100 || s.back() == ',' || s.back() == ';' || !text::is_upper_text(s)) return false;
  const auto words = std::count(s.begin(), s.end(), ' ') + 1;
  return words <= 12;
}

// "IV.A Pelaksanaan tugas ...": a numbered sub-part heading.
bool is_roman_subheading(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X')) ++i;
  return i > 0 && i + 2 < s.size() && s[i] == '.' && s[i + 1] >= 'A' && s[i + 1] <= 'Z' &&
         (i + 2 == s.size() || s[i + 2] == ' ');
}

// The kind a list takes under an item of kind k (a web copy dropped its markers): one that k's
// own list does not use, so that the nesting reads as in a numbered text.
NodeKind kind_of_list_under(NodeKind k) {
  switch (k) {
    case NodeKind::Letter:
      return NodeKind::Number;
    case NodeKind::Number:
      return NodeKind::ParenLetter;
    case NodeKind::ParenLetter:
      return NodeKind::ParenNumber;
    default:
      return NodeKind::Letter;
  }
}

std::string label_of(NodeKind k, int ordinal) {
  if (k == NodeKind::Number || k == NodeKind::ParenNumber) return std::to_string(ordinal);
  return text::letter_label(ordinal);
}

// Sets `text` (a new node's, empty) to the text after an item's marker (a view into the line):
// the line's own string is moved in and cut to it when that may be taken, which copies no text,
// else the text is copied.
void set_text_after_marker(std::string& text, std::string_view rest, std::string* movable_text) {
  const bool in_line = movable_text != nullptr && !rest.empty() &&
                       rest.data() >= movable_text->data() &&
                       rest.data() + rest.size() <= movable_text->data() + movable_text->size();
  if (!in_line) {
    text.assign(rest);
    return;
  }
  const auto at = static_cast<std::size_t>(rest.data() - movable_text->data());
  text = std::move(*movable_text);
  text.resize(at + rest.size());
  text.erase(0, at);
}

// How many children a node of kind k makes room for with its first: the body and an annex hold
// many (articles, an annex's parts), a table many rows, a BAB, an article or an ayat a few, a list
// item fewer (six: most of its lists are as short, and six nodes are a block malloc keeps at hand
// for the next request of its size, which eight are not).
std::size_t room_for_children(NodeKind k) {
  switch (k) {
    case NodeKind::Root:
    case NodeKind::Table:
      return 32;
    case NodeKind::Chapter:
    case NodeKind::Section:
    case NodeKind::Paragraph:
    case NodeKind::Article:
    case NodeKind::Verse:
    case NodeKind::Roman:
    case NodeKind::Dictum:
      return 8;
    default:
      return 6;
  }
}

// A new child of `parent`, built in place. A node is not small to move: a parent's first child
// makes room for several, so that the list it starts does not move its items each time it
// doubles. Containers (the body, a BAB, a Pasal, a table) hold many; list items a few.
Node& new_child(Node& parent) {
  if (parent.children.capacity() == 0) parent.children.reserve(room_for_children(parent.kind));
  return parent.children.emplace_back();
}

// Whether read_structural_marker_without_tab may read a marker in s (not empty): BAB, Bagian,
// Paragraf and Pasal start with a B or a P of either case, after any white space; most lines are
// told by their first byte without the call.
bool may_start_structural_marker(std::string_view s) {
  const char first = s[0];
  return (first | 0x20) == 'b' || (first | 0x20) == 'p' || text::detail::is_white_space(first);
}

void append_text(std::string& to, std::string_view more) {
  if (more.empty()) return;
  if (!to.empty()) to.push_back(' ');
  to += more;
}

// The text of a line (s) for a node: the line's own string, moved, when it may be taken
// (movable_text, else null; the line is not read after this), else a copy of it.
std::string line_text(const std::string& s, std::string* movable_text) {
  if (movable_text != nullptr) return std::move(*movable_text);
  return s;
}

// append_text(to, line) for the text of a line (not empty), whose own string is taken when `to`
// is empty: a title or text that starts on the line after its marker is not copied.
void append_line(std::string& to, const std::string& line, std::string* movable_text) {
  if (to.empty())
    to = line_text(line, movable_text);
  else
    append_text(to, line);
}

}  // namespace

TreeBuilder::TreeBuilder(Node& root, Mode mode, std::vector<Finding>& findings)
    : mode_(mode), findings_(findings) {
  // Room for the deepest stack (the items nested as deep as they may be, on the headings and
  // the root), made once: the stack does not grow as the nesting deepens.
  stack_.reserve(kMaxDepth + 8);
  stack_.push_back(&root);
}

TreeBuilder::~TreeBuilder() {
  close_to(1);
}

// A line read is added to the span of the open node on top only: the nodes under it (its
// ancestors) take its span when it is closed, so that a line extends one span, not the span of
// every open node.
void TreeBuilder::extend_spans(int line) {
  top().span.extend(line);
}

void TreeBuilder::close_top() {
  const SourceSpan closed = stack_.back()->span;
  stack_.pop_back();
  top().span.extend(closed.first_line);
  top().span.extend(closed.last_line);
}

void TreeBuilder::close_to(std::size_t depth) {
  while (stack_.size() > depth) close_top();
}

int TreeBuilder::open_first_line(std::size_t depth) const {
  int first = stack_[depth - 1]->span.first_line;
  for (std::size_t k = depth; k < stack_.size(); ++k)
    first = std::min(first, stack_[k]->span.first_line);
  return first;
}

void TreeBuilder::pop_to_container() {
  while (stack_.size() > 1 && is_list_item(top().kind)) close_top();
}

void TreeBuilder::add(const Line& line) {
  add_line(line, nullptr);
}

void TreeBuilder::take(Line&& line) {
  add_line(line, &line.text);
  std::string().swap(line.text);  // what the node did not take is freed now, not with the lines
}

// movable_text: the line's own text, when it may be moved into a node (else null).
void TreeBuilder::add_line(const Line& line, std::string* movable_text) {
  if (line.blank()) {
    blank_before_ = true;
    skipping_paraf_ = false;
    return;
  }
  const std::string& s = line.text;
  if ((s[0] == 'P' || s[0] == 'p') &&
      (text::istarts_with(s, "PARAF HIERARKI") || text::istarts_with(s, "PARAF KOORDINASI"))) {
    skipping_paraf_ = true;
    return;
  }
  if (skipping_paraf_) return;
  if (line.is_row()) {
    add_row(line);
  } else if (mode_ == Mode::Body && may_start_structural_marker(s) &&
             read_structural_marker_without_tab(s, marker_)) {
    add_structural(marker_, line.number);
  } else if (read_item_marker_without_tab(s, marker_)) {
    add_item(marker_, line.number, movable_text);
  } else if (mode_ == Mode::Annex && s.back() == ',' && text::is_upper_text(s)) {
    // The signature block that closes an annex ("PJ. GUBERNUR NUSA TENGGARA TIMUR,") ends every
    // list above it.
    close_to(1);
    add_plain(s, line.number, true, movable_text);
  } else if (mode_ == Mode::Annex && (is_annex_heading(s) || is_roman_subheading(s))) {
    add_heading(s, line.number, movable_text);
  } else if (auto bm = line.bullet ? bullet_marker(line) : std::nullopt) {
    add_item(*bm, line.number, movable_text);
    while (!bullet_lists_.empty() && bullet_lists_.back().depth >= stack_.size())
      bullet_lists_.pop_back();
    bullet_lists_.push_back({line.bullet, line.number, stack_.size()});
  } else {
    // A bulleted line without numbering is an item of its own unless it continues a sentence.
    const bool bullet_item = line.bullet && !(s[0] >= 'a' && s[0] <= 'z');
    // "... , Sekretaris" / "Kecamatan menyelenggarakan fungsi:": in the body, a line that looks
    // like a field continues the sentence the open item has not finished.
    const Node& open = top();
    const bool unfinished = mode_ == Mode::Body && open.children.empty() && !open.text.empty() &&
                            open.text.back() != '.' && open.text.back() != ';' &&
                            open.text.back() != ':';
    add_plain(s, line.number, bullet_item || (is_field_line(s) && !unfinished), movable_text);
  }
  blank_before_ = false;
}

// A bullet without numbering read as a list item (a web copy that kept "•" or "-" for "a.", "1."):
// the next item of the open list of the same bullet unless that list was closed (its last item
// ends with "."), else the first of a new list when the open node's sentence ends with ":"
// ("... mempunyai tugas:").
std::optional<Marker> TreeBuilder::bullet_marker(const Line& line) {
  // Lists whose last item is no longer open (the stack moved on) are closed.
  while (!bullet_lists_.empty() &&
         (bullet_lists_.back().depth > stack_.size() ||
          open_first_line(bullet_lists_.back().depth) != bullet_lists_.back().line))
    bullet_lists_.pop_back();
  Marker m;
  m.rest = line.text;
  for (std::size_t k = bullet_lists_.size(); k-- > 0;) {
    const BulletList& list = bullet_lists_[k];
    if (list.bullet != line.bullet) continue;
    const Node& last = *stack_[list.depth - 1];
    if (!is_list_item(last.kind) || std::string_view(last.text).ends_with('.')) break;
    m.kind = last.kind;
    m.ordinal = last.ordinal + 1;
    m.label = label_of(m.kind, m.ordinal);
    return m;
  }
  const Node& t = *stack_.back();
  const bool text_child = !t.children.empty() && t.children.back().kind == NodeKind::Text;
  const std::string_view said = text_child ? t.children.back().text : t.text;
  if (!said.ends_with(':') || (!text_child && !t.children.empty())) return std::nullopt;
  m.kind = kind_of_list_under(t.kind);
  m.ordinal = 1;
  m.label = label_of(m.kind, m.ordinal);
  return m;
}

void TreeBuilder::add_text(std::string text, int line_number) {
  if (text.empty()) return;
  // The text is the builder's own: taken into a node, not copied again.
  take(Line{line_number, std::move(text)});
}

void TreeBuilder::add_structural(Marker& m, int line) {
  if (m.repaired)
    findings_.push_back({"OCR_REPAIRED", Severity::Info, line,
                         "Penanda dibaca sebagai \"" + std::string(to_string(m.kind)) + " " +
                             m.label + "\" (ejaan hasil pindai diperbaiki)."});
  // Pop to the container this heading belongs in.
  auto fits = [&](NodeKind k) {
    switch (m.kind) {
      case NodeKind::Chapter:
        return k == NodeKind::Root;
      case NodeKind::Section:
        return k == NodeKind::Root || k == NodeKind::Chapter;
      case NodeKind::Paragraph:
        return k == NodeKind::Root || k == NodeKind::Chapter || k == NodeKind::Section;
      default:
        return is_container_for_structure(k);
    }
  };
  while (stack_.size() > 1 && !fits(top().kind)) close_top();
  Node& n = new_child(top());
  n.kind = m.kind;
  n.label = std::move(m.label);
  n.ordinal = m.ordinal;
  n.title = m.rest;
  n.span.extend(line);
  stack_.push_back(&n);
  extend_spans(line);
}

void TreeBuilder::add_item(Marker& m, int line, std::string* movable_text) {
  if (m.repaired)
    findings_.push_back({"OCR_REPAIRED", Severity::Info, line,
                         "Penanda dibaca sebagai \"" + std::string(to_string(m.kind)) + " " +
                             (m.kind == NodeKind::Verse ? "(" + m.label + ")" : m.label) +
                             "\" (ejaan hasil pindai diperbaiki)."});
  if (m.kind == NodeKind::Dictum) {
    close_to(1);
  } else if (m.kind == NodeKind::Verse) {
    // An ayat belongs to the nearest article: a sibling of the open ayat, or the article's first.
    bool placed = false;
    for (std::size_t i = stack_.size(); i-- > 1 && !placed;) {
      if (stack_[i]->kind == NodeKind::Verse) {
        close_to(i);
        placed = true;
      } else if (stack_[i]->kind == NodeKind::Article) {
        close_to(i + 1);
        placed = true;
      }
    }
    if (!placed) pop_to_container();
  } else {
    // Find the open list this item continues: the nearest open item of the same kind whose label
    // it follows; else the nearest open item of that kind unless this one restarts a list.
    std::size_t match = 0;
    for (std::size_t i = stack_.size(); i-- > 1;) {
      if (stack_[i]->kind == m.kind && m.ordinal == stack_[i]->ordinal + 1) {
        match = i;
        break;
      }
    }
    if (match == 0) {
      for (std::size_t i = stack_.size(); i-- > 1;) {
        if (stack_[i]->kind != m.kind) continue;
        const bool restart = m.ordinal == 1 && stack_[i]->ordinal != 1;
        if (!restart) match = i;
        break;
      }
    }
    if (match > 0) {
      close_to(match);
    } else if (stack_.size() >= kMaxDepth) {
      findings_.push_back({"NESTING_TOO_DEEP", Severity::Warning, line,
                           "Daftar bersarang terlalu dalam; butir dibaca sejajar dengan butir di "
                           "atasnya."});
      close_top();
    }
    // Text-only items: an item must hang under something that can hold a list.
  }
  Node& n = new_child(top());
  n.kind = m.kind;
  n.label = std::move(m.label);
  n.ordinal = m.ordinal;
  set_text_after_marker(n.text, m.rest, movable_text);
  n.span.extend(line);
  stack_.push_back(&n);
  extend_spans(line);
}

void TreeBuilder::add_row(const Line& line) {
  // The cells as views into the line, in a buffer every row uses: a row that continues the one
  // above is appended from them, and a new row's strings are made at their count once.
  std::vector<std::string_view>& cells = cells_;
  cells.clear();
  for_each_cell(line.text, [&](std::string_view c) { cells.push_back(c); });
  const bool continuation = !cells.empty() && cells[0].empty();
  Node* table = nullptr;
  if (!top().children.empty() && top().children.back().kind == NodeKind::Table) {
    table = &top().children.back();
  } else {
    pop_to_container();
    if (!top().children.empty() && top().children.back().kind == NodeKind::Table)
      table = &top().children.back();
  }
  if (table && continuation && !table->children.empty()) {
    Node& row = table->children.back();
    if (row.cells.size() < cells.size()) row.cells.resize(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) append_text(row.cells[i], cells[i]);
    row.span.extend(line.number);
    table->span.extend(line.number);
    extend_spans(line.number);
    return;
  }
  if (!table) {
    table = &new_child(top());
    table->kind = NodeKind::Table;
    table->span.extend(line.number);
  }
  Node& row = new_child(*table);
  row.kind = NodeKind::Row;
  row.cells.reserve(cells.size());
  for (const std::string_view c : cells) row.cells.emplace_back(c);
  row.span.extend(line.number);
  table->span.extend(line.number);
  extend_spans(line.number);
}

void TreeBuilder::add_heading(const std::string& s, int line, std::string* movable_text) {
  while (stack_.size() > 1 && is_list_item(top().kind) && top().kind != NodeKind::Roman &&
         top().kind != NodeKind::UpperLetter)
    close_top();
  Node& n = new_child(top());
  n.kind = NodeKind::Heading;
  n.text = line_text(s, movable_text);
  n.span.extend(line);
  extend_spans(line);
}

void TreeBuilder::add_plain(const std::string& s, int line, bool field, std::string* movable_text) {
  Node& t = top();
  const bool titled =
      t.kind == NodeKind::Chapter || t.kind == NodeKind::Section || t.kind == NodeKind::Paragraph;
  if (titled && t.children.empty()) {
    append_line(t.title, s, movable_text);
    extend_spans(line);
    return;
  }
  const bool item = is_list_item(t.kind) || t.kind == NodeKind::Article ||
                    t.kind == NodeKind::Verse || t.kind == NodeKind::Dictum;
  if (item && t.children.empty() && !field) {
    append_line(t.text, s, movable_text);
    extend_spans(line);
    return;
  }
  if (!field && !blank_before_ && !t.children.empty() && t.children.back().kind == NodeKind::Text) {
    append_text(t.children.back().text, s);
    t.children.back().span.extend(line);
    extend_spans(line);
    return;
  }
  Node& n = new_child(t);
  n.kind = NodeKind::Text;
  n.text = line_text(s, movable_text);
  n.span.extend(line);
  extend_spans(line);
}

}  // namespace tatakerja::regulation
