#include "work/teams.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "work/rules.hpp"

namespace tatakerja::work {
namespace {

// "1 Januari 2026"
std::string long_date(const Date& d) {
  static constexpr const char* kMonths[] = {"Januari",   "Februari", "Maret",    "April",
                                            "Mei",       "Juni",     "Juli",     "Agustus",
                                            "September", "Oktober",  "November", "Desember"};
  if (d.month < 1 || d.month > 12) return d.iso();
  return std::to_string(d.day) + " " + kMonths[d.month - 1] + " " + std::to_string(d.year);
}

std::string upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

}  // namespace

TeamScope scope_of(const std::vector<MemberPlace>& places) {
  std::set<Id> units, agencies, regions;
  for (const auto& p : places) {
    units.insert(p.unit_id);
    agencies.insert(p.agency_id);
    regions.insert(p.region_id);
  }
  if (regions.size() > 1) return TeamScope::AcrossGovernments;
  if (agencies.size() > 1) return TeamScope::AcrossAgencies;
  if (units.size() > 1) return TeamScope::AcrossUnits;
  return TeamScope::Unit;
}

DecreeAuthority decree_authority(const std::vector<Rule>& rules, TeamScope scope) {
  DecreeAuthority a;
  const Rule* r = decree_rule_for(rules, scope);
  if (r == nullptr) {
    // No rule at all (a rule set without decrees): the ministerial default of the scope.
    const auto defaults = default_rules("");
    r = decree_rule_for(defaults, scope);
    if (r == nullptr) return a;
    a.authority = r->statement;
    a.source = r->source;
    a.article = r->article;
    a.from_default = true;
    return a;
  }
  a.authority = r->statement;
  if (r->id != 0) a.rule_id = r->id;
  a.source = r->source;
  a.article = r->article;
  a.from_default = r->origin == RuleOrigin::Default;
  return a;
}

std::string draft_decree(const DecreeDraft& d) {
  std::vector<DecreeMember> members = d.members;
  std::stable_sort(members.begin(), members.end(),
                   [](const DecreeMember& a, const DecreeMember& b) {
                     return a.role == TeamRole::Lead && b.role != TeamRole::Lead;
                   });
  std::string out;
  out += "KEPUTUSAN " +
         upper(d.authority.authority.empty() ? "Pejabat yang Berwenang" : d.authority.authority);
  if (!d.region.empty()) out += " " + upper(d.region);
  out += "\nNOMOR: ...\n\nTENTANG\n\nPEMBENTUKAN TIM KERJA " + upper(d.team_name) + "\n\n";
  out += "Menimbang : bahwa untuk mencapai target kinerja \"" + d.target + "\" pada " +
         d.owner_unit + (d.agency.empty() ? "" : " " + d.agency) + ", perlu membentuk tim kerja " +
         std::string(to_string(d.kind)) + ";\n";
  out += "Mengingat : " + d.authority.source;
  if (!d.authority.article.empty()) out += " " + d.authority.article;
  out += ";\n\nMEMUTUSKAN:\n\n";
  out += "KESATU : Membentuk Tim Kerja " + d.team_name + " dengan susunan sebagai berikut:\n";
  int n = 0;
  for (const auto& m : members) {
    out += "  " + std::to_string(++n) + ". " + m.name;
    if (!m.nip.empty()) out += ", NIP " + m.nip;
    if (!m.position.empty()) out += ", " + m.position;
    out += m.role == TeamRole::Lead ? " — Ketua Tim\n" : " — Anggota\n";
  }
  out += "KEDUA : Tim Kerja bertugas mencapai target kinerja \"" + d.target +
         "\" dan melaporkan hasilnya kepada pimpinan " + d.owner_unit + ".\n";
  out += "KETIGA : Keputusan ini mulai berlaku pada tanggal " + long_date(d.formed) + ".\n\n";
  out += "Ditetapkan pada tanggal " + long_date(d.formed) + "\n";
  out += d.authority.authority.empty() ? "Pejabat yang Berwenang" : d.authority.authority;
  out += ",\n\n\n(nama, pangkat, NIP)\n";
  return out;
}

std::vector<std::string> team_warnings(TeamScope scope, Id owner_unit_id,
                                       std::optional<Id> lead_unit_id) {
  std::vector<std::string> w;
  if (!lead_unit_id) {
    w.emplace_back("Tim belum memiliki ketua tim.");
  } else if (scope != TeamScope::Unit && *lead_unit_id != owner_unit_id) {
    w.emplace_back(
        "Ketua tim bukan dari unit organisasi pemilik kinerja; untuk tim lintas unit, ketua tim "
        "diutamakan berasal dari unit organisasi pemilik kinerja.");
  }
  return w;
}

bool date_before(const Date& a, const Date& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

std::vector<TeamMember> members_on(const std::vector<TeamMember>& periods, const Date& on) {
  std::vector<TeamMember> out;
  for (const auto& p : periods) {
    if (date_before(on, p.start)) continue;
    if (p.end && !date_before(on, *p.end)) continue;
    out.push_back(p);
  }
  return out;
}

}  // namespace tatakerja::work
