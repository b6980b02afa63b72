// The LetterStore port's conformance suite (issue 12 item 6): numbering schemes, the sequences
// (one per agency and year, given back by a rollback), letters with what they printed, the
// lookup by token, and the schema's rules (migration 15; refused as storage::DatabaseError of kind
// Constraint), run unchanged against SqlLetterStore on SQLite and PostgreSQL and
// MemoryLetterStore. Then the race: letters issued at once from several connections
// (app::issue_letter, each on its own connection and thread) get distinct numbers without gaps,
// on both databases.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "app/letters.hpp"
#include "core/transaction.hpp"
#include "persistence/sql_stores.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "support/registry_seed.hpp"
#include "support/test_backends.hpp"
#include "work/letter_store.hpp"

namespace tatakerja::work {
namespace {

using storage::DatabaseError;
using testing::error_kind;
using testing::Seed;

class LetterStoreTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    s_ = testing::seed(backend().org());
    signer_ = backend().org().insert_employee(
        testing::make_employee(s_.region, "198503122010041001", "Drs. Ani Wijaya"));
  }
  LetterStore& store() { return backend().stores().letters; }

  Letter letter(std::int64_t seq, const std::string& token) const {
    Letter l;
    l.region_id = s_.region;
    l.agency_id = s_.agency;
    l.kind = LetterKind::Perintah;
    l.number = "800/" + std::to_string(seq) + "/2026";
    l.year = 2026;
    l.sequence = seq;
    l.assignment_id = 77;
    l.government = "PEMERINTAH PROVINSI NUSA TENGGARA TIMUR";
    l.agency_name = "BADAN PENGELOLA PERBATASAN DAERAH";
    l.address = "Jl. El Tari No. 52, Kupang – Ç";
    l.place = "Kupang";
    l.date = Date{2026, 3, 2};
    l.grounds = {"Peraturan Gubernur Nomor 12 Tahun 2023", "Keputusan \"Tim\""};
    l.recipients = {LetterPerson{signer_, s_.staff, "Drs. Ani Wijaya", "198503122010041001",
                                 "Penata Muda Tk. I (III/b)", "Kepala Sub Bagian Umum"},
                    LetterPerson{signer_, std::nullopt, "B", "", "", ""}};
    l.tasks = {"Menyusun laporan"};
    l.signatory =
        LetterPerson{signer_,          s_.head,       "Drs. Ani Wijaya", "198503122010041001",
                     "Pembina (IV/a)", "Kepala Badan"};
    l.copies = {"Sekretaris Daerah"};
    l.token = token;
    l.issued_by = 3;
    l.created_at = "2026-03-02T08:00:00Z";
    return l;
  }

  Seed s_;
  Id signer_ = 0;
};

std::string token(char c) {
  return std::string(43, c);
}

TEST_P(LetterStoreTest, SchemeRoundTripAndReplace) {
  EXPECT_FALSE(store().letter_scheme(s_.agency).has_value());
  LetterScheme s{s_.agency, "800.1.11.1/{seq}/{unit_code}/{year}",
                 "BPPD",    "Jl. El Tari – Ç",
                 "Kupang",  "2026-03-01T00:00:00Z"};
  store().put_letter_scheme(s);
  EXPECT_EQ(store().letter_scheme(s_.agency), s);
  s.pattern = "{seq}/{year}";
  s.unit_code = "";
  store().put_letter_scheme(s);
  EXPECT_EQ(store().letter_scheme(s_.agency), s);
  s.agency_id = 999;
  EXPECT_EQ(error_kind([&] { store().put_letter_scheme(s); }), DatabaseError::Kind::Constraint);
}

