// A source span as both JSON forms write it: {"first_line": ..., "last_line": ...} under `name`.
#pragma once

#include <string_view>

#include "core/source_span.hpp"
#include "json/pretty_json.hpp"

namespace tatakerja::json {

inline void write_span(PrettyJson& w, std::string_view name, const SourceSpan& s) {
  w.key(name);
  w.begin_object();
  w.key("first_line");
  w.integer(s.first_line);
  w.key("last_line");
  w.integer(s.last_line);
  w.end_object();
}

}  // namespace tatakerja::json
