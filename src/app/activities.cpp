#include "app/activities.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "app/assignment_roles.hpp"
#include "app/audit.hpp"
#include "app/crypto.hpp"
#include "app/work_rules.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/transaction.hpp"
#include "textio/json_text.hpp"
#include "work/rules.hpp"
#include "work_people.hpp"

namespace tatakerja::app {
namespace {

using work::Activity;
using work::ReviewStop;
using work_people::checked_date;
using work_people::checked_text;
using work_people::leads_above;
using work_people::team_leads;
using work_people::team_members_now;

org::Employee person_of(const Stores& stores, const identity::User& user) {
  return work_people::person_of(stores, user, "kegiatan");
}

constexpr std::size_t kMaxRoles = 30;
constexpr std::int64_t kMaxBudget = 1'000'000'000'000'000;  // Rp 10^15

const work::Mechanism& flow_of(const Activity& a) {
  const work::Mechanism* m = work::find_activity_flow(a.flow);
  if (m == nullptr) fail(ErrorCode::Internal);
  return *m;
}

std::string state_label(const Activity& a) {
  const auto* s = work::find_state(flow_of(a), a.state);
  return s ? std::string(s->label) : a.state;
}

bool is_final(const Activity& a) {
  const auto* s = work::find_state(flow_of(a), a.state);
  return s != nullptr && s->final;
}

bool under_way(const Activity& a) {
  return a.state == "dilaksanakan" || a.state == "perbaikan";
}

const ReviewStop* stop_of(const Activity& a, std::string_view role) {
  for (const auto& s : a.chain) {
    if (s.role == role) return &s;
  }
  return nullptr;
}

// The people who carry `a` out: the executor and those with a role among `roles`.
std::set<org::Id> workers_of(const Activity& a, const std::vector<work::ActivityRole>& roles) {
  std::set<org::Id> out{a.executor_employee_id};
  for (const auto& r : roles) out.insert(r.employee_id);
  return out;
}

// The people `a` names now (its team's leads, the holders of its stops' positions), each read
// once however often an answer asks: an activity's answer asks for them stop by stop, step by
// step and again for who may give feedback.
class PeopleOfActivity {
 public:
  PeopleOfActivity(const Stores& stores, const Activity& a) : stores_(stores), a_(a) {}

  const std::set<org::Id>& leads() {
    if (!leads_) leads_ = team_leads(stores_, a_.team_id);
    return *leads_;
  }

  const std::set<org::Id>& holders(const std::optional<org::Id>& position_id) {
    static const std::set<org::Id> kNone;
    if (!position_id) return kNone;
    auto it = holders_.find(*position_id);
    if (it == holders_.end()) {
      it = holders_.emplace(*position_id, position_holders(stores_, position_id)).first;
    }
    return it->second;
  }

  // Who holds `role` for the activity now.
  std::set<org::Id> of_role(std::string_view role) {
    if (role == "pelaksana") return {a_.executor_employee_id};
    if (role == "ketua") return leads();
    if (role == "pembatal") {
      for (const auto& s : a_.chain) {
        if (s.role != "ketua") return holders(s.position_id);
      }
      return {};
    }
    const ReviewStop* s = stop_of(a_, role);
    return s ? holders(s->position_id) : std::set<org::Id>{};
  }

  // Its roles, as stored.
  const std::vector<work::ActivityRole>& roles() {
    if (!roles_) roles_ = stores_.activities.roles_of_activity(a_.id);
    return *roles_;
  }

  // The people who carry it out: the executor and those with a role.
  const std::set<org::Id>& workers() {
    if (!workers_) workers_ = workers_of(a_, roles());
    return *workers_;
  }

  // The lead and the holders of every stop but the lead's: who may give feedback.
  std::set<org::Id> reviewers() {
    std::set<org::Id> out = leads();
    for (const auto& s : a_.chain) {
      const auto& held = holders(s.position_id);
      out.insert(held.begin(), held.end());
    }
    return out;
  }

