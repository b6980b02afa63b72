// The client address of a request behind trusted reverse proxies (client_address.hpp).
#include "api/client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace tatakerja::server {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

}  // namespace

std::string canonical_address(std::string_view address) {
  std::string text(trim(address));
  // "[::1]" as some proxies write IPv6.
  if (text.size() > 2 && text.front() == '[' && text.back() == ']')
    text = text.substr(1, text.size() - 2);
  if (text.empty() || text.size() > 64) return {};
  unsigned char v4[4];
  if (inet_pton(AF_INET, text.c_str(), v4) == 1) {
    char out[INET_ADDRSTRLEN];
    return inet_ntop(AF_INET, v4, out, sizeof out) != nullptr ? std::string(out) : std::string();
  }
  unsigned char v6[16];
  if (inet_pton(AF_INET6, text.c_str(), v6) != 1) return {};
  static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(v6, kMapped, sizeof kMapped) == 0) {
    char out[INET_ADDRSTRLEN];
    return inet_ntop(AF_INET, v6 + 12, out, sizeof out) != nullptr ? std::string(out)
                                                                   : std::string();
  }
  char out[INET6_ADDRSTRLEN];
  return inet_ntop(AF_INET6, v6, out, sizeof out) != nullptr ? std::string(out) : std::string();
}

std::string client_address(const Request& req, const std::vector<std::string>& trusted_proxies) {
  std::string peer = canonical_address(req.client_address);
  if (peer.empty()) peer = req.client_address;
  if (trusted_proxies.empty()) return peer;
  std::vector<std::string> trusted;
  trusted.reserve(trusted_proxies.size());
  for (const auto& t : trusted_proxies) trusted.push_back(canonical_address(t));
  const auto is_trusted = [&](const std::string& a) {
    return std::find(trusted.begin(), trusted.end(), a) != trusted.end();
  };
  if (!is_trusted(peer)) return peer;
  // Every X-Forwarded-For entry, in the order sent (several headers read as one list).
  std::vector<std::string_view> hops;
  for (const auto& [name, value] : req.headers) {
    if (!equals_ignoring_case(name, "X-Forwarded-For")) continue;
    std::string_view v = value;
    while (true) {
      const auto comma = v.find(',');
      hops.push_back(trim(v.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      v.remove_prefix(comma + 1);
    }
  }
  std::string client = peer;
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    const std::string hop = canonical_address(*it);
    if (hop.empty()) break;  // not an address: nothing left of it is believed
    client = hop;
    if (!is_trusted(hop)) break;
  }
  return client;
}

std::string service_address(const Request& req, std::string_view public_url,
                            const std::vector<std::string>& trusted_proxies) {
  if (!public_url.empty()) {
    while (public_url.ends_with('/')) public_url.remove_suffix(1);
    return std::string(public_url);
  }
  const std::string_view host = req.header("Host");
  if (host.empty() || host.size() > 255) return "";
  for (const char c : host) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    if (!ok) return "";
  }
  const std::string peer = canonical_address(req.client_address);
  bool trusted = false;
  for (const auto& proxy : trusted_proxies) {
    trusted = trusted || (!peer.empty() && canonical_address(proxy) == peer);
  }
  const bool https = trusted && req.header("X-Forwarded-Proto") == "https";
  return std::string(https ? "https://" : "http://") + std::string(host);
}

}  // namespace tatakerja::server
