// Legal relations between regulations: citations, revocations, transitional provisions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/source_span.hpp"

namespace tatakerja::regulation {

// A promulgation record: "Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244".
struct Gazette {
  std::string name;  // "Lembaran Negara Republik Indonesia", "Berita Daerah Kota Batam"
  std::optional<int> year;
  std::string number;
  std::string supplement_number;  // Tambahan ... Nomor
};

// One regulation named in a text: "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah".
struct Citation {
  std::string kind;    // "Undang-Undang", "Peraturan Daerah", "Peraturan Wali Kota", ...
  std::string region;  // "Provinsi Nusa Tenggara Timur" for regional kinds, else empty
  std::string number;  // as written ("050-3708")
  std::optional<int> year;
  std::string title;  // after "tentang"
  std::optional<Gazette> gazette;
  int amends = -1;     // index (in the same list) of the citation this one amends, or -1
  int nested_in = -1;  // index of the citation whose title contains this one, or -1
  int line = 0;
};

struct Revocation {
  Citation regulation;
  bool whole = true;
  std::string
      scope;  // the provisions revoked when not whole: "Pasal 3 huruf d, Pasal 30 sampai ..."
  std::string exceptions;  // "kecuali ..." when the text keeps something in force
  std::string article;     // where the revocation is: "Pasal 30 huruf a"
  SourceSpan source;
};

struct TransitionalProvision {
  std::string article;  // "Pasal 10"
  std::string text;
  bool keeps_incumbents = false;  // officials stay in office until new ones are appointed
  std::vector<Citation> regulations;
  SourceSpan source;
};

}  // namespace tatakerja::regulation
