#include "work_people.hpp"

#include "app/assignment_roles.hpp"
#include "app/audit.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "work/model.hpp"

namespace tatakerja::app::work_people {

org::Employee person_of(const Stores& stores, const identity::User& user, std::string_view what) {
  const auto e = user.employee_id ? stores.org.employee(*user.employee_id) : std::nullopt;
  if (!e) {
    fail(ErrorCode::RoleRequired, "",
         "Akun ini tidak terhubung dengan data pegawai, sehingga tidak memegang peran dalam " +
             std::string(what) + ".");
  }
  return *e;
}

std::string checked_text(const std::string& value, const char* field, std::size_t max,
                         bool required) {
  std::string s = text::collapse_spaces(text::trim(value));
  if ((required && s.empty()) || s.size() > max) {
    fail(ErrorCode::InvalidField, field,
         std::string("Isian ") + field + (required ? " wajib diisi dan" : "") + " paling banyak " +
             std::to_string(max) + " bita.");
  }
  // White space is made one space above; any other control character is no text a person wrote.
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      fail(ErrorCode::InvalidField, field,
           std::string("Isian ") + field + " memuat karakter kendali yang tidak sah.");
    }
  }
  return s;
}

Date checked_date(const std::string& value, const char* field) {
  const auto d = parse_iso_date(value);
  if (!d) {
    fail(ErrorCode::InvalidField, field,
         std::string("Isian ") + field + " harus berupa tanggal (TTTT-BB-HH).");
  }
  return *d;
}

Date today() {
  const std::string now = now_iso_utc();
  return parse_iso_date(std::string_view(now).substr(0, 10)).value_or(Date{1970, 1, 1});
}

std::set<org::Id> team_leads(const Stores& stores, std::optional<org::Id> team_id) {
  std::set<org::Id> out;
  if (!team_id) return out;
  for (const auto& m : stores.work.members_of_team(*team_id)) {
    if (!m.end && m.role == work::TeamRole::Lead) out.insert(m.employee_id);
  }
  return out;
}

std::set<org::Id> team_members_now(const Stores& stores, std::optional<org::Id> team_id) {
  std::set<org::Id> out;
  if (!team_id) return out;
  for (const auto& m : stores.work.members_of_team(*team_id)) {
    if (!m.end) out.insert(m.employee_id);
  }
  return out;
}

bool leads_above(const Stores& stores, org::Id unit_id, org::Id me) {
  std::optional<org::Id> at = leading_position(stores, unit_id);
  std::set<org::Id> seen;
  while (at && seen.insert(*at).second && seen.size() <= 32) {
    if (position_holders(stores, at).contains(me)) return true;
    const auto p = stores.org.position(*at);
    at = p ? p->superior_id : std::nullopt;
  }
  return false;
}

}  // namespace tatakerja::app::work_people