TEST_P(LetterStoreTest, SequencesCountPerAgencyAndYearAndRollbackGivesTheNumberBack) {
  org::Agency other;
  other.region_id = s_.region;
  other.regulation_id = s_.regulation;
  other.name = "Dinas Lain";
  const Id agency2 = backend().org().insert_agency(other);
  EXPECT_EQ(store().last_letter_sequence(s_.agency, 2026), 0);
  EXPECT_EQ(store().next_letter_sequence(s_.agency, 2026), 1);
  EXPECT_EQ(store().next_letter_sequence(s_.agency, 2026), 2);
  EXPECT_EQ(store().next_letter_sequence(s_.agency, 2027), 1);
  EXPECT_EQ(store().next_letter_sequence(agency2, 2026), 1);
  EXPECT_EQ(store().last_letter_sequence(s_.agency, 2026), 2);
  {
    Transaction tx(backend().transactions());
    EXPECT_EQ(store().next_letter_sequence(s_.agency, 2026), 3);
    // No commit: rolled back.
  }
  EXPECT_EQ(store().last_letter_sequence(s_.agency, 2026), 2);
  {
    Transaction tx(backend().transactions());
    EXPECT_EQ(store().next_letter_sequence(s_.agency, 2026), 3);
    tx.commit();
  }
  EXPECT_EQ(store().last_letter_sequence(s_.agency, 2026), 3);
  EXPECT_EQ(error_kind([&] { store().next_letter_sequence(999, 2026); }),
            DatabaseError::Kind::Constraint);
}

TEST_P(LetterStoreTest, LetterRoundTripByIdTokenAndAgency) {
  const Letter a = letter(1, token('a'));
  Letter b = letter(2, token('b'));
  b.kind = LetterKind::Tugas;
  b.assignment_id.reset();
  b.issued_by.reset();
  b.grounds.clear();
  b.copies.clear();
  const Id ia = store().insert_letter(a);
  const Id ib = store().insert_letter(b);
  EXPECT_EQ(ia, 1);
  EXPECT_EQ(ib, 2);
  Letter want_a = a;
  want_a.id = ia;
  Letter want_b = b;
  want_b.id = ib;
  EXPECT_EQ(store().letter(ia), want_a);
  EXPECT_EQ(store().letter(ib), want_b);
  EXPECT_EQ(store().letter_by_token(token('b')), want_b);
  EXPECT_FALSE(store().letter_by_token(token('c')).has_value());
  EXPECT_FALSE(store().letter(99).has_value());
  const auto listed = store().letters_of_agency(s_.agency);
  ASSERT_EQ(listed.size(), 2U);  // newest first
  EXPECT_EQ(listed[0], want_b);
  EXPECT_EQ(listed[1], want_a);
  EXPECT_TRUE(store().letters_of_agency(999).empty());
  // By its assignment: a's (b has none).
  ASSERT_TRUE(a.assignment_id.has_value());
  EXPECT_EQ(store().letter_of_assignment(*a.assignment_id), want_a);
  EXPECT_FALSE(store().letter_of_assignment(*a.assignment_id + 1000).has_value());

  want_a.status = LetterStatus::Revoked;
  want_a.revoked_at = "2026-03-05T10:00:00Z";
  want_a.revoked_reason = "Kegiatan dibatalkan";
  store().update_letter(want_a);
  EXPECT_EQ(store().letter(ia), want_a);
  EXPECT_EQ(store().letter_by_token(token('a')), want_a);
}

