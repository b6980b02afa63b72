// A message written out for SMTP DATA (RFC 5322 with MIME, RFC 2045/2047): CRLF line ends, the
// subject as RFC 2047 UTF-8 encoded words when it is not plain ASCII, the body as base64 UTF-8
// text/plain, so that no line of a person's text can end the DATA ("." alone) or add a header.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "work/notification_email.hpp"

namespace tatakerja::mail {

// Date (RFC 5322, UTC: "Fri, 04 Dec 2026 18:53:17 +0000") of a Unix time.
std::string rfc5322_date(std::int64_t unix_seconds);

// The subject header's value: `subject` itself when it is printable ASCII of at most 900 bytes;
// otherwise encoded words "=?UTF-8?B?...?=" of at most 75 characters each, folded with CRLF SP,
// never splitting a UTF-8 character. Line ends in `subject` become spaces.
std::string encoded_subject(std::string_view subject);

// The whole message: Date, From ("Tatakerja <from>"), To, Subject, Message-ID (<message_id>),
// MIME-Version, Content-Type text/plain; charset=UTF-8, Content-Transfer-Encoding base64, a blank
// line and the body (its "\n" turned into CRLF) in base64 lines of 76 characters.
// `m.from` and `m.to` must be addresses (identity::is_email_address; std::invalid_argument).
std::string smtp_message(const work::EmailMessage& m, std::int64_t now_unix,
                         std::string_view message_id);

}  // namespace tatakerja::mail
