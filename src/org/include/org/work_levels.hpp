// The work system's levels (Pejabat Level I/II/III, 004 Pasal 1 angka 27-29) and the appraiser
// (Pejabat Penilai Kinerja, 003 Pasal 1 angka 25; 004 Pasal 1 angka 26) of every position of one
// agency, resolved from the registry's units and positions. The rules follow the regulations'
// assignment structures (003 Pasal 13; 004 Pasal 7 and Pasal 11) and are read from the data
// (eselon, position kind, superior, unit tree), not from titles, except where the regulation itself
// names the case (functional levels, DPMPTSP). Pure: no I/O; terminates on cyclic data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "org/model.hpp"

namespace tatakerja::org {

// The work level and the appraiser resolved for one position. Exactly one of appraiser_id and
// appraiser_outside is set, except when the agency has no structural position at all and the
// position has no reports_to text (then neither is, and `rule` says so).
struct LevelAssignment {
  Id position_id = 0;
  int work_level = 0;              // 1, 2, 3, or 0 when the position is not a level (JF, Pelaksana)
  std::optional<Id> appraiser_id;  // appraiser position inside the agency
  std::string appraiser_outside;   // when the appraiser is outside the agency: e.g. "Sekretaris
                                   // Daerah" or the position's reports_to text ("Gubernur melalui
                                   // Sekretaris Daerah")
  std::string rule;  // short Indonesian explanation of the rule used, e.g. "atasan langsung
                     // (Pengawas)", "JF Ahli Madya: kepala perangkat daerah (Pasal 13)"
};

// One LevelAssignment for every non-abolished position of ONE agency, in the order of
// `positions`. Ids must be set; unit_id and superior_id reference the given units and positions
// (a reference to an id not given counts as none; abolished positions are passed through when
// walking up but are never a level or an appraiser).
//
// Levels (004 Pasal 1 angka 27-29): Level I is the agency head (the highest structural position
// with no structural superior inside the agency) and the head of each UPTD (004 Pasal 11 huruf f);
// Level II a structural position directly under a Level I; Level III one under a Level II (in the
// Sekretariat Daerah: Sekda, Asisten, Kepala Bagian). Deeper structural positions, JF and
// Pelaksana get 0. A position is structural when its eselon says so (II -> JPT Pratama, III ->
// Administrator, IV/V -> Pengawas) or, without an eselon, when its kind is JPT Pratama,
// Administrator or Pengawas. A structural position without a recorded structural superior is
// placed under the head of the nearest enclosing unit, else under the agency head.
//
// Appraisers: the agency head's is outside the agency (its reports_to, else "Kepala Daerah");
// a structural position's is its nearest structural superior (003 Pasal 1 angka 25). JF and
// Pelaksana: in a UPTD, the Kepala UPTD (004 Pasal 11 huruf f); in the DPMPTSP, the agency head
// (004 Pasal 11 huruf e); JF Ahli Utama/Ahli Madya, the agency head (003 Pasal 13 ayat (2) huruf
// a); other JF and Pelaksana, the head of the smallest enclosing unit that has one (003 Pasal 13
// ayat (2) huruf b; 004 Pasal 7 ayat (1)), else their nearest structural superior, else the
// agency head. A position is never its own appraiser.
std::vector<LevelAssignment> resolve_work_levels(const Agency& agency,
                                                 const std::vector<Unit>& units,
                                                 const std::vector<Position>& positions);

// True for the investment and one-stop-service agency (Dinas Penanaman Modal dan Pelayanan
// Terpadu Satu Pintu, "DPMPTSP"), whose head appraises JF and Pelaksana directly (004 Pasal 11
// huruf e).
bool is_one_stop_service_agency(const Agency& agency);

}  // namespace tatakerja::org