// Migration 20: a person's letters, as their signatory or as a recipient, newest first, each once.
TEST_P(LetterStoreTest, LettersOfAPersonAsSignatoryOrRecipient) {
  const Id budi = backend().org().insert_employee(
      testing::make_employee(s_.region, "198704152012031002", "Budi"));
  const Id sari = backend().org().insert_employee(
      testing::make_employee(s_.region, "199001012015032003", "Sari"));
  Letter first = letter(1, token('a'));  // signed by signer_, also a recipient twice
  const Id l1 = store().insert_letter(first);
  Letter second = letter(2, token('b'));
  second.recipients = {LetterPerson{budi, std::nullopt, "Budi", "", "", ""},
                       LetterPerson{sari, std::nullopt, "Sari", "", "", ""}};
  const Id l2 = store().insert_letter(second);
  Letter third = letter(3, token('c'));
  third.signatory.employee_id = budi;
  third.recipients = {LetterPerson{sari, std::nullopt, "Sari", "", "", ""}};
  const Id l3 = store().insert_letter(third);

  const auto ids = [](const std::vector<Letter>& ls) {
    std::vector<Id> out;
    for (const auto& l : ls) out.push_back(l.id);
    return out;
  };
  EXPECT_EQ(ids(store().letters_of_person(signer_, 10)), (std::vector<Id>{l2, l1}));
  EXPECT_EQ(ids(store().letters_of_person(budi, 10)), (std::vector<Id>{l3, l2}));
  EXPECT_EQ(ids(store().letters_of_person(sari, 10)), (std::vector<Id>{l3, l2}));
  EXPECT_EQ(ids(store().letters_of_person(sari, 1)), (std::vector<Id>{l3}));
  EXPECT_TRUE(store().letters_of_person(999, 10).empty());
  EXPECT_EQ(store().letters_of_person(budi, 10)[0], *store().letter(l3));

  Letter stranger = letter(4, token('d'));  // a recipient who is no employee
  stranger.recipients = {LetterPerson{999, std::nullopt, "X", "", "", ""}};
  EXPECT_EQ(error_kind([&] { store().insert_letter(stranger); }), DatabaseError::Kind::Constraint);
}

// Migration 20 on a database that has letters already: their signatories and recipients become
// their parties (the recipients read from the stored JSON by the database's JSON functions).
TEST_P(LetterStoreTest, MigrationTwentyGivesStoredLettersTheirParties) {
  if (!backend().connection()) GTEST_SKIP() << "no migrations in memory";
  storage::Connection& c = *backend().connection();
  const Id budi = backend().org().insert_employee(
      testing::make_employee(s_.region, "198704152012031002", "Budi"));
  Letter l = letter(1, token('a'));
  l.recipients = {LetterPerson{budi, std::nullopt, "Budi", "", "", ""}};
  const Id id = store().insert_letter(l);
  // Back to before migration 20, the letter kept (and the later migrations undone, so that they
  // are applied again after it).
  c.execute_script(
      "DROP TABLE letter_parties; ALTER TABLE work_notifications DROP COLUMN report_request_id; "
      "ALTER TABLE work_notifications DROP COLUMN report_id; DROP TABLE work_holidays;");
  c.execute("DELETE FROM schema_migrations WHERE version >= 20");
  storage::migrate(c);
  EXPECT_EQ(store().letters_of_person(budi, 10).size(), 1U);
  EXPECT_EQ(store().letters_of_person(signer_, 10).at(0).id, id);
  const auto rows =
      c.query("SELECT role FROM letter_parties WHERE letter_id = ? ORDER BY role", {id});
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].text(0), "penandatangan");
  EXPECT_EQ(rows[1].text(0), "penerima");
}

TEST_P(LetterStoreTest, LettersAreUniqueBySequenceNumberAndToken) {
  store().insert_letter(letter(1, token('a')));
  Letter same_seq = letter(1, token('b'));
  same_seq.number = "lain/1/2026";
  EXPECT_EQ(error_kind([&] { store().insert_letter(same_seq); }), DatabaseError::Kind::Constraint);
  Letter same_number = letter(2, token('b'));
  same_number.number = "800/1/2026";
  EXPECT_EQ(error_kind([&] { store().insert_letter(same_number); }),
            DatabaseError::Kind::Constraint);
  EXPECT_EQ(error_kind([&] { store().insert_letter(letter(2, token('a'))); }),
            DatabaseError::Kind::Constraint);
  // The same sequence in another year is another letter.
  Letter next_year = letter(1, token('c'));
  next_year.year = 2027;
  next_year.number = "800/1/2027";
  store().insert_letter(next_year);
  EXPECT_EQ(store().letters_of_agency(s_.agency).size(), 2U);
}

