// Accounts, sessions and the audit log: Argon2id hashes verify only the right password, account
// fields are checked, session tokens are stored only as hashes and expire.
#include <gtest/gtest.h>

#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "app/error.hpp"
#include "test_db.hpp"

namespace tatakerja {
namespace {

class Accounts : public testing::BackendTest {};
class Audit : public testing::BackendTest {};

TEST(Passwords, HashVerifiesOnlyTheRightPassword) {
  const auto h = app::hash_password("rahasia-sekali-2026");
  EXPECT_EQ(h.rfind("$argon2id$", 0), 0u) << h;
  EXPECT_TRUE(app::verify_password(h, "rahasia-sekali-2026"));
  EXPECT_FALSE(app::verify_password(h, "rahasia-sekali-2027"));
  EXPECT_FALSE(app::verify_password(h, ""));
  EXPECT_FALSE(app::verify_password("bukan hash", "rahasia-sekali-2026"));
  EXPECT_FALSE(app::verify_password("", "x"));
  // A fresh salt every time.
  EXPECT_NE(h, app::hash_password("rahasia-sekali-2026"));
}

TEST_P(Accounts, CreateUserChecksFieldsAndAudits) {
  auto& db = backend();
  const app::Actor cli = app::cli_actor();
  {
    Transaction tx(db.transactions());
    const auto u =
        app::create_user(db.stores(), cli, "organisasi.ntt", "Bagian Organisasi",
                         "kata-sandi-panjang", identity::Role::RegistryAdmin, std::nullopt);
    tx.commit();
    EXPECT_GT(u.id, 0);
    const auto stored = db.identity().user_by_username("organisasi.ntt");
    ASSERT_TRUE(stored);
    EXPECT_TRUE(app::verify_password(stored->password_hash, "kata-sandi-panjang"));
    EXPECT_EQ(stored->role, identity::Role::RegistryAdmin);
  }
  auto expect_error = [&](const std::string& username, const std::string& password,
                          std::optional<org::Id> employee, const std::string& code,
                          const std::string& field) {
    Transaction tx(db.transactions());
    try {
      app::create_user(db.stores(), cli, username, "", password, identity::Role::Employee,
                       employee);
      ADD_FAILURE() << "accepted " << username;
    } catch (const Refusal& e) {
      EXPECT_EQ(e.name(), code) << username;
      EXPECT_EQ(e.field(), field) << username;
      EXPECT_FALSE(e.message().empty());
    }
  };
  expect_error("ab", "kata-sandi-panjang", std::nullopt, "INVALID_FIELD", "username");
  expect_error("Budi", "kata-sandi-panjang", std::nullopt, "INVALID_FIELD", "username");
  expect_error("budi santoso", "kata-sandi-panjang", std::nullopt, "INVALID_FIELD", "username");
  expect_error(std::string(65, 'a'), "kata-sandi-panjang", std::nullopt, "INVALID_FIELD",
               "username");
  expect_error("budi", "pendek", std::nullopt, "INVALID_FIELD", "password");
  expect_error("budi", "kata-sandi-panjang", 999, "NOT_FOUND", "employee_id");
  expect_error("organisasi.ntt", "kata-sandi-panjang", std::nullopt, "CONFLICT", "username");

  // One audit entry, for the one account created, without the hash.
  const auto log = db.identity().audit_log({50});
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "create");
  EXPECT_EQ(log[0].entity, "user");
  EXPECT_EQ(log[0].username, "cli");
  EXPECT_FALSE(log[0].user_id.has_value());
  EXPECT_EQ(log[0].after.find("argon2"), std::string::npos);
  EXPECT_NE(log[0].after.find("organisasi.ntt"), std::string::npos);
  EXPECT_EQ(log[0].at.size(), 20u) << log[0].at;  // 2026-03-01T08:15:00Z
  EXPECT_EQ(log[0].at.back(), 'Z');
}

TEST_P(Accounts, SessionsStoreOnlyTheTokenHashAndExpire) {
  auto& db = backend();
  identity::User u;
  {
    Transaction tx(db.transactions());
    u = app::create_user(db.stores(), app::cli_actor(), "pegawai", "Pegawai", "kata-sandi-panjang",
                         identity::Role::Employee, std::nullopt);
    tx.commit();
  }
  const std::int64_t now = 1'760'000'000;
  const auto s = app::start_session(db.stores(), u.id, now, 3600);
  EXPECT_EQ(s.token.size(), 64u);
  EXPECT_EQ(s.session.token_hash, app::token_hash(s.token));
  EXPECT_NE(s.session.token_hash, s.token);
  EXPECT_EQ(s.session.csrf_token.size(), 64u);
  EXPECT_NE(s.session.csrf_token, s.token);
  EXPECT_EQ(s.session.expires_at, now + 3600);
  // The database holds the hash, never the token.
  EXPECT_TRUE(db.identity().session_with_user(s.session.token_hash));
  EXPECT_FALSE(db.identity().session_with_user(s.token));
  if (storage::Connection* c = db.connection()) {
    EXPECT_EQ(
        c->query("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", {s.token})[0].integer(0), 0);
  }

  auto r = app::resume_session(db.stores(), s.token, now + 10);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first.username, "pegawai");
  EXPECT_EQ(r->second.csrf_token, s.session.csrf_token);
  EXPECT_FALSE(app::resume_session(db.stores(), s.token, now + 3600));  // expired
  EXPECT_FALSE(app::resume_session(db.stores(), "0123", now));          // unknown
  EXPECT_FALSE(app::resume_session(db.stores(), "", now));

  // Two sessions do not share tokens; ending one leaves the other.
  const auto s2 = app::start_session(db.stores(), u.id, now, 3600);
  EXPECT_NE(s2.token, s.token);
  app::end_session(db.stores(), s.token);
  EXPECT_FALSE(app::resume_session(db.stores(), s.token, now + 10));
  EXPECT_TRUE(app::resume_session(db.stores(), s2.token, now + 10));

  // An inactive account cannot resume.
  u.active = false;
  db.identity().update_user(u);
  EXPECT_FALSE(app::resume_session(db.stores(), s2.token, now + 10));
}

TEST_P(Audit, RecordsActorAndJson) {
  auto& db = backend();
  app::record_audit(db.stores(), app::Actor{std::nullopt, "cli"}, "update", "position", "7",
                    R"({"eselon":"III.a"})", R"({"eselon":"III.b"})");
  const auto log = db.identity().audit_log({10});
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].entity_id, "7");
  EXPECT_EQ(log[0].before, R"({"eselon":"III.a"})");
  EXPECT_EQ(log[0].after, R"({"eselon":"III.b"})");
}

INSTANTIATE_TEST_SUITE_P(Backends, Accounts, testing::app_backends(), testing::backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, Audit, testing::app_backends(), testing::backend_name);

}  // namespace
}  // namespace tatakerja
