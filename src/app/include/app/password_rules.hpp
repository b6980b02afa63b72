// The rules a new password must meet, after NIST SP 800-63B (section 5.1.1.2, "memorized
// secrets"): a minimum and a maximum length, a list of common passwords and patterns that are
// refused, and no composition rules (no "one capital, one digit, one symbol"). Every refusal is a
// tatakerja::Refusal with its own stable code and an Indonesian message saying what to do:
//   PASSWORD_TOO_SHORT      fewer than kMinPasswordLength characters;
//   PASSWORD_TOO_LONG       more than kMaxPasswordLength characters;
//   PASSWORD_TOO_COMMON     in the list of common passwords (common_passwords.cpp), a common
//                           password with digits or symbols around it ("password2026!"), one
//                           character or a short group repeated ("aaaaaaaaaa", "abcabcabcabc"), a
//                           run of the alphabet, of digits or along a keyboard row ("1234567890",
//                           "qwertyuiop", "9876543210");
//   PASSWORD_CONTAINS_NAME  the user name or the application's name ("tatakerja") inside, with
//                           fewer than kMinPasswordLength characters besides.
// Letters are compared without case.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tatakerja::app {

// Shortest password accepted, in characters (UTF-8 code points). NIST SP 800-63B asks for at
// least 8 (15 where the password is the only factor, in its revision 4); 10 is kept, with the
// list of common passwords and the sign-in throttle (docs/api.md, "Passwords").
inline constexpr std::size_t kMinPasswordLength = 10;
// Longest password accepted, in characters (NIST: at least 64 must be allowed).
inline constexpr std::size_t kMaxPasswordLength = 128;

// Refuses `password` for an account named `username` unless it meets every rule above; `field` is
// the request field the refusal names ("password", "new_password").
void check_password(std::string_view password, std::string_view username,
                    const std::string& field = "password");

// Whether `word` (lower case) is in the list of common passwords.
bool is_common_password(std::string_view word);

}  // namespace tatakerja::app
