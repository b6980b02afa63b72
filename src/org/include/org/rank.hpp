// Ranks of civil servants: the 17 PNS ranks (pangkat, golongan/ruang I/a Juru Muda ... IV/e
// Pembina Utama), the 17 PPPK grades (golongan I..XVII), and the rank range a structural eselon
// requires (PP 100/2000 as amended by PP 13/2002, Lampiran). Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "org/model.hpp"

namespace tatakerja::org {

// A PNS rank: code "IV/c", name "Pembina Utama Muda", order 1 (I/a) .. 17 (IV/e).
struct Rank {
  std::string code;
  std::string name;
  int order = 0;
};

// All 17 PNS ranks, lowest (I/a Juru Muda) first; order == index + 1.
const std::vector<Rank>& pns_ranks();

// The PNS rank for a code written loosely: "IV/c", "IV / c", "iv/c", "IV-c", "IV.c", "IVc"; the
// rank's name ("Pembina Utama Muda", any case) is accepted too, and so are the name and the code
// together as personnel exports write them ("Penata Muda (III/a)", "III/a - Penata Muda", but not
// a name that is not the code's). nullopt when it is no rank (including combinations that do not
// exist, such as "III/e").
std::optional<Rank> pns_rank(std::string_view input);

// Canonical rank text for the kind of employee: PNS "IV/c" (through pns_rank); PPPK a grade as a
// Roman numeral "I".."XVII", read from a Roman numeral or a number ("9" -> "IX"), optionally after
// the word "golongan". nullopt when the text is not a rank of that kind.
std::optional<std::string> normalize_rank(std::string_view input, EmployeeKind kind);

// Lowest and highest PNS rank (canonical codes) allowed for an eselon.
struct RankRange {
  std::string lowest;
  std::string highest;
};

// The rank range PP 100/2000 as amended by PP 13/2002 (Lampiran) sets for a structural eselon:
// I.a IV/d-IV/e, I.b IV/c-IV/e, II.a IV/c-IV/d, II.b IV/b-IV/c, III.a IV/a-IV/b, III.b
// III/d-IV/a, IV.a III/c-III/d, IV.b III/b-III/c, V.a III/a-III/b. The eselon may be written in
// any form normalize_eselon accepts ("II-A", "eselon III.b"). nullopt for any other text.
std::optional<RankRange> rank_range_for_eselon(std::string_view eselon);

// True when the PNS rank lies within the eselon's range (inclusive), or when the eselon has no
// range (empty, unknown, or not an eselon). False when a range is set and the rank is not a PNS
// rank.
bool rank_fits_eselon(std::string_view rank, std::string_view eselon);

}  // namespace tatakerja::org
