#include "core/error.hpp"

#include <utility>

namespace tatakerja {

std::optional<ErrorCode> code_from_name(std::string_view name) {
  for (const auto& e : kErrorTable) {
    if (e.name == name) return e.code;
  }
  return std::nullopt;
}

Refusal::Refusal(ErrorCode code, std::optional<std::string> field, std::string message)
    : std::runtime_error(message.empty() ? std::string(message_of(code)) : std::move(message)),
      code_(code),
      field_(std::move(field)) {}

void fail(ErrorCode code, std::optional<std::string> field, std::string message) {
  throw Refusal(code, std::move(field), std::move(message));
}

}  // namespace tatakerja
