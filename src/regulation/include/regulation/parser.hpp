// Regulation text -> Document. Never fails on text: what it cannot read it reports in
// Document::findings and leaves out. Callers check the input's encoding and size first
// (textio::read_regulation_file); this function expects UTF-8.
#pragma once

#include <string_view>

#include "regulation/document.hpp"

namespace tatakerja::regulation {

Document parse_document(std::string_view utf8_text);

}  // namespace tatakerja::regulation
