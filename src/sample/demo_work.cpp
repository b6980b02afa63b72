// The demo's living office (issue 12 item 8; see demo.hpp): teams, assignments and activities in
// every state of their flows, in the agency of the demo's `pegawai`, all made through the use
// cases (app/teams.hpp, app/assignments.hpp, app/activities.hpp) acting as the people whose role
// each step names, so that the records, steps, letters, notifications and audit entries are those
// the server would write.
#include <optional>
#include <string>
#include <vector>

#include "app/accounts.hpp"
#include "app/activities.hpp"
#include "app/assignments.hpp"
#include "app/audit.hpp"
#include "app/teams.hpp"
#include "org/unit_head.hpp"
#include "sample/demo.hpp"

namespace tatakerja::sample {
namespace {

using org::Id;

// The people of the office, by their part.
struct Office {
  Id level_i = 0;       // the agency head
  Id secretary = 0;     // pegawai's appraiser (Level II of pegawai's unit)
  Id pegawai = 0;       // the demo's pegawai
  Id colleague = 0;     // another official appraised by the secretary, in pegawai's unit
  Id pegawai_unit = 0;  // pegawai's unit
  Id head_a = 0;        // Kepala Bidang A
  Id staff_a1 = 0;      // two officials of Bidang A
  Id staff_a2 = 0;
  Id unit_a = 0;
  Id head_b = 0;   // Kepala Bidang B
  Id staff_b = 0;  // an official of Bidang B
  Id unit_b = 0;
};

std::optional<Id> definitive_holder(const app::Stores& s, Id position) {
  for (const auto& h : s.org.holders_of_position(position))
    if (h.placement.kind == org::PlacementKind::Definitive) return h.employee.id;
  return std::nullopt;
}

// The definitive holders of the unit's positions appraised by `appraiser` (the executors).
std::vector<Id> appraised(const app::Stores& s, const std::vector<org::Position>& positions,
                          Id unit, Id appraiser) {
  std::vector<Id> out;
  for (const auto& p : positions) {
    if (p.unit_id != unit || p.appraiser_id != appraiser || p.work_level != 0) continue;
    if (const auto h = definitive_holder(s, p.id)) out.push_back(*h);
  }
  return out;
}

// Finds the office in pegawai's agency: its head, pegawai's appraiser and a colleague, and two
// Bidang with their heads and officials, all held definitively. None when the agency lacks one.
std::optional<Office> find_office(const app::Stores& s, Id pegawai) {
  Office o;
  o.pegawai = pegawai;
  const auto placements = s.org.placements_of_employee(pegawai);
  std::optional<org::Position> mine;
  for (const auto& pl : placements) {
    if (pl.kind != org::PlacementKind::Definitive || pl.end) continue;
    mine = s.org.position(pl.position_id);
  }
  if (!mine || !mine->unit_id || !mine->appraiser_id) return std::nullopt;
  o.pegawai_unit = *mine->unit_id;
  const auto positions = s.org.positions_of_agency(mine->agency_id);
  for (const auto& p : positions)
    if (!p.unit_id && p.work_level == 1)
      if (const auto h = definitive_holder(s, p.id)) o.level_i = *h;
  const auto secretary = definitive_holder(s, *mine->appraiser_id);
  if (!secretary || o.level_i == 0) return std::nullopt;
  o.secretary = *secretary;
  for (Id e : appraised(s, positions, o.pegawai_unit, *mine->appraiser_id))
    if (e != pegawai && o.colleague == 0) o.colleague = e;
  int found = 0;
  for (const auto& u : s.org.units_of_agency(mine->agency_id, false)) {
    if (u.kind != UnitKind::Bidang || found == 2) continue;
    const auto head = org::unit_head(positions, u.id);
    const auto head_holder = head ? definitive_holder(s, *head) : std::nullopt;
    if (!head_holder) continue;
    const auto staff = appraised(s, positions, u.id, *head);
    if (found == 0 && staff.size() >= 2) {
      o.unit_a = u.id;
      o.head_a = *head_holder;
      o.staff_a1 = staff[0];
      o.staff_a2 = staff[1];
      ++found;
    } else if (found == 1 && !staff.empty()) {
      o.unit_b = u.id;
      o.head_b = *head_holder;
      o.staff_b = staff[0];
      ++found;
    }
  }
  if (found < 2 || o.colleague == 0) return std::nullopt;
  return o;
}

class Builder {
 public:
  Builder(const app::Stores& s, const app::Actor& demo, Office o, const identity::User& pegawai)
      : s_(s), demo_(demo), o_(o) {
    users_.push_back(pegawai);
  }

