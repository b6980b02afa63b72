// The work system's records (PermenPANRB 7/2022; DOMAIN.md section 4): a region's rules, each with
// the article it comes from, and its teams (tim kerja) with their membership over time. The
// assignments and activities of issue 12 items 3-4 will refer to a team and to a rule by id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace tatakerja::work {

using Id = std::int64_t;

// What a rule says. Level: a work level (key "1".."3"). TeamDecree: who decrees a team of a scope
// (key: the TeamScope's decree key). Mechanism: the steps of an assignment mechanism (key:
// "penunjukan_dalam_unit", ...). AssignmentStructure and Flow: one per agency kind (key:
// agency_kind_key). Rework: where results that miss the target go back (key "pengembalian").
enum class RuleKind { Level, TeamDecree, Mechanism, AssignmentStructure, Flow, Rework };
// "level", "keputusan_tim", "mekanisme", "struktur_penugasan", "alur", "pengembalian"
std::string_view to_string(RuleKind k);
std::optional<RuleKind> rule_kind_from_string(std::string_view s);

// Read from the region's own regulation, or PermenPANRB 7/2022's default for a region whose
// regulation does not say.
enum class RuleOrigin { Regulation, Default };
std::string_view to_string(RuleOrigin o);  // "peraturan", "bawaan"
std::optional<RuleOrigin> rule_origin_from_string(std::string_view s);

struct Rule {
  Id id = 0;
  Id region_id = 0;
  RuleKind kind = RuleKind::Level;
  std::string key;
  // The rule in one line: a level's definition, a decree's authority ("Sekretaris Daerah"), a
  // mechanism's name, an agency kind as written, a flow's review chain ("Kepala Bagian > Asisten
  // Daerah > Sekretaris Daerah"), the rework provision.
  std::string statement;
  std::vector<std::string> items;  // steps, structure rules, flow steps ("perencanaan: ...")
  RuleOrigin origin = RuleOrigin::Default;
  std::optional<Id> regulation_id;  // the stored regulation it was read from
  std::string source;   // "Peraturan Wali Kota Batam Nomor 20 Tahun 2024", "PermenPANRB 7/2022"
  std::string article;  // "Pasal 20 ayat (4) huruf a"
  std::string changed_reason;  // the reason of the last change by hand; empty: as read
  std::string changed_at;      // ISO 8601 UTC of that change
  friend bool operator==(const Rule&, const Rule&) = default;
};

// A team's scope, from its members' units (DOMAIN.md section 4).
enum class TeamScope { Unit, AcrossUnits, AcrossAgencies, AcrossGovernments };
// "unit_organisasi", "lintas_unit", "antar_perangkat_daerah", "lintas_instansi"
std::string_view to_string(TeamScope s);
std::optional<TeamScope> team_scope_from_string(std::string_view s);

// Routine (recurring work) or incidental (on request or volunteering).
enum class TeamKind { Routine, Incidental };
std::string_view to_string(TeamKind k);  // "rutin", "insidental"
std::optional<TeamKind> team_kind_from_string(std::string_view s);

enum class TeamStatus { Active, Dissolved };
std::string_view to_string(TeamStatus s);  // "aktif", "bubar"
std::optional<TeamStatus> team_status_from_string(std::string_view s);

struct Team {
  Id id = 0;
  Id region_id = 0;
  Id agency_id = 0;      // the agency of the owner unit
  Id owner_unit_id = 0;  // the unit that owns the performance target
  std::string name;
  TeamKind kind = TeamKind::Routine;
  std::string target;  // the performance target the team works on
  TeamScope scope = TeamScope::Unit;
  std::string authority;                // who decrees it, per the region's rules
  std::optional<Id> authority_rule_id;  // the rule that says so
  std::string decree_text;              // the drafted SK
  TeamStatus status = TeamStatus::Active;
  Date formed;
  std::string created_at;
  friend bool operator==(const Team&, const Team&) = default;
};

enum class TeamRole { Lead, Member };
std::string_view to_string(TeamRole r);  // "ketua", "anggota"
std::optional<TeamRole> team_role_from_string(std::string_view s);

// One period of one person in a team: a role from `start` until `end` (none: still in it). A
// role change ends the period and opens another, so who was in the team on a date is the periods
// that cover it.
struct TeamMember {
  Id id = 0;
  Id team_id = 0;
  Id employee_id = 0;
  Id unit_id = 0;  // the member's unit when the period began
  TeamRole role = TeamRole::Member;
  Date start;
  std::optional<Date> end;
  std::string end_reason;
  friend bool operator==(const TeamMember&, const TeamMember&) = default;
};

}  // namespace tatakerja::work
