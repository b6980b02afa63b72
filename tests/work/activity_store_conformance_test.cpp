// The ActivityStore port's conformance suite (issue 12 item 4): activities with their review
// chain, the version check, the person's list (carried out, a role in, waiting at a held position
// or at a led team's lead stop), a team's board, roles, steps, notes, evidence files with their
// content, and migration 17's rules (refused as storage::DatabaseError of kind Constraint), run
// unchanged against SqlActivityStore on SQLite and PostgreSQL and MemoryActivityStore.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/transaction.hpp"
#include "storage/database.hpp"
#include "support/registry_seed.hpp"
#include "support/test_backends.hpp"
#include "work/activity_store.hpp"

namespace tatakerja::work {
namespace {

using storage::DatabaseError;
using testing::error_kind;

class ActivityStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    s_ = testing::seed(backend().org());
    executor_ = backend().org().insert_employee(
        testing::make_employee(s_.region, "198503122010041001", "Ani Wijaya"));
    other_ = backend().org().insert_employee(
        testing::make_employee(s_.region, "198704152012032002", "Budi Santoso"));
  }
  ActivityStore& store() { return backend().stores().activities; }

  Activity activity(const std::string& title) const {
    Activity a;
    a.region_id = s_.region;
    a.agency_id = s_.agency;
    a.owner_unit_id = s_.unit;
    a.executor_employee_id = executor_;
    a.planner_employee_id = executor_;
    a.agency_kind = "dinas_badan";
    a.title = title;
    a.target = "Target – ç \"kutip\"";
    a.details = "Rincian";
    a.budget = 15'000'000;
    a.start = Date{2026, 2, 2};
    a.end = Date{2026, 3, 31};
    a.chain = {{"level_ii", s_.staff}, {"level_i", s_.head}};
    a.flow = "level_ii+level_i";
    a.state = "direncanakan";
    a.state_since = "2026-02-01T08:00:00Z";
    a.created_at = a.state_since;
    a.updated_at = a.state_since;
    return a;
  }

  testing::Seed s_;
  Id executor_ = 0, other_ = 0;
};

TEST_P(ActivityStoreTest, RoundTripsEveryField) {
  Activity a = activity("Analisis kebutuhan");
  a.chain.insert(a.chain.begin(), ReviewStop{"ketua", std::nullopt});
  a.flow = "ketua+level_ii+level_i";
  a.awaiting_position_id = s_.head;
  a.progress = 40;
  a.rework = 2;
  a.version = 3;
  a.id = store().insert_activity(a);
  EXPECT_EQ(a.id, 1);
  EXPECT_EQ(store().activity(a.id), a);
  EXPECT_FALSE(store().activity(99).has_value());
}

TEST_P(ActivityStoreTest, UpdatesOnlyOnTheVersionRead) {
  Activity a = activity("Kegiatan");
  a.id = store().insert_activity(a);
  Activity b = a;
  b.state = "dilaksanakan";
  b.state_since = "2026-03-02T08:00:00Z";
  b.awaiting_position_id = 7;
  b.progress = 40;
  b.rework = 1;
  b.version = 2;
  b.updated_at = "2026-03-02T08:00:00Z";
  b.title = "Judul lain";  // what was planned is not written by a step
  EXPECT_TRUE(store().update_progress(b, 1));
  Activity c = a;
  c.state = "dibatalkan";
  c.version = 2;
  EXPECT_FALSE(store().update_progress(c, 1));  // another change came first
  Activity expected = b;
  expected.title = a.title;
  EXPECT_EQ(store().activity(a.id), expected);
}

