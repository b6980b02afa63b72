// Reading the regulations a free text names: "Undang-Undang Nomor 23 Tahun 2014 tentang
// Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran
// Negara Republik Indonesia Nomor 5587) sebagaimana telah diubah ... dengan ...".
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "regulation/legal_facts.hpp"

namespace tatakerja::regulation {

// One citation and where it stands in the text it was read from (byte offsets).
struct CitationMatch {
  Citation citation;
  std::size_t begin = 0;  // first byte of the kind ("Undang-Undang", "Peraturan ...")
  std::size_t end = 0;    // one past its title, or past its gazette parenthesis when it has one
};

// Every regulation named in `text`, in order of appearance. A citation named inside another's
// title gets nested_in = the outer one's index; "sebagaimana telah diubah ... dengan B" sets
// B.amends = the index of the amended one. Every citation gets `line`. Never throws.
std::vector<CitationMatch> find_citations(std::string_view text, int line);
std::vector<Citation> read_citations(std::string_view text, int line);

// Appends `more` to `list`, shifting their amends / nested_in indices to stay valid in `list`
// (moved in: a list read for the purpose is not copied).
void append_citations(std::vector<Citation>& list, std::vector<Citation> more);

// Reads a gazette record "Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan
// Lembaran Negara Republik Indonesia Nomor 5587" (without the parentheses).
Gazette read_gazette(std::string_view content);

}  // namespace tatakerja::regulation
