#include "app/assignments.hpp"

#include <nlohmann/json.hpp>

#include "app/assignment_roles.hpp"
#include "app/audit.hpp"
#include "app/letters.hpp"
#include "app/work_rules.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "work/deadlines.hpp"
#include "work/mechanisms.hpp"
#include "work_people.hpp"

namespace tatakerja::app {
namespace {

using work::Assignment;
using work::AssignmentStep;
using work::Mechanism;
using work::Notification;
using work_people::checked_text;
using work_people::today;

org::Employee person_of(const Stores& stores, const identity::User& user) {
  return work_people::person_of(stores, user, "penugasan");
}

// The newest assignments of a person read for their overdue requests.
constexpr int kDeadlineScan = 200;

const Mechanism& mechanism_of(const Assignment& a) {
  const Mechanism* m = work::find_mechanism(a.mechanism);
  if (m == nullptr) fail(ErrorCode::Internal);
  return *m;
}

nlohmann::json assignment_audit(const Assignment& a) {
  return {{"id", a.id},
          {"mechanism", a.mechanism},
          {"state", a.state},
          {"version", a.version},
          {"owner_unit_id", a.owner_unit_id},
          {"official_employee_id",
           a.official_employee_id ? nlohmann::json(*a.official_employee_id) : nlohmann::json()},
          {"letter_kind", std::string(work::to_string(a.letter))},
          {"title", a.title}};
}

bool is_waiting(const Assignment& a) {
  const auto* s = work::find_state(mechanism_of(a), a.state);
  return s != nullptr && s->waiting;
}

// Waiting for `days` working days or more: the weekdays since it began to wait, but the days off
// of the holiday calendar (read only when the weekdays alone reach `days`).
bool is_overdue(const Stores& stores, const Assignment& a, int days) {
  if (!is_waiting(a)) return false;
  const auto since = parse_iso_date(std::string_view(a.state_since).substr(0, 10));
  const Date now = today();
  if (!since || !work::overdue(*since, now, days)) return false;
  std::vector<Date> closed;
  for (const auto& h : stores.work.holidays_between(*since, now)) closed.push_back(h.date);
  return work::overdue(*since, now, days, closed);
}

AssignmentView view_of(const Stores& stores, const Assignment& a) {
  AssignmentView v;
  v.assignment = a;
  v.letter = stores.letters.letter_of_assignment(a.id);
  v.steps = stores.work.steps_of_assignment(a.id);
  v.answer_days = answer_days(stores, a.region_id, a.mechanism);
  v.overdue = is_overdue(stores, a, v.answer_days);
  for (const auto* t : work::transitions_from(mechanism_of(a), a.state)) {
    v.next.push_back({std::string(t->name), std::string(t->role), t->reason_required});
  }
  return v;
}

// The state in which an assignment's letter is issued ("Ditugaskan: surat penugasan diterbitkan").
constexpr std::string_view kAssignedState = "ditugaskan";

// Issues the assignment's letter in the open transaction (003 Pasal 20 (5): a Surat Tugas for
// work within the official's main duties, a Surat Perintah for work outside them): signed by the
// person whose step assigned the official (the appraiser, or the appraiser in the target
// government), addressed to the official, numbered in the agency of the official's position, its
// Untuk the assignment's title and details, dated today. A refusal of the letter (a broken
// numbering scheme, a signatory of another region) refuses the step: both or neither.
void issue_assignment_letter(const Stores& stores, const identity::User& user,
                             const org::Employee& signer, const Assignment& a) {
  if (a.state != kAssignedState || !a.official_employee_id) return;
  const auto seat = seat_now(stores, *a.official_employee_id);
  if (!seat) {
    fail(ErrorCode::TeamMemberUnplaced, "official_employee_id",
         "Pejabat ini tidak sedang menduduki jabatan, sehingga surat penugasannya tidak dapat "
         "diterbitkan.");
  }
  NewLetter in;
  in.kind = a.letter;
  in.agency_id = seat->position.agency_id;
  in.assignment_id = a.id;
  in.signatory_employee_id = signer.id;
  in.recipient_employee_ids = {*a.official_employee_id};
  in.tasks = {a.title};
  if (!a.details.empty()) in.tasks.push_back(a.details.substr(0, 2000));
  in.date = today();
  const LetterCaller caller{actor_of(user), user.role, signer.id};
  issue_letter_in_transaction(stores, caller, in);
}

std::string state_label(const Assignment& a) {
  const auto* s = work::find_state(mechanism_of(a), a.state);
  return s ? std::string(s->label) : a.state;
}

// Notifies every party of `a` but the actor: the requester, the official, the leader of the
// official's unit when it is not the owner unit (the request for involvement is addressed to them,
// copied to the appraiser), whoever took an earlier step, and whoever must take one of the steps
// now open.
void notify_parties(const Stores& stores, const Assignment& a, org::Id actor,
                    const std::string& message) {
  std::set<org::Id> to{a.requester_employee_id};
  if (a.official_employee_id) to.insert(*a.official_employee_id);
  if (a.official_unit_id && *a.official_unit_id != a.owner_unit_id) {
    to.merge(unit_leaders(stores, *a.official_unit_id));
  }
  for (const auto& s : stores.work.steps_of_assignment(a.id)) {
    if (s.actor_employee_id) to.insert(*s.actor_employee_id);
  }
  for (const auto* t : work::transitions_from(mechanism_of(a), a.state)) {
    for (const org::Id id : role_holders(stores, a, t->role)) to.insert(id);
  }
  to.erase(actor);
  const std::string now = now_iso_utc();
  for (const org::Id id : to) {
    Notification n;
    n.employee_id = id;
    n.assignment_id = a.id;
    n.kind = "langkah";
    n.message = message;
    n.created_at = now;
    stores.work.insert_notification(n);
  }
}

void require_role(const Stores& stores, const Assignment& a, std::string_view role,
                  org::Id person) {
  if (!role_holders(stores, a, role).contains(person)) {
    fail(ErrorCode::RoleRequired, "",
         "Langkah ini hanya dapat diambil oleh " + std::string(work::role_label(role)) +
             " untuk penugasan ini; Anda tidak memegang peran tersebut.");
  }
}

// Where the official sits against the owner unit, as the mechanism requires.
void check_reach(const Stores& stores, const Mechanism& m, Assignment& a, const org::Unit& owner,
                 org::Id owner_region) {
  if (m.reach == "lintas_instansi") {
    if (a.official_employee_id) {
      fail(ErrorCode::InvalidField, "official_employee_id",
           "Pada penunjukan lintas instansi, pejabat ditunjuk oleh pejabat penilai di instansi "
           "tujuan; jangan isi pejabat.");
    }
    if (!a.target_unit_id) {
      fail(ErrorCode::InvalidField, "target_unit_id",
           "Unit organisasi tujuan di instansi pemerintah lain wajib diisi.");
    }
    const auto region = region_of_unit(stores, *a.target_unit_id);
    if (!region) {
      fail(ErrorCode::InvalidField, "target_unit_id", "Unit organisasi tujuan tidak ditemukan.");
    }
    if (*region == owner_region) {
      fail(ErrorCode::InvalidField, "target_unit_id",
           "Unit organisasi tujuan harus berada pada instansi pemerintah (daerah) lain.");
    }
    return;
  }
  if (!a.official_employee_id) {
    fail(ErrorCode::InvalidField, "official_employee_id", "Pejabat yang ditugaskan wajib diisi.");
  }
  if (a.target_unit_id) {
    fail(ErrorCode::InvalidField, "target_unit_id",
         "Unit organisasi tujuan hanya untuk penunjukan lintas instansi.");
  }
  const auto seat = seat_now(stores, *a.official_employee_id);
  if (!seat) {
    fail(ErrorCode::TeamMemberUnplaced, "official_employee_id",
         "Pejabat ini tidak sedang menduduki jabatan pada suatu unit organisasi.");
  }
  a.official_unit_id = seat->unit.id;
  if (m.reach == "sama_unit" && seat->unit.id != owner.id) {
    fail(ErrorCode::InvalidField, "official_employee_id",
         "Mekanisme di dalam unit organisasi: pejabat harus berada pada unit organisasi pemilik "
         "kinerja; gunakan mekanisme lintas unit.");
  }
  if (m.reach == "lintas_unit") {
    if (seat->unit.id == owner.id) {
      fail(ErrorCode::InvalidField, "official_employee_id",
           "Mekanisme lintas unit: pejabat berada pada unit organisasi pemilik kinerja; gunakan "
           "mekanisme di dalam unit.");
    }
    if (seat->region_id != owner_region) {
      fail(ErrorCode::InvalidField, "official_employee_id",
           "Pejabat berada pada instansi pemerintah lain; gunakan penunjukan lintas instansi.");
    }
  }
}

std::string step_message(const std::string& who, std::string_view role, std::string_view verb,
                         const Assignment& a, const std::string& reason) {
  std::string m = who + " (" + std::string(work::role_label(role)) + ") " + std::string(verb) +
                  " penugasan \"" + a.title + "\". Keadaan: " + state_label(a) + ".";
  if (!reason.empty()) m += " Alasan: " + reason;
  return m;
}

std::string_view verb_of(std::string_view transition) {
  if (transition == "ajukan") return "mengajukan";
  if (transition == "tugaskan") return "menugaskan";
  if (transition == "setujui") return "menyetujui";
  if (transition == "tolak") return "menolak";
  if (transition == "terima") return "menerima surat";
  return transition;
}

}  // namespace

int answer_days(const Stores& stores, org::Id region_id, std::string_view mechanism) {
  return work::answer_days_of(region_rules(stores, region_id).rules, mechanism);
}

AssignmentView create_assignment(const Stores& stores, const identity::User& user,
                                 const NewAssignment& in) {
  const Mechanism* m = work::find_mechanism(in.mechanism);
  if (m == nullptr) {
    fail(ErrorCode::InvalidField, "mechanism",
         "Mekanisme penugasan: penunjukan_dalam_unit, penunjukan_lintas_unit, "
         "penunjukan_lintas_instansi, sukarela_dalam_unit atau sukarela_lintas_unit.");
  }
  Assignment a;
  a.mechanism = std::string(m->key);
  a.title = checked_text(in.title, "title", 300, true);
  a.details = checked_text(in.details, "details", 4000, false);
  a.within_main_duties = in.within_main_duties;
  a.letter = work::letter_kind_for(in.within_main_duties);
  a.official_employee_id = in.official_employee_id;
  a.target_unit_id = in.target_unit_id;
  a.team_id = in.team_id;

  Transaction tx(stores.transactions);
  const org::Employee person = person_of(stores, user);
  const auto owner = stores.org.unit(in.owner_unit_id);
  if (!owner || owner->abolished) {
    fail(ErrorCode::InvalidField, "owner_unit_id",
         "Unit organisasi pemilik kinerja tidak ditemukan.");
  }
  const auto owner_region = region_of_unit(stores, owner->id);
  if (!owner_region) fail(ErrorCode::InvalidField, "owner_unit_id");
  a.region_id = *owner_region;
  a.owner_unit_id = owner->id;
  if (a.team_id && !stores.work.team(*a.team_id)) {
    fail(ErrorCode::InvalidField, "team_id", "Tim kerja tidak ditemukan.");
  }
  if (a.official_employee_id && !stores.org.employee(*a.official_employee_id)) {
    fail(ErrorCode::InvalidField, "official_employee_id", "Pegawai tidak ditemukan.");
  }
  check_reach(stores, *m, a, *owner, *owner_region);
  require_role(stores, a, m->first_role, person.id);
  for (const auto& r : stores.work.rules_of_region(a.region_id)) {
    if (r.kind == work::RuleKind::Mechanism && r.key == a.mechanism) a.mechanism_rule_id = r.id;
  }
  const std::string now = now_iso_utc();
  a.requester_employee_id = person.id;
  a.state = std::string(m->first_state);
  a.state_since = now;
  a.version = 1;
  a.created_at = now;
  a.updated_at = now;
  a.id = stores.work.insert_assignment(a);
  AssignmentStep s;
  s.assignment_id = a.id;
  s.transition = std::string(m->first_step);
  s.to_state = a.state;
  s.actor_employee_id = person.id;
  s.actor_user_id = user.id;
  s.actor_name = person.name;
  s.role = std::string(m->first_role);
  s.at = now;
  stores.work.insert_step(s);
  notify_parties(stores, a, person.id,
                 step_message(person.name, s.role, verb_of(s.transition), a, ""));
  issue_assignment_letter(stores, user, person, a);
  record_audit(stores, actor_of(user), "create", "assignment", std::to_string(a.id), "",
               assignment_audit(a).dump());
  AssignmentView v = view_of(stores, a);
  tx.commit();
  return v;
}

AssignmentView take_step(const Stores& stores, const identity::User& user, org::Id assignment_id,
                         const StepInput& in) {
  const std::string reason = checked_text(in.reason, "reason", 2000, false);
  Transaction tx(stores.transactions);
  const auto stored = stores.work.assignment(assignment_id);
  if (!stored) fail(ErrorCode::NotFound);
  const org::Employee person = person_of(stores, user);
  if (in.version != stored->version) fail(ErrorCode::VersionConflict, "version");
  const Mechanism& m = mechanism_of(*stored);
  const work::Transition* t = work::find_transition(m, stored->state, in.transition);
  if (t == nullptr) fail(ErrorCode::TransitionNotAllowed, "transition");
  require_role(stores, *stored, t->role, person.id);
  if (t->reason_required && reason.empty()) {
    fail(ErrorCode::ReasonRequired, "reason", "Penolakan wajib disertai alasan tertulis.");
  }
  Assignment a = *stored;
  if (t->names_official) {
    if (!in.official_employee_id) {
      fail(ErrorCode::InvalidField, "official_employee_id",
           "Sebutkan pejabat yang ditugaskan sesuai kriteria yang diminta.");
    }
    const auto seat = seat_now(stores, *in.official_employee_id);
    if (!seat) {
      fail(ErrorCode::TeamMemberUnplaced, "official_employee_id",
           "Pejabat ini tidak sedang menduduki jabatan pada suatu unit organisasi.");
    }
    if (!a.target_unit_id || region_of_unit(stores, *a.target_unit_id) != seat->region_id) {
      fail(ErrorCode::InvalidField, "official_employee_id",
           "Pejabat harus berasal dari instansi pemerintah tujuan.");
    }
    a.official_employee_id = *in.official_employee_id;
    a.official_unit_id = seat->unit.id;
  } else if (in.official_employee_id) {
    fail(ErrorCode::InvalidField, "official_employee_id",
         "Langkah ini tidak menunjuk pejabat; jangan isi pejabat.");
  }
  const std::string now = now_iso_utc();
  a.state = std::string(t->to);
  a.state_since = now;
  a.version = stored->version + 1;
  a.updated_at = now;
  if (!stores.work.update_assignment(a, stored->version)) {
    fail(ErrorCode::VersionConflict, "version");
  }
  AssignmentStep s;
  s.assignment_id = a.id;
  s.transition = std::string(t->name);
  s.from_state = stored->state;
  s.to_state = a.state;
  s.actor_employee_id = person.id;
  s.actor_user_id = user.id;
  s.actor_name = person.name;
  s.role = std::string(t->role);
  s.reason = reason;
  s.at = now;
  stores.work.insert_step(s);
  notify_parties(stores, a, person.id,
                 step_message(person.name, s.role, verb_of(s.transition), a, reason));
  issue_assignment_letter(stores, user, person, a);
  nlohmann::json after = assignment_audit(a);
  after["step"] = {{"transition", s.transition}, {"role", s.role}, {"reason", s.reason}};
  record_audit(stores, actor_of(user), "update", "assignment", std::to_string(a.id),
               assignment_audit(*stored).dump(), after.dump());
  AssignmentView v = view_of(stores, a);
  tx.commit();
  return v;
}

std::vector<AssignmentView> my_assignments(const Stores& stores, const identity::User& user,
                                           int limit) {
  std::vector<AssignmentView> out;
  if (!user.employee_id) return out;
  for (const auto& a : stores.work.assignments_of_employee(*user.employee_id, limit)) {
    out.push_back(view_of(stores, a));
  }
  return out;
}

AssignmentView assignment_view(const Stores& stores, const identity::User& user, org::Id id) {
  const auto a = stores.work.assignment(id);
  if (!a) fail(ErrorCode::NotFound);
  AssignmentView v = view_of(stores, *a);
  if (user.role == identity::Role::Administrator) return v;
  if (user.role == identity::Role::RegistryAdmin &&
      (!user.scope_region_id || *user.scope_region_id == a->region_id)) {
    return v;
  }
  if (user.employee_id) {
    const org::Id me = *user.employee_id;
    if (a->requester_employee_id == me || a->official_employee_id == me) return v;
    for (const auto& s : v.steps) {
      if (s.actor_employee_id == me) return v;
    }
    for (const auto& n : stores.work.notifications_of_assignment(id)) {
      if (n.employee_id == me) return v;
    }
    const Mechanism& m = mechanism_of(*a);
    if (role_holders(stores, *a, m.first_role).contains(me)) return v;
    for (const auto& t : m.transitions) {
      if (role_holders(stores, *a, t.role).contains(me)) return v;
    }
  }
  fail(ErrorCode::Forbidden, "", "Anda bukan pihak dalam penugasan ini.");
}

std::vector<Notification> inbox(const Stores& stores, const identity::User& user, int limit) {
  std::vector<Notification> out;
  if (!user.employee_id) return out;
  const org::Id me = *user.employee_id;
  const std::string now = now_iso_utc();
  for (const auto& a : stores.work.assignments_of_employee(me, kDeadlineScan)) {
    if (a.requester_employee_id != me) continue;
    const int days = answer_days(stores, a.region_id, a.mechanism);
    if (!is_overdue(stores, a, days)) continue;
    Notification n;
    n.employee_id = me;
    n.assignment_id = a.id;
    n.kind = "tenggat";
    n.message = "Permohonan penugasan \"" + a.title + "\" belum dijawab selama " +
                std::to_string(days) + " hari kerja atau lebih. Keadaan: " + state_label(a) + ".";
    n.created_at = now;
    out.push_back(n);
  }
  for (auto& n : stores.work.notifications_of_employee(me, limit)) out.push_back(std::move(n));
  return out;
}

Notification mark_notification_read(const Stores& stores, const identity::User& user,
                                    org::Id notification_id) {
  Transaction tx(stores.transactions);
  const auto n = stores.work.notification(notification_id);
  if (!n || !user.employee_id || n->employee_id != *user.employee_id) fail(ErrorCode::NotFound);
  if (!n->read_at.empty()) return *n;
  stores.work.mark_notification_read(notification_id, now_iso_utc());
  const auto after = stores.work.notification(notification_id);
  record_audit(stores, actor_of(user), "update", "notification", std::to_string(n->id),
               nlohmann::json{{"read_at", ""}}.dump(),
               nlohmann::json{{"read_at", after->read_at}}.dump());
  tx.commit();
  return *after;
}

}  // namespace tatakerja::app