 private:
  const Stores& stores_;
  const Activity& a_;
  std::optional<std::set<org::Id>> leads_;
  std::optional<std::vector<work::ActivityRole>> roles_;
  std::optional<std::set<org::Id>> workers_;
  std::map<org::Id, std::set<org::Id>> holders_;
};

// Who holds `role` for `a` now.
std::set<org::Id> holders_of(const Stores& stores, const Activity& a, std::string_view role) {
  return PeopleOfActivity(stores, a).of_role(role);
}

std::set<org::Id> reviewers(const Stores& stores, const Activity& a) {
  return PeopleOfActivity(stores, a).reviewers();
}

// --- the chain -------------------------------------------------------------------------------

bool names_school(std::string_view name) {
  const std::string key = text::name_key(name);
  for (const auto* word : {"sekolah", "sd", "smp", "sma", "smk", "slb", "tk", "paud"}) {
    if (text::ifind_word(key, word) != std::string::npos) return true;
  }
  return false;
}

// The UPTD the unit is (or lies in), if any.
std::optional<org::Unit> uptd_of(const Stores& stores, const org::Unit& unit) {
  std::optional<org::Unit> at = unit;
  for (int depth = 0; at && depth < 64; ++depth) {
    if (at->kind == UnitKind::Uptd) return at;
    at = at->parent_id ? stores.org.unit(*at->parent_id) : std::nullopt;
  }
  return std::nullopt;
}

// The agency kind whose flow an activity of `owner` follows.
std::string flow_kind(const Stores& stores, const org::Agency& agency, const org::Unit& owner) {
  if (const auto uptd = uptd_of(stores, owner)) {
    return names_school(uptd->name) ? "sekolah" : "uptd";
  }
  if (agency.kind == AgencyKind::SekretariatDaerah) return "sekretariat_daerah";
  const std::string key = work::agency_kind_key(agency.name);
  return key.empty() ? "dinas_badan" : key;
}

// The stops the region's flow of `kind` names; a kind without its own flow follows the Dinas or
// Badan's, and without either two stops (Level II, Level I).
int stops_of_kind(const Stores& stores, org::Id region_id, const std::string& kind) {
  const auto rules = region_rules(stores, region_id).rules;
  if (const auto* r = work::find_rule(rules, work::RuleKind::Flow, kind)) {
    return work::review_stops_of(r->statement);
  }
  if (const auto* r = work::find_rule(rules, work::RuleKind::Flow, "dinas_badan")) {
    return work::review_stops_of(r->statement);
  }
  return 2;
}

// The positions above the owner unit, from the one that leads it up to the top: the UPTD's head
// for a UPTD or a school, else the agency head. The executor's own position is passed over.
std::vector<org::Id> positions_above(const Stores& stores, const org::Unit& owner,
                                     const std::string& kind, org::Id executor_position) {
  std::optional<org::Id> top;
  if (kind == "uptd" || kind == "sekolah") {
    if (const auto uptd = uptd_of(stores, owner)) top = leading_position(stores, uptd->id);
  }
  std::vector<org::Id> walk;
  std::optional<org::Id> at = leading_position(stores, owner.id);
  std::set<org::Id> seen;
  while (at && seen.insert(*at).second && walk.size() < 32) {
    const auto p = stores.org.position(*at);
    if (!p) break;
    if (p->id != executor_position) walk.push_back(p->id);
    if (top && p->id == *top) break;
    at = p->superior_id;
  }
  return walk;
}

std::vector<ReviewStop> chain_for(const Stores& stores, const org::Agency& agency,
                                  const org::Unit& owner, const std::string& kind,
                                  org::Id executor_position, bool lead_first) {
  std::vector<org::Id> walk = positions_above(stores, owner, kind, executor_position);
  if (walk.empty()) {
    fail(ErrorCode::InvalidField, "executor_employee_id",
         "Tidak ada pejabat di atas pelaksana yang dapat meninjau dan menerima kegiatan ini.");
  }
  const auto n = static_cast<std::size_t>(stops_of_kind(stores, agency.region_id, kind));
  if (walk.size() > n) walk.erase(walk.begin(), walk.end() - static_cast<std::ptrdiff_t>(n));
  std::vector<ReviewStop> chain;
  if (lead_first) chain.push_back({"ketua", std::nullopt});
  for (std::size_t i = 0; i < walk.size(); ++i) {
    std::string role = "level_i";
    if (i + 1 < walk.size()) role = i == 0 ? "level_ii" : "level_antara";
    chain.push_back({role, walk[i]});
  }
  return chain;
}

// --- views and notifications -----------------------------------------------------------------

std::string person_name(const Stores& stores, org::Id id) {
  const auto e = stores.org.employee(id);
  return e ? e->name : std::string();
}

std::vector<StopView> chain_view(const Stores& stores, const Activity& a,
                                 PeopleOfActivity& people) {
  std::vector<StopView> out;
  for (const auto& s : a.chain) {
    StopView v{s, "", {}};
    if (s.position_id) v.position_title = stores.org.position_title(*s.position_id);
    for (const org::Id id : people.of_role(s.role)) v.people.push_back(person_name(stores, id));
    out.push_back(std::move(v));
  }
  return out;
}

// What an activity holds besides its roles: its newest steps and notes with how many there are,
// its evidence files.
void read_contents(const Stores& stores, org::Id id, ActivityView& v) {
  // A list shorter than its bound is the whole of it: counted only when it may not be.
  v.steps = stores.activities.latest_steps_of_activity(id, kShownSteps);
  v.steps_total = std::cmp_less(v.steps.size(), kShownSteps)
                      ? static_cast<std::int64_t>(v.steps.size())
                      : stores.activities.step_count(id);
  v.notes = stores.activities.latest_notes_of_activity(id, kShownNotes);
  v.notes_total = std::cmp_less(v.notes.size(), kShownNotes)
                      ? static_cast<std::int64_t>(v.notes.size())
                      : stores.activities.note_count(id);
  v.evidence = stores.activities.evidence_of_activity(id);
}

// The steps open from where `a` stands (which of them `me` may take) and whether `me` may add a
// note, an evidence file or feedback now (`workers`: who carries it out): members of an
// ActivityView or an ActivityStepTaken.
template <typename Answer>
void set_what_may_be_done(const Activity& a, PeopleOfActivity& people,
                          const std::set<org::Id>& workers, std::optional<org::Id> me, Answer& v) {
  for (const auto* t : work::transitions_from(flow_of(a), a.state)) {
    const bool mine = me && people.of_role(t->role).contains(*me);
    v.next.push_back({std::string(t->name), std::string(t->role), t->reason_required, mine});
  }
  if (me) {
    v.can_note = workers.contains(*me) && under_way(a);
    v.can_upload = v.can_note;
    v.can_feedback = !is_final(a) && people.reviewers().contains(*me);
  }
}

// The rest of the answer about `a` for `me` around its contents (`v.roles` among them): where it
// stands, its chain with the people at each stop, the steps open and what `me` may do.
void complete_view(const Stores& stores, const Activity& a, PeopleOfActivity& people,
                   std::optional<org::Id> me, ActivityView& v) {
  v.activity = a;
  v.state_label = state_label(a);
  v.chain = chain_view(stores, a, people);
  set_what_may_be_done(a, people, workers_of(a, v.roles), me, v);
}

ActivityView view_of(const Stores& stores, const Activity& a, PeopleOfActivity& people,
                     std::optional<org::Id> me) {
  ActivityView v;
  v.roles = people.roles();
  read_contents(stores, a.id, v);
  complete_view(stores, a, people, me, v);
  return v;
}

ActivityView view_of(const Stores& stores, const Activity& a, std::optional<org::Id> me) {
  PeopleOfActivity people(stores, a);
  return view_of(stores, a, people, me);
}

// Whoever must take one of the steps open from the state of `a` (a cancellation is not asked for);
// `people` are those of an activity with the chain and team of `a` (the same one before a step).
std::set<org::Id> awaited_from(PeopleOfActivity& people, const Activity& a) {
  std::set<org::Id> out;
  for (const auto* t : work::transitions_from(flow_of(a), a.state)) {
    if (t->role != "pembatal") out.merge(people.of_role(t->role));
  }
  return out;
}

// Everyone concerned by `a` now but the actor: `carriers` (the people who carry it out), its
// planner, the team's lead, and whoever must take one of the steps open from its state.
std::set<org::Id> parties(PeopleOfActivity& people, const Activity& a, std::set<org::Id> carriers) {
  carriers.insert(a.planner_employee_id);
  carriers.insert(people.leads().begin(), people.leads().end());
  carriers.merge(awaited_from(people, a));
  return carriers;
}

void notify(const Stores& stores, const Activity& a, const std::set<org::Id>& to, org::Id actor,
            const std::string& message) {
  const std::string now = now_iso_utc();
  for (const org::Id id : to) {
    if (id == actor) continue;
    work::Notification n;
    n.employee_id = id;
    n.activity_id = a.id;
    n.kind = "langkah";
    n.message = message;
    n.created_at = now;
    stores.work.insert_notification(n);
  }
}

std::string_view verb_of(std::string_view transition) {
  if (transition == "rencanakan") return "merencanakan";
  if (transition == "mulai") return "memulai";
  if (transition == "ajukan") return "mengajukan hasil";
  if (transition == "teruskan") return "meneruskan hasil";
  if (transition == "terima") return "menerima hasil (selesai)";
  if (transition == "kembalikan") return "mengembalikan untuk perbaikan";
  if (transition == "batalkan") return "membatalkan";
  return transition;
}

std::string step_message(const std::string& who, std::string_view role, std::string_view transition,
                         const Activity& a, const std::string& reason) {
  std::string m = who + " (" + std::string(work::activity_role_label(role)) + ") " +
                  std::string(verb_of(transition)) + " kegiatan \"" + a.title +
                  "\". Keadaan: " + state_label(a) + ".";
  if (!reason.empty()) m += " Catatan: " + reason;
  return m;
}

std::string json_string(std::string_view s) {
  std::string out;
  textio::append_json_string(out, s);
  return out;
}

// The waiting stop's position, kept on the activity so that the person's list finds it.
std::optional<org::Id> awaiting_position(const Activity& a) {
  const std::string_view role = work::stop_of_state(a.state);
  if (role.empty()) return std::nullopt;
  const ReviewStop* s = stop_of(a, role);
  return s ? s->position_id : std::nullopt;
}

bool may_see(const Stores& stores, const identity::User& user, const Activity& a,
             PeopleOfActivity& people) {
  if (user.role == identity::Role::Administrator) return true;
  if (user.role == identity::Role::RegistryAdmin &&
      (!user.scope_region_id || *user.scope_region_id == a.region_id)) {
    return true;
  }
  if (!user.employee_id) return false;
  const org::Id me = *user.employee_id;
  if (a.planner_employee_id == me || people.workers().contains(me)) return true;
  if (team_members_now(stores, a.team_id).contains(me)) return true;
  if (people.reviewers().contains(me)) return true;
  return stores.activities.took_a_step(a.id, me);
}

// The stored activity `id`: NOT_FOUND when there is none.
Activity activity_or_fail(const Stores& stores, org::Id id) {
  auto a = stores.activities.activity(id);
  if (!a) fail(ErrorCode::NotFound);
  return std::move(*a);
}

void require_may_see(const Stores& stores, const identity::User& user, const Activity& a,
                     PeopleOfActivity& people) {
  if (!may_see(stores, user, a, people)) {
    fail(ErrorCode::Forbidden, "", "Anda bukan pihak dalam kegiatan ini.");
  }
}

Activity stored_activity(const Stores& stores, const identity::User& user, org::Id id) {
  Activity a = activity_or_fail(stores, id);
  PeopleOfActivity people(stores, a);
  require_may_see(stores, user, a, people);
  return a;
}

// Raises the version of `a` (read at `version`) and writes it; VERSION_CONFLICT when another
// change came first.
void write_next_version(const Stores& stores, Activity& a, int version) {
  if (version != a.version) fail(ErrorCode::VersionConflict, "version");
  a.version = version + 1;
  a.updated_at = now_iso_utc();
  if (!stores.activities.update_progress(a, version)) fail(ErrorCode::VersionConflict, "version");
}

// --- planning --------------------------------------------------------------------------------

struct Planned {
  Activity activity;
  std::vector<work::ActivityRole> roles;
};

// Where the activity sits: its owner unit, the team, the assignment, the executor's seat.
void place_activity(const Stores& stores, const NewActivity& in, org::Id planner, Activity& a) {
  std::optional<work::Team> team;
  if (in.team_id) {
    team = stores.work.team(*in.team_id);
    if (!team || team->status != work::TeamStatus::Active) {
      fail(ErrorCode::InvalidField, "team_id", "Tim kerja tidak ditemukan atau sudah bubar.");
    }
    a.team_id = team->id;
  }
  std::optional<work::Assignment> assignment;
  if (in.assignment_id) {
    assignment = stores.work.assignment(*in.assignment_id);
    if (!assignment || (assignment->state != "ditugaskan" && assignment->state != "diterima")) {
      fail(ErrorCode::InvalidField, "assignment_id",
           "Penugasan tidak ditemukan atau belum ditugaskan.");
    }
    a.assignment_id = assignment->id;
  }
  a.executor_employee_id = in.executor_employee_id.value_or(planner);
  if (!stores.org.employee(a.executor_employee_id)) {
    fail(ErrorCode::InvalidField, "executor_employee_id", "Pegawai tidak ditemukan.");
  }
  if (assignment && assignment->official_employee_id != a.executor_employee_id) {
    fail(ErrorCode::InvalidField, "executor_employee_id",
         "Pelaksana kegiatan sebuah penugasan adalah pejabat yang ditugaskan.");
  }
  if (team && !team_members_now(stores, team->id).contains(a.executor_employee_id)) {
    fail(ErrorCode::InvalidField, "executor_employee_id",
         "Pelaksana kegiatan tim harus anggota atau ketua tim saat ini.");
  }
  const auto seat = seat_now(stores, a.executor_employee_id);
  if (!seat) {
    fail(ErrorCode::TeamMemberUnplaced, "executor_employee_id",
         "Pelaksana tidak sedang menduduki jabatan pada suatu unit organisasi.");
  }
  org::Id owner_id = seat->unit.id;
  if (in.owner_unit_id) {
    owner_id = *in.owner_unit_id;
  } else if (team) {
    owner_id = team->owner_unit_id;
  } else if (assignment) {
    owner_id = assignment->owner_unit_id;
  }
  const auto owner = stores.org.unit(owner_id);
  if (!owner || owner->abolished) {
    fail(ErrorCode::InvalidField, "owner_unit_id",
         "Unit organisasi pemilik target tidak ditemukan.");
  }
  const auto agency = stores.org.agency(owner->agency_id);
  if (!agency) fail(ErrorCode::InvalidField, "owner_unit_id");
  a.owner_unit_id = owner->id;
  a.agency_id = agency->id;
  a.region_id = agency->region_id;
  a.agency_kind = flow_kind(stores, *agency, *owner);
  const bool lead_first = team && !team_leads(stores, team->id).contains(a.executor_employee_id);
  a.chain = chain_for(stores, *agency, *owner, a.agency_kind, seat->position.id, lead_first);
  a.flow = work::flow_key(a.chain);
  if (a.target.empty() && team) a.target = team->target;
  if (a.target.empty() && assignment) a.target = assignment->title;
}

// The planner must be the executor, the team's lead, a holder of one of the chain's stops, or the
// executor's appraiser.
void require_planner(const Stores& stores, const Activity& a, org::Id planner) {
  if (planner == a.executor_employee_id) return;
  if (team_leads(stores, a.team_id).contains(planner)) return;
  if (reviewers(stores, a).contains(planner)) return;
  if (const auto seat = seat_now(stores, a.executor_employee_id)) {
    if (position_holders(stores, seat->position.appraiser_id).contains(planner)) return;
  }
  fail(ErrorCode::RoleRequired, "",
       "Kegiatan direncanakan oleh pelaksananya, ketua tim, pejabat peninjaunya atau pejabat "
       "penilai pelaksana; Anda tidak memegang peran tersebut.");
}

std::vector<work::ActivityRole> checked_roles(const Stores& stores, const NewActivity& in,
                                              const Activity& a) {
  if (in.roles.size() > kMaxRoles) {
    fail(ErrorCode::InvalidField, "roles",
         "Paling banyak " + std::to_string(kMaxRoles) + " peran dalam satu kegiatan.");
  }
  std::vector<work::ActivityRole> out;
  std::set<org::Id> seen;
  const auto members = team_members_now(stores, a.team_id);
  for (const auto& r : in.roles) {
    if (!stores.org.employee(r.employee_id)) {
      fail(ErrorCode::InvalidField, "roles", "Pegawai dalam daftar peran tidak ditemukan.");
    }
    if (!seen.insert(r.employee_id).second) {
      fail(ErrorCode::InvalidField, "roles", "Seorang pegawai hanya memegang satu peran.");
    }
    if (a.team_id && !members.contains(r.employee_id)) {
      fail(ErrorCode::InvalidField, "roles",
           "Peran dalam kegiatan tim hanya untuk anggota atau ketua tim saat ini.");
    }
    out.push_back({0, r.employee_id, checked_text(r.role, "roles", 200, true)});
  }
  return out;
}

}  // namespace

std::string activity_audit(const Activity& a, std::pair<std::string_view, std::string> extra) {
  std::vector<std::pair<std::string_view, std::string>> members = {
      {"executor_employee_id", std::to_string(a.executor_employee_id)},
      {"flow", json_string(a.flow)},
      {"id", std::to_string(a.id)},
      {"owner_unit_id", std::to_string(a.owner_unit_id)},
      {"progress", std::to_string(a.progress)},
      {"rework", std::to_string(a.rework)},
      {"state", json_string(a.state)},
      {"title", json_string(a.title)},
      {"version", std::to_string(a.version)}};
  if (!extra.first.empty()) members.push_back(std::move(extra));
  std::sort(members.begin(), members.end());
  std::string out = "{";
  for (const auto& [key, value] : members) {
    if (out.size() > 1) out += ',';
    textio::append_json_string(out, key);
    out += ':';
    out += value;
  }
  out += '}';
  return out;
}

std::string step_audit(const work::ActivityStep& s) {
  return "{\"reason\":" + json_string(s.reason) + ",\"role\":" + json_string(s.role) +
         ",\"transition\":" + json_string(s.transition) + "}";
}

ActivityView create_activity(const Stores& stores, const identity::User& user,
                             const NewActivity& in) {
  Activity a;
  a.title = checked_text(in.title, "title", 300, true);
  a.target = checked_text(in.target, "target", 1000, false);
  a.details = checked_text(in.details, "details", 4000, false);
  if (in.budget < 0 || in.budget > kMaxBudget) {
    fail(ErrorCode::InvalidField, "budget", "Anggaran dalam rupiah, tidak negatif.");
  }
  a.budget = in.budget;
  a.start = checked_date(in.start, "start");
  a.end = checked_date(in.end, "end");
  if (a.end.iso() < a.start.iso()) {
    fail(ErrorCode::InvalidField, "end", "Tanggal selesai tidak boleh sebelum tanggal mulai.");
  }

  // Everything the plan needs is read and checked first, outside the write transaction, so that
  // the writers' turn (one at a time on SQLite) lasts only for the writes; the answer is read in
  // the same snapshot (its chain, its people) and completed with what is written.
  org::Employee planner;
  std::set<org::Id> to;
  ActivityView view;
  {
    ReadSnapshot read(stores.transactions);
    planner = person_of(stores, user);
    place_activity(stores, in, planner.id, a);
    require_planner(stores, a, planner.id);
    view.roles = checked_roles(stores, in, a);
    std::set<org::Id> carriers{a.executor_employee_id};
    for (const auto& r : view.roles) carriers.insert(r.employee_id);
    a.planner_employee_id = planner.id;
    a.state = "direncanakan";
    PeopleOfActivity people(stores, a);
    to = parties(people, a, std::move(carriers));
    complete_view(stores, a, people, planner.id, view);
  }
  const std::string now = now_iso_utc();
  a.state_since = now;
  a.created_at = now;
  a.updated_at = now;
  work::ActivityStep s;
  s.transition = "rencanakan";
  s.to_state = a.state;
  s.actor_employee_id = planner.id;
  s.actor_name = planner.name;
  s.role = "perencana";
  s.at = now;
  {
    Transaction tx(stores.transactions);
    a.id = stores.activities.insert_activity(a);
    for (auto& r : view.roles) {
      r.activity_id = a.id;
      stores.activities.insert_role(r);
    }
    s.activity_id = a.id;
    s.id = stores.activities.insert_activity_step(s);
    notify(stores, a, to, planner.id, step_message(planner.name, s.role, s.transition, a, ""));
    record_audit(stores, actor_of(user), "create", "activity", std::to_string(a.id), "",
                 activity_audit(a));
    tx.commit();
  }
  view.activity = a;
  view.steps = {std::move(s)};
  view.steps_total = 1;
  return view;
}

// The transition `name` from where `a` stands, if `person` holds its role and gave a reason where
// one is required; else the refusal.
const work::Transition& allowed_step(const Activity& a, const std::string& name,
                                     PeopleOfActivity& people, org::Id person,
                                     const std::string& reason) {
  const work::Transition* t = work::find_transition(flow_of(a), a.state, name);
  if (t == nullptr) {
    fail(
        ErrorCode::TransitionNotAllowed, "transition",
        "Langkah ini tidak dapat diambil pada keadaan kegiatan sekarang (" + state_label(a) + ").");
  }
  if (!people.of_role(t->role).contains(person)) {
    fail(ErrorCode::RoleRequired, "",
         "Langkah ini hanya dapat diambil oleh " + std::string(work::activity_role_label(t->role)) +
             " kegiatan ini; Anda tidak memegang peran tersebut.");
  }
  if (t->reason_required && reason.empty()) {
    fail(ErrorCode::ReasonRequired, "reason",
         "Pengembalian dan pembatalan wajib disertai catatan tertulis.");
  }
  return *t;
}

ActivityStepTaken take_activity_step(const Stores& stores, const identity::User& user, org::Id id,
                                     const ActivityStepInput& in) {
  const std::string reason = checked_text(in.reason, "reason", 2000, false);
  // The step is read, checked and written in one write transaction. On SQLite its reads then run
  // on the writer handle, whose page cache survives from one write to the next, where a
  // connection's own handle loses its cache at every commit of another: read before the
  // transaction, each step read its activity, its people and its newest steps from the OS again,
  // and status changes ran 5-6% slower (docs/performance.md).
  Transaction tx(stores.transactions);
  const Activity before = activity_or_fail(stores, id);
  // The step changes neither the chain nor the team: their people serve before and after it.
  PeopleOfActivity people(stores, before);
  require_may_see(stores, user, before, people);
  const org::Employee person = person_of(stores, user);
  if (in.version != before.version) fail(ErrorCode::VersionConflict, "version");
  const work::Transition& t = allowed_step(before, in.transition, people, person.id, reason);
  Activity a = before;
  a.state = std::string(t.to);
  a.awaiting_position_id = awaiting_position(a);
  if (t.name == "kembalikan") ++a.rework;
  if (t.name == "terima") a.progress = 100;
  a.state_since = now_iso_utc();
  write_next_version(stores, a, in.version);
  work::ActivityStep s;
  s.activity_id = a.id;
  s.transition = std::string(t.name);
  s.from_state = before.state;
  s.to_state = a.state;
  s.actor_employee_id = person.id;
  s.actor_name = person.name;
  s.role = std::string(t.role);
  s.reason = reason;
  s.at = a.state_since;
  s.id = stores.activities.insert_activity_step(s);
  // Those who must act now learn that the step was taken, as do those who had to act before it
  // (a step changes neither the people who carry it out, nor the planner, nor the lead).
  std::set<org::Id> to = parties(people, a, people.workers());
  to.merge(awaited_from(people, before));
  notify(stores, a, to, person.id, step_message(person.name, s.role, s.transition, a, reason));
  record_audit(stores, actor_of(user), "update", "activity", std::to_string(a.id),
               activity_audit(before), activity_audit(a, {"step", step_audit(s)}));
  // The answer is what the step changed: the activity's newest steps, notes and evidence, its
  // chain and roles would be read again for nothing (the step changes none of them but the steps,
  // to which it adds `s`), inside the writers' turn.
  ActivityStepTaken taken;
  taken.state_label = state_label(a);
  set_what_may_be_done(a, people, people.workers(), person.id, taken);
  taken.activity = std::move(a);
  taken.step = std::move(s);
  tx.commit();
  return taken;
}

ActivityView add_activity_note(const Stores& stores, const identity::User& user, org::Id id,
                               const NewNote& in) {
  const std::string note = checked_text(in.text, "text", 4000, true);
  if (in.kind != "kemajuan" && in.kind != "umpan_balik") {
    fail(ErrorCode::InvalidField, "kind", "Jenis catatan: kemajuan atau umpan_balik.");
  }
  if (in.progress && (*in.progress < 0 || *in.progress > 100)) {
    fail(ErrorCode::InvalidField, "progress", "Kemajuan dalam persen, 0 sampai 100.");
  }
  Transaction tx(stores.transactions);
  const Activity before = activity_or_fail(stores, id);
  // A note changes neither the chain, nor the team, nor the roles: their people serve throughout.
  PeopleOfActivity people(stores, before);
  require_may_see(stores, user, before, people);
  const org::Employee person = person_of(stores, user);
  Activity a = before;
  std::string role;
  if (in.kind == "kemajuan") {
    if (!people.workers().contains(person.id)) {
      fail(ErrorCode::RoleRequired, "",
           "Catatan kemajuan ditulis oleh pelaksana atau pemegang peran kegiatan.");
    }
    if (!under_way(a)) {
      fail(ErrorCode::TransitionNotAllowed, "kind",
           "Catatan kemajuan ditulis selama kegiatan dilaksanakan atau diperbaiki.");
    }
    role = person.id == a.executor_employee_id ? "pelaksana" : "peran";
    if (in.progress) a.progress = *in.progress;
  } else {
    if (!people.reviewers().contains(person.id)) {
      fail(ErrorCode::RoleRequired, "",
           "Umpan balik diberikan oleh ketua tim atau pejabat peninjau kegiatan ini.");
    }
    if (is_final(a)) {
      fail(ErrorCode::TransitionNotAllowed, "kind", "Kegiatan ini sudah selesai atau dibatalkan.");
    }
    if (in.progress) {
      fail(ErrorCode::InvalidField, "progress", "Umpan balik tidak mengubah kemajuan.");
    }
    role = people.leads().contains(person.id) ? "ketua" : "peninjau";
  }
  write_next_version(stores, a, in.version);
  work::ActivityNote n;
  n.activity_id = a.id;
  n.kind = in.kind;
  n.author_employee_id = person.id;
  n.author_name = person.name;
  n.role = role;
  n.text = note;
  if (in.kind == "kemajuan") n.progress = in.progress;
  n.at = a.updated_at;
  n.id = stores.activities.insert_note(n);
  const std::set<org::Id> to = in.kind == "kemajuan" ? people.reviewers() : people.workers();
  notify(stores, a, to, person.id,
         person.name + (in.kind == "kemajuan" ? " mencatat kemajuan" : " memberi umpan balik") +
             " pada kegiatan \"" + a.title + "\": " + note.substr(0, 300));
  const std::string note_member =
      "{\"id\":" + std::to_string(n.id) + ",\"kind\":" + json_string(n.kind) + "}";
  record_audit(stores, actor_of(user), "update", "activity", std::to_string(a.id),
               activity_audit(before), activity_audit(a, {"note", note_member}));
  ActivityView v = view_of(stores, a, people, person.id);
  tx.commit();
  return v;
}

work::Evidence add_evidence(const Stores& stores, const identity::User& user, org::Id id,
                            int version, const std::string& name, const std::string& content) {
  Transaction tx(stores.transactions);
  const Activity before = activity_or_fail(stores, id);
  PeopleOfActivity people(stores, before);
  require_may_see(stores, user, before, people);
  const org::Employee person = person_of(stores, user);
  if (!people.workers().contains(person.id)) {
    fail(ErrorCode::RoleRequired, "",
         "Bukti dukung diunggah oleh pelaksana atau pemegang peran kegiatan.");
  }
  if (!under_way(before)) {
    fail(ErrorCode::TransitionNotAllowed, "",
         "Bukti dukung diunggah selama kegiatan dilaksanakan atau diperbaiki.");
  }
  if (content.empty()) fail(ErrorCode::InvalidField, "file", "Berkas kosong.");
  if (content.size() > work::kMaxEvidenceBytes) {
    fail(ErrorCode::PayloadTooLarge, "file", "Bukti dukung paling besar 10 MiB.");
  }
  const std::string kept_name = work::evidence_file_name(name);
  const auto type = work::evidence_media_type(kept_name, content);
  if (!type) {
    fail(ErrorCode::UnsupportedMediaType, "file",
         "Bukti dukung berupa PDF, PNG, JPEG, DOCX, XLSX, PPTX, TXT atau CSV; isi berkas ini "
         "bukan salah satunya.");
  }
  if (stores.activities.evidence_of_activity(id).size() >=
      static_cast<std::size_t>(work::kMaxEvidenceFiles)) {
    fail(ErrorCode::Conflict, "file",
         "Satu kegiatan paling banyak memuat " + std::to_string(work::kMaxEvidenceFiles) +
             " bukti dukung.");
  }
  Activity a = before;
  write_next_version(stores, a, version);
  work::Evidence e;
  e.activity_id = id;
  e.name = kept_name;
  e.media_type = *type;
  e.size = static_cast<std::int64_t>(content.size());
  e.sha256 = detail::sha256_hex(content);
  e.uploaded_by = person.id;
  e.uploader_name = person.name;
  e.at = a.updated_at;
  e.id = stores.activities.insert_evidence(e, content);
  notify(stores, a, people.reviewers(), person.id,
         person.name + " mengunggah bukti dukung \"" + e.name + "\" pada kegiatan \"" + a.title +
             "\".");
  record_audit(stores, actor_of(user), "create", "evidence", std::to_string(e.id), "",
               nlohmann::json{{"activity_id", id},
                              {"name", e.name},
                              {"media_type", e.media_type},
                              {"size", e.size},
                              {"sha256", e.sha256}}
                   .dump());
  tx.commit();
  return e;
}

std::pair<work::Evidence, std::string> evidence_file(const Stores& stores,
                                                     const identity::User& user,
                                                     org::Id evidence_id) {
  const auto e = stores.activities.evidence(evidence_id);
  if (!e) fail(ErrorCode::NotFound);
  stored_activity(stores, user, e->activity_id);
  auto content = stores.activities.evidence_content(evidence_id);
  if (!content) fail(ErrorCode::NotFound);
  return {*e, std::move(*content)};
}

std::vector<ActivitySummary> my_activities(const Stores& stores, const identity::User& user,
                                           int limit) {
  std::vector<ActivitySummary> out;
  if (!user.employee_id) return out;
  const org::Id me = *user.employee_id;
  std::vector<org::Id> positions;
  for (const auto& pl : stores.org.placements_of_employee(me)) {
    if (!pl.end) positions.push_back(pl.position_id);
  }
  std::vector<org::Id> led;
  for (const auto& m : stores.work.memberships_of_employee(me)) {
    if (!m.end && m.role == work::TeamRole::Lead) led.push_back(m.team_id);
  }
  for (auto& a : stores.activities.activities_of_person(me, positions, led, limit)) {
    const bool at_lead = a.state == "di_ketua" && a.team_id &&
                         std::find(led.begin(), led.end(), *a.team_id) != led.end();
    const bool at_position =
        a.awaiting_position_id &&
        std::find(positions.begin(), positions.end(), *a.awaiting_position_id) != positions.end();
    const bool executor_turn =
        a.executor_employee_id == me && (a.state == "direncanakan" || under_way(a));
    ActivitySummary s{std::move(a), "", at_lead || at_position || executor_turn};
    s.state_label = state_label(s.activity);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<ActivitySummary> team_activities(const Stores& stores, const identity::User& user,
                                             org::Id team_id, int limit) {
  const auto team = stores.work.team(team_id);
  if (!team) fail(ErrorCode::NotFound);
  bool allowed = user.role == identity::Role::Administrator ||
                 (user.role == identity::Role::RegistryAdmin &&
                  (!user.scope_region_id || *user.scope_region_id == team->region_id));
  if (!allowed && user.employee_id) {
    const org::Id me = *user.employee_id;
    allowed = team_members_now(stores, team_id).contains(me) ||
              leads_above(stores, team->owner_unit_id, me);
  }
  if (!allowed) fail(ErrorCode::Forbidden, "", "Papan tim hanya untuk anggota dan pimpinannya.");
  std::vector<ActivitySummary> out;
  const std::optional<org::Id> me = user.employee_id;
  for (auto& a : stores.activities.activities_of_team(team_id, limit)) {
    ActivitySummary s{std::move(a), "", false};
    s.state_label = state_label(s.activity);
    if (me) {
      for (const auto* t : work::transitions_from(flow_of(s.activity), s.activity.state)) {
        if (t->role != "pembatal" && holders_of(stores, s.activity, t->role).contains(*me)) {
          s.awaiting_me = true;
        }
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

ActivityView activity_view(const Stores& stores, const identity::User& user, org::Id id) {
  const Activity a = stored_activity(stores, user, id);
  return view_of(stores, a, user.employee_id);
}

namespace {

// The page's bounds, then whether the caller may see the activity.
void check_history_page(const Stores& stores, const identity::User& user, org::Id id, int offset,
                        int limit) {
  if (offset < 0) fail(ErrorCode::InvalidField, "offset", "Offset tidak boleh negatif.");
  if (limit < 1 || limit > kMaxHistoryPage) {
    fail(ErrorCode::InvalidField, "limit",
         "Satu halaman riwayat memuat 1 sampai " + std::to_string(kMaxHistoryPage) + " baris.");
  }
  stored_activity(stores, user, id);
}

}  // namespace

HistoryPage<work::ActivityStep> activity_steps(const Stores& stores, const identity::User& user,
                                               org::Id id, int offset, int limit) {
  check_history_page(stores, user, id, offset, limit);
  return {stores.activities.steps_of_activity(id, offset, limit), stores.activities.step_count(id)};
}

HistoryPage<work::ActivityNote> activity_notes(const Stores& stores, const identity::User& user,
                                               org::Id id, int offset, int limit) {
  check_history_page(stores, user, id, offset, limit);
  return {stores.activities.notes_of_activity(id, offset, limit), stores.activities.note_count(id)};
}

}  // namespace tatakerja::app
