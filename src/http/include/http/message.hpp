// One HTTP request and its response as plain structs, so that the API, the router and the tests
// compile without Boost.Beast (only the transport, server/http_server.cpp, includes it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tatakerja::server {

// One HTTP request as the handler sees it.
struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as sent: "/api/v1/employees?q=budi"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string client_address;   // peer IP address as text
  bool body_too_large = false;  // the body was over the limit and was not read (answer 413)

  // Value of the first header named `name` (case-insensitive); empty when absent.
  std::string_view header(std::string_view name) const;
  std::string_view path() const;   // target up to '?'
  std::string_view query() const;  // after '?', empty when none
};

// Percent-decodes a URL path or query component ('+' becomes a space when plus_is_space, as in a
// query); nullopt when an escape is malformed.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

// One HTTP response. Content-Length and Connection are set by the transport.
struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // Replaces the header `name` (case-insensitive) or appends it.
  void set_header(std::string_view name, std::string value);
};

}  // namespace tatakerja::server
