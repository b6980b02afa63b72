// One call that reads a regulation text: parse, extract every kind of fact, lint.
#pragma once

#include <string_view>

#include "regulation/document.hpp"
#include "regulation/extraction.hpp"

namespace tatakerja::regulation {

struct Reading {
  Document document;
  Extraction facts;  // facts.findings holds the parser's and the linter's findings, by line
};

Reading read_regulation(std::string_view utf8_text);

}  // namespace tatakerja::regulation
