#pragma once

namespace tatakerja {

// Lines of the source text (1-based, inclusive) a fact was read from.
struct SourceSpan {
  int first_line = 0;
  int last_line = 0;
  bool empty() const { return first_line == 0; }
  void extend(int line) {
    if (first_line == 0 || line < first_line) first_line = line;
    if (line > last_line) last_line = line;
  }
  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

}  // namespace tatakerja
