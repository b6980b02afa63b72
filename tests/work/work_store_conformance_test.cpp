// The WorkStore port's conformance suite: rules, teams and membership periods, their orders and the
// schema's rules (migration 13; refused as storage::DatabaseError of kind Constraint), run
// unchanged against SqlWorkStore on SQLite and on PostgreSQL and MemoryWorkStore
// (tests/support/test_backends.hpp). Each test gets fresh stores.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/transaction.hpp"
#include "storage/database.hpp"
#include "support/registry_seed.hpp"
#include "support/test_backends.hpp"
#include "work/work_store.hpp"

namespace tatakerja::work {
namespace {

using storage::DatabaseError;
using testing::error_kind;
using testing::Seed;

class WorkStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    s_ = testing::seed(backend().org());
  }
  WorkStore& store() { return backend().stores().work; }

  Rule rule(RuleKind kind, std::string key) const {
    Rule r;
    r.region_id = s_.region;
    r.kind = kind;
    r.key = std::move(key);
    r.statement = "Kepala Badan – Ç";
    r.items = {"langkah 1", "langkah \"2\""};
    r.origin = RuleOrigin::Regulation;
    r.regulation_id = s_.regulation;
    r.source = "Peraturan Gubernur Nomor 12 Tahun 2023";
    r.article = "Pasal 20 ayat (4) huruf c";
    return r;
  }
  Team team(const std::string& name) const {
    Team t;
    t.region_id = s_.region;
    t.agency_id = s_.agency;
    t.owner_unit_id = s_.unit;
    t.name = name;
    t.kind = TeamKind::Incidental;
    t.target = "Dokumen tersusun";
    t.scope = TeamScope::AcrossUnits;
    t.authority = "Kepala Badan";
    t.decree_text = "KEPUTUSAN ...";
    t.formed = Date{2026, 3, 2};
    t.created_at = "2026-03-02T08:00:00Z";
    return t;
  }
  Id employee(const std::string& nip) {
    return backend().org().insert_employee(
        testing::make_employee(s_.region, nip, "Pegawai " + nip));
  }

  Seed s_;
};

TEST_P(WorkStoreTest, RuleRoundTripAndOrder) {
  EXPECT_TRUE(store().rules_of_region(s_.region).empty());
  const Rule a = rule(RuleKind::TeamDecree, "perangkat_daerah");
  Rule b = rule(RuleKind::Level, "1");
  b.items.clear();
  b.origin = RuleOrigin::Default;
  b.regulation_id.reset();
  b.source = "PermenPANRB 7/2022";
  const Id ia = store().insert_rule(a);
  const Id ib = store().insert_rule(b);
  EXPECT_EQ(ia, 1);
  EXPECT_EQ(ib, 2);
  const auto got = store().rules_of_region(s_.region);
  ASSERT_EQ(got.size(), 2u);  // by id
  Rule want_a = a;
  want_a.id = ia;
  Rule want_b = b;
  want_b.id = ib;
  EXPECT_EQ(got[0], want_a);
  EXPECT_EQ(got[1], want_b);
  EXPECT_EQ(store().rule(ib), want_b);
  EXPECT_FALSE(store().rule(99).has_value());

  want_a.statement = "Sekretaris Daerah";
  want_a.items = {};
  want_a.changed_reason = "Perubahan Perwali";
  want_a.changed_at = "2026-03-03T09:00:00Z";
  store().update_rule(want_a);
  EXPECT_EQ(store().rule(ia), want_a);
}

TEST_P(WorkStoreTest, RuleKeysAreUniquePerRegionAndKind) {
  store().insert_rule(rule(RuleKind::TeamDecree, "perangkat_daerah"));
  EXPECT_EQ(
      error_kind([&] { store().insert_rule(rule(RuleKind::TeamDecree, "perangkat_daerah")); }),
      DatabaseError::Kind::Constraint);
  // The same key of another kind is another rule.
  // (PostgreSQL's identity does not give back the number the refused row took.)
  const Id flow = store().insert_rule(rule(RuleKind::Flow, "perangkat_daerah"));
  EXPECT_EQ(store().rules_of_region(s_.region).size(), 2u);
  // An update onto another rule's key is refused.
  auto stored = store().rule(flow);
  ASSERT_TRUE(stored.has_value());
  Rule moved = *stored;
  moved.kind = RuleKind::TeamDecree;
  EXPECT_EQ(error_kind([&] { store().update_rule(moved); }), DatabaseError::Kind::Constraint);
  EXPECT_EQ(store().rule(flow)->kind, RuleKind::Flow);
}

