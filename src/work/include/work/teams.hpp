// Teams (tim kerja; DOMAIN.md section 4): the scope a team's members give it, the authority that
// decrees it under the region's rules, the decree (SK) drafted for that authority, the warning when
// the lead is not from the unit that owns the target, and who was in the team on a date. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "work/model.hpp"

namespace tatakerja::work {

// Where a member sits: the unit of the position they hold, its agency and region.
struct MemberPlace {
  Id unit_id = 0;
  Id agency_id = 0;
  Id region_id = 0;
};

// One unit (or none given: a unit), several units of one agency, several agencies of one
// region, several regions.
TeamScope scope_of(const std::vector<MemberPlace>& places);

// Who decrees a team of `scope` under `rules` (decree_rule_for), with the rule.
struct DecreeAuthority {
  std::string authority;
  std::optional<Id> rule_id;
  std::string source;   // "Peraturan Wali Kota Batam Nomor 20 Tahun 2024" or "PermenPANRB 7/2022"
  std::string article;  // "Pasal 20 ayat (4) huruf b"
  bool from_default = false;
};
DecreeAuthority decree_authority(const std::vector<Rule>& rules, TeamScope scope);

// What the drafted decree names.
struct DecreeMember {
  std::string name;
  std::string nip;
  std::string position;  // the position title, "" when unknown
  TeamRole role = TeamRole::Member;
};
struct DecreeDraft {
  std::string team_name;
  TeamKind kind = TeamKind::Routine;
  std::string target;
  std::string owner_unit;  // the unit that owns the target
  std::string agency;      // the owner unit's agency
  std::string region;      // "Kota Batam"
  DecreeAuthority authority;
  std::vector<DecreeMember> members;  // the lead first is not required: the draft orders them
  Date formed;
};
// The decree's text, in Indonesian: title, the grounds (the rule's source and article), the
// decision (KESATU: the team and its members, KEDUA: its task, KETIGA: from when), the
// authority's signature line. The lead is listed first.
std::string draft_decree(const DecreeDraft& d);

// The warnings about a team's make-up, in Indonesian: the lead not from the owner unit when the
// members come from several units (003 Pasal 20 (3)); no lead.
std::vector<std::string> team_warnings(TeamScope scope, Id owner_unit_id,
                                       std::optional<Id> lead_unit_id);

// Dates in order: a before b.
bool date_before(const Date& a, const Date& b);
// The periods that cover `on`: start <= on and (no end, or on < end). A period ended on D does
// not cover D: the successor who starts on D does.
std::vector<TeamMember> members_on(const std::vector<TeamMember>& periods, const Date& on);

}  // namespace tatakerja::work
