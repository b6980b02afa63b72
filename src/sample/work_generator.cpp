// The work system of a generated government (see generator.hpp, generate_work): accounts, teams
// formed through the use case, and activities in every state of their flows. The first activity
// of each executor (and team) is planned through app::create_activity, which fixes its review
// chain from the structure and the region's flow rule; the others of that executor copy that
// chain and are written straight to the ActivityStore, one transaction per batch, with the steps
// the flow's transitions name, taken by the holders of the stops, as take_activity_step would
// write them, each with its audit entry and its notifications to the executor, the lead and whoever
// the next step waits for (so that the tables a change writes to are as full as at work).
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/accounts.hpp"
#include "app/activities.hpp"
#include "app/audit.hpp"
#include "app/teams.hpp"
#include "core/error.hpp"
#include "sample/generator.hpp"
#include "work/activity.hpp"
#include "work/mechanisms.hpp"

namespace tatakerja::sample {
namespace {

using org::Id;

struct Seated {
  Id employee = 0;
  Id unit = 0;
  std::string name;
};

// The most activities planned through the use case (the others copy their chains).
constexpr std::size_t kMaxModels = 1000;

constexpr std::array<const char*, 12> kTitles = {
    "Penyusunan laporan kinerja",     "Rekapitulasi data kepegawaian",
    "Evaluasi pelaksanaan program",   "Monitoring realisasi anggaran",
    "Penyusunan kajian kebijakan",    "Verifikasi dokumen perencanaan",
    "Pemutakhiran data aset",         "Koordinasi pelaksanaan kegiatan",
    "Penyusunan standar operasional", "Analisis beban kerja",
    "Pendampingan pelayanan publik",  "Penyusunan bahan rapat pimpinan"};

class WorkGenerator {
 public:
  WorkGenerator(const app::Stores& s, Id region, const WorkOptions& o)
      : s_(s), region_(region), o_(o), rng_(o.seed * 7919 + 17) {}

  WorkGenerationSummary run() {
    seat_everyone();
    if (seated_.empty()) return sum_;
    accounts();
    teams();
    activities();
    return sum_;
  }

 private:
  int pick(int lo, int hi) {
    return lo + static_cast<int>(rng_() % static_cast<std::uint64_t>(hi - lo + 1));
  }

  void seat_everyone() {
    for (const auto& agency : s_.org.agencies_of_region(region_)) {
      for (const auto& p : s_.org.positions_of_agency(agency.id)) {
        const auto holders = s_.org.holders_of_position(p.id);
        for (const auto& h : holders) {
          if (h.placement.kind != org::PlacementKind::Definitive) continue;
          holder_of_[p.id] = {h.employee.id, h.employee.name};
          if (p.unit_id) seated_.push_back({h.employee.id, *p.unit_id, h.employee.name});
          break;
        }
      }
    }
  }

  // An account for every seated person ("kerja-<employee id>"), all with the password given:
  // hashed once, the hash shared.
  void accounts() {
    const std::string hash = app::hash_password(o_.password);
    Transaction tx(s_.transactions);
    const app::Actor gen{std::nullopt, "generate"};
    for (const auto& p : seated_) {
      identity::User u;
      u.username = "kerja-" + std::to_string(p.employee);
      u.display_name = p.name;
      u.password_hash = hash;
      u.role = identity::Role::Employee;
      u.employee_id = p.employee;
      u.id = s_.identity.insert_user(u);
      users_[p.employee] = u;
      ++sum_.accounts;
    }
    app::record_audit(s_, gen, "create", "user", "kerja-*", "",
                      "{\"accounts\":" + std::to_string(sum_.accounts) + "}");
    tx.commit();
  }

  // Teams through the use case: in a unit with at least three people, its first person leads
  // the next two; every other team is incidental and takes a member from the next unit too.
  void teams() {
    std::map<Id, std::vector<Id>> by_unit;
    for (const auto& p : seated_) by_unit[p.unit].push_back(p.employee);
    std::vector<std::pair<Id, std::vector<Id>>> units(by_unit.begin(), by_unit.end());
    const app::Actor gen{std::nullopt, "generate"};
    for (std::size_t i = 0; i < units.size() && sum_.teams < o_.teams; ++i) {
      const auto& [unit, people] = units[i];
      if (people.size() < 3) continue;
      app::NewTeam t;
      const bool across = sum_.teams % 2 == 1;
      t.name =
          std::string(across ? "Tim Lintas Unit " : "Tim Kerja ") + std::to_string(sum_.teams + 1);
      t.kind = across ? work::TeamKind::Incidental : work::TeamKind::Routine;
      t.target = "Target kinerja tim " + std::to_string(sum_.teams + 1) + " tercapai";
      t.owner_unit_id = unit;
      t.lead_employee_id = people[0];
      t.member_employee_ids = {people[1], people[2]};
      if (across && i + 1 < units.size() && !units[i + 1].second.empty())
        t.member_employee_ids.push_back(units[i + 1].second.back());
      t.formed = Date{2026, 1, 5};
      try {
        const auto v = app::form_team(s_, gen, t);
        Team team{v.team.id, t.lead_employee_id, t.member_employee_ids};
        teams_.push_back(team);
        ++sum_.teams;
      } catch (const Refusal&) {
        // a person who cannot be in a team (unplaced on the date): the next unit instead
      }
    }
  }

