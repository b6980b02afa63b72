// Names of the account roles as they appear in the database and the JSON API.
#include "identity/model.hpp"

#include <array>
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

}  // namespace tatakerja::identity
