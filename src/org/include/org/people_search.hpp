// How the people search reads names and queries: the rules every OrgStore shares (the SQL store
// keeps the tokens in employee_name_tokens and searches them by byte ranges; the memory store
// compares them directly), so that a query finds the same people in the same order everywhere.
// Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tatakerja::org {

// The search tokens of a person's name or of a query: words split at spaces and separators,
// lowercased, Latin-1 accents folded to ASCII ("É" -> "e"), apostrophes and dots removed inside a
// word ("S.Kom." -> "skom", "Ma'ruf" -> "maruf"). Duplicates removed, order of first appearance
// kept. Bytes of other scripts are kept as they are; bytes that cannot occur in UTF-8 are dropped.
std::vector<std::string> name_tokens(std::string_view name);

// The exclusive upper bound of the byte-wise range of strings that start with `prefix`: the prefix
// with its last character replaced by the next code point when it ends with well-formed UTF-8
// (so the bound is valid UTF-8 too), else with its last byte incremented (trailing 0xFF bytes
// dropped first). Empty when there is none.
std::string prefix_upper_bound(std::string_view prefix);

// True when `s` lies in the byte-wise range [prefix, prefix_upper_bound(prefix)): what the SQL
// `s >= ? AND s < ?` over that range selects.
bool in_prefix_range(std::string_view s, std::string_view prefix);

// The key people are ordered by: the name with ASCII letters lowercased, compared byte-wise.
std::string sort_key(std::string_view name);

// A people-search query as the stores read it.
struct PeopleQuery {
  enum class Kind {
    Everyone,  // no query (blank): everyone, in sort_key order
    Nip,       // only digits (spaces ignored): a NIP prefix, in NIP order
    Words,     // word prefixes: every word must be the prefix of a token of the name
    Nothing,   // only punctuation: nothing can match
  };
  Kind kind = Kind::Everyone;
  std::string nip_prefix;          // Nip: the digits
  std::vector<std::string> words;  // Words: unique tokens, longest first (ties in byte order);
                                   // the first drives the result order
};
PeopleQuery read_people_query(std::string_view query);

}  // namespace tatakerja::org