TEST_P(ActivityStoreTest, PersonsListFindsEveryWayOfTakingPart) {
  Activity mine = activity("Dilaksanakan sendiri");
  mine.id = store().insert_activity(mine);
  Activity role = activity("Memegang peran");
  role.executor_employee_id = other_;
  role.id = store().insert_activity(role);
  store().insert_role({role.id, executor_, "Pengolah data"});
  Activity waiting = activity("Menunggu di jabatan");
  waiting.executor_employee_id = other_;
  waiting.state = "di_level_i";
  waiting.awaiting_position_id = s_.head;
  waiting.id = store().insert_activity(waiting);
  Activity elsewhere = activity("Bukan urusannya");
  elsewhere.executor_employee_id = other_;
  elsewhere.id = store().insert_activity(elsewhere);

  const auto list = store().activities_of_person(executor_, {s_.head}, {}, 10);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, waiting.id);  // newest first
  EXPECT_EQ(list[1].id, role.id);
  EXPECT_EQ(list[2].id, mine.id);
  EXPECT_EQ(store().activities_of_person(executor_, {s_.head}, {}, 2).size(), 2u);
  EXPECT_EQ(store().activities_of_person(executor_, {}, {}, 10).size(), 2u);
  EXPECT_EQ(store().activities_of_person(other_, {}, {}, 10).size(), 3u);
}

TEST_P(ActivityStoreTest, LeadsStopAndTheTeamsBoard) {
  Team t;
  t.region_id = s_.region;
  t.agency_id = s_.agency;
  t.owner_unit_id = s_.unit;
  t.name = "Tim Uji";
  t.formed = Date{2026, 1, 5};
  t.created_at = "2026-01-05T00:00:00Z";
  const Id team = backend().stores().work.insert_team(t);
  Activity at_lead = activity("Di ketua");
  at_lead.team_id = team;
  at_lead.executor_employee_id = other_;
  at_lead.state = "di_ketua";
  at_lead.id = store().insert_activity(at_lead);
  Activity underway = activity("Dilaksanakan tim");
  underway.team_id = team;
  underway.executor_employee_id = other_;
  underway.state = "dilaksanakan";
  underway.id = store().insert_activity(underway);

  const auto lead = store().activities_of_person(executor_, {}, {team}, 10);
  ASSERT_EQ(lead.size(), 1u);
  EXPECT_EQ(lead[0].id, at_lead.id);
  const auto board = store().activities_of_team(team, 10);
  ASSERT_EQ(board.size(), 2u);
  EXPECT_EQ(board[0].id, underway.id);
  EXPECT_EQ(store().activities_of_team(team + 1, 10).size(), 0u);
}

TEST_P(ActivityStoreTest, RolesStepsNotesInOrder) {
  Activity a = activity("Kegiatan");
  a.id = store().insert_activity(a);
  store().insert_role({a.id, other_, "Penyusun laporan"});
  store().insert_role({a.id, executor_, "Pengolah data"});
  const auto roles = store().roles_of_activity(a.id);
  ASSERT_EQ(roles.size(), 2u);
  EXPECT_EQ(roles[0].employee_id, other_);
  EXPECT_EQ(roles[1].role, "Pengolah data");
  EXPECT_EQ(error_kind([&] {
              store().insert_role({a.id, other_, "Lagi"});
            }),
            DatabaseError::Kind::Constraint);

  ActivityStep s{0,         a.id,  "rencanakan", "", "direncanakan",
                 executor_, "Ani", "perencana",  "", "2026-02-01T08:00:00Z"};
  s.id = store().insert_activity_step(s);
  ActivityStep t{0,     a.id,        "mulai", "direncanakan",        "dilaksanakan", executor_,
                 "Ani", "pelaksana", "",      "2026-02-02T08:00:00Z"};
  t.id = store().insert_activity_step(t);
  EXPECT_EQ(store().steps_of_activity(a.id, 0, 100), (std::vector<ActivityStep>{s, t}));
  EXPECT_EQ(store().steps_of_activity(a.id, 1, 100), (std::vector<ActivityStep>{t}));
  EXPECT_EQ(store().steps_of_activity(a.id, 0, 1), (std::vector<ActivityStep>{s}));
  EXPECT_TRUE(store().steps_of_activity(a.id, 2, 100).empty());
  EXPECT_EQ(store().latest_steps_of_activity(a.id, 1), (std::vector<ActivityStep>{t}));
  EXPECT_EQ(store().latest_steps_of_activity(a.id, 5), (std::vector<ActivityStep>{s, t}));
  EXPECT_EQ(store().step_count(a.id), 2);
  EXPECT_EQ(store().step_count(a.id + 1000), 0);
  EXPECT_TRUE(store().took_a_step(a.id, executor_));
  EXPECT_FALSE(store().took_a_step(a.id, other_));

  ActivityNote n{
      0, a.id, "kemajuan", executor_, "Ani", "pelaksana", "Separuh", 50, "2026-02-03T08:00:00Z"};
  n.id = store().insert_note(n);
  ActivityNote f{0,          a.id,         "umpan_balik",         other_, "Budi", "peninjau",
                 "Lengkapi", std::nullopt, "2026-02-04T08:00:00Z"};
  f.id = store().insert_note(f);
  EXPECT_EQ(store().notes_of_activity(a.id, 0, 100), (std::vector<ActivityNote>{n, f}));
  EXPECT_EQ(store().notes_of_activity(a.id, 1, 1), (std::vector<ActivityNote>{f}));
  EXPECT_EQ(store().latest_notes_of_activity(a.id, 1), (std::vector<ActivityNote>{f}));
  EXPECT_EQ(store().latest_notes_of_activity(a.id, 3), (std::vector<ActivityNote>{n, f}));
  EXPECT_EQ(store().note_count(a.id), 2);
  ActivityNote bad = n;
  bad.kind = "gosip";
  EXPECT_EQ(error_kind([&] { store().insert_note(bad); }), DatabaseError::Kind::Constraint);
  bad = n;
  bad.progress = 101;
  EXPECT_EQ(error_kind([&] { store().insert_note(bad); }), DatabaseError::Kind::Constraint);
}