TEST_P(LetterStoreTest, LetterKeysMustExist) {
  Letter l = letter(1, token('a'));
  l.agency_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_letter(l); }), DatabaseError::Kind::Constraint);
  l = letter(1, token('a'));
  l.region_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_letter(l); }), DatabaseError::Kind::Constraint);
  l = letter(1, token('a'));
  l.signatory.employee_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_letter(l); }), DatabaseError::Kind::Constraint);
  l = letter(1, token('a'));
  l.team_id = 999;
  EXPECT_EQ(error_kind([&] { store().insert_letter(l); }), DatabaseError::Kind::Constraint);
  EXPECT_TRUE(store().letters_of_agency(s_.agency).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, LetterStoreTest,
                         ::testing::Values("sqlite", "postgresql", "memory"),
                         testing::backend_name);

// Letters issued at once through the use case, each thread on a connection of its own: the
// numbers are distinct and run 1..N without a gap, and so do the stored sequences.
class LetterNumberingRace : public testing::BackendTest {};

TEST_P(LetterNumberingRace, ConcurrentIssuesGetDistinctGapFreeNumbers) {
  auto& org = backend().org();
  const Seed s = testing::seed(org);
  const Id signer =
      org.insert_employee(testing::make_employee(s.region, "198503122010041001", "Penandatangan"));
  const Id member =
      org.insert_employee(testing::make_employee(s.region, "199001012015031002", "Anggota"));
  org::Placement p;
  p.employee_id = signer;
  p.position_id = s.head;
  p.start = Date{2020, 1, 1};
  org.insert_placement(p);
  p.employee_id = member;
  p.position_id = s.staff;
  org.insert_placement(p);
  backend().stores().letters.put_letter_scheme(
      {s.agency, "800.1.11.1/{seq}/{unit_code}/{year}", "BPPD", "", "Kupang", ""});

  constexpr int kThreads = 4;
  constexpr int kEach = 6;
  std::vector<std::string> numbers;
  std::mutex m;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      try {
        auto conn = storage::open_database(backend().url());
        persistence::SqlStores stores(*conn);
        app::LetterCaller caller{app::Actor{std::nullopt, "uji"}, identity::Role::Administrator,
                                 std::nullopt};
        for (int i = 0; i < kEach; ++i) {
          app::NewLetter in;
          in.agency_id = s.agency;
          in.signatory_employee_id = signer;
          in.recipient_employee_ids = {member};
          in.tasks = {"Melaksanakan tugas"};
          in.date = Date{2026, 3, 2};
          for (int attempt = 0;; ++attempt) {
            try {
              const auto l = app::issue_letter(stores.stores(), caller, in);
              std::lock_guard lock(m);
              numbers.push_back(l.number);
              break;
            } catch (const storage::DatabaseError& e) {
              // A busy database (SQLite's write lock held past busy_timeout) may be tried again;
              // nothing else is expected.
              if (e.kind() != storage::DatabaseError::Kind::Busy || attempt > 20) throw;
            }
          }
        }
      } catch (const std::exception& e) {
        ++failures;
        ADD_FAILURE() << e.what();
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(failures.load(), 0);
  ASSERT_EQ(numbers.size(), static_cast<std::size_t>(kThreads * kEach));
  std::set<std::string> want;
  for (int i = 1; i <= kThreads * kEach; ++i) {
    want.insert("800.1.11.1/" + std::to_string(i) + "/BPPD/2026");
  }
  EXPECT_EQ(std::set<std::string>(numbers.begin(), numbers.end()), want);
  EXPECT_EQ(backend().stores().letters.last_letter_sequence(s.agency, 2026), kThreads * kEach);
  const auto stored = backend().stores().letters.letters_of_agency(s.agency);
  ASSERT_EQ(stored.size(), static_cast<std::size_t>(kThreads * kEach));
  std::set<std::int64_t> sequences;
  for (const auto& l : stored) sequences.insert(l.sequence);
  EXPECT_EQ(sequences.size(), stored.size());
  EXPECT_EQ(*sequences.begin(), 1);
  EXPECT_EQ(*sequences.rbegin(), kThreads * kEach);
}

INSTANTIATE_TEST_SUITE_P(Databases, LetterNumberingRace, ::testing::Values("sqlite", "postgresql"),
                         testing::backend_name);

}  // namespace
}  // namespace tatakerja::work