  DemoWork build() {
    accounts();
    teams();
    assignments();
    activities();
    return sum_;
  }

 private:
  // One account per person who acts, sharing the demo office's password (hashed once).
  void accounts() {
    const std::vector<std::pair<std::string, Id>> named = {
        {"kepala", o_.level_i}, {"sekretaris", o_.secretary}, {"staf.sekretariat", o_.colleague},
        {"kabid.a", o_.head_a}, {"staf.a1", o_.staff_a1},     {"staf.a2", o_.staff_a2},
        {"kabid.b", o_.head_b}, {"staf.b", o_.staff_b}};
    std::string hash;
    for (const auto& [username, employee] : named) {
      const auto e = s_.org.employee(employee);
      const std::string display = e ? e->name : username;
      Transaction tx(s_.transactions);
      identity::User u;
      if (hash.empty()) {
        u = app::create_user(s_, demo_, username, display, std::string(kDemoOfficePassword),
                             identity::Role::Employee, employee);
        hash = u.password_hash;
      } else {
        u.username = username;
        u.display_name = display;
        u.password_hash = hash;
        u.role = identity::Role::Employee;
        u.employee_id = employee;
        u.id = s_.identity.insert_user(u);
        app::record_audit(
            s_, demo_, "create", "user", std::to_string(u.id), "",
            "{\"username\":\"" + username +
                "\",\"role\":\"pegawai\",\"employee_id\":" + std::to_string(employee) + "}");
      }
      tx.commit();
      users_.push_back(u);
      ++sum_.accounts;
    }
  }

  const identity::User& as(Id employee) const {
    for (const auto& u : users_)
      if (u.employee_id == employee) return u;
    return users_.front();
  }

  void teams() {
    app::NewTeam routine;
    routine.name = "Tim Penyusunan Rencana Kerja";
    routine.kind = work::TeamKind::Routine;
    routine.target = "Rencana kerja tahunan perangkat daerah tersusun tepat waktu";
    routine.owner_unit_id = o_.pegawai_unit;
    routine.lead_employee_id = o_.pegawai;
    routine.member_employee_ids = {o_.colleague};
    routine.formed = Date{2026, 1, 5};
    routine_team_ = app::form_team(s_, demo_, routine).team.id;
    app::NewTeam across;
    across.name = "Tim Evaluasi Kerja Sama Antardaerah";
    across.kind = work::TeamKind::Incidental;
    across.target = "Laporan evaluasi kerja sama antardaerah semester II";
    across.owner_unit_id = o_.unit_a;
    across.lead_employee_id = o_.staff_a1;
    across.member_employee_ids = {o_.staff_b, o_.pegawai};
    across.formed = Date{2026, 7, 1};
    across_team_ = app::form_team(s_, demo_, across).team.id;
    sum_.teams = 2;
  }

  app::AssignmentView assign(Id by, const std::string& mechanism, Id unit, Id official,
                             const std::string& title, bool main_duties) {
    app::NewAssignment a;
    a.mechanism = mechanism;
    a.owner_unit_id = unit;
    a.official_employee_id = official;
    a.title = title;
    a.details = title + " (data demo).";
    a.within_main_duties = main_duties;
    ++sum_.assignments;
    return app::create_assignment(s_, as(by), a);
  }
  app::AssignmentView step(Id by, const app::AssignmentView& v, const std::string& transition,
                           const std::string& reason = "") {
    app::StepInput in;
    in.transition = transition;
    in.version = v.assignment.version;
    in.reason = reason;
    return app::take_step(s_, as(by), v.assignment.id, in);
  }

