// Names of the account roles as they appear in the database and the JSON API.
#include "identity/model.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

namespace tatakerja::identity {
namespace {

constexpr std::array<std::pair<Role, const char*>, 3> kRoles{{
    {Role::Employee, "pegawai"},
    {Role::RegistryAdmin, "admin_registri"},
    {Role::Administrator, "administrator"},
}};

}  // namespace

const char* to_string(Role r) {
  for (const auto& [value, name] : kRoles) {
    if (value == r) return name;
  }
  return "";
}

std::optional<Role> role_from_string(std::string_view s) {
  for (const auto& [value, name] : kRoles) {
    if (s == name) return value;
  }
  return std::nullopt;
}

namespace {

bool is_local_part_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u >= 0x7f) return false;  // control, space, non-ASCII
  switch (c) {
    case '"':
    case '<':
    case '>':
    case '(':
    case ')':
    case ',':
    case ';':
    case ':':
    case '\\':
    case '[':
    case ']':
    case '@':
      return false;
    default:
      return true;
  }
}

bool is_domain_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
    return false;
  for (const char c : label) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

bool is_email_address(std::string_view address) {
  if (address.size() > 254) return false;
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return false;
  const std::string_view local = address.substr(0, at);
  const std::string_view domain = address.substr(at + 1);
  for (const char c : local) {
    if (!is_local_part_char(c)) return false;
  }
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
    return false;
  if (domain.find('.') == std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= domain.size()) {
    const std::size_t dot = std::min(domain.find('.', start), domain.size());
    if (!is_domain_label(domain.substr(start, dot - start))) return false;
    start = dot + 1;
  }
  return true;
}

namespace {

void add_field(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += '\n';
}

}  // namespace

std::string audit_canonical(const AuditEntry& e) {
  std::string out;
  out.reserve(64 + e.before.size() + e.after.size() + e.username.size());
  add_field(out, std::to_string(e.id));
  add_field(out, e.at);
  add_field(out, e.user_id ? std::to_string(*e.user_id) : std::string());
  add_field(out, e.username);
  add_field(out, e.action);
  add_field(out, e.entity);
  add_field(out, e.entity_id);
  add_field(out, e.before);
  add_field(out, e.after);
  return out;
}

std::string agency_ids_text(const std::vector<Id>& ids) {
  std::string out;
  for (const Id id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out;
}

std::vector<Id> agency_ids_from_text(std::string_view text) {
  std::vector<Id> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view part = text.substr(0, comma);
    Id id = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), id);
    if (ec == std::errc() && end == part.data() + part.size() && id > 0) out.push_back(id);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace tatakerja::identity
