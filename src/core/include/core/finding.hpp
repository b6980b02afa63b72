// A drafting defect or a reading problem found in a regulation text.
#pragma once

#include <string>

namespace tatakerja {

enum class Severity { Info, Warning, Error };
const char* to_string(Severity s);  // "info", "warning", "error"

struct Finding {
  std::string code;  // stable identifier, e.g. "NUMBERING_GAP"; never translated
  Severity severity = Severity::Warning;
  int line = 0;  // 1-based line in the source text; 0 when the finding concerns the whole text
  std::string message;  // for people, in Indonesian
  std::string file;     // set by multi-file lint; empty otherwise
};

inline const char* to_string(Severity s) {
  switch (s) {
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "warning";
}

}  // namespace tatakerja
