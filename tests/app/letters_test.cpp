// Letters through the use cases (issue 12 item 6), on SQLite and in memory: a Surat Perintah
// issued in Kota Batam (003) for a team, its recipients the team's members (the lead first) with
// what the letter prints of them; refusals (no task, an unplaced signatory, a caller who is
// neither administrator nor signatory, a scheme's {unit_code} without a code) write nothing and
// take no number; the next letter takes the next number; the audit entries; revocation once; the
// verification shows no recipient's NIP; the PDF's QR code holds the verification address.
#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "app/importer.hpp"
#include "app/letters.hpp"
#include "app/teams.hpp"
#include "core/error.hpp"
#include "documents/letter_render.hpp"
#include "test_db.hpp"

namespace tatakerja {
namespace {

using testing::corpus_text;

class LettersUseCase : public testing::SeatingTest {
 protected:
  template <typename F>
  ErrorCode refused(F f) {
    try {
      f();
    } catch (const Refusal& e) {
      return e.code();
    }
    ADD_FAILURE() << "not refused";
    return ErrorCode::Internal;
  }
};

TEST_P(LettersUseCase, IssuedNumberedRefusedRevokedVerified) {
  auto& db = backend();
  const auto batam = app::import_regulation(db.stores(), app::cli_actor(), corpus_text("003"));
  const org::Id agency = *batam.agency_id();
  const auto [lead, lead_unit] = seat(agency, batam.region_id);
  const auto [member, member_unit] = seat(agency, batam.region_id, lead_unit);
  const auto [signer, signer_unit] = seat(agency, batam.region_id);
  (void)member_unit;
  (void)signer_unit;
  const auto team = app::form_team(
      db.stores(), app::cli_actor(),
      {"Tim Uji", work::TeamKind::Incidental, "Laporan", lead_unit, lead, {member}, {2026, 3, 2}});
  app::set_letter_scheme(db.stores(), app::cli_actor(),
                         {agency, "800.1.11.1/{seq}/{unit_code}/{month_roman}/{year}", "BKPSDM",
                          "Jl. Engku Putri", "Batam", ""});
  const app::LetterCaller admin{app::cli_actor(), identity::Role::Administrator, std::nullopt};
  app::NewLetter in;
  in.kind = work::LetterKind::Perintah;
  in.agency_id = agency;
  in.team_id = team.team.id;
  in.signatory_employee_id = signer;
  in.tasks = {"  Menyusun   laporan  "};
  in.grounds = {"Keputusan Kepala Badan tentang Tim Uji"};
  in.date = Date{2026, 3, 4};

  const auto audit = testing::count_rows(db, "audit_log");
  // Refusals write nothing and take no number.
  app::NewLetter bad = in;
  bad.tasks.clear();
  EXPECT_EQ(refused([&] { app::issue_letter(db.stores(), admin, bad); }), ErrorCode::InvalidField);
  bad = in;
  bad.signatory_employee_id = lead;
  const app::LetterCaller stranger{app::Actor{std::nullopt, "x"}, identity::Role::Employee, member};
  EXPECT_EQ(refused([&] { app::issue_letter(db.stores(), stranger, bad); }), ErrorCode::Forbidden);
  org::Employee unplaced;
  unplaced.region_id = batam.region_id;
  unplaced.nip = "199001012015031099";
  unplaced.name = "Tanpa Jabatan";
  unplaced.birth_date = Date{1990, 1, 1};
  const org::Id nobody = db.org().insert_employee(unplaced);
  bad = in;
  bad.signatory_employee_id = nobody;
  EXPECT_EQ(refused([&] { app::issue_letter(db.stores(), admin, bad); }), ErrorCode::InvalidField);
  EXPECT_EQ(refused([&] {
              app::set_letter_scheme(db.stores(), app::cli_actor(),
                                     {agency, "{seq}/{unit_code}/{year}", "", "", "", ""});
            }),
            ErrorCode::InvalidField);
  EXPECT_EQ(refused([&] {
              app::set_letter_scheme(db.stores(), app::cli_actor(),
                                     {agency, "{seq}/{tahun}", "", "", "", ""});
            }),
            ErrorCode::LetterPatternInvalid);
  EXPECT_EQ(testing::count_rows(db, "audit_log"), audit);
  EXPECT_EQ(db.stores().letters.last_letter_sequence(agency, 2026), 0);

  // Issued: the team's members, the lead first, as the letter prints them.
  const auto l = app::issue_letter(db.stores(), admin, in);
  EXPECT_EQ(l.number, "800.1.11.1/1/BKPSDM/III/2026");
  EXPECT_EQ(l.government, "PEMERINTAH KOTA BATAM");
  EXPECT_EQ(l.place, "Batam");
  EXPECT_EQ(l.address, "Jl. Engku Putri");
  ASSERT_EQ(l.recipients.size(), 2U);
  EXPECT_EQ(l.recipients[0].employee_id, lead);
  EXPECT_EQ(l.recipients[1].employee_id, member);
  EXPECT_EQ(l.recipients[0].rank, "Penata Muda Tingkat I (III/b)");
  EXPECT_FALSE(l.recipients[0].position.empty());
  EXPECT_EQ(l.tasks, std::vector<std::string>{"Menyusun laporan"});
  EXPECT_EQ(l.token.size(), 43U);
  EXPECT_EQ(db.stores().letters.letter(l.id), l);
  EXPECT_EQ(testing::count_rows(db, "audit_log"), audit + 1);
  // The signatory issues the next one.
  const app::LetterCaller self{app::Actor{std::nullopt, "penandatangan"}, identity::Role::Employee,
                               signer};
  const auto second = app::issue_letter(db.stores(), self, in);
  EXPECT_EQ(second.number, "800.1.11.1/2/BKPSDM/III/2026");
  // Without the scheme's place: the region's name without its kind.
  app::set_letter_scheme(db.stores(), app::cli_actor(),
                         {agency, "800.1.11.1/{seq}/{unit_code}/{month_roman}/{year}", "BKPSDM",
                          "Jl. Engku Putri", "", ""});
  const auto third = app::issue_letter(db.stores(), admin, in);
  EXPECT_EQ(third.place, "Batam");
  EXPECT_EQ(third.number, "800.1.11.1/3/BKPSDM/III/2026");
  EXPECT_NE(second.token, l.token);

  // Who reads it: the recipients and the signatory; not someone else.
  EXPECT_EQ(app::readable_letter(db.stores(), self, l.id).id, l.id);
  const app::LetterCaller lead_caller{app::Actor{}, identity::Role::Employee, lead};
  EXPECT_EQ(app::readable_letter(db.stores(), lead_caller, l.id).id, l.id);
  const app::LetterCaller other{app::Actor{}, identity::Role::Employee, nobody};
  EXPECT_EQ(refused([&] { app::readable_letter(db.stores(), other, l.id); }), ErrorCode::Forbidden);

  // Verification: the signatory's NIP as printed, no recipient's.
  auto v = app::verify_letter(db.stores(), l.token);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->status, "berlaku");
  EXPECT_EQ(v->signatory_nip, l.signatory.nip);
  EXPECT_EQ(v->recipient_names.size(), 2U);
  EXPECT_FALSE(app::verify_letter(db.stores(), std::string(43, 'x')).has_value());
  EXPECT_FALSE(app::verify_letter(db.stores(), "pendek").has_value());

