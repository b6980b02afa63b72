// The WorkStore port's assignments, steps and notifications (issue 12 item 3, migration 14): round
// trips, orders, the version check of an update, a person's assignments and inbox, the schema's
// rules (refused as storage::DatabaseError of kind Constraint) and rollback, run unchanged against
// SqlWorkStore on SQLite and PostgreSQL and MemoryWorkStore. Each test gets fresh stores.
#include <gtest/gtest.h>

#include <string>

#include "core/transaction.hpp"
#include "storage/database.hpp"
#include "support/registry_seed.hpp"
#include "support/test_backends.hpp"
#include "work/work_store.hpp"

namespace tatakerja::work {
namespace {

using storage::DatabaseError;
using testing::error_kind;

class AssignmentStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    s_ = testing::seed(backend().org());
    requester_ = employee("198503122010041001");
    official_ = employee("198704152012032002");
  }
  WorkStore& store() { return backend().stores().work; }
  Id employee(const std::string& nip) {
    return backend().org().insert_employee(
        testing::make_employee(s_.region, nip, "Pegawai " + nip));
  }
  Assignment assignment(const std::string& title) const {
    Assignment a;
    a.region_id = s_.region;
    a.mechanism = "penunjukan_lintas_unit";
    a.owner_unit_id = s_.unit;
    a.official_employee_id = official_;
    a.official_unit_id = s_.unit;
    a.requester_employee_id = requester_;
    a.title = title;
    a.details = "Rincian – \"Ç\"";
    a.within_main_duties = false;
    a.letter = LetterKind::Perintah;
    a.state = "menunggu_penilai";
    a.state_since = "2026-03-02T08:00:00Z";
    a.version = 1;
    a.created_at = "2026-03-02T08:00:00Z";
    a.updated_at = "2026-03-02T08:00:00Z";
    return a;
  }
  AssignmentStep step(Id assignment_id, const std::string& transition) const {
    AssignmentStep s;
    s.assignment_id = assignment_id;
    s.transition = transition;
    s.from_state = "menunggu_penilai";
    s.to_state = "ditolak";
    s.actor_employee_id = requester_;
    s.actor_user_id = 7;
    s.actor_name = "Pegawai";
    s.role = "penilai";
    s.reason = "Alasan tertulis";
    s.at = "2026-03-03T09:00:00Z";
    return s;
  }
  Notification notification(Id to, std::optional<Id> about, const std::string& kind) const {
    Notification n;
    n.employee_id = to;
    n.assignment_id = about;
    n.kind = kind;
    n.message = "Pesan";
    n.created_at = "2026-03-03T09:00:00Z";
    return n;
  }

  testing::Seed s_;
  Id requester_ = 0, official_ = 0;
};

TEST_P(AssignmentStoreTest, AssignmentRoundTrip) {
  EXPECT_FALSE(store().assignment(1));
  Assignment a = assignment("Penyusunan");
  a.id = store().insert_assignment(a);
  EXPECT_EQ(a.id, 1);
  EXPECT_EQ(store().assignment(a.id), a);
  Assignment b = assignment("Lintas instansi");
  b.mechanism = "penunjukan_lintas_instansi";
  b.official_employee_id.reset();
  b.official_unit_id.reset();
  b.target_unit_id = s_.unit;
  b.within_main_duties = true;
  b.letter = LetterKind::Tugas;
  b.id = store().insert_assignment(b);
  EXPECT_EQ(store().assignment(b.id), b);
}

TEST_P(AssignmentStoreTest, UpdateOnlyOnTheVersionRead) {
  Assignment a = assignment("Penyusunan");
  a.id = store().insert_assignment(a);
  Assignment next = a;
  next.state = "ditugaskan";
  next.version = 2;
  EXPECT_TRUE(store().update_assignment(next, 1));
  EXPECT_EQ(store().assignment(a.id), next);
  Assignment late = a;  // another step taken on version 1
  late.state = "ditolak";
  late.version = 2;
  EXPECT_FALSE(store().update_assignment(late, 1));
  EXPECT_EQ(store().assignment(a.id), next);
  Assignment missing = next;
  missing.id = 99;
  EXPECT_FALSE(store().update_assignment(missing, 2));
}

TEST_P(AssignmentStoreTest, StepsInOrder) {
  const Id a = store().insert_assignment(assignment("Penyusunan"));
  AssignmentStep first = step(a, "ajukan");
  first.from_state = "";
  first.reason = "";
  first.actor_user_id.reset();
  first.id = store().insert_step(first);
  AssignmentStep second = step(a, "tolak");
  second.id = store().insert_step(second);
  const auto got = store().steps_of_assignment(a);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], first);
  EXPECT_EQ(got[1], second);
  EXPECT_TRUE(store().steps_of_assignment(a + 1).empty());
}

