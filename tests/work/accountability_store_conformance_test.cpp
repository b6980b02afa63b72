// The AccountabilityStore port's conformance suite (issue 12 item 5): reports with their
// recipients and the lead's accounts of members' results, requests for a report and their answer,
// escalations with their recipients, the person's and the team's lists, and migration 18's rules
// (refused as storage::DatabaseError of kind Constraint), run unchanged against
// SqlAccountabilityStore on SQLite and PostgreSQL and MemoryAccountabilityStore.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/transaction.hpp"
#include "storage/database.hpp"
#include "support/registry_seed.hpp"
#include "support/test_backends.hpp"
#include "work/accountability_store.hpp"

namespace tatakerja::work {
namespace {

using storage::DatabaseError;
using testing::error_kind;

class AccountabilityStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    s_ = testing::seed(backend().org());
    lead_ = backend().org().insert_employee(
        testing::make_employee(s_.region, "198503122010041001", "Ani Wijaya"));
    member_ = backend().org().insert_employee(
        testing::make_employee(s_.region, "198704152012032002", "Budi Santoso"));
    leader_ = backend().org().insert_employee(
        testing::make_employee(s_.region, "197901012005011003", "Citra Dewi"));
    Team t;
    t.region_id = s_.region;
    t.agency_id = s_.agency;
    t.owner_unit_id = s_.unit;
    t.name = "Tim Uji";
    t.formed = Date{2026, 1, 5};
    t.created_at = "2026-01-05T00:00:00Z";
    team_ = backend().stores().work.insert_team(t);
  }
  AccountabilityStore& store() { return backend().stores().accountability; }

  Report report(const std::string& kind, Id author, std::vector<Id> to) const {
    Report r;
    r.region_id = s_.region;
    r.team_id = team_;
    r.kind = kind;
    r.author_employee_id = author;
    r.period_start = Date{2026, 1, 1};
    r.period_end = Date{2026, 1, 31};
    r.summary = "Ringkasan – \"kutip\"";
    r.recipient_employee_ids = std::move(to);
    r.created_at = "2026-02-01T08:00:00Z";
    return r;
  }

  testing::Seed s_;
  Id lead_ = 0, member_ = 0, leader_ = 0, team_ = 0;
};

TEST_P(AccountabilityStoreTest, ReportsWithRecipientsAndResults) {
  Report a = report("anggota", member_, {lead_});
  a.id = store().insert_report(a);
  Report b = report("tim", lead_, {leader_});
  b.id = store().insert_report(b);
  EXPECT_EQ(store().report(a.id), a);
  EXPECT_EQ(store().report(b.id), b);
  EXPECT_FALSE(store().report(99).has_value());
  // The lead wrote one and received one; newest first.
  const auto lead = store().reports_of_person(lead_, 10);
  ASSERT_EQ(lead.size(), 2u);
  EXPECT_EQ(lead[0].id, b.id);
  EXPECT_EQ(store().reports_of_person(leader_, 10), (std::vector<Report>{b}));
  EXPECT_EQ(store().reports_of_team(team_, 1).size(), 1u);

  MemberResult m{0, b.id, member_, s_.head, "Tepat waktu", "2026-02-01T08:00:00Z"};
  m.id = store().insert_member_result(m);
  EXPECT_EQ(store().member_results_of_report(b.id), (std::vector<MemberResult>{m}));
  EXPECT_EQ(store().member_results_of_member(member_, 10), (std::vector<MemberResult>{m}));
  EXPECT_TRUE(store().member_results_of_member(lead_, 10).empty());
}

TEST_P(AccountabilityStoreTest, RequestsAndTheirAnswer) {
  ReportRequest q{0,       s_.region,    team_,
                  leader_, member_,      Date{2026, 2, 10},
                  "Mohon", std::nullopt, "2026-02-01T08:00:00Z"};
  q.id = store().insert_request(q);
  EXPECT_EQ(store().request(q.id), q);
  Report r = report("anggota", member_, {lead_});
  r.request_id = q.id;
  r.id = store().insert_report(r);
  q.report_id = r.id;
  store().update_request(q);
  EXPECT_EQ(store().request(q.id)->report_id, r.id);
  EXPECT_EQ(store().requests_of_person(member_, 10).size(), 1u);
  EXPECT_EQ(store().requests_of_person(leader_, 10).size(), 1u);
  EXPECT_TRUE(store().requests_of_person(lead_, 10).empty());
  EXPECT_EQ(store().requests_of_team(team_, 10).size(), 1u);
}

TEST_P(AccountabilityStoreTest, EscalationsWithAlternatives) {
  Escalation e{0,
               s_.region,
               team_,
               lead_,
               "Data belum diterima",
               {"Rapat koordinasi", "Surat Sekda"},
               true,
               {member_, leader_},
               "2026-02-01T08:00:00Z"};
  e.id = store().insert_escalation(e);
  EXPECT_EQ(store().escalation(e.id), e);
  EXPECT_EQ(store().escalations_of_team(team_, 10), (std::vector<Escalation>{e}));
  EXPECT_EQ(store().escalations_of_person(leader_, 10).size(), 1u);
  EXPECT_EQ(store().escalations_of_person(lead_, 10).size(), 1u);
}

TEST_P(AccountabilityStoreTest, RefusesWhatTheSchemaForbids) {
  Report r = report("gosip", member_, {lead_});
  EXPECT_EQ(error_kind([&] { store().insert_report(r); }), DatabaseError::Kind::Constraint);
  r = report("anggota", 999, {lead_});
  EXPECT_EQ(error_kind([&] { store().insert_report(r); }), DatabaseError::Kind::Constraint);
  r = report("anggota", member_, {999});
  EXPECT_EQ(error_kind([&] { store().insert_report(r); }), DatabaseError::Kind::Constraint);
  r = report("anggota", member_, {lead_});
  r.team_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_report(r); }), DatabaseError::Kind::Constraint);
  EXPECT_EQ(error_kind([&] {
              store().insert_member_result({0, 999, member_, std::nullopt, "x", "t"});
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(
      error_kind([&] {
        store().insert_escalation({0, s_.region, 999, lead_, "p", {"a"}, false, {leader_}, "t"});
      }),
      DatabaseError::Kind::Constraint);
}

TEST_P(AccountabilityStoreTest, RollbackLeavesNothing) {
  {
    Transaction tx(backend().transactions());
    store().insert_report(report("anggota", member_, {lead_}));
  }
  EXPECT_TRUE(store().reports_of_person(member_, 10).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountabilityStoreTest,
                         ::testing::Values("sqlite", "postgresql", "memory"),
                         testing::backend_name);

}  // namespace
}  // namespace tatakerja::work
