// Accounts, sessions and the audit log: Argon2id hashes verify only the right password, account
// fields are checked, the password rules (NIST SP 800-63B), session tokens are stored only as
// hashes and expire, the sessions-per-account limit, changing a password ends the other sessions,
// switching an account off ends its sessions, ending one's own or an account's sessions; each
// change audited once, and a change that changes nothing not at all.
#include <gtest/gtest.h>

#include "app/accounts.hpp"
#include "app/audit.hpp"
#include "app/error.hpp"
#include "app/password_rules.hpp"
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
  expect_error("budi", "pendek", std::nullopt, "PASSWORD_TOO_SHORT", "password");
  expect_error("budi", "aaaaaaaaaa", std::nullopt, "PASSWORD_TOO_COMMON", "password");
  expect_error("budi", "1234567890", std::nullopt, "PASSWORD_TOO_COMMON", "password");
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

// The code of the refusal `f` throws ("" when it throws none), and its field.
template <typename F>
std::pair<std::string, std::string> refusal_of(F f) {
  try {
    f();
  } catch (const Refusal& e) {
    return {std::string(e.name()), e.field().value_or("")};
  }
  return {"", ""};
}

TEST(PasswordRules, RefusesShortLongCommonRepeatedRunsAndNames) {
  const auto code = [](const std::string& password, const std::string& username = "budi") {
    return refusal_of([&] { app::check_password(password, username); }).first;
  };
  // The two of issue 10.
  EXPECT_EQ(code("aaaaaaaaaa"), "PASSWORD_TOO_COMMON");
  EXPECT_EQ(code("1234567890"), "PASSWORD_TOO_COMMON");
  // Length: 10 to 128 characters (code points, not bytes).
  EXPECT_EQ(code("pendek"), "PASSWORD_TOO_SHORT");
  EXPECT_EQ(code("kuda-lari"), "PASSWORD_TOO_SHORT");
  EXPECT_EQ(code("kuda-lari!"), "");
  EXPECT_EQ(code("éèêëēėęàáâ"), "");  // 10 characters, 20 bytes
  EXPECT_EQ(code("éèêëēėęàá"), "PASSWORD_TOO_SHORT");
  std::string long_one;
  for (int i = 0; long_one.size() < 128; ++i) long_one += "kalimat-" + std::to_string(i) + " ";
  long_one.resize(128);
  EXPECT_EQ(code(long_one), "");
  EXPECT_EQ(code(long_one + "x"), "PASSWORD_TOO_LONG");
  // Common passwords, with any case and digits or symbols around them.
  for (const char* p :
       {"password123", "Password2026!", "qwertyuiop", "QWERTYUIOP", "iloveyou12", "bismillah123",
        "Rahasia2026!", "indonesia1945", "1q2w3e4r5t", "!!sayangku!!", "0987654321"})
    EXPECT_EQ(code(p), "PASSWORD_TOO_COMMON") << p;
  // Repetitions and runs.
  for (const char* p : {"abcabcabcabc", "1111122222", "ababababab", "abcdefghijkl", "zyxwvutsrq",
                        "7890123456", "asdfghjkl;", "1qaz2wsx3edc", "!@#$%^&*()", "mnbvcxz,./"})
    EXPECT_EQ(code(p), "PASSWORD_TOO_COMMON") << p;
  // The user name or the application's name with too little besides.
  EXPECT_EQ(code("petugas12345", "petugas"), "PASSWORD_CONTAINS_NAME");
  EXPECT_EQ(code("budi12345678"), "PASSWORD_TOO_COMMON");  // "budi" is in the list too
  EXPECT_EQ(code("BudiBudiBudi!", "budi"), "PASSWORD_CONTAINS_NAME");
  EXPECT_EQ(code("tatakerja-kota"), "PASSWORD_CONTAINS_NAME");
  EXPECT_EQ(code("sekda-2026!!", "sekda"), "PASSWORD_CONTAINS_NAME");
  // Accepted: no composition rules, a name with enough besides.
  for (const char* p : {"kuda lari di pantai", "perahukertasbiru", "demo-admin-2026",
                        "budi-suka-nasi-goreng", "Tatakerja itu bagus sekali"})
    EXPECT_EQ(code(p), "") << p;
  EXPECT_EQ(code("demo-organisasi-2026", "organisasi"), "");
  // The field named is the one given.
  EXPECT_EQ(refusal_of([] { app::check_password("aaaaaaaaaa", "x", "new_password"); }).second,
            "new_password");
  EXPECT_TRUE(app::is_common_password("password"));
  EXPECT_FALSE(app::is_common_password("Password"));  // the list is lower case; callers lower it
}

std::vector<std::string> audit_actions(testing::TestBackend& db) {
  std::vector<std::string> out;
  for (const auto& e : db.identity().audit_log({500})) out.push_back(e.action);
  return out;  // newest first
}

