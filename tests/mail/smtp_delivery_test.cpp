// The e-mail copies of notifications sent through a real SMTP server that the test starts
// (python3-aiosmtpd, tests/support/smtp_sink.hpp) by the product's own transport (libcurl): the
// mailer's round on SQLite, PostgreSQL and in memory (the first round sends no history; a copy
// goes only to an active account with an address; a server that is down is tried again later and
// given up after five failures; two mailers on one database send each copy once), and through a
// running server: an assignment's step reaches the official's mailbox with a link to it.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "app/notification_emails.hpp"
#include "identity/model.hpp"
#include "mail/smtp_transport.hpp"
#include "persistence/sql_stores.hpp"
#include "storage/database.hpp"
#include "support/registry_seed.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_backends.hpp"

namespace tatakerja {
namespace {

constexpr std::int64_t kT0 = 1796410397;  // 2026-12-04T18:53:17Z
const work::EmailSettings kSettings{"tatakerja@kupangkota.go.id", "https://kerja.kupangkota.go.id"};

class EmailRoundTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    const auto s = testing::seed(backend().org());
    sari_ = backend().org().insert_employee(
        testing::make_employee(s.region, "198503122010042001", "Sari Dewi"));
    budi_ = backend().org().insert_employee(
        testing::make_employee(s.region, "198704152012031002", "Budi Santoso"));
    account("sari", sari_, "sari.dewi@kupangkota.go.id");
    account("budi", budi_, "");  // no address: the inbox alone
  }
  void account(const std::string& name, org::Id employee, const std::string& email) {
    identity::User u;
    u.username = name;
    u.display_name = name;
    u.password_hash = "x";
    u.employee_id = employee;
    u.email = email;
    backend().identity().insert_user(u);
  }
  org::Id notify(org::Id to, const std::string& message) {
    work::Notification n;
    n.employee_id = to;
    n.kind = "langkah";
    n.message = message;
    n.created_at = "2026-12-04T18:53:17Z";
    return backend().stores().work.insert_notification(n);
  }
  app::EmailRound round(std::int64_t at) {
    return app::deliver_notification_emails(backend().stores(), transport_, kSettings, at);
  }

  testing::SmtpSink sink_{"round_" + GetParam()};
  mail::SmtpTransport transport_{mail::SmtpSettings{sink_.url(), "", "", false, 10, 5}};
  org::Id sari_ = 0, budi_ = 0;
};

TEST_P(EmailRoundTest, FirstRoundSendsNoHistoryThenCopiesToAddressesOnly) {
  notify(sari_, "Pemberitahuan lama");
  EXPECT_EQ(round(kT0).queued, 0);  // the cursor starts after the history
  const org::Id to_sari = notify(sari_, "Kepala Bidang menugaskan Anda: \"Rekap data\".");
  const org::Id to_budi = notify(budi_, "Budi tidak punya alamat");
  const auto r = round(kT0 + 1);
  EXPECT_EQ(r.queued, 1);
  EXPECT_EQ(r.sent, 1);
  EXPECT_EQ(r.failed, 0);
  const auto got = sink_.wait_for(1);
  ASSERT_EQ(got.size(), 1U);
  EXPECT_EQ(got[0].headers.at("To"), "<sari.dewi@kupangkota.go.id>");
  EXPECT_EQ(got[0].headers.at("From"), "Tatakerja <tatakerja@kupangkota.go.id>");
  EXPECT_EQ(got[0].headers.at("Subject"), "Tatakerja: pemberitahuan");
  EXPECT_NE(got[0].body.find("Kepala Bidang menugaskan Anda: \"Rekap data\"."), std::string::npos)
      << got[0].body;
  EXPECT_EQ(got[0].body.find("lama"), std::string::npos);
  const auto d = backend().stores().work.email_delivery(to_sari);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, work::kEmailSent);
  EXPECT_EQ(d->attempts, 1);
  EXPECT_EQ(d->sent_at, "2026-12-04T18:53:18Z");
  EXPECT_FALSE(backend().stores().work.email_delivery(to_budi));
  EXPECT_EQ(round(kT0 + 2).sent, 0);  // nothing twice
  EXPECT_EQ(sink_.messages().size(), 1U);
}

