#include "app/teams.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "app/scope.hpp"
#include "app/work_rules.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"

namespace tatakerja::app {
namespace {

using work::TeamMember;
using work::TeamRole;

constexpr std::size_t kMaxMembers = 200;

// Where an employee sits on `on`: the unit of a position they hold then.
struct Seat {
  org::Employee employee;
  org::Position position;
  work::MemberPlace place;
};

bool covers(const org::Placement& p, const Date& on) {
  if (work::date_before(on, p.start)) return false;
  return !p.end || work::date_before(on, *p.end);
}

Seat seat_of(const Stores& stores, org::Id employee_id, const Date& on) {
  const auto e = stores.org.employee(employee_id);
  if (!e) fail(ErrorCode::InvalidField, "employee_id", "Pegawai tidak ditemukan.");
  for (const auto& p : stores.org.placements_of_employee(employee_id)) {
    if (!covers(p, on)) continue;
    const auto pos = stores.org.position(p.position_id);
    if (!pos || !pos->unit_id) continue;
    const auto unit = stores.org.unit(*pos->unit_id);
    const auto agency = unit ? stores.org.agency(unit->agency_id) : std::nullopt;
    if (!agency) continue;
    return Seat{*e, *pos, {unit->id, agency->id, agency->region_id}};
  }
  fail(
      ErrorCode::TeamMemberUnplaced, "employee_id",
      "Pegawai " + e->name +
          " tidak sedang menduduki jabatan pada suatu unit organisasi, sehingga unit organisasinya "
          "tidak diketahui; tempatkan pegawai pada jabatan terlebih dahulu.");
}

std::optional<org::Id> current_lead_unit(const std::vector<TeamMember>& periods) {
  for (const auto& p : periods) {
    if (p.role == TeamRole::Lead && !p.end) return p.unit_id;
  }
  return std::nullopt;
}

std::vector<std::string> warnings_of(const work::Team& t, const std::vector<TeamMember>& periods) {
  return work::team_warnings(t.scope, t.owner_unit_id, current_lead_unit(periods));
}

nlohmann::json team_audit(const work::Team& t, const std::vector<TeamMember>& periods) {
  nlohmann::json members = nlohmann::json::array();
  for (const auto& p : periods) {
    members.push_back({{"employee_id", p.employee_id},
                       {"role", std::string(work::to_string(p.role))},
                       {"start", p.start.iso()},
                       {"end", p.end ? nlohmann::json(p.end->iso()) : nlohmann::json()},
                       {"end_reason", p.end_reason}});
  }
  return {{"id", t.id},
          {"name", t.name},
          {"kind", std::string(work::to_string(t.kind))},
          {"scope", std::string(work::to_string(t.scope))},
          {"owner_unit_id", t.owner_unit_id},
          {"authority", t.authority},
          {"members", members}};
}

std::string checked_text(const std::string& value, const char* field, std::size_t max) {
  std::string s = text::collapse_spaces(text::trim(value));
  if (s.empty() || s.size() > max) {
    fail(ErrorCode::InvalidField, field,
         std::string("Isian ") + field + " wajib diisi dan paling banyak " + std::to_string(max) +
             " bita.");
  }
  return s;
}

}  // namespace

TeamView form_team(const Stores& stores, const Actor& actor, const NewTeam& input) {
  work::Team t;
  t.name = checked_text(input.name, "name", 300);
  t.target = checked_text(input.target, "target", 2000);
  t.kind = input.kind;
  t.formed = input.formed;
  if (input.member_employee_ids.size() > kMaxMembers) {
    fail(ErrorCode::InvalidField, "member_employee_ids", "Paling banyak 200 anggota.");
  }
  std::set<org::Id> seen{input.lead_employee_id};
  for (const org::Id id : input.member_employee_ids) {
    if (!seen.insert(id).second) {
      fail(ErrorCode::InvalidField, "member_employee_ids",
           "Setiap pegawai hanya sekali dalam tim; ketua tim tidak dicantumkan lagi sebagai "
           "anggota.");
    }
  }
  Transaction tx(stores.transactions);
  const auto owner = stores.org.unit(input.owner_unit_id);
  if (!owner || owner->abolished) {
    fail(ErrorCode::InvalidField, "owner_unit_id",
         "Unit organisasi pemilik kinerja tidak ditemukan.");
  }
  require_agency_in_scope(stores, actor, owner->agency_id);
  const auto agency = stores.org.agency(owner->agency_id);
  if (!agency) fail(ErrorCode::NotFound, "owner_unit_id");
  const auto region = stores.org.region(agency->region_id);
  if (!region) fail(ErrorCode::NotFound, "owner_unit_id");

  std::vector<Seat> seats;
  seats.push_back(seat_of(stores, input.lead_employee_id, input.formed));
  for (const org::Id id : input.member_employee_ids) {
    seats.push_back(seat_of(stores, id, input.formed));
  }
  std::vector<work::MemberPlace> places;
  places.reserve(seats.size());
  for (const auto& s : seats) places.push_back(s.place);
  t.scope = work::scope_of(places);
  t.region_id = region->id;
  t.agency_id = agency->id;
  t.owner_unit_id = owner->id;

  const auto rules = region_rules(stores, region->id);
  const work::DecreeAuthority authority = work::decree_authority(rules.rules, t.scope);
  t.authority = authority.authority;
  t.authority_rule_id = authority.rule_id;
  work::DecreeDraft draft;
  draft.team_name = t.name;
  draft.kind = t.kind;
  draft.target = t.target;
  draft.owner_unit = owner->name;
  draft.agency = agency->name;
  draft.region = region->name;
  draft.authority = authority;
  draft.formed = t.formed;
  for (std::size_t i = 0; i < seats.size(); ++i) {
    draft.members.push_back({seats[i].employee.name, seats[i].employee.nip, seats[i].position.title,
                             i == 0 ? TeamRole::Lead : TeamRole::Member});
  }
  t.decree_text = work::draft_decree(draft);
  t.created_at = now_iso_utc();
  t.id = stores.work.insert_team(t);
  for (std::size_t i = 0; i < seats.size(); ++i) {
    TeamMember m;
    m.team_id = t.id;
    m.employee_id = seats[i].employee.id;
    m.unit_id = seats[i].place.unit_id;
    m.role = i == 0 ? TeamRole::Lead : TeamRole::Member;
    m.start = t.formed;
    m.id = stores.work.insert_member(m);
  }
  TeamView v{t, stores.work.members_of_team(t.id), {}, authority};
  v.warnings = warnings_of(t, v.periods);
  record_audit(stores, actor, "create", "team", std::to_string(t.id), "",
               team_audit(t, v.periods).dump());
  tx.commit();
  return v;
}

TeamView team_view(const Stores& stores, org::Id team_id) {
  const auto t = stores.work.team(team_id);
  if (!t) fail(ErrorCode::NotFound);
  TeamView v{*t, stores.work.members_of_team(team_id), {}, {}};
  v.warnings = warnings_of(*t, v.periods);
  const auto rules = region_rules(stores, t->region_id);
  v.authority = work::decree_authority(rules.rules, t->scope);
  return v;
}

TeamView replace_lead(const Stores& stores, const Actor& actor, org::Id team_id,
                      org::Id employee_id, const Date& on, const std::string& reason_text) {
  const std::string reason = std::string(text::trim(reason_text));
  if (reason.empty()) fail(ErrorCode::ReasonRequired, "reason");
  if (reason.size() > 2000) {
    fail(ErrorCode::InvalidField, "reason", "Alasan paling banyak 2000 bita.");
  }
  Transaction tx(stores.transactions);
  const auto team = stores.work.team(team_id);
  if (!team) fail(ErrorCode::NotFound);
  require_agency_in_scope(stores, actor, team->agency_id);
  if (team->status != work::TeamStatus::Active) {
    fail(ErrorCode::Conflict, "team_id", "Tim sudah dibubarkan.");
  }
  const auto before = stores.work.members_of_team(team_id);
  for (const auto& p : before) {
    if (!p.end && work::date_before(on, p.start)) {
      fail(ErrorCode::InvalidField, "date",
           "Tanggal penggantian tidak boleh sebelum tanggal mulai keanggotaan yang sedang "
           "berjalan.");
    }
    if (!p.end && p.role == TeamRole::Lead && p.employee_id == employee_id) {
      fail(ErrorCode::Conflict, "employee_id", "Pegawai ini sudah menjadi ketua tim.");
    }
  }
  const Seat seat = seat_of(stores, employee_id, on);
  for (auto p : before) {
    if (p.end) continue;
    if (p.role == TeamRole::Lead) {
      p.end = on;
      p.end_reason = reason;
      stores.work.update_member(p);
    } else if (p.employee_id == employee_id) {
      p.end = on;
      p.end_reason = "Menjadi ketua tim";
      stores.work.update_member(p);
    }
  }
  TeamMember lead;
  lead.team_id = team_id;
  lead.employee_id = employee_id;
  lead.unit_id = seat.place.unit_id;
  lead.role = TeamRole::Lead;
  lead.start = on;
  stores.work.insert_member(lead);
  TeamView v{*team, stores.work.members_of_team(team_id), {}, {}};
  v.warnings = warnings_of(*team, v.periods);
  v.authority = work::decree_authority(region_rules(stores, team->region_id).rules, team->scope);
  record_audit(stores, actor, "update", "team", std::to_string(team_id),
               team_audit(*team, before).dump(), team_audit(*team, v.periods).dump());
  tx.commit();
  return v;
}

}  // namespace tatakerja::app