identity::User make_account(testing::TestBackend& db, const std::string& username,
                            identity::Role role = identity::Role::Employee) {
  Transaction tx(db.transactions());
  auto u = app::create_user(db.stores(), app::cli_actor(), username, "", "kuda-lari-di-pantai",
                            role, std::nullopt);
  tx.commit();
  return u;
}

TEST_P(Accounts, SessionsPerAccountEndTheOldestExpiredFirst) {
  auto& db = backend();
  const auto u = make_account(db, "budi");
  const std::int64_t now = 1'760'000'000;
  const app::SessionStart start{now, 3600, "198.51.100.7", 3};
  const auto a = app::start_session(db.stores(), u.id, {now - 7200, 3600, "x", 3});  // expired
  const auto b = app::start_session(db.stores(), u.id, start);
  const auto c = app::start_session(db.stores(), u.id, start);
  EXPECT_EQ(db.identity().sessions_of_user(u.id).size(), 3u);
  const auto d = app::start_session(db.stores(), u.id, start);  // the expired one goes
  EXPECT_FALSE(db.identity().session_with_user(a.session.token_hash));
  EXPECT_TRUE(db.identity().session_with_user(b.session.token_hash));
  const auto e = app::start_session(db.stores(), u.id, start);  // the oldest goes
  EXPECT_FALSE(db.identity().session_with_user(b.session.token_hash));
  for (const auto* s : {&c, &d, &e})
    EXPECT_TRUE(db.identity().session_with_user(s->session.token_hash));
  const auto held = app::sessions_of(db.stores(), u.id, now);
  ASSERT_EQ(held.size(), 3u);
  EXPECT_EQ(held[0].client_address, "198.51.100.7");
  EXPECT_EQ(held[0].created_at, now);
  EXPECT_EQ(held[2].id, e.session.id);
  // Another account's sessions are not touched, and sign_in writes its audit entry.
  const auto other = make_account(db, "citra");
  const auto o = app::sign_in(db.stores(), other, start);
  EXPECT_EQ(audit_actions(db).front(), "sign_in");
  EXPECT_EQ(app::sessions_of(db.stores(), u.id, now).size(), 3u);
  EXPECT_EQ(app::sessions_of(db.stores(), other.id, now).size(), 1u);
  EXPECT_GT(o.session.id, 0);
}

TEST_P(Accounts, ChangingThePasswordEndsTheOtherSessions) {
  auto& db = backend();
  const auto u = make_account(db, "budi");
  const auto other = make_account(db, "citra");
  const std::int64_t now = 1'760'000'000;
  const app::SessionStart start{now, 3600, "127.0.0.1", 10};
  const auto here = app::start_session(db.stores(), u.id, start);
  const auto there = app::start_session(db.stores(), u.id, start);
  const auto theirs = app::start_session(db.stores(), other.id, start);
  const auto audit_before = audit_actions(db).size();
  const auto change = [&](const std::string& current, const std::string& next) {
    return refusal_of(
        [&] { app::change_password(db.stores(), u, here.session.token_hash, current, next); });
  };
  EXPECT_EQ(change("salah-sekali-ini", "perahu-kertas-biru"),
            (std::pair<std::string, std::string>{"CURRENT_PASSWORD_WRONG", "current_password"}));
  EXPECT_EQ(change("kuda-lari-di-pantai", "aaaaaaaaaa"),
            (std::pair<std::string, std::string>{"PASSWORD_TOO_COMMON", "new_password"}));
  EXPECT_EQ(change("kuda-lari-di-pantai", "1234567890").first, "PASSWORD_TOO_COMMON");
  EXPECT_EQ(change("kuda-lari-di-pantai", "kuda-lari-di-pantai"),
            (std::pair<std::string, std::string>{"INVALID_FIELD", "new_password"}));
  EXPECT_EQ(audit_actions(db).size(), audit_before);  // refused: nothing written
  EXPECT_TRUE(db.identity().session_with_user(there.session.token_hash));

  EXPECT_EQ(app::change_password(db.stores(), u, here.session.token_hash, "kuda-lari-di-pantai",
                                 "perahu-kertas-biru"),
            1);
  const auto stored = db.identity().user_by_id(u.id);
  ASSERT_TRUE(stored);
  EXPECT_TRUE(app::verify_password(stored->password_hash, "perahu-kertas-biru"));
  EXPECT_FALSE(app::verify_password(stored->password_hash, "kuda-lari-di-pantai"));
  EXPECT_TRUE(db.identity().session_with_user(here.session.token_hash));
  EXPECT_FALSE(db.identity().session_with_user(there.session.token_hash));
  EXPECT_TRUE(db.identity().session_with_user(theirs.session.token_hash));
  const auto log = db.identity().audit_log({1});
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "change_password");
  EXPECT_EQ(log[0].entity_id, std::to_string(u.id));
  EXPECT_EQ(log[0].after, R"({"sessions_ended":1})");
  EXPECT_EQ(log[0].before.find("argon2"), std::string::npos);
}