  // Revoked once, with a reason.
  EXPECT_EQ(refused([&] { app::revoke_letter(db.stores(), admin, l.id, " "); }),
            ErrorCode::ReasonRequired);
  EXPECT_EQ(refused([&] { app::revoke_letter(db.stores(), lead_caller, l.id, "x"); }),
            ErrorCode::Forbidden);
  const auto r = app::revoke_letter(db.stores(), self, l.id, "Dibatalkan");
  EXPECT_EQ(r.status, work::LetterStatus::Revoked);
  EXPECT_EQ(refused([&] { app::revoke_letter(db.stores(), admin, l.id, "lagi"); }),
            ErrorCode::Conflict);
  v = app::verify_letter(db.stores(), l.token);
  EXPECT_EQ(v->status, "dicabut");
  EXPECT_EQ(v->revoked_on, r.revoked_at.substr(0, 10));

  // The PDF's QR code holds the verification address.
  const std::string pdf = app::letter_pdf(r, "https://tatakerja.batam.go.id");
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0U);
  const auto modules = documents::qr_modules("https://tatakerja.batam.go.id/verifikasi/" + l.token);
  EXPECT_GE(modules.size(), 21U);
}

INSTANTIATE_TEST_SUITE_P(Backends, LettersUseCase, testing::app_backends(), testing::backend_name);

}  // namespace
}  // namespace tatakerja