TEST_P(ActivityStoreTest, EvidenceKeepsItsBytes) {
  Activity a = activity("Kegiatan");
  a.id = store().insert_activity(a);
  std::string content = "%PDF-1.4\n";
  for (int i = 0; i < 256; ++i) content += static_cast<char>(i);  // every byte value
  Evidence e{0,
             a.id,
             "laporan.pdf",
             "application/pdf",
             static_cast<std::int64_t>(content.size()),
             std::string(64, 'a'),
             executor_,
             "Ani",
             "2026-02-05T08:00:00Z"};
  e.id = store().insert_evidence(e, content);
  EXPECT_EQ(store().evidence(e.id), e);
  EXPECT_EQ(store().evidence_content(e.id), content);
  EXPECT_EQ(store().evidence_of_activity(a.id), (std::vector<Evidence>{e}));
  EXPECT_FALSE(store().evidence_content(e.id + 1).has_value());
  Evidence orphan = e;
  orphan.activity_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_evidence(orphan, "x"); }),
            DatabaseError::Kind::Constraint);
}

TEST_P(ActivityStoreTest, RefusesWhatTheSchemaForbids) {
  Activity a = activity("Kegiatan");
  a.owner_unit_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_activity(a); }), DatabaseError::Kind::Constraint);
  a = activity("Kegiatan");
  a.executor_employee_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_activity(a); }), DatabaseError::Kind::Constraint);
  a = activity("Kegiatan");
  a.team_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_activity(a); }), DatabaseError::Kind::Constraint);
  a = activity("Kegiatan");
  a.budget = -1;
  EXPECT_EQ(error_kind([&] { store().insert_activity(a); }), DatabaseError::Kind::Constraint);
  EXPECT_EQ(error_kind([&] {
              store().insert_activity_step(
                  {0, 999, "mulai", "", "x", std::nullopt, "", "", "", "2026-01-01T00:00:00Z"});
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_TRUE(store().activities_of_person(executor_, {}, {}, 10).empty());
}

TEST_P(ActivityStoreTest, RollbackLeavesNothing) {
  {
    Transaction tx(backend().transactions());
    Activity a = activity("Ditarik");
    a.id = store().insert_activity(a);
    store().insert_evidence({0, a.id, "a.txt", "text/plain", 1, std::string(64, 'b'), executor_,
                             "Ani", "2026-02-05T08:00:00Z"},
                            "a");
  }  // not committed
  EXPECT_FALSE(store().activity(1).has_value());
  EXPECT_FALSE(store().evidence(1).has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, ActivityStoreTest,
                         ::testing::Values("sqlite", "postgresql", "memory"),
                         testing::backend_name);

}  // namespace
}  // namespace tatakerja::work