TEST_P(Accounts, SwitchingAnAccountOffEndsItsSessions) {
  auto& db = backend();
  const auto admin = make_account(db, "kepala", identity::Role::Administrator);
  const auto u = make_account(db, "budi");
  const app::Actor actor{admin.id, admin.username};
  const std::int64_t now = 1'760'000'000;
  const auto s1 = app::start_session(db.stores(), u.id, now, 3600);
  const auto s2 = app::start_session(db.stores(), u.id, now, 3600);
  const auto mine = app::start_session(db.stores(), admin.id, now, 3600);
  const auto before = audit_actions(db).size();

  EXPECT_EQ(refusal_of([&] { app::set_account_active(db.stores(), actor, admin.id, false); }),
            (std::pair<std::string, std::string>{"CONFLICT", "active"}));
  EXPECT_EQ(refusal_of([&] { app::set_account_active(db.stores(), actor, 999, false); }).first,
            "NOT_FOUND");
  // Switching on an account that is on changes nothing and writes nothing.
  EXPECT_TRUE(app::set_account_active(db.stores(), actor, u.id, true).active);
  EXPECT_EQ(audit_actions(db).size(), before);

  const auto off = app::set_account_active(db.stores(), actor, u.id, false);
  EXPECT_FALSE(off.active);
  EXPECT_FALSE(db.identity().user_by_id(u.id)->active);
  EXPECT_TRUE(db.identity().sessions_of_user(u.id).empty());
  EXPECT_FALSE(app::resume_session(db.stores(), s1.token, now + 1));
  EXPECT_FALSE(app::resume_session(db.stores(), s2.token, now + 1));
  EXPECT_TRUE(app::resume_session(db.stores(), mine.token, now + 1));
  const auto log = db.identity().audit_log({1});
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "disable");
  EXPECT_EQ(log[0].username, "kepala");
  EXPECT_NE(log[0].before.find("\"active\":true"), std::string::npos);
  EXPECT_NE(log[0].after.find("\"active\":false"), std::string::npos);
  EXPECT_EQ(log[0].after.find("argon2"), std::string::npos);
  // Again: nothing.
  app::set_account_active(db.stores(), actor, u.id, false);
  EXPECT_EQ(audit_actions(db).size(), before + 1);
  EXPECT_TRUE(app::set_account_active(db.stores(), actor, u.id, true).active);
  EXPECT_EQ(audit_actions(db).front(), "enable");
}

TEST_P(Accounts, EndingSessions) {
  auto& db = backend();
  const auto admin = make_account(db, "kepala", identity::Role::Administrator);
  const auto u = make_account(db, "budi");
  const auto other = make_account(db, "citra");
  const app::Actor actor{admin.id, admin.username};
  const std::int64_t now = 1'760'000'000;
  const auto a = app::start_session(db.stores(), u.id, now, 3600);
  const auto b = app::start_session(db.stores(), u.id, now, 3600);
  const auto theirs = app::start_session(db.stores(), other.id, now, 3600);
  const auto expired = app::start_session(db.stores(), u.id, now - 7200, 3600);
  // A user ends one of their own sessions, not another's nor an expired one.
  EXPECT_EQ(refusal_of([&] { app::end_own_session(db.stores(), u, theirs.session.id, now); }).first,
            "NOT_FOUND");
  EXPECT_EQ(
      refusal_of([&] { app::end_own_session(db.stores(), u, expired.session.id, now); }).first,
      "NOT_FOUND");
  EXPECT_EQ(app::sessions_of(db.stores(), u.id, now).size(), 2u);
  app::end_own_session(db.stores(), u, b.session.id, now);
  EXPECT_FALSE(db.identity().session_with_user(b.session.token_hash));
  EXPECT_TRUE(db.identity().session_with_user(a.session.token_hash));
  EXPECT_EQ(audit_actions(db).front(), "end_session");
  // An administrator ends every session of an account (expired ones too).
  EXPECT_EQ(app::end_sessions_of_account(db.stores(), actor, u.id), 2);
  EXPECT_TRUE(db.identity().sessions_of_user(u.id).empty());
  EXPECT_TRUE(db.identity().session_with_user(theirs.session.token_hash));
  EXPECT_EQ(audit_actions(db).front(), "end_sessions");
  const auto count = audit_actions(db).size();
  EXPECT_EQ(app::end_sessions_of_account(db.stores(), actor, u.id), 0);
  EXPECT_EQ(audit_actions(db).size(), count);  // none ended: no entry
  EXPECT_EQ(refusal_of([&] { app::end_sessions_of_account(db.stores(), actor, 999); }).first,
            "NOT_FOUND");
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
