// Eselon (structural grade) of a position, normalised to the form "II.a".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tatakerja {

// Normalises the ways regulations write an eselon: "II.a", "II-A", "IIa", "II/a", "eselon II.a" ->
// "II.a". Returns nullopt when the text is not an eselon (grades I..V, sub-grades a or b).
std::optional<std::string> normalize_eselon(std::string_view input);
// Finds the first eselon written in free text ("... jabatan struktural eselon III.b;").
std::optional<std::string> find_eselon(std::string_view text);
// The major grade of a normalised eselon: "III.b" -> 3; 0 when malformed.
int eselon_grade(std::string_view normalized);

}  // namespace tatakerja
