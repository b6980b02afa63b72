// The JSON interface of `regulation extract` (format version 2, documented in
// docs/extract-json.md). Ids ("u1", "p1") are stable for the same text.
#pragma once

#include <string>

#include "json/pretty_json.hpp"
#include "regulation/extraction.hpp"

namespace tatakerja::json {

// 2: agencies[] (every agency a regulation establishes) beside agency, units and positions (the
// first of them, as in format 1). docs/extract-json.md.
inline constexpr int kExtractFormatVersion = 2;

// The facts as one JSON object, written as they are walked (no document built first).
void write_extraction(PrettyJson& w, const regulation::Extraction& x);
std::string extraction_json_text(const regulation::Extraction& x);
// A finding as a JSON object (code, file when it has one, line, message, severity).
void write_finding(PrettyJson& w, const Finding& f);

}  // namespace tatakerja::json
