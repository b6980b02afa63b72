// E-mail copies of inbox notifications (issue 12 item 3: "an in-app inbox; e-mail through an SMTP
// server when one is configured"). Pure: what a delivery record is, when a failed one is tried
// again, and what the message says. The writing out (RFC 5322) and the sending is an adapter's job
// (src/mail), the queue a store's (WorkStore), the round a use case's (app/notification_emails).
//
// A notification is copied to the address of the recipient's active account when that account has
// one at the time the mailer first sees the notification; the address is kept with the delivery,
// so a later change of address does not redirect a message already queued.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "work/assignment.hpp"
#include "work/model.hpp"

namespace tatakerja::work {

// The states of one e-mail copy: waiting to be sent (or sent again after a failure), sent, or
// given up after kMaxEmailAttempts failures.
inline constexpr std::string_view kEmailWaiting = "menunggu";
inline constexpr std::string_view kEmailSent = "terkirim";
inline constexpr std::string_view kEmailFailed = "gagal";
inline constexpr int kMaxEmailAttempts = 5;

struct EmailDelivery {
  Id notification_id = 0;
  std::string address;  // the recipient's address when the copy was queued
  std::string status = std::string(kEmailWaiting);
  int attempts = 0;             // failed or successful sends tried
  std::string last_error;       // the SMTP server's or the transport's words; "" once sent
  std::string next_attempt_at;  // ISO 8601 UTC; a claim moves it forward while sending
  std::string sent_at;          // "" until sent
  std::string created_at;
  friend bool operator==(const EmailDelivery&, const EmailDelivery&) = default;
};

// Seconds to wait after the `attempts`-th failure before trying again: 1 minute, 5, 30, 2 hours;
// nullopt once kMaxEmailAttempts have failed (the copy is given up, the inbox keeps the message).
std::optional<int> retry_delay_seconds(int attempts);

// What the mailer needs besides the notification.
struct EmailSettings {
  std::string from;        // the sender address (identity::is_email_address)
  std::string public_url;  // the service's address for the link, "https://host/"; "" for none
};

// One message, before it is written out for SMTP (src/mail does that: headers, RFC 2047 subject,
// base64 body).
struct EmailMessage {
  std::string from;
  std::string to;
  std::string subject;  // one line, UTF-8
  std::string body;     // UTF-8 text, "\n" line ends
  friend bool operator==(const EmailMessage&, const EmailMessage&) = default;
};

// The message for one notification: the subject says what it is about ("Tatakerja: langkah
// penugasan", "... kegiatan", "... tenggat"); the body is the notification's message, the link to
// its assignment or activity in the web interface when public_url is set, and a line saying the
// inbox holds it. Control characters of the message other than line ends are dropped.
EmailMessage notification_email(const Notification& n, std::string_view address,
                                const EmailSettings& settings);

// The path of a notification's page in the web interface: "tugas/12", "kegiatan/7", or "kerja"
// (My work) when it refers to neither.
std::string notification_link_path(const Notification& n);

}  // namespace tatakerja::work
