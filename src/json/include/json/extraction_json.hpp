// The JSON interface of `regulation extract` (format version 1, documented in
// docs/extract-json.md). Ids ("u1", "p1") are stable for the same text.
#pragma once

#include <nlohmann/json.hpp>

#include "regulation/extraction.hpp"

namespace tatakerja::json {

// 2: agencies[] (every agency a regulation establishes) beside agency, units and positions (the
// first of them, as in format 1). docs/extract-json.md.
inline constexpr int kExtractFormatVersion = 2;

nlohmann::json to_json(const regulation::Extraction& x);
nlohmann::json finding_json(const Finding& f);

}  // namespace tatakerja::json