TEST_P(AssignmentStoreTest, InboxNewestFirstAndReadOnce) {
  const Id a = store().insert_assignment(assignment("Penyusunan"));
  Notification n1 = notification(official_, a, "langkah");
  n1.id = store().insert_notification(n1);
  Notification n2 = notification(official_, std::nullopt, "tenggat");
  n2.id = store().insert_notification(n2);
  store().insert_notification(notification(requester_, a, "langkah"));
  const auto inbox = store().notifications_of_employee(official_, 50);
  ASSERT_EQ(inbox.size(), 2u);
  EXPECT_EQ(inbox[0], n2);
  EXPECT_EQ(inbox[1], n1);
  EXPECT_EQ(store().notifications_of_employee(official_, 1).size(), 1u);
  EXPECT_EQ(store().notifications_of_assignment(a).size(), 2u);
  store().mark_notification_read(n1.id, "2026-03-04T10:00:00Z");
  store().mark_notification_read(n1.id, "2026-03-05T10:00:00Z");  // keeps the first time
  EXPECT_EQ(store().notification(n1.id)->read_at, "2026-03-04T10:00:00Z");
  EXPECT_EQ(store().notification(n2.id)->read_at, "");
  EXPECT_FALSE(store().notification(999));
}

TEST_P(AssignmentStoreTest, APersonsAssignmentsNewestFirst) {
  const Id stranger = employee("199001012015031003");
  const Id a1 = store().insert_assignment(assignment("Satu"));
  const Id a2 = store().insert_assignment(assignment("Dua"));
  const Id a3 = store().insert_assignment(assignment("Tiga"));
  AssignmentStep s = step(a1, "setujui");
  s.actor_employee_id = stranger;
  store().insert_step(s);
  store().insert_notification(notification(stranger, a3, "langkah"));
  const auto mine = store().assignments_of_employee(requester_, 50);
  ASSERT_EQ(mine.size(), 3u);
  EXPECT_EQ(mine[0].id, a3);
  EXPECT_EQ(mine[2].id, a1);
  EXPECT_EQ(store().assignments_of_employee(requester_, 2).size(), 2u);
  const auto theirs = store().assignments_of_employee(stranger, 50);
  ASSERT_EQ(theirs.size(), 2u);
  EXPECT_EQ(theirs[0].id, a3);
  EXPECT_EQ(theirs[1].id, a1);
  EXPECT_NE(theirs[0].id, a2);
}

