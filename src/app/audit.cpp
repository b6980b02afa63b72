// The audit log: the entry writer and the UTC clock it stamps entries with, the chain hash of an
// entry, sign-in and sign-out entries, and the check of the whole chain.
#include "app/audit.hpp"

#include <fmt/core.h>

#include <ctime>

#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "app/crypto.hpp"

namespace tatakerja::app {

std::string iso_utc_of(std::int64_t unix_seconds) {
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string now_iso_utc() {
  return iso_utc_of(static_cast<std::int64_t>(std::time(nullptr)));
}

void record_audit(const Stores& store, const Actor& actor, std::string action, std::string entity,
                  std::string entity_id, std::string before_json, std::string after_json) {
  identity::AuditEntry e;
  e.at = now_iso_utc();
  e.user_id = actor.user_id;
  e.username = actor.username;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = std::move(entity_id);
  e.before = std::move(before_json);
  e.after = std::move(after_json);
  store.identity.append_audit(e, audit_hash);
}

std::string sign_in_audit_json(const std::string& client_address) {
  return nlohmann::json{{"client_address", client_address}}.dump();
}

void record_failed_sign_in(const Stores& store, const std::string& username,
                           std::optional<org::Id> user_id, const std::string& client_address) {
  // A name as typed: at most 200 bytes (the sign-in's own limit). The API writes a character cut
  // there as U+FFFD.
  const std::string name = username.substr(0, 200);
  Transaction tx(store.transactions);
  record_audit(store, Actor{user_id, name}, "sign_in_failed", "user",
               user_id ? std::to_string(*user_id) : std::string(), "",
               sign_in_audit_json(client_address));
  tx.commit();
}

void sign_out(const Stores& store, const identity::User& user, const std::string& token,
              const std::string& client_address) {
  Transaction tx(store.transactions);
  end_session(store, token);
  record_audit(store, Actor{user.id, user.username}, "sign_out", "user", std::to_string(user.id),
               "", sign_in_audit_json(client_address));
  tx.commit();
}

Actor actor_of(const identity::User& user) {
  return Actor{user.id, user.username, user.scope_region_id, user.scope_agency_ids};
}

std::string audit_hash(const std::string& previous_hash, const identity::AuditEntry& entry) {
  return detail::sha256_hex(previous_hash + "\n" + identity::audit_canonical(entry));
}

AuditVerification verify_audit_chain(const Stores& store) {
  // One read snapshot: the head and every entry as of one moment, so that entries a running
  // server appends meanwhile are neither half seen nor taken for entries added past the head.
  ReadSnapshot snapshot(store.transactions);
  AuditVerification v;
  v.head = store.identity.audit_chain_head();
  org::Id previous_id = v.head.first_id - 1;
  std::string previous_hash;
  const auto wrong = [&v](org::Id id, std::string problem) {
    v.ok = false;
    v.entry = id;
    v.problem = std::move(problem);
  };
  org::Id after = 0;
  for (;;) {
    const auto batch = store.identity.audit_entries_after(after, 1000);
    for (const auto& e : batch) {
      after = e.id;
      if (e.id < v.head.first_id) {
        ++v.unchained;
        continue;
      }
      if (e.id > v.head.last_id) {
        wrong(e.id, fmt::format("Entri {} tidak tercatat di ujung rantai (ditambahkan di luar "
                                "aplikasi, atau ujung rantai diubah).",
                                e.id));
        return v;
      }
      if (e.id != previous_id + 1) {
        wrong(previous_id + 1, fmt::format("Entri {} hilang (dihapus).", previous_id + 1));
        return v;
      }
      if (audit_hash(previous_hash, e) != e.hash) {
        wrong(e.id,
              fmt::format("Entri {} telah diubah: hash-nya tidak cocok dengan isinya.", e.id));
        return v;
      }
      ++v.chained;
      previous_id = e.id;
      previous_hash = e.hash;
    }
    if (batch.size() < 1000) break;
  }
  if (previous_id != v.head.last_id) {
    wrong(previous_id + 1,
          fmt::format("Entri {} sampai {} hilang (dihapus).", previous_id + 1, v.head.last_id));
  } else if (previous_hash != v.head.last_hash) {
    wrong(previous_id, "Ujung rantai tidak cocok dengan entri terakhir.");
  }
  return v;
}

}  // namespace tatakerja::app