  void assignments() {
    // Assigned within a unit, its Surat Tugas issued, and accepted by pegawai.
    const auto accepted = assign(o_.secretary, "penunjukan_dalam_unit", o_.pegawai_unit, o_.pegawai,
                                 "Penyusunan laporan kinerja triwulan III", true);
    step(o_.pegawai, accepted, "terima");
    // Assigned with its letter, not yet accepted.
    assign(o_.head_a, "penunjukan_dalam_unit", o_.unit_a, o_.staff_a2,
           "Pemutakhiran basis data kerja sama daerah", true);
    // Across units: waiting for the official's appraiser (the secretary, for pegawai).
    assign(o_.head_a, "penunjukan_lintas_unit", o_.unit_a, o_.pegawai,
           "Narasumber penyusunan anggaran kerja sama", false);
    // Across units: refused with a reason.
    const auto refused = assign(o_.head_b, "penunjukan_lintas_unit", o_.unit_b, o_.staff_a1,
                                "Pendamping monitoring kawasan perbatasan", false);
    step(o_.head_a, refused, "tolak",
         "Pejabat sedang memimpin tim evaluasi kerja sama sampai akhir semester");
  }

  app::ActivityView plan(Id by, Id executor, const std::string& title, const std::string& start,
                         const std::string& end, std::optional<Id> team = std::nullopt) {
    app::NewActivity a;
    a.team_id = team;
    a.executor_employee_id = executor;
    a.title = title;
    if (!team) a.target = "Sasaran kinerja unit tahun 2026 tercapai";
    a.details = "Rincian: " + title + ". Keluaran: laporan dan lampiran pendukung.";
    a.budget = 2'500'000 + 500'000 * static_cast<std::int64_t>(sum_.activities % 7);
    a.start = start;
    a.end = end;
    ++sum_.activities;
    return app::create_activity(s_, as(by), a);
  }
  app::ActivityView go(Id by, const app::ActivityView& v, const std::string& transition,
                       const std::string& reason = "") {
    app::ActivityStepInput in;
    in.transition = transition;
    in.version = v.activity.version;
    in.reason = reason;
    app::take_activity_step(s_, as(by), v.activity.id, in);
    return app::activity_view(s_, as(by), v.activity.id);
  }
  app::ActivityView note(Id by, const app::ActivityView& v, const std::string& kind,
                         const std::string& text, std::optional<int> progress) {
    app::NewNote n;
    n.kind = kind;
    n.text = text;
    n.progress = progress;
    n.version = v.activity.version;
    app::add_activity_note(s_, as(by), v.activity.id, n);
    return app::activity_view(s_, as(by), v.activity.id);
  }