TEST_P(AssignmentStoreTest, SchemaRulesAreRefused) {
  Assignment a = assignment("Penyusunan");
  a.requester_employee_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_assignment(a); }), DatabaseError::Kind::Constraint);
  a = assignment("Penyusunan");
  a.owner_unit_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_assignment(a); }), DatabaseError::Kind::Constraint);
  a = assignment("Penyusunan");
  a.mechanism = "tidak_ada";
  EXPECT_EQ(error_kind([&] { store().insert_assignment(a); }), DatabaseError::Kind::Constraint);
  a = assignment("Penyusunan");
  a.team_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_assignment(a); }), DatabaseError::Kind::Constraint);
  EXPECT_EQ(error_kind([&] { store().insert_step(step(999, "tolak")); }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(
      error_kind([&] { store().insert_notification(notification(999, std::nullopt, "langkah")); }),
      DatabaseError::Kind::Constraint);
  EXPECT_EQ(
      error_kind([&] { store().insert_notification(notification(official_, 999, "langkah")); }),
      DatabaseError::Kind::Constraint);
  EXPECT_EQ(error_kind([&] {
              store().insert_notification(notification(official_, std::nullopt, "lain"));
            }),
            DatabaseError::Kind::Constraint);
  EXPECT_FALSE(store().assignment(1));
}

TEST_P(AssignmentStoreTest, RollbackUndoesEverything) {
  {
    Transaction tx(backend().transactions());
    const Id a = store().insert_assignment(assignment("Penyusunan"));
    store().insert_step(step(a, "ajukan"));
    store().insert_notification(notification(official_, a, "langkah"));
  }
  EXPECT_FALSE(store().assignment(1));
  EXPECT_TRUE(store().notifications_of_employee(official_, 50).empty());
  EXPECT_TRUE(store().assignments_of_employee(requester_, 50).empty());
}

// The e-mail copies of notifications (migration 19): the mailer's cursor, the copies' round trip,
// which are due and in what order, a claim taken once, and the schema's rules.
TEST_P(AssignmentStoreTest, EmailCursorAndNotificationsAfter) {
  EXPECT_FALSE(store().email_cursor());
  const Id n1 = store().insert_notification(notification(official_, std::nullopt, "langkah"));
  const Id n2 = store().insert_notification(notification(requester_, std::nullopt, "tenggat"));
  const Id n3 = store().insert_notification(notification(official_, std::nullopt, "langkah"));
  const auto after = store().notifications_after(n1, 10);
  ASSERT_EQ(after.size(), 2U);
  EXPECT_EQ(after[0].id, n2);
  EXPECT_EQ(after[0].employee_id, requester_);
  EXPECT_EQ(after[1].id, n3);
  ASSERT_EQ(store().notifications_after(0, 1).size(), 1U);
  EXPECT_EQ(store().notifications_after(0, 1)[0].id, n1);
  EXPECT_TRUE(store().notifications_after(n3, 10).empty());
  store().set_email_cursor(n2);
  EXPECT_EQ(store().email_cursor(), n2);
  store().set_email_cursor(n3);
  EXPECT_EQ(store().email_cursor(), n3);
}

TEST_P(AssignmentStoreTest, EmailDeliveriesDueClaimedOnceAndUpdated) {
  const Id n1 = store().insert_notification(notification(official_, std::nullopt, "langkah"));
  const Id n2 = store().insert_notification(notification(requester_, std::nullopt, "langkah"));
  const Id n3 = store().insert_notification(notification(official_, std::nullopt, "langkah"));
  const auto copy = [](Id n, const std::string& at) {
    EmailDelivery d;
    d.notification_id = n;
    d.address = "pegawai." + std::to_string(n) + "@kupangkota.go.id";
    d.next_attempt_at = at;
    d.created_at = "2026-03-03T09:00:00Z";
    return d;
  };
  store().insert_email_delivery(copy(n1, "2026-03-03T09:05:00Z"));
  store().insert_email_delivery(copy(n2, "2026-03-03T09:01:00Z"));
  store().insert_email_delivery(copy(n3, "2026-03-03T10:00:00Z"));
  EXPECT_EQ(store().email_delivery(n1), copy(n1, "2026-03-03T09:05:00Z"));
  EXPECT_FALSE(store().email_delivery(999));

  auto due = store().email_deliveries_due("2026-03-03T09:30:00Z", 10);
  ASSERT_EQ(due.size(), 2U);  // the earliest first; n3 is not due yet
  EXPECT_EQ(due[0].notification_id, n2);
  EXPECT_EQ(due[1].notification_id, n1);
  EXPECT_EQ(store().email_deliveries_due("2026-03-03T09:30:00Z", 1).size(), 1U);

  EXPECT_TRUE(store().claim_email_delivery(n2, "2026-03-03T09:30:00Z", "2026-03-03T09:40:00Z"));
  EXPECT_FALSE(store().claim_email_delivery(n2, "2026-03-03T09:30:00Z", "2026-03-03T09:40:00Z"));
  EXPECT_FALSE(store().claim_email_delivery(n3, "2026-03-03T09:30:00Z", "2026-03-03T09:40:00Z"));
  due = store().email_deliveries_due("2026-03-03T09:30:00Z", 10);
  ASSERT_EQ(due.size(), 1U);
  EXPECT_EQ(due[0].notification_id, n1);

  EmailDelivery sent = *store().email_delivery(n2);
  sent.status = std::string(kEmailSent);
  sent.attempts = 1;
  sent.sent_at = "2026-03-03T09:30:01Z";
  store().update_email_delivery(sent);
  EXPECT_EQ(store().email_delivery(n2), sent);
  EXPECT_FALSE(store().claim_email_delivery(n2, "2026-03-03T11:00:00Z", "2026-03-03T11:10:00Z"));
  due = store().email_deliveries_due("2026-03-03T11:00:00Z", 10);
  ASSERT_EQ(due.size(), 2U);  // n1 and n3; the sent copy is never due again
  EXPECT_EQ(due[0].notification_id, n1);
  EXPECT_EQ(due[1].notification_id, n3);
}

TEST_P(AssignmentStoreTest, EmailDeliveryRules) {
  const Id n1 = store().insert_notification(notification(official_, std::nullopt, "langkah"));
  EmailDelivery d;
  d.notification_id = n1;
  d.address = "a@kupangkota.go.id";
  d.next_attempt_at = d.created_at = "2026-03-03T09:00:00Z";
  store().insert_email_delivery(d);
  EXPECT_EQ(error_kind([&] { store().insert_email_delivery(d); }),
            DatabaseError::Kind::Constraint);  // one copy per notification
  EmailDelivery orphan = d;
  orphan.notification_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_email_delivery(orphan); }),
            DatabaseError::Kind::Constraint);
  const Id n2 = store().insert_notification(notification(official_, std::nullopt, "langkah"));
  EmailDelivery odd = d;
  odd.notification_id = n2;
  odd.status = "lain";
  EXPECT_EQ(error_kind([&] { store().insert_email_delivery(odd); }),
            DatabaseError::Kind::Constraint);
  EXPECT_FALSE(store().email_delivery(n2));
}

TEST_P(AssignmentStoreTest, EmailRollbackUndoesCopiesAndCursor) {
  const Id n1 = store().insert_notification(notification(official_, std::nullopt, "langkah"));
  {
    Transaction tx(backend().transactions());
    EmailDelivery d;
    d.notification_id = n1;
    d.address = "a@kupangkota.go.id";
    d.next_attempt_at = d.created_at = "2026-03-03T09:00:00Z";
    store().insert_email_delivery(d);
    store().set_email_cursor(n1);
  }
  EXPECT_FALSE(store().email_delivery(n1));
  EXPECT_FALSE(store().email_cursor());
}

INSTANTIATE_TEST_SUITE_P(Backends, AssignmentStoreTest,
                         ::testing::Values("sqlite", "postgresql", "memory"),
                         testing::backend_name);

}  // namespace
}  // namespace tatakerja::work