TEST_P(WorkStoreTest, RuleKeysMustExist) {
  Rule r = rule(RuleKind::Level, "1");
  r.region_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_rule(r); }), DatabaseError::Kind::Constraint);
  r = rule(RuleKind::Level, "1");
  r.regulation_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_rule(r); }), DatabaseError::Kind::Constraint);
  EXPECT_TRUE(store().rules_of_region(s_.region).empty());
}

TEST_P(WorkStoreTest, TeamRoundTripNewestFirst) {
  const Id rid = store().insert_rule(rule(RuleKind::TeamDecree, "perangkat_daerah"));
  Team a = team("Tim A");
  a.authority_rule_id = rid;
  a.id = store().insert_team(a);
  Team b = team("Tim B – Ç");
  b.kind = TeamKind::Routine;
  b.scope = TeamScope::Unit;
  b.id = store().insert_team(b);
  EXPECT_EQ(store().team(a.id), a);
  const auto list = store().teams_of_region(s_.region);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0], b);
  EXPECT_EQ(list[1], a);
  EXPECT_TRUE(store().teams_of_region(s_.region + 1).empty());
  b.status = TeamStatus::Dissolved;
  b.decree_text = "diubah";
  store().update_team(b);
  EXPECT_EQ(store().team(b.id), b);
  EXPECT_FALSE(store().team(99).has_value());
}

TEST_P(WorkStoreTest, TeamKeysMustExist) {
  Team t = team("x");
  t.owner_unit_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_team(t); }), DatabaseError::Kind::Constraint);
  t = team("x");
  t.agency_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_team(t); }), DatabaseError::Kind::Constraint);
  t = team("x");
  t.authority_rule_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_team(t); }), DatabaseError::Kind::Constraint);
  EXPECT_TRUE(store().teams_of_region(s_.region).empty());
}

TEST_P(WorkStoreTest, MembershipPeriods) {
  const Id t = store().insert_team(team("Tim"));
  const Id e1 = employee("198503122010041001");
  const Id e2 = employee("198503122010041002");
  TeamMember lead{0, t, e1, s_.unit, TeamRole::Lead, Date{2026, 1, 5}, std::nullopt, ""};
  TeamMember member{0, t, e2, s_.unit, TeamRole::Member, Date{2026, 1, 4}, std::nullopt, ""};
  lead.id = store().insert_member(lead);
  member.id = store().insert_member(member);
  auto got = store().members_of_team(t);
  ASSERT_EQ(got.size(), 2u);  // by start date
  EXPECT_EQ(got[0], member);
  EXPECT_EQ(got[1], lead);
  lead.end = Date{2026, 3, 1};
  lead.end_reason = "Ketua tim pensiun";
  store().update_member(lead);
  TeamMember next{0, t, e2, s_.unit, TeamRole::Lead, Date{2026, 3, 1}, std::nullopt, ""};
  next.id = store().insert_member(next);
  got = store().members_of_team(t);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[1], lead);
  EXPECT_EQ(got[2], next);
  const auto of_e2 = store().memberships_of_employee(e2);
  ASSERT_EQ(of_e2.size(), 2u);
  EXPECT_EQ(of_e2[0], member);
  EXPECT_EQ(of_e2[1], next);
  EXPECT_TRUE(store().members_of_team(t + 1).empty());
}

TEST_P(WorkStoreTest, MemberKeysMustExist) {
  const Id t = store().insert_team(team("Tim"));
  const Id e = employee("198503122010041001");
  TeamMember m{0, t + 1, e, s_.unit, TeamRole::Member, Date{2026, 1, 5}, std::nullopt, ""};
  EXPECT_EQ(error_kind([&] { store().insert_member(m); }), DatabaseError::Kind::Constraint);
  m.team_id = t;
  m.employee_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_member(m); }), DatabaseError::Kind::Constraint);
  m.employee_id = e;
  m.unit_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_member(m); }), DatabaseError::Kind::Constraint);
  EXPECT_TRUE(store().members_of_team(t).empty());
}

