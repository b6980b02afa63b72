// JSON text written by hand where building a document first would cost more than the text itself
// (a log line, an audit entry written inside the writers' turn). Pure.
#pragma once

#include <string>
#include <string_view>

namespace tatakerja::textio {

// Appends `s` to `out` as the inside of a JSON string (quotes not included): the quote, the
// backslash and the control characters escaped; a byte that does not begin a well-formed UTF-8
// character becomes U+FFFD, so that the text is always valid JSON.
void append_json_escaped(std::string& out, std::string_view s);

// Appends `s` to `out` as a JSON string, quotes included.
void append_json_string(std::string& out, std::string_view s);

}  // namespace tatakerja::textio
