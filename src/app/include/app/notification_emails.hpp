// The e-mail copies of the inbox's notifications (issue 12 item 3): one round of the mailer that
// the server runs when an SMTP server is configured (docs/operations.md, "E-mail"). A round
//   1. queues a copy of each notification it has not seen yet whose recipient has an active
//      account with an address (the address kept with the copy), and moves its cursor past them;
//      on its very first round it starts at the newest notification, so that configuring SMTP on
//      a database with a history sends none of it;
//   2. sends the copies that are due, each first claimed (claim_email_delivery) so that two
//      servers on one database never send one twice; a failure is tried again later
//      (work::retry_delay_seconds) and given up after work::kMaxEmailAttempts.
// Queueing is one transaction; each claim and each result is one; the sending itself holds no
// transaction. The inbox is the record: a copy that fails changes nothing there.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/audit.hpp"  // iso_utc_of
#include "app/stores.hpp"
#include "work/notification_email.hpp"

namespace tatakerja::app {

// Sends one message; throws MailError with the reason (the SMTP server's reply, a refused
// connection, a timeout) when it was not accepted.
class MailTransport {
 public:
  virtual ~MailTransport() = default;
  virtual void send(const work::EmailMessage& m) = 0;
};

class MailError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct EmailRound {
  int queued = 0;    // copies queued this round
  int sent = 0;      // accepted by the SMTP server
  int failed = 0;    // refused or not reached, to be tried again
  int given_up = 0;  // failed for the last time
  // "notification 12: <reason>" for each copy that failed this round (no address), for the log.
  std::vector<std::string> failures;
};

// One round at `now_unix` (seconds since the epoch). At most `batch` notifications are read and at
// most `batch` copies sent, so that one round is bounded; the next round goes on.
// settings.from must be an address (identity::is_email_address; std::invalid_argument otherwise).
EmailRound deliver_notification_emails(const Stores& stores, MailTransport& transport,
                                       const work::EmailSettings& settings, std::int64_t now_unix,
                                       int batch = 100);

}  // namespace tatakerja::app
