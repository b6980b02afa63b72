#include "app/accountability.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "app/assignment_roles.hpp"
#include "app/audit.hpp"
#include "core/error.hpp"
#include "core/transaction.hpp"
#include "work_people.hpp"

namespace tatakerja::app {
namespace {

using work_people::checked_date;
using work_people::checked_text;
using work_people::leads_above;
using work_people::team_leads;
using work_people::team_members_now;

constexpr std::size_t kMaxResults = 50;
constexpr std::size_t kMaxAlternatives = 10;

org::Employee person_of(const Stores& stores, const identity::User& user) {
  return work_people::person_of(stores, user, "akuntabilitas kerja");
}

work::Team active_team(const Stores& stores, std::optional<org::Id> id) {
  const auto t = id ? stores.work.team(*id) : std::nullopt;
  if (!t || t->status != work::TeamStatus::Active) {
    fail(ErrorCode::InvalidField, "team_id", "Tim kerja tidak ditemukan atau sudah bubar.");
  }
  return *t;
}

// The holders of the position that leads the unit a person sits in; for the leader themselves,
// the holders of the position above it.
std::set<org::Id> leaders_of_person(const Stores& stores, org::Id employee_id) {
  const auto seat = seat_now(stores, employee_id);
  if (!seat) return {};
  std::optional<org::Id> at = leading_position(stores, seat->unit.id);
  if (at && *at == seat->position.id) {
    const auto p = stores.org.position(*at);
    at = p ? p->superior_id : std::nullopt;
  }
  return position_holders(stores, at);
}

// Tells `to` (but the actor) `message`, about what `about` names (a report, a request).
void notify(const Stores& stores, const std::set<org::Id>& to, org::Id actor,
            const std::string& message, const work::Notification& about = {}) {
  const std::string now = now_iso_utc();
  for (const org::Id id : to) {
    if (id == actor) continue;
    work::Notification n = about;
    n.employee_id = id;
    n.kind = "langkah";
    n.message = message;
    n.created_at = now;
    stores.work.insert_notification(n);
  }
}

work::Notification about_report(org::Id id) {
  work::Notification n;
  n.report_id = id;
  return n;
}

bool is_admin_of(const identity::User& user, org::Id region_id) {
  return user.role == identity::Role::Administrator ||
         (user.role == identity::Role::RegistryAdmin &&
          (!user.scope_region_id || *user.scope_region_id == region_id));
}

// Who may see a team's records: its members now, the leaders of its owner unit and above, and
// administrators of its region.
bool may_see_team(const Stores& stores, const identity::User& user, const work::Team& t) {
  if (is_admin_of(user, t.region_id)) return true;
  if (!user.employee_id) return false;
  const org::Id me = *user.employee_id;
  return team_members_now(stores, t.id).contains(me) || leads_above(stores, t.owner_unit_id, me);
}

std::string period_text(const work::Report& r) {
  return r.period_start.iso() + " s.d. " + r.period_end.iso();
}

// The request a report answers: asked of its author and still open.
work::ReportRequest open_request_of(const Stores& stores, org::Id request_id, org::Id author) {
  const auto rq = stores.accountability.request(request_id);
  if (!rq || rq->asked_employee_id != author) {
    fail(ErrorCode::InvalidField, "request_id", "Permintaan laporan ini bukan untuk Anda.");
  }
  if (rq->report_id) {
    fail(ErrorCode::Conflict, "request_id", "Permintaan laporan ini sudah dijawab.");
  }
  return *rq;
}

// The recipients of a report of `kind` by `author`, checking that the author may make it.
std::set<org::Id> report_recipients(const Stores& stores, const NewReport& in,
                                    const org::Employee& author,
                                    const std::optional<work::Team>& team) {
  if (in.kind == "anggota") {
    auto leads = team_leads(stores, team->id);
    if (!team_members_now(stores, team->id).contains(author.id) || leads.contains(author.id)) {
      fail(ErrorCode::RoleRequired, "",
           "Laporan anggota disampaikan oleh anggota tim kepada ketua timnya.");
    }
    return leads;
  }
  if (in.kind == "tim") {
    if (!team_leads(stores, team->id).contains(author.id)) {
      fail(ErrorCode::RoleRequired, "",
           "Laporan tim disampaikan oleh ketua tim kepada pimpinan unit kerja pemilik kinerja.");
    }
    return unit_leaders(stores, team->owner_unit_id);
  }
  auto leaders = leaders_of_person(stores, author.id);
  if (leaders.empty()) {
    fail(ErrorCode::TeamMemberUnplaced, "",
         "Anda tidak sedang menduduki jabatan, sehingga tidak ada pimpinan unit kerja yang "
         "menerima laporan.");
  }
  return leaders;
}

}  // namespace

ReportView submit_report(const Stores& stores, const identity::User& user, const NewReport& in) {
  if (!work::is_report_kind(in.kind)) {
    fail(ErrorCode::InvalidField, "kind", "Jenis laporan: anggota, tim atau individu.");
  }
  work::Report r;
  r.kind = in.kind;
  r.summary = checked_text(in.summary, "summary", 8000, true);
  r.period_start = checked_date(in.period_start, "period_start");
  r.period_end = checked_date(in.period_end, "period_end");
  if (r.period_end.iso() < r.period_start.iso()) {
    fail(ErrorCode::InvalidField, "period_end", "Akhir periode tidak boleh sebelum awalnya.");
  }
  if (in.kind != "tim" && !in.member_results.empty()) {
    fail(ErrorCode::InvalidField, "member_results", "Hasil kerja anggota hanya dalam laporan tim.");
  }
  if (in.member_results.size() > kMaxResults) {
    fail(ErrorCode::InvalidField, "member_results", "Paling banyak 50 anggota dalam satu laporan.");
  }
  if (in.kind == "individu" && in.team_id) {
    fail(ErrorCode::InvalidField, "team_id", "Laporan individu tidak untuk tim.");
  }

  Transaction tx(stores.transactions);
  const org::Employee author = person_of(stores, user);
  std::optional<work::Team> team;
  if (in.kind != "individu") team = active_team(stores, in.team_id);
  const auto recipients = report_recipients(stores, in, author, team);
  std::optional<work::ReportRequest> answered;
  if (in.request_id) answered = open_request_of(stores, *in.request_id, author.id);
  const auto seat = seat_now(stores, author.id);
  r.region_id = team ? team->region_id : seat ? seat->region_id : 0;
  if (r.region_id == 0) fail(ErrorCode::TeamMemberUnplaced);
  r.team_id = in.kind == "individu" ? std::nullopt : std::optional<org::Id>(team->id);
  r.author_employee_id = author.id;
  r.request_id = in.request_id;
  r.recipient_employee_ids.assign(recipients.begin(), recipients.end());
  r.created_at = now_iso_utc();
  r.id = stores.accountability.insert_report(r);

  ReportView v{r, {}};
  std::set<org::Id> appraisers;
  std::set<org::Id> seen;
  for (const auto& m : in.member_results) {
    if (!seen.insert(m.member_employee_id).second ||
        !team_members_now(stores, team->id).contains(m.member_employee_id) ||
        m.member_employee_id == author.id) {
      fail(ErrorCode::InvalidField, "member_results",
           "Hasil kerja dilaporkan sekali untuk setiap anggota tim saat ini (selain ketua).");
    }
    work::MemberResult x;
    x.report_id = r.id;
    x.member_employee_id = m.member_employee_id;
    x.result = checked_text(m.result, "member_results", 4000, true);
    x.created_at = r.created_at;
    if (const auto member_seat = seat_now(stores, m.member_employee_id)) {
      x.appraiser_position_id = member_seat->position.appraiser_id;
      appraisers.merge(position_holders(stores, x.appraiser_position_id));
    }
    x.id = stores.accountability.insert_member_result(x);
    v.member_results.push_back(x);
  }
  if (answered) {
    answered->report_id = r.id;
    stores.accountability.update_request(*answered);
  }
  const std::string what = in.kind == "anggota" ? "laporan anggota tim"
                           : in.kind == "tim"   ? "laporan tim"
                                                : "laporan kerja";
  notify(stores, recipients, author.id,
         author.name + " menyampaikan " + what + " periode " + period_text(r) +
             (team ? " (" + team->name + ")" : "") + ".",
         about_report(r.id));
  notify(stores, appraisers, author.id,
         author.name + " (ketua tim) melaporkan hasil kerja anggota tim \"" +
             (team ? team->name : "") + "\" yang Anda nilai, periode " + period_text(r) +
             ", sebagai bahan penilaian kinerja.",
         about_report(r.id));
  record_audit(
      stores, actor_of(user), "create", "report", std::to_string(r.id), "",
      nlohmann::json{{"kind", r.kind},
                     {"team_id", r.team_id ? nlohmann::json(*r.team_id) : nullptr},
                     {"period", period_text(r)},
                     {"request_id", r.request_id ? nlohmann::json(*r.request_id) : nullptr},
                     {"member_results", v.member_results.size()}}
          .dump());
  tx.commit();
  return v;
}

work::ReportRequest request_report(const Stores& stores, const identity::User& user,
                                   const NewReportRequest& in) {
  work::ReportRequest rq;
  rq.note = checked_text(in.note, "note", 2000, false);
  rq.due = checked_date(in.due, "due");
  if (rq.due.iso() < work_people::today().iso()) {
    fail(ErrorCode::InvalidField, "due", "Tenggat tidak boleh sebelum hari ini.");
  }
  Transaction tx(stores.transactions);
  const org::Employee me = person_of(stores, user);
  const auto asked = stores.org.employee(in.asked_employee_id);
  if (!asked) fail(ErrorCode::InvalidField, "asked_employee_id", "Pegawai tidak ditemukan.");
  const auto seat = seat_now(stores, asked->id);
  if (!seat) {
    fail(ErrorCode::TeamMemberUnplaced, "asked_employee_id",
         "Pegawai ini tidak sedang menduduki jabatan.");
  }
  org::Id unit = seat->unit.id;
  rq.region_id = seat->region_id;
  if (in.team_id) {
    const auto team = active_team(stores, in.team_id);
    if (!team_members_now(stores, team.id).contains(asked->id)) {
      fail(ErrorCode::InvalidField, "asked_employee_id",
           "Laporan tim diminta dari ketua atau anggota tim saat ini.");
    }
    unit = team.owner_unit_id;
    rq.region_id = team.region_id;
    rq.team_id = team.id;
  }
  if (asked->id == me.id || !leads_above(stores, unit, me.id)) {
    fail(ErrorCode::RoleRequired, "",
         "Laporan diminta oleh pimpinan unit kerja (atau pejabat di atasnya) dari ketua atau "
         "anggota tim, atau pegawai di unitnya.");
  }
  rq.requester_employee_id = me.id;
  rq.asked_employee_id = asked->id;
  rq.created_at = now_iso_utc();
  rq.id = stores.accountability.insert_request(rq);
  work::Notification about;
  about.report_request_id = rq.id;
  notify(stores, {asked->id}, me.id,
         me.name + " meminta laporan kerja Anda paling lambat " + rq.due.iso() +
             (rq.note.empty() ? "." : ": " + rq.note),
         about);
  record_audit(stores, actor_of(user), "create", "report_request", std::to_string(rq.id), "",
               nlohmann::json{{"asked_employee_id", rq.asked_employee_id},
                              {"due", rq.due.iso()},
                              {"team_id", rq.team_id ? nlohmann::json(*rq.team_id) : nullptr}}
                   .dump());
  tx.commit();
  return rq;
}

work::Escalation escalate(const Stores& stores, const identity::User& user,
                          const NewEscalation& in) {
  work::Escalation e;
  e.problem = checked_text(in.problem, "problem", 4000, true);
  if (in.alternatives.empty() || in.alternatives.size() > kMaxAlternatives) {
    fail(ErrorCode::InvalidField, "alternatives",
         "Sertakan 1 sampai 10 alternatif rekomendasi penyelesaian.");
  }
  for (const auto& a : in.alternatives) {
    e.alternatives.push_back(checked_text(a, "alternatives", 1000, true));
  }
  e.several_units = in.several_units;
  Transaction tx(stores.transactions);
  const org::Employee me = person_of(stores, user);
  const auto team = active_team(stores, in.team_id);
  const auto members = team_members_now(stores, team.id);
  if (!members.contains(me.id)) {
    fail(ErrorCode::RoleRequired, "", "Permasalahan tim dieskalasi oleh ketua atau anggota tim.");
  }
  // To the owner unit's leader; where several units must act, to each member's unit leader.
  std::set<org::Id> to = unit_leaders(stores, team.owner_unit_id);
  if (e.several_units) {
    for (const org::Id m : members) {
      if (const auto seat = seat_now(stores, m)) to.merge(unit_leaders(stores, seat->unit.id));
    }
  }
  to.erase(me.id);
  if (to.empty()) {
    fail(ErrorCode::InvalidField, "team_id", "Tidak ada pimpinan unit kerja yang menerima.");
  }
  e.region_id = team.region_id;
  e.team_id = team.id;
  e.author_employee_id = me.id;
  e.recipient_employee_ids.assign(to.begin(), to.end());
  e.created_at = now_iso_utc();
  e.id = stores.accountability.insert_escalation(e);
  notify(stores, to, me.id,
         me.name + " mengeskalasi permasalahan tim \"" + team.name +
             "\": " + e.problem.substr(0, 300) + " (" + std::to_string(e.alternatives.size()) +
             " alternatif rekomendasi).");
  record_audit(stores, actor_of(user), "create", "escalation", std::to_string(e.id), "",
               nlohmann::json{{"team_id", e.team_id},
                              {"several_units", e.several_units},
                              {"recipients", e.recipient_employee_ids}}
                   .dump());
  tx.commit();
  return e;
}

namespace {

// Who reads a report whole: its author, its recipients and administrators of its region.
bool reads_whole_report(const identity::User& user, const work::Report& r) {
  if (is_admin_of(user, r.region_id)) return true;
  if (!user.employee_id) return false;
  const org::Id me = *user.employee_id;
  if (r.author_employee_id == me) return true;
  for (const org::Id x : r.recipient_employee_ids) {
    if (x == me) return true;
  }
  return false;
}

// A member's result is also for the member and for whoever holds now the appraiser position it is
// addressed to, and for no one else.
bool result_is_for(const Stores& stores, const identity::User& user, const work::MemberResult& m) {
  if (!user.employee_id) return false;
  return m.member_employee_id == *user.employee_id ||
         position_holders(stores, m.appraiser_position_id).contains(*user.employee_id);
}

// What `user` may see of a report: whole, or only the results that are for them.
void keep_what_user_may_read(const Stores& stores, const identity::User& user, ReportView& v) {
  if (reads_whole_report(user, v.report)) return;
  std::erase_if(v.member_results,
                [&](const work::MemberResult& m) { return !result_is_for(stores, user, m); });
}

AccountabilityOverview overview(const Stores& stores, std::vector<work::Report> reports,
                                std::vector<work::ReportRequest> requests,
                                std::vector<work::Escalation> escalations) {
  AccountabilityOverview o;
  for (auto& r : reports) {
    auto results = stores.accountability.member_results_of_report(r.id);
    o.reports.push_back({std::move(r), std::move(results)});
  }
  const std::string today = work_people::today().iso();
  for (auto& rq : requests) {
    o.overdue.push_back(!rq.report_id && rq.due.iso() < today);
    o.requests.push_back(std::move(rq));
  }
  o.escalations = std::move(escalations);
  return o;
}

}  // namespace

AccountabilityOverview my_accountability(const Stores& stores, const identity::User& user,
                                         int limit) {
  if (!user.employee_id) return {};
  const org::Id me = *user.employee_id;
  return overview(stores, stores.accountability.reports_of_person(me, limit),
                  stores.accountability.requests_of_person(me, limit),
                  stores.accountability.escalations_of_person(me, limit));
}

AccountabilityOverview team_accountability(const Stores& stores, const identity::User& user,
                                           org::Id team_id, int limit) {
  const auto team = stores.work.team(team_id);
  if (!team) fail(ErrorCode::NotFound);
  if (!may_see_team(stores, user, *team)) {
    fail(ErrorCode::Forbidden, "", "Akuntabilitas tim hanya untuk anggota dan pimpinannya.");
  }
  auto o = overview(stores, stores.accountability.reports_of_team(team_id, limit),
                    stores.accountability.requests_of_team(team_id, limit),
                    stores.accountability.escalations_of_team(team_id, limit));
  // The team's readers see the members' results that are for them (result_is_for), unless they
  // read the report whole.
  for (auto& v : o.reports) keep_what_user_may_read(stores, user, v);
  return o;
}

ReportView report_view(const Stores& stores, const identity::User& user, org::Id id) {
  const auto r = stores.accountability.report(id);
  if (!r) fail(ErrorCode::NotFound);
  ReportView v{*r, stores.accountability.member_results_of_report(id)};
  if (reads_whole_report(user, v.report)) return v;
  // An appraiser (or the member) reads the report with only the results addressed to them.
  keep_what_user_may_read(stores, user, v);
  if (!v.member_results.empty()) return v;
  fail(ErrorCode::Forbidden, "", "Laporan ini hanya untuk penyusun dan penerimanya.");
}

std::vector<work::MemberResult> work_results_of(const Stores& stores, const identity::User& user,
                                                org::Id employee_id, int limit) {
  const auto person = stores.org.employee(employee_id);
  if (!person) fail(ErrorCode::NotFound);
  auto results = stores.accountability.member_results_of_member(employee_id, limit);
  if (is_admin_of(user, person->region_id) || user.employee_id == employee_id) return results;
  if (user.employee_id) {
    // The appraiser now: of the employee's current position, or of a position an account was
    // addressed to.
    const org::Id me = *user.employee_id;
    if (const auto seat = seat_now(stores, employee_id)) {
      if (position_holders(stores, seat->position.appraiser_id).contains(me)) return results;
    }
    for (const auto& m : results) {
      if (position_holders(stores, m.appraiser_position_id).contains(me)) return results;
    }
  }
  fail(ErrorCode::Forbidden, "", "Hasil kerja ini hanya untuk pegawai dan pejabat penilainya.");
}

}  // namespace tatakerja::app
