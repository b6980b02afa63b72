// What the sign-in and account handlers share (identity/handlers_auth.cpp,
// identity/handlers_account.cpp): the client address of a request, the throttle's keys, the
// refusal while a key waits, the record of a wrong password and a password hashing slot. Internal
// to the API.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/api.hpp"
#include "api/rate_limiter.hpp"

namespace tatakerja::server {

// How long a sign-in waits for a password hashing slot before it is answered SIGN_IN_BUSY: not at
// all. A request is handled on a worker thread that also serves other requests; a sign-in waiting
// for a slot would hold its worker as long as one hashing, so under a flood of sign-ins every
// worker would be taken. Refused at once, the extra sign-ins cost next to nothing (the web
// interface tries again after Retry-After).
inline constexpr std::chrono::milliseconds kHashingWait{0};

// The client address of the request (client_address.hpp, with the configured trusted proxies).
std::string request_client_address(const Context& ctx);
// The throttle's key of a user name at an address, and of the address alone.
std::string pair_key(std::string_view username, const std::string& address);
std::string address_key(const std::string& address);
// Refuses RATE_LIMITED (with Retry-After) while the pair or the address must wait.
void refuse_while_throttled(Context& ctx, std::string_view username, const std::string& address,
                            std::int64_t now);
// Counts a wrong password for the pair and for the address.
void record_wrong_password(Context& ctx, std::string_view username, const std::string& address,
                           std::int64_t now);
// A password hashing slot, or SIGN_IN_BUSY (503, Retry-After: 1) after kHashingWait.
RateLimiter::HashingSlot hashing_slot(Context& ctx);
// The Set-Cookie value that ends the session cookie.
std::string clearing_session_cookie(const Context& ctx);

}  // namespace tatakerja::server
