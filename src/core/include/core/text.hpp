// Text helpers for Indonesian legal text in UTF-8. Case operations touch ASCII letters only: the
// regulations are written in ASCII Indonesian, and any other byte passes through unchanged.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tatakerja::text {

std::string_view trim(std::string_view s);
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
bool iends_with(std::string_view s, std::string_view suffix);
// Position of `needle` in `hay` at or after `from`, ignoring ASCII case; npos when absent.
std::size_t ifind(std::string_view hay, std::string_view needle, std::size_t from = 0);
// Like ifind, but the match must start and end at a word boundary.
std::size_t ifind_word(std::string_view hay, std::string_view needle, std::size_t from = 0);
// Collapses runs of whitespace into one space and trims.
std::string collapse_spaces(std::string_view s);
bool is_upper_text(std::string_view s);  // has letters, and no lowercase ASCII letter
bool is_digit(char c);
bool is_alpha(char c);
bool is_alnum(char c);
// Title case the way Indonesian names are written: "Bidang Koordinasi Perencanaan dan Fasilitasi
// Kerja Sama". Conjunctions and prepositions stay lowercase (except first), acronyms (no vowel,
// or a known one such as UPTD) stay uppercase; words already mixed-case are kept.
std::string title_case(std::string_view s);
// A key for comparing names: lowercase, punctuation dropped, "subbagian" split to "sub bagian".
std::string name_key(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);

std::optional<int> parse_int(std::string_view s);     // plain decimal, at most 9 digits
std::optional<int> roman_to_int(std::string_view s);  // I..MMM, case-insensitive
std::string int_to_roman(int n);
// Letter list labels: a=1 ... z=26, aa=27 ... zz=52 (the regulations' convention).
std::optional<int> letter_ordinal(std::string_view label);
std::string letter_label(int ordinal);
// Indonesian ordinal words: Kesatu/Pertama=1, Kedua=2 ... Kesepuluh=10, Kesebelas=11, up to 30.
std::optional<int> ordinal_word_value(std::string_view word);
// Removes a trailing ".", ";", ":" or "," and the words "dan", "atau", "dan/atau" that end a list
// item, e.g. "penyusunan rencana; dan" -> "penyusunan rencana".
std::string strip_item_end(std::string_view s);

}  // namespace tatakerja::text
