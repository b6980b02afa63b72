// The demo database and the province-sized generator: the corpus imported into four regions,
// every position (but ~5%) held, every NIP valid, every definitive PNS rank fitting its eselon,
// work levels and appraisers resolved, the demo accounts signing in; the same seed gives the
// same people. On SQLite and in memory.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <variant>

#include "app/accounts.hpp"
#include "app/activities.hpp"
#include "app/assignments.hpp"
#include "app/error.hpp"
#include "org/nip.hpp"
#include "org/rank.hpp"
#include "org/work_levels.hpp"
#include "sample/demo.hpp"
#include "sample/generator.hpp"
#include "test_db.hpp"

namespace tatakerja {
namespace {

using testing::count_rows;
using testing::TestBackend;

class Demo : public testing::BackendTest {};
class Generator : public testing::BackendTest {};

// Every person, in id order, through the port.
std::vector<org::Employee> everyone(org::OrgStore& org) {
  std::vector<org::Employee> out;
  const std::int64_t n = org.count_search_employees("", 0);
  for (std::int64_t offset = 0; offset < n; offset += 500) {
    for (const auto& h : org.search_employees("", 0, {500, static_cast<int>(offset)})) {
      out.push_back(h.employee);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const org::Employee& a, const org::Employee& b) { return a.id < b.id; });
  return out;
}

TEST_P(Demo, BuildsAStaffedRegistry) {
  auto& db = backend();
  auto& st = db.org();
  const auto s = sample::build_demo(db.stores(), testing::corpus_dir(), 2026);
  EXPECT_EQ(s.regulations, 5u);
  EXPECT_TRUE(s.skipped.empty());
  EXPECT_EQ(s.regions, 4u);
  EXPECT_EQ(s.agencies, 4u);  // Kupang's text sets no agency
  EXPECT_GT(s.added_positions, 20u);
  EXPECT_GE(s.acting, 2u);
  EXPECT_LE(s.acting, 3u);

  std::set<std::string> region_names;
  for (const auto& r : st.regions()) region_names.insert(r.name);
  EXPECT_EQ(region_names,
            (std::set<std::string>{"Provinsi Nusa Tenggara Timur", "Kabupaten Kapuas Hulu",
                                   "Kota Batam", "Kabupaten Kupang"}));

  std::size_t positions = 0, vacant = 0, holders = 0, acting = 0, pppk = 0;
  std::set<std::string> nips;
  for (const auto& region : st.regions()) {
    for (const auto& agency : st.agencies_of_region(region.id)) {
      SCOPED_TRACE(agency.name);
      const auto units = st.units_of_agency(agency.id, false);
      const auto ps = st.positions_of_agency(agency.id, true);
      // Work levels and appraisers as the rules resolve them.
      const auto levels = org::resolve_work_levels(agency, units, ps);
      std::size_t k = 0;
      for (const auto& p : ps) {
        if (p.abolished) continue;
        ASSERT_LT(k, levels.size());
        const auto& l = levels[k++];
        EXPECT_EQ(l.position_id, p.id);
        EXPECT_EQ(p.work_level, l.work_level) << p.title;
        EXPECT_EQ(p.appraiser_id, l.appraiser_id) << p.title;
        EXPECT_EQ(p.appraiser_outside, l.appraiser_outside) << p.title;
        EXPECT_TRUE(p.appraiser_id || !p.appraiser_outside.empty()) << p.title;
      }
      for (const auto& p : ps) {
        if (p.abolished) continue;
        ++positions;
        const auto hs = st.holders_of_position(p.id);
        if (hs.empty()) ++vacant;
        for (const auto& h : hs) {
          ++holders;
          const auto& e = h.employee;
          const auto info = org::decode_nip(e.nip);
          ASSERT_TRUE(std::holds_alternative<org::NipInfo>(info)) << e.nip;
          const auto& ni = std::get<org::NipInfo>(info);
          EXPECT_EQ(ni.birth_date, e.birth_date);
          EXPECT_EQ(ni.sex, e.sex);
          EXPECT_GE(e.birth_date.year, 1965);
          EXPECT_LE(e.birth_date.year, 1998);
          EXPECT_GE(e.appointed_year - e.birth_date.year, 22) << e.nip;
          if (h.placement.kind != org::PlacementKind::Definitive) {
            ++acting;
            continue;
          }
          nips.insert(e.nip);
          if (e.kind == org::EmployeeKind::Pppk) {
            ++pppk;
            EXPECT_TRUE(org::normalize_rank(e.rank, e.kind)) << e.rank;
            EXPECT_FALSE(p.eselon) << p.title;
          } else {
            EXPECT_TRUE(org::pns_rank(e.rank)) << e.rank;
            EXPECT_TRUE(org::rank_fits_eselon(e.rank, to_string(p.eselon)))
                << e.rank << " " << to_string(p.eselon) << " " << p.title;
          }
          EXPECT_GT(h.placement.start.year, e.appointed_year - 1);
          EXPECT_FALSE(e.name.empty());
        }
      }
    }
  }
  EXPECT_EQ(positions, s.positions);
  EXPECT_EQ(vacant, s.vacant);
  EXPECT_EQ(acting, s.acting);
  EXPECT_EQ(nips.size(), s.employees);  // unique NIPs, one definitive placement each
  EXPECT_GE(vacant, 1u);
  EXPECT_LE(vacant * 100, positions * 12) << vacant << " of " << positions;
  EXPECT_GT(pppk, 0u);
  EXPECT_EQ(static_cast<std::size_t>(count_rows(db, "employees")), s.employees);

  // The demo accounts sign in with their passwords.
  for (const auto& a : sample::demo_accounts()) {
    const auto u = db.identity().user_by_username(a.username);
    ASSERT_TRUE(u) << a.username;
    EXPECT_TRUE(app::verify_password(u->password_hash, a.password)) << a.username;
    EXPECT_FALSE(app::verify_password(u->password_hash, a.password + "x"));
    EXPECT_EQ(identity::to_string(u->role), a.role);
  }
  const auto pegawai = db.identity().user_by_username("pegawai");
  ASSERT_TRUE(pegawai && pegawai->employee_id);
  EXPECT_TRUE(st.employee(*pegawai->employee_id));

  // The living office (issue 12 item 8): activities in every state of their flow, assignments in
  // several, made by the people whose role each step names; pegawai has work waiting.
  EXPECT_EQ(s.work.teams, 2u);
  EXPECT_EQ(s.work.assignments, 4u);
  EXPECT_EQ(s.work.activities, 9u);
  EXPECT_EQ(s.work.evidence, 1u);
  std::set<std::string> states;
  for (org::Id id = 1; id <= static_cast<org::Id>(s.work.activities); ++id) {
    const auto a = db.stores().activities.activity(id);
    ASSERT_TRUE(a) << id;
    states.insert(a->state);
    if (a->state == "perbaikan") {
      const auto steps = db.stores().activities.steps_of_activity(id, 0, 1000);
      ASSERT_FALSE(steps.empty());
      EXPECT_EQ(steps.back().transition, "kembalikan");
      EXPECT_FALSE(steps.back().reason.empty());
    }
  }
  EXPECT_EQ(states,
            (std::set<std::string>{"direncanakan", "dilaksanakan", "di_ketua", "di_level_ii",
                                   "di_level_i", "perbaikan", "selesai", "dibatalkan"}));
  const auto mine = app::my_activities(db.stores(), *pegawai, 25);
  EXPECT_GE(mine.size(), 6u);
  EXPECT_TRUE(std::any_of(mine.begin(), mine.end(),
                          [](const app::ActivitySummary& a) { return a.awaiting_me; }));
  std::set<std::string> assignment_states;
  for (const auto& v : app::my_assignments(db.stores(), *pegawai, 25))
    assignment_states.insert(v.assignment.state);
  EXPECT_EQ(assignment_states, (std::set<std::string>{"diterima", "menunggu_penilai"}));
  const auto kepala = db.identity().user_by_username("kepala");
  ASSERT_TRUE(kepala);
  EXPECT_TRUE(app::verify_password(kepala->password_hash, sample::kDemoOfficePassword));
  const auto waiting = app::my_activities(db.stores(), *kepala, 25);
  EXPECT_TRUE(std::any_of(waiting.begin(), waiting.end(), [](const app::ActivitySummary& a) {
    return a.awaiting_me && a.activity.state == "di_level_i";
  }));
}

TEST_P(Demo, SameSeedSamePeople) {
  TestBackend a(GetParam()), b(GetParam());
  ASSERT_TRUE(a.error().empty() && b.error().empty()) << a.error() << b.error();
  sample::build_demo(a.stores(), testing::corpus_dir(), 7);
  sample::build_demo(b.stores(), testing::corpus_dir(), 7);
  if (a.connection() != nullptr) {
    const auto sql = "SELECT nip, name, rank, kind FROM employees ORDER BY id";
    const auto ra = a.connection()->query(sql), rb = b.connection()->query(sql);
    ASSERT_EQ(ra.size(), rb.size());
    for (std::size_t i = 0; i < ra.size(); ++i)
      for (std::size_t c = 0; c < 4; ++c) EXPECT_EQ(ra[i].text(c), rb[i].text(c));
  }
  const auto ea = everyone(a.org()), eb = everyone(b.org());
  ASSERT_EQ(ea.size(), eb.size());
  EXPECT_GT(ea.size(), 0u);
  for (std::size_t i = 0; i < ea.size(); ++i) {
    EXPECT_EQ(ea[i].nip, eb[i].nip);
    EXPECT_EQ(ea[i].name, eb[i].name);
    EXPECT_EQ(ea[i].rank, eb[i].rank);
    EXPECT_EQ(ea[i].kind, eb[i].kind);
  }
}

// The work system of a generated government: accounts, teams, activities in every state, each
// with the steps that led there and, waiting at a position, that position set.
TEST_P(Generator, WorkInEveryState) {
  auto& db = backend();
  sample::GeneratorOptions o;
  o.seed = 5;
  o.people = 120;
  o.units = 10;
  o.agencies = 2;
  const auto g = sample::generate_province(db.stores(), o);
  sample::WorkOptions w;
  w.activities = 600;
  w.teams = 3;
  const auto k = sample::generate_work(db.stores(), g.region_id, w);
  EXPECT_EQ(k.activities, 600u);
  EXPECT_EQ(k.teams, 3u);
  EXPECT_GT(k.accounts, 100u);
  EXPECT_GT(k.planned_by_use_case, 50u);
  for (const char* state : {"direncanakan", "dilaksanakan", "di_ketua", "di_level_ii", "di_level_i",
                            "perbaikan", "selesai", "dibatalkan"})
    EXPECT_GT(k.by_state.count(state), 0u) << state;
  for (org::Id id = 1; id <= 600; ++id) {
    const auto a = db.stores().activities.activity(id);
    ASSERT_TRUE(a) << id;
    const auto steps = db.stores().activities.steps_of_activity(id, 0, 1000);
    ASSERT_FALSE(steps.empty());
    EXPECT_EQ(steps.back().to_state, a->state);
    EXPECT_EQ(a->version, static_cast<int>(steps.size()));
    const auto stop = work::stop_of_state(a->state);
    if (!stop.empty() && stop != "ketua") {
      ASSERT_TRUE(a->awaiting_position_id) << a->state;
      const auto& chain = a->chain;
      EXPECT_TRUE(std::any_of(chain.begin(), chain.end(), [&](const work::ReviewStop& s) {
        return s.role == stop && s.position_id == a->awaiting_position_id;
      }));
    } else {
      EXPECT_FALSE(a->awaiting_position_id);
    }
  }
  // Each step has its audit entry, as take_activity_step writes it, and the executor of a copy
  // that others acted on was told of it.
  std::size_t steps_taken = 0;
  for (org::Id id = 1; id <= 600; ++id) {
    steps_taken += db.stores().activities.steps_of_activity(id, 0, 1000).size();
  }
  std::map<std::string, std::size_t> entries;  // activity id -> its audit entries
  for (const auto& e : db.identity().audit_entries_after(0, 100000)) {
    if (e.entity == "activity") ++entries[e.entity_id];
  }
  std::size_t audited = 0;
  for (const auto& [id, n] : entries) audited += n;
  EXPECT_EQ(audited, steps_taken);
  std::size_t told = 0;
  for (org::Id id = 1; id <= 600; ++id) {
    const auto a = db.stores().activities.activity(id);
    told +=
        db.stores().work.notifications_of_employee(a->executor_employee_id, 1000).empty() ? 0 : 1;
  }
  EXPECT_GT(told, 300u);
  // An executor signs in with the password given and finds their work.
  const auto first = db.stores().activities.activity(1);
  const auto u =
      db.identity().user_by_username("kerja-" + std::to_string(first->executor_employee_id));
  ASSERT_TRUE(u);
  EXPECT_TRUE(app::verify_password(u->password_hash, w.password));
  EXPECT_FALSE(app::my_activities(db.stores(), *u, 25).empty());
}

TEST_P(Generator, SmallProvince) {
  auto& db = backend();
  sample::GeneratorOptions o;
  o.seed = 3;
  o.people = 1500;
  o.units = 120;
  o.agencies = 6;
  const auto s = sample::generate_province(db.stores(), o);
  EXPECT_EQ(s.agencies, 6u);
  EXPECT_EQ(s.units, 120u);
  EXPECT_EQ(s.employees, 1500u);
  EXPECT_EQ(static_cast<std::size_t>(count_rows(db, "employees")), 1500u);
  EXPECT_EQ(static_cast<std::size_t>(count_rows(db, "units")), 120u);
  EXPECT_GT(s.vacant, 0u);
  EXPECT_LT(s.vacant * 100, s.positions * 12);
  // Every NIP decodes; every position has a level or an appraiser.
  if (storage::Connection* c = db.connection()) {
    for (const auto& row : c->query("SELECT nip FROM employees"))
      EXPECT_TRUE(std::holds_alternative<org::NipInfo>(org::decode_nip(row.text(0))))
          << row.text(0);
    EXPECT_EQ(c->query("SELECT COUNT(*) FROM positions WHERE appraiser_id IS NULL AND "
                       "appraiser_outside = ''")[0]
                  .integer(0),
              0);
  }
  const auto people = everyone(db.org());
  EXPECT_EQ(people.size(), 1500u);
  for (const auto& e : people)
    EXPECT_TRUE(std::holds_alternative<org::NipInfo>(org::decode_nip(e.nip))) << e.nip;
  for (const auto& region : db.org().regions())
    for (const auto& agency : db.org().agencies_of_region(region.id))
      for (const auto& p : db.org().positions_of_agency(agency.id, true))
        EXPECT_TRUE(p.appraiser_id || !p.appraiser_outside.empty()) << p.title;
  // The same generation twice is refused.
  try {
    sample::generate_province(db.stores(), o);
    ADD_FAILURE() << "accepted twice";
  } catch (const Refusal& e) {
    EXPECT_EQ(e.name(), "CONFLICT");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, Demo, testing::app_backends(), testing::backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, Generator, testing::app_backends(), testing::backend_name);

}  // namespace
}  // namespace tatakerja
