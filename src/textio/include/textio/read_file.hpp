#pragma once

#include <string>
#include <variant>

#include "textio/decode.hpp"

namespace tatakerja::textio {

// Reads and decodes a regulation file. Never reads more than kMaxRegulationBytes + 1 bytes.
std::variant<DecodedText, ReadError> read_regulation_file(const std::string& path);

}  // namespace tatakerja::textio
