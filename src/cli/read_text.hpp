// Reading a regulation file for a command: the text, or the reason printed on stderr.
#pragma once

#include <string>

namespace tatakerja::cli {

// Reads `file` as UTF-8 text into `out`. On failure prints "FILE: message [CODE]" on stderr and
// returns false (the command then exits with 2).
bool read_text(const std::string& file, std::string& out);

}  // namespace tatakerja::cli
