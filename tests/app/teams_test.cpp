// Teams through the use cases (issue 12 item 2), on SQLite and in memory: formed in Kota Batam
// (003) across units, the authority from Pasal 20 (4) huruf c; across two regions, the default
// head of region; a person without a seat refused with nothing written; the lead replaced with a
// reason, the old lead still in the team before that date.
#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "app/error.hpp"
#include "app/importer.hpp"
#include "app/teams.hpp"
#include "core/error.hpp"
#include "test_db.hpp"

namespace tatakerja {
namespace {

using testing::corpus_text;

class TeamsUseCase : public testing::SeatingTest {};

TEST_P(TeamsUseCase, FormedAcrossUnitsAndLeadReplaced) {
  auto& db = backend();
  const auto batam = app::import_regulation(db.stores(), app::cli_actor(), corpus_text("003"));
  const org::Id agency = *batam.agency_id();
  const auto [lead, lead_unit] = seat(agency, batam.region_id);
  const auto [member, member_unit] = seat(agency, batam.region_id, lead_unit);
  const auto [next, next_unit] = seat(agency, batam.region_id, lead_unit);
  (void)next_unit;
  app::NewTeam in{"Penyusunan Anjab", work::TeamKind::Routine, "Anjab tersusun", lead_unit, lead,
                  {member},           Date{2026, 3, 2}};
  const auto v = app::form_team(db.stores(), app::cli_actor(), in);
  EXPECT_EQ(v.team.scope, work::TeamScope::AcrossUnits);
  EXPECT_NE(member_unit, lead_unit);
  EXPECT_EQ(v.team.authority, "Kepala Badan");
  EXPECT_EQ(v.authority.article, "Pasal 20 ayat (4) huruf c");
  EXPECT_TRUE(v.team.authority_rule_id.has_value());
  EXPECT_TRUE(v.warnings.empty());  // the lead is from the owner unit
  EXPECT_NE(v.team.decree_text.find("Pegawai"), std::string::npos);
  ASSERT_EQ(v.periods.size(), 2u);
  const auto audit = testing::count_rows(db, "audit_log");

  // Without a reason: refused, nothing written.
  try {
    app::replace_lead(db.stores(), app::cli_actor(), v.team.id, next, Date{2026, 5, 4}, " ");
    FAIL();
  } catch (const Refusal& e) {
    EXPECT_EQ(e.code(), ErrorCode::ReasonRequired);
  }
  EXPECT_EQ(db.stores().work.members_of_team(v.team.id).size(), 2u);
  EXPECT_EQ(testing::count_rows(db, "audit_log"), audit);

  // The member becomes lead: their member period ends, the old lead's too.
  const auto r = app::replace_lead(db.stores(), app::cli_actor(), v.team.id, member,
                                   Date{2026, 5, 4}, "Ketua tim pensiun");
  ASSERT_EQ(r.periods.size(), 3u);
  EXPECT_EQ(testing::count_rows(db, "audit_log"), audit + 1);
  const auto now = work::members_on(r.periods, Date{2026, 5, 4});
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0].employee_id, member);
  EXPECT_EQ(now[0].role, work::TeamRole::Lead);
  const auto before = work::members_on(r.periods, Date{2026, 5, 3});
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(before[0].employee_id, lead);
  EXPECT_EQ(before[0].role, work::TeamRole::Lead);
  // The new lead is not from the owner unit: warned.
  EXPECT_EQ(r.warnings.size(), 1u);
  EXPECT_THROW(
      app::replace_lead(db.stores(), app::cli_actor(), v.team.id, member, Date{2026, 6, 1}, "lagi"),
      Refusal);
}

TEST_P(TeamsUseCase, AcrossGovernmentsAndUnseatedPeople) {
  auto& db = backend();
  const auto batam = app::import_regulation(db.stores(), app::cli_actor(), corpus_text("003"));
  const auto ntt = app::import_regulation(db.stores(), app::cli_actor(), corpus_text("000"));
  const auto [a, a_unit] = seat(*batam.agency_id(), batam.region_id);
  const auto [b, b_unit] = seat(*ntt.agency_id(), ntt.region_id);
  (void)b_unit;
  // An employee without a placement.
  org::Employee loose;
  loose.region_id = batam.region_id;
  loose.nip = "198503122010041099";
  loose.name = "Tanpa Jabatan";
  loose.birth_date = Date{1985, 3, 12};
  loose.appointed_year = 2010;
  loose.appointed_month = 4;
  loose.rank = "III/b";
  loose.id = db.org().insert_employee(loose);
  const auto audit = testing::count_rows(db, "audit_log");
  app::NewTeam in{"Tim Perbatasan", work::TeamKind::Incidental, "Kerja sama", a_unit, a, {loose.id},
                  Date{2026, 3, 2}};
  try {
    app::form_team(db.stores(), app::cli_actor(), in);
    FAIL();
  } catch (const Refusal& e) {
    EXPECT_EQ(e.code(), ErrorCode::TeamMemberUnplaced);
    EXPECT_NE(e.message().find("Tanpa Jabatan"), std::string::npos);
  }
  EXPECT_TRUE(db.stores().work.teams_of_region(batam.region_id).empty());
  EXPECT_EQ(testing::count_rows(db, "audit_log"), audit);
  // Twice the same person is refused.
  in.member_employee_ids = {a};
  EXPECT_THROW(app::form_team(db.stores(), app::cli_actor(), in), Refusal);

  in.member_employee_ids = {b};
  const auto v = app::form_team(db.stores(), app::cli_actor(), in);
  EXPECT_EQ(v.team.scope, work::TeamScope::AcrossGovernments);
  EXPECT_EQ(v.team.authority, "Wali Kota");  // 003 Pasal 20 (4) huruf a
  EXPECT_EQ(v.authority.article, "Pasal 20 ayat (4) huruf a");
  EXPECT_EQ(db.stores().work.teams_of_region(batam.region_id).size(), 1u);
  EXPECT_EQ(testing::count_rows(db, "audit_log"), audit + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, TeamsUseCase, testing::app_backends(), testing::backend_name);

}  // namespace
}  // namespace tatakerja