// The holiday calendar: read by date between two dates (both included), one day off per date, a
// kind of the two; removed by id; a removal rolled back is undone.
TEST_P(WorkStoreTest, HolidaysByDateOnePerDate) {
  const auto day = [](Date d, const char* name, const char* kind) {
    return Holiday{0, d, name, kind};
  };
  const Id christmas =
      store().insert_holiday(day({2026, 12, 25}, "Hari Raya Natal", "libur_nasional"));
  const Id eve = store().insert_holiday(day({2026, 12, 24}, "Cuti bersama Natal", "cuti_bersama"));
  const Id year =
      store().insert_holiday(day({2027, 1, 1}, "Tahun Baru 2027 Masehi", "libur_nasional"));
  Holiday want = day({2026, 12, 24}, "Cuti bersama Natal", "cuti_bersama");
  want.id = eve;
  EXPECT_EQ(store().holiday(eve)->name, want.name);
  EXPECT_EQ(store().holiday(eve)->date, want.date);
  EXPECT_FALSE(store().holiday(999).has_value());
  const auto december = store().holidays_between(Date{2026, 12, 1}, Date{2026, 12, 31});
  ASSERT_EQ(december.size(), 2u);
  EXPECT_EQ(december[0].id, eve);
  EXPECT_EQ(december[1].id, christmas);
  EXPECT_EQ(december[1].kind, "libur_nasional");
  EXPECT_EQ(store().holidays_between(Date{2026, 12, 25}, Date{2027, 1, 1}).size(), 2u);
  EXPECT_TRUE(store().holidays_between(Date{2027, 1, 2}, Date{2027, 12, 31}).empty());

  EXPECT_EQ(error_kind([&] {
              store().insert_holiday(day({2026, 12, 25}, "Natal lagi", "cuti_bersama"));
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(error_kind([&] {
              store().insert_holiday(day({2026, 12, 28}, "Hari jadi", "libur_daerah"));
            }),
            DatabaseError::Kind::Constraint);

  {
    Transaction tx(backend().transactions());
    EXPECT_TRUE(store().delete_holiday(year));
    // no commit
  }
  EXPECT_TRUE(store().holiday(year).has_value());
  EXPECT_TRUE(store().delete_holiday(year));
  EXPECT_FALSE(store().delete_holiday(year));
  EXPECT_FALSE(store().holiday(year).has_value());
  // The date is free again.
  EXPECT_GT(store().insert_holiday(day({2027, 1, 1}, "Tahun Baru", "libur_nasional")), 0);
}

TEST_P(WorkStoreTest, RollbackUndoesEverything) {
  {
    Transaction tx(backend().transactions());
    const Id r = store().insert_rule(rule(RuleKind::Level, "1"));
    Team x = team("Tim");
    x.authority_rule_id = r;
    const Id t = store().insert_team(x);
    store().insert_member(TeamMember{0, t, employee("198503122010041001"), s_.unit, TeamRole::Lead,
                                     Date{2026, 1, 5}, std::nullopt, ""});
    // no commit
  }
  EXPECT_TRUE(store().rules_of_region(s_.region).empty());
  EXPECT_TRUE(store().teams_of_region(s_.region).empty());
}

// The work system's tables are no registry tables: its writes move no registry revision, nor any
// scope's, so the registry's cached answers stay (issue 12).
TEST_P(WorkStoreTest, WritesMoveNoRegistryRevision) {
  const Id e = employee("198503122010041001");  // registry content, written before the mark
  const auto revision = backend().org().registry_revision();
  const auto scopes = backend().org().all_scope_revisions();
  const auto same_scopes = [&] {
    const auto now = backend().org().all_scope_revisions();
    if (now.size() != scopes.size()) return false;
    for (std::size_t i = 0; i < now.size(); ++i) {
      if (now[i].scope != scopes[i].scope || now[i].revision != scopes[i].revision) return false;
    }
    return true;
  };
  const Id r = store().insert_rule(rule(RuleKind::Level, "1"));
  Rule changed = *store().rule(r);
  changed.statement = "diubah";
  store().update_rule(changed);
  Team t = team("Tim");
  t.id = store().insert_team(t);
  t.decree_text = "diubah";
  store().update_team(t);
  TeamMember m{0, t.id, e, s_.unit, TeamRole::Lead, Date{2026, 1, 5}, std::nullopt, ""};
  m.id = store().insert_member(m);
  m.end = Date{2026, 2, 1};
  store().update_member(m);
  EXPECT_EQ(backend().org().registry_revision(), revision);
  EXPECT_TRUE(same_scopes());
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkStoreTest,
                         ::testing::Values("sqlite", "postgresql", "memory"),
                         testing::backend_name);

}  // namespace
}  // namespace tatakerja::work
