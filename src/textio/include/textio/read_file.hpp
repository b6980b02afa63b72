#pragma once

#include <string>
#include <variant>

#include "textio/decode.hpp"

namespace tatakerja::textio {

// Reads and decodes a regulation file. Never reads more than max_bytes + 1 bytes.
std::variant<DecodedText, ReadError> read_regulation_file(
    const std::string& path, std::size_t max_bytes = kMaxRegulationBytes);

}  // namespace tatakerja::textio