  void activities() {
    const Id me = o_.pegawai;
    // direncanakan: planned by pegawai.
    plan(me, me, "Penyusunan rencana kerja tahunan 2027", "2026-11-02", "2026-12-18");

    // dilaksanakan: progress notes, feedback and a small evidence file.
    auto a =
        plan(me, me, "Rekapitulasi realisasi anggaran triwulan IV", "2026-10-01", "2026-12-31");
    a = go(me, a, "mulai");
    a = note(me, a, "kemajuan", "Data realisasi bulan Oktober dan November terkumpul", 40);
    a = note(o_.secretary, a, "umpan_balik",
             "Pisahkan belanja pegawai dari belanja barang dan jasa", std::nullopt);
    a = note(me, a, "kemajuan", "Rekap per kegiatan selesai, tinggal bulan Desember", 65);
    app::add_evidence(s_, as(me), a.activity.id, a.activity.version, "rekap-realisasi.csv",
                      "kegiatan,pagu,realisasi\nRapat koordinasi,12000000,9850000\n"
                      "Perjalanan dinas,30000000,21400000\n");
    ++sum_.evidence;

    // di_ketua: the routine team's member submits to its lead, pegawai.
    auto t = plan(me, o_.colleague, "Penghimpunan usulan program dari bidang", "2026-09-01",
                  "2026-10-30", routine_team_);
    t = go(o_.colleague, t, "mulai");
    t = note(o_.colleague, t, "kemajuan", "Usulan dari kedua bidang diterima", 100);
    go(o_.colleague, t, "ajukan");

    // di_level_ii: an official of Bidang A submits to the Kepala Bidang.
    auto b = plan(o_.head_a, o_.staff_a1, "Kajian naskah kesepakatan bersama kabupaten tetangga",
                  "2026-08-03", "2026-11-27");
    b = go(o_.staff_a1, b, "mulai");
    b = note(o_.staff_a1, b, "kemajuan", "Kajian pasal demi pasal selesai", 100);
    go(o_.staff_a1, b, "ajukan");

    // di_level_i: reviewed by the secretary, waiting for the agency head.
    auto c = plan(me, me, "Penyusunan laporan keuangan semester I", "2026-07-01", "2026-08-31");
    c = go(me, c, "mulai");
    c = note(me, c, "kemajuan", "Laporan keuangan tersusun", 100);
    c = go(me, c, "ajukan");
    go(o_.secretary, c, "teruskan");

    // perbaikan: returned by the secretary with its reason.
    auto d =
        plan(o_.secretary, me, "Inventarisasi barang milik daerah", "2026-06-01", "2026-09-30");
    d = go(me, d, "mulai");
    d = note(me, d, "kemajuan", "Inventarisasi ruang kerja selesai", 80);
    d = go(me, d, "ajukan");
    go(o_.secretary, d, "kembalikan",
       "Lampirkan berita acara pemeriksaan barang dan foto kendaraan dinas");

    // selesai: the cross-unit team's activity, through its lead, Level II and Level I.
    auto e = plan(o_.staff_a1, me, "Evaluasi pelaksanaan kerja sama semester I", "2026-07-01",
                  "2026-09-30", across_team_);
    e = go(me, e, "mulai");
    e = note(me, e, "kemajuan", "Evaluasi tujuh naskah kerja sama selesai", 100);
    e = go(me, e, "ajukan");
    e = go(o_.staff_a1, e, "teruskan");
    e = go(o_.head_a, e, "teruskan");
    go(o_.level_i, e, "terima");

    // selesai: an official of Bidang A, through the Kepala Bidang and the agency head.
    auto f = plan(o_.head_a, o_.staff_a2, "Pemutakhiran data kerja sama tahun 2025", "2026-02-02",
                  "2026-04-30");
    f = go(o_.staff_a2, f, "mulai");
    f = go(o_.staff_a2, f, "ajukan");
    f = go(o_.head_a, f, "teruskan");
    go(o_.level_i, f, "terima");

    // dibatalkan: cancelled by the Kepala Bidang B with its reason.
    auto g = plan(o_.head_b, o_.staff_b, "Monitoring kawasan perbatasan triwulan IV", "2026-10-05",
                  "2026-12-11");
    go(o_.head_b, g, "batalkan", "Digabung dengan monitoring terpadu tingkat provinsi");
  }

  const app::Stores& s_;
  const app::Actor& demo_;
  Office o_;
  std::vector<identity::User> users_;
  Id routine_team_ = 0;
  Id across_team_ = 0;
  DemoWork sum_;
};

}  // namespace

DemoWork add_demo_work(const app::Stores& store, const app::Actor& demo,
                       const identity::User& pegawai) {
  if (!pegawai.employee_id) return {};
  const auto office = find_office(store, *pegawai.employee_id);
  if (!office) return {};
  return Builder(store, demo, *office, pegawai).build();
}

}  // namespace tatakerja::sample
