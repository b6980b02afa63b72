// The address a request comes from, as the sign-in throttle and the sessions record it: the peer
// of the connection, or, when that peer is one of the configured trusted reverse proxies
// (ServerConfig::trusted_proxies), the address the proxies say they received the request from:
// the right-most entry of X-Forwarded-For (all such headers, in order) that is not itself a
// trusted proxy. A client can put anything at the left of X-Forwarded-For; only what the trusted
// proxies appended is believed. An entry that is not an IP address ends the search: the last
// trusted hop before it is taken.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace tatakerja::server {

// The client address of `req` given the trusted proxies. IPv4-mapped IPv6 addresses
// ("::ffff:10.0.0.1") are written as IPv4, so that a proxy may be listed either way.
std::string client_address(const Request& req, const std::vector<std::string>& trusted_proxies);

// `address` in its canonical text (inet_ntop) with IPv4-mapped IPv6 written as IPv4; empty when it
// is not an IP address.
std::string canonical_address(std::string_view address);

// The service's own address for a link it hands out (a letter's QR code), without a trailing
// slash: `public_url` when the operator configured one, else the scheme and host `req` came to
// (https only when a trusted proxy says so in X-Forwarded-Proto); "" when neither is usable (a
// Host header that is not a plain host[:port]).
std::string service_address(const Request& req, std::string_view public_url,
                            const std::vector<std::string>& trusted_proxies);

}  // namespace tatakerja::server
