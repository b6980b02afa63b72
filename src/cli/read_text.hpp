// Reading a regulation file for a command: the text, or the reason printed on stderr.
#pragma once

#include <string>

#include "textio/decode.hpp"

namespace tatakerja::cli {

// Reads `file` as UTF-8 text into `out`, refusing a file over `max_bytes` (the registry's limit
// unless the command stores nothing). On failure prints "FILE: message [CODE]" on stderr and
// returns false (the command then exits with 2).
bool read_text(const std::string& file, std::string& out,
               std::size_t max_bytes = textio::kMaxRegulationBytes);

}  // namespace tatakerja::cli
