// The mailer's round: queue the copies of new notifications, then send the copies that are due.
#include "app/notification_emails.hpp"

#include <optional>
#include <vector>

#include "app/audit.hpp"
#include "core/transaction.hpp"
#include "identity/model.hpp"

namespace tatakerja::app {
namespace {

// How long a claimed copy is kept from other mailers while it is being sent (the transport's
// timeout is well under it).
constexpr std::int64_t kClaimSeconds = 600;
// An SMTP server's reply can be long; the stored error keeps its start.
constexpr std::size_t kErrorBytes = 500;

std::optional<std::string> address_of(const Stores& stores, org::Id employee_id) {
  const auto user = stores.identity.active_user_of_employee(employee_id);
  if (!user || user->email.empty() || !identity::is_email_address(user->email)) return std::nullopt;
  return user->email;
}

// The first round starts after the newest notification (read page by page, once).
void start_cursor(const Stores& stores) {
  org::Id newest = 0;
  for (;;) {
    const auto page = stores.work.notifications_after(newest, 1000);
    if (page.empty()) break;
    newest = page.back().id;
  }
  Transaction tx(stores.transactions);
  if (!stores.work.email_cursor()) stores.work.set_email_cursor(newest);
  tx.commit();
}

int queue_new_copies(const Stores& stores, const std::string& now, int batch) {
  if (!stores.work.email_cursor()) {
    start_cursor(stores);
    return 0;
  }
  Transaction tx(stores.transactions);
  const auto cursor = stores.work.email_cursor();
  const auto fresh = stores.work.notifications_after(cursor.value_or(0), batch);
  if (fresh.empty()) return 0;
  int queued = 0;
  for (const auto& n : fresh) {
    const auto address = address_of(stores, n.employee_id);
    if (!address) continue;
    work::EmailDelivery d;
    d.notification_id = n.id;
    d.address = *address;
    d.status = std::string(work::kEmailWaiting);
    d.next_attempt_at = now;
    d.created_at = now;
    stores.work.insert_email_delivery(d);
    ++queued;
  }
  stores.work.set_email_cursor(fresh.back().id);
  tx.commit();
  return queued;
}

bool claim(const Stores& stores, org::Id notification_id, const std::string& now,
           const std::string& until) {
  Transaction tx(stores.transactions);
  const bool taken = stores.work.claim_email_delivery(notification_id, now, until);
  tx.commit();
  return taken;
}

void record(const Stores& stores, const work::EmailDelivery& d) {
  Transaction tx(stores.transactions);
  stores.work.update_email_delivery(d);
  tx.commit();
}

}  // namespace

EmailRound deliver_notification_emails(const Stores& stores, MailTransport& transport,
                                       const work::EmailSettings& settings, std::int64_t now_unix,
                                       int batch) {
  if (!identity::is_email_address(settings.from))
    throw std::invalid_argument("the sender address (smtp_from) is not an e-mail address");
  const std::string now = iso_utc_of(now_unix);
  EmailRound round;
  round.queued = queue_new_copies(stores, now, batch);
  const std::vector<work::EmailDelivery> due = stores.work.email_deliveries_due(now, batch);
  const std::string until = iso_utc_of(now_unix + kClaimSeconds);
  for (work::EmailDelivery d : due) {
    if (!claim(stores, d.notification_id, now, until)) continue;
    const auto n = stores.work.notification(d.notification_id);
    ++d.attempts;
    try {
      if (!n) throw MailError("the notification is gone");
      transport.send(work::notification_email(*n, d.address, settings));
      d.status = std::string(work::kEmailSent);
      d.last_error.clear();
      d.sent_at = iso_utc_of(now_unix);
      d.next_attempt_at = d.sent_at;
      ++round.sent;
    } catch (const MailError& e) {
      d.last_error = std::string(e.what()).substr(0, kErrorBytes);
      round.failures.push_back("notification " + std::to_string(d.notification_id) + ": " +
                               d.last_error);
      if (const auto delay = work::retry_delay_seconds(d.attempts)) {
        d.next_attempt_at = iso_utc_of(now_unix + *delay);
        ++round.failed;
      } else {
        d.status = std::string(work::kEmailFailed);
        ++round.given_up;
      }
    }
    record(stores, d);
  }
  return round;
}

}  // namespace tatakerja::app
