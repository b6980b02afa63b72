#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "regulation/document.hpp"

namespace tatakerja::json {

nlohmann::json to_json(const regulation::Node& node);
nlohmann::json to_json(const regulation::Document& doc);
// The tree as indented text, one node per line with its line span: for people reading a parse.
std::string to_text(const regulation::Document& doc);

}  // namespace tatakerja::json
