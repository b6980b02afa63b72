// Two approvals of the same request at once (issue 12 item 3): two threads, each on a connection
// of its own to the same database (SQLite and PostgreSQL), take the appraiser's "setujui" on the
// version they both read. One wins; the other is refused VERSION_CONFLICT (the 409 of the API) and
// writes nothing: one approval step, one audit entry, the version raised once. Repeated on fresh
// requests so that the two really meet.
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <optional>
#include <string>
#include <thread>

#include "app/accounts.hpp"
#include "app/activities.hpp"
#include "app/assignments.hpp"
#include "app/audit.hpp"
#include "core/error.hpp"
#include "persistence/sql_stores.hpp"
#include "support/registry_seed.hpp"
#include "support/test_backends.hpp"

namespace tatakerja {
namespace {

class AssignmentRace : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    auto& org = backend().org();
    const auto s = testing::seed(org);
    // The staff position (in the seed's unit) is appraised by the head's.
    auto staff = *org.position(s.staff);
    staff.appraiser_id = s.head;
    org.update_position(staff);
    unit_ = s.unit;
    const auto official =
        org.insert_employee(testing::make_employee(s.region, "198503122010041001", "Pejabat"));
    const auto appraiser =
        org.insert_employee(testing::make_employee(s.region, "198704152012032002", "Penilai"));
    org.insert_placement({0, official, s.staff, Date{2025, 1, 2}, org::PlacementKind::Definitive,
                          std::nullopt, "", "", std::nullopt});
    org.insert_placement({0, appraiser, s.head, Date{2025, 1, 2}, org::PlacementKind::Plt,
                          std::nullopt, "", "", std::nullopt});
    const auto& stores = backend().stores();
    official_ = app::add_account(stores, app::cli_actor(), "pejabat", "Pejabat",
                                 "kata-sandi-uji-balapan-2026", identity::Role::Employee, official);
    appraiser_ =
        app::add_account(stores, app::cli_actor(), "penilai", "Penilai",
                         "kata-sandi-uji-balapan-2026", identity::Role::Employee, appraiser);
  }

  identity::User official_, appraiser_;
  org::Id unit_ = 0;
};

TEST_P(AssignmentRace, TwoApprovalsAtOnceOneWinsTheOtherConflicts) {
  constexpr int kRounds = 8;
  for (int round = 0; round < kRounds; ++round) {
    app::NewAssignment in;
    in.mechanism = "sukarela_dalam_unit";
    in.owner_unit_id = unit_;
    in.official_employee_id = official_.employee_id;
    in.title = "Relawan " + std::to_string(round);
    const auto created = app::create_assignment(backend().stores(), official_, in);
    ASSERT_EQ(created.assignment.state, "menunggu_penilai");
    const auto id = created.assignment.id;
    const auto audit_before = backend().identity().audit_chain_head().last_id;

    std::atomic<int> won{0}, conflicted{0}, other{0};
    std::latch start(2);
    auto approve = [&] {
      auto c = storage::open_database(backend().url());
      persistence::SqlStores s(*c);
      app::StepInput step;
      step.transition = "setujui";
      step.version = 1;
      start.arrive_and_wait();
      try {
        app::take_step(s.stores(), appraiser_, id, step);
        ++won;
      } catch (const Refusal& r) {
        (r.code() == ErrorCode::VersionConflict ? conflicted : other)++;
      } catch (...) {
        ++other;
      }
    };
    std::thread a(approve), b(approve);
    a.join();
    b.join();
    EXPECT_EQ(won.load(), 1) << "round " << round;
    EXPECT_EQ(conflicted.load(), 1) << "round " << round;
    EXPECT_EQ(other.load(), 0) << "round " << round;
    const auto after = app::assignment_view(backend().stores(), appraiser_, id);
    EXPECT_EQ(after.assignment.state, "ditugaskan");
    EXPECT_EQ(after.assignment.version, 2);
    ASSERT_EQ(after.steps.size(), 2u);  // the request and one approval
    EXPECT_EQ(after.steps[1].transition, "setujui");
    // The winner's step and the letter it issued; nothing of the loser's.
    EXPECT_EQ(backend().identity().audit_chain_head().last_id, audit_before + 2);
    ASSERT_TRUE(after.letter.has_value());
    EXPECT_EQ(after.letter->assignment_id, id);
    EXPECT_EQ(after.letter->sequence, round + 1);  // one letter per round: no number lost
  }
}

// Issue 12 item 4: two acceptances of the same activity at once by its Level I (the Plt of the
// head), each on a connection of its own: one wins; the other is refused VERSION_CONFLICT and
// writes nothing (one acceptance step, one audit entry, the version raised once).
TEST_P(AssignmentRace, TwoAcceptancesOfAnActivityAtOnceOneWins) {
  constexpr int kRounds = 6;
  for (int round = 0; round < kRounds; ++round) {
    const auto& stores = backend().stores();
    app::NewActivity in;
    in.title = "Kegiatan " + std::to_string(round);
    in.start = "2026-02-02";
    in.end = "2026-02-27";
    const auto planned = app::create_activity(stores, official_, in);
    const auto id = planned.activity.id;
    auto v =
        app::take_activity_step(stores, official_, id, {"mulai", planned.activity.version, ""});
    v = app::take_activity_step(stores, official_, id, {"ajukan", v.activity.version, ""});
    ASSERT_EQ(v.activity.state, "di_level_i");
    const int version = v.activity.version;
    const auto audit_before = backend().identity().audit_chain_head().last_id;

    std::atomic<int> won{0}, conflicted{0}, other{0};
    std::latch start(2);
    auto accept = [&] {
      auto c = storage::open_database(backend().url());
      persistence::SqlStores s(*c);
      start.arrive_and_wait();
      try {
        app::take_activity_step(s.stores(), appraiser_, id, {"terima", version, ""});
        ++won;
      } catch (const Refusal& r) {
        (r.code() == ErrorCode::VersionConflict ? conflicted : other)++;
      } catch (...) {
        ++other;
      }
    };
    std::thread a(accept), b(accept);
    a.join();
    b.join();
    EXPECT_EQ(won.load(), 1) << "round " << round;
    EXPECT_EQ(conflicted.load(), 1) << "round " << round;
    EXPECT_EQ(other.load(), 0) << "round " << round;
    const auto after = app::activity_view(stores, appraiser_, id);
    EXPECT_EQ(after.activity.state, "selesai");
    EXPECT_EQ(after.activity.version, version + 1);
    ASSERT_EQ(after.steps.size(), 4u);  // planned, started, submitted, accepted once
    EXPECT_EQ(backend().identity().audit_chain_head().last_id, audit_before + 1);
  }
}

INSTANTIATE_TEST_SUITE_P(Databases, AssignmentRace, ::testing::Values("sqlite", "postgresql"),
                         testing::backend_name);

}  // namespace
}  // namespace tatakerja