  struct Team {
    Id id = 0;
    Id lead = 0;
    std::vector<Id> members;
  };

  // Who takes a step of `role` on `a`: the executor, the team's lead, or the holder of a stop.
  std::optional<std::pair<Id, std::string>> actor(const work::Activity& a, std::string_view role,
                                                  Id lead) const {
    if (role == "pelaksana")
      return std::pair{a.executor_employee_id, name_of(a.executor_employee_id)};
    if (role == "ketua") return std::pair{lead, name_of(lead)};
    for (const auto& stop : a.chain) {
      const bool match = role == "pembatal" ? stop.role != "ketua" : stop.role == role;
      if (!match || !stop.position_id) continue;
      const auto it = holder_of_.find(*stop.position_id);
      if (it == holder_of_.end()) return std::nullopt;
      return it->second;
    }
    return std::nullopt;
  }

  std::string name_of(Id employee) const {
    const auto it = users_.find(employee);
    return it == users_.end() ? "" : it->second.display_name;
  }

  // The transitions that lead from "direncanakan" to a state drawn for the chain.
  std::vector<std::string> path(const work::Activity& a) {
    const int stops = static_cast<int>(a.chain.size());
    const int draw = pick(0, 5 + stops);
    std::vector<std::string> p;
    if (draw == 0) return p;                                            // direncanakan
    if (draw == 1) return {"mulai"};                                    // dilaksanakan
    if (draw == 2) return {"batalkan"};                                 // dibatalkan
    if (draw == 3) return {"mulai", "ajukan", "kembalikan"};            // perbaikan
    if (draw == 4) return {"mulai", "ajukan", "kembalikan", "ajukan"};  // back at the first stop
    p = {"mulai", "ajukan"};
    const int waiting_at = draw - 5;  // 0..stops: a waiting state, or (== stops) selesai
    for (int k = 0; k < std::min(waiting_at, stops - 1); ++k) p.emplace_back("teruskan");
    if (waiting_at >= stops) {
      for (int k = 0; k < stops - 1; ++k) p.emplace_back("teruskan");
      p.emplace_back("terima");
    }
    return p;
  }

  // Plans the executor's first activity (in `team`, if any) through the use case.
  std::optional<work::Activity> plan(Id executor, std::optional<Id> team, Id planner) {
    const auto u = users_.find(planner);
    if (u == users_.end()) return std::nullopt;
    app::NewActivity in;
    in.executor_employee_id = executor;
    in.team_id = team;
    in.title = std::string(
        kTitles[static_cast<std::size_t>(pick(0, static_cast<int>(kTitles.size()) - 1))]);
    in.target = team ? "" : "Sasaran kinerja unit tahun 2026 tercapai";
    in.details = "Kegiatan sintetis untuk uji beban.";
    in.budget = std::int64_t{1'000'000} * pick(1, 50);
    in.start = "2026-01-05";
    in.end = "2026-12-18";
    try {
      ++sum_.planned_by_use_case;
      return app::create_activity(s_, u->second, in).activity;
    } catch (const Refusal&) {
      --sum_.planned_by_use_case;
      return std::nullopt;
    }
  }

  // Who must take a step open from where `a` stands (a cancellation is not waited for).
  std::optional<Id> awaited(const work::Activity& a, const work::Mechanism* flow, Id lead) const {
    if (flow == nullptr) return std::nullopt;
    for (const auto* t : work::transitions_from(*flow, a.state)) {
      if (t->role == "pembatal") continue;
      if (const auto who = actor(a, t->role, lead)) return who->first;
    }
    return std::nullopt;
  }

  // The audit entry and the notifications of step `s`, which took the activity from `before`
  // (none for its plan) to `after`, as take_activity_step writes them.
  void record_step(const work::Activity* before, const work::Activity& after,
                   const work::ActivityStep& s, const std::set<Id>& to) {
    const work::Activity& a = after;
    const Id by = s.actor_employee_id.value_or(a.executor_employee_id);
    const auto user = users_.find(by);
    const app::Actor actor = user == users_.end()
                                 ? app::Actor{std::nullopt, "generate"}
                                 : app::Actor{user->second.id, user->second.username};
    if (before == nullptr) {
      app::record_audit(s_, actor, "create", "activity", std::to_string(a.id), "",
                        app::activity_audit(a));
    } else {
      app::record_audit(s_, actor, "update", "activity", std::to_string(a.id),
                        app::activity_audit(*before),
                        app::activity_audit(a, {"step", app::step_audit(s)}));
    }
    for (const Id id : to) {
      if (id == by) continue;
      work::Notification n;
      n.employee_id = id;
      n.activity_id = a.id;
      n.kind = "langkah";
      n.message = s.actor_name + " (" + s.role + ") " + s.transition + ": \"" + a.title + "\"";
      n.created_at = s.at;
      s_.work.insert_notification(n);
    }
  }