TEST_P(EmailRoundTest, AServerThatIsDownIsTriedAgainLater) {
  round(kT0);
  sink_.stop();
  const org::Id n = notify(sari_, "Hasil kegiatan menunggu pemeriksaan Anda.");
  auto r = round(kT0);
  EXPECT_EQ(r.failed, 1);
  ASSERT_EQ(r.failures.size(), 1U);
  EXPECT_EQ(r.failures[0].find("sari.dewi"), std::string::npos);  // the log names no address
  auto d = backend().stores().work.email_delivery(n);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, work::kEmailWaiting);
  EXPECT_EQ(d->attempts, 1);
  EXPECT_FALSE(d->last_error.empty());
  EXPECT_EQ(d->next_attempt_at, app::iso_utc_of(kT0 + 60));
  EXPECT_EQ(round(kT0 + 30).failed, 0);  // not due yet: not tried
  sink_.start();
  r = round(kT0 + 61);
  EXPECT_EQ(r.sent, 1);
  d = backend().stores().work.email_delivery(n);
  EXPECT_EQ(d->status, work::kEmailSent);
  EXPECT_EQ(d->attempts, 2);
  EXPECT_TRUE(d->last_error.empty());
  EXPECT_EQ(sink_.wait_for(1).size(), 1U);
}

TEST_P(EmailRoundTest, GivenUpAfterFiveFailures) {
  round(kT0);
  sink_.stop();
  const org::Id n = notify(sari_, "Pesan");
  std::int64_t at = kT0;
  for (int attempt = 1; attempt <= work::kMaxEmailAttempts; ++attempt) {
    const auto r = round(at);
    EXPECT_EQ(r.failed + r.given_up, 1) << "attempt " << attempt;
    EXPECT_EQ(r.given_up, attempt == work::kMaxEmailAttempts ? 1 : 0);
    at += work::retry_delay_seconds(attempt).value_or(0);
  }
  const auto d = backend().stores().work.email_delivery(n);
  EXPECT_EQ(d->status, work::kEmailFailed);
  EXPECT_EQ(d->attempts, work::kMaxEmailAttempts);
  sink_.start();
  EXPECT_EQ(round(at + 86400).sent, 0);  // given up stays given up; the inbox has it
  EXPECT_TRUE(sink_.messages().empty());
  EXPECT_TRUE(backend().stores().work.notification(n));
}

TEST_P(EmailRoundTest, TwoMailersOnOneDatabaseSendEachCopyOnce) {
  if (GetParam() == "memory") GTEST_SKIP() << "one memory store has one mailer";
  round(kT0);
  constexpr int kCopies = 30;
  for (int i = 0; i < kCopies; ++i) notify(sari_, "Pesan " + std::to_string(i));
  std::atomic<int> sent{0};
  const auto mailer = [&] {
    auto c = storage::open_database(backend().url());
    persistence::SqlStores s(*c);
    mail::SmtpTransport t(mail::SmtpSettings{sink_.url(), "", "", false, 10, 5});
    for (int i = 0; i < 5; ++i) {
      for (;;) {
        try {
          sent += app::deliver_notification_emails(s.stores(), t, kSettings, kT0 + 1, 7).sent;
          break;
        } catch (const storage::DatabaseError& e) {
          if (e.kind() != storage::DatabaseError::Kind::Busy) throw;  // the other one writes
        }
      }
    }
  };
  std::thread a(mailer), b(mailer);
  a.join();
  b.join();
  EXPECT_EQ(sent.load(), kCopies);
  EXPECT_EQ(sink_.wait_for(kCopies).size(), static_cast<std::size_t>(kCopies));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(sink_.messages().size(), static_cast<std::size_t>(kCopies));
}

INSTANTIATE_TEST_SUITE_P(Backends, EmailRoundTest,
                         ::testing::Values("sqlite", "postgresql", "memory"),
                         testing::backend_name);

}  // namespace
}  // namespace tatakerja
