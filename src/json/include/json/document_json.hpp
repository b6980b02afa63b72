// The parsed tree as JSON (`regulation parse --format json`) and as indented text.
#pragma once

#include <string>

#include "json/pretty_json.hpp"
#include "regulation/document.hpp"

namespace tatakerja::json {

// The tree as one JSON object, written as it is walked (no document built first: the tree of a
// 30 MB text took 1.2 GB as an nlohmann document).
void write_document(PrettyJson& w, const regulation::Document& doc);
std::string document_json_text(const regulation::Document& doc);
// The tree as indented text, one node per line with its line span: for people reading a parse.
std::string to_text(const regulation::Document& doc);

}  // namespace tatakerja::json
