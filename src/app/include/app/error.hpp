// The one exception the service layer throws for requests it refuses: a stable code (the codes of
// docs/api.md's error table: NOT_FOUND, INVALID_FIELD, NIP_INVALID, HIERARCHY_CYCLE, CONFLICT,
// ...), the offending field when there is one, and an Indonesian message meant for people. The HTTP
// server maps the code to a status; the CLI prints the message. Database failures are not wrapped:
// they stay storage::DatabaseError.
#pragma once

#include <stdexcept>
#include <string>

namespace tatakerja::app {

class ServiceError : public std::runtime_error {
 public:
  // `code` is stable and never translated; `field` is empty when the error concerns no field;
  // `message` is Indonesian (what() returns it too).
  ServiceError(std::string code, std::string field, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)), field_(std::move(field)) {}
  const std::string& code() const { return code_; }
  const std::string& field() const { return field_; }
  std::string message() const { return what(); }

 private:
  std::string code_;
  std::string field_;
};

}  // namespace tatakerja::app
