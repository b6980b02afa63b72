// See read_text.hpp.
#include "read_text.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <variant>

#include "textio/read_file.hpp"

namespace tatakerja::cli {

// Reads a file as UTF-8 text; on failure prints the reason and returns false.
bool read_text(const std::string& file, std::string& out, std::size_t max_bytes) {
  auto r = textio::read_regulation_file(file, max_bytes);
  if (auto* e = std::get_if<textio::ReadError>(&r)) {
    fmt::print(stderr, "{}: {} [{}]\n", file, e->message, name_of(e->code));
    return false;
  }
  out = std::get<textio::DecodedText>(std::move(r)).text;
  return true;
}

}  // namespace tatakerja::cli