  // Writes a copy of `model` with its own detail, walked to a drawn state.
  void write_copy(const work::Activity& model, Id lead, const std::string& now) {
    work::Activity a = model;
    a.id = 0;
    a.title =
        std::string(
            kTitles[static_cast<std::size_t>(pick(0, static_cast<int>(kTitles.size()) - 1))]) +
        " " + std::to_string(sum_.activities + 1);
    a.budget = std::int64_t{1'000'000} * pick(1, 50);
    a.planner_employee_id = a.executor_employee_id;
    a.state = "direncanakan";
    a.state_since = now;
    a.created_at = now;
    a.updated_at = now;
    a.awaiting_position_id.reset();
    a.progress = 0;
    a.rework = 0;
    a.version = 1;
    std::vector<work::ActivityStep> steps;
    work::ActivityStep first;
    first.transition = "rencanakan";
    first.to_state = a.state;
    first.actor_employee_id = a.executor_employee_id;
    first.actor_name = name_of(a.executor_employee_id);
    first.role = "perencana";
    first.at = now;
    steps.push_back(first);
    std::vector<work::Activity> states{a};  // the activity after each step, for its audit entry
    const work::Mechanism* flow = work::find_activity_flow(a.flow);
    for (const auto& name : path(a)) {
      if (flow == nullptr) break;
      const work::Transition* t = work::find_transition(*flow, a.state, name);
      if (t == nullptr) break;
      const auto who = actor(a, t->role, lead);
      if (!who) break;  // a vacant stop: the activity waits there
      work::ActivityStep s;
      s.transition = name;
      s.from_state = a.state;
      s.to_state = std::string(t->to);
      s.actor_employee_id = who->first;
      s.actor_name = who->second;
      s.role = std::string(t->role);
      if (t->reason_required)
        s.reason = name == "batalkan" ? "Digabung dengan kegiatan lain"
                                      : "Lengkapi bukti dukung sesuai rincian";
      s.at = now;
      steps.push_back(s);
      a.state = s.to_state;
      ++a.version;
      if (name == "kembalikan") ++a.rework;
      if (name == "terima") a.progress = 100;
      states.push_back(a);
    }
    const std::string_view stop = work::stop_of_state(a.state);
    for (const auto& st : a.chain)
      if (!stop.empty() && st.role == stop) a.awaiting_position_id = st.position_id;
    a.id = s_.activities.insert_activity(a);
    for (std::size_t i = 0; i < steps.size(); ++i) {
      auto& s = steps[i];
      s.activity_id = a.id;
      s_.activities.insert_activity_step(s);
      // Whom the step concerns: the executor, the lead, and who takes the next step (or, after
      // the last, who it now waits for).
      std::set<Id> to{a.executor_employee_id};
      if (lead != 0) to.insert(lead);
      if (i + 1 < steps.size()) {
        if (steps[i + 1].actor_employee_id) to.insert(*steps[i + 1].actor_employee_id);
      } else if (const auto next = awaited(a, flow, lead)) {
        to.insert(*next);
      }
      states[i].id = a.id;
      record_step(i == 0 ? nullptr : &states[i - 1], states[i], s, to);
    }
    ++sum_.activities;
    ++sum_.by_state[a.state];
  }

  void activities() {
    if (o_.activities == 0) return;
    // The models: one per executor (individual) and per team member (the team's activities).
    struct Model {
      work::Activity activity;
      Id lead = 0;
    };
    std::vector<Model> models;
    for (const auto& t : teams_) {
      for (Id m : t.members) {
        if (sum_.activities + models.size() >= o_.activities) break;
        if (auto a = plan(m, t.id, t.lead)) models.push_back({*a, t.lead});
      }
    }
    for (const auto& p : seated_) {
      if (sum_.planned_by_use_case >= o_.activities || models.size() >= kMaxModels) break;
      if (auto a = plan(p.employee, std::nullopt, p.employee)) models.push_back({*a, 0});
    }
    sum_.activities = sum_.planned_by_use_case;
    for (const auto& m : models) ++sum_.by_state[m.activity.state];
    if (models.empty()) return;
    const std::string now = app::now_iso_utc();
    constexpr std::size_t kBatch = 2000;
    while (sum_.activities < o_.activities) {
      Transaction tx(s_.transactions);
      for (std::size_t k = 0; k < kBatch && sum_.activities < o_.activities; ++k) {
        const auto& m =
            models[static_cast<std::size_t>(pick(0, static_cast<int>(models.size()) - 1))];
        write_copy(m.activity, m.lead, now);
      }
      tx.commit();
    }
  }

  const app::Stores& s_;
  Id region_;
  WorkOptions o_;
  std::mt19937_64 rng_;
  std::vector<Seated> seated_;
  std::map<Id, std::pair<Id, std::string>> holder_of_;  // position -> (employee, name)
  std::map<Id, identity::User> users_;                  // employee -> account
  std::vector<Team> teams_;
  WorkGenerationSummary sum_;
};

}  // namespace

WorkGenerationSummary generate_work(const app::Stores& store, org::Id region_id,
                                    const WorkOptions& options) {
  return WorkGenerator(store, region_id, options).run();
}

}  // namespace tatakerja::sample
