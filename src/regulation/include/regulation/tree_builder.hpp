// Builds the node tree of one region of a text (the body, a preamble list, an annex) from cleaned
// lines, nesting items by their numbering. A list continues while its labels follow each other; a
// list that starts again at 1 (or a) inside an item is a nested list.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "regulation/document.hpp"
#include "regulation/lines.hpp"
#include "regulation/marker.hpp"

namespace tatakerja::regulation {

class TreeBuilder {
 public:
  enum class Mode { Body, Annex, List };
  TreeBuilder(Node& root, Mode mode, std::vector<Finding>& findings);
  // Closes the nodes still open: their spans are complete once the builder is gone.
  ~TreeBuilder();
  TreeBuilder(const TreeBuilder&) = delete;
  TreeBuilder& operator=(const TreeBuilder&) = delete;
  TreeBuilder(TreeBuilder&&) = delete;
  TreeBuilder& operator=(TreeBuilder&&) = delete;
  void add(const Line& line);
  // The same, for a line the caller reads no more: its text is moved into the node it starts, or
  // released once appended, so that a text is not held twice (as lines and as nodes) at once.
  void take(Line&& line);
  // Adds text that follows a keyword on the same line ("Menimbang : bahwa ...").
  void add_text(std::string text, int line_number);

 private:
  void add_structural(Marker& m, int line);
  // movable_text: the line's own text, which the item's text may be cut from (else null).
  void add_item(Marker& m, int line, std::string* movable_text);
  void add_row(const Line& line);
  void add_heading(const std::string& s, int line, std::string* movable_text);
  void add_line(const Line& line, std::string* movable_text);
  void add_plain(const std::string& s, int line, bool field, std::string* movable_text);
  std::optional<Marker> bullet_marker(const Line& line);
  Node& top() { return *stack_.back(); }
  void pop_to_container();
  void extend_spans(int line);
  // Closes the open node on top (its span goes into its parent's), or all above `depth`.
  void close_top();
  void close_to(std::size_t depth);
  // The first line of the open node at `depth` (1 for the root), with the lines of the open
  // nodes above it that its span has not taken yet.
  int open_first_line(std::size_t depth) const;

  std::vector<Node*> stack_;
  Mode mode_;
  std::vector<Finding>& findings_;
  bool blank_before_ = false;
  bool skipping_paraf_ = false;
  // The open lists read from bullets without numbering (a web copy's lists), outermost first:
  // each list's bullet, and its last item (its first line, and the depth of the stack with it on
  // top). A bullet like an open list's continues that list; another starts a list.
  struct BulletList {
    char bullet;
    int line;
    std::size_t depth;
  };
  std::vector<BulletList> bullet_lists_;
  Marker marker_;  // the marker of the line being read (one, so that its label's buffer is reused)
  std::vector<std::string_view> cells_;  // the cells of the row being read (add_row's buffer)
};

}  // namespace tatakerja::regulation
